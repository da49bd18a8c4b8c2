"""The order-keeping path between two sources: the heaviest chain of pairs increasing in both
paragraphs, found without comparing every pair with every other (try23: two sources of 800
paragraphs spent 40 s there)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyview.engine.align import monotone_path

FLOOR = 0.08


def heaviest(pairs: dict[tuple[int, int], float], floor: float) -> float:
    """The weight of the heaviest increasing chain, by the plain O(n²) search."""
    items = sorted(p for p, s in pairs.items() if s > floor)
    best: list[float] = []
    for x, (i, j) in enumerate(items):
        best.append(pairs[(i, j)] - floor + max((best[y] for y in range(x) if items[y][0] < i and items[y][1] < j),
                                                 default=0.0))
    return max(best, default=0.0)


scores = st.dictionaries(st.tuples(st.integers(0, 15), st.integers(0, 15)),
                         st.sampled_from([0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.9]), max_size=60)


@given(scores)
def test_the_path_is_the_heaviest_increasing_chain(pairs: dict[tuple[int, int], float]) -> None:
    path = sorted(monotone_path(pairs, FLOOR))
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(path, path[1:]))
    assert all(pairs[p] > FLOOR for p in path)
    assert abs(sum(pairs[p] - FLOOR for p in path) - heaviest(pairs, FLOOR)) < 1e-9


def test_nothing_above_the_floor_is_no_path() -> None:
    assert monotone_path({(0, 0): 0.05, (1, 1): 0.01}, FLOOR) == set()


def test_a_chain_of_a_thousand_pairs_among_ten_thousand() -> None:
    pairs = {(i, j): 0.3 for i in range(1000) for j in range(i, i + 10)}
    assert len(monotone_path(pairs, FLOOR)) == 1000
