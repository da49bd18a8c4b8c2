"""What the main view shows, as plain data: rows of cells, looked up fast.

The Story is the truth; this module only decides *presentation*: which paragraphs become body
rows (body paragraphs, in group order), which go to the column header (headline, byline) and
which are folded (boilerplate). It imports no Textual so it can be tested and timed alone.
Every lookup a frame needs (article by id, row of a member) is a dict here, because
`Story.article` and `Story.group_of` are linear scans and a frame asks thousands of times.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text

from storyview.engine.shares import shares_of
from storyview.inputs.parse import is_credit
from storyview.model import Article, Group, Marks, Member, Share, Story, short_id

if TYPE_CHECKING:
    from storyview.engine.base import Relative

__all__ = ["Passage", "Row", "StoryIndex", "id_and_headline", "next_passage", "short_id"]


BY_RE = re.compile(r"\bby\b", re.I)
"""A byline line names who wrote the story."""


@dataclass(frozen=True)
class Row:
    """One row of the main view: a group, or the k-th boilerplate paragraph of each source."""

    cells: dict[str, tuple[Member, ...]] = field(hash=False, compare=False)
    """Source id -> its paragraphs in this row (usually one; the aligner may give two)."""
    group: Group | None = None
    number: int = 0
    """1-based position among group rows; 0 for a boilerplate row."""

    @property
    def boilerplate(self) -> bool:
        return self.group is None

    @property
    def label(self) -> str:
        return self.group.label if self.group is not None else "boilerplate"


@dataclass(frozen=True, order=True)
class Passage:
    """A span of a paragraph the reader can jump to (unique text, or a search match)."""

    row: int
    column: int
    """Position of the source in Story.articles (its number minus one)."""
    paragraph: int
    start: int
    end: int
    source: str = field(compare=False)

    @property
    def member(self) -> Member:
        return Member(self.source, self.paragraph)


class StoryIndex:
    """A Story with the lookups and row lists the views need, built once per Story."""

    def __init__(self, story: Story, base: str | None = None) -> None:
        # The base view's engine (and the marking it imports) loads with the first story, not
        # with the reader's first frame.
        from storyview.engine.base import base_order, relative, relative_marks

        self.story = story
        self.articles: tuple[Article, ...] = story.articles
        self.by_id: dict[str, Article] = {a.id: a for a in story.articles}
        self.position: dict[str, int] = {a.id: i for i, a in enumerate(story.articles)}
        self.base = base if base in self.by_id else None
        """The base source (B): its column first, the rows in its paragraph order."""
        self.columns: tuple[Article, ...] = story.articles if self.base is None else (
            self.by_id[self.base], *(a for a in story.articles if a.id != self.base))
        """The sources in the order of their columns (the numbers stay those of `articles`)."""
        self.shares: dict[str, Share] = shares_of(story)
        self.relative: Relative | None = relative(story, self.base) if self.base is not None else None
        self.marks: dict[Member, Marks] = story.marks if self.base is None else {
            **story.marks, **relative_marks(story, self.base)}
        """The grid's marks: the Story's, or with a base, what the others add to it."""
        groups = base_order(story, self.base) if self.base is not None else story.groups
        self.group_rows: list[Row] = _group_rows(story, self.by_id, groups)
        self.boilerplate_rows: list[Row] = _boilerplate_rows(story)
        self.row_of: dict[Member, int] = {}
        for i, row in enumerate(self.group_rows + self.boilerplate_rows):
            for members in row.cells.values():
                for member in members:
                    self.row_of[member] = i
        self._unique: list[Passage] | None = None
        self.cells_by_source: dict[str, list[tuple[int, tuple[Member, ...]]]] = {}
        for i, row in enumerate(self.group_rows + self.boilerplate_rows):
            for source, members in row.cells.items():
                self.cells_by_source.setdefault(source, []).append((i, members))

    def rows(self, show_boilerplate: bool) -> list[Row]:
        """Group rows, then (when asked) the folded boilerplate rows."""
        if show_boilerplate and self.boilerplate_rows:
            return self.group_rows + self.boilerplate_rows
        return self.group_rows

    def text(self, member: Member) -> str:
        return self.by_id[member.source].paragraphs[member.paragraph].text

    def kind(self, member: Member) -> str:
        return self.by_id[member.source].paragraphs[member.paragraph].kind

    def headline(self, article: Article) -> str | None:
        """The article's headline paragraph, else its title."""
        for paragraph in article.paragraphs:
            if paragraph.kind == "headline":
                return paragraph.text
        return article.title

    def byline(self, article: Article) -> str | None:
        """The article's byline paragraph, else its byline metadata. Of the lines the loader
        files with bylines, one that says by whom ("By Ada Lovelace", "Posted by …"): a
        timestamp line ("Published 3:12 PM EST …") would take the place of the date it repeats.
        A wire credit ("(Reporting by …; Editing by …)") closes the story: it stands in only
        where the article names neither its writer nor its outlet."""
        credit = None
        for paragraph in article.paragraphs:
            if paragraph.kind == "byline" and BY_RE.search(paragraph.text):
                if not is_credit(paragraph.text):
                    return paragraph.text
                credit = credit or paragraph.text
        return article.byline or (None if article.outlet else credit)

    def unique_passages(self) -> list[Passage]:
        """Every unique span of every group row, in reading order (row, source, offset)."""
        if self._unique is None:
            found = [
                Passage(i, self.position[source], member.paragraph, start, end, source)
                for i, row in enumerate(self.group_rows)
                for source, members in row.cells.items()
                for member in members
                for start, end in (self.marks[member].unique if member in self.marks else ())
                if end > start
            ]
            self._unique = sorted(found)
        return self._unique

    def passages_for(self, matches: Iterable[tuple[Member, int, int]]) -> list[Passage]:
        """Passages for (member, start, end) spans, skipping members that have no row."""
        found = [
            Passage(self.row_of[member], self.position[member.source], member.paragraph, start, end, member.source)
            for member, start, end in matches
            if member in self.row_of
        ]
        return sorted(found)


