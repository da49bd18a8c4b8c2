"""`storyview batch` on real Dask clusters: local worker processes, and a scheduler and a worker
started on loopback; one answer whatever runs it, a worker killed, a run resumed or interrupted."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyview.batch.cluster import Unreachable, connect
from storyview.batch.output import INDEX, open_batch
from storyview.batch.run import Done, run_batch
from storyview.model import Settings

from batch_corpus import write_corpus

Answer = dict[frozenset[str], frozenset[frozenset[tuple[str, int]]]]


def answer(folder: Path) -> Answer:
    """Each story (its sources) and its groups (their members), as a batch folder holds them."""
    batch = open_batch(folder)
    out: Answer = {}
    for entry in batch.entries:
        data = json.loads(batch.path(entry).read_text(encoding="utf-8"))
        assert [s["id"] for s in data["sources"]] == list(entry.sources)
        out[frozenset(entry.sources)] = frozenset(
            frozenset((m["source"], m["paragraph"]) for m in g["members"]) for g in data["groups"]
        )
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_batch_writes_every_story_and_an_index(reference: Path, corpus: Path) -> None:
    batch = open_batch(reference)
    stories = {frozenset(e.sources) for e in batch.entries}
    assert frozenset(f"{s}_{n}" for s in ("quake", "strike", "election") for n in range(3)) not in stories
    assert {frozenset({f"quake_{n}" for n in range(3)}), frozenset({"orchid"})} <= stories
    assert sorted(s for e in batch.entries for s in e.sources) == sorted(p.stem for p in corpus.glob("*.txt"))
    assert [e.id for e in batch.entries] == list(range(1, len(batch.entries) + 1))
    assert not [p for p in reference.rglob(".*")]  # no temporary file left
    for entry in batch.entries:
        assert entry.size == len(entry.sources)
        assert batch.story(entry).groups  # each file is a whole story, as --json writes it


def test_one_process_and_the_batch_give_one_answer(reference: Path, corpus: Path) -> None:
    """`storyview --json` in one process: the same stories, and in each the same groups."""
    proc = _storyview("--json", str(corpus))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    data = json.loads(out)
    batch = open_batch(reference)
    assert len(batch.entries) > 3
    assert [(s["id"], s["label"], s["sources"]) for s in data["stories"]] == [
        (e.id, e.label, list(e.sources)) for e in batch.entries
    ]
    one_process = {
        story["id"]: sorted((g["label"], [(m["source"], m["paragraph"]) for m in g["members"]])
                            for g in data["groups"] if g["story"] == story["id"])
        for story in data["stories"]
    }
    for entry in batch.entries:
        file = json.loads(batch.path(entry).read_text(encoding="utf-8"))
        assert {g["story"] for g in file["groups"]} <= {entry.id}
        assert sorted((g["label"], [(m["source"], m["paragraph"]) for m in g["members"]])
                      for g in file["groups"]) == one_process[entry.id]


def test_each_story_file_is_what_one_process_writes_for_that_story(reference: Path, corpus: Path) -> None:
    from storyview.exports.json_export import to_json
    from storyview.inputs.load import load
    from storyview.pipeline import align_all, collect

    collection = collect(load([str(corpus)]))
    batch = open_batch(reference)
    for entry, story in zip(batch.entries, align_all(collection, Settings()), strict=True):
        assert batch.path(entry).read_text(encoding="utf-8") == to_json(story) + "\n"


def test_one_worker_or_two_give_the_same_files(reference: Path, corpus: Path, tmp_path: Path) -> None:
    with connect(workers=1) as one:
        run_batch(one, [str(corpus)], tmp_path)
    assert files(tmp_path) == files(reference)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def loopback() -> Iterator[str]:
    """A `dask scheduler` and one `dask worker` started on 127.0.0.1 for this test."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    procs = [subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    procs.append(subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1",
         "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


