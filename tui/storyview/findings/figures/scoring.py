"""How alike the words around two figures are: the evidence that they state the same thing."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from storyview.engine.segment import Token
from storyview.engine.similarity import Idf
from storyview.findings.figures.agreement import (
    _agreement,
    _compatible_kinds,
    _date_fields,
    _hedge,
    agreement,
    midnight,
)
from storyview.findings.figures.mentions import (
    HEDGES,
    ROUNDING,
    WEEKDAYS,
    Mention,
    Status,
    _bounds,
)
from storyview.findings.figures.referent import Referent


@dataclass(frozen=True)
class _Context:
    """The words around a mention, each with a weight (closer words weigh more)."""

    mention: Mention
    weights: dict[str, float]
    surface: dict[str, str]
    sentence: tuple[str, int, int] = ("", 0, 0)  # (source, paragraph, sentence start)
    mass: float = 0.0  # the idf-weighted mass of `weights`, once the story's idf is known
    about: Callable[[], Referent] = Referent  # works out `referent`
    told: frozenset[str] = frozenset()  # the content stems of its sentence, numbers left out
    # the counted nouns a source of the story tells both as a running total and as a count with no
    # word of one (`match._told_apart`), worked out when first asked
    apart: Callable[[], frozenset[str]] = frozenset

    @cached_property
    def referent(self) -> Referent:
        """What the figure counts, worked out when first asked: only a figure that meets another
        needs it (on the BBC's stories, fewer than half do)."""
        return self.about()


def _near(
    m: Mention, tokens: Sequence[Token], text: str, usable: Sequence[bool], window: int = 12,
    bounds: tuple[int, int] | None = None, edges: tuple[list[int], list[int]] | None = None,
) -> tuple[dict[str, float], dict[str, str]]:
    """Content words of the mention's sentence within `window` words of it, not other figures,
    each with a weight (closer words weigh more), and as written.

    `bounds` (character offsets) keeps a figure to its share of a sentence that states several
    of its kind: "destroyed 40 homes and forced 2,000 residents out" gives "homes" to 40 and
    "residents" to 2,000. `usable` (`_usable`) and `edges` (where the words start, where they
    end) are the same for every figure of a sentence.
    """
    starts, ends = edges if edges else ([t.start for t in tokens], [t.end for t in tokens])
    # The words the mention overlaps (words are in order and do not overlap).
    first, after = bisect_right(ends, m.start), bisect_left(starts, m.end)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    if first >= after:
        return weights, surface
    last = after - 1
    lo, hi = bounds if bounds else (0, len(text))
    for i in range(max(0, first - window), min(len(tokens), last + window + 1)):
        if not usable[i] or first <= i <= last:
            continue
        t = tokens[i]
        if not lo <= t.start < hi:
            continue
        distance = first - i if i < first else i - last
        # The verb and the noun next to a figure say most about what it counts.
        w = 1.5 if distance <= 2 else 1.0 if distance <= 4 else 0.6 if distance <= 7 else 0.35
        if w > weights.get(t.stem, 0.0):
            weights[t.stem] = w
            surface.setdefault(t.stem, text[t.start:t.end])
    return weights, surface


def _usable(tokens: Sequence[Token], spans: Sequence[tuple[int, int]], covered: bytearray | None = None) -> list[bool]:
    """Which words may describe a figure: content words of three letters or more, not numbers,
    not starting inside a figure. `covered`: `_covered(spans)`, if known."""
    if covered is None:
        covered = _covered(spans)
    end = len(covered)
    return [
        t.content and not t.number and len(t.norm) >= 3 and not (t.start < end and covered[t.start])
        for t in tokens
    ]


def _covered(spans: Sequence[tuple[int, int]]) -> bytearray:
    """1 at every character inside one of `spans`."""
    covered = bytearray(max((b for _, b in spans), default=0))
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    return covered


def _value_bonus(a: Mention, b: Mention, status: Status | None = None) -> float:
    """Two sources stating one distinctive value near the same words likely mean one thing;
    a vague figure that would fit another's exact one, a little less so."""
    if status is None:
        status = agreement(a, b)
    if status == "agree":
        distinctive = a.kind == "date" and bool(a.date and len(a.date) >= 7) or (a.kind != "date" and (a.high or 0) >= 10)
        return 0.15 if distinctive else 0.05
    return 0.05 if status == "imprecise" else 0.0


class _Facts:
    """What comparing two mentions asks of each, worked out once per mention.

    `kind` numbers the mentions alike for `_compatible_kinds`, `value` those alike for
    `agreement` (and `_value_bonus`): a large story asks about the same two many times.
    """

    def __init__(self, mentions_: Sequence[Mention]) -> None:
        self.mentions = mentions_
        self.fields = [_date_fields(m) for m in mentions_]
        self.hedges = [_hedge(m) for m in mentions_]
        kinds: dict[tuple[object, ...], int] = {}
        values: dict[tuple[object, ...], int] = {}
        self.kind = [kinds.setdefault((m.kind, m.unit, m.exact, frozenset(f)), len(kinds)) for m, f in zip(mentions_, self.fields)]
        self.value = [
            values.setdefault((m.kind, m.exact, m.low, m.high, m.stated, m.date, tuple(sorted(f.items())), h, m.edge, m.ranged),
                              len(values))
            for m, f, h in zip(mentions_, self.fields, self.hedges)
        ]
        first = {k: i for i, k in reversed(list(enumerate(self.kind)))}
        self.compatible = [[_compatible_kinds(mentions_[first[x]], mentions_[first[y]]) for y in range(len(kinds))] for x in range(len(kinds))]
        self.statuses: dict[tuple[int, int], Status] = {}  # by the two `value` numbers

    def status(self, i: int, j: int) -> Status:
        """`agreement` of mentions i and j."""
        key = (self.value[i], self.value[j])
        status = self.statuses.get(key)
        if status is None:
            m = self.mentions
            status = self.statuses[key] = _agreement(m[i], m[j], self.fields[i], self.fields[j], self.hedges[i], self.hedges[j])
        return status


def _scores(
    pairs: Sequence[tuple[int, int]], contexts: Sequence[_Context], idf: Idf, facts: _Facts,
    group: Sequence[int | None], alone: Sequence[bool], group_bonus: float,
) -> dict[tuple[int, int], float]:
    """How likely each pair of mentions is about the same thing: the words they share, by
    rarity, over the weighted words of both (`mass`); a bonus when the aligner grouped their
    paragraphs (more if each is the only figure of its kind there); `_value_bonus`."""
    scores: dict[tuple[int, int], float] = {}
    weights, unseen = idf.weights, idf.unseen
    value, found_ = facts.value, facts.mentions
    bonuses: dict[tuple[int, int], float] = {}  # by the two values
    for i, j in pairs:
        c, d = contexts[i], contexts[j]
        cw, dw = c.weights, d.weights
        shared = cw.keys() & dw.keys()
        total = c.mass + d.mass
        s = math.fsum(weights.get(w, unseen) * (cw[w] + dw[w]) for w in shared) / total if total else 0.0
        if group[i] is not None and group[i] == group[j]:
            s += group_bonus
            # Paragraphs told alike, each with one figure of this kind: likely the same one.
            if alone[i] and alone[j]:
                s += group_bonus / 2
        key = (value[i], value[j])
        extra = bonuses.get(key)
        if extra is None:
            extra = bonuses[key] = _value_bonus(found_[i], found_[j], facts.status(i, j))
        s += extra
        if s > 0:
            scores[(i, j)] = s
    return scores


def _scores_vectorised(
    contexts: Sequence[_Context], idf: Idf, facts: _Facts, group: Sequence[int | None], alone: Sequence[bool],
    group_bonus: float, limit: int, related: set[tuple[str, str]] | None = None,
) -> dict[tuple[int, int], float]:
    """`_scores` of `_pairs`, to the last bit, for many mentions at once.

    The pairs come from one sparse product; every step of a score is the same float operation
    in the same order. A sum of one or two terms is the same in any order; pairs sharing three
    words or more (a few percent) are summed as `_scores` sums them.
    """
    import numpy as np
    from scipy import sparse

    weights, unseen = idf.weights, idf.unseen
    column: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, c in enumerate(contexts):
        rows.extend([i] * len(c.weights))
        cols.extend([column.setdefault(stem, len(column)) for stem in c.weights])
        vals.extend(c.weights.values())
    shape = (len(contexts), len(column))
    weighted = sparse.csr_matrix((vals, (rows, cols)), shape=shape)
    present = sparse.csr_matrix((np.ones(len(vals)), (rows, cols)), shape=shape)
    weighted.sort_indices()
    present.sort_indices()
    # The pairs: a context word both have, held by at most `limit` mentions.
    rare = present[:, np.flatnonzero(np.bincount(cols, minlength=len(column)) <= limit)]
    both = sparse.triu(rare @ rare.T, k=1).tocoo()
    kind = np.array(facts.kind)
    sources = {m.source: n for n, m in enumerate(facts.mentions)}
    source = np.array([sources[m.source] for m in facts.mentions])
    compatible = np.array(facts.compatible, dtype=bool).reshape(len(facts.compatible), -1)
    first, second = both.row.astype(np.int64), both.col.astype(np.int64)
    keep = (source[first] != source[second]) & compatible[kind[first], kind[second]]
    if related is not None:
        allowed = np.array(sorted(sources[a] * len(sources) + sources[b] for a, b in related
                                  if a in sources and b in sources), dtype=np.int64)
        keep &= np.isin(source[first] * len(sources) + source[second], allowed)
    first, second = first[keep], second[keep]
    rarity = np.array([weights.get(stem, unseen) for stem in column])
    # The words each pair shares: one entry per word, in both, with each side's weight.
    mine = weighted[first].multiply(present[second]).tocsr()
    theirs = present[first].multiply(weighted[second]).tocsr()
    mine.sort_indices()
    theirs.sort_indices()
    terms = rarity[mine.indices] * (mine.data + theirs.data)
    starts, counts = mine.indptr[:-1], np.diff(mine.indptr)
    common = np.zeros(len(first))
    one, two = counts == 1, counts == 2
    common[one] = terms[starts[one]]
    common[two] = terms[starts[two]] + terms[starts[two] + 1]
    for n in np.flatnonzero(counts > 2).tolist():
        cw, dw = contexts[first[n]].weights, contexts[second[n]].weights
        common[n] = math.fsum(weights.get(w, unseen) * (cw[w] + dw[w]) for w in cw.keys() & dw.keys())
    mass = np.array([c.mass for c in contexts])
    total = mass[first] + mass[second]
    s = np.divide(common, total, out=np.zeros(len(first)), where=total != 0)
    grouped = np.array([g is not None for g in group])
    ids = np.array([g if g is not None else 0 for g in group])
    lone = np.array(alone, dtype=bool)
    same = grouped[first] & grouped[second] & (ids[first] == ids[second])
    s = s + np.where(same, group_bonus, 0.0)
    s = s + np.where(same & lone[first] & lone[second], group_bonus / 2, 0.0)
    s = s + _value_bonuses(facts, first, second)
    keep = np.flatnonzero(s > 0)
    return dict(zip(zip(first[keep].tolist(), second[keep].tolist()), s[keep].tolist()))


def _value_bonuses(facts: _Facts, first: Any, second: Any) -> Any:
    """`_value_bonus` of mentions first[n] and second[n] (numpy arrays) for every n: the same
    tests as `agreement`, on arrays."""
    import numpy as np

    ms = facts.mentions
    nan = float("nan")
    date = np.array([m.kind == "date" for m in ms])
    low = np.array([nan if m.low is None else m.low for m in ms])
    high = np.array([nan if m.high is None else m.high for m in ms])
    exact = np.array([m.exact for m in ms])
    stated = np.array([nan if m.stated is None else m.stated for m in ms])
    ranged = np.array([m.ranged for m in ms])
    rounding = np.array([h is None or h in ROUNDING for h in facts.hedges])
    bounds = sorted(set(HEDGES.values()))
    bound = np.array([-1 if h is None else bounds.index(_bounds(h)) for h in facts.hedges])
    field = {k: np.array([f.get(k, -1) if k != "weekday" else WEEKDAYS.index(f[k]) if k in f else -1 for f in facts.fields])
             for k in ("year", "decade", "month", "day", "weekday")}
    distinctive = np.array([
        m.kind == "date" and bool(m.date and len(m.date) >= 7) or (m.kind != "date" and (m.high or 0) >= 10) for m in ms
    ])
    a, b = first, second
    # Dates: a field both state and state differently is a conflict; the same fields alike agree.
    clash = np.zeros(len(a), dtype=bool)
    alike = np.ones(len(a), dtype=bool)
    for values in field.values():
        x, y = values[a], values[b]
        clash |= (x >= 0) & (y >= 0) & (x != y)
        alike &= x == y
    dates = date[a] & date[b]
    # Weekdays a day apart told near the midnight between them are imprecise, not in conflict.
    edge = np.array([m.edge is not None for m in ms])
    edged = np.flatnonzero(dates & clash & (edge[a] | edge[b]))
    for n in edged.tolist():
        if midnight(ms[a[n]], ms[b[n]]):
            clash[n] = False
            alike[n] = False
    # Numbers (`math.isclose` with rel_tol=1e-9, as it computes it).
    la, lb, ha, hb = low[a], low[b], high[a], high[b]
    missing = np.isnan(la) | np.isnan(lb) | np.isnan(ha) | np.isnan(hb)
    diff = np.abs(lb - la)
    close = (la == lb) | (~np.isinf(la) & ~np.isinf(lb) & ((diff <= np.abs(1e-9 * lb)) | (diff <= np.abs(1e-9 * la))))
    both_exact = exact[a] & exact[b]
    same_stated = (stated[a] == stated[b]) & rounding[a] & rounding[b]
    same_range = (la == lb) & (ha == hb) & (exact[a] == exact[b])
    overlap = np.minimum(ha, hb) >= np.maximum(la, lb)
    agree = np.where(
        dates, ~clash & alike,
        ~missing & np.where(both_exact, close, same_stated | same_range),
    )
    same_bound_apart = (bound[a] >= 0) & (bound[a] == bound[b]) & ~np.isnan(stated[a]) & ~np.isnan(stated[b]) & (stated[a] != stated[b])
    imprecise = np.where(
        dates, ~clash & ~alike,
        ~missing & ~both_exact & ~same_stated & ~same_range & ~same_bound_apart & ~(ranged[a] & ranged[b] & (bound[a] < 0) & (bound[b] < 0)) & overlap,
    )
    return np.where(agree, np.where(distinctive[a], 0.15, 0.05), np.where(imprecise, 0.05, 0.0))
