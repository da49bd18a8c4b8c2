"""A word-level diff of two paragraphs, inline: deleted words struck, inserted words marked.

The diff itself comes from the engine (`storyview.unique.word_diff`); this only draws it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from storyview.model import Span

DiffOps = list[tuple[str, Span | None, Span | None]]


def diff_text(a: str, b: str, ops: DiffOps, delete: Style, insert: Style) -> Text:
    """`a` rewritten into `b`: text between words comes from `a`; b's words are inserted."""
    out = Text(end="")
    position = 0
    for tag, span_a, span_b in ops:
        if span_a is not None:
            out.append(a[position : span_a[0]])
            position = span_a[0]
        if tag == "equal" and span_a is not None:
            out.append(a[span_a[0] : span_a[1]])
        else:
            if span_a is not None:
                out.append(a[span_a[0] : span_a[1]], delete)
            if span_b is not None:
                if span_a is not None or (out.plain and not out.plain[-1].isspace()):
                    out.append(" ")
                out.append(b[span_b[0] : span_b[1]], insert)
                if span_a is None:
                    out.append(" ")
        if span_a is not None:
            position = span_a[1]
    out.append(a[position:])
    return out


class DiffView(Static):
    """Shows diff_text with the theme's delete/insert styles."""

    COMPONENT_CLASSES = {"diff--delete", "diff--insert"}

    def show(self, a: str, b: str, ops: DiffOps) -> None:
        delete = self.get_component_rich_style("diff--delete", partial=True)
        insert = self.get_component_rich_style("diff--insert", partial=True)
        self.update(diff_text(a, b, ops, delete, insert))
