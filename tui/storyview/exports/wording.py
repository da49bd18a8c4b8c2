"""How both reports word things: titles, names, marked segments, quote and figure wording, safe characters."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyview.findings.figures import Mention
from storyview.findings.quotes import Quote
from storyview.findings.rewrites import Pair
from storyview.model import Article, Member, Span, Story

# bidi overrides, unpaired surrogates): written as visible escapes, never raw.
UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
STATUS_WORDS = {
    "exact": "word for word",
    "partial": "word for word, in part",
    "longer": "longer",
    "altered": "altered",
}
FIGURE_WORDS = {"agree": "agree", "imprecise": "imprecise: one is vague or hedged", "conflict": "conflict: different figures"}


def visible(text: str) -> str:
    return UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_title(story: Story) -> str:
    for article in story.articles:
        if article.title:
            return article.title
    return "storyview report"


def marked_segments(text: str, spans: Sequence[Span]) -> list[tuple[str, bool]]:
    """The text cut into (piece, unique?) runs by the unique spans."""
    out: list[tuple[str, bool]] = []
    at = 0
    for a, b in sorted(spans):
        a, b = max(a, at), min(b, len(text))
        if a >= b:
            continue
        if a > at:
            out.append((text[at:a], False))
        out.append((text[a:b], True))
        at = b
    if at < len(text):
        out.append((text[at:], False))
    return out


def short_name(article: Article, limit: int = 60) -> str:
    name = article.name
    return name if len(name) <= limit else name[: limit - 1] + "…"


def percent(x: float) -> str:
    return f"{x:.0%}"


def quote_versions(q: Quote, name: Callable[[str], str], fmt: Callable[[str], str]) -> list[str]:
    if len(q.versions) == 1:
        return [f"{name(q.reference.source)} only"]
    parts = []
    for v in q.versions:
        what = "reference" if v is q.reference else STATUS_WORDS[v.status]
        edits = "; ".join(edit_words(e.reference, e.version, fmt) for e in v.edits)
        parts.append(f"{name(v.source)} ({what}{': ' + edits if edits else ''})")
    return parts


def edit_words(reference: str, version: str, fmt: Callable[[str], str]) -> str:
    if not reference:
        return f"adds “{fmt(version)}”"
    if not version:
        return f"leaves out “{fmt(reference)}”"
    return f"“{fmt(reference)}” → “{fmt(version)}”"


def figure_context(story: Story, m: Mention) -> tuple[str, str, str]:
    """The figure with a few words either side, so the reader sees what it counts."""
    text = story.paragraph(Member(m.source, m.paragraph)).text
    a = text.rfind(" ", 0, max(0, m.start - 40))
    b = text.find(" ", min(len(text), m.end + 40))
    before = ("…" if a >= 0 else "") + text[a + 1 if a >= 0 else 0:m.start]
    after = text[m.end:b if b >= 0 else len(text)] + ("…" if b >= 0 else "")
    return before, m.text, after


def share_followed(pairs: Sequence[Pair], a: str, b: str) -> float:
    for p in pairs:
        if set(p.sources) == {a, b}:
            return p.side(a).follows
    return 0.0
