"""The source picker (S): every source by number, short id and headline, the way past source 9.

The digit keys reach sources 1 to 9; a story of twelve or a hundred reports needs a list.
Dismisses with ("go", id) to focus a source, ("toggle", id) to hide or show it, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from storyview.reader.widgets.members import cut_on_word
from storyview.reader.widgets.rows import StoryIndex, id_and_headline


class SourcesScreen(ModalScreen[tuple[str, str] | None]):
    """A list of every source; enter goes to one, space hides or shows it."""

    BINDINGS = [
        Binding("enter", "go", "Go to source", tooltip="Focus the chosen source's column (shown if hidden)"),
        Binding("space,x", "toggle", "Hide/show", tooltip="Hide or show the chosen source's column"),
        Binding("escape,S", "close", "Close", tooltip="Back to the side-by-side view"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Quit storyview, as everywhere"),
    ]

    def __init__(self, index: StoryIndex, hidden: frozenset[str], focused: str | None) -> None:
        super().__init__()
        self.index = index
        self.hidden = hidden
        self.current_source = focused

    def compose(self) -> ComposeResult:
        options = []
        digits = len(str(len(self.index.articles)))
        room = max(20, min(self.app.size.width, 96) - 6)  # inside the panel's border, padding and list
        for n, article in enumerate(self.index.articles, 1):
            hidden = Text(" (hidden)", style="italic", end="") if article.id in self.hidden else Text("", end="")
            name = cut_on_word(id_and_headline(article, self.index.by_id), room - digits - 1 - hidden.cell_len)
            line = Text.assemble((f"{n:>{digits}} ", "bold"), name, hidden, end="")
            options.append(Option(line, id=article.id))
        with Vertical(id="sources-panel"):
            yield Static(Text("Sources: enter goes to one, space hides or shows it, esc closes", style="bold"),
                         id="sources-title")
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
        self.dismiss(("go", source) if source is not None else None)

    def action_toggle(self) -> None:
        source = self._chosen()
        self.dismiss(("toggle", source) if source is not None else None)

    def action_close(self) -> None:
        self.dismiss(None)
