"""Figures: numbers, money and dates the sources state for the same thing, side by side.

1. Mentions: every number ("10,000", "two", "$75 billion", "12%"), vague quantity
   ("thousands", "dozens", "tens of thousands"), hedged number ("more than 200", "nearly 10,000")
   and date ("November 7, 2025", "January 2026", "in August", "Thursday", "2023") in a
   headline or body paragraph, with the range of values it stands for.
2. The same thing: two mentions of different sources of one kind (count, money, percent, date)
   whose nearby words match — weighted by how rare the words are in this story, with a bonus
   when the aligner put their paragraphs in one group. Mentions are grouped strongest pair
   first, at most one per source, as the aligner groups paragraphs.
3. Agreement: ``agree`` (the same value), ``imprecise`` (compatible, but one is vague or hedged
   where another is exact: "10,000" and "thousands"), ``conflict`` (incompatible: "Thursday"
   and "Friday", "200" and "thousands"). Anything but ``agree`` is a disagreement.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from storyview.model import Member, Story
from storyview.segment import Token, is_number, words
from storyview.similarity import Idf

Kind = Literal["count", "money", "percent", "date"]
Status = Literal["agree", "imprecise", "conflict"]

MONTHS = [m.lower() for m in calendar.month_name[1:]]
MONTH_ABBR = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {"sept": 9}
MONTH_OF = {m: n for n, m in enumerate(MONTHS, 1)} | MONTH_ABBR
WEEKDAYS = [d.lower() for d in calendar.day_name]
SMALL = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
# Vague quantities and the range each stands for.
VAGUE = {
    "dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2e3, 999_999),
    "tens of thousands": (2e4, 99_999), "hundreds of thousands": (2e5, 999_999),
    "millions": (2e6, 999e6), "tens of millions": (2e7, 99e6), "hundreds of millions": (2e8, 999e6),
    "billions": (2e9, 999e9), "trillions": (2e12, 999e12),
}
# Hedges: the range a hedged value v stands for, as (low, high) factors of v.
HEDGES = {
    "more than": (1.0, 3.0), "over": (1.0, 3.0), "at least": (1.0, 3.0), "upwards of": (1.0, 3.0),
    "nearly": (0.8, 1.0), "almost": (0.8, 1.0), "close to": (0.8, 1.0), "just under": (0.8, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
    "about": (0.8, 1.25), "around": (0.8, 1.25), "approximately": (0.8, 1.25), "roughly": (0.8, 1.25),
    "some": (0.8, 1.25), "an estimated": (0.8, 1.25), "estimated": (0.8, 1.25), "nearly half": (0.8, 1.0),
}

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDNUM = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|a hundred"
SCALES = r"thousand|million|billion|trillion"
HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
CURRENCY = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY"}

FIGURE_RE = re.compile(
    rf"""(?<![\w$£€¥.,\-/:])(?:
      (?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))
    | (?P<mdy>{MONTH}\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)
    | (?P<dmy>(?:[1-9]|[12]\d|3[01])\s+{MONTH}(?:,?\s+(?:19|20)\d\d)?)
    | (?P<my>{MONTH}\s+(?:19|20)\d\d)
    | (?:(?P<hedge>{HEDGE})\s+)?(?:
          (?P<cur>US\$|[$£€¥])\s?(?P<cnum>{NUM})(?:\s?(?P<cscale>{SCALES}|bn|tn|m|k)\b)?
        | (?P<pnum>{NUM})\s?(?P<pct>%|percent\b|per\s+cent\b)
        | (?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions|trillions)(?P<vunit>\s+of\s+(?:dollars|euros|pounds))?
        | (?P<num>{NUM}|{WORDNUM})(?:\s(?P<scale>{SCALES}))?(?P<unit>\s+(?:dollars|euros|pounds|yen)\b)?
      )
    | (?P<weekday>{WEEKDAY})
    )(?![\w\-%]|[.,:]\d)""",
    re.X | re.I,
)
MONTH_ALONE_RE = re.compile(rf"\b(?i:in|on|since|by|until|till|through|from|early|late|mid-?|last|next|this|of|before|after)\s+(?P<month>{MONTH})(?![\w\-])")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
# Capitalised words that may stand before a count at the start of a sentence or a title.
LEADING = set("""in on at by for with of than and or but the all only just another some about nearly
over under almost around after before since until from to its their his her our as when while
more fewer less least most top first last with within""".split())


@dataclass(frozen=True)
class Mention:
    """A figure as one source states it: where, what kind, and the values it stands for.

    `low`..`high` is the range of a count, amount or percent ("thousands": 2,000..999,999;
    "10,000": 10,000..10,000); a date has `date` (ISO, as precise as stated: "2025-11-07",
    "2026-01", "2020") and/or `weekday`.
    """

    source: str
    paragraph: int
    start: int
    end: int
    text: str
    kind: Kind
    exact: bool
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    date: str | None = None
    month: int | None = None
    weekday: str | None = None
    # The number as stated before any hedge ("about 150" → 150); None for vague quantities.
    stated: float | None = None

    @property
    def member(self) -> Member:
        return Member(self.source, self.paragraph)

    @property
    def value(self) -> str:
        """The value in a plain form: "10000", "2000..999999", "2025-11-07", "thursday"."""
        if self.kind == "date":
            return self.date or (f"--{self.month:02d}" if self.month else "") or self.weekday or self.text
        if self.low == self.high and self.low is not None:
            return _plain(self.low)
        return f"{_plain(self.low)}..{_plain(self.high)}"


@dataclass(frozen=True)
class Figure:
    """One thing the sources put a figure on, and each source's figure for it."""

    id: int
    about: str
    kind: Kind
    status: Status
    mentions: tuple[Mention, ...]

    @property
    def disagree(self) -> bool:
        return self.status != "agree"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(m.source for m in self.mentions)


