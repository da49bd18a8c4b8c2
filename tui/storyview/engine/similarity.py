"""How alike two sentences are, 0..1: rare shared words count most, numbers must agree.

The weights of `sentence_similarity` were fitted by logistic regression on the MSRP *train*
split (`python benchmarks/msrp.py --fit`); `benchmarks/msrp.py` scores them on the test split.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat

from rapidfuzz import fuzz

from storyview.engine.segment import Token


@dataclass(frozen=True)
class Bag:
    """The parts of a sentence (or paragraph) the scorer looks at.

    Content stems are made at once (every comparison starts from them); the rest only for the
    few pairs that get a full score.
    """

    stems: frozenset[str]
    all_stems: tuple[str, ...]
    tokens: tuple[Token, ...]

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> Bag:
        tokens = tuple(tokens)
        return cls(frozenset(t.stem for t in tokens if t.content), tuple(t.stem for t in tokens), tokens)

    @cached_property
    def numbers(self) -> frozenset[str]:
        return frozenset(t.norm.lstrip("$£€¥").rstrip("%") for t in self.tokens if t.number)

    @cached_property
    def joined(self) -> str:
        return " ".join(self.all_stems)

    @cached_property
    def sorted_joined(self) -> str:
        """`joined` with its words sorted: what token_sort_ratio compares, made once per sentence."""
        return " ".join(sorted(self.joined.split()))

    @cached_property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        return frozenset(zip(self.all_stems, self.all_stems[1:]))

    @property
    def length(self) -> int:
        return len(self.all_stems)

    @cached_property
    def every(self) -> frozenset[str]:
        return frozenset(self.all_stems)


class Idf:
    """Inverse document frequency: a word most documents share says little about a match."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            df.update(set(doc))
            n += 1
        self.n = n
        self.df = df
        self.unseen = math.log((n + 1) / 1) + 1
        self.weights = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}

    def __getitem__(self, stem: str) -> float:
        return self.weights.get(stem, self.unseen)

    def mass(self, stems: Iterable[str]) -> float:
        """Total weight of `stems`, exactly rounded: a set of words is summed in an order that
        changes with the hash seed, and a plain sum would change in its last bits with it."""
        return math.fsum(map(self.weights.get, stems, repeat(self.unseen)))


# Fitted on MSRP train (see module docstring): intercept, then one weight per feature.
WEIGHTS: tuple[float, ...] = (2.55, 2.7, 0.19, -0.11, -3.27, -20.58, -0.44, -1.49, 6.55, -1.73, 18.79)


def features(
    a: Bag, b: Bag, idf: Idf, wa: float | None = None, wb: float | None = None, ws: float | None = None
) -> tuple[float, ...]:
    """Dice and worst-side coverage over idf mass, phrase overlap, word order, numbers, lengths.

    `wa`/`wb`/`ws` are the idf masses of `a`, `b` and what they share, when the caller has them.
    """
    wa = idf.mass(a.stems) if wa is None else wa
    wb = idf.mass(b.stems) if wb is None else wb
    ws = idf.mass(a.stems & b.stems) if ws is None else ws
    dice = 2 * ws / (wa + wb) if wa + wb else 0.0
    cover = min(ws / wa if wa else 0.0, ws / wb if wb else 0.0)
    left_over = max(wa - ws, wb - ws) / 20
    nb = len(a.bigrams) + len(b.bigrams)
    phrases = 2 * len(a.bigrams & b.bigrams) / nb if nb else 0.0
    order = fuzz.ratio(a.sorted_joined, b.sorted_joined) / 100  # = token_sort_ratio(a.joined, b.joined)
    extra_numbers = 1.0 if a.numbers ^ b.numbers else 0.0
    length_gap = abs(a.length - b.length) / 10
    ne = len(a.every) + len(b.every)
    every = 2 * len(a.every & b.every) / ne if ne else 0.0
    return (dice, cover, left_over, phrases, order, extra_numbers, length_gap, every,
            dice * dice, order * order)


def logistic(values: Iterable[float], weights: tuple[float, ...] = WEIGHTS) -> float:
    z = weights[0] + sum(w * v for w, v in zip(weights[1:], values))
    return 1 / (1 + math.exp(-z))


# Below this share of the smaller sentence's rare-word mass in common, two sentences are not
# counterparts; the full score is not worth computing (it is then well under 0.1 on MSRP).
MIN_COVER = 0.15


def sentence_similarity(a: Bag, b: Bag, idf: Idf, wa: float | None = None, wb: float | None = None) -> float:
    """Probability-like score that two sentences say the same thing."""
    shared = a.stems & b.stems
    if not shared:
        return 0.0
    wa = idf.mass(a.stems) if wa is None else wa
    wb = idf.mass(b.stems) if wb is None else wb
    ws = idf.mass(shared)
    if not worth_scoring(ws, wa, wb):
        return 0.0
    return logistic(features(a, b, idf, wa, wb, ws))


def worth_scoring(shared: float, wa: float, wb: float) -> bool:
    """Do two sentences of rare-word masses `wa` and `wb` share enough (`shared`) to be scored?"""
    return shared >= MIN_COVER * min(wa, wb)


# Meaning's part in a paragraph pair's score: the cosine of the pair's most alike sentences,
# above the story's baseline (`StoryVectors.baseline`), by more than CENTRE, times UP. It can
# link what shares no words; it never adds to what words already link (on the seeds an
# additive bonus merged neighbouring paragraphs into runs). Fitted by
# `python benchmarks/fit_semantic.py` on ECB+ topics 1-10 (F1 of the grid's points: 22.0-23.9,
# words alone 21.1, bootstrap standard error 2.2; by the one-standard-error rule, the point where
# meaning moves least), checked on the MSRP train strangers (partners 99.5 %, strangers 0.9 %).
SEMANTIC_CENTRE = 0.4
SEMANTIC_UP = 0.5


def paragraph_score(dice: float, meaning: float) -> float:
    """A paragraph pair's link score, 0..1: its shared rare words (idf-weighted Dice), or its
    meaning (best sentence cosine above the story's baseline) where that says more."""
    s = SEMANTIC_UP * (meaning - SEMANTIC_CENTRE)
    return dice if dice >= s else 1.0 if s > 1 else s


def meaning_floor(score: float) -> float:
    """How far above the baseline a cosine must be for meaning alone to give a pair `score`."""
    return SEMANTIC_CENTRE + score / SEMANTIC_UP if SEMANTIC_UP > 0 else 2.0
