"""Which articles of a folder tell the same story: per-article fingerprints, then a tight linkage.

Names, places, dates and numbers tell two similar events apart far better than all the words do
(two earthquakes in one week share "quake", "killed", "magnitude", not "Sumatra" and "7.6"). So an
article's fingerprint is the TF-IDF weight of its capitalised words and numbers, with ordinary
content words at a small weight, and two articles are alike by the cosine of those weights.
Complete linkage keeps a story tight: every two articles of a story must be alike, so a chain of
near neighbours cannot melt two stories into one.

The steps are separate so that a batch run can spread them over many processes and still get
the same stories as one process:

* `fingerprint` reads one article alone;
* `term_counts` counts, per term, the articles that carry it: a Counter, summed over partitions;
* `candidate_pairs` blocks on shared rare terms (an inverted index), so only articles that
  share something are ever compared;
* `link` scores those pairs and merges clusters, deterministically.

`split_stories` is the four composed, as the one-process path runs them.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyview.model import Article

# Common words that are capitalised only because they open a sentence or a title; a name is
# anything else written with a capital (the rule below also drops words seen lower-case).
_FUNCTION_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told tell according however meanwhile since amid
    including among across per via may might must shall one two us yet still even though
    although despite whether mr mrs ms dr""".split()
)
_WORD_RE = re.compile(r"[$£€¥]?\d[\d,.]*\d%?|[$£€¥]?\d%?|[^\W\d_][\w'’\-]*(?:\.[^\W\d_]+)*", re.UNICODE)
_SENTENCE_ENDS = frozenset(".!?…:;\"“”•|–—")

# Bits kept of a term's hash: ids fit a signed 64-bit integer (NumPy, Parquet, JSON all take it).
_ID_BITS = 63


@dataclass(frozen=True)
class StorySettings:
    """The knobs of story clustering, fitted on ECB+ topics 1–15 (benchmarks/stories.py).

    `threshold`: the least cosine every two articles of a story must reach (complete linkage).
    `name_weight`, `number_weight`, `word_weight`: how much a capitalised word, a number and an
    ordinary content word count in a fingerprint. `max_df`: a term carried by more articles than
    this does not make two articles candidates (it still counts in their score). `labelled`: how
    many telling words a fingerprint keeps for labels.
    """

    threshold: float = 0.08
    name_weight: float = 1.0
    number_weight: float = 1.0
    word_weight: float = 0.1
    max_df: int = 200
    labelled: int = 8


@dataclass(frozen=True)
class Fingerprint:
    """What story clustering knows of one article, computed from that article alone.

    `terms` are sorted term ids (stable hashes, the same in every process); `weights` the
    article's weight of each before IDF. `words` pairs the ids of its most frequent names and
    numbers with how the article writes them, for labels.
    """

    source: str
    terms: tuple[int, ...]
    weights: tuple[float, ...]
    words: tuple[tuple[int, str], ...] = ()
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    size: int = 0


@dataclass(frozen=True)
class StoryCluster:
    """One story: indexes into the fingerprints (ascending) and a label of its telling words."""

    id: int
    label: str
    members: tuple[int, ...]


def term_id(term: str) -> int:
    """A stable id for a term: the same in every process, whatever PYTHONHASHSEED says."""
    digest = hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> (64 - _ID_BITS)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    return folded.strip("'-")


def _number(word: str) -> str:
    """'$2,000.' and '2000' are one number; a trailing full stop is the sentence's."""
    return word.lstrip("$£€¥").rstrip("%.").replace(",", "")


def _is_number(word: str) -> bool:
    return word[0].isdigit() or (word[0] in "$£€¥" and len(word) > 1)


def _article_text(article: Article) -> tuple[list[str], list[str]]:
    """(headline lines, body paragraphs): bylines and page debris say nothing about the story."""
    heads = [p.text for p in article.paragraphs if p.kind == "headline"]
    if article.title and article.title not in heads:
        heads.append(article.title)
    return heads, [p.text for p in article.paragraphs if p.kind == "body"]


def _tokens(text: str) -> Iterable[tuple[str, bool]]:
    """Each word of `text` and whether it opens a sentence (where a capital says nothing)."""
    end = 0
    for m in _WORD_RE.finditer(text):
        yield m.group(), end == 0 or any(c in _SENTENCE_ENDS for c in text[end:m.start()])
        end = m.end()


