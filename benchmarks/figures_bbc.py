"""Figures on news nobody tuned on: are the BBC corpus's figure disagreements about one thing?

    python benchmarks/figures_bbc.py [--json RUN.json] [--part A|B|all] [-v] [--template OUT.json]

storyview splits the 2,225 BBC articles (`/work/bbc2225`) into stories; every figure it reports
as a disagreement ("conflict" or "imprecise") was labelled by hand in `figures_bbc_labels.json`,
reading the mentions' sentences (and the article where needed), before any rule was changed:

* same       all its figures count the same thing (same counted noun or unit, event, owner, time
             or scope);
* update     the same quantity counted at a later time by a follow-up (a toll revised, a price a
             week later);
* different  they count different things (the label says why).

Strict precision counts `update` as wrong, lenient as right.

A disagreement is keyed by its mentions, each as (source file stem, the mention's sentence
normalised: lower case, words only, the figure text), so the key survives changes to the rules,
to story ids and to paragraph numbers. A run's disagreement takes a label when its mentions equal
a labelled one's, or are a subset of a `same`/`update` one (fewer figures of one thing still
count one thing), or a superset of a `different` one (more figures never make two things one);
otherwise it is "unlabelled" and printed as such.

The disagreements are split by a stable hash of their first source stem (crc32 % 2): part A (the
rules may be tuned on it, `-v --part A`) and part B (held out: measured, never read with -v).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from storyview.engine.segment import sentence_spans

CORPUS = Path("/work/bbc2225")
LABELS = Path(__file__).resolve().parent / "figures_bbc_labels.json"
VERDICTS = ("same", "update", "different")

MentionKey = tuple[str, str, str]


def normalised(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))


def sentence_of(text: str, start: int) -> str:
    """The sentence of `text` that holds the character at `start`."""
    for s, e in sentence_spans(text):
        if s <= start < e:
            return text[s:e]
    return text


def run_json() -> dict[str, Any]:
    out = Path(tempfile.mkdtemp(prefix="figures-bbc-")) / "bbc.json"
    subprocess.run([sys.executable, "-m", "storyview", str(CORPUS), "--json", "-o", str(out)], check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def disagreements(run: dict[str, Any]) -> list[dict[str, Any]]:
    """Every disagreement of the run, each mention with its sentence."""
    paragraphs = {(s["id"], p["index"]): p["text"] for s in run["sources"] for p in s["paragraphs"]}
    out = []
    for f in run["figures"]:
        if not f.get("disagree"):
            continue
        ms = []
        for m in f["mentions"]:
            text = paragraphs[(m["source"], m["paragraph"])]
            ms.append({"source": Path(m["source"]).stem, "sentence": sentence_of(text, m["start"]), "text": m["text"]})
        out.append({"id": f["id"], "status": f["status"], "about": f["about"], "mentions": ms})
    return out


def key_of(mentions: list[dict[str, str]]) -> frozenset[MentionKey]:
    return frozenset((m["source"], normalised(m["sentence"]), m["text"]) for m in mentions)


def part_of(mentions: list[dict[str, str]]) -> str:
    first = min(m["source"] for m in mentions)
    return "AB"[zlib.crc32(first.encode()) % 2]


def label_for(key: frozenset[MentionKey], labels: list[tuple[frozenset[MentionKey], str]]) -> str | None:
    """The label of an equal labelled disagreement, else of one that keeps its verdict (see the
    module docstring); None when no label holds."""
    for k, verdict in labels:
        if k == key:
            return verdict
    for k, verdict in labels:
        if (key < k and verdict in ("same", "update")) or (key > k and verdict == "different"):
            return verdict
    return None


def load_labels(path: Path) -> list[tuple[frozenset[MentionKey], str]]:
    if not path.exists():
        return []
    out = []
    for entry in json.loads(path.read_text(encoding="utf-8")):
        if entry["label"] not in VERDICTS:
            print(f"bad label {entry['label']!r} in {path.name}", file=sys.stderr)
            continue
        out.append((key_of(entry["mentions"]), entry["label"]))
    return out


def share(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def line(name: str, t: dict[str, int]) -> str:
    d, c = t["disagreements"], t["conflicts"]
    dl, cl = d - t["unlabelled"], c - t["conflicts_unlabelled"]
    return (f"{name:<8} disagreements {d:3d}  same strict {share(t['same'], dl)} lenient {share(t['same'] + t['update'], dl)}"
            f"   conflicts {c:3d}  same strict {share(t['c_same'], cl)} lenient {share(t['c_same'] + t['c_update'], cl)}"
            f"   unlabelled {t['unlabelled']:3d}")


def show(d: dict[str, Any], what: str) -> None:
    print(f"  {what} #{d['id']} {d['status']} [{d['about']}]")
    for m in d["mentions"]:
        print(f"      {m['source']}: {m['text']!r} | {m['sentence']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="a run's JSON (storyview /work/bbc2225 --json -o ...); default: run it")
    parser.add_argument("--part", choices=("A", "B", "all"), default="all",
                        help="one part only (tune with --part A -v: never read part B's -v)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong and unlabelled disagreements of the part")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--template", type=Path, help="write the unlabelled disagreements as label entries to fill in")
    args = parser.parse_args()
    run = json.loads(args.json.read_text(encoding="utf-8")) if args.json else run_json()
    labels = load_labels(args.labels)
    tally: dict[str, dict[str, int]] = {p: defaultdict(int) for p in ("A", "B", "total")}
    todo = []
    for d in disagreements(run):
        part = part_of(d["mentions"])
        if args.part not in ("all", part):
            continue
        verdict = label_for(key_of(d["mentions"]), labels)
        conflict = d["status"] == "conflict"
        for t in (tally[part], tally["total"]):
            t["disagreements"] += 1
            t["conflicts"] += conflict
            if verdict is None:
                t["unlabelled"] += 1
                t["conflicts_unlabelled"] += conflict
            else:
                t[verdict] += 1
                if conflict:
                    t["c_" + verdict] += 1
        if verdict is None:
            todo.append({"part": part, "status": d["status"], "about": d["about"], "label": "", "why": "",
                         "mentions": d["mentions"]})
        if args.verbose and verdict != "same":
            show(d, (verdict or "unlabelled").upper())
    for name in ("A", "B", "total"):
        if args.part in ("all", name) or (name == "total" and args.part == "all"):
            print(line(name, tally[name]))
    if args.template:
        args.template.write_text(json.dumps(todo, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(todo)} unlabelled disagreements to {args.template}")


if __name__ == "__main__":
    main()
