"""A word-level diff of two paragraphs, inline: deleted words struck, inserted words marked.

The diff itself comes from the engine (`storyview.engine.unique.token_diff`: words with their punctuation); this only draws it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from storyview.model import Span

DiffOps = list[tuple[str, Span | None, Span | None]]


def diff_text(a: str, b: str, ops: DiffOps, delete: Style, insert: Style) -> Text:
    """`a` rewritten into `b`: a's words (deleted ones struck), then the words b puts there.

    Each word keeps its punctuation and the spacing that follows it in its own text, so a
    paragraph break or a comma is never lost; in a changed run a's words come first ("launched
    initiated"). A word that ended its text gets one space when more words follow.
    """
    pieces: list[tuple[str, Style | None, str]] = []
    """(words, style, the spacing after them) in reading order."""

    def add(text: str, span: Span, style: Style | None) -> None:
        start, end = span
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        pieces.append((text[start:end], style, text[end:after]))

    waiting: list[Span] = []
    """b's words of a changed run, put after a's."""
    for tag, span_a, span_b in ops:
        if tag == "equal":
            for span in waiting:
                add(b, span, insert)
            waiting.clear()
            if span_a is not None:
                add(a, span_a, None)
            continue
        if span_a is not None:
            add(a, span_a, delete)
        if span_b is not None:
            waiting.append(span_b)
    for span in waiting:
        add(b, span, insert)
    out = Text(a[: len(a) - len(a.lstrip())] if pieces else a, end="")
    for n, (words, style, space) in enumerate(pieces):
        out.append(words, style)
        if n + 1 < len(pieces):
            out.append(space or " ")
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
