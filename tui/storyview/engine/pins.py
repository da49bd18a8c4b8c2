"""The reader's pins and breaks, applied to what the aligner found.

A pin says "paragraph b tells what the group of paragraph a tells"; a break says "b is not
part of a's group". They are applied in the order they were made, after the aligner and before
the unique-text finder, so the groups, the unique marks, the reader, the JSON and the reports
all show the same pinned story. A group still holds one paragraph of a source, or a run of
consecutive ones: a pin that brings in a second, non-adjacent paragraph of a source takes the
one already there out, to a group of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from storyview.engine.align import Alignment, keywords, label, story_order
from storyview.engine.candidates import Unit
from storyview.model import Article, Group, Link, Member, Pin


def one_run(ranks: Iterable[int]) -> bool:
    """Whether a source's paragraphs (their places among its body paragraphs) follow one another."""
    ordered = sorted(ranks)
    return not ordered or ordered[-1] - ordered[0] == len(ordered) - 1


def makes_way(article: Article, members: Sequence[Member], b: Member) -> tuple[Member, ...]:
    """The paragraphs of `b`'s source (`article`) that leave a group of `members` when `b` is
    pinned into it: all of them, unless `b` and they make one run. The reader says so first."""
    rank = {p.index: r for r, p in enumerate(article.body)}
    same = [m for m in members if m.source == b.source and m != b]
    if not same or b.paragraph not in rank or one_run(rank.get(m.paragraph, -len(rank)) for m in [*same, b]):
        return ()
    return tuple(same)


def _dice(units: Sequence[Unit], alignment: Alignment, i: int, j: int) -> float:
    """The aligner's score of a pair it never scored (no order bonus): idf-weighted Dice."""
    idf = alignment.idf
    a, b = units[i].stems, units[j].stems
    return round(2 * idf.mass(a & b) / ((idf.mass(a) + idf.mass(b)) or 1), 3)


def apply_pins(alignment: Alignment, pins: Sequence[Pin]) -> Alignment:
    """`alignment` with `pins` followed, in order; pins naming a paragraph it has not are skipped
    (the caller checks them against the files first: `storyview.pinstore`)."""
    if not pins:
        return alignment
    units = alignment.units
    at = {u.member: i for i, u in enumerate(units)}
    clusters: list[list[int]] = [[at[m] for m in g.members if m in at] for g in alignment.groups]
    labels = {frozenset(c): (g.label, g.keywords) for c, g in zip(clusters, alignment.groups)}
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    pinned: set[frozenset[int]] = set()
    broken: set[frozenset[int]] = set()

    def move(i: int, to: int) -> None:
        clusters[cluster_of[i]].remove(i)
        clusters[to].append(i)
        cluster_of[i] = to

    def alone(i: int) -> None:
        clusters.append([])
        move(i, len(clusters) - 1)

    for pin in pins:
        if pin.a not in at or pin.b not in at or pin.a.source == pin.b.source:
            continue
        a, b = at[pin.a], at[pin.b]
        pair = frozenset((a, b))
        if pin.kind == "break":
            pinned.discard(pair)
            broken.add(pair)
            if cluster_of[a] == cluster_of[b]:
                alone(b)
            continue
        broken.discard(pair)
        pinned.add(pair)
        target = cluster_of[a]
        if cluster_of[b] == target:
            continue
        same = sorted(x for x in clusters[target] if units[x].member.source == units[b].member.source)
        if same and not one_run([units[x].rank for x in same] + [units[b].rank]):  # the old ones make way
            clusters.append([])
            for x in same:
                move(x, len(clusters) - 1)
        move(b, target)

    kept = [sorted(c) for c in clusters if c]
    ordered = story_order(units, kept)
    known = {frozenset((link.a, link.b)): link.score for g in alignment.groups for link in g.links}
    rank = {}
    for u in units:
        rank.setdefault(u.member.source, len(rank))
    hand = {x for pair in pinned for x in pair}
    groups = []
    for gid, members in enumerate(ordered, 1):
        links = []
        for n, x in enumerate(members):
            for y in members[n + 1:]:
                mx, my = units[x].member, units[y].member
                if mx.source == my.source:
                    continue
                score = known.get(frozenset((mx, my)))
                by_hand = frozenset((x, y)) in pinned or (score is None and (x in hand or y in hand))
                links.append(Link(mx, my, score if score is not None else _dice(units, alignment, x, y), by_hand))
        known_label = labels.get(frozenset(members))
        if known_label is not None:
            name, words = known_label
        else:  # a group the pins made: named as the aligner names one
            words = keywords(units, members, alignment.idf)
            name = label(units, members, alignment.sentence_links) or words
        ordered_members = tuple(sorted((units[i].member for i in members), key=lambda m: (rank[m.source], m.paragraph)))
        groups.append(Group(gid, name, ordered_members, tuple(links), keywords=words))
    return replace(alignment, groups=tuple(groups), near=_near(alignment, units, ordered, broken))


def _near(alignment: Alignment, units: Sequence[Unit], clusters: list[list[int]],
          broken: set[frozenset[int]]) -> dict[Member, tuple[Link, ...]]:
    """The near misses, less those now in the same group, plus each broken pair (they were close)."""
    group = {units[i].member: c for c, members in enumerate(clusters) for i in members}
    near: dict[Member, list[Link]] = {
        member: [link for link in links if group.get(link.b) != group.get(member)]
        for member, links in alignment.near.items()
    }
    for pair in broken:
        x, y = sorted(pair)
        mx, my = units[x].member, units[y].member
        if group[mx] == group[my]:
            continue
        score = _dice(units, alignment, x, y)
        for a, b in ((mx, my), (my, mx)):
            listed = near.setdefault(a, [])
            same_source = [link for link in listed if link.b.source == b.source]
            if not same_source or same_source[0].score < score:
                listed[:] = [link for link in listed if link.b.source != b.source] + [Link(a, b, score)]
    return {m: tuple(sorted(links, key=lambda link: (-link.score, link.b))) for m, links in near.items() if links}
