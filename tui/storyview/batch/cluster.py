"""The Dask client a batch runs on: an embedded local cluster, or an existing scheduler."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster

# How long an unreachable scheduler is waited for before the run gives up.
CONNECT_TIMEOUT = 5


class Unreachable(Exception):
    """The scheduler named did not answer as a Dask scheduler."""


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client on `scheduler`, or on a local cluster of `workers` processes (default: one per core).

    The local workers are started with ctrl+c ignored: the terminal sends it to the whole
    process group, and a worker must be shut down by its nanny, not die with a traceback
    half-way through writing. Leaving the block closes the client and the local cluster,
    also on KeyboardInterrupt.
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
    main = threading.current_thread() is threading.main_thread()  # only it may set a handler
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, silence_logs=logging.CRITICAL,
            # The scheduler's HTTP server (health checks) on any free loopback port: the usual
            # 8787 may belong to another cluster, and nothing here is served to the network.
            dashboard_address="127.0.0.1:0",
        )
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)
    with cluster, Client(cluster, set_as_default=False) as client:
        yield client


def _reason(exc: OSError) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.replace("Timed out trying to connect to", "no answer from").splitlines()[0]
