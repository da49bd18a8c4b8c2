"""Many sources in the coverage matrix, reading mode's width, drawing only what is on screen,
and every key coming from one BINDINGS list."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.figures import FiguresScreen
from storyview.reader.screens.findings import findings_bindings
from storyview.reader.screens.help import HelpScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.quotes import QuotesScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.screens.rewrites import RewritesScreen
from storyview.reader.widgets.article import MEASURE
from storyview.reader.widgets.grid import StoryGrid
from test_app_stories import ready, seeds_app, status_text, wide_story
from textual.binding import Binding
from textual.widgets import Footer, Static


async def test_the_coverage_matrix_windows_many_sources_around_the_focus() -> None:
    app = StoryviewApp.from_story(wide_story(sources=120, groups=12))
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.press("l", "l", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        view = screen.view
        assert view.focused == "s02"  # the grid's focused source
        shown = view.window()
        assert 10 < len(shown) < 120 and shown.start == 0
        header = view.header(view.content_width)[0].text
        assert " 1 " in header and " 12 " in header and "›" in header  # readable numbers, more to the right
        await pilot.press(*"l" * 20)
        assert view.focused == "s22" and view.column in view.window() and view.window_start > 0
        status = str(screen.query_one("#coverage-status", Static).render())
        assert "source 23/120" in status and "Outlet 22" in status and "columns" in status
        await pilot.press("h")
        assert view.focused == "s21" and view.column in view.window()
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        grid = app.main.grid
        assert grid.focused == "s21" and grid.cursor == len(grid.rows) - 1
        assert "s21" in [c.source for c in grid.columns]


async def test_the_coverage_matrix_of_a_few_sources_shows_them_all() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        view = app.screen.view  # type: ignore[attr-defined]
        assert len(view.window()) == 5 and "columns" not in str(app.screen.query_one("#coverage-status", Static).render())
        await pilot.press("h")
        assert view.column == 4  # wraps around


async def test_reading_mode_uses_the_full_width_and_w_narrows_it() -> None:
    app = seeds_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await ready(pilot)
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
            drawn.clear()
            await pilot.press("G")
            assert all(row > len(grid.rows) - 30 for row in drawn)
            for _ in range(8):
                drawn.clear()
                await pilot.press("l")
                assert len(set(drawn)) <= 30  # a slide redraws the rows in view, no others
            assert "sources 300/300 (cols 6–9)" in status_text(app)
    finally:
        StoryGrid.row_lines = original  # type: ignore[method-assign]


def _descriptions(bindings: list[Any], merged: bool = False) -> set[str]:
    """Descriptions of the bindings; `merged`: as the help lists them (one row for other(-1)/other(1))."""
    out = set()
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            grouped = merged and b.group is not None and "(" in b.action
            out.add(b.group.description.capitalize() if grouped and b.group else b.description)
    return out


async def test_footer_help_and_palette_all_come_from_the_bindings() -> None:
    app = seeds_app()
    async with app.run_test(size=(160, 60)) as pilot:
        await ready(pilot)
        screens = {
            "main": (MainScreen, []),
            "reading": (ReadingScreen, ["r"]),
            "detail": (DetailScreen, ["enter"]),
            "coverage": (CoverageScreen, ["c"]),
            "quotes": (QuotesScreen, ["Q"]),
            "figures": (FiguresScreen, ["F"]),
            "rewrites": (RewritesScreen, ["W"]),
        }
        for name, (kind, keys) in screens.items():
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, kind), name
            footer = app.screen.query_one(Footer)
            shown = {b.description for b in kind.BINDINGS if isinstance(b, Binding) and b.show}  # type: ignore[attr-defined]
            footer_text = " ".join(str(w.render()) for w in footer.query("*"))
            for description in shown:
                if description and not any(  # a group shows its title instead of each description
                    b.group and b.description == description for b in kind.BINDINGS if isinstance(b, Binding)
                ):
                    assert description in footer_text, (name, description)
            titles = {command.title.split(":")[0] for command in app.get_system_commands(screen)}
            missing = (_descriptions(kind.BINDINGS) - titles - {f"Hide/show source {n}" for n in range(6, 10)}
                       - {"Clear search", "Next match", "Previous match"})  # offered only while there is a search
            assert not missing, (name, missing)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=160, file=io.StringIO(), record=True)
        console.print(app.screen.query_one("#help-table", Static).content)
        text = console.export_text()
        for name, (kind, _) in screens.items():
            if name in ("quotes", "figures", "rewrites"):
                continue  # the three lists share one table, of "items", checked below
            for description in _descriptions(kind.BINDINGS, merged=True):
                if not description.startswith("Hide/show source "):
                    assert description in text, description
        assert "Narrow/full width" in text and "q ctrl+c" in text.replace("^c", "ctrl+c")
        assert "Quotes (Q), figures (F), rewrites (W)" in text and "Export dialog (e)" in text
        for description in _descriptions(findings_bindings("item", ""), merged=True) | {"Export", "Cancel"}:
            assert description in text, description
