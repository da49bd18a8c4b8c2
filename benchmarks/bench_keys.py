"""Key latency of the reader on 500 real articles, vs. a bare Textual app timed the same way.

    python benchmarks/bench_keys.py [--articles 500] [--presses 20] [--size 200x60]

Builds a Story from BBC articles (shared/corpora/bbc: JSON lines of id/category/title/
paragraphs), written as .txt files to a temporary folder (title, blank line, paragraphs) and
aligned by storyview.pipeline.build_story, then opens the reader headless and presses each of
j k l h n G g about 20 times. Two figures per key:

  pilot     `await pilot.press(key); await pilot.pause()`, wall clock, in storyview and in a
            bare App (one Static, no bindings) timed the same way. This is mostly Pilot's own
            wait for idle (~80 ms); the ratio says whether the reader adds anything to it.
  in-app    the key's action handler plus every frame it causes (layout, compositor, render),
            measured inside the app with time.perf_counter: what the reader itself costs.
            Target: <= 50 ms.

Prints medians (and the max of in-app) per key, and the ratios to the bare app. For scale, the
same Pilot timing of `down` in Textual's own DataTable (5,000 x 10) is printed too: Pilot's
idle detection works in 20 ms slices and waits for one with under 1 ms of CPU, so any key that
does a millisecond of real work costs one slice more than the bare app, which does nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc" / "bbc_articles.jsonl"
KEYS = ["j", "k", "l", "h", "n", "G", "g"]


def write_articles(corpus: Path, count: int, folder: Path) -> int:
    """The first `count` articles of the corpus as .txt files; returns how many were written."""
    written = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if written == count:
                break
            row = json.loads(line)
            text = row["title"] + "\n\n" + "\n\n".join(row["paragraphs"]) + "\n"
            (folder / f"{written:04d}-{row['id'].replace('/', '-')}.txt").write_text(text, encoding="utf-8")
            written += 1
    return written


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello")


class Table(App[None]):
    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable()
        table.add_columns(*(f"column {c}" for c in range(10)))
        table.add_rows([[f"row {r} cell {c}" for c in range(10)] for r in range(5000)])
        yield table


class Probe:
    """Times action handlers and frames inside an app (private hooks: a benchmark, not a test)."""

    def __init__(self, app: App[Any]) -> None:
        self.handler = 0.0
        self.frames = 0.0
        self.app = app
        dispatch = app._dispatch_action

        async def timed_dispatch(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await dispatch(*args, **kwargs)
            finally:
                self.handler += time.perf_counter() - start

        app._dispatch_action = timed_dispatch  # type: ignore[method-assign]
        self._hooked: set[int] = set()

    def hook_screen(self) -> None:
        screen = self.app.screen
        if id(screen) in self._hooked:
            return
        self._hooked.add(id(screen))
        update = screen._on_timer_update

        def timed_update() -> None:
            start = time.perf_counter()
            try:
                update()
            finally:
                self.frames += time.perf_counter() - start

        screen._on_timer_update = timed_update  # type: ignore[method-assign]
        screen._update_timer._callback = timed_update  # the timer holds the bound method

    def reset(self) -> None:
        self.handler = self.frames = 0.0


async def press_times(pilot: Pilot[Any], key: str, presses: int, probe: Probe | None,
                      before: Callable[[], list[str]] = list) -> tuple[list[float], list[float]]:
    """Wall-clock times of `presses` presses of `key` (and in-app times when probed)."""
    wall: list[float] = []
    inside: list[float] = []
    for _ in range(presses):
        for setup in before():
            await pilot.press(setup)
            await pilot.pause()
        if probe is not None:
            probe.reset()
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        wall.append(time.perf_counter() - start)
        if probe is not None:
            inside.append(probe.handler + probe.frames)
    return wall, inside


def setup_for(key: str) -> Callable[[], list[str]]:
    """G and g would do nothing the second time: press the other one first (not timed)."""
    return {"G": lambda: ["g"], "g": lambda: ["G"]}.get(key, list)


async def bench_bare(size: tuple[int, int], presses: int) -> dict[str, list[float]]:
    app = Bare()
    out: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in KEYS:
            out[key], _ = await press_times(pilot, key, presses, None, setup_for(key))
    return out


async def bench_table(size: tuple[int, int], presses: int) -> list[float]:
    async with Table().run_test(size=size) as pilot:
        await pilot.pause()
        wall, _ = await press_times(pilot, "down", presses, None)
    return wall


async def bench_reader(story: Any, size: tuple[int, int], presses: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    from storyview.reader.app import StoryviewApp

    app = StoryviewApp.from_story(story)
    wall: dict[str, list[float]] = {}
    inside: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        while app.story is None:
            await pilot.pause(0.02)
        await pilot.pause()
        probe = Probe(app)
        probe.hook_screen()
        for key in KEYS:
            wall[key], inside[key] = await press_times(pilot, key, presses, probe, setup_for(key))
    return wall, inside


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--presses", type=int, default=20)
    ap.add_argument("--size", default="200x60")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))

    from storyview.model import Settings
    from storyview.pipeline import build_story

    with tempfile.TemporaryDirectory(prefix="storyview-bench-") as tmp:
        count = write_articles(Path(args.corpus), args.articles, Path(tmp))
        start = time.perf_counter()
        story = build_story([tmp], Settings())
        built = time.perf_counter() - start
    rows = sum(1 for g in story.groups)
    print(f"story: {count} articles, {sum(len(a.paragraphs) for a in story.articles)} paragraphs, "
          f"{rows} groups; build_story {built:.1f} s")
    print(f"terminal {width}x{height}, {args.presses} presses per key, Python {sys.version.split()[0]}\n")

    bare = asyncio.run(bench_bare((width, height), args.presses))
    table = statistics.median(asyncio.run(bench_table((width, height), args.presses)))
    wall, inside = asyncio.run(bench_reader(story, (width, height), args.presses))

    print("key   pilot storyview   pilot bare   ratio   in-app median   in-app max   (ms)")
    ratios = []
    for key in KEYS:
        ours, theirs = statistics.median(wall[key]), statistics.median(bare[key])
        ratios.append(ours / theirs)
        print(f"{key:3s}   {ms(ours)}           {ms(theirs)}      {ours / theirs:5.2f}   "
              f"{ms(statistics.median(inside[key]))}         {ms(max(inside[key]))}")
    bare_down = statistics.median(t for key in KEYS for t in bare[key])
    print(f"ref   {ms(table)}           {ms(bare_down)}      {table / bare_down:5.2f}   "
          "(Textual's DataTable, 5,000 x 10, `down`: Pilot's 20 ms granularity)")
    every = [t for key in KEYS for t in inside[key]]
    print(f"\nall keys: pilot ratio median {statistics.median(ratios):.2f} (max {max(ratios):.2f}); "
          f"in-app median {statistics.median(every) * 1000:.1f} ms, max {max(every) * 1000:.1f} ms "
          f"(target <= 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
