"""`storyview batch PATH... --out DIR`: the command line of a batch run."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from storyview.exports.files import resolved
from storyview.inputs.arguments import all_missing
from storyview.inputs.text import shown
from storyview.model import Progress, Settings, counted

if TYPE_CHECKING:
    from rich.progress import TaskID


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="storyview batch",
        description="Split a large corpus into stories and align each, on Dask: one JSON file per "
        "story and an index in DIR, which `storyview DIR` opens.",
    )
    ap.add_argument("paths", nargs="+", metavar="PATH", help="article files and folders (as for storyview)")
    ap.add_argument("--out", required=True, metavar="DIR", help="folder to write index.json and stories/ into")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N",
                       help="worker processes of the local cluster (default: one per core)")
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on an existing Dask cluster")
    ap.add_argument("--resume", action="store_true",
                    help="skip the stories whose file a previous run already wrote")
    ap.add_argument("--threshold", type=float, default=Settings.threshold, metavar="T",
                    help=f"paragraph link score (0..1) needed to group paragraphs (default {Settings.threshold})")
    ap.add_argument("--ignore-pins", action="store_true",
                    help="leave out the pins and breaks made in the reader (followed by default, as by --json)")
    return ap


def warn(message: str) -> None:
    print(f"storyview: {message}", file=sys.stderr)


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if not 0 < args.threshold < 1:
        parser().error("--threshold must be between 0 and 1")
    if args.workers is not None and args.workers < 1:
        parser().error("--workers must be at least 1")
    if all_missing(args.paths):  # nothing to read: no cluster, no output folder
        for path in args.paths:
            warn(f"{shown(path)}: no such file or folder")
        return 1
    out = Path(args.out)
    refused = _refused(args.paths, out)
    if refused:
        warn(refused)
        return 1
    # dask is imported here, when a batch runs, and nowhere on the reader's path.
    from storyview.batch.cluster import Unreachable, connect, on_ctrl_c
    from storyview.batch.output import sweep
    from storyview.batch.run import run_batch
    from storyview.pinstore import PinStore

    # The reader's pins, read once here and followed by every story they fit (as `--json` does);
    # the workers never write the pins file.
    pins, said = ([], []) if args.ignore_pins else PinStore.for_inputs(args.paths).peek()
    for message in said:
        warn(message)

    started = time.perf_counter()
    try:
        with connect(args.workers, args.scheduler) as client, progress_bar() as bar, ctrl_c_kept(bar) as progress:
            # Workers elsewhere start in another folder: they are given whole paths (and must
            # see the same files: a shared file system). Local workers share this one.
            paths = [os.path.abspath(p) for p in args.paths] if args.scheduler else args.paths
            done = run_batch(client, paths, resolved(out), Settings(threshold=args.threshold),
                             resume=args.resume, progress=progress, pins=pins)
    except Unreachable as exc:
        warn(str(exc))
        return 1
    except KeyboardInterrupt:
        with on_ctrl_c(signal.SIG_IGN):  # a ctrl+c more must not break the sweep (try31)
            if not args.scheduler:  # the local workers are gone: what they left half-written goes too
                sweep(out)
            from storyview.batch.output import resume_command, story_files

            if not story_files(out):
                warn("interrupted before any story was written")
            else:
                warn(f"interrupted; the stories written so far are in {shown(out)}: "
                     f"`{resume_command(args.paths, out, args.threshold)}` goes on from them")
        return 130
    for message in done.warnings:
        warn(message)
    seconds = time.perf_counter() - started
    articles = sum(e.size for e in done.entries)
    warn(f"wrote {counted(len(done.entries), 'story')} of {counted(articles, 'article')} to {out} "
         f"({done.aligned:,} aligned now) in {seconds:.1f} s")
    return 0 if articles else 1  # nothing could be read: a script must know, as `storyview --json` says


def _refused(paths: list[str], out: Path) -> str | None:
    """The output folder must not be an input or hold one: a batch never writes where it reads."""
    try:
        target = resolved(out)
        if target.is_symlink():  # followed as far as it goes, still a link: a loop
            return f"{out}: a looping symlink, not a folder"
        if target.exists() and not target.is_dir():
            return f"{out}: not a folder"
        for p in paths:
            src = resolved(p)
            if src == target or (src.is_file() and target in src.parents and src.parent == target):
                return f"{out}: refusing to write into a folder of input articles"
        if (other := _other_batch(paths, target)) is not None:
            return (f"{out}: holds a batch of other inputs ({shown(other)}), whose stories this run would "
                    "delete: give another --out, or delete that folder first")
    except OSError as exc:
        return f"{out}: cannot use ({exc.strerror or exc})"
    return None


def _other_batch(paths: list[str], target: Path) -> str | None:
    """An input of the batch already in `target` that this run is not given (its stories would
    be swept away as stale: try31 lost 253), or None: none there, or the same inputs or more."""
    from storyview.batch.output import RUN, recorded_run

    recorded = recorded_run(target) if (target / RUN).is_file() else None
    if recorded is None:
        return None
    inputs, _, started = recorded
    given = {resolved(p) for p in paths}

    def covered(recorded_input: str) -> bool:  # given, or inside a folder given
        path = resolved(os.path.join(started or ".", recorded_input))
        return path in given or any(folder in path.parents for folder in given)

    return next((p for p in inputs if not covered(p)), None)


@contextmanager
def ctrl_c_kept(progress: Progress | None) -> Iterator[Progress]:
    """`progress`, which also stops the run at its next step after a ctrl+c that was lost.

    ctrl+c raises KeyboardInterrupt wherever this process is, and Python drops one raised where
    it cannot go on up (in dask's garbage-collector callback: "Exception ignored in"); the run
    then went on to the end. Every ctrl+c is noted, and the next step of the run raises it again.
    """
    from storyview.batch.cluster import on_ctrl_c

    came: list[int] = []

    def note(signum: int, frame: object) -> None:
        came.append(signum)
        if len(came) == 1:  # once: a press more, raised in dask's callbacks, printed a traceback (try33)
            raise KeyboardInterrupt

    def step(stage: str, done: int, total: int) -> None:
        if came:
            raise KeyboardInterrupt
        if progress:
            progress(stage, done, total)

    with on_ctrl_c(note):
        yield step


def _log_lines() -> Progress:
    """Progress as lines a log keeps: "reading 450 of 2,225", each stage's start and end and
    every tenth of the way between (never the linking, which is one step)."""
    said: dict[str, int] = {}

    def line(stage: str, done: int, total: int) -> None:
        if stage == "linking" or total <= 0:
            return
        tenth = done * 10 // total
        if said.get(stage, -1) < tenth:
            said[stage] = tenth
            words = {"reading": "files read", "stories": "stories aligned"}.get(stage, stage)
            warn(f"{done:,} of {total:,} {words}")

    return line


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A Rich progress bar of files read, then of stories done (with the time left), on stderr
    when it is a terminal; else a line a tenth of the way, for a log (try31: nothing but the
    last line)."""
    if not sys.stderr.isatty():
        yield _log_lines()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
