"""Grouping quality on ECB+: does the engine put sentences that tell the same action together?

    python benchmarks/ecbplus.py [--threshold T] [--tune-engine]

Every ECB+ sub-topic (a set of 3–22 articles about one event) becomes one story: each article is
a source, written to a temporary folder as a .txt file with one sentence per paragraph, and the
folder goes through `build_story` as a user's folder would.

Gold: two sentences of different articles that share an `ACT…` instance id describe the same
action. The annotation is partial, so the figures are

* recall     share of those gold cross-document pairs the engine puts in one group;
* precision  of the cross-source pairs the engine groups, the share that share *any* instance id
             (ACT/HUM/LOC/TIM/NON/NEG). It is a LOWER BOUND: unannotated sentences may still
             tell the same thing, so a pair counted wrong here is not necessarily wrong;
* F1         2PR/(P+R) of the two above (so it inherits the lower bound).

The engine is shown with the word-vector model's meaning (the default) and with words only
(`--no-semantic`); the weights of meaning were fitted on topics 1-10 (`fit_semantic.py`).

Baseline: union-find over rapidfuzz `token_set_ratio >= T` on whole sentences of different
articles, T tuned for F1 on topics 1–10 and scored on topics 11–30. The engine is shown on
11–30 too, as the held-out part; with `--tune-engine` its threshold is also tuned on 1–10, the
same way, for a like-for-like comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

from storyview.model import Settings, Story
from storyview.pipeline import build_story

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"
TUNE = range(1, 11)
HELD_OUT = range(11, 31)

Key = tuple[int, int]  # (article number within the sub-topic, sentence number)
Pair = tuple[Key, Key]


@dataclass
class Subtopic:
    name: str
    topic: int
    docs: list[str]
    sentences: list[list[str]]  # per article, its sentence texts
    act_pairs: set[Pair]  # gold: cross-article pairs sharing an ACT id
    any_pairs: set[Pair]  # cross-article pairs sharing any instance id


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    linked: int = 0
    annotated: int = 0
    sentences: int = 0
    ungrouped_kind: int = 0  # sentences the engine did not treat as body text
    gold_outside: int = 0  # gold pairs with a sentence the engine did not treat as body text
    partners: int = 0  # (sentence, other article) with at least one gold partner there
    partners_hit: int = 0  # ... grouped with at least one of those partners
    outside: set[Key] = field(default_factory=set)  # the sentences not treated as body text

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.linked += other.linked
        self.annotated += other.annotated
        self.sentences += other.sentences
        self.ungrouped_kind += other.ungrouped_kind
        self.gold_outside += other.gold_outside
        self.partners += other.partners
        self.partners_hit += other.partners_hit

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def partner_recall(self) -> float:
        return self.partners_hit / self.partners if self.partners else 0.0

    @property
    def precision(self) -> float:
        return self.annotated / self.linked if self.linked else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ordered(a: Key, b: Key) -> Pair:
    return (a, b) if a <= b else (b, a)


def read(path: Path) -> list[Subtopic]:
    by_sub: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_sub[row["subtopic"]].append(row)
    out = []
    for name, rows in by_sub.items():
        rows.sort(key=lambda r: r["doc"])
        holders: dict[str, list[Key]] = defaultdict(list)
        for d, row in enumerate(rows):
            for s, sent in enumerate(row["sentences"]):
                for inst in set(sent["cross_doc_instances"]):
                    holders[inst].append((d, s))
        act: set[Pair] = set()
        any_: set[Pair] = set()
        for inst, keys in holders.items():
            for a, b in combinations(keys, 2):
                if a[0] != b[0]:
                    any_.add(ordered(a, b))
                    if inst.startswith("ACT"):
                        act.add(ordered(a, b))
        out.append(Subtopic(name, int(rows[0]["topic"]), [r["doc"] for r in rows],
                            [[s["text"] for s in r["sentences"]] for r in rows], act, any_))
    out.sort(key=lambda s: (s.topic, s.name))
    return out


def score(sub: Subtopic, linked: set[Pair]) -> Tally:
    t = Tally()
    t.gold = len(sub.act_pairs)
    t.found = len(sub.act_pairs & linked)
    t.linked = len(linked)
    t.annotated = len(sub.any_pairs & linked)
    t.sentences = sum(len(s) for s in sub.sentences)
    partners: dict[tuple[Key, int], bool] = {}
    for a, b in sub.act_pairs:
        hit = (a, b) in linked
        for own, other in ((a, b), (b, a)):
            partners[(own, other[0])] = partners.get((own, other[0]), False) or hit
    t.partners = len(partners)
    t.partners_hit = sum(partners.values())
    return t


# ---------------------------------------------------------------- engine


def write_folder(sub: Subtopic, root: Path) -> Path:
    folder = root / sub.name
    folder.mkdir()
    for d, (doc, sents) in enumerate(zip(sub.docs, sub.sentences)):
        # A blank line between sentences: one sentence, one paragraph (no hard-wrap joining).
        (folder / f"{d:02d}_{doc}.txt").write_text("\n\n".join(sents) + "\n", encoding="utf-8")
    return folder


def member_keys(sub: Subtopic, story: Story) -> dict[tuple[str, int], Key]:
    """(source id, paragraph index) -> (article, sentence), matching texts in order."""
    out: dict[tuple[str, int], Key] = {}
    for article in story.articles:
        d = int(article.id.split("_", 1)[0])
        sents = [" ".join(s.split()) for s in sub.sentences[d]]
        s = 0
        for para in article.paragraphs:
            text = " ".join(para.text.split())
            if s < len(sents) and sents[s] != text and sents[s].startswith(text):
                out[(article.id, para.index)] = (d, s)  # a dateline set apart: its sentence's rest follows
                continue
            while s < len(sents) and sents[s] != text and not sents[s].endswith(text):
                s += 1
            if s == len(sents):
                raise LookupError(f"{article.id}: paragraph {para.index} matches no sentence")
            out[(article.id, para.index)] = (d, s)
            s += 1
    return out


def engine_links(sub: Subtopic, story: Story) -> tuple[set[Pair], set[Key]]:
    keys = member_keys(sub, story)
    linked: set[Pair] = set()
    for group in story.groups:
        for a, b in combinations(group.members, 2):
            if a.source != b.source:
                linked.add(ordered(keys[(a.source, a.paragraph)], keys[(b.source, b.paragraph)]))
    not_body = {keys[(a.id, p.index)] for a in story.articles for p in a.paragraphs if p.kind != "body"}
    return linked, not_body


def run_engine(subs: list[Subtopic], folders: dict[str, Path], settings: Settings) -> tuple[dict[str, Tally], float]:
    out = {}
    spent = 0.0
    for sub in subs:
        started = time.perf_counter()
        story = build_story([str(folders[sub.name])], settings)
        spent += time.perf_counter() - started
        linked, not_body = engine_links(sub, story)
        tally = score(sub, linked)
        tally.ungrouped_kind = len(not_body)
        tally.gold_outside = sum(1 for a, b in sub.act_pairs if a in not_body or b in not_body)
        tally.outside = not_body
        out[sub.name] = tally
    return out, spent


# ---------------------------------------------------------------- baseline


def baseline_scores(sub: Subtopic) -> tuple[list[Key], np.ndarray]:
    keys = [(d, s) for d, sents in enumerate(sub.sentences) for s in range(len(sents))]
    texts = [sub.sentences[d][s] for d, s in keys]
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                           dtype=np.float32, workers=-1)
    return keys, matrix


def baseline_links(keys: list[Key], matrix: np.ndarray, threshold: float) -> set[Pair]:
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rows, cols = np.nonzero(np.triu(matrix >= threshold, k=1))
    for i, j in zip(rows.tolist(), cols.tolist()):
        if keys[i][0] != keys[j][0]:
            parent[find(i)] = find(j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        comps[find(i)].append(i)
    linked: set[Pair] = set()
    for members in comps.values():
        for i, j in combinations(members, 2):
            if keys[i][0] != keys[j][0]:
                linked.add(ordered(keys[i], keys[j]))
    return linked


# ---------------------------------------------------------------- report


def recall_bound(subs: list[Subtopic], topics: range, outside: dict[str, set[Key]] | None = None) -> float:
    """The most gold pairs any grouping with one sentence per article in a group can hold: per
    pair of articles, a maximum matching of their gold pairs (a run of consecutive sentences
    can add a little). The engine's groups are of that kind, so pair recall stays below it.
    With `outside` (per sub-topic, the sentences the engine does not group), only the gold
    pairs of two body sentences can be held (the share is still of all gold pairs)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    gold = held = 0
    for sub in subs:
        if sub.topic not in topics:
            continue
        by_articles: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        skip = outside.get(sub.name, set()) if outside is not None else set()
        gold += sum(1 for a, b in sub.act_pairs if a in skip or b in skip)
        for a, b in sub.act_pairs:
            if a not in skip and b not in skip:
                by_articles[(a[0], b[0])].append((a[1], b[1]))
        for pairs in by_articles.values():
            rows = {x: n for n, x in enumerate(sorted({x for x, _ in pairs}))}
            cols = {y: n for n, y in enumerate(sorted({y for _, y in pairs}))}
            graph = csr_matrix((np.ones(len(pairs)), ([rows[x] for x, _ in pairs], [cols[y] for _, y in pairs])),
                               shape=(len(rows), len(cols)))
            held += int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())
            gold += len(pairs)
    return held / gold if gold else 0.0



