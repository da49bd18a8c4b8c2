"""`storyview batch` as a command: what it says when it ends, and what it refuses before any work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import storyview.batch.cluster
from storyview.batch.command import main
from storyview.inputs.bundled import seeds_dir


@pytest.fixture
def shared_cluster(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs on the tests' two-worker cluster instead of starting its own."""

    @contextmanager
    def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
        yield client

    monkeypatch.setattr(storyview.batch.cluster, "connect", connect)


def test_one_story_is_counted_in_the_singular(shared_cluster: None, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), corpus)
    articles = len(list(corpus.glob("*.txt")))
    assert main([str(corpus), "--out", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith(f"storyview: wrote 1 story of {articles} articles to ")
