"""The reader on hand-made Stories: gaps, lone sources, no sources, many sources, markup, failures."""

from __future__ import annotations

import threading

from storyview.reader.app import StoryviewApp
from storyview.model import Group, Member, Settings, Story
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.grid import PLACEHOLDER
from storyview.reader.widgets.status import StatusLine
from test_app_stories import (
    MARKUP,
    article,
    body,
    empty_story,
    grid_text,
    ready,
    record_notifications,
    single_story,
    status_text,
    tiny_story,
    wide_story,
)
from storyview.reader.widgets.progress import BuildProgressView

EVERY_KEY = ["j", "k", "G", "g", "pagedown", "pageup", "l", "h", "tab", "n", "N", "1", "x", "0", "b", "s", "b", "s"]


async def test_a_gap_in_coverage_shows_a_quiet_placeholder_in_line() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert len(grid.columns) == 3
        top = grid.row_top(1) + len(grid.header(grid.content_width)) + 1  # first text line of group 2
        line = grid.render_line(top).text
        column = grid.columns[2]
        assert line[column.x : column.end].strip() == PLACEHOLDER
        assert line[grid.columns[0].x : grid.columns[0].end].strip().startswith("Construction starts")
        assert grid.span_style("grid--placeholder") != grid.span_style("text--unique")


async def test_headline_and_byline_go_to_the_header_not_the_rows() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(200, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        header = "\n".join(strip.text for strip in grid.header(grid.content_width))
        assert "1 Harbour Times" in header and "a_001 · 2025-01-06 · By Ada Lovelace" in header
        assert "Council approves the harbour bridge" in header
        assert "2 Bridge approved" in header  # no outlet: the title names the column
        body_rows = [member for row in grid.rows for members in row.cells.values() for member in members]
        assert Member("a_001", 0) not in body_rows and Member("a_001", 1) not in body_rows


async def test_article_text_that_looks_like_markup_shows_literally() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(200, 40)) as pilot:
        await ready(pilot)
        await pilot.press("G")
        text = grid_text(app)
        assert "[bold]bracketed[/]" in text and "[red]more[/red]" in text
        await pilot.press("l", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        reading = "\n".join(app.screen.view.render_line(y).text for y in range(app.screen.view.size.height))
        assert MARKUP in reading.replace("\n", " ") or "[bold]bracketed[/]" in reading


async def test_unique_text_is_styled_and_shared_text_is_not() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(200, 40)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        unique = grid.span_style("text--unique")
        top = len(grid.header(grid.content_width)) + 1
        segments = [seg for y in range(top, top + 3) for seg in grid.render_line(y)]
        styled = "".join(seg.text for seg in segments if seg.style and seg.style.bgcolor == unique.bgcolor)
        assert "debate" in styled and "council" not in styled


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


async def test_boilerplate_rows_hold_each_sources_boilerplate() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("b", "G")
        assert grid.row is not None and grid.row.boilerplate
        assert "Subscribe to our newsletter" in grid_text(app)
        assert grid.span_style("text--boilerplate") != grid.span_style("text--muted")


async def test_warnings_become_notifications_once() -> None:
    app = StoryviewApp.from_story(tiny_story())
    messages = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert messages.count("c_003: no date found") == 1
        await pilot.press("plus")
        await ready(pilot)
        assert messages.count("c_003: no date found") == 1


async def test_progress_view_until_the_story_arrives() -> None:
    gate = threading.Event()

    def slow_build(settings: Settings) -> Story:
        gate.wait(5)
        return tiny_story(settings)

    app = StoryviewApp(build=slow_build)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        screen = app.main
        assert screen.query(BuildProgressView) and screen.grid.has_class("-loading")
        assert "Building the story" in status_text(app)
        gate.set()
        await ready(pilot)
        assert not screen.query(BuildProgressView) and not screen.grid.has_class("-loading")


async def test_keys_work_while_a_rebuild_runs_in_the_background() -> None:
    gate = threading.Event()
    calls: list[float] = []

    def build(settings: Settings) -> Story:
        calls.append(settings.threshold)
        if len(calls) > 1:
            gate.wait(5)
        return tiny_story(settings)

    app = StoryviewApp(build=build)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("plus")
        assert app.pending is not None and "rebuilding at" in status_text(app)
        await pilot.press("j", "l")
        assert grid.cursor == 1 and grid.focused == "b_002"  # the old story is still live
        gate.set()
        await ready(pilot)
        assert app.pending is None and app.settings.threshold == calls[-1]
        assert grid.cursor == 1 and grid.focused == "b_002"


async def test_a_failed_build_is_reported_and_the_app_lives_on() -> None:
    def broken(settings: Settings) -> Story:
        raise ValueError("no readable articles")

    app = StoryviewApp(build=broken)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if app.main.query("#failure"):
                break
            await pilot.pause(0.02)
        assert any("no readable articles" in m for m in messages)
        assert app.main.query("#failure")
        await pilot.press(*EVERY_KEY)
        assert app.is_running


async def test_no_sources_at_all() -> None:
    app = StoryviewApp.from_story(empty_story())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "No usable sources: nothing to compare." in grid_text(app)
        await pilot.press(*EVERY_KEY, "r", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) or app.screen.is_modal is False
        assert "sources 0/0" in str(app.main.query_one(StatusLine).render())


async def test_a_single_source() -> None:
    app = StoryviewApp.from_story(single_story())
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert [c.source for c in grid.columns] == ["solo"] and grid.columns[0].width == 79
        await pilot.press("1")
        assert grid.hidden == set() and any("At least one source" in m for m in messages)
        await pilot.press("n")
        assert grid.current is not None and grid.current.source == "solo"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.others == []
        diff = str(app.screen.query_one("#diff").render())
        assert "nothing to compare" in diff


async def test_many_sources_window_at_80_columns() -> None:
    app = StoryviewApp.from_story(wide_story(sources=12))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert len(grid.columns) == 3 and "sources 12/12 (cols 1–3)" in status_text(app)
        for _ in range(10):
            await pilot.press("l")
        assert grid.focused == "s10" and [c.source for c in grid.columns] == ["s08", "s09", "s10"]
        await pilot.press("9")
        shown = [c.source for c in grid.columns]
        assert grid.hidden == {"s08"} and "s08" not in shown and "s10" in shown and len(shown) == 3
        await pilot.press("x")
        assert grid.hidden == {"s08", "s10"} and grid.focused == "s11"
        await pilot.press("0")
        assert not grid.hidden


async def test_a_click_focuses_the_cell_under_the_mouse() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        header = len(grid.header(grid.content_width))
        column = grid.columns[2]
        await pilot.click("#grid", offset=(column.x + 3, header + grid.row_top(2) + 1))
        assert grid.focused == "c_003" and grid.cursor == 2


async def test_resizing_keeps_the_cursor_and_focus() -> None:
    app = StoryviewApp.from_story(wide_story(sources=6, groups=40))
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("G", "l", "l", "l", "l")
        for size in [(80, 24), (40, 12), (120, 40), (30, 8)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert grid.cursor == len(grid.rows) - 1 and grid.focused == "s04"
            assert grid.focused in [c.source for c in grid.columns]


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
