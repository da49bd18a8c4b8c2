"""Speed at scale: `storyview --json` on the seeds and on 100, 500 and all 2,225 BBC articles.

    python benchmarks/scale.py [--sizes seeds,100,500,2225] [--timeout 600] [--runs 3] [--large-runs 1]

The BBC corpus is written out as .txt files in a temporary folder the way a user would have them
(title line, blank line, paragraphs separated by blank lines). Subsets are nested (a fixed
shuffle, seed 0, so every size mixes the five categories and each smaller set is inside the
larger ones). Each size runs `python -m storyview --json FOLDER` as a subprocess: wall time is
the median of --runs runs (--large-runs for the largest size), peak memory is the child's
maximum resident set (from wait4). A run over --timeout seconds is killed and shown as "> T s".

For comparison, a naive all-pairs matcher: rapidfuzz `fuzz.token_set_ratio` over every pair of
paragraphs (`process.cdist`, all cores), run for the sizes it can finish within
--baseline-budget seconds (predicted from the previous size, pairs grow with the square).
Finally the engine alone on the seeds: `build_story` in-process, median of 10.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

from storyview.inputs.bundled import seeds_dir
from storyview.model import Settings
from storyview.pipeline import build_story

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_articles.jsonl"


def read_bbc(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_articles(rows: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True)
    for row in rows:
        name = row["id"].replace("/", "_")
        text = row["title"].strip() + "\n\n" + "\n\n".join(p.strip() for p in row["paragraphs"]) + "\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def paragraphs_of(folder: Path) -> list[str]:
    """What a naive matcher would compare: every blank-line block of every file."""
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            out.extend(b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip())
    return out


def run_cli(folder: Path, timeout: float) -> tuple[float, int, int | None, int]:
    """(wall seconds, peak RSS in KiB, exit code or None when killed, bytes of JSON written)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "storyview", "--json", str(folder)], stdout=out, stderr=err)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                proc.kill()
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        size = out.seek(0, os.SEEK_END)
        if proc.returncode != 0 and not killed:
            err.seek(0)
            print(f"  storyview exited {proc.returncode}: {err.read().decode(errors='replace')[-500:]}", file=sys.stderr)
        return wall, usage.ru_maxrss, None if killed else proc.returncode, size


def naive_baseline(folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    paras = paragraphs_of(folder)
    process.cdist(paras, paras, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                  dtype=np.uint8, workers=-1)
    return time.perf_counter() - started, len(paras)


def fmt_time(seconds: float | None, timeout: float) -> str:
    if seconds is None:
        return f"> {timeout:.0f} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="seeds,100,500,2225",
                    help="comma-separated: 'seeds' and/or numbers of BBC articles (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a storyview run is killed")
    ap.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    ap.add_argument("--large-runs", type=int, default=1, help="runs for the largest size")
    ap.add_argument("--baseline-budget", type=float, default=60.0,
                    help="skip the naive baseline where it is predicted to take longer (seconds)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    numbers = [int(s) for s in sizes if s != "seeds"]
    rows = read_bbc(args.corpus) if numbers else []
    if numbers and max(numbers) > len(rows):
        print(f"only {len(rows)} BBC articles", file=sys.stderr)
        return 1
    order = list(range(len(rows)))
    random.Random(0).shuffle(order)
    largest = max(numbers) if numbers else None

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; storyview --json as a subprocess; "
          f"timeout {args.timeout:.0f} s")
    results: dict[str, tuple[float | None, int]] = {}
    with tempfile.TemporaryDirectory(prefix="storyview-scale-") as tmp:
        print(f"{'size':<7} {'articles':>8} {'paras':>7} {'storyview':>12} {'runs':>4} {'peak RSS':>9} "
              f"{'JSON':>8} {'naive all-pairs':>16} {'naive/sv':>8}")
        last_baseline: tuple[float, int] | None = None
        for size in sizes:
            if size == "seeds":
                folder = seeds_dir()
                n_articles = len(list(folder.glob("*.txt")))
            else:
                folder = Path(tmp) / f"bbc{size}"
                write_articles([rows[i] for i in sorted(order[: int(size)])], folder)
                n_articles = int(size)
            paras = paragraphs_of(folder)
            runs = args.large_runs if size != "seeds" and int(size) == largest else args.runs
            walls, peak, timed_out, out_bytes = [], 0, False, 0
            for _ in range(runs):
                wall, rss, code, out_bytes = run_cli(folder, args.timeout)
                peak = max(peak, rss)
                if code is None:
                    timed_out = True
                    break
                walls.append(wall)
            median = None if timed_out else statistics.median(walls)
            results[size] = (median, n_articles)

            baseline = "skipped"
            ratio = ""
            predicted = 0.0
            if last_baseline:
                t, n = last_baseline
                predicted = t * (len(paras) / n) ** 2
            if predicted <= args.baseline_budget:
                t, n = naive_baseline(folder)
                last_baseline = (t, n)
                baseline = fmt_time(t, 0)
                if median:
                    ratio = f"{t / median:.2f}x"
            else:
                baseline = f"(~{predicted:.0f} s)"
            print(f"{size:<7} {n_articles:>8} {len(paras):>7} {fmt_time(median, args.timeout):>12} "
                  f"{len(walls) if not timed_out else len(walls) + 1:>4} {peak / 1024:>6.0f} MB "
                  f"{out_bytes / 1e6 if not timed_out else 0:>5.1f} MB {baseline:>16} {ratio:>8}", flush=True)

    done = [(s, t, n) for s, (t, n) in results.items() if s != "seeds"]
    for (s0, t0, n0), (s1, t1, n1) in zip(done, done[1:]):
        if t0 and t1:
            print(f"growth {s1}/{s0}: time x{t1 / t0:.2f} for x{n1 / n0:.2f} articles "
                  f"(linear x{n1 / n0:.2f}, quadratic x{(n1 / n0) ** 2:.1f})")
        else:
            print(f"growth {s1}/{s0}: not measured ({s1 if not t1 else s0} did not finish)")
    print("naive/sv: naive all-pairs time divided by storyview time (above 1: storyview is faster); "
          "'(~N s)': skipped, predicted N s")

    build_story(None, Settings())  # warm up imports and caches
    times = []
    for _ in range(10):
        started = time.perf_counter()
        build_story(None, Settings())
        times.append(time.perf_counter() - started)
    print(f"engine alone on the seeds (build_story in-process): median {statistics.median(times) * 1000:.0f} ms "
          f"of 10 (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
