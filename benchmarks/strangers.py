"""Strangers: does the engine group paraphrases and leave unrelated sentences apart?

    python benchmarks/strangers.py [--size N] [--split train|test|both]

MSRP pairs are dealt into stories of two "articles": each pair's first sentence goes to
article A, its second to article B, each article in its own shuffled order (fixed seed), one
sentence a paragraph. The sentences of different pairs are strangers (other news of the same
weeks: some share a name), the two of a pair labelled 1 are paraphrase partners.

* partners grouped: share of paraphrase pairs (label 1) the engine puts in one group;
* strangers among grouped: share of the cross-article pairs it groups that come from two
  different MSRP pairs.

Targets (issue 13): partners grouped >= 90 %, strangers among grouped <= 5 %. The weights are
fitted on train (`benchmarks/fit_semantic.py`); test is the report.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from storyview.inputs.load import Loaded
from storyview.model import Article, Paragraph, Settings
from storyview.pipeline import story_from

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "msrp"
FILES = {"train": "msr_paraphrase_train.txt", "test": "msr_paraphrase_test.txt"}


def read(split: str, corpus: Path = CORPUS) -> list[tuple[int, str, str]]:
    rows = []
    with open(corpus / FILES[split], encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                rows.append((int(parts[0]), parts[3], parts[4]))
    return rows


@dataclass(frozen=True)
class Deal:
    """One two-article story: which MSRP pair (row) each paragraph of A and B comes from."""

    articles: tuple[Article, Article]
    pair_of: dict[tuple[str, int], int]
    labels: dict[int, int]


def deal(rows: list[tuple[int, str, str]], size: int, seed: int = 13) -> list[Deal]:
    """The rows, `size` to a story, each article in its own shuffled order."""
    rng = random.Random(seed)
    out = []
    for at in range(0, len(rows), size):
        chunk = list(enumerate(rows[at:at + size], at))
        sides = []
        pair_of: dict[tuple[str, int], int] = {}
        for side, name in ((1, "a"), (2, "b")):
            order = chunk[:]
            rng.shuffle(order)
            paragraphs = []
            for index, (row, fields) in enumerate(order):
                paragraphs.append(Paragraph(index, "body", fields[side]))
                pair_of[(name, index)] = row
            sides.append(Article(name, f"{name}.txt", tuple(paragraphs)))
        out.append(Deal((sides[0], sides[1]), pair_of, {row: fields[0] for row, fields in chunk}))
    return out


@dataclass
class Tally:
    partners: int = 0
    partners_grouped: int = 0
    related_grouped: int = 0  # label-0 pairs grouped: close, not strangers
    grouped: int = 0
    strangers: int = 0

    @property
    def recall(self) -> float:
        return self.partners_grouped / self.partners if self.partners else 0.0

    @property
    def stranger_share(self) -> float:
        return self.strangers / self.grouped if self.grouped else 0.0


def run(deals: list[Deal], settings: Settings) -> Tally:
    t = Tally()
    for d in deals:
        story = story_from(Loaded(list(d.articles)), settings)
        grouped = set()
        for g in story.groups:
            for x, y in combinations(g.members, 2):
                if x.source != y.source:
                    grouped.add((d.pair_of[(x.source, x.paragraph)], d.pair_of[(y.source, y.paragraph)]))
        t.partners += sum(1 for label in d.labels.values() if label == 1)
        t.grouped += len(grouped)
        for a, b in grouped:
            if a != b:
                t.strangers += 1
            elif d.labels[a] == 1:
                t.partners_grouped += 1
            else:
                t.related_grouped += 1
    return t


def line(name: str, t: Tally) -> str:
    return (f"{name:<34} {t.recall:>9.1%} {t.stranger_share:>10.1%} {t.grouped:>8} {t.strangers:>9} "
            f"{t.related_grouped:>8}")


HEADER = f"{'':<34} {'partners':>9} {'strangers':>10} {'grouped':>8} {'strangers':>9} {'label 0':>8}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=50, help="MSRP pairs per two-article story (default 50)")
    ap.add_argument("--split", choices=("train", "test", "both"), default="both")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"MSRP not found at {CORPUS}", file=sys.stderr)
        return 1
    splits = ("train", "test") if args.split == "both" else (args.split,)
    print(f"MSRP pairs dealt {args.size} to a two-article story; targets: partners >= 90 %, strangers <= 5 %")
    print(HEADER)
    for split in splits:
        deals = deal(read(split), args.size)
        for semantic in (False, True):
            started = time.perf_counter()
            t = run(deals, Settings(semantic=semantic))
            name = f"{split} ({len(deals)} stories) {'with' if semantic else 'without'} meaning"
            print(line(name, t) + f"   {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
