"""Search in the reader (/): matches in every source, n/N walking them (called "match" while a
search is on), no match, headlines, long queries and queries that look like markup."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    press,
    reading_status,
    ready,
    record_notifications,
    screen_text,
    status_text,
    warehouse_app,
)
from story_factories import MARKUP, tiny_story
from storyview.model import Member
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.searchbar import SearchBar
from textual.pilot import Pilot


def footer_line(app: StoryviewApp) -> str:
    return screen_text(app).splitlines()[-1]


def palette_titles(app: StoryviewApp) -> list[str]:
    return [str(command.title) for command in app.get_system_commands(app.screen)]


async def test_slash_searches_all_sources_and_n_walks_the_matches(pilot: Pilot[Any]) -> None:
    app = pilot.app
    screen = app.main
    grid = screen.grid
    await pilot.press("slash")
    bar = screen.query_one(SearchBar)
    assert bar.display and bar.has_focus
    await pilot.press(*"tisch", "enter")
    assert not bar.display and grid.has_focus
    assert screen.search_query == "tisch"
    assert len(screen.search_passages) >= 2
    first = grid.current
    assert first is not None and first in screen.search_passages
    assert grid.matches
    assert "search tisch" in status_text(app) and f"1/{len(screen.search_passages)}" in status_text(app)
    await pilot.press("n")
    assert grid.current == screen.search_passages[1]
    await pilot.press("N")
    assert grid.current == first
    await pilot.press("escape")
    assert screen.search_query is None and not grid.matches and screen.search_passages == []


async def test_a_search_with_no_match_says_so(pilot: Pilot[Any]) -> None:
    app = pilot.app
    messages = record_notifications(app)
    await pilot.press("slash", *"zzqx", "enter")
    assert any("No matches" in m for m in messages)
    assert app.main.search_passages == []


async def test_a_word_only_in_a_headline_says_headlines_are_not_searched(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert "not their headlines" in app.main.BINDINGS[[b.key for b in app.main.BINDINGS].index("slash")].tooltip
    messages = record_notifications(app)
    await pilot.press("slash", *"Discontented", "enter")  # in source 1's headline only, in any case
    assert app.main.search_passages == []
    assert any("No matches in the paragraphs" in m and "headlines are not searched" in m for m in messages)


@pytest.mark.size(80, 24)
async def test_a_long_search_keeps_its_match_count_in_view(pilot: Pilot[Any]) -> None:
    app = pilot.app
    screen = app.main
    query = "Immigration and Customs Enforcement"
    await pilot.press("slash", *query, "enter")
    assert screen.search_query == query and screen.search_passages
    status = status_text(app)
    assert re.search(rf"  \d+/{len(screen.search_passages)}$", status.rstrip()), status  # the first match after the lede
    assert "Immigration…" in status and query not in status


async def test_a_query_that_looks_like_markup_is_searched_and_shown_literally() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("slash", "left_square_bracket", *"bold", "right_square_bracket", "enter")
        assert app.main.search_query == "[bold]"
        assert "search [bold]" in status_text(app) and "1/1" in status_text(app)
        assert grid.current is not None and grid.current.member == Member("b_002", 1)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen.searching
        await pilot.press("g", "n")
        assert screen.view.current is not None and screen.view.current.paragraph == 1
        assert screen.view.current.start == MARKUP.index("[bold]")


async def test_n_is_called_match_while_a_search_is_on_and_unique_again_after(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "n N unique" in footer_line(app)
        assert "Next unique passage" in palette_titles(app) and "Next match" not in palette_titles(app)
        await press(pilot, "slash", *"fire", "enter")
        await pilot.pause()
        assert "n N match" in footer_line(app) and "unique" not in footer_line(app)
        titles = palette_titles(app)
        assert "Next match" in titles and "Previous match" in titles and "Next unique passage" not in titles
        first = app.main.grid.current
        await press(pilot, "n")
        assert app.main.grid.current != first  # n still steps through the matches
        assert "search fire  2/" in status_text(app)
        await press(pilot, "N")
        assert app.main.grid.current == first
        await press(pilot, "escape")
        await pilot.pause()
        assert "n N unique" in footer_line(app)


async def test_reading_mode_opened_during_a_search_calls_n_match(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        assert "n N unique" in footer_line(app)
        await press(pilot, "escape", "slash", *"fire", "enter")
        await pilot.pause()
        await press(pilot, "r")
        assert "n N match" in footer_line(app)
        await press(pilot, "n")
        assert "matches 1/" in reading_status(app.screen) or "matches 2/" in reading_status(app.screen)


async def test_reading_mode_opened_at_a_match_starts_there_and_n_goes_on(tmp_path: Path) -> None:
    """try25: `/jurors⏎ n r n` stood still: reading mode opened on the paragraph of a match, and
    the first n went to that very match. It opens counting that match, and n moves on."""
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "slash", *"fire", "enter")
        await pilot.pause()
        await press(pilot, "r")
        screen = app.screen
        passages = screen.view.passages(True)
        start = screen.view.cursor
        at = next(k for k, p in enumerate(passages) if p.row == start)
        assert f"matches {at + 1}/{len(passages)}" in reading_status(screen)
        await press(pilot, "n")
        assert f"matches {at + 2}/{len(passages)}" in reading_status(screen)
        assert screen.view.current == passages[at + 1]
