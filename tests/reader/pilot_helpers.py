"""Helpers for driving the reader with Textual's Pilot: wait for a Story, read the screen and the
status line, record notifications, open the findings lists and the export dialog.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from story_factories import seeds_story, tiny_story
from storyview.model import Settings, Story
from storyview.pipeline import build_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.export import ExportScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.status import StatusLine
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Static

SIZE = (120, 40)


def seeds_app(settings: Settings = Settings()) -> StoryviewApp:
    return StoryviewApp(build=seeds_story, settings=settings)


async def ready(pilot: Pilot[Any]) -> None:
    """Wait until the build worker has delivered a Story (and no rebuild is pending)."""
    app = pilot.app
    assert isinstance(app, StoryviewApp)
    for _ in range(300):
        if app.story is not None and app.pending is None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def unfolded_from_the_top(pilot: Pilot[Any]) -> None:
    """Every row shown, in story order, the cursor on the first: where keys about moving start.

    The reader opens folded where many rows hold one source, on the story's lede, with a legend
    in the status line (issue 19); `z` shows every row, `g` goes to the first and ends the legend.
    """
    app = pilot.app
    assert isinstance(app, StoryviewApp)
    if app.main.grid.folding.on:
        await pilot.press("z")
    await pilot.press("g")
    await pilot.pause()
    assert app.main.grid.cursor == 0 and not app.main.legend


def grid_text(app: StoryviewApp) -> str:
    """What the grid shows, as plain text (every line, top to bottom)."""
    grid = app.main.grid
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def status_text(app: StoryviewApp) -> str:

    return str(app.main.query_one(StatusLine).render())


def record_notifications(app: StoryviewApp) -> list[str]:
    """Every notification message from now on (the app still shows them)."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        messages.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return messages


def screen_lines(app: StoryviewApp) -> list[str]:
    """Every cell of the current screen (modals over their background), line by line, as sent."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return ["".join(seg.text for strip in line for seg in strip) for line in update.strips]  # type: ignore[attr-defined]


async def coverage_legend(pilot: Pilot[Any]) -> list[str]:
    """Open the coverage view (c): the screen's lines its legend takes, its heading first."""
    await pilot.press("c")
    await pilot.pause()
    app = pilot.app
    assert isinstance(app.screen, CoverageScreen)
    legend = app.screen.query_one("#coverage-legend", Static)
    return screen_lines(app)[: legend.size.height]  # type: ignore[arg-type]


def screen_text(app: StoryviewApp) -> str:
    return "\n".join(screen_lines(app))


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys; give a screen that was pushed or popped its first frame."""
    before = list(pilot.app.screen_stack)
    await pilot.press(*keys)
    if pilot.app.screen_stack != before:
        await pilot.pause()


def folder_app(tmp_path: Path, files: dict[str, bytes]) -> StoryviewApp:
    """The reader on a folder of files, through the real loader and engine."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return StoryviewApp(build=lambda settings, progress=None: build_story([str(folder)], settings))


WAREHOUSE: dict[str, bytes] = {
    'gazette.txt': "\n\n".join([
        'Fire Guts Harlow Mill Warehouse, Three Injured',
        'By Ana Ortiz',
        '2026-03-14',
        'A fire tore through the Harlow Mill textile warehouse on Dock Street early on Friday, injuring three workers and forcing the evacuation of 40 nearby homes.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes of the first call. "We got there fast, but the building was already fully involved," Marsh said.',
        'The blaze was brought under control by 6 a.m. after 65 firefighters battled it for nearly four hours.',
        'The three injured workers were taken to St. Columba Hospital with smoke inhalation and are in stable condition.',
        'The cause of the fire is under investigation. The owner, Dunmore Textiles, said it was cooperating fully with investigators.\n',
    ]).encode(),
    'metro.txt': "\n\n".join([
        'Three Hurt as Blaze Destroys Harlow Mill',
        'By Raj Patel',
        '2026-03-14',
        'Three workers were injured when fire swept through the Harlow Mill textile warehouse on Dock Street before dawn on Friday, and 40 homes nearby were evacuated.',
        '"We got there fast, but the building was already fully involved," said Fire Chief Lena Marsh, adding that the first engines arrived within eight minutes.',
        'Some 65 firefighters fought the blaze for almost four hours before it was brought under control at 6 a.m.',
        'Dunmore Textiles, which owns the warehouse, said it was cooperating with investigators. The cause has not been determined.\n',
    ]).encode(),
    'valley.txt': "\n\n".join([
        'Workers Say Alarms Failed in Harlow Mill Fire',
        'By Chen Wu',
        '2026-03-15',
        "Five workers were hurt in Friday's fire at the Harlow Mill warehouse on Dock Street, according to a union representative, who said the building's fire alarms did not sound.",
        '"The alarms never went off. We smelled smoke before anyone told us to get out," said forklift operator Dana Reyes, who escaped through a loading bay.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes and that 65 firefighters battled the blaze for nearly four hours.',
        'Dunmore Textiles did not respond to questions about the alarm system. The cause of the fire is under investigation.\n',
    ]).encode(),
    'wire.md': "\n\n".join([
        '---\ntitle: Harlow Mill warehouse fire injures three\ndate: 2026-03-14\nauthor: Staff\nsite: Wire Service\n---',
        '# Harlow Mill warehouse fire injures three',
        'A fire tore through the Harlow Mill textile warehouse on Dock Street early Friday, injuring three workers and forcing the evacuation of 40 nearby homes.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes. "We got there fast, but the building was already fully involved," she said.',
        'The fire was brought under control by 6 a.m. after 65 firefighters fought it for nearly four hours. The cause is under investigation.\n',
    ]).encode(),
}


