"""Read articles: bytes → text → clean text → paragraphs with kinds and metadata.

Inputs are files (plain text, Markdown, saved web pages), folders of them, `http(s)://`
addresses and `-` for standard input. Web pages go through trafilatura (`storyview.inputs.web`),
Markdown through `storyview.inputs.markdown`; everything else is read as plain text.

Everything an article contains is data. Terminal control never survives `clean`, and an input
that cannot be read becomes a one-line warning, never an exception.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from storyview.inputs import markdown as mdtext, web
from storyview.inputs.boilerplate import classify, title_like
from storyview.inputs.bundled import seeds_dir
from storyview.model import Article, Kind, Paragraph, Progress

# What a folder contributes; a file named on the command line is read whatever its name.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN = "-"
STDIN_PATH = "<stdin>"
# No news article comes near this; the cap keeps a huge file to bounded time and memory.
MAX_BYTES = 1_000_000
# A saved web page carries scripts and styles around the article: it may be ten times larger.
MAX_PAGE_BYTES = 10_000_000
MAX_PARAGRAPH = 20_000
MAX_PARAGRAPHS = 5_000

ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"  # OSC (titles, hyperlinks), terminated
    r"|\x1b\][0-9;]*"  # OSC never terminated: drop the introducer, keep the text that follows
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC, terminated
    r"|\x1b[ -/]*[0-~]?"  # any other escape (and an unterminated DCS introducer)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x90\x98\x9b-\x9f\n]*(?:\x07|\x9c)"  # 8-bit OSC
    r"|[\x90\x98\x9e\x9f][^\x1b\x90\x98\x9b-\x9f\n]*\x9c"  # 8-bit DCS, SOS, PM, APC
)
# (A payload never runs over another introducer, so a string of them is scanned once: linear.)
# Line breaks other than \n: vertical tab, form feed, NEL, line and paragraph separators.
BREAKS = {ord("\x0b"): "\n", ord("\x0c"): "\n\n", ord("\x85"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n\n"}
# Bidi controls reorder what a reader sees; invisible formatters hide text from matching.
# (Format characters that print, such as the Arabic number signs, stay.)
INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F),
     *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC),
     *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), 0xE0001],
    None,
)
# Tag characters are invisible text, except inside an emoji flag sequence (🏴 + tags + cancel).
TAGS_RE = re.compile("\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F|[\U000E0020-\U000E007F]")
JOINERS_RE = re.compile("[\u200c\u200d]+")
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Any character `clean` may change: not printable ASCII or Latin-1, newline or tab, or a soft hyphen.
UNCLEAN_RE = re.compile("[^\t\n\x20-\x7e\xa0-\xac\xae-\xff]")


@dataclass
class Loaded:
    """Articles that loaded and warnings for everything that did not."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _plain(ch: str) -> bool:
    """A character next to which a zero-width (non-)joiner does nothing: space, Latin, Greek, Cyrillic."""
    o = ord(ch)
    return ch.isspace() or o < 0x250 or 0x370 <= o < 0x530 or 0x1E00 <= o < 0x2000


def _joiner(m: re.Match[str]) -> str:
    text = m.string
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    # Emoji sequences and scripts that shape letters (Arabic, Indic) need them; elsewhere they
    # only hide a word from matching ("Mam\u200ddani").
    return "" if _plain(before) or _plain(after) else m.group()[0]


