"""Keys typed ahead (try22 #5): what follows a key that opens a text box goes into it, however
fast it comes. A paste, or `tmux send-keys -l "/rebel"`, queues every key at once; the search
box must get "rebel", not the reading mode its "r" would open in the grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, burst, ready, seeds_app
from stories_app import folder_app, listed, opened
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


async def test_keys_typed_after_enter_in_the_search_box_go_to_the_search(pilot: Pilot[Any]) -> None:
    """try24 #1: "/police" enter "nn" in one burst made the query "policenn", or lost an n: the
    keys after enter must step through the matches, as they do when typed slowly."""
    slow = seeds_app()
    async with slow.run_test(size=SIZE) as slowly:
        await ready(slowly)
        await slowly.press("slash", *"police", "enter", "n", "n")
        expected = slow.main.grid.current
        assert slow.main.search_query == "police" and len(slow.main.search_passages) > 3
    app = pilot.app
    await burst(pilot, "/", *"police", "enter", "n", "n")
    assert app.main.search_query == "police" and app.main.grid.has_focus
    assert app.main.query_one(SearchBar).value == "police"
    assert app.main.grid.current == expected
    await burst(pilot, "/", *"xyz", "escape", "n")  # escape too hands what follows to the grid
    assert app.main.search_query == "police" and app.main.grid.has_focus
    assert app.main.grid.current != expected


async def test_keys_typed_as_a_story_opens_wait_for_it() -> None:
    """try24 #2: `/tories` typed just after enter on the story list (or while the story was
    built) lost its `/` and ran "tories" as commands (r: reading mode, s: shading). They wait
    for the story, then go where they would have gone: the search box."""
    app = folder_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)
        await burst(pilot, "enter", "/", *"tories")
        await opened(pilot)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        search = app.main.query_one(SearchBar)
        assert search.value == "tories" and search.has_focus
        assert not app.main.grid.heat  # the `s` typed is text, not shading


async def test_a_filter_kept_with_enter_hands_on_what_follows() -> None:
    """Enter in the story filter closes it before the next key: `j` then moves down the list."""
    app = folder_app()
    async with app.run_test(size=(120, 40)) as pilot:
        stories = await listed(pilot)
        await burst(pilot, "/", *"a", "enter", "j")
        field = stories.query_one("#stories-filter", Input)
        assert field.value == "a" and not field.display and stories.table.has_focus
        assert stories.table.cursor_row == 1


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
    assert dialog.query_one(Input).value == "2x"  # try24 #3: it replaces the proposed name
    assert not app.main.grid.hidden


async def test_a_name_typed_in_the_export_dialog_replaces_the_proposed_one(pilot: Pilot[Any], tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """try24 #3: `e` then "myrep.md" wrote storyview-report.htmlmyrep.md; end keeps the proposed name."""
    monkeypatch.chdir(tmp_path)
    app = pilot.app
    await burst(pilot, "e", *"myrep.md")
    dialog = app.screen
    assert isinstance(dialog, ExportScreen)
    assert dialog.query_one(Input).value == "myrep.md" and dialog.fmt == "md"
    await burst(pilot, "escape", "e", "end", *"x")
    assert app.screen.query_one(Input).value == "storyview-report.htmlx"


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


async def test_j_and_enter_in_one_burst_open_the_story_j_moved_to() -> None:
    """try29: `j` enter sent at once opened the first story: enter's priority binding ran as the
    app took it, before the list had handled the `j` ahead of it."""
    app = folder_app()
    async with app.run_test(size=(120, 40)) as pilot:
        stories = await listed(pilot)
        first = stories.table.story_id
        await burst(pilot, "j", "down", "enter")
        await opened(pilot)
        rows = [r for r in stories.table.rows if r.value != "apart"]
        assert app.story is not None and app.story.id == int(rows[2].value) != first
        await burst(pilot, "escape")
        await listed(pilot)
        await burst(pilot, "G", "enter")  # the last story
        await opened(pilot)
        assert app.story.id == int(rows[-1].value)
        singles = [int(r.value) for r in stories.table.rows if r.value != "apart"
                   and len(app.collection.story(int(r.value)).sources) == 1]
        await burst(pilot, "escape")
        await listed(pilot)
        several = [int(r.value) for r in rows if int(r.value) not in singles]
        await burst(pilot, "home", "pagedown", "pageup", "end", *["up"] * len(singles), "enter")
        await opened(pilot)
        assert app.story.id == several[-1]  # "up" from the first single article steps over the divider


async def test_keys_typed_as_the_command_starts_wait_for_the_story_list() -> None:
    """try30: `j j enter` typed 0.3 s after launch was lost: it came in before the folder's
    reading had begun, when nothing held keys yet."""
    app = folder_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "j", "j", "enter")
        await opened(pilot)
        rows = [r for r in app.get_screen("stories").table.rows if r.value != "apart"]
        assert app.story is not None and app.story.id == int(rows[2].value)
