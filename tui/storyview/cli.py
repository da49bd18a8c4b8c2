"""The `storyview` command: the reader by default, `--json` for the engine's decisions,
`--report md|html` for a story to share."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from storyview import __version__
from storyview.model import Progress, Settings

if TYPE_CHECKING:
    from rich.progress import TaskID

    from storyview.model import Story
    from storyview.inputs.web import Page


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="storyview",
        description="Several news articles about one story side by side: paragraphs that tell the "
        "same part of the story lined up, and what only one source says highlighted.",
        epilog="With no PATH, storyview opens its five bundled seed articles.",
    )
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="article files (.txt, .md, saved .html pages), folders (their .txt, .md and .html "
                    "files, sorted by name), http(s):// addresses to fetch, or - for one article on standard input")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true",
                     help="write the aligned story as JSON to stdout instead of opening the reader")
    out.add_argument("--report", choices=("md", "html"), metavar="{md,html}",
                     help="write a report to share instead of opening the reader: Markdown, or one "
                     "self-contained HTML page")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="with --json or --report: write to FILE (atomically) instead of stdout")
    ap.add_argument("--threshold", type=float, default=Settings.threshold, metavar="T",
                    help=f"paragraph link score (0..1) needed to group paragraphs (default {Settings.threshold})")
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
    gc.freeze()
    return code


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
    if args.output and not (args.json or args.report):
        parser().error("-o/--output needs --json or --report (the reader writes files from its export dialog)")
    settings = Settings(threshold=args.threshold)
    paths = args.paths or None
    if args.json:
        return export_json(paths, settings, args.output)
    if args.report:
        return export(paths, settings, args.output, args.report)
    if _all_missing(paths):
        for path in paths or ():
            warn(f"{path}: no such file or folder")
        return 1
    from storyview.reader.app import StoryviewApp
    from storyview.inputs.bundled import seeds_dir

    if not paths or not any(p == "-" or is_url(p) for p in paths):

        def build(s: Settings, progress: Progress | None = None) -> Story:
            # The engine is imported in the build worker, after the first frame is up.
            from storyview.pipeline import build_story

            return build_story(paths, s, progress)

        StoryviewApp(build=build, settings=settings, inputs=paths or [str(seeds_dir())]).run()
        return 0
    # Standard input is read before the reader starts, which then takes its keys from the
    # terminal; pages are fetched once, not again at each realignment.
    from storyview.inputs.load import load, read_stdin_bytes
    from storyview.pipeline import story_from

    data = None
    if "-" in paths:
        data = read_stdin_bytes()
        if not _terminal_on_stdin():
            warn("standard input held the article and there is no terminal for the reader; use --json or --report")
            return 1
    fetch = _fetch_once()
    StoryviewApp(
        build=lambda s, progress=None: story_from(load(paths, progress, stdin=data, fetch=fetch), s, progress),
        settings=settings,
        inputs=[p for p in paths if p != "-" and not is_url(p)],
    ).run()
    return 0


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


def export_json(paths: list[str] | None, settings: Settings, output: str | None) -> int:
    return export(paths, settings, output, "json")


def export(paths: list[str] | None, settings: Settings, output: str | None, fmt: str) -> int:
    """Build the story and write it as JSON, Markdown or HTML to `output` or stdout."""
    from storyview.collector import paused
    from storyview.exports.files import RefusedWrite, write_atomic
    from storyview.inputs.bundled import seeds_dir
    from storyview.inputs.text import shown
    from storyview.pipeline import build_story

    if output:
        refused = _refused_early(paths, output)
        if refused:
            warn(refused)
            return 1
    with progress_bar() as progress:
        story = build_story(paths, settings, progress)
    for message in story.warnings:
        warn(message)
    with paused():  # a large story's JSON is millions of short-lived objects too
        text = render(story, fmt)
    if output:
        try:
            inputs = [*(paths or [str(seeds_dir())]), *(a.path for a in story.articles)]
            write_atomic(output, text, inputs)
        except RefusedWrite as exc:
            warn(str(exc))
            return 1
        except OSError as exc:
            warn(f"{shown(output)}: cannot write ({exc.strerror or exc})")
            return 1
        warn(f"wrote {shown(output)}")
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as exc:
            _quiet_stdout()
            if not isinstance(exc, BrokenPipeError):  # a reader that stopped early (| head) knows
                warn(f"cannot write to standard output ({exc.strerror or exc})")
            return 1
    return 1 if _all_missing(paths) else 0


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _all_missing(paths: list[str] | None) -> bool:
    """Every path named is absent (a typo): the document is written, but a script must know.

    A path that exists and holds nothing usable is hostile input, not a mistake: exit 0."""
    named = [p for p in paths or () if p != "-" and not is_url(p)]
    return bool(paths) and len(named) == len(paths) and not any(os.path.lexists(p) for p in named)


def render(story: Story, fmt: str) -> str:
    if fmt == "json":
        from storyview.exports.json_export import to_json

        return to_json(story) + "\n"
    from storyview.exports.report import render as report

    return report(story, fmt)


def _refused_early(paths: list[str] | None, output: str) -> str | None:
    """Refuse a target that is one of the inputs before reading anything (stdin, the network)."""
    from storyview.exports.files import RefusedWrite, check_target
    from storyview.inputs.bundled import seeds_dir

    try:
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
