"""Sentence-to-sentence matches between paragraphs: the evidence `unique` marks text by.

Only pairs worth it are scored: paragraphs grouped together, and each paragraph's few closest
others, so a large story costs in proportion to its size.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyview.engine.similarity import Idf, sentence_similarity
from storyview.model import Progress

if TYPE_CHECKING:
    from storyview.engine.candidates import Pair, Unit


def sentence_matches(a: Unit, b: Unit, idf: Idf, masses: dict[int, list[float]], ia: int, ib: int) -> list[tuple[int, int, float]]:
    """Every sentence pair of two paragraphs that shares a word, with its similarity.

    These feed `unique`; at paragraph level whole-paragraph overlap proved the steadier signal
    on our trials (a paraphrase rarely maps sentence to sentence).
    """
    ma = masses.get(ia) or masses.setdefault(ia, [idf.mass(x.stems) for x in a.bags])
    mb = masses.get(ib) or masses.setdefault(ib, [idf.mass(x.stems) for x in b.bags])
    matches = []
    for k, ba in enumerate(a.bags):
        stems = ba.stems
        for m, bb in enumerate(b.bags):
            if stems.isdisjoint(bb.stems):  # most pairs: scored 0 without a call
                continue
            s = sentence_similarity(ba, bb, idf, ma[k], mb[m])
            if s > 0:
                matches.append((k, m, s))
    return matches



def match_sentences(
    units: Sequence[Unit],
    clusters: list[list[int]],
    raw: dict[Pair, float],
    idf: Idf,
    progress: Progress | None = None,
    partners: int = 4,
) -> dict[tuple[int, int], list[tuple[int, int, float]]]:
    """Sentence matches for paragraphs grouped together and each paragraph's closest others.

    Bounded by `partners` per paragraph, so a large corpus costs in proportion to its size.
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
    links: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
    masses: dict[int, list[float]] = {}
    for n, (i, j) in enumerate(sorted(wanted)):
        for k, m, s in sentence_matches(units[i], units[j], idf, masses, i, j):
            links[(i, k)].append((j, m, s))
            links[(j, m)].append((i, k, s))
        if progress and n % 500 == 0:
            progress("marking", n, len(wanted))
    return dict(links)
