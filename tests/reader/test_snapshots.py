"""What the reader looks like on the real seeds: each view at 120x40 and 80x24.

Baselines live in tests/reader/__snapshots__/; after a deliberate UI change, look at the report and
accept with `pytest tests/reader/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import SlowBuild, analysed, ready, seeds_app
from story_factories import wide_story
from storyview.reader.app import StoryviewApp
from textual.pilot import Pilot
from textual.widgets import ProgressBar

VIEWS: dict[str, list[str]] = {
    "main": [],
    "reading": ["l", "j", "r", "n"],
    "detail": ["j", "j", "j", "enter"],
    "coverage": ["j", "j", "c"],
    "help": ["question_mark"],
}
SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
FINDINGS: dict[str, list[str]] = {
    "quotes": ["Q", "l", "l"],  # the first quote, its longer version chosen
    "figures": ["F", "j"],  # 10,000 against "thousands"
    "rewrites": ["W"],  # 001 reads as a rewrite of 000
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_view(snap_compare: Any, view: str, size: str) -> None:
    assert snap_compare(seeds_app(), press=VIEWS[view], terminal_size=SIZES[size], run_before=ready)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", FINDINGS)
def test_findings(snap_compare: Any, view: str, size: str) -> None:
    """The quotes, figures and rewrites lists, once the analysis is there."""
    assert snap_compare(seeds_app(), press=FINDINGS[view], terminal_size=SIZES[size], run_before=analysed)


def test_search_and_shading(snap_compare: Any) -> None:
    """A search highlighted (current match reversed) over text shaded by how many sources share it."""
    keys = ["s", "slash", *"mamdani", "enter", "n"]
    assert snap_compare(seeds_app(), press=keys, terminal_size=(120, 40), run_before=ready)


def test_light_theme(snap_compare: Any) -> None:
    """Unique text stays legible on a light theme."""

    async def light(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await ready(pilot)

    assert snap_compare(seeds_app(), press=["j", "j", "j", "l"], terminal_size=(120, 40), run_before=light)


def test_progress_while_the_story_is_built(snap_compare: Any) -> None:
    """The first screen: the stage, done/total and a bar, while the engine works."""
    app = StoryviewApp(build=SlowBuild(steps=10, hold_at=("aligning", 3)))

    async def held(pilot: Pilot[Any]) -> None:
        for _ in range(250):
            bars = pilot.app.query(ProgressBar)
            if bars and bars.first().progress == 3:
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=held)


def test_coverage_of_many_sources(snap_compare: Any) -> None:
    """Sixty sources: a window of columns around the focused one, which l moves."""
    app = StoryviewApp.from_story(wide_story(sources=60, groups=12))
    assert snap_compare(app, press=["c", *"l" * 30, "j"], terminal_size=(100, 24), run_before=ready)
