"""Figures in text: every number, vague quantity, hedged number and date, with the range of values it stands for."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from storyview.engine.segment import WORD_VALUES
from storyview.findings.figures.referent import CHANGING
from storyview.model import Member

Kind = Literal["count", "money", "percent", "date"]
Status = Literal["agree", "imprecise", "conflict"]

MONTHS = [m.lower() for m in calendar.month_name[1:]]
MONTH_ABBR = {m[:3]: n for n, m in enumerate(MONTHS, 1)} | {"sept": 9}
MONTH_OF = {m: n for n, m in enumerate(MONTHS, 1)} | MONTH_ABBR
WEEKDAYS = [d.lower() for d in calendar.day_name]
SMALL = WORD_VALUES | {"a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
# Vague quantities and the range each stands for.
VAGUE = {
    "dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2e3, 999_999),
    "tens of thousands": (2e4, 99_999), "hundreds of thousands": (2e5, 999_999),
    "millions": (2e6, 999e6), "tens of millions": (2e7, 99e6), "hundreds of millions": (2e8, 999e6),
    "billions": (2e9, 999e9), "trillions": (2e12, 999e12),
}
# Hedges: the range a hedged value v stands for, as (low, high) factors of v. "Nearly",
# "almost" and "close to" round a figure as much as they bound it: "almost 90%" is how a
# report rounds 93.87%, an imprecise figure, not another one; "just under" bounds it.
HEDGES = {
    "more than": (1.0, 3.0), "over": (1.0, 3.0), "at least": (1.0, 3.0), "upwards of": (1.0, 3.0),
    "nearly": (0.8, 1.05), "almost": (0.8, 1.05), "close to": (0.8, 1.05), "just under": (0.8, 1.0),
    "fewer than": (0.0, 1.0), "less than": (0.0, 1.0), "under": (0.0, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
    "about": (0.8, 1.25), "around": (0.8, 1.25), "approximately": (0.8, 1.25), "roughly": (0.8, 1.25),
    "some": (0.8, 1.25), "an estimated": (0.8, 1.25), "estimated": (0.8, 1.25), "nearly half": (0.8, 1.05),
}
# The same hedges in the other languages storyview reads furniture in (German, French, Spanish):
# "rund 40" and "mehr als 40" are no more exact than "about 40" and "more than 40". Only words
# that hedge a number in English too ("circa") or that English never writes before one are
# listed ("fast", German "almost", is not: "a fast 40 minutes").
FOREIGN_HEDGES = {
    "mehr als": (1.0, 3.0), "über": (1.0, 3.0), "mindestens": (1.0, 3.0), "plus de": (1.0, 3.0),
    "au moins": (1.0, 3.0), "más de": (1.0, 3.0), "al menos": (1.0, 3.0),
    "beinahe": (0.8, 1.05), "knapp": (0.8, 1.0), "près de": (0.8, 1.05), "presque": (0.8, 1.05),
    "casi": (0.8, 1.05), "cerca de": (0.8, 1.05),
    "weniger als": (0.0, 1.0), "unter": (0.0, 1.0), "bis zu": (0.0, 1.0), "höchstens": (0.0, 1.0),
    "moins de": (0.0, 1.0), "jusqu'à": (0.0, 1.0), "jusqu’à": (0.0, 1.0), "menos de": (0.0, 1.0), "hasta": (0.0, 1.0),
    "rund": (0.8, 1.25), "etwa": (0.8, 1.25), "ungefähr": (0.8, 1.25), "circa": (0.8, 1.25), "zirka": (0.8, 1.25),
    "environ": (0.8, 1.25), "quelque": (0.8, 1.25), "unos": (0.8, 1.25), "unas": (0.8, 1.25),
    "alrededor de": (0.8, 1.25), "aproximadamente": (0.8, 1.25),
}
HEDGES |= FOREIGN_HEDGES

# Numbers as some copy spaces them ("100, 000", "5. 4"): read whole only where the parts fit
# one number. Thousands: every group after the first is three digits, and the number is not an
# item of a list ("3, 4 and 5", "10, 200 and 300"). A decimal point: a short fraction followed by
# what only a decimal is followed by (a percent, a scale, a unit, "magnitude"); else "He was 5.
# 4 others" would read 5.4.
SPACED = (r"(?<!\d,\s)\d{1,3}(?:,\s\d{3})+(?!\d|,\s?\d|\s+(?:and|or|to|-)\s+\d)"
          r"|\d{1,3}\.\s\d{1,2}(?=\s?(?:%|percent\b|per\s+cent\b|(?:thousand|million|billion|trillion|mn|bn|m|k)\b"
          r"|-|magnitude\b|on\s+the\s+Richter\b|(?:km|kilomet|miles?\b|metres?\b|meters?\b|feet\b|ft\b|kg\b|tonnes?\b|tons?\b|points?\b|degrees?\b)))")
# Thousands as French and German copy groups them ("12 000", "1\u202f500"). A no-break or thin
# space only ever joins the parts of one number. A plain space may part two numbers English puts
# side by side ("in 2004 300 people"), so it joins only groups of exactly three digits, after no
# number, before no digit.
GROUPED = (r"\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d\u00a0\u202f\u2009])"
           r"|(?<!\d\s)\d{1,3}(?:\x20\d{3})+(?!\d|\s\d)")
# A decimal comma ("3,5 %", "7,4 Prozent"): only before a percent, where no English number has
# one or two digits after a comma.
DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?(?:%|percent\b|per\s+cent\b|prozent\b|pour\s+cent\b|por\s+ciento\b))"
NUM = rf"{SPACED}|{GROUPED}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORDNUM = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\ dozen|a\ hundred"
SCALES = r"thousand|million|billion|trillion"
# A decade in words ("the nineteen fifties"): an era, as "the 1950s" is, never the count nineteen.
DECADES = {"tens": 1, "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
           "eighties": 8, "nineties": 9}
DECADE_WORDS = "|".join(DECADES)
HEDGE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
CURRENCY = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY"}

FIGURE_RE = re.compile(
    rf"""(?<![\w$£€¥.,\-/:])(?:
      (?P<age>\d{{1,3}}|{WORDNUM})(?=\s?-\s?years?\s?-\s?old\b)
    | (?P<decade>(?:1[5-9]|20)\d0)(?=['’]?s\b)
    | (?P<wdecade>(?:eighteen|nineteen)[-\s](?:{DECADE_WORDS}))
    | (?:
      (?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))
    | (?P<mdy>{MONTH}\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)
    | (?P<dmy>(?:[1-9]|[12]\d|3[01])\s+{MONTH}(?:,?\s+(?:19|20)\d\d)?)
    | (?P<my>{MONTH}\s+(?:19|20)\d\d)
    | (?:(?P<hedge>{HEDGE})\s+)?(?:
          (?P<cur>US\$|[$£€¥])\s?(?P<cnum>{NUM})(?:(?:\s?|-)(?P<cscale>{SCALES}|bn|tn|m|k)\b)?
        | (?P<pnum>{DECIMAL_COMMA}|{NUM}|{WORDNUM})(?:\s?-\s?|\s?)(?P<pct>%|percent\b|per\s+cent\b|prozent\b|pour\s+cent\b|por\s+ciento\b)
        | (?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions|trillions)(?P<vunit>\s+of\s+(?:dollars|euros|pounds))?
        | (?P<num>{NUM}|{WORDNUM})(?P<dozen>\s(?:dozen)\b(?!\s+of\b))?(?:(?:\s|\s?-\s?)(?P<scale>{SCALES}|mn|bn)\b)?(?P<unit>(?:\s+|\s?-\s?)(?:dollars?|euros?|pounds|yen)\b)?
      )
    | (?P<weekday>{WEEKDAY})
    )(?![\w\-%]|[.,:]\d)
    )""",
    re.X | re.I,
)
MONTH_ALONE_RE = re.compile(rf"\b(?i:in|on|since|by|until|till|through|from|early|late|mid-?|last|next|this|of|before|after)\s+(?P<month>{MONTH})(?![\w\-])")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
TIME_OF_DAY_RE = re.compile(r"\s?(?:[ap]\.\s?m\.|am\b|pm\b|:\s?\d|o['’]clock\b)", re.IGNORECASE)  # "1:53", "1: 53", "p. m."
# A clock time told by its zone or in German ("1400 GMT", "2000 GMT", "7.40 Uhr"): a time of day
# even where the number could be a year. Zones in capitals only: French "en 2009 est ..." is a year.
CLOCK_RE = re.compile(r"\s?(?:[Uu]hr\b|(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b)")
MINUTES_RE = re.compile(r"\d:\s$")
# A number one side of a slash ("3/4", "41 / 2" as some copy spaces "4 1/2", "24/7") is part of a
# fraction, a ratio or a season; one before an unreadable character ("4\ufffd months", a "½" lost
# in the page's encoding) is not the figure the report states.
FRACTION_AFTER_RE = re.compile(r"\s?/\s?\d|\s\d\s?/\s?\d|\ufffd")
FRACTION_BEFORE_RE = re.compile(r"\d\s?/\s?$")
# A number a capitalised code names with a hyphen: a model or a name, no count ("AK-47 rifles",
# "an F-16", "COVID-19", "the G-20"). Spaced ("AK - 47", as ECB+ spaces every hyphen) only where
# a count of the model comes before it ("14 AK - 47 Rifles"): "the UK - 47 people died" is a
# dash before a count, and a dash is spaced as such a hyphen is ("500 jobs will go - came").
MODEL_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z][A-Z\d]{0,5}(-| - )$")
COUNTED_MODEL_RE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|several|many)) +\S+ - $",
                              re.IGNORECASE)
WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w.&'’]*)\s+$")
# Groups of digits side by side ("0845 125 2222", "0800 555111"): one number written in parts.
# What follows a house number: capitalised words (or "E." and "52nd") up to a street's name.
ADDRESS_RE = re.compile(
    r"(?:\s+(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)))(?:\s+(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))){0,3}?\s+"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy)\b")
GROUPS_RE = re.compile(r"(?<![\w,.])\d+(?:[ \u00a0\u202f\u2009]\d+)+(?![\w%]|[.,]\d)")


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` grouped by first letter: a word that starts none fails at once."""
    first: dict[str, list[str]] = defaultdict(list)
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        first[w[0]].append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(first.items()))


