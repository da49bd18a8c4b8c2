"""Web pages: the article text and metadata of a saved or fetched page, and fetching one.

Extraction is trafilatura's (the field's standard: it leaves out navigation, share bars,
comments and other page chrome); this module only walks its result into blocks of text and
turns every way a fetch can fail into one short reason.
"""

from __future__ import annotations

import codecs
import functools
import html
import http.client
import ipaddress
import json
import logging
import re
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from storyview import __version__
from storyview.engine.segment import word_count

# One block of the article: its text and whether it is a heading.
Block = tuple[str, bool]

URL_RE = re.compile(r"^https?://", re.I)
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.I)
HTML_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
FETCH_TIMEOUT = 15.0
# The whole fetch (connecting, redirects, the page itself) ends by then: FETCH_TIMEOUT alone
# bounds each read, and a server that sends a byte a second would never reach it.
FETCH_DEADLINE = 15.0
# A character reference to a control character (&#27; is ESC) or a noncharacter (&#65535;): lxml
# refuses the whole page for the one, trafilatura's XML for the other, and the loader would drop
# the character anyway.
CHAR_REF_RE = re.compile(r"&#(\d{1,8}|[xX][0-9a-fA-F]{1,7});?")


def _drop_control(m: re.Match[str]) -> str:
    ref = m.group(1)
    code = int(ref[1:], 16) if ref[:1] in "xX" else int(ref)
    control = code < 0x20 and code not in (0x09, 0x0A, 0x0D) or 0x7F <= code <= 0x9F
    nonchar = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE and code <= 0x10FFFF
    return "" if control or nonchar else m.group()


# libxml2 parses HTML no deeper than 256 elements (without its "huge" option, 2048 with it) and
# drops what comes after; an old page's unclosed `<font>`s reach that. Past MAX_DEPTH the deepest
# half of the open elements is closed: the words matter, not the nesting.
MAX_DEPTH = 200
_TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>",
    re.S | re.I,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr basefont frame isindex keygen".split())
# Elements a second one of closes ("<p>one<p>two"): counted once, as the parser nests them.
_SIBLINGS = frozenset("p li dt dd tr td th option".split())


def shallow(html_text: str) -> str:
    """The page with its elements nested no deeper than MAX_DEPTH (the same text where they are not)."""
    stack: list[str] = []
    out: list[str] = []
    last = 0
    for m in _TAG_RE.finditer(html_text):
        name = m.group(3)
        if not name:
            continue
        name = name.lower()
        if m.group(2):
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        if name in _VOID or m.group().endswith("/>") or stack and stack[-1] == name and name in _SIBLINGS:
            continue
        if len(stack) >= MAX_DEPTH:
            keep = MAX_DEPTH // 2
            out.append(html_text[last:m.start()])
            out.append("".join(f"</{n}>" for n in reversed(stack[keep:])))
            last = m.start()
            del stack[keep:]
        stack.append(name)
    if not out:
        return html_text
    out.append(html_text[last:])
    return "".join(out)


# trafilatura's XPath (`//p//text()`) and readability's scoring go superlinear in a page's
# elements: 100,000 <p> took 50 s, to keep 5,000 paragraphs of them. A page is read up to
# MAX_BLOCKS block elements, four times the paragraphs an article keeps.
MAX_BLOCKS = 20_000
# A block element's start tag; a script's or comment's markup is no element of the page.
_BLOCK_TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|(<(?:p|li|div|tr|dd|dt|h[1-6]|blockquote|pre)[\s/>])",
    re.S | re.I,
)


def first_blocks(html_text: str, limit: int | None = None) -> tuple[str, bool]:
    """The page before its `limit`-th block element (MAX_BLOCKS), and whether it was cut."""
    limit = MAX_BLOCKS if limit is None else limit
    n = 0
    for m in _BLOCK_TAG_RE.finditer(html_text):
        if m.group(2):
            if n == limit:
                return html_text[:m.start()], True
            n += 1
    return html_text, False


# The least an article says: a paragraph of five words (a page of links has none).
MIN_WORDS = 5
# Block elements of trafilatura's XML; a `row` is a table row of `cell`s.
BLOCKS = {"head", "p", "item", "quote", "code", "row", "list", "table", "div"}


