"""Whole-phrase recall of the unique marks, on the seeds and on stories made from the corpora.

    python benchmarks/marks.py [--verbose] [--stories N]

Seeds: the hand-made reference (benchmarks/seeds_reference.json). A single-source name, quote
or figure counts as found only when *every* letter and digit of it lies inside a mark
("whole-phrase recall"); `benchmarks/seeds.py` counts one half-covered. A shared phrase counts
as wrongly marked when half of it or more is marked (as seeds.py counts it) and, stricter, when
any letter of it is.

The floor from which a sentence's closest by meaning is compared (`match.NEAREST`) is printed
first, from MSRP train.

Corpora: see `corpus_stories` — ECB+ and BBC texts with a single-source quote inserted into one
source and a shared sentence, reworded, inserted into two.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from seeds import REFERENCE, covered, item_span  # noqa: E402

from storyview.model import Story  # noqa: E402
from storyview.pipeline import build_story  # noqa: E402


def seeds_figures(story: Story, reference: dict, verbose: bool = False) -> dict[str, float]:
    whole = unique_total = half_wrong = any_wrong = shared_total = 0
    for item in reference["items"]:
        member, s, e = item_span(story, item["source"], item["text"], item.get("occurrence", 1))
        share = covered(story, member, s, e)
        text = story.paragraph(member).text
        near = [text[a:b] for a, b in story.unique(member) if b > s - 30 and a < e + 30]
        if item["unique"]:
            unique_total += 1
            whole += share == 1.0
            if verbose and share < 1.0:
                print(f"  not whole ({share:4.0%})  {item['source'][:3]} {item['text']!r}  marks near: {near}")
        else:
            shared_total += 1
            half_wrong += share >= 0.5
            any_wrong += share > 0
            if verbose and share > 0:
                print(f"  shared marked ({share:4.0%}) {item['source'][:3]} {item['text']!r}  marks near: {near}")
    return {
        "whole-phrase recall": whole / unique_total,
        "shared marked (half or more)": half_wrong / shared_total,
        "shared marked (any letter)": any_wrong / shared_total,
    }


# ---------------------------------------------------------------- stories made from the corpora

ECB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"
# Quotations written for this benchmark, in words no ECB+ report uses: each goes into one source.
QUOTES = [
    "We heard the windows rattle long before anyone thought to move",
    "Nobody on our street had ever seen anything like it",
    "My grandmother kept asking whether the lights would come back",
    "It felt as if the whole evening had been folded in half",
    "I counted the seconds between the sirens and lost track at forty",
    "We are tired of hearing promises that dissolve by the next morning",
    "The kettle was still whistling when I ran outside",
    "There is a difference between patience and being ignored",
    "Our neighbours brought blankets before the officials brought answers",
    "I kept my shoes by the door for a week afterwards",
    "You learn the names of strangers very quickly on a night like that",
    "Nobody told us which road was safe, so we guessed",
]
# A fact told by two sources, each in its own words.
REWORDED = [
    ("A spokeswoman said the review would be finished within two weeks.",
     "The review should be done in a fortnight, according to a spokeswoman."),
    ("Local schools stayed closed on the following day as a precaution.",
     "As a precaution, nearby schools did not open the next day."),
    ("Volunteers handed out water and blankets to people waiting outside.",
     "People waiting outside were given blankets and water by volunteers."),
    ("The regional governor promised to visit the area later in the week.",
     "Later in the week the area will get a visit from the regional governor, he pledged."),
    ("Traffic on the main road was diverted for several hours.",
     "For several hours, cars on the main road were sent on a detour."),
    ("Investigators asked witnesses to come forward with any photographs.",
     "Anyone with photographs was urged by investigators to contact them."),
    ("Insurance companies expect a large number of claims in the coming days.",
     "A wave of insurance claims is expected over the next few days."),
    ("A helpline for worried relatives was opened on the same evening.",
     "Worried relatives could call a helpline that opened that evening."),
]


def add(paragraphs: list[str], sentence: str) -> None:
    """Put a sentence into the middle paragraph: at its end, or at its start where the
    paragraph ends inside a quotation (ECB+ splits a quotation across its sentences, and a
    sentence put after an opening mark is a part of the quotation, not a fact of its own)."""
    from storyview.engine.unique import quotations

    mid = len(paragraphs) // 2
    text = paragraphs[mid]
    if any(end == len(text) for _, end in quotations(text)):
        paragraphs[mid] = f"{sentence} {text}"
    else:
        paragraphs[mid] = f"{text} {sentence}"


def corpus_stories(topics: range, per_story: int = 4) -> list[tuple[str, list[str], list[dict]]]:
    """ECB+ sub-topics as stories of up to `per_story` sources (two sentences a paragraph), each
    with a single-source quotation put into one source's middle paragraph and a reworded shared
    sentence put into two others. Returns (name, texts, items) with items as in the seeds
    reference (source index, text, unique)."""
    rows: dict[str, list[dict]] = {}
    for line in ECB.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["topic"] in topics:
            rows.setdefault(row["subtopic"], []).append(row)
    out = []
    for n, (name, docs) in enumerate(sorted(rows.items())):
        docs = sorted(docs, key=lambda r: -len(r["sentences"]))[:per_story]
        if len(docs) < 3:
            continue
        paragraphs = []
        for doc in docs:
            sents = [" ".join(s["text"].split()) for s in doc["sentences"]]
            paragraphs.append([" ".join(sents[x:x + 2]) for x in range(0, len(sents), 2)])
        quote = QUOTES[n % len(QUOTES)]
        first, second = REWORDED[n % len(REWORDED)]
        add(paragraphs[0], f"“{quote},” one resident said.")
        add(paragraphs[1], first)
        add(paragraphs[2], second)
        items = [
            {"source": 0, "text": quote, "unique": True},
            {"source": 1, "text": first.rstrip("."), "unique": False},
            {"source": 2, "text": second.rstrip("."), "unique": False},
        ]
        out.append((name, ["\n\n".join(p) for p in paragraphs], items))
    return out


def corpus_figures(topics: range, verbose: bool = False) -> dict[str, float]:
    from storyview.inputs.load import Loaded
    from storyview.inputs.parse import parse_article
    from storyview.model import Member, Settings
    from storyview.pipeline import story_from

    whole = total = half = any_ = shared = 0
    for name, texts, items in corpus_stories(topics):
        articles = [parse_article(f"{i}", f"{i}.txt", t) for i, t in enumerate(texts)]
        story = story_from(Loaded(articles=articles), Settings())
        for item in items:
            article = story.articles[item["source"]]
            p = next(p for p in article.paragraphs if item["text"] in p.text)
            start = p.text.index(item["text"])
            member = Member(article.id, p.index)
            share = covered(story, member, start, start + len(item["text"]))
            if item["unique"]:
                total += 1
                whole += share == 1.0
                if verbose and share < 1.0:
                    marks = [p.text[a:b] for a, b in story.unique(member)]
                    print(f"  {name}: quote not whole ({share:.0%}): {[m for m in marks if m in item['text'] or item['text'][:20] in m]}")
            else:
                shared += 1
                half += share >= 0.5
                any_ += share > 0
                if verbose and share > 0:
                    print(f"  {name}: reworded shared sentence marked ({share:.0%}): {item['text']!r}")
    return {
        "stories": float(total),
        "whole-phrase recall (quotes)": whole / total,
        "shared marked (half or more)": half / shared,
        "shared marked (any letter)": any_ / shared,
    }


def nearest_floor() -> None:
    """Where `match.NEAREST` comes from: the cosine 95 % of MSRP train paraphrase pairs reach."""
    import numpy as np
    from msrp import read
    from storyview.engine import semantic
    from storyview.engine.match import NEAREST

    model = semantic.load()
    if model is None:
        print("no model: nothing to fit")
        return
    rows = [(label, a, b) for label, a, b in read("msr_paraphrase_train.txt") if label == 1]
    sums = semantic.unit(model.sums([a for _, a, _ in rows] + [b for _, _, b in rows]))
    half = len(rows)
    cosines = np.einsum("ij,ij->i", sums[:half], sums[half:])
    print(f"MSRP train paraphrases: 5th percentile of cosine {np.percentile(cosines, 5):.3f} (NEAREST = {NEAREST})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    nearest_floor()
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    story = build_story(None)
    print("seeds (40 single-source items, 35 shared):")
    for key, value in seeds_figures(story, reference, args.verbose).items():
        print(f"  {key:<32} {value:6.1%}")
    for label, topics in (("ECB+ topics 1-10 (looked at while building)", range(1, 11)),
                          ("ECB+ topics 11-30 (not looked at)", range(11, 31))):
        figures = corpus_figures(topics, args.verbose)
        print(f"{label}: {figures.pop('stories'):.0f} stories, one inserted quote and one reworded sentence pair each")
        for key, value in figures.items():
            print(f"  {key:<32} {value:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
