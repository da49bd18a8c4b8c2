"""The reader bugs a new user found in the try13 tryout: a search or a finding's jump at 80x24
that left the match or the cited sources off screen, the footer's "esc Stories", the title of a
folder with nothing to read and dates cut in the story list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    analysed,
    folder_app,
    grid_text,
    open_list,
    press,
    ready,
    record_notifications,
    screen_lines,
    seeds_app,
    unfolded_from_the_top,
)
from stories_app import folder_app as stories_folder_app
from stories_app import listed, opened
from story_factories import wide_story
from storyview.reader.app import StoryviewApp
from storyview.reader.widgets.findings import Place
from storyview.reader.widgets.grid import StoryGrid
from storyview.reader.widgets.storylist import APART, WIDE_FROM
from textual.widgets import Footer
from textual.pilot import Pilot


def current_line_in_view(grid: StoryGrid) -> bool:
    """The marked passage's first line is among the lines the grid shows."""
    assert grid.current is not None
    line = grid.row_top(grid.current.row) + grid._line_of(grid.current)
    top = round(grid.scroll_y)
    return top <= line < top + grid.body_height


@pytest.mark.size(80, 24)
async def test_a_search_at_80x24_brings_the_matched_line_into_view(pilot: Pilot[Any]) -> None:
    grid = pilot.app.main.grid
    await pilot.press("slash", *"signals", "enter")
    await pilot.pause()
    assert current_line_in_view(grid)
    assert "signals the federal" in grid_text(pilot.app).replace("▌", "").replace("\n", " ")


@pytest.mark.size(80, 24)
async def test_every_match_n_walks_to_at_80x24_is_in_view(pilot: Pilot[Any]) -> None:
    screen = pilot.app.main
    await pilot.press("slash", *"federal", "enter")
    await pilot.pause()
    assert len(screen.search_passages) > 10
    for _ in screen.search_passages:
        assert current_line_in_view(screen.grid), screen.grid.current
        await pilot.press("n")
    for _ in range(5):
        await pilot.press("N")
        assert current_line_in_view(screen.grid), screen.grid.current


async def jump_to_figure(pilot: Pilot[Any], steps: int) -> Place:
    """F, `steps` figures down, enter; the place the jump went to."""
    screen = pilot.app.main
    went: list[Place] = []
    go_to = screen.go_to

    def recorded(place: Place) -> None:
        went.append(place)
        go_to(place)

    screen.go_to = recorded  # type: ignore[method-assign]
    await open_list(pilot, "F")
    for _ in range(steps):
        await pilot.press("j")
    await press(pilot, "enter")
    await pilot.pause()
    assert len(went) == 1
    return went[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_figure_jump_shows_the_cited_sources_or_says_which_do_not_fit(size: tuple[int, int]) -> None:
    app = seeds_app()
    messages = record_notifications(app)
    async with app.run_test(size=size) as pilot:
        await analysed(pilot)
        place = await jump_to_figure(pilot, 1)
        index, grid = app.main.index, app.main.grid
        assert index is not None and len(set(place.cited)) == 4  # figure 2 cites sources 1, 2, 4 and 5
        shown = [c.source for c in grid.columns]
        assert place.source in shown
        cited_shown = [s for s in shown if s in place.cited]
        assert len(cited_shown) == min(len(shown), len(set(place.cited)))  # no column spent on an uncited source
        unseen = [index.position[s] + 1 for s in place.cited if s not in shown]
        if unseen:
            said = " ".join(messages)
            assert "out of view" in said
            assert all(f"source {n}" in said or f" {n}" in said for n in unseen)


async def test_more_cited_sources_than_columns_keeps_the_focus_and_the_nearest() -> None:
    app = StoryviewApp.from_story(wide_story(sources=12))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await unfolded_from_the_top(pilot)
        grid.focus_source("s02")
        hidden = grid.show_columns(["s02", "s05", "s07", "s10"])
        shown = [c.source for c in grid.columns]
        assert shown == ["s02", "s05", "s07"]
        assert hidden == ["s03", "s04", "s06"]


def footer_line(app: StoryviewApp) -> str:
    footer = app.screen.query_one(Footer)
    return screen_lines(app)[footer.region.y]


@pytest.mark.parametrize("width", [60, 66, 74, 80, 90, 100, 120])
async def test_a_story_opened_from_the_list_keeps_esc_stories_in_its_footer(width: int) -> None:
    app = stories_folder_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await listed(pilot)
        await pilot.press("enter")
        await opened(pilot)
        await pilot.press("j")
        await pilot.pause()
        footer = footer_line(app)
        assert footer.rstrip().endswith("? Help esc Stories") or footer.rstrip().endswith("q Quit esc Stories"), footer
        assert len(footer.rstrip()) <= width  # whole, not cut inside a key (try26: "? Help e" at 60)
        assert "e Save" in footer and "/ Search" in footer and ("c Cover" in footer) == (width >= 80)
        assert ("QFW" in footer) == (width >= 92)
        await pilot.press("slash", "x", "enter")  # while a search is on, escape clears it: Q F W come back
        await pilot.pause()
        assert "esc Stories" not in footer_line(app) and ("QFW" in footer_line(app)) == (width >= 80)


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 16], ids=["empty", "binary"])
async def test_a_folder_with_nothing_to_read_has_a_sensible_window_title(tmp_path: Path, content: bytes) -> None:
    app = folder_app(tmp_path, {"only.txt": content})
    titles: list[str] = []
    app._terminal = titles.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert app.sub_title == "no usable sources"
        assert titles and titles[-1] == "\x1b]2;storyview · no usable sources\x07"


@pytest.mark.parametrize("width", [100, 120])  # at 80 the dates give way to the labels (try31)
async def test_the_story_list_shows_where_it_cuts_a_date_range(width: int) -> None:
    app = stories_folder_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await listed(pilot)
        table = screen.table
        dates = {str(table.get_cell(row.key, "label")): str(table.get_cell(row.key, "dates"))
                 for row in table.ordered_rows if row.key.value != APART}
        quake = next(shown for label, shown in dates.items() if "Qeshm" in label)  # 2005-03-10 to 05-12
        assert quake == ("2005-03-10 – 05-12" if width >= WIDE_FROM else "2005-03-10…")
        assert next(shown for label, shown in dates.items() if "Oslo" in label) == "2020-06-18"  # one day: whole
        text = "\n".join(screen_lines(app))
        assert quake in text
