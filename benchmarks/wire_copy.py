"""Wire copy: does `W` name the pairs that share text word for word, and only those?

    python benchmarks/wire_copy.py [--pairs N]

Two parts, each story a folder of .txt files built as a user's folder would be:

* BBC (2,225 articles, never looked at while the thresholds were set):
  - wire pairs: an article and a report made from it as a newsroom uses agency copy — a third
    to a half of its sentences kept word for word, reordered, the rest another article's
    sentences of the same category. Found: named copy, rewrite or wire (not partial, not
    independent).
  - independent pairs: two articles of one category. Wrongly named: copy, rewrite or wire.
  - duplicates: the bodies the corpus holds twice. Found: named copy.
* ECB+ topics 1-30 (sets of reports of one event, several of them agency copy): how many pairs
  each verdict gets (`--per-set`: for each set too, `--topics 16-30`: of those topics only),
  the pairs that share whole sentences of their own word for word, the pairs called independent
  although they share half their runs of four words and more than a phrase word for word (must
  be none), and the pairs called rewrite or partial with no wire evidence: named on order and
  wording alone, they should be few.

The thresholds (`WIRE_SENTENCE_WORDS`, `WIRE_STRETCH`, `WIRE_SHARE`, `WIRE_WORDS` in findings/rewrites.py)
were set looking at ECB+ topics 8, 12, 24, 18 and 22, and (`WIRE_STRETCH`) at the pairs the BBC
stories of /work/bbc2225 lost when quotations stopped counting; the BBC pairs built here were
never looked at while setting them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures_ecbplus import sets, write_set
from storyview.engine.segment import sentence_spans
from storyview.findings.rewrites import VERDICTS, WIRE_PHRASING, WIRE_SENTENCE_WORDS, WIRE_WORDS, find_rewrites
from storyview.pipeline import build_story

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_articles.jsonl"
NAMED = {"copy", "rewrite", "wire"}


def read_bbc() -> list[dict]:
    with open(BBC, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split(paragraphs: list[str]) -> list[str]:
    return [p[a:b] for p in paragraphs for a, b in sentence_spans(p)]


def verdict(root: Path, name: str, a: tuple[str, list[str]], b: tuple[str, list[str]]) -> str:
    """The verdict `find_rewrites` gives two articles (title, paragraphs) as a folder of two."""
    folder = root / name
    folder.mkdir()
    for n, (title, paragraphs) in enumerate((a, b)):
        (folder / f"{n}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    pairs = find_rewrites(build_story([str(folder)]))
    return pairs[0].verdict if pairs else "none"


def wire_report(rng: random.Random, source: dict, other: dict) -> tuple[str, list[str]]:
    """A report made from `source` as agency copy is used: some of its sentences word for word,
    in another order, with another article's sentences between them."""
    own = split(source["paragraphs"])
    filler = split(other["paragraphs"])
    kept = rng.sample(own, max(3, round(len(own) * rng.uniform(0.33, 0.5))))
    rng.shuffle(kept)
    body = kept + filler[: len(own) - len(kept)]
    rng.shuffle(body)
    return "Report " + source["title"][:20], [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]


def bbc(pairs: int, root: Path) -> None:
    rng = random.Random(7)
    articles = [a for a in read_bbc() if len(split(a["paragraphs"])) >= 8]
    by_category: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_category[a["category"]].append(a)
    found = wrong = 0
    named: Counter[str] = Counter()
    for n in range(pairs):
        cat = rng.choice(sorted(by_category))
        x, y = rng.sample(by_category[cat], 2)
        v = verdict(root, f"wire{n}", (x["title"], x["paragraphs"]), wire_report(rng, x, y))
        found += v in NAMED
        named[v] += 1
    print(f"BBC wire pairs          {pairs:4d}  named copy/rewrite/wire {found / pairs:.2f}  ({dict(named)})")
    independent: Counter[str] = Counter()
    for n in range(pairs):
        cat = rng.choice(sorted(by_category))
        x, y = rng.sample(by_category[cat], 2)
        v = verdict(root, f"indep{n}", (x["title"], x["paragraphs"]), (y["title"], y["paragraphs"]))
        wrong += v in NAMED
        independent[v] += 1
    print(f"BBC independent pairs   {pairs:4d}  wrongly named           {wrong / pairs:.2f}  ({dict(independent)})")
    seen: dict[str, dict] = {}
    twins = []
    for a in read_bbc():
        key = "\n".join(a["paragraphs"])
        if key in seen:
            twins.append((seen[key], a))
        else:
            seen[key] = a
    copies = sum(verdict(root, f"twin{n}", (x["title"], x["paragraphs"]), (y["title"], y["paragraphs"])) == "copy"
                 for n, (x, y) in enumerate(twins[:pairs]))
    shown = min(len(twins), pairs)
    print(f"BBC duplicate bodies    {shown:4d}  named copy              {copies / shown:.2f}")


def ecbplus(root: Path, topics: range | None = None, per_set: bool = False) -> None:
    verdicts: Counter[str] = Counter()
    loud = sentences = bare = 0
    for name, sub in sets().items():
        if topics is not None and int(name.split("_")[0]) not in topics:
            continue
        here: Counter[str] = Counter()
        for p in find_rewrites(build_story([str(write_set(sub, root))])):
            here[p.verdict] += 1
            loud += p.verdict == "independent" and max(p.a.phrasing, p.b.phrasing) >= WIRE_PHRASING and p.words >= WIRE_WORDS
            sentences += p.told >= WIRE_SENTENCE_WORDS
            bare += p.verdict in ("rewrite", "partial") and not p.wire
        if per_set:
            print(f"  {name:12s}" + "  ".join(f"{v} {here[v]:3d}" for v in VERDICTS))
        verdicts += here
    total = sum(verdicts.values())
    print(f"ECB+ pairs              {total:4d}  " + "  ".join(f"{v} {verdicts[v]}" for v in VERDICTS))
    print(f"ECB+ pairs sharing whole sentences of their own word for word ({WIRE_SENTENCE_WORDS}+ words): {sentences}")
    print(f"ECB+ pairs called independent with half their four-word runs and {WIRE_WORDS}+ words shared: {loud}")
    print(f"ECB+ pairs called rewrite or partial without wire evidence: {bare}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=150, help="BBC pairs of each kind (default 150; 0: no BBC)")
    parser.add_argument("--topics", help="ECB+ topics FIRST-LAST only (default all)")
    parser.add_argument("--per-set", action="store_true", help="ECB+ verdicts for each set too")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="wire-copy-"))
    if args.pairs:
        bbc(args.pairs, root)
    topics = None
    if args.topics:
        first, _, last = args.topics.partition("-")
        topics = range(int(first), int(last or first) + 1)
    ecbplus(root, topics, args.per_set)


if __name__ == "__main__":
    main()
