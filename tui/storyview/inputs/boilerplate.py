"""Web-page debris: what a saved page carries that is not the article.

Two general rules, no site-specific strings: *cue lines* that web templates print (comment
forms, share bars, "related" blocks) and *teasers* — headline-like lines or truncated blurbs
that follow a "related" cue, or trail the article off the story's topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from storyview.model import Article, Kind, Paragraph, Progress
from storyview.engine.segment import sentences

# A short paragraph that is one of these is page furniture.
CUE_RE = re.compile(
    r"^\W*(?:"
    r"(?:related|recommended|popular|trending|latest|more|top|other|similar)"
    r"(?:\s+\w+){0,2}\s+(?:posts?|articles?|stories|news|reads?|content|links|videos?)"
    r"|(?:read|see|watch)\s+(?:more|also|next)(?:\s*[:|»›>\-–—].*|\s+(?:about|from|on|at|in|here|stories|articles|news|videos?)\b.*)?"
    r"|recommended\s+for\s+you|(?:editor'?s|our)\s+picks?"
    r"|you\s+(?:may|might|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)(?:\s+(?:these|this|reading))?(?:\s*:.*)?"
    r"|more\s+(?:from|on|in)\s+\S+(?:\s+\S+){0,4}"
    r"|leave\s+a\s+(?:reply|comment).*|\d*\s*comments?|post(?:ed)?\s+a\s+comment.*|add\s+a\s+comment.*"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*"
    r"|share\s+(?:this|on|via|the\s+story)\b.*|share|tweet|email|print|follow\s+us\b.*"
    r"|(?:subscribe|sign\s+up)\b.*(?:newsletter|updates|free|now|today|here|email|inbox|news|stories|coverage).*"
    r"|(?:support|donate\s+to)\s+(?:our|independent|local|quality)\s+journalism\b.*"
    r"|become\s+a\s+(?:member|subscriber|supporter)\b.*"
    r"|advertisement|sponsored(?:\s+content)?|click\s+here\b.*|skip\s+to\s+(?:main\s+)?content"
    r"|(?:all\s+rights\s+reserved|copyright\s*(?:©|\(c\)|\d{4})|©).*|.*\ball\s+rights\s+reserved\.?"
    r"|(?:tags?|filed\s+under|categories|posted\s+in)\s*:.*"
    r"|(?:image|photo|picture|video)\s*(?:credit|source)?\s*:.*|getty\s+images.*"
    r"|(?:photo(?:graph)?|image|picture)\s+(?:by|courtesy\s+of)\s+.{1,80}"
    r"|[^/.!?]{1,80}/\s*(?:getty\s+images|ap(?:\s+photo)?|reuters|afp|shutterstock|bloomberg)(?:\s+via\s+\S+(?:\s+\S+)?)?"
    r")\W*$",
    re.I,
)
# After one of these, teasers of other stories follow.
SECTION_RE = re.compile(
    r"^\W*(?:(?:related|recommended|popular|trending|latest|more|other|similar)\b"
    r"|read\s+(?:more|also|next)|you\s+(?:may|might)|leave\s+a\s+(?:reply|comment)|\d*\s*comments?\W*$)",
    re.I,
)
# A paragraph this long that is no teaser ends a section of teasers.
SECTION_END = 200
CAPTION_PREFIX_RE = re.compile(r"^(?:image|photo|picture|video|caption|graphic|illustration)\b[\w\s]{0,20}?(?:for|of|:|-|—)?\s*", re.I)


def title_like(text: str) -> bool:
    """A headline: no closing period and most long words capitalised, or short and unpunctuated."""
    if len(text) > 400 or re.search(r"[.!?][\"'”’)\]]*$", text) and not text.endswith("..."):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if len(w) > 3]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6 or (len(long_words) <= 12 and len(text) <= 120)


def is_cue(text: str) -> bool:
    return len(text) <= 160 and bool(CUE_RE.match(text))


def is_section_cue(text: str) -> bool:
    return is_cue(text) and bool(SECTION_RE.match(text))


def is_teaser(text: str) -> bool:
    """A headline-like line, or a blurb cut off with an ellipsis."""
    stripped = text.rstrip()
    return (len(stripped) <= 400 and stripped.endswith(("…", "...", "[…]", "[...]"))) or title_like(stripped)


def is_caption_of(text: str, title: str | None) -> bool:
    """An image caption that only repeats the headline."""
    if not title:
        return False
    rest = CAPTION_PREFIX_RE.sub("", text, count=1)
    return len(rest) <= len(title) * 1.3 and fuzz.ratio(rest.casefold(), title.casefold()) >= 90


def classify(texts: Sequence[str], kinds: Sequence[Kind], title: str | None) -> list[Kind]:
    """Mark cue lines, captions that repeat the title, and teasers after a section cue.

    A section of teasers ends at the first long paragraph that is not one (a "Read more:" link
    in the middle of an article is followed by the article again).
    """
    out = list(kinds)
    in_section = False
    for i, text in enumerate(texts):
        if out[i] != "body":
            continue
        if is_cue(text):
            out[i] = "boilerplate"
            in_section = in_section or is_section_cue(text)
        elif is_caption_of(text, title) or (i > 0 and title and text == title):
            out[i] = "boilerplate"
        elif in_section and is_teaser(text):
            out[i] = "boilerplate"
        elif len(text) > SECTION_END:
            in_section = False
    return out


def _content(text: str) -> set[str]:
    return {t.stem for sent in sentences(text) for t in sent.tokens if t.content and len(t.norm) > 2}


def off_topic(
    articles: Sequence[Article], min_overlap: float = 0.1, progress: Progress | None = None
) -> tuple[Article, ...]:
    """Fold the trailing run of body paragraphs that share almost no words with the story.

    The story's vocabulary is what the *other* sources say plus the article's own opening; a
    trailing paragraph that reuses less than `min_overlap` of it is another story's teaser.
    The bar is low on purpose: a last paragraph with a fact only this source has ("Repair costs
    were estimated at $42 million") shares a word or two with the story and must stay; hiding
    reporting is worse than showing a teaser. Needs at least two sources: alone, an article
    has no story to be off.
    """
    if len(articles) < 2:
        return tuple(articles)
    contents = []
    for n, a in enumerate(articles):
        if progress and n % 50 == 0:
            progress("aligning", 0, len(articles))
        contents.append([_content(p.text) for p in a.body])
    vocab = [set().union(*stems) for stems in contents]
    held: Counter[str] = Counter(stem for v in vocab for stem in v)
    out = []
    for i, article in enumerate(articles):
        body = article.body
        if len(body) < 3:
            out.append(article)
            continue
        own = vocab[i]
        half = max(2, len(body) // 2)
        own_head = set().union(*contents[i][:half])
        folded: set[int] = set()
        for para, stems in reversed(list(zip(body[half:], contents[i][half:]))):
            if not stems:
                break
            others = sum(1 for s in stems if held[s] > (s in own))
            story = sum(1 for s in stems if s in own_head or held[s] > (s in own))
            if others / len(stems) < min_overlap and story / len(stems) < 2 * min_overlap:
                folded.add(para.index)
            else:
                break
        if folded:
            article = Article(
                article.id, article.path,
                tuple(Paragraph(p.index, "boilerplate", p.text) if p.index in folded else p for p in article.paragraphs),
                article.title, article.date, article.byline, article.outlet,
            )
        out.append(article)
    return tuple(out)
