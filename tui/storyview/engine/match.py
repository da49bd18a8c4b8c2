"""Sentence-to-sentence matches between paragraphs: the evidence `unique` marks text by.

Only pairs worth it are scored: paragraphs grouped together, and each paragraph's few closest
others, so a large story costs in proportion to its size. With the story's vectors (the
bundled model, `semantic.py`), a sentence pair told in other words is a match too: its cosine
reaches MEANING_MATCH, where it counts as sure as the word scorer's own cut.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyview.engine.candidates import owners
from storyview.engine.similarity import Idf, features, logistic, worth_scoring
from storyview.model import Progress

if TYPE_CHECKING:
    from storyview.engine.candidates import Pair, Unit
    from storyview.engine.semantic import StoryVectors

# Two sentences whose vectors' cosine reaches this tell the same thing, whatever their words:
# fitted on MSRP train with the word scorer (`python benchmarks/fit_semantic.py`: a pair is a
# paraphrase when either says so; test accuracy stays at the word scorer's 75.7 %).
MEANING_MATCH = 0.89
# A sentence's closest in another source by meaning is compared word by word from this cosine:
# 95 % of MSRP train paraphrase pairs reach it (its 5th percentile is 0.575; `benchmarks/marks.py`).
NEAREST = 0.57
# The score such a match gets when its words say less: where both scorers call a paraphrase.
MEANING_SCORE = 0.5


def meaning_matches(vectors: StoryVectors, i: int, j: int) -> list[tuple[int, int, float]]:
    """The sentence pairs of paragraphs i and j that tell the same thing by meaning:
    (sentence of i, sentence of j, cosine)."""
    block = vectors.sentence_block(i, j)
    if not block.size or block.max() < MEANING_MATCH:
        return []
    return [(k, m, float(block[k, m])) for k, m in zip(*(block >= MEANING_MATCH).nonzero())]


def sentence_matches(a: Unit, b: Unit, idf: Idf, masses: dict[int, list[float]], ia: int, ib: int) -> list[tuple[int, int, float]]:
    """Every sentence pair of two paragraphs that shares a word, with its similarity.

    These feed `unique`; at paragraph level whole-paragraph overlap proved the steadier signal
    on our trials (a paraphrase rarely maps sentence to sentence).
    """
    ma = masses.get(ia) or masses.setdefault(ia, [idf.mass(x.stems) for x in a.bags])
    mb = masses.get(ib) or masses.setdefault(ib, [idf.mass(x.stems) for x in b.bags])
    mass = idf.mass
    matches = []
    for k, ba in enumerate(a.bags):
        stems = ba.stems
        for m, bb in enumerate(b.bags):
            shared = stems & bb.stems
            if not shared:  # most pairs: scored 0 without a call
                continue
            ws = mass(shared)
            if not worth_scoring(ws, ma[k], mb[m]):  # `sentence_similarity`'s cut: most of the rest score 0 too
                continue
            s = logistic(features(ba, bb, idf, ma[k], mb[m], ws))
            if s > 0:
                matches.append((k, m, s))
    return matches


def nearest_by_meaning(vectors: StoryVectors, units: Sequence[Unit], raw: dict[Pair, float]) -> set[Pair]:
    """Paragraph pairs that hold a sentence and its closest sentence by meaning in another
    source, wherever the two paragraphs were grouped: a fact one outlet tells in a paragraph of
    its own and another tells in passing elsewhere is still compared, word by word. The two
    must be at least NEAREST alike.

    A source is searched in the sources its paragraphs are candidates with (`raw`), so a folder
    of many unrelated articles costs in proportion to its links, not to its square.
    """
    import numpy as np

    owner = owners(units)
    first = vectors.first
    paragraph_of = np.repeat(np.arange(len(units)), np.diff(first))
    rows_of: list[list[int]] = [[] for _ in range(max(owner, default=-1) + 1)]
    for i, source in enumerate(owner):
        rows_of[source].extend(range(first[i], first[i + 1]))
    sentences_of = [np.asarray(rows, dtype=np.int64) for rows in rows_of]
    linked: set[tuple[int, int]] = {(min(owner[i], owner[j]), max(owner[i], owner[j])) for i, j in raw}
    found: list[np.ndarray] = []
    for a, b in sorted(linked):
        rows, cols = sentences_of[a], sentences_of[b]
        if a == b or not len(rows) or not len(cols):
            continue
        block = vectors.sentences[rows] @ vectors.sentences[cols].T
        across = block.argmax(axis=1)
        down = block.argmax(axis=0)
        r = np.concatenate((np.arange(len(rows)), down))
        c = np.concatenate((across, np.arange(len(cols))))
        keep = block[r, c] >= NEAREST
        found.append(np.stack([paragraph_of[rows[r[keep]]], paragraph_of[cols[c[keep]]]], axis=1))
    if not found:
        return set()
    pairs = np.sort(np.concatenate(found), axis=1)
    return {(int(i), int(j)) for i, j in np.unique(pairs, axis=0)}


def match_sentences(
    units: Sequence[Unit],
    clusters: list[list[int]],
    raw: dict[Pair, float],
    idf: Idf,
    progress: Progress | None = None,
    partners: int = 4,
    vectors: StoryVectors | None = None,
    told_alike: set[Pair] | frozenset[Pair] = frozenset(),
) -> dict[tuple[int, int], list[tuple[int, int, float]]]:
    """Sentence matches for paragraphs grouped together and each paragraph's closest others.

    Bounded by `partners` per paragraph, so a large corpus costs in proportion to its size.
    With `vectors`, the pairs in `told_alike` (those with two sentences at least MEANING_MATCH
    alike) also match sentence pairs by meaning.
    """
    wanted: set[Pair] = set()
    for members in clusters:
        wanted.update((x, y) for a, x in enumerate(members) for y in members[a + 1:]
                      if units[x].member.source != units[y].member.source)
    closest: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in raw.items():
        closest[i].append((s, j))
        closest[j].append((s, i))
    for i, found in closest.items():
        for _, j in heapq.nlargest(partners, found):
            wanted.add((i, j) if i < j else (j, i))
    if vectors is not None:
        wanted.update(nearest_by_meaning(vectors, units, raw))
    links: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
    masses: dict[int, list[float]] = {}
    for n, (i, j) in enumerate(sorted(wanted)):
        found = {(k, m): s for k, m, s in sentence_matches(units[i], units[j], idf, masses, i, j)}
        if vectors is not None and (i, j) in told_alike:
            for k, m, _ in meaning_matches(vectors, i, j):
                found[(k, m)] = max(found.get((k, m), 0.0), MEANING_SCORE)
        for (k, m), s in sorted(found.items()):
            links[(i, k)].append((j, m, s))
            links[(j, m)].append((i, k, s))
        if progress and n % 500 == 0:
            progress("marking", n, len(wanted))
    return dict(links)
