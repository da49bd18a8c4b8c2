"""Shared fixtures for the core tests: the seed story (built once) and a file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storyview.model import Story
from storyview.pipeline import build_story


@pytest.fixture(scope="session")
def seed_story() -> Story:
    """The five bundled seeds, aligned with the default settings."""
    return build_story()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], str]:
    """Write `content` (text as UTF-8, or raw bytes) to `tmp_path/name`; return the path."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return _write


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pins kept in the user's data folder (the seeds', a read-only folder's) stay out of the
    tests, and the tests' out of the user's."""
    monkeypatch.setenv("STORYVIEW_DATA", str(tmp_path_factory.getbasetemp() / "storyview-data"))
