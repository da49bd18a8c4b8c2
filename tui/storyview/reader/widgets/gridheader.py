"""The grid's pinned header: per source column its number and name, id · date · byline, headline.

Drawn once per (width, height, focus, window) and cached by the grid; kept apart so the grid
module is about rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from storyview.model import Share
from storyview.reader.widgets.columns import Column
from storyview.reader.widgets.marked import wrap
from storyview.reader.widgets.rows import short_id

if TYPE_CHECKING:
    from storyview.reader.widgets.grid import StoryGrid


SHARE_LINE_FROM = 1
"""Headline lines from which a header is tall enough (14 rows) for the share on a line of its own."""
BYLINE_MIN = 5
"""Letters of a byline's name that must show for it to be shown cut ("By Ra…" says nothing)."""


def share_texts(share: Share | None, groups: int) -> tuple[str, ...]:
    """A source's unique share and groups covered, longest first ("46% unique · 5/17 groups",
    "46% unique · 5 groups", "46% · 5/17"): words, not "uniq" and "grp", while they fit (the
    status line says how many groups there are)."""
    if share is None or not share.words:
        return ()
    percent, n = f"{round(100 * share.unique_share)}%", share.groups_covered
    return (f"{percent} unique · {n}/{groups} groups", f"{percent} unique · {n} group{'s' * (n != 1)}",
            f"{percent} · {n}/{groups}")


def meta_line(short: str, date: str | None, byline: str | None, width: int, shares: tuple[str, ...] = ()) -> str:
    """`id · share · date · byline` in `width` cells: the id always (the caller cuts it if need
    be), the share (long or short form) and the date only whole, the byline whole or cut after at
    least BYLINE_MIN letters of its name."""
    line = short
    for text in shares:
        if cell_len(line) + 3 + cell_len(text) <= width:
            line += " · " + text
            break
    if date and cell_len(line) + 3 + cell_len(date) <= width:
        line += " · " + date
    if byline:
        room = width - cell_len(line) - 3
        name = byline[3:] if byline[:3].casefold() == "by " else byline
        if cell_len(byline) <= room:
            line += " · " + byline
        elif room - 1 - (len(byline) - len(name)) >= min(BYLINE_MIN, len(name)):
            line += " · " + set_cell_size(byline, room - 1).rstrip() + "…"
    return line


