"""Folding what only one source tells: runs of single-source rows shown as one slim strip.

On real coverage half the rows may hold one source's paragraph alone, so most cells read
"not covered" and the rows several sources tell are far apart. Folded, each run of consecutive
single-source rows is one line ("only in 3 · 4 paragraphs") that `enter` opens. With a base
source (B), the runs of rows the base does not tell fold instead ("not in the base · in 2, 4 ·
72 rows"): after a short base's paragraph, the others may add dozens. Pure data: the grid draws it
and keeps the rows' indices as they are (a folded row is 0 lines high), so every jump, search
and count goes on naming rows as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyview.reader.widgets.rows import Row

FOLD_SHARE = 1 / 3
"""Fold from the start where more than this share of the rows hold one source."""


@dataclass(frozen=True)
class Run:
    """Consecutive single-source rows `start` .. `end - 1`."""

    start: int
    end: int

    def __contains__(self, row: object) -> bool:
        return isinstance(row, int) and self.start <= row < self.end

    def __len__(self) -> int:
        return self.end - self.start


def single(row: Row) -> bool:
    return not row.boilerplate and len(row.cells) == 1


def folds(row: Row, base: str | None = None) -> bool:
    """A row a fold hides: one source tells it; with a base, one the base does not tell (what it
    tells, alone or not, is what is being read)."""
    if base is None:
        return single(row)
    return not row.boilerplate and base not in row.cells


def folded_runs(rows: Sequence[Row], base: str | None = None) -> list[Run]:
    """Every maximal run of consecutive group rows that `folds`, in order."""
    runs: list[Run] = []
    start: int | None = None
    for i, row in enumerate([*rows, None]):
        if row is not None and folds(row, base):
            if start is None:
                start = i
        elif start is not None:
            runs.append(Run(start, i))
            start = None
    return runs


def fold_by_default(rows: Sequence[Row], base: str | None = None) -> bool:
    """Whether a story opens folded: more than a third of its group rows hold one source (or,
    with a base, are not the base's)."""
    groups = [row for row in rows if not row.boilerplate]
    return bool(groups) and sum(folds(row, base) for row in groups) > FOLD_SHARE * len(groups)


def numbers_that_fit(numbers: Sequence[int], room: int) -> str:
    """"4, 7, 8, 9, 13, 16, 17", or as many whole numbers as fit with how many are left: "4, 7, 8 +4".

    A number is never cut in half: "…, 13, 1" would read as source 1.
    """
    full = ", ".join(map(str, numbers))
    if len(full) <= room or len(numbers) < 2:
        return full
    for keep in range(len(numbers) - 1, 0, -1):
        shown = ", ".join(map(str, numbers[:keep])) + f" +{len(numbers) - keep}"
        if len(shown) <= room:
            return shown
    return f"{numbers[0]} +{len(numbers) - 1}"


def strip_words(rows: Sequence[Row], run: Run, position: dict[str, int], room: int = 80) -> str:
    """What a folded run says in `room` cells: "only in 3 · 4 paragraphs", "only in 3, 5 +2 · 9
    paragraphs"; a run rows of several sources share (with a base): "not in the base · in 2, 4 · 12 rows"."""
    numbers: list[int] = []
    paragraphs = 0
    for row in rows[run.start : run.end]:
        for source, members in row.cells.items():
            paragraphs += len(members)
            if position[source] + 1 not in numbers:
                numbers.append(position[source] + 1)
    numbers.sort()
    if all(single(row) for row in rows[run.start : run.end]):
        tail = f" · {paragraphs} paragraph{'s' * (paragraphs != 1)}"
        return framed_numbers(numbers, room, (("only in ", tail), ("only in ", "")))
    tail = f" · {len(run)} row{'s' * (len(run) != 1)}"
    return framed_numbers(numbers, room, (("not in the base · in ", tail), ("not in the base · in ", ""),
                                          ("not in base · ", "")))


def framed_numbers(numbers: Sequence[int], room: int, frames: Sequence[tuple[str, str]]) -> str:
    """`numbers_that_fit` between the first (head, tail) of `frames` that fits in `room` with
    them (else the last): words around the numbers give way before a number does."""
    head, shown, tail = "", "", ""
    for head, tail in frames:
        shown = numbers_that_fit(numbers, room - len(head) - len(tail))
        if len(head) + len(shown) + len(tail) <= room:
            break
    return f"{head}{shown}{tail}"


class Folding:
    """Which runs are folded now: all of them while folding is on, save those opened with enter."""

    def __init__(self, rows: Sequence[Row], on: bool, base: str | None = None) -> None:
        self.runs = folded_runs(rows, base)
        self.on = on
        self.opened: set[int] = set()
        self._run_of = {row: run for run in self.runs for row in range(run.start, run.end)}

    def run_of(self, row: int) -> Run | None:
        """The folded run a row is in, or None where the row shows as itself."""
        run = self._run_of.get(row)
        return run if run is not None and self.on and run.start not in self.opened else None

    def open(self, row: int) -> Run | None:
        """Unfold the run holding `row` (enter on a strip, or a jump into it); returns it."""
        run = self.run_of(row)
        if run is not None:
            self.opened.add(run.start)
        return run

    def set(self, on: bool) -> None:
        self.on = on
        self.opened.clear()

    def heights(self, heights: list[int]) -> list[int]:
        """Row heights with each folded run as one line (its first row) and 0 for the rest."""
        if not self.on:
            return heights
        for run in self.runs:
            if run.start in self.opened or run.end > len(heights):
                continue
            heights[run.start] = 1
            heights[run.start + 1 : run.end] = [0] * (len(run) - 1)
        return heights

    def folded_rows(self) -> int:
        """How many rows are folded away now."""
        if not self.on:
            return 0
        return sum(len(run) for run in self.runs if run.start not in self.opened)