# The words FIGURE_RE's branches open with ("a dozen" is written "a\ dozen" in its verbose pattern).
_OPENERS = [
    *HEDGES, *MONTH_OF, *WEEKDAYS, "tens", "hundreds", "dozens", "thousands", "millions", "billions", "trillions",
    *(w.replace("\\ ", " ") for w in re.findall(r"[a-z]+(?:\\ [a-z]+|(?![a-z]))", WORDNUM)),
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
LEADING = set("""a an in on at by for with of than and or but the all only just another some about nearly
over under almost around after before since until from to its their his her our as when while
more fewer less least most top first last with within between""".split())


@dataclass(frozen=True)
class Mention:
    """A figure as one source states it: where, what kind, and the values it stands for.

    `low`..`high` is the range of a count, amount or percent ("thousands": 2,000..999,999;
    "10,000": 10,000..10,000); a date has `date` (ISO, as precise as stated: "2025-11-07",
    "2026-01", "2020"; "1930s" for a decade) and/or `weekday`.
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
    # A weekday told at an end of its day: "late" ("late Thursday", "Thursday night") or
    # "early" ("early Friday", "in the early hours of Friday"); near midnight, two reports'
    # days may be one moment.
    edge: str | None = None
    # A range the report states ("three or four", "between 40 and 80 percent"): `low`..`high`
    # are its ends, each as stated.
    ranged: bool = False

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
    t = text.lower()
    if re.fullmatch(r"\d+,\d{1,2}", t):
        t = t.replace(",", ".")  # a decimal comma: "3,5 %"
    t = t.replace(",", "")
    if t[:1].isdigit():
        t = re.sub(r"\s", "", t)  # "100, 000", "5. 4", "12 000"
    if t in SMALL:
        return float(SMALL[t])
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL:
        return float(SMALL[parts[0]] + SMALL[parts[1]])
    return float(t.replace("\\", ""))


def _bounds(hedge: str) -> tuple[float, float]:
    """The factors a hedge puts on its figure ("at least": 1 to 3), however it is written."""
    return HEDGES[" ".join(hedge.lower().split())]


def _hedged(value: float, hedge: str | None) -> tuple[float, float, bool]:
    if not hedge:
        return value, value, True
    lo, hi = _bounds(hedge)
    return value * lo, value * hi, False


# Hedges that only round a number ("about 150", "an estimated $1 million"): the same figure.
ROUNDING = {h for h, bounds in HEDGES.items() if bounds == (0.8, 1.25)}


def mentions(source: str, paragraph: int, text: str) -> list[Mention]:
    """Every figure a paragraph states, in order."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _figures(text):
        found = _read(source, paragraph, text, m)
        raw = m.group("num")
        if found is None and raw and PLAIN_GROUPS_RE.fullmatch(raw):
            # "Flight 370 239 passengers": a name's number, then a count, not 370,239
            again = FIGURE_RE.match(text, m.start("num") + raw.index(" ") + 1)
            if again:
                m, found = again, _read(source, paragraph, text, again)
        if found and m.group("vague") and ONE_OF_RE.search(text, 0, m.start()):
            continue  # "one of dozens of firms": a way of saying many, no count
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
    return _ranges(_shared_scale(out, text), text)


def _read(source: str, paragraph: int, text: str, m: re.Match[str]) -> Mention | None:
    try:
        return _mention(source, paragraph, text, m)
    except (ValueError, KeyError):  # a form the parser does not know ("adozen"): not a figure
        return None


PLAIN_GROUPS_RE = re.compile(r"\d{1,3}(?: \d{3})+")
# "one of" (or "one of the") right before a figure: the figure a one is picked out of.
ONE_OF_RE = re.compile(r"(?i)\bone\s+of\s+(?:the\s+)?$")
SCALE_IN_RE = re.compile(rf"(?i)\b(?:{SCALES}|bn|mn|m)\b")
SPAN_WORDS = {"and", "to", "-", "–", "or"}


def _shared_scale(found: list[Mention], text: str) -> list[Mention]:
    """The first figure of a span takes the scale of the second: "between $140 and $150 million",
    "2 to 3 million people" ($140 million, 2 million)."""
    out = list(found)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if text[a.end:b.start].strip().lower() not in SPAN_WORDS or a.kind == "date" or b.kind == "date":
            continue
        if (b.text[:1] in "$£€¥") != (a.text[:1] in "$£€¥"):
            continue  # "3 and $5 million": a count and a sum
        scale = SCALE_IN_RE.search(b.text)
        if scale is None or SCALE_IN_RE.search(a.text) or a.stated is None or b.stated is None or a.low is None \
                or a.high is None or a.stated >= 1000 or a.stated >= b.stated / SCALE[scale.group().lower()]:
            continue
        factor = SCALE[scale.group().lower()]
        out[n] = replace(a, kind=b.kind, unit=b.unit, low=a.low * factor, high=a.high * factor, stated=a.stated * factor)
    return out


# What joins the ends of a range ("three or four", "two to three", "10–15", "between 3 and 5").
RANGE_WORDS = {"or", "to", "–"}
BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# Before a change: "from 10 to 20", "rise by $19bn to $419bn", "rose 5 to 10" (its figure, then the level).
CHANGE_BEFORE_RE = re.compile(rf"\b(?:from|by|{'|'.join(sorted(CHANGING))})\s+(?:\S+\s+)?$", re.IGNORECASE)


def _ranges(found: list[Mention], text: str) -> list[Mention]:
    """Two figures that are the ends of one range ("Three or four robbers", "two to three
    million", "between $140 and $150 million") are one imprecise figure, low to high: a report
    that is not sure of a count, not two counts. Not a change ("from 10 to 20") nor a score or a
    vote ("5 to 4"), whose second figure is not the greater."""
    out: list[Mention] = []
    n = 0
    while n < len(found):
        a = found[n]
        b = found[n + 1] if n + 1 < len(found) else None
        if b is not None and _score(a, b, text):
            n += 2  # "9 - 5": one record, as "9-5" is, not two counts
            continue
        if b is not None and _range(a, b, text):
            low, high = a.low, b.high
            out.append(replace(b, start=a.start, text=text[a.start:b.end], exact=False, low=low, high=high, stated=None, ranged=True))
            n += 2
            continue
        out.append(a)
        n += 1
    return out


# What follows a score or a record told with its second figure the greater ("a 2 - 14 record",
# "the Chiefs (2 - 13)"); a range counts a noun instead ("10 - 15 people").
SCORE_AFTER_RE = re.compile(r"\s*(?:\)|,\s*\d|(?:record|mark|win|victory|defeat|loss|lead|draw|deficit|season|"
                            r"scoreline|home|away|on\s+the\s+road)\b)", re.IGNORECASE)

PART_AFTER_RE = re.compile(r"\s+(?:of|among|were|are|was|is|have|had)\b", re.IGNORECASE)


def _score(a: Mention, b: Mention, text: str) -> bool:
    """Two counts joined by a dash, however spaced, that are one score or record ("rose to 9 -
    5", "the Colts (10–5)", "a 2 - 14 record"): its second figure no greater than its first, where
    a range's is, or told as a score. "9-5" unspaced is read as no figure at all; so is this."""
    if a.kind != "count" or b.kind != "count" or not (a.exact and b.exact) or a.unit or b.unit \
            or a.stated is None or b.stated is None or a.ranged:
        return False
    if text[a.end:b.start].strip() not in ("-", "–") or PART_AFTER_RE.match(text, b.end):
        return False  # "killed 12 – 3 of them children": a dash between two counts
    return b.stated <= a.stated or bool(SCORE_AFTER_RE.match(text, b.end))


def _range(a: Mention, b: Mention, text: str) -> bool:
    if a.kind == "date" or a.stated is None or b.stated is None:
        return False
    bare = a.kind == "count" and a.unit is None and a.exact  # "20 to 30 percent": the first end as the second
    if (a.kind, a.unit) != (b.kind, b.unit) and not (bare and b.kind == "percent"):
        return False
    if not b.exact or not a.stated < b.stated or a.low is None or b.high is None:
        return False  # "three to more than four", "5 to 4"
    joint = text[a.end:b.start].strip().lower()
    before = text[max(0, a.start - 24):a.start]
    if joint == "and":
        return bool(BETWEEN_RE.search(before))
    return joint in RANGE_WORDS and not CHANGE_BEFORE_RE.search(before)


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
        return Mention(source, paragraph, s, e, whole, "date", False, weekday=whole.lower(), edge=_edge(text, s, e))
    if g["decade"]:  # "the 1930s", "the 1930's": any year of ten, not 1930
        return Mention(source, paragraph, s, e, whole, "date", False, date=f"{g['decade']}s")
    if g["wdecade"]:
        century, tens = re.split(r"[-\s]+", g["wdecade"].lower())
        return Mention(source, paragraph, s, e, whole, "date", False, date=f"{SMALL[century]}{DECADES[tens]}0s")
    if g["age"]:  # "16-year-old", "Sixteen - year - old"
        value = _number(g["age"])
        return Mention(source, paragraph, s, e, whole, "count", True, value, value, stated=value)
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
        if FRACTION_AFTER_RE.match(text, e) or FRACTION_BEFORE_RE.search(text, max(0, s - 4), s):
            return None  # "4 1/2", "24/7", "2008/09", "4\ufffd" (a character lost): no count of its own
        model = MODEL_BEFORE_RE.search(text, max(0, s - 9), s)
        if model and (model.group(1) == "-" or COUNTED_MODEL_RE.search(text, max(0, s - 30), s)):
            return None  # "AK-47", "F-16": a name
        if not g["scale"] and not g["unit"] and CLOCK_RE.match(text, e):
            return None  # "7.40 Uhr", "2000 GMT": a time of day
        if YEAR_RE.match(raw) and not g["scale"] and not g["unit"] and not hedge:
            return Mention(source, paragraph, s, e, whole, "date", True, date=raw)
        if YEAR_RE.match(raw) and not g["scale"] and not g["unit"] and _hedged_year(text, s, e, hedge):
            return Mention(source, paragraph, s, e, whole, "date", False, date=raw)
        if TIME_OF_DAY_RE.match(text, e) or MINUTES_RE.search(text, max(0, s - 4), s):
            return None  # a time of day ("1: 53": its minutes too)
        before = WORD_BEFORE_RE.search(text[max(0, s - 40):s])
        word = before.group(1) if before else ""
        ends_sentence = word.endswith(".") and len(word) > 4 and word[:-1].isalpha()  # "Alder. Two buses"
        if not hedge and word and word[0].isupper() and word.lower() not in LEADING and not ends_sentence:
            return None  # "Windows 8", "Apollo 11", "ABC 10", "No. 5": part of a name
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit() or len(raw) > 7 and raw.isdigit():
            return None  # "05", "0504", "20130504": a time, a code or an id, not a quantity
        if not hedge and not g["scale"] and _code(text, s, e):
            return None  # "0845 125 2222": a group of a phone number or a code
        if not hedge and not g["scale"] and raw.isdigit() and ADDRESS_RE.match(text, e):
            return None  # "200 W. American Blvd.", "473 East 52nd Street": a house number
        value = _number(raw) * (12 if g["dozen"] else 1) * SCALE.get((g["scale"] or "").lower(), 1)
        lo, hi, exact = _hedged(value, hedge)
        unit = CURRENCY.get(g["unit"].strip(" -").lower()) if g["unit"] else None
        return Mention(source, paragraph, s, e, whole, "money" if unit else "count", exact, lo, hi, unit, stated=value)
    return None


# Words before "about 1970" that make it a year ("in about 1970"), not a count ("about 1970 people").
YEAR_BEFORE_RE = re.compile(r"\b(?:in|since|from|until|till|by|circa|of)\s+$", re.IGNORECASE)
NO_NOUN_AFTER_RE = re.compile(r"\s*(?:[,.;:)]|$|and\b|when\b|after\b|before\b|to\b)", re.IGNORECASE)


def _hedged_year(text: str, s: int, e: int, hedge: str | None) -> bool:
    """A hedged number that is a year: "in about 1970", "met around 1970, when …"; not "about
    2000 people". Only a hedge that rounds may soften a year."""
    if not hedge or " ".join(hedge.lower().split()) not in ROUNDING:
        return False
    return bool(YEAR_BEFORE_RE.search(text, max(0, s - 8), s) or NO_NOUN_AFTER_RE.match(text, e))


LATE_BEFORE_RE = re.compile(r"\blate\s+(?:on\s+)?$", re.IGNORECASE)
EARLY_BEFORE_RE = re.compile(r"\b(?:early\s+(?:on\s+)?|early\s+hours\s+of\s+|small\s+hours\s+of\s+)$", re.IGNORECASE)
LATE_AFTER_RE = re.compile(r"\s+(?:night|late)\b", re.IGNORECASE)


def _edge(text: str, s: int, e: int) -> str | None:
    """Whether a weekday is told at the end of its day ("late Thursday", "Thursday night") or at
    its start ("early Friday", "in the early hours of Friday")."""
    before = text[max(0, s - 24):s]
    if LATE_BEFORE_RE.search(before) or LATE_AFTER_RE.match(text, e):
        return "late"
    if EARLY_BEFORE_RE.search(before):
        return "early"
    return None


def _code(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] is a group of a phone number or a code: a run of digit groups side by
    side, three groups or more, or one of them opening on 0 ("0800 555111"). "In 2008 500
    people" is two figures."""
    line_start = text.rfind("\n", 0, s) + 1
    for run in GROUPS_RE.finditer(text, max(line_start, s - 40), min(len(text), e + 40)):
        if run.start() <= s and e <= run.end():
            # the figure's own groups ("12 000") are one number
            groups = [*text[run.start():s].split(), text[s:e], *text[e:run.end()].split()]
            return len(groups) >= 3 or any(x.startswith("0") for x in groups)
    return False


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
