"""Why the seeds reference's clear pairs that the engine does not group are missed.

    python benchmarks/seeds_misses.py [--no-semantic]

For each clear pair (benchmarks/seeds_reference.json) in two different groups, one cause:

* no candidate   the pair was never scored (no shared rare word, not each other's nearest by
                 meaning);
* below          scored, but its link score (order bonus included) is under the threshold;
* grouping       scored at or above the threshold, yet kept apart by the grouping: merging the
                 two groups would put two paragraphs of one source that do not follow each
                 other in one group ("one paragraph, or one run, per source"), or the average
                 link between the two groups is under the threshold.

Then the same grouping with only the clear and acceptable pairs scored (an oracle: the wrong
pairs' scores removed, the right pairs the engine never scored given their shared words): what
the right pairs' scores alone can group.

Each line shows the pair's shared-words score (Dice), its meaning (best sentences' cosine above
the story's baseline, whether or not the pair is a candidate), its link score and the two groups.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from storyview.engine import align as engine
from storyview.engine.candidates import prepare
from storyview.engine.similarity import Idf
from storyview.inputs.boilerplate import off_topic
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import build_story

from seeds import REFERENCE, reference_pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-semantic", action="store_true")
    args = ap.parse_args()
    settings = Settings(semantic=not args.no_semantic)
    story = build_story(None, settings)
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    articles = off_topic(load(None).articles)
    units = prepare(articles)
    index = {u.member: n for n, u in enumerate(units)}
    idf = Idf(u.stems for u in units)
    vectors = engine.embed(units) if settings.semantic else None
    floor = settings.threshold / 2
    evidence = engine.gather(units, idf, vectors, floor)
    raw = evidence.scores(floor)
    scores = engine.order_bonus(units, raw, settings)
    clusters = engine.cluster(units, scores, settings.threshold)
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    known = dict(zip(evidence.pairs, range(len(evidence.pairs))))
    best = vectors.best_matrix if vectors is not None else None
    base = vectors.baseline(engine.owners(units)) if vectors is not None else 0.0

    def name(i: int) -> str:
        return f"{units[i].member.source[:3]}/{units[i].member.paragraph}"

    def contiguous(merged: list[int]) -> bool:
        ranks: dict[str, list[int]] = {}
        for x in merged:
            ranks.setdefault(units[x].member.source, []).append(units[x].rank)
        return all(max(r) - min(r) == len(r) - 1 for r in ranks.values())

    causes: Counter[str] = Counter()
    total = 0
    for a, b in reference_pairs(story, reference, "pairs"):
        total += 1
        i, j = sorted((index[a], index[b]))
        if cluster_of[i] == cluster_of[j]:
            continue
        n = known.get((i, j))
        score = scores.get((i, j), 0.0)
        gi, gj = clusters[cluster_of[i]], clusters[cluster_of[j]]
        if n is None:
            cause = "no candidate"
        elif score < settings.threshold:
            cause = "below"
        elif not contiguous(gi + gj):
            cause = "grouping (one run per source)"
        else:
            cause = "grouping (average link)"
        causes[cause] += 1
        meaning = f"{best[i, j] - base:+.3f}" if best is not None else "  -   "
        dice = f"{evidence.dice[n]:.3f}" if n is not None else "  -  "
        print(f"{name(i)} x {name(j)}  {cause:<30} dice {dice}  meaning {meaning}  score {score:.3f}  "
              f"groups {{{' '.join(map(name, gi))}}} {{{' '.join(map(name, gj))}}}")
    grouped = total - sum(causes.values())
    print(f"\n{grouped} of {total} clear pairs grouped ({grouped / total:.1%}); missed: "
          + ", ".join(f"{c} {k}" for k, c in causes.most_common()))

    def members(key: str) -> set[tuple[int, int]]:
        return {(min(index[a], index[b]), max(index[a], index[b])) for a, b in reference_pairs(story, reference, key)}

    clear, right = members("pairs"), members("pairs") | members("acceptable")
    mass = [idf.mass(u.stems) for u in units]
    words = {(i, j): 2 * idf.mass(units[i].stems & units[j].stems) / ((mass[i] + mass[j]) or 1) for i, j in right}
    oracle = engine.cluster(units, engine.order_bonus(units, {p: raw.get(p, words[p]) for p in right}, settings),
                            settings.threshold)
    linked = {(min(x, y), max(x, y)) for m in oracle for x, y in combinations(m, 2)
              if units[x].member.source != units[y].member.source}
    print(f"with only the right pairs scored (an oracle): {len(clear & linked)} of {total} clear pairs "
          f"grouped ({len(clear & linked) / total:.1%}), links right {len(linked & right) / max(len(linked), 1):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