@dataclass
class Page:
    """What a fetch returned: the bytes, their declared type and charset, the final address."""

    data: bytes
    content_type: str = ""
    charset: str | None = None
    url: str = ""


@dataclass
class Extracted:
    """The blocks of a page's article and the metadata the page states."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    captions: frozenset[str] = frozenset()  # blocks that are photo captions, kept as furniture
    others: list[str] = field(default_factory=list)  # headlines of other articles the page holds


class FetchError(Exception):
    """A page that could not be fetched; the message is the reason to show."""


def is_url(argument: str) -> bool:
    return bool(URL_RE.match(argument))


def other_scheme(argument: str) -> bool:
    """An address storyview does not fetch (ftp://, file://, ...)."""
    return bool(SCHEME_RE.match(argument)) and not is_url(argument)


def looks_like_html(data: bytes) -> bool:
    """A page saved under another name: it opens with a doctype or an <html> tag."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START_RE.match(head))


def _quiet() -> None:
    """trafilatura and its helpers log through `logging`; a warning line is storyview's to write."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset the server or the page's <meta> declares, if Python knows it."""
    for name in (header, *(m.group(1).decode("ascii", "replace") for m in META_CHARSET_RE.finditer(data[:8192]))):
        if not name:
            continue
        try:
            codec = codecs.lookup(name.strip().strip("\"'"))
        except LookupError:
            continue
        if codec.name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-7"):
            continue  # a page that really is UTF-16 has a BOM; the declaration in ASCII bytes is wrong
        return codec.name
    return None


def _config() -> Any:
    """trafilatura's defaults, except that a short article is kept as extracted.

    By default a main text under 250 characters sends trafilatura to its fallbacks, which keep
    navigation links around a short article; 50 keeps a brief but real one clean.
    """
    global _CONFIG
    if _CONFIG is None:
        from copy import deepcopy

        from trafilatura.settings import DEFAULT_CONFIG

        config = deepcopy(DEFAULT_CONFIG)
        config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "50"
        _CONFIG = config
    return _CONFIG


_CONFIG: Any = None


def extract(html_text: str, url: str | None = None) -> Extracted | None:
    """The article of a page as blocks, or None where trafilatura finds no article text."""
    _quiet()
    import trafilatura

    html_text = shallow(html_text)
    doc = trafilatura.bare_extraction(
        CHAR_REF_RE.sub(_drop_control, html_text),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        # A date the page states is taken even if it lies ahead (htmldate drops those by default).
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2099-12-31"},
        config=_config(),
    )
    if doc is None or getattr(doc, "body", None) is None:
        return None
    title = _meta(getattr(doc, "title", None))
    root = _tree(html_text)
    out = Extracted(
        title=title,
        date=_meta(getattr(doc, "date", None)) or shown_date(root) or url_date(url),
        author=_meta(getattr(doc, "author", None)),
        site=_outlet(_site(_meta(getattr(doc, "sitename", None)), title), site_in_title(html_text, title)),
    )
    _walk(doc.body, out.blocks)
    if not out.blocks and getattr(doc, "text", None):
        out.blocks.extend((line, False) for line in str(doc.text).split("\n") if line.strip())
    out.blocks = _with_paragraphs(out.blocks, article_body(html_text))
    out.blocks = _with_standfirst(out.blocks, standfirst(root, _meta(getattr(doc, "description", None)), title))
    out.blocks, out.captions = _with_captions(out.blocks, captions(root))
    out.others = other_articles(root, out.blocks)
    if not any(word_count(text) >= MIN_WORDS for text, heading in out.blocks if not heading):
        return None
    return out


_LD_JSON_RE = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)


def article_body(html_text: str) -> list[str]:
    """The paragraphs of the longest `articleBody` the page's JSON-LD states (schema.org
    NewsArticle): a page drawn by a script keeps its text there, with its paragraph breaks."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            body = node.get("articleBody")
            if isinstance(body, str):
                found.append(body)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for m in _LD_JSON_RE.finditer(html_text[:2_000_000]):
        try:
            visit(json.loads(m.group(1)))
        except (ValueError, RecursionError):
            continue
    if not found:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*", max(found, key=len)) if p.strip()]


