"""The one-line summary under the grid: where you are, what is shown, what the aligner used."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.style import Style as RichStyle
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from storyview.reader.widgets.fold import numbers_that_fit


@dataclass(frozen=True)
class StatusInfo:
    """Everything the status line says, gathered by the screen from the grid and the app."""

    shown: int = 0
    total: int = 0
    columns: tuple[int, ...] = ()
    """The numbers of the sources whose columns are on screen, left to right (as their headers say)."""
    row: int = 0
    last_row: int = 0
    """The last group of a folded strip under the cursor (0: the cursor is on one row)."""
    rows: int = 0
    boilerplate_row: bool = False
    unique: int = 0
    unique_at: int = 0
    """Which of the unique passages the cursor is on (1-based; 0: none)."""
    folded: int = 0
    """Rows folded into strips now (z)."""
    legend: bool = False
    """Explain the marks instead (until the first key)."""
    unique_style: RichStyle | None = None
    """The grid's own style for text one source alone tells, for the legend."""
    any_case: bool = False
    """The search matched any case: its capitals found nothing."""
    threshold: float = 0.0
    pending: float | None = None
    """A threshold being rebuilt in the background, if any."""
    progress: str | None = None
    """How far that rebuild got ("aligning 40%")."""
    query: str | None = None
    match: int = 0
    matches: int = 0
    heat: bool = False
    heat_styles: tuple[RichStyle, ...] = ()
    """The grid's own shades for 2, 3 and 4+ sources, so the legend shows what the text shows."""
    loading: bool = False
    note: str | None = None
    """A word on the last move ("wrapped around to the first"), shown until the next."""
    base: str | None = None
    """The base source (B), as its number and short id ("3 002"), if one is chosen."""
    base_left_out: int = 0
    """Groups the others tell that the base leaves out."""
    several: bool = False
    """The folder holds other stories: escape goes back to their list (the legend says so)."""
    opening: tuple[str, ...] = ()
    """Why the story opened away from its first source ("from source 10: …"), until the first key:
    ways to say it, longest first; the status line shows the longest that fits."""


SHORT = {"rebuilding": "rebuilding", "search": "/"}
"""Labels for a terminal too narrow for the full status. Words still ("src", "grp", "uniq", "thr"
read as code to a new user): the short status says less rather than abbreviate."""

DROP_ORDER = ("threshold", "folded", "columns", "unique", "base name", "others", "shading", "base", "opening", "sources")
"""What goes, whole, when even the short status is too wide: the least needed while reading first.
A mode the reader turned on (s, B) says so to the last: it is what changed on screen."""

LEGEND_ROOM = 46
"""The fewest cells the legend needs: the highlight, the fold count and "? keys"."""

QUERY_UP_TO, QUERY_SHORT = 24, 12
"""The most of a search query the status line shows (on a narrow terminal, the second)."""


