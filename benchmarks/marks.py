"""Whole-phrase recall of the unique marks, on the seeds and on stories made from the corpora.

    python benchmarks/marks.py [--verbose] [--stories N]

Seeds: the hand-made reference (benchmarks/seeds_reference.json). A single-source name, quote
or figure counts as found only when *every* letter and digit of it lies inside a mark
("whole-phrase recall"); `benchmarks/seeds.py` counts one half-covered. A shared phrase counts
as wrongly marked when half of it or more is marked (as seeds.py counts it) and, stricter, when
any letter of it is.

Corpora: see `corpus_stories` — ECB+ and BBC texts with a single-source quote inserted into one
source and a shared sentence, reworded, inserted into two.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from seeds import REFERENCE, covered, item_span  # noqa: E402

from storyview.model import Story  # noqa: E402
from storyview.pipeline import build_story  # noqa: E402


def seeds_figures(story: Story, reference: dict, verbose: bool = False) -> dict[str, float]:
    whole = unique_total = half_wrong = any_wrong = shared_total = 0
    for item in reference["items"]:
        member, s, e = item_span(story, item["source"], item["text"], item.get("occurrence", 1))
        share = covered(story, member, s, e)
        text = story.paragraph(member).text
        near = [text[a:b] for a, b in story.unique(member) if b > s - 30 and a < e + 30]
        if item["unique"]:
            unique_total += 1
            whole += share == 1.0
            if verbose and share < 1.0:
                print(f"  not whole ({share:4.0%})  {item['source'][:3]} {item['text']!r}  marks near: {near}")
        else:
            shared_total += 1
            half_wrong += share >= 0.5
            any_wrong += share > 0
            if verbose and share > 0:
                print(f"  shared marked ({share:4.0%}) {item['source'][:3]} {item['text']!r}  marks near: {near}")
    return {
        "whole-phrase recall": whole / unique_total,
        "shared marked (half or more)": half_wrong / shared_total,
        "shared marked (any letter)": any_wrong / shared_total,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    story = build_story(None)
    print("seeds (40 single-source items, 35 shared):")
    for key, value in seeds_figures(story, reference, args.verbose).items():
        print(f"  {key:<32} {value:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
