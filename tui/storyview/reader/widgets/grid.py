"""The main view: one column per shown source, one row per group, cells lined up across columns.

Drawn line by line (see RowsView), so a story of hundreds of sources and thousands of groups
costs only what is on screen. The grid owns the *view* state (cursor row, focused source,
hidden sources, window of columns, marks); the Story itself is only read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip

from storyview.reader.messages import GridChanged
from storyview.model import Member, Span
from storyview.reader.widgets.columns import PADDING, Column, columns_that_fit, lay_out, slide_window
from storyview.reader.widgets.fold import Folding, Run, fold_by_default, framed_numbers, numbers_that_fit, strip_words
from storyview.reader.widgets.gridheader import ColumnHeaders
from storyview.reader.widgets.marked import line_of_offset, marked_text, wrap
from storyview.reader.widgets.members import cut_on_word
from storyview.reader.widgets.rows import Passage, Row, StoryIndex
from storyview.reader.widgets.rowsview import RowsView

PLACEHOLDER = "· not covered ·"
NOT_IN_BASE = "· not in the base ·"
"""An empty cell of the base source's column: a part of the story the others add to it."""
MAX_DOTS = 24
"""Coverage dots on a row's rule only while they stay short enough to read; past it, a count."""


def lede(index: StoryIndex) -> int:
    """The row a story opens on: its lede (Story.lede), where most sources start the story."""
    group = index.story.lede
    return next((i for i, row in enumerate(index.group_rows) if row.group is group), 0)


def lede_window(tellers: Sequence[int], shown: int, fit: int) -> int:
    """The first of the `fit` columns (of `shown`) a story opens on; `tellers`: the columns
    whose source tells its lede, in order.

    The first columns, where they show the lede told side by side (by two sources, or by its
    only one): the sources in their order, as numbered (try22: ECB+ sets whose sources 1 and 3
    tell the lede opened from source 5, where four do). Else the window where most tellers are,
    the leftmost of those (try20: a story opened on sources that did not tell its lede, the row
    showing only "· only in 5, 6 ·"); of those, the leftmost that starts on a teller (try24: the
    leftmost opened from source 8 where 9, 10 and 12 tell the lede), as one does but where the
    last columns end the row of sources."""
    if not tellers or sum(k < fit for k in tellers) >= min(2, len(tellers)):
        return 0
    starts = range(max(0, shown - fit) + 1)
    told = set(tellers)
    return max(starts, key=lambda start: (sum(start <= k < start + fit for k in tellers), start in told, -start))


def lede_note(numbers: Sequence[int], tellers: Sequence[int], start: int, fit: int) -> str | None:
    """Why a story opens from column `start` (None from the first): `numbers` are the shown
    columns' source numbers, `tellers` the columns whose source tells the lede."""
    if start == 0:
        return None
    here = sum(start <= k < start + fit for k in tellers)
    before = numbers[:min((k for k in tellers if k >= start), default=start)]  # the first columns in view may not tell it either
    others = [numbers[k] for k in tellers if not start <= k < start + fit]
    if any(k < start for k in tellers):
        also = f"source{'s' * (len(others) > 1)} {numbers_that_fit(others, 12)} too"
        return f"from source {numbers[start]}: {here} of the {len(tellers)} that tell the lede ({also})"
    if len(before) == 1:
        return f"from source {numbers[start]}: source {before[0]} does not tell the lede"
    consecutive = before == list(range(before[0], before[0] + len(before)))
    span = f"{before[0]}–{before[-1]}" if consecutive else numbers_that_fit(before, 20)
    return f"from source {numbers[start]}: sources {span} do not tell the lede"


