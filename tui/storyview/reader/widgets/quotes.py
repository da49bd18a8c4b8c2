"""The quotes list: each quoted passage, the sources that carry it, how each quotes it, and
whom each gives the words to (the heading names every speaker the sources give, and says so
where they differ).

A version is `exact`, `partial` (a stretch of the reference, word for word), `longer` (the
reference with more words around it: those words are marked) or `altered` (the words that
differ are marked, and listed under it when the quote is the cursor item).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.reader.widgets.findings import FindingsView, Line, Place

if TYPE_CHECKING:
    from storyview.findings.quotes import Edit, Quote, Version

STATUS_WIDTH = 7
TEXT_MIN = 24
"""Cells a quote's words need beside its labels; in less, they go on lines of their own."""
QUOTE_MIN = 12
"""Cells of a quotation a one-line heading keeps before it cuts into whom it is given to."""


def find_word(text: str, words: str, at: int) -> int:
    """Where `words` occur in `text` from `at` on as whole words (else anywhere from `at`; -1)."""
    i = text.find(words, at)
    first = i
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(words)] if i + len(words) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return i
        i = text.find(words, i + 1)
    return first


def edit_spans(text: str, edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """The spans of `text` that the edits' version words are, found in order (none for a left-out word).

    An edit's words are the version's own words as written, and edits come in reading order, so
    each is looked for after the one before.
    """
    spans: list[tuple[int, int]] = []
    at = 0
    for edit in edits:
        if not edit.version:
            continue
        i = find_word(text, edit.version, at)
        if i < 0:
            continue
        spans.append((i, i + len(edit.version)))
        at = i + len(edit.version)
    return spans


class QuotesView(FindingsView):
    """One item per quoted passage; entries are its versions, in source order."""

    COMPONENT_CLASSES = FindingsView.COMPONENT_CLASSES | {
        "quote--text",
        "quote--exact",
        "quote--partial",
        "quote--longer",
        "quote--altered",
        "quote--added",
        "quote--changed",
        "quote--removed",
        "quote--flag",
        "quote--verbatim",
    }

    EMPTY = "No quoted passages in these sources."

    def entries(self, item: Any) -> int:
        return len(item.versions)

    def place(self, item: Any, entry: int) -> Place | None:
        version: Version = item.versions[entry]
        return Place(version.source, version.paragraph, version.start, version.end,
                     tuple(v.source for v in item.versions))

    def item_lines(self, item: Any, number: int, width: int, expanded: bool) -> list[Line]:
        quote: Quote = item
        prefix = Text(f" {number:>{self.number_width()}}  ", style=self.span_style("findings--number"), end="")
        lines = [Line(line) for line in self._heading(quote, prefix, width, expanded)]
        indent = Text(" " * prefix.cell_len, end="")
        for n, version in enumerate(quote.versions):
            label = indent + self.source_label(version.source, width) + Text("  ", end="")
            label.append(version.status.ljust(STATUS_WIDTH), self.span_style(f"quote--{version.status}"))
            label.append("  ")
            under = expanded and width - label.cell_len < TEXT_MIN  # narrow: the words go under the label
            if under:
                label.rstrip()
                lines.append(Line(label, n))
                label = indent
            for line in self.hang(label, self._version_text(version, len(quote.versions) > 1), width, expanded):
                lines.append(Line(line, n))
            if expanded and version.edits:
                room = Text(" " * label.cell_len, end="")
                for line in self.hang(room, self._edits_text(version), width, expanded=True):
                    lines.append(Line(line, n))
        return lines

    def _heading(self, quote: Quote, prefix: Text, width: int, expanded: bool) -> list[Text]:
        """The reference wording, in quotation marks, and how many sources carry it (flagged if altered)."""
        count = len(quote.sources)
        summary = Text(f"{count} source{'s' * (count != 1)}", style=self.span_style("findings--heading"), end="")
        if quote.altered:
            summary.append("  altered", self.span_style("quote--flag"))
        elif count > 1:
            summary.append("  word for word", self.span_style("quote--verbatim"))
        if quote.misattributed:
            summary.append("  speakers differ", self.span_style("quote--flag"))
        room = max(1, width - summary.cell_len - 2)
        said = Text(" — " + " · ".join(quote.speakers), style=self.span_style("text--muted"), end="") \
            if quote.speakers else Text(end="")
        words = quote.text
        if not expanded and quote.speakers:  # cut the quotation, never whom it is given to
            fits = max(QUOTE_MIN, room - prefix.cell_len - said.cell_len - 2)
            if len(words) > fits:
                words = words[:max(1, fits - 1)].rstrip() + "…"
        text = Text("“", style=self.span_style("quote--text"), end="")
        text.append(words)
        text.append("”")
        text.append_text(said)
        if room - prefix.cell_len < TEXT_MIN:  # narrow: the words take the width, the counts a line after
            if not expanded:
                return self.hang(prefix, text, width, expanded=False)
            return [*self.hang(prefix, text, width, expanded=True), Text(" " * prefix.cell_len, end="") + summary]
        heading = self.hang(prefix, text, room, expanded)
        first = heading[0]
        first.align("left", room)
        heading[0] = first + Text("  ", end="") + summary
        return heading

    def _version_text(self, version: Version, several: bool = True) -> Text:
        """The version's words, those that differ from the reference marked, and its speaker
        where `several` versions may each name one (the heading names the only one's)."""
        text = Text(version.text, end="")
        style = self.span_style("quote--added" if version.status == "longer" else "quote--changed")
        for start, end in edit_spans(version.text, version.edits):
            text.stylize(style, start, end)
        if version.speaker and several:
            text.append(f" — {version.speaker}", self.span_style("text--muted"))
        return text

    def _edits_text(self, version: Version) -> Text:
        """What differs, in words: adds “…”; leaves out “…”; “reference” → “version”."""
        removed, changed = self.span_style("quote--removed"), self.span_style(
            "quote--added" if version.status == "longer" else "quote--changed"
        )
        out = Text(end="", style=self.span_style("text--muted"))
        for n, edit in enumerate(version.edits):
            if n:
                out.append("; ")
            if not edit.reference:
                out.append("adds “")
                out.append(edit.version, changed)
                out.append("”")
            elif not edit.version:
                out.append("leaves out “")
                out.append(edit.reference, removed)
                out.append("”")
            else:
                out.append("“")
                out.append(edit.reference, removed)
                out.append("” → “")
                out.append(edit.version, changed)
                out.append("”")
        return out
