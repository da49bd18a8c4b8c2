"""Bytes to clean text: encodings detected, escape sequences and control characters removed.

Everything an article contains is data: terminal control never survives `clean`, and bytes that
are not text raise `Unusable`, whose message is the warning the user sees.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from typing import Any

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
# Noncharacters (U+FDD0-U+FDEF, the last two code points of every plane) are no text, and an
# XML tree refuses U+FFFE and U+FFFF: a page holding one came out empty.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + "-" + chr(plane << 16 | 0xFFFF) for plane in range(17))
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + NONCHARACTERS + "]")
# Any character `clean` may change: not printable ASCII or Latin-1, newline or tab, or a soft hyphen.
UNCLEAN_RE = re.compile("[^\t\n\x20-\x7e\xa0-\xac\xae-\xff]")


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


# Documents of formats storyview does not read, by their first bytes: named, so that the user
# knows what to do (save the article as text or as a web page), rather than told "binary".
SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .ppt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
)
# What a ZIP archive holds, by what its first entries are called (an EPUB or OpenDocument
# file names its type first, by rule; an Office file its content types).
ZIP_KINDS = (
    (b"mimetypeapplication/epub+zip", "an EPUB book"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file (.odt)"),
    (b"[Content_Types].xml", "an Office document (.docx, .xlsx, .pptx)"),
)


def document_kind(data: bytes) -> str | None:
    """What a file of a format storyview does not read is ("a PDF document"), or None."""
    head = data[:64].lstrip()
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04"):
        return next((kind for marker, kind in ZIP_KINDS if marker in data[:4096]), "a ZIP archive")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    return None


# What `storyview --json` writes first.
_STORYVIEW_JSON_RE = re.compile(r'\s*\{\s*"storyview"\s*:')


def storyview_json(head: str) -> bool:
    """Text that opens as `storyview --json` writes: a file to reopen, not an article (nor
    other JSON) that cannot be read."""
    return _STORYVIEW_JSON_RE.match(head) is not None


def decode(data: bytes, notes: list[str] | None = None, declared: str | None = None) -> str:
    """Bytes to text: BOMs first, then UTF-8, then a real charset detector.

    A UTF-8 text with a few bytes that are not UTF-8 stays UTF-8: each stray byte is read as
    Windows-1252 where that gives text (a pasted curly quote, an accented letter) and replaced
    otherwise, and `notes` is told so in one line.

    `declared`: the charset a web page states (one Python knows, not UTF-8): the bytes are read
    in it unless they are UTF-8 with characters beyond ASCII, which a page saved as UTF-8 is
    whatever it declares (valid multi-byte UTF-8 is almost never chance).
    """
    said: list[str] = []
    utf8 = None
    if declared:
        utf8 = None if data.isascii() else _utf8(data, said, damaged=False)
        if utf8 is None:
            return data.decode(declared, errors="replace")
    kind = document_kind(data)
    if kind:
        raise Unusable(f"{kind}, not text: storyview reads plain text, Markdown and saved web pages")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom) and (codec == "utf-8-sig" or _wide_with_bom(data, codec)):
            return data.decode(codec, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        wide = _bomless_wide(data)
        if wide is None:
            raise Unusable("binary file, not text")
        return wide
    if utf8 is None:
        utf8 = _utf8(data, said, damaged=True)
    if utf8 is not None:
        if notes is not None:
            notes.extend(said)
        return utf8
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000], cp_exclusion=list(NOT_WEB))
    best = results.best()
    if best is None:
        raise Unusable("unknown text encoding")
    encoding = _preferred(best, list(results))
    if encoding.replace("-", "_").lower() in ("utf_8", "utf8"):
        return _repaired(data.decode("utf-8", errors="surrogateescape"), notes)
    return data.decode(encoding, errors="replace")


def _utf8(data: bytes, notes: list[str], damaged: bool) -> str | None:
    """`data` as UTF-8 text, or None where it is not: valid, or mostly valid (each stray byte
    repaired and `notes` told), or with `damaged` also ASCII with a few stray bytes that are
    no Western text in any single-byte charset."""
    strict = _strict_utf8(data)
    if strict is not None:
        return strict
    escaped = data.decode("utf-8", errors="surrogateescape")
    if _mostly_utf8(escaped) or damaged and (_damaged_utf8(escaped, len(data)) or _mixed_utf8(escaped)):
        return _repaired(escaped, notes)
    return None


def _strict_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 when it is valid (a capped read may cut its last character), else None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and len(data) - exc.start < 4:
            # Cut inside the last character (a capped read): keep everything before it.
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    return None


# Bytes that are not UTF-8, as `surrogateescape` decodes them.
_ESCAPED_RE = re.compile("[\udc80-\udcff]+")
# Characters a stray Windows-1252 byte stands for in running text: letters of Western languages
# and typographic punctuation. Anything else it could be (ÿ, þ, ¤, an unassigned byte) is damage.
_PUNCTUATION = set("‘’‚“”„–—…•€£§©®°±·«»¿¡×÷´¨¢¥½¼¾ºª²³¹µ¶™†‡‰‹›ˆ˜\xa0\xad")
_RARE_LETTERS = set("ÿþðÞÐ")


def _as_cp1252(run: str) -> str | None:
    """A run of stray bytes read as Windows-1252 text, or None where that is not text (or is the
    start of a UTF-8 character cut short, such as the first two bytes of a curly quote)."""
    raw = bytes(ord(ch) - 0xDC00 for ch in run)
    if len(raw) > 1 and 0xC2 <= raw[0] <= 0xF4 and all(0x80 <= b <= 0xBF for b in raw[1:]):
        return None
    text = raw.decode("cp1252", errors="replace")
    ok = all((ch.isalpha() and ch not in _RARE_LETTERS) or ch in _PUNCTUATION for ch in text)
    return text if ok else None


def _damaged_utf8(escaped: str, size: int) -> bool:
    """ASCII (or UTF-8) text with a few stray bytes that are no character of Western text in any
    single-byte charset: a damaged UTF-8 file, not a file in another encoding."""
    runs = _ESCAPED_RE.findall(escaped)
    stray = sum(len(run) for run in runs)
    return 0 < stray <= max(8, size // 1000) and all(_as_cp1252(run) is None for run in runs)


def _repaired(escaped: str, notes: list[str] | None) -> str:
    """UTF-8 decoded with `surrogateescape`, its stray bytes made text or U+FFFD, and counted."""
    legacy = replaced = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal legacy, replaced
        if m.end() == len(escaped) and _as_cp1252(m.group()) is None and len(m.group()) < 4:
            return ""  # the start of a last character a capped read cut
        text = _as_cp1252(m.group())
        if text is None:
            replaced += len(m.group())
            return "\ufffd" * len(m.group())
        legacy += len(m.group())
        return text

    text = _ESCAPED_RE.sub(fix, escaped)
    if notes is not None and legacy + replaced:
        stray = legacy + replaced
        bytes_ = f"{stray} byte{'s' if stray > 1 else ''} not valid UTF-8"
        if not legacy:
            notes.append(f"{bytes_}, replaced")
        elif not replaced:
            notes.append(f"{bytes_}, read as Windows-1252")
        else:
            notes.append(f"{bytes_}: {legacy} read as Windows-1252, {replaced} replaced")
    return text


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


# What else a Western text's few bytes beyond ASCII are, read as Windows-1252: punctuation.
WESTERN_MARKS = frozenset("‘’“”–—…€£¥©®°·«»¿¡§") | {"\u00a0"}  # and the no-break space


def _western(data: bytes) -> str | None:
    """Mostly ASCII text whose few other bytes (under one in twelve) all read as Latin letters or
    punctuation in Windows-1252, which is Latin-1 with quotes and dashes: "façade". On a handful
    of bytes a detector had guessed Baltic or Central European ("faįade", "faēade")."""
    high = sum(1 for b in data[:200_000] if b >= 0x80)
    if not high or high * 12 > min(len(data), 200_000):
        return None
    text = data.decode("cp1252", errors="replace")
    if all(c.isalpha() or c in WESTERN_MARKS for c in text if ord(c) >= 0x80):
        return text
    return None


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


def _mostly_utf8(escaped: str) -> bool:
    """Valid multi-byte UTF-8 characters far outnumber the bytes that are not UTF-8."""
    bad = sum(len(run) for run in _ESCAPED_RE.findall(escaped))
    good = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad
    return good >= 3 * max(bad, 1)


# Valid multi-byte UTF-8 characters a single-byte text holds by chance: in Windows-1252 a capital
# accented letter before a quote or a symbol ("É»"), far rarer than this many.
MIXED_UTF8 = 3


def _mixed_utf8(escaped: str) -> bool:
    """UTF-8 text with Windows-1252 bytes pasted in ("the Marshal\\x92s", seven times, beside four
    curly quotes in UTF-8): more stray bytes than UTF-8 characters, but a few of those, and every
    stray byte a character of Western text. Read in Windows-1252 its UTF-8 would be mojibake."""
    runs = _ESCAPED_RE.findall(escaped)
    good = len(escaped) - len(escaped.encode("ascii", "ignore")) - sum(len(run) for run in runs)
    return good >= MIXED_UTF8 and all(_as_cp1252(run) is not None for run in runs)


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


WIDE_CODECS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
# What separates words or phrases: spaces and line ends, and CJK punctuation where there are none.
SEPARATORS = frozenset(" \t\n\r\xa0\u3000\u3001\u3002\u300c\u300d\u300e\u300f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f")
# At least one separator in this many characters: text has one in 5 to 20.
SEPARATOR_SPAN = 40


def _bomless_wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, in any script: the one of them whose decoding
    of the first 8 KB reads as text, or None. (ASCII-heavy UTF-16 is `_bomless_utf16`'s.)"""
    for codec in WIDE_CODECS:
        text = _head(data, codec, final=False)  # a capped read may cut its last character
        if text is not None and _reads_as_text(text):
            unit = 4 if "32" in codec else 2
            return data[: len(data) - len(data) % unit].decode(codec, errors="replace")
    return None


