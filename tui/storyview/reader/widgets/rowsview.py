"""A virtualised list of variable-height rows under a fixed header, drawn with the Line API.

Why not one widget per paragraph: a story may have hundreds of sources and thousands of
groups. Here a row costs a number in a list until it scrolls into view; only the lines on
screen are ever rendered (`render_line`), and rendered rows are kept in a small LRU cache.
Subclasses say how tall a row is and what each of its lines looks like.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storyview.reader.widgets.marked import HEAT_LEVELS, MarkStyles


class RowsView(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of text with a cursor row; keys live on the screen, so no bindings here."""

    COMPONENT_CLASSES = {
        "rows--cursor",
        "text--unique",
        "text--heat-2",
        "text--heat-3",
        "text--heat-4",
        "text--match",
        "text--current",
        "text--muted",
        "text--boilerplate",
    }

    DEFAULT_CSS = """
    RowsView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cursor = 0
        self._tops: list[int] = [0]
        self._layout_width = 0
        self._lines: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(1024)
        self._styles: dict[tuple[str, str | None], Style] = {}
        self._mark_styles: MarkStyles | None = None

    # -- what subclasses provide -------------------------------------------------------------

    def row_count(self) -> int:
        raise NotImplementedError

    def measure_row(self, row: int, width: int) -> int:
        """Lines the row takes at this width (at least 1)."""
        raise NotImplementedError

    def measure_rows(self, width: int) -> list[int]:
        """Every row's height; subclasses may do this faster than row by row."""
        return [max(1, self.measure_row(i, width)) for i in range(self.row_count())]

    def row_lines(self, row: int, width: int) -> list[Strip]:
        """Every line of the row, without cursor styling (cached by the caller)."""
        raise NotImplementedError

    def header(self, width: int) -> list[Strip]:
        """Lines pinned above the rows; none by default."""
        return []

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        """Put the row background (and the cursor) under a rendered line."""
        name = "rows--cursor" if row == self.cursor else None
        return strip.apply_style(self.background_style(name))

    def cursor_line(self) -> int:
        """The line of the cursor row that must stay in view when the view changes size; its top by default."""
        return 0

    def cache_key(self) -> tuple[object, ...]:
        """Anything besides (row, width) that changes how rows look; subclasses extend it."""
        return ()

    # -- layout --------------------------------------------------------------------------------

    @property
    def content_width(self) -> int:
        return self.scrollable_content_region.width

    @property
    def body_height(self) -> int:
        """Lines of rows visible under the header."""
        return max(0, self.scrollable_content_region.height - len(self.header(self.content_width)))

    @property
    def total_lines(self) -> int:
        return self._tops[-1]

    def relayout(self) -> None:
        """Measure every row again (width, data or folding changed) and repaint."""
        width = self.content_width
        self._layout_width = width
        if width <= 0:
            self._tops = [0]
            return
        self._tops = [0, *accumulate(self.measure_rows(width))]
        self._size_to_rows()
        self.invalidate()

    def _size_to_rows(self) -> None:
        """Scroll range: every row's lines under the header (whose height depends on the view's)."""
        width = self.content_width
        self.virtual_size = Size(width, self._tops[-1] + len(self.header(width)))

    def invalidate(self) -> None:
        """Forget rendered rows (styles or marks changed) and repaint."""
        self._lines.clear()
        self.refresh()

    def refresh_rows(self, *rows: int) -> None:
        """Repaint only these rows (where they are on screen), e.g. the old and new cursor rows."""
        header = len(self.header(self.content_width))
        y0, view = round(self.scroll_y), self.body_height
        for row in rows:
            top = max(self.row_top(row), y0)
            bottom = min(self.row_top(row) + self.row_height(row), y0 + view)
            if bottom > top:
                self.refresh(Region(0, header + top - y0, self.size.width, bottom - top))

    def row_top(self, row: int) -> int:
        return self._tops[row] if 0 <= row < len(self._tops) else 0

    def row_height(self, row: int) -> int:
        return self._tops[row + 1] - self._tops[row] if 0 <= row < len(self._tops) - 1 else 0

    def row_at_line(self, body_line: int) -> int:
        """The row under a line of the body (clamped to the last row)."""
        return max(0, min(bisect_right(self._tops, body_line) - 1, self.row_count() - 1))

    def first_visible_row(self) -> int:
        return self.row_at_line(round(self.scroll_y))

    # -- scrolling -------------------------------------------------------------------------------

    def scroll_to_row(self, row: int, line: int = 0) -> None:
        """Bring a row into view (its top, or `line` of it when the row is taller than the view)."""
        if self._layout_width != self.content_width:
            self.relayout()
        top, height, view = self.row_top(row), self.row_height(row), self.body_height
        if view <= 0:
            return
        y = round(self.scroll_y)
        target = top + line
        if height <= view and line == 0:
            if top < y:
                y = top
            elif top + height > y + view:
                y = top + height - view
        elif not y <= target < y + view:
            y = max(top, target - view // 3)
        self.scroll_to(y=y, animate=False)

    def page(self, pages: int) -> int:
        """Scroll by whole pages; returns the row for the cursor: the first row now in view.

        Where the view is already at that end, the cursor goes the rest of the way, to the last
        (first) row; and it never goes against the page, so a page down at the end keeps it there.
        """
        rows = self.row_count()
        before = round(self.scroll_y)
        view = max(1, self.body_height - 1)
        self.scroll_to(y=before + pages * view, animate=False)
        if rows == 0:
            return 0
        y = round(self.scroll_y)
        if y == before:
            return rows - 1 if pages > 0 else 0
        first = self.first_visible_row()
        top = self.row_top(self.cursor)
        in_view = top < y + self.body_height and top + self.row_height(self.cursor) > y
        if (first - self.cursor) * pages < 0 and in_view:
            return self.cursor
        return first

    # -- rendering -------------------------------------------------------------------------------

    def background_style(self, component: str | None = None) -> Style:
        """The widget's own style, or a component's, as a full style to put under text."""
        key = ("background", component)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            if component is not None:
                style += self.get_component_rich_style(component)
            self._styles[key] = style
        return style

    def span_style(self, component: str) -> Style:
        """A component's style for spans of text: its background only if the rule sets one."""
        key = ("text", component)
        style = self._styles.get(key)
        if style is None:
            full = self.get_component_rich_style(component)
            if self.get_component_styles(component).has_rule("background"):
                style = full
            else:
                style = Style.from_color(full.color) + full.without_color
            self._styles[key] = style
        return style

    def mark_styles(self) -> MarkStyles:
        """Resolved styles for marked paragraphs (from the theme, so cached until styles change)."""
        if self._mark_styles is None:
            self._mark_styles = MarkStyles(
                base=Style(),
                unique=self.span_style("text--unique"),
                heat=tuple(self.span_style(f"text--heat-{n}") for n in range(2, HEAT_LEVELS + 2)),
                match=self.span_style("text--match"),
                current=self.span_style("text--current"),
            )
        return self._mark_styles

    def render_line(self, y: int) -> Strip:
        width = self.content_width
        if width != self._layout_width:
            self.relayout()
        header = self.header(width)
        if y < len(header):
            return header[y]
        body_line = round(self.scroll_y) + y - len(header)
        if self.row_count() == 0 or body_line >= self.total_lines:
            return Strip.blank(width, self.rich_style)
        row = self.row_at_line(body_line)
        key = (row, width, *self.cache_key())
        lines = self._lines.get(key)
        if lines is None:
            lines = self.row_lines(row, width)
            self._lines[key] = lines
        line = body_line - self._tops[row]
        strip = lines[line] if line < len(lines) else Strip.blank(width)
        return self.style_line(row, line, strip.crop_extend(0, width, None), width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._mark_styles = None
        self._lines.clear()

    def on_resize(self) -> None:
        if self.content_width != self._layout_width:
            self.relayout()
        else:  # a new height measures nothing again; only the header may have grown or shrunk
            self._size_to_rows()
        self.scroll_to_row(self.cursor, self.cursor_line())
        self.resized()

    def resized(self) -> None:
        """Hook: the view was measured again for a new size."""
