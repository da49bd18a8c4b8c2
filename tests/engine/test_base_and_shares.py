"""The base source's order and counts, and each source's unique share and groups covered."""

from __future__ import annotations

import re

from storyview.engine.base import base_order, relative, relative_marks
from storyview.engine.shares import shares_of, source_shares
from storyview.model import Article, Group, Marks, Member, Paragraph, Story


def test_base_order_follows_the_base_and_keeps_every_group(seed_story: Story) -> None:
    for article in seed_story.articles:
        ordered = base_order(seed_story, article.id)
        assert sorted(g.id for g in ordered) == sorted(g.id for g in seed_story.groups)
        firsts = [min(m.paragraph for m in g.members if m.source == article.id) for g in ordered if article.id in g.sources]
        assert firsts == sorted(firsts)


def test_a_group_the_base_leaves_out_stays_after_the_base_group_it_follows() -> None:
    body = lambda n: tuple(Paragraph(i, "body", f"p{i}") for i in range(n))  # noqa: E731
    a, b = Article("a", "a", body(3)), Article("b", "b", body(3))
    groups = (
        Group(1, "x", (Member("a", 2), Member("b", 0))),
        Group(2, "only b", (Member("b", 1),)),
        Group(3, "y", (Member("a", 0), Member("b", 2))),
        Group(4, "z", (Member("a", 1),)),
    )
    story = Story((a, b), groups)
    assert [g.id for g in base_order(story, "a")] == [3, 4, 1, 2]
    assert [g.id for g in base_order(story, "b")] == [1, 2, 3, 4]
    rel = relative(story, "a")
    assert (rel.shared, rel.own, rel.left_out, rel.adds) == (2, 1, 1, {"b": 1})


def test_shares_count_the_words_in_unique_spans_and_the_groups_a_source_is_in() -> None:
    text = "Five workers were hurt on Monday, the police said."
    a = Article("a", "a", (Paragraph(0, "headline", "Title words"), Paragraph(1, "body", text)))
    b = Article("b", "b", (Paragraph(0, "body", "Workers were hurt, police said."), Paragraph(1, "body", "More.")))
    start = text.index("Five")
    marks = {Member("a", 1): Marks(unique=((start, start + len("Five workers")),))}
    groups = (Group(1, "hurt", (Member("a", 1), Member("b", 0))), Group(2, "more", (Member("b", 1),)))
    shares = source_shares(Story((a, b), groups, marks))
    assert (shares["a"].words, shares["a"].unique_words, shares["a"].groups_covered) == (9, 2, 1)
    assert shares["a"].unique_share == 2 / 9
    assert (shares["b"].words, shares["b"].unique_words, shares["b"].groups_covered) == (6, 0, 2)


def test_the_pipeline_computes_the_shares_once(seed_story: Story) -> None:
    assert seed_story.shares and shares_of(seed_story) is seed_story.shares
    assert seed_story.shares == source_shares(seed_story)
    for article in seed_story.articles:
        share = seed_story.shares[article.id]
        words = sum(len(re.findall(r"\w+", p.text)) for p in article.body)
        assert abs(share.words - words) <= words * 0.1
        assert 0 < share.unique_share < 1
        assert share.groups_covered == sum(1 for g in seed_story.groups if article.id in g.sources)


def test_against_a_base_the_others_marks_are_what_they_add_to_it() -> None:
    base = Article("a", "a", (Paragraph(0, "body", "The mayor opened the new bridge on Monday."),))
    other = Article("b", "b", (Paragraph(0, "body", "The mayor opened the new bridge on Monday with two thousand guests."),
                               Paragraph(1, "body", "Traffic was stopped for hours."),))
    groups = (Group(1, "bridge", (Member("a", 0), Member("b", 0))), Group(2, "traffic", (Member("b", 1),)))
    own = {Member("a", 0): Marks(unique=((0, 3),))}
    story = Story((base, other), groups, own)
    marks = relative_marks(story, "a")
    added = [other.paragraphs[0].text[s:e] for s, e in marks[Member("b", 0)].unique]
    assert added == ["with two thousand guests"]
    assert marks[Member("b", 1)].unique == ((0, len("Traffic was stopped for hours")),)  # left out by the base: whole
    assert Member("a", 0) not in marks  # the base keeps its own marks
