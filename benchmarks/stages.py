"""Where `storyview FOLDER --json` spends its CPU: seconds per stage, on one process.

    python benchmarks/stages.py [FOLDER] [--runs 3]

On a machine shared with other work, wall time says little and CPU time holds better: every
stage is run on one process (`jobs=1`, the same work the worker processes share out) and timed
with `time.process_time`, the least of --runs runs, each in a fresh interpreter (the tokeniser's
and the model's caches start empty, as in a user's run). The stages are those of `cli.export`:

- read: the files to articles (`pipeline.read_all`);
- split: fingerprints and story linkage (`pipeline.collect`);
- align: each story's paragraphs grouped (`engine.align`, after the trailing debris is folded);
- marks: what only one source says (`engine.unique.find_unique`);
- findings: quotes, figures, rewrites (`findings.analysis.analyse`);
- json: each story's document and the folder's JSON text (`to_dict` less its findings, or
  `to_part` for a large folder, and `parts_json`).

The steps are timed where the pipeline calls them (its module's names wrapped for the run), so
what is measured is what `storyview` runs. Then the command itself, as a user runs it (its
default processes), once: wall, user and system time of it and its workers, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from storyview import pipeline
from storyview.collector import paused
from storyview.engine import semantic
from storyview.exports import json_export
from storyview.findings import analysis
from storyview.model import Settings

STAGES = ("read", "split", "align", "marks", "findings", "json")


def timed(spent: dict[str, float], stage: str, work: Callable[..., Any]) -> Callable[..., Any]:
    """`work`, adding its CPU time to `spent[stage]` (less that of stages inside it)."""
    def run(*args: Any, **kwargs: Any) -> Any:
        start, inner = time.process_time(), sum(spent.values())
        try:
            return work(*args, **kwargs)
        finally:
            spent[stage] += time.process_time() - start - (sum(spent.values()) - inner)
    return run


def one_run(folder: str) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)
    wrapped = [(pipeline, "off_topic", "align"), (pipeline, "align", "align"), (pipeline, "find_unique", "marks"),
               (analysis, "analyse", "findings")]  # imported by `to_dict` where it runs
    saved = [(module, name, getattr(module, name)) for module, name, _ in wrapped]
    for module, name, stage in wrapped:
        setattr(module, name, timed(spent, stage, getattr(module, name)))
    try:
        with paused():
            collection = timed(spent, "split", pipeline.collect)(timed(spent, "read", pipeline.read_all)([folder]))
            paragraphs = sum(len(a.paragraphs) for a in collection.articles)
            then = json_export.to_part if json_export.lined(paragraphs) else json_export.to_dict  # as `cli.export`
            parts = pipeline.align_each(collection, Settings(), timed(spent, "json", then), jobs=1)
            timed(spent, "json", json_export.parts_json)(collection, parts)
    finally:
        for module, name, work in saved:
            setattr(module, name, work)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default="/work/bbc2225")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a run: its stages as JSON
    args = ap.parse_args()
    if args.one:
        semantic.load()
        print(json.dumps(one_run(args.folder)))
        return 0
    runs = [json.loads(subprocess.run([sys.executable, __file__, args.folder, "--one"], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(args.runs)]
    print(f"{args.folder}: CPU seconds per stage on one process, least of {args.runs} runs "
          f"(load average {os.getloadavg()[0]:.1f})")
    for stage in STAGES:
        print(f"  {stage:9s} {min(r[stage] for r in runs):6.2f}")
    print(f"  {'total':9s} {min(sum(r.values()) for r in runs):6.2f}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "storyview", args.folder, "--json"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"storyview {args.folder} --json: wall {wall:.2f} s, user {after.ru_utime - before.ru_utime:.2f} s, "
          f"system {after.ru_stime - before.ru_stime:.2f} s (load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
