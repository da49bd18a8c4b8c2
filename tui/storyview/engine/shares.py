"""Per-source shares: how much of each source's body only it tells, and how many groups it is in.

Computed once per Story (the pipeline stores them in `Story.shares`); the column headers, the
coverage screen and the JSON read them from there.
"""

from __future__ import annotations

import re

from storyview.engine.segment import CJK, has_cjk
from storyview.model import Member, Share, Story

WORD = re.compile(r"\w+(?:['’\-.]\w+)*")
"""A word as the shares count it: letters or digits, joined by an apostrophe, hyphen or point."""
CJK_WORD = re.compile(rf"[{CJK}]|[^\W{CJK}]+(?:['’\-.][^\W{CJK}]+)*")
"""... and in text with Han or kana, each of those a word, as the aligner reads them."""


def source_shares(story: Story) -> dict[str, Share]:
    """Per source id: its body words, those inside a unique span, and the groups it is in.

    A word counts as unique when it lies in a span the unique-text finder marked (spans begin
    and end on words).
    """
    covered: dict[str, int] = {}
    for group in story.groups:
        for source in set(group.sources):
            covered[source] = covered.get(source, 0) + 1
    shares = {}
    for article in story.articles:
        total = unique = 0
        for paragraph in article.body:
            text = paragraph.text
            word = CJK_WORD if has_cjk(text) else WORD
            total += len(word.findall(text))
            for a, b in story.unique(Member(article.id, paragraph.index)):
                unique += len(word.findall(text, a, b))
        shares[article.id] = Share(total, unique, covered.get(article.id, 0))
    return shares


def shares_of(story: Story) -> dict[str, Share]:
    """The Story's shares: those the pipeline stored, else computed now (a Story made by hand)."""
    return story.shares if story.shares or not story.articles else source_shares(story)
