"""Pairwise paraphrase accuracy on MSRP: storyview's sentence scorer against a tuned baseline.

    python benchmarks/msrp.py            # score the shipped weights on the test split
    python benchmarks/msrp.py --fit      # refit the weights on the train split, then score

Everything is tuned on `msr_paraphrase_train.txt` only (weights, threshold, idf); the test split
is read once, for the figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, utils

from storyview.engine.segment import words
from storyview.engine.similarity import WEIGHTS, Bag, Idf, features, logistic, sentence_similarity

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "msrp"


def read(name: str) -> list[tuple[int, str, str]]:
    rows = []
    with open(CORPUS / name, encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                rows.append((int(parts[0]), parts[3], parts[4]))
    return rows


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    candidates = np.unique(np.round(scores, 3))
    accs = [((scores >= t) == labels).mean() for t in candidates]
    return float(candidates[int(np.argmax(accs))])


def report(name: str, scores: np.ndarray, labels: np.ndarray, threshold: float) -> str:
    pred = scores >= threshold
    acc = (pred == labels).mean()
    tp = (pred & labels).sum()
    precision = tp / max(pred.sum(), 1)
    recall = tp / max(labels.sum(), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"{name:<34} threshold {threshold:6.3f}  accuracy {acc:6.1%}  F1 {f1 * 100:5.1f}"


def featurise(rows: list[tuple[int, str, str]], idf: Idf) -> np.ndarray:
    return np.array([features(Bag.of(words(a)), Bag.of(words(b)), idf) for _, a, b in rows])


def score(rows: list[tuple[int, str, str]], idf: Idf) -> np.ndarray:
    return np.array([sentence_similarity(Bag.of(words(a)), Bag.of(words(b)), idf) for _, a, b in rows])


def fit(x: np.ndarray, y: np.ndarray, steps: int = 3000, l2: float = 1e-3) -> tuple[float, ...]:
    """Plain logistic regression by Newton's method: small, deterministic, no extra dependency."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + l2 * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return tuple(round(float(v), 2) for v in w)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fit", action="store_true", help="refit the weights on the train split")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"MSRP not found at {CORPUS}", file=sys.stderr)
        return 1
    train, test = read("msr_paraphrase_train.txt"), read("msr_paraphrase_test.txt")
    idf = Idf(Bag.of(words(s)).stems for _, a, b in train for s in (a, b))
    y_train = np.array([r[0] for r in train], dtype=bool)
    y_test = np.array([r[0] for r in test], dtype=bool)
    print(f"MSRP: {len(train)} train pairs, {len(test)} test pairs")

    base_train = np.array([fuzz.token_set_ratio(a, b, processor=utils.default_process) for _, a, b in train])
    base_test = np.array([fuzz.token_set_ratio(a, b, processor=utils.default_process) for _, a, b in test])
    t = best_threshold(base_train, y_train)
    print(report("token_set_ratio (tuned on train)", base_test, y_test, t))

    x_train, x_test = featurise(train, idf), featurise(test, idf)
    weights = fit(x_train, y_train.astype(float)) if args.fit else WEIGHTS
    if args.fit:
        print(f"fitted WEIGHTS = {weights}")
    if args.fit:
        s_train = np.array([logistic(f, weights) for f in x_train])
        s_test = np.array([logistic(f, weights) for f in x_test])
    else:  # the shipped scorer itself, cheap rejections included
        s_train = score(train, idf)
        s_test = score(test, idf)
    t = best_threshold(s_train, y_train)
    print(report("storyview sentence_similarity", s_test, y_test, t))
    print(report("  at the fixed cut 0.5", s_test, y_test, 0.5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
