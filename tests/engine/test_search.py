"""search.py: literal, smart-case search over every source, with spans the reader can highlight."""

from __future__ import annotations

from story_factories import MARKUP, tiny_story
from storyview.engine.search import Match, compile_query, search
from storyview.model import Member


def texts(story, matches):  # type: ignore[no-untyped-def]
    return [story.paragraph(m.member).text[m.start : m.end] for m in matches]


def test_lowercase_query_ignores_case_and_spans_point_at_the_text() -> None:
    story = tiny_story()
    found = search(story, "harbour")
    assert texts(story, found) == ["harbour"] * 3  # a¶2, b¶0, c¶1 (not the headlines)
    assert found[0] == Match("a_001", 2, found[0].start, found[0].end)
    assert found[0].member == Member("a_001", 2)


def test_a_capital_letter_makes_the_search_case_sensitive() -> None:
    story = tiny_story()
    assert len(search(story, "monday")) == 3
    assert len(search(story, "Monday")) == 3
    assert search(story, "MONDAY") == ()


def test_query_is_literal_not_a_pattern_and_markup_is_just_text() -> None:
    story = tiny_story()
    found = search(story, "[bold]")
    assert texts(story, found) == ["[bold]"]
    assert found[0].member == Member("b_002", 1)
    assert search(story, "a.c") == ()
    assert texts(story, search(story, "[/red] stay")) == ["[/red] stay"]
    assert MARKUP.index("[bold]") == found[0].start


def test_whitespace_in_a_query_matches_any_run_of_whitespace() -> None:
    pattern = compile_query("harbour   bridge")
    assert pattern is not None
    assert pattern.search("the harbour\n bridge")


def test_blank_query_finds_nothing() -> None:
    assert search(tiny_story(), "   ") == ()
    assert compile_query("") is None


def test_kinds_and_sources_limit_the_search() -> None:
    story = tiny_story()
    assert search(story, "newsletter") == ()  # boilerplate is folded by default
    assert len(search(story, "newsletter", kinds=("boilerplate",))) == 1
    assert len(search(story, "harbour", kinds=("headline",))) == 2
    assert [m.source for m in search(story, "monday", sources=["c_003"])] == ["c_003"]


def test_matches_come_in_article_then_text_order() -> None:
    story = tiny_story()
    found = search(story, "e")
    order = [a.id for a in story.articles]
    assert list(found) == sorted(found, key=lambda m: (order.index(m.source), m.paragraph, m.start))
