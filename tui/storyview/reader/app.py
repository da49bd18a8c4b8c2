"""The storyview reader: builds the Story in a worker thread and hands it to the main screen.

The app owns the Story and the Settings that made it; screens only read. A new threshold
makes a new Story in the background while the old one stays on screen and usable.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import inspect
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import get_current_worker

from storyview.model import Collection, Settings, Story, counted
from storyview.reader.messages import AnalysisDone, BuildFailed, CollectionBuilt, ExportDone, StoryBuilt
from storyview.reader.screens.main import MainScreen
from storyview.reader.typeahead import settle

if TYPE_CHECKING:
    from textual.command import Provider

    from storyview.findings.analysis import Analysis
    from storyview.model import Pin
    from storyview.pinstore import PinStore
    from storyview.batch.opened import BatchShares
    from storyview.pipeline import SharesInBackground

THRESHOLD_STEP = 0.05
THRESHOLD_MIN = 0.05
THRESHOLD_MAX = 0.95

TOAST_NOTES = 1
"""Notes a toast shows at once; it counts the rest, which `!` lists."""
PROGRESS_INTERVAL = 0.05
"""Seconds between two looks at a running build's progress."""

ALWAYS_ACT = frozenset({"ctrl+c", "ctrl+q"})
"""Keys that quit whatever waits: never held while a story is built."""
ACT_WHILE_BUILDING = frozenset({"q", "escape", "question_mark"})
"""Keys that act while a story is built (quit, back to the list, help), unless typed after others
that wait for the story: then they are part of what was typed."""

SAVE_TITLE, RESTORE_TITLE = "\x1b[22;2t", "\x1b[23;2t"
"""xterm's title stack: the terminal's own title comes back when the reader quits."""

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total), called by the engine from the worker thread."""
Build = Callable[..., Story]
"""build(settings) or build(settings, progress) -> Story."""
Gather = Callable[[Progress | None], Collection]
"""gather(progress) -> the folder read and split into stories, none aligned."""
AlignOne = Callable[[Collection, int, Settings, Progress | None], Story]
"""align(collection, story id, settings, progress) -> that story aligned on its own."""


def story_title(story: Story) -> str:
    """What the terminal's title says of an open story: how it starts, and who tells it (or,
    where every file was skipped, what the screen says)."""
    sources = len(story.articles)
    if not sources:
        return "no usable sources"
    return f"{story.title or 'untitled'} · {sources} source{'' if sources == 1 else 's'}"


class BuildReport:
    """The latest progress(stage, done, total) of one build, written by its thread, read by a timer.

    Polling a value instead of posting a message per call: the engine may report thousands of
    steps a second, the screen needs twenty, and the last report is never lost.
    """

    def __init__(self) -> None:
        self.latest: tuple[str, int, int] | None = None
        self.shown: tuple[str, int, int] | None = None


T = TypeVar("T")


def off_the_loop(work: Callable[[], T]) -> asyncio.Future[T]:
    """`work()` on a daemon thread of its own, awaited by an async worker.

    Textual runs a thread worker on asyncio's default executor, which the app joins as it exits:
    a build in an engine step that calls no `progress` for a while (two sources of 3 MB: minutes)
    held the process after `q`, on a blank screen (try23). A daemon thread holds nothing: once the
    worker is cancelled, nobody waits for it, and it stops at its next `progress`.
    """
    done: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        if not done.set_running_or_notify_cancel():
            return
        try:
            done.set_result(work())
        except BaseException as error:  # noqa: BLE001 - handed to whoever awaits it
            done.set_exception(error)

    threading.Thread(target=run, name="storyview build", daemon=True).start()
    return asyncio.wrap_future(done)


class BuildCancelled(BaseException):
    """Raised by the progress callback once the build's worker is cancelled (quit, newer build).

    A BaseException, so that an engine step catching `Exception` (to warn about one bad file,
    say) does not swallow it: the build must stop, not carry on without its progress.
    """


class AnalysisJob:
    """The Analysis (quotes, figures, rewrites) of one Story, computed once, off the event loop.

    `storyview.findings.analysis.analyse` runs in a daemon thread rather than a Textual worker: it has no
    way to stop midway, and a worker thread would hold a quitting reader open until it ended
    (seconds on a story of hundreds of sources). The result is posted back as AnalysisDone;
    the export worker waits for it with `wait()`, so the reader computes it once.
    """

    def __init__(self, story: Story, app: App[Any]) -> None:
        self.story = story
        self.analysis: Analysis | None = None
        self.error: str | None = None
        self._done = threading.Event()
        self._app = app
        threading.Thread(target=self._run, name="storyview analysis", daemon=True).start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _run(self) -> None:
        try:
            from storyview.findings.analysis import analyse

            self.analysis = analyse(self.story)
        except Exception as error:  # noqa: BLE001 - shown to the reader, who lives on
            self.error = one_line(f"{type(error).__name__}: {error}")
        finally:
            self._done.set()
        try:
            self._app.post_message(AnalysisDone(self.story, self.analysis, self.error))
        except RuntimeError:  # the app quit (its loop is closed): nobody is waiting
            pass

    def wait(self, cancelled: Callable[[], bool] = lambda: False) -> Analysis:
        """The analysis (blocks until it is ready; for worker threads only). Raises BuildCancelled
        as soon as `cancelled()` says so, so a quitting app does not wait for it."""
        while not self._done.wait(0.05):
            if cancelled():
                raise BuildCancelled
        if self.analysis is None:
            raise RuntimeError(self.error or "the analysis failed")
        return self.analysis


def one_line(text: str) -> str:
    """A message on one line for a notification, any character a terminal could act on made visible."""
    from storyview.inputs.text import shown

    return shown(" ".join(text.split()))


def takes_progress(build: Build) -> bool:
    """Whether `build` accepts a progress callback as its second argument."""
    try:
        parameters = list(inspect.signature(build).parameters.values())
    except (TypeError, ValueError):  # a builtin or C callable: call it the plain way
        return False
    if any(p.kind is p.VAR_POSITIONAL for p in parameters):
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2


def _binding_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not on start-up)."""
    from storyview.reader.commands import BindingCommands

    return BindingCommands


