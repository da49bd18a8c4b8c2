"""Reading mode (r): one article at full width, moving by paragraph, w for the layout, n/N with
the position among the unique passages, and the way back to the same group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    press,
    reading_status,
    ready,
    record_notifications,
    screen_text,
    seeds_app,
    warehouse_app,
)
from storyview.model import Member
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.article import MEASURE
from storyview.reader.widgets.status import StatusLine
from textual.pilot import Pilot
from textual.widgets._toast import Toast


async def open_reading(pilot) -> ReadingScreen:  # noqa: ANN001 - a Pilot
    """The seeds, built, in reading mode (r)."""
    await ready(pilot)
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_r_reads_the_focused_article_and_escape_returns_to_the_same_group(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("l", "l", "l")  # source 4
    while not grid.focused_members:
        await pilot.press("j")
    source, paragraph = grid.focused, grid.focused_members[0].paragraph
    row_before = grid.cursor
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    assert screen.view.source == source and screen.view.paragraph == paragraph
    await pilot.press("n")
    assert screen.view.current is not None and screen.view.current.source == source
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    landed = grid.row
    assert landed is not None and source in landed.cells
    assert grid.focused == source
    if screen.view.paragraph == paragraph:
        assert grid.cursor == row_before


async def test_reading_mode_moves_by_paragraph_and_returns_to_that_paragraphs_group(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("l")  # source 2: every paragraph is body
    while not grid.focused_members:
        await pilot.press("j")
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    start = screen.view.paragraph
    await pilot.press("j", "j")
    later = screen.view.paragraph
    assert later is not None and start is not None and later > start
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert Member(grid.focused or "", later) in grid.row.cells[grid.focused or ""]  # type: ignore[union-attr]


@pytest.mark.size(200, 40)
async def test_reading_mode_uses_the_full_width_and_w_narrows_it(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    view = screen.view
    assert view.text_width == view.content_width - 4 > MEASURE
    widest = max(len(view.render_line(y).text.rstrip()) for y in range(view.size.height))
    assert widest > MEASURE + 20
    await pilot.press("w")
    assert view.text_width == MEASURE and view.narrow
    widest = max(len(view.render_line(y).text.strip()) for y in range(view.size.height))
    assert widest <= MEASURE + 2
    await pilot.press("escape", "l", "r")  # the next article opens as the reader left it
    await pilot.pause()
    assert isinstance(app.screen, ReadingScreen) and app.screen.view.narrow
    await pilot.press("w")
    assert not app.screen.view.narrow


async def test_n_shows_the_position_among_the_unique_passages_and_the_paragraph_follows() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reading(pilot)
        passages = screen.view.passages(False)
        total = len(passages)
        assert f"unique {total}" in reading_status(screen)
        for n in range(1, total + 1):
            await pilot.press("n")
            status = reading_status(screen)
            assert f"unique {n}/{total}" in status, status
            assert f"paragraph {passages[n - 1].paragraph + 1}/" in status, status  # the counter follows n
        await pilot.press("N")
        assert f"unique {total - 1}/{total}" in reading_status(screen)
        await pilot.press("g")  # another paragraph: no passage is current
        assert reading_status(screen).endswith(f"unique {total}")


async def test_wrapping_around_is_said_in_the_status_line_not_a_lingering_toast() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reading(pilot)
        toasts = record_notifications(app)
        await pilot.press("N")  # from the top, back to the last one
        assert "wrapped around to the last" in reading_status(screen)
        await pilot.press("n")
        status = reading_status(screen)
        assert "wrapped around to the first" in status and "unique 1/" in status
        await pilot.press("n")
        assert "wrapped" not in reading_status(screen)
        assert not toasts


async def test_a_toast_does_not_cover_the_status_line() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("Wrapped around to the first.", timeout=5)
        await pilot.pause(0.2)
        toast = app.screen.query_one(Toast)
        status = app.screen.query_one(StatusLine)
        assert toast.region.height and not toast.region.overlaps(status.region)
        assert toast.region.bottom <= status.region.y


async def test_reading_mode_and_the_detail_call_a_paragraph_by_the_same_number(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "l", "l")  # valley, source 3
        member = app.main.grid.focused_members[0]
        assert member.source == "valley"
        await press(pilot, "r")
        assert isinstance(app.screen, ReadingScreen)
        total = len(app.story.articles[2].paragraphs)
        assert f"paragraph {member.paragraph + 1}/{total}" in reading_status(app.screen)
        await press(pilot, "escape", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert f"3¶{member.paragraph + 1}" in text  # 1-based, as reading mode says
        assert f"3¶{member.paragraph} " not in text


async def test_w_in_a_terminal_narrower_than_the_reading_column_says_so(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "r", "w")
        assert "terminal already narrower than the reading column" in reading_status(app.screen)
        await press(pilot, "j")
        assert "narrower" not in reading_status(app.screen)  # a note lasts until the next move


async def test_w_in_a_wide_terminal_names_the_layout_it_switched_to(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r", "w")
        assert "narrow column (96 cells)" in reading_status(app.screen)
        await press(pilot, "w")
        assert "full width" in reading_status(app.screen)


async def test_reading_title_keeps_the_byline_whole_or_leaves_it_out(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        title = screen_text(app).splitlines()[0]
        assert title.rstrip().endswith("gazette · 2026-03-14"), title