def id_and_headline(article: Article, ids: Collection[str] = ()) -> Text:
    """A source as the lists name it: its short id, then its headline dimmed (cut first where room is short)."""
    short = short_id(article, ids)
    if not article.name or article.name == short:
        return Text(short, end="")
    return Text.assemble(short, " ", (article.name, "dim"), end="")


def _group_rows(story: Story, by_id: dict[str, Article], groups: Sequence[Group]) -> list[Row]:
    """One row per group that has a body paragraph, in story order.

    A body paragraph the aligner left out of every group still gets a row of its own, right
    after the row that holds the paragraph before it, so no text silently disappears.
    """
    rows: list[Row] = []
    placed: set[Member] = set()
    for group in groups:
        cells: dict[str, list[Member]] = {}
        for member in group.members:
            article = by_id.get(member.source)
            if article is None or not 0 <= member.paragraph < len(article.paragraphs):
                continue
            if article.paragraphs[member.paragraph].kind == "body" and member not in placed:
                cells.setdefault(member.source, []).append(member)
                placed.add(member)
        if cells:
            rows.append(Row(cells={s: tuple(sorted(ms)) for s, ms in cells.items()}, group=group))
    orphans = [
        Member(article.id, i)
        for article in story.articles
        for i, paragraph in enumerate(article.paragraphs)
        if paragraph.kind == "body" and Member(article.id, i) not in placed
    ]
    if orphans:
        rows = _insert_orphans(rows, orphans)
    return [Row(cells=row.cells, group=row.group, number=n) for n, row in enumerate(rows, 1)]


def _insert_orphans(rows: list[Row], orphans: Sequence[Member]) -> list[Row]:
    """Place each unaligned paragraph after the row of its source's previous paragraph."""
    placed: dict[str, list[tuple[int, int]]] = {}
    for i, row in enumerate(rows):
        for source, members in row.cells.items():
            placed.setdefault(source, []).extend((member.paragraph, i) for member in members)
    for pairs in placed.values():
        pairs.sort()
    after: dict[int, list[Row]] = {}
    for orphan in orphans:
        pairs = placed.get(orphan.source, [])
        k = bisect_left(pairs, (orphan.paragraph, -1)) - 1
        anchor = pairs[k][1] if k >= 0 else -1
        label_group = Group(id=-1, label="(unaligned)", members=(orphan,))
        after.setdefault(anchor, []).append(Row(cells={orphan.source: (orphan,)}, group=label_group))
    merged: list[Row] = list(after.get(-1, []))
    for i, row in enumerate(rows):
        merged.append(row)
        merged.extend(after.get(i, []))
    return merged


def _boilerplate_rows(story: Story) -> list[Row]:
    """Row k holds the k-th boilerplate paragraph of every source that has one."""
    per_source = {
        article.id: [Member(article.id, i) for i, p in enumerate(article.paragraphs) if p.kind == "boilerplate"]
        for article in story.articles
    }
    depth = max((len(members) for members in per_source.values()), default=0)
    return [
        Row(cells={source: (members[k],) for source, members in per_source.items() if k < len(members)})
        for k in range(depth)
    ]


def next_passage(
    passages: Sequence[Passage], here: Passage, forward: bool
) -> tuple[Passage | None, bool]:
    """The passage after (or before) `here`, wrapping around; returns (passage, wrapped)."""
    if not passages:
        return None, False
    if forward:
        i = bisect_left(passages, here)
        while i < len(passages) and not here < passages[i]:
            i += 1
        return (passages[i], False) if i < len(passages) else (passages[0], True)
    i = bisect_left(passages, here) - 1
    return (passages[i], False) if i >= 0 else (passages[-1], True)