class StoryviewApp(App[None]):
    """Several articles about one story, side by side."""

    CSS_PATH = Path(__file__).with_name("storyview.tcss")  # absolute: subclasses live elsewhere
    TITLE = "storyview"
    COMMANDS = {lambda: _binding_commands()}
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Every key, with what it does"),
        Binding("q,ctrl+c", "quit", "Quit", tooltip="Quit storyview (at once, even while it is aligning)"),
        # The help and the footer list q and ctrl+c together above; ctrl+c is served first by this
        # one, from every screen, a dialog or a text field too (where it would copy), and exits 130,
        # as an interrupted command does.
        Binding("ctrl+c", "interrupt", show=False, priority=True, system=True),
        Binding("escape", "stories", "Stories", tooltip="Back to the list of the folder's stories (a folder of several)"),
        Binding("exclamation_mark", "notes", "Notes", show=False,
                tooltip="Every note on loading and aligning: files skipped, subfolders not read, sources apart"),
    ]

    def __init__(
        self,
        build: Build,
        settings: Settings = Settings(),
        inputs: Sequence[str] = (),
        pins: PinStore | None = None,
        gather: Gather | None = None,
        align: AlignOne | None = None,
        story: int | None = None,
        shares: Mapping[int, float] | None = None,
        no_pins: str | None = None,
        background: Callable[[], SharesInBackground | BatchShares] | None = None,
    ) -> None:
        super().__init__()
        self.build = build
        self.pins = pins
        """Where the reader's pins and breaks are kept (None: --ignore-pins, or a story made by hand)."""
        self.no_pins = no_pins
        """Why there is no pins store, said when p or u is pressed (None: p and u are not offered)."""
        self.gather = gather
        """Stories first: reads and splits the folder; then `align` builds each story opened."""
        self.align = align
        self.collection: Collection | None = None
        self.story_id = story
        """The story of the collection on screen (or asked for with --story)."""
        self._shares: dict[int, float] = dict(shares or {})
        """Each story's share of unique text, once known (a batch knows them all before)."""
        self.make_background = background
        """Makes what aligns the list's stories while the user reads, for their unique share
        (None: only the stories opened get one); made for each run, with the pins as they are
        then, once the list is up (off the start-up path)."""
        self.background: SharesInBackground | BatchShares | None = None
        self._background_settings: Settings | None = None
        self._shares_at = settings
        """The settings `_shares` were worked out at: other settings (+/-) make them stale."""
        self._built: set[int] = set()
        """The stories whose share came from their own build at `_shares_at` (pins followed): the
        background's never replaces it."""
        self.inputs = tuple(inputs)
        """What the user asked to read (files, folders): an export refuses to overwrite them."""
        self.settings = settings
        self.first_threshold = settings.threshold
        """The settings of the Story on screen (or being built first)."""
        self.story: Story | None = None
        self.pending: Settings | None = None
        """Settings of a rebuild under way, if any."""
        self._generation = 0
        self._warned: set[str] = set()
        """Every note a toast has said (none is said twice, as a story is realigned)."""
        self.narrow_reading = False
        self._froze = False
        """Whether this app has frozen the garbage collector's view of a Story (see _settle_memory)."""
        """Reading mode at a comfortable measure (w toggles it) rather than the full width."""
        self._report: BuildReport | None = None
        """What the current build last reported."""
        self._poll: Timer | None = None
        """Shows the current build's progress while one runs."""
        self._analysis: AnalysisJob | None = None
        """The analysis of the Story on screen, once asked for."""
        self._held: list[events.Key] = []
        """Keys typed while the first story is built, handed to it once it shows (see on_event)."""

    @classmethod
    def from_story(cls, story: Story) -> StoryviewApp:
        """An app showing a ready Story; a threshold change re-labels it (for tests and demos)."""
        return cls(build=lambda settings, progress=None: replace(story, settings=settings), settings=story.settings)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        """The main view (the bottom of the screen stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        self._terminal(SAVE_TITLE)
        self.sub_title = "reading…"
        # Paint the loading screen first: a CPU-bound build would hold the GIL through it.
        if self.gather is not None:
            self.call_after_refresh(self._start_gather)
        else:
            self.call_after_refresh(self._start_build, self.settings)

    async def on_event(self, event: events.Event) -> None:
        """Keys typed before the story's screen can take them wait for it: `/tories` typed just
        after opening a story lost its `/` (no story to search yet) and ran "tories" as commands
        once the story showed (try24). Ctrl+c and ctrl+q always act, and q, escape and ? do while
        nothing waits; then escape forgets what waits."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._holding_keys() and event.key not in ALWAYS_ACT:
            if event.key == "escape" and self._held:
                self._held = []
                self.notify("Forgotten: the keys typed while the story is built.", timeout=3)
                return
            if self._held or event.key not in ACT_WHILE_BUILDING:
                if not self._held:
                    self.notify("The story is still being built: what you type waits for it (escape forgets it).",
                                timeout=4)
                self._held.append(event)
                return
        await self._take_key(event)

    async def _take_key(self, key: events.Key) -> None:
        """Give out one key; one typed in a text box is handled before the next (see typeahead).

        A box's enter or escape is a plain binding, which Textual runs only once the key has gone
        through the box and back up to the app's queue, behind the keys typed after it: here it
        runs at once, as Textual would have run it then.
        """
        box = self.focused if isinstance(self.focused, Input) else None
        if box is None:
            await super().on_event(key)
            return
        screen = box.screen  # the key may close it
        if key.is_printable or not (await self._check_bindings(key.key, priority=True)
                                    or await self._check_bindings(key.key)):
            await super().on_event(key)
        await settle(box, screen)

    def _holding_keys(self) -> bool:
        """Is a story (or the folder) being read for a main screen that has none to show yet? So
        too before the reading starts, after the first frame: keys typed as the command started
        came in then, and were lost (try30: `j j enter` 0.3 s after launch)."""
        waiting = self._report is not None or self._generation == 0  # 0: no reading has begun
        return waiting and isinstance(self.screen, MainScreen) and self.main.index is None

    async def _release_keys(self) -> None:
        """Hand the keys that waited to the screen now on top, in the order they were typed,
        before any key typed since (this runs in the app's own handler, ahead of its queue)."""
        held, self._held = self._held, []
        for key in held:
            await self._take_key(key)

    # -- stories first: the folder split into stories, each aligned when first opened ----------------

    def _start_gather(self) -> None:
        self._generation += 1
        report = BuildReport()
        self._report = report
        self._gather(self._generation, report)
        if self._poll is None:
            self._poll = self.set_interval(PROGRESS_INTERVAL, self._show_progress, name="build progress")

    @work(exclusive=True, group="build", exit_on_error=False)
    async def _gather(self, generation: int, report: BuildReport) -> None:
        """Read and split the folder off the event loop (`off_the_loop`); nothing is aligned here."""
        worker = get_current_worker()

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise BuildCancelled
            report.latest = (stage, done, total)

        gather = self.gather
        assert gather is not None
        try:
            collection = await off_the_loop(lambda: gather(progress))
        except BuildCancelled:
            return
        except Exception as error:  # noqa: BLE001 - any failure is reported, the reader lives on
            if not worker.is_cancelled:
                self.post_message(BuildFailed(f"{type(error).__name__}: {error}", self.settings, generation))
        else:
            self.post_message(CollectionBuilt(collection, generation))

    @on(CollectionBuilt)
    async def _collection_built(self, message: CollectionBuilt) -> None:
        """One story opens straight into the side-by-side view; several open the story list."""
        if message.generation != self._generation:
            return
        self._build_ended()
        collection = message.collection
        self.collection = collection
        self._warn(collection.warnings)
        wanted = self.story_id
        if wanted is not None and not any(s.id == wanted for s in collection.stories):
            self.notify(f"There is no story {wanted}: the folder has {len(collection.stories)}.",
                        severity="warning", timeout=8, markup=False)
            wanted = None
        if wanted is None and len(collection.stories) == 1:
            wanted = collection.stories[0].id
        if len(collection.stories) > 1:
            from storyview.reader.screens.stories import StoriesScreen

            stories = StoriesScreen(collection)
            stories.shares.update(self._shares)
            self.install_screen(stories, name="stories")
            self._fill_shares(self.settings)
        if wanted is not None:
            self.open_story(wanted)  # the keys typed so far wait on for that story
        elif collection.stories:
            await self.push_screen("stories")
            await self._release_keys()  # "/blair" typed while the folder was read filters the list
        else:
            self.main.show_failure("nothing to read")
            self.sub_title = "nothing to read"
            self._held = []

    def open_story(self, story_id: int) -> None:
        """Show story `story_id` side by side, aligning it in a worker (with progress) first."""
        collection, align = self.collection, self.align
        assert collection is not None and align is not None
        if self._listing():
            self.pop_screen()
        if story_id == self.story_id and self.story is not None and self.story.id == story_id:
            self.sub_title = story_title(self.story)  # already on screen: the title says so again
            return
        self.story_id = story_id
        self.build = lambda settings, progress=None: align(collection, story_id, settings, progress)
        if self.story is not None:
            self.story = None
            self._analysis = None
            self.main.reset()
        else:
            self.main.restart_progress()  # the folder's split was shown there last
        self.pending = None
        self._start_build(self.settings)

    def action_stories(self) -> None:
        """Back to the story list (a folder of several stories)."""
        if self.several_stories and not self._listing():
            self.push_screen("stories")

    def _listing(self) -> bool:
        """Is the story list on screen?"""
        from storyview.reader.screens.stories import StoriesScreen

        return isinstance(self.screen, StoriesScreen)

    @property
    def several_stories(self) -> bool:
        return self.collection is not None and len(self.collection.stories) > 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"Stories" only from the side-by-side view of a folder of several stories (escape
        elsewhere closes what is open)."""
        if action == "stories":
            return self.several_stories and isinstance(self.screen, MainScreen) and self.main.search_query is None
        return True

    # -- building ----------------------------------------------------------------------------------

    def _start_build(self, settings: Settings) -> None:
        self._generation += 1
        report = BuildReport()
        self._report = report
        self._build(settings, self._generation, report)
        if self._poll is None:
            self._poll = self.set_interval(PROGRESS_INTERVAL, self._show_progress, name="build progress")

    @work(exclusive=True, group="build", exit_on_error=False)
    async def _build(self, settings: Settings, generation: int, report: BuildReport) -> None:
        """Run the (CPU-bound) pipeline off the event loop (`off_the_loop`); the Story (or the
        error) comes back by message.

        The engine calls `progress` as it goes; once this worker is cancelled (the app quits, or
        a newer build replaces this one) the next call raises, so the thread ends at its next
        step; and since it is a daemon thread, a quitting app does not wait even for that.
        """
        worker = get_current_worker()

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise BuildCancelled
            report.latest = (stage, done, total)  # one assignment: the UI reads it whole

        build = self.build
        try:
            story = await off_the_loop(lambda: build(settings, progress) if takes_progress(build) else build(settings))
        except BuildCancelled:
            return
        except Exception as error:  # noqa: BLE001 - any failure is reported, the reader lives on
            if not worker.is_cancelled:
                self.post_message(BuildFailed(f"{type(error).__name__}: {error}", settings, generation))
        else:
            self.post_message(StoryBuilt(story, settings, generation))

    def _show_progress(self) -> None:
        """Timer: show the current build's latest report, if it changed since the last tick."""
        report = self._report
        if report is not None and report.latest is not None and report.latest != report.shown:
            report.shown = report.latest
            self.main.show_progress(*report.shown)

    def _build_ended(self) -> None:
        self._report = None
        if self._poll is not None:
            self._poll.stop()
            self._poll = None

    @on(StoryBuilt)
    async def _story_built(self, message: StoryBuilt) -> None:
        """Show the new Story; then take what is alive now out of the cyclic garbage collector.

        A Story of hundreds of articles is hundreds of thousands of objects that live as long as
        it is shown; a full collection scanning them all paused a key press by 30-120 ms
        (benchmarks/bench_keys.py). The engine leaves no cyclic garbage behind, and the Story
        has no cycles, so reference counting still frees it when a rebuild replaces it.
        """
        if message.generation != self._generation:
            return  # a newer build was asked for since
        self._build_ended()
        self.story = message.story
        self.settings = message.settings
        self.pending = None
        if self.several_stories:
            if message.settings != self._shares_at:  # +/-: every other share was at the old threshold
                self._shares_at = message.settings
                self._shares, self._built = {}, set()
                self.get_screen("stories").clear_shares()  # type: ignore[attr-defined]
            self._built.add(message.story.id)
            self._share_known(message.story.id, message.story.unique_share)
            if message.settings != self._background_settings:
                self._fill_shares(message.settings)
        self.main.set_threshold(self.settings.threshold, None)
        self.main.show_story(message.story)
        if not self._listing():  # escape went back to the list while it was built: the title stays the list's
            self.sub_title = story_title(message.story)
        if self._analysis is not None and self._analysis.story is not message.story:
            self._analysis = None  # a new Story has its own quotes, figures and rewrites
            for screen in self._findings_screens():
                screen.reload(self.main.index)
        self.call_after_refresh(self._settle_memory)
        self._warn(message.story.warnings)
        await self._release_keys()

    def _share_known(self, story_id: int, share: float) -> None:
        self._shares[story_id] = share
        self.get_screen("stories").set_share(story_id, share)  # type: ignore[attr-defined]

    @work(exclusive=True, group="shares", exit_on_error=False)
    async def _fill_shares(self, settings: Settings) -> None:
        """The unique share of every story told by several sources, aligned in the background
        (`SharesInBackground`), in the list's order; anew at other settings (+/-). A story
        built meanwhile has its share from its own build, which is never replaced. Where a share
        cannot be had (no process could start), the list shows "—" as before."""
        collection = self.collection
        if self.make_background is None or collection is None or self._background_settings == settings:
            return
        self._background_settings = settings
        from storyview.reader.widgets.storylist import story_rows

        wanted = [row.id for row in story_rows(collection, {}) if not row.single and row.id not in self._built]
        run = None
        try:
            if self.background is not None:
                self.background.stop()
            self.background = self.make_background()  # the pins as they are now
            run = self.background.start(collection, wanted, settings)
            for story_id, share in run.shares:
                value = await asyncio.wrap_future(share)
                if self._shares_at == settings and story_id not in self._built:
                    self._share_known(story_id, value)
        except Exception:  # noqa: BLE001 - a share not known stays "—": nothing the reader needs
            pass
        finally:
            if run is not None:
                run.stop()

    def _warn(self, warnings: Sequence[str]) -> None:
        """The notes not shown before, in one toast: the first TOAST_NOTES, then how many more
        (a toast each stacked up over the grid: on an 80x24 screen, three covered half of it
        for eight seconds). `!` lists them all."""
        new = [w for w in dict.fromkeys(warnings) if w not in self._warned]
        if not new:
            return
        self._warned.update(new)
        new.sort(key=lambda w: ": skipped" in w)  # what the story is ("nothing to compare") before a file left out
        lines = new if len(new) <= TOAST_NOTES + 1 else new[:TOAST_NOTES]  # never "… and 1 more"
        if len(new) > len(lines):
            lines.append(f"… and {counted(len(new) - len(lines), 'more note')}: ! lists them all")
        self.notify("\n".join(lines), title="storyview", severity="warning", timeout=8, markup=False)

    def _settle_memory(self) -> None:
        """Freeze what is alive (see _story_built); after a rebuild, first let the collector free
        what the last freeze kept that is garbage now (evicted caches, the old Story's rows)."""
        if self._froze:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self._froze = True

    def watch_sub_title(self, sub_title: str) -> None:
        """The terminal's window (or tab) title says which story is open, as an editor's says
        which file: a reader with several terminals finds this one by it."""
        text = f"{self.title} · {sub_title}" if sub_title else self.title
        self._terminal(f"\x1b]2;{''.join(c for c in text if c.isprintable())}\x07")

    def _terminal(self, sequence: str) -> None:
        """Write a control sequence to a real terminal (as Textual's own clipboard copy does)."""
        driver = self._driver
        if driver is not None and not driver.is_headless and not driver.is_web:
            driver.write(sequence)

    def on_unmount(self) -> None:
        if self.background is not None:
            self.background.stop()
        self._terminal(RESTORE_TITLE)
        if self._froze:  # what this app froze goes back to the collector (tests run many apps)
            gc.unfreeze()
            self._froze = False

    @on(BuildFailed)
    def _build_failed(self, message: BuildFailed) -> None:
        if message.generation != self._generation:
            return
        self._build_ended()
        self.pending = None
        self.main.set_threshold(self.settings.threshold, None)
        self.main.show_failure(message.error)
        self._held = []  # no story took them: dropped whole, not run as other commands
        self.sub_title = "could not build the story"
        self.notify(message.error, title="Could not build the story", severity="error", timeout=10, markup=False)

    def action_threshold(self, steps: int) -> None:
        """Raise/lower the grouping threshold by `steps` × 0.05 and rebuild in the background.

        Values stay on the grid of steps from the threshold the reader opened with, so the way
        back always leads to it.
        """
        base = (self.pending or self.settings).threshold
        at = round((base - self.first_threshold) / THRESHOLD_STEP)
        value = round(self.first_threshold + (at + steps) * THRESHOLD_STEP, 2)
        if not THRESHOLD_MIN - 1e-9 <= value <= THRESHOLD_MAX + 1e-9:
            first = self.first_threshold
            lowest = first - int((first - THRESHOLD_MIN + 1e-9) / THRESHOLD_STEP) * THRESHOLD_STEP
            highest = first + int((THRESHOLD_MAX - first + 1e-9) / THRESHOLD_STEP) * THRESHOLD_STEP
            self.notify(f"The threshold stays within {lowest:.2f}–{highest:.2f}.", timeout=2)
            return
        self.pending = replace(self.settings, threshold=value)
        self.main.set_threshold(self.settings.threshold, value)
        self._start_build(self.pending)

    def pin(self, pins: Sequence[Pin]) -> bool:
        """Keep pins or breaks (p / u in the detail view) and realign with them; whether they were kept."""
        if self.pins is None or self.story is None:
            self.notify("Pins are off (--ignore-pins): nothing is kept.", timeout=4)
            return False
        try:
            warnings = [w for pin in pins for w in self.pins.add(pin, self.story.articles)]
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(one_line(f"{self.pins.path}: {reason}"), title="Could not save the pin", severity="error",
                        timeout=8, markup=False)
            return False
        for warning in warnings:
            self.notify(one_line(warning), title="storyview", severity="warning", timeout=8, markup=False)
        self._start_build(self.pending or self.settings)
        return True

    # -- the analysis: quotes, figures, rewrites -----------------------------------------------------

    def analysis_job(self) -> AnalysisJob | None:
        """The analysis of the Story on screen, started on first use; None before there is a Story."""
        if self.story is None:
            return None
        if self._analysis is None or self._analysis.story is not self.story:
            self._analysis = AnalysisJob(self.story, self)
        return self._analysis

    def _findings_screens(self) -> list[Any]:
        from storyview.reader.screens.findings import FindingsScreen

        return [screen for screen in self.screen_stack if isinstance(screen, FindingsScreen)]

    @on(AnalysisDone)
    def _analysis_done(self, message: AnalysisDone) -> None:
        if message.story is not self.story:
            return  # the Story it was for has been replaced since
        for screen in self._findings_screens():
            screen.show_analysis(message.analysis, message.error)
        if message.error is not None:
            self.notify(message.error, title="Could not analyse the story", severity="error", timeout=10, markup=False)

    # -- export ------------------------------------------------------------------------------------

    def export(self, fmt: str, path: str) -> None:
        """Write the Story on screen as `fmt` ("html", "md", "json" or "tei") to `path`, in a worker."""
        job = self.analysis_job()
        if job is None:
            self.notify("The story is still being built.", timeout=3)
            return
        inputs = [*self.inputs, *(article.path for article in job.story.articles)]
        self._export(job, fmt, path, inputs)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, job: AnalysisJob, fmt: str, path: str, inputs: list[str]) -> None:
        """Render and write atomically (never over an input); the outcome comes back by message."""
        from storyview.exports.files import RefusedWrite, resolved, write_atomic
        from storyview.exports.json_export import to_json
        from storyview.inputs.text import shown
        from storyview.exports.html import to_html
        from storyview.exports.markdown import markdown
        from storyview.exports.tei import to_tei

        target = str(Path(path).expanduser())
        worker = get_current_worker()
        try:
            analysis = job.wait(lambda: worker.is_cancelled)
            if fmt == "json":
                text = to_json(job.story) + "\n"  # the same Story object: analyse() remembers it
            elif fmt == "md":
                text = markdown(job.story, analysis)
            elif fmt == "tei":
                text = to_tei(job.story)
            else:
                text = to_html(job.story, analysis)
            write_atomic(target, text, inputs)
        except BuildCancelled:
            return  # the app is quitting: nothing written, nobody to tell
        except RefusedWrite as error:
            self.post_message(ExportDone(target, one_line(str(error))))
        except OSError as error:  # the target's name, and why (not the temporary file's name)
            reason = f"{shown(target)}: {error.strerror}" if error.strerror else str(error)
            self.post_message(ExportDone(target, one_line(reason)))
        except Exception as error:  # noqa: BLE001 - any failure is reported, the reader lives on
            self.post_message(ExportDone(target, one_line(f"{type(error).__name__}: {error}")))
        else:
            self.post_message(ExportDone(shown(resolved(target))))

    @on(ExportDone)
    def _export_done(self, message: ExportDone) -> None:
        if message.error is None:
            self.notify(f"wrote {message.path}", title="Export", timeout=6, markup=False)
        else:
            self.notify(message.error, title="Could not export", severity="error", timeout=10, markup=False)

    # -- help and the command palette ----------------------------------------------------------------

    def action_notes(self) -> None:
        from storyview.reader.screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):
            self.clear_notifications()  # the toast that points here would cover the list
            self.push_screen(NotesScreen(self.notes()))

    def notes(self) -> list[str]:
        """The notes on what is open: the folder's (loading), and the open story's but over the
        story list (a note on another story's sources would name what is not on screen)."""
        folder = self.collection.warnings if self.collection is not None else ()
        story = self.story.warnings if self.story is not None and not self._listing() else ()
        return list(dict.fromkeys([*folder, *story]))

    def action_help(self) -> None:
        from storyview.reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit: exit 1 where nothing usable was read (as `--json` does), 0 otherwise."""
        story = self.story
        self.exit(return_code=1 if story is not None and not story.articles and not self.several_stories else 0)

    def action_interrupt(self) -> None:
        self.exit(return_code=130)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key of the screen the palette was opened on (and the app's), by name; Textual's
        own, less its key panel (the help screen, ?, lists every key, and escape closes it) and
        its maximize (try25: the view is the whole screen), with a screenshot saved where
        storyview was started."""
        for command in super().get_system_commands(screen):
            if command.title in ("Keys", "Maximize", "Minimize"):
                continue  # the help screen lists every key; the view fills the screen already
            if command.title == "Screenshot":
                command = SystemCommand(command.title, "Save an SVG picture of the screen in the current folder",
                                        self._screenshot_here)
            yield command
        seen: set[str] = set()
        for binding in [*screen.BINDINGS, *self.BINDINGS]:
            if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                continue
            if binding.action in ("quit",):
                continue  # the built-in "Quit" command already does it
            if screen.check_action(binding.action, ()) is False:
                continue  # not now: "Clear search" with no search
            if binding in self.BINDINGS and self.check_action(binding.action, ()) is False:
                continue  # "Stories" in a folder of one story
            title = binding.description
            if binding.action.startswith("toggle_source("):
                name = self._source_name(binding.action)
                if name is None:
                    continue
                title = f"{title}: {name}"
            seen.add(binding.action)
            yield SystemCommand(title, binding.tooltip or binding.description,
                                partial(screen.run_action, binding.action))

    def _screenshot_here(self) -> None:
        """The screen as SVG in the current folder (Textual's own went to a Downloads folder
        that may not exist, and failed)."""
        try:
            path = self.save_screenshot(path=os.getcwd())
        except OSError as error:
            self.notify(f"{error.strerror or error}", title="Could not save the screenshot", severity="error",
                        timeout=10, markup=False)
        else:
            self.notify(f"wrote {path}", title="Screenshot", timeout=6, markup=False)

    def _source_name(self, action: str) -> str | None:
        """The name of the source a toggle_source(N) action hides or shows, if there is one."""
        number = int(action.removeprefix("toggle_source(").rstrip(")"))
        if self.story is None or not 1 <= number <= len(self.story.articles):
            return None
        name = self.story.articles[number - 1].name
        return name if len(name) <= 40 else name[:39] + "…"
