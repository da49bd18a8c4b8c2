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

Wire copy, over the whole of both bodies and in any order, outside quotations (two reports
that quote one statement share the speaker's words, not each other's):

- ``shared``: the sentences (of six words or more) the two sources have word for word, but
  those mostly quoted with fewer than twelve words around the quotation;
- ``words``: the words the two have word for word, in those sentences and in runs of eight
  words or more (the fewer of the two sides' counts);
- ``verbatim`` (per side): the share of its body words among them.

The verdict: ``copy`` when one side follows the other almost entirely in nearly the same words,
``rewrite`` when it follows it paragraph by paragraph (most of it, in order, keeping much of its
wording, over at least five paragraphs — or over all of a shorter article when it also keeps
the other's phrasing), ``wire`` when they share whole sentences of their own word for word, a
stretch as long as a long sentence, or more than a phrase in verbatim runs that is a good share
of one side (wire copy, or one rewrites the other: agencies' copy is printed as is, reordered
and cut),
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

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Literal

from storyview.model import Article, Member, Paragraph, Story
from storyview.engine.segment import Sentence, paragraph_words, sentences, word_count
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
# Wire copy is counted outside quotations: two reports that quote one statement share the
# speaker's words, not each other's (counted with them, three shared sentences were once asked
# for, and a sentence of their own two reports printed word for word went unnamed: try22).
# Whole sentences of their own word for word, this many words of them or more (a sentence of
# twelve, or two short ones; the stock lines news repeats, "did not immediately respond to a
# request for comment", "X was pronounced dead at Y Hospital", are shorter).
WIRE_SENTENCE_WORDS = 12
# Or this share of one side's words in verbatim runs. Independent reports hardly share a fifth
# of their words in runs of eight (set on ECB+ topics 8, 12 and 24; measured on BBC articles by
# benchmarks/wire_copy.py).
WIRE_SHARE = 0.2
# Sharing half its runs of four words is never "independent".
WIRE_PHRASING = 0.5
# The share and the phrasing are evidence only over more than one phrase, this many words word
# for word: in two reports of one sentence each, one fact's phrase ("in the 1967 slayings of two
# women at") is a third of the text and no wire copy (try22, 22_ecb).
WIRE_WORDS = 2 * RUN
# Or one stretch of this many words word for word, within a paragraph (a sentence edited at its
# end, or two run together): no fact's phrase is that long (BBC politics_255/256 share 30).
WIRE_STRETCH = 20
# Marks that open or close a quotation (`` and '' as corpora type them), to follow one over
# paragraphs; `findings.quotes.spans` reads each paragraph's own. A curly mark opens one with a
# space after it too, as tokenised corpora type it ("said, “ ‘ Oh, God! ’ ”": ECB+ spaces every
# mark): missed, the closing mark came first and the reporter's words before it were read as a
# quotation begun in an earlier paragraph (try24). A straight mark or '' must touch its word.
OPENS = re.compile(r"``|(?<![^\s(\[—–:-])(?:(?:''|\")(?=\S)|[“„«])")
CLOSES = re.compile(r"(?:''|”|(?<=[^\s\d])\")(?=[\s,.;:!?)\]—–-]|$)")


@dataclass(frozen=True)
class Side:
    """One source of a pair: how much of it follows the other."""

    source: str
    follows: float
    wording: float
    paragraphs: int  # its body paragraphs on the chain
    total: int  # its body paragraphs
    phrasing: float = 0.0
    verbatim: float = 0.0  # share of its body words the two have word for word (`Pair.words`)
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
    shared: int = 0  # sentences both have word for word, outside quotations
    words: int = 0  # words both have word for word outside quotations: in those sentences and in runs of RUN
    told: int = 0  # the words of those sentences
    longest: int = 0  # the longest stretch of words both have word for word outside quotations, in runs of RUN
    # The first paragraph of each side holding one of those sentences: where the reader shows the
    # wire copy (not where the two start following each other: try24).
    wire_at: tuple[Member, Member] | None = None

    @property
    def wire(self) -> bool:
        """They share wire copy: whole sentences of their own, a long stretch or more than a phrase word for word."""
        return _wire(self.told, self.longest, self.words, max(self.a.verbatim, self.b.verbatim)) or (
            self.words >= WIRE_WORDS and max(self.a.phrasing, self.b.phrasing) >= WIRE_PHRASING)

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


@dataclass(frozen=True)
class _Runs:
    """A body's runs of RUN words and sentences, to find what two bodies have word for word."""

    ordered: list[tuple[str, ...]]  # one per word: the run it starts, `()` within RUN - 1 words of its paragraph's end
    inside: list[bool]  # per word: the run it starts has a word inside a quotation
    runs: set[tuple[str, ...]]
    own: set[tuple[str, ...]]  # the runs with no word inside a quotation (at one place at least)
    told: dict[tuple[str, ...], list[int]]  # its sentences of SENTENCE_WORDS words or more: the words where each starts
    # Those mostly outside quotations, or with a long sentence's words outside them: the
    # reporter's words around a quotation are the outlet's (at one place at least).
    own_told: frozenset[tuple[str, ...]]


def _wire(told: int, longest: int, words: int, verbatim: float) -> bool:
    """Whole sentences of their own word for word (`told`: their words), a stretch as long as a
    long sentence (`longest`), or more than a phrase (`words`) that is a good share of one
    side's text."""
    return (told >= WIRE_SENTENCE_WORDS or longest >= WIRE_STRETCH
            or (words >= WIRE_WORDS and verbatim >= WIRE_SHARE))


def _quoted(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The quotations of each paragraph (`findings.quotes.spans`, and `_between` its marks), and
    those carried over paragraphs: the text before a paragraph's first mark when that mark closes
    a quotation, and a paragraph with no mark between one that leaves a quotation open and one
    that closes it (a statement of several paragraphs, or of several sentences in a corpus that
    puts each in a paragraph of its own)."""
    marked = [any(mark in text for mark in QUOTE_MARKS) or "``" in text or "''" in text for text in texts]
    marks: list[list[tuple[int, bool]]] = []  # per paragraph: (offset, opens) in order
    for text, any_mark in zip(texts, marked):
        found = [(m.start(), True) for m in OPENS.finditer(text)] + [(m.start(), False) for m in CLOSES.finditer(text)] \
            if any_mark else []
        marks.append(sorted(found))
    out: list[list[tuple[int, int]]] = []
    for k, text in enumerate(texts):
        if marks[k]:
            out.append([*quotations(text), *_between(marks[k], len(text))])
        elif _open_before(marks, k) and _closed_after(marks, k):
            out.append([(0, len(text))])
        else:
            out.append(quotations(text) if marked[k] else [])
    return out


def _between(marks: Sequence[tuple[int, bool]], end: int) -> list[tuple[int, int]]:
    """Each opening mark to the closing one after it (or the paragraph's `end`), and the
    paragraph's start to its first mark if that closes a quotation begun before it: what
    `findings.quotes.spans` leaves out where corpora type ``…'' loosely ("''I can't…,''")."""
    out: list[tuple[int, int]] = []
    start: int | None = 0 if not marks[0][1] else None
    for at, opens in marks:
        if opens and start is None:
            start = at
        elif not opens and start is not None:
            out.append((start, at))
            start = None
    if start is not None:
        out.append((start, end))
    return out


def _open_before(marks: Sequence[Sequence[tuple[int, bool]]], k: int) -> bool:
    """The last paragraph with a mark before paragraph `k` leaves a quotation open."""
    return next((m[-1][1] for m in reversed(marks[:k]) if m), False)


def _closed_after(marks: Sequence[Sequence[tuple[int, bool]]], k: int) -> bool:
    """The first paragraph with a mark after paragraph `k` closes a quotation first."""
    return next((not m[0][1] for m in marks[k + 1:] if m), False)


def _among(text: str, told: frozenset[tuple[str, ...]]) -> Iterator[Sentence]:
    """The sentences of `text` whose words (folded, as `_Sources.runs` has them) are among `told`."""
    return (sent for sent, words in zip(sentences(text), paragraph_words(text).told) if words in told)


def _stems(text: str) -> set[str]:
    shared = paragraph_words(text)
    return {stem for stem, content in zip(shared.stems, shared.content) if content}


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
        self._runs: dict[str, _Runs] = {}
        self._plain: dict[tuple[str, int], frozenset[str]] = {}
        self._groups: dict[tuple[str, int], list[int]] | None = None
        self._close: dict[tuple[str, str], float] = {}
        self._quoted: dict[str, dict[int, list[tuple[int, int]]]] = {}
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
            norms = paragraph_words(self.body(a)[0][paragraph].text).norms
            self._phrases[key] = set(zip(*(norms[k:] for k in range(PHRASE))))
        return self._phrases[key]

    def quoted(self, a: Article) -> dict[int, list[tuple[int, int]]]:
        """Each body paragraph's quotations (`_quoted`), by index."""
        if a.id not in self._quoted:
            body = self.body(a)[0]
            self._quoted[a.id] = dict(zip(body, _quoted([p.text for p in body.values()])))
        return self._quoted[a.id]

    def runs(self, a: Article) -> _Runs:
        """The body's runs of RUN words and its sentences of SENTENCE_WORDS words or more (folded),
        each told apart as inside a quotation or not (`_Runs`)."""
        if a.id not in self._runs:
            body = self.body(a)[0]
            quoted = self.quoted(a)
            ordered: list[tuple[str, ...]] = []
            inside: list[bool] = []
            told: dict[tuple[str, ...], list[int]] = defaultdict(list)
            own_told: set[tuple[str, ...]] = set()
            for index, paragraph in body.items():
                spans = quoted[index]
                mask = bytearray(len(paragraph.text))  # 1 where a quotation is
                for x, y in spans:
                    mask[x:y] = b"\x01" * len(mask[x:y])
                shared = paragraph_words(paragraph.text)
                norms = shared.norms
                flags = [bool(mask[x]) for x in shared.starts] if spans else []
                at = 0  # where the sentence starts among the paragraph's words
                for words in shared.told:
                    if len(words) >= SENTENCE_WORDS:
                        told[words].append(len(ordered) + at)
                        within = sum(flags[at:at + len(words)])
                        if 2 * within < len(words) or len(words) - within >= WIRE_SENTENCE_WORDS:
                            own_told.add(words)
                    at += len(words)
                ordered.extend(zip(*(norms[k:] for k in range(RUN))))
                ordered.extend([()] * min(len(norms), RUN - 1))  # the last words start no run
                if spans:  # a run has a quoted word when the next quoted word is within RUN words
                    after = len(norms) + RUN
                    nearest = []
                    for k in range(len(norms) - 1, -1, -1):
                        after = k if flags[k] else after
                        nearest.append(after < k + RUN)
                    inside.extend(reversed(nearest))
                else:
                    inside.extend([False] * len(norms))
            runs = set(ordered) - {()}
            own = {run for run, q in zip(ordered, inside) if run and not q} if any(inside) else runs
            self._runs[a.id] = _Runs(ordered, inside, runs, own, dict(told), frozenset(own_told))
        return self._runs[a.id]

    def overlap(self, own: Article, other: Article, quotes: bool = False) -> tuple[int, int]:
        """How many of `own`'s words `other` has word for word, in runs of RUN words and in
        sentences of SENTENCE_WORDS words or more, but where both quote them (`quotes`: there too);
        and the longest stretch of them in runs, one run after the next in a paragraph."""
        mine, theirs = self.runs(own), self.runs(other)
        if mine.runs.isdisjoint(theirs.runs) and mine.told.keys().isdisjoint(theirs.told):  # most pairs
            return 0, 0
        covered = bytearray(len(mine.ordered))
        longest = stretch = 0
        for i, run in enumerate(mine.ordered):
            if run and run in theirs.runs and (quotes or not mine.inside[i] or run in theirs.own):
                covered[i:i + RUN] = b"\x01" * RUN
                stretch += 1
                longest = max(longest, stretch + RUN - 1)
            else:
                stretch = 0
        for sentence in mine.told.keys() & theirs.told.keys():
            if quotes or sentence in mine.own_told or sentence in theirs.own_told:
                for i in mine.told[sentence]:
                    covered[i:i + len(sentence)] = b"\x01" * len(sentence)
        return sum(covered), longest

    def shared(self, a: Article, b: Article) -> frozenset[tuple[str, ...]]:
        """Sentences both have word for word, but those both quote."""
        x, y = self.runs(a), self.runs(b)
        return frozenset(s for s in x.told.keys() & y.told.keys() if s in x.own_told or s in y.own_told)

    def stems_in(self, a: Article, paragraph: int, told: frozenset[tuple[str, ...]]) -> set[str]:
        """The stems of the paragraph's sentences that are among `told` (folded, as `runs` has them)."""
        if not told:
            return set()
        return {t.stem for sent in _among(self.body(a)[0][paragraph].text, told) for t in sent.tokens}

    def first_told(self, a: Article, told: frozenset[tuple[str, ...]]) -> int | None:
        """The first body paragraph of `a` with a sentence among `told`."""
        return next((i for i, p in self.body(a)[0].items() if any(_among(p.text, told))), None)

    def plain(self, source: str, paragraph: int) -> frozenset[str]:
        """The content stems a writer chose: outside quotations (both quote the same witness),
        and no names or figures (every report of the event has those)."""
        key = (source, paragraph)
        if key not in self._plain:
            text = self.body(self._articles[source])[0][paragraph].text
            quoted = quotations(text) if any(mark in text for mark in QUOTE_MARKS) else ()
            inside = bytearray(len(text) + 1)  # 1 where a quotation is
            for a, b in quoted:
                inside[a:b] = b"\x01" * len(inside[a:b])
            shared = paragraph_words(text)
            sentence, capital = shared.sentence, shared.capital
            # a name's word, but the first of its sentence: a capital there says nothing
            self._plain[key] = frozenset(
                stem for x, (stem, content, figure, start) in enumerate(zip(shared.stems, shared.content, shared.figure,
                                                                            shared.starts))
                if content and not (capital[x] and x and sentence[x - 1] == sentence[x]) and not figure
                and not inside[start])
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
        """`source` has little of `a` or `b` word for word, quotations and all: not WIRE_SHARE
        of either's text (a source that prints the same statements at length may well tell the
        rest from the same copy: its words are no sign of which words are the fact's)."""
        other = self._articles[source]
        for x in (a, b):
            key = (source, x.id)
            if key not in self._close:
                self._close[key] = max(self.overlap(other, x, quotes=True)[0] / max(len(self.runs(other).ordered), 1),
                                       self.overlap(x, other, quotes=True)[0] / max(len(self.runs(x).ordered), 1))
            if self._close[key] >= WIRE_SHARE:
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
    # Wire copy, in any order; two sources whose paragraphs the aligner never grouped share none.
    grouped = bool(matches)
    # Sentences both print word for word are wire copy, counted as such: the wording a rewrite
    # keeps is counted beyond them (one agency sentence in two reports written apart is no rewrite).
    same = sources.shared(a, b) if grouped else frozenset()

    def distinct(own: Article, other: Article, links: dict[int, set[int]], flip: bool) -> float:
        kept = total = 0
        for i, js in links.items():
            mine = sources.plain(own.id, i)
            common: set[str] = set()
            told = sources.stems_in(own, i, same)
            for j in js:
                common |= mine & sources.plain(other.id, j)
                told |= facts[(j, i) if flip else (i, j)]
            kept += max(0, min(len(common - told), len(common) - FACT_WORDS))
            total += len(mine)
        return kept / total if total else 0.0

    (copied_a, long_a), (copied_b, long_b) = (sources.overlap(a, b), sources.overlap(b, a)) if grouped else ((0, 0), (0, 0))
    side_a = Side(a.id, sum(size_a[i] for i in on_a) / words_a,
                  wording(stems_a, stems_b, links_a), len(on_a), len(body_a), phrasing(a, b, links_a),
                  copied_a / max(len(sources.runs(a).ordered), 1), distinct(a, b, links_a, False))
    side_b = Side(b.id, sum(size_b[j] for j in on_b) / words_b,
                  wording(stems_b, stems_a, links_b), len(on_b), len(body_b), phrasing(b, a, links_b),
                  copied_b / max(len(sources.runs(b).ordered), 1), distinct(b, a, links_b, True))
    at_a, at_b = (sources.first_told(a, same), sources.first_told(b, same)) if same else (None, None)
    wire = {"shared": len(same), "words": min(copied_a, copied_b), "told": sum(map(len, same)),
            "longest": min(long_a, long_b),
            "wire_at": (sources.member(a.id, at_a), sources.member(b.id, at_b))
            if at_a is not None and at_b is not None else None}
    members = tuple((sources.member(a.id, i), sources.member(b.id, j)) for i, j in chain)
    # The likely rewrite: the side that follows more; at a tie the evidence below decides.
    first, second = (side_a, side_b) if side_a.follows >= side_b.follows else (side_b, side_a)
    basis: str | None = "follows more of the other"
    if first.follows - second.follows < 0.1:
        first, second, basis = _which(sources, side_a, side_b, a, b)
    verdict = _verdict(first, second, len(chain))
    if verdict in ("copy", "rewrite"):
        return Pair(side_a, side_b, members, verdict, first.source, second.source, basis, **wire)
    pair = Pair(side_a, side_b, members, verdict, **wire)
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
