"""The members of a group: how alike they are (a table) and what each says (unique text marked)."""

from __future__ import annotations

from statistics import fmean

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from storyview.model import Group, Member
from storyview.widgets.marked import MarkStyles, marked_text
from storyview.widgets.rows import StoryIndex

MATRIX_UP_TO = 8
"""A full member-by-member matrix up to this many members; a summary beyond."""
TEXTS_UP_TO = 60
"""Member texts shown in full (a huge group lists the rest by name only)."""


def score_text(score: float | None) -> Text:
    return Text("—" if score is None else f"{score:.2f}", justify="right")


def member_label(index: StoryIndex, member: Member) -> str:
    return f"{index.position[member.source] + 1}¶{member.paragraph}"


def similarity_table(index: StoryIndex, group: Group, members: list[Member], pivot: Member | None) -> Table:
    """Every member against the others: a matrix for a few, vs-pivot / mean / best for many."""
    known_scores = {frozenset((link.a, link.b)): link.score for link in group.links}

    def score(a: Member, b: Member | None) -> float | None:
        """Group.score, with the links in a dict: a big group has thousands of them."""
        return None if b is None or a == b else known_scores.get(frozenset((a, b)))

    table = Table(box=None, pad_edge=False, header_style=Style(bold=True), expand=False)
    table.add_column("member")
    table.add_column("source", max_width=32, no_wrap=True, overflow="ellipsis")
    matrix = len(members) <= MATRIX_UP_TO
    if matrix:
        for other in members:
            table.add_column(member_label(index, other), justify="right")
    else:
        table.add_column("vs focused", justify="right")
    table.add_column("mean", justify="right")
    table.add_column("best", justify="right")
    for member in members:
        scores = [score(member, other) for other in members if other != member]
        known = [s for s in scores if s is not None]
        cells: list[Text] = [Text(member_label(index, member)), Text(index.by_id[member.source].name)]
        if matrix:
            cells += [
                Text("·", justify="right") if other == member else score_text(score(member, other)) for other in members
            ]
        else:
            cells.append(score_text(score(member, pivot)))
        cells += [score_text(fmean(known) if known else None), score_text(max(known) if known else None)]
        table.add_row(*cells, style=Style(bold=True) if member == pivot else None)
    return table


NEAR_UP_TO = 8
"""Near misses listed under the similarity table, closest first."""


def near_table(index: StoryIndex, members: list[Member]) -> Table | str:
    """Paragraphs of other sources close to a member but left out of its group, closest first.

    Grouping is strict, so a counterpart told in other words may sit in another group; this says
    where to look.
    """
    found = sorted(
        {(link.score, link.a, link.b) for member in members for link in index.story.near.get(member, ())
         if link.b.source != link.a.source and link.b not in members},
        key=lambda x: (-x[0], x[1], x[2]),
    )[:NEAR_UP_TO]
    if not found:
        return "No other paragraph comes close."
    table = Table(box=None, pad_edge=False, header_style=Style(bold=True), expand=False)
    table.add_column("member")
    table.add_column("close to")
    table.add_column("score", justify="right")
    table.add_column("group", justify="right")
    table.add_column("begins", max_width=48, no_wrap=True, overflow="ellipsis")
    for score, member, other in found:
        row = index.row_of.get(other)
        table.add_row(
            member_label(index, member), member_label(index, other), score_text(score),
            Text("—" if row is None else str(row + 1), justify="right"), Text(index.text(other)),
        )
    return table


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
            out.append(article.name, title)
            out.append("\n")
            out.append_text(marked_text(index.text(member), styles, index.story.marks.get(member)))
        if len(members) > TEXTS_UP_TO:
            out.append(f"\n\n… and {len(members) - TEXTS_UP_TO} more paragraphs", title)
        self.update(out)
