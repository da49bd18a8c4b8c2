"""Text laid out for the width it is shown at, so narrow terminals get a layout of their own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text


class FitWidth:
    """A renderable built for the width it is drawn at; a Static redraws it on a resize."""

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)


def flow(items: Sequence[Text], width: int, separator: Text | str = "   ") -> Text:
    """The items on as few lines as they fit, each whole on one line (cut with … if wider than one).

    Plain wrapping would break an item between its words ("4 ICE Is Trying to" / "Poach…").
    """
    out = Text(end="")
    line = 0
    width = max(1, width)
    gap = Text(separator) if isinstance(separator, str) else separator
    for item in items:
        item = item.copy()
        item.end = ""
        item.truncate(width, overflow="ellipsis")
        if line and line + gap.cell_len + item.cell_len > width:
            out.append("\n")
            line = 0
        elif line:
            out.append_text(gap)
            line += gap.cell_len
        out.append_text(item)
        line += item.cell_len
    return out
