"""The `/` prompt: an Input that reports a query (or its dismissal) to the screen and hides itself."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import Input

from storyview.reader.messages import SearchCancelled, SearchSubmitted
from storyview.reader.typeahead import focus_now


class SearchBar(Input):
    """Typed query in, SearchSubmitted / SearchCancelled out."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the paragraphs of all sources; smart case (enter to search, escape to cancel)", id=id)

    def open(self, query: str = "") -> None:
        self.value = query
        self.display = True
        focus_now(self)  # the keys typed after `/` come straight here

    def close(self) -> None:
        self.display = False

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(SearchSubmitted(event.value))

    def action_cancel(self) -> None:
        self.close()
        self.post_message(SearchCancelled())