def _head(data: bytes, codec: str, final: bool) -> str | None:
    """The first 8 KB of `data` decoded strictly, or None; a character cut at their end waits,
    unless they are the whole of it and `final`."""
    head = data[:8192]
    try:
        return codecs.getincrementaldecoder(codec)().decode(head, final=final and len(head) == len(data))
    except UnicodeDecodeError:
        return None


def _reads_as_text(text: str) -> bool:
    """`_plain_code_points`, and word separators as often as text has them: random bytes
    decode to none of that."""
    if len(text) < 4 or not _plain_code_points(text):
        return False
    return sum(1 for ch in text if ch in SEPARATORS) * SEPARATOR_SPAN >= len(text)


def _plain_code_points(text: str) -> bool:
    """No unpaired surrogate, unassigned or private-use code point, no control but tab and line ends."""
    for ch in set(text):
        kind = unicodedata.category(ch)
        if kind in ("Cn", "Co", "Cs") or kind == "Cc" and ch not in "\t\n\r":
            return False
    return True


def _wide_with_bom(data: bytes, codec: str) -> bool:
    """Does UTF-16 or UTF-32 data behind its byte-order mark decode to text? A file that only
    opens with one ("FF FE 00 00" then "garbage": try31) is read some other way, or refused."""
    text = _head(data, codec, final=True)
    return bool(text) and _plain_code_points(text)


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
        or nuls > max(2, 0.002 * len(head))  # at most 16 in 8 KB, and two in any text
        or bool(nuls) and controls - nuls > 0.01 * len(head)  # NULs beside other control bytes
    )
