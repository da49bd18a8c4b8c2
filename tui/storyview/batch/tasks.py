"""What runs on the workers: plain functions of plain data, no dask.

A task reads its own files: the paragraphs of an article never travel, only a fingerprint
(from `read_and_fingerprint`) and a story's index entry (from `align_story`) come back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyview.batch.output import Entry, entry_of, read_story
from storyview.engine.stories import Fingerprint, StorySettings, fingerprint, term_counts
from storyview.exports.files import write_atomic
from storyview.exports.json_export import to_json
from storyview.inputs.load import _read_or_warn, read_article
from storyview.inputs.text import shown
from storyview.model import Article, Settings, StoryEntry
from storyview.pinstore import KnownPins, StoredPin


@dataclass(frozen=True)
class Source:
    """One input file of the batch and the source id it has (unique across the corpus)."""

    path: str
    id: str


@dataclass(frozen=True)
class Read:
    """A chunk's fingerprints (None where a file could not be used), their term counts, and
    the warning each file gave (None: none)."""

    fingerprints: tuple[Fingerprint | None, ...]
    counts: Counter[int]
    warnings: tuple[str | None, ...]


@dataclass(frozen=True)
class StoryJob:
    """One story to align: its id and label from the clustering, its files, where to write it.

    `several`: the corpus holds other stories too; `warnings`: the corpus' load warnings, which
    go into the story's own file when it is the only one (as `storyview --json` does); `known`:
    those of its own files, not repeated when they are read again.
    """

    id: int
    label: str
    sources: tuple[Source, ...]
    file: str
    several: bool = True
    warnings: tuple[str, ...] = ()
    known: tuple[str, ...] = ()  # what its files said when they were first read
    pins: tuple[StoredPin, ...] = ()  # the reader's pins between its sources


def read(sources: Sequence[Source]) -> tuple[list[Article | None], list[str | None]]:
    """The articles of `sources` as the one-process loader reads them (None: unusable), and
    each one's warning (a file cut at the size limit is read and has one too)."""
    articles: list[Article | None] = []
    warned: list[str | None] = []
    for s in sources:
        said: list[str] = []
        articles.append(_read_or_warn(shown(s.path), lambda s=s: read_article(Path(s.path), s.id), said))
        warned.append(said[0] if said else None)
    return articles, warned


def read_and_fingerprint(sources: Sequence[Source], settings: StorySettings) -> Read:
    articles, warned = read(sources)
    fps = tuple(fingerprint(a, settings) if a is not None else None for a in articles)
    return Read(fps, term_counts(fp for fp in fps if fp is not None), tuple(warned))


def align_story(job: StoryJob, folder: str, settings: Settings) -> Entry:
    """Read the story's files again, align them as one process would, write the story file;
    its index entry."""
    from storyview.pipeline import align_entry

    articles, warned = read(job.sources)
    new = [w for w in warned if w is not None and w not in job.known]  # a file changed since
    story = align_entry(StoryEntry(job.id, job.label, tuple(s.id for s in job.sources)),
                        [a for a in articles if a is not None], settings, several=job.several,
                        warnings=[*job.warnings, *new], pins=KnownPins(job.pins) if job.pins else None)
    target = Path(folder) / job.file
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, to_json(story) + "\n", [s.path for s in job.sources])
    return entry_of(story, job.file)


def renumbered_entry(folder: str, written: str, job: StoryJob) -> Entry:
    """A story an earlier run wrote from the same files under another number (the corpus grew
    and the stories were numbered anew: try31's one new article realigned 130 stories of 133),
    written again under this run's number and label; not aligned again."""
    story = replace(read_story(Path(folder) / written), id=job.id, label=job.label)
    target = Path(folder) / job.file
    write_atomic(target, to_json(story) + "\n", [s.path for s in job.sources])
    return entry_of(story, job.file)


def written_entry(folder: str, file: str) -> Entry:
    """The index entry of a story a previous run wrote (`--resume`), from its file."""
    return entry_of(read_story(Path(folder) / file), file)
