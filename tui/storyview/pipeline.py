"""From paths to the aligned Story: the one place the engine's steps are put together."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from storyview.collector import paused
from storyview.engine import semantic
from storyview.engine.english import english_share
from storyview.engine.align import align
from storyview.engine.pins import apply_pins
from storyview.engine.segment import STOPWORDS, word_count
from storyview.engine.shares import source_shares
from storyview.engine.stories import Fingerprint, StorySettings, fingerprint, split_stories
from storyview.engine.unique import find_unique
from storyview.inputs.boilerplate import off_topic
from storyview.inputs.load import Loaded, Read, load
from storyview.inputs.text import shown
from storyview.model import (
    Article,
    Collection,
    Group,
    Pin,
    Progress,
    Settings,
    Story,
    StoryEntry,
)
from storyview.workers import WorkerLost, each_idle, end, forked, quiet, results, spawned

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from storyview.findings.analysis import Analysis
    from storyview.pinstore import Pins

T = TypeVar("T")

# The note story_from adds for a lone article: in a folder of several stories, expected.
LONE = "fewer than two usable sources: nothing to compare"


def story_from(loaded: Loaded, settings: Settings, progress: Progress | None = None,
               pins: Pins | None = None) -> Story:
    """Align what was loaded, following the reader's pins (if a store is given); fewer than two
    sources still make a (trivial) Story."""
    warnings = list(loaded.warnings)
    with paused():
        articles = off_topic(loaded.articles, progress=progress)
        alignment = align(articles, settings, progress)
        followed: tuple[Pin, ...] = ()
        if pins is not None:
            followed, pin_warnings = pins.resolve(articles)
            warnings.extend(pin_warnings)
            alignment = apply_pins(alignment, followed)
        marks = find_unique(alignment, settings, progress)
    warnings.extend(story_notes(articles, alignment.groups, settings, alignment.model))
    story = Story(tuple(articles), alignment.groups, marks, settings, tuple(warnings), alignment.near,
                  pins=tuple(followed), model=alignment.model)
    return replace(story, shares=source_shares(story))


def story_notes(articles: Sequence[Article], groups: Sequence[Group], settings: Settings,
                model: str | None) -> list[str]:
    """What an alignment of `articles` into `groups` says of itself, beside the load warnings:
    kept apart so that a story read back can tell its own notes from its folder's warnings."""
    notes: list[str] = []
    if settings.semantic and model is None and semantic.failure():
        notes.append(semantic.failure())
    # A source of headlines and bylines only loads, but has nothing the aligner lines up.
    notes.extend(f"{shown(a.path)}: no body text to line up" for a in articles if not a.body)
    with_body = [a for a in articles if a.body]
    if len(articles) < 2:
        notes.append(LONE)
    elif len(with_body) < 2:
        notes.append("fewer than two sources with body text: nothing to compare")
    else:
        notes.extend(_apart(with_body, groups, of=" with body text" if len(with_body) < len(articles) else ""))
    return notes


# Words in a row two sources have word for word to share a part of the story the aligner did
# not line up: a paragraph of 300 KB without a sentence end that holds the other article is
# grouped with none of its paragraphs, yet the marks find all of it told there (try24). Stock
# lines are shorter ("did not immediately respond to a request for comment": ten).
SHARED_RUN = 12
_WORD = re.compile(r"\w+")


def _apart(articles: Sequence[Article], groups: Sequence[Group], named: int = 5, of: str = "") -> list[str]:
    """A warning naming the sources that share no part of the story with any other: a file
    from another story, or a story told so differently that nothing lines up. `articles`: the
    sources with body text (the others have a warning of their own; `of` says so, where the
    count would not be the story's: "1 of 14 sources with body text"). A source shares a part
    when one of its paragraphs is grouped with another source's, or when it has SHARED_RUN
    words in a row word for word with another (what the grouping missed, the marks find)."""
    shared = {m.source for g in groups if len({m.source for m in g.members}) > 1 for m in g.members}
    alone = [a for a in articles if a.id not in shared]
    if alone:
        shared |= _in_common(alone, articles)
        shared |= {a.id for a in alone if _brief_of_the_story(a, articles)}
    alone_ids = [a.id for a in alone if a.id not in shared]
    if not alone_ids:
        return []
    listed = ", ".join(alone_ids[:named]) + (f" and {len(alone_ids) - named} more" if len(alone_ids) > named else "")
    return [f"{len(alone_ids)} of {len(articles)} sources{of} share no part of the story with the others "
            f"(another story?): {listed}"]


