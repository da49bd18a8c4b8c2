"""Read articles from disk: bytes → text → clean text → paragraphs with kinds and metadata.

Everything an article contains is data. Terminal control never survives `clean`, and a file
that cannot be read becomes a one-line warning, never an exception.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from storyview.boilerplate import classify, title_like
from storyview.model import Article, Kind, Paragraph

SUFFIXES = (".txt", ".md")
MAX_BYTES = 8_000_000
MAX_PARAGRAPH = 20_000

ESCAPE_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC (titles, hyperlinks)
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC
)
# Bidi controls reorder what a reader sees; invisible formatters hide text from matching.
INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"),
    None,
)
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass
class Loaded:
    """Articles that loaded and warnings for everything that did not."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def seeds_dir() -> Path:
    """The bundled seed articles, in the wheel or (editable install) at the repo root."""
    packaged = Path(str(resources.files("storyview"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def clean(text: str) -> str:
    """Text as a person reads it: no escape sequences or control characters, NFC, `\\n` line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ESCAPE_RE.sub("", text)
    text = text.translate(INVISIBLE)
    text = CONTROL_RE.sub("", text)
    text = text.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


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
    if _looks_binary(data):
        raise Unusable("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise Unusable("unknown text encoding")
    return data.decode(best.encoding, errors="replace")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.1


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
    if len(lines) < 2:
        return False
    width = max(len(ln) for ln in lines)
    if width > 100:
        return False
    body = lines[:-1]
    runs_on = sum(1 for ln in body if not re.search(r"[.!?:\"”’)]$", ln) or len(ln) >= 0.75 * width)
    return runs_on >= 0.6 * len(body) and sum(len(ln) for ln in body) / len(body) >= 0.5 * width


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
ISO_DATE_RE = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
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


def _month_date(text: str) -> str | None:
    m = MONTH_DATE_RE.search(text)
    if not m:
        return None
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(m.group(1).lower()))
    day = int(m.group(2))
    if not 1 <= day <= 31:
        return None
    return f"{m.group(3)}-{month:02d}-{day:02d}"


@dataclass
class _Header:
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    outlet: str | None = None


def parse_article(source_id: str, path: str, text: str) -> Article:
    """Paragraphs with kinds, and the metadata the text states (never invented)."""
    raw = split_paragraphs(text)
    head = _Header()
    kinds: list[Kind] = []
    texts: list[str] = []
    seen_body = False
    for i, para in enumerate(raw):
        kind: Kind = "body"
        m = DATE_PREFIX_RE.match(para)
        if m and head.date is None and not seen_body:
            head.date = m.group(1)
            para = para[m.end():].strip()
            if not para:
                continue
        if not seen_body and i < 6:
            b = BYLINE_RE.match(para)
            if b and len(para) <= 120 and head.byline is None:
                head.byline = b.group(1).strip()
                if b.group(2):
                    head.outlet = b.group(2).strip()
                kind = "byline"
            elif head.date is None and len(para) <= 60 and (ISO_DATE_RE.search(para) or _month_date(para)):
                iso = ISO_DATE_RE.search(para)
                head.date = iso.group(0) if iso else _month_date(para)
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
    kinds = classify(texts, kinds, head.title)
    paragraphs = tuple(Paragraph(i, k, t) for i, (k, t) in enumerate(zip(kinds, texts)))
    return Article(source_id, path, paragraphs, head.title, head.date, head.byline, head.outlet)


# ---------------------------------------------------------------- files and folders


def expand(arguments: list[str], loaded: Loaded) -> list[Path]:
    """Files to read, in order: a folder contributes its .txt/.md files sorted by name."""
    files: list[Path] = []
    for arg in arguments:
        path = Path(arg)
        if path.is_symlink() and not path.exists():
            loaded.warnings.append(f"{arg}: skipped, broken or looping symlink")
        elif path.is_dir():
            try:
                found = sorted(
                    (p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")),
                    key=lambda p: p.name,
                )
            except OSError as exc:
                loaded.warnings.append(f"{arg}: skipped, cannot list folder ({exc.strerror or exc})")
                continue
            if not found:
                loaded.warnings.append(f"{arg}: skipped, no .txt or .md files in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            loaded.warnings.append(f"{arg}: skipped, no such file or folder")
    return files


def read_article(path: Path, source_id: str) -> Article:
    """One file as an Article; raises Unusable with the reason to show."""
    if path.is_symlink() and not path.exists():
        raise Unusable("broken or looping symlink")
    if not path.is_file():
        raise Unusable("not a regular file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise Unusable("permission denied") from None
    except OSError as exc:
        raise Unusable(f"cannot read ({exc.strerror or exc})") from None
    truncated = len(data) > MAX_BYTES
    text = clean(decode(data[:MAX_BYTES]))
    if not text.strip():
        raise Unusable("empty file")
    article = parse_article(source_id, str(path), text)
    if not article.paragraphs:
        raise Unusable("no text")
    if truncated:
        raise Truncated(article)
    return article


class Truncated(Exception):
    """The article loaded, but only its first MAX_BYTES."""

    def __init__(self, article: Article) -> None:
        super().__init__(f"only the first {MAX_BYTES // 1_000_000} MB were read")
        self.article = article


def load(arguments: list[str] | None = None) -> Loaded:
    """Load every article named (or the bundled seeds); ids are file stems, made unique."""
    loaded = Loaded()
    paths = expand(arguments if arguments else [str(seeds_dir())], loaded)
    used: set[str] = set()
    for path in paths:
        source_id = path.stem or path.name
        n = 2
        while source_id in used:
            source_id = f"{path.stem}-{n}"
            n += 1
        try:
            article = read_article(path, source_id)
        except Truncated as exc:
            article = exc.article
            loaded.warnings.append(f"{path}: {exc}")
        except Unusable as exc:
            loaded.warnings.append(f"{path}: skipped, {exc}")
            continue
        except (OSError, ValueError) as exc:
            loaded.warnings.append(f"{path}: skipped, {exc}")
            continue
        used.add(source_id)
        loaded.articles.append(article)
    return loaded