def _with_paragraphs(blocks: list[Block], paragraphs: list[str]) -> list[Block]:
    """Where the extracted text is one block that is the JSON-LD body run together, that body's
    own paragraphs instead: a paragraph is what the aligner lines up."""
    text = [x for x, (_, heading) in enumerate(blocks) if not heading]
    if len(text) != 1 or len(paragraphs) < 2 or blocks[text[0]][0] != " ".join(paragraphs):
        return blocks
    x = text[0]
    return [*blocks[:x], *((p, False) for p in paragraphs), *blocks[x + 1:]]


# Where a page prints things other than its own date: a comment's stamp, a teaser's.
_ELSEWHERE_RE = re.compile(r"comment|related|popular|most-|trending|teaser|promo|recommend|sidebar|footer|newsletter", re.I)
_ELSEWHERE_TAGS = {"nav", "aside", "footer", "li", "a", "button", "script", "style", "noscript", "template", "form",
                   "figure", "figcaption"}
SHOWN_DATE_ELEMENTS = 5000


def _tree(html_text: str) -> Any:
    """The page as an lxml tree (its first 2 MB), for what trafilatura leaves out; None if unparsable."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html_text[:2_000_000])
    except (etree.ParserError, ValueError):
        return None


def _elsewhere(element: Any) -> bool:
    """In navigation, a list, a figure, comments or teasers: not the article's own header."""
    return _inside((element, *element.iterancestors()), _ELSEWHERE_TAGS, _ELSEWHERE_RE)


def _inside(elements: Iterable[Any], tags: Collection[str], named: re.Pattern[str]) -> bool:
    """Is one of `elements` (an element and its ancestors) one of `tags`, or of a class or id
    `named` matches ("comments", "related")?"""
    return any(a.tag in tags or named.search(f"{a.get('class', '')} {a.get('id', '')}") for a in elements)


def shown_date(root: Any) -> str | None:
    """The date a page prints in a line of its own where htmldate finds none: a `<time>` with
    no datetime ("November 14, 2026 6:31 PM GMT"), a stamp ("Updated 2:05 PM EST, Fri November
    14, 2026", "Fri 14 Nov 2026 18.02 GMT"). The first such line outside navigation, lists,
    comments and teasers, among the page's first SHOWN_DATE_ELEMENTS elements."""
    from storyview.inputs.parse import is_timestamp, stated_date

    if root is None:
        return None
    for n, element in enumerate(root.iter()):
        if n >= SHOWN_DATE_ELEMENTS:
            break
        if not isinstance(element.tag, str) or not (element.tag == "time" or re.search(r"\d", element.text or "")):
            continue
        text = " ".join(element.text_content().split())
        if len(text) > 120 or not is_timestamp(text):
            continue
        found = stated_date(text)
        if found and not _elsewhere(element):
            return found
    return None


# How pages name the sentence under a headline: "standfirst", "dek", "subheadline", "summary".
_STANDFIRST_RE = re.compile(
    r"stand-?first|(?:^|[\s_-])(?:dek|deck|strap|strapline|sub-?head(?:line)?|sub-?title|summary|description|intro)(?:$|[\s_-])",
    re.I)


def standfirst(root: Any, description: str | None, title: str | None) -> list[str]:
    """The standfirst a page prints under its headline: an element its template names so
    (class "standfirst", "dek", "summary" …), or the page's description where the page shows it
    as a line of its own. A sentence or two of 6-80 words, not the headline; none if none. A
    summary box of key points ("What we know") gives its items, one paragraph each: run
    together, they would read as one sentence ("… died at 95He died …")."""
    if root is None:
        return []
    body = root.find("body")
    if body is None:
        return []
    wanted = " ".join(description.split()).casefold() if description else None
    for n, element in enumerate(body.iter()):
        if n >= SHOWN_DATE_ELEMENTS:
            break
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        named = _STANDFIRST_RE.search(f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}")
        if not named and not (wanted and " ".join((element.text or "").split())[:20].casefold() == wanted[:20]):
            continue
        items = [" ".join(li.text_content().split()) for li in element.iter("li")]
        if named and items and not _elsewhere(element):
            points = [item for item in items if 3 <= word_count(item) <= 80]
            if points:
                return points
            continue
        text = " ".join(element.text_content().split())
        if not 6 <= word_count(text) <= 80 or title and text.casefold() == title.casefold():
            continue
        if (named or text.casefold() == wanted) and not _elsewhere(element):
            return [text]
    return []


