"""Forked workers: results as a map gives them, and a worker that dies stops the wait."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from storyview.workers import WorkerLost, end, forked, quiet, results


def _square(n: int) -> int:
    return n * n


def _dies_at_five(n: int) -> int:
    if n == 5:
        os._exit(1)  # as a worker the system kills
    return n


def _fails_at_five(n: int) -> int:
    if n == 5:
        raise ValueError("five")
    return n


@pytest.mark.parametrize("chunk", [1, 3, 20])
def test_results_are_each_tasks_work_ordered_or_as_they_finish(chunk: int) -> None:
    pool = forked(2, quiet)
    try:
        assert list(results(pool, _square, range(10), chunk, ordered=True)) == [n * n for n in range(10)]
        assert sorted(results(pool, _square, list(range(10)), chunk)) == [n * n for n in range(10)]
    finally:
        end(pool)


def test_a_worker_that_dies_raises_at_once_and_none_is_left() -> None:
    before = set(multiprocessing.active_children())
    pool = forked(2, quiet)
    start = time.monotonic()
    try:
        with pytest.raises(WorkerLost, match="--jobs 1"):
            list(results(pool, _dies_at_five, range(10)))
    finally:
        end(pool)
    assert time.monotonic() - start < 30
    assert set(multiprocessing.active_children()) - before == set()


def test_an_error_in_a_task_is_raised_as_itself() -> None:
    pool = forked(2, quiet)
    try:
        with pytest.raises(ValueError, match="five"):
            list(results(pool, _fails_at_five, range(10), 2, ordered=True))
    finally:
        end(pool)
