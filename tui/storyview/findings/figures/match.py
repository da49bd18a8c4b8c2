"""Which figures of different sources state the same thing, grouped strongest pair first."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from storyview.engine.segment import sentences
from storyview.engine.similarity import Idf
from storyview.findings.figures.agreement import _status
from storyview.findings.figures.mentions import Figure, Kind, Mention, mentions
from storyview.findings.figures.scoring import (
    _Context,
    _covered,
    _Facts,
    _near,
    _scores,
    _scores_vectorised,
    _usable,
)
from storyview.model import Story


def find_figures(
    story: Story, threshold: float = 0.3, group_bonus: float = 0.15, sentence_bonus: float = 0.15
) -> tuple[Figure, ...]:
    """Figures two or more sources state for the same thing; disagreements first."""
    group_of = {(m.source, m.paragraph): g.id for g in story.groups for m in g.members}
    related = _related(story)
    contexts, idf = _contexts(story)
    found_ = [c.mention for c in contexts]
    facts = _Facts(found_)
    per_paragraph: dict[tuple[str, int, bool], int] = defaultdict(int)
    for m in found_:
        per_paragraph[(m.source, m.paragraph, m.kind == "date")] += 1
    alone = [per_paragraph[(m.source, m.paragraph, m.kind == "date")] == 1 for m in found_]
    group = [group_of.get((m.source, m.paragraph)) for m in found_]
    # Candidate pairs share a context word; words in many mentions' contexts propose none.
    limit = max(12, min(len(contexts) // 4, 60))
    if len(contexts) >= VECTORISE:
        scores = _scores_vectorised(contexts, idf, facts, group, alone, group_bonus, limit, related)
    else:
        scores = _scores(_pairs(contexts, facts, limit, related), contexts, idf, facts, group, alone, group_bonus)
    clusters = _cluster(contexts, scores, threshold, facts)
    # Second pass: figures in sentences whose other figures were found to be the same thing
    # likely belong together too (the date of the same fire, the cost of the same plan).
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members if len(members) > 1}
    shared: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for i, c in enumerate(contexts):
        if i in cluster_of:
            shared[c.sentence].add(cluster_of[i])
    # The other things a mention's sentence states (as clusters), for every mention.
    others = [shared[c.sentence] - {cluster_of.get(i)} if c.sentence in shared else set() for i, c in enumerate(contexts)]
    boosted = False
    for (i, j), s in scores.items():
        if s <= 0 or not others[i] or not others[j]:
            continue
        if cluster_of.get(i) is not None and cluster_of.get(i) == cluster_of.get(j):
            continue
        if others[i] & others[j]:
            scores[(i, j)] = s + sentence_bonus
            boosted = True
    if boosted:
        clusters = _cluster(contexts, scores, threshold, facts)
    rank = {a.id: n for n, a in enumerate(story.articles)}
    figures = []
    for members in clusters:
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda i: (rank[found_[i].source], found_[i].paragraph, found_[i].start))
        mentions_ = tuple(found_[i] for i in ranked)
        figures.append((_status(ranked, facts.status), _about([contexts[i] for i in ranked], idf), mentions_))
    order = {"conflict": 0, "imprecise": 1, "agree": 2}
    figures.sort(key=lambda f: (order[f[0]], rank[f[2][0].source], f[2][0].paragraph, f[2][0].start))
    return tuple(Figure(n, about, _kind(ms), status, ms) for n, (status, about, ms) in enumerate(figures, 1))


def _contexts(story: Story) -> tuple[list[_Context], Idf]:
    """Every figure of the story's headlines and body paragraphs in its context, and the idf
    of the words those paragraphs hold."""
    documents = []
    near: list[tuple[Mention, dict[str, float], dict[str, str], tuple[str, int, int]]] = []
    for article in story.articles:
        for p in article.paragraphs:
            if p.kind not in ("body", "headline"):
                continue
            told = sentences(p.text)  # tokenised (and cached) already
            documents.append({t.stem for s in told for t in s.tokens if t.content})
            found = mentions(article.id, p.index, p.text)
            if not found:
                continue
            spans = [(x.start, x.end) for x in found]
            covered = _covered(spans)
            for sentence in told:
                sentence_start, sentence_end = sentence.start, sentence.end
                here = [m for m in found if sentence_start <= m.start < sentence_end]
                if not here:
                    continue
                tokens = sentence.tokens
                usable = _usable(tokens, spans, covered)
                edges = ([t.start for t in tokens], [t.end for t in tokens])
                dates = [x for x in here if x.kind == "date"]
                others = [x for x in here if x.kind != "date"]
                before = {True: 0, False: 0}  # mentions of each sort met so far in the sentence
                for m in here:
                    dated = m.kind == "date"
                    like = dates if dated else others
                    at = before[dated]
                    before[dated] += 1
                    lo = (like[at - 1].end + m.start) // 2 if at else 0
                    hi = (m.end + like[at + 1].start) // 2 if at + 1 < len(like) else len(p.text)
                    weights, surface = _near(m, tokens, p.text, usable, bounds=(lo, hi), edges=edges)
                    near.append((m, weights, surface, (article.id, p.index, sentence_start)))
    idf = Idf(documents)
    rarity, unseen = idf.weights, idf.unseen  # idf[s], without the method call
    return [
        _Context(m, w, surface, at, sum(rarity.get(s, unseen) * x for s, x in w.items())) for m, w, surface, at in near
    ], idf


# From this many mentions, numpy lists and scores the pairs (the same pairs and sums: see
# _scores_vectorised); below, plain Python is quicker than importing scipy.


# From this many mentions, numpy lists and scores the pairs (the same pairs and sums: see
# _scores_vectorised); below, plain Python is quicker than importing scipy.
VECTORISE = 3_000


def _related(story: Story) -> set[tuple[str, str]]:
    """Pairs of sources (both ways) that tell the same story: they share two groups, or half the shorter one's.

    Figures of sources that share none are about different stories ("profit: $3.36bn" of one
    company and "$17m" of another); they are never compared. One shared group is not enough
    in a folder of many stories, where a generic paragraph ("fuel prices rose") links two
    unrelated reports; it is for a brief of one or two paragraphs.
    """
    shared: Counter[tuple[str, str]] = Counter()
    for group in story.groups:
        sources = sorted({m.source for m in group.members})
        shared.update((a, b) for a in sources for b in sources if a != b)
    body = {a.id: len(a.body) for a in story.articles}
    return {(a, b) for (a, b), n in shared.items() if n >= 2 or 2 * n >= min(body[a], body[b])}


def _pairs(
    contexts: Sequence[_Context], facts: _Facts, limit: int, related: set[tuple[str, str]] | None = None,
) -> list[tuple[int, int]]:
    """Mentions of different (and `related`, when given) sources, of kinds that compare, sharing
    a context word that at most `limit` mentions have: (i, j), i < j."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(contexts):
        for stem in c.weights:
            index[stem].append(i)
    partners: list[set[int]] = [set() for _ in contexts]
    for holders in index.values():
        if len(holders) <= limit:
            for x, i in enumerate(holders):
                partners[i].update(holders[x + 1:])
    kind, compatible = facts.kind, facts.compatible
    source = [m.source for m in facts.mentions]
    pairs: list[tuple[int, int]] = []
    for i, later in enumerate(partners):
        ok, own = compatible[kind[i]], source[i]
        pairs.extend([(i, j) for j in later if ok[kind[j]] and source[j] != own
                      and (related is None or (own, source[j]) in related)])
    return pairs


