"""The quotes screen (Q): every quoted passage, which sources carry it, word for word or altered,
and who they say spoke it.

enter goes to the chosen source's quotation in the side-by-side view, the quoted words marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.reader.screens.findings import FindingsScreen, findings_bindings
from storyview.reader.widgets.findings import FindingsView
from storyview.reader.widgets.quotes import QuotesView
from storyview.reader.widgets.rows import StoryIndex

if TYPE_CHECKING:
    from storyview.findings.analysis import Analysis


class QuotesScreen(FindingsScreen):
    """Quoted passages, those several sources carry first; entries are the sources' versions."""

    KIND = "quotes"
    NOUN = "quote"
    TITLE_TEXT = "Quotes"
    BINDINGS = findings_bindings("quote", "quotes")

    def make_view(self, index: StoryIndex) -> FindingsView:
        return QuotesView(index, id="quotes")

    def items_of(self, analysis: Analysis) -> Sequence[Any]:
        return analysis.quotes

    def summary(self, items: Sequence[Any]) -> Text:
        shared = sum(1 for q in items if len(q.sources) > 1)
        altered = sum(1 for q in items if q.altered)
        out = Text(f"{len(items)} passage{'s' * (len(items) != 1)} · {shared} in several sources · ", style="dim")
        out.append(f"{altered} altered", "bold" if altered else "dim")
        disputed = sum(1 for q in items if q.misattributed)
        if disputed:
            out.append(" · ", "dim")
            out.append(f"{disputed} given to different speakers", "bold")
        return out

    def legend(self) -> list[Text]:
        view = self.view
        items = [
            Text.assemble((status, view.span_style(f"quote--{status}")), (f" {meaning}", "dim"))
            for status, meaning in (
                ("exact", "the same words"),
                ("partial", "a stretch of them"),
                ("longer", "more words around them"),
            )
        ]
        items.append(Text.assemble(
            ("altered", view.span_style("quote--altered")), (" words differ: ", "dim"),
            ("marked", view.span_style("quote--changed")),
        ))
        return items