def _plain(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if x == int(x) else f"{x:g}"


def _number(text: str) -> float:
    t = text.lower().replace(",", "")
    if t in SMALL:
        return float(SMALL[t])
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL:
        return float(SMALL[parts[0]] + SMALL[parts[1]])
    return float(t)


def _hedged(value: float, hedge: str | None) -> tuple[float, float, bool]:
    if not hedge:
        return value, value, True
    lo, hi = HEDGES[" ".join(hedge.lower().split())]
    return value * lo, value * hi, False


# Hedges that only round a number ("about 150", "an estimated $1 million"): the same figure.
ROUNDING = {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated"}


def mentions(source: str, paragraph: int, text: str) -> list[Mention]:
    """Every figure a paragraph states, in order."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in FIGURE_RE.finditer(text):
        found = _mention(source, paragraph, text, m)
        if found:
            out.append(found)
            taken.append((m.start(), m.end()))
    for m in MONTH_ALONE_RE.finditer(text):
        s, e = m.span("month")
        if text[e - 1] == "." and text[s:e - 1].lower() in MONTHS:
            e -= 1  # "in August." ends a sentence
        if text[s].isupper() and not any(a < e and s < b for a, b in taken):
            key = m.group("month").rstrip(".").lower()
            month = MONTH_OF.get(key) or MONTH_OF[key[:3]]
            out.append(Mention(source, paragraph, s, e, text[s:e], "date", False, month=month))
    out.sort(key=lambda x: x.start)
    return out


def _mention(source: str, paragraph: int, text: str, m: re.Match[str]) -> Mention | None:
    s, e = m.span()
    whole = text[s:e]
    g = m.groupdict()
    if g["iso"]:
        try:
            date.fromisoformat(g["iso"])
        except ValueError:
            return None
        return Mention(source, paragraph, s, e, whole, "date", True, date=g["iso"])
    for key in ("mdy", "dmy", "my"):
        if g[key]:
            if not whole[0].isupper() and key != "dmy":
                return None
            return _date(source, paragraph, s, e, whole)
    if g["weekday"]:
        if not whole[0].isupper():
            return None
        return Mention(source, paragraph, s, e, whole, "date", False, weekday=whole.lower())
    hedge = g["hedge"]
    if g["cur"]:
        value = _number(g["cnum"]) * SCALE.get((g["cscale"] or "").lower(), 1)
        lo, hi, exact = _hedged(value, hedge)
        return Mention(source, paragraph, s, e, whole, "money", exact, lo, hi, CURRENCY.get(g["cur"].lower(), g["cur"]), stated=value)
    if g["pct"]:
        value = _number(g["pnum"])
        lo, hi, exact = _hedged(value, hedge)
        return Mention(source, paragraph, s, e, whole, "percent", exact, lo, hi, "%", stated=value)
    if g["vague"]:
        lo, hi = VAGUE[" ".join(g["vague"].lower().split())]
        unit = CURRENCY.get(g["vunit"].split()[-1].lower()) if g["vunit"] else None
        return Mention(source, paragraph, s, e, whole, "money" if unit else "count", False, lo, hi, unit)
    if g["num"]:
        raw = g["num"]
        if YEAR_RE.match(raw) and not g["scale"] and not g["unit"] and not hedge:
            return Mention(source, paragraph, s, e, whole, "date", True, date=raw)
        if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)", text[e:e + 5], re.I):
            return None  # a time of day
        before = re.search(r"([A-Za-z][\w.&'’]*)\s+$", text[max(0, s - 40):s])
        if not hedge and before and before.group(1)[0].isupper() and before.group(1).lower() not in LEADING:
            return None  # "Windows 8", "Apollo 11", "ABC 10": part of a name
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit() or len(raw) > 7 and raw.isdigit():
            return None  # "05", "0504", "20130504": a time, a code or an id, not a quantity
        value = _number(raw) * SCALE.get((g["scale"] or "").lower(), 1)
        lo, hi, exact = _hedged(value, hedge)
        unit = CURRENCY.get(g["unit"].strip().lower()) if g["unit"] else None
        return Mention(source, paragraph, s, e, whole, "money" if unit else "count", exact, lo, hi, unit, stated=value)
    return None


def _date(source: str, paragraph: int, s: int, e: int, whole: str) -> Mention:
    parts = re.findall(r"[A-Za-z]+|\d+", whole)
    month = day = year = None
    for p in parts:
        low = p.lower()
        if low in MONTH_OF:
            month = MONTH_OF[low]
        elif p.isdigit() and len(p) == 4:
            year = int(p)
        elif p.isdigit():
            day = int(p)
    if year and month and day:
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            iso = f"{year}-{month:02d}"
        return Mention(source, paragraph, s, e, whole, "date", True, date=iso, month=month)
    if year and month:
        return Mention(source, paragraph, s, e, whole, "date", False, date=f"{year}-{month:02d}", month=month)
    day_text = f"--{month:02d}-{day:02d}" if day else None
    return Mention(source, paragraph, s, e, whole, "date", False, date=day_text, month=month)


# ---------------------------------------------------------------- agreement


def _compatible_kinds(a: Mention, b: Mention) -> bool:
    if a.kind == "date" and b.kind == "date":
        # Comparable only where they state something in common: a weekday and a year are not.
        return bool(_date_fields(a).keys() & _date_fields(b).keys())
    if a.kind == b.kind:
        return a.unit == b.unit or a.unit is None or b.unit is None
    # "millions" with no unit may be the money another source counts in dollars.
    return {a.kind, b.kind} == {"count", "money"} and (not a.exact and a.unit is None or not b.exact and b.unit is None)


def _date_fields(m: Mention) -> dict[str, object]:
    fields: dict[str, object] = {}
    if m.date:
        if m.date.startswith("--"):
            fields["month"], fields["day"] = int(m.date[2:4]), int(m.date[5:7])
        else:
            bits = m.date.split("-")
            fields["year"] = int(bits[0])
            if len(bits) > 1:
                fields["month"] = int(bits[1])
            if len(bits) > 2:
                fields["day"] = int(bits[2])
                fields["weekday"] = WEEKDAYS[date.fromisoformat(m.date).weekday()]
    if m.month:
        fields["month"] = m.month
    if m.weekday:
        fields["weekday"] = m.weekday
    return fields


def agreement(a: Mention, b: Mention) -> Status:
    """How two figures for the same thing compare."""
    if a.kind == "date" and b.kind == "date":
        fa, fb = _date_fields(a), _date_fields(b)
        if any(fa[k] != fb[k] for k in fa.keys() & fb.keys()):
            return "conflict"
        return "agree" if fa == fb else "imprecise"
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return "conflict"
    if a.exact and b.exact:
        return "agree" if math.isclose(a.low, b.low, rel_tol=1e-9) else "conflict"
    hedges = {_hedge(a), _hedge(b)}
    if a.stated is not None and a.stated == b.stated and hedges <= ROUNDING | {None}:
        return "agree"
    if a.low == b.low and a.high == b.high and a.exact == b.exact:
        return "agree"
    overlap = min(a.high, b.high) >= max(a.low, b.low)
    return "imprecise" if overlap else "conflict"


BY_LENGTH = sorted(HEDGES, key=len, reverse=True)


def _hedge(m: Mention) -> str | None:
    """The hedge a mention's text opens with, if any."""
    if not m.text[:1].isalpha():
        return None
    low = " ".join(m.text.lower().split())
    return next((h for h in BY_LENGTH if low.startswith(h + " ")), None)


def _status(items: Sequence[Mention]) -> Status:
    worst: Status = "agree"
    for x, a in enumerate(items):
        for b in items[x + 1:]:
            s = agreement(a, b)
            if s == "conflict":
                return "conflict"
            if s == "imprecise":
                worst = "imprecise"
    return worst


# ---------------------------------------------------------------- the same thing


@dataclass(frozen=True)
class _Context:
    """The words around a mention, each with a weight (closer words weigh more)."""

    mention: Mention
    weights: dict[str, float]
    surface: dict[str, str]
    sentence: tuple[str, int, int] = ("", 0, 0)  # (source, paragraph, sentence start)
    mass: float = 0.0  # the idf-weighted mass of `weights`, once the story's idf is known


def _context(
    m: Mention, tokens: Sequence[Token], text: str, spans: Sequence[tuple[int, int]], window: int = 12,
    bounds: tuple[int, int] | None = None,
) -> _Context:
    """Content words of the mention's sentence within `window` words of it, not other figures.

    `bounds` (character offsets) keeps a figure to its share of a sentence that states several
    of its kind: "destroyed 40 homes and forced 2,000 residents out" gives "homes" to 40 and
    "residents" to 2,000.
    """
    inside = [i for i, t in enumerate(tokens) if t.start < m.end and m.start < t.end]
    if not inside:
        return _Context(m, {}, {})
    first, last = inside[0], inside[-1]
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    lo, hi = bounds if bounds else (0, len(text))
    for i in range(max(0, first - window), min(len(tokens), last + window + 1)):
        if not lo <= tokens[i].start < hi:
            continue
        t = tokens[i]
        if first <= i <= last or not t.content or is_number(t.norm) or len(t.norm) < 3:
            continue
        if any(a <= t.start < b for a, b in spans):
            continue
        distance = first - i if i < first else i - last
        # The verb and the noun next to a figure say most about what it counts.
        w = 1.5 if distance <= 2 else 1.0 if distance <= 4 else 0.6 if distance <= 7 else 0.35
        if w > weights.get(t.stem, 0.0):
            weights[t.stem] = w
            surface.setdefault(t.stem, text[t.start:t.end])
    return _Context(m, weights, surface)


def _score(a: _Context, b: _Context, idf: Idf) -> float:
    shared = a.weights.keys() & b.weights.keys()
    if not shared:
        return 0.0
    total = a.mass + b.mass
    common = sum(idf[s] * (a.weights[s] + b.weights[s]) for s in shared)
    return common / total if total else 0.0


def _value_bonus(a: Mention, b: Mention) -> float:
    """Two sources stating one distinctive value near the same words likely mean one thing;
    a vague figure that would fit another's exact one, a little less so."""
    status = agreement(a, b)
    if status == "agree":
        distinctive = a.kind == "date" and bool(a.date and len(a.date) >= 7) or (a.kind != "date" and (a.high or 0) >= 10)
        return 0.15 if distinctive else 0.05
    return 0.05 if status == "imprecise" else 0.0


def find_figures(
    story: Story, threshold: float = 0.3, group_bonus: float = 0.15, sentence_bonus: float = 0.15
) -> tuple[Figure, ...]:
    """Figures two or more sources state for the same thing; disagreements first."""
    group_of = {m: g.id for g in story.groups for m in g.members}
    contexts: list[_Context] = []
    documents = []
    for article in story.articles:
        for p in article.paragraphs:
            if p.kind not in ("body", "headline"):
                continue
            tokens = words(p.text)
            documents.append({t.stem for t in tokens if t.content})
            found = mentions(article.id, p.index, p.text)
            spans = [(x.start, x.end) for x in found]
            for sentence_start, sentence_end in _sentences(p.text):
                sentence = [t for t in tokens if sentence_start <= t.start < sentence_end]
                here = [m for m in found if sentence_start <= m.start < sentence_end]
                for m in here:
                    like = [x for x in here if (x.kind == "date") == (m.kind == "date")]
                    at = like.index(m)
                    lo = (like[at - 1].end + m.start) // 2 if at else 0
                    hi = (m.end + like[at + 1].start) // 2 if at + 1 < len(like) else len(p.text)
                    c = _context(m, sentence, p.text, spans, bounds=(lo, hi))
                    contexts.append(_Context(c.mention, c.weights, c.surface, (article.id, p.index, sentence_start)))
    idf = Idf(documents)
    contexts = [
        _Context(c.mention, c.weights, c.surface, c.sentence, sum(idf[s] * w for s, w in c.weights.items()))
        for c in contexts
    ]
    per_paragraph: dict[tuple[Member, bool], int] = defaultdict(int)
    for c in contexts:
        per_paragraph[(c.mention.member, c.mention.kind == "date")] += 1
    alone = [per_paragraph[(c.mention.member, c.mention.kind == "date")] == 1 for c in contexts]
    # Candidate pairs share a context word; words in many mentions' contexts propose none.
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(contexts):
        for stem in c.weights:
            index[stem].append(i)
    limit = max(12, min(len(contexts) // 4, 60))
    scores: dict[tuple[int, int], float] = {}
    seen: set[tuple[int, int]] = set()
    for holders in index.values():
        if len(holders) > limit:
            continue
        for x, i in enumerate(holders):
            for j in holders[x + 1:]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                a, b = contexts[i].mention, contexts[j].mention
                if a.source == b.source or not _compatible_kinds(a, b):
                    continue
                s = _score(contexts[i], contexts[j], idf)
                ga, gb = group_of.get(a.member), group_of.get(b.member)
                if ga is not None and ga == gb:
                    s += group_bonus
                    # Paragraphs told alike, each with one figure of this kind: likely the same one.
                    if alone[i] and alone[j]:
                        s += group_bonus / 2
                s += _value_bonus(a, b)
                if s > 0:
                    scores[(i, j)] = s
    clusters = _cluster(contexts, scores, threshold)
    # Second pass: figures in sentences whose other figures were found to be the same thing
    # likely belong together too (the date of the same fire, the cost of the same plan).
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members if len(members) > 1}
    shared: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for i, c in enumerate(contexts):
        if i in cluster_of:
            shared[c.sentence].add(cluster_of[i])
    boosted = False
    for (i, j), s in scores.items():
        if s <= 0:
            continue
        a, b = contexts[i], contexts[j]
        if cluster_of.get(i) is not None and cluster_of.get(i) == cluster_of.get(j):
            continue
        if (shared[a.sentence] - {cluster_of.get(i)}) & (shared[b.sentence] - {cluster_of.get(j)}):
            scores[(i, j)] = s + sentence_bonus
            boosted = True
    if boosted:
        clusters = _cluster(contexts, scores, threshold)
    rank = {a.id: n for n, a in enumerate(story.articles)}
    figures = []
    for members in clusters:
        if len(members) < 2:
            continue
        items = sorted((contexts[i] for i in members), key=lambda c: (rank[c.mention.source], c.mention.paragraph, c.mention.start))
        mentions_ = tuple(c.mention for c in items)
        figures.append((_status(mentions_), _about(items, idf), mentions_))
    order = {"conflict": 0, "imprecise": 1, "agree": 2}
    figures.sort(key=lambda f: (order[f[0]], rank[f[2][0].source], f[2][0].paragraph, f[2][0].start))
    return tuple(Figure(n, about, _kind(ms), status, ms) for n, (status, about, ms) in enumerate(figures, 1))


def _kind(items: Sequence[Mention]) -> Kind:
    kinds = {m.kind for m in items}
    return "money" if "money" in kinds else items[0].kind


def _sentences(text: str) -> list[tuple[int, int]]:
    from storyview.segment import sentence_spans

    return sentence_spans(text)


def _cluster(contexts: Sequence[_Context], scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-linkage merging, strongest pairs first, at most one mention per source.

    Calling two figures a conflict is a claim: a merge that makes one needs its pair's words to
    match clearly (`threshold` + 0.1), and every two figures it puts in conflict to match.
    """
    group_of = list(range(len(contexts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(contexts))}
    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold:
            break
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {contexts[x].mention.source for x in a} & {contexts[y].mention.source for y in b}:
            continue
        if not all(_compatible_kinds(contexts[x].mention, contexts[y].mention) for x in a for y in b):
            continue
        cross = [scores.get((x, y) if x < y else (y, x), 0.0) for x in a for y in b]
        if sum(cross) / len(cross) < threshold / 3:
            continue
        conflicts = [
            scores.get((x, y) if x < y else (y, x), 0.0)
            for x in a for y in b if agreement(contexts[x].mention, contexts[y].mention) == "conflict"
        ]
        if conflicts and (s < threshold + 0.1 or min(conflicts) < threshold):
            continue
        for y in b:
            group_of[y] = gi
        a.extend(b)
        del members[gj]
    return [sorted(m) for m in members.values()]


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
