"""Read articles: bytes → text → clean text → paragraphs with kinds and metadata.

Inputs are files (plain text, Markdown, saved web pages, MHTML), folders of them, `http(s)://`
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from storyview.inputs import markdown as mdtext
from storyview.inputs import mhtml
from storyview.inputs import web
from storyview.inputs.arguments import STDIN, SUFFIXES, expand  # noqa: F401 - SUFFIXES: exports ask it here
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.parse import (
    ISO_DATE_RE,
    MAX_PARAGRAPHS,
    Header,
    byline_names,
    cap,
    parse_paragraphs,
    split_paragraphs,
    stated_date,
    valid_date,
)
from storyview.inputs.slim import Slimmed, slim, slim_stream
from storyview.inputs.text import Unusable, clean, decode, shown, storyview_json
from storyview.model import Article, Progress, counted

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN_PATH = "<stdin>"
# No news article comes near this; the cap keeps a huge file to bounded time and memory.
MAX_BYTES = 1_000_000
# A saved web page carries scripts, styles and inline images around the article: a page is
# gone through up to MAX_PAGE_BYTES, and up to MAX_PAGE_MARKUP of it is kept once its inline data
# and script and style bodies are dropped (`storyview.inputs.slim`).
MAX_PAGE_BYTES = 100_000_000
MAX_PAGE_MARKUP = 10_000_000

@dataclass
class Loaded:
    """Articles that loaded and warnings for everything that did not."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- files and folders


# A file listed at the start of the run and gone when its turn came.
VANISHED = "vanished while being read (removed or renamed)"


def read_article(path: Path, source_id: str) -> Article:
    """One file as an Article; raises Unusable with the reason to show.

    The format comes from the name (.html/.htm, .mhtml/.mht, .md/.markdown) or, for any other
    name, from the content: a file that opens with a doctype or <html> is a saved web page, one
    that opens with MIME headers of related parts a page saved as MHTML.
    """
    suffix = path.suffix.lower()
    try:
        if path.is_symlink() and not path.exists():
            raise Unusable("broken or looping symlink")
        if not path.is_file():
            raise Unusable(VANISHED if not path.exists() and not path.is_symlink() else "not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
            looks_html = web.looks_like_html(data)
            archive = mhtml.looks_like_mhtml(data) or suffix in mhtml.SUFFIXES and not looks_html
            page = suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and looks_html)
            if archive:
                part = _mhtml_page(fh, data) if len(data) > MAX_BYTES else mhtml.page_part(data)
            elif page and len(data) > MAX_BYTES:
                # A large page is read a chunk at a time: its bulk is never all in memory.
                fh.seek(0)
                return read_page(slim_stream(fh.read, MAX_PAGE_MARKUP, MAX_PAGE_BYTES), source_id, str(path))
    except PermissionError:
        raise Unusable("permission denied") from None
    except FileNotFoundError:
        raise Unusable(VANISHED) from None
    except OSError as exc:
        raise Unusable(f"cannot read ({exc.strerror or exc})") from None
    if REPORT_RE.search(data, 0, 2048):
        raise Unusable("a report storyview wrote, not an article: open the articles it came from")
    if archive:
        return _mhtml_article(part, source_id, str(path))
    if page:
        return read_page(data, source_id, str(path))
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown(data, source_id, str(path))
    return read_text(data, source_id, str(path))


# How storyview's own reports begin (exports/html.py, markdown.py, tei.py): one saved beside its
# articles was read back as one more source of its own story.
REPORT_RE = re.compile(rb'<meta name="generator" content="storyview \d|\A# [^\n]*\n\nstoryview \d[\d.]* \xc2\xb7 '
                       rb"|<p>Aligned and exported by storyview \d")


