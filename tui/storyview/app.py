"""The storyview reader: builds the Story in a worker thread and hands it to the main screen.

The app owns the Story and the Settings that made it; screens only read. A new threshold
makes a new Story in the background while the old one stays on screen and usable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from storyview.messages import BuildFailed, StoryBuilt
from storyview.model import Settings, Story
from storyview.screens.main import MainScreen

THRESHOLD_STEP = 0.05
THRESHOLD_MIN = 0.05
THRESHOLD_MAX = 0.95

Build = Callable[[Settings], Story]


class StoryviewApp(App[None]):
    """Several articles about one story, side by side."""

    CSS_PATH = Path(__file__).with_name("storyview.tcss")  # absolute: subclasses live elsewhere
    TITLE = "storyview"
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Every key, with what it does"),
        Binding("q", "quit", "Quit", tooltip="Quit storyview"),
    ]

    def __init__(self, build: Build, settings: Settings = Settings()) -> None:
        super().__init__()
        self.build = build
        self.settings = settings
        """The settings of the Story on screen (or being built first)."""
        self.story: Story | None = None
        self.pending: Settings | None = None
        """Settings of a rebuild under way, if any."""
        self._generation = 0
        self._warned: set[str] = set()

    @classmethod
    def from_story(cls, story: Story) -> StoryviewApp:
        """An app showing a ready Story; a threshold change re-labels it (for tests and demos)."""
        return cls(build=lambda settings: replace(story, settings=settings), settings=story.settings)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        """The main view (the bottom of the screen stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        # Paint the loading screen first: a CPU-bound build would hold the GIL through it.
        self.call_after_refresh(self._start_build, self.settings)

    # -- building ----------------------------------------------------------------------------------

    def _start_build(self, settings: Settings) -> None:
        self._generation += 1
        self._build(settings, self._generation)

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def _build(self, settings: Settings, generation: int) -> None:
        """Run the (CPU-bound) pipeline off the event loop; report back by message."""
        try:
            story = self.build(settings)
        except Exception as error:  # noqa: BLE001 - any failure is reported, the reader lives on
            self.post_message(BuildFailed(f"{type(error).__name__}: {error}", settings, generation))
        else:
            self.post_message(StoryBuilt(story, settings, generation))

    @on(StoryBuilt)
    def _story_built(self, message: StoryBuilt) -> None:
        if message.generation != self._generation:
            return  # a newer build was asked for since
        self.story = message.story
        self.settings = message.settings
        self.pending = None
        self.main.set_threshold(self.settings.threshold, None)
        self.main.show_story(message.story)
        for warning in message.story.warnings:
            if warning not in self._warned:
                self._warned.add(warning)
                self.notify(warning, title="storyview", severity="warning", timeout=8, markup=False)

    @on(BuildFailed)
    def _build_failed(self, message: BuildFailed) -> None:
        if message.generation != self._generation:
            return
        self.pending = None
        self.main.set_threshold(self.settings.threshold, None)
        self.main.show_failure(message.error)
        self.notify(message.error, title="Could not build the story", severity="error", timeout=10, markup=False)

    def action_threshold(self, steps: int) -> None:
        """Raise/lower the grouping threshold by `steps` × 0.05 and rebuild in the background."""
        base = (self.pending or self.settings).threshold
        value = round(min(THRESHOLD_MAX, max(THRESHOLD_MIN, base + steps * THRESHOLD_STEP)), 2)
        if value == round(base, 2):
            self.notify(f"The threshold stays within {THRESHOLD_MIN:.2f}–{THRESHOLD_MAX:.2f}.", timeout=2)
            return
        self.pending = replace(self.settings, threshold=value)
        self.main.set_threshold(self.settings.threshold, value)
        self._start_build(self.pending)

    # -- help and the command palette ----------------------------------------------------------------

    def action_help(self) -> None:
        from storyview.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key of the screen the palette was opened on (and the app's), by name."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for binding in [*screen.BINDINGS, *self.BINDINGS]:
            if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                continue
            if binding.action in ("quit",):
                continue  # the built-in "Quit" command already does it
            if binding.action.startswith("toggle_source(") and not self._source_exists(binding.action):
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, binding.tooltip or binding.description,
                                partial(screen.run_action, binding.action))

    def _source_exists(self, action: str) -> bool:
        number = int(action.removeprefix("toggle_source(").rstrip(")"))
        return self.story is not None and number <= len(self.story.articles)
