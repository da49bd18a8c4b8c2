"""The `storyview` command: the reader by default, `--json` for the engine's decisions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from storyview import __version__
from storyview.model import Progress, Settings

if TYPE_CHECKING:
    from rich.progress import TaskID


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="storyview",
        description="Several news articles about one story side by side: paragraphs that tell the "
        "same part of the story lined up, and what only one source says highlighted.",
        epilog="With no PATH, storyview opens its five bundled seed articles.",
    )
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="article files, or folders (their .txt and .md files, sorted by name)")
    ap.add_argument("--json", action="store_true",
                    help="write the aligned story as JSON to stdout instead of opening the reader")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="with --json: write to FILE (atomically) instead of stdout")
    ap.add_argument("--threshold", type=float, default=Settings.threshold, metavar="T",
                    help=f"paragraph link score (0..1) needed to group paragraphs (default {Settings.threshold})")
    ap.add_argument("--version", action="version", version=f"storyview {__version__}")
    return ap


def warn(message: str) -> None:
    print(f"storyview: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except KeyboardInterrupt:
        warn("interrupted")
        return 130


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not 0 < args.threshold < 1:
        parser().error("--threshold must be between 0 and 1")
    settings = Settings(threshold=args.threshold)
    paths = args.paths or None
    if args.json:
        return export_json(paths, settings, args.output)
    from storyview.app import StoryviewApp
    from storyview.pipeline import build_story

    StoryviewApp(build=lambda s, progress=None: build_story(paths, s, progress), settings=settings).run()
    return 0


def export_json(paths: list[str] | None, settings: Settings, output: str | None) -> int:
    from storyview.export import RefusedWrite, to_json, write_atomic
    from storyview.load import seeds_dir
    from storyview.pipeline import build_story

    with progress_bar() as progress:
        story = build_story(paths, settings, progress)
    for message in story.warnings:
        warn(message)
    text = to_json(story) + "\n"
    if output:
        try:
            inputs = [*(paths or [str(seeds_dir())]), *(a.path for a in story.articles)]
            write_atomic(output, text, inputs)
        except (RefusedWrite, OSError) as exc:
            warn(str(exc))
            return 1
        warn(f"wrote {output}")
    else:
        sys.stdout.write(text)
    return 0


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A Rich progress bar on stderr while a large story builds; nothing when stderr is no terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
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
