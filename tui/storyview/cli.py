"""The `storyview` command: the reader by default, `--json` for the engine's decisions,
`--report md|html|tei` for a story to share."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from storyview import __version__
from storyview.model import Progress, Settings, counted
from storyview.workers import WorkerLost

if TYPE_CHECKING:
    from rich.progress import TaskID

    from storyview.batch.opened import Opened
    from storyview.engine.stories import StorySettings
    from storyview.inputs.web import Page
    from storyview.model import Collection, Story
    from storyview.pinstore import PinStore
    from storyview.pipeline import SharesInBackground
    from storyview.reader.app import StoryviewApp


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="storyview",
        description="Several news articles about one story side by side: paragraphs that tell the "
        "same part of the story lined up, and what only one source says highlighted.",
        epilog="With no PATH, storyview opens its five bundled seed articles. `storyview batch --help`: "
        "a corpus too large for one run, split into stories and aligned on Dask.",
    )
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="article files (.txt, .md, saved .html pages), folders (their .txt, .md and .html "
                    "files, sorted by name; not their subfolders), http(s):// addresses to fetch, - for one article on standard "
                    "input, or a file storyview --json wrote (reopened as it was aligned)")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true",
                     help="write the aligned story as JSON to stdout instead of opening the reader")
    out.add_argument("--report", choices=("md", "html", "tei"), metavar="{md,html,tei}",
                     help="write a report to share instead of opening the reader: Markdown, one "
                     "self-contained HTML page, or TEI P5 XML (parallel segmentation) for collation tools")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="with --json or --report: write to FILE (atomically) instead of stdout (- is stdout)")
    ap.add_argument("--story", type=int, metavar="N",
                    help="a folder of several stories: open (or export) story N of its story list only")
    ap.add_argument("--one-story", action="store_true",
                    help="take every article as a telling of one story: no story list, even where the "
                    "folder looks like several stories to storyview")
    ap.add_argument("--threshold", type=float, default=Settings.threshold, metavar="T",
                    help=f"paragraph link score (0..1) needed to group paragraphs (default {Settings.threshold})")
    ap.add_argument("--ignore-pins", action="store_true",
                    help="leave out the pins and breaks made in the reader (p/u in the detail view); "
                    "the reader then makes none")
    ap.add_argument("--no-semantic", dest="semantic", action="store_false",
                    help="line paragraphs up by their shared words only, without the bundled "
                    "word-vector model that also matches what is told in other words")
    ap.add_argument("--jobs", type=int, metavar="N",
                    help="with --json or --report: align the stories of a large folder on N processes "
                    "(default: one a core, at most 2, which keeps a run within 1 GiB; the result is the same)")
    ap.add_argument("--version", action="version", version=f"storyview {__version__}")
    return ap


def warn(message: str) -> None:
    print(f"storyview: {message}", file=sys.stderr)


def entry() -> int:
    """The `storyview` process: `main`, then its exit without one last collection.

    What is still alive at the end (the tokeniser's caches: millions of objects at 2,225
    articles) would be gone through by the interpreter's collection at exit for a second or
    more; frozen, it is only freed.
    """
    code = main()
    if code == 130:  # interrupted: a ctrl+c more must not break its exit (dask's exit hooks, try31)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    return code


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except WorkerLost as lost:
        warn(str(lost))
        return 1


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["batch"]:  # `storyview batch ...`: a folder named batch is `./batch`
        from storyview.batch.command import main as batch

        return batch(argv[1:])
    args = parser().parse_args(argv)
    if not 0 < args.threshold < 1:
        parser().error("--threshold must be between 0 and 1")
    if args.output is not None and not args.output.strip():
        parser().error("-o/--output needs a file name")
    if args.output and not (args.json or args.report):
        parser().error("-o/--output needs --json or --report (the reader writes files from its export dialog)")
    if args.output == "-":  # as elsewhere on the command line: standard output, not a file named "-"
        args.output = None
    if args.jobs is not None and args.jobs < 1:
        parser().error("--jobs needs a number of processes, 1 or more")
    if args.story is not None and args.story < 1:
        parser().error("--story counts from 1")
    settings = Settings(threshold=args.threshold, semantic=args.semantic)
    paths = args.paths or None
    if paths and "-" in paths and sys.stdin.isatty():  # else a blank screen waits for it
        warn("reading an article from the terminal: type or paste it, then ctrl+d (or: storyview - < FILE)")
    unfinished = _unfinished_batch(paths[0]) if paths is not None and len(paths) == 1 else None
    if unfinished:
        warn(unfinished)
        return 1
    pins = None if args.ignore_pins else pin_store(paths)
    aligned = _aligned(paths[0]) if paths is not None and len(paths) == 1 else None
    if args.json or args.report:
        fmt = "json" if args.json else args.report
        if aligned:
            return export_aligned(paths[0], aligned == "file", _asked(argv), args.output, fmt, args.story)
        return export(paths, settings, args.output, fmt, args.story, pins, args.jobs, args.one_story)
    if _all_missing(paths):
        for path in paths or ():
            warn(f"{path}: no such file or folder")
        return 1
    if aligned:
        return read_batch(paths[0], aligned == "file", _asked(argv), args.story)
    nothing = _nothing_to_read(paths)
    if nothing:
        for message in nothing:
            warn(message)
        return 1
    from storyview.inputs.bundled import seeds_dir
    from storyview.reader.app import StoryviewApp

    data = None
    fetch = None
    if paths and any(p == "-" or is_url(p) for p in paths):
        # Standard input is read before the reader starts, which then takes its keys from the
        # terminal; pages are fetched once, not again at each realignment.
        from storyview.inputs.load import read_stdin_bytes

        if "-" in paths:
            data = read_stdin_bytes()
            if not _terminal_on_stdin():
                warn("standard input held the article and there is no terminal for the reader; use --json or --report")
                return 1
        fetch = _fetch_once()

    def gather(progress: Progress | None = None) -> Collection:
        # The engine is imported in the worker, after the first frame is up.
        from storyview.inputs.load import load
        from storyview.pipeline import collect

        return collect(load(paths, progress, stdin=data, fetch=fetch), _stories(args.one_story), progress=progress)

    def align(collection: Collection, story_id: int, s: Settings, progress: Progress | None = None) -> Story:
        from storyview.pipeline import align_story

        return align_story(collection, story_id, s, progress, pins)

    def background() -> SharesInBackground:
        from storyview.pinstore import KnownPins
        from storyview.pipeline import SharesInBackground

        return SharesInBackground(KnownPins(tuple(pins.peek()[0])) if pins is not None else None)

    app = StoryviewApp(
        build=lambda s, progress=None: align(gather(progress), 1, s, progress),
        settings=settings,
        inputs=[p for p in (paths or [str(seeds_dir())]) if p != "-" and not is_url(p)],
        pins=pins,
        gather=gather,
        align=align,
        story=args.story,
        background=background,
    )
    app.run()
    return app.return_code or 0


def _nothing_to_read(paths: list[str] | None) -> list[str]:
    """Why there is nothing for the reader to open, when the paths name no file at all (folders
    without an article file, paths that are not there); [] when there is something to read.

    Known from the folders' listings alone: no file is read, so the reader starts no later. A
    file that is there but unusable is only known once read, and the reader says it then."""
    if not paths:
        return []
    from storyview.inputs.arguments import expand

    warnings: list[str] = []
    return [] if expand(paths, warnings) else warnings


def _aligned(path: str) -> str | None:
    """What holds stories aligned already: "batch" (a batch's folder or index), "file" (a file
    `storyview --json` wrote), or None; the file's head is read here only."""
    from storyview.batch.output import is_batch, is_export

    return "batch" if is_batch(path) else "file" if is_export(path) else None


