"""`storyview batch` on the BBC corpus ×10 with 1 and 2 local workers: time, memory, data moved.

    python benchmarks/batch.py [--workers 1,2] [--copies 10] [--limit N] [--corpus DIR]

The corpus is written by corpus_x10.py (2,225 BBC articles, each told by --copies outlets:
22,250 articles, 2,225 real multi-source stories) into a temporary folder, or read from --corpus.
Each worker count runs `run_batch` on a fresh local cluster of that many worker processes (one
thread each) into a fresh output folder, and prints:

- wall time of the run, and of its two halves (reading and clustering; aligning the stories);
- peak resident memory of each worker process (its own ru_maxrss) and of this client process;
- CPU seconds used by the workers and by the client (the work, whatever else the machine runs);
- the scaling ratio (time with 1 worker / time with N) and the efficiency (ratio / N);
- data moved: bytes of the fingerprints sent back to the client (pickled, as Dask sends them),
  of the story jobs sent out, and of the story files written; and the input bytes read (every
  file is read twice: once to fingerprint, once inside its story's task).

Then the same figures per article, and what they come to at one million articles.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_x10 import write_corpus  # noqa: E402

from storyview.batch import run as batch_run  # noqa: E402
from storyview.batch.cluster import connect  # noqa: E402
from storyview.batch.output import open_batch  # noqa: E402
from storyview.batch.run import run_batch  # noqa: E402
from storyview.batch.tasks import read_and_fingerprint  # noqa: E402
from storyview.engine.stories import StorySettings  # noqa: E402


def peak_rss_mib() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time this process has used: the work done, whatever else the machine is running."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(corpus: Path, workers: int, out: Path) -> dict[str, float]:
    stages: dict[str, float] = {}
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "stories" and "read" not in stages:
            stages["read"] = time.perf_counter() - started

    with connect(workers=workers) as client:
        client.wait_for_workers(workers)
        before = client.run(cpu_seconds)
        client_before = cpu_seconds()
        started = time.perf_counter()
        done = run_batch(client, [str(corpus)], out, progress=progress)
        wall = time.perf_counter() - started
        peaks = client.run(peak_rss_mib)
        after = client.run(cpu_seconds)
        client_cpu = cpu_seconds() - client_before
    return {
        "wall": wall, "read": stages.get("read", 0.0), "align": wall - stages.get("read", 0.0),
        "stories": len(done.entries), "articles": sum(e.size for e in done.entries),
        "worker_peak": max(peaks.values()), "worker_peaks": sorted(peaks.values()),
        "worker_cpu": sum(after[w] - before.get(w, 0.0) for w in after), "client_cpu": client_cpu,
    }


def data_moved(corpus: Path, out: Path, sample: int = 2_000) -> dict[str, float]:
    """Bytes per article: fingerprints to the client (a pickled sample), jobs out, files in and out."""
    listed, _ = batch_run.list_sources([str(corpus)])
    sources = [s for s, _ in listed]
    step = max(1, len(sources) // sample)
    picked = sources[::step]
    fp_bytes = 0
    for i in range(0, len(picked), batch_run.CHUNK):
        fp_bytes += len(pickle.dumps(read_and_fingerprint(picked[i:i + batch_run.CHUNK], StorySettings()), protocol=5))
    job_bytes = sum(len(pickle.dumps(s, protocol=5)) for s in picked)
    inputs = sum(os.path.getsize(s.path) for s in sources)
    written = sum(p.stat().st_size for p in (out / "stories").iterdir())
    n = len(sources)
    return {"fingerprint": fp_bytes / len(picked), "job": job_bytes / len(picked), "input": inputs / n,
            "output": written / n}


def bcubed(entries: list, answer: dict[str, str]) -> float:
    """B-cubed F1 of the stories found against the BBC article each file retells."""
    found = {s: n for n, e in enumerate(entries) for s in e.sources}
    by_found: dict[int, list[str]] = {}
    by_true: dict[str, list[str]] = {}
    for s in found:
        by_found.setdefault(found[s], []).append(s)
        by_true.setdefault(answer[s], []).append(s)
    p = r = 0.0
    for s in found:
        mine, truth = set(by_found[found[s]]), set(by_true[answer[s]])
        p += len(mine & truth) / len(mine)
        r += len(mine & truth) / len(truth)
    p, r = p / len(found), r / len(found)
    return 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--limit", type=int, help="only the first N BBC articles")
    ap.add_argument("--corpus", type=Path, help="a corpus folder already written by corpus_x10.py")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyview-batch-") as tmp:
        corpus = args.corpus or write_corpus(Path(tmp) / "corpus", args.copies, args.limit) and Path(tmp) / "corpus"
        results = {}
        for n in (int(w) for w in args.workers.split(",")):
            out = Path(tmp) / f"out{n}"
            r = measure(corpus, n, out)
            results[n] = r
            print(f"{n} worker(s): {r['articles']:,} articles, {r['stories']:,} stories in {r['wall']:.1f} s "
                  f"(read+cluster {r['read']:.1f} s, align {r['align']:.1f} s); "
                  f"peak memory per worker {r['worker_peak']:.0f} MiB {[round(p) for p in r['worker_peaks']]}; "
                  f"CPU: workers {r['worker_cpu']:.0f} s, client {r['client_cpu']:.0f} s", flush=True)
        base = min(results)
        for n, r in results.items():
            if n != base:
                ratio = results[base]["wall"] / r["wall"] * base
                print(f"scaling {base} -> {n} workers: {ratio:.2f}x ({ratio / n * base:.0%} efficiency); "
                      f"aligning alone {results[base]['align'] / r['align'] * base:.2f}x")
        print(f"client peak memory {peak_rss_mib():.0f} MiB")
        answer = json.loads((corpus / "answer.json").read_text(encoding="utf-8"))
        entries = open_batch(Path(tmp) / f"out{base}").entries
        print(f"{len(entries):,} stories for {len(set(answer.values())):,} BBC articles retold; "
              f"B-cubed F1 against the article each file retells {bcubed(list(entries), answer):.3f}")
        moved = data_moved(corpus, Path(tmp) / f"out{base}")
        print("per article: " + ", ".join(f"{k} {v / 1024:.1f} KiB" for k, v in moved.items()))
        r = results[max(results)]
        worker_ms, client_ms = r["worker_cpu"] / r["articles"] * 1e3, r["client_cpu"] / r["articles"] * 1e3
        print(f"CPU per article: {worker_ms:.1f} ms of a worker, {client_ms:.1f} ms of the client; "
              f"1M articles: {worker_ms * 1e6 / 3.6e6:.1f} worker-hours, {client_ms * 1e6 / 6e4:.0f} client-minutes, "
              f"fingerprints to the client {moved['fingerprint'] * 1e6 / 2**30:.1f} GiB, "
              f"story files {moved['output'] * 1e6 / 2**30:.1f} GiB, inputs read twice {2 * moved['input'] * 1e6 / 2**30:.1f} GiB")

if __name__ == "__main__":
    main()
