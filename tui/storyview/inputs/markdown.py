"""Markdown to the text a reader sees: structure stripped, headings kept apart as headlines.

Not a renderer: markdown-it-py (CommonMark, with tables, strikethrough and footnotes) parses the
article, and this module keeps the words of its token stream and drops the syntax (emphasis,
links, images, code fences, list and quote markers, tables, raw HTML), so the loader's paragraph
rules still apply to what is left. Front matter (`---` YAML through mdit-py-plugins, or `+++`
TOML) gives metadata from its key/value lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported when a Markdown file is read, not by every run
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# One block of the article: its text (lines joined by "\n") and whether it is a heading.
Block = tuple[str, bool]

# A reference link or footnote whose target is never defined is text to markdown-it; its
# brackets are still syntax to a reader.
UNDEFINED_REF_RE = re.compile(r"\[([^\]^\n][^\]\n]*)\]\[[^\]\n]*\]")
UNDEFINED_FOOTNOTE_RE = re.compile(r"\[\^[^\]\n]+\]")
TAG_RE = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)
TOML_FRONT_RE = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)
# CommonMark lets an ordered list start at any number up to nine digits; news starts lines with
# years ("1917. That year..."): a marker of four digits or more stays as text.
LONGEST_MARKER = 3
# What sets a line into a container: first its indentation and quote markers, then list markers
# too (a line of "- - - item" nests on its own).
CONTAINER_RES = (
    re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*"),
    re.compile(r"^(?:[ \t]+|>[ \t]?|(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$))*"),
)

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "pubdate", "published_at", "date_published")
AUTHOR_KEYS = ("author", "authors", "byline", "by")
# YAML's null ("outlet: ~"): no value stated, not the name "null". Quoted, it is a name.
YAML_NULLS = frozenset({"null", "Null", "NULL", "~"})
SITE_KEYS = ("site", "site_name", "sitename", "outlet", "publisher", "source", "publication")


@dataclass
class Markdown:
    """The blocks of a Markdown article and what its front matter states."""

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
    )


def _words(children: list[Token] | None) -> str:
    """An inline token's children as the words a reader sees (line breaks kept as "\n")."""
    out: list[str] = []
    for t in children or []:
        if t.type == "text":
            out.append(UNDEFINED_FOOTNOTE_RE.sub("", UNDEFINED_REF_RE.sub(r"\1", t.content)))
        elif t.type == "code_inline":
            out.append(t.content.strip() or t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def _only_links(children: list[Token] | None) -> bool:
    """An inline whose words are all links' text ("[EU summit](…)"), but for a cue that labels
    them ("**Related:**") or when they were posted ("- 2 hours ago"): navigation ("See also",
    "Related"), which a saved page's extraction leaves out too. A byline with its links ("*By
    Harbour News staff* · [Subscribe](…)") is the byline, however like a cue its words are."""
    from storyview.inputs.boilerplate import is_related_cue
    from storyview.inputs.parse import byline_of, is_timestamp

    depth, linked, outside = 0, False, []
    for t in children or []:
        if t.type == "link_open":
            depth += 1
        elif t.type == "link_close":
            depth -= 1
        elif t.type == "text" and t.content.strip(" \t-–—·|,;:"):
            if depth:
                linked = True
            else:
                outside.append(t.content)
    rest = " ".join(" ".join(outside).split()).strip(" -–—·|,;:")
    return linked and (not rest or (is_related_cue(rest) and byline_of(rest) is None) or is_timestamp(rest))


def inline(text: str) -> str:
    """One line's inline markup removed: the words a reader sees, entities decoded."""
    tokens = _parser().parseInline(text)
    return _words(tokens[0].children if tokens else None)


def _lines(text: str) -> str:
    """Lines stripped, blank ones dropped, joined by "\n" (the loader decides what runs on)."""
    return "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())


def _key_values(lines: list[str]) -> dict[str, str]:
    """Key/value pairs of front matter lines: `key: value`, `key = value`, and YAML lists."""
    meta: dict[str, str] = {}
    lists: dict[str, list[str]] = {}  # YAML lists ("authors:" then "  - Jane Roe" lines)
    key = None
    for line in lines:
        m = re.match(r"^([A-Za-z_][\w\-]*)\s*[:=]\s*(.*)$", line)
        if m:
            key, values = m.group(1).lower(), _values(m.group(2))
            if values and key not in meta and key not in lists:
                meta[key] = _joined(key, values)
            continue
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key and key not in meta:
            raw = re.sub(r"^name\s*:\s*", "", item.group(1).strip())
            value = "" if raw in YAML_NULLS else _unquote(raw)
            if value:
                lists.setdefault(key, []).append(value)
    for key, values in lists.items():
        meta.setdefault(key, _joined(key, values))
    return meta


def _values(value: str) -> list[str]:
    """A value's entries: an inline list's (`[a, "b, c"]`, quotes respected), else the one value."""
    value = value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        one = "" if value in YAML_NULLS else _unquote(value)
        return [one] if one else []
    items: list[str] = []
    current: list[str] = []
    quote = None
    for ch in value[1:-1]:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
        elif ch in "\"'" and not "".join(current).strip():
            quote = ch
            current.append(ch)
        elif ch == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [v for v in (_unquote(i) for i in items if i.strip() not in YAML_NULLS) if v]


def _joined(key: str, values: list[str]) -> str:
    """Authors all named ("Jane Roe and Bob Smith", "A, B and C"); of any other list, the first."""
    if key not in AUTHOR_KEYS or len(values) == 1:
        return values[0]
    return ", ".join(values[:-1]) + " and " + values[-1]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def parse(text: str) -> Markdown:
    """Blocks of plain text in reading order; headings are blocks of their own."""
    out = Markdown()
    toml = TOML_FRONT_RE.match(text)
    if toml:
        out.meta = _key_values(toml.group(1).split("\n"))
        text = text[toml.end():]
    row: list[str] = []
    item_number: str | None = None
    heading = cell = False
    emptied = False  # the last block is a heading whose list of links was left out
    for t in _tokens(text):
        if t.type == "front_matter":
            out.meta = _key_values(t.content.split("\n"))
        elif t.type == "heading_open":
            heading = True
            _drop_emptied(out, emptied)
            emptied = False
        elif t.type == "heading_close":
            heading = False
        elif t.type == "list_item_open":
            item_number = t.info if len(t.info) > LONGEST_MARKER else None
            if item_number:
                item_number += t.markup + " "
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            cell = True
        elif t.type in ("th_close", "td_close"):
            cell = False
        elif t.type == "tr_close":
            cells = " · ".join(c for c in row if c)
            if cells:
                out.blocks.append((cells, False))
        elif t.type == "inline":
            if not heading and not cell and _only_links(t.children):
                item_number = None
                emptied = emptied or bool(out.blocks and out.blocks[-1][1])
                continue
            emptied = False
            words = _words(t.children)
            if cell:
                row.append(" ".join(words.split()))
                continue
            if item_number:
                words, item_number = item_number + words, None
            if heading:
                if words.strip():
                    out.blocks.append((" ".join(words.split()), True))
            elif _lines(words):
                out.blocks.append((_lines(words), False))
        elif t.type in ("fence", "code_block"):
            if _lines(t.content):
                out.blocks.append((_lines(t.content), False))
        elif t.type == "html_block":
            if _lines(TAG_RE.sub("", t.content)):
                out.blocks.append((_lines(TAG_RE.sub("", t.content)), False))
    _drop_emptied(out, emptied)
    return out


def _tokens(text: str) -> list[Token]:
    """The article's tokens, with containers nested past the parser's limit flattened: there
    markdown-it skips the rest of the text, and the words matter, not the nesting."""
    tokens = _parser().parse(text)
    for container in CONTAINER_RES:
        spans = _too_deep(tokens)
        if not spans:
            break
        lines = text.split("\n")
        for start, end in spans:
            lines[start:end] = [container.sub("", line) for line in lines[start:end]]
        text = "\n".join(lines)
        tokens = _parser().parse(text)
    return tokens


def _too_deep(tokens: list[Token]) -> list[tuple[int, int]]:
    """The line spans of the top-level blocks inside which the parser reached its nesting limit."""
    limit = _parser().options.maxNesting
    spans: list[tuple[int, int]] = []
    top: tuple[int, int] | None = None
    for t in tokens:
        if t.level == 0 and t.nesting == 1:
            top = (t.map[0], t.map[1]) if t.map else None
        elif t.nesting == 1 and t.level + 1 >= limit and top and (not spans or spans[-1] != top):
            spans.append(top)
    return spans


def _drop_emptied(out: Markdown, emptied: bool) -> None:
    """Leave out a heading ("See also") that headed only a list of links: it heads nothing now."""
    if emptied and out.blocks and out.blocks[-1][1]:
        out.blocks.pop()


def looks_like_markdown(text: str) -> bool:
    """Standard input with Markdown structure: a heading, front matter or a setext underline."""
    head = text[:20_000]
    return bool(
        re.search(r"^ {0,3}#{1,6}[ \t]+\S", head, re.M)
        or head.lstrip().startswith(("---\n", "+++\n"))
        or re.search(r"\n {0,3}={3,}[ \t]*\n", head)
        or re.search(r"\[[^\]\n]+\]\([^)\s]+\)", head)
    )