def _unfinished_batch(path: str) -> str | None:
    """What to say of a batch's folder that cannot be opened as one, before anything is read or
    written: a batch stopped before its index was written, or the story folder of a batch."""
    from pathlib import Path

    from storyview.batch.output import STORIES, is_batch, resume_command, stopped
    from storyview.inputs.text import shown

    found = stopped(path)
    if found is not None:
        return (f"{shown(found.folder)} is a batch that was stopped before it finished ({counted(found.written, 'story')} "
                f"written, no index): run `{resume_command(found.inputs, found.folder, found.threshold, found.started_in)}` "
                f"to finish it")
    named = Path(path)
    if named.name == STORIES and is_batch(named.parent):
        return f"{shown(named)} holds the story files of the batch {shown(named.parent)}: open {shown(named.parent)}"
    return None


def _asked(argv: list[str]) -> dict[str, object]:
    """The aligner's settings named on the command line (`--threshold`, `--no-semantic`): stories
    aligned already (a batch, a --json file) are aligned again with them, and only then."""
    ap = parser()
    ap.set_defaults(threshold=None, semantic=None)
    named = ap.parse_args(argv)
    return {k: getattr(named, k) for k in ("threshold", "semantic") if getattr(named, k) is not None}


def _open_aligned(path: str, exported: bool, then: str = "open") -> Opened | None:
    """What `storyview batch` or `storyview --json` (`exported`) wrote at `path`, or None (said
    why) when it cannot be read or holds no article (nothing to `then`)."""
    from storyview.batch.opened import open_for_reader
    from storyview.inputs.text import shown

    try:
        opened = open_for_reader(path, exported)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:  # any shape but the one written
        warn(f"{shown(path)}: not a storyview {'--json file' if exported else 'batch'} that can be read ({exc})")
        return None
    if not any(e.sources for e in opened.batch.entries):
        what = "a --json file of no article" if exported else "a batch run that found no article"
        warn(f"{shown(path)}: {what}: nothing to {then}")
        return None
    return opened


