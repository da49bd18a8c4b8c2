"""The aligned story: plain frozen data that the reader and every exporter read.

Nothing here computes anything heavy; `storyview.pipeline.build_story` fills it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Literal, NamedTuple

Kind = Literal["headline", "byline", "body", "boilerplate"]
KINDS: tuple[Kind, ...] = ("headline", "byline", "body", "boilerplate")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article, its text already cleaned of control characters."""

    index: int
    kind: Kind
    text: str


@dataclass(frozen=True)
class Article:
    """One source. Metadata is `None` where the text does not state it."""

    id: str
    path: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    outlet: str | None = None

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind == "body")

    @property
    def name(self) -> str:
        """What a header calls this source: outlet, else title, else its opening words, else id."""
        if self.outlet or self.title:
            return self.outlet or self.title or ""
        body = self.body
        if not body:
            return self.id
        words = body[0].text.split()
        return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


@dataclass(frozen=True, order=True)
class Member:
    """A paragraph of one source, as a member of a group."""

    source: str
    paragraph: int


@dataclass(frozen=True)
class Link:
    """How alike two members of a group are (0..1), as the aligner scored them."""

    a: Member
    b: Member
    score: float
    pinned: bool = False
    """Made by the reader's hand (a pin), not by the aligner's score."""


