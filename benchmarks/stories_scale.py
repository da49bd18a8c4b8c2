"""Stories first at scale: the 2,225 BBC articles split into stories and every story aligned.

    python benchmarks/stories_scale.py [--runs 3] [--compare-one-story]

1. `storyview --json FOLDER` as a subprocess (the folder written as scale.py writes it): wall
   time (median of --runs) and the child's peak resident memory, plus how many stories.
2. The split alone, in-process: fingerprints, candidate pairs, linkage (median of --runs).
3. The reader: time from start until the story list is on screen (headless, 120x40), and a
   check that no story was aligned by then.
With --compare-one-story, the same folder through the old path (every article one story:
`build_story`) in-process, for scale.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scale import CORPUS, read_bbc, run_cli, write_articles
from storyview.engine.stories import candidate_pairs, fingerprint, link, term_counts
from storyview.inputs.load import load
from storyview.model import Settings


def split_times(folder: Path, runs: int) -> tuple[float, float, float, int]:
    """Median seconds of fingerprints, candidate pairs and linkage; and the number of pairs."""
    articles = load([str(folder)]).articles
    fp_t, pair_t, link_t, pairs = [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        fps = [fingerprint(a) for a in articles]
        t1 = time.perf_counter()
        counts = term_counts(fps)
        found = candidate_pairs(fps, None, counts)
        t2 = time.perf_counter()
        link(fps, found, None, counts)
        t3 = time.perf_counter()
        fp_t.append(t1 - t0)
        pair_t.append(t2 - t1)
        link_t.append(t3 - t2)
        pairs.append(len(found))
    return statistics.median(fp_t), statistics.median(pair_t), statistics.median(link_t), pairs[0]


async def list_on_screen(folder: Path) -> tuple[float, bool]:
    """Seconds until the story list shows, and whether any story was aligned by then."""
    from storyview.pipeline import align_story, collect
    from storyview.reader.app import StoryviewApp

    aligned = []

    def align(c, i, s, p=None):  # type: ignore[no-untyped-def]
        aligned.append(i)
        return align_story(c, i, s, p)

    started = time.perf_counter()
    app = StoryviewApp(build=lambda s, p=None: None, gather=lambda p=None: collect(load([str(folder)], p), progress=p),
                       align=align)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.screen.__class__.__name__ != "StoriesScreen":
            await pilot.pause(0.01)
        await pilot.pause()
        return time.perf_counter() - started, bool(aligned)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--compare-one-story", action="store_true")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    rows = read_bbc(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bbc"
        write_articles(rows, folder)
        walls, peaks = [], []
        size = code = 0
        for _ in range(args.runs):
            wall, peak, code, size = run_cli(folder, args.timeout)  # type: ignore[assignment]
            walls.append(wall)
            peaks.append(peak)
        out = subprocess_json(folder)
        print(f"storyview --json, {len(rows):,} BBC articles: {statistics.median(walls):.2f} s median of {args.runs} "
              f"(min {min(walls):.2f}), peak {max(peaks) / 1024:.0f} MiB, exit {code}, {size / 1e6:.1f} MB of JSON")
        print(f"  {len(out['stories'])} stories: {sum(len(s['sources']) > 1 for s in out['stories'])} of several "
              f"sources (largest {max(len(s['sources']) for s in out['stories'])}), "
              f"{sum(len(s['sources']) == 1 for s in out['stories'])} single articles; {len(out['groups']):,} groups")
        fp, pairs_s, link_s, pairs = split_times(folder, args.runs)
        print(f"split alone: fingerprints {fp:.2f} s, candidate pairs {pairs_s:.2f} s ({pairs:,} pairs), "
              f"linkage {link_s:.2f} s")
        shown, any_aligned = asyncio.run(list_on_screen(folder))
        print(f"reader: story list on screen after {shown:.2f} s; a story aligned by then: {any_aligned}")
        if args.compare_one_story:
            from storyview.pipeline import build_story

            started = time.perf_counter()
            build_story([str(folder)], Settings())
            print(f"for scale, every article as one story (build_story in-process): {time.perf_counter() - started:.2f} s")
    return 0


def subprocess_json(folder: Path) -> dict:
    import subprocess

    done = subprocess.run([sys.executable, "-m", "storyview", "--json", str(folder)], capture_output=True, check=True)
    return json.loads(done.stdout)


if __name__ == "__main__":
    sys.exit(main())
