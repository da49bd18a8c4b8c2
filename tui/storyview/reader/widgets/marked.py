"""Paragraph text with the reader's marks on it, as a rich Text (article text is data, never markup).

One function builds every highlighted paragraph the UI shows (grid cells, reading mode,
detail), so "unique", "heat" and "match" look the same everywhere. Styles come in from the
widget (resolved from theme variables in the .tcss), so this module knows no colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text

from storyview.model import Marks, Span

HEAT_LEVELS = 3
"""Shades for text shared by 2, 3 and 4+ sources (1 source = the unique style)."""


@dataclass(frozen=True)
class MarkStyles:
    """The resolved styles a marked paragraph needs."""

    base: Style
    unique: Style
    heat: tuple[Style, ...]
    """Shared by 2, 3, 4+ sources (length HEAT_LEVELS)."""
    match: Style
    current: Style


def marked_text(
    text: str,
    styles: MarkStyles,
    marks: Marks | None = None,
    *,
    heat: bool = False,
    matches: Iterable[Span] = (),
    current: Span | None = None,
) -> Text:
    """The paragraph as Text: unique spans (or heat shading), search matches, the current mark.

    Later layers win: heat, then unique, then matches, then the current passage.
    """
    out = Text(text, style=styles.base, end="", no_wrap=False)
    if marks is not None:
        if heat:
            for run in marks.support:
                if run.sources >= 2 and run.end > run.start:
                    level = min(run.sources, HEAT_LEVELS + 1) - 2
                    out.stylize(styles.heat[level], run.start, run.end)
        for start, end in marks.unique:
            out.stylize(styles.unique, start, end)
    for start, end in matches:
        out.stylize(styles.match, start, end)
    if current is not None:
        out.stylize(styles.current, *current)
    return out


def wrap(text: Text, width: int, console: Console) -> list[Text]:
    """Word-wrap to `width` cells (long words fold); at least one line, even for ""."""
    lines = list(text.wrap(console, max(1, width), justify="left", overflow="fold"))
    return lines or [Text("", style=text.style, end="")]


def line_of_offset(lines: Sequence[Text], text: str, offset: int) -> int:
    """Which wrapped line holds character `offset` of `text` (wrap drops spaces at breaks)."""
    position = 0
    for i, line in enumerate(lines):
        plain = line.plain.rstrip()
        found = text.find(plain, position) if plain else position
        start = found if found >= 0 else position
        end = start + len(plain)
        if offset < end or i == len(lines) - 1:
            return i
        position = end
    return 0