# A brief: a source of this many body paragraphs at most. One sentence rarely lines up with a
# paragraph of a full report, but its rare words (rarer than BRIEF_RARE in English: names,
# places, the story's own nouns) tell whether it is the story: at least BRIEF_SHARED of them
# stand in the other sources. On the 56 ECB+ sets four briefs of the story were named apart:
# 0.83, 0.6, 0.4 ("Jewellery worth more than $160 million has been stolen from a Paris
# boutique…" beside fourteen reports of the heist) and 0.33; briefs of other stories beside the
# seeds (a Brooklyn shooting, Chicago suing, a Los Angeles raid): 0, 0 and 0.33 (rev28: with
# every word, they passed at 0.56-0.75).
BRIEF_UP_TO = 2
BRIEF_RARE = 3e-5
BRIEF_SHARED = 0.4


def _brief_of_the_story(article: Article, articles: Sequence[Article]) -> bool:
    """Is `article` a brief whose rare words are mostly the others' (see BRIEF_SHARED)?"""
    if len(article.body) > BRIEF_UP_TO:
        return False
    mine = {w for w in _content_words(p.text for p in article.body) if english_share(w) < BRIEF_RARE}
    others = _content_words(p.text for a in articles if a.id != article.id for p in a.body)
    return bool(mine) and len(mine & others) >= BRIEF_SHARED * len(mine)


def _content_words(texts: Iterable[str]) -> set[str]:
    return {w for text in texts for w in _WORD.findall(text.casefold()) if len(w) > 2 and w not in STOPWORDS}


def _in_common(alone: Sequence[Article], articles: Sequence[Article]) -> set[str]:
    """The sources, of `alone` and of the others, that have SHARED_RUN words in a row in common
    with another source where one of the two is among `alone`."""
    owners: dict[int, set[str]] = {}
    for a in alone:
        for run in _runs(a):
            owners.setdefault(run, set()).add(a.id)
    found: set[str] = set()
    for a in articles:
        for run in _runs(a):
            hit = owners.get(run)
            if hit and hit - {a.id}:
                found |= hit - {a.id}
                found.add(a.id)
    return found


def _runs(article: Article) -> set[int]:
    """The body's runs of SHARED_RUN words, case and punctuation aside, each as its hash (the
    runs themselves took 50 MB for 300 articles)."""
    words = _WORD.findall(" ".join(p.text for p in article.body).casefold())
    return set(map(hash, zip(*(words[k:] for k in range(SHARED_RUN)))))


def build_story(
    paths: list[str] | None = None,
    settings: Settings = Settings(),
    progress: Progress | None = None,
    pins: Pins | None = None,
) -> Story:
    """Load `paths` (None: the bundled seeds) and align them, following `pins` if given."""
    with paused():
        return story_from(load(paths, progress), settings, progress, pins)


# Files a worker reads at a time: one takes about a millisecond.
READ_CHUNK = 32


