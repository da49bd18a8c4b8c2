"""The `!` screen: every note on what was loaded and aligned, after its toast has gone.

A folder with skipped files, unread subfolders or sources that share nothing says so once, in
a toast; this is where a reader finds the whole list again (what `--json` writes as "warnings").
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from storyview.model import counted


class NotesScreen(ModalScreen[None]):
    """The notes, one per paragraph, in the order they were made; escape or ! closes it."""

    BINDINGS = [
        Binding("escape,exclamation_mark", "close", "Close notes", tooltip="Close the notes"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Quit storyview, as everywhere"),
        Binding("j", "scroll(1)", "Scroll down", show=False, tooltip="Scroll the notes down (as ↓ does)"),
        Binding("k", "scroll(-1)", "Scroll up", show=False, tooltip="Scroll the notes up (as ↑ does)"),
    ]

    def __init__(self, notes: Sequence[str]) -> None:
        super().__init__()
        self.notes = tuple(notes)

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-panel"):
            many = counted(len(self.notes), "note") if self.notes else "notes"
            yield Static(Text(f"storyview — {many} on loading and aligning", style=Style(bold=True)), id="notes-title")
            with VerticalScroll(id="notes-body"):
                for note in self.notes or ("Nothing to note: every file was read and used.",):
                    yield Static(Text(f"• {note}"), classes="note")
            yield Static("esc or ! closes · q quits · --json writes them as \"warnings\"",
                         id="notes-hint")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#notes-body", VerticalScroll).scroll_relative(y=lines, animate=False)