def _with_standfirst(blocks: list[Block], leads: list[str]) -> list[Block]:
    """`leads` as the article's first paragraphs (after its headings), but those a block holds."""
    from rapidfuzz import fuzz

    from storyview.inputs.boilerplate import is_cue

    new = [lead for lead in leads if not is_cue(lead) and
           not any(fuzz.partial_ratio(lead.casefold(), text.casefold()) >= 90 for text, _ in blocks)]
    if not new:
        return blocks
    at = next((i for i, (_, heading) in enumerate(blocks) if not heading), len(blocks))
    return [*blocks[:at], *((lead, False) for lead in new), *blocks[at:]]


# Where a page keeps captions of other things than the article's photos.
_NOT_ARTICLE_RE = re.compile(r"comment|related|popular|most-|trending|teaser|promo|recommend|sidebar|footer|newsletter|gallery-nav",
                             re.I)
CAPTIONS = 50
BEFORE = 10  # how many of the lines before a caption are looked for among the blocks


def captions(root: Any) -> list[tuple[str, list[str]]]:
    """The article's photo captions (trafilatura leaves figures out) with the texts that stand
    before each on the page, nearest first: a caption that tells news is read, never lost without a trace. Those
    in navigation, teasers or comments, and those of fewer than MIN_WORDS words, are not."""
    if root is None:
        return []
    found: list[tuple[str, list[str]]] = []
    for caption in root.iter("figcaption"):
        if len(found) >= CAPTIONS:
            break
        text = " ".join(caption.text_content().split())
        if word_count(text) < MIN_WORDS or _inside(caption.iterancestors(), ("nav", "aside", "footer"), _NOT_ARTICLE_RE):
            continue
        figure = next((a for a in caption.iterancestors("figure")), caption)
        before = [" ".join(e.text_content().split()) for node in (figure, *figure.iterancestors())
                  for e in node.itersiblings(preceding=True) if isinstance(e.tag, str)]
        found.append((text, [b for b in before if b][:BEFORE]))
    return found


def _with_captions(blocks: list[Block], found: list[tuple[str, list[str]]]) -> tuple[list[Block], frozenset[str]]:
    """`blocks` with each caption they lack after the block that ends the nearest text before it
    (at the end where none does), and the captions' texts."""
    from rapidfuzz import fuzz

    out = list(blocks)
    added: set[str] = set()
    for text, before in found:
        if any(fuzz.partial_ratio(text.casefold(), b.casefold()) >= 90 for b, _ in out):
            continue
        ends = [b[-60:] for b in before]
        at = next((x + 1 for tail in ends for x in range(len(out) - 1, -1, -1) if out[x][0].endswith(tail)), len(out))
        out.insert(at, (text, False))
        added.add(text)
    return out, frozenset(added)


def other_articles(root: Any, blocks: list[Block]) -> list[str]:
    """The headlines of the page's other articles, left out of `blocks` (trafilatura reads one):
    each an <article> of its own, outside navigation and teaser boxes, with a heading and two
    paragraphs of story, none of them read. A teaser's <article> has one line under its heading."""
    if root is None:
        return []
    read = {" ".join(text.split()).casefold() for text, _ in blocks}
    found: list[str] = []
    for article in root.iter("article"):
        if _inside(article.iterancestors(), ("article", "nav", "aside", "footer"), _NOT_ARTICLE_RE):
            continue
        heading = next(article.iter("h1", "h2", "h3"), None)
        paragraphs = [t for t in (" ".join(p.text_content().split()) for p in article.iter("p")) if word_count(t) >= 2 * MIN_WORDS]
        if heading is None or len(paragraphs) < 2 or any(t.casefold() in read for t in paragraphs):
            continue
        title = " ".join(heading.text_content().split())
        if title:
            found.append(title)
    return found


@functools.cache
def _url_date_re() -> re.Pattern[str]:
    """Made on first use: the month names are the parser's, which `is_url` need not import."""
    from storyview.inputs.parse import MONTHS

    months = "|".join(m[:3] for m in MONTHS)
    return re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|" + months + r")[/-](0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])",
                      re.I)


