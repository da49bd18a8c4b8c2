"""The reader on the real seeds: every key of the main view, and the state it changes."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from storyview.model import Member, Settings
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.help import HelpScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.members import NEAR_UP_TO, near_table
from storyview.reader.widgets.rows import StoryIndex
from storyview.reader.widgets.searchbar import SearchBar
from test_app_stories import grid_text, ready, record_notifications, seeds_app, seeds_story, status_text
from textual.command import CommandPalette
from textual.widgets import Static

SIZE = (120, 40)


async def test_shows_every_seed_source_and_one_row_per_group() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        story = seeds_story()
        grid = app.main.grid
        assert grid.visible_sources == [a.id for a in story.articles]
        assert len(grid.columns) == 4  # 119 cells / (25 + 1) per column
        body_groups = [g for g in story.groups if any(story.paragraph(m).kind == "body" for m in g.members)]
        assert [row.group for row in grid.rows] == body_groups
        text = grid_text(app)
        assert "1 Federal Immigration" in text and "· not covered ·" in text
        assert "Related Posts" not in text  # boilerplate is folded
        status = status_text(app)
        assert "sources 5/5 (cols 1–4)" in status
        assert f"group 1/{len(body_groups)}" in status
        assert f"threshold {story.settings.threshold:.2f}" in status


async def test_j_k_and_arrows_move_between_groups() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("j", "j", "down")
        assert grid.cursor == 3
        await pilot.press("k", "up")
        assert grid.cursor == 1
        await pilot.press("k", "k")
        assert grid.cursor == 0  # clamped
        assert "group 1/" in status_text(app)


async def test_g_and_G_jump_to_the_ends() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_page_keys_scroll_and_bring_the_cursor_along() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("pagedown")
        assert grid.scroll_y > 0 and grid.cursor > 0
        assert grid.row_top(grid.cursor) <= grid.scroll_y < grid.row_top(grid.cursor) + grid.row_height(grid.cursor)
        await pilot.press("pageup", "pageup")
        assert grid.scroll_y == 0 and grid.cursor == 0


async def test_pagedown_reads_through_groups_taller_than_the_screen_to_the_end() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
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


async def test_a_row_no_column_on_screen_tells_says_which_source_does() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        on_screen = {c.source for c in grid.columns}
        row = next(r for r in grid.rows if not on_screen & set(r.cells))
        numbers = ", ".join(str(grid.index.position[s] + 1) for s in sorted(row.cells, key=grid.index.position.get))
        grid.move_to(grid.rows.index(row))
        await pilot.pause()
        assert f"· only in {numbers} ·" in grid_text(app)
        await pilot.press("b", "l", "l", "l", "l")  # source 1's boilerplate, off screen, says so too
        await pilot.pause()
        on_screen = {c.source for c in grid.columns}
        off = [n for n, row in enumerate(grid.rows) if row.boilerplate and not on_screen & set(row.cells)]
        assert off
        for n in off:
            assert "· only in" in grid.row_lines(n, grid.content_width)[1].text


async def test_h_l_tab_and_arrows_move_the_focused_source_and_the_window() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
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


async def test_n_and_N_walk_the_unique_passages_of_the_focused_source() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_number_keys_x_and_0_hide_and_show_sources() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        ids = [a.id for a in seeds_story().articles]
        messages = record_notifications(app)
        await pilot.press("2")
        assert grid.hidden == {ids[1]}
        assert ids[1] not in [c.source for c in grid.columns]
        assert "sources 4/5" in status_text(app)
        await pilot.press("2")
        assert grid.hidden == set()
        await pilot.press("9")
        assert grid.hidden == set() and any("no source 9" in m for m in messages)
        await pilot.press("x")
        assert grid.hidden == {ids[0]} and grid.focused == ids[1]
        await pilot.press("0")
        assert grid.hidden == set()
        await pilot.press("1", "2", "3", "4", "5")
        assert grid.hidden == set(ids[:4])  # the last shown source stays
        assert any("At least one source" in m for m in messages)
        assert [c.source for c in grid.columns] == [ids[4]]


async def test_b_shows_boilerplate_rows_dimmed_at_the_end() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        groups = len(grid.rows)
        await pilot.press("b")
        assert grid.show_boilerplate
        boilerplate = [row for row in grid.rows if row.boilerplate]
        assert len(grid.rows) == groups + len(boilerplate) and boilerplate
        assert all(not row.boilerplate for row in grid.rows[:groups])
        await pilot.press("G")
        assert "boilerplate" in status_text(app)
        assert "Your email address" in grid_text(app) or "Leave a Reply" in grid_text(app)
        await pilot.press("b")
        assert not grid.show_boilerplate and len(grid.rows) == groups
        assert grid.cursor == groups - 1  # clamped back onto the last group


async def test_s_shades_text_by_how_many_sources_share_it() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("s")
        assert grid.heat and "shading" in status_text(app) and " 2  3  4+ " in status_text(app)
        from storyview.reader.widgets.status import StatusLine

        status = app.main.query_one(StatusLine)
        content = status.render()
        legend = [span for span in content.spans if content.plain[span.start:span.end].strip() in ("2", "3", "4+")]
        shades = [shade.bgcolor.get_truecolor() for shade in grid.heat_legend()]
        assert [tuple(span.style.background.rgb) for span in legend] == [tuple(c) for c in shades]
        assert len(set(shades)) == 3  # three shades a reader can tell apart
        await pilot.press("s")
        assert not grid.heat


async def test_r_reads_the_focused_article_and_escape_returns_to_the_same_group() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_reading_mode_moves_by_paragraph_and_returns_to_that_paragraphs_group() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_enter_shows_the_group_detail_with_scores_and_a_diff() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        while len(grid.row.cells) < 3:  # type: ignore[union-attr]
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        assert screen.pivot == grid.focused or grid.focused not in screen.row.cells
        assert len(screen.others) == len(screen.row.cells) - 1
        first = screen.other
        await pilot.press("l")
        assert screen.other != first and screen.other in screen.others
        await pilot.press("h")
        assert screen.other == first
        heading = str(screen.query_one("#diff-heading").render())
        assert "→" in heading
        headings = [str(w.render()) for w in screen.query(".detail-heading")]
        assert any(h.startswith("Close, but in another group") for h in headings)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_near_table_lists_close_paragraphs_outside_the_group(seed_story) -> None:
    index = StoryIndex(seed_story)
    for group in seed_story.groups:
        members = list(group.members)
        expected = {(l.a, l.b) for m in members for l in seed_story.near.get(m, ()) if l.b not in members}
        table = near_table(index, members)
        if not expected:
            assert table == "No other paragraph comes close."
            continue
        assert isinstance(table, Table) and table.row_count == min(len(expected), NEAR_UP_TO)
        scores = [float(str(c)) for c in table.columns[2].cells]
        assert scores == sorted(scores, reverse=True)


async def test_c_opens_the_coverage_matrix_and_enter_jumps_to_the_group() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_slash_searches_all_sources_and_n_walks_the_matches() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
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


async def test_a_search_with_no_match_says_so() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        await pilot.press("slash", *"zzqx", "enter")
        assert any("No matches" in m for m in messages)
        assert app.main.search_passages == []


async def test_plus_and_minus_change_the_threshold_and_rebuild() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        start = app.settings.threshold
        await pilot.press("plus")
        await ready(pilot)
        assert app.settings.threshold == round(start + 0.05, 2)
        assert app.story is not None and app.story.settings.threshold == app.settings.threshold
        assert f"threshold {app.settings.threshold:.2f}" in status_text(app)
        await pilot.press("minus", "minus")
        await ready(pilot)
        assert app.settings.threshold == round(start - 0.05, 2)


async def test_threshold_stays_between_bounds() -> None:
    app = seeds_app(Settings(threshold=0.95))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        await pilot.press("plus")
        await ready(pilot)
        assert app.settings.threshold == 0.95 and any("stays within" in m for m in messages)


async def test_the_way_back_from_the_lowest_threshold_leads_to_the_first_one() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        start = app.settings.threshold
        messages = record_notifications(app)
        presses = 0
        while not any("stays within" in m for m in messages) and presses < 30:
            await pilot.press("minus")
            await ready(pilot)
            presses += 1
        assert app.settings.threshold >= 0.05
        lowest = f"{app.settings.threshold:.2f}"
        assert any(f"stays within {lowest}–" in m for m in messages)  # the bound it really stopped at
        for _ in range(presses - 1):
            await pilot.press("plus")
            await ready(pilot)
        assert app.settings.threshold == start


async def test_a_rebuild_keeps_the_focused_source_and_the_nearest_group() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("l", "l")
        for _ in range(4):
            await pilot.press("j")
        while not grid.focused_members:
            await pilot.press("j")
        source, member = grid.focused, grid.focused_members[0]
        await pilot.press("plus")
        await ready(pilot)
        assert grid.focused == source
        assert grid.row is not None and member in grid.row.cells[source]


async def test_question_mark_lists_every_key_and_escape_closes() -> None:
    app = seeds_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        content = app.screen.query_one("#help-table", Static).content
        console = Console(width=120, file=io.StringIO(), record=True)
        console.print(content)
        text = console.export_text()
        for binding in MainScreen.BINDINGS:
            if binding.group is None or not binding.action.startswith("toggle_source"):  # type: ignore[union-attr]
                assert binding.description in text, binding.description  # type: ignore[union-attr]
        assert "Hide/show source 1…9" in text and "1 … 9" in text
        assert "Command palette" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_offers_every_action_by_name() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = {command.title for command in app.get_system_commands(app.main)}
        for binding in MainScreen.BINDINGS:
            if not binding.action.startswith(("toggle_source(", "clear_search", "next_match", "previous_match")):  # type: ignore[union-attr]
                assert binding.description in titles, binding.description  # type: ignore[union-attr]
        assert "Clear search" not in titles  # offered only while there is a search
        app.main.search_query = "ICE"
        assert "Clear search" in {command.title for command in app.get_system_commands(app.main)}
        app.main.search_query = None
        # Each source's toggle names it; there is none for a source that does not exist.
        assert "Help" in titles and "Hide/show source 5: CNN" in titles
        assert not any(t.startswith("Hide/show source 6") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"coverage")
        for _ in range(100):  # the palette searches in the background
            if app.screen.query("CommandList Option") or app.screen.query("OptionList"):
                await pilot.pause()
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(app.screen, CoverageScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, CoverageScreen)


async def test_q_quits() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_seeds_at_three_sizes_and_resizing() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert len(grid.columns) == 3
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert len(grid.columns) == 5
        await pilot.press("G")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert len(grid.columns) == 1 and grid.cursor == len(grid.rows) - 1
        await pilot.press("l", "j", "k", "r")
        await pilot.pause()
        await pilot.press("escape", "c")
        await pilot.pause()
        await pilot.press("escape", "enter")
        await pilot.pause()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "src 5/5 (2)" in status_text(app)  # a narrow terminal gets the short status


async def test_every_builtin_theme_renders() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert grid_text(app)
            unique = grid.span_style("text--unique")
            assert unique.bgcolor is not None and unique.bgcolor != grid.rich_style.bgcolor, theme


async def test_wrapping_around_is_said_in_the_status_line_until_the_next_move() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        await pilot.press("N")  # from the top, the previous unique passage is the very last
        await pilot.pause()
        assert "wrapped around to the last" in status_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert "wrapped around" not in status_text(app)
        assert not any("Wrapped" in m for m in messages)


async def test_a_word_only_in_a_headline_says_headlines_are_not_searched() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "not their headlines" in app.main.BINDINGS[[b.key for b in app.main.BINDINGS].index("slash")].tooltip
        messages = record_notifications(app)
        await pilot.press("slash", *"Reportedly", "enter")  # in source 1's headline only
        assert app.main.search_passages == []
        assert any("No matches in the paragraphs" in m and "headlines are not searched" in m for m in messages)


async def test_a_long_search_keeps_its_match_count_in_view() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.main
        query = "Immigration and Customs Enforcement"
        await pilot.press("slash", *query, "enter")
        assert screen.search_query == query and screen.search_passages
        status = status_text(app)
        assert f"1/{len(screen.search_passages)}" in status
        assert "Immigration…" in status and query not in status
