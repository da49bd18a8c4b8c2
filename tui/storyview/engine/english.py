"""How often English at large uses each word: wordfreq's data (CC BY-SA 4.0), cut and written
by scripts/make_word_frequency.py. The stories' clustering borrows counts from it, labels and
quotes tell a common word from a rare one by it."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("word_frequency.tsv.gz")


@lru_cache(maxsize=1)
def shares() -> dict[str, float]:
    """A word (folded) or an integer under 1,000 -> its share of all the words of English.
    Empty where the table cannot be read (a broken install): no count is borrowed then."""
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as table:
            return {word: float(share) for word, _, share in (line.rstrip("\n").partition("\t") for line in table)}
    except (OSError, ValueError, EOFError):
        return {}


def english_share(word: str) -> float:
    """How often English at large uses `word` (folded), as a share of all its words: 0 for a
    word the table lacks (a name, a rare word), or where it cannot be read."""
    return shares().get(word, 0.0)