def warehouse_app(tmp_path: Path) -> StoryviewApp:
    return folder_app(tmp_path, WAREHOUSE)


EVERY_KEY = ["j", "k", "G", "g", "pagedown", "pageup", "l", "h", "tab", "n", "N", "1", "x", "0", "b", "s", "b", "s"]


async def analysed(pilot: Pilot[Any]) -> None:
    """The story is built and its analysis is done."""
    await ready(pilot)
    app = pilot.app
    assert isinstance(app, StoryviewApp)
    job = app.analysis_job()
    assert job is not None
    for _ in range(500):
        if job.done:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def open_list(pilot: Pilot[Any], key: str) -> Any:
    """Press Q/F/W and wait until the list shows the analysis."""
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    for _ in range(500):
        if not screen.view.loading and (screen.view.ready or screen.error):
            break
        await pilot.pause(0.01)
    return screen


Progress = Callable[[str, int, int], None]


class SlowBuild:
    """A build that reports progress in a loop and can be held at a step or run (almost) forever."""

    def __init__(self, steps: int = 10, delay: float = 0.0, hold_at: tuple[str, int] | None = None) -> None:
        self.steps, self.delay, self.hold_at = steps, delay, hold_at
        self.gate = threading.Event()
        self.held = threading.Event()
        self.ended = threading.Event()
        """Set when the build function returns or raises, whichever way it ends."""
        self.raised: BaseException | None = None
        self.calls = 0

    def __call__(self, settings: Settings, progress: Progress | None = None) -> Story:
        assert progress is not None, "the app passes a progress callback to a build that takes one"
        self.calls += 1
        try:
            for stage in ("loading", "aligning", "marking"):
                for done in range(self.steps + 1):
                    progress(stage, done, self.steps)
                    if self.hold_at == (stage, done):
                        self.held.set()
                        while not self.gate.wait(0.02):  # held, but a cancelled app still ends it
                            progress(stage, done, self.steps)
                    if self.delay:
                        time.sleep(self.delay)
            return tiny_story(settings)
        except BaseException as error:
            self.raised = error
            raise
        finally:
            self.ended.set()


async def open_export(pilot: Pilot[Any]) -> ExportScreen:
    """Press e in the main view and return the export dialog it opens."""
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportScreen)
    return dialog


async def export(pilot: Pilot[Any], *keys: str, dialog_open: bool = False, wait_for: int = 1) -> list[str]:
    """Press e (unless the dialog is open), then `keys` in the dialog; wait until the app has said
    how the export went, and return what it said."""
    app = pilot.app
    messages = record_notifications(app)  # type: ignore[arg-type]
    if not dialog_open:
        await open_export(pilot)
    assert isinstance(app.screen, ExportScreen)
    await pilot.press(*keys)
    for _ in range(500):
        if len(messages) >= wait_for:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    return messages


def reading_status(screen: ReadingScreen) -> str:
    return str(screen.query_one("#reading-status", Static).render())


async def burst(pilot: Pilot[Any], *keys: str) -> None:
    """Keys as a terminal delivers a paste or fast typing: all queued at once, none waiting for
    the one before it to be handled (Pilot.press waits between keys, and so hides what is lost)."""
    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()
