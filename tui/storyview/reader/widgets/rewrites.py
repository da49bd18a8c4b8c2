"""The rewrites list: for each pair of sources, how much of one follows the other.

Each item is a pair: its verdict (copy, rewrite, wire, partial, independent) and who reads as
the rewrite of whom, or what wire copy they share; then one line per side with how much of it
follows the other in order (`follows`) and in the same words (`wording`), as bars and
percentages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from storyview.reader.widgets.findings import FindingsView, Line, Place

if TYPE_CHECKING:
    from storyview.findings.rewrites import Pair, Side

VERDICT_ORDER = {"copy": 0, "rewrite": 1, "wire": 2, "partial": 3, "independent": 4}
VERDICT_WIDTH = 12
EIGHTHS = " ▏▎▍▌▋▊▉█"


def sort_pairs(pairs: Any) -> list[Any]:
    """Copies first, then rewrites, wire copy, partial followers, the copies that follow from
    two others (`findings.rewrites.implied`), independent pairs; most following first."""
    from storyview.findings.rewrites import implied

    said = implied(pairs)
    return sorted(pairs, key=lambda p: (3.5 if p.sources in said else VERDICT_ORDER.get(p.verdict, 9),
                                        -max(p.a.follows, p.b.follows)))


def bar(share: float, cells: int) -> str:
    """A share (0..1) as a bar `cells` wide, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, share)) * cells * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(cells)


class RewritesView(FindingsView):
    """One item per pair of sources; its two entries are the pair's sides."""

    COMPONENT_CLASSES = FindingsView.COMPONENT_CLASSES | {
        "rewrite--copy",
        "rewrite--rewrite",
        "rewrite--wire",
        "rewrite--partial",
        "rewrite--independent",
        "rewrite--bar",
        "rewrite--track",
        "rewrite--share",
    }

    EMPTY = "Fewer than two sources: no pairs to compare."

    def entries(self, item: Any) -> int:
        return 2

    def place(self, item: Any, entry: int) -> Place | None:
        """The first paragraph of that side on the chain (where following starts), else none;
        for wire copy, its first sentence the other side has word for word (try24: a pair that
        shares one agency sentence went to group 2, where the two only tell the same fact)."""
        pair: Pair = item
        if pair.verdict == "wire" and pair.wire_at is not None:
            member = pair.wire_at[entry]
            return Place(member.source, member.paragraph, cited=tuple(pair.sources))
        if not pair.chain:
            return None
        member = pair.chain[0][entry]
        return Place(member.source, member.paragraph, cited=tuple(pair.sources))

    def item_lines(self, item: Any, number: int, width: int, expanded: bool) -> list[Line]:
        pair: Pair = item
        prefix = Text(" ", end="")
        prefix.append(pair.verdict.ljust(VERDICT_WIDTH), self.span_style(f"rewrite--{pair.verdict}"))
        lines = [Line(line) for line in self.hang(prefix, self._sentence(pair), width, expanded)]
        indent = Text(" " * 3, end="")
        for n, side in enumerate((pair.a, pair.b)):
            lines.append(Line(self._side(indent, side, width), n))
        return lines

    def _called(self, source: str) -> Text:
        """A source in a sentence: its number and short id, as the main view's headers call it."""
        number = self.index.position.get(source, -1) + 1
        name = self.short(source)
        out = Text(f"{number} ", style=self.span_style("findings--number"), end="")
        out.append(name if len(name) <= 28 else name[:27] + "…", self.span_style("findings--source"))
        return out

    def _sentence(self, pair: Pair) -> Text:
        """Who reads as the rewrite of whom, in the main view's numbers and names."""
        out = Text(end="")
        if pair.verdict in ("copy", "rewrite") and pair.rewrite and pair.original:
            what = "a copy of " if pair.verdict == "copy" else "a paragraph-by-paragraph rewrite of "
            out.append_text(self._called(pair.rewrite))
            out.append(" reads as " + what)
            out.append_text(self._called(pair.original))
            if pair.reason:
                out.append(f" (taken as the {pair.verdict} because {pair.reason})", self.span_style("text--muted"))
        elif pair.verdict == "wire":
            top = max((pair.a, pair.b), key=lambda side: side.verbatim)
            out.append_text(self._called(pair.a.source))
            out.append(" and ")
            out.append_text(self._called(pair.b.source))
            what = f"{pair.shared} sentence{'s' * (pair.shared != 1)}" if pair.shared else "long runs"
            out.append(f" share {what} word for word ({top.verbatim:.0%} of ")
            out.append_text(self._called(top.source))
            out.append("'s text): wire copy, or one rewrites the other")
        elif pair.verdict == "partial":
            top = max((pair.a, pair.b), key=lambda s: s.follows)
            other = pair.b if top is pair.a else pair.a
            out.append_text(self._called(top.source))
            out.append(" follows ")
            out.append_text(self._called(other.source))
            out.append(" in part")
        else:
            out.append_text(self._called(pair.a.source))
            out.append(" and ")
            out.append_text(self._called(pair.b.source))
            out.append(" tell the story independently", self.span_style("text--muted"))
        return out

    def _side(self, indent: Text, side: Side, width: int) -> Text:
        """follows ███▌ 34%  wording ██ 20%  phrasing ▌ 4%  6/6 paragraphs in order.

        The richest layout that fits: bars go first, then spaces and words; then whole figures
        from the right (paragraphs, phrasing, wording). A number is never cut.
        """
        head = indent + self.source_label(side.source, width)
        shares = (("follows", side.follows), ("wording", side.wording), ("phrasing", side.phrasing))
        cells = 10 if width >= 120 else 6 if width >= 100 else 0
        layouts = [(cells, "  ", 3, "paragraphs in order" if width >= 100 else "¶"), (0, "  ", 3, "¶"), (0, " ", 3, "¶"),
                   (0, " ", 3, None), (0, " ", 2, None), (0, " ", 1, None), (0, " ", 0, None)]
        for bars, gap, shown, paragraphs in layouts:
            out = head.copy()
            for label, share in shares[:shown]:
                out.append(f"{gap}{label} ", self.span_style("text--muted"))
                if bars:
                    out.append(bar(share, bars), self.span_style("rewrite--track") + self.span_style("rewrite--bar"))
                out.append(f" {share:>4.0%}" if gap == "  " else f"{share:.0%}", self.span_style("rewrite--share"))
            if paragraphs is not None:
                space = "" if gap == " " else " "
                out.append(f"{gap}{side.paragraphs}/{side.total}{space}{paragraphs}", self.span_style("text--muted"))
            if out.cell_len <= width:
                return out
        head.truncate(width, overflow="ellipsis")
        return head