def read_all(paths: list[str] | None, progress: Progress | None = None, jobs: int | None = 1) -> Loaded:
    """`load(paths)`, the files of a large folder read on `jobs` processes (None: as `align_all`
    chooses); one by default, since the reader loads in a thread and a fork there is unsafe.

    What comes back is the same as from one process. Reading a file is the loader's whole work
    on it (decoding, paragraphs, the boilerplate rules): done in turn, it would keep every other
    core idle while a folder of thousands of files loads.
    """
    def reads(read: Callable[[Path], Read], files: Sequence[Path]) -> Iterable[Read]:
        workers = _jobs(jobs, len(files) // READ_CHUNK, len(files))
        if workers < 2:
            return map(read, files)
        out = []
        for k, result in _in_processes(lambda k: read(files[k]), range(len(files)), workers,
                                       chunk=READ_CHUNK, ordered=True):
            out.append(result)
            if progress and k % READ_CHUNK == 0:
                progress("loading", k, len(files))
        return out

    with paused():
        return load(paths, progress, reads=reads)


def collect(loaded: Loaded, stories: StorySettings | None = None, progress: Progress | None = None,
            jobs: int | None = 1) -> Collection:
    """Split what was loaded into stories (nothing aligned yet): what the story list shows.

    A large folder's articles are fingerprinted on `jobs` processes (None: as `align_all`
    chooses); one by default, since the reader splits in a thread and a fork there is unsafe.
    """
    if progress:
        progress("splitting", 0, 1)
    articles = tuple(loaded.articles)
    with paused():
        clusters = split_stories(articles, stories, _fingerprints(articles, stories, jobs))
    words = [sum(word_count(p.text) for p in a.body) for a in articles]
    entries = tuple(
        StoryEntry(c.id, c.label, tuple(articles[i].id for i in c.members), sum(words[i] for i in c.members))
        for c in clusters
    )
    if progress:
        progress("splitting", 1, 1)
    # Nothing usable is still one (empty) story: it says why there is nothing to compare.
    return Collection(articles, entries or (StoryEntry(1, "", ()),), tuple(loaded.warnings))


# Articles a worker fingerprints at a time: one takes about a millisecond.
FINGERPRINT_CHUNK = 64


def _fingerprints(articles: Sequence[Article], settings: StorySettings | None,
                  jobs: int | None) -> list[Fingerprint] | None:
    """The articles' fingerprints worked out on several processes, or None where one will do
    (`split_stories` then takes them itself). Within `kept_workers`, the processes stay up to
    align the stories, and start on what every story needs while this one links them."""
    workers = _jobs(jobs, len(articles) // FINGERPRINT_CHUNK, len(articles))
    if workers < 2:
        return None
    kept = _Kept.fork(tuple(articles), workers)
    out: list[Fingerprint | None] = [None] * len(articles)
    try:
        for k, fp in results(kept.pool, _fingerprint_at, [(k, settings) for k in range(len(articles))],
                             chunk=FINGERPRINT_CHUNK):
            out[k] = fp
    except BaseException:
        kept.stop()
        raise
    if _keeping is None:
        kept.stop()
    else:
        _keeping.pools.append(kept)
        each_idle(kept.pool, workers, _warm, kept.settings)
    return out  # type: ignore[return-value]


@dataclass(frozen=True, eq=False)
class _Keeping:
    """Within `kept_workers`: how the stories will be aligned, and the pools `_fingerprints`
    forked to align them on."""

    settings: Settings
    pins: Pins | None
    pools: list[_Kept] = field(default_factory=list)


# None outside `kept_workers`: there, each pool is stopped once its work is done.
_keeping: _Keeping | None = None
# In a kept pool's workers: the folder's articles and the pins they were forked with.
_FORKED: tuple[tuple[Article, ...], Pins | None] = ((), None)


@dataclass(frozen=True, eq=False)
class _Kept:
    """Processes forked over a folder's articles, kept from fingerprinting them to aligning
    their stories: this process links the stories meanwhile, on its own, so each worker uses
    that time to import the findings and load the model (which took this process most of a
    second before it forked, every other core idle)."""

    articles: tuple[Article, ...]
    settings: Settings
    pins: Pins | None
    pool: ProcessPoolExecutor
    workers: int

    @classmethod
    def fork(cls, articles: tuple[Article, ...], workers: int) -> _Kept:
        settings, pins = (_keeping.settings, _keeping.pins) if _keeping else (Settings(), None)
        return cls(articles, settings, pins, forked(workers, _kept_worker, (articles, pins)), workers)

    def serves(self, articles: Sequence[Article], settings: Settings, pins: Pins | None) -> bool:
        """Were these workers forked over `articles`, to align as asked? (Settings go with each
        task, but the model was loaded for the kept ones; pins cannot be sent.)"""
        return self.articles is articles and self.settings == settings and self.pins is pins

    def stop(self) -> None:
        """Its workers ended, at once: called once every result is in (or on an error)."""
        end(self.pool)


@contextmanager
def kept_workers(settings: Settings, pins: Pins | None = None) -> Iterator[None]:
    """Within: the processes that fingerprint a large folder (`collect`) stay up to align its
    stories (`align_each` with these `settings` and `pins`); at the end, any still up are
    stopped. For a run that aligns the stories of the folder it has just split."""
    global _keeping
    _keeping = keeping = _Keeping(settings, pins)
    try:
        yield
    finally:
        _keeping = None
        for workers in keeping.pools:
            workers.stop()


def _take_kept(articles: Sequence[Article], settings: Settings, pins: Pins | None) -> _Kept | None:
    """The kept workers forked over `articles` for these settings, taken off the list (no one
    else aligns on them); None if there are none. Others kept are stopped: theirs is not aligned."""
    if not _keeping or not _keeping.pools:
        return None
    kept = _keeping.pools
    taken = kept.pop()
    while kept:
        kept.pop().stop()
    if taken.serves(articles, settings, pins):
        return taken
    taken.stop()
    return None


def _kept_worker(articles: tuple[Article, ...], pins: Pins | None) -> None:
    """A kept worker starts with the folder's articles and pins, and leaves ctrl+c to the parent."""
    global _FORKED
    _FORKED = (articles, pins)
    quiet()


def _fingerprint_at(task: tuple[int, StorySettings | None]) -> tuple[int, Fingerprint]:
    k, settings = task
    return k, fingerprint(_FORKED[0][k], settings)


def _warm(settings: Settings) -> None:
    """What every story's alignment and findings will need, in a kept worker while it waits."""
    import storyview.findings.analysis  # noqa: F401 - imported to be ready

    if settings.semantic:
        semantic.load()


def _align_at(task: tuple[int, StoryEntry, tuple[int, ...], Settings, Callable[[Story], T], bool, tuple[str, ...]]
              ) -> tuple[int, T]:
    """One story aligned in a kept worker: `align_story` from the articles it was forked with."""
    k, entry, members, settings, then, several, warnings = task
    articles, pins = _FORKED
    return k, then(align_entry(entry, [articles[i] for i in members], settings, several=several, warnings=warnings,
                               pins=pins))


def align_story(
    collection: Collection, story_id: int, settings: Settings, progress: Progress | None = None,
    pins: Pins | None = None,
) -> Story:
    """One story of the collection, aligned on its own: its groups never reach another story.

    The folder's load warnings go with a folder of one story; in a folder of several they are
    the collection's, and a lone article is no surprise.
    """
    several, warnings = _told_with(collection)
    return align_entry(collection.story(story_id), collection.articles_of(story_id), settings, several=several,
                       warnings=warnings, progress=progress, pins=pins)


@dataclass
class SharesInBackground:
    """The unique share of a folder's stories, aligned one at a time on one process of low
    priority while the reader's story list is on screen, so that its "unique" column fills in
    (before, only the stories opened had one).

    The process is spawned, not forked: the reader runs threads. Once started it writes
    nothing to the terminal, which is the reader's (its output goes to nothing). `stop` ends
    the run at once, whatever it was doing.
    """

    pins: Pins | None = None
    _run: ShareRun | None = None

    def start(self, collection: Collection, story_ids: Sequence[int], settings: Settings) -> ShareRun:
        """A run over the stories of `story_ids`, in that order (the one before it ended)."""
        self.stop()
        several, _ = _told_with(collection)
        pool = spawned(1, in_background)
        self._run = ShareRun(pool, [(i, pool.submit(_share_of, collection.story(i), tuple(collection.articles_of(i)),
                                                    settings, several, self.pins)) for i in story_ids])
        return self._run

    def stop(self) -> None:
        if self._run is not None:
            self._run.stop()


@dataclass
class ShareRun:
    """One run of `SharesInBackground`: each story and its share to come."""

    pool: ProcessPoolExecutor | None  # None: the shares were known already
    shares: list[tuple[int, Future[float]]]
    ended: bool = False

    def stop(self) -> None:
        if not self.ended:
            self.ended = True
            if self.pool is not None:
                end(self.pool)


def in_background() -> None:
    """A background worker: lower priority than the reader, no output, ctrl+c left to the reader."""
    import os

    quiet()
    try:
        os.nice(10)
    except OSError:
        pass
    blank = os.open(os.devnull, os.O_WRONLY)
    os.dup2(blank, 1)
    os.dup2(blank, 2)
    os.close(blank)


def _share_of(entry: StoryEntry, articles: tuple[Article, ...], settings: Settings, several: bool,
              pins: Pins | None) -> float:
    return align_entry(entry, articles, settings, several=several, pins=pins).unique_share


def _told_with(collection: Collection) -> tuple[bool, tuple[str, ...]]:
    """Whether the folder holds several stories, and the load warnings a story of it carries."""
    several = len(collection.stories) > 1
    return several, () if several else tuple(collection.warnings)


def align_entry(
    entry: StoryEntry,
    articles: Sequence[Article],
    settings: Settings,
    *,
    several: bool,
    warnings: Sequence[str] = (),
    progress: Progress | None = None,
    pins: Pins | None = None,
) -> Story:
    """Story `entry` aligned from its `articles` alone: `align_story` without the collection,
    as a batch worker runs it (`several`: the folder holds other stories too)."""
    story = story_from(Loaded(list(articles), list(warnings)), settings, progress, pins)
    kept = tuple(w for w in story.warnings if not (several and w == LONE))
    return replace(story, warnings=kept, id=entry.id, label=entry.label)


def align_all(
    collection: Collection, settings: Settings, progress: Progress | None = None, only: int | None = None,
    pins: Pins | None = None, jobs: int | None = None, findings: bool = False,
) -> list[Story]:
    """Every story of the collection aligned (or only story `only`), in story order.

    Stories are independent, so a folder of many is aligned on `jobs` processes (default: one a
    core, up to DEFAULT_JOBS; see `_jobs`); the result is the same as on one. With `findings` (an export will show
    them), each process also works out its stories' findings, which `analyse` then remembers.
    Progress is reported per story ("aligning N stories"), not per step of each.
    """
    if not findings:
        return align_each(collection, settings, _itself, progress, only, pins, jobs)
    from storyview.findings.analysis import remember

    out = []
    for story, analysis in align_each(collection, settings, _with_findings, progress, only, pins, jobs):
        remember(story, analysis)
        out.append(story)
    return out


def _itself(story: Story) -> Story:
    return story


def _with_findings(story: Story) -> tuple[Story, Analysis]:
    from storyview.findings.analysis import analyse

    return story, analyse(story)


def align_each(
    collection: Collection, settings: Settings, then: Callable[[Story], T], progress: Progress | None = None,
    only: int | None = None, pins: Pins | None = None, jobs: int | None = None,
) -> list[T]:
    """`then` of every story of the collection aligned (or of story `only`), in story order.

    `then` runs where the story was aligned, in the worker process for a large folder (see
    `align_all`): only what it returns comes back to this one, which for an export can be far
    less to send than the Story (`exports.json_export.to_dict`: the parent no longer unpickles
    every Story and its findings to turn them into the same dictionaries; `to_part`: nor
    encodes them, the story comes back as JSON text).
    """
    wanted = [s for s in collection.stories if only is None or s.id == only]

    def one(entry: StoryEntry) -> T:
        return then(align_story(collection, entry.id, settings, pins=pins))

    workers = _jobs(jobs, len(wanted), sum(len(s.sources) for s in wanted))
    kept = _take_kept(collection.articles, settings, pins)
    if kept is not None and workers > 1 and kept.workers >= workers:
        try:
            return _align_on_kept(kept, collection, wanted, settings, then, progress)
        except WorkerLost:
            pass  # one died (killed while it waited, or with its task): once more, on fresh workers
    elif kept is not None:
        kept.stop()
    if workers > 1:
        return _align_in_processes(one, wanted, workers, progress, settings)
    out = []
    for n, entry in enumerate(wanted):
        if progress:
            progress("stories", n, len(wanted))
        out.append(one(entry))
    if progress:
        progress("stories", len(wanted), len(wanted))
    return out


# Below this many articles, starting processes costs more than it saves.
PARALLEL_FROM = 60
# Processes by default, at most: each adds 150-300 MB on the 2,225 BBC articles (two took the
# run's memory, all processes counted, from 590 to 880 MB), so the 1 GiB a run may take holds.
# `--jobs N` asks for more.
DEFAULT_JOBS = 2
# Tasks each aligning process gets, about: a task is a few stories (next to each other, largest
# first) rather than one, since every task and result costs the parent's pool threads time
# (on the 2,225 BBC articles, one story a task: 0.45-1.3 s of the parent's CPU against 0.2 s).
TASKS_PER_WORKER = 24


def _jobs(jobs: int | None, tasks: int, articles: int) -> int:
    """How many processes to work `tasks` on: `jobs`, or one a usable core up to DEFAULT_JOBS;
    one where there is a single task, few articles, or no `fork` (a fresh interpreter a task
    would cost more)."""
    import multiprocessing
    import os

    if jobs is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        jobs = min(cores, DEFAULT_JOBS)
    if tasks < 2 or articles < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, tasks))


