"""Fit how much meaning moves a paragraph pair's score (`similarity.SEMANTIC_*`).

    python benchmarks/fit_semantic.py [--quick]

A pair's score is its shared rare words (idf-weighted Dice) or, where that says more, UP times
how far its two most alike sentences are above the story's baseline beyond CENTRE
(`similarity.paragraph_score`). Each (CENTRE, UP) of a grid runs the whole engine on ECB+ topics 1-10 (its F1 is the
objective) and the candidates with the best F1 then on the MSRP *train* strangers stories
(`strangers.py`), which must keep partners grouped >= 90 % and strangers <= 5 %. The best
feasible point is printed as the constants to commit. Nothing evaluated elsewhere (ECB+ 11-30,
MSRP test, the seeds reference) is read.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus  # noqa: E402
import strangers  # noqa: E402

from storyview.engine import similarity  # noqa: E402
from storyview.model import Settings  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a coarser grid")
    ap.add_argument("--keep", type=int, default=4, help="best points checked on the strangers stories")
    args = ap.parse_args()
    centres = (0.1, 0.2, 0.3) if args.quick else (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
    ups = (0.5, 1.0) if args.quick else (0.5, 0.75, 1.0, 1.5)
    subs = [s for s in ecbplus.read(ecbplus.CORPUS) if s.topic in ecbplus.TUNE]
    deals = strangers.deal(strangers.read("train"), 50)
    results = []
    with tempfile.TemporaryDirectory(prefix="storyview-fit-") as tmp:
        folders = {sub.name: ecbplus.write_folder(sub, Path(tmp)) for sub in subs}
        lexical, _ = ecbplus.run_engine(subs, folders, Settings(semantic=False))
        print(f"ECB+ 1-10 without meaning: F1 {ecbplus.total(lexical, subs, ecbplus.TUNE).f1 * 100:.1f}")
        for centre, up in itertools.product(centres, ups):
            similarity.SEMANTIC_CENTRE, similarity.SEMANTIC_UP = centre, up
            started = time.perf_counter()
            tallies, _ = ecbplus.run_engine(subs, folders, Settings())
            t = ecbplus.total(tallies, subs, ecbplus.TUNE)
            results.append((t.f1, centre, up))
            print(f"centre {centre:.2f} up {up:.2f}: recall {t.recall:6.1%} "
                  f"precision {t.precision:6.1%} F1 {t.f1 * 100:5.1f}  ({time.perf_counter() - started:.0f} s)",
                  flush=True)
    print()
    chosen = None
    for f1, centre, up in sorted(results, reverse=True)[:args.keep]:
        similarity.SEMANTIC_CENTRE, similarity.SEMANTIC_UP = centre, up
        s = strangers.run(deals, Settings())
        feasible = s.recall >= 0.9 and s.stranger_share <= 0.05
        print(f"centre {centre:.2f} up {up:.2f}: ECB+ 1-10 F1 {f1 * 100:.1f}; MSRP train "
              f"strangers: partners {s.recall:.1%}, strangers {s.stranger_share:.1%}"
              f"{'' if feasible else '  (infeasible)'}")
        if feasible and chosen is None:
            chosen = (centre, up)
    if chosen is None:
        print("no point of the grid keeps the strangers targets")
        return 1
    print(f"\nSEMANTIC_CENTRE = {chosen[0]}\nSEMANTIC_UP = {chosen[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