def fingerprint(article: Article, settings: StorySettings | None = None) -> Fingerprint:
    """The weighted names, numbers and content words of one article.

    A capitalised word counts as a name unless it opens a sentence or a headline and the article
    also writes it in lower case, or it is a function word. Sentence-opening and headline words
    that pass that test are names too ("Mamdani" first in a sentence). Weights are
    (1 + log tf) × the kind's weight.
    """
    settings = settings or StorySettings()
    heads, body = _article_text(article)
    lower_seen: set[str] = set()
    spotted: list[tuple[str, str, bool]] = []  # (as written, folded, opens a sentence or headline)
    for text, in_head in [(h, True) for h in heads] + [(b, False) for b in body]:
        for word, opening in _tokens(text):
            folded = _fold(word)
            if not folded:
                continue
            if not _is_number(word) and word[0].islower():
                lower_seen.add(folded)
            spotted.append((word, folded, opening or in_head))
    kinds: dict[str, str] = {}
    tf: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    size = 0
    for word, folded, opening in spotted:
        size += 1
        if _is_number(word):
            number = _number(word)
            if not number or not number[0].isdigit():
                continue
            key = "#" + number
            kind = "number"
            shown[key][number] += 1
        elif folded in _FUNCTION_WORDS or len(folded) < 2:
            continue
        elif word[0].isupper() and not (opening and folded in lower_seen):
            key = "^" + folded
            kind = "name"
            shown[key][word.rstrip("'’-").removesuffix("'s").removesuffix("’s")] += 1
        else:
            key = folded
            kind = "word"
        tf[key] += 1
        kinds[key] = kind
    weight = {"name": settings.name_weight, "number": settings.number_weight, "word": settings.word_weight}
    by_id: dict[int, float] = {}
    for key, count in tf.items():
        w = (1 + math.log(count)) * weight[kinds[key]]
        if w > 0:
            by_id[term_id(key)] = w
    ids = tuple(sorted(by_id))
    telling = sorted((k for k in shown), key=lambda k: (-tf[k], k))[: settings.labelled]
    words = tuple((term_id(k), shown[k].most_common(1)[0][0]) for k in telling)
    return Fingerprint(
        source=article.id,
        terms=ids,
        weights=tuple(by_id[i] for i in ids),
        words=words,
        title=article.title or (heads[0] if heads else None),
        date=article.date,
        outlet=article.outlet,
        size=size,
    )


def term_counts(fps: Iterable[Fingerprint]) -> Counter[int]:
    """How many fingerprints carry each term: the document frequencies IDF needs.

    Counters of disjoint partitions add up (`sum(parts, Counter())`) to the count of the whole.
    """
    counts: Counter[int] = Counter()
    for fp in fps:
        counts.update(fp.terms)
    return counts


class Idf:
    """Smoothed inverse document frequency over `n` fingerprints (never below 1)."""

    def __init__(self, counts: Mapping[int, int], n: int) -> None:
        self.counts = counts
        self.n = n

    def __call__(self, term: int) -> float:
        return math.log((self.n + 1) / (self.counts.get(term, 0) + 1)) + 1


def _matrix(fps: Sequence[Fingerprint], idf: Idf) -> sparse.csr_matrix:
    """One unit-length TF-IDF row per fingerprint, columns in term-id order.

    A row depends only on its own fingerprint and the counts, so a pair scores the same in any
    set of fingerprints (what lets a batch run score its pairs apart and agree with this one).
    """
    vocab = sorted({t for fp in fps for t in fp.terms})
    column = {t: k for k, t in enumerate(vocab)}
    weight = {t: idf(t) for t in vocab}
    indptr, indices, data = [0], [], []
    for fp in fps:
        values = np.array([w * weight[t] for t, w in zip(fp.terms, fp.weights)], dtype=np.float64)
        norm = math.sqrt(math.fsum((values * values).tolist()))
        indices.extend(column[t] for t in fp.terms)
        data.extend((values / norm).tolist() if norm else [0.0] * len(values))
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
        shape=(len(fps), len(vocab)),
    )


