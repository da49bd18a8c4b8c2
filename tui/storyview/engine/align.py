"""Group the body paragraphs of all sources by the part of the story they tell.

1. Candidates (`candidates.py`): only paragraph pairs that share a rare word are scored, so
   the work grows with the story, not with its square.
2. Score: idf-weighted Dice of the two paragraphs' content stems (rare words count most).
3. Order: two sources that tell the story in the same order (a rewrite) get a bonus on the
   pairs that lie on their best monotone alignment, as sentence aligners do.
4. Groups: average-linkage merging with one paragraph (or one run of paragraphs) per source, so
   a group holds what is alike, not what is alike to something alike.
5. Sentence matches for `unique` (`match.py`).

With `Settings.semantic`, the bundled word-vector model (`semantic.py`) also proposes each
paragraph's nearest paragraphs by meaning in every other source, and moves every pair's score
by how alike the two mean (`similarity.paragraph_score`); where the model cannot be loaded, the
aligner goes on with words alone.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyview.engine import semantic
from storyview.engine.candidates import Pair, Unit, candidates, owners, prepare
from storyview.engine.match import MEANING_MATCH, match_sentences
from storyview.engine.semantic import StoryVectors
from storyview.engine.segment import TIME_STEMS
from storyview.engine.similarity import Idf, meaning_floor, paragraph_score
from storyview.model import Article, Group, Link, Member, Progress, Settings


@dataclass(frozen=True)
class Alignment:
    """What the aligner found: groups, and the sentence matches `unique` builds on."""

    units: tuple[Unit, ...]
    groups: tuple[Group, ...]
    idf: Idf
    # (unit i, sentence k) -> [(unit j, sentence l, score)] for every scored sentence pair
    sentence_links: dict[tuple[int, int], list[tuple[int, int, float]]]
    near: dict[Member, tuple[Link, ...]] = field(default_factory=dict)
    # The paragraphs and sentences by meaning, and the model's name; None when not used.
    vectors: StoryVectors | None = None
    model: str | None = None


def monotone_path(pairs: dict[Pair, float], floor: float) -> set[Pair]:
    """The best order-keeping alignment between two sources: the chain of pairs above `floor`,
    increasing in both paragraphs, with the most score above it.

    A heaviest increasing chain, found in O(n log n) with a Fenwick tree of prefix maxima over
    the second paragraph (two long sources have thousands of candidate pairs: the plain O(n²)
    search took 40 s on two of 800 paragraphs). Ties go to the earliest pair, in sorted order.
    """
    items = sorted(p for p, s in pairs.items() if s > floor)
    if not items:
        return set()
    rank = {j: r for r, j in enumerate(sorted({j for _, j in items}), 1)}
    none = (-1.0, 0)
    tree = [none] * (len(rank) + 1)  # (best chain ending here, -its index), the max over a range
    best: list[float] = [0.0] * len(items)
    back: list[int] = [-1] * len(items)
    x = 0
    while x < len(items):
        first = items[x][0]
        end = x
        while end < len(items) and items[end][0] == first:
            end += 1
        for y in range(x, end):  # a pair's chain comes from earlier paragraphs of both sources
            k, found = rank[items[y][1]] - 1, none
            while k > 0:
                found = max(found, tree[k])
                k -= k & -k
            gain = pairs[items[y]] - floor
            best[y], back[y] = (found[0] + gain, -found[1]) if found is not none else (gain, -1)
        for y in range(x, end):
            k = rank[items[y][1]]
            while k < len(tree):
                tree[k] = max(tree[k], (best[y], -y))
                k += k & -k
        x = end
    x = max(range(len(items)), key=best.__getitem__)
    path = set()
    while x >= 0:
        path.add(items[x])
        x = back[x]
    return path


def order_bonus(units: Sequence[Unit], scores: dict[Pair, float], settings: Settings) -> dict[Pair, float]:
    """Raise pairs on a monotone path between two sources, in proportion to how rewrite-like the pair of sources is."""
    by_sources: dict[tuple[str, str], dict[Pair, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        by_sources[(units[i].member.source, units[j].member.source)][(i, j)] = s
    counts = Counter(u.member.source for u in units)
    out = dict(scores)
    floor = settings.threshold / 2
    for (sa, sb), pairs in by_sources.items():
        path = monotone_path(pairs, floor)
        strength = sum(1 for p in path if pairs[p] >= settings.threshold) / max(min(counts[sa], counts[sb]), 1)
        for p in path:
            out[p] = min(1.0, out[p] + settings.order_weight * strength)
    return out


def cluster(units: Sequence[Unit], scores: dict[Pair, float], threshold: float) -> list[list[int]]:
    """Average-linkage merging, strongest links first.

    A group may hold several paragraphs of one source only when they follow each other in it
    (one source splitting what another says in one paragraph); averages count only pairs of
    different sources. Two groups of the same sources stay apart: each already pairs every
    source's paragraph with a counterpart, so nothing is split (two copies of one article line
    up paragraph by paragraph, not two by two).
    """
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    def score(i: int, j: int) -> float:
        return scores.get((i, j) if i < j else (j, i), 0.0)

    def contiguous(merged: list[int]) -> bool:
        ranks: dict[str, list[int]] = defaultdict(list)
        for x in merged:
            ranks[units[x].member.source].append(units[x].rank)
        return all(max(r) - min(r) == len(r) - 1 for r in ranks.values())

    def sources(merged: list[int]) -> set[str]:
        return {units[x].member.source for x in merged}

    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold:
            break
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if not contiguous(a + b) or (len(a) > 1 and len(b) > 1 and sources(a) == sources(b)):
            continue
        cross = [score(x, y) for x in a for y in b if units[x].member.source != units[y].member.source]
        if not cross or sum(cross) / len(cross) < threshold:
            continue
        for y in b:
            group_of[y] = gi
        a.extend(b)
        del members[gj]
    return [sorted(m) for m in members.values()]


def story_order(units: Sequence[Unit], clusters: list[list[int]]) -> list[list[int]]:
    """Order groups so that every source reads top to bottom wherever the sources agree.

    A topological sort of "comes after" edges from each source's paragraph order; where two
    sources disagree (a cycle), the group the fewest sources still want after another goes
    first, then the group earliest on average in its sources: one source that tells a thing
    early does not reorder what several others tell in one order.
    """
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    after: list[Counter[int]] = [Counter() for _ in clusters]
    waiting = [0] * len(clusters)
    for prev, unit in zip(range(len(units) - 1), units[1:]):
        a, b = cluster_of[prev], cluster_of[prev + 1]
        if units[prev].member.source == unit.member.source and a != b:
            after[a][b] += 1
            waiting[b] += 1
    key = [(sum(units[i].position for i in m) / len(m), min(m), c) for c, m in enumerate(clusters)]
    ready = [key[c] for c in range(len(clusters)) if waiting[c] == 0]
    heapq.heapify(ready)
    placed = [False] * len(clusters)
    order: list[int] = []
    while len(order) < len(clusters):
        while ready and placed[ready[0][2]]:
            heapq.heappop(ready)
        if ready:
            c = heapq.heappop(ready)[2]
        else:
            c = min((c for c in range(len(clusters)) if not placed[c]), key=lambda c: (waiting[c], key[c]))
        placed[c] = True
        order.append(c)
        for d, n in after[c].items():
            waiting[d] -= n
            if waiting[d] == 0 and not placed[d]:
                heapq.heappush(ready, key[d])
    return [clusters[c] for c in order]


LABEL_UP_TO = 50
"""The most characters of a group's label: what a row's rule has room for at 80 columns."""


OPENING_MARKS = " \t\n'\"`“‘«„"
"""Quotation marks a label does not open with: alone, an opening mark reads as noise."""


def opening_words(text: str, limit: int = LABEL_UP_TO) -> str:
    """The opening words of `text` in at most `limit` characters, cut after a word with "…"."""
    words = text.lstrip(OPENING_MARKS).split()
    whole = " ".join(words)
    if len(whole) <= limit:
        return whole
    out = ""
    for word in words:
        longer = f"{out} {word}" if out else word
        if len(longer) > limit - 1:
            break
        out = longer
    if not out:  # one word longer than the limit
        out = words[0][: limit - 1]
    return out.rstrip(",;:-–—(\"'“‘") + "…"


def label(
    units: Sequence[Unit],
    members: list[int],
    sentence_links: dict[tuple[int, int], list[tuple[int, int, float]]],
    floor: float = Settings().sentence_threshold,
) -> str:
    """The opening words of the sentence most sources of the group share (cut on a word).

    A sentence counts the other sources of the group with a sentence matching it at `floor` or
    more; ties go to the higher summed score, then the earlier source and sentence. A group of
    one is named by its paragraph's first sentence. A sentence of fewer than two content words
    ("No.", "It's tough.") names nothing, however many sources say it, so it is a last resort.
    """
    inside = set(members)
    best: tuple[bool, int, float, int, int] | None = None
    text = ""
    for order, x in enumerate(members):
        unit = units[x]
        for k, sent in enumerate(unit.sentences):
            sources: dict[str, float] = {}
            for j, _, score in sentence_links.get((x, k), ()):
                other = units[j].member.source
                if j in inside and other != unit.member.source and score >= floor:
                    sources[other] = max(score, sources.get(other, 0.0))
            telling = sum(1 for t in sent.tokens if t.content) >= 2
            key = (telling, len(sources), sum(sources.values()), -order, -k)
            if best is None or key > best:
                candidate = unit.text[sent.start : sent.end]
                if candidate.split():
                    best, text = key, candidate
    return opening_words(text) if text else ""


def keywords(units: Sequence[Unit], members: list[int], idf: Idf, size: int = 3) -> str:
    """A few key words: the rarest words the members share, or the paragraph's own rarest.

    Names (capitalised inside a sentence) and longer words win ties; then first appearance.
    Only words that can still make the top `size` are looked up in the text: a word's bonus
    for being a name or long is under 1, so one rarer by more than that always ranks first.
    """
    counts: Counter[str] = Counter()
    for i in members:
        counts.update(units[i].stems)
    # A word of three letters or more, not a bare number (a stem keeps a short word whole).
    usable = [s for s in counts if len(s) > 2 and not s.isdigit()]
    shared = [s for s in usable if counts[s] > 1] if len(members) > 1 else []
    pool = shared if len(shared) >= 2 else usable
    if not pool:  # no word to key on (emoji, symbols, short words): the paragraph's opening
        opening = " ".join(units[members[0]].text.split()[:size])
        return opening if len(opening) <= 30 else opening[:29] + "…"
    base = {s: idf[s] * counts[s] for s in pool}
    if len(pool) > size:
        bar = heapq.nlargest(size, base.values())[-1] - 1.0
        base = {s: b for s, b in base.items() if b >= bar}
    surface: dict[str, str] = {}
    weight: dict[str, float] = {}
    first: dict[str, int] = {}
    for i in members:
        unit = units[i]
        text = unit.text
        for sent, bag in zip(unit.sentences, unit.bags):
            if base.keys().isdisjoint(bag.stems):  # a bag's stems are its content words'
                continue
            for x, t in enumerate(sent.tokens):
                stem = t.stem
                if stem not in base or not t.content:
                    continue
                score = (0.5 if x > 0 and text[t.start].isupper() else 0.0) + min(len(t.norm), 10) / 20
                if stem not in surface:
                    surface[stem] = text[t.start:t.end]
                    first[stem] = len(first)
                    weight[stem] = score
                elif score > weight[stem]:
                    weight[stem] = score
    ranked = heapq.nsmallest(size, base, key=lambda s: (-(base[s] + weight[s]), first[s]))
    return " · ".join(surface[s] for s in ranked)


def near_misses(units: Sequence[Unit], clusters: list[list[int]], scores: dict[Pair, float]) -> dict[Member, tuple[Link, ...]]:
    """For each paragraph, the closest paragraph of each other source that is *not* in its group.

    Grouping is tight on purpose, so a paraphrase in other words can end up alone; these let a
    reader (and the JSON) see where else the same thing may be told. Only pairs that scored
    above the floor (half the threshold) count; best first.
    """
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    best: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
    for (i, j), s in scores.items():
        if cluster_of[i] == cluster_of[j]:
            continue
        for x, y in ((i, j), (j, i)):
            source = units[y].member.source
            known = best[x].get(source)
            if known is None or s > known[0] or (s == known[0] and y < known[1]):  # ties: the earlier
                best[x][source] = (s, y)
    return {
        units[i].member: tuple(Link(units[i].member, units[j].member, round(s, 3))
                               for s, j in sorted(per_source.values(), key=lambda p: (-p[0], p[1])))
        for i, per_source in best.items()
    }


def align(articles: Sequence[Article], settings: Settings, progress: Progress | None = None) -> Alignment:
    """Group every body paragraph; return the groups and the sentence matches behind them."""
    units = prepare(articles, progress)
    idf = Idf(u.stems for u in units)
    # One source has nothing to compare by meaning: the model is not run for it.
    several = len({u.member.source for u in units}) > 1
    vectors = embed(units) if settings.semantic and several else None
    # Nor has it a pair of paragraphs to score (pairs are of two sources): nothing to gather.
    evidence = gather(units, idf, vectors, settings.threshold / 2, progress) if several else Evidence([], [])
    raw = evidence.scores(settings.threshold / 2)
    scores = order_bonus(units, raw, settings)
    clusters = story_order(units, cluster(units, scores, settings.threshold))
    told_alike = {p for p, value in evidence.alike.items() if value >= MEANING_MATCH}
    with semantic.one_thread():  # its products by meaning, one per pair of sources, are small
        sentence_links = match_sentences(units, clusters, raw, idf, progress, vectors=vectors, told_alike=told_alike)
    rank = {a.id: r for r, a in enumerate(articles)}
    groups = []
    for gid, members in enumerate(clusters, 1):
        links = tuple(
            Link(units[x].member, units[y].member, round(scores.get((x, y), 0.0), 3))
            for a, x in enumerate(members) for y in members[a + 1:]
            if units[x].member.source != units[y].member.source
        )
        ordered = tuple(sorted((units[i].member for i in members), key=lambda m: (rank[m.source], m.paragraph)))
        words = keywords(units, members, idf)
        named = label(units, members, sentence_links, settings.sentence_threshold) or words
        groups.append(Group(gid, named, ordered, links, keywords=words))
    return Alignment(tuple(units), tuple(groups), idf, sentence_links, near_misses(units, clusters, scores),
                     vectors, _model(settings, vectors, several))


def _model(settings: Settings, vectors: StoryVectors | None, several: bool) -> str | None:
    """The model the story was aligned with: the one that embedded it, or for a single source,
    the one that would have (so a folder's stories all name the same model)."""
    if vectors is not None or (settings.semantic and not several and semantic.load() is not None):
        return semantic.NAME
    return None


@dataclass(frozen=True)
class Evidence:
    """The candidate pairs of a story and what is known of each: their shared rare words
    (idf-weighted Dice) and, with meaning, their best sentences' cosine above the story's
    baseline."""

    pairs: list[Pair]
    dice: list[float]
    meaning: list[float] | None = None
    # Pairs whose best sentences reach the cosine meaning acts at: {pair: that cosine}.
    alike: dict[Pair, float] = field(default_factory=dict)

    def scores(self, floor: float) -> dict[Pair, float]:
        """Each pair's link score above `floor` (`similarity.paragraph_score` with meaning)."""
        if self.meaning is None:
            return {p: s for p, s in zip(self.pairs, self.dice) if s > floor}
        out = {}
        for p, d, m in zip(self.pairs, self.dice, self.meaning):
            s = paragraph_score(d, m)
            if s > floor:
                out[p] = s
        return out


def gather(units: Sequence[Unit], idf: Idf, vectors: StoryVectors | None, floor: float,
           progress: Progress | None = None) -> Evidence:
    """The candidate pairs (by rare words, and by meaning with `vectors`) and their evidence."""
    pairs = candidates(units, idf)
    mass = [idf.mass(u.stems) for u in units]
    meaning: list[float] | None = None
    alike: dict[Pair, float] = {}
    if vectors is not None:
        pairs, meaning, alike = by_meaning(vectors, units, pairs, floor)
    stems = [u.stems for u in units]
    weight = idf.mass
    dice = []
    for n, (i, j) in enumerate(pairs):
        shared = stems[i] & stems[j]
        dice.append(0.0 if shared <= TIME_STEMS else 2 * weight(shared) / ((mass[i] + mass[j]) or 1))
        if progress and n % 5_000 == 0:
            progress("aligning", n, len(pairs))
    return Evidence(pairs, dice, meaning, alike)


def embed(units: Sequence[Unit]) -> StoryVectors | None:
    """Every paragraph and sentence by meaning; None when the model cannot be loaded."""
    model = semantic.load()
    if model is None:
        return None
    with semantic.one_thread():
        return StoryVectors.of(model, [[u.text[s.start:s.end] for s in u.sentences] for u in units])


def by_meaning(vectors: StoryVectors, units: Sequence[Unit], pairs: list[Pair], floor: float
               ) -> tuple[list[Pair], list[float], dict[Pair, float]]:
    """The candidate pairs with each paragraph's closest by meaning in every other source added;
    each pair's meaning (its best sentences' cosine above the story's baseline); and every pair
    whose best sentences reach the lower of the cosines meaning can act at."""
    with semantic.one_thread():
        owner = owners(units)
        base = vectors.baseline(owner)
        # Pairs whose best sentences are below this get nothing from meaning (see paragraph_score)
        # and have no sentences matched by meaning (match.MEANING_MATCH).
        alike = vectors.alike(owner, min(base + meaning_floor(floor), MEANING_MATCH))
    pairs = sorted(set(pairs).union(semantic.nearest(alike, owner)))
    return pairs, [alike.get(p, -1.0) - base for p in pairs], alike

