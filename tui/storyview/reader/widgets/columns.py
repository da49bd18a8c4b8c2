"""Which source columns fit on screen, how wide each is, and where the window of them sits.

Pure arithmetic, kept apart from the grid so it can be tested at any width without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_COLUMN_WIDTH = 25
"""Narrower than this and a column of prose stops being readable."""
SEPARATOR = 1
"""Cells between two columns (the "│")."""
PADDING = 1
"""Blank cells either side of a cell's text."""


@dataclass(frozen=True)
class Column:
    """One visible column: its source, left edge and width in cells (padding included)."""

    source: str
    x: int
    width: int

    @property
    def text_width(self) -> int:
        return max(1, self.width - 2 * PADDING)

    @property
    def end(self) -> int:
        return self.x + self.width


def columns_that_fit(width: int, available: int, min_width: int = MIN_COLUMN_WIDTH) -> int:
    """How many columns of at least `min_width` fit in `width` (at least one, at most `available`)."""
    if available <= 0:
        return 0
    return max(1, min(available, (width + SEPARATOR) // (min_width + SEPARATOR)))


def slide_window(start: int, count: int, focus: int, total: int) -> int:
    """Move the window's first column the least so that `focus` is inside it."""
    if total <= count:
        return 0
    if focus < start:
        start = focus
    elif focus >= start + count:
        start = focus - count + 1
    return max(0, min(start, total - count))


def lay_out(sources: list[str], width: int) -> list[Column]:
    """Split `width` between the given sources (already windowed), separators between them."""
    count = len(sources)
    if count == 0 or width <= 0:
        return []
    usable = max(count, width - SEPARATOR * (count - 1))
    base, extra = divmod(usable, count)
    columns: list[Column] = []
    x = 0
    for i, source in enumerate(sources):
        w = base + (1 if i < extra else 0)
        columns.append(Column(source, x, w))
        x += w + SEPARATOR
    return columns
