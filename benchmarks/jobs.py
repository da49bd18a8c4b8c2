"""Splitting a folder into stories and aligning them on one process and on several (`--jobs`).

    python benchmarks/jobs.py [FOLDER] [--runs 3] [--jobs N]

The folder (default: the BBC articles written out as .txt, see `stories_scale.py`) is loaded
once; then it is split with `collect(jobs=1)` and `collect(jobs=N)` (the articles fingerprinted
on N processes), and every story is aligned with `align_all(jobs=1)` and `align_all(jobs=N)`,
runs interleaved, and the medians and their ratios printed. On a machine shared with other work the
ratio says less than the core count suggests: read it with the load average printed beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from storyview.engine import semantic
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import align_all, collect


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default="/work/bbc2225")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args()
    semantic.load()
    loaded = load([args.folder])
    collection = collect(loaded)
    print(f"{args.folder}: {len(collection.articles)} articles, {len(collection.stories)} stories; "
          f"{len(os.sched_getaffinity(0))} cores; load average {os.getloadavg()[0]:.1f}")
    steps = {"split": lambda jobs: collect(loaded, jobs=jobs),
             "align": lambda jobs: align_all(collection, Settings(), jobs=jobs)}
    for name, step in steps.items():
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        for _ in range(args.runs):
            for jobs in times:
                start = time.perf_counter()
                step(jobs)
                times[jobs].append(time.perf_counter() - start)
        one, many = statistics.median(times[1]), statistics.median(times[args.jobs])
        print(f"  {name}: jobs 1 median {one:.2f} s   jobs {args.jobs} median {many:.2f} s   ratio "
              f"{one / many:.2f}x (load average now {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
