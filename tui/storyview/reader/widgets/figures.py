"""The figures list: what several sources put a number, an amount or a date on, side by side.

Each item is one thing ("hire · Homeland · House"); each source's figure for it stands in one
column, its words around it after. A conflict ("Thursday" / "Friday") is flagged in the error
style, an imprecise one ("10,000" / "thousands") in the warning style, the vague figure marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.model import Member
from storyview.reader.widgets.findings import FindingsView, Line, Place

if TYPE_CHECKING:
    from storyview.findings.figures import Figure, Mention

STATUS_LABEL = {"conflict": "✗ conflict", "imprecise": "≈ imprecise", "agree": "✓ agree"}
FIGURE_MIN, FIGURE_MAX = 6, 20
CONTEXT_COMPACT, CONTEXT_FULL = 24, 64
"""Characters of context before a figure: a few words on a one-line mention, a sentence in full."""
CONTEXT_MIN = 24
"""Cells the words around a figure need beside its labels; in less, they go on lines of their own."""


def context(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str, str]:
    """The figure with whole words around it, up to `before`/`after` characters each side."""
    a = text.rfind(" ", 0, max(0, start - before)) if start > before else -1
    b = text.find(" ", min(len(text), end + after)) if len(text) - end > after else -1
    head = ("…" if a >= 0 else "") + text[a + 1 if a >= 0 else 0 : start]
    tail = text[end : b if b >= 0 else len(text)] + ("…" if b >= 0 else "")
    return head, text[start:end], tail


class FiguresView(FindingsView):
    """One item per figure; entries are the sources' mentions, in source order."""

    COMPONENT_CLASSES = FindingsView.COMPONENT_CLASSES | {
        "figure--conflict",
        "figure--imprecise",
        "figure--agree",
        "figure--value",
        "figure--vague",
        "figure--clash",
        "figure--kind",
    }

    EMPTY = "No figure is stated by two sources for the same thing."

    copies: dict[str, str] = {}
    """Each source that is a word-for-word copy of another, and that other (the rewrites' finding):
    a copy stating a figure does not stand by it a second time."""

    def entries(self, item: Any) -> int:
        return len(item.mentions)

    def place(self, item: Any, entry: int) -> Place | None:
        mention: Mention = item.mentions[entry]
        return Place(mention.source, mention.paragraph, mention.start, mention.end,
                     tuple(m.source for m in item.mentions))

    def item_lines(self, item: Any, number: int, width: int, expanded: bool) -> list[Line]:
        figure: Figure = item
        prefix = Text(f" {number:>{self.number_width()}}  ", style=self.span_style("findings--number"), end="")
        flag = Text(figure.kind, style=self.span_style("figure--kind"), end="")
        flag.append("  ")
        flag.append(STATUS_LABEL.get(figure.status, figure.status), self.span_style(f"figure--{figure.status}"))
        about = prefix + Text(figure.about, style=self.span_style("findings--heading"), end="")
        lines = [Line(self.right(about, flag, width))]
        indent = Text(" " * prefix.cell_len, end="")
        column = max(FIGURE_MIN, min(FIGURE_MAX, max(len(m.text) for m in figure.mentions)))
        for n, mention in enumerate(figure.mentions):
            value = Text(mention.text, style=self._value_style(figure, mention), end="")
            value.truncate(column, overflow="ellipsis", pad=True)
            label = indent + self.source_label(mention.source, width) + Text("  ", end="") + value + Text("  ", end="")
            if width - label.cell_len < CONTEXT_MIN:  # narrow: the context goes under the label, full width
                label.rstrip()
                lines.append(Line(label, n))
                label = indent
            around = self._around(mention, expanded)
            original = self.copies.get(mention.source)
            if original is not None and any(m.source == original for m in figure.mentions):
                around = Text(f"(a copy of {self.short(original)}) ", style="dim", end="") + around
            for line in self.hang(label, around, width, expanded):
                lines.append(Line(line, n))
        return lines

    def _value_style(self, figure: Figure, mention: Mention) -> Any:
        """A clash in the error style; a vague or hedged figure among exact ones in the warning style."""
        if figure.status == "conflict":
            return self.span_style("figure--clash")
        if figure.status == "imprecise" and not mention.exact:
            return self.span_style("figure--vague")
        return self.span_style("figure--value")

    def _around(self, mention: Mention, expanded: bool) -> Text:
        """The words around the figure in its paragraph, the figure itself in bold."""
        text = self.index.text(Member(mention.source, mention.paragraph))
        before = CONTEXT_FULL if expanded else CONTEXT_COMPACT
        head, figure, tail = context(text, mention.start, mention.end, before, CONTEXT_FULL)
        out = Text(head, style=self.span_style("text--muted"), end="")
        out.append(figure, self.span_style("figure--value"))
        out.append(tail)
        return out