def test_a_scheduler_on_loopback_gives_the_same_files(loopback: str, reference: Path, corpus: Path,
                                                      tmp_path: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with connect(scheduler=loopback) as remote:
                remote.wait_for_workers(1, timeout=30)
                run_batch(remote, [str(corpus)], tmp_path)
            break
        except Unreachable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    assert files(tmp_path) == files(reference)


def test_a_worker_killed_mid_task_changes_nothing(reference: Path, corpus: Path, tmp_path: Path) -> None:
    killed: list[int] = []
    with connect(workers=2) as client:
        pids = client.run(os.getpid)

        def kill_one_busy(stage: str, done: int, total: int) -> None:
            if stage != "stories" or killed:
                return
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:  # wait until a worker is in the middle of a story
                busy = [w for w, keys in client.processing().items() if any("align_story" in k for k in keys)]
                if busy:
                    killed.append(pids[busy[0]])
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
                time.sleep(0.005)

        done = run_batch(client, [str(corpus)], tmp_path, progress=kill_one_busy)
    assert killed, "no worker was caught aligning a story"
    assert done.aligned == len(done.entries)
    assert files(tmp_path) == files(reference)


def test_resume_aligns_only_the_stories_missing(client: Any, reference: Path, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(client, [str(corpus)], out)
    gone = out / first.entries[-1].file
    gone.unlink()
    (out / INDEX).unlink()
    again = run_batch(client, [str(corpus)], out, resume=True)
    assert again.aligned == 1
    assert files(out) == files(reference)
    assert run_batch(client, [str(corpus)], out, resume=True).aligned == 0
    assert run_batch(client, [str(corpus)], out).aligned == len(first.entries)  # without --resume: all


def test_resume_realigns_a_story_whose_file_changed(client: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = run_batch(client, [str(corpus)], out)
    quake = corpus / "quake_1.txt"
    quake.write_text(quake.read_text(encoding="utf-8") + "\nThe port reopened on Wednesday.\n", encoding="utf-8")
    again = run_batch(client, [str(corpus)], out, resume=True)
    assert again.aligned == 1
    changed = [e for e in again.entries if "quake_1" in e.sources]
    assert changed and changed[0].file not in {e.file for e in first.entries}


def test_resume_renumbers_the_stories_a_new_article_moved_without_aligning_them(client: Any, tmp_path: Path) -> None:
    """try31: one article added to 400 realigned 130 stories of 133 on --resume, for the new
    numbering renamed every story's file. A story made of the same files is written again under
    its new number, not aligned: only the story the article joined is."""
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = run_batch(client, [str(corpus)], out)
    quake = corpus / "quake_1.txt"
    (corpus / "quake_9.txt").write_text(quake.read_text(encoding="utf-8").replace("Tuesday", "Tuesday morning"),
                                        encoding="utf-8")
    again = run_batch(client, [str(corpus)], out, resume=True)
    moved = [e for e in again.entries if "quake_9" not in e.sources
             and e.id != next(f.id for f in first.entries if f.sources == e.sources)]
    assert moved, "the test must move a story's number"
    assert again.aligned == 1
    fresh = tmp_path / "fresh"
    run_batch(client, [str(corpus)], fresh)
    assert files(out) == files(fresh)


def test_the_client_reads_no_article(client: Any, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles are read and aligned in the workers: the client holds fingerprints and membership."""
    import storyview.batch.tasks
    import storyview.inputs.load

    def refuse(*_: object) -> None:
        raise AssertionError("the client read an article")

    monkeypatch.setattr(storyview.inputs.load, "read_article", refuse)
    monkeypatch.setattr(storyview.batch.tasks, "read_article", refuse)
    done = run_batch(client, [str(corpus)], tmp_path)
    assert sum(e.size for e in done.entries) == len(list(corpus.glob("*.txt")))


def test_unusable_files_are_one_line_each_and_the_rest_goes_on(client: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    done: Done = run_batch(client, [str(corpus), str(tmp_path / "missing.txt"), "-"], tmp_path / "out")
    assert any("empty.txt: skipped" in w for w in done.warnings)
    assert any("binary.txt: skipped" in w for w in done.warnings)
    assert any("missing.txt: skipped, no such file" in w for w in done.warnings)
    assert any("-: skipped, a batch reads files and folders only" in w for w in done.warnings)
    assert all("\n" not in w for w in done.warnings)
    assert sum(e.size for e in done.entries) == 15
    assert open_batch(tmp_path / "out").warnings == done.warnings


def _storyview(*args: str, **kw: Any) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.Popen([sys.executable, "-m", "storyview", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_an_unreachable_scheduler_is_one_line_and_exit_1_within_seconds(corpus: Path, tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    proc = _storyview("batch", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", address)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - started < 15
    assert proc.returncode == 1
    assert err.splitlines() == [f"storyview: cannot reach the Dask scheduler at {address} "
                                f"(no answer from {address} after 5 s)"]
    assert not (tmp_path / "out").exists()


def test_ctrl_c_stops_cleanly_and_leaves_only_whole_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for n in range(8):  # enough stories that the run is still going when it is interrupted
        write_corpus(tmp_path / f"c{n}")
        for p in (tmp_path / f"c{n}").iterdir():
            p.rename(corpus / f"{n}{p.name}") if corpus.exists() else (corpus.mkdir(), p.rename(corpus / f"{n}{p.name}"))
    out = tmp_path / "out"
    proc = _storyview("batch", str(corpus), "--out", str(out), "--workers", "2", start_new_session=True,
                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not list((out / "stories").glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.02)
    for _ in range(3):  # as a terminal does (the whole process group), pressed again while it closes (try31)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.25)
    out_text, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.strip().splitlines()[-1] == (f"storyview: interrupted; the stories written so far are in {out}: "
                                            f"`storyview batch {corpus} --out {out} --resume` goes on from them")
    assert not (out / INDEX).exists()
    written = list((out / "stories").iterdir())
    assert written and all(not p.name.startswith(".") for p in written)
    for p in written:
        json.loads(p.read_text(encoding="utf-8"))  # whole
    deadline = time.monotonic() + 5
    while _children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [Path(f"/proc/{p}/cmdline").read_bytes() for p in _children(proc.pid)], "processes outlived the run"


def test_ctrl_c_while_the_workers_start_stops_the_run_too(corpus: Path, tmp_path: Path) -> None:
    """try28: a ctrl+c while the local cluster started (its workers must not see it) was lost,
    and the run went on to the end and exited 0."""
    out = tmp_path / "out"
    proc = _storyview("batch", str(corpus), "--out", str(out), "--workers", "2", start_new_session=True,
                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not any(b"sleep" in _cmdline(p) for p in _children(proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.01)  # the sentinel is up: the workers are starting
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "storyview: interrupted before any story was written"
    deadline = time.monotonic() + 5
    while _children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [_cmdline(p) for p in _children(proc.pid)], "processes outlived the run"


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _children(pid: int) -> list[int]:
    """Processes still in the run's process group (its session was new: pgid == pid)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pid:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_a_folder_with_nothing_usable_writes_an_empty_index_and_says_why(client: Any, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    done = run_batch(client, [str(tmp_path / "in")], tmp_path / "out")
    assert done.entries == () and any("empty.txt: skipped, empty file" in w for w in done.warnings)
    batch = open_batch(tmp_path / "out")
    assert batch.entries == () and batch.warnings == done.warnings


def test_a_cluster_that_does_not_close_in_time_has_its_processes_killed() -> None:
    import psutil

    from storyview.batch.cluster import _close

    class Stuck:
        def close(self, timeout: float | None = None) -> None:
            raise TimeoutError(f"not closed after {timeout} s")

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    worker = psutil.Process(sleeper.pid)
    _close(Stuck(), [worker])  # type: ignore[arg-type]
    assert not worker.is_running()