# What the forked workers run: set in the parent just before the fork, so the collection is
# shared, not pickled to each worker.
_SHARED: Callable[[int], object] | None = None


def _run_shared(k: int) -> tuple[int, object]:
    assert _SHARED is not None
    return k, _SHARED(k)


def _in_processes(work: Callable[[int], T], order: Sequence[int], workers: int,
                  chunk: int = 1, ordered: bool = False) -> Iterator[tuple[int, T]]:
    """`(k, work(k))` for each k of `order`, worked out on `workers` forked processes, as they
    finish (`ordered`: in the order of `order`). A ctrl+c (or any error) in the parent ends
    every worker; a worker that dies raises `WorkerLost`."""
    global _SHARED
    _SHARED = work
    pool = forked(workers, quiet)
    try:
        yield from results(pool, _run_shared, order, chunk, ordered)  # type: ignore[misc]
    finally:
        end(pool)
        _SHARED = None


def _align_in_processes(one: Callable[[StoryEntry], T], wanted: Sequence[StoryEntry], workers: int,
                        progress: Progress | None, settings: Settings) -> list[T]:
    """`align_each` on `workers` forked processes, the largest stories (in words) first; in story order."""
    if settings.semantic:
        semantic.load()  # once, before the fork: every worker shares its pages
    chunk = _chunk(len(wanted), workers)
    return _in_story_order(_in_processes(lambda k: one(wanted[k]), _largest_first(wanted), workers, chunk=chunk),
                           len(wanted), progress)


