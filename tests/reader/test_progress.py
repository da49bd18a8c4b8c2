"""The first screen opens at once and fills in as the engine reports progress; quitting stops the
build, a newer build stops the older one, and a failed build is reported.

The builds here are fakes that call progress(stage, done, total) in a loop from the worker
thread, as storyview.pipeline.build_story does.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from functools import partial

import pytest
from pilot_helpers import EVERY_KEY, Progress, SlowBuild, ready, record_notifications, status_text
from story_factories import tiny_story
from storyview.model import Settings, Story
from storyview.reader.app import StoryviewApp, takes_progress
from storyview.reader.widgets.progress import BuildProgressView
from textual.widgets import ProgressBar, Static


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.01)


CHILD = """
import sys, time
from storyview.reader.app import StoryviewApp
from storyview.model import Settings

def endless(settings, progress=None):
    for i in range(10**9):
        progress("aligning", i, 10**9)
        time.sleep(0.001)

class Quitter(StoryviewApp):
    def on_mount(self):
        super().on_mount()
        self.set_timer(0.5, lambda: self.run_action("quit"))

Quitter(build=endless).run(headless=True)
print("exited", flush=True)
"""


STUCK = CHILD.replace("""    for i in range(10**9):
        progress("aligning", i, 10**9)
        time.sleep(0.001)""", """    progress("aligning", 0, 2)
    time.sleep(60)  # one long engine step: no progress to stop at (try23: two sources of 3 MB)
    progress("aligning", 1, 2)""")


def test_the_process_exits_when_quit_during_a_step_that_reports_no_progress() -> None:
    """The build's thread is a daemon: the app does not join it on the way out."""
    assert "time.sleep(60)" in STUCK
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(STUCK)], capture_output=True, text=True, timeout=50)
    assert out.returncode == 0, out.stderr
    assert "exited" in out.stdout
    assert time.monotonic() - start < 30, "it waited for the build"


def test_takes_progress_tells_the_two_kinds_of_build_apart() -> None:
    def two(settings: Settings, progress: Progress | None = None) -> Story: ...
    def one(settings: Settings) -> Story: ...
    def star(*args: object) -> Story: ...
    def keyword_only(settings: Settings, *, progress: Progress | None = None) -> Story: ...

    assert takes_progress(two) and takes_progress(lambda s, p=None: tiny_story())
    assert takes_progress(star) and takes_progress(SlowBuild())
    assert not takes_progress(one) and not takes_progress(lambda s: tiny_story())
    assert not takes_progress(keyword_only)
    assert takes_progress(partial(lambda paths, s, p: tiny_story(), ["x"]))
    assert not takes_progress(partial(lambda paths, s: tiny_story(), ["x"]))


async def test_the_loading_screen_opens_at_once_and_fills_in() -> None:
    build = SlowBuild(steps=10, hold_at=("aligning", 3))
    app = StoryviewApp(build=build)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.main.query_one(BuildProgressView)
        assert view.display and app.main.grid.has_class("-loading")
        assert "Building the story" in status_text(app)
        assert build.held.wait(5)
        bar = view.query_one(ProgressBar)
        await wait_until(pilot, lambda: bar.progress == 3)
        assert bar.total == 10
        label = str(view.query_one("#progress-stage", Static).render())
        assert "Aligning paragraphs" in label and "step 2/3" in label and "3/10" in label
        build.gate.set()
        await ready(pilot)
        assert not app.main.query(BuildProgressView) and not app.main.grid.has_class("-loading")
        assert app.story is not None and app.story.articles == tiny_story().articles


async def test_a_build_that_takes_only_settings_still_works() -> None:
    calls: list[Settings] = []

    def plain(settings: Settings) -> Story:
        calls.append(settings)
        return tiny_story(settings)

    app = StoryviewApp(build=plain)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert calls == [Settings()] and app.story is not None


@pytest.mark.parametrize("key", ["q", "ctrl+c", "ctrl+q"])
async def test_quitting_during_a_long_build_ends_the_build_thread(key: str) -> None:
    build = SlowBuild(steps=100_000, delay=0.001)  # minutes, if nothing stopped it
    app = StoryviewApp(build=build)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.main.query_one(ProgressBar).progress > 0)
        await pilot.press(key)
        await pilot.pause()
        assert app.return_code is not None, f"{key} did not quit"  # (run_test's own close sets none)
    assert not app.is_running
    assert build.ended.wait(2), "the build thread was left running"
    assert type(build.raised).__name__ == "BuildCancelled"


async def test_a_newer_build_stops_the_older_one() -> None:
    builds: list[SlowBuild] = []

    def build(settings: Settings, progress: Progress | None = None) -> Story:
        slow = SlowBuild(steps=100_000, delay=0.001) if len(builds) == 1 else SlowBuild(steps=2)
        builds.append(slow)
        return slow(settings, progress)

    app = StoryviewApp(build=build)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("plus")  # a long rebuild
        await wait_until(pilot, lambda: "rebuilding at" in status_text(app) and "%" in status_text(app))
        assert any(f"{stage} " in status_text(app) for stage in ("reading", "aligning", "marking"))
        await pilot.press("plus")  # replaces it
        assert builds[1].ended.wait(2) and type(builds[1].raised).__name__ == "BuildCancelled"
        await ready(pilot)
        assert app.settings.threshold == round(Settings().threshold + 0.10, 2)
        assert "rebuilding" not in status_text(app)


async def test_an_error_from_the_engine_is_still_reported_with_progress() -> None:
    def broken(settings: Settings, progress: Progress | None = None) -> Story:
        assert progress is not None
        progress("loading", 1, 2)
        raise ValueError("no readable articles")

    app = StoryviewApp(build=broken)
    async with app.run_test(size=(80, 24)) as pilot:
        # Both are asynchronous (the progress view is removed, the message mounted): wait for both.
        await wait_until(pilot, lambda: bool(app.main.query("#failure")) and not app.main.query(BuildProgressView))
        assert app.sub_title == "could not build the story"  # the terminal's title no longer says "reading…"


def test_the_process_exits_promptly_when_quit_during_a_build() -> None:
    """The real exit path: asyncio.run joins the worker threads, so a build left running would hang it."""
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(CHILD)], capture_output=True, text=True, timeout=30)
    elapsed = time.monotonic() - start
    assert out.returncode == 0, out.stderr
    assert "exited" in out.stdout
    assert elapsed < 5, f"took {elapsed:.1f} s to exit"


async def test_progress_view_until_the_story_arrives() -> None:
    gate = threading.Event()

    def slow_build(settings: Settings) -> Story:
        gate.wait(5)
        return tiny_story(settings)

    app = StoryviewApp(build=slow_build)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        screen = app.main
        assert screen.query(BuildProgressView) and screen.grid.has_class("-loading")
        assert "Building the story" in status_text(app)
        gate.set()
        await ready(pilot)
        assert not screen.query(BuildProgressView) and not screen.grid.has_class("-loading")


async def test_a_failed_build_is_reported_and_the_app_lives_on() -> None:
    def broken(settings: Settings) -> Story:
        raise ValueError("no readable articles")

    app = StoryviewApp(build=broken)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if app.main.query("#failure"):
                break
            await pilot.pause(0.02)
        assert any("no readable articles" in m for m in messages)
        assert app.main.query("#failure")
        await pilot.press(*EVERY_KEY)
        assert app.is_running
