"""From paths to the aligned Story: the one place the engine's steps are put together."""

from __future__ import annotations

from storyview.align import align
from storyview.boilerplate import off_topic
from storyview.collector import paused
from storyview.load import Loaded, load
from storyview.model import Progress, Settings, Story
from storyview.unique import find_unique


def story_from(loaded: Loaded, settings: Settings, progress: Progress | None = None) -> Story:
    """Align what was loaded; fewer than two sources still make a (trivial) Story."""
    with paused():
        articles = off_topic(loaded.articles, progress=progress)
        alignment = align(articles, settings, progress)
        marks = find_unique(alignment, settings, progress)
    warnings = list(loaded.warnings)
    if len(articles) < 2:
        warnings.append("fewer than two usable sources: nothing to compare")
    return Story(tuple(articles), alignment.groups, marks, settings, tuple(warnings), alignment.near)


def build_story(
    paths: list[str] | None = None,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> Story:
    """Load `paths` (None: the bundled seeds) and align them."""
    with paused():
        return story_from(load(paths, progress), settings, progress)
