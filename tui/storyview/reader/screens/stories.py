"""The story list: what a folder of several stories opens on, before any story is aligned.

`enter` opens the story under the cursor (the app aligns it in a worker, with progress, the
first time); `escape` in the side-by-side view comes back here; `/` filters the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from storyview.model import Collection
from storyview.reader.typeahead import focus_now
from storyview.reader.widgets.storylist import APART, StoryTable

if TYPE_CHECKING:
    from storyview.reader.app import StoryviewApp


def stories_title(collection: Collection) -> str:
    """How many stories in how many articles: the list's heading, and the terminal's title over it."""
    return f"{len(collection.stories):,} stories in {len(collection.articles):,} articles"


class StoriesScreen(Screen[None]):
    """One row per story: label, sources and outlets, dates, size, share of unique text."""

    BINDINGS = [
        # A priority key (typeahead): the story opens before the next key is taken, so what is
        # typed after enter goes to the story, not to the list (in the filter, enter keeps it).
        Binding("enter", "open", "Open story", priority=True,
                tooltip="Align the story under the cursor and show it side by side"),
        Binding("slash", "filter", "Filter", priority=True,  # what is typed after it goes to the filter (typeahead)
                tooltip="Keep the stories whose label, titles or outlets hold a text"),
        Binding("escape", "clear_filter", "Clear filter", show=False, tooltip="Show every story again"),
        # Priority keys too, so that they move the cursor as the app takes them, in the order
        # typed: enter takes them so, and a plain binding runs only once its key has been round
        # the list and back, after an enter typed behind it (try29: `j` enter opened story 1).
        Binding("j,down", "cursor(1)", "Next story", show=False, priority=True, tooltip="Move to the next story"),
        Binding("k,up", "cursor(-1)", "Previous story", show=False, priority=True,
                tooltip="Move to the previous story"),
        Binding("g,home", "edge(0)", "First story", show=False, priority=True,
                tooltip="Jump to the first (largest) story"),
        Binding("G,end", "edge(-1)", "Last story", show=False, priority=True,
                tooltip="Jump to the last story (single articles are listed last)"),
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True, tooltip="A screenful of stories down"),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True, tooltip="A screenful of stories up"),
    ]

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection
        self.shares: dict[int, float] = {}
        """The unique share of each story aligned so far (set before this screen is first shown, too)."""

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="stories-title", markup=False)
        yield StoryTable(self.collection, id="stories")
        search = Input(placeholder="filter stories (enter keeps it, esc clears)", id="stories-filter")
        search.display = False
        yield search
        yield Footer(show_command_palette=False)

    def _title(self) -> str:
        """What the list holds; while filtered, first how many stories match (short: it must fit 80 columns)."""
        query = self.table.query_text if self.is_mounted and self.query(StoryTable) else ""
        if query:
            total = len(self.collection.stories)
            matched = self.table.matched
            found = f"{matched:,} of {total:,} stories match{'es' if matched == 1 else ''}" if matched else "no story matches"
            shown = query if len(query) <= 24 else query[:23] + "…"
            return f"{found} “{shown}” · esc shows all"
        many = sum(len(s.sources) > 1 for s in self.collection.stories)
        singles = len(self.collection.stories) - many
        told = f"{many} told by several sources, {singles} single article{'' if singles == 1 else 's'}"
        return f"{self._threshold()}{stories_title(self.collection)} · {told}"

    def _threshold(self) -> str:
        """Where +/- changed the threshold, what the unique shares are worked out at (try29):
        first, so a narrow screen cuts the counts rather than it."""
        app: StoryviewApp = self.app  # type: ignore[assignment]
        threshold = app.settings.threshold
        return f"threshold {threshold:.2f} · " if abs(threshold - app.first_threshold) > 1e-9 else ""

    @property
    def table(self) -> StoryTable:
        return self.query_one(StoryTable)

    def on_mount(self) -> None:
        self.table.shares.update(self.shares)
        self.table.fill()
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Whichever way the list comes back (first, or from a story), the terminal's title says
        so, and the list's heading says again at what threshold."""
        self.app.sub_title = stories_title(self.collection)
        self._retitle()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("filter", "open", "cursor", "edge", "page"):  # priority keys: in the filter they are text
            return not isinstance(self.focused, Input)
        if action == "clear_filter":
            return bool(self.table.query_text) or self.query_one(Input).display
        return True

    def action_open(self) -> None:
        self._open()

    def _open(self) -> None:
        story_id = self.table.story_id
        if story_id is not None:
            app: StoryviewApp = self.app  # type: ignore[assignment]
            app.open_story(story_id)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open()

    def action_cursor(self, step: int) -> None:
        self._move(self.table.cursor_row + step, step)

    def action_edge(self, end: int) -> None:
        self._move(0 if end == 0 else self.table.row_count - 1, 1 if end == 0 else -1)

    def action_page(self, step: int) -> None:
        self._move(self.table.cursor_row + step * max(1, self.table.scrollable_content_region.height - 1), step)

    def _move(self, row: int, way: int) -> None:
        """The cursor to `row`, past the single articles' divider the way it goes, at once (an
        enter typed right after opens the story it lands on)."""
        table = self.table
        if not table.row_count:
            return
        row = max(0, min(table.row_count - 1, row))
        if APART in table.rows and row == table.get_row_index(APART):
            beyond = row + (1 if way > 0 else -1)
            row = beyond if 0 <= beyond < table.row_count else row - (1 if way > 0 else -1)
        table.move_cursor(row=row)

    def action_filter(self) -> None:
        field = self.query_one(Input)
        field.display = True
        field.value = self.table.query_text
        focus_now(field)
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        field = self.query_one(Input)
        field.value = ""
        field.display = False
        self.table.filter("")
        focus_now(self.table)
        self._retitle()

    @on(Input.Changed, "#stories-filter")
    def _typed(self, event: Input.Changed) -> None:
        self.table.filter(event.value.strip())
        self._retitle()

    @on(Input.Submitted, "#stories-filter")
    def _kept(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(Input).display = False
        focus_now(self.table)
        self.refresh_bindings()

    def _retitle(self) -> None:
        self.query_one("#stories-title", Static).update(self._title())
        self.refresh_bindings()

    def clear_shares(self) -> None:
        """The shares are stale (other settings): every row says "—" until its share comes again."""
        self.shares.clear()
        if self.is_mounted:
            self.table.shares.clear()
            self.table.fill()

    def set_share(self, story_id: int, share: float) -> None:
        """A story was aligned: its row shows its share of unique text."""
        self.shares[story_id] = share
        if self.is_mounted:
            self.table.set_share(story_id, share)
