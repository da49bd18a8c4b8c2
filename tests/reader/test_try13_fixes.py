"""The reader bugs a new user found in the try13 tryout: a search or a finding's jump at 80x24
that left the match or the cited sources off screen, the footer's "esc Stories", the title of a
folder with nothing to read and dates cut in the story list."""

from __future__ import annotations

from typing import Any

import pytest
from pilot_helpers import grid_text
from storyview.reader.widgets.grid import StoryGrid
from textual.pilot import Pilot


def current_line_in_view(grid: StoryGrid) -> bool:
    """The marked passage's first line is among the lines the grid shows."""
    assert grid.current is not None
    line = grid.row_top(grid.current.row) + grid._line_of(grid.current)
    top = round(grid.scroll_y)
    return top <= line < top + grid.body_height


@pytest.mark.size(80, 24)
async def test_a_search_at_80x24_brings_the_matched_line_into_view(pilot: Pilot[Any]) -> None:
    grid = pilot.app.main.grid
    await pilot.press("slash", *"signals", "enter")
    await pilot.pause()
    assert current_line_in_view(grid)
    assert "signals the federal" in grid_text(pilot.app).replace("▌", "").replace("\n", " ")


@pytest.mark.size(80, 24)
async def test_every_match_n_walks_to_at_80x24_is_in_view(pilot: Pilot[Any]) -> None:
    screen = pilot.app.main
    await pilot.press("slash", *"federal", "enter")
    await pilot.pause()
    assert len(screen.search_passages) > 10
    for _ in screen.search_passages:
        assert current_line_in_view(screen.grid), screen.grid.current
        await pilot.press("n")
    for _ in range(5):
        await pilot.press("N")
        assert current_line_in_view(screen.grid), screen.grid.current
