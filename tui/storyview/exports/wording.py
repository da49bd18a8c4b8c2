"""How both reports word things: titles, names, marked segments, quote and figure wording, safe characters."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyview.findings.figures import Mention
from storyview.findings.quotes import Quote
from storyview.findings.rewrites import Pair
from storyview.model import Article, Member, Span, Story, short_id

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
# A group told by more sources than this shows its tellings one under another (cards in HTML, a
# list in Markdown), not as a table's columns: six keep about 14rem each on a 1400 px page,
# eighteen left 50 px and their words overlapped (try19).
WIDE = 6
FIGURE_WORDS = {"agree": "agree", "imprecise": "imprecise: one is vague or hedged", "conflict": "conflict: different figures"}


def visible(text: str) -> str:
    return UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_title(story: Story) -> str:
    """The story's one title in every report, its contents and the section over it (HTML,
    Markdown, TEI): its lede's opening words, as the reader's title names an open story; else a plain one."""
    return story.title or "storyview report"


def short_ids(story: Story) -> dict[str, str]:
    """Each source's short id, as the reader's columns and lists name it ("000", "report_3")."""
    ids = [a.id for a in story.articles]
    return {a.id: short_id(a, ids) for a in story.articles}


def headline(article: Article, limit: int = 70) -> str:
    """The article's title, else its first words (a source without a title is named by them)."""
    if article.title:
        text = " ".join(article.title.split())
    else:
        body = article.body
        words = body[0].text.split() if body else []
        text = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:") + "…"


def source_title(article: Article, short: str) -> str:
    """A source as the reader names it: short id, outlet, headline ("000 · CNN · Federal agents…")."""
    parts = [short]
    if article.outlet:
        parts.append(" ".join(article.outlet.split()))
    words = headline(article)
    if words and words not in parts:
        parts.append(words)
    return " · ".join(parts)


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


def percent(x: float) -> str:
    return f"{x:.0%}"


# How often a source gives a version alike, as said after it ("" once, then ", twice", ", 3 times").
TIMES = {1: "", 2: ", twice"}


def quote_flags(q: Quote) -> list[str]:
    """What a report flags a quotation for: its words altered, its speakers differing."""
    return [flag for flag, on in (("altered", q.altered), ("speakers differ", q.misattributed)) if on]


def quote_speakers(q: Quote, fmt: Callable[[str], str]) -> str:
    """Whom the sources give the words to, to follow the quotation in a report: ", said by Ann
    Ruiz", or where they differ, ", given to Ann Ruiz and to Tom Okafor"; "" if none says."""
    if not q.speakers:
        return ""
    if q.misattributed:
        return ", given to " + " and to ".join(fmt(s) for s in q.speakers)
    return f", said by {fmt(q.speakers[0])}"


def quote_versions(q: Quote, name: Callable[[str], str], fmt: Callable[[str], str]) -> list[str]:
    if len(q.versions) == 1:
        return [f"{name(q.reference.source)} only"]
    said: dict[tuple[str, str], int] = {}  # a source that quotes the passage alike twice is named once
    for v in q.versions:
        what = "reference" if v is q.reference else STATUS_WORDS[v.status]
        edits = "; ".join(edit_words(e.reference, e.version, fmt) for e in v.edits)
        if q.misattributed and v.speaker:  # who gives the words to whom
            edits = "; ".join(filter(None, [edits, f"said by {fmt(v.speaker)}"]))
        key = (v.source, f"{what}{': ' + edits if edits else ''}")
        said[key] = said.get(key, 0) + 1
    return [f"{name(source)} ({what}{TIMES.get(n, f', {n} times')})" for (source, what), n in said.items()]



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


# The caption of the "follows" table, in every report.
FOLLOWED_CAPTION = ("How much of each row's source follows the column's source in order (its words on the longest "
                    "order-keeping chain of matched paragraphs; · where that chain is one paragraph, which keeps any order):")


def followed_cell(pairs: Sequence[Pair], a: str, b: str) -> str:
    """The "follows" table's cell of row `a`, column `b`: a share, or "·" where a's chain holds
    one paragraph (two one-paragraph reports of one event "follow" each other 100%, which says
    nothing), or "—" on the diagonal."""
    if a == b:
        return "—"
    for p in pairs:
        if set(p.sources) == {a, b}:
            side = p.side(a)
            return "·" if side.paragraphs == 1 else percent(side.follows)
    return percent(0.0)
