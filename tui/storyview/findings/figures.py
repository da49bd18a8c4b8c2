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
   where another is exact: "10,000" and "thousands"), ``conflict`` (different figures: "Thursday"
   and "Friday", "200" and "thousands", "at least six" and "at least eight" months). Anything
   but ``agree`` is a disagreement.
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from storyview.model import Member, Story
from storyview.engine.segment import Token, sentences
from storyview.engine.similarity import Idf

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
TIME_OF_DAY_RE = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)", re.IGNORECASE)
WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w.&'’]*)\s+$")


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` grouped by first letter: a word that starts none fails at once."""
    first: dict[str, list[str]] = defaultdict(list)
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        first[w[0]].append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(first.items()))


# The words FIGURE_RE's branches open with, as it reads them (verbose: "a dozen" is "adozen").
_OPENERS = [
    *HEDGES, *MONTH_OF, *WEEKDAYS, "tens", "hundreds", "dozens", "thousands", "millions", "billions", "trillions",
    *(w.replace(" ", "") for w in re.findall(r"[a-z]+(?: [a-z]+)?", WORDNUM)),
]
# Where a figure may start, in the lower-cased text. FIGURE_RE's case-blind branches are slow to
# try at every word; it is tried only here.
FIGURE_START_RE = re.compile(rf"(?<![\w$£€¥.,\-/:])(?:[\d$£€¥]|us\$|(?:{_by_first_letter(_OPENERS)})\b)")
# Lower-casing keeps every offset and matches as IGNORECASE does, but for these.
CASE_EXCEPTIONS_RE = re.compile("[\u0130\u0131\u017f]")  # İ (two characters in lower case), ı, ſ
# Every month MONTH_ALONE_RE reads starts with one of these (its months are case-sensitive), and
# none of the words it reads before a month contains one.
MONTH_HINT_RE = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
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


def _bounds(hedge: str) -> tuple[float, float]:
    """The factors a hedge puts on its figure ("at least": 1 to 3), however it is written."""
    return HEDGES[" ".join(hedge.lower().split())]


def _hedged(value: float, hedge: str | None) -> tuple[float, float, bool]:
    if not hedge:
        return value, value, True
    lo, hi = _bounds(hedge)
    return value * lo, value * hi, False


# Hedges that only round a number ("about 150", "an estimated $1 million"): the same figure.
ROUNDING = {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated"}


def mentions(source: str, paragraph: int, text: str) -> list[Mention]:
    """Every figure a paragraph states, in order."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _figures(text):
        try:
            found = _mention(source, paragraph, text, m)
        except (ValueError, KeyError):  # a form the parser does not know ("adozen"): not a figure
            continue
        if found:
            out.append(found)
            taken.append((m.start(), m.end()))
    for m in _months_alone(text):
        s, e = m.span("month")
        if text[e - 1] == "." and text[s:e - 1].lower() in MONTHS:
            e -= 1  # "in August." ends a sentence
        if text[s].isupper() and not any(a < e and s < b for a, b in taken):
            key = m.group("month").rstrip(".").lower()
            month = MONTH_OF.get(key) or MONTH_OF.get(key[:3])
            if month is None:
                continue
            out.append(Mention(source, paragraph, s, e, text[s:e], "date", False, month=month))
    out.sort(key=lambda x: x.start)
    return out


def _figures(text: str) -> Iterator[re.Match[str]]:
    """FIGURE_RE.finditer(text), tried only where a figure may start."""
    low = text.lower()
    if len(low) != len(text) or CASE_EXCEPTIONS_RE.search(text):
        yield from FIGURE_RE.finditer(text)
        return
    end = 0
    for start in FIGURE_START_RE.finditer(low):
        at = start.start()
        if at >= end:
            m = FIGURE_RE.match(text, at)
            if m:
                end = m.end()
                yield m


def _months_alone(text: str) -> Iterator[re.Match[str]]:
    """MONTH_ALONE_RE.finditer(text), tried only just before each capitalised month.

    A match is a word of two to seven letters ("in", "through", "mid-"), white space, then the
    month, and no month can start inside the word or the space: so the next match is the first
    one starting within seven characters before the space before a month.
    """
    end = 0
    for hit in MONTH_HINT_RE.finditer(text):
        at = hit.start()
        if at < end:
            continue
        space = at
        while space > 0 and text[space - 1].isspace():
            space -= 1
        for start in range(max(end, space - 7), space):
            m = MONTH_ALONE_RE.match(text, start)
            if m:
                end = m.end()
                yield m
                break


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
        if TIME_OF_DAY_RE.match(text[e:e + 5]):
            return None  # a time of day
        before = WORD_BEFORE_RE.search(text[max(0, s - 40):s])
        word = before.group(1) if before else ""
        ends_sentence = word.endswith(".") and len(word) > 4 and word[:-1].isalpha()  # "Alder. Two buses"
        if not hedge and word and word[0].isupper() and word.lower() not in LEADING and not ends_sentence:
            return None  # "Windows 8", "Apollo 11", "ABC 10", "No. 5": part of a name
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
    return _agreement(a, b, _date_fields(a), _date_fields(b), _hedge(a), _hedge(b))


def _agreement(a: Mention, b: Mention, fa: dict[str, object], fb: dict[str, object], ha: str | None, hb: str | None) -> Status:
    """`agreement`, given each mention's `_date_fields` and `_hedge` (a large story asks for
    the same mentions many times)."""
    if a.kind == "date" and b.kind == "date":
        if any(fa[k] != fb[k] for k in fa.keys() & fb.keys()):
            return "conflict"
        return "agree" if fa == fb else "imprecise"
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return "conflict"
    if a.exact and b.exact:
        return "agree" if math.isclose(a.low, b.low, rel_tol=1e-9) else "conflict"
    hedges = {ha, hb}
    if a.stated is not None and a.stated == b.stated and hedges <= ROUNDING | {None}:
        return "agree"
    if a.low == b.low and a.high == b.high and a.exact == b.exact:
        return "agree"
    if _same_bound(ha, hb) and a.stated is not None and b.stated is not None and a.stated != b.stated:
        return "conflict"  # "at least six" and "at least eight" months: they give different figures
    overlap = min(a.high, b.high) >= max(a.low, b.low)
    return "imprecise" if overlap else "conflict"


def _same_bound(ha: str | None, hb: str | None) -> bool:
    """Two hedges that bound a figure the same way ("at least" and "more than")."""
    if not ha or not hb:
        return False
    return _bounds(ha) == _bounds(hb)


BY_LENGTH = sorted(HEDGES, key=len, reverse=True)


OPENINGS = tuple(h + " " for h in BY_LENGTH)


def _hedge(m: Mention) -> str | None:
    """The hedge a mention's text opens with, if any."""
    if not m.text[:1].isalpha():
        return None
    low = " ".join(m.text.lower().split())
    if not low.startswith(OPENINGS):  # most figures: no hedge, one test
        return None
    return next((h for h in BY_LENGTH if low.startswith(h + " ")), None)


def _status(items: Sequence[Any], agree: Callable[[Any, Any], Status] = agreement) -> Status:
    """The worst agreement of any two of `items` (mentions, or what `agree` compares)."""
    worst: Status = "agree"
    for x, a in enumerate(items):
        for b in items[x + 1:]:
            s = agree(a, b)
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
            values.setdefault((m.kind, m.exact, m.low, m.high, m.stated, m.date, tuple(sorted(f.items())), h), len(values))
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
    rounding = np.array([h is None or h in ROUNDING for h in facts.hedges])
    bounds = sorted(set(HEDGES.values()))
    bound = np.array([-1 if h is None else bounds.index(_bounds(h)) for h in facts.hedges])
    field = {k: np.array([f.get(k, -1) if k != "weekday" else WEEKDAYS.index(f[k]) if k in f else -1 for f in facts.fields])
             for k in ("year", "month", "day", "weekday")}
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
        dates, ~clash & ~alike, ~missing & ~both_exact & ~same_stated & ~same_range & ~same_bound_apart & overlap,
    )
    return np.where(agree, np.where(distinctive[a], 0.15, 0.05), np.where(imprecise, 0.05, 0.0))


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
