"""Markdown to the text a reader sees: structure stripped, headings kept apart as headlines.

Not a renderer: it keeps the words and drops the syntax (emphasis, links, images, code fences,
list and quote markers, tables, raw HTML), line by line, so the loader's paragraph rules still
apply to what is left. Front matter (`---` YAML or `+++` TOML key/value lines) gives metadata.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# One block of the article: its text (lines joined by "\n") and whether it is a heading.
Block = tuple[str, bool]

ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
QUOTE_RE = re.compile(r"^ {0,3}>[ ]?")
# Ordered items up to three digits: "1917. That year..." at a line start stays text.
ITEM_RE = re.compile(r"^ {0,3}(?:[-+*]|(\d{1,3})[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
LINK_DEF_RE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
FOOTNOTE_DEF_RE = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

# Characters a backslash can escape; while inline markup is stripped they are kept out of the
# way as private-use stand-ins and put back at the end.
ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_STAND_IN = 0xF0000
CODE_RE = re.compile(r"(`+)(.+?)\1", re.S)
IMAGE_RE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_LINK_RE = re.compile(r"\[([^\]^][^\]]*)\]\[[^\]]*\]")
FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]]+\]")
AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EM_STAR_RE = re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*")
EM_UNDER_RE = re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
STRIKE_RE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "pubdate", "published_at", "date_published")
AUTHOR_KEYS = ("author", "authors", "byline", "by")
SITE_KEYS = ("site", "site_name", "sitename", "outlet", "publisher", "source", "publication")


@dataclass
class Markdown:
    """The blocks of a Markdown article and what its front matter states."""

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def inline(text: str) -> str:
    """One line's inline markup removed: the words a reader sees, entities decoded."""
    text = re.sub(r"\\([" + re.escape(ESCAPABLE) + "])", lambda m: chr(_STAND_IN + ord(m.group(1))), text)
    codes: list[str] = []

    def keep_code(m: re.Match[str]) -> str:
        codes.append(m.group(2).strip() if m.group(2).strip() else m.group(2))
        return chr(_STAND_IN + 0x100 + len(codes) - 1)

    text = CODE_RE.sub(keep_code, text)
    text = IMAGE_RE.sub("", text)
    text = AUTOLINK_RE.sub(r"\1", text)
    for _ in range(3):  # links inside emphasis inside links
        before = text
        text = LINK_RE.sub(r"\1", text)
        text = REF_LINK_RE.sub(r"\1", text)
        if text == before:
            break
    text = FOOTNOTE_REF_RE.sub("", text)
    text = TAG_RE.sub("", text)
    for _ in range(3):
        before = text
        text = STRONG_RE.sub(r"\2", text)
        text = EM_STAR_RE.sub(r"\1", text)
        text = EM_UNDER_RE.sub(r"\1", text)
        text = STRIKE_RE.sub(r"\1", text)
        if text == before:
            break
    text = html.unescape(text)

    def restore(m: re.Match[str]) -> str:
        o = ord(m.group()) - _STAND_IN
        if o < 0x100:
            return chr(o)
        return codes[o - 0x100] if o - 0x100 < len(codes) else m.group()

    return re.sub(f"[{chr(_STAND_IN)}-{chr(_STAND_IN + 0x100 + max(len(codes), 1))}]", restore, text)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Key/value pairs of a leading `---` (YAML) or `+++` (TOML) block, and the lines it took."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}, 0
    fence = lines[0].strip()
    ends = ("---", "...") if fence == "---" else ("+++",)
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ends:
            break
    else:
        return {}, 0
    meta: dict[str, str] = {}
    lists: dict[str, list[str]] = {}  # YAML lists ("authors:" then "  - Jane Roe" lines)
    key = None
    for line in lines[1:end]:
        m = re.match(r"^([A-Za-z_][\w\-]*)\s*[:=]\s*(.*)$", line)
        if m:
            key, values = m.group(1).lower(), _values(m.group(2))
            if values and key not in meta and key not in lists:
                meta[key] = _joined(key, values)
            continue
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key and key not in meta:
            value = _unquote(re.sub(r"^name\s*:\s*", "", item.group(1).strip()))
            if value:
                lists.setdefault(key, []).append(value)
    for key, values in lists.items():
        meta.setdefault(key, _joined(key, values))
    return meta, end + 1


def _values(value: str) -> list[str]:
    """A value's entries: an inline list's (`[a, "b, c"]`, quotes respected), else the one value."""
    value = value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        one = _unquote(value)
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
    return [v for v in (_unquote(i) for i in items) if v]


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
    text = COMMENT_RE.sub("", text)
    lines = text.split("\n")
    front, start = _front_matter(lines)
    out = Markdown(meta={k: v for k, v in front.items()})
    para: list[str] = []
    fence: str | None = None
    code: list[str] = []
    table = False

    def flush() -> None:
        if para:
            out.blocks.append(("\n".join(para), False))
            para.clear()

    n = start
    while n < len(lines):
        line = lines[n]
        n += 1
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
                if code:
                    out.blocks.append(("\n".join(code), False))
                    code.clear()
            elif line.strip():
                code.append(line.strip())
            continue
        f = FENCE_RE.match(line)
        if f:
            flush()
            fence = f.group(1)
            continue
        while QUOTE_RE.match(line):
            line = QUOTE_RE.sub("", line, count=1)
        if not line.strip():
            flush()
            table = False
            continue
        if table and "|" in line:
            out.blocks.append((_row(line), False))
            continue
        table = False
        atx = ATX_RE.match(line)
        if atx:
            flush()
            heading = inline(atx.group(2) or "").strip()
            if heading:
                out.blocks.append((heading, True))
            continue
        setext = SETEXT_RE.match(line)
        if setext and para and (setext.group(1)[0] == "=" or len(setext.group(1)) >= 2):
            out.blocks.append((" ".join(p.strip() for p in para), True))
            para.clear()
            continue
        if RULE_RE.match(line):
            flush()
            continue
        if "|" in line and n < len(lines) and TABLE_RULE_RE.match(lines[n]) and "-" in lines[n]:
            flush()
            out.blocks.append((_row(line), False))
            n += 1  # the delimiter row
            table = True
            continue
        if LINK_DEF_RE.match(line):
            continue
        line = FOOTNOTE_DEF_RE.sub("", line)
        item = ITEM_RE.match(line)
        # Inside a paragraph only a bullet or "1." starts a list (as in CommonMark).
        if item and (not para or item.group(1) in (None, "1")):
            flush()
            line = item.group(2)
        text_line = inline(line).strip()
        if text_line:
            para.append(text_line)
    flush()
    if code:
        out.blocks.append(("\n".join(code), False))
    return out


def _row(line: str) -> str:
    cells = [inline(c).strip() for c in line.strip().strip("|").split("|")]
    return " · ".join(c for c in cells if c)


def looks_like_markdown(text: str) -> bool:
    """Standard input with Markdown structure: a heading, front matter or a setext underline."""
    head = text[:20_000]
    return bool(
        re.search(r"^ {0,3}#{1,6}[ \t]+\S", head, re.M)
        or head.lstrip().startswith(("---\n", "+++\n"))
        or re.search(r"\n {0,3}={3,}[ \t]*\n", head)
        or re.search(r"\[[^\]\n]+\]\([^)\s]+\)", head)
    )
