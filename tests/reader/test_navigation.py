"""Moving in the main view: j/k, g/G, page keys, h/l and tab between sources, n/N through the
unique passages, and wrapping around at either end."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import ready, record_notifications, status_text
from story_factories import article, body, seeds_story, tiny_story
from storyview.model import Group, Member, Story
from storyview.reader.app import StoryviewApp
from textual.pilot import Pilot


async def test_j_k_and_arrows_move_between_groups(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("j", "j", "down")
    assert grid.cursor == 3
    await pilot.press("k", "up")
    assert grid.cursor == 1
    await pilot.press("k", "k")
    assert grid.cursor == 0  # clamped
    assert "group 1/" in status_text(app)


async def test_g_and_G_jump_to_the_ends(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("G")
    assert grid.cursor == len(grid.rows) - 1
    assert grid.scroll_y > 0
    await pilot.press("g")
    assert grid.cursor == 0 and grid.scroll_y == 0
    await pilot.press("end")
    assert grid.cursor == len(grid.rows) - 1
    await pilot.press("home")
    assert grid.cursor == 0


@pytest.mark.size(80, 24)
async def test_page_keys_scroll_and_bring_the_cursor_along(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("pagedown")
    assert grid.scroll_y > 0 and grid.cursor > 0
    assert grid.row_top(grid.cursor) <= grid.scroll_y < grid.row_top(grid.cursor) + grid.row_height(grid.cursor)
    await pilot.press("pageup", "pageup")
    assert grid.scroll_y == 0 and grid.cursor == 0


@pytest.mark.size(80, 24)
async def test_pagedown_reads_through_groups_taller_than_the_screen_to_the_end(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    seen = [grid.scroll_y]
    while grid.scroll_y < grid.max_scroll_y and len(seen) < 200:
        await pilot.press("pagedown")
        assert grid.scroll_y > seen[-1], "pgdn must always move on"
        assert grid.row_top(grid.cursor) <= grid.scroll_y < grid.row_top(grid.cursor) + grid.row_height(grid.cursor)
        seen.append(grid.scroll_y)
    assert grid.scroll_y == grid.max_scroll_y
    await pilot.press("pagedown")
    assert grid.cursor == len(grid.rows) - 1 or grid.scroll_y == grid.max_scroll_y


@pytest.mark.size(80, 24)
async def test_h_l_tab_and_arrows_move_the_focused_source_and_the_window(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    ids = [a.id for a in seeds_story().articles]
    assert [c.source for c in grid.columns] == ids[:3]
    await pilot.press("l", "l", "l")
    assert grid.focused == ids[3]
    assert [c.source for c in grid.columns] == ids[1:4]  # the window slid by one
    assert "cols 2–4" in status_text(app)
    await pilot.press("h")
    assert grid.focused == ids[2] and grid.window_start == 1
    await pilot.press("tab", "right")
    assert grid.focused == ids[4] and [c.source for c in grid.columns] == ids[2:]
    await pilot.press("tab")
    assert grid.focused == ids[0] and grid.window_start == 0  # wraps around
    await pilot.press("shift+tab", "left")
    assert grid.focused == ids[3]


async def test_n_and_N_walk_the_unique_passages_of_the_focused_source(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("l")
    focused = grid.focused
    await pilot.press("n")
    first = grid.current
    assert first is not None and first.source == focused
    assert grid.cursor == first.row
    story = seeds_story()
    assert (first.start, first.end) in story.unique(first.member)
    await pilot.press("n")
    second = grid.current
    assert second is not None and second.source == focused and second > first
    await pilot.press("N")
    assert grid.current == first
    assert grid.focused == focused


async def test_wrapping_around_is_said_in_the_status_line_until_the_next_move(pilot: Pilot[Any]) -> None:
    app = pilot.app
    messages = record_notifications(app)
    await pilot.press("N")  # from the top, the previous unique passage is the very last
    await pilot.pause()
    assert "wrapped around to the last" in status_text(app)
    await pilot.press("N")
    await pilot.pause()
    assert "wrapped around" not in status_text(app)
    assert not any("Wrapped" in m for m in messages)


async def test_n_goes_across_sources_when_the_focused_one_has_nothing_unique() -> None:
    story = tiny_story()
    marks = {m: mk for m, mk in story.marks.items() if m.source != "a_001"}
    app = StoryviewApp.from_story(Story(story.articles, story.groups, marks, story.settings))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert grid.focused == "a_001"
        await pilot.press("n")
        assert grid.current is not None and grid.current.source == "b_002"
        assert grid.focused == "b_002"  # n followed it


async def test_j_reads_through_a_group_taller_than_the_screen_before_moving_on() -> None:
    long = article("long", body("word " * 400), body("short"))
    other = article("other", body("brief"), body("also brief"))
    groups = (
        Group(1, "tall", (Member("long", 0), Member("other", 0))),
        Group(2, "next", (Member("long", 1), Member("other", 1))),
    )
    app = StoryviewApp.from_story(Story((long, other), groups))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert grid.row_height(0) > grid.body_height
        await pilot.press("j")
        assert grid.cursor == 0 and grid.scroll_y > 0  # scrolled within the tall group
        for _ in range(10):
            await pilot.press("j")
        assert grid.cursor == 1
        await pilot.press("k")
        assert grid.cursor == 0
