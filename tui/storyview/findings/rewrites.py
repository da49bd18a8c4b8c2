"""Rewrites: how much of one source follows another in order and wording.

For each pair of sources, the paragraphs the aligner grouped together are pairs of matches;
the longest chain of matches that keeps both sources' order is how far one *follows* the other.
For each side:

- ``follows``: the share of its body words (by paragraph) on that chain, 0..1;
- ``wording``: over the chain, the share of its content words the matched paragraphs of the
  other source use too, 0..1 (1 is a copy; a close paraphrase keeps about half).
- ``phrasing``: over the chain, the share of its runs of four words the matched paragraphs
  use too, 0..1. Independent reports share names and figures, rarely four words in a row.
- ``distinct``: over the chain, the share of its plain words (outside quotations, no names
  or figures) that the matched paragraphs use beyond the fact's own words (those other reports
  use where they tell the same thing, and at least the first FACT_WORDS), 0..1: the words a
  writer chose, not those every report of the event has.

Wire copy, over the whole of both bodies and in any order:

- ``shared``: the sentences (of six words or more) the two sources have word for word;
- ``verbatim`` (per side): the share of its body words in runs of eight words or more that the
  other source has too.

The verdict: ``copy`` when one side follows the other almost entirely in nearly the same words,
``rewrite`` when it follows it paragraph by paragraph (most of it, in order, keeping much of its
wording, over at least five paragraphs — or over all of a shorter article when it also keeps
the other's phrasing), ``wire`` when they share whole sentences word for word or long verbatim
runs (wire copy, or one rewrites the other: agencies' copy is printed as is, reordered and cut),
``partial`` when half of one side follows the other over five paragraphs or more, and
``independent`` otherwise — never for two reports that share half their runs of four words.
News tells a story in much the same order (the lead, the facts, reactions, the background) and
in the facts' own words, so order is no evidence of copying: ``rewrite`` and ``partial`` also
need wording only the two share (``distinct``), and the shorter the articles, the more the
verdict asks of the wording. Which side is the
rewrite: the one that follows more; at a tie the later date, else the one whose words the other
has more of (a rewrite drops details, it rarely adds them), else the one with less text of its
own in the story, else the shorter. Two sides alike on every count (two copies of one file) read
as copies of each other: the first is named, and no basis is claimed (``basis`` is None).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Literal

from storyview.model import Article, Member, Paragraph, Story
from storyview.engine.segment import sentences, word_count
from storyview.engine.unique import is_figure, is_name
from storyview.findings.quotes import PAIRS, spans as quotations

Verdict = Literal["copy", "rewrite", "wire", "partial", "independent"]
VERDICTS: tuple[Verdict, ...] = ("copy", "rewrite", "wire", "partial", "independent")

REWRITE_FOLLOWS = 0.7  # share of the rewrite's words that follow the other in order
REWRITE_ORIGINAL = 0.4  # share of the original the rewrite covers
REWRITE_PARAGRAPHS = 5  # in order over this many paragraphs, order alone is evidence
REWRITE_WORDING = 0.4  # a rewrite keeps much of the other's wording, not only its order
REWRITE_PHRASING = 0.25  # over fewer paragraphs, it must also keep runs of the other's words
COPY_WORDING = 0.9
# Every report of one event tells its facts in much the same order and with the same names,
# figures and fact words ("fire broke out", "engine room"): neither order nor those words are
# evidence that one follows the other. A rewrite keeps words of the writer's own choosing: this
# share of its plain words (outside quotations, no names or figures) that the other's matched
# paragraphs have, beyond the fact's own words. Independent reports of one event written
# apart (tryout 14's five) keep 0.06 at most on the side that follows; the seeds' rewrite 0.24,
# a hand-made rewrite 0.33; on ECB+ the pairs once named on order alone keep under 0.05 (set on
# ECB+ topics 12, 18 and 21 and tryout 14; tests/findings/test_rewrites.py holds reports
# written apart for it).
REWRITE_DISTINCT = 0.15
# The fact's own words in a pair of matched paragraphs: the shared words other reports use
# where they tell the same thing, and never fewer than this many of them (a folder of two has
# no other report to show which words are the fact's).
FACT_WORDS = 4
QUOTE_MARKS = frozenset(PAIRS)
# Two reports of one story share some parts in order; following half of one over five
# paragraphs or more is more than that.
PARTIAL_FOLLOWS = 0.5
PARTIAL_PARAGRAPHS = 5
PHRASE = 4  # words in a run for `phrasing`
RUN = 8  # words in a verbatim run for `verbatim`
SENTENCE_WORDS = 6  # a shared sentence this long is no stock phrase
# Wire copy: this many whole sentences word for word, or this share of one side's words in
# verbatim runs. Two independent reports share a quoted sentence or two, rarely three, and
# hardly a fifth of their words in runs of eight (set on ECB+ topics 8, 12 and 24; measured on
# BBC articles by benchmarks/wire_copy.py).
WIRE_SENTENCES = 3
WIRE_SHARE = 0.2
# Sharing half its runs of four words is never "independent".
WIRE_PHRASING = 0.5


@dataclass(frozen=True)
class Side:
    """One source of a pair: how much of it follows the other."""

    source: str
    follows: float
    wording: float
    paragraphs: int  # its body paragraphs on the chain
    total: int  # its body paragraphs
    phrasing: float = 0.0
    verbatim: float = 0.0  # share of its body words in runs of RUN words or more the other has too
    distinct: float = 0.0  # share of its plain words (`_Sources.plain`) the two share beyond the fact's


@dataclass(frozen=True)
class Pair:
    """Two sources compared; `rewrite` and `original` are set for a copy or a rewrite."""

    a: Side
    b: Side
    chain: tuple[tuple[Member, Member], ...]
    verdict: Verdict
    rewrite: str | None = None
    original: str | None = None
    basis: str | None = None  # why that side is taken for the rewrite; None when no count tells them apart
    shared: int = 0  # sentences both have word for word

    @property
    def wire(self) -> bool:
        """They share wire copy: whole sentences or long runs word for word."""
        return (self.shared >= WIRE_SENTENCES or max(self.a.verbatim, self.b.verbatim) >= WIRE_SHARE
                or max(self.a.phrasing, self.b.phrasing) >= WIRE_PHRASING)

    @property
    def copied(self) -> str:
        """What they share word for word, as a reader's sentence: "a and b share 12 sentences
        word for word (40% of b's text)"."""
        top = max((self.a, self.b), key=lambda side: side.verbatim)
        what = f"{self.shared} sentence{'s' * (self.shared != 1)} word for word" if self.shared else "long runs word for word"
        return f"{self.a.source} and {self.b.source} share {what} ({top.verbatim:.0%} of {top.source}'s text)"

    @property
    def sources(self) -> tuple[str, str]:
        return (self.a.source, self.b.source)

    def side(self, source: str) -> Side:
        return self.a if self.a.source == source else self.b

    @property
    def reason(self) -> str | None:
        """The basis said as a reason ("it is dated later"), or None when there is none."""
        return REASONS.get(self.basis, self.basis) if self.basis and self.rewrite else None

    @property
    def why(self) -> str | None:
        """The basis as a reader's sentence: "2 is taken as the rewrite because it is dated later"."""
        return f"{self.rewrite} is taken as the {self.verdict} because {self.reason}" if self.reason else None

    @property
    def summary(self) -> str:
        """One line a reader can take in: who follows whom, how."""
        if self.verdict in ("copy", "rewrite") and self.rewrite and self.original:
            r = self.side(self.rewrite)
            if self.basis is None:  # alike on every count: neither is the rewrite more than the other
                what = "copies" if self.verdict == "copy" else "paragraph-by-paragraph rewrites"
                return (f"{self.rewrite} and {self.original} read as {what} of each other, alike on every count: "
                        f"{r.follows:.0%} of {self.rewrite} follows {self.original} in order, "
                        f"{r.wording:.0%} in the same words")
            what = "a copy" if self.verdict == "copy" else "a paragraph-by-paragraph rewrite"
            return (f"{self.rewrite} reads as {what} of {self.original}: {r.follows:.0%} of it follows "
                    f"{self.original} in order, {r.wording:.0%} in the same words")
        if self.verdict == "wire":
            return f"{self.copied}: wire copy, or one rewrites the other"
        if self.verdict == "partial":
            top = max((self.a, self.b), key=lambda s: s.follows)
            other = self.b if top is self.a else self.a
            return f"{top.source} follows {other.source} in part: {top.follows:.0%} of it, in order"
        return f"{self.a.source} and {self.b.source} tell the story independently"


def _stems(text: str) -> set[str]:
    return {t.stem for s in sentences(text) for t in s.tokens if t.content}


def _chain(pairs: Sequence[tuple[int, int]], weight: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The heaviest chain of (i, j) matches increasing in both (a paragraph split in two on one
    side may match twice: equal on one coordinate, increasing on the other)."""
    items = sorted(set(pairs))
    best: list[float] = []
    back: list[int] = []
    for x, (i, j) in enumerate(items):
        best.append(weight[(i, j)])
        back.append(-1)
        for y in range(x):
            pi, pj = items[y]
            if pi <= i and pj <= j and (pi, pj) != (i, j) and best[y] + weight[(i, j)] > best[x]:
                best[x] = best[y] + weight[(i, j)]
                back[x] = y
    if not items:
        return []
    x = max(range(len(items)), key=best.__getitem__)
    out = []
    while x >= 0:
        out.append(items[x])
        x = back[x]
    return out[::-1]


def _unique_share(story: Story, article: Article) -> float:
    """Characters marked unique over all body characters of an article."""
    total = marked = 0
    for p in article.body:
        total += len(p.text)
        marked += sum(b - a for a, b in story.unique(Member(article.id, p.index)))
    return marked / total if total else 0.0


class _Sources:
    """What comparing pairs asks of each source or paragraph, worked out once however many
    pairs it is in."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._body: dict[str, tuple[dict[int, Paragraph], dict[int, int], int]] = {}
        self._stems: dict[tuple[str, int], set[str]] = {}
        self._phrases: dict[tuple[str, int], set[tuple[str, ...]]] = {}
        self._unique: dict[str, float] = {}
        self._members: dict[tuple[str, int], Member] = {}
        self._runs: dict[str, tuple[list[tuple[str, ...]], set[tuple[str, ...]], set[tuple[str, ...]]]] = {}
        self._plain: dict[tuple[str, int], frozenset[str]] = {}
        self._groups: dict[tuple[str, int], list[int]] | None = None
        self._verbatim: dict[tuple[str, str], float] = {}
        self._articles = {x.id: x for x in story.articles}

    def body(self, a: Article) -> tuple[dict[int, Paragraph], dict[int, int], int]:
        """Body paragraphs by index, their sizes in words, and the body's words (at least 1)."""
        if a.id not in self._body:
            body = {p.index: p for p in a.body}
            sizes = {i: word_count(p.text) for i, p in body.items()}
            self._body[a.id] = (body, sizes, max(sum(sizes.values()), 1))
        return self._body[a.id]

    def stems(self, a: Article, paragraph: int) -> set[str]:
        key = (a.id, paragraph)
        if key not in self._stems:
            self._stems[key] = _stems(self.body(a)[0][paragraph].text)
        return self._stems[key]

    def phrases(self, a: Article, paragraph: int) -> set[tuple[str, ...]]:
        """The paragraph's runs of PHRASE words, as written (folded)."""
        key = (a.id, paragraph)
        if key not in self._phrases:
            norms = [t.norm for sent in sentences(self.body(a)[0][paragraph].text) for t in sent.tokens]
            self._phrases[key] = set(zip(*(norms[k:] for k in range(PHRASE))))
        return self._phrases[key]

    def runs(self, a: Article) -> tuple[list[tuple[str, ...]], set[tuple[str, ...]], set[tuple[str, ...]]]:
        """The body's runs of RUN words in order (one per starting word, not across paragraphs),
        the set of them, and its sentences of SENTENCE_WORDS words or more (folded)."""
        if a.id not in self._runs:
            body = self.body(a)[0]
            ordered: list[tuple[str, ...]] = []
            told: set[tuple[str, ...]] = set()
            for paragraph in body.values():
                norms: list[str] = []
                for sent in sentences(paragraph.text):
                    words = [t.norm for t in sent.tokens]
                    norms.extend(words)
                    if len(words) >= SENTENCE_WORDS:
                        told.add(tuple(words))
                ordered.extend(zip(*(norms[k:] for k in range(RUN))))
                ordered.extend([()] * min(len(norms), RUN - 1))  # the last words start no run
            self._runs[a.id] = (ordered, set(ordered) - {()}, told)
        return self._runs[a.id]

    def verbatim(self, own: Article, other: Article) -> float:
        """Share of `own`'s words inside runs of RUN words that `other` has too."""
        ordered, mine, _ = self.runs(own)
        theirs = self.runs(other)[1]
        if mine.isdisjoint(theirs):  # most pairs of a large story: nothing to go through
            return 0.0
        covered = bytearray(len(ordered))
        for i, run in enumerate(ordered):
            if run and run in theirs:
                covered[i:i + RUN] = b"\x01" * len(covered[i:i + RUN])
        return sum(covered) / len(ordered) if ordered else 0.0

    def shared(self, a: Article, b: Article) -> int:
        return len(self.runs(a)[2] & self.runs(b)[2])

    def plain(self, source: str, paragraph: int) -> frozenset[str]:
        """The content stems a writer chose: outside quotations (both quote the same witness),
        and no names or figures (every report of the event has those)."""
        key = (source, paragraph)
        if key not in self._plain:
            text = self.body(self._articles[source])[0][paragraph].text
            quoted = quotations(text) if any(mark in text for mark in QUOTE_MARKS) else ()
            self._plain[key] = frozenset(
                t.stem for sent in sentences(text) for k, t in enumerate(sent.tokens)
                if t.content and not (k and is_name(text, t)) and not is_figure(t)
                and not (quoted and any(a <= t.start < b for a, b in quoted)))
        return self._plain[key]

    def told_elsewhere(self, a: Article, i: int, b: Article, j: int) -> set[str]:
        """Of the plain stems paragraphs `i` of `a` and `j` of `b` share, those other sources use
        where they tell the same thing (the paragraphs' groups): the fact's own words. A source
        that shares wire copy with either is no other telling."""
        shared = self.plain(a.id, i) & self.plain(b.id, j)
        if len(shared) <= FACT_WORDS:  # counted as the fact's words whatever others say
            return set()
        if self._groups is None:
            self._groups = defaultdict(list)
            for g, group in enumerate(self.story.groups):
                for m in group.members:
                    self._groups[(m.source, m.paragraph)].append(g)
        out: set[str] = set()
        seen: set[tuple[str, int]] = set()
        for g in {*self._groups.get((a.id, i), ()), *self._groups.get((b.id, j), ())}:
            for m in self.story.groups[g].members:
                key = (m.source, m.paragraph)
                if m.source in (a.id, b.id) or key in seen:
                    continue
                seen.add(key)
                words = shared & self.plain(*key)
                if words and not words <= out and self.apart(m.source, a, b):
                    out |= words
        return out

    def apart(self, source: str, a: Article, b: Article) -> bool:
        """`source` shares no wire copy with `a` or `b`."""
        other = self._articles[source]
        for x in (a, b):
            key = (source, x.id)
            if key not in self._verbatim:
                self._verbatim[key] = max(self.verbatim(other, x), self.verbatim(x, other))
            if self._verbatim[key] >= WIRE_SHARE:
                return False
        return True

    def member(self, source: str, paragraph: int) -> Member:
        """One Member per paragraph, however many chains it is on (a frozen value)."""
        key = (source, paragraph)
        member = self._members.get(key)
        if member is None:
            member = self._members[key] = Member(source, paragraph)
        return member

    def unique_share(self, a: Article) -> float:
        if a.id not in self._unique:
            self._unique[a.id] = _unique_share(self.story, a)
        return self._unique[a.id]


def compare(
    story: Story, a: Article, b: Article, matches: Sequence[tuple[int, int]], sources: _Sources | None = None,
) -> Pair:
    """`matches`: (paragraph of a, paragraph of b) the aligner grouped together."""
    if sources is None or sources.story is not story:
        sources = _Sources(story)
    body_a, size_a, words_a = sources.body(a)
    body_b, size_b, words_b = sources.body(b)
    weight = {(i, j): float(size_a[i] + size_b[j]) for i, j in matches}
    chain = _chain(matches, weight)
    on_a = sorted({i for i, _ in chain})
    on_b = sorted({j for _, j in chain})

    def wording(own: dict[int, set[str]], other: dict[int, set[str]], links: dict[int, set[int]]) -> float:
        kept = total = 0
        for i, stems in own.items():
            theirs = set().union(*(other[j] for j in links[i]))
            kept += len(stems & theirs)
            total += len(stems)
        return kept / total if total else 0.0

    stems_a = {i: sources.stems(a, i) for i in on_a}
    stems_b = {j: sources.stems(b, j) for j in on_b}
    links_a: dict[int, set[int]] = defaultdict(set)
    links_b: dict[int, set[int]] = defaultdict(set)
    for i, j in chain:
        links_a[i].add(j)
        links_b[j].add(i)
    def phrasing(own: Article, other: Article, links: dict[int, set[int]]) -> float:
        kept = total = 0
        for i, js in links.items():
            mine = sources.phrases(own, i)
            theirs = set().union(*(sources.phrases(other, j) for j in js))
            kept += len(mine & theirs)
            total += len(mine)
        return kept / total if total else 0.0

    facts = {(i, j): sources.told_elsewhere(a, i, b, j) for i, j in chain}

    def distinct(own: Article, other: Article, links: dict[int, set[int]], flip: bool) -> float:
        kept = total = 0
        for i, js in links.items():
            mine = sources.plain(own.id, i)
            common: set[str] = set()
            told: set[str] = set()
            for j in js:
                common |= mine & sources.plain(other.id, j)
                told |= facts[(j, i) if flip else (i, j)]
            kept += max(0, min(len(common - told), len(common) - FACT_WORDS))
            total += len(mine)
        return kept / total if total else 0.0

    # Wire copy, in any order; two sources whose paragraphs the aligner never grouped share none.
    grouped = bool(matches)
    side_a = Side(a.id, sum(size_a[i] for i in on_a) / words_a,
                  wording(stems_a, stems_b, links_a), len(on_a), len(body_a), phrasing(a, b, links_a),
                  sources.verbatim(a, b) if grouped else 0.0, distinct(a, b, links_a, False))
    side_b = Side(b.id, sum(size_b[j] for j in on_b) / words_b,
                  wording(stems_b, stems_a, links_b), len(on_b), len(body_b), phrasing(b, a, links_b),
                  sources.verbatim(b, a) if grouped else 0.0, distinct(b, a, links_b, True))
    shared = sources.shared(a, b) if grouped else 0
    members = tuple((sources.member(a.id, i), sources.member(b.id, j)) for i, j in chain)
    # The likely rewrite: the side that follows more; at a tie the evidence below decides.
    first, second = (side_a, side_b) if side_a.follows >= side_b.follows else (side_b, side_a)
    basis: str | None = "follows more of the other"
    if first.follows - second.follows < 0.1:
        first, second, basis = _which(sources, side_a, side_b, a, b)
    verdict = _verdict(first, second, len(chain))
    if verdict in ("copy", "rewrite"):
        return Pair(side_a, side_b, members, verdict, first.source, second.source, basis, shared)
    pair = Pair(side_a, side_b, members, verdict, shared=shared)
    return replace(pair, verdict="wire") if pair.wire else pair


# Each `basis` (as the JSON gives it) said as a reason.
REASONS = {
    "follows more of the other": "more of it follows the other than the other way round",
    "dated later": "it is dated later",
    "more of its words are in the other": "more of its words are in the other than the other way round",
    "has less text of its own": "it has less text of its own",
    "is shorter": "it is shorter",
}


def _which(sources: _Sources, x: Side, y: Side, ax: Article, ay: Article) -> tuple[Side, Side, str | None]:
    """At a tie: the later date is the rewrite; else the one whose words the other has more of
    (a rewrite drops details, it rarely adds them); else the one with less text only it has in
    the whole story; else the shorter; else (the same length too) `x`, on no basis (None).
    `ax`, `ay`: the articles of `x` and `y`."""
    if ax.date and ay.date and ax.date != ay.date:
        return (x, y, "dated later") if ax.date > ay.date else (y, x, "dated later")
    if abs(x.wording - y.wording) >= 0.05:
        basis = "more of its words are in the other"
        return (x, y, basis) if x.wording > y.wording else (y, x, basis)
    ux, uy = sources.unique_share(ax), sources.unique_share(ay)
    if abs(ux - uy) >= 0.02:
        return (x, y, "has less text of its own") if ux < uy else (y, x, "has less text of its own")
    lx = sum(len(p.text) for p in ax.body)
    ly = sum(len(p.text) for p in ay.body)
    if lx == ly:
        return x, y, None
    return (x, y, "is shorter") if lx < ly else (y, x, "is shorter")


def _verdict(rewrite: Side, original: Side, chain: int) -> Verdict:
    long_enough = chain >= REWRITE_PARAGRAPHS or (
        chain >= max(2, min(rewrite.total, original.total)) and rewrite.phrasing >= REWRITE_PHRASING
    )
    if (
        rewrite.follows >= REWRITE_FOLLOWS
        and original.follows >= REWRITE_ORIGINAL
        and rewrite.wording >= REWRITE_WORDING
        and long_enough
    ):
        if rewrite.wording >= COPY_WORDING and original.wording >= COPY_WORDING:
            return "copy"
        if rewrite.distinct >= REWRITE_DISTINCT:
            return "rewrite"
    top = max(rewrite, original, key=lambda side: side.follows)
    if top.follows >= PARTIAL_FOLLOWS and chain >= PARTIAL_PARAGRAPHS and top.distinct >= REWRITE_DISTINCT:
        return "partial"
    return "independent"


# Up to this many sources every pair is listed; beyond, only pairs that share a group (the
# others are independent by construction, and their number grows with the square).
ALL_PAIRS = 30


def implied(pairs: Sequence[Pair]) -> set[tuple[str, str]]:
    """The copies that follow from two others: where two sources both copy a third, that one
    copies the other says nothing new (three papers reprinting one wire story are three copies
    of it, not six). The pairs' sources, as `Pair.sources` gives them."""
    of: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        if p.verdict == "copy" and p.rewrite and p.original:
            of[p.rewrite].add(p.original)
    return {p.sources for p in pairs if p.verdict == "copy" and p.rewrite and p.original
            and of[p.rewrite] & of.get(p.original, set())}


def named(pairs: Sequence[Pair]) -> list[Pair]:
    """The pairs a report names: all but the independent ones and the `implied` copies."""
    said = implied(pairs)
    return [p for p in pairs if p.verdict != "independent" and p.sources not in said]


def find_rewrites(story: Story) -> tuple[Pair, ...]:
    """Every pair of sources compared, in source order (in a story of more than ALL_PAIRS
    sources, the pairs that share at least one group)."""
    matches: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for group in story.groups:
        for x, m in enumerate(group.members):
            for n in group.members[x + 1:]:
                if m.source != n.source:
                    matches[(m.source, n.source)].append((m.paragraph, n.paragraph))
                    matches[(n.source, m.source)].append((n.paragraph, m.paragraph))
    sources = _Sources(story)
    if len(story.articles) <= ALL_PAIRS:
        pairs = list(combinations(story.articles, 2))
    else:  # the pairs that share a group, in the same order, without going through every pair
        rank = {a.id: n for n, a in enumerate(story.articles)}
        ranked = sorted({(rank[x], rank[y]) for x, y in matches if rank[x] < rank[y]})
        pairs = [(story.articles[x], story.articles[y]) for x, y in ranked]
    return tuple(compare(story, a, b, matches.get((a.id, b.id), []), sources) for a, b in pairs)
