"""What the first build is doing: the stage and how far it got, over a ProgressBar.

Shown by the main view until the first Story arrives; the app shows it the build's
latest progress report a few times a second.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

STAGES = {
    "loading": "Reading the sources",
    "aligning": "Aligning paragraphs",
    "marking": "Marking what only one source says",
}
"""The engine's stages, in order, and what the reader calls them."""


STARTING = "Starting…"
"""What the view says before the build's first report."""


def stage_label(stage: str) -> str:
    """A stage's name for people; an unknown stage is shown as the engine named it."""
    return STAGES.get(stage, stage.capitalize())


class BuildProgressView(Vertical):
    """The stage (step n of 3) and done/total, over a bar that fills in."""

    def compose(self) -> ComposeResult:
        yield Static(STARTING, id="progress-stage", markup=False)
        yield ProgressBar(total=None, show_eta=False, id="progress-bar")
        yield Static("q quits", id="progress-hint", markup=False)

    def restart(self) -> None:
        """Back to the start, for a build that follows another (a story opened from the list
        after the folder was split): the last stage shown is not this build's."""
        self.query_one("#progress-stage", Static).update(STARTING)
        self.query_one(ProgressBar).update(total=None, progress=0)

    def show(self, stage: str, done: int, total: int) -> None:
        """Show `done` of `total` steps of `stage`."""
        order = list(STAGES)
        step = f"step {order.index(stage) + 1}/{len(order)} · " if stage in STAGES else ""
        label = Text.assemble((stage_label(stage), "bold"), f"   {step}{done:,}/{total:,}")
        self.query_one("#progress-stage", Static).update(label)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=min(max(done, 0), max(total, 1)))