def _kind(items: Sequence[Mention]) -> Kind:
    kinds = {m.kind for m in items}
    return "money" if "money" in kinds else items[0].kind


def _cluster(
    contexts: Sequence[_Context], scores: dict[tuple[int, int], float], threshold: float, facts: _Facts | None = None
) -> list[list[int]]:
    """Average-linkage merging, strongest pairs first, at most one mention per source.

    Calling two figures a conflict is a claim: a merge that makes one needs its pair's words to
    match clearly (`threshold` + 0.1), and every two figures it puts in conflict to match.
    """
    if facts is None:
        facts = _Facts([c.mention for c in contexts])
    kind, compatible, value, status = facts.kind, facts.compatible, facts.value, facts.statuses
    source = [c.mention.source for c in contexts]
    group_of = list(range(len(contexts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(contexts))}
    # Each group's sources and kinds (as `_Facts` numbers them), kept up to date as groups merge.
    sources: dict[int, set[str]] = {}
    kinds: dict[int, set[int]] = {}
    # Pairs below the threshold merge nothing: the first of them ends the loop, as it would.
    strong = sorted(((key, s) for key, s in scores.items() if s >= threshold), key=lambda kv: (-kv[1], kv[0]))
    for (i, j), s in strong:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if len(a) == 1 and len(b) == 1 and source[i] != source[j] and compatible[kind[i]][kind[j]]:
            # Two lone mentions: the pair's own score is the whole average, and the only conflict.
            if s < threshold + 0.1 and facts.status(i, j) == "conflict":
                continue
            group_of[j] = gi
            a.append(j)
            del members[gj]
            for known in (sources, kinds):  # worked out again from the members when next asked
                known.pop(gi, None)
                known.pop(gj, None)
            continue
        for g in (gi, gj):
            if g not in sources:
                sources[g] = {source[y] for y in members[g]}
                kinds[g] = {kind[y] for y in members[g]}
        if not sources[gi].isdisjoint(sources[gj]):
            continue
        if not all(compatible[x][y] for x in kinds[gi] for y in kinds[gj]):
            continue
        # A conflict it would make blocks the merge unless this pair, and that one, match clearly
        # (the first such conflict settles it: no need to go through the rest).
        clear = s >= threshold + 0.1
        if any(
            (status.get((value[x], value[y])) or facts.status(x, y)) == "conflict"
            and (not clear or scores.get((x, y) if x < y else (y, x), 0.0) < threshold)
            for x in a for y in b
        ):
            continue
        cross = [scores.get((x, y) if x < y else (y, x), 0.0) for x in a for y in b]
        if sum(cross) / len(cross) < threshold / 3:
            continue
        for y in b:
            group_of[y] = gi
        a.extend(b)
        del members[gj]
        sources[gi] |= sources.pop(gj)
        kinds[gi] |= kinds.pop(gj)
    return [sorted(m) if len(m) > 1 else m for m in members.values()]


def _about(items: Sequence[_Context], idf: Idf, size: int = 3) -> str:
    """What the figures count: the rarest words most of their contexts share."""
    counts: dict[str, int] = defaultdict(int)
    weight: dict[str, float] = defaultdict(float)
    surface: dict[str, str] = {}
    for c in items:
        for stem, w in c.weights.items():
            counts[stem] += 1
            weight[stem] += w
            surface.setdefault(stem, c.surface[stem])
    shared = [s for s, n in counts.items() if n > 1]
    ranked = sorted(shared, key=lambda s: (-round(weight[s] * idf[s], 6), s))
    return " · ".join(surface[s] for s in ranked[:size])