def url_date(url: str | None) -> str | None:
    """The date in a page's address ("/2026/nov/14/", "/2026/11/14/"), as news sites file stories."""
    from storyview.inputs.parse import MONTHS, valid_date

    m = _url_date_re().search(urllib.parse.urlsplit(url).path) if url else None
    if m is None:
        return None
    year, month, day = m.groups()
    number = next(n for n, name in enumerate(MONTHS, 1) if name.startswith(month.lower())) if month.isalpha() else int(month)
    iso = f"{year}-{number:02d}-{int(day):02d}"
    return iso if valid_date(iso) else None


_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+|\s*[|]\s*")


def _site(site: str | None, title: str | None) -> str | None:
    """trafilatura's site name, unless it is the headline itself (its guess from a <title> of
    two parts can take the wrong one): a headline is never an outlet."""
    if site and title and site.casefold() == " ".join(title.split()).casefold():
        return None
    return site


_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}$", re.I)


def _outlet(site: str | None, in_title: str | None) -> str | None:
    """The page's site name, or the one its <title> gives where the page states none or only a
    host name ("theguardian.com" beside "… | The Guardian")."""
    if site and not (in_title and _DOMAIN_RE.match(site)):
        return site
    return in_title or site


def site_in_title(html_text: str, title: str | None) -> str | None:
    """The site a page's <title> names after its headline ("Four dead as bridge falls | Northern
    Post", "Ferry fire | Scotland | The Guardian"): the part after the last separator, when what
    stands before it is the headline, and a section or two of a few words each."""
    m = _TITLE_RE.search(html_text[:200_000])
    if m is None or not title:
        return None
    whole = " ".join(html.unescape(m.group(1)).split())
    parts = _TITLE_SEPARATOR_RE.split(whole)
    if len(parts) < 2:
        return None
    site = parts[-1].strip()
    before = whole[: whole.rfind(site)].rstrip(" |–—-")
    if not site or len(site) > 40 or len(site.split()) > 5 or not before.casefold().startswith(title.casefold()):
        return None
    sections = [p.strip() for p in _TITLE_SEPARATOR_RE.split(before[len(title):]) if p.strip()]
    if len(sections) > 2 or any(len(p) > 30 or len(p.split()) > 4 for p in sections) or \
            sections and not before[len(title):].lstrip().startswith("|"):
        return None
    return site


