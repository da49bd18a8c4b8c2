"""Messages that cross widgets and threads, as small dataclasses (one place to read them all)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from storyview.model import Collection, Settings, Story

if TYPE_CHECKING:  # the engine's analysis modules load in the analysis thread, not at start
    from storyview.findings.analysis import Analysis


@dataclass
class StoryBuilt(Message):
    """The build worker finished: a Story made with `settings` (generation `generation`)."""

    story: Story
    settings: Settings
    generation: int


@dataclass
class CollectionBuilt(Message):
    """The folder was read and split into stories (generation `generation`); none aligned yet."""

    collection: Collection
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


@dataclass
class AnalysisDone(Message):
    """The analysis thread finished for `story`: `analysis`, or the one-line `error` it raised."""

    story: Story
    analysis: Analysis | None
    error: str | None = None


@dataclass
class ExportDone(Message):
    """The export worker finished: it wrote `path`, or it could not (`error`, one line)."""

    path: str
    error: str | None = None


@dataclass
class FindingMoved(Message):
    """The cursor of a quotes/figures/rewrites list moved (a click): the screen's status follows."""
