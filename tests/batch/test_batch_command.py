"""`storyview batch` as a command: what it says when it ends, and what it refuses before any work."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import storyview.batch.cluster
from storyview.batch.command import main
from storyview.batch.output import INDEX
from storyview.engine import semantic
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


def test_paths_none_of_which_exist_end_it_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def no_cluster(*args: Any, **kw: Any) -> None:
        raise AssertionError("a cluster was started for nothing")

    monkeypatch.setattr(storyview.batch.cluster, "connect", no_cluster)
    missing = [str(tmp_path / "nonexist"), str(tmp_path / "typo.txt")]
    assert main([*missing, "--out", str(tmp_path / "b3")]) == 1
    assert capsys.readouterr().err.splitlines() == [f"storyview: {p}: no such file or folder" for p in missing]
    assert not (tmp_path / "b3").exists()


def test_the_index_settings_are_those_of_its_stories_model_included(reference: Path) -> None:
    index = json.loads((reference / INDEX).read_text(encoding="utf-8"))
    first = json.loads((reference / index["stories"][0]["file"]).read_text(encoding="utf-8"))
    assert index["settings"] == first["settings"]
    assert list(index["settings"]) == ["threshold", "sentence_threshold", "order_weight", "semantic", "model"]
    assert index["settings"]["model"] == semantic.NAME  # the batch aligns by meaning too
