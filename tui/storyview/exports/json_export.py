"""The Story as JSON: a public, documented format (docs/json.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyview import __version__
from storyview.engine.shares import shares_of
from storyview.model import Collection, Link, Member, Story

if TYPE_CHECKING:  # the findings are imported where a story is turned into its document (`to_dict`)
    from storyview.findings.figures import Figure, Mention
    from storyview.findings.quotes import Quote, Version
    from storyview.findings.rewrites import Pair, Side


def _number(x: float | None) -> float | int | None:
    """A value as JSON shows it best: integral floats as integers."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def _member(source: str, paragraph: int) -> dict[str, Any]:
    return {"source": source, "paragraph": paragraph}


def _version(v: Version, reference: Version) -> dict[str, Any]:
    return {
        **_member(v.source, v.paragraph), "start": v.start, "end": v.end, "text": v.text,
        "reference": v is reference, "status": v.status, "verbatim": v.verbatim,
        "edits": [{"reference": e.reference, "version": e.version} for e in v.edits], "speaker": v.speaker,
    }


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "text": q.text, "sources": list(q.sources), "altered": q.altered,
        "speakers": list(q.speakers), "misattributed": q.misattributed,
        "versions": [_version(v, q.reference) for v in q.versions],
    }


def _mention(m: Mention) -> dict[str, Any]:
    return {
        **_member(m.source, m.paragraph), "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
        "exact": m.exact, "value": m.value, "low": _number(m.low), "high": _number(m.high), "unit": m.unit,
        "date": m.date, "weekday": m.weekday,
    }


def figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id, "about": f.about, "kind": f.kind, "status": f.status, "disagree": f.disagree,
        "sources": list(f.sources), "mentions": [_mention(m) for m in f.mentions],
    }


def _side(s: Side) -> dict[str, Any]:
    return {"source": s.source, "follows": round(s.follows, 3), "wording": round(s.wording, 3),
            "phrasing": round(s.phrasing, 3), "verbatim": round(s.verbatim, 3),
            "distinct": round(s.distinct, 3), "paragraphs": s.paragraphs, "total": s.total}


def rewrite_dict(p: Pair) -> dict[str, Any]:
    return {
        "sources": list(p.sources), "verdict": p.verdict, "rewrite": p.rewrite, "original": p.original,
        "basis": p.basis, "summary": p.summary, "shared_sentences": p.shared,
        "shared_words": p.words, "a": _side(p.a), "b": _side(p.b),
        "chain": [[_member(x.source, x.paragraph), _member(y.source, y.paragraph)] for x, y in p.chain],
    }


def _link(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {"a": _member(link.a.source, link.a.paragraph), "b": _member(link.b.source, link.b.paragraph),
                           "score": link.score}
    if link.pinned:
        out["pinned"] = True
    return out


def to_dict(story: Story) -> dict[str, Any]:
    from storyview.findings.analysis import analyse

    analysis = analyse(story)
    shares = shares_of(story)
    return {
        "storyview": __version__,
        "settings": {
            "threshold": story.settings.threshold,
            "sentence_threshold": story.settings.sentence_threshold,
            "order_weight": story.settings.order_weight,
            "semantic": story.settings.semantic,
            "model": story.model,
        },
        "stories": [{"id": story.id, "label": story.label, "sources": [a.id for a in story.articles]}],
        "sources": [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "date": a.date,
                "byline": a.byline,
                "outlet": a.outlet,
                "unique_share": round(shares[a.id].unique_share, 4) if a.id in shares else 0,
                "groups_covered": shares[a.id].groups_covered if a.id in shares else 0,
                "paragraphs": [
                    {
                        "index": p.index,
                        "kind": p.kind,
                        "text": p.text,
                        "unique": [list(s) for s in story.unique(Member(a.id, p.index))],
                        "near": [
                            {"source": l.b.source, "paragraph": l.b.paragraph, "score": l.score}
                            for l in story.near.get(Member(a.id, p.index), ())
                        ],
                    }
                    for p in a.paragraphs
                ],
            }
            for a in story.articles
        ],
        "groups": [
            {
                "id": g.id,
                "label": g.label,
                "keywords": g.keywords,
                "story": story.id,
                "members": [{"source": m.source, "paragraph": m.paragraph} for m in g.members],
                "links": [_link(l) for l in g.links],
            }
            for g in story.groups
        ],
        "pins": [
            {"kind": p.kind, "a": _member(p.a.source, p.a.paragraph), "b": _member(p.b.source, p.b.paragraph)}
            for p in story.pins
        ],
        "warnings": list(story.warnings),
        "quotes": [quote_dict(q) for q in analysis.quotes],
        "figures": [figure_dict(f) for f in analysis.figures],
        "rewrites": [rewrite_dict(p) for p in analysis.rewrites],
    }


