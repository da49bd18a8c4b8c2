"""Help (?), the command palette and the footer all come from the BINDINGS lists; the README's
key table names every one-character key; q quits."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import ready
from rich.console import Console
from storyview.model import Story
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
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Footer, Static


def _descriptions(bindings: list[Any], merged: bool = False) -> set[str]:
    """Descriptions of the bindings; `merged`: as the help lists them (one row for other(-1)/other(1))."""
    out = set()
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            grouped = merged and b.group is not None and "(" in b.action
            out.add(b.group.description.capitalize() if grouped and b.group else b.description)
    return out


README = Path(__file__).resolve().parents[2] / "README.md"


def key_table() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("| key | does |")
    return text[start : text.index("\n\n", start)]


@pytest.mark.size(120, 60)
async def test_question_mark_lists_every_key_and_escape_closes(pilot: Pilot[Any]) -> None:
    app = pilot.app
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


async def test_command_palette_offers_every_action_by_name(pilot: Pilot[Any]) -> None:
    app = pilot.app
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
    await pilot.press(*"cover")  # the coverage matrix's title in the palette is its key's description
    hit = None
    for _ in range(250):  # the palette searches in the background: wait for the coverage command
        found = app.screen.query("CommandList")
        if found:
            commands = found.first()
            hits = [i for i in range(commands.option_count) if "Cover" in str(commands.get_option_at_index(i).prompt)]
            if hits:
                hit = hits[0]
                commands.highlighted = hit
                await pilot.pause()
                break
        await pilot.pause(0.02)
    assert hit is not None, "the palette never offered the coverage matrix"
    await pilot.press("enter")
    for _ in range(250):
        if isinstance(app.screen, CoverageScreen):
            break
        await pilot.pause(0.02)
    assert isinstance(app.screen, CoverageScreen)


async def test_q_quits(pilot: Pilot[Any]) -> None:
    app = pilot.app
    await pilot.press("q")
    await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running



@pytest.mark.parametrize("keys", [("question_mark",), ("S",), ("e",), ("ctrl+p",)])
async def test_ctrl_c_quits_from_every_screen_with_130(pilot: Pilot[Any], keys: tuple[str, ...]) -> None:
    """try20: ctrl+c did nothing in the help, the source picker, the export dialog or the
    palette, though the help says it quits everywhere."""
    app = pilot.app
    await pilot.press(*keys)
    await pilot.pause()
    assert not isinstance(app.screen, MainScreen)
    await pilot.press("ctrl+c")
    await pilot.pause()
    assert app.return_code == 130 and not app.is_running


async def test_the_palette_has_no_key_panel_and_saves_a_screenshot_where_it_was_started(
        pilot: Pilot[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try20: "Keys" opened a panel escape could not close; "Screenshot" failed (no Downloads
    folder); "Stories" was offered in a story of one folder and did nothing."""
    app = pilot.app
    commands = {command.title: command for command in app.get_system_commands(app.main)}
    assert "Keys" not in commands and "Stories" not in commands and "Help" in commands
    assert "Maximize" not in commands  # try25: Textual's own, for a view that fills the screen already
    monkeypatch.chdir(tmp_path)
    commands["Screenshot"].callback()
    await pilot.pause()
    assert [p.suffix for p in tmp_path.iterdir()] == [".svg"]

@pytest.mark.size(160, 60)
async def test_footer_help_and_palette_all_come_from_the_bindings(pilot: Pilot[Any]) -> None:
    app = pilot.app
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
        shown = {b.description for b in kind.BINDINGS if isinstance(b, Binding) and b.show  # type: ignore[attr-defined]
                 and screen.check_action(b.action, ()) is not False}  # p/u: not without a pins file
        footer_text = " ".join(str(w.render()) for w in footer.query("*"))
        for description in shown:
            if description and not any(  # a group shows its title instead of each description
                b.group and b.description == description for b in kind.BINDINGS if isinstance(b, Binding)
            ):
                assert description in footer_text, (name, description)
        titles = {command.title.split(":")[0] for command in app.get_system_commands(screen)}
        missing = (_descriptions(kind.BINDINGS) - titles - {f"Hide/show source {n}" for n in range(6, 10)}
                   - {"Clear search", "Next match", "Previous match"}  # offered only while there is a search
                   - {b.description for b in kind.BINDINGS if isinstance(b, Binding)  # type: ignore[attr-defined]
                      and screen.check_action(b.action, ()) is False})  # p/u: not without a pins file
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


def test_every_short_key_is_in_the_readme() -> None:
    table, app = key_table(), App()
    missing = []
    for binding in [*MainScreen.BINDINGS, *ReadingScreen.BINDINGS]:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        for key in binding.key.split(","):
            shown = app.get_key_display(binding.with_key(key))
            if len(shown) == 1 and shown not in "2345678↑↓←→⏎" and f"`{shown}`" not in table:
                missing.append(shown)
    assert not missing, missing
    assert "`w`" in table and "`=`" in table


def test_help_lists_n_both_ways() -> None:
    from storyview.reader.screens.help import key_rows
    from storyview.reader.screens.main import MainScreen
    from storyview.reader.screens.reading import ReadingScreen

    for screen in (MainScreen, ReadingScreen):
        rows = {description: keys for keys, description, _ in key_rows(screen.BINDINGS, lambda binding: binding.key)}
        assert rows["Next unique passage"] == rows["Next match"] == "n"
        assert rows["Previous unique passage"] == rows["Previous match"] == "N"


async def test_q_on_nothing_usable_exits_1_as_json_does() -> None:
    """try20: a folder of only unreadable files opened an empty reader that exited 0 on q,
    where `--json` exits 1."""
    app = StoryviewApp.from_story(Story((), ()))
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_e_on_nothing_usable_saves_nothing_and_says_so() -> None:
    """try20: `e` on a folder where nothing could be read wrote a report of 0 sources."""
    app = StoryviewApp.from_story(Story((), ()))
    async with app.run_test() as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Nothing to save" in str(n.message) for n in app._notifications)