def clean(text: str) -> str:
    """Text as a person reads it: no escape sequences or control characters, NFC, `\\n` line ends.

    Newline and tab are layout (a tab becomes a space); other line breaks become newlines;
    escape sequences, C0/C1 controls, bidi overrides and invisible characters are removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not UNCLEAN_RE.search(text):  # most articles: each step below would go through it for nothing
        return text.replace("\t", " ")
    text = text.translate(BREAKS)
    text = ESCAPE_RE.sub("", text)
    text = text.translate(INVISIBLE)
    if "\U000E0000" <= max(text, default=" "):
        text = TAGS_RE.sub(lambda m: m.group() if len(m.group()) > 1 else "", text)
    text = CONTROL_RE.sub("", text)
    text = JOINERS_RE.sub(_joiner, text)
    text = text.replace("\t", " ")
    return unicodedata.normalize("NFC", text)


def shown(path: str | Path) -> str:
    """A path as a warning may print it: control, bidi and undecodable characters made visible."""
    out = []
    for ch in str(path):
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or 0x7F <= o <= 0x9F:
            out.append(f"\\x{o:02x}")
        elif unicodedata.category(ch) in ("Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}")
        else:
            out.append(ch)
    return "".join(out)


class Unusable(Exception):
    """A file that is not an article; its message is the warning the user sees."""


def decode(data: bytes) -> str:
    """Bytes to text: BOMs first, then strict UTF-8, then a real charset detector."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise Unusable("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and len(data) - exc.start < 4:
            # Cut inside the last character (a capped read): keep everything before it.
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors=LEGACY_FALLBACK)
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000], cp_exclusion=list(NOT_WEB))
    best = results.best()
    if best is None:
        raise Unusable("unknown text encoding")
    encoding = _preferred(best, list(results))
    if encoding.replace("-", "_").lower() in ("utf_8", "utf8"):
        return data.decode("utf-8", errors=LEGACY_FALLBACK)
    return data.decode(encoding, errors="replace")


# Web pages in a legacy encoding are Windows-1252 far more often than anything else; when the
# detector finds several single-byte pages equally plausible (a short English or French text
# reads the same in most of them), take the common one.
PREFERRED = ("cp1252", "latin_1", "iso8859_15")
# Code pages no saved web page uses (DOS, EBCDIC, old Mac) only win a detector's tie by
# accident ("Bürgermeister" read as cp775); UTF-7 would turn "+ADw-" into markup.
NOT_WEB = (
    "cp037", "cp1006", "cp1026", "cp1125", "cp1140", "cp273", "cp424", "cp437", "cp500", "cp720",
    "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860", "cp861",
    "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp875", "hp_roman8", "kz1048", "koi8_t",
    "mac_cyrillic", "mac_greek", "mac_iceland", "mac_latin2", "mac_roman", "mac_turkish", "ptcp154",
    "utf_7", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
)


def _preferred(best: Any, results: list[Any]) -> str:
    close = [
        name for m in results
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.02
        for name in (m.encoding, *m.could_be_from_charset)
    ]
    for name in PREFERRED:
        if name in close:
            return name
    return str(best.encoding)


def _legacy_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the stray bytes of a mostly-UTF-8 file as Windows-1252 (pasted “smart quotes”)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


