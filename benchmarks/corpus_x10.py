"""The BBC corpus ×10: every article told by ten outlets, so a folder holds real multi-source stories.

    python benchmarks/corpus_x10.py OUT [--copies 10] [--limit N] [--seed 0]

Each of the 2,225 BBC articles is written once as it is (outlet 0) and --copies - 1 more times
with light rewrites, the way outlets retell wire copy: some words swapped for a synonym, now and
then a sentence left out, a paragraph split in two or two merged, a headline reworded. (No
dateline is added: a random one would tie unrelated stories by a shared month or city that no
real coverage would.) A story is the --copies tellings of one article (more where the BBC itself
carries an article twice); nothing of one article leaks into another, so the right split into
stories is known: `answer.json` in OUT maps each file's stem to the BBC id it retells.

Files are `OUT/<category>_<number>_o<outlet>.txt` (title line, blank line, paragraphs separated by
blank lines), one flat folder, as storyview reads one. The rewrites are seeded per file: the same
command writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_articles.jsonl"

# Swaps an editor makes without changing what is said (both ways round).
SYNONYMS = {
    "said": "stated", "says": "states", "company": "firm", "companies": "firms", "rise": "increase",
    "rose": "climbed", "fell": "dropped", "fall": "decline", "big": "large", "biggest": "largest",
    "government": "administration", "also": "additionally", "however": "though", "about": "around",
    "many": "numerous", "help": "assist", "buy": "purchase", "start": "begin", "started": "began",
    "shares": "stock", "profits": "earnings", "people": "individuals", "chief": "head", "win": "victory",
    "match": "game", "film": "movie", "minister": "secretary", "plans": "proposals", "expected": "forecast",
    "major": "leading", "new": "fresh", "show": "indicate", "shows": "indicates", "before": "prior to",
    "after": "following", "because": "since", "but": "yet", "very": "highly", "told": "informed",
}
SYNONYMS.update({v: k for k, v in list(SYNONYMS.items()) if " " not in v})
WORD_RE = re.compile(r"[A-Za-z]+")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def read_bbc(path: Path = CORPUS) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _swap(match: re.Match[str], rng: random.Random, rate: float) -> str:
    word = match.group()
    other = SYNONYMS.get(word.lower())
    if other is None or rng.random() >= rate:
        return word
    return other.capitalize() if word[0].isupper() else other


def reword(text: str, rng: random.Random, rate: float) -> str:
    return WORD_RE.sub(lambda m: _swap(m, rng, rate), text)


def retell(title: str, paragraphs: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """One outlet's version: the same story, lightly edited."""
    rate = rng.uniform(0.2, 0.6)
    out: list[str] = []
    for paragraph in paragraphs:
        sentences = SENTENCE_RE.split(paragraph.strip())
        if len(sentences) > 2 and rng.random() < 0.25:
            del sentences[rng.randrange(1, len(sentences))]
        text = reword(" ".join(sentences), rng, rate)
        if len(sentences) > 3 and rng.random() < 0.15:
            cut = len(sentences) // 2
            out.extend([reword(" ".join(sentences[:cut]), rng, rate), reword(" ".join(sentences[cut:]), rng, rate)])
        elif out and rng.random() < 0.1:
            out[-1] = out[-1] + " " + text
        else:
            out.append(text)
    return reword(title, rng, 0.5), out


def write_corpus(out: Path, copies: int = 10, limit: int | None = None, seed: int = 0) -> dict[str, str]:
    """Write the tellings into `out`; the answer (file stem → BBC id) is returned and saved."""
    rows = read_bbc()[:limit] if limit else read_bbc()
    out.mkdir(parents=True, exist_ok=True)
    answer: dict[str, str] = {}
    for row in rows:
        base = row["id"].replace("/", "_")
        for outlet in range(copies):
            rng = random.Random(f"{seed}:{row['id']}:{outlet}")
            title, paragraphs = row["title"].strip(), [p.strip() for p in row["paragraphs"] if p.strip()]
            if outlet:
                title, paragraphs = retell(title, paragraphs, rng)
            stem = f"{base}_o{outlet}"
            (out / f"{stem}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            answer[stem] = row["id"]
    (out / "answer.json").write_text(json.dumps(answer, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--limit", type=int, help="only the first N BBC articles")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    answer = write_corpus(args.out, args.copies, args.limit, args.seed)
    print(f"wrote {len(answer):,} articles ({len(set(answer.values())):,} stories) to {args.out}")


if __name__ == "__main__":
    main()
