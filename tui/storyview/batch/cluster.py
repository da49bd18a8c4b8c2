"""The Dask client a batch runs on: an embedded local cluster, or an existing scheduler."""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster

if TYPE_CHECKING:
    from types import FrameType

    import psutil

# How long an unreachable scheduler is waited for before the run gives up.
CONNECT_TIMEOUT = 5


class Unreachable(Exception):
    """The scheduler named did not answer as a Dask scheduler."""


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client on `scheduler`, or on a local cluster of `workers` processes (default: one per core).

    The local workers never see ctrl+c (`_ctrl_c_ignored`); this process does, and leaving the
    block closes the client and the local cluster, also on KeyboardInterrupt.
    """
    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False)
        except OSError as exc:  # refused, timed out, no such host
            raise Unreachable(f"cannot reach the Dask scheduler at {scheduler} ({_reason(exc)})") from None
        except Exception as exc:  # noqa: BLE001 - an address that is no Dask scheduler fails in many ways
            raise Unreachable(f"{scheduler} did not answer as a Dask scheduler ({type(exc).__name__})") from None
        with client:
            yield client
        return
    import psutil

    ours = psutil.Process()
    before = {c.pid for c in ours.children(recursive=True)}
    with ExitStack() as stack:
        # ctrl+c is ignored while the cluster closes (try31: a second one then printed a
        # traceback) and acts as before once it is closed: entered first on leaving, left last.
        closing = stack.enter_context(ExitStack())
        with _ctrl_c_ignored() as pressed:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, silence_logs=logging.CRITICAL,
                # The scheduler's HTTP server (health checks) on any free loopback port: the usual
                # 8787 may belong to another cluster, and nothing here is served to the network.
                dashboard_address="127.0.0.1:0",
            )
        stack.callback(_close, cluster, [c for c in ours.children(recursive=True) if c.pid not in before])
        client = Client(cluster, set_as_default=False)
        stack.callback(_quietly, client.close, timeout=CLOSE_TIMEOUT)
        stack.callback(closing.enter_context, on_ctrl_c(signal.SIG_IGN))
        if pressed():
            raise KeyboardInterrupt
        yield client


@contextmanager
def _ctrl_c_ignored() -> Iterator[Callable[[], bool]]:
    """While the local cluster starts, ctrl+c is ignored, and so by every worker it starts; the
    block gives whether one came meanwhile, to stop the run once the cluster can be closed.

    The terminal sends ctrl+c to the whole process group, and a worker must be shut down by its
    nanny, not die with a traceback half-way through writing. A worker process inherits an
    ignored signal (a blocked one it does not: Python starts every thread with none blocked).
    An ignored signal leaves no trace, so a sentinel in the group, a `sleep` that does not
    ignore it, tells: ctrl+c in these seconds was lost, and the run went on to the end (try28).
    """
    sentinel = _sentinel()
    try:
        with on_ctrl_c(signal.SIG_IGN):
            yield lambda: sentinel is not None and sentinel.poll() == -signal.SIGINT
    finally:
        if sentinel is not None:
            with suppress(OSError):
                sentinel.kill()
            sentinel.wait()


def _sentinel() -> subprocess.Popen[bytes] | None:
    """A process that a ctrl+c in this process group ends (None where none can start)."""
    sleep = shutil.which("sleep")
    if sleep is None:
        return None
    try:
        return subprocess.Popen([sleep, "3600"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, restore_signals=True)
    except OSError:
        return None


@contextmanager
def on_ctrl_c(handler: signal.Handlers | Callable[[int, FrameType | None], object]) -> Iterator[None]:
    """ctrl+c goes to `handler` inside the block, and as before after it (in the main thread
    only: no other may set a handler, and there it is left as it is)."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, handler) if main else None
    try:
        yield
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)


# How long the local cluster may take to close before its processes are killed.
CLOSE_TIMEOUT = 10


def _close(cluster: LocalCluster, started: list[psutil.Process]) -> None:
    """Close the local cluster; if it does not close in time (it can hang after a ctrl+c), kill
    the processes it `started`, so that the run ends and no worker outlives it."""
    import psutil

    if _quietly(cluster.close, timeout=CLOSE_TIMEOUT):
        return
    for process in started:
        with suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(started, timeout=CLOSE_TIMEOUT)


def _quietly(close: Callable[..., object], **kw: float) -> bool:
    """Did `close(**kw)` end without an error (a timeout, a half-closed cluster)?"""
    try:
        close(**kw)
    except Exception:  # noqa: BLE001 - the caller ends what is left its own way
        return False
    return True


def _reason(exc: OSError) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.replace("Timed out trying to connect to", "no answer from").splitlines()[0]
