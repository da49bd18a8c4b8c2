"""A list of findings (quotes, figures or rewrites): one item per row, each naming several sources.

The chosen item is drawn in full, its text wrapped; every other item takes one line for its
heading and one per source, cut to the width. So a list of thousands of items is measured
without wrapping any text, and moving the cursor re-wraps two items. j/k choose an item, h/l
one of its sources (an *entry*); the screen sends the reader to that entry's place.

Subclasses say what an item's lines are (`item_lines`), how many entries it has and where each
one is in the story (`place`). Article text is data: lines are built as rich Text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.strip import Strip

from storyview.reader.messages import FindingMoved
from storyview.reader.widgets.marked import wrap
from storyview.reader.widgets.rows import StoryIndex, short_id
from storyview.reader.widgets.rowsview import RowsView

NAME_MIN, NAME_MAX = 8, 24
"""Cells for a source's short id beside its number (a shorter longest id takes less)."""


@dataclass(frozen=True)
class Place:
    """Where a finding is: a paragraph of a source, and the span of it to mark (none when start == end)."""

    source: str
    paragraph: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Line:
    """One line of an item, and which of its entries (sources) it shows, if any."""

    text: Text
    entry: int | None = None


class FindingsView(RowsView):
    """Items with a cursor item (drawn in full) and a chosen entry of it (marked with a bar)."""

    COMPONENT_CLASSES = RowsView.COMPONENT_CLASSES | {
        "findings--chosen",
        "findings--marker",
        "findings--number",
        "findings--source",
        "findings--heading",
        "findings--empty",
    }

    EMPTY = "Nothing found."

    def __init__(self, index: StoryIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.items: Sequence[Any] = ()
        self.entry = 0
        """The chosen entry of the cursor item."""
        self.ready = False
        """Whether items were given (an empty list then says EMPTY)."""
        self._compact: list[int] = []
        self._expanded: tuple[tuple[int, int], list[Line]] | None = None
        self._id_width: int | None = None

    # -- what subclasses provide ---------------------------------------------------------------

    def entries(self, item: Any) -> int:
        """How many sources (versions, mentions, sides) the item names."""
        raise NotImplementedError

    def place(self, item: Any, entry: int) -> Place | None:
        """Where entry `entry` of `item` is in the story."""
        raise NotImplementedError

    def compact_height(self, item: Any) -> int:
        """Lines the item takes when it is not the cursor item (no wrapping)."""
        return 1 + self.entries(item)

    def item_lines(self, item: Any, number: int, width: int, expanded: bool) -> list[Line]:
        """The item's lines at this width: in full (`expanded`) or `compact_height` lines."""
        raise NotImplementedError

    # -- the items -----------------------------------------------------------------------------

    def set_items(self, items: Sequence[Any], cursor: int = 0, entry: int = 0) -> None:
        """Show these items, with the cursor on `cursor` (clamped) and its entry `entry`."""
        self.items = items
        self.ready = True
        self._compact = [self.compact_height(item) for item in items]
        self.cursor = max(0, min(cursor, len(items) - 1))
        self.entry = max(0, min(entry, self.entries(items[self.cursor]) - 1)) if items else 0
        self.scroll_to(y=0, animate=False)
        self.relayout()
        self.scroll_to_row(self.cursor, self.entry_line())

    def clear(self) -> None:
        """Forget the items (while new ones are computed)."""
        self.items = ()
        self.ready = False
        self._compact = []
        self.cursor = self.entry = 0
        self.relayout()

    @property
    def item(self) -> Any | None:
        return self.items[self.cursor] if self.items else None

    @property
    def current_place(self) -> Place | None:
        item = self.item
        return None if item is None else self.place(item, self.entry)

    # -- moving --------------------------------------------------------------------------------

    def move_to(self, row: int) -> None:
        """Put the cursor on an item (clamped), its first entry chosen, and bring it into view."""
        if not self.items:
            return
        row = max(0, min(row, len(self.items) - 1))
        if row == self.cursor:
            return
        self.cursor, self.entry = row, 0
        self.relayout()  # the old item folds back to one line per source, the new one unfolds
        self.scroll_to_row(self.cursor)

    def choose(self, delta: int) -> None:
        """Choose the next/previous entry of the cursor item (wrapping) and bring it into view."""
        item = self.item
        if item is None:
            return
        self.entry = (self.entry + delta) % max(1, self.entries(item))
        self.refresh_rows(self.cursor)
        self.scroll_to_row(self.cursor, self.entry_line())

    def entry_line(self) -> int:
        """The line of the cursor item that shows its chosen entry (0 if none does)."""
        if not self.items or self.content_width <= 0:
            return 0
        for n, line in enumerate(self._lines_of_cursor(self.content_width)):
            if line.entry == self.entry:
                return n
        return 0

    # -- RowsView ------------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.items) if self.items or not self.ready else 1

    def measure_row(self, row: int, width: int) -> int:
        if not self.items:
            return 1
        if row == self.cursor:
            return len(self._lines_of_cursor(width))
        return self._compact[row]

    def measure_rows(self, width: int) -> list[int]:
        if not self.items:
            return [1] * self.row_count()
        heights = list(self._compact)
        heights[self.cursor] = len(self._lines_of_cursor(width))
        return heights

    def _lines_of_cursor(self, width: int) -> list[Line]:
        """The cursor item in full (kept until the cursor, the width or the styles change)."""
        key = (self.cursor, width)
        if self._expanded is None or self._expanded[0] != key:
            lines = self.item_lines(self.items[self.cursor], self.cursor + 1, width, expanded=True)
            self._expanded = (key, lines or [Line(Text(""))])
        return self._expanded[1]

    def row_lines(self, row: int, width: int) -> list[Strip]:
        if not self.items:
            return [self.text_strip(Text(self.EMPTY, style=self.span_style("findings--empty")), width)]
        if row == self.cursor:
            lines = self._lines_of_cursor(width)
        else:
            lines = self.item_lines(self.items[row], row + 1, width, expanded=False)
        return [self.text_strip(line.text, width) for line in lines]

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        """The cursor item on the cursor background; its chosen entry's lines marked with a bar."""
        if not self.items or row != self.cursor:
            return strip.apply_style(self.background_style())
        lines = self._lines_of_cursor(width)
        if line < len(lines) and lines[line].entry == self.entry:
            style = self.background_style("findings--chosen")
            marker = Strip([Segment("▌", style + self.span_style("findings--marker"))])
            return Strip.join([marker, strip.crop(1)]).apply_style(style)
        return strip.apply_style(self.background_style("rows--cursor"))

    def invalidate(self) -> None:
        self._expanded = None
        super().invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._expanded = None

    def text_strip(self, text: Text, width: int) -> Strip:
        """A line of styled text as a Strip of exactly `width` cells."""
        return Strip(list(text.render(self.app.console))).crop_extend(0, width, None)

    # -- helpers for subclasses ----------------------------------------------------------------

    def number_width(self) -> int:
        """Cells for an item's number."""
        return len(str(max(1, len(self.items))))

    def source_width(self) -> int:
        """Cells for a source's number."""
        return len(str(max(1, len(self.index.articles))))

    def short(self, source: str) -> str:
        """The source's short id, as the main view's headers and the reports call it ("gazette", "000")."""
        article = self.index.by_id.get(source)
        return source if article is None else short_id(article, self.index.by_id)

    def name_width(self, width: int) -> int:
        """Cells for a short id: the longest one's, up to a sixth of the width (at least NAME_MIN)."""
        if self._id_width is None:
            self._id_width = max((len(self.short(a.id)) for a in self.index.articles), default=1)
        return min(self._id_width, max(NAME_MIN, min(NAME_MAX, width // 6)))

    def source_label(self, source: str, width: int) -> Text:
        """A source's number and short id (as in the main view's headers), padded to one width."""
        number = self.index.position.get(source, -1) + 1
        out = Text(f"{number:>{self.source_width()}} ", style=self.span_style("findings--number"), end="")
        name = Text(self.short(source), style=self.span_style("findings--source"), end="")
        name.truncate(self.name_width(width), overflow="ellipsis", pad=True)
        return out + name

    def hang(self, prefix: Text, body: Text, width: int, expanded: bool) -> list[Text]:
        """`prefix` then `body`: wrapped under itself (expanded), or cut to one line."""
        room = max(1, width - prefix.cell_len)
        if not expanded:
            line = body.copy()
            line.truncate(room, overflow="ellipsis")
            return [prefix + line]
        lines = wrap(body, room, self.app.console)
        indent = Text(" " * prefix.cell_len, end="")
        return [prefix + lines[0], *(indent + line for line in lines[1:])]

    def right(self, left: Text, right: Text, width: int) -> Text:
        """`left` cut to leave room for `right`, which ends at the last cell."""
        room = max(1, width - right.cell_len - 1)
        out = left.copy()
        out.truncate(room, overflow="ellipsis", pad=True)
        return out + Text(" ", end="") + right

    # -- mouse ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Click an item to make it the cursor item; click a source of the cursor item to choose it."""
        if not self.items:
            return
        body_line = round(self.scroll_y) + event.y - len(self.header(self.content_width))
        row = self.row_at_line(body_line)
        if row == self.cursor:
            lines = self._lines_of_cursor(self.content_width)
            line = body_line - self.row_top(row)
            if 0 <= line < len(lines) and lines[line].entry is not None:
                self.entry = lines[line].entry
                self.refresh_rows(row)
        else:
            self.move_to(row)
        self.post_message(FindingMoved())

