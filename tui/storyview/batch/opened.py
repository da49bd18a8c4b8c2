"""A batch's folder opened in the reader: the story list from its index, each story from its file.

Nothing is realigned to show what the batch wrote; only another threshold (`+`/`-` in the
reader) aligns a story again, from its own files, as `storyview` would in one process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storyview.batch.output import Batch, is_export, open_batch, open_export
from storyview.model import Collection, Progress, Settings, Story, StoryEntry


@dataclass(frozen=True)
class Opened:
    """What the reader needs of a batch: the stories to list and a way to show each."""

    batch: Batch
    exported: bool = False  # a file `storyview --json` wrote, not a batch's folder

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
    return Opened(open_export(path) if exported else open_batch(path), exported)