# Characters JSON allows raw but a terminal or editor may act on: C1 controls (8-bit escape
# sequences), unpaired surrogates (a file name that is not UTF-8), bidi and other invisible
# format characters, line and paragraph separators. Written as \u escapes they stay data.
UNSAFE_RE = re.compile(
    "[\x7f-\x9f\ud800-\udfff\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _escape(m: re.Match[str]) -> str:
    o = ord(m.group())
    if o > 0xFFFF:
        o -= 0x10000
        return f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}"
    return f"\\u{o:04x}"


# Up to this many paragraphs the JSON is indented for reading; a larger story gets one line per
# source, group, quote, figure and rewrite (Python indents JSON five times slower than it writes
# it compact, a second for 2,225 articles). Whitespace is not part of the format.
INDENT_UP_TO = 2_000


def to_json(story: Story) -> str:
    """The story as JSON text; any character a terminal could act on is \\u-escaped.

    (The tree is freshly built, so it has no cycles to look for.)"""
    return _dumps(to_dict(story), sum(len(a.paragraphs) for a in story.articles))


def collection_dict(collection: Collection, stories: Sequence[Story]) -> dict[str, Any]:
    """Several stories of one folder as one document: the schema of `to_dict`, with every story
    listed under "stories", its sources, groups, quotes, figures and rewrites side by side.

    Sources keep the folder's order; groups, quotes and figures are numbered on from one story
    to the next, each (and each rewrite and pin) tagged with its "story".
    """
    return parts_dict(collection, [to_dict(story) for story in stories])


def parts_dict(collection: Collection, parts: Sequence[dict[str, Any]], several: bool | None = None) -> dict[str, Any]:
    """`collection_dict` of the stories' own documents (`to_dict` of each, in story order), as
    worker processes send them back (`pipeline.align_each`).

    `several`: the stories are of a folder of several (default: the collection holds more than
    one); a story of such a folder lists its own notes, which its warnings hold among the folder's.
    """
    if len(parts) == 1 and not _several(collection, several):
        return parts[0]
    ids = [part["stories"][0]["id"] for part in parts]
    order = {a.id: n for n, a in enumerate(collection.articles)}
    out: dict[str, Any] = {
        "storyview": __version__,
        "settings": parts[0]["settings"] if parts else {},
        "stories": [{**entry, "warnings": list(part["warnings"])} for part in parts for entry in part["stories"]],
        "sources": sorted((src for part in parts for src in part["sources"]), key=lambda src: order[src["id"]]),
    }
    for key in ("groups", "quotes", "figures"):
        items = []
        for story_id, part in zip(ids, parts):
            for item in part[key]:
                items.append({**item, "id": len(items) + 1, "story": story_id})
        out[key] = items
    warnings = list(collection.warnings)
    for part in parts:
        warnings.extend(w for w in part["warnings"] if w not in warnings)
    out["warnings"] = warnings
    out["rewrites"] = [{**r, "story": story_id} for story_id, part in zip(ids, parts) for r in part["rewrites"]]
    out["pins"] = [{**pin, "story": story_id} for story_id, part in zip(ids, parts) for pin in part.get("pins", [])]
    return {key: out[key] for key in parts[0]} if parts else out


def _several(collection: Collection, several: bool | None) -> bool:
    return len(collection.stories) > 1 if several is None else several


def collection_json(collection: Collection, stories: Sequence[Story]) -> str:
    """`collection_dict` as JSON text, escaped as `to_json` does."""
    return parts_json(collection, [to_dict(story) for story in stories])


def parts_json(collection: Collection, parts: Sequence[dict[str, Any]] | Sequence[Part],
               several: bool | None = None) -> str:
    """`parts_dict` as JSON text, escaped as `to_json` does; of `Part`s, their pieces put together
    into the same text."""
    if parts and isinstance(parts[0], Part):
        return _parts_text(collection, parts, several)  # type: ignore[arg-type]
    paragraphs = sum(len(src["paragraphs"]) for part in parts for src in part["sources"])  # type: ignore[index]
    return _dumps(parts_dict(collection, parts, several), paragraphs)  # type: ignore[arg-type]


def lined(paragraphs: int) -> bool:
    """Is the JSON of this many paragraphs written one item a line (see INDENT_UP_TO)?"""
    return paragraphs > INDENT_UP_TO


# The lists `parts_dict` numbers on from one story to the next, and those it only tags with the
# story (as it does the numbered ones, save groups: they have their "story" already).
NUMBERED = ("groups", "quotes", "figures")
TAGGED = ("rewrites", "pins")


@dataclass(frozen=True)
class Part:
    """A story's document (`to_dict`) as JSON text piece by piece, for a folder whose JSON is
    written one item a line (`lined`): what a worker process sends back, so that the parent
    puts pieces together instead of unpickling and encoding every dictionary.

    `document` is `to_dict`'s (`keys` its order) less its "sources", `NUMBERED` and `TAGGED`
    lists; those are in `items`, each item as the text between its braces, escaped, beside its
    "id" (a source's: to put the folder's sources in order; a numbered item's text leaves its
    "id" out: the parent numbers it on).
    """

    keys: tuple[str, ...]
    document: dict[str, Any]
    items: dict[str, list[tuple[Any, str]]]

    @property
    def warnings(self) -> list[str]:
        return self.document["warnings"]


