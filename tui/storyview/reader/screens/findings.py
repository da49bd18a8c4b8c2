"""What the three analysis screens (quotes, figures, rewrites) share: keys, loading, going there.

Each screen lists the items of one part of the story's Analysis, which the app computes once
per Story (in a thread; the screen shows a loading state until it is there). The screen
dismisses with:

- a `Place`: enter on a source of an item; the main view goes to that paragraph, that source
  focused, the quoted words or the figure marked;
- a kind ("quotes", "figures", "rewrites"): Q/F/W switch to another of the three lists;
- None: escape; the main view stays where it was.

The cursor of each list is remembered (per Story) in `memory`, so reopening a list, or coming
back from the place it sent you to, finds you where you were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from storyview.reader.messages import FindingMoved
from storyview.model import Member
from storyview.reader.widgets.findings import FindingsView, Place
from storyview.reader.widgets.fit import flow
from storyview.reader.widgets.rows import StoryIndex

if TYPE_CHECKING:
    from storyview.findings.analysis import Analysis

KINDS = ("quotes", "figures", "rewrites")
KEYS = {"quotes": "Q", "figures": "F", "rewrites": "W"}
SOURCES = Binding.Group("source")
LIST_AT_LEAST = 6
"""Lines kept for the list and the lines around it before the legend may take a third of the rest."""

Memory = dict[str, tuple[int, int]]
"""kind -> (item, entry) last chosen in that list."""


def findings_bindings(noun: str, own: str) -> list[Binding]:
    """The keys of one list: move, choose a source, go there, back, switch to another list."""
    items = Binding.Group(noun)
    return [
        Binding("enter", "go", "Show",
                tooltip=f"Close the list and show the chosen source's {noun} in the side-by-side view"),
        Binding("escape", "back", "Back", tooltip="Close the list; the side-by-side view stays where it was"),
        Binding("j,down", "move(1)", f"Next {noun}", group=items, tooltip=f"Next {noun}"),
        Binding("k,up", "move(-1)", f"Previous {noun}", group=items, tooltip=f"Previous {noun}"),
        Binding("h,left", "entry(-1)", "Previous source", group=SOURCES,
                tooltip=f"Choose the previous source of this {noun}"),
        Binding("l,right", "entry(1)", "Next source", group=SOURCES, tooltip=f"Choose the next source of this {noun}"),
        Binding("tab", "entry(1)", "Next source", show=False, tooltip=f"Choose the next source of this {noun}"),
        Binding("shift+tab", "entry(-1)", "Previous source", show=False,
                tooltip=f"Choose the previous source of this {noun}"),
        Binding("g,home", "first", f"First {noun}", show=False, tooltip=f"First {noun}"),
        Binding("G,end", "last", f"Last {noun}", show=False, tooltip=f"Last {noun}"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Scroll down a page"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Scroll up a page"),
        *[
            Binding(KEYS[kind], f"switch('{kind}')", kind.capitalize(), show=kind != own,
                    tooltip="Close this list" if kind == own
                    else f"Switch to the {kind} list" if own else f"Switch to the {kind} list (closes it if shown)")
            for kind in KINDS
        ],
    ]


class FindingsScreen(Screen[Place | str | None]):
    """A list of one kind of finding; see the module docstring."""

    KIND: ClassVar[str] = ""
    NOUN: ClassVar[str] = "item"
    TITLE_TEXT: ClassVar[str] = ""
    LOADING = "Finding quotes, figures and rewrites…"

    def __init__(self, index: StoryIndex, memory: Memory | None = None) -> None:
        super().__init__()
        self.index = index
        self.memory: Memory = memory if memory is not None else {}
        self.view = self.make_view(index)
        self.error: str | None = None

    # -- what subclasses provide ---------------------------------------------------------------

    def make_view(self, index: StoryIndex) -> FindingsView:
        raise NotImplementedError

    def items_of(self, analysis: Analysis) -> Sequence[Any]:
        raise NotImplementedError

    def summary(self, items: Sequence[Any]) -> Text:
        """A few counts after the title ("17 passages · 1 altered")."""
        raise NotImplementedError

    def legend(self) -> Text | list[Text]:
        """What the labels mean, under the title: one text, or items each kept whole on a line."""
        return Text("")

    # -- composing and loading -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield self.view
        yield Static(id="findings-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.view.focus()
        self._load()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        """The title's colours come from the view's styles: draw it again once they are resolved."""
        self.call_after_refresh(self._retitle)

    def _retitle(self) -> None:
        if self.view.ready and not self.view.loading:
            self._title(self.summary(self.view.items))

    def _load(self) -> None:
        """Show the analysis if it is there; else a loading state until the app hands it over."""
        job = getattr(self.app, "analysis_job", lambda: None)()
        if job is not None and job.done:
            self.show_analysis(job.analysis, job.error)
            return
        self.view.clear()
        self.view.loading = True
        self._title(Text(self.LOADING, style="italic"))
        self._status()

    def show_analysis(self, analysis: Analysis | None, error: str | None = None) -> None:
        """The app's analysis of the Story on screen arrived (or failed)."""
        self.view.loading = False
        self.error = error
        if analysis is None:
            self.view.clear()
            self._title(Text(f"Could not analyse the story: {error}"))
            self._status()
            return
        items = self.items_of(analysis)
        cursor, entry = self.memory.get(self.KIND, (0, 0))
        self.view.set_items(items, cursor, entry)
        self._title(self.summary(items))
        self._status()

    def reload(self, index: StoryIndex | None) -> None:
        """The Story was rebuilt (a new threshold): its own analysis replaces this one."""
        if index is not None:
            self.index = self.view.index = index
        self.memory.clear()
        self._load()

    # -- title and status ----------------------------------------------------------------------

    def _title(self, summary: Text) -> None:
        title = Text.assemble((self.TITLE_TEXT, "bold"), "  ", summary)
        legend = self.legend()
        width = (self.size.width or self.app.size.width) - 2  # the title's padding
        if isinstance(legend, list):  # laid out for the width: an item never breaks across lines
            legend = flow(legend, width, Text(" · ", style="dim"))
        height = self.size.height or self.app.size.height
        if len(legend.wrap(self.app.console, max(1, width))) > (height - LIST_AT_LEAST) // 3:
            legend = Text("")  # a small terminal: the list comes first (the labels are in its rows)
        if legend.plain:
            title.append("\n")
            title.append_text(legend)
        self.query_one("#findings-title", Static).update(title)

    def on_resize(self) -> None:
        self._retitle()

    @property
    def noun_plural(self) -> str:
        return self.KIND

    def _status(self) -> None:
        """Which item and which of its sources is chosen, and where that is in the main view."""
        status = self.query_one("#findings-status", Static)
        view = self.view
        item = view.item
        if item is None:
            status.update("")  # an empty list says so itself (the view's EMPTY line): once is enough
            return
        line = Text.assemble(
            (f"{self.NOUN} ", "dim"), f"{view.cursor + 1}/{len(view.items)}",
            ("  source ", "dim"), f"{view.entry + 1}/{view.entries(item)}",
        )
        place = view.current_place
        if place is not None:
            line.append("  ")
            line.append_text(Text(self._where(place), style="dim"))
        line.truncate(max(1, self.size.width - 2), overflow="ellipsis")
        status.update(line)

    def _where(self, place: Place) -> str:
        """Where a place is in the main view: its group, or the headline of its column."""
        member = Member(place.source, place.paragraph)
        number = self.index.position.get(place.source, -1) + 1
        row = self.index.row_of.get(member)
        if row is None:
            return f"in the headline of source {number}"
        if row >= len(self.index.group_rows):
            return f"in source {number}'s boilerplate"
        return f"in group {row + 1}/{len(self.index.group_rows)} of source {number}"

    def on_finding_moved(self, _: FindingMoved) -> None:
        self._status()

    # -- actions -------------------------------------------------------------------------------

    def _remember(self) -> None:
        if self.view.items:
            self.memory[self.KIND] = (self.view.cursor, self.view.entry)

    def action_move(self, step: int) -> None:
        self.view.move_to(self.view.cursor + step)
        self._status()

    def action_first(self) -> None:
        self.view.move_to(0)
        self._status()

    def action_last(self) -> None:
        self.view.move_to(len(self.view.items) - 1)
        self._status()

    def action_page(self, pages: int) -> None:
        view = self.view
        if view.items:
            view.move_to(view.page(pages))
            self._status()

    def action_entry(self, step: int) -> None:
        self.view.choose(step)
        self._status()

    def action_go(self) -> None:
        place = self.view.current_place
        if place is None:
            if self.view.items:
                self.notify("Nothing to go to for this one.", timeout=2)
            return
        self._remember()
        self.dismiss(place)

    def action_back(self) -> None:
        self._remember()
        self.dismiss(None)

    def action_switch(self, kind: str) -> None:
        self._remember()
        self.dismiss(None if kind == self.KIND else kind)
