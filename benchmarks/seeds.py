"""Score the engine on the seeds against a hand-made reference (benchmarks/seeds_reference.json).

    python benchmarks/seeds.py [--threshold T] [--verbose] [--sweep]

Each measure is shown with the word-vector model's meaning (the default) and with words only
(`--no-semantic`).

The reference was written by reading the five articles, without looking at the engine: which
paragraph pairs clearly tell the same thing ("pairs"), which overlap enough that linking them is
no error ("acceptable"), and which names, quotes and figures only one source reports ("items").
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import combinations
from pathlib import Path

from storyview.model import Member, Settings, Story
from storyview.pipeline import build_story

REFERENCE = Path(__file__).with_name("seeds_reference.json")


def locate(story: Story, source: str, starts: str) -> Member:
    article = story.article(source)
    want = " ".join(starts.split())
    for p in article.paragraphs:
        if " ".join(p.text.split()).startswith(want):
            return Member(source, p.index)
    raise LookupError(f"{source}: no paragraph starts with {starts!r}")


def item_span(story: Story, source: str, text: str, occurrence: int) -> tuple[Member, int, int]:
    seen = 0
    for p in story.article(source).paragraphs:
        at = p.text.find(text)
        while at >= 0:
            seen += 1
            if seen == occurrence:
                return Member(source, p.index), at, at + len(text)
            at = p.text.find(text, at + 1)
    raise LookupError(f"{source}: {text!r} occurrence {occurrence} not found")


def covered(story: Story, member: Member, start: int, end: int) -> float:
    """Share of the item's letters and digits inside unique spans."""
    text = story.paragraph(member).text
    chars = [i for i in range(start, end) if text[i].isalnum()]
    inside = sum(1 for i in chars if any(s <= i < e for s, e in story.unique(member)))
    return inside / len(chars) if chars else 0.0


def reference_pairs(story: Story, reference: dict, key: str) -> list[tuple[Member, Member]]:
    """The reference's pairs of `key` ("pairs": the clear ones, "acceptable") as the story's paragraphs."""
    return [(locate(story, p["a"]["source"], p["a"]["starts"]), locate(story, p["b"]["source"], p["b"]["starts"]))
            for p in reference[key]]


def evaluate(story: Story, reference: dict, verbose: bool = False) -> dict[str, float]:
    def pair_set(key: str) -> set[frozenset[Member]]:
        return {frozenset(pair) for pair in reference_pairs(story, reference, key)}

    clear, acceptable = pair_set("pairs"), pair_set("acceptable")
    linked = {frozenset(pair) for g in story.groups for pair in combinations(g.members, 2) if pair[0].source != pair[1].source}
    found = clear & linked
    right = linked & (clear | acceptable)
    results = {
        "pair recall": len(found) / len(clear),
        "link precision": len(right) / len(linked) if linked else 1.0,
        "links": len(linked),
    }
    unique_hits, unique_total, shared_wrong, shared_total = 0, 0, 0, 0
    for item in reference["items"]:
        member, s, e = item_span(story, item["source"], item["text"], item.get("occurrence", 1))
        share = covered(story, member, s, e)
        if item["unique"]:
            unique_total += 1
            unique_hits += share >= 0.5
            if verbose and share < 0.5:
                print(f"  missed unique  {item['source'][:3]} {item['text']!r}")
        else:
            shared_total += 1
            shared_wrong += share >= 0.5
            if verbose and share >= 0.5:
                print(f"  wrongly unique {item['source'][:3]} {item['text']!r}")
    results["unique items marked"] = unique_hits / unique_total
    results["shared items wrongly marked"] = shared_wrong / shared_total
    if verbose:
        for pair in sorted(clear - linked, key=sorted):
            print("  missed pair   ", sorted(pair))
        for pair in sorted(linked - clear - acceptable, key=sorted):
            print("  wrong link    ", sorted(pair))
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threshold", type=float, default=Settings.threshold)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--sweep", action="store_true", help="also show the measures for thresholds 0.10-0.26")
    args = ap.parse_args()
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    if args.sweep:
        sweep(reference)
    rows = {}
    for semantic in (True, False):
        started = time.perf_counter()
        story = build_story(None, Settings(threshold=args.threshold, semantic=semantic))
        elapsed = time.perf_counter() - started
        if args.verbose:
            print(f"-- {'with' if semantic else 'without'} meaning")
        rows[semantic] = (evaluate(story, reference, args.verbose), len(story.groups), elapsed, story.model)
    print(f"seeds, threshold {args.threshold}: {rows[True][1]} groups with meaning ({rows[True][3] or 'no model'}), "
          f"{rows[False][1]} with words only; engine {rows[True][2] * 1000:.0f} ms (model load included) "
          f"and {rows[False][2] * 1000:.0f} ms")
    targets = {"pair recall": ">= 85%", "link precision": ">= 85%", "unique items marked": ">= 95%",
               "shared items wrongly marked": "<= 5%"}
    print(f"  {'':<30} {'meaning':>8} {'words':>8}   target")
    for key in rows[True][0]:
        shown = [f"{r[0][key]:.0f}" if key == "links" else f"{r[0][key]:6.1%}" for r in (rows[True], rows[False])]
        print(f"  {key:<30} {shown[0]:>8} {shown[1]:>8}   {targets.get(key, '')}")
    return 0


def sweep(reference: dict) -> None:
    """How much the figures hang on the threshold: five sources give few pairs, so they jump."""
    print("threshold  groups  recall  precision  links  unique  shared wrongly")
    for n in range(10, 27, 2):
        threshold = n / 100
        story = build_story(None, Settings(threshold=threshold))
        r = evaluate(story, reference)
        print(f"{threshold:9.2f}  {len(story.groups):6d}  {r['pair recall']:6.1%}  {r['link precision']:9.1%}  "
              f"{r['links']:5.0f}  {r['unique items marked']:6.1%}  {r['shared items wrongly marked']:14.1%}")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
