"""Page furniture and closing lines on real reporting (issue 18.3): ECB+ reports as saved pages.

    python benchmarks/furniture.py [--topics 3-10] [--verbose]

Every ECB+ sub-topic (the reports of one event) goes through parsing and `off_topic` as a story
would. Figures:

* header lines set apart: the short lines (at most 80 characters, with a digit) above a report's
  first full sentence (80 characters or more) are its page header: dates, times, "Posted …",
  "Updated …". The share of them that are not story rows (kind other than body); the ones left
  as body are listed with --verbose, to read (some are real: a one-line lede, a score).
* closing lines kept: the share of reports whose last paragraph is not boilerplate;
* quotations kept: the share of paragraphs holding a quotation that are not boilerplate.

The timestamp rules (`inputs/parse.py`) were written looking at ECB+ topics 1, 2 and 11-30;
topics 3-10 were not looked at, and are the default here.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from storyview.inputs.boilerplate import off_topic
from storyview.inputs.parse import parse_article

ECB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"
QUOTED = re.compile(r"[\"“”«»]|``|''")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topics", default="3-10", help="first-last ECB+ topics (default 3-10: not looked at)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    first, last = (int(x) for x in args.topics.split("-"))
    sets: dict[str, list[tuple[str, list[str]]]] = {}
    for line in ECB.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if first <= row["topic"] <= last:
            sets.setdefault(row["subtopic"], []).append((row["doc"], [" ".join(s["text"].split()) for s in row["sentences"]]))
    header = header_apart = reports = closing_kept = quotes = quotes_kept = 0
    left, lost = [], []
    for docs in sets.values():
        articles = off_topic([parse_article(doc, doc, "\n\n".join(sents)) for doc, sents in docs])
        for article in articles:
            reports += 1
            paragraphs = article.paragraphs
            opening = next((x for x, p in enumerate(paragraphs) if len(p.text) >= 80), len(paragraphs))
            for p in paragraphs[:opening]:
                if len(p.text) <= 80 and re.search(r"\d", p.text):
                    header += 1
                    header_apart += p.kind != "body"
                    if p.kind == "body":
                        left.append(f"{article.id}: {p.text!r}")
            closing_kept += paragraphs[-1].kind != "boilerplate"
            if paragraphs[-1].kind == "boilerplate":
                lost.append(f"{article.id} (last): {paragraphs[-1].text[:90]!r}")
            for p in paragraphs:
                if QUOTED.search(p.text):
                    quotes += 1
                    quotes_kept += p.kind != "boilerplate"
                    if p.kind == "boilerplate":
                        lost.append(f"{article.id} (quotation): {p.text[:90]!r}")
    print(f"ECB+ topics {first}-{last}: {len(sets)} event sets, {reports} reports")
    print(f"  header lines set apart   {header_apart / max(header, 1):6.1%} ({header_apart}/{header})")
    print(f"  closing lines kept       {closing_kept / max(reports, 1):6.1%} ({closing_kept}/{reports})")
    print(f"  quotations kept          {quotes_kept / max(quotes, 1):6.1%} ({quotes_kept}/{quotes})")
    if args.verbose:
        for line in left:
            print("  header line left as body:", line)
        for line in lost:
            print("  set apart:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
