"""Which paragraph pairs are worth scoring: those that share words rare in the story.

An inverted index (or, for a large story, one sparse product) over rare stems proposes each
paragraph's best few partners in other sources, so the work grows with the story, not its square.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyview.engine.segment import Sentence, sentences
from storyview.engine.similarity import Bag, Idf
from storyview.model import Article, Member, Progress


@dataclass(frozen=True)
class Unit:
    """A body paragraph prepared for matching."""

    member: Member
    text: str
    sentences: tuple[Sentence, ...]
    bags: tuple[Bag, ...]
    stems: frozenset[str]
    rank: int
    position: float


Pair = tuple[int, int]


def prepare(articles: Sequence[Article], progress: Progress | None = None) -> list[Unit]:
    units = []
    for n, article in enumerate(articles):
        if progress and n % 50 == 0:
            progress("aligning", 0, 1)
        body = article.body
        for rank, para in enumerate(body):
            sents = sentences(para.text)
            bags = tuple(Bag.of(s.tokens) for s in sents)
            stems = frozenset().union(*(b.stems for b in bags)) if bags else frozenset()
            units.append(
                Unit(Member(article.id, para.index), para.text, sents, bags, stems, rank,
                     rank / max(len(body) - 1, 1))
            )
    return units


def candidates(
    units: Sequence[Unit], idf: Idf, max_share: float = 0.3, max_holders: int = 50, per_unit: int = 40
) -> list[Pair]:
    """Pairs of different sources worth scoring, sorted: each paragraph's `per_unit` best by shared rare words.

    A word held by more than `max_share` of the paragraphs (or `max_holders` of them) says
    little and would pair everything with everything, so it proposes no pairs; it still counts
    when a proposed pair is scored. Keeping the best few per paragraph bounds the work to the
    story's size.
    """
    limit = max(8, min(int(max_share * len(units)), max_holders))
    held: Counter[str] = Counter(stem for u in units for stem in u.stems)
    rare = {stem for stem, n in held.items() if 2 <= n <= limit}
    source = {u.member.source: n for n, u in enumerate(units)}
    owner = [source[u.member.source] for u in units]
    # Copies share only common words when a story repeats itself; pair them regardless.
    copies: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        if unit.stems:
            copies[unit.stems].append(i)
    repeated = [(i, j) for same in copies.values() for x, i in enumerate(same) for j in same[x + 1:] if owner[j] != owner[i]]
    return _best_partners(units, rare, idf, owner, per_unit, repeated)


def _best_partners(
    units: Sequence[Unit], rare: set[str], idf: Idf, owner: list[int], per_unit: int, extra: list[Pair]
) -> list[Pair]:
    """For each paragraph, the `per_unit` paragraphs of other sources it shares most rare-word
    mass with, and the `extra` pairs: sorted, each pair once.

    Small stories count in plain Python; large ones use one sparse product (scipy), imported
    only then, since it costs a reader ~120 ms to start, and sort the pairs as numbers (i * n +
    j), a tenth of the time of sorting tuples. Ties go to the earlier paragraph.
    """
    if len(units) <= 2_000:
        index: dict[str, list[int]] = defaultdict(list)
        for i, unit in enumerate(units):
            for stem in unit.stems & rare:
                index[stem].append(i)
        mass: dict[Pair, float] = defaultdict(float)
        for stem, holders in sorted(index.items()):  # one order of summing, whatever the hash seed
            weight = idf[stem]
            for x, i in enumerate(holders):
                for j in holders[x + 1:]:
                    if owner[i] != owner[j]:
                        mass[(i, j)] += weight
        ranked: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for (i, j), m in mass.items():
            ranked[i].append((-m, j))
            ranked[j].append((-m, i))
        best = {(min(i, j), max(i, j)) for i, found in ranked.items() for _, j in heapq.nsmallest(per_unit, found)}
        return sorted(best.union(extra))
    import numpy as np
    from scipy import sparse

    column = {stem: c for c, stem in enumerate(sorted(rare))}
    rows, cols, weights = [], [], []
    for i, unit in enumerate(units):
        for stem in unit.stems & rare:
            rows.append(i)
            cols.append(column[stem])
            weights.append(idf[stem])
    shape = (len(units), len(column))
    weighted = sparse.csr_matrix((weights, (rows, cols)), shape=shape)
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    shared = (weighted @ present.T).tocsr()
    shared.sort_indices()  # partners in column order, kept by the stable sort below: ties go to the earlier
    row = np.repeat(np.arange(shape[0]), np.diff(shared.indptr))
    col, m = shared.indices, shared.data
    owners = np.array(owner)
    keep = owners[row] != owners[col]
    row, col, m = row[keep], col[keep], m[keep]
    order = np.lexsort((-m, row))
    row, col = row[order], col[order]
    best = (np.arange(len(row)) - np.searchsorted(row, row, side="left")) < per_unit
    n = len(units)
    low, high = np.minimum(row[best], col[best]), np.maximum(row[best], col[best])
    keys = np.unique(np.concatenate([low.astype(np.int64) * n + high, np.array([i * n + j for i, j in extra], dtype=np.int64)]))
    return list(zip((keys // n).tolist(), (keys % n).tolist()))


def owners(units: Sequence[Unit]) -> list[int]:
    """Each unit's source as a number, in order of first appearance."""
    number: dict[str, int] = {}
    return [number.setdefault(u.member.source, len(number)) for u in units]
