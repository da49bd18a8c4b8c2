"""A large saved page without its bulk: inline data and script and style bodies, which hold no
article text, are dropped from the bytes before a size cap is applied.

A page saved "as a single file" (SingleFile, a browser's save) keeps its images, fonts and
styles inline as `data:` addresses, and a page drawn by a script keeps its state in a JSON
script (`__NEXT_DATA__`): the article is a few kilobytes among megabytes of these, often after
them. Cutting the raw bytes at the cap would cut the page inside them and lose the article.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
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


# Where a script or style body ends, and where a data: payload ends.
_END_RE = re.compile(rb"</(?:script|style)\s*>", re.I)
_PAYLOAD_END_RE = re.compile(rb"[\"'\s<>)]")
# Bytes held back at a chunk's end (at most), where a bulk match may begin that the next chunk
# completes: more than an opening tag, or a data: address up to its 256th byte of payload.
HOLD = 4096
CHUNK = 4_000_000


@dataclass(frozen=True)
class Slimmed:
    """A page's bytes without its bulk, at most the cap; `read` raw bytes of it were gone through
    (all of them when `whole`)."""

    data: bytes
    read: int
    whole: bool


def slim(data: bytes, limit: int, cap: int | None = None) -> Slimmed:
    """`data` without inline data or script and style bodies, cut at `limit` bytes; at most `cap`
    bytes of it are gone through (not whole if it holds more)."""
    return slim_stream(io.BytesIO(data).read, limit, len(data) if cap is None else cap)


def slim_stream(read: Callable[[int], bytes], limit: int, cap: int, chunk: int = CHUNK) -> Slimmed:
    """What `read` gives, without inline data or script and style bodies, cut at `limit` bytes;
    at most `cap` raw bytes are read, `chunk` at a time.

    Nothing skipped is kept, so memory follows the chunk and what is kept, never the page; the
    reading stops once `limit` bytes are kept.
    """
    kept: list[bytes] = []
    room = limit
    offset = 0  # where in the raw page `buffer` starts
    buffer = b""
    skipping: re.Pattern[bytes] | None = None  # inside a bulk body: what ends it
    total = 0
    hold = min(HOLD, chunk // 2)

    def keep(start: int, end: int) -> int | None:
        """Keep buffer[start:end]; the raw offset where the cap cut it, when it did."""
        nonlocal room
        piece = buffer[start:min(end, start + room)]
        kept.append(piece)
        room -= len(piece)
        return offset + start + len(piece) if end - start > len(piece) else None

    while True:
        more = read(min(chunk, cap - total)) if total < cap else b""
        total += len(more)
        last = not more or total >= cap
        buffer += more
        at = 0
        if skipping is not None:
            end = skipping.search(buffer)
            if end is None:  # the body goes on; an end marker may begin in its last bytes
                at = len(buffer) if last else max(len(buffer) - 16, 0)
                offset, buffer = offset + at, buffer[at:]
                if last:
                    break
                continue
            at, skipping = end.start(), None
        safe = len(buffer) if last else len(buffer) - hold
        for m in _BULK_RE.finditer(buffer, at):
            if m.start() >= safe:
                break
            cut = keep(at, m.start())
            if cut is not None:
                return Slimmed(b"".join(kept), cut, False)
            open_end = m.end() == len(buffer) and not last  # the next chunk may go on with it
            if open_end and m.group(1) is not None and _LD_JSON.search(m.group(1)) and m.end(2) - m.start(2) <= MAX_LD_JSON:
                safe = at = m.start()  # metadata, kept whole: read on until it ends
                break
            if m.group(1) is None:  # a data: address: its scheme stays, its payload goes
                cut, at = keep(m.start(), m.start() + 5), m.end()
                skipping = _PAYLOAD_END_RE if open_end else None
            elif open_end:
                cut, at = keep(m.start(1), m.end(1)), max(m.end(1), len(buffer) - 16)
                skipping = _END_RE
            elif _LD_JSON.search(m.group(1)) and m.end(2) - m.start(2) <= MAX_LD_JSON:
                cut, at = keep(m.start(), m.end()), m.end()
            else:
                cut = keep(m.start(1), m.end(1))
                cut, at = cut if cut is not None else keep(m.start(3), m.end(3)), m.end()
            if cut is not None:
                return Slimmed(b"".join(kept), cut, False)
            if skipping is not None:
                break
        if skipping is None and at < safe:
            cut, at = keep(at, safe), safe
            if cut is not None:
                return Slimmed(b"".join(kept), cut, False)
        offset, buffer = offset + at, buffer[at:]
        if last:
            break
    whole = total < cap or not read(1)
    return Slimmed(b"".join(kept), offset + len(buffer), whole)
