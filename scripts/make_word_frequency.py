"""Write `tui/storyview/engine/word_frequency.tsv.gz`: how often English at large uses each word.

    pip install wordfreq==3.1.1 && python scripts/make_word_frequency.py

Story clustering borrows these counts where a folder is too small to know which words are
common (engine/stories.py, `StorySettings.general_words`): among ten unrelated articles, "UK",
"Monday" and "Europe", each shared by two, look as rare as a name only one event carries. The
table is wordfreq's English frequencies (data CC BY-SA 4.0, Robyn Speer and contributors:
https://github.com/rspeer/wordfreq), cut to the words that could matter: at least one in a
million (Zipf 3), plus the integers 0-999, which wordfreq estimates from its counts of digit
shapes. It ships as a file in the package, so nothing is downloaded or installed for it at run
time, and it loads in well under 0.1 s (wordfreq's own lists take 0.8 s).

Lines: `word<TAB>frequency` (a share of all words, 3 significant figures), most frequent first.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from wordfreq import get_frequency_dict, word_frequency

OUT = Path(__file__).resolve().parent.parent / "tui" / "storyview" / "engine" / "word_frequency.tsv.gz"
LEAST = 1e-6


def table() -> dict[str, float]:
    """word -> frequency: the words at LEAST or above, and the integers 0-999."""
    words = {w: f for w, f in get_frequency_dict("en").items() if f >= LEAST and not any(c in w for c in "\t\n")}
    for n in range(1000):
        words[str(n)] = word_frequency(str(n), "en")
    return words


def main() -> None:
    rows = sorted(table().items(), key=lambda wf: (-wf[1], wf[0]))
    text = "".join(f"{w}\t{f:.3g}\n" for w, f in rows)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))  # mtime 0: the same table, the same bytes
    print(f"{OUT}: {len(rows)} words, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
