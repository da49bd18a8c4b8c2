"""The source picker (S): every source by number, short id and headline, the way past source 9.

The digit keys reach sources 1 to 9; a story of twelve or a hundred reports needs a list.
space hides or shows sources through the `toggle` it is given and stays open, so several go in
one visit; it dismisses with the id of a source to focus, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from storyview.reader.widgets.members import cut_on_word
from storyview.reader.widgets.rows import StoryIndex, id_and_headline


MOVES = Binding.Group("move")


class SourcesScreen(ModalScreen[str | None]):
    """A list of every source; space hides or shows one and stays, enter goes to one."""

    BINDINGS = [
        Binding("k,up", "move(-1)", "Previous source", group=MOVES, tooltip="Move up the list"),
        Binding("j,down", "move(1)", "Next source", group=MOVES, tooltip="Move down the list"),
        Binding("space,x", "toggle", "Hide/show",
                tooltip="Hide or show the chosen source's column; the list stays open for more"),
        Binding("enter", "go", "Go to source", tooltip="Close, and focus the chosen source's column (shown if hidden)"),
        Binding("escape,S", "close", "Close", tooltip="Close: back to the side-by-side view"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Quit storyview, as everywhere"),
    ]

    def __init__(
        self,
        index: StoryIndex,
        hidden: frozenset[str],
        focused: str | None,
        toggle: Callable[[str], frozenset[str]] | None = None,
    ) -> None:
        """`toggle` hides or shows a source and returns the sources hidden after it."""
        super().__init__()
        self.index = index
        self.hidden = hidden
        self.current_source = focused
        self.toggle = toggle

    def _line(self, n: int) -> Text:
        """Source n (0-based) as its number, id and headline, cut to the panel, and whether hidden."""
        article = self.index.articles[n]
        digits = len(str(len(self.index.articles)))
        room = max(20, min(self.app.size.width, 96) - 6)  # inside the panel's border, padding and list
        hidden = Text(" (hidden)", style="italic", end="") if article.id in self.hidden else Text("", end="")
        name = cut_on_word(id_and_headline(article, self.index.by_id), room - digits - 1 - hidden.cell_len)
        return Text.assemble((f"{n + 1:>{digits}} ", "bold"), name, hidden, end="")

    def compose(self) -> ComposeResult:
        options = [Option(self._line(n), id=article.id) for n, article in enumerate(self.index.articles)]
        with Vertical(id="sources-panel"):
            yield Static(Text("Sources: j k move · space hides/shows (stays open) · enter goes to one · esc closes",
                              style="bold"), id="sources-title")
            yield OptionList(*options, id="sources-list")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if self.current_source in self.index.position:
            listing.highlighted = self.index.position[self.current_source]
        listing.focus()

    def _chosen(self) -> str | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        source = self._chosen()
        self.dismiss(source)

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_toggle(self) -> None:
        """Hide or show the chosen source behind the list, and mark it so in the list."""
        source = self._chosen()
        if source is None or self.toggle is None:
            return
        was = self.hidden
        self.hidden = self.toggle(source)
        listing = self.query_one(OptionList)
        for changed in was ^ self.hidden:
            n = self.index.position[changed]
            listing.replace_option_prompt_at_index(n, self._line(n))

    def action_close(self) -> None:
        self.dismiss(None)