LEGACY_FALLBACK = "storyview-cp1252"
codecs.register_error(LEGACY_FALLBACK, _legacy_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 characters far outnumber the bytes that are not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good >= 3 * max(bad, 1)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes on one side of every pair, almost none on the other."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        codec = "utf-16-le"
    elif even >= 0.4 * half and odd <= 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    body = data[: len(data) - len(data) % 2]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return None
    # Real text, not a table of numbers that happens to have a zero in every other byte.
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\n\r\x0c")
    return text if controls <= 0.01 * max(len(text[:4096]), 1) else None


# Control bytes that text does not have (tab, newline, form feed, carriage return and escape it may).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """Bytes that are not text: NULs, or control bytes text does not have, above a small share.

    A text with a stray NUL or two (a bad save, a NUL appended) is text; the cleaner drops them.
    Binary formats (images, archives, executables) have NULs and other control bytes all
    through: one in 256 of each in compressed data, far more in headers and tables.
    """
    head = data[:8192]
    if not head:
        return False
    nuls = head.count(0)
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return (
        controls > 0.1 * len(head)
        or nuls > 0.002 * len(head)  # at most 16 in 8 KB; any at all in a sample under 500 bytes
        or bool(nuls) and controls > 0.01 * len(head)
    )


# ---------------------------------------------------------------- paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Blocks between blank lines; a block of long lines is one paragraph per line.

    A hard-wrapped block (short lines that run on) is joined back into one paragraph.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return [piece for p in out for piece in _cap(re.sub(r"\s+", " ", p))]


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: lines that run on, all but the last nearly full.

    A header block of short lines (headline, "By ...", a date) is not wrapped prose: its lines
    differ too much in length.
    """
    if len(lines) < 2:
        return False
    width = max(len(ln) for ln in lines)
    if width > 100 or width < 30:
        return False
    body = lines[:-1]
    runs_on = sum(1 for ln in body if not re.search(r"[.!?:\"”’)]$", ln) or len(ln) >= 0.75 * width)
    short = sum(1 for ln in body if len(ln) < 0.6 * width)
    return (
        runs_on >= 0.6 * len(body)
        and sum(len(ln) for ln in body) / len(body) >= 0.5 * width
        and short <= 0.1 * len(body)
    )


def _cap(paragraph: str) -> list[str]:
    """Split a paragraph longer than MAX_PARAGRAPH at spaces: bounded work, nothing dropped."""
    pieces = []
    while len(paragraph) > MAX_PARAGRAPH:
        cut = paragraph.rfind(" ", MAX_PARAGRAPH // 2, MAX_PARAGRAPH)
        cut = cut if cut > 0 else MAX_PARAGRAPH
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    pieces.append(paragraph)
    return [p for p in pieces if p]


# ---------------------------------------------------------------- metadata

DATE_PREFIX_RE = re.compile(r"^\s*(?:date|published|updated|posted)[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?\s*", re.I)
# A date, or a timestamp ("2025-11-07T10:00:00Z", "2025-11-07T10:00+01:00"): the calendar date
# as written is groups 1-3.
ISO_DATE_RE = re.compile(
    r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+\-](?:[01]\d|2[0-3]):?[0-5]\d)?)?\b"
)
MONTHS = "january february march april may june july august september october november december".split()
MONTH_DATE_RE = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r"|" + "|".join(m[:3].capitalize() for m in MONTHS) +
    r")\.? (\d{1,2}),? ((?:19|20)\d{2})\b"
)
BYLINE_RE = re.compile(
    r"^(?:by|written by)\s+([^\W\d_][\w.'’\-]*(?:\s+(?:[^\W\d_][\w.'’\-]*|and|&)){0,6}?)\s*(?:[,|/–—-]\s*(.{2,60}?))?\.?$",
    re.I,
)
DATELINE_RE = re.compile(r"^(?:[A-Z][A-Za-z.\- ]{0,40},?\s+)?\(([A-Z][\w.&' ]{0,30})\)\s*[—–-]+\s*")


DAY_MONTH_RE = re.compile(
    r"\b(\d{1,2}) (" + "|".join(m.capitalize() for m in MONTHS) + r"|" + "|".join(m[:3].capitalize() for m in MONTHS) +
    r")\.?,? ((?:19|20)\d{2})\b"
)


def _month_date(text: str) -> tuple[str, int, int] | None:
    """"November 7, 2025" or "7 November 2025": the ISO date and where it stands."""
    m = MONTH_DATE_RE.search(text)
    if m:
        name, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = DAY_MONTH_RE.search(text)
        if not m:
            return None
        day, name, year = m.group(1), m.group(2), m.group(3)
    month = next(i for i, full in enumerate(MONTHS, 1) if full.startswith(name.lower()))
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}", m.start(), m.end()


