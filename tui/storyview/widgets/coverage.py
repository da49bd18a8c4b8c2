"""The coverage matrix: groups as rows, sources as columns, a dot where a source tells that part.

One line per group, drawn on demand (RowsView), so thousands of groups cost nothing until seen.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from storyview.widgets.rows import StoryIndex
from storyview.widgets.rowsview import RowsView

NUMBER_WIDTH = 6
LABEL_MIN, LABEL_MAX = 12, 44


class CoverageView(RowsView):
    """A dot per (group, source) that is covered; a lone source's dot in the unique style."""

    COMPONENT_CLASSES = RowsView.COMPONENT_CLASSES | {
        "coverage--header",
        "coverage--dot",
        "coverage--lone",
        "coverage--gap",
        "coverage--hidden",
    }

    def __init__(self, index: StoryIndex, cursor: int, hidden: set[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.rows = index.group_rows
        self.hidden = hidden
        self.cursor = max(0, min(cursor, len(self.rows) - 1))

    def row_count(self) -> int:
        return len(self.rows)

    def measure_row(self, row: int, width: int) -> int:
        return 1

    @property
    def cell(self) -> int:
        """Cells per source column: two while they fit, else one."""
        count = len(self.index.articles)
        return 2 if count * 2 + NUMBER_WIDTH + LABEL_MIN + 8 <= self.content_width else 1

    def _label_width(self, width: int) -> int:
        matrix = len(self.index.articles) * self.cell
        return max(LABEL_MIN, min(LABEL_MAX, width - NUMBER_WIDTH - matrix - 8))

    def header(self, width: int) -> list[Strip]:
        style = self.background_style("coverage--header")
        text = Text(" " * (NUMBER_WIDTH + self._label_width(width) + 1), end="")
        for i, article in enumerate(self.index.articles):
            mark = str(i + 1) if self.cell == 2 or i < 9 else str((i + 1) % 10)
            text.append(mark.ljust(self.cell)[: self.cell], Style(dim=article.id in self.hidden))
        text.append("  sources")
        return [Strip(list(text.render(self.app.console))).crop_extend(0, width, None).apply_style(style)]

    def row_lines(self, row: int, width: int) -> list[Strip]:
        the_row = self.rows[row]
        label_width = self._label_width(width)
        text = Text(f"{the_row.number:>{NUMBER_WIDTH - 1}} ", style=self.span_style("text--muted"), end="")
        label = Text(the_row.label, end="")
        label.truncate(label_width, overflow="ellipsis", pad=True)
        text.append_text(label)
        text.append(" ")
        lone = len(the_row.cells) == 1
        dot = self.span_style("coverage--lone" if lone else "coverage--dot")
        gap, hidden = self.span_style("coverage--gap"), self.span_style("coverage--hidden")
        for article in self.index.articles:
            covered = article.id in the_row.cells
            style = hidden if article.id in self.hidden else dot if covered else gap
            text.append(("●" if covered else "·").ljust(self.cell), style)
        text.append(f"  {len(the_row.cells)}", self.span_style("text--muted"))
        return [Strip(list(text.render(self.app.console))).crop_extend(0, width, None)]
