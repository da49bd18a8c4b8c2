"""What none of the usual tools shows, computed once per Story: quotes, figures, rewrites.

`analyse(story)` is pure and deterministic; the result is remembered for the Story object it
came from, so the JSON export, the reports and the reader share one computation.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from storyview.collector import paused
from storyview.findings.figures import Figure, find_figures
from storyview.model import Story
from storyview.findings.quotes import Quote, find_quotes
from storyview.findings.rewrites import Pair, find_rewrites


@dataclass(frozen=True)
class Analysis:
    """Quoted passages, figures stated for the same thing, and how sources follow each other."""

    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    rewrites: tuple[Pair, ...] = ()


_cache: dict[int, tuple[weakref.ref[Story], Analysis]] = {}
_lock = threading.Lock()


def analyse(story: Story) -> Analysis:
    """The analysis of `story` (computed on first use, then remembered with the Story)."""
    key = id(story)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0]() is story:
            return hit[1]
    with paused():
        result = Analysis(find_quotes(story), find_figures(story), find_rewrites(story))
    remember(story, result)
    return result


def remember(story: Story, result: Analysis) -> None:
    """Take `result` as the analysis of `story`: one worked out elsewhere (a worker process that
    aligned the story, see `pipeline.align_all`) is not worked out again."""
    key = id(story)
    with _lock:
        _cache[key] = (weakref.ref(story, lambda _ref, key=key: _cache.pop(key, None)), result)