def _meta(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _text(element: Any) -> str:
    for lb in element.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return " ".join("".join(element.itertext()).split())


def _lines(element: Any) -> list[str]:
    """The text of `element` as the lines its line breaks set apart."""
    parts: list[str] = []

    def visit(node: Any) -> None:
        parts.append("\n" if node.tag == "lb" else node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")

    visit(element)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _walk(element: Any, blocks: list[Block]) -> None:
    """Headings, paragraphs, list items, table rows and quotes in reading order."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            text = _text(child)
            if text:
                blocks.append((text, True))
        elif tag == "row":
            cells = [c for c in child if c.tag == "cell"]
            texts = [_text(c) for c in cells]
            if any(c.find(".//table") is not None for c in cells):
                # A table laid out as the page (before CSS): its cells hold the menu and the
                # article's own table of headline, byline and paragraphs, each in rows of its own.
                for cell in cells:
                    if cell.text and cell.text.strip():
                        blocks.append((" ".join(cell.text.split()), False))
                    _walk(cell, blocks)
            elif sum(1 for t in texts if t) == 1:
                # A row of one cell is a line of the layout: "By Ann Lee<br>Mar 3, 2031" is two.
                blocks.extend((line, False) for line in _lines(cells[next(x for x, t in enumerate(texts) if t)]))
            else:
                row = " · ".join(t for t in texts if t)
                if row:
                    blocks.append((row, False))
        elif tag in BLOCKS and any(isinstance(c.tag, str) and c.tag in BLOCKS for c in child):
            if child.text and child.text.strip():
                blocks.append((" ".join(child.text.split()), False))
            _walk(child, blocks)
        elif tag in ("graphic", "ref") and not _text(child):
            pass
        else:
            text = _text(child)
            if text:
                blocks.append((text, False))
        if child.tail and child.tail.strip() and element.tag != "body":
            blocks.append((" ".join(child.tail.split()), False))


# ---------------------------------------------------------------- fetching


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Deadline:
    """Ends a fetch at a deadline: the sockets it opened are shut, so a read blocked on a
    server that trickles its page returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._done = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._done = True

    def _track(self, sock: socket.socket | None) -> None:
        with self._lock:
            if sock is not None:
                self._sockets.append(sock)
            late = self.expired
        if late and sock is not None:
            self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:  # the plain socket's shutdown, under TLS too: wakes a blocked read on any thread
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass

    def connection(self, base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        deadline = self

        class Connection(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                deadline._track(self.sock)

        return Connection

    def handlers(self) -> list[urllib.request.BaseHandler]:
        deadline = self

        class HTTP(urllib.request.HTTPHandler):
            def http_open(self, req: urllib.request.Request) -> Any:
                return self.do_open(deadline.connection(http.client.HTTPConnection), req)

        class HTTPS(urllib.request.HTTPSHandler):
            def https_open(self, req: urllib.request.Request) -> Any:
                return self.do_open(deadline.connection(http.client.HTTPSConnection), req, context=self._context)

        return [HTTP(), HTTPS()]


def fetch(url: str, max_bytes: int, timeout: float | None = None, deadline: float | None = None) -> Page:
    """GET a page (redirects followed), at most `max_bytes` of it; FetchError says why not.

    `timeout` bounds each wait for the server (FETCH_TIMEOUT), `deadline` the whole fetch
    (FETCH_DEADLINE).
    """
    timeout = FETCH_TIMEOUT if timeout is None else timeout
    deadline = FETCH_DEADLINE if deadline is None else deadline
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise FetchError("not a web address (no host)")
    clock = _Deadline(deadline)
    handlers: list[urllib.request.BaseHandler] = clock.handlers()
    if _loopback(parts.hostname):
        handlers.append(urllib.request.ProxyHandler({}))  # a proxy cannot reach our own loopback
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={
        "User-Agent": f"storyview/{__version__} (+trafilatura)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.5",
    })
    late = f"cannot fetch (page not received within {deadline:g} s)"
    try:
        with clock, opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            content_type = response.headers.get_content_type() or ""
            charset = response.headers.get_content_charset()
            final = response.geturl() or url
    except urllib.error.HTTPError as exc:
        if clock.expired:
            raise FetchError(late) from None
        if 300 <= exc.code < 400 and "infinite loop" in str(exc.reason):
            raise FetchError(f"cannot fetch (HTTP {exc.code}: the redirects go round in a loop)") from None
        raise FetchError(f"cannot fetch (HTTP {exc.code} {_said(exc.reason)})".replace(" )", ")")) from None
    except urllib.error.URLError as exc:
        raise FetchError(late if clock.expired else f"cannot fetch ({_reason(exc.reason, timeout)})") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(late if clock.expired else f"cannot fetch (no answer within {timeout:g} s)") from None
    except (OSError, ValueError, http.client.HTTPException, urllib.error.ContentTooShortError) as exc:
        raise FetchError(late if clock.expired else f"cannot fetch ({_reason(exc, timeout)})") from None
    if clock.expired:  # the page was cut where the deadline shut the connection
        raise FetchError(late)
    # One byte over `max_bytes` stays, so the reader can say the page was cut.
    return Page(data, content_type.lower(), charset, final)


def _said(text: object, limit: int = 120) -> str:
    """What a server or the system said, as one printable line: whitespace (line breaks too)
    collapsed, control characters shown as escapes, so none reaches the terminal."""
    from storyview.inputs.text import shown

    return shown(" ".join(str(text).split()))[:limit]


def _reason(reason: object, timeout: float) -> str:
    """A network failure in a few words, saying when it looks like no network at all."""
    if isinstance(reason, socket.gaierror):
        return "host not found: no network, or no such host"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "the site's certificate is not valid"
    if isinstance(reason, OSError):
        if reason.errno in (101, 113):  # ENETUNREACH, EHOSTUNREACH
            return "network unreachable: no network?"
        return _said(reason.strerror) if reason.strerror else type(reason).__name__
    return _said(reason) or "unknown error"


Fetcher = Callable[[str], Page]
