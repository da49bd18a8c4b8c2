"""Rewrites: how much of one source follows another in order and wording, on the seeds (001
rewrites 000 paragraph by paragraph) and on hand-made copies, rewrites and independent reports."""

from __future__ import annotations

import json
from itertools import combinations

from storyview.exports.json_export import to_json
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from
from storyview.findings.rewrites import ALL_PAIRS, find_rewrites

S000, S001 = "000_77808fc77837df52", "001_0b1f90e86e75de80"


def story(**texts: str):
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


def pair(pairs, a: str, b: str):
    return next(p for p in pairs if set(p.sources) == {a, b})


def test_seed_001_is_named_a_rewrite_of_000(seed_story) -> None:
    pairs = find_rewrites(seed_story)
    p = pair(pairs, S000, S001)
    assert p.verdict == "rewrite"
    assert (p.rewrite, p.original) == (S001, S000)
    assert p.side(S001).follows >= 0.9 and p.side(S001).paragraphs == 6
    assert "rewrite" in p.summary and p.summary.startswith(S001)
    assert len(pairs) == 10
    assert [x for x in pairs if x.verdict in ("rewrite", "copy")] == [p]


def test_rewrites_in_the_json(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    assert len(data["rewrites"]) == 10
    for r in data["rewrites"]:
        assert set(r) == {"sources", "verdict", "rewrite", "original", "basis", "summary", "a", "b", "chain"}
        assert set(r["a"]) == {"source", "follows", "wording", "phrasing", "paragraphs", "total"}
        assert 0 <= r["a"]["follows"] <= 1 and 0 <= r["b"]["wording"] <= 1
    named = [r for r in data["rewrites"] if r["verdict"] == "rewrite"]
    assert [(r["rewrite"], r["original"]) for r in named] == [(S001, S000)]


ORIGINAL = """Harbor Bridge Will Close For Repairs

The Harbor Bridge will close to traffic for six months starting in March so crews can replace its corroded steel deck, the transportation department announced on Monday.

Drivers will be sent over the Mill Street crossing, which officials expect to add twenty minutes to the morning commute for about 30,000 people.

The repairs will cost $48 million, paid mostly by a federal infrastructure grant the city won last year.

Shop owners near the bridge said the closure would hurt business, and the chamber of commerce asked for a phased plan that keeps one lane open.

Inspectors first flagged the corrosion in 2021, when chunks of concrete fell onto the walkway below."""

# A rewrite tells the same paragraphs in the same order in other words, and drops details.
REWRITE = """The transportation department said Monday that the Harbor Bridge is to shut for six months from March, letting crews replace the corroded steel deck.

Traffic is being diverted to the Mill Street crossing, adding twenty minutes to the morning commute.

A federal infrastructure grant won by the city covers most of the $48 million cost of the repairs.

Businesses near the bridge fear the closure, and the chamber of commerce wants a phased plan with one lane kept open.

Inspectors first spotted the corrosion in 2021."""

INDEPENDENT = """Commuters Brace For Bridge Shutdown

For Ana Ruiz, who runs a bakery two blocks from the Harbor Bridge, March cannot come slowly enough: she expects to lose a third of her morning customers.

Her neighbours on Front Street tell the same story. Several said they were not consulted before the decision.

The city says the work on the corroded deck cannot wait, pointing to a 2021 inspection.

A ferry link, proposed by one council member, was rejected as too expensive."""


def test_hand_made_rewrite_copy_and_independent() -> None:
    copy = ORIGINAL.replace("six months", "half a year").replace("Monday", "Tuesday")
    pairs = find_rewrites(story(original=ORIGINAL, rewrite=REWRITE, independent=INDEPENDENT, copy=copy))
    r = pair(pairs, "original", "rewrite")
    assert r.verdict == "rewrite" and r.rewrite == "rewrite" and r.original == "original"
    c = pair(pairs, "original", "copy")
    assert c.verdict == "copy" and c.side("copy").wording >= 0.9
    for other in ("original", "rewrite", "copy"):
        assert pair(pairs, other, "independent").verdict == "independent"


def test_the_same_paragraphs_out_of_order_are_no_rewrite() -> None:
    shuffled = "\n\n".join(reversed(REWRITE.split("\n\n")))
    p = pair(find_rewrites(story(original=ORIGINAL, shuffled=shuffled)), "original", "shuffled")
    assert p.verdict != "rewrite" and p.side("shuffled").follows < 0.5


def test_a_later_date_breaks_a_tie() -> None:
    first = "Date: 2025-03-01\n\n" + ORIGINAL
    later = "Date: 2025-03-02\n\n" + ORIGINAL.replace("six months", "half a year")
    p = pair(find_rewrites(story(first=first, later=later)), "first", "later")
    assert p.verdict == "copy" and (p.rewrite, p.basis) == ("later", "dated later")


def test_a_large_story_lists_the_pairs_that_share_a_group_in_source_order() -> None:
    """Beyond ALL_PAIRS sources only pairs that share a group are compared (the others are
    independent by construction); found from the groups, not by going through every pair."""
    topics = ["harbour", "bridge", "budget", "school", "river", "tax", "festival", "museum", "library", "stadium",
              "station", "airport"]
    texts = {}
    for n in range(ALL_PAIRS + 6):
        own = topics[n % len(topics)]
        texts[f"s{n:02d}"] = (
            f"Report {n} on the {own}\n\n"
            f"The {own} committee number {n} met on a quiet morning to discuss item {n * 7} of its agenda.\n\n"
            f"Residents of district {n} asked about the {own} and about parking near block {n * 3}."
        )
    shared = "The regional council voted on Monday to close the old harbour bridge for repairs until the spring."
    for name in ("s02", "s09", "s30"):
        texts[name] += "\n\n" + shared
    s = story(**texts)
    grouped = {frozenset(m.source for m in g.members) for g in s.groups if len({m.source for m in g.members}) > 1}
    expected = [(a.id, b.id) for a, b in combinations(s.articles, 2) if any({a.id, b.id} <= g for g in grouped)]
    assert ("s02", "s09") in expected
    assert [p.sources for p in find_rewrites(s)] == expected


# Three short reports of one event, written independently: the same facts in the same order
# (news puts the event first, then the toll, then what comes next), in their own words.
SHORT = {
    "herald": """A section of the Kestrel Street Bridge in Port Alder collapsed early Tuesday, sending two empty buses into the Wren River and cutting the city's main link to its eastern suburbs.

No one was killed. Four people were treated for minor injuries, according to the fire department.

Mayor Lena Ortiz said the bridge would stay closed for at least six months and announced free ferry service for commuters.""",
    "wire": """Part of the Kestrel Street Bridge fell into the Wren River on Tuesday, taking two unoccupied buses with it and severing the main route between Port Alder and its eastern suburbs.

Four people suffered minor injuries, the fire department said. Nobody died.

Mayor Lena Ortiz said the crossing would remain closed for at least six months. The city will run free ferries in the meantime.""",
    "tv": """A portion of the Kestrel Street Bridge collapsed on Tuesday morning in Port Alder. Two buses with no passengers fell into the Wren River.

The fire department reported that four people had minor injuries and that there were no deaths.

Mayor Lena Ortiz told reporters the bridge will be shut for at least six months, and free ferry service will begin Thursday.""",
}


def test_short_independent_reports_in_the_same_order_are_no_rewrites() -> None:
    pairs = find_rewrites(story(**SHORT))
    for p in pairs:
        assert p.verdict == "independent", p.summary
        assert max(p.a.phrasing, p.b.phrasing) < 0.25


def test_a_short_article_copied_with_light_edits_is_still_named() -> None:
    edited = (SHORT["herald"].replace("early Tuesday", "on Tuesday morning")
              .replace("No one was killed.", "Nobody was killed.").replace("announced", "promised"))
    p = pair(find_rewrites(story(herald=SHORT["herald"], edited=edited)), "herald", "edited")
    assert p.verdict in ("rewrite", "copy") and p.side("edited").phrasing >= 0.25


def test_two_copies_of_one_file_claim_no_basis() -> None:
    p = pair(find_rewrites(story(x=ORIGINAL, y=ORIGINAL)), "x", "y")
    assert p.verdict == "copy" and p.basis is None
    assert "shorter" not in p.summary and "of each other" in p.summary
    data = json.loads(to_json(story(x=ORIGINAL, y=ORIGINAL)))
    assert [r["basis"] for r in data["rewrites"]] == [None]
