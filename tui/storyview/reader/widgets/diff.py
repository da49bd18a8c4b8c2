"""A word-level diff of two paragraphs, inline: deleted words struck, inserted words marked.

The diff itself comes from the engine (`storyview.engine.unique.word_diff`); this only draws it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from storyview.model import Span

DiffOps = list[tuple[str, Span | None, Span | None]]


def deletes_first(ops: DiffOps) -> DiffOps:
    """The ops with each insert-then-delete pair swapped: a diff reads old words, then new ones.

    The engine's opcodes give a changed word as an insert followed by a delete.
    """
    out = list(ops)
    for i in range(len(out) - 1):
        if out[i][0] == "insert" and out[i + 1][0] == "delete":
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def diff_text(a: str, b: str, ops: DiffOps, delete: Style, insert: Style) -> Text:
    """`a` rewritten into `b`: a's words (deleted ones struck), each run of b's words after them.

    Text between words comes from `a`. A changed word reads "launched initiated"; words b adds
    after a break or punctuation (a new sentence, a new paragraph) go after a's, not before it.
    """
    ops = deletes_first(ops)
    next_a = [len(a)] * (len(ops) + 1)
    """Where a's next word starts, after each op."""
    for i in range(len(ops) - 1, -1, -1):
        span_a = ops[i][1]
        next_a[i] = next_a[i + 1] if span_a is None else span_a[0]
    out = Text(end="")
    position = b_at = 0
    replacing = False
    for i, (tag, span_a, span_b) in enumerate(ops):
        if span_a is not None:
            out.append(a[position : span_a[0]])
            out.append(a[span_a[0] : span_a[1]], None if tag == "equal" else delete)
            position = span_a[1]
        if span_b is not None and tag != "equal":
            if not replacing and tag == "insert" and b[b_at : span_b[0]].strip(" "):
                out.append(a[position : next_a[i + 1]])  # the same break or punctuation as b's, first
                position = next_a[i + 1]
            if len(out) and not out.plain[-1:].isspace():
                out.append(" ")
            out.append(b[span_b[0] : span_b[1]], insert)
            if position < len(a) and a[position].isalnum():
                out.append(" ")
        if span_b is not None:
            b_at = span_b[1]
        replacing = tag in ("delete", "replace")
    out.append(a[position:])
    return out


class DiffView(Static):
    """Shows diff_text with the theme's delete/insert styles."""

    COMPONENT_CLASSES = {"diff--delete", "diff--insert"}

    @property
    def mark_styles(self) -> tuple[Style, Style]:
        """(delete, insert) as the theme draws them; the legend uses them too."""
        return (
            self.get_component_rich_style("diff--delete", partial=True),
            self.get_component_rich_style("diff--insert", partial=True),
        )

    def show(self, a: str, b: str, ops: DiffOps) -> None:
        self.update(diff_text(a, b, ops, *self.mark_styles))