def read_batch(path: str, exported: bool, asked: dict[str, object], story: int | None) -> int:
    """The reader on what `storyview batch` or `storyview --json` wrote: its story list (or its
    one story), each story as it was aligned.

    `asked`: settings named on the command line (`_asked`): each story opened is aligned again
    with them; none shows the stories as they were aligned."""
    from dataclasses import replace

    opened = _open_aligned(path, exported)
    if opened is None:
        return 1
    app = batch_app(opened, replace(opened.settings, **asked) if asked else None, story)  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0


def export_aligned(path: str, exported: bool, asked: dict[str, object], output: str | None, fmt: str,
                   only: int | None) -> int:
    """`--json` or `--report` of what `storyview batch` or `storyview --json` wrote: its stories
    (or story `only`) as the reader shows them, as they were aligned, or aligned again from
    their text where `asked` names other settings (`read_batch`)."""
    from dataclasses import replace

    from storyview.batch.output import INDEX
    from storyview.collector import paused
    from storyview.exports.json_export import lined, parts_json, to_dict, to_part

    opened = _open_aligned(path, exported, "write")
    if opened is None:
        return 1
    collection = opened.gather()
    batch = opened.batch
    # What was read (a batch's index and story files too), and the articles it was made from.
    read = [path, *([] if exported else [str(batch.folder / INDEX)]), *(str(batch.path(e)) for e in batch.entries),
            *(a.path for a in collection.articles)]
    if output:
        refused = _refused_early(read, output)
        if refused:
            warn(refused)
            return 1
    settings = replace(opened.settings, **asked)  # type: ignore[arg-type]
    unwritable = _unwritable(collection, only, fmt, "file" if exported else "batch")
    if unwritable:
        warn(unwritable)
        return 1
    wanted = [s.id for s in collection.stories if only is None or s.id == only]
    with progress_bar() as progress, paused():
        stories = []
        for n, story_id in enumerate(wanted):
            if progress:
                progress("stories", n, len(wanted))
            stories.append(opened.align(collection, story_id, settings))
        if progress:
            progress("stories", len(wanted), len(wanted))
    for message in _notes(collection.warnings, [story.warnings for story in stories]):
        warn(message)
    with paused():
        if fmt == "json":
            paragraphs = sum(len(a.paragraphs) for story in stories for a in story.articles)
            parts = [(to_part if lined(paragraphs) else to_dict)(story) for story in stories]
            text = parts_json(collection, parts, batch.several) + "\n"
        else:
            text = render_stories(collection, stories, fmt)
    return _write(text, output, read)


