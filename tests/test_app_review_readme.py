"""The README's key table names every one-character key of the side-by-side view and reading mode."""

from __future__ import annotations

from pathlib import Path

from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from textual.app import App
from textual.binding import Binding

README = Path(__file__).resolve().parent.parent / "README.md"


def key_table() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("| key | does |")
    return text[start : text.index("\n\n", start)]


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
