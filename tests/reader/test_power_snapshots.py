"""What the power tools look like on the seeds: the pin and take-out dialogs, and a base source.

Baselines in tests/reader/__snapshots__/; after a deliberate change, look at the SVG and accept
with `pytest tests/reader/test_power_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from storyview.model import Progress, Settings, Story
from storyview.pinstore import PinStore
from storyview.pipeline import build_story
from storyview.reader.app import StoryviewApp
from textual.pilot import Pilot


def seeds(settings: Settings, progress: Progress | None = None) -> Story:
    return build_story(None, settings, progress)


async def ready(pilot: Pilot[Any]) -> None:
    app = pilot.app
    for _ in range(300):
        if app.story is not None and app.pending is None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def app_with_pins(tmp_path: Path) -> StoryviewApp:
    return StoryviewApp(build=seeds, pins=PinStore(tmp_path / "pins.json"))


SHOTS = {
    "pin": ["j", "j", "j", "enter", "p"],
    "take-out": ["j", "enter", "u"],
    "base": ["l", "l", "B", "j"],
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("shot", SHOTS)
def test_power_tools(snap_compare: Any, tmp_path: Path, shot: str, size: tuple[int, int]) -> None:
    assert snap_compare(app_with_pins(tmp_path), press=SHOTS[shot], terminal_size=size, run_before=ready)