class StatusLine(Static):
    """Shows a StatusInfo; values in the `status--value` style, labels plain."""

    COMPONENT_CLASSES = {"status--value", "status--busy", "status--label"}

    _shown: tuple[str, str] | None = None

    def show(self, info: StatusInfo) -> None:
        """The full status; in a narrow terminal short labels, then whole items left out (never a cut value)."""
        room = self.size.width - 2
        if info.legend and self.size.width and self.short_legend(info, room) is None:
            info = replace(info, legend=False)  # too narrow to explain: where you are comes first
        content = self.compose_content(info)
        while self.size.width and content.cell_length > room and len(info.opening) > 1 and not info.legend:
            info = replace(info, opening=info.opening[1:])  # a shorter why, said whole
            content = self.compose_content(info)
        if self.size.width and content.cell_length > room:
            content = self.compose_content(info, short=True)
            dropped: set[str] = set()
            for name in DROP_ORDER:
                if content.cell_length <= room:
                    break
                dropped.add(name)
                content = self.compose_content(info, short=True, drop=frozenset(dropped))
        key = (content.plain, self.app.theme)  # Content equality ignores styles; a theme change restyles
        if key != self._shown:
            self._shown = key
            self.update(content, layout=False)  # one line, always: no need to lay out the screen again

    def compose_content(self, info: StatusInfo, short: bool = False, drop: frozenset[str] = frozenset()) -> Content:
        """The status as styled text; `short` says less for narrow terminals (no key hints, no
        "cols", "/" for search), `drop` leaves out the items named (DROP_ORDER)."""
        names = SHORT if short else {}
        value = self.get_visual_style("status--value", partial=True)
        label = self.get_visual_style("status--label", partial=True)
        busy = self.get_visual_style("status--busy", partial=True)
        if info.loading:
            return Content.assemble(("Building the story…", busy))
        if info.legend:
            room = self.size.width - 2 if self.size.width else None
            if not short and (room is None or room >= 98):
                return self.legend(info)
            return self.short_legend(info, room) or Content("")
        parts: list[tuple[str, object] | str] = []

        def item(name: str, text: str) -> None:
            if name in drop:
                return
            if parts:
                parts.append("  ")
            parts.extend([(names.get(name, name) + " ", label), (text, value)])

        sources = f"{info.shown}/{info.total}"
        shown = info.columns  # none before the grid has a width
        if shown and len(shown) < info.shown and "columns" not in drop:
            first, last = shown[0], shown[-1]
            if len(shown) == 1:
                span = f"{first}"
            elif last - first == len(shown) - 1:
                span = f"{first}–{last}"
            else:  # a base first, or hidden sources between them: name each column, as the headers do
                span = numbers_that_fit(shown, 12 if short else 20)
            prefix = "" if short or "," in span else "col " if len(shown) == 1 else "cols "
            sources += f" ({prefix}{span})"
        item("sources", sources)
        if info.base is not None:
            left_out = f" · others add {info.base_left_out}"
            if not short:
                left_out += f" group{'s' * (info.base_left_out != 1)}"
            base = info.base.split(" ", 1)[0] if "base name" in drop else info.base  # its number says which
            item("base", base + ("" if "others" in drop else left_out))
        if info.total < 2:  # the count says why: 0/0 or 1/1
            parts.extend(["  ", ("nothing to compare", busy)])
        if info.boilerplate_row:
            item("boilerplate", f"{info.row}/{info.rows}")
        elif info.last_row and info.last_row != info.row:
            item("group", f"{info.row}–{info.last_row}/{info.rows}")
        else:
            item("group", f"{info.row}/{info.rows}")
        item("unique", f"{info.unique_at}/{info.unique}" if info.unique_at else str(info.unique))
        if info.folded and info.pending is None:  # a rebuild under way is the more pressing news
            item("folded", str(info.folded) if short else f"{info.folded} (z)")
        item("threshold", f"{info.threshold:.2f}")
        if info.pending is not None:
            rebuilding = f"{names.get('rebuilding', 'rebuilding at')} {info.pending:.2f}…"
            if info.progress and not short:
                rebuilding += f" {info.progress}"
            parts.extend(["  ", (rebuilding, busy)])
        if info.heat and "shading" not in drop:  # the legend of the shades: how many sources carry the words
            item("shading", "" if short else "by sources ")
            parts.extend((f" {n} ", Style.from_rich_style(shade)) for n, shade in zip(("2", "3", "4+"), info.heat_styles))
        if info.query is not None:  # a long query is cut so that the match count after it stays in view
            cap = QUERY_SHORT if short else QUERY_UP_TO
            query = info.query if len(info.query) <= cap else info.query[: cap - 1] + "…"
            parts.extend(["  ", (names.get("search", "search") + " ", label), (query, value)])
            if info.match:
                count = f"  {info.match}/{info.matches}"
            else:
                count = f"  {info.matches} match{'es' * (info.matches != 1)}" if info.matches else "  no matches"
            parts.append((count + (" (any case)" if info.any_case else ""), label))
        for note in (info.note, info.opening[0] if info.opening and "opening" not in drop else None):
            if note:
                parts.extend(["  ", (note, busy)])
        return Content.assemble(*parts)  # type: ignore[arg-type]

    def legend(self, info: StatusInfo) -> Content:
        """What the marks mean, on one line, in words: the highlight, the coverage dots, "not covered"."""
        label = self.get_visual_style("status--label", partial=True)
        value = self.get_visual_style("status--value", partial=True)
        unique = Style.from_rich_style(info.unique_style) if info.unique_style is not None else value
        fold = [("┄", value), (f" {info.folded} folded (z): rows one source alone tells   ", label)] if info.folded else []
        back = [("esc", value), (": the folder's other stories   ", label)] if info.several else []
        opening = [(info.opening[0], value), ("   ", label)] if info.opening else []
        parts = [*opening, ("only here", unique), (": text one source alone tells   ", label), ("● ○", value),
                 (": the sources that tell a row, and not   ", label), ("· not covered ·", label),
                 (": that source is silent there   ", label), *fold, *back, ("? every key", value)]
        return Content.assemble(*parts)

    def short_legend(self, info: StatusInfo, room: int | None) -> Content | None:
        """The legend in short words for `room` cells, leaving out whole parts, the least useful
        first ("not covered" explains itself), and always ending with "? keys"; None where there
        is no room to explain more than the highlight (where you are comes first there)."""
        label = self.get_visual_style("status--label", partial=True)
        value = self.get_visual_style("status--value", partial=True)
        unique = Style.from_rich_style(info.unique_style) if info.unique_style is not None else value
        if room is not None and room < LEGEND_ROOM:
            return None
        parts: dict[str, list[tuple[str, Style]]] = {
            "opening": [],
            "unique": [("only here", unique), (" = 1 source", label)],
            "dots": [("●○", value), (" told/not", label)],
            "silent": [("· not covered ·", label)],
            "fold": [("┄", value), (f" {info.folded} folded (z)", label)] if info.folded else [],
            "back": [("esc", value), (" stories", label)] if info.several else [],
            "help": [("? keys", value)],
        }
        drops = ((), ("silent",), ("silent", "dots"), ("silent", "dots", "fold"), ("silent", "dots", "fold", "back"))
        for opening in info.opening or ("",):  # a shorter why before no legend at all
            parts["opening"] = [(opening, value)] if opening else []
            for drop in drops:
                pieces: list[tuple[str, Style]] = []
                for name, part in parts.items():
                    if part and name not in drop:
                        pieces += [("  ", label)] * bool(pieces) + part
                content = Content.assemble(*pieces)
                if room is None or content.cell_length <= room:
                    return content
        return None