class ColumnHeaders:
    """Draws the header of a StoryGrid from its state and styles (the grid's component classes)."""

    def __init__(self, grid: StoryGrid) -> None:
        self.grid = grid

    def draw(self, width: int, headline_lines: int) -> list[Strip]:
        """The header's lines: `headline_lines` of headline under each column's name and meta line."""
        grid = self.grid
        if grid.index is None or not grid.columns:
            message = "No usable sources: nothing to compare." if grid.index is not None else ""
            line = grid.text_strip(Text(message, style=grid.span_style("grid--meta")), width)
            return [line.apply_style(grid.background_style("grid--header"))]
        share_line = headline_lines >= SHARE_LINE_FROM
        height = 2 + headline_lines + share_line
        form = max((self._share_form(column, share_line) for column in grid.columns), default=0)
        names = [self._name(column, height, share_line) for column in grid.columns]
        block = max((len(name) for name, aligned in names if aligned), default=0)  # ids and shares in line
        cells = [self._cell(column, height, share_line, form, name + [Text("")] * (block - len(name)) if aligned else name)
                 for column, (name, aligned) in zip(grid.columns, names, strict=True)]
        visible = grid.visible_sources
        more_left = grid.window_start > 0
        more_right = grid.window_start + len(grid.columns) < len(visible)
        strips: list[Strip] = []
        for y in range(height):
            parts: list[Strip] = []
            for i, (column, cell) in enumerate(zip(grid.columns, cells, strict=True)):
                focus = column.source == grid.focused
                bg = grid.background_style("grid--header-focus" if focus else "grid--header")
                if i:
                    parts.append(grid.separator().apply_style(grid.background_style("grid--header")))
                left = "‹" if (y == 0 and i == 0 and more_left) else " "
                right = "›" if (y == 0 and i == len(grid.columns) - 1 and more_right) else " "
                body = Strip.join([
                    Strip([Segment(left)]),
                    grid.text_strip(cell[y], column.text_width),
                    Strip([Segment(right)]),
                ])
                parts.append(body.apply_style(bg))
            strips.append(Strip.join(parts).crop_extend(0, width, grid.background_style("grid--header")))
        return strips

    def _shares(self, column: Column) -> tuple[str, ...]:
        grid = self.grid
        assert grid.index is not None
        if len(grid.index.story.articles) < 2:
            return ()  # one source: nothing is unique to it against no other
        return share_texts(grid.index.shares.get(column.source), len(grid.index.story.groups))

    def _share_form(self, column: Column, share_line: bool) -> int:
        """Which of `share_texts`'s forms this column's share fits in (0: the longest): every
        column then takes the shortest any of them needs, so side by side they read alike."""
        grid = self.grid
        assert grid.index is not None
        shares = self._shares(column)
        room = column.text_width
        if not share_line:
            room -= cell_len(short_id(grid.index.by_id[column.source], grid.index.by_id)) + 3
        return next((k for k, text in enumerate(shares) if cell_len(text) <= room), max(len(shares) - 1, 0))

    def _name(self, column: Column, height: int, share_line: bool) -> tuple[list[Text], bool]:
        """The number and name's lines (the name wraps where it is the headline, or where there
        is none: its opening words then fill the rows a headline would, try33; else it takes one),
        and whether no headline follows the meta line: such columns' meta lines align."""
        grid = self.grid
        assert grid.index is not None
        article = grid.index.by_id[column.source]
        headline = grid.index.headline(article)
        titled = headline == article.name or not headline
        number = f"{grid.index.position[article.id] + 1} "
        title = Text.assemble((number, grid.span_style("grid--number")), (article.name, Style(bold=True)), end="")
        return self._clipped(title, column.text_width, height - share_line - 1 if titled else 1), titled or not headline

    def _cell(self, column: Column, height: int, share_line: bool, form: int, name: list[Text]) -> list[Text]:
        """Number and name, then id · date · byline, then the share on a line of its own (where
        the header is tall) or in the meta line after the id, then the headline (all truncated
        to fit).

        Where the name *is* the headline (no outlet), the headline's lines continue the name
        instead of repeating it; `name` comes padded to the longest such name's lines, so that
        every column's id and share sit on one row.
        """
        grid = self.grid
        assert grid.index is not None
        article = grid.index.by_id[column.source]
        width = column.text_width
        headline = grid.index.headline(article)
        text_lines = height - share_line  # the lines of name, meta and headline
        short = short_id(article, grid.index.by_id)
        shares = self._shares(column)[form:]
        meta_parts = meta_line(short, article.date, grid.index.byline(article), width, () if share_line else shares)
        meta = Text(meta_parts, style=grid.span_style("grid--meta"), end="")
        meta.truncate(width, overflow="ellipsis")
        lines = [*name, meta]
        if share_line:
            said = next((text for text in shares if cell_len(text) <= width), shares[-1] if shares else "")
            share = Text(said, style=grid.span_style("grid--meta"), end="")
            share.truncate(width, overflow="ellipsis")
            lines.append(share)
        if headline and headline != article.name and text_lines > 2:
            lines += self._clipped(Text(headline, style=grid.span_style("grid--headline")), width, text_lines - 2)
        return lines + [Text("")] * (height - len(lines))

    def _clipped(self, text: Text, width: int, lines: int) -> list[Text]:
        """At most `lines` wrapped lines of `text`, the last ending in "…" if some was cut."""
        grid = self.grid
        wrapped = wrap(text, width, grid.app.console)
        if len(wrapped) > lines:
            wrapped = wrapped[:lines]
            last = wrapped[-1]
            last.rstrip()
            last.truncate(max(1, width - 1))
            last.append("…")
        for line in wrapped:
            line.truncate(width, overflow="ellipsis")
        return wrapped
