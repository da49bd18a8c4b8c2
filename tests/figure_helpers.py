"""Helpers the figure tests share: a story from short texts, a figure's referent, its conflicts."""

from __future__ import annotations

from storyview.engine.segment import sentences
from storyview.findings.figures import mentions
from storyview.findings.figures.referent import Referent, referent
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings, Story
from storyview.pipeline import story_from


def story(**texts: str) -> Story:
    """One source per keyword, each parsed as a .txt file would be."""
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


def about(text: str, figure: str) -> Referent:
    """The referent of `figure` in a one-sentence `text`."""
    [sentence] = sentences(text)
    found = mentions("x", 0, text)
    m = next(x for x in found if x.text == figure)
    tokens = sentence.tokens
    inside = [any(x.start <= t.start < x.end for x in found) for t in tokens]
    first = next(i for i, t in enumerate(tokens) if t.end > m.start)
    last = max(i for i, t in enumerate(tokens) if t.start < m.end)
    return referent(tokens, text, first, last, inside, m.kind == "date")


def conflicts(figures) -> list[set[str]]:
    """The texts of each conflict's mentions."""
    return [{x.text for x in f.mentions} for f in figures if f.status == "conflict"]


def conflicts_in(**texts: str) -> list[set[str]]:
    """The conflicts `find_figures` lists in a story of one source per keyword."""
    from storyview.findings.figures import find_figures

    return conflicts(find_figures(story(**texts)))


def date_verb(text: str) -> str | None:
    """The verb `referent` gives the one date of a one-sentence `text`, read at its first word."""
    [sentence] = sentences(text)
    [m] = [x for x in mentions("x", 0, text) if x.kind == "date"]
    tokens = sentence.tokens
    first = next(i for i, t in enumerate(tokens) if t.end > m.start)
    return referent(tokens, text, first, first, [False] * len(tokens), True).verb
