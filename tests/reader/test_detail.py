"""The group detail (enter): similarity scores and names on narrow terminals (scores never cut),
the near-paragraph table, and the word diff (old words first)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pilot_helpers import screen_text
from rich.console import Console
from rich.style import Style
from rich.table import Table
from storyview.engine.unique import word_diff
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.widgets.diff import DiffView, diff_text
from storyview.reader.widgets.members import NEAR_UP_TO, near_table, similarity_table
from storyview.reader.widgets.rows import StoryIndex
from textual.pilot import Pilot

STRIKE, MARK = Style(strike=True), Style(underline=True)


def rendered(table: Table | str, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(table)
    return console.export_text()


def biggest_group(index: StoryIndex):  # type: ignore[no-untyped-def]
    return max(index.story.groups, key=lambda g: len(g.members))


async def test_enter_shows_the_group_detail_with_scores_and_a_diff(pilot: Pilot[Any]) -> None:
    app = pilot.app
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


@pytest.mark.parametrize("width", [200, 78, 60, 48, 30])
def test_similarity_scores_stay_whole_and_the_names_give_way(seed_story, width: int) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(seed_story)
    group = biggest_group(index)
    members = list(group.members)
    text = rendered(similarity_table(index, group, members, members[0], width), width)
    assert all(len(line) <= width for line in text.splitlines())
    header, *rows = text.splitlines()
    assert "mean" in header and "best" in header and "…" not in header
    for row in rows:
        _label, *rest = row.split()
        numbers = [cell for cell in rest if cell[:1].isdigit() and "¶" not in cell and not cell.isdigit()]  # not an id ("000")
        assert all(len(n) == 4 and float(n) <= 1 for n in numbers), row  # 0.59, never 0.…
        assert not any(cell.startswith("0.…") or cell == "…" for cell in rest), row
    if width >= 78:
        assert "source" in header  # room for the names at 80 columns


def test_at_eighty_columns_the_names_shrink_before_the_matrix_goes(seed_story) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(seed_story)
    group = biggest_group(index)
    members = list(group.members)
    header = rendered(similarity_table(index, group, members, members[0], 78), 78).splitlines()[0]
    assert header.split()[:2] == ["member", "source"]
    assert all(f"{index.position[m.source] + 1}¶{m.paragraph + 1}" in header for m in members)  # the whole matrix


def test_near_table_keeps_its_numbers_at_eighty_columns(seed_story) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(seed_story)
    members = list(biggest_group(index).members)
    for width in (78, 48):
        lines = rendered(near_table(index, members, width), width).splitlines()
        assert lines[0].split() == ["member", "close", "to", "score", "group", "begins"]
        for line in lines[1:]:
            cells = line.split()
            assert len(cells[2]) == 4 and float(cells[2]) <= 1 and cells[3].isdigit(), line


@pytest.mark.size(80, 24)
async def test_detail_at_80x24_shows_every_score_whole(pilot: Pilot[Any]) -> None:
    app = pilot.app
    index = app.main.index
    group = biggest_group(index)
    app.main.grid.move_to(index.row_of[group.members[0]])  # type: ignore[union-attr]
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DetailScreen)
    text = screen_text(app)
    assert "0.…" not in text and "me…" not in text and "be…" not in text
    for link in group.links:
        assert f"{link.score:.2f}" in text
    assert "close to  score  group" in text


@pytest.mark.size(50, 15)
async def test_detail_at_50x15_shows_scores_not_ellipses(pilot: Pilot[Any]) -> None:
    app = pilot.app
    index = app.main.index
    app.main.grid.move_to(index.row_of[biggest_group(index).members[0]])  # type: ignore[union-attr]
    await pilot.press("enter")
    await pilot.pause()
    text = screen_text(app)
    assert "vs focused  mean  best" in text and "0.…" not in text


def test_a_changed_word_reads_old_then_new() -> None:
    a, b = "DHS has launched a targeted campaign", "DHS has initiated a targeted effort"
    text = diff_text(a, b, word_diff(a, b), STRIKE, MARK)
    assert text.plain == "DHS has launched initiated a targeted campaign effort"
    styled = [(text.plain[s.start : s.end], s.style) for s in text.spans]
    assert styled == [("launched", STRIKE), ("initiated", MARK), ("campaign", STRIKE), ("effort", MARK)]


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("a b c", "new a b c", "new a b c"),
        ("a b c", "a b c new", "a b c new"),
        ("a b c", "a c", "a b c"),
        ("x", "y", "x y"),
        ("one\n\ntwo", "one\n\nsome two", "one\n\nsome two"),
    ],
)
def test_inserted_words_get_one_space(a: str, b: str, shown: str) -> None:
    assert diff_text(a, b, word_diff(a, b), STRIKE, MARK).plain == shown


async def test_the_diff_legend_is_drawn_in_the_diffs_own_styles(pilot: Pilot[Any]) -> None:
    app = pilot.app
    index = app.main.index
    app.main.grid.move_to(index.row_of[biggest_group(index).members[0]])  # type: ignore[union-attr]
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    delete, insert = screen.query_one(DiffView).mark_styles
    legend = screen.query_one("#diff-legend").render()
    spans = {legend.plain[s.start : s.end]: s.style.rich_style for s in legend.spans}  # type: ignore[attr-defined]
    assert spans["struck"] == delete and spans["marked"] == insert
    assert delete.strike and not insert.underline


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("one two.", "one two. three", "one two. three"),
        ("red, blue", "red, green blue", "red, green blue"),
        ("one.\n\ntwo", "one.\n\nthree", "one.\n\ntwo three"),
    ],
)
def test_words_added_after_punctuation_follow_it(a: str, b: str, shown: str) -> None:
    assert diff_text(a, b, word_diff(a, b), STRIKE, MARK).plain == shown
