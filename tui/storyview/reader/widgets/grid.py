"""The main view: one column per shown source, one row per group, cells lined up across columns.

Drawn line by line (see RowsView), so a story of hundreds of sources and thousands of groups
costs only what is on screen. The grid owns the *view* state (cursor row, focused source,
hidden sources, window of columns, marks); the Story itself is only read.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip

from storyview.reader.messages import GridChanged
from storyview.model import Member, Span
from storyview.reader.widgets.columns import PADDING, Column, columns_that_fit, lay_out, slide_window
from storyview.reader.widgets.gridheader import ColumnHeaders
from storyview.reader.widgets.marked import line_of_offset, marked_text, wrap
from storyview.reader.widgets.rows import Passage, Row, StoryIndex
from storyview.reader.widgets.rowsview import RowsView

PLACEHOLDER = "· not covered ·"
MAX_DOTS = 24
"""Coverage dots on a row's rule only while they stay short enough to read."""


class StoryGrid(RowsView):
    """Sources side by side, aligned by group; see the module docstring."""

    COMPONENT_CLASSES = RowsView.COMPONENT_CLASSES | {
        "grid--header",
        "grid--header-focus",
        "grid--number",
        "grid--meta",
        "grid--headline",
        "grid--rule",
        "grid--rule-cursor",
        "grid--separator",
        "grid--placeholder",
        "grid--cell-cursor",
        "grid--marker",
        "grid--dot",
        "grid--dot-off",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.index: StoryIndex | None = None
        self.rows: list[Row] = []
        self.hidden: set[str] = set()
        self.focused: str | None = None
        self.window_start = 0
        self.show_boilerplate = False
        self.heat = False
        self.matches: dict[Member, list[Span]] = {}
        self.current: Passage | None = None
        self.columns: list[Column] = []
        self._heights: dict[tuple[Member, int], int] = {}
        self._by_source: dict[tuple[str, int, int], list[int]] = {}
        self._header: tuple[tuple[object, ...], list[Strip]] | None = None

    # -- state the screen reads ------------------------------------------------------------------

    @property
    def visible_sources(self) -> list[str]:
        if self.index is None:
            return []
        return [a.id for a in self.index.articles if a.id not in self.hidden]

    @property
    def row(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def focused_members(self) -> tuple[Member, ...]:
        """The focused source's paragraphs in the cursor row (usually one, maybe none)."""
        row = self.row
        return row.cells.get(self.focused, ()) if row is not None and self.focused else ()

    def row_count(self) -> int:
        return len(self.rows)

    # -- changing state (each posts GridChanged so the status line follows) -------------------------

    def set_story(self, index: StoryIndex) -> None:
        """Show a (new) Story, keeping the same source focused and the nearest group under the cursor."""
        old_index, old_row, old_focus = self.index, self.row, self.focused
        offset_on_screen = self.row_top(self.cursor) - round(self.scroll_y)
        self.index = index
        self.hidden &= set(index.by_id)
        if len(self.hidden) >= len(index.articles):
            self.hidden.clear()
        self.rows = index.rows(self.show_boilerplate)
        self._heights.clear()
        self._by_source.clear()
        if old_focus in index.by_id and old_focus not in self.hidden:
            self.focused = old_focus
        else:
            visible = self.visible_sources
            self.focused = visible[0] if visible else None
        self.cursor = self._nearest_row(old_row, old_focus) if old_index is not None else 0
        self.current = None
        self.matches = {}
        self.relayout()
        self.scroll_to(y=max(0, self.row_top(self.cursor) - offset_on_screen), animate=False)
        self.scroll_to_row(self.cursor)
        self._changed()

    def _nearest_row(self, old_row: Row | None, old_focus: str | None) -> int:
        """Where the old cursor row's paragraphs now are; the focused source's paragraph first."""
        if old_row is None or self.index is None or not self.rows:
            return 0
        members = sorted(
            (m for ms in old_row.cells.values() for m in ms), key=lambda m: m.source != old_focus
        )
        for member in members:
            row = self.index.row_of.get(member)
            if row is not None and row < len(self.rows):
                return row
        return min(self.cursor, len(self.rows) - 1)

    def move_to(self, row: int, scroll: bool = True) -> None:
        """Put the cursor on a row (clamped) and, unless told not to, bring it into view."""
        if not self.rows:
            return
        old, scrolled = self.cursor, self.scroll_y
        self.cursor = max(0, min(row, len(self.rows) - 1))
        if scroll:
            self.scroll_to_row(self.cursor)
        if self.current is not None and self.current.row != self.cursor:
            self.current = None
            self.invalidate()  # the old mark must go
        elif self.scroll_y == scrolled:
            self.refresh_rows(old, self.cursor)  # rows are cached without the cursor; style_line draws it
        else:
            self.refresh()
        self._changed()

    def step(self, delta: int) -> None:
        """j/k: the next/previous group, but first read through a group taller than the view."""
        top, bottom = self.row_top(self.cursor), self.row_top(self.cursor) + self.row_height(self.cursor)
        y, view = round(self.scroll_y), self.body_height
        if view > 2 and delta > 0 and bottom > y + view:
            self.scroll_to(y=min(y + view - 2, bottom - view), animate=False)
        elif view > 2 and delta < 0 and top < y:
            self.scroll_to(y=max(y - (view - 2), top), animate=False)
        else:
            self.move_to(self.cursor + delta)

    def page_by(self, pages: int) -> None:
        """Scroll a page and put the cursor on the first row in view.

        The view stays where the page put it: pulling it back to the top of a row taller than
        the screen would make pgdn stick there.
        """
        if self.rows:
            self.move_to(self.page(pages), scroll=False)

    def focus_by(self, delta: int) -> None:
        """Focus the previous/next shown source, sliding the window of columns along."""
        visible = self.visible_sources
        if not visible:
            return
        i = visible.index(self.focused) if self.focused in visible else 0
        self.focus_source(visible[(i + delta) % len(visible)])

    def focus_source(self, source: str) -> None:
        if source in self.hidden or self.index is None or source not in self.index.by_id:
            return
        self.focused = source
        visible = self.visible_sources
        start = slide_window(self.window_start, len(self.columns), visible.index(source), len(visible))
        if start == self.window_start and self.columns:
            self._header = None  # same columns: rows stay as drawn, only the header and cursor cell change
            self.refresh()
        else:
            self.relayout()
        self._changed()

    def toggle_source(self, source: str) -> bool:
        """Hide or show a source; the last shown one stays. Returns whether it is now shown."""
        if source in self.hidden:
            self.hidden.discard(source)
        elif len(self.visible_sources) > 1:
            self.hidden.add(source)
            if self.focused == source:
                self._refocus()
        self.relayout()
        self.scroll_to_row(self.cursor)
        self._changed()
        return source not in self.hidden

    def _refocus(self) -> None:
        visible = self.visible_sources
        if self.index is None or not visible:
            return
        order = self.index.position
        after = [s for s in visible if order[s] > order.get(self.focused or "", -1)]
        self.focused = (after or visible)[0]

    def show_all(self) -> None:
        self.hidden.clear()
        self.relayout()
        self._changed()

    def set_boilerplate(self, shown: bool) -> None:
        if self.index is None:
            return
        self.show_boilerplate = shown
        self.rows = self.index.rows(shown)
        self.cursor = min(self.cursor, max(0, len(self.rows) - 1))
        self.relayout()
        self.scroll_to_row(self.cursor)
        self._changed()

    def heat_legend(self) -> tuple[Style, ...]:
        """The shades of text 2, 3 and 4+ sources carry, as the rows draw them."""
        return self.mark_styles().heat

    def set_heat(self, on: bool) -> None:
        self.heat = on
        self.invalidate()
        self._changed()

    def set_matches(self, matches: Iterable[tuple[Member, int, int]]) -> None:
        """Highlight search matches (an empty iterable clears them)."""
        found: dict[Member, list[Span]] = {}
        for member, start, end in matches:
            found.setdefault(member, []).append((start, end))
        self.matches = found
        self.current = None
        self.invalidate()
        self._changed()

    def here(self, forward: bool) -> Passage:
        """The reading position n/N start from: the current mark, else the focused cell."""
        if self.current is not None and self.current.row == self.cursor:
            return self.current
        column = self.index.position.get(self.focused or "", 0) if self.index else 0
        edge = -1 if forward else 1 << 30
        return Passage(self.cursor, column, edge, edge, edge, self.focused or "")

    def jump(self, passage: Passage) -> None:
        """Go to a passage: its row, its source focused, the passage marked and in view."""
        if self.index is None:
            return
        self.hidden.discard(passage.source)
        self.focused = passage.source
        self.cursor = passage.row
        self.current = passage
        self.relayout()
        self.scroll_to_row(self.cursor, self._line_of(passage))
        self._changed()

    def _line_of(self, passage: Passage) -> int:
        """The line of the row (rule = 0) on which a passage starts."""
        column = next((c for c in self.columns if c.source == passage.source), None)
        members = self.rows[passage.row].cells.get(passage.source, ())
        if column is None or passage.member not in members or self.index is None:
            return 0
        line = 1
        for member in members:
            if member == passage.member:
                break
            line += self._cell_height((member,), column.text_width) + 1
        text = self.index.text(passage.member)
        lines = wrap(Text(text, end=""), column.text_width, self.app.console)
        return line + line_of_offset(lines, text, passage.start)

    def _changed(self) -> None:
        self.post_message(GridChanged())

    # -- layout ------------------------------------------------------------------------------------

    def relayout(self) -> None:
        width = self.content_width
        visible = self.visible_sources
        count = columns_that_fit(width, len(visible))
        if visible and self.focused not in visible:
            self.focused = visible[0]
        focus = visible.index(self.focused) if visible and self.focused in visible else 0
        self.window_start = slide_window(self.window_start, count, focus, len(visible))
        self.columns = lay_out(visible[self.window_start : self.window_start + count], width)
        super().relayout()

    def invalidate(self) -> None:
        self._header = None
        super().invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._header = None

    def resized(self) -> None:
        self._changed()  # the window of columns may have grown or shrunk

    def measure_rows(self, width: int) -> list[int]:
        """Row heights as the max of per-source height lists: a column slide costs one `map`."""
        if not self.columns:
            return [1] * len(self.rows)
        per_source = [self._source_heights(c.source, c.text_width) for c in self.columns]
        tallest = map(max, *per_source) if len(per_source) > 1 else per_source[0]
        return [1 + height for height in tallest]

    def _source_heights(self, source: str, width: int) -> list[int]:
        """Lines each row's cell of one source takes at this width (1 where it has none)."""
        key = (source, width, len(self.rows))
        heights = self._by_source.get(key)
        if heights is None:
            heights = [1] * len(self.rows)
            if self.index is not None:
                for row, members in self.index.cells_by_source.get(source, []):
                    if row < len(heights):
                        heights[row] = self._cell_height(members, width)
            self._by_source[key] = heights
        return heights

    def measure_row(self, row: int, width: int) -> int:
        cells = self.rows[row].cells
        tallest = 1
        for column in self.columns:
            members = cells.get(column.source)
            if members:
                tallest = max(tallest, self._cell_height(members, column.text_width))
        return 1 + tallest

    def _cell_height(self, members: tuple[Member, ...], width: int) -> int:
        """Wrapped lines of a cell: its paragraphs, a blank line between two."""
        total = len(members) - 1
        for member in members:
            key = (member, width)
            height = self._heights.get(key)
            if height is None and self.index is not None:
                height = len(wrap(Text(self.index.text(member), end=""), width, self.app.console))
                self._heights[key] = height
            total += height or 1
        return max(1, total)

    # -- drawing -----------------------------------------------------------------------------------

    def text_strip(self, text: Text, width: int) -> Strip:
        """A line of styled text as a Strip of exactly `width` cells."""
        return Strip(list(text.render(self.app.console))).crop_extend(0, width, None)

    def header(self, width: int) -> list[Strip]:
        headline_lines = 2 if self.size.height >= 30 else 1 if self.size.height >= 14 else 0
        key = (width, headline_lines, self.focused, self.window_start, len(self.columns))
        if self._header is not None and self._header[0] == key:
            return self._header[1]
        lines = ColumnHeaders(self).draw(width, headline_lines)
        self._header = (key, lines)
        return lines

    def separator(self) -> Strip:
        """The "│" between two columns."""
        return Strip([Segment("│", self.span_style("grid--separator"))])

    def row_lines(self, row: int, width: int) -> list[Strip]:
        the_row = self.rows[row]
        elsewhere = self._told_off_screen(the_row)
        cells = [self._cell_lines(the_row, column, elsewhere, first=i == 0) for i, column in enumerate(self.columns)]
        height = self.row_height(row) - 1
        pad = Strip.blank(PADDING)
        lines = [self._rule(row, width, cursor=False)]
        for y in range(height):
            parts: list[Strip] = []
            for i, (column, cell) in enumerate(zip(self.columns, cells, strict=True)):
                if i:
                    parts.append(self.separator())
                parts += [pad, cell[y] if y < len(cell) else Strip.blank(column.text_width), pad]
            lines.append(Strip.join(parts))
        return lines

    def _told_off_screen(self, row: Row) -> str | None:
        """"only in 4, 5" for a row that none of the columns on screen tells, else None."""
        if self.index is None or any(column.source in row.cells for column in self.columns):
            return None
        numbers = sorted(self.index.position[source] + 1 for source in row.cells)
        hidden = any(source in self.hidden for source in row.cells)
        shown = ", ".join(map(str, numbers[:6])) + ("…" if len(numbers) > 6 else "")
        return f"· only in {shown}{' (hidden)' if hidden else ''} ·"

    def _cell_lines(self, row: Row, column: Column, elsewhere: str | None = None, first: bool = True) -> list[Strip]:
        """A cell's wrapped lines; an empty cell says "not covered", or where the row is told
        when no column on screen tells it (in the first column only)."""
        assert self.index is not None
        members = row.cells.get(column.source, ())
        width = column.text_width
        if not members:
            if elsewhere is not None and not first:
                return []
            if row.boilerplate and elsewhere is None:
                return []
            placeholder = Text(elsewhere or PLACEHOLDER, style=self.span_style("grid--placeholder"), end="")
            placeholder.align("center", width)
            return [self.text_strip(placeholder, width)]
        styled = Text("\n\n", end="").join(self._paragraph(member, row.boilerplate) for member in members)
        return [self.text_strip(line, width) for line in wrap(styled, width, self.app.console)]

    def _paragraph(self, member: Member, boilerplate: bool) -> Text:
        """One paragraph with its marks (boilerplate: dimmed, unmarked)."""
        assert self.index is not None
        text = self.index.text(member)
        if boilerplate:
            return Text(text, style=self.span_style("text--boilerplate"), end="")
        current = self.current
        return marked_text(
            text,
            self.mark_styles(),
            self.index.story.marks.get(member),
            heat=self.heat,
            matches=self.matches.get(member, ()),
            current=(current.start, current.end) if current is not None and current.member == member else None,
        )

    def _rule(self, row: int, width: int, cursor: bool) -> Strip:
        """The line above a row: group number and label, coverage dots, column joints."""
        the_row = self.rows[row]
        rule_style = self.span_style("grid--rule-cursor" if cursor else "grid--rule")
        chars = ["─"] * width
        for column in self.columns[1:]:
            if 0 < column.x <= width:
                chars[column.x - 1] = "┼"
        base = Text("".join(chars), style=rule_style, end="")
        dots = self._dots(the_row)
        number = f" {the_row.number}/{len(self.index.group_rows)} " if self.index and the_row.number else " "
        label = Text.assemble((number, rule_style + Style(bold=True)), (the_row.label, rule_style), " ", end="")
        room = width - 2 - dots.cell_len - 1
        label.truncate(max(0, room), overflow="ellipsis")
        right = width - dots.cell_len - 1
        after_label = 1 + label.cell_len
        out = base[:1] + label + base[after_label : max(after_label, right)] + dots + base[right + dots.cell_len :]
        return self.text_strip(out, width)

    def _dots(self, row: Row) -> Text:
        visible = self.visible_sources
        if row.boilerplate or not 1 < len(visible) <= MAX_DOTS:
            return Text("", end="")
        on, off = self.span_style("grid--dot"), self.span_style("grid--dot-off")
        dots = Text(" ", end="")
        for source in visible:
            covered = source in row.cells
            dots.append("●" if covered else "○", on if covered else off)
        dots.append(" ")
        return dots

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        if row != self.cursor:
            return strip.apply_style(self.background_style())
        if line == 0:
            return self._rule(row, width, cursor=True).apply_style(self.background_style("rows--cursor"))
        row_style = self.background_style("rows--cursor")
        column = next((c for c in self.columns if c.source == self.focused), None)
        if column is None:
            return strip.apply_style(row_style)
        left, middle, right = strip.divide([column.x, min(column.end, width), width])
        cell_style = self.background_style("grid--cell-cursor")
        marker = Strip([Segment("▌", cell_style + self.span_style("grid--marker"))])
        middle = Strip.join([marker, middle.crop(1).apply_style(cell_style)])
        return Strip.join([left.apply_style(row_style), middle, right.apply_style(row_style)])

    # -- mouse -------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Click a cell to focus its source and group; click a header to focus its source."""
        column = next((c for c in self.columns if c.x <= event.x < c.end), None)
        header = len(self.header(self.content_width))
        if event.y >= header and self.rows:
            self.cursor = self.row_at_line(round(self.scroll_y) + event.y - header)
        if column is not None:
            self.focused = column.source
        self.invalidate()
        self._changed()
