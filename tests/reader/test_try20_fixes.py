"""The reader's power tools as the try20 tryout found them: the source picker's keys, a page
down at the end that went back, the export dialog's Tab stops, and the mode a status line at
80 columns dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import export, open_export, press, ready, seeds_app, status_text
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from rich.style import Style as RichStyle
from storyview.reader.screens.sources import SourcesScreen
from storyview.reader.widgets.status import StatusInfo, StatusLine
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, RadioSet


async def open_picker(pilot: Pilot[Any]) -> SourcesScreen:
    await press(pilot, "S")
    picker = pilot.app.screen
    assert isinstance(picker, SourcesScreen)
    return picker


async def test_the_source_picker_moves_with_j_and_k_and_stays_open_while_space_hides(pilot: Pilot[Any]) -> None:
    app = pilot.app
    ids = [a.id for a in app.story.articles]
    picker = await open_picker(pilot)
    listing = picker.query_one(OptionList)
    await pilot.press("home", "j", "j")
    assert listing.highlighted == 2
    await pilot.press("space")  # `S j j space` hides source 3, and the picker stays for more
    await pilot.pause()
    assert app.screen is picker and app.main.grid.hidden == {ids[2]}
    assert "(hidden)" in str(listing.get_option_at_index(2).prompt)
    await pilot.press("k", "space", "j", "space", "down", "space")  # 2 hidden, 3 shown again, 4 hidden
    await pilot.pause()
    assert app.main.grid.hidden == {ids[1], ids[3]} and listing.highlighted == 3
    assert "(hidden)" not in str(listing.get_option_at_index(2).prompt)
    await pilot.press("up", "space")
    await pilot.pause()
    assert app.main.grid.hidden == {ids[1], ids[2], ids[3]} and app.screen is picker
    await press(pilot, "escape")
    assert isinstance(app.screen, MainScreen) and app.main.grid.hidden == {ids[1], ids[2], ids[3]}
    picker = await open_picker(pilot)
    await pilot.press("home", "j")
    await press(pilot, "enter")  # enter goes to the source, shown again, and closes
    assert isinstance(app.screen, MainScreen)
    assert app.main.grid.focused == ids[1] and ids[1] not in app.main.grid.hidden


async def test_the_source_picker_keeps_one_source_shown_and_says_its_keys(pilot: Pilot[Any]) -> None:
    app = pilot.app
    ids = [a.id for a in app.story.articles]
    picker = await open_picker(pilot)
    await pilot.press("home")
    for _ in ids:
        await pilot.press("space", "j")
    await pilot.pause()
    assert app.screen is picker and len(app.main.grid.visible_sources) == 1
    title = str(picker.query_one("#sources-title").render())
    for words in ("j k", "space", "stays open", "enter", "esc"):
        assert words in title
    keys = {key for binding in SourcesScreen.BINDINGS for key in binding.key.split(",")}  # what help lists
    assert {"j", "k", "space", "enter", "escape"} <= keys


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_page_keys_at_either_end_keep_the_cursor_there(size: tuple[int, int]) -> None:
    app = seeds_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("G")
        last = grid.cursor
        said = status_text(app)
        await pilot.press("pagedown")
        assert grid.cursor == last and status_text(app) == said
        await pilot.press("pagedown")
        assert grid.cursor == last
        await pilot.press("g", "pageup")
        assert grid.cursor == 0 and grid.scroll_y == 0
        await pilot.press("z", "G", "pagedown")  # unfolded too
        assert grid.cursor == len(grid.rows) - 1


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_page_keys_at_either_end_of_reading_mode_keep_the_cursor_there(size: tuple[int, int]) -> None:
    app = seeds_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        view = reading.view
        await pilot.press("G")
        last = view.cursor
        assert last == view.row_count() - 1
        await pilot.press("pagedown")
        assert view.cursor == last
        await pilot.press("g", "pageup")
        assert view.cursor == 0
        if view.max_scroll_y > 0:  # pages on from the top still bring the cursor along
            await pilot.press("pagedown")
            assert view.cursor > 0


@pytest.mark.size(80, 24)
async def test_every_tab_stop_of_the_export_dialog_does_something_and_enter_exports_from_each(
    pilot: Pilot[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = await open_export(pilot)
    stops = [dialog.focused]
    for _ in range(4):
        await pilot.press("tab")
        stops.append(dialog.focused)
    assert [s for s in stops if not isinstance(s, (Input, RadioSet))] == [], stops  # the name and the formats
    assert {type(s) for s in stops} != {Input}  # Tab does reach the format list
    formats = dialog.query_one(RadioSet)
    formats.focus()
    await pilot.pause()
    await pilot.press("down")  # on the format list ↑↓ choose the format at once, as on the file name
    assert dialog.fmt == "md" and dialog.query_one(Input).value == "storyview-report.md" and formats.pressed_index == 1
    messages = await export(pilot, "enter", dialog_open=True)
    assert messages == [f"wrote {tmp_path / 'storyview-report.md'}"]
    dialog = await open_export(pilot)
    await pilot.press("tab")  # the same from the Tab stop after the file name
    assert isinstance(dialog.focused, RadioSet)
    messages = await export(pilot, "up", "enter", dialog_open=True)
    assert messages[-1:] == [f"wrote {tmp_path / 'storyview-report.html'}"]


@pytest.mark.size(80, 24)
async def test_at_80_columns_the_status_keeps_the_shading_legend_and_what_the_base_leaves_out(
    pilot: Pilot[Any],
) -> None:
    app = pilot.app
    await pilot.press("s")
    await pilot.pause()
    said = status_text(app)
    assert "shading" in said and " 2  3  4+ " in said and "group " in said, said
    await pilot.press("B")
    await pilot.pause()
    said = status_text(app)
    assert "base 1 " in said and "others add 12" in said and "shading" in said and "group " in said, said
    await pilot.press("s")
    await pilot.pause()
    said = status_text(app)
    assert "others add 12" in said and "group " in said, said


async def test_a_short_status_names_the_base_by_number_before_it_drops_what_the_others_add() -> None:
    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield StatusLine()

    info = StatusInfo(shown=10, total=10, columns=(1, 2, 3), row=6, rows=149, unique=44, threshold=0.16,
                      heat=True, heat_styles=(RichStyle(), RichStyle(), RichStyle()), base="1 00_2_11ecb",
                      base_left_out=125)
    async with Bare().run_test(size=(80, 24)) as pilot:
        line = pilot.app.query_one(StatusLine)
        line.show(info)
        said = str(line.render())
        assert "base 1 · others add 125" in said and "shading" in said and "group 6/149" in said, said
        assert len(said) <= 78
