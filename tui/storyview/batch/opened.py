"""A batch's folder opened in the reader: the story list from its index, each story from its file.

Nothing is realigned to show what the batch wrote; only another threshold (`+`/`-` in the
reader) aligns a story again, from its own files, as `storyview` would in one process.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storyview.batch.output import Batch, is_export, open_batch, open_export
from storyview.model import Collection, Progress, Settings, Story, StoryEntry

if TYPE_CHECKING:
    from storyview.pipeline import ShareRun


@dataclass(frozen=True)
class Opened:
    """What the reader needs of a batch: the stories to list and a way to show each."""

    batch: Batch
    exported: bool = False  # a file `storyview --json` wrote, not a batch's folder
    path: str = ""  # what it was opened from (a batch's folder or index, an export)

    @property
    def settings(self) -> Settings:
        return self.batch.settings

    def gather(self, progress: Progress | None = None) -> Collection:
        return self.batch.collection()

    def align(self, collection: Collection, story_id: int, settings: Settings,
              progress: Progress | None = None) -> Story:
        """Story `story_id` as the batch wrote it; with other settings, aligned again from its files."""
        entry = self.batch.entry(story_id)
        if settings == self.batch.settings:
            return self.batch.story(entry)
        from storyview.batch.tasks import Source, read
        from storyview.pipeline import align_entry

        held = self.batch.held.get(story_id)
        if held is not None:  # an export holds its articles' text: aligned again from that
            articles, warned = list(held.articles), []
        else:
            articles, warned = read([Source(self.batch.source_path(entry, a.path), a.id) for a in entry.articles])
        # As `pipeline.align_story` of the folder: its load warnings go with a story of a folder
        # of one; what a file says now and did not then, with any story.
        several = self.batch.several if self.batch.several is not None else len(self.batch.entries) > 1
        loaded = () if several else collection.warnings
        new = [w for w in warned if w and w not in collection.warnings]
        return align_entry(StoryEntry(entry.id, entry.label, entry.sources, entry.words),
                           [a for a in articles if a is not None], settings,
                           several=several, warnings=[*loaded, *new], progress=progress)


def open_for_reader(path: str | Path, exported: bool | None = None) -> Opened:
    """The batch in folder `path` (or whose index.json `path` is), or the stories of a file
    `storyview --json` wrote (`exported`, when the caller knows already); OSError, ValueError or
    KeyError if unreadable."""
    if exported is None:
        exported = is_export(path)
    return Opened(open_export(path) if exported else open_batch(path), exported, str(path))


class BatchShares:
    """The story list's shares of a batch or an export, as `pipeline.SharesInBackground` gives a
    folder's: at the settings its stories were aligned with, those it wrote, at once; at others
    (`+`/`-`), each story aligned again from its files, one at a time, in a background process
    (try31: after `-` every other story's share read "—" for good)."""

    def __init__(self, opened: Opened) -> None:
        self.opened = opened
        self._run: ShareRun | None = None

    def start(self, collection: Collection, story_ids: list[int], settings: Settings) -> ShareRun:
        from storyview.pipeline import ShareRun, in_background
        from storyview.workers import spawned

        self.stop()
        if settings == self.opened.settings:
            known = {e.id: e.unique for e in self.opened.batch.entries}
            return ShareRun(None, [(i, _known(known[i])) for i in story_ids if i in known], ended=True)
        pool = spawned(1, in_background)
        where = os.path.abspath(self.opened.path)
        self._run = ShareRun(pool, [(i, pool.submit(_share_of, where, self.opened.exported, i, settings)) for i in story_ids])
        return self._run

    def stop(self) -> None:
        if self._run is not None:
            self._run.stop()


def _known(share: float) -> Future[float]:
    done: Future[float] = Future()
    done.set_result(share)
    return done


def _share_of(path: str, exported: bool, story_id: int, settings: Settings) -> float:
    """In the background process: story `story_id` of the batch or export at `path`, aligned at `settings`."""
    opened, collection = _opened(path, exported)
    return opened.align(collection, story_id, settings).unique_share


@lru_cache(maxsize=1)
def _opened(path: str, exported: bool) -> tuple[Opened, Collection]:
    """The batch or export at `path` and its story list, read once per background process."""
    opened = open_for_reader(path, exported)
    return opened, opened.gather()
