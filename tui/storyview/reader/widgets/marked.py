"""Paragraph text with the reader's marks on it, as a rich Text (article text is data, never markup).

One function builds every highlighted paragraph the UI shows (grid cells, reading mode,
detail), so "unique", "heat" and "match" look the same everywhere. Styles come in from the
widget (resolved from theme variables in the .tcss), so this module knows no colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import re

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from storyview.engine.segment import CJK, CJK_RE
from storyview.model import Marks, Span

HEAT_LEVELS = 3
"""Shades for text shared by 2, 3 and 4+ sources (1 source = the unique style)."""


@dataclass(frozen=True)
class MarkStyles:
    """The resolved styles a marked paragraph needs."""

    base: Style
    unique: Style
    heat: tuple[Style, ...]
    """Shared by 2, 3, 4+ sources (length HEAT_LEVELS)."""
    match: Style
    current: Style


def marked_text(
    text: str,
    styles: MarkStyles,
    marks: Marks | None = None,
    *,
    heat: bool = False,
    matches: Iterable[Span] = (),
    current: Span | None = None,
) -> Text:
    """The paragraph as Text: unique spans (or heat shading), search matches, the current mark.

    Later layers win: heat, then unique, then matches, then the current passage.
    """
    out = Text(text, style=styles.base, end="", no_wrap=False)
    if marks is not None:
        if heat:
            for run in marks.support:
                if run.sources >= 2 and run.end > run.start:
                    level = min(run.sources, HEAT_LEVELS + 1) - 2
                    out.stylize(styles.heat[level], run.start, run.end)
        for start, end in marks.unique:
            out.stylize(styles.unique, start, end)
    for start, end in matches:
        out.stylize(styles.match, start, end)
    if current is not None:
        out.stylize(styles.current, *current)
    return out


def wrap(text: Text, width: int, console: Console) -> list[Text]:
    """Word-wrap to `width` cells (long words fold); at least one line, even for "".

    Text with Han or kana, which puts no space between words, is broken between its
    characters as East Asian typesetting does (`_east_asian_lines`) rather than folded anywhere.
    """
    if width > 2 and not text.plain.isascii() and CJK_RE.search(text.plain):
        return _east_asian_lines(text, width) or [Text("", style=text.style, end="")]
    lines = list(text.wrap(console, max(1, width), justify="left", overflow="fold"))
    return lines or [Text("", style=text.style, end="")]


# Marks a line never starts with (East Asian closing punctuation, small kana, the iteration
# marks): they stay with the character before them. ASCII closers too, after a Han character.
WIDE_NO_START = "，。、．！？：；）」』】〉》〕］｝…‥・ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
NO_START = WIDE_NO_START + ",.!?:;)]}%"
# What a line may break before: a space, one Han or kana character, or a run of other letters,
# digits and ASCII marks ("12", "5.2", "U.S.", "M5"), each with the marks that must not start a
# line after it.
_UNIT_RE = re.compile(rf"\s+|[{CJK}][{re.escape(NO_START)}]*|[^\s{CJK}{WIDE_NO_START}]+[{WIDE_NO_START}]*"
                      rf"|[{re.escape(NO_START)}]+")


def _east_asian_lines(text: Text, width: int) -> list[Text]:
    """`text` in lines of at most `width` cells, broken between units (`_UNIT_RE`): never inside
    the "12" of "12月", nor before a "，"; a unit wider than a line folds. Styles carry over."""
    plain = text.plain
    lines: list[Text] = []
    start = used = 0  # where the line being filled starts, and its cells so far
    for unit in _UNIT_RE.finditer(plain):
        a, b = unit.span()
        if unit.group().isspace():
            if used:
                used += cell_len(unit.group())
            else:
                start = b  # no line starts with a space
            continue
        cells = cell_len(unit.group())
        if used and used + cells > width:
            lines.append(text[start:a])
            start, used = a, 0
        while cells > width:  # a word longer than a line
            at, taken = a, 0
            while at < b and taken + cell_len(plain[at]) <= width:
                taken += cell_len(plain[at])
                at += 1
            at = max(at, a + 1)
            lines.append(text[start:at])
            start = a = at
            cells = cell_len(plain[a:b])
        used += cells
    if start < len(plain):
        lines.append(text[start:])
    for line in lines:
        line.rstrip()
        line.end = ""
    return lines


def line_of_offset(lines: Sequence[Text], text: str, offset: int) -> int:
    """Which wrapped line holds character `offset` of `text` (wrap drops spaces at breaks)."""
    position = 0
    for i, line in enumerate(lines):
        plain = line.plain.rstrip()
        found = text.find(plain, position) if plain else position
        start = found if found >= 0 else position
        end = start + len(plain)
        if offset < end or i == len(lines) - 1:
            return i
        position = end
    return 0
