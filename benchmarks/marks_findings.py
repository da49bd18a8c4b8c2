"""CPU of the marks and of each finding alone, on stories aligned once (issue 15).

    python benchmarks/marks_findings.py [FOLDER] [--runs 5] [--every 1]

`stages.py` times a whole run, in which the marks and the findings are two stages of six: a
change to either moves its figure by less than the host's noise. Here every story of the folder
(or every --every'th) is aligned once, then `find_unique` and each finding (quotes, figures,
rewrites) is run over all of them again and again, timed with `time.process_time`, the least of
--runs. The first run of each warms the caches a user's run warms too (the tokeniser's); the
paragraphs' word index (`segment.paragraph_words`) is emptied before each run of the marks, which
build it in a user's run (the rewrites then read it).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from storyview import pipeline
from storyview.collector import paused
from storyview.engine import segment, semantic
from storyview.engine.unique import find_unique
from storyview.findings.figures import find_figures
from storyview.findings.quotes import find_quotes
from storyview.findings.rewrites import find_rewrites
from storyview.model import Settings


def aligned(folder: str, every: int) -> tuple[list[tuple[Any, Settings]], list[Any]]:
    """Each story's alignment (as `find_unique` is given it) and the story itself."""
    alignments: list[tuple[Any, Settings]] = []
    kept = pipeline.find_unique

    def recorded(alignment: Any, settings: Settings, progress: Any = None) -> Any:
        alignments.append((alignment, settings))
        return kept(alignment, settings, progress)

    pipeline.find_unique = recorded
    try:
        collection = pipeline.collect(pipeline.read_all([folder]))
        stories = [pipeline.align_story(collection, s.id, Settings()) for s in collection.stories[::every]]
    finally:
        pipeline.find_unique = kept
    return alignments, stories


def least(work: Callable[..., Any], inputs: Sequence[tuple[Any, ...]], runs: int,
          before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(runs):
        if before is not None:
            before()
        start = time.process_time()
        for args in inputs:
            work(*args)
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default="/work/bbc2225")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--every", type=int, default=1)
    args = ap.parse_args()
    semantic.load()
    with paused():
        alignments, stories = aligned(args.folder, args.every)
        one = [(s,) for s in stories]
        spent = {"marks": least(find_unique, alignments, args.runs, segment.paragraph_words.cache_clear), "quotes": least(find_quotes, one, args.runs),
                 "figures": least(find_figures, one, args.runs), "rewrites": least(find_rewrites, one, args.runs)}
    print(f"{args.folder}: {len(stories)} stories, CPU seconds, least of {args.runs} runs")
    for name, seconds in spent.items():
        print(f"  {name:9s} {seconds:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