def candidate_pairs(
    fps: Sequence[Fingerprint],
    settings: StorySettings | None = None,
    counts: Mapping[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (i < j) of fingerprints that share a term carried by 2..`max_df` articles, sorted.

    Blocking on the rarer terms (a sparse product over their columns only, in effect an inverted
    index): the work grows with the articles times `max_df`, not with their square. `counts`:
    the corpus' term counts, when the caller has summed them over partitions.
    """
    settings = settings or StorySettings()
    counts = term_counts(fps) if counts is None else counts
    rows, cols = [], []
    for i, fp in enumerate(fps):
        for t in fp.terms:
            if 2 <= counts.get(t, 0) <= settings.max_df:
                rows.append(i)
                cols.append(t)
    if not rows:
        return []
    column = {t: k for k, t in enumerate(sorted(set(cols)))}
    incidence = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (np.array(rows), np.array([column[t] for t in cols]))),
        shape=(len(fps), len(column)),
    )
    shared = sparse.triu(incidence @ incidence.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row))
    return list(zip(shared.row[order].tolist(), shared.col[order].tolist()))


def scored_pairs(
    fps: Sequence[Fingerprint],
    pairs: Sequence[tuple[int, int]],
    counts: Mapping[int, int] | None = None,
    n: int | None = None,
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for each pair: how alike two articles' fingerprints are, 0..1.

    `n` is how many articles the counts were taken over (default: these fingerprints).
    """
    counts = term_counts(fps) if counts is None else counts
    matrix = _matrix(fps, Idf(counts, len(fps) if n is None else n))
    out: list[tuple[float, int, int]] = []
    for start in range(0, len(pairs), 100_000):
        chunk = np.array(pairs[start:start + 100_000], dtype=np.int64).reshape(-1, 2)
        scores = np.asarray(matrix[chunk[:, 0]].multiply(matrix[chunk[:, 1]]).sum(axis=1)).ravel()
        out.extend(zip(scores.tolist(), chunk[:, 0].tolist(), chunk[:, 1].tolist()))
    return out


def link(
    fps: Sequence[Fingerprint],
    pairs: Sequence[tuple[int, int]],
    settings: StorySettings | None = None,
    counts: Mapping[int, int] | None = None,
    n: int | None = None,
) -> list[StoryCluster]:
    """Complete linkage over the candidate pairs: stories whose every two members are alike.

    Agglomerative: the two clusters whose least-alike members are the most alike merge first,
    while that least likeness reaches `threshold`; a pair never scored counts as unlike. Ties
    break on the smallest members, so the result depends only on the fingerprints. Stories come
    largest first, then by their first member; ids count from 1 in that order.
    """
    settings = settings or StorySettings()
    counts = term_counts(fps) if counts is None else counts
    n = len(fps) if n is None else n
    threshold = settings.threshold
    # Between clusters (by their smallest member): how many member pairs reach the threshold,
    # and the least of those scores. Complete linkage may merge only when every pair does.
    edges: dict[int, dict[int, tuple[int, float]]] = defaultdict(dict)
    for score, i, j in scored_pairs(fps, pairs, counts, n):
        if score >= threshold and i != j:
            a, b = min(i, j), max(i, j)
            edges[a][b] = (1, score)
            edges[b][a] = (1, score)
    members: dict[int, list[int]] = {i: [i] for i in range(len(fps))}
    heap = [(-s, a, b) for a, nbrs in edges.items() for b, (_, s) in nbrs.items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        known = edges[a].get(b)
        if known is None or known[1] != -neg or known[0] != len(members[a]) * len(members[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        members[keep] = sorted(members[keep] + members.pop(gone))
        merged: dict[int, tuple[int, float]] = {}
        for other in set(edges[keep]) | set(edges[gone]):
            if other in (keep, gone):
                continue
            ca, sa = edges[keep].get(other, (0, math.inf))
            cb, sb = edges[gone].get(other, (0, math.inf))
            merged[other] = (ca + cb, min(sa, sb))
        for other in edges.pop(gone, {}):
            edges[other].pop(gone, None)
        edges[keep] = merged
        size = len(members[keep])
        for other, (count, least) in merged.items():
            edges[other][keep] = (count, least)
            if count == size * len(members[other]):
                heapq.heappush(heap, (-least, min(keep, other), max(keep, other)))
    groups = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    idf = Idf(counts, n)
    return [StoryCluster(k, label_of([fps[i] for i in m], idf), tuple(m)) for k, m in enumerate(groups, 1)]


def label_of(fps: Sequence[Fingerprint], idf: Idf, most: int = 4) -> str:
    """A story's most telling words: the names and numbers most of its articles carry, rarer first.

    A single article is labelled by its headline where it has one.
    """
    if len(fps) == 1 and fps[0].title:
        return " ".join(fps[0].title.split())
    carried: Counter[int] = Counter()
    written: dict[int, Counter[str]] = defaultdict(Counter)
    for fp in fps:
        for rank, (t, word) in enumerate(fp.words):
            carried[t] += 1
            written[t][word] += len(fp.words) - rank
    ranked = sorted(carried, key=lambda t: (-carried[t] * idf(t), t))
    words = [written[t].most_common(1)[0][0] for t in ranked[:most]]
    if words:
        return ", ".join(words)
    return next((fp.title for fp in fps if fp.title), fps[0].source if fps else "")


def split_stories(articles: Sequence[Article], settings: StorySettings | None = None) -> list[StoryCluster]:
    """The articles' stories, as every step above makes them in one process."""
    settings = settings or StorySettings()
    fps = [fingerprint(a, settings) for a in articles]
    counts = term_counts(fps)
    return link(fps, candidate_pairs(fps, settings, counts), settings, counts)
