"""Why storyview misses a real disagreement on ECB+: the first step of `find_figures` that stops it.

    python benchmarks/figures_misses.py [--only tuned|held-out] [-v [--why]]

For every labelled thing two reports give conflicting figures for (`figures_ecbplus.py`'s
"real") that no reported figure holds, each pair of its conflicting figures of two reports is
followed through `find_figures`' steps, and the pair that gets furthest names the cause:

* not read        a figure outside the body and headlines (or sources never related);
* no shared words the two figures share no context word (never scored);
* referents       `_comparable` keeps them apart (what each counts clashes);
* evidence        `_Evidence` finds no sign that the sentences tell the same thing
                  (with the sub-rule: counterpart, far, act, names, overlap, dates…);
* weak match      their words match, but not `threshold` + the conflict margin;
* filtered        a clear, evidenced pair, which the merging left apart (a member of another
                  figure, or a merge blocked by a third figure).

Tune with `--only tuned` only: never read the held-out sets' -v.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures_ecbplus import HELD_OUT, LABELS, TUNE, detokenise, keys_of, label_of, lookup, sets, write_set
from storyview.findings.figures import agreement, find_figures, mentions
from storyview.findings.figures import match as M
from storyview.pipeline import build_story

STEPS = ("not read", "no shared words", "referents", "evidence", "weak match", "filtered")


def _why_evidence(ev: M._Evidence, i: int, j: int) -> str:
    """Which of `_Evidence`'s rules said no."""
    a, b = ev.contexts[i], ev.contexts[j]
    if ev.counterpart(i, j) or ev.counterpart(j, i):
        return "counterpart"
    if a.mention.kind != "date" and M.far(a.mention, b.mention):
        return "far"
    if a.mention.kind != "date" and not M.same_act(a.referent, b.referent):
        return "act"
    if a.mention.kind == "date":
        return "dates: legal" if M._legal(a) != M._legal(b) else "dates: frame/names"
    if a.referent.head and b.referent.head and not M.same_noun(a.referent, b.referent):
        return "noun"
    if M.close(a.referent, b.referent):
        return "close, but names/meaning"
    if (M.span(a.referent) or M.span(b.referent)) and not (a.referent.ended and b.referent.ended) \
            or a.referent.moment or b.referent.moment:
        return "span"
    return "overlap/meaning"


VERBOSE = False


def _refusal(a, b) -> str:
    """The test of `_comparable` (and of the `comparable` it calls) that said no: which clash of
    the two referents kept them apart."""
    watched = {M._comparable.__code__, M.comparable.__code__}
    seen: dict[object, list[int]] = defaultdict(list)

    def trace(frame, event, arg):
        if frame.f_code not in watched:
            return None
        if event == "line":
            seen[frame.f_code].append(frame.f_lineno)
        return trace

    sys.settrace(trace)
    try:
        M._comparable(a, b)
    finally:
        sys.settrace(None)
    told = []
    for code in (M._comparable.__code__, M.comparable.__code__):
        if len(seen[code]) >= 2:
            lines, start = inspect.getsourcelines(code)
            told.append(f"{code.co_name}: {lines[seen[code][-2] - start].strip()}")
    return " / ".join(told)


def _sentence(story, c) -> str:
    source, paragraph, start = c.sentence
    text = story.paragraph(M.Member(source, paragraph)).text
    end = next((x.end for x in M.sentences(text) if x.start == start), len(text))
    return text[start:end]


