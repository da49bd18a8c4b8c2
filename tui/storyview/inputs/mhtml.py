"""MHTML (.mhtml, .mht): a web page saved as one file, the page and its images as MIME parts.

Browsers save it so ("Save page as: single file"). The page is the first text/html part;
the `email` package decodes it (quoted-printable or base64). Only that part is parsed: the
images around it may be tens of megabytes, found by their boundaries and never decoded.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, replace

SUFFIXES = (".mhtml", ".mht")
_HEAD_RE = re.compile(rb"^\s*(?:[!-9;-~]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?\s*MIME-Version\s*:", re.I)
_MULTIPART_RE = re.compile(rb"content-type\s*:\s*multipart/related", re.I)
_HEADER_END_RE = re.compile(rb"\r?\n\r?\n")
_BOUNDARY_RE = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))""", re.I)
_DATE_RE = re.compile(rb"^date\s*:\s*([^\r\n]{1,100})", re.I | re.M)


@dataclass(frozen=True)
class Part:
    """The page of an MHTML file: its HTML bytes, their charset, the address it was saved from
    and the day it was saved (its Date header, ISO)."""

    html: bytes
    charset: str | None
    url: str | None
    date: str | None = None


def saved_date(header: bytes) -> str | None:
    """The calendar day of a MIME header's Date ("Fri, 14 Nov 2026 19:00:00 -0000"), as written."""
    m = _DATE_RE.search(header)
    try:
        when = email.utils.parsedate_to_datetime(m.group(1).decode("ascii", "replace")) if m else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.date().isoformat() if when else None


def looks_like_mhtml(data: bytes) -> bool:
    """A MIME message of related parts (a saved page), by its first lines, whatever its name."""
    head = data[:4096].replace(b"\r\n", b"\n")
    return bool(_HEAD_RE.match(head)) and bool(_MULTIPART_RE.search(head))


class More(Exception):
    """The bytes given end before the page part does: read on."""


def page_part(data: bytes, complete: bool = True) -> Part | None:
    """The first text/html part of an MHTML file, decoded; None when it has none.

    Where `data` is only the start of the file (`complete` false) and the page part has not
    ended in it, raises More.
    """
    end = _HEADER_END_RE.search(data, 0, 65536)
    if end is None and not complete:
        raise More
    header = data[: end.end()] if end else data[:65536]
    part = _page_part(data, header, complete)
    return replace(part, date=saved_date(header)) if part else None


def _page_part(data: bytes, header: bytes, complete: bool) -> Part | None:
    m = _BOUNDARY_RE.search(header)
    if m is None:  # one part only: the message is the page
        if not complete:
            raise More
        return _decoded(data)
    delimiter = b"--" + (m.group(1) or m.group(2))
    at = data.find(delimiter, len(header))
    while True:
        if at < 0:
            if complete:
                return None
            raise More
        start = data.find(b"\n", at) + 1
        if data[at + len(delimiter): at + len(delimiter) + 2] == b"--":
            return None  # the closing delimiter
        if start <= 0:
            if complete:
                return None
            raise More
        nxt = data.find(delimiter, start)
        if nxt < 0 and not complete:
            raise More
        part_header = _HEADER_END_RE.split(data[start: start + 8192], 1)[0]
        if re.search(rb"^content-type\s*:\s*text/html", part_header, re.I | re.M):
            return _decoded(data[start: nxt if nxt >= 0 else len(data)])
        at = nxt


def _decoded(part: bytes) -> Part | None:
    message = email.message_from_bytes(part, policy=email.policy.compat32)
    if message.is_multipart():
        html = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        if html is None:
            return None
        message = html
    payload = message.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    location = message.get("Content-Location")
    return Part(payload, message.get_content_charset(), str(location).strip() if location else None)
