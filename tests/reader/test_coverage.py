"""The coverage matrix (c): every source or a window of many around the focus, and enter jumps to
the group."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import ready
from story_factories import wide_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.main import MainScreen
from textual.pilot import Pilot
from textual.widgets import Static


async def test_c_opens_the_coverage_matrix_and_enter_jumps_to_the_group(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("c")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CoverageScreen)
    assert screen.view.row_count() == len(grid.rows)
    await pilot.press("j", "j", "j")
    assert screen.view.cursor == 3
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert grid.cursor == 3
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("G", "escape")
    await pilot.pause()
    assert grid.cursor == 3  # escape keeps the place


async def test_the_coverage_matrix_windows_many_sources_around_the_focus() -> None:
    app = StoryviewApp.from_story(wide_story(sources=120, groups=12))
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.press("l", "l", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        view = screen.view
        assert view.focused == "s02"  # the grid's focused source
        shown = view.window()
        assert 10 < len(shown) < 120 and shown.start == 0
        header = view.header(view.content_width)[0].text
        assert " 1 " in header and " 12 " in header and "›" in header  # readable numbers, more to the right
        await pilot.press(*"l" * 20)
        assert view.focused == "s22" and view.column in view.window() and view.window_start > 0
        status = str(screen.query_one("#coverage-status", Static).render())
        assert "source 23/120" in status and "Outlet 22" in status and "columns" in status
        await pilot.press("h")
        assert view.focused == "s21" and view.column in view.window()
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        grid = app.main.grid
        assert grid.focused == "s21" and grid.cursor == len(grid.rows) - 1
        assert "s21" in [c.source for c in grid.columns]


@pytest.mark.size(80, 24)
async def test_the_coverage_matrix_of_a_few_sources_shows_them_all(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await pilot.press("c")
    await pilot.pause()
    view = app.screen.view  # type: ignore[attr-defined]
    assert len(view.window()) == 5 and "columns" not in str(app.screen.query_one("#coverage-status", Static).render())
    await pilot.press("h")
    assert view.column == 4  # wraps around