def diagnose(story, label) -> dict[str, tuple[int, str, str]]:
    """For each labelled thing, the furthest step any conflicting pair of it reaches: (step, detail, pair)."""
    related = M._related(story)
    contexts, idf, facts, group, alone, limit = M.setting(story)
    found_ = [c.mention for c in contexts]
    scores = M._scores(M._pairs(contexts, facts, limit, related), contexts, idf, facts, group, alone, 0.15) if related else {}
    evidence = M._Evidence(contexts, idf, M._meanings(story, contexts))
    things: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(contexts):
        thing = label(c.mention)
        if thing:
            things[thing].append(i)
    out: dict[str, tuple[int, str, str]] = {}
    for thing, members in things.items():
        best = (0, "", "")
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = sorted((i, j))
                ma, mb = found_[a], found_[b]
                if ma.source == mb.source or agreement(ma, mb) != "conflict":
                    continue
                pair = f"{ma.text!r} / {mb.text!r}"
                if VERBOSE:
                    pair += "\n      A: " + _sentence(story, contexts[a]) + f"\n         {contexts[a].referent}" \
                            + "\n      B: " + _sentence(story, contexts[b]) + f"\n         {contexts[b].referent}" \
                            + f"\n      overlap {evidence.overlap(a, b):.2f} meaning {evidence.meaning(a, b):.2f} score {scores.get((a, b), 0.0):.2f}"
                s = scores.get((a, b), 0.0)
                if (ma.source, mb.source) not in related:
                    step, detail = 0, "sources unrelated"
                elif s <= 0:
                    step, detail = 1, ""
                elif not M._comparable(contexts[a], contexts[b]):
                    ra, rb = contexts[a].referent, contexts[b].referent
                    step, detail = 2, f"{ra.head}/{ra.outcome}/{ra.act} vs {rb.head}/{rb.outcome}/{rb.act}"
                    if VERBOSE:
                        pair += f"\n      refused at {_refusal(contexts[a], contexts[b])}"
                else:
                    s += M.REFERENT_BONUS if M.close(contexts[a].referent, contexts[b].referent) \
                        or M.one_act(contexts[a], contexts[b]) else 0.0
                    if not evidence(a, b):
                        step, detail = 3, _why_evidence(evidence, a, b)
                    elif s < 0.3 + M._margin(ma, mb):
                        step, detail = 4, f"{s:.2f}"
                    else:
                        step, detail = 5, f"{s:.2f}"
                if step >= best[0]:
                    best = (step, detail, pair)
        out[thing] = best
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("tuned", "held-out"), default="tuned")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss with its cause")
    parser.add_argument("--why", action="store_true", help="with -v: the two sentences, referents and scores")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.why
    subs = sets()
    root = Path(tempfile.mkdtemp(prefix="figures-misses-"))
    tally: Counter[str] = Counter()
    for name in TUNE if args.only == "tuned" else HELD_OUT:
        sub = subs[name]
        table = label_of(json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8"))["referents"])
        story = build_story([str(write_set(sub, root))])
        keys = keys_of(sub, story)

        def label(m, sub=sub, story=story, keys=keys, table=table) -> str | None:
            d, s = keys[(m.source, m.paragraph)]
            key = detokenise(m.text)
            same = [x for x in mentions(m.source, m.paragraph, story.paragraph(m.member).text) if detokenise(x.text) == key]
            return lookup(table, sub.docs[d], s, key, 1 + [x.start for x in same].index(m.start))

        figures = find_figures(story)
        found = set()
        for f in figures:
            ts = [label(m) for m in f.mentions]
            for x, a in enumerate(f.mentions):
                for y in range(x + 1, len(f.mentions)):
                    if ts[x] and ts[x] == ts[y] and agreement(a, f.mentions[y]) == "conflict":
                        found.add(ts[x])
        for thing, (step, detail, pair) in sorted(diagnose(story, label).items()):
            if not pair or thing in found:
                continue  # no conflicting pair of two reports among its figures read, or found
            tally[STEPS[step]] += 1
            if step == 3:
                tally[f"  evidence: {detail}"] += 1
            if args.verbose:
                print(f"  {name} {STEPS[step]:<15} {detail:<28} {thing}: {pair}")
    print()
    for k, v in sorted(tally.items(), key=lambda kv: (kv[0].startswith(" "), -kv[1])):
        if v:
            print(f"{k:<40} {v}")


if __name__ == "__main__":
    main()