def _align_on_kept(kept: _Kept, collection: Collection, wanted: Sequence[StoryEntry], settings: Settings,
                   then: Callable[[Story], T], progress: Progress | None) -> list[T]:
    """`_align_in_processes` on the workers kept from fingerprinting (`kept_workers`): each task
    names its story's articles by their place in the folder, as the workers were forked with it."""
    several, warnings = _told_with(collection)
    place = {a.id: k for k, a in enumerate(kept.articles)}
    tasks = [(k, wanted[k], tuple(sorted(place[s] for s in wanted[k].sources if s in place)), settings, then,
              several, warnings) for k in _largest_first(wanted)]
    try:
        out = _in_story_order(results(kept.pool, _align_at, tasks, _chunk(len(wanted), kept.workers)),
                              len(wanted), progress)
    finally:
        kept.stop()
    return out


def _largest_first(wanted: Sequence[StoryEntry]) -> list[int]:
    """The stories' places, the largest (in words) first: the last tasks are the quick ones."""
    return sorted(range(len(wanted)), key=lambda k: (-wanted[k].words, -len(wanted[k].sources)))


def _in_story_order(results: Iterable[tuple[int, T]], count: int, progress: Progress | None) -> list[T]:
    """Each story's result as it comes (reported as progress), put back in story order."""
    done: dict[int, T] = {}
    for k, result in results:
        done[k] = result
        if progress:
            progress("stories", len(done), count)
    return [done[k] for k in range(count)]


def _chunk(stories: int, workers: int) -> int:
    """Stories a task of `_align_in_processes`: about TASKS_PER_WORKER tasks a process."""
    return max(1, stories // (workers * TASKS_PER_WORKER))