def lede_notes(numbers: Sequence[int], tellers: Sequence[int], start: int, fit: int) -> tuple[str, ...]:
    """`lede_note`, then shorter ways to say it, longest first: a narrow status line picks the
    longest that fits beside the legend rather than cut one mid-list (try31)."""
    full = lede_note(numbers, tellers, start, fit)
    if full is None:
        return ()
    notes = [full, full.split(" (", 1)[0]]
    notes.append(f"{len(tellers)} of {len(numbers)} sources tell the lede")
    return tuple(dict.fromkeys(notes))


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
        "grid--fold",
        "grid--fold-cursor",
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
        self._lede_pending = False
        """The first story's lede still waits for a view tall enough to scroll it to the top."""
        self.folding = Folding([], False)
        """Which runs of single-source rows show as one strip (z switches, enter opens one)."""
        self._fold_chosen: bool | None = None
        """The reader's own choice with z, kept across rebuilds; None: the story's default."""
        self.lede_notes: tuple[str, ...] = ()
        """Why the story opens away from its first column, longest first (`lede_notes`)."""

    # -- state the screen reads ------------------------------------------------------------------

    @property
    def visible_sources(self) -> list[str]:
        if self.index is None:
            return []
        return [a.id for a in self.index.columns if a.id not in self.hidden]

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
        fold = self._fold_chosen if self._fold_chosen is not None else fold_by_default(index.group_rows, index.base)
        self.folding = Folding(index.group_rows, fold, index.base)
        first = old_index is None
        self.cursor = self._nearest_row(old_row, old_focus) if not first else lede(index)
        self.folding.open(self.cursor)
        self.current = None
        self.matches = {}
        if first:
            self._face_the_lede()
        self.relayout()
        if first:  # the story opens on its lede, at the top of the view, rows above it a k away
            self._lede_pending = True
            self._lede_to_top()
        else:
            self.scroll_to(y=max(0, self.row_top(self.cursor) - offset_on_screen), animate=False)
            self.scroll_to_row(self.cursor)
        self._changed()

    def forget(self) -> None:
        """Another story of the folder comes next: it opens on its own lede, with its own folds
        and every column, not at this one's cursor row (as a rebuild of the same story does)."""
        self.index = None
        self.rows = []
        self.hidden.clear()
        self._fold_chosen = None
        self.relayout()

    def _face_the_lede(self) -> None:
        """Open with columns that show the lede told side by side (`lede_window`), its first
        teller there focused; `lede_notes` say why where that is not from the first source."""
        row = self.row
        visible = self.visible_sources
        tellers = [k for k, source in enumerate(visible) if row is not None and row.cells.get(source)]
        self.lede_notes = ()
        if not tellers or self.index is None:
            return
        count = max(1, columns_that_fit(self.content_width, len(visible)))
        self.window_start = lede_window(tellers, len(visible), count)
        self.focused = visible[next(k for k in tellers if self.window_start <= k < self.window_start + count)]
        numbers = [self.index.position[source] + 1 for source in visible]
        self.lede_notes = lede_notes(numbers, tellers, self.window_start, count)

    def _lede_to_top(self) -> None:
        """Scroll the lede to the top; until the view has the height to do so, try again on resize."""
        if not self._lede_pending or self.index is None:
            return
        top = self.row_top(self.cursor)
        self.scroll_to(y=top, animate=False)
        if round(self.scroll_y) == top or (self.body_height > 0 and 0 < self.max_scroll_y <= self.scroll_y):
            self._lede_pending = False  # there, or as near as the rows below it let it get

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
        """Put the cursor on a row (clamped; a folded row: its run's strip) and, unless told
        not to, bring it into view."""
        if not self.rows:
            return
        self._lede_pending = False
        old, scrolled = self.cursor, self.scroll_y
        self.cursor = max(0, min(row, len(self.rows) - 1))
        run = self.folding.run_of(self.cursor)
        if run is not None:
            self.cursor = run.start
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
            run = self.folding.run_of(self.cursor)  # from a strip, j goes past every row it folds
            self.move_to(run.end if run is not None and delta > 0 else self.cursor + delta)

    @property
    def strip(self) -> Run | None:
        """The folded run under the cursor, if the cursor is on a strip."""
        return self.folding.run_of(self.cursor)

    def reveal(self, row: int) -> None:
        """Open the folded run that holds `row`, so a jump to it shows it."""
        if self.folding.open(row) is not None:
            self._relayout_keeping_cursor()

    def set_fold(self, on: bool) -> None:
        """z: fold every run of single-source rows into a strip, or show them all."""
        self._fold_chosen = on
        self.folding.set(on)
        self._relayout_keeping_cursor()
        self.move_to(self.cursor)
        self._changed()

    def open_strip(self) -> bool:
        """enter on a strip: show the rows it folds, the cursor on the first. False if not on one."""
        if self.folding.open(self.cursor) is None:
            return False
        self._relayout_keeping_cursor()
        self._changed()
        return True

    def _relayout_keeping_cursor(self) -> None:
        """Measure again with the cursor row where it was on screen (nothing leaps)."""
        offset = self.row_top(self.cursor) - round(self.scroll_y)
        self.relayout()
        self.scroll_to(y=max(0, self.row_top(self.cursor) - offset), animate=False)

    def page_by(self, pages: int) -> None:
        """Scroll a page and put the cursor on the first row in view (at an end, on the last or
        first row: never back against the page).

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
            self._relayout_keeping_cursor()  # other columns, other heights: the cursor row stays put
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
        order = {a.id: n for n, a in enumerate(self.index.columns)}
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

    def jump(self, passage: Passage, top: bool = False) -> None:
        """Go to a passage: its row, its source focused, the passage marked and in view (with
        `top`, its row at the top of the view, or the passage's line where the row is taller)."""
        if self.index is None:
            return
        self.hidden.discard(passage.source)
        self.focused = passage.source
        self.cursor = passage.row
        self.current = passage
        self.folding.open(passage.row)
        self.relayout()
        line = self._line_of(passage)
        if top:
            self.scroll_to_top(self.cursor, line)
        else:
            self.scroll_to_row(self.cursor, line)
        self._changed()

    def cursor_line(self) -> int:
        """The marked passage's line where it is in the cursor row: a resize (the search bar
        closing) must not scroll a tall group back to its top, away from the match."""
        if self.current is None or self.current.row != self.cursor:
            return 0
        return self._line_of(self.current)

    def scroll_to_top(self, row: int, line: int = 0) -> None:
        """Put a row's rule at the top of the view; where `line` of it would not show, that line."""
        view = self.body_height
        top = self.row_top(row)
        self.scroll_to(y=top if line < view - 1 else top + line - 1, animate=False)

    def show_columns(self, sources: list[str]) -> list[str]:
        """Bring the focused source and every one of `sources` into view, side by side.

        The window of columns slides where they fit in it; where they are too far apart, the
        sources between them that are not wanted are hidden (returned, so the caller can say so;
        0 shows them again). More wanted sources than columns: as many as fit, the focused one
        among them, with the fewest hidden between them; the rest are the caller's to mention.
        """
        visible = self.visible_sources
        count = len(self.columns)
        if not count or len(visible) <= count or self.focused not in visible:
            return []
        hidden: list[str] = []
        focus = visible.index(self.focused)
        spots = sorted({visible.index(s) for s in sources if s in visible} | {focus})
        if len(spots) > count:
            at = spots.index(focus)
            runs = [spots[i : i + count] for i in range(max(0, at - count + 1), min(at, len(spots) - count) + 1)]
            spots = min(runs, key=lambda run: (run[-1] - run[0], run.index(focus)))
        wanted = {visible[i] for i in spots}
        between = [s for s in visible[spots[0] : spots[-1] + 1] if s not in wanted]
        excess = spots[-1] - spots[0] + 1 - count
        if excess > 0:
            hidden = between[:excess]
            self.hidden.update(hidden)
            visible = self.visible_sources
        focus = visible.index(self.focused)
        places = sorted(visible.index(s) for s in wanted)
        count = min(count, len(visible))
        starts = range(max(0, focus - count + 1), min(focus, len(visible) - count) + 1)
        best = max(starts, key=lambda start: (sum(start <= w < start + count for w in places), -abs(start - self.window_start)))
        if best != self.window_start or hidden:
            offset = self.row_top(self.cursor) - round(self.scroll_y)
            self.window_start = best
            self.relayout()
            self.scroll_to(y=max(0, self.row_top(self.cursor) - offset), animate=False)
            self._changed()
        return hidden

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
        self._lede_to_top()
        self._changed()  # the window of columns may have grown or shrunk

    def measure_rows(self, width: int) -> list[int]:
        """Row heights as the max of per-source height lists: a column slide costs one `map`."""
        if not self.columns:
            return [1] * len(self.rows)
        per_source = [self._source_heights(c.source, c.text_width) for c in self.columns]
        tallest = map(max, *per_source) if len(per_source) > 1 else per_source[0]
        return self.folding.heights([1 + height for height in tallest])

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
        run = self.folding.run_of(row)
        if run is not None:
            return 1 if row == run.start else 0
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
        run = self.folding.run_of(row)
        if run is not None:
            return [self._strip(run, width, cursor=False)]
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
        """"only in 4, 5" for a row that none of the columns on screen tells, fit to the first
        column (whole numbers, "+2" for the rest); else None."""
        if self.index is None or not self.columns or any(column.source in row.cells for column in self.columns):
            return None
        numbers = sorted(self.index.position[source] + 1 for source in row.cells)
        hidden = " (hidden)" if any(source in self.hidden for source in row.cells) else ""
        frames = (("· only in ", f"{hidden} ·"), ("only in ", hidden), ("only in ", ""))
        return framed_numbers(numbers, self.columns[0].text_width, frames)

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
            empty = NOT_IN_BASE if column.source == self.index.base and not row.boilerplate else PLACEHOLDER
            placeholder = Text(elsewhere or empty, style=self.span_style("grid--placeholder"), end="")
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
            self.index.marks.get(member),
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
        label = Text.assemble((number, rule_style + Style(bold=True)), (the_row.label, rule_style), end="")
        room = width - 2 - dots.cell_len - 1
        label = cut_on_word(label, max(1, room - 1)) if label.cell_len > room - 1 else label
        label.append(" ")
        right = width - dots.cell_len - 1
        after_label = 1 + label.cell_len
        out = base[:1] + label + base[after_label : max(after_label, right)] + dots + base[right + dots.cell_len :]
        return self.text_strip(out, width)

    def _strip(self, run: Run, width: int, cursor: bool) -> Strip:
        """A folded run on one line: its group numbers, whose paragraphs, how many; enter opens it."""
        assert self.index is not None
        style = self.span_style("grid--fold-cursor" if cursor else "grid--fold")
        first, last = self.rows[run.start].number, self.rows[run.end - 1].number
        numbers = f"{first}" if first == last else f"{first}–{last}"
        sources = {s for row in self.rows[run.start : run.end] for s in row.cells}
        dots = self._dots(Row(cells={s: () for s in sources}, group=self.rows[run.start].group))
        room = width - dots.cell_len - 1
        lead = f"┄ {numbers}/{len(self.index.group_rows)} "
        hint = " · enter opens" if cursor else ""
        hint = hint if len(lead) + len(hint) + 30 <= room else ""
        words = strip_words(self.rows, run, self.index.position, room - len(lead) - len(hint) - 1)
        text = Text.assemble((lead, style + Style(bold=True)), (f"{words}{hint} ", style), end="")
        text.truncate(max(0, room), overflow="ellipsis")
        fill = Text("┄" * max(0, width - text.cell_len - dots.cell_len - 1), style=style, end="")
        return self.text_strip(text + fill + dots + Text("┄", style=style), width)

    def _dots(self, row: Row) -> Text:
        visible = self.visible_sources
        if row.boilerplate or len(visible) < 2:
            return Text("", end="")
        on, off = self.span_style("grid--dot"), self.span_style("grid--dot-off")
        if len(visible) > MAX_DOTS:
            covered = sum(source in row.cells for source in visible)
            return Text.assemble(" ", (f"{covered}", on), (f"/{len(visible)} sources", off), " ", end="")
        dots = Text(" ", end="")
        for source in visible:
            covered = source in row.cells
            dots.append("●" if covered else "○", on if covered else off)
        dots.append(" ")
        return dots

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        if row != self.cursor:
            return strip.apply_style(self.background_style())
        run = self.folding.run_of(row)
        if run is not None:
            return self._strip(run, width, cursor=True).apply_style(self.background_style("rows--cursor"))
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