def _valid_date(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _date_in(text: str) -> tuple[str, int, int] | None:
    """The first real calendar date a short line states (ISO, "November 7, 2025" or "7 November
    2025"), with where it stands."""
    iso = ISO_DATE_RE.search(text)
    found = ("-".join(iso.group(1, 2, 3)), iso.start(), iso.end()) if iso else _month_date(text)
    return found if found and _valid_date(found[0]) else None


def _stated_date(text: str) -> str | None:
    found = _date_in(text)
    return found[0] if found else None


def _outlet_and_date(text: str) -> tuple[str | None, str | None]:
    """"Port Alder Post — 3 March 2031" after a byline: the outlet, and the date it gives."""
    found = _date_in(text)
    if found is None:
        return text, None
    iso, start, end = found
    outlet = (text[:start] + text[end:]).strip(" ,|/–—-·")
    return outlet or None, iso


@dataclass
class _Header:
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    outlet: str | None = None


def parse_article(source_id: str, path: str, text: str) -> Article:
    """Paragraphs with kinds, and the metadata the text states (never invented)."""
    return _parse(source_id, path, split_paragraphs(text)[:MAX_PARAGRAPHS])


def _parse(
    source_id: str,
    path: str,
    raw: list[str],
    headings: Sequence[bool] = (),
    stated: _Header | None = None,
) -> Article:
    """Kinds and metadata of `raw` paragraphs.

    `headings` marks paragraphs the format itself calls headings (Markdown `#`, HTML `<h2>`):
    they are headlines whatever they say. `stated` is metadata the format states (a page's
    <meta> tags, front matter); it wins over what the text seems to say.
    """
    head = _Header()
    kinds: list[Kind] = []
    texts: list[str] = []
    seen_body = False
    for i, para in enumerate(raw):
        kind: Kind = "body"
        if i < len(headings) and headings[i]:
            if head.title is None and not seen_body:
                head.title = para
            texts.append(para)
            kinds.append("headline")
            continue
        m = DATE_PREFIX_RE.match(para)
        if m and head.date is None and not seen_body and _valid_date(m.group(1)):
            head.date = m.group(1)
            para = para[m.end():].strip()
            if not para:
                continue
        if not seen_body and i < 6:
            b = BYLINE_RE.match(para) if len(para) <= 120 and head.byline is None else None
            if b:
                head.byline = b.group(1).strip()
                if b.group(2):
                    head.outlet, dated = _outlet_and_date(b.group(2).strip())
                    head.date = head.date or dated
                kind = "byline"
            elif head.date is None and len(para) <= 60 and _stated_date(para):
                head.date = _stated_date(para)
                kind = "byline"
            elif head.title is None and not texts and title_like(para):
                head.title = para
                kind = "headline"
        if kind == "body":
            seen_body = True
            d = DATELINE_RE.match(para)
            if d and head.outlet is None and len(texts) < 8:
                head.outlet = d.group(1).strip()
        texts.append(para)
        kinds.append(kind)
    if stated is not None:
        head = _Header(
            stated.title or head.title, stated.date or head.date,
            stated.byline or head.byline, stated.outlet or head.outlet,
        )
    kinds = classify(texts, kinds, head.title)
    paragraphs = tuple(Paragraph(i, k, t) for i, (k, t) in enumerate(zip(kinds, texts)))
    return Article(source_id, path, paragraphs, head.title, head.date, head.byline, head.outlet)


# ---------------------------------------------------------------- files and folders


def expand(arguments: list[str], loaded: Loaded) -> list[Path | str]:
    """Inputs to read, in order: files, web addresses and `-` (standard input) as given; a
    folder contributes its .txt, .md and .html files sorted by name."""
    files: list[Path | str] = []
    for arg in arguments:
        if not str(arg).strip():
            loaded.warnings.append(f"{shown(repr(arg))}: skipped, an empty name is no file")
            continue
        if str(arg) == STDIN or web.is_url(str(arg)):
            files.append(str(arg))
            continue
        if web.other_scheme(str(arg)) and not Path(arg).exists():
            loaded.warnings.append(f"{shown(arg)}: skipped, only http:// and https:// addresses are fetched")
            continue
        path = Path(arg)
        try:
            if path.is_symlink() and not path.exists():
                loaded.warnings.append(f"{shown(arg)}: skipped, broken or looping symlink")
            elif path.is_dir():
                found = sorted(
                    (p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")),
                    key=lambda p: p.name,
                )
                if not found:
                    loaded.warnings.append(f"{shown(arg)}: skipped, no .txt, .md or .html files in this folder")
                files.extend(found)
            elif path.exists():
                files.append(path)
            else:
                loaded.warnings.append(f"{shown(arg)}: skipped, no such file or folder")
        except OSError as exc:  # permission denied on the way, a name too long, ...
            loaded.warnings.append(f"{shown(arg)}: skipped, cannot open ({exc.strerror or exc})")
    return files


def read_article(path: Path, source_id: str) -> Article:
    """One file as an Article; raises Unusable with the reason to show.

    The format comes from the name (.html/.htm, .md/.markdown) or, for any other name, from
    the content: a file that opens with a doctype or <html> is a saved web page.
    """
    suffix = path.suffix.lower()
    try:
        if path.is_symlink() and not path.exists():
            raise Unusable("broken or looping symlink")
        if not path.is_file():
            raise Unusable("not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
            page = suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and web.looks_like_html(data))
            if page and len(data) > MAX_BYTES:
                data += fh.read(max(MAX_PAGE_BYTES - len(data), 0) + 1)
    except PermissionError:
        raise Unusable("permission denied") from None
    except OSError as exc:
        raise Unusable(f"cannot read ({exc.strerror or exc})") from None
    if page:
        return read_page(data, source_id, str(path))
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(data, source_id, str(path))
    return read_text(data, source_id, str(path))


def read_text(data: bytes, source_id: str, where: str) -> Article:
    """Plain text (at most MAX_BYTES of `data`, which may hold one byte more to show the cut)."""
    truncated, limit = len(data) > MAX_BYTES, ""
    decoded = decode(data[:MAX_BYTES])
    if not decoded.strip():
        raise Unusable("empty file")
    text = clean(decoded)
    if truncated:
        text = _cut(text)
        size = f"{MAX_BYTES // 1_000_000} MB" if MAX_BYTES >= 1_000_000 else f"{MAX_BYTES:,} bytes"
        limit = f"the first {size}"
    if not text.strip():
        raise Unusable("no readable text (only control or invisible characters)")
    raw = split_paragraphs(text)
    if len(raw) > MAX_PARAGRAPHS:
        raw, truncated, limit = raw[:MAX_PARAGRAPHS], True, f"the first {MAX_PARAGRAPHS:,} paragraphs"
    article = _parse(source_id, where, raw)
    if not article.paragraphs:
        raise Unusable("no text")
    if truncated:
        raise Truncated(article, limit)
    return article


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 and limit % 1_000_000 == 0 else f"{limit:,} bytes"


def _blocks_article(
    source_id: str, where: str, blocks: list[tuple[str, bool]], stated: _Header, truncated: str
) -> Article:
    """An Article from a format's blocks: each block split like plain text, headings kept whole."""
    raw: list[str] = []
    headings: list[bool] = []
    for text, heading in blocks:
        text = clean(text)
        pieces = _cap(" ".join(text.split())) if heading else split_paragraphs(text)
        raw.extend(pieces)
        headings.extend([heading] * len(pieces))
    if stated.title and " ".join(clean(stated.title).split()) not in raw[:3]:
        raw.insert(0, " ".join(clean(stated.title).split()))
        headings.insert(0, True)
    raw = [r for r in raw if r]
    if len(raw) > MAX_PARAGRAPHS:
        raw, headings, truncated = raw[:MAX_PARAGRAPHS], headings[:MAX_PARAGRAPHS], f"the first {MAX_PARAGRAPHS:,} paragraphs"
    article = _parse(source_id, where, raw, headings, stated)
    if not article.paragraphs:
        raise Unusable("no text")
    if truncated:
        raise Truncated(article, truncated)
    return article


def _stated(title: str | None, date_text: str | None, byline: str | None, outlet: str | None) -> _Header:
    """Metadata a format states, cleaned; a date only when it is a real calendar date."""

    def tidy(value: str | None, limit: int = 300) -> str | None:
        value = " ".join(clean(value).split()) if value else ""
        return value[:limit] or None

    iso = None
    if date_text:
        m = ISO_DATE_RE.search(date_text)
        day = "-".join(m.group(1, 2, 3)) if m else ""
        iso = day if m and _valid_date(day) else _stated_date(date_text[:60])
    return _Header(tidy(title, 400), iso, tidy(byline, 200), tidy(outlet, 120))


def read_markdown(data: bytes, source_id: str, where: str) -> Article:
    """Markdown: structure stripped to text, headings as headlines, front matter as metadata."""
    truncated = ""
    if len(data) > MAX_BYTES:
        data, truncated = data[:MAX_BYTES], f"the first {_size(MAX_BYTES)}"
    decoded = decode(data)
    if not decoded.strip():
        raise Unusable("empty file")
    text = clean(decoded)
    if truncated:
        text = _cut(text)
    if not text.strip():
        raise Unusable("no readable text (only control or invisible characters)")
    md = mdtext.parse(text)
    meta = md.meta
    pick = lambda keys: next((meta[k] for k in keys if meta.get(k)), None)  # noqa: E731
    title = pick(mdtext.TITLE_KEYS)
    stated = _stated(mdtext.inline(title) if title else None, pick(mdtext.DATE_KEYS), pick(mdtext.AUTHOR_KEYS), pick(mdtext.SITE_KEYS))
    if not md.blocks and not stated.title:
        raise Unusable("no text")
    return _blocks_article(source_id, where, md.blocks, stated, truncated)


def read_page(data: bytes, source_id: str, where: str, charset: str | None = None, url: str | None = None) -> Article:
    """A web page: trafilatura's article text and metadata; page chrome is left out."""
    truncated = ""
    if len(data) > MAX_PAGE_BYTES:
        data, truncated = data[:MAX_PAGE_BYTES], f"the first {_size(MAX_PAGE_BYTES)}"
    if not data.strip():
        raise Unusable("empty file")
    codec = None if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else web.declared_charset(data, charset)
    if codec:
        try:
            decoded = data.decode(codec, errors="replace")
        except LookupError:
            decoded = decode(data)
    else:
        decoded = decode(data)
    page = web.extract(clean(decoded), url)
    if page is None or not page.blocks:
        raise Unusable("no article text found in the page")
    stated = _stated(page.title, page.date, page.author, page.site)
    return _blocks_article(source_id, where, page.blocks, stated, truncated)


def read_stdin(data: bytes) -> Article:
    """One article from standard input: a web page, Markdown or plain text, told by content."""
    if web.looks_like_html(data):
        return read_page(data, "stdin", STDIN_PATH)
    head = data[:20_000].decode("utf-8", "replace")
    if mdtext.looks_like_markdown(head):
        return read_markdown(data[: MAX_BYTES + 1], "stdin", STDIN_PATH)
    return read_text(data[: MAX_BYTES + 1], "stdin", STDIN_PATH)


def read_url(url: str, source_id: str, fetch: web.Fetcher | None = None) -> Article:
    """A web address, fetched (or handed over by `fetch`) and read by its content type."""
    try:
        page = fetch(url) if fetch else web.fetch(url, MAX_PAGE_BYTES)
    except web.FetchError as exc:
        raise Unusable(str(exc)) from None
    kind = page.content_type
    if kind in ("text/html", "application/xhtml+xml") or (not kind or kind == "application/octet-stream") and web.looks_like_html(page.data):
        return read_page(page.data, source_id, url, page.charset, page.url or url)
    if kind in ("text/markdown", "text/x-markdown"):
        return read_markdown(page.data[: MAX_BYTES + 1], source_id, url)
    if kind == "text/plain" or not kind:
        if web.looks_like_html(page.data):
            return read_page(page.data, source_id, url, page.charset, page.url or url)
        return read_text(page.data[: MAX_BYTES + 1], source_id, url)
    raise Unusable(f"not a web page or text ({shown(kind)})")


def _cut(text: str) -> str:
    """The text of a capped read, ended at the last line break (or space) near its end."""
    text = text.rstrip("\ufffd")
    for sep in ("\n", " "):
        at = text.rfind(sep, len(text) * 9 // 10)
        if at > 0:
            return text[:at]
    return text


class Truncated(Exception):
    """The article loaded, but only its first MAX_BYTES or MAX_PARAGRAPHS."""

    def __init__(self, article: Article, limit: str) -> None:
        super().__init__(f"too large, read only {limit}")
        self.article = article


def source_id_of(path: Path, used: set[str]) -> str:
    """The file's stem, made printable (it names a column and appears in warnings) and unique."""
    stem = path.stem or path.name
    stem = stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    base = " ".join(clean(stem).split()) or "source"
    source_id, n = base, 2
    while source_id in used:
        source_id = f"{base}-{n}"
        n += 1
    return source_id


def url_source_id(url: str, used: set[str]) -> str:
    """A web page's id: the last part of its path without extension, else its host."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    name = unquote(segments[-1]) if segments else ""
    name = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", name, flags=re.I)
    return source_id_of(Path(name or parts.hostname or "page"), used)


def read_stdin_bytes(limit: int | None = None) -> bytes:
    """Standard input, at most `limit` bytes (default: one over the web page cap)."""
    limit = MAX_PAGE_BYTES + 1 if limit is None else limit
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return bytes(stream.read(limit))
    return (sys.stdin.read(limit) if sys.stdin else "").encode("utf-8", "surrogateescape")


def load(
    arguments: list[str] | None = None,
    progress: Progress | None = None,
    *,
    stdin: bytes | Callable[[], bytes] | None = None,
    fetch: web.Fetcher | None = None,
) -> Loaded:
    """Load every article named (or the bundled seeds); ids are file stems, made unique.

    `-` reads one article from standard input (or from `stdin`, bytes already read or a
    function that reads them); `http(s)://` arguments are fetched (by `fetch`, when given).
    Nothing raises: an input that cannot be used becomes a one-line warning and the rest load.
    """
    loaded = Loaded()
    paths = expand(arguments if arguments else [str(seeds_dir())], loaded)
    used: set[str] = set()
    seen: set[tuple[int, int] | str] = set()
    for n, path in enumerate(paths):
        if progress:
            progress("loading", n, len(paths))
        if isinstance(path, str):
            _load_other(path, loaded, used, seen, stdin, fetch)
            continue
        try:
            st = path.stat()
            identity: tuple[int, int] | str = (st.st_dev, st.st_ino)
        except OSError:
            identity = os.path.abspath(path)
        if identity in seen:
            loaded.warnings.append(f"{shown(path)}: skipped, the same file is already loaded")
            continue
        seen.add(identity)
        source_id = source_id_of(path, used)
        article = _read_or_warn(shown(path), lambda: read_article(path, source_id), loaded.warnings)
        if article is None:
            continue
        used.add(source_id)
        loaded.articles.append(article)
    return loaded


def _read_or_warn(name: str, read: Callable[[], Article], warnings: list[str]) -> Article | None:
    """Run one reader; whatever goes wrong becomes the one-line warning `name: skipped, why`.

    A reason may carry outside text (a server's reason phrase, a content type, a system
    message): it is put on one line and its control characters shown, never sent raw.
    """

    def line(exc: Exception) -> str:
        return shown(" ".join(str(exc).split()))

    try:
        return read()
    except Truncated as exc:
        warnings.append(f"{name}: {line(exc)}")
        return exc.article
    except Unusable as exc:
        warnings.append(f"{name}: skipped, {line(exc)}")
    except (OSError, ValueError) as exc:
        warnings.append(f"{name}: skipped, {line(exc)}")
    except Exception as exc:  # noqa: BLE001 - one odd input must not stop the others
        warnings.append(f"{name}: skipped, could not be read ({type(exc).__name__})")
    return None


def _load_other(
    argument: str,
    loaded: Loaded,
    used: set[str],
    seen: set[tuple[int, int] | str],
    stdin: bytes | Callable[[], bytes] | None,
    fetch: web.Fetcher | None,
) -> None:
    """`-` or a web address: loaded once, its failure a one-line warning like a file's."""
    is_stdin = argument == STDIN
    name = "standard input" if is_stdin else shown(argument)
    identity = STDIN_PATH if is_stdin else f"url:{argument}"
    if identity in seen:
        again = "standard input is already read" if is_stdin else "the same address is already loaded"
        loaded.warnings.append(f"{name}: skipped, {again}")
        return
    seen.add(identity)
    if is_stdin:

        def read() -> Article:
            data = stdin() if callable(stdin) else stdin if stdin is not None else read_stdin_bytes()
            return read_stdin(data)
    else:

        def read() -> Article:
            return read_url(argument, url_source_id(argument, used), fetch)

    article = _read_or_warn(name, read, loaded.warnings)
    if article is None:
        return
    if is_stdin:
        article = replace(article, id=source_id_of(Path("stdin"), used))
    used.add(article.id)
    loaded.articles.append(article)
