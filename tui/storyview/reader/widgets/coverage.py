"""The coverage matrix: groups as rows, sources as columns, a dot where a source tells that part.

One line per group, drawn on demand (RowsView), so thousands of groups cost nothing until seen.
One source is focused (h/l); when there are more sources than columns fit, a window of columns
follows the focus, as in the main view.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from storyview.reader.widgets.columns import slide_window
from storyview.reader.widgets.members import cut_on_word
from storyview.reader.widgets.rows import StoryIndex
from storyview.reader.widgets.rowsview import RowsView

NUMBER_WIDTH = 6
LABEL_MIN, LABEL_MAX = 12, 44
COUNT_WIDTH = 5
"""Room after the matrix for the number of sources of a group ("  123")."""


class CoverageView(RowsView):
    """A dot per (group, source) that is covered; a lone source's dot in the unique style."""

    COMPONENT_CLASSES = RowsView.COMPONENT_CLASSES | {
        "coverage--header",
        "coverage--focus",
        "coverage--dot",
        "coverage--lone",
        "coverage--gap",
        "coverage--hidden",
    }

    def __init__(
        self, index: StoryIndex, cursor: int, hidden: set[str], focused: str | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.index = index
        self.rows = index.group_rows
        self.hidden = hidden
        self.cursor = max(0, min(cursor, len(self.rows) - 1))
        self.column = index.position.get(focused or "", 0)
        """The focused source (its position in Story.articles)."""
        self.window_start = 0

    def row_count(self) -> int:
        return len(self.rows)

    def measure_row(self, row: int, width: int) -> int:
        return 1

    # -- columns -----------------------------------------------------------------------------------

    @property
    def cell(self) -> int:
        """Cells per source column: the widest source number and a space."""
        return len(str(len(self.index.articles))) + 1

    def _label_width(self, width: int) -> int:
        matrix = len(self.index.articles) * self.cell
        return max(LABEL_MIN, min(LABEL_MAX, width - NUMBER_WIDTH - 1 - matrix - COUNT_WIDTH))

    def columns_shown(self, width: int | None = None) -> int:
        """How many source columns fit beside the labels (at least one)."""
        width = self.content_width if width is None else width
        room = width - NUMBER_WIDTH - self._label_width(width) - 1 - COUNT_WIDTH
        return max(1, min(len(self.index.articles), room // self.cell))

    def window(self) -> range:
        """Positions of the sources whose columns are on screen."""
        count = self.columns_shown()
        self.window_start = slide_window(self.window_start, count, self.column, len(self.index.articles))
        return range(self.window_start, min(len(self.index.articles), self.window_start + count))

    def focus_by(self, delta: int) -> None:
        """Focus the source column to the left/right (wrapping), sliding the window along."""
        total = len(self.index.articles)
        if total:
            self.column = (self.column + delta) % total
            self.invalidate()

    @property
    def focused(self) -> str | None:
        articles = self.index.articles
        return articles[self.column].id if 0 <= self.column < len(articles) else None

    def cache_key(self) -> tuple[object, ...]:
        return (self.column, self.window_start)

    # -- drawing -----------------------------------------------------------------------------------

    def header(self, width: int) -> list[Strip]:
        style = self.background_style("coverage--header")
        focus = self.span_style("coverage--focus")
        shown = self.window()
        text = Text("‹" if shown.start > 0 else " ", end="")
        text.append(" " * (NUMBER_WIDTH + self._label_width(width)))
        for i in shown:
            mark = str(i + 1).rjust(self.cell - 1) + " "
            article = self.index.articles[i]
            text.append(mark, focus if i == self.column else Style(dim=article.id in self.hidden))
        text.append("›" if shown.stop < len(self.index.articles) else " ")
        room = width - text.cell_len  # the count column's heading as fits it, never cut to "sou" (try33)
        text.append(next((h for h in (" sources", " tell", " #") if len(h) <= room), ""))
        return [Strip(list(text.render(self.app.console))).crop_extend(0, width, None).apply_style(style)]

    def row_lines(self, row: int, width: int) -> list[Strip]:
        the_row = self.rows[row]
        label_width = self._label_width(width)
        text = Text(f"{the_row.number:>{NUMBER_WIDTH - 1}} ", style=self.span_style("text--muted"), end="")
        label = cut_on_word(Text(the_row.label, end=""), label_width)  # "…the Trump…", not "…the Tr…"
        label.truncate(label_width, pad=True)
        text.append_text(label)
        text.append(" ")
        lone = len(the_row.cells) == 1
        dot = self.span_style("coverage--lone" if lone else "coverage--dot")
        gap, hidden = self.span_style("coverage--gap"), self.span_style("coverage--hidden")
        articles = self.index.articles
        for i in self.window():
            source = articles[i].id
            covered = source in the_row.cells
            style = hidden if source in self.hidden else dot if covered else gap
            text.append(("●" if covered else "·").rjust(self.cell - 1) + " ", style)
        text.append(f" {len(the_row.cells)}", self.span_style("text--muted"))
        return [Strip(list(text.render(self.app.console))).crop_extend(0, width, None)]

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        """The focused source's column stands out in every row (the cursor row included)."""
        shown = self.window()
        if self.column in shown:
            x = NUMBER_WIDTH + self._label_width(width) + 1 + (self.column - shown.start) * self.cell
            left, middle, right = strip.divide([x, min(x + self.cell - 1, width), width])
            strip = Strip.join([left, middle.apply_style(self.span_style("coverage--focus")), right])
        return super().style_line(row, line, strip, width)  # the row's background goes under it
