"""Messages that cross widgets and threads, as small dataclasses (one place to read them all)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from storyview.model import Settings, Story


@dataclass
class StoryBuilt(Message):
    """The build worker finished: a Story made with `settings` (generation `generation`)."""

    story: Story
    settings: Settings
    generation: int


@dataclass
class BuildFailed(Message):
    """The build worker raised; the reader keeps whatever it showed before."""

    error: str
    settings: Settings
    generation: int


@dataclass
class GridChanged(Message):
    """The grid's cursor, focus, columns or marks moved: the status line should follow."""


@dataclass
class SearchSubmitted(Message):
    """The search bar was submitted (an empty query clears the search)."""

    query: str


@dataclass
class SearchCancelled(Message):
    """The search bar was dismissed without searching."""
