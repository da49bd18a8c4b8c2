"""Find a phrase in every source of a Story, as character spans the reader can highlight.

Pure Python on purpose (no Textual): the reader, an exporter or a test can all ask the same
question and get the same answer. Matching is literal (not a regular expression), "smart
case" (a query with no capital letter ignores case, one with a capital respects it) and "smart
accents" (a query with no accent ignores accents, so "gottingen" finds "Göttingen" for a reader
without an umlaut key; one with an accent matches it exactly).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from storyview.model import Kind, Member, Story

__all__ = ["Match", "compile_query", "search"]


@dataclass(frozen=True, order=True)
class Match:
    """One occurrence of the query: `text[start:end]` of a paragraph of one source."""

    source: str
    paragraph: int
    start: int
    end: int

    @property
    def member(self) -> Member:
        return Member(self.source, self.paragraph)


FOLDED = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
          "œ": "oe", "Œ": "OE", "ı": "i"}
"""Letters that no Unicode decomposition takes to a plain one, and what a plain keyboard types for them."""


def plain(ch: str) -> str:
    """A Latin letter without its accents ("ö" -> "o", "ß" -> "ss"); "" for a lone combining mark.
    Other scripts keep theirs: "й" and "и", "が" and "か" are different letters, not one accented."""
    if ch in FOLDED:
        return FOLDED[ch]
    if ch.isascii():
        return ch
    bare = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return bare if bare.isascii() else ch


def has_accents(query: str) -> bool:
    """Whether a query names an accent (or a letter like "ß"), and so asks to match it exactly."""
    return any(plain(ch) != ch for ch in query)


def fold(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without accents, and for each of its characters the span of `text` it came from.

    Offsets go back to the original text, so a highlight covers "Gö" whole, a combining accent
    after a letter included.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        bare = plain(ch)
        if not bare:  # a combining mark: it belongs to the letter before it
            if ends and ends[-1] == i:
                ends[-1] = i + 1
            continue
        for c in bare:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(out), starts, ends


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for a query, or None for a blank one.

    Whitespace in the query matches any run of whitespace, so a phrase still matches where
    the source wrapped or double-spaced it.
    """
    words = query.split()
    if not words:
        return None
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    return re.compile(r"\s+".join(re.escape(word) for word in words), flags)


def search(
    story: Story,
    query: str,
    *,
    kinds: Iterable[Kind] = ("body",),
    sources: Iterable[str] | None = None,
) -> tuple[Match, ...]:
    """Every match of `query` in the paragraphs of the given kinds, in article then text order.

    The reader searches the paragraphs its grid has rows for (body, and boilerplate when
    shown): a headline or byline is drawn in a column's header, which a match cannot go to.

    `sources` limits the search to those article ids (all articles when None).
    """
    pattern = compile_query(query)
    if pattern is None:
        return ()
    exact = has_accents(query)
    wanted_kinds = frozenset(kinds)
    wanted_sources = None if sources is None else frozenset(sources)
    found: list[Match] = []
    for article in story.articles:
        if wanted_sources is not None and article.id not in wanted_sources:
            continue
        # A Member names a paragraph by its position in `paragraphs` (see Story.paragraph).
        for position, paragraph in enumerate(article.paragraphs):
            if paragraph.kind not in wanted_kinds:
                continue
            found += (Match(article.id, position, start, end) for start, end in spans(pattern, paragraph.text, exact))
    return tuple(found)


def spans(pattern: re.Pattern[str], text: str, exact: bool) -> Iterable[tuple[int, int]]:
    """Where `pattern` matches `text`, as offsets into `text`; unless `exact`, accents ignored."""
    if exact or text.isascii():
        yield from ((hit.start(), hit.end()) for hit in pattern.finditer(text) if hit.end() > hit.start())
        return
    folded, starts, ends = fold(text)
    for hit in pattern.finditer(folded):
        if hit.end() > hit.start():
            yield starts[hit.start()], ends[hit.end() - 1]
