"""Shared Pilot set-ups for the reader's tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from pilot_helpers import SIZE, ready, seeds_app
from textual.pilot import Pilot


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "size(width, height): the terminal size of the `pilot` fixture")


@pytest.fixture
async def pilot(request: pytest.FixtureRequest) -> AsyncIterator[Pilot[Any]]:
    """The reader on the bundled seeds, its Story delivered, at 120x40 or `@pytest.mark.size(w, h)`."""
    marker = request.node.get_closest_marker("size")
    app = seeds_app()
    async with app.run_test(size=tuple(marker.args) if marker else SIZE) as running:
        await ready(running)
        yield running