def batch_app(opened: Opened, settings: Settings | None = None, story: int | None = None) -> StoryviewApp:
    from storyview.batch.opened import BatchShares
    from storyview.reader.app import StoryviewApp

    first = opened.batch.entries[0].id if opened.batch.entries else 1
    return StoryviewApp(
        build=lambda s, progress=None: opened.align(opened.gather(progress), first, s, progress),
        settings=settings or opened.settings,
        inputs=[str(opened.batch.folder)],
        gather=opened.gather,
        align=opened.align,
        story=story,
        shares={e.id: e.unique for e in opened.batch.entries},
        no_pins=BATCH_PINS,
        background=lambda: BatchShares(opened),
    )


# What p and u say in a story read back from a batch or an export: it is as it was aligned.
BATCH_PINS = ("Pins are not made here: this story is read as it was aligned. Pin in the articles' folder "
              "(storyview FOLDER), then run the batch or export again: it follows the pins.")


def is_url(argument: str) -> bool:
    from storyview.inputs.web import is_url as url

    return url(argument)


def _terminal_on_stdin() -> bool:
    """Make file descriptor 0 the terminal again after an article was piped in."""
    try:
        if os.isatty(0):
            return True
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    return True


def _fetch_once():  # noqa: ANN202 - a web.Fetcher
    """A fetcher that remembers each page (or failure), so a rebuild does not fetch again."""
    from storyview.inputs import load, web

    pages: dict[str, Page | web.FetchError] = {}

    def fetch(url: str) -> Page:
        if url not in pages:
            try:
                pages[url] = web.fetch(url, load.MAX_PAGE_BYTES)
            except web.FetchError as exc:
                pages[url] = exc
        hit = pages[url]
        if isinstance(hit, web.FetchError):
            raise hit
        return hit

    return fetch


def pin_store(paths: list[str] | None) -> PinStore:
    """The pins file of this story: beside its files, or in the data folder (bundled seeds, stdin, pages)."""
    from storyview.pinstore import PinStore, data_dir

    if not paths:
        return PinStore(data_dir() / "pins" / "seeds.json")
    return PinStore.for_inputs(paths)


def _stories(one_story: bool) -> StorySettings | None:
    """How to split a folder into stories: as storyview sees them, or (`--one-story`) not at all."""
    from storyview.engine.stories import StorySettings

    return StorySettings(split=False) if one_story else None


def export_json(paths: list[str] | None, settings: Settings, output: str | None, story: int | None = None,
                pins: PinStore | None = None) -> int:
    return export(paths, settings, output, "json", story, pins)


def export(
    paths: list[str] | None, settings: Settings, output: str | None, fmt: str, only: int | None = None,
    pins: PinStore | None = None, jobs: int | None = None, one_story: bool = False,
) -> int:
    """Split the folder into stories (or take it as one: `one_story`), align each (or story
    `only`, following `pins`), and write them as JSON, Markdown, HTML or TEI to `output` or stdout."""
    from storyview.collector import paused
    from storyview.exports.json_export import Part, lined, parts_json, to_dict, to_part
    from storyview.inputs.bundled import seeds_dir
    from storyview.pipeline import align_all, align_each, collect, kept_workers, read_all

    if output:
        refused = _refused_early(paths, output)
        if refused:
            warn(refused)
            return 1
    # Reading makes millions of objects that live on (the tokeniser's caches), and the stories'
    # results come back by the thousand: no collection would find anything to free among them.
    with progress_bar() as progress, paused(), kept_workers(settings, pins):
        collection = collect(read_all(paths, progress, jobs), _stories(one_story), progress=progress, jobs=jobs)
        unwritable = _unwritable(collection, only, fmt, "folder")
        if unwritable:
            warn(unwritable)
            return 1
        if fmt == "json":  # each story's document made where it was aligned: only that comes back
            wanted = [s.id for s in collection.stories if only is None or s.id == only]
            paragraphs = sum(len(a.paragraphs) for s in wanted for a in collection.articles_of(s))
            # A large folder's, as JSON text already: the pieces are only put together here.
            parts = align_each(collection, settings, to_part if lined(paragraphs) else to_dict, progress, only, pins,
                               jobs)
            notes = [part.warnings if isinstance(part, Part) else part["warnings"] for part in parts]
        else:
            stories = align_all(collection, settings, progress, only, pins, jobs, findings=fmt != "tei")
            notes = [story.warnings for story in stories]
    for message in _notes(collection.warnings, notes):
        warn(message)
    with paused():  # a large story's JSON is millions of short-lived objects too
        text = parts_json(collection, parts) + "\n" if fmt == "json" else render_stories(collection, stories, fmt)
    code = _write(text, output, [*(paths or [str(seeds_dir())]), *(a.path for a in collection.articles)])
    # Nothing named is there (a typo), or nothing named could be read: the document is written,
    # empty, and a script must know.
    return 1 if code or _all_missing(paths) or not collection.articles else 0


