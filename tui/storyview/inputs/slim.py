"""A large saved page without its bulk: inline data and script and style bodies, which hold no
article text, are dropped from the bytes before a size cap is applied.

A page saved "as a single file" (SingleFile, a browser's save) keeps its images, fonts and
styles inline as `data:` addresses, and a page drawn by a script keeps its state in a JSON
script (`__NEXT_DATA__`): the article is a few kilobytes among megabytes of these, often after
them. Cutting the raw bytes at the cap would cut the page inside them and lose the article.
"""

from __future__ import annotations

import mmap
import re
from dataclasses import dataclass

# What is left out: a script or style body, and a long `data:` payload (an image, a font).
# A script that states schema.org metadata (JSON-LD, an article's date, author and body) stays.
_BULK_RE = re.compile(
    rb"(<(?:script|style)\b[^>]*>)([^<]*(?:<(?!/(?:script|style)\b)[^<]*)*)(</(?:script|style)\s*>|\Z)"
    rb"|data:[a-z]+/[\w.+-]+[^,\"'\s<>]{0,200},[^\"'\s<>)]{256,}",
    re.I | re.S,
)
_LD_JSON = re.compile(rb"application/ld\+json", re.I)
# A JSON-LD script longer than this is not metadata (a site's whole state as "structured data").
MAX_LD_JSON = 1_000_000


@dataclass(frozen=True)
class Slimmed:
    """A page's bytes without its bulk, at most the cap; `read` raw bytes of it were gone through
    (all of them when `whole`)."""

    data: bytes
    read: int
    whole: bool


def slim(buffer: bytes | mmap.mmap, limit: int) -> Slimmed:
    """`buffer` (bytes or an mmap) without inline data or script and style bodies, cut at `limit`.

    The scan stops once `limit` bytes are kept, and each kept piece is copied once, so time and
    memory follow what is kept, never the whole of a huge page.
    """
    kept: list[bytes] = []
    room = limit

    def keep(start: int, end: int) -> int | None:
        """Keep buffer[start:end]; where in the raw page the cap cut it, when it did."""
        nonlocal room
        piece = buffer[start:min(end, start + room)]
        kept.append(bytes(piece))
        room -= len(piece)
        return start + len(piece) if end - start > len(piece) else None

    at = 0
    for m in _BULK_RE.finditer(buffer):
        cut = keep(at, m.start())
        if cut is None:
            if m.group(1) is None:  # a data: address: its scheme stays, its payload goes
                cut = keep(m.start(), m.start() + 5)
            elif _LD_JSON.search(m.group(1)) and m.end(2) - m.start(2) <= MAX_LD_JSON:
                cut = keep(m.start(), m.end())
            else:
                cut = keep(m.start(1), m.end(1))
                cut = keep(m.start(3), m.end(3)) if cut is None else cut
        if cut is not None:
            return Slimmed(b"".join(kept), cut, False)
        at = m.end()
    cut = keep(at, len(buffer))
    return Slimmed(b"".join(kept), len(buffer) if cut is None else cut, cut is None)