@dataclass(frozen=True)
class Group:
    """Paragraphs of different sources that tell the same part of the story.

    A source has one paragraph in a group, or a run of consecutive ones where it splits what
    another says in one; a group of one is what only that source tells.
    """

    id: int
    label: str
    """What a reader sees first: the opening words of the sentence most of its sources share."""
    members: tuple[Member, ...]
    links: tuple[Link, ...] = ()
    keywords: str = ""
    """The rarest words its members share, joined by ` · ` (the detail view shows them)."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(m.source for m in self.members)

    def member(self, source: str) -> Member | None:
        return next((m for m in self.members if m.source == source), None)

    def score(self, a: Member, b: Member) -> float | None:
        """The scored similarity of two members, or None where they were not compared."""
        for link in self.links:
            if {link.a, link.b} == {a, b}:
                return link.score
        return None


PinKind = Literal["pin", "break"]


@dataclass(frozen=True)
class Pin:
    """A reader's decision the aligner must follow: `b` joins the group of `a` ("pin"), or
    leaves it ("break")."""

    kind: PinKind
    a: Member
    b: Member


@dataclass(frozen=True)
class Share:
    """How much of one source only it tells, and in how many groups it takes part."""

    words: int
    unique_words: int
    groups_covered: int

    @property
    def unique_share(self) -> float:
        return self.unique_words / self.words if self.words else 0.0


Span = tuple[int, int]

# Called from the engine as progress(stage, done, total); raising from it stops the build.
Progress = Callable[[str, int, int], None]


class Support(NamedTuple):
    """A run of words of a paragraph and how many sources carry it (1 = this one alone).

    A NamedTuple rather than a dataclass: a large story holds hundreds of thousands.
    """

    start: int
    end: int
    sources: int


@dataclass(frozen=True)
class Marks:
    """What the unique-text finder decided for one paragraph."""

    unique: tuple[Span, ...] = ()
    support: tuple[Support, ...] = ()


@dataclass(frozen=True)
class Settings:
    """The named knobs of the aligner. `threshold` is the paragraph link score (0..1);
    `semantic` adds similarity by meaning (the bundled word-vector model) to the shared words."""

    threshold: float = 0.16
    sentence_threshold: float = 0.3
    order_weight: float = 0.1
    semantic: bool = True


@dataclass(frozen=True)
class Story:
    """Everything the reader and the exporters show, computed once."""

    articles: tuple[Article, ...]
    groups: tuple[Group, ...]
    marks: dict[Member, Marks] = field(default_factory=dict, hash=False, compare=False)
    settings: Settings = Settings()
    warnings: tuple[str, ...] = ()
    # Closest paragraphs of other sources left out of a paragraph's group, best first.
    near: dict[Member, tuple[Link, ...]] = field(default_factory=dict, hash=False, compare=False)
    # The reader's pins and breaks this Story follows (those that still fit the files).
    pins: tuple[Pin, ...] = ()
    # Per source id: its unique share and the groups it covers (engine.shares fills it in).
    shares: dict[str, Share] = field(default_factory=dict, hash=False, compare=False)
    # The word-vector model the aligner used, or None (turned off, or it could not be loaded).
    model: str | None = None
    # Which story of its folder this is (a folder of one story has story 1), and its label.
    id: int = 1
    label: str = ""

    def article(self, source: str) -> Article:
        return next(a for a in self.articles if a.id == source)

    def paragraph(self, member: Member) -> Paragraph:
        return self.article(member.source).paragraphs[member.paragraph]

    def unique(self, member: Member) -> tuple[Span, ...]:
        marks = self.marks.get(member)
        return marks.unique if marks else ()

    def group_of(self, member: Member) -> Group | None:
        return next((g for g in self.groups if member in g.members), None)

    @cached_property
    def lede(self) -> Group | None:
        """Where the story starts for most sources: the group that opens the most articles (is
        their first body paragraph), counted with half the sources that tell it, among those
        that open two articles or more and the first told by the most sources of the groups
        that open their articles (their paragraphs on average in the first third of the body;
        where none does, of all groups).

        The most told alone was often background every report repeats further down ("Comeaux
        was serving a sentence of life…" over the escape itself, on 5 of 56 ECB+ sets), and the
        first third was still generous: "Estimated damage is in the vicinity of $1 million",
        every report's second or third sentence, had opened a church fire that 14 reports begin
        with (7 of 56 ECB+ sets open on the paragraph most of their reports begin with now)."""
        def most_told(groups: Sequence[Group]) -> Group | None:
            most = max((len(set(g.sources)) for g in groups), default=0)
            return next((g for g in groups if len(set(g.sources)) == most), None)

        ranks = {(a.id, p.index): (k, len(body)) for a in self.articles for body in (a.body,) for k, p in enumerate(body)}

        def opens(group: Group) -> bool:
            where = [k / n for k, n in (ranks.get((m.source, m.paragraph), (0, 1)) for m in group.members)]
            return sum(where) <= len(where) / 3

        def begins(group: Group) -> int:
            return len({m.source for m in group.members if ranks.get((m.source, m.paragraph), (1, 1))[0] == 0})

        told = most_told([g for g in self.groups if opens(g)]) or most_told(self.groups)
        candidates = [g for g in self.groups if g is told or begins(g) >= 2]
        return max(candidates, key=lambda g: begins(g) + len(set(g.sources)) / 2, default=None)

    @property
    def title(self) -> str:
        """What a report calls the story: a lone article's headline; its lede's label (words a
        reader reads), else the label its folder's split gave it, else the first source's name."""
        if len(self.articles) == 1 and self.articles[0].title:
            return " ".join(self.articles[0].title.split())
        lede = self.lede
        if lede is not None and lede.label:
            return lede.label
        return self.label or next((a.name for a in self.articles if a.name), "")

    @property
    def unique_share(self) -> float:
        """The share of the body text (in characters) that only one source tells, 0..1."""
        total = unique = 0
        for article in self.articles:
            for p in article.body:
                total += len(p.text)
                unique += sum(b - a for a, b in self.unique(Member(article.id, p.index)))
        return unique / total if total else 0.0


def short_id(article: Article, ids: Iterable[str] = ()) -> str:
    """What a list calls a source's file: "000" of "000_77808fc7…" (a name and a hash), else the
    whole id ("a_herald" says more than "a"); whole too where another of `ids` starts the same."""
    head, _, rest = article.id.partition("_")
    hashed = len(rest) >= 8 and all(c in "0123456789abcdef" for c in rest.casefold())
    if head and hashed and sum(1 for other in ids if other.partition("_")[0] == head) <= 1:
        return head
    return article.id


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and its noun, singular for one, so a message never says "1 stories": "1 story",
    "2 stories", "2,225 articles" (`plural` where adding s or -ies is wrong)."""
    if n == 1:
        return f"1 {noun}"
    if plural is None:
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou") else noun + "s"
    return f"{n:,} {plural}"


@dataclass(frozen=True)
class StoryEntry:
    """One story of a folder, before it is aligned: its number, label, sources (by id) and
    how many words of body text they hold."""

    id: int
    label: str
    sources: tuple[str, ...]
    words: int = 0


@dataclass(frozen=True)
class Collection:
    """A folder split into stories: every article in exactly one; each is aligned on its own.

    Stories are numbered from 1, largest first; single-article stories come last.
    """

    articles: tuple[Article, ...]
    stories: tuple[StoryEntry, ...]
    warnings: tuple[str, ...] = ()

    def story(self, story_id: int) -> StoryEntry:
        return next(s for s in self.stories if s.id == story_id)

    def articles_of(self, story_id: int) -> tuple[Article, ...]:
        """The story's articles, in the order they were given."""
        position = self._position
        return tuple(self.articles[k] for k in sorted(position[s] for s in self.story(story_id).sources if s in position))

    @cached_property
    def _position(self) -> dict[str, int]:
        """Each article's place by its id: a story's articles are found without a scan of the
        folder (a folder of 2,225 articles has hundreds of stories)."""
        return {a.id: k for k, a in enumerate(self.articles)}
