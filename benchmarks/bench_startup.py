"""Time to first screen: storyview on the seeds vs. a bare Textual app, measured the same way.

    python benchmarks/bench_startup.py [--runs 7]

Each run is a fresh process (interpreter start and imports included, as a user feels it),
headless. The clock starts just before the process is spawned and stops when the app has
painted the screen we care about (the child reports the wall-clock moment, so tearing the
process down is not counted):
  bare            an App with one Static, after its first refresh;
  loading         storyview's first frame (progress view, status line, footer), the engine
                  imported inside the build, in the worker thread (as cli.py should do it);
  loading-eager   the same, with the engine imported before the app starts (cli.py today);
  story           storyview with the aligned seeds on screen (engine import and build included);
and, without any UI, to explain the difference:
  engine-import   `import storyview.pipeline` (numpy, scipy.sparse, rapidfuzz…);
  engine-build    that import plus build_story on the seeds.
Prints the median of each, and the ratios to the bare app.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

PRELUDE = """
import os, sys, time
def done(app=None):
    print(time.time())
    sys.stdout.flush()
    if app is not None:
        app.exit()
def build(settings, progress=None):
    from storyview.pipeline import build_story  # in the worker: the first frame does not wait for it
    return build_story(None, settings, progress)
"""

CHILD = {
    "bare": """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(done, self)

Bare().run(headless=True)
""",
    "loading": """
from storyview.reader.app import StoryviewApp

class Timed(StoryviewApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(done, self)

Timed(build=build).run(headless=True)
""",
    "loading-eager": """
from storyview.reader.app import StoryviewApp
from storyview.pipeline import build_story

class Timed(StoryviewApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(done, self)

Timed(build=lambda s, progress=None: build_story(None, s, progress)).run(headless=True)
""",
    "story": """
from textual import on
from storyview.reader.app import StoryviewApp
from storyview.reader.messages import StoryBuilt

class Timed(StoryviewApp):
    @on(StoryBuilt)
    def _exit_when_shown(self, message):
        self.call_after_refresh(done, self)  # after the frame that shows the story

Timed(build=build).run(headless=True)
""",
    "engine-import": """
import storyview.pipeline
done()
""",
    "engine-build": """
from storyview.pipeline import build_story
build_story(None)
done()
""",
}


def once(kind: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", PRELUDE + CHILD[kind]], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    for kind in CHILD:  # warm the file cache and .pyc files; not counted
        once(kind)
    medians: dict[str, float] = {}
    for kind in CHILD:
        times = [once(kind) for _ in range(args.runs)]
        medians[kind] = statistics.median(times)
        spread = f"min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.runs} runs"
        print(f"{kind:14s} median {medians[kind] * 1000:7.1f} ms   ({spread})")
    bare = medians["bare"]
    print(f"ratio loading/bare       {medians['loading'] / bare:.2f}x")
    print(f"ratio loading-eager/bare {medians['loading-eager'] / bare:.2f}x")
    print(f"ratio story/bare         {medians['story'] / bare:.2f}x   (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
