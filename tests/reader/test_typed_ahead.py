"""Keys typed ahead (try22 #5): what follows a key that opens a text box goes into it, however
fast it comes. A paste, or `tmux send-keys -l "/rebel"`, queues every key at once; the search
box must get "rebel", not the reading mode its "r" would open in the grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import burst, ready, seeds_app
from stories_app import folder_app, listed
from storyview.reader.screens.export import ExportScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.stories import StoriesScreen
from storyview.reader.widgets.searchbar import SearchBar
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input


async def test_a_search_typed_in_one_burst_goes_into_the_search_box(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await burst(pilot, "/", "r", "e", "b", "e", "l")
    search = app.main.query_one(SearchBar)
    assert isinstance(app.screen, MainScreen)  # not the reading mode `r` opens
    assert search.value == "rebel" and search.has_focus
    await burst(pilot, "enter")
    assert app.main.search_query == "rebel" and app.main.grid.has_focus


async def test_a_slash_typed_in_the_search_box_is_text(pilot: Pilot[Any]) -> None:
    """`/` opens the search from the grid; in the box it is a character like any other."""
    app = pilot.app
    await burst(pilot, "/", "2", "4", "/", "7", "e")
    assert app.main.query_one(SearchBar).value == "24/7e"
    assert isinstance(app.screen, MainScreen)  # the `e` typed is text, not the export dialog


async def test_a_filter_typed_in_one_burst_filters_the_story_list() -> None:
    app = folder_app()
    async with app.run_test(size=(120, 40)) as pilot:
        stories = await listed(pilot)
        await burst(pilot, "/", "s", "u", "m", "a", "t", "r", "a")
        field = stories.query_one("#stories-filter", Input)
        assert app.screen is stories and field.value == "sumatra" and field.has_focus
        assert stories.table.query_text == "sumatra" and stories.table.matched == 1
        await burst(pilot, "enter")
        assert stories.table.has_focus and not field.display and stories.table.query_text == "sumatra"


async def test_keys_typed_after_e_go_to_the_export_file_name(pilot: Pilot[Any], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The dialog is pushed after `e`: what follows goes to its file name (an `x` hid a source
    in the grid behind it, `2` the second source)."""
    monkeypatch.chdir(tmp_path)
    app = pilot.app
    await burst(pilot, "e", "2", "x")
    dialog = app.screen
    assert isinstance(dialog, ExportScreen)
    assert dialog.query_one(Input).value == "storyview-report.html2x"
    assert not app.main.grid.hidden


async def test_e_and_enter_together_export_at_once(pilot: Pilot[Any], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = pilot.app
    await burst(pilot, "e", "enter")
    for _ in range(200):
        if (tmp_path / "storyview-report.html").exists():
            break
        await pilot.pause(0.02)
    assert (tmp_path / "storyview-report.html").exists()
    assert isinstance(app.screen, MainScreen)


async def test_a_command_typed_after_ctrl_p_goes_into_the_palette(pilot: Pilot[Any]) -> None:
    """Textual's palette (ctrl+p) takes the keys typed before it is mounted on its own."""
    app = pilot.app
    await burst(pilot, "ctrl+p", "c", "o", "v")
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    assert palette.query_one(CommandInput).value == "cov"
