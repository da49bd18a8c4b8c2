"""One article alone, in its own order, full width (or at a readable measure): the body of reading mode.

Same machinery as the grid (RowsView): a long article costs only the lines on screen.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from storyview.model import Member, Span
from storyview.reader.widgets.marked import line_of_offset, marked_text, wrap
from storyview.reader.widgets.rows import Passage, StoryIndex
from storyview.reader.widgets.rowsview import RowsView

MEASURE = 96
"""Longest line of prose in the narrow layout: wider than this and the eye loses the next line."""
GUTTER = 2
"""Cells left of the text for the cursor mark."""


class ArticleView(RowsView):
    """The paragraphs of one source, one row each, unique text highlighted."""

    COMPONENT_CLASSES = RowsView.COMPONENT_CLASSES | {"article--marker", "article--byline"}

    def __init__(
        self,
        index: StoryIndex,
        source: str,
        *,
        show_boilerplate: bool = False,
        matches: list[tuple[int, int, int]] | None = None,
        narrow: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.narrow = narrow
        """Lines at most MEASURE cells, centred (else the full width)."""
        self.index = index
        self.source = source
        self.article = index.by_id[source]
        self.paragraphs: list[int] = [
            i
            for i, p in enumerate(self.article.paragraphs)
            if p.kind != "boilerplate" or show_boilerplate
        ]
        self.row_of_paragraph = {p: row for row, p in enumerate(self.paragraphs)}
        self.matches: dict[int, list[Span]] = {}
        for paragraph, start, end in matches or []:
            self.matches.setdefault(paragraph, []).append((start, end))
        self.current: Passage | None = None

    # -- passages for n/N --------------------------------------------------------------------------

    def passages(self, searching: bool) -> list[Passage]:
        """Search matches (while searching) or unique spans, in reading order."""
        found: list[Passage] = []
        for row, paragraph in enumerate(self.paragraphs):
            if searching:
                spans = self.matches.get(paragraph, [])
            elif self.article.paragraphs[paragraph].kind == "body":
                spans = list(self.index.story.unique(Member(self.source, paragraph)))
            else:
                spans = []
            found += [Passage(row, 0, paragraph, start, end, self.source) for start, end in spans if end > start]
        return sorted(found)

    def here(self, forward: bool) -> Passage:
        if self.current is not None and self.current.row == self.cursor:
            return self.current
        edge = -1 if forward else 1 << 30
        return Passage(self.cursor, 0, edge, edge, edge, self.source)

    def jump(self, passage: Passage) -> None:
        self.current = passage
        self.cursor = passage.row
        paragraph = self.article.paragraphs[passage.paragraph].text
        lines = wrap(Text(paragraph, end=""), self.text_width, self.app.console)
        self.scroll_to_row(passage.row, line_of_offset(lines, paragraph, passage.start))
        self.invalidate()

    def move_to(self, row: int) -> None:
        self.cursor = max(0, min(row, len(self.paragraphs) - 1))
        self.current = None if self.current and self.current.row != self.cursor else self.current
        self.scroll_to_row(self.cursor)
        self.invalidate()

    @property
    def paragraph(self) -> int | None:
        """The paragraph (position in the article) under the cursor."""
        return self.paragraphs[self.cursor] if self.paragraphs else None

    # -- layout and drawing ------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        width = self.content_width - 2 * GUTTER
        return max(10, min(MEASURE, width) if self.narrow else width)

    def set_narrow(self, narrow: bool) -> None:
        """Switch between the full width and a comfortable measure, keeping the cursor in view."""
        self.narrow = narrow
        self.relayout()
        self.scroll_to_row(self.cursor)

    def row_count(self) -> int:
        return len(self.paragraphs)

    def measure_row(self, row: int, width: int) -> int:
        text = self.article.paragraphs[self.paragraphs[row]].text
        return len(wrap(Text(text, end=""), self.text_width, self.app.console)) + 1

    def _styled(self, row: int) -> Text:
        paragraph_index = self.paragraphs[row]
        paragraph = self.article.paragraphs[paragraph_index]
        if paragraph.kind == "headline":
            return Text(paragraph.text, style=Style(bold=True), end="")
        if paragraph.kind == "byline":
            return Text(paragraph.text, style=self.span_style("article--byline"), end="")
        if paragraph.kind == "boilerplate":
            return Text(paragraph.text, style=self.span_style("text--boilerplate"), end="")
        current = self.current
        return marked_text(
            paragraph.text,
            self.mark_styles(),
            self.index.story.marks.get(Member(self.source, paragraph_index)),
            matches=self.matches.get(paragraph_index, ()),
            current=(current.start, current.end) if current is not None and current.row == row else None,
        )

    def _left(self, width: int) -> int:
        return max(GUTTER, (width - self.text_width) // 2)

    def row_lines(self, row: int, width: int) -> list[Strip]:
        left = Strip.blank(self._left(width))
        lines = [
            Strip.join([left, Strip(list(line.render(self.app.console))).crop_extend(0, self.text_width, None)])
            for line in wrap(self._styled(row), self.text_width, self.app.console)
        ]
        return [line.crop_extend(0, width, None) for line in lines] + [Strip.blank(width)]

    def style_line(self, row: int, line: int, strip: Strip, width: int) -> Strip:
        if row != self.cursor or line >= self.row_height(row) - 1:
            return strip.apply_style(self.background_style())
        left = self._left(width) - GUTTER
        marker = Strip([Segment(" " * left), Segment("▌", self.span_style("article--marker")), Segment(" ")])
        strip = Strip.join([marker, strip.crop(left + GUTTER)])
        return strip.apply_style(self.background_style("rows--cursor"))
