"""Figures on real reporting: are the disagreements storyview reports about one thing?

    python benchmarks/figures_ecbplus.py [-v] [--raw] [--only tuned|held-out|all]

Each ECB+ set labelled by hand in `benchmarks/figures_labels/` (a set: the reports of one event,
one .txt file per report, one sentence per paragraph, as `ecbplus.py` builds them; the corpus's
token spacing undone where it breaks a figure, "100, 000" → "100,000", unless `--raw`) lists, for
every thing two or more reports put a figure on, the figures that count it ("pirates captured":
the 23 of every report). A figure listed nowhere counts something no other report counts.

Printed per set, for the tuning and held-out parts, and for both together ("== all"):

* conflicts      figures reported as a conflict ("different figures");
* same thing     the share of those whose figures all count the same thing (target >= 0.80);
* disagreements  the same over every disagreement (conflict or imprecise);
* real           labelled things two reports give conflicting figures for;
* found          the share of those reported: a reported figure holds two of its figures that
                 conflict (target >= 0.6);
* agreements     figures reported as agreed ("agree": the sources confirm each other) and the
                 share of those whose figures all count one labelled thing. A label lists only
                 things two reports put a figure on, so an agreement on something told twice by
                 the same words but never labelled counts as wrong: read it as a lower bound.

The referent rules were tuned on the TUNE sets only; the HELD_OUT sets were labelled before the
rules of their round changed, measured before and after it, and never tuned on (see the comment
at TUNE for how the parts were drawn).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus import CORPUS, member_keys, read
from storyview.findings.figures import agreement, find_figures, mentions
from storyview.findings.figures.mentions import Mention
from storyview.pipeline import build_story

LABELS = Path(__file__).resolve().parent / "figures_labels"
# The earlier sessions held sets out in rounds and tuned on each round after measuring it: the
# first eleven TUNE sets, then the ten of round 1 (from 20_ecb; 16_ecbplus was labelled after
# its change), then 12_ecbplus and 19_ecbplus of round 2. Round 3: the seven sets from
# 1_ecbplus, of topics no label had touched, were labelled by hand before any change to the
# rules in that round, measured before and after it (tuned on the 23 earlier sets), and are
# tuning sets since; so are round 4's three (from 3_ecb), held out the same way. Round 5 (held
# out then): six sets of topics no label had touched, labelled by hand before the rules of
# round 5 changed, measured before and after it, never tuned on: round 5 tuned on the 33 TUNE
# sets only (`--only tuned -v`), never reading the held-out sets' -v, and then on storyview's
# conflicts in unlabelled sets, read by hand (29_ecb, 29_ecbplus; 25_ecbplus and 5_ecbplus, other
# events of the topics of 25_ecb and 5_ecb). The held-out totals were looked at three times:
#   before             20 conflicts at 0.05 same thing, disagreements 35 at 0.37, found 0.08 of 12
#   after (33 tuned)   18 at 0.06, 33 at 0.39, found 0.08
#   + unlabelled sets  19 at 0.05, 34 at 0.38, found 0.08 (29_ecb's rules)
#   + unlabelled sets  15 at 0.07, 29 at 0.45, found 0.08 (25_ecbplus's rules: the last look)
# Tuned (33 sets): before 45 at 0.80, found 0.54 of 63; after 37 at 0.95, found 0.53 of 62. The
# rules fit what they were tuned on and did not carry to the six new sets: no target is met
# there. Round 5's six are tuning sets since. HELD_OUT (round 6): six sets no label had touched
# (topics 26 and 28 wholly new; 27_ecb, 9_ecb and 11_ecbplus are other events of the topics of
# 27_ecbplus, 9_ecbplus and 11_ecb), labelled by hand from the texts before any rule change of
# round 6 and before storyview was run on them, measured before and after it, never tuned on:
# round 6 tuned on the 39 TUNE sets only. Round 6's six are tuning sets since. HELD_OUT (round
# 7): eight sets no label had touched (29_ecb, 25_ecbplus, 5_ecbplus, 1_ecb, 6_ecb, 22_ecb,
# 24_ecb, 29_ecbplus), labelled by hand from the texts before storyview was run on them and
# before any rule change of round 7, to be measured before and after it, never tuned on: round 7
# tunes on the 45 TUNE sets only. Four of them (29_ecb, 29_ecbplus, 25_ecbplus, 5_ecbplus) had
# been looked at through storyview's `F` screen by an earlier helper in round 5 (its unlabelled
# sets above); they were never labelled nor scored before round 7. Round 7's measure was read
# (-v) by the lead after measuring it, so its eight are tuning sets since. HELD_OUT (round 8):
# the last three ECB+ sets no label had touched (16_ecb, 23_ecb, 26_ecb; other events of the
# topics of 16_ecbplus, 23_ecbplus and 26_ecbplus), labelled by hand from the texts before
# storyview was run on them and before any rule change of round 8, to be measured before and
# after it, never tuned on: round 8 tunes on the 53 TUNE sets only.
# Round 8 tuned on the 53 TUNE sets (stat lines: a figure's owner, the kind of its counted noun,
# its scope): tuned 45 from 49 conflicts at 0.84 (found 0.45) to 47 at 0.87 (found 0.45); round 7
# from 19 at 0.16 (found 0.30) to 10 at 0.30 (found 0.30), not held out.
# Round 9 (issue 18) tuned on the 53 TUNE sets only, the misses sorted by `figures_misses.py`
# (of 54: 23 no evidence the sentences tell one thing, 12 referents apart, 10 never paired, 4
# weak matches, 4 left apart by the merging, 1 of unrelated sources): tuned 53 at 0.83, found
# 42 of 96, to 55 at 0.82, found 44; held out (three sets) 0 conflicts, found 0 of 1, unchanged.
# Round 10 (issue 18, a tryout's findings on 4_ecb, 12_ecb, 24_ecb, 30_ecb, 6_ecbplus) tuned on
# the 53 TUNE sets only: from 56 at 0.80, found 44 of 96 (main after the contractions change) to
# 58 at 0.83, found 47 of 95 (a range is one figure now: 24_ecb's "Three or four" robbers are
# imprecise, no longer a real conflict; seven sets' labels moved onto their ranges, three onto
# sums now read, "$137-million"); held out 0 conflicts, found 0 of 1, unchanged.
# Round 11 (issue 18, fig19) tuned on the 53 TUNE sets only (`figures_misses.py --only tuned -v
# --why`): from 58 at 0.83, found 47 of 95, to 59 at 0.86, found 50 (a round figure takes the
# evidence of the exact one it tells loosely; a span told as over; "this year" of another clause;
# verbs of one act; names of whom a sentence quotes); held out 0 conflicts, found 0 of 1, unchanged.
# Round 12 (issue 18, fig20: a tryout's 29_ecbplus) tuned on the 53 TUNE sets only: from 59 at
# 0.86, disagreements 182 at 0.74, found 50 of 95, to 58 at 0.88, 177 at 0.76, found 50 (a figure
# its clause only imagines never meets another value told as fact; whose figure "apiece", "his"
# and "her" tell); --raw (the corpus's spacing, as the tryout read it) 61 at 0.79, 185 at 0.71 to
# 59 at 0.81, 178 at 0.74, found 0.50 kept; held out 0 conflicts, found 0 of 1, unchanged.
# Round 13 (issue 18, fig25: whether two reports tell one event at all) tuned on the 53 TUNE
# sets and BBC part A only: tuned 65 at 0.89, found 0.60 (57 of 95) to 64 at 0.91, found 0.60
# (30_ecb's "voice traffic capability" is no share of "traffic"); two reports that state no
# distinctive figure alike and share under 0.12 of the fewer names list their figures apart
# (no tuned conflict lost; BBC A 30 at 0.83 to 29 at 0.86, conflicts 6 at 0.67 to 5 at 0.80);
# held out 0 conflicts, found 0 of 1, unchanged; BBC part B, measured once at the end,
# unchanged (39 at 0.36 strict, conflicts 19 at 0.21).
# Round 14 (issue 18, fig26: try31's 3_ecbplus "Monday ✓ agree", the capture's Monday with the
# escape's) measured agreements too (the "agreements" column). Its rule was tuned on 43 TUNE
# sets; ten (TUNE[4::5]) and the three HELD_OUT sets were held out for it, their items never
# read before the rule was fixed. By the labels: tuned 597 agreements at 0.861 to 597 at 0.863,
# held out 107 at 0.832 unchanged. Read by hand (a random sample, seed 26): tuned 60 items of 29
# sets, 55 right (0.92; wrong: a weekday of a saying, another count of touchdowns, a turnover
# differential, two teams' 1961, Patras's 20,000 with Thessaloniki's), unchanged by the rule;
# held out 40 items of 9 sets, 36 right (0.90), unchanged. Conflicts, found and BBC A unchanged.
TUNE = ("12_ecb", "8_ecbplus", "20_ecbplus", "18_ecbplus", "30_ecb", "14_ecb", "19_ecb",
        "13_ecbplus", "24_ecbplus", "22_ecbplus", "21_ecbplus",
        "20_ecb", "8_ecb", "14_ecbplus", "4_ecbplus", "23_ecbplus", "21_ecb", "18_ecb", "3_ecbplus", "30_ecbplus",
        "16_ecbplus", "12_ecbplus", "19_ecbplus",
        "1_ecbplus", "2_ecbplus", "6_ecbplus", "7_ecbplus", "27_ecbplus", "11_ecb", "10_ecb",
        "3_ecb", "13_ecb", "10_ecbplus",
        "2_ecb", "4_ecb", "5_ecb", "7_ecb", "9_ecbplus", "25_ecb",
        "28_ecb", "28_ecbplus", "26_ecbplus", "27_ecb", "9_ecb", "11_ecbplus",
        "29_ecb", "25_ecbplus", "5_ecbplus", "1_ecb", "6_ecb", "22_ecb", "24_ecb", "29_ecbplus")
HELD_OUT = ("16_ecb", "23_ecb", "26_ecb")


def detokenise(text: str) -> str:
    """Undo the corpus's token spacing where it breaks a figure: "6. 1" → "6.1", "100, 000" →
    "100,000", "1: 53" → "1:53", "p. m." → "p.m.", "5. 9 - magnitude" → "5.9-magnitude" (a dash between words may be a dash)."""
    text = re.sub(r"(?<=\d)\. (?=\d)", ".", text)
    text = re.sub(r"(?<=\d), (?=\d{3}(?!\d))", ",", text)
    text = re.sub(r"(?<=\d): (?=\d)", ":", text)
    text = re.sub(r"\b([ap])\. m\.", r"\1.m.", text)
    text = re.sub(r"(?<=\d) - (?=\w)", "-", text)
    return text


def sets(raw: bool = False) -> dict[str, object]:
    """The ECB+ sets, their sentences detokenised (`raw`: as the corpus writes them)."""
    if raw:
        return {s.name: s for s in read(CORPUS)}
    return {s.name: dataclasses.replace(s, sentences=[[detokenise(t) for t in doc] for doc in s.sentences])
            for s in read(CORPUS)}


def write_set(sub, root: Path) -> Path:
    """The set as a folder of .txt reports, one sentence a paragraph, without the page's address
    (the corpus opens each report with it; a saved article does not)."""
    folder = root / sub.name
    folder.mkdir()
    for d, (doc, sents) in enumerate(zip(sub.docs, sub.sentences)):
        kept = [t if not t.startswith("http") else "" for t in sents]
        (folder / f"{d:02d}_{doc}.txt").write_text("\n\n".join(t for t in kept if t) + "\n", encoding="utf-8")
    return folder


def keys_of(sub, story) -> dict[tuple[str, int], tuple[int, int]]:
    """`member_keys` for a set written by `write_set` (the address sentences left out)."""
    dropped = dataclasses.replace(sub, sentences=[[t if not t.startswith("http") else "\x00" for t in doc] for doc in sub.sentences])
    return member_keys(dropped, story)


def parse_key(key: str) -> tuple[str, int, str, int]:
    """"doc#sentence:text@n" → (doc, sentence, text, n); n = 0 means every such figure there."""
    where, text = key.split(":", 1)
    doc, sentence = where.rsplit("#", 1)
    n = 0
    if "@" in text:
        text, at = text.rsplit("@", 1)
        n = int(at)
    return doc, int(sentence), text, n


def label_of(labels: dict[str, list[str]]) -> dict[tuple[str, int, str, int], str]:
    out = {}
    for name, keys in labels.items():
        for key in keys:
            out[parse_key(key)] = name
    return out


def lookup(table: dict[tuple[str, int, str, int], str], doc: str, sentence: int, text: str, n: int) -> str | None:
    return table.get((doc, sentence, text, n)) or table.get((doc, sentence, text, 0))


def check(sub, table) -> list[str]:
    """Labels that name no figure the reader finds (a typo in a label, or a parser change)."""
    missing = []
    found = set()
    for d, (doc, sents) in enumerate(zip(sub.docs, sub.sentences)):
        for s, text in enumerate(sents):
            seen: dict[str, int] = defaultdict(int)
            for m in mentions(doc, s, text):
                key = detokenise(m.text)
                seen[key] += 1
                found.add((doc, s, key, seen[key]))
                found.add((doc, s, key, 0))
    for key in table:
        if key not in found:
            doc, sentence, text, n = key
            missing.append(f"{doc}#{sentence}:{text}@{n}")
    return missing


def measure(sub, labels: dict[str, list[str]], verbose: bool, root: Path) -> dict[str, int]:
    table = label_of(labels)
    for bad in check(sub, table):
        print(f"  {sub.name}: label names no figure: {bad}", file=sys.stderr)
    story = build_story([str(write_set(sub, root))])
    keys = keys_of(sub, story)
    figures = find_figures(story)

    def name(m: Mention) -> tuple[str, str | None]:
        d, s = keys[(m.source, m.paragraph)]
        key = detokenise(m.text)
        same = [x for x in mentions(m.source, m.paragraph, story.paragraph(m.member).text) if detokenise(x.text) == key]
        n = 1 + [x.start for x in same].index(m.start)
        doc = sub.docs[d]
        return f"{doc}#{s}:{m.text}", lookup(table, doc, s, key, n)

    tally = defaultdict(int)
    found_things: set[str] = set()
    for f in figures:
        names = [name(m) for m in f.mentions]
        things = {thing for _, thing in names}
        same = len(things) == 1 and None not in things
        if f.status == "agree":
            tally["agreements"] += 1
            tally["agreements_same"] += same
        if f.status != "agree":
            tally["disagreements"] += 1
            tally["disagreements_same"] += same
        if f.status == "conflict":
            tally["conflicts"] += 1
            tally["conflicts_same"] += same
            if verbose and not same:
                print(f"  {sub.name} WRONG #{f.id} [{f.about}]: " + " | ".join(f"{k} ({t})" for k, t in names))
        for x, a in enumerate(f.mentions):
            for b in f.mentions[x + 1:]:
                ta, tb = names[x][1], names[f.mentions.index(b)][1]
                if ta is not None and ta == tb and agreement(a, b) == "conflict":
                    found_things.add(ta)
    # The real disagreements: things two reports give conflicting figures for.
    by_thing: dict[str, list[Mention]] = defaultdict(list)
    for article in story.articles:
        for p in article.paragraphs:
            d, s = keys[(article.id, p.index)]
            seen: dict[str, int] = defaultdict(int)
            for m in mentions(article.id, p.index, p.text):
                key = detokenise(m.text)
                seen[key] += 1
                thing = lookup(table, sub.docs[d], s, key, seen[key])
                if thing:
                    by_thing[thing].append(m)
    for thing, ms in by_thing.items():
        real = any(a.source != b.source and agreement(a, b) == "conflict" for x, a in enumerate(ms) for b in ms[x + 1:])
        if real:
            tally["real"] += 1
            tally["real_found"] += thing in found_things
            if verbose and thing not in found_things:
                print(f"  {sub.name} MISSED {thing}: " + ", ".join(sorted({m.text for m in ms})))
    return dict(tally)


def share(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def line(name: str, t: dict[str, int]) -> str:
    return (f"{name:<22} conflicts {t.get('conflicts', 0):3d}  same thing {share(t.get('conflicts_same', 0), t.get('conflicts', 0))}"
            f"   disagreements {t.get('disagreements', 0):3d}  same thing {share(t.get('disagreements_same', 0), t.get('disagreements', 0))}"
            f"   real {t.get('real', 0):3d}  found {share(t.get('real_found', 0), t.get('real', 0))}"
            f"   agreements {t.get('agreements', 0):3d}  same thing {share(t.get('agreements_same', 0), t.get('agreements', 0))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong conflicts and missed disagreements")
    parser.add_argument("--raw", action="store_true",
                        help="the reports as the corpus spaces them ('100, 000', '5. 4'), not detokenised; "
                             "labels are matched to figures modulo that spacing")
    parser.add_argument("--only", choices=("tuned", "held-out", "all"),
                        help="one part only (tune with --only tuned: never look at the held-out sets' -v); "
                             "all: both parts and their sum")
    args = parser.parse_args()
    subs = sets(args.raw)
    root = Path(tempfile.mkdtemp(prefix="figures-ecbplus-"))
    every: dict[str, int] = defaultdict(int)
    for part, names in (("tuned on", TUNE), ("held out", HELD_OUT)):
        if args.only not in (None, "all") and part.replace(" on", "").replace(" ", "-") != args.only:
            continue
        total: dict[str, int] = defaultdict(int)
        for set_name in names:
            path = LABELS / f"{set_name}.json"
            if not path.exists():
                print(f"{set_name}: no labels yet", file=sys.stderr)
                continue
            labels = json.loads(path.read_text(encoding="utf-8"))["referents"]
            t = measure(subs[set_name], labels, args.verbose, root)
            print(line(set_name, t))
            for k, v in t.items():
                total[k] += v
                every[k] += v
        print(line(f"== {part}", total))
        print()
    if args.only in (None, "all"):
        print(line("== all", every))


if __name__ == "__main__":
    main()