def _unwritable(collection: Collection, only: int | None, fmt: str, holder: str) -> str | None:
    """Why the stories asked for cannot be written (None: they can): the `holder` (folder, file
    or batch) has no story `only`, or TEI, which holds one story, is asked for all of several."""
    ids = [s.id for s in collection.stories]
    if only is not None and only not in ids:
        held = "" if ids == list(range(1, len(ids) + 1)) else f" (story {', '.join(map(str, ids))})"
        return f"no story {only}: the {holder} has {counted(len(ids), 'story')}{held}"
    if fmt == "tei" and only is None and len(ids) > 1:
        return f"TEI holds one story and the {holder} has {len(ids)}: choose one with --story N"
    return None


def _write(text: str, output: str | None, inputs: Sequence[str]) -> int:
    """`text` to `output` (atomically, never over one of `inputs`) or to stdout: 0, or 1 said why."""
    from storyview.exports.files import RefusedWrite, write_atomic
    from storyview.inputs.text import shown

    if output:
        try:
            write_atomic(output, text, inputs)
        except RefusedWrite as exc:
            warn(str(exc))
            return 1
        except OSError as exc:
            warn(f"{shown(output)}: cannot write ({exc.strerror or exc})")
            return 1
        warn(f"wrote {shown(output)}")
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        _quiet_stdout()
        if not isinstance(exc, BrokenPipeError):  # a reader that stopped early (| head) knows
            warn(f"cannot write to standard output ({exc.strerror or exc})")
        return 1
    return 0


NOTES_SHOWN = 5
"""Of the notes on a folder's stories, how many stderr shows; the output holds them all."""


def _notes(loaded: Sequence[str], stories: Sequence[Sequence[str]]) -> list[str]:
    """The load warnings (`loaded`), then the stories' own notes (`stories`: each one's
    warnings; a few of them, when there are many)."""
    notes: list[str] = []
    for warnings in stories:
        notes.extend(w for w in warnings if w not in notes and w not in loaded)
    if len(notes) > NOTES_SHOWN + 1:
        notes = notes[:NOTES_SHOWN] + [f"… and {len(notes) - NOTES_SHOWN} more notes on the stories "
                                       "(all of them in the output's warnings)"]
    return [*loaded, *notes]


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _all_missing(paths: list[str] | None) -> bool:
    """Every path named is absent (a typo): `--json` and `--report` still write their document,
    but a script must know (exit 1)."""
    from storyview.inputs.arguments import all_missing

    return all_missing(paths or [])


def render_stories(collection: Collection, stories: list[Story], fmt: str) -> str:
    if fmt == "json":
        from storyview.exports.json_export import collection_json

        return collection_json(collection, stories) + "\n"
    from storyview.exports.report import render_stories as report

    return report(collection, stories, fmt)


def render(story: Story, fmt: str) -> str:
    if fmt == "json":
        from storyview.exports.json_export import to_json

        return to_json(story) + "\n"
    from storyview.exports.report import render as report

    return report(story, fmt)


def _refused_early(paths: list[str] | None, output: str) -> str | None:
    """Refuse a target that is a folder or one of the inputs before reading anything (stdin, the network)."""
    from pathlib import Path

    from storyview.exports.files import RefusedWrite, check_target
    from storyview.inputs.bundled import seeds_dir
    from storyview.inputs.text import shown

    try:
        if Path(output).expanduser().is_dir():
            return f"{shown(output)}: is a folder: name a file"
        check_target(output, [p for p in (paths or [str(seeds_dir())]) if p != "-" and not is_url(p)])
    except RefusedWrite as exc:
        return str(exc)
    except OSError:
        return None
    return None


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A Rich progress bar on stderr while a large story builds; nothing when stderr is no terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                for other in tasks.values():
                    bar.update(other, completed=bar.tasks[other].total)
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