def total(tallies: dict[str, Tally], subs: list[Subtopic], topics: range) -> Tally:
    t = Tally()
    for sub in subs:
        if sub.topic in topics:
            t.add(tallies[sub.name])
    return t


def line(name: str, part: str, t: Tally) -> str:
    return (f"{name:<38} {part:<14} {t.gold:>6} {t.recall:>7.1%} {t.partner_recall:>8.1%} {t.linked:>7} "
            f"{t.precision:>9.1%} {t.f1 * 100:>6.1f}")


HEADER = (f"{'system':<38} {'topics':<14} {'gold':>6} {'recall':>7} {'partner':>8} {'linked':>7} {'prec. LB':>9} "
          f"{'F1 LB':>6}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threshold", type=float, default=Settings.threshold, help="engine paragraph link score")
    ap.add_argument("--tune-engine", action="store_true",
                    help="also tune the engine threshold on topics 1-10 and score it on 11-30")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"ECB+ not found at {args.corpus}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    subs = read(args.corpus)
    n_docs = sum(len(s.docs) for s in subs)
    n_sents = sum(len(x) for s in subs for x in s.sentences)
    print(f"ECB+ topics 1-30: {len(subs)} sub-topics, {n_docs} articles, {n_sents} sentences, "
          f"{sum(len(s.act_pairs) for s in subs)} gold ACT pairs, "
          f"{sum(len(s.any_pairs) for s in subs)} pairs sharing any instance id")

    with tempfile.TemporaryDirectory(prefix="storyview-ecbplus-") as tmp:
        folders = {sub.name: write_folder(sub, Path(tmp)) for sub in subs}
        settings = Settings(threshold=args.threshold)
        engine, engine_time = run_engine(subs, folders, settings)
        words_only, words_time = run_engine(subs, folders, Settings(threshold=args.threshold, semantic=False))
        tuned_engine = None
        if args.tune_engine:
            best = None
            for t in (0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.30, 0.35, 0.40):
                tallies, _ = run_engine(subs, folders, Settings(threshold=t))
                f1 = total(tallies, subs, TUNE).f1
                if best is None or f1 > best[0]:
                    best = (f1, t, tallies)
            tuned_engine = best

    base_started = time.perf_counter()
    matrices = {sub.name: baseline_scores(sub) for sub in subs}
    grid = list(range(40, 101, 2))
    sweep: dict[int, dict[str, Tally]] = {}
    for t in grid:
        sweep[t] = {sub.name: score(sub, baseline_links(*matrices[sub.name], t)) for sub in subs}
    best_t = max(grid, key=lambda t: (total(sweep[t], subs, TUNE).f1, -t))
    base_time = time.perf_counter() - base_started

    print()
    print("pairs are cross-article sentence pairs, micro-averaged over sub-topics;")
    print("'prec. LB' = share of grouped pairs that share any instance id: a LOWER BOUND on precision")
    print("(the annotation is partial), and so is 'F1 LB'. 'partner' = share of (sentence, other article)")
    print("with a gold ACT partner there where the sentence is grouped with at least one such partner")
    print("(a group holds one paragraph per source, or one contiguous run, so pair recall cannot reach 100 %).")
    print()
    print(HEADER)
    for name, tallies in ((f"storyview {args.threshold}, meaning", engine),
                          (f"storyview {args.threshold}, words only", words_only)):
        print(line(name, "1-30 (all)", total(tallies, subs, range(1, 31))))
        print(line(name, "1-10", total(tallies, subs, TUNE)))
        print(line(name, "11-30 held-out", total(tallies, subs, HELD_OUT)))
    if tuned_engine:
        f1, t, tallies = tuned_engine
        name = f"storyview (threshold {t}, tuned 1-10)"
        print(line(name, "1-10 tuning", total(tallies, subs, TUNE)))
        print(line(name, "11-30 held-out", total(tallies, subs, HELD_OUT)))
    name = f"token_set_ratio >= {best_t} (tuned 1-10)"
    print(line(name, "1-10 tuning", total(sweep[best_t], subs, TUNE)))
    print(line(name, "11-30 held-out", total(sweep[best_t], subs, HELD_OUT)))
    all_engine = total(engine, subs, range(1, 31))
    print()
    print(f"engine kept {all_engine.ungrouped_kind} of {all_engine.sentences} sentences out of grouping "
          f"(headline/byline/boilerplate: not body text); {all_engine.gold_outside} of {all_engine.gold} gold "
          f"pairs ({all_engine.gold_outside / max(all_engine.gold, 1):.1%}) involve one of them")
    print(f"upper bound on pair recall with one sentence per article in a group: "
          f"{recall_bound(subs, TUNE):.1%} on 1-10, {recall_bound(subs, HELD_OUT):.1%} on 11-30")
    outside = {name: t.outside for name, t in engine.items()}
    print(f"... and with only the sentences the engine groups (body text): "
          f"{recall_bound(subs, TUNE, outside):.1%} on 1-10, {recall_bound(subs, HELD_OUT, outside):.1%} on 11-30")
    print("baseline F1 LB on 1-10 by T: " + ", ".join(
        f"{t}:{total(sweep[t], subs, TUNE).f1 * 100:.1f}" for t in grid if t % 10 == 0 or t == best_t))
    print(f"run time: engine {engine_time:.1f} s for {len(subs)} stories "
          f"({engine_time / len(subs) * 1000:.0f} ms each; words only {words_time:.1f} s), baseline scoring + sweep {base_time:.1f} s, "
          f"total {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
