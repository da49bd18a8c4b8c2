"""What the power tools cost on a large story: shares, pins applied, base order, TEI.

    python benchmarks/power.py [FOLDER]   (default: the 500 BBC articles in /work/bbc500)

Prints the median of five runs of each step next to the time of the whole build.
"""

from __future__ import annotations

import sys
import time
from statistics import median

from storyview.engine.align import align
from storyview.engine.base import base_order, relative, relative_marks
from storyview.engine.pins import apply_pins
from storyview.engine.shares import source_shares
from storyview.exports.tei import to_tei
from storyview.model import Pin, Settings
from storyview.pipeline import build_story


def timed(step, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return median(times)


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "/work/bbc500"
    start = time.perf_counter()
    story = build_story([folder])
    build = time.perf_counter() - start
    alignment = align(story.articles, Settings())
    shared = [g for g in alignment.groups if len(set(g.sources)) > 1]
    singles = [g.members[0] for g in alignment.groups if len(g.members) == 1]
    pins = [Pin("pin", g.members[0], s) for g, s in zip(shared, singles) if s.source not in g.sources][:20]
    pins += [Pin("break", g.members[0], g.members[-1]) for g in shared[20:40]]
    base = story.articles[0].id
    print(f"{len(story.articles)} articles, {len(story.groups)} groups; whole build {build:.2f} s")
    print(f"shares            {timed(lambda: source_shares(story)) * 1000:8.1f} ms")
    print(f"apply {len(pins)} pins     {timed(lambda: apply_pins(alignment, pins)) * 1000:8.1f} ms")
    print(f"apply no pins     {timed(lambda: apply_pins(alignment, [])) * 1000:8.1f} ms")
    print(f"base order        {timed(lambda: (base_order(story, base), relative(story, base))) * 1000:8.1f} ms")
    print(f"base marks        {timed(lambda: relative_marks(story, base)) * 1000:8.1f} ms")
    print(f"TEI               {timed(lambda: to_tei(story), runs=3) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
