"""A learned pair model for the aligner, fitted on ECB+ topics 1-10, and its report.

    python benchmarks/fit_pairs.py --pooled --shifts -2 2 0.25      # PAIR_WEIGHTS below
    python benchmarks/fit_pairs.py --drop dice "numbers shared" "numbers apart" "best by words"
    python benchmarks/fit_pairs.py --report-only                      # the report of PAIR_WEIGHTS

The model replaces the engine's pair score (shared words, or meaning where that says more,
`similarity.paragraph_score`) with a logistic regression over what is known of a candidate
pair: its shared rare words (Dice, and the share of the smaller side's mass), its best
sentences' cosine above the story's baseline, the gap between the two positions in their
articles, their length ratio, the numbers they share or not, the names they share, and whether
each is the other's best partner in its source by words and by meaning. Meaning also proposes
each paragraph's closest in each other source from PROPOSE_ABOVE over the baseline.

1. Every ECB+ 1-10 sub-topic goes through the engine's own steps up to the candidate pairs
   (one sentence a paragraph, as `ecbplus.py` writes them), with the features the engine
   computes. A pair sharing an ACT instance id is a positive; one sharing no instance id a
   negative; one sharing only other ids (a person, a place) is left out.
2. Logistic regression by Newton's method (numpy; small L2), features standardised for the
   fit and the weights brought back to raw features; by default each story has an intercept of
   its own while fitting (`--pooled`: one for all). The AUC inside a story, each topic predicted
   by a fit on the others, with each feature left out in turn, says which features earn their
   place.
3. The intercept is then moved so that the engine's threshold (`Settings.threshold`) is the
   cut of best ECB+ 1-10 F1 (whole engine, grouping included), among the shifts that keep the
   MSRP *train* strangers stories at partners >= 90 % and strangers <= 5 %.

Nothing evaluated elsewhere is read for the choice. 4. The report: the chosen model in the
engine on ECB+ 11-30, the MSRP *test* strangers and the seeds reference, beside the shipped
engine. The model is not in the engine (see the README: it gained on 1-10, not on 11-30, and
over-links the seeds' multi-sentence paragraphs); this file keeps it, and the evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus
import numpy as np
import strangers
from storyview.engine import align as engine_align
from storyview.engine import semantic
from storyview.engine.candidates import Pair, Unit, candidates, prepare
from storyview.engine.similarity import Idf
from storyview.inputs.boilerplate import off_topic
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import build_story

import seeds

PAIR_FEATURES = ("dice", "cover", "meaning", "gap", "length", "numbers shared", "numbers apart", "names",
                 "best by words", "best by meaning")

# Intercept, then one weight per feature of PAIR_FEATURES: the pooled fit, shift +1.25 (first command above).
PAIR_WEIGHTS: tuple[float, ...] = (-1.653, -2.077, 4.780, -0.792, -0.468, -1.229, 0.209, 0.093, 0.554, 0.172, 0.845)

PROPOSE_ABOVE = 0.15
"""How far above the story's baseline two paragraphs' best sentences must be for meaning to
propose the pair (each paragraph's closest in each other source)."""


def pair_features(units: Sequence[Unit], idf: Idf, pairs: Sequence[Pair], mass: Sequence[float],
                  shared: Sequence[float], meaning: Sequence[float]) -> np.ndarray:
    """One row of PAIR_FEATURES per pair: `mass` is each unit's idf mass, `shared` each pair's
    shared idf mass, `meaning` its best sentences' cosine above the story's baseline."""
    n = len(pairs)
    out = np.zeros((n, len(PAIR_FEATURES)), np.float64)
    if not n:
        return out
    i, j = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    m = np.asarray(mass, np.float64)
    ws = np.asarray(shared, np.float64)
    out[:, 0] = 2 * ws / np.maximum(m[i] + m[j], 1e-9)
    out[:, 1] = ws / np.maximum(np.minimum(m[i], m[j]), 1e-9)
    out[:, 2] = meaning
    position = np.array([u.position for u in units])
    out[:, 3] = np.abs(position[i] - position[j])
    size = np.array([len(u.stems) + 1 for u in units], np.float64)
    out[:, 4] = np.abs(np.log(size[i] / size[j]))
    numbers = [frozenset().union(*(b.numbers for b in u.bags)) for u in units]
    names = [_names(u) for u in units]
    for n_, (a, b) in enumerate(pairs):
        na, nb = numbers[a], numbers[b]
        if na and nb:
            if na & nb:
                out[n_, 5] = 1.0
            else:
                out[n_, 6] = 1.0
        both = names[a] & names[b]
        if both:
            out[n_, 7] = idf.mass(both) / 10
    owner = _owners(units)
    out[:, 8] = _best_share(i, j, owner, out[:, 0])
    out[:, 9] = _best_share(i, j, owner, out[:, 2])
    return out


def pair_probability(features: np.ndarray, weights: Sequence[float] | None = None) -> np.ndarray:
    """The pair model's probability for each row of `features` (PAIR_WEIGHTS unless given)."""
    weights = PAIR_WEIGHTS if weights is None else weights
    z = weights[0] + features @ np.asarray(weights[1:], np.float64)
    return 1 / (1 + np.exp(-z))


def _names(unit: Unit) -> frozenset[str]:
    """The stems of the words written with a capital inside a sentence: names, mostly."""
    text = unit.text
    return frozenset(t.stem for b in unit.bags for x, t in enumerate(b.tokens)
                     if x > 0 and t.content and text[t.start].isupper())


def _owners(units: Sequence[Unit]) -> np.ndarray:
    number: dict[str, int] = {}
    return np.array([number.setdefault(u.member.source, len(number)) for u in units], np.int64)


def _best_share(i: np.ndarray, j: np.ndarray, owner: np.ndarray, value: np.ndarray) -> np.ndarray:
    """For each pair, half a point for each side whose best candidate in the other's source
    (by `value`) it is: 1 for a mutual best."""
    sources = int(owner.max()) + 1
    out = np.zeros(len(i))
    for x, y in ((i, j), (j, i)):
        key = x * sources + owner[y]
        groups, inverse = np.unique(key, return_inverse=True)
        top = np.full(len(groups), -np.inf)
        np.maximum.at(top, inverse, value)
        out += 0.5 * (value >= top[inverse])
    return out


@dataclass(frozen=True)
class ModelEvidence(engine_align.Evidence):
    """The engine's evidence with the pair model's features; its scores are the model's."""

    features: np.ndarray | None = None

    def scores(self, floor: float) -> dict[Pair, float]:
        if self.features is None:
            return super().scores(floor)
        values = pair_probability(self.features).tolist()
        return {p: s for p, s in zip(self.pairs, values) if s > floor}


def model_gather(units: Sequence[Unit], idf: Idf, vectors: semantic.StoryVectors | None, floor: float,
                 progress: object = None) -> engine_align.Evidence:
    """`align.gather` with the pair model: candidates by words and by meaning, and features."""
    if vectors is None:
        return engine_align.gather(units, idf, None, floor)
    pairs = candidates(units, idf)
    owner = engine_align.owners(units)
    with semantic.one_thread():
        base = vectors.baseline(owner)
        alike = vectors.alike(owner, min(base + PROPOSE_ABOVE, engine_align.MEANING_MATCH))
        pairs = sorted(set(pairs).union(semantic.nearest(alike, owner)))
        best = vectors.best_matrix
        if best is not None:
            rows, cols = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
            cosines = best[rows, cols].tolist()
        else:
            cosines = vectors.best_sentences(pairs)
    meaning = [c - base for c in cosines]
    mass = [idf.mass(u.stems) for u in units]
    shared = [idf.mass(units[i].stems & units[j].stems) for i, j in pairs]
    dice = [2 * s / ((mass[i] + mass[j]) or 1) for s, (i, j) in zip(shared, pairs)]
    features = pair_features(units, idf, pairs, mass, shared, meaning)
    return ModelEvidence(pairs, dice, meaning, alike, features)


@contextmanager
def pair_model() -> Iterator[None]:
    """The engine with the pair model in place of its pair score, inside."""
    shipped = engine_align.gather
    engine_align.gather = model_gather
    try:
        yield
    finally:
        engine_align.gather = shipped


def examples(subs: list[ecbplus.Subtopic], folders: dict[str, Path]
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels, topic and story (sub-topic number) of every labelled candidate pair."""
    xs, ys, topics, stories = [], [], [], []
    floor = Settings().threshold / 2
    for sub in subs:
        articles = off_topic(load([str(folders[sub.name])]).articles)
        units = prepare(articles)
        if len(units) < 2:
            continue
        idf = Idf(u.stems for u in units)
        vectors = engine_align.embed(units)
        evidence = model_gather(units, idf, vectors, floor)
        keys = ecbplus.member_keys(sub, SimpleNamespace(articles=articles))
        for (i, j), row in zip(evidence.pairs, evidence.features):
            a = keys[(units[i].member.source, units[i].member.paragraph)]
            b = keys[(units[j].member.source, units[j].member.paragraph)]
            pair = ecbplus.ordered(a, b)
            if pair in sub.act_pairs:
                label = 1
            elif pair in sub.any_pairs:
                continue
            else:
                label = 0
            xs.append(row)
            ys.append(label)
            topics.append(sub.topic)
            stories.append(subs.index(sub))
    return np.array(xs), np.array(ys, float), np.array(topics), np.array(stories)


def fit(x: np.ndarray, y: np.ndarray, stories: np.ndarray | None = None, l2: float = 1.0) -> np.ndarray:
    """Weights (intercept first) of a logistic regression on raw features, fitted on
    standardised ones. With `stories`, each story has an intercept of its own while fitting
    (the engine compares pairs inside a story; what tells one story's pairs apart is what
    counts, not how many pairs a story links), and the intercept returned is the first story's:
    the shift search moves it anyway."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    columns = [np.ones((len(x), 1)), (x - mean) / scale]
    if stories is not None:
        names = np.unique(stories)
        columns.append((stories[:, None] == names[None, 1:]).astype(float))
    z = np.hstack(columns)
    w = np.zeros(z.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[0, 0] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hess, grad)
    raw = w[1:1 + x.shape[1]] / scale
    return np.r_[w[0] - raw @ mean, raw]


def story_auc(score: np.ndarray, y: np.ndarray, stories: np.ndarray) -> float:
    """AUC inside each story (with both kinds of pair), averaged by the story's pairs."""
    kept = [k for k in np.unique(stories) if 0 < y[stories == k].sum() < (stories == k).sum()]
    return float(np.average([auc(score[stories == k], y[stories == k]) for k in kept],
                            weights=[(stories == k).sum() for k in kept]))


def held_out_auc(x: np.ndarray, y: np.ndarray, topics: np.ndarray, stories: np.ndarray, columns: list[int],
                 pooled: bool) -> float:
    """`story_auc` of the model on `columns`, each topic scored by a fit on the others."""
    score = np.zeros(len(y))
    for t in np.unique(topics):
        inside = topics == t
        w = fit(x[~inside][:, columns], y[~inside], None if pooled else stories[~inside])
        score[inside] = x[inside][:, columns] @ w[1:]
    return story_auc(score, y, stories)


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (ties count half)."""
    from scipy.stats import rankdata

    ranks = rankdata(score)
    pos = y == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drop", nargs="*", default=[], help="features to leave out (weight 0)")
    ap.add_argument("--no-shift", action="store_true", help="skip the intercept search")
    ap.add_argument("--pooled", action="store_true", help="one intercept for all stories while fitting")
    ap.add_argument("--shifts", type=float, nargs=3, default=(-3.0, 3.0, 0.5), metavar=("FROM", "TO", "STEP"))
    ap.add_argument("--report-only", action="store_true", help="only the report of PAIR_WEIGHTS")
    args = ap.parse_args()
    global PAIR_WEIGHTS
    if args.report_only:
        return report()
    subs = [s for s in ecbplus.read(ecbplus.CORPUS) if s.topic in ecbplus.TUNE]
    names = PAIR_FEATURES
    with tempfile.TemporaryDirectory(prefix="storyview-fitpairs-") as tmp:
        folders = {sub.name: ecbplus.write_folder(sub, Path(tmp)) for sub in subs}
        started = time.perf_counter()
        x, y, topics, stories = examples(subs, folders)
        print(f"ECB+ 1-10: {len(y)} labelled candidate pairs, {int(y.sum())} positive "
              f"({time.perf_counter() - started:.0f} s)")
        keep = [k for k, name in enumerate(names) if name not in args.drop]
        base = held_out_auc(x, y, topics, stories, keep, args.pooled)
        print(f"AUC inside a story, each topic held out in turn: dice alone {story_auc(x[:, 0], y, stories):.4f}, "
              f"meaning alone {story_auc(x[:, 2], y, stories):.4f}, the model {base:.4f}")
        for k in keep:
            value = held_out_auc(x, y, topics, stories, [c for c in keep if c != k], args.pooled)
            print(f"  without {names[k]:<16} {value:.4f} ({value - base:+.4f})")
        w_kept = fit(x[:, keep], y, None if args.pooled else stories)
        weights = np.zeros(len(names) + 1)
        weights[0] = w_kept[0]
        weights[[k + 1 for k in keep]] = w_kept[1:]
        print("weights: " + ", ".join(f"{n} {w:.3f}" for n, w in zip(("intercept",) + names, weights)))
        if args.no_shift:
            return 0
        deals = strangers.deal(strangers.read("train"), 50)
        fitted = weights.copy()
        results = []
        for shift in np.arange(args.shifts[0], args.shifts[1] + 1e-9, args.shifts[2]):
            weights = fitted.copy()
            weights[0] += shift
            PAIR_WEIGHTS = tuple(float(w) for w in weights)
            with pair_model():
                tallies, _ = ecbplus.run_engine(subs, folders, Settings())
                s = strangers.run(deals, Settings())
            t = ecbplus.total(tallies, subs, ecbplus.TUNE)
            ok = s.recall >= 0.9 and s.stranger_share <= 0.05
            results.append((ok, t.f1, shift))
            print(f"shift {shift:+.2f}: ECB+ 1-10 recall {t.recall:6.1%} precision {t.precision:6.1%} "
                  f"F1 {t.f1 * 100:5.1f}; strangers train partners {s.recall:6.1%} strangers "
                  f"{s.stranger_share:5.1%}{'' if ok else '  (infeasible)'}", flush=True)
    feasible = [r for r in results if r[0]]
    if not feasible:
        print("no shift keeps the strangers targets")
        return 1
    # F1 of neighbouring shifts differ by noise: of the best to 0.1 point, the least shifted.
    _, f1, shift = max(feasible, key=lambda r: (round(r[1], 3), -r[2]))
    weights = fitted.copy()
    weights[0] += shift
    print(f"\nbest shift {shift:+.2f} (F1 {f1 * 100:.1f})\n"
          f"PAIR_WEIGHTS = ({', '.join(f'{w:.3f}' for w in weights)})")
    PAIR_WEIGHTS = tuple(float(w) for w in weights)
    return report()


def report() -> int:
    """The pair model (PAIR_WEIGHTS) in the engine beside the shipped engine, on what was not
    used for the fit: ECB+ 11-30, the MSRP test strangers, the seeds reference."""
    subs = [s for s in ecbplus.read(ecbplus.CORPUS) if s.topic in ecbplus.HELD_OUT]
    deals = strangers.deal(strangers.read("test"), 50)
    reference = json.loads(seeds.REFERENCE.read_text(encoding="utf-8"))
    print(f"\n{'':<22} {'ECB+ 11-30 R':>12} {'P LB':>6} {'F1 LB':>6}  {'strangers test':>14} {'':>6}  "
          f"{'seeds recall':>12} {'links right':>11}")
    with tempfile.TemporaryDirectory(prefix="storyview-fitpairs-") as tmp:
        folders = {sub.name: ecbplus.write_folder(sub, Path(tmp)) for sub in subs}
        for name, settings, model in (("pair model", Settings(), True), ("shipped, meaning", Settings(), False),
                                      ("shipped, words only", Settings(semantic=False), False)):
            with pair_model() if model else nullcontext():
                tallies, _ = ecbplus.run_engine(subs, folders, settings)
                s = strangers.run(deals, settings)
                r = seeds.evaluate(build_story(None, settings), reference)
            t = ecbplus.total(tallies, subs, ecbplus.HELD_OUT)
            print(f"{name:<22} {t.recall:>12.1%} {t.precision:>6.1%} {t.f1 * 100:>6.1f}  {s.recall:>8.1%} partners "
                  f"{s.stranger_share:>5.1%} strangers  {r['pair recall']:>12.1%} {r['link precision']:>11.1%}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
