"""From paths to the aligned Story: the one place the engine's steps are put together."""

from __future__ import annotations

from collections.abc import Sequence

from storyview.engine.align import align
from storyview.inputs.boilerplate import off_topic
from storyview.collector import paused
from storyview.inputs.load import Loaded, load
from storyview.model import Article, Group, Progress, Settings, Story
from storyview.engine.unique import find_unique


def story_from(loaded: Loaded, settings: Settings, progress: Progress | None = None) -> Story:
    """Align what was loaded; fewer than two sources still make a (trivial) Story."""
    with paused():
        articles = off_topic(loaded.articles, progress=progress)
        alignment = align(articles, settings, progress)
        marks = find_unique(alignment, settings, progress)
    warnings = list(loaded.warnings)
    # A source of headlines and bylines only loads, but has nothing the aligner lines up.
    warnings.extend(f"{a.id}: no body text to line up" for a in articles if not a.body)
    with_body = [a for a in articles if a.body]
    if len(articles) < 2:
        warnings.append("fewer than two usable sources: nothing to compare")
    elif len(with_body) < 2:
        warnings.append("fewer than two sources with body text: nothing to compare")
    else:
        warnings.extend(_apart(with_body, alignment.groups))
    return Story(tuple(articles), alignment.groups, marks, settings, tuple(warnings), alignment.near)


def _apart(articles: Sequence[Article], groups: Sequence[Group], named: int = 5) -> list[str]:
    """A warning naming the sources that share no part of the story with any other: a file
    from another story, or a story told so differently that nothing lines up. `articles`: the
    sources with body text (the others have a warning of their own)."""
    shared = {m.source for g in groups if len({m.source for m in g.members}) > 1 for m in g.members}
    alone = [a.id for a in articles if a.id not in shared]
    if not alone:
        return []
    listed = ", ".join(alone[:named]) + (f" and {len(alone) - named} more" if len(alone) > named else "")
    return [f"{len(alone)} of {len(articles)} sources share no part of the story with the others "
            f"(another story?): {listed}"]


def build_story(
    paths: list[str] | None = None,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> Story:
    """Load `paths` (None: the bundled seeds) and align them."""
    with paused():
        return story_from(load(paths, progress), settings, progress)