def to_part(story: Story) -> Part:
    """`to_dict` of the story as a `Part`."""
    data = to_dict(story)
    keys = tuple(data)
    items: dict[str, list[tuple[Any, str]]] = {"sources": [(src["id"], _members(src)) for src in data.pop("sources")]}
    for key in NUMBERED:
        items[key] = [(item["id"], _members({k: v for k, v in item.items() if k != "id"})) for item in data.pop(key)]
    for key in TAGGED:
        items[key] = [(None, _members(item)) for item in data.pop(key)]
    return Part(keys, data, items)


def _members(item: dict[str, Any]) -> str:
    """An object's members as JSON text, without its braces, escaped."""
    return _safe(_compact(item)[1:-1])


def _parts_text(collection: Collection, parts: Sequence[Part], several: bool | None = None) -> str:
    """`parts_json` of `Part`s: the text `_one_item_a_line(parts_dict(...))` writes of their dictionaries."""
    if len(parts) == 1 and not _several(collection, several):  # the story's own document, as it is
        part = parts[0]
        lists = {"sources": ["{" + text + "}" for _, text in part.items["sources"]]}
        lists.update({key: [f'{{"id": {n}, {text}}}' for n, text in part.items[key]] for key in NUMBERED})
        lists.update({key: ["{" + text + "}" for _, text in part.items[key]] for key in TAGGED})
        return _lined(part.keys, part.document, lists)
    ids = [part.document["stories"][0]["id"] for part in parts]
    order = {a.id: n for n, a in enumerate(collection.articles)}
    sources = sorted((src for part in parts for src in part.items["sources"]), key=lambda src: order[src[0]])
    lists = {"sources": ["{" + text + "}" for _, text in sources]}
    for key in NUMBERED:
        tag = "" if key == "groups" else ', "story": {}'
        texts = [(story_id, text) for story_id, part in zip(ids, parts) for _, text in part.items[key]]
        lists[key] = [f'{{"id": {n}, {text}{tag.format(story_id)}}}' for n, (story_id, text) in enumerate(texts, 1)]
    for key in TAGGED:
        lists[key] = [f'{{{text}, "story": {story_id}}}' for story_id, part in zip(ids, parts) for _, text in part.items[key]]
    warnings = list(collection.warnings)
    for part in parts:
        warnings.extend(w for w in part.warnings if w not in warnings)
    document = {"storyview": __version__, "settings": parts[0].document["settings"],
                "stories": [{**entry, "warnings": list(part.warnings)} for part in parts
                            for entry in part.document["stories"]], "warnings": warnings}
    return _lined(parts[0].keys, document, lists)


def _dumps(data: dict[str, Any], paragraphs: int) -> str:
    if paragraphs <= INDENT_UP_TO:
        text = json.dumps(data, ensure_ascii=False, indent=2, check_circular=False)
    else:
        text = _one_item_a_line(data)
    return _safe(text)


def _one_item_a_line(data: dict[str, Any]) -> str:
    """`data` as JSON with each element of its top-level lists on a line of its own."""
    return "{\n" + ",\n".join(_field(key, value) for key, value in data.items()) + "\n}"


def _field(key: str, value: Any, items: list[str] | None = None) -> str:
    """A member of the document as `_one_item_a_line` writes it (`items`: those of a list as
    JSON text already)."""
    if items is None and isinstance(value, list):
        items = [_compact(item) for item in value]
    if items is None:
        return f" {_compact(key)}: {_compact(value)}"
    if not items:
        return f" {_compact(key)}: []"
    return f" {_compact(key)}: [\n" + ",\n".join("  " + item for item in items) + "\n ]"


def _lined(keys: Sequence[str], values: dict[str, Any], lists: dict[str, list[str]]) -> str:
    """`_dumps` of a document written one item a line whose lists in `lists` are JSON text
    already, item by item and escaped (the rest, in `values`, is escaped here)."""
    fields = [_field(key, None, lists[key]) if key in lists else _safe(_field(key, values[key])) for key in keys]
    return "{\n" + ",\n".join(fields) + "\n}"


def json_text(data: Any, indent: int | None = None) -> str:
    """JSON as storyview writes every file of it: UTF-8 as read, but a character a terminal
    could act on, and a file name's undecodable byte (a lone surrogate), \\u-escaped, so the
    file is valid UTF-8 and reads back to the same name (try32: a batch over "caf\\xe9.txt"
    could not be reopened)."""
    return _safe(json.dumps(data, ensure_ascii=False, indent=indent, check_circular=False))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, check_circular=False)


def _safe(text: str) -> str:
    """Any character a terminal could act on \\u-escaped (`UNSAFE_RE`)."""
    return UNSAFE_RE.sub(_escape, text)
