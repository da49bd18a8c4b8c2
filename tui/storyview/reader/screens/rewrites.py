"""The rewrites screen (W): for each pair of sources, how much of one follows the other.

Pairs a source reads as a copy or a paragraph-by-paragraph rewrite of come first, then pairs
that share wire copy (whole sentences word for word). enter goes to where the chosen side starts
following the other, in the side-by-side view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.model import counted
from storyview.reader.screens.findings import FindingsScreen, findings_bindings
from storyview.reader.widgets.findings import FindingsView
from storyview.reader.widgets.rewrites import RewritesView, sort_pairs
from storyview.reader.widgets.rows import StoryIndex

if TYPE_CHECKING:
    from storyview.findings.analysis import Analysis


class RewritesScreen(FindingsScreen):
    """Pairs of sources with their verdict; the two entries of a pair are its sides."""

    KIND = "rewrites"
    NOUN = "pair"
    TITLE_TEXT = "Rewrites"
    BINDINGS = findings_bindings("pair", "rewrites")

    @property
    def noun_plural(self) -> str:
        return "pairs"

    def make_view(self, index: StoryIndex) -> FindingsView:
        return RewritesView(index, id="rewrites")

    def items_of(self, analysis: Analysis) -> Sequence[Any]:
        return sort_pairs(analysis.rewrites)

    def summary(self, items: Sequence[Any]) -> Text:
        """How many pairs of each verdict; copies of one source that copy each other apart
        (three reprints of one wire story are three copies, and three pairs between copies)."""
        from storyview.findings.rewrites import implied

        view = self.view
        between = implied(items)
        out = Text(f"{len(items)} pair{'s' * (len(items) != 1)} of sources", style="dim")
        for verdict in ("copy", "rewrite", "wire", "partial"):
            count = sum(1 for p in items if p.verdict == verdict and p.sources not in between)
            if count:
                out.append(" · ", "dim")
                # "wire" and "partial" name a kind of pair, not a thing to count: no plural
                said = counted(count, verdict, None if verdict in ("copy", "rewrite") else verdict)
                out.append(said, view.span_style(f"rewrite--{verdict}"))
        if between:
            out.append(f" · {counted(len(between), 'pair')} between copies of one source", "dim")
        return out

    def legend(self) -> Text:
        return Text(
            "follows: share of its words on the longest chain of paragraphs matched in order · "
            "wording: share of its words the matched paragraphs use too · "
            "phrasing: share of its runs of four words they use too",
            style="dim",
        )
