"""Small terminals and resizing: the seeds at three sizes, every view at a tiny size, and help, the
quotes legend and the coverage legend staying readable."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import (
    analysed,
    coverage_legend,
    folder_app,
    press,
    ready,
    screen_lines,
    screen_text,
    seeds_app,
    status_text,
    unfolded_from_the_top,
)
from rich.console import Console
from rich.text import Text
from story_factories import HOSTILE, wide_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.help import HelpScreen, key_rows, key_tables
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.quotes import QuotesScreen
from storyview.reader.widgets.fit import flow
from textual.app import App
from textual.pilot import Pilot


def key_display(binding) -> str:  # type: ignore[no-untyped-def]
    return App.get_key_display(App(), binding)


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def test_help_pairs_previous_and_next_keys_readably() -> None:
    rows = {what: keys for keys, what, _ in key_rows(DetailScreen.BINDINGS, key_display)}
    assert rows["Compare with"] == "h/l ←/→ [/]"


def test_narrow_help_puts_the_longer_text_under_the_description() -> None:
    rows = [("Reading mode (r)", [("w", "Narrow/full width", "Lines of at most 96 cells, centred, or the full width")])]
    wide, narrow = rendered(key_tables(rows, 96), 96), rendered(key_tables(rows, 44), 44)
    assert "Narrow/full width" in wide[1] and "Lines of at most" in wide[1]
    assert narrow[1].split() == ["w", "Narrow/full", "width"]
    assert narrow[2].split()[:4] == ["Lines", "of", "at", "most"]  # several words a line
    assert all(len(line) <= 44 for line in narrow) and not any("…" in line for line in narrow)


@pytest.mark.size(50, 15)
async def test_help_at_50x15_wraps_words_whole_and_shows_its_hint(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    lines = screen_lines(app)
    assert "…" not in "\n".join(lines)
    assert any("esc or ? closes" in line for line in lines)
    body = [line.strip("│ ") for line in lines[2:-2]]
    words_alone = [line for line in body if line and " " not in line]
    assert len(words_alone) <= 2, words_alone  # not one word per line


def test_flow_keeps_every_item_on_one_line() -> None:
    items = [Text(f"{n} ICE Is Trying to Poach Police") for n in range(1, 4)]
    text = flow(items, 70, "   ")
    assert text.plain.split("\n") == ["1 ICE Is Trying to Poach Police   2 ICE Is Trying to Poach Police",
                                      "3 ICE Is Trying to Poach Police"]
    cut = flow([Text("a rather long item")], 10).plain
    assert len(cut) <= 10 and cut.endswith("…")


async def test_coverage_legend_never_breaks_a_name_across_lines() -> None:
    for size in ((80, 24), (50, 15)):
        app = seeds_app()
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            shown = "\n".join(await coverage_legend(pilot))
            for n in range(1, len(app.main.index.articles) + 1):
                assert f" {n} " in shown, (size, n)  # every source named, none cut off
            for line in shown.splitlines()[1:]:
                names = [part for part in line.strip().split("   ") if part]
                assert all(part[0].isdigit() for part in names), (size, line)  # no line starts mid-name


async def test_quotes_legend_is_whole_at_50_columns() -> None:
    app = seeds_app()
    async with app.run_test(size=(50, 15)) as pilot:
        await analysed(pilot)
        await pilot.press("Q")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        text = screen_text(app)
        for item in ("exact the same words", "partial a stretch of them", "longer more words around them",
                     "altered words differ: marked"):
            assert item in text, item


async def test_a_tiny_terminal_and_resizing_while_every_view_is_open(tmp_path: Path) -> None:
    app = folder_app(tmp_path, HOSTILE)
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert len(grid.columns) == 1
        await press(pilot, "question_mark")
        assert screen_text(app).strip()
        await press(pilot, "escape")
        for keys in (["r"], ["enter"], ["c"], ["slash", *"bri"]):
            await press(pilot, *keys)
            assert screen_text(app).strip(), keys
            for size in [(200, 60), (80, 24)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                assert screen_text(app).strip(), (keys, size)
            await pilot.resize_terminal(40, 12)
            await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert len(grid.columns) == 4 and grid.focused in [c.source for c in grid.columns]


@pytest.mark.size(80, 24)
async def test_seeds_at_three_sizes_and_resizing(pilot: Pilot[Any]) -> None:
    app = pilot.app
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
    # A narrow terminal gets the short status, in words; the one column's number is in its header.
    assert status_text(app).lstrip().startswith("sources 5/5  group ")
    assert grid.header(grid.content_width)[0].text.lstrip("‹ ").startswith("2 ")


async def test_resizing_keeps_the_cursor_and_focus() -> None:
    app = StoryviewApp.from_story(wide_story(sources=6, groups=40))
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await unfolded_from_the_top(pilot)  # every row shown: G goes to the very last
        await pilot.press("G", "l", "l", "l", "l")
        for size in [(80, 24), (40, 12), (120, 40), (30, 8)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert grid.cursor == len(grid.rows) - 1 and grid.focused == "s04"
            assert grid.focused in [c.source for c in grid.columns]
