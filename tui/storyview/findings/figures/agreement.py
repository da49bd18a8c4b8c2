"""When two figures agree: the same value, compatible but imprecise, or a conflict."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from storyview.findings.figures.mentions import (
    HEDGES,
    ROUNDING,
    WEEKDAYS,
    Mention,
    Status,
    _bounds,
)


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
        elif m.date.endswith("s"):
            fields["decade"] = int(m.date[:3])  # "1930s": compared with decades only (the 1950s pin-up, 1957)
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
            return "imprecise" if midnight(a, b) else "conflict"
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
    if a.ranged and b.ranged and not ha and not hb:
        return "conflict"  # "between 40 and 80 percent", "40 percent to 70 percent": two ranges given (the same: agreed above)
    overlap = min(a.high, b.high) >= max(a.low, b.low)
    return "imprecise" if overlap else "conflict"


def midnight(a: Mention, b: Mention) -> bool:
    """Two weekdays a day apart told near the midnight between them ("late Thursday" and
    "early Friday", "Thursday night" and "Friday"): one moment, told on either side of it."""
    if not a.weekday or not b.weekday or a.date or b.date or a.month or b.month:
        return False
    apart = (WEEKDAYS.index(b.weekday) - WEEKDAYS.index(a.weekday)) % 7
    if apart == 6:
        a, b, apart = b, a, 1
    # "early Friday" and "early Saturday" are a whole day apart, however near midnight one is.
    return apart == 1 and a.edge != "early" and b.edge != "late" and (a.edge == "late" or b.edge == "early")


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
