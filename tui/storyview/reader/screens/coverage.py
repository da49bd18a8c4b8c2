"""The coverage matrix screen: which source tells which part of the story; enter jumps there.

Dismisses with (group row, focused source) so the main view can go to both, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from storyview.reader.widgets.coverage import CoverageView
from storyview.reader.widgets.fit import flow
from storyview.reader.widgets.rows import StoryIndex, short_id

GROUPS = Binding.Group("group")
SOURCES = Binding.Group("source")
LEGEND_UP_TO = 12
"""Sources named in the legend; past that the numbers match the main view's headers."""
LEGEND_LINES = 3
"""Lines of the legend under its title (the stylesheet's max-height holds them and the title)."""


HEADLINE_MIN = 10
"""Cells of headline worth showing (dimmed) after a source's short id; less is left out."""


def named(number: int, short: str, headline: str, cells: int) -> Text:
    """`3 valley Workers Say…`: the number and short id whole, the headline dimmed in what room is left."""
    out = Text.assemble((f"{number} ", "bold"), short, end="")
    room = cells - out.cell_len - 1
    if headline and headline != short and room >= min(HEADLINE_MIN, len(headline)):
        rest = Text(headline, style="dim", end="")
        rest.truncate(room, overflow="ellipsis")
        out.append(" ")
        out.append_text(rest)
    return out


class CoverageScreen(Screen[tuple[int, str | None] | None]):
    """Groups × sources; dismisses with the chosen row and source (enter) or None (escape)."""

    BINDINGS = [
        Binding("enter", "choose", "Go to group", tooltip="Close the matrix and move the grid to this group"),
        Binding("escape,c", "back", "Back", tooltip="Close the matrix, staying where you were"),
        Binding("j,down", "move(1)", "Next group", group=GROUPS, tooltip="Next group"),
        Binding("k,up", "move(-1)", "Previous group", group=GROUPS, tooltip="Previous group"),
        Binding("h,left", "source(-1)", "Previous source", group=SOURCES,
                tooltip="Focus the source column to the left (the columns slide when they do not all fit)"),
        Binding("l,right", "source(1)", "Next source", group=SOURCES, tooltip="Focus the source column to the right"),
        Binding("g,home", "first", "First group", show=False, tooltip="First group"),
        Binding("G,end", "last", "Last group", show=False, tooltip="Last group"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Scroll down a page"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Scroll up a page"),
    ]

    def __init__(self, index: StoryIndex, cursor: int, hidden: set[str], focused: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.view = CoverageView(index, cursor, hidden, focused, id="coverage")

    def compose(self) -> ComposeResult:
        yield Static(self._legend(), id="coverage-legend")
        yield self.view
        yield Static(id="coverage-status")
        yield Footer(show_command_palette=False)

    def _legend(self) -> Text:
        """The size, then each source's number and name, an item never broken across lines: as
        many as LEGEND_LINES hold, names shortened first, then "… N more" for the rest."""
        articles = self.index.articles
        size = f"{len(self.index.group_rows)} groups × {len(articles)} sources"
        width = (self.size.width or self.app.size.width) - 2  # the legend's padding
        widest = max(12, min(28, (width - 3) // 2 - 3))  # at least two names a line

        def key(listed: int, cells: int) -> Text:
            items = [named(i + 1, short_id(article, self.index.by_id), article.name, cells)
                     for i, article in enumerate(articles[:listed])]
            if listed < len(articles):
                items.append(Text(f"… {len(articles) - listed} more", style="dim"))
            return flow(items, width, "   ")

        listed = min(len(articles), LEGEND_UP_TO)
        for cells in range(widest, 11, -1):  # a shorter headline rather than a source left out
            text = key(listed, cells)
            if len(text.plain.split("\n")) <= LEGEND_LINES:
                break
        else:
            while listed and len((text := key(listed, 12)).plain.split("\n")) > LEGEND_LINES:
                listed -= 1
            text = key(listed, 12)
        return Text.assemble(("Coverage  ", "bold"), (size, "dim"), "\n", text)

    def on_mount(self) -> None:
        self.view.focus()
        self.call_after_refresh(self.view.scroll_to_row, self.view.cursor)
        self.call_after_refresh(self._status)

    def on_resize(self) -> None:
        self.query_one("#coverage-legend", Static).update(self._legend())
        self.call_after_refresh(self._status)  # the window of columns may have changed

    def _status(self) -> None:
        """The focused source, how much of the story it tells, and which columns are on screen."""
        view, articles = self.view, self.index.articles
        source = view.focused
        if source is None:
            self.query_one("#coverage-status", Static).update("No sources.")
            return
        article = self.index.by_id[source]
        share = self.index.shares.get(source)
        covered = share.groups_covered if share else sum(1 for row in self.index.group_rows if source in row.cells)
        shown = view.window()
        line = Text.assemble(
            ("source ", "dim"), (f"{view.column + 1}", "bold"), f"/{len(articles)}",
            ("  tells ", "dim"), f"{covered}/{len(self.index.story.groups) or len(self.index.group_rows)}",
            (" groups", "dim"),
        )
        if share is not None and share.words:
            line.append_text(Text.assemble(("  unique ", "dim"), f"{round(100 * share.unique_share)}%",
                                           (" of its words", "dim")))
        if len(shown) < len(articles):
            line.append_text(Text.assemble(("  columns ", "dim"), f"{shown.start + 1}–{shown.stop}"))
        width = max(1, self.size.width - 2)
        short = short_id(article, self.index.by_id)
        line.append_text(Text.assemble("  ", (short, "bold")))
        headline = Text(article.name, style="dim", end="")  # last: a long headline is what gets cut
        if article.name != short and width - line.cell_len - 1 >= HEADLINE_MIN:
            line.append(" ")
            line.append_text(headline)
        line.truncate(width, overflow="ellipsis")
        self.query_one("#coverage-status", Static).update(line)

    def action_move(self, step: int) -> None:
        self._go(self.view.cursor + step)

    def action_source(self, step: int) -> None:
        self.view.focus_by(step)
        self._status()

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(self.view.row_count() - 1)

    def action_page(self, pages: int) -> None:
        self._go(self.view.page(pages))

    def _go(self, row: int) -> None:
        view = self.view
        view.cursor = max(0, min(row, view.row_count() - 1))
        view.scroll_to_row(view.cursor)
        view.refresh()

    def action_choose(self) -> None:
        self.dismiss((self.view.cursor, self.view.focused) if self.view.row_count() else None)

    def action_back(self) -> None:
        self.dismiss(None)
