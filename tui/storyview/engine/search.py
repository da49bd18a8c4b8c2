"""Find a phrase in every source of a Story, as character spans the reader can highlight.

Pure Python on purpose (no Textual): the reader, an exporter or a test can all ask the same
question and get the same answer. Matching is literal (not a regular expression) and
"smart case": a query with no capital letter ignores case, one with a capital respects it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from storyview.model import Kind, Member, Story

__all__ = ["Match", "compile_query", "search"]


@dataclass(frozen=True, order=True)
class Match:
    """One occurrence of the query: `text[start:end]` of a paragraph of one source."""

    source: str
    paragraph: int
    start: int
    end: int

    @property
    def member(self) -> Member:
        return Member(self.source, self.paragraph)


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for a query, or None for a blank one.

    Whitespace in the query matches any run of whitespace, so a phrase still matches where
    the source wrapped or double-spaced it.
    """
    words = query.split()
    if not words:
        return None
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    return re.compile(r"\s+".join(re.escape(word) for word in words), flags)


def search(
    story: Story,
    query: str,
    *,
    kinds: Iterable[Kind] = ("body",),
    sources: Iterable[str] | None = None,
) -> tuple[Match, ...]:
    """Every match of `query` in the paragraphs of the given kinds, in article then text order.

    The reader searches the paragraphs its grid has rows for (body, and boilerplate when
    shown): a headline or byline is drawn in a column's header, which a match cannot go to.

    `sources` limits the search to those article ids (all articles when None).
    """
    pattern = compile_query(query)
    if pattern is None:
        return ()
    wanted_kinds = frozenset(kinds)
    wanted_sources = None if sources is None else frozenset(sources)
    found: list[Match] = []
    for article in story.articles:
        if wanted_sources is not None and article.id not in wanted_sources:
            continue
        # A Member names a paragraph by its position in `paragraphs` (see Story.paragraph).
        for position, paragraph in enumerate(article.paragraphs):
            if paragraph.kind not in wanted_kinds:
                continue
            for hit in pattern.finditer(paragraph.text):
                if hit.end() > hit.start():
                    found.append(Match(article.id, position, hit.start(), hit.end()))
    return tuple(found)
