"""The members of a group: how alike they are (a table) and what each says (unique text marked)."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from rich.cells import cell_len
from rich.console import JustifyMethod
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from storyview.model import Group, Member
from storyview.reader.widgets.marked import MarkStyles, marked_text
from storyview.reader.widgets.rows import StoryIndex, id_and_headline

MATRIX_UP_TO = 8
"""A full member-by-member matrix up to this many members; a summary beyond."""
TEXTS_UP_TO = 60
"""Member texts shown in full (a huge group lists the rest by name only)."""


def score_text(score: float | None) -> Text:
    return Text("—" if score is None else f"{score:.2f}", justify="right")


def member_label(index: StoryIndex, member: Member) -> str:
    """Source number and paragraph number, both 1-based as reading mode counts (the JSON's are 0-based)."""
    return f"{index.position[member.source] + 1}¶{member.paragraph + 1}"


GAP = 2
"""Cells between two columns: the tables' padding, one each side, none at the edges."""
NAME_MIN = 10
"""Below this many cells a column of names or text is left out rather than cut to nothing."""


@dataclass
class Column:
    """One column of a table: its header, its cells, and whether it is the one that gives way."""

    header: str
    cells: list[Text]
    justify: JustifyMethod = "left"
    flexible_up_to: int = 0
    """Non-zero for the column of words (names, text) that shrinks, up to this wide, or drops."""

    @property
    def width(self) -> int:
        return max([cell_len(self.header), *(cell.cell_len for cell in self.cells)])


def fixed_width(columns: list[Column]) -> int:
    """Cells the columns need without the flexible one, the gaps included."""
    fixed = [c for c in columns if not c.flexible_up_to]
    return sum(c.width for c in fixed) + GAP * (len(fixed) - 1)


def fitted_table(columns: list[Column], width: int | None, styles: list[Style | None] | None = None) -> Table:
    """The columns at their natural widths; the flexible one takes what is left, or is left out.

    Numbers are never cut: at a narrow width the words go first.
    """
    room = None if width is None else width - fixed_width(columns) - GAP
    table = Table(box=None, pad_edge=False, header_style=Style(bold=True), expand=False)
    shown = [c for c in columns if not c.flexible_up_to or room is None or room >= NAME_MIN]
    cells = []
    for column in shown:
        if column.flexible_up_to:
            size = min(column.flexible_up_to, column.width, room if room is not None else column.width)
            table.add_column(column.header, width=size, no_wrap=True, overflow="ellipsis")
            cells.append([cut_on_word(cell, size) for cell in column.cells])
        else:
            table.add_column(column.header, width=column.width, justify=column.justify, no_wrap=True)
            cells.append(column.cells)
    rows = len(columns[0].cells) if columns else 0
    for n in range(rows):
        table.add_row(*(column[n] for column in cells), style=styles[n] if styles else None)
    return table


def cut_on_word(text: Text, cells: int) -> Text:
    """`text` in `cells`, cut with … after a word rather than a space ("Trying to…", not "Trying to …")."""
    if text.cell_len <= cells:
        return text
    cut = text.copy()
    cut.truncate(cells - 1)
    cut.rstrip()
    cut.append("…")
    return cut


SOURCE_UP_TO = 32
"""The widest the similarity table's source names get."""


def similarity_table(
    index: StoryIndex, group: Group, members: list[Member], pivot: Member | None, width: int | None = None
) -> Table:
    """Every member against the others: a matrix for a few, vs-pivot / mean / best for many.

    At a narrow `width` the source names shrink, then go; then the matrix gives way to the summary.
    """
    known_scores = {frozenset((link.a, link.b)): link.score for link in group.links}

    def score(a: Member, b: Member | None) -> float | None:
        """Group.score, with the links in a dict: a big group has thousands of them."""
        return None if b is None or a == b else known_scores.get(frozenset((a, b)))

    def layout(matrix: bool) -> list[Column]:
        columns = [
            Column("member", [Text(member_label(index, m)) for m in members]),
            Column("source", [id_and_headline(index.by_id[m.source], index.by_id) for m in members],
                   flexible_up_to=SOURCE_UP_TO),
        ]
        if matrix:
            columns += [
                Column(member_label(index, other), [
                    Text("·", justify="right") if other == member else score_text(score(member, other))
                    for member in members
                ], "right")
                for other in members
            ]
        else:
            columns.append(Column("vs focused", [
                Text("·", justify="right") if member == pivot else score_text(score(member, pivot)) for member in members
            ], "right"))
        known = [[s for other in members if (s := score(member, other)) is not None] for member in members]
        columns.append(Column("mean", [score_text(fmean(k) if k else None) for k in known], "right"))
        columns.append(Column("best", [score_text(max(k) if k else None) for k in known], "right"))
        return columns

    columns = layout(matrix=len(members) <= MATRIX_UP_TO)
    if width is not None and fixed_width(columns) > width:
        columns = layout(matrix=False)  # even without the names the matrix is too wide
    styles = [Style(bold=True) if member == pivot else None for member in members]
    return fitted_table(columns, width, styles)


NEAR_UP_TO = 8
"""Near misses listed under the similarity table, closest first."""
BEGINS_UP_TO = 48
"""The most of a near paragraph's opening shown."""


def near_table(index: StoryIndex, members: list[Member], width: int | None = None) -> Table | str:
    """Paragraphs of other sources close to a member but left out of its group, closest first.

    Grouping is strict, so a counterpart told in other words may sit in another group; this says
    where to look. At a narrow `width` the paragraph's opening shrinks, then goes.
    """
    found = sorted(
        {(link.score, link.a, link.b) for member in members for link in index.story.near.get(member, ())
         if link.b.source != link.a.source and link.b not in members},
        key=lambda x: (-x[0], x[1], x[2]),
    )[:NEAR_UP_TO]
    if not found:
        return "No other paragraph comes close."
    groups = [index.row_of.get(other) for _, _, other in found]
    return fitted_table([
        Column("member", [Text(member_label(index, member)) for _, member, _ in found]),
        Column("close to", [Text(member_label(index, other)) for _, _, other in found]),
        Column("score", [score_text(score) for score, _, _ in found], "right"),
        Column("group", [Text("—" if row is None else str(row + 1), justify="right") for row in groups], "right"),
        Column("begins", [Text(index.text(other)) for _, _, other in found], flexible_up_to=BEGINS_UP_TO),
    ], width)


class MemberTexts(Static):
    """Each member's paragraph under a one-line title, unique text in the unique style."""

    COMPONENT_CLASSES = {"members--title", "text--unique"}

    def show(self, index: StoryIndex, members: list[Member]) -> None:
        title = self.get_component_rich_style("members--title", partial=True)
        styles = MarkStyles(
            base=Style(),
            unique=self.get_component_rich_style("text--unique", partial=True),
            heat=(Style(),) * 3,
            match=Style(),
            current=Style(),
        )
        out = Text(end="")
        for n, member in enumerate(members[:TEXTS_UP_TO]):
            if n:
                out.append("\n\n")
            article = index.by_id[member.source]
            out.append(f"{member_label(index, member)}  ", title)
            name = id_and_headline(article, index.by_id)
            name.stylize(title)
            out.append_text(name)
            out.append("\n")
            out.append_text(marked_text(index.text(member), styles, index.story.marks.get(member)))
        if len(members) > TEXTS_UP_TO:
            out.append(f"\n\n… and {len(members) - TEXTS_UP_TO} more paragraphs", title)
        self.update(out)
