"""A batch, step by step, on a Dask client.

1. The input files are listed and given their source ids on the client (names only).
2. Chunks of files are read, cleaned and fingerprinted in parallel tasks; each task also counts
   its terms. Only fingerprints and counts come back.
3. The counts are summed, candidate pairs found by blocking on shared rare terms, and the pairs
   linked into stories: on the client, which holds fingerprints and story membership only.
4. Each story is a task of its own, largest first: it reads its files again, aligns them and
   writes the story's file. With `resume`, a story whose file is already there is not sent.
5. The index is written last, atomically.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from distributed import Client, as_completed

from storyview.batch.output import (
    INDEX,
    RUN,
    STORIES,
    Entry,
    index_text,
    made_of,
    run_text,
    stale,
    story_file,
    story_files,
    sweep,
)
from storyview.batch.tasks import (
    Read,
    Source,
    StoryJob,
    align_story,
    read_and_fingerprint,
    renumbered_entry,
    written_entry,
)
from storyview.engine.stories import Fingerprint, StorySettings, candidate_pairs, link
from storyview.exports.files import write_atomic
from storyview.inputs.load import Loaded, expand, source_id_of
from storyview.inputs.text import shown
from storyview.model import Progress, Settings
from storyview.pinstore import StoredPin

# Files per reading task: enough to outweigh a task's scheduling, few enough that every worker
# gets several (a file takes a few milliseconds to read and fingerprint).
CHUNK = 200


@dataclass(frozen=True)
class Done:
    """What a run did: the index it wrote, how many stories were aligned now, and warnings."""

    entries: tuple[Entry, ...]
    aligned: int
    warnings: tuple[str, ...]


def list_sources(paths: Sequence[str]) -> tuple[list[tuple[Source, tuple[int, int]]], list[str]]:
    """The files to read, each with its source id and (size, mtime) as the one-process loader
    would name them; warnings for what cannot be a batch input."""
    listed = Loaded()
    found = expand(list(paths), listed.warnings)
    used: set[str] = set()
    seen: set[tuple[int, int] | str] = set()
    out: list[tuple[Source, tuple[int, int]]] = []
    for path in found:
        if isinstance(path, str):  # standard input or a web address
            listed.warnings.append(f"{shown(path)}: skipped, a batch reads files and folders only")
            continue
        try:
            st = path.stat()
            identity: tuple[int, int] | str = (st.st_dev, st.st_ino)
            made = (st.st_size, st.st_mtime_ns)
        except OSError:
            identity, made = os.path.abspath(path), (0, 0)
        if identity in seen:
            listed.warnings.append(f"{shown(path)}: skipped, the same file is already loaded")
            continue
        seen.add(identity)
        source_id = source_id_of(path, used)
        used.add(source_id)
        out.append((Source(str(path), source_id), made))
    return out, listed.warnings


def renamed(sources: Sequence[Source], usable: Sequence[bool]) -> list[Source]:
    """The usable sources with the ids the one-process loader gives: a file that could not
    be read does not take its name from a later file of the same stem."""
    used: set[str] = set()
    out = []
    for source, ok in zip(sources, usable):
        if ok:
            source_id = source_id_of(Path(source.path), used)
            used.add(source_id)
            out.append(Source(source.path, source_id))
    return out


def run_batch(
    client: Client,
    paths: Sequence[str],
    folder: Path,
    settings: Settings = Settings(),
    *,
    resume: bool = False,
    story_settings: StorySettings | None = None,
    progress: Progress | None = None,
    pins: Sequence[StoredPin] = (),
) -> Done:
    """Steps 1-5 (module docstring); each story follows the `pins` (the reader's) between its sources."""
    story_settings = story_settings or StorySettings()
    listed, warnings = list_sources(paths)
    made = {s.path: m for s, m in listed}
    sources = [s for s, _ in listed]
    chunks = [sources[i:i + CHUNK] for i in range(0, len(sources), CHUNK)]
    futures = {client.submit(read_and_fingerprint, chunk, story_settings, pure=False): n
               for n, chunk in enumerate(chunks)}
    results: list[Read | None] = [None] * len(chunks)
    read_so_far = 0
    if progress:
        progress("reading", 0, len(sources))
    for future in as_completed(futures, loop=client.loop):
        n = futures[future]
        results[n] = future.result()
        future.release()
        read_so_far += len(chunks[n])
        if progress:
            progress("reading", read_so_far, len(sources))
    fps: list[Fingerprint] = []
    usable: list[bool] = []
    said: list[str | None] = []  # of each usable source
    counts: Counter[int] = Counter()
    for r in results:
        assert r is not None
        warnings.extend(w for w in r.warnings if w is not None)
        counts.update(r.counts)
        usable.extend(fp is not None for fp in r.fingerprints)
        fps.extend(fp for fp in r.fingerprints if fp is not None)
        said.extend(w for fp, w in zip(r.fingerprints, r.warnings) if fp is not None)
    del results
    sources = renamed(sources, usable)
    if progress:
        progress("linking", 0, 1)
    stories = link(fps, candidate_pairs(fps, story_settings, counts), story_settings, counts)
    if progress:
        progress("linking", 1, 1)
    del fps
    several = len(stories) > 1
    jobs = []
    for s in stories:
        ids = {sources[i].id for i in s.members}
        own = tuple(p for p in pins if p.a.source in ids and p.b.source in ids)
        jobs.append(StoryJob(
            s.id, s.label, tuple(sources[i] for i in s.members),
            story_file(s.id, [(sources[i].path, *made[sources[i].path]) for i in s.members], settings, own),
            several, () if several else tuple(warnings), tuple(w for i in s.members if (w := said[i])), own,
        ))
    folder.mkdir(parents=True, exist_ok=True)
    sweep(folder)
    write_atomic(folder / RUN, run_text(paths, settings.threshold))
    done_before = {job.id for job in jobs if resume and (folder / job.file).is_file()}
    # A story's file is named by its number and a digest of what made it: one written under
    # another number is the same story, numbered anew.
    by_digest = {made_of(p): f"{STORIES}/{p.name}" for p in story_files(folder)} if resume else {}
    renumbered = {job.id: by_digest[made_of(job.file)] for job in jobs
                  if job.id not in done_before and made_of(job.file) in by_digest}
    if progress:
        progress("stories", 0, len(jobs))
    # Largest stories first: the last task to finish is then a small one.
    futures = {
        client.submit(written_entry, str(folder), job.file, pure=False) if job.id in done_before
        else client.submit(renumbered_entry, str(folder), renumbered[job.id], job, pure=False) if job.id in renumbered
        else client.submit(align_story, job, str(folder), settings, pure=False, priority=len(job.sources)): job
        for job in jobs
    }
    entries: dict[int, Entry] = {}
    for future in as_completed(futures, loop=client.loop):
        entry = future.result()
        future.release()
        entries[entry.id] = entry
        if progress:
            progress("stories", len(entries), len(jobs))
    sweep(folder)  # every story is written: a temporary file left is a killed worker's
    ordered = [entries[j.id] for j in jobs]
    write_atomic(folder / INDEX, index_text(ordered, settings, warnings))
    for path in stale(folder, [e.file for e in ordered]):  # only once the index no longer names them
        path.unlink(missing_ok=True)
    return Done(tuple(ordered), len(jobs) - len(done_before) - len(renumbered), tuple(warnings))
