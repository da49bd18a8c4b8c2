"""+ and - change the threshold and rebuild in the background; the focused source and the
nearest group survive a rebuild, and keys keep working meanwhile."""

from __future__ import annotations

import threading
from typing import Any

from pilot_helpers import SIZE, ready, record_notifications, seeds_app, status_text
from story_factories import tiny_story
from storyview.model import Settings, Story
from storyview.reader.app import StoryviewApp
from textual.pilot import Pilot


async def test_plus_and_minus_change_the_threshold_and_rebuild(pilot: Pilot[Any]) -> None:
    app = pilot.app
    start = app.settings.threshold
    await pilot.press("plus")
    await ready(pilot)
    assert app.settings.threshold == round(start + 0.05, 2)
    assert app.story is not None and app.story.settings.threshold == app.settings.threshold
    assert f"threshold {app.settings.threshold:.2f}" in status_text(app)
    await pilot.press("minus", "minus")
    await ready(pilot)
    assert app.settings.threshold == round(start - 0.05, 2)


async def test_threshold_stays_between_bounds() -> None:
    app = seeds_app(Settings(threshold=0.95))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        await pilot.press("plus")
        await ready(pilot)
        assert app.settings.threshold == 0.95 and any("stays within" in m for m in messages)


async def test_the_way_back_from_the_lowest_threshold_leads_to_the_first_one(pilot: Pilot[Any]) -> None:
    app = pilot.app
    start = app.settings.threshold
    messages = record_notifications(app)
    presses = 0
    while not any("stays within" in m for m in messages) and presses < 30:
        await pilot.press("minus")
        await ready(pilot)
        presses += 1
    assert app.settings.threshold >= 0.05
    lowest = f"{app.settings.threshold:.2f}"
    assert any(f"stays within {lowest}–" in m for m in messages)  # the bound it really stopped at
    for _ in range(presses - 1):
        await pilot.press("plus")
        await ready(pilot)
    assert app.settings.threshold == start


async def test_a_rebuild_keeps_the_focused_source_and_the_nearest_group(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid = app.main.grid
    await pilot.press("l", "l")
    for _ in range(4):
        await pilot.press("j")
    while not grid.focused_members:
        await pilot.press("j")
    source, member = grid.focused, grid.focused_members[0]
    await pilot.press("plus")
    await ready(pilot)
    assert grid.focused == source
    assert grid.row is not None and member in grid.row.cells[source]


async def test_keys_work_while_a_rebuild_runs_in_the_background() -> None:
    gate = threading.Event()
    calls: list[float] = []

    def build(settings: Settings) -> Story:
        calls.append(settings.threshold)
        if len(calls) > 1:
            gate.wait(5)
        return tiny_story(settings)

    app = StoryviewApp(build=build)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        await pilot.press("plus")
        assert app.pending is not None and "rebuilding at" in status_text(app)
        await pilot.press("j", "l")
        assert grid.cursor == 1 and grid.focused == "b_002"  # the old story is still live
        gate.set()
        await ready(pilot)
        assert app.pending is None and app.settings.threshold == calls[-1]
        assert grid.cursor == 1 and grid.focused == "b_002"
