"""Reading mode: the focused article alone, full width, in its own order.

Dismisses with the paragraph under the cursor, so the grid can return to that group.
"""

from __future__ import annotations

from bisect import bisect_left

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from storyview.reader.widgets.article import GUTTER, MEASURE, ArticleView
from storyview.reader.widgets.gridheader import meta_line
from storyview.reader.widgets.rows import StoryIndex, next_passage, short_id

PARAGRAPHS = Binding.Group("paragraph")
MARKS = Binding.Group("unique")
MATCHES = Binding.Group("match")


class ReadingScreen(Screen[int | None]):
    """One source, alone; n/N walk its unique passages (or search matches)."""

    BINDINGS = [
        Binding("escape,r", "back", "Back", tooltip="Return to the side-by-side view, at the group you were reading"),
        Binding("j,down", "next_paragraph", "Next paragraph", group=PARAGRAPHS, tooltip="Next paragraph"),
        Binding("k,up", "previous_paragraph", "Previous paragraph", group=PARAGRAPHS, tooltip="Previous paragraph"),
        Binding("g,home", "first", "First paragraph", show=False, tooltip="First paragraph"),
        Binding("G,end", "last", "Last paragraph", show=False, tooltip="Last paragraph"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Scroll down a page"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Scroll up a page"),
        Binding("n", "next_mark", "Next unique passage", group=MARKS, tooltip="Next unique passage of this article"),
        Binding("N", "previous_mark", "Previous unique passage", group=MARKS, tooltip="Previous unique passage"),
        Binding("n", "next_match", "Next match", group=MATCHES,
                tooltip="Next search match in this article (when it was opened during a search)"),
        Binding("N", "previous_match", "Previous match", group=MATCHES, tooltip="Previous search match"),
        Binding("w", "toggle_width", "Narrow/full width",
                tooltip=f"Lines of at most {MEASURE} cells, centred, or the full width of the terminal"),
    ]

    def __init__(
        self,
        index: StoryIndex,
        source: str,
        paragraph: int | None,
        matches: list[tuple[int, int, int]],
        show_boilerplate: bool,
    ) -> None:
        super().__init__()
        self.index = index
        self.source = source
        self.start_paragraph = paragraph
        self.searching = bool(matches)
        self.view = ArticleView(index, source, show_boilerplate=show_boilerplate, matches=matches, id="article")


    def compose(self) -> ComposeResult:
        article = self.index.by_id[self.source]
        number = self.index.position[self.source] + 1
        width = max(1, self.app.size.width - 2)
        head = Text.assemble(("Reading ", "dim"), (f"{number} ", "bold"), (article.name, "bold"), "  ")
        short = short_id(article, self.index.by_id)
        meta = meta_line(short, article.date, self.index.byline(article), max(len(short), width - head.cell_len))
        title = head + Text(meta, style="dim")
        title.truncate(width, overflow="ellipsis")
        yield Static(title, id="reading-title")
        self.view.narrow = getattr(self.app, "narrow_reading", False)  # as the reader last left it
        yield self.view
        yield Static(id="reading-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        if self.start_paragraph is not None and self.start_paragraph in self.view.row_of_paragraph:
            self.view.cursor = self.view.row_of_paragraph[self.start_paragraph]
            if self.searching:  # opened at a match: that is where n goes on from (try25: n stood still)
                self.view.current = next((p for p in self.view.passages(True) if p.row == self.view.cursor), None)
        self.view.focus()
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        self.view.scroll_to_row(self.view.cursor)
        self._status()

    def _status(self, note: str = "") -> None:
        """Where the cursor is, and which unique passage (or match) n/N last went to: `unique 3/31`.

        A `note` (wrapped around) shows here until the next move, not in a toast that outlives it.
        """
        view = self.view
        passages = view.passages(self.searching)
        what = "matches" if self.searching else "unique"
        current = view.current
        at = bisect_left(passages, current) if current is not None and current.row == view.cursor else len(passages)
        count = f"{at + 1}/{len(passages)}" if at < len(passages) and passages[at] == current else f"{len(passages)}"
        # Counted among the paragraphs this view shows, as G and j/k walk them: folded
        # boilerplate is not counted while it is out of sight.
        shown = view.row_count()
        where = f"{view.cursor + 1}/{shown}" if view.paragraph is not None and shown else "–"
        line = Text.assemble(("paragraph ", "dim"), where, "  ", (f"{what} ", "dim"), count)
        if note:
            line.append_text(Text.assemble("  ", (note, "italic")))
        self.query_one("#reading-status", Static).update(line)

    # -- actions -----------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(self.view.paragraph)

    def action_next_paragraph(self) -> None:
        self.view.move_to(self.view.cursor + 1)
        self._status()

    def action_previous_paragraph(self) -> None:
        self.view.move_to(self.view.cursor - 1)
        self._status()

    def action_first(self) -> None:
        self.view.move_to(0)
        self._status()

    def action_last(self) -> None:
        self.view.move_to(self.view.row_count() - 1)
        self._status()

    def action_page(self, pages: int) -> None:
        self.view.move_to(self.view.page(pages))
        self._status()

    def action_toggle_width(self) -> None:
        """Switch, and say what changed: in a terminal narrower than the column nothing would show it."""
        narrow = not self.view.narrow
        self.view.set_narrow(narrow)
        if hasattr(self.app, "narrow_reading"):
            self.app.narrow_reading = narrow  # the next article opens the same way
        if self.view.content_width - 2 * GUTTER <= MEASURE:
            note = "terminal already narrower than the reading column"
        else:
            note = f"narrow column ({MEASURE} cells)" if narrow else "full width"
        self._status(note)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n/N are bound twice: as "match" when the reader came here searching, else as "unique"."""
        if action in ("next_match", "previous_match"):
            return self.searching
        if action in ("next_mark", "previous_mark"):
            return not self.searching
        return True

    def action_next_mark(self) -> None:
        self._step(forward=True)

    def action_previous_mark(self) -> None:
        self._step(forward=False)

    def action_next_match(self) -> None:
        self._step(forward=True)

    def action_previous_match(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        passage, wrapped = next_passage(self.view.passages(self.searching), self.view.here(forward), forward)
        if passage is None:
            self.notify("Nothing to go to in this article.", timeout=2)
            return
        self.view.jump(passage)
        self._status(("wrapped around to the " + ("first" if forward else "last")) if wrapped else "")
