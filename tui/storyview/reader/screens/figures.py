"""The figures screen (F): numbers, money and dates the sources state for the same thing.

Each source's figure side by side, with its words around it; disagreements first, a conflict
flagged in the error style, a vague figure against an exact one in the warning style. enter
goes to the chosen source's figure in the side-by-side view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.reader.screens.findings import FindingsScreen, findings_bindings
from storyview.reader.widgets.figures import FiguresView
from storyview.reader.widgets.findings import FindingsView
from storyview.reader.widgets.rows import StoryIndex

if TYPE_CHECKING:
    from storyview.findings.analysis import Analysis


class FiguresScreen(FindingsScreen):
    """Figures several sources state for one thing; entries are the sources' mentions."""

    KIND = "figures"
    NOUN = "figure"
    TITLE_TEXT = "Figures"
    BINDINGS = findings_bindings("figure", "figures")

    def make_view(self, index: StoryIndex) -> FindingsView:
        return FiguresView(index, id="figures")

    def items_of(self, analysis: Analysis) -> Sequence[Any]:
        assert isinstance(self.view, FiguresView)
        self.view.copies = {p.rewrite: p.original for p in analysis.rewrites
                            if p.verdict == "copy" and p.rewrite and p.original}
        return analysis.figures

    def summary(self, items: Sequence[Any]) -> Text:
        conflicts = sum(1 for f in items if f.status == "conflict")
        imprecise = sum(1 for f in items if f.status == "imprecise")
        view = self.view
        out = Text(f"{len(items)} stated by several sources · ", style="dim")
        conflict_style = view.span_style("figure--conflict") if conflicts else "dim"
        out.append(f"{conflicts} conflict{'s' * (conflicts != 1)}", conflict_style)
        out.append(" · ", "dim")
        out.append(f"{imprecise} imprecise", view.span_style("figure--imprecise") if imprecise else "dim")
        return out

    def legend(self) -> Text:
        view = self.view
        return Text.assemble(
            ("conflict", view.span_style("figure--conflict")), (" different figures for one thing · ", "dim"),
            ("imprecise", view.span_style("figure--imprecise")), (" one is ", "dim"),
            ("vague or hedged", view.span_style("figure--vague")), (" where another is exact · ", "dim"),
            ("agree", view.span_style("figure--agree")), (" the same value", "dim"),
        )