def written_by_storyview(path: Path) -> bool:
    """Whether the file opens as a report or a JSON file storyview writes (one it may replace)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return REPORT_RE.search(head) is not None or storyview_json(head.decode("utf-8", errors="replace"))


def _mhtml_page(fh: BinaryIO, data: bytes) -> mhtml.Part | None:
    """The page part of a large MHTML file, from its start (read on, four times as much each
    time, until the part ends): the images after it are never read."""
    while len(data) < MAX_PAGE_BYTES:
        try:
            return mhtml.page_part(data, complete=False)
        except mhtml.More:
            want = min(3 * len(data), MAX_PAGE_BYTES - len(data))
            more = fh.read(want)
            data += more
            if len(more) < want:
                break
    return mhtml.page_part(data)


def read_mhtml(data: bytes, source_id: str, where: str) -> Article:
    """A page saved as MHTML: its text/html part read as a saved page."""
    return _mhtml_article(mhtml.page_part(data), source_id, where)


def _mhtml_article(part: mhtml.Part | None, source_id: str, where: str) -> Article:
    if part is None:
        raise Unusable("no web page (text/html part) in this MHTML file")
    return read_page(part.html, source_id, where, part.charset, part.url, part.date)


def read_text(data: bytes, source_id: str, where: str) -> Article:
    """Plain text (at most MAX_BYTES of `data`, which may hold one byte more to show the cut)."""
    truncated, limit = len(data) > MAX_BYTES, ""
    notes: list[str] = []
    decoded = decode(data[:MAX_BYTES], notes)
    if not decoded.strip():
        raise Unusable(_blank(data))
    if storyview_json(decoded):  # whole, or cut short (try32: read as an article of 638 paragraphs)
        raise Unusable("JSON data, not an article: a file storyview --json wrote, "
                       "reopened when it is the only PATH" + ("" if _is_json(decoded) else " (this one is cut short or damaged)"))
    if _is_json(decoded) or (truncated and _opens_json_object(decoded)):
        raise Unusable("JSON data, not an article: storyview reads plain text, Markdown and saved web pages")
    text = clean(decoded)
    if truncated:
        text = _cut(text)
        limit = f"the first {_size(MAX_BYTES)}"
    if not text.strip():
        raise Unusable("no readable text (only control or invisible characters)")
    raw = split_paragraphs(text)
    if len(raw) > MAX_PARAGRAPHS:
        raw, truncated, limit = raw[:MAX_PARAGRAPHS], True, f"the first {MAX_PARAGRAPHS:,} paragraphs"
    article = parse_paragraphs(source_id, where, raw)
    if not article.paragraphs:
        raise Unusable("no text")
    if truncated or notes:
        raise Truncated(article, limit if truncated else "", notes)
    return article


def _blank(data: bytes) -> str:
    """Why a file with no text has none, in words."""
    bare = data.removeprefix(codecs.BOM_UTF8)
    return "no text (only whitespace)" if bare else "empty file"


# An object's first key, or a list's first object's: JSON, not prose, even cut short.
_JSON_OBJECT_RE = re.compile(r'\s*(?:\[\s*)?\{\s*"(?:[^"\\\n]|\\.){0,200}"\s*:')


def _opens_json_object(text: str) -> bool:
    """A JSON document cut by a capped read (a large export, an API's dump), which as a whole
    value `_is_json` cannot parse: it opens with an object's first key."""
    return _JSON_OBJECT_RE.match(text) is not None


def _is_json(text: str) -> bool:
    """JSON or JSON lines (an export, an API's answer, a corpus file), which read as text would
    be one "article" of braces and quotes. Only a whole JSON value, or lines that each are one,
    count: an article may open with a bracket."""
    import json

    start = text.lstrip()[:1]
    if start not in ("{", "["):
        return False
    try:
        json.loads(text)
        return True
    except ValueError:
        pass
    lines = [line for line in text.splitlines()[:3] if line.strip()][:2]
    try:
        first = json.loads(lines[0])
    except ValueError:
        return False
    # JSON lines: the first a whole object, the next opening another (a capped read may cut it).
    return isinstance(first, (dict, list)) and all(line.lstrip()[:1] in ("{", "[") for line in lines)


def _size(limit: int) -> str:
    """A size as a warning says it: "10 MB", "10.7 MB", "6,000 bytes"."""
    if limit < 1_000_000:
        return f"{limit:,} bytes"
    return f"{limit // 1_000_000} MB" if limit % 1_000_000 == 0 else f"{limit / 1_000_000:.1f} MB"


def _blocks_article(
    source_id: str, where: str, blocks: list[tuple[str, bool]], stated: Header, truncated: str,
    notes: Sequence[str] = (), captions: frozenset[str] = frozenset(),
) -> Article:
    """An Article from a format's blocks: each block split like plain text, headings kept whole;
    `captions` are blocks that are photo captions."""
    raw: list[str] = []
    headings: list[bool] = []
    for text, heading in blocks:
        text = clean(text)
        pieces = cap(" ".join(text.split())) if heading else split_paragraphs(text)
        raw.extend(pieces)
        headings.extend([heading] * len(pieces))
    if stated.title and " ".join(clean(stated.title).split()) not in raw[:3]:
        raw.insert(0, " ".join(clean(stated.title).split()))
        headings.insert(0, True)
    raw = [r for r in raw if r]
    if len(raw) > MAX_PARAGRAPHS:
        raw, headings, truncated = raw[:MAX_PARAGRAPHS], headings[:MAX_PARAGRAPHS], f"the first {MAX_PARAGRAPHS:,} paragraphs"
    article = parse_paragraphs(source_id, where, raw, headings, stated, frozenset(" ".join(clean(c).split()) for c in captions))
    if not article.paragraphs:
        raise Unusable("no text")
    if truncated or notes:
        raise Truncated(article, truncated, notes)
    return article


def _stated(title: str | None, date_text: str | None, byline: str | None, outlet: str | None) -> Header:
    """Metadata a format states, cleaned; a date only when it is a real calendar date."""

    def tidy(value: str | None, limit: int = 300) -> str | None:
        value = " ".join(clean(value).split()) if value else ""
        return value[:limit] or None

    iso = None
    if date_text:
        m = ISO_DATE_RE.search(date_text)
        day = "-".join(m.group(1, 2, 3)) if m else ""
        iso = day if m and valid_date(day) else stated_date(date_text[:60])
    site = tidy(outlet, 120)
    return Header(tidy(title, 400), iso, byline_names(tidy(byline, 200), site), site)


def read_markdown(data: bytes, source_id: str, where: str) -> Article:
    """Markdown: structure stripped to text, headings as headlines, front matter as metadata."""
    truncated = ""
    if len(data) > MAX_BYTES:
        data, truncated = data[:MAX_BYTES], f"the first {_size(MAX_BYTES)}"
    notes: list[str] = []
    decoded = decode(data, notes)
    if not decoded.strip():
        raise Unusable(_blank(data))
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
    return _blocks_article(source_id, where, md.blocks, stated, truncated, notes)


def read_page(
    data: bytes | Slimmed, source_id: str, where: str, charset: str | None = None, url: str | None = None,
    saved: str | None = None,
) -> Article:
    """A web page: trafilatura's article text and metadata; page chrome is left out.

    `saved` is the day the page was saved (an MHTML file's Date): its date where it states none.

    `data` may hold one byte over MAX_PAGE_BYTES, to show that a capped read was cut. A page
    over MAX_BYTES is read without its inline data and script and style bodies (`slim`).
    """
    if isinstance(data, bytes) and len(data) > MAX_BYTES:
        data = slim(data, MAX_PAGE_MARKUP, MAX_PAGE_BYTES)
    truncated = ""
    if isinstance(data, Slimmed):
        truncated = "" if data.whole else f"the first {_size(data.read)}"
        data = data.data
    if not data.strip():
        raise Unusable(_blank(data))
    notes: list[str] = []
    codec = None if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else web.declared_charset(data, charset)
    decoded = decode(data, notes, None if codec == "utf-8" else codec)  # UTF-8: its stray bytes said
    text, cut = web.first_blocks(clean(decoded))
    if cut and not truncated:
        truncated = f"the first {web.MAX_BLOCKS:,} blocks of the page"
    page = web.extract(text, url)
    if page is None or not page.blocks:
        raise _no_article(truncated)
    stated = _stated(page.title, page.date or saved, page.author, page.site)
    if page.others:
        notes.append(f"{counted(len(page.others), 'other article')} on the page not read: "
                     + ", ".join(f"'{shown(t if len(t) <= 60 else t[:59] + '…')}'" for t in page.others[:3]) + (" …" if len(page.others) > 3 else ""))
    try:
        article = _blocks_article(source_id, where, page.blocks, stated, truncated, notes, page.captions)
    except Truncated as cut:
        _told(cut.article, truncated)
        raise
    _told(article, truncated)
    return article


def _told(article: Article, truncated: str) -> None:
    """A page whose every line is a heading or furniture (a 404 page with a cookie notice) tells
    no story: it is said so in one line, as an empty file is, not read as an article."""
    if not any(p.kind == "body" for p in article.paragraphs):
        raise _no_article(truncated)


def _no_article(truncated: str) -> Unusable:
    """What a page without article text is told as (`truncated`: how much of it was read, if not all)."""
    if truncated:
        return Unusable(f"too large, read only {truncated} and found no article text in it")
    return Unusable("no article text found in the page")


def read_stdin(data: bytes) -> Article:
    """One article from standard input: a web page, Markdown or plain text, told by content."""
    if mhtml.looks_like_mhtml(data):
        return read_mhtml(data, "stdin", STDIN_PATH)
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
    if kind in ("multipart/related", "message/rfc822", "application/x-mimearchive") or mhtml.looks_like_mhtml(page.data):
        return read_mhtml(page.data, source_id, url)
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
    """The article loaded, but only its first MAX_BYTES or MAX_PARAGRAPHS (`limit`), or with
    notes on how it was read (bytes that were not text): one warning line says all of it."""

    def __init__(self, article: Article, limit: str, notes: Sequence[str] = ()) -> None:
        said = [f"too large, read only {limit}"] if limit else []
        super().__init__("; ".join([*said, *notes]))
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


# One file read: its article (None if unusable) and the warnings it gave.
Read = tuple[Article | None, list[str]]
# How `load` reads its files: a map of a reader over the files, results in order (the built-in
# `map` by default; `pipeline.read_all` passes one that works on several processes).
Reads = Callable[[Callable[[Path], Read], Sequence[Path]], Iterable[Read]]


def load(
    arguments: list[str] | None = None,
    progress: Progress | None = None,
    *,
    stdin: bytes | Callable[[], bytes] | None = None,
    fetch: web.Fetcher | None = None,
    reads: Reads = map,
) -> Loaded:
    """Load every article named (or the bundled seeds); ids are file stems, made unique.

    `-` reads one article from standard input (or from `stdin`, bytes already read or a
    function that reads them); `http(s)://` arguments are fetched (by `fetch`, when given).
    Nothing raises: an input that cannot be used becomes a one-line warning and the rest load.
    The files are read by `reads` (each once), then taken in order, as if one after the other.
    """
    loaded = Loaded()
    paths = expand(arguments if arguments else [str(seeds_dir())], loaded.warnings)
    seen: set[tuple[int, int] | str] = set()
    files: list[Path] = []
    again: set[int] = set()  # positions of a file met before (by this name or another)
    for n, path in enumerate(paths):
        if isinstance(path, str):
            continue
        try:
            st = path.stat()
            identity: tuple[int, int] | str = (st.st_dev, st.st_ino)
        except OSError:
            identity = os.path.abspath(path)
        if identity in seen:
            again.add(n)
            continue
        seen.add(identity)
        files.append(path)
    read = iter(reads(read_file, files))
    used: set[str] = set()
    for n, path in enumerate(paths):
        if progress:
            progress("loading", n, len(paths))
        if isinstance(path, str):
            _load_other(path, loaded, used, seen, stdin, fetch)
            continue
        if n in again:
            loaded.warnings.append(f"{shown(path)}: skipped, the same file is already loaded")
            continue
        article, warned = next(read)
        loaded.warnings.extend(warned)
        if article is None:
            continue
        source_id = source_id_of(path, used)
        if article.id != source_id:
            article = replace(article, id=source_id)
        used.add(source_id)
        loaded.articles.append(article)
    return loaded


def read_file(path: Path) -> Read:
    """One file of `load`: its article (None if unusable; its id the file's stem, which `load`
    makes unique) and the warning it gave, if any."""
    warnings: list[str] = []
    return _read_or_warn(shown(path), lambda: read_article(path, source_id_of(path, set())), warnings), warnings


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
