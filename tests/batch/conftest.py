"""The batch tests' corpus (batch_corpus.py) and a Dask cluster to run batches on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from batch_corpus import write_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("batch") / "corpus")


@pytest.fixture(scope="session")
def client() -> Iterator[object]:
    """A local cluster of two worker processes, shared by the tests that only run batches."""
    from storyview.batch.cluster import connect

    with connect(workers=2) as c:
        yield c


@pytest.fixture(scope="session")
def reference(client: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus run once as a batch on the shared two-worker cluster: its output folder."""
    from storyview.batch.run import run_batch

    out = tmp_path_factory.mktemp("reference")
    run_batch(client, [str(corpus)], out)
    return out
