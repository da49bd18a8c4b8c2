"""Worker processes: forked for a large folder's reading, splitting and aligning; spawned for
the reader's story list, which aligns stories while the user reads.

`concurrent.futures` rather than `multiprocessing.Pool`: a worker that dies (killed, out of
memory) breaks the executor, and waiting for a result raises; a Pool replaces the worker and
waits forever for the task lost with it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # imported where workers start: never on the reader's start-up path
    from concurrent.futures import ProcessPoolExecutor

A = TypeVar("A")
R = TypeVar("R")

# What a user reads when a worker died: the run stops, and says how to run it without workers.
LOST = "a worker process ended before its work was done (killed, or out of memory?): run again with --jobs 1"


# Seconds `end` waits for the executor's thread to see its workers gone (it takes milliseconds).
MANAGER_WAIT = 5.0


class WorkerLost(RuntimeError):
    """A worker process died during a task: its result will never come."""


def forked(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
           ) -> ProcessPoolExecutor:
    """`workers` processes forked from this one (what it holds is shared, not pickled)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=initializer, initargs=initargs)


def spawned(workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
            ) -> ProcessPoolExecutor:
    """`workers` fresh processes, started clean rather than forked: for a process that runs
    threads (the reader), whose locks a fork would copy held.

    The executor's first lock starts multiprocessing's resource tracker, which keeps
    `sys.stderr`: in the reader that is Textual's, with no file behind it (starting the tracker
    failed: "bad value(s) in fds_to_keep"), so the tracker gets a blank one.
    """
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor
    from contextlib import redirect_stderr

    with open(os.devnull, "w") as blank, redirect_stderr(blank):
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=initializer, initargs=initargs)


def results(pool: ProcessPoolExecutor, work: Callable[[A], R], tasks: Sequence[A], chunk: int = 1,
            ordered: bool = False) -> Iterator[R]:
    """`work` of each task, `chunk` tasks sent at a time, as they finish (`ordered`: in the
    order of `tasks`). Raises `WorkerLost` if a worker dies."""
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    try:
        futures = [pool.submit(_each, work, tasks[i:i + chunk]) for i in range(0, len(tasks), chunk)]
        for future in futures if ordered else as_completed(futures):
            yield from future.result()
    except BrokenProcessPool as lost:
        raise WorkerLost(LOST) from lost


def each_idle(pool: ProcessPoolExecutor, workers: int, work: Callable[..., object], *args: Any) -> None:
    """`work(*args)` given to `workers` workers (one each, as each is idle: a busy one would take
    it later anyway), its result waited for by no one. Where a worker died already, nothing: the
    next `results` says so."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        for _ in range(workers):
            pool.submit(work, *args)
    except BrokenProcessPool:
        pass


def _each(work: Callable[[A], R], tasks: Sequence[A]) -> list[R]:
    return [work(task) for task in tasks]


def end(pool: ProcessPoolExecutor) -> None:
    """Its workers ended at once: once every result is in, or on an error or ctrl+c. (A
    shutdown would wait for the tasks still running.) The executor's own thread, which reaps
    the workers too, is waited for: until it has, a worker may still be listed as a child."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()
    if manager is not None:
        manager.join(timeout=MANAGER_WAIT)


def quiet() -> None:
    """A worker leaves ctrl+c to the parent, which ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
