"""What the story list looks like: at 120x40 and 80x24, and after one story was aligned."""

from __future__ import annotations

from typing import Any

import pytest
from stories_app import folder_app, listed, opened
from textual.pilot import Pilot

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}


@pytest.mark.parametrize("size", SIZES)
def test_story_list(snap_compare: Any, size: str) -> None:
    assert snap_compare(folder_app(), terminal_size=SIZES[size], run_before=listed)


def test_story_list_after_a_story_was_read(snap_compare: Any) -> None:
    """Back from story 2: its row shows its share of unique text; the cursor stays on it."""

    async def read_one(pilot: Pilot[Any]) -> None:
        await listed(pilot)
        await pilot.press("j", "enter")
        await opened(pilot)
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(folder_app(), terminal_size=(120, 40), run_before=read_one)
