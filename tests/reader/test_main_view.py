"""The side-by-side view: sources as columns, one row per group, gaps, headers, boilerplate,
shading, hiding sources, clicks, themes, and what the status line says about them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    grid_text,
    press,
    ready,
    record_notifications,
    screen_text,
    status_text,
    unfolded_from_the_top,
    warehouse_app,
)
from story_factories import seeds_story, tiny_story, wide_story
from storyview.engine.shares import shares_of
from storyview.model import Member
from storyview.reader.app import StoryviewApp
from storyview.reader.widgets.grid import PLACEHOLDER, StoryGrid
from textual.pilot import Pilot


async def test_shows_every_seed_source_and_one_row_per_group(pilot: Pilot[Any]) -> None:
    app = pilot.app
    story = seeds_story()
    grid = app.main.grid
    assert grid.visible_sources == [a.id for a in story.articles]
    assert len(grid.columns) == 4  # 119 cells / (25 + 1) per column
    body_groups = [g for g in story.groups if any(story.paragraph(m).kind == "body" for m in g.members)]
    assert [row.group for row in grid.rows] == body_groups
    text = grid_text(app)
    assert "1 Federal Immigration" in text
    assert "Related Posts" not in text  # boilerplate is folded
    assert "only here" in status_text(app)  # the legend, until the first key
    await unfolded_from_the_top(pilot)
    assert "· not covered ·" in grid_text(app)
    status = status_text(app)
    assert "sources 5/5 (cols 1–4)" in status
    assert f"group 1/{len(body_groups)}" in status
    assert f"threshold {story.settings.threshold:.2f}" in status


@pytest.mark.size(80, 24)
async def test_a_row_no_column_on_screen_tells_says_which_source_does(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await unfolded_from_the_top(pilot)  # single-source rows drawn as rows, not folded strips
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


async def test_number_keys_x_and_0_hide_and_show_sources(pilot: Pilot[Any]) -> None:
    app = pilot.app
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


async def test_b_shows_boilerplate_rows_dimmed_at_the_end(pilot: Pilot[Any]) -> None:
    app = pilot.app
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


async def test_s_shades_text_by_how_many_sources_share_it(pilot: Pilot[Any]) -> None:
    app = pilot.app
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


@pytest.mark.size(80, 24)
async def test_every_builtin_theme_renders(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    for theme in sorted(app.available_themes):
        app.theme = theme
        await pilot.pause()
        assert grid_text(app)
        unique = grid.span_style("text--unique")
        assert unique.bgcolor is not None and unique.bgcolor != grid.rich_style.bgcolor, theme


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
        share = shares_of(app.story)["a_001"]
        said = f"{round(100 * share.unique_share)}% unique · {share.groups_covered}/{len(app.story.groups)} groups"
        assert "1 Harbour Times" in header and "a_001 · 2025-01-06 · By Ada Lovelace" in header
        assert header.splitlines()[2].lstrip().startswith(said)  # a tall header: the share on a line of its own
        assert "Council approves the harbour bridge" in header
        assert "2 Bridge approved" in header  # no outlet: the title names the column
        body_rows = [member for row in grid.rows for members in row.cells.values() for member in members]
        assert Member("a_001", 0) not in body_rows and Member("a_001", 1) not in body_rows


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (160, 40)])
async def test_every_column_states_its_share_in_one_form(size: tuple[int, int]) -> None:
    app = StoryviewApp.from_story(seeds_story())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        grid = app.main.grid
        header = "\n".join(strip.text for strip in grid.header(grid.content_width))
        forms = {form for form in (r"\d+% unique · \d+/\d+ groups?", r"\d+% unique · \d+ groups?", r"\d+% · \d+/\d+")
                 if re.search(form, header)}
        assert len(forms) <= 1, header
        assert not re.search(r"\buniq\b|\bgrp\b", header), header  # words, not abbreviations
        assert len(re.findall(r"\d+%", header)) == len(grid.columns), header  # every column says it


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


async def test_many_sources_window_at_80_columns() -> None:
    app = StoryviewApp.from_story(wide_story(sources=12))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await unfolded_from_the_top(pilot)
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


async def test_the_grid_draws_only_the_rows_on_screen() -> None:
    app = StoryviewApp.from_story(wide_story(sources=300, groups=60))
    drawn: list[int] = []
    original = StoryGrid.row_lines

    def counting(self: StoryGrid, row: int, width: int) -> Any:
        drawn.append(row)
        return original(self, row, width)

    StoryGrid.row_lines = counting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await ready(pilot)
            grid = app.main.grid
            assert len(grid.rows) > 1000
            assert 0 < len(set(drawn)) <= 30
            await pilot.press("z")  # every row shown: G goes to the very last
            await pilot.pause()
            drawn.clear()
            await pilot.press("G")
            assert grid.cursor == len(grid.rows) - 1
            assert all(row > len(grid.rows) - 30 for row in drawn)
            for _ in range(8):
                drawn.clear()
                await pilot.press("l")
                assert len(set(drawn)) <= 30  # a slide redraws the rows in view, no others
            assert "sources 300/300 (cols 6–9)" in status_text(app)
    finally:
        StoryGrid.row_lines = original  # type: ignore[method-assign]


@pytest.mark.size(80, 24)
async def test_b_says_how_many_boilerplate_paragraphs_it_showed_and_where(pilot: Pilot[Any]) -> None:
    app = pilot.app
    count = sum(p.kind == "boilerplate" for a in app.story.articles for p in a.paragraphs)
    assert count > 1
    said = record_notifications(app)
    await press(pilot, "b")
    rows = len(app.main.index.boilerplate_rows)  # row k holds each source's k-th: the status counts rows
    assert said == [f"{rows} boilerplate rows shown ({count} paragraphs of all sources), at the end (G)"]
    await press(pilot, "b")
    assert said[-1] == "Boilerplate folded again"


async def test_b_with_no_boilerplate_says_there_is_none(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        said = record_notifications(app)
        await press(pilot, "b")
        assert said == ["No boilerplate in these sources."]
        assert not app.main.grid.show_boilerplate


def test_meta_line_leaves_out_a_byline_it_would_cut_to_a_stub() -> None:
    from storyview.reader.widgets.gridheader import meta_line

    assert meta_line("gazette", "2026-03-14", "By Ana Ortiz", 40) == "gazette · 2026-03-14 · By Ana Ortiz"
    assert meta_line("gazette", "2026-03-14", "By Ana Ortiz", 27) == "gazette · 2026-03-14"  # not "By …"
    assert meta_line("metro", "2026-03-14", "By Raj Patel", 27) == "metro · 2026-03-14"  # not "By Ra…"
    assert meta_line("metro", "2026-03-14", "By Rajesh Patel", 32) == "metro · 2026-03-14 · By Rajesh…"
    assert meta_line("wire", "2026-03-14", "Staff", 27) == "wire · 2026-03-14 · Staff"
    assert meta_line("gazette", "2026-03-14", None, 12) == "gazette"  # the date whole or not at all


async def test_column_headers_at_120_columns_show_no_stub_of_a_byline(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        header = "\n".join(screen_text(app).splitlines()[:4])
        assert "gazette · 2026-03-14" in header and "metro · 2026-03-14" in header
        assert "By …" not in header and "By Ra…" not in header and "By C…" not in header
        assert "wire · 2026-03-14 · Staff" in header  # a byline that fits stays
    wide = warehouse_app(tmp_path)
    async with wide.run_test(size=(160, 24)) as pilot:
        await ready(pilot)
        assert "gazette · 2026-03-14 · By Ana Ortiz" in screen_text(wide)


async def test_the_status_line_leaves_out_whole_items_rather_than_cut_a_value(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        for keys in ((), ("l",), ("s",), ("j", "j")):
            await press(pilot, *keys)
            status = status_text(app).rstrip()
            assert len(status) <= 38, status
            assert not status.endswith(("threshold", "unique", "group", "sources", "…")), status
            assert "threshold" not in status or "threshold 0.16" in status, status
            assert re.search(r"group \d+/6", status), status  # where the cursor is stays
            assert not re.search(r"\b(src|grp|uniq|thr|bp)\b", status), status  # words, not abbreviations
        assert "sources 4/4" in status


async def test_n_counts_the_passages_it_walks_the_focused_source_s(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await pilot.press("n")
    await pilot.pause()
    grid = app.main.grid
    first = grid.focused
    shown = app.main._unique_shown(frozenset(grid.hidden))
    own = [p for p in shown if p.source == first]
    assert 0 < len(own) < len(shown)
    assert f"unique 1/{len(own)}" in status_text(app)
    await pilot.press("l", "n")
    await pilot.pause()
    second = [p for p in shown if p.source == grid.focused]
    assert grid.focused != first and grid.current is not None and grid.current.source == grid.focused
    assert f"/{len(second)}" in status_text(app) and f"/{len(shown)}" not in status_text(app)


async def test_a_timestamp_line_is_not_shown_as_the_byline(tmp_path: Path) -> None:
    from storyview.pipeline import build_story

    body = ("The Kestrel Street Bridge closed to lorries on Tuesday after an inspection found cracks.\n\n"
            "Engineers said repairs would take until spring and cost the council two million pounds.\n")
    (tmp_path / "a.txt").write_text("Bridge Shut To Lorries\n\nPublished 3:12 PM EST, Mon March 2, 2015\n\n" + body)
    (tmp_path / "b.txt").write_text("Cracks Close Kestrel Bridge\n\nBy Ana Ortiz\n\n" + body)
    app = StoryviewApp.from_story(build_story([str(tmp_path)]))
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        header = "\n".join(strip.text for strip in grid.header(grid.content_width))
        assert "Published" not in header and "By Ana Ortiz" in header
        assert "2015-03-02" in header


async def test_past_24_sources_a_rule_counts_the_sources_that_tell_it() -> None:
    """try26: with 25 sources or more the rules lost their coverage dots, nothing in their place."""
    app = StoryviewApp.from_story(wide_story(sources=30, groups=6))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        rules = [line for line in grid_text(app).splitlines() if line.startswith("─")]
        told = [len({m.source for m in row.members}) for row in app.story.groups]
        assert rules and all("●" not in rule for rule in rules)
        assert [int(m.group(1)) for rule in rules if (m := re.search(r" (\d+)/30 sources ─", rule))] == \
            told[:len(rules)]
