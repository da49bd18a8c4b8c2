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
from storyview.findings.rewrites import ALL_PAIRS, REWRITE_DISTINCT, find_rewrites

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
        assert set(r) == {"sources", "verdict", "rewrite", "original", "basis", "summary", "shared_sentences", "shared_words", "a",
                          "b", "chain"}
        assert set(r["a"]) == {"source", "follows", "wording", "phrasing", "verbatim", "distinct", "paragraphs",
                                "total"}
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


# Three reports of one warehouse fire, written independently: six paragraphs each, the same
# facts in the same order (what burned, the evacuation, the crews, the injured, the cause, the
# site's record) with the same names, figures and fact words, each in its own words. Paragraph
# order and the facts' words are what every report of an event shares (tryout 14).
FIRE = {
    "courier": """Warehouse Blaze Forces Hundreds From Homes

A fire tore through the Tallis Chemicals warehouse on the Brackenford industrial estate late on Sunday, sending a column of acrid smoke over the town and prompting an overnight evacuation.

Around 300 residents of the neighbouring Millbank streets were told to leave their homes shortly before midnight and spent the night in a leisure centre, where volunteers handed out blankets and tea.

Eighty firefighters with 15 engines fought the blaze for more than four hours before declaring it under control at about 4am on Monday.

Two firefighters were treated for heat exhaustion at the scene. Nobody else was hurt, the fire service said.

The cause is not yet known. Tallis Chemicals said it was cooperating fully with investigators and apologised to neighbours for the disruption.

The site was fined £40,000 in 2019 for breaches of storage rules, and local councillors are now calling for a review of its licence.""",
    "gazette": """Residents Evacuated As Chemical Store Burns

Flames engulfed a chemical warehouse in Brackenford on Sunday night, and people living nearby were ordered out as thick black smoke drifted across the east of the town.

Police went door to door in Millbank, clearing roughly 300 people from their houses. Most were taken by bus to the Riverside leisure centre to wait out the night.

Crews from across the county, 80 firefighters in all and 15 appliances, battled the fire until around 4am on Monday, when the service said it had been contained.

Heat exhaustion forced two of the firefighters to receive treatment, but there were no other injuries.

Investigators have yet to establish how the fire started. In a statement, the owner, Tallis Chemicals, promised to assist the inquiry and said it was sorry for the distress caused.

Four years ago the company paid a £40,000 penalty over the way it stored materials at the site. Councillors want its licence looked at again.""",
    "radio": """Night Of Smoke In Brackenford

Hundreds of people in Brackenford had to abandon their homes on Sunday night after fire broke out at a warehouse belonging to Tallis Chemicals.

About 300 residents from the Millbank area were moved out before midnight and given shelter at a leisure centre until morning.

It took 80 firefighters and 15 fire engines more than four hours to bring the flames under control, which they did at 4am on Monday.

Two firefighters needed treatment for heat exhaustion. There were no other casualties, according to the fire service.

It is not yet clear what caused the fire. Tallis Chemicals says it is working with the investigation and has apologised to local people.

The firm was fined £40,000 in 2019 for failing to store chemicals safely, and councillors have asked for its licence to be reviewed.""",
}

# A rewrite of the courier: its paragraphs in order, shortened, in words the courier chose
# ("ripped through", "a column of acrid smoke", "volunteers", "disruption") that no other report uses.
DIGEST = """Chemical Warehouse Fire Leads To Overnight Evacuation

Late on Sunday flames ripped through a Tallis Chemicals store in Brackenford, and a column of acrid smoke led officials to order an overnight evacuation.

Shortly before midnight some 300 neighbouring residents were told to go; volunteers at a leisure centre handed them tea and blankets.

Crews spent more than four hours on the blaze, declaring it under control around 4am.

Two firefighters were treated for heat exhaustion; the fire service said nobody else was hurt.

Tallis Chemicals apologised to neighbours for the disruption and said it was cooperating with investigators.

Councillors are calling for a review of the site's licence after the breaches of storage rules for which it was fined in 2019."""


def test_independent_reports_of_one_event_in_the_same_order_are_no_rewrites() -> None:
    pairs = find_rewrites(story(**FIRE))
    for p in pairs:
        assert len(p.chain) >= 5 and max(p.a.follows, p.b.follows) >= 0.9  # order alone would say "rewrite"
        assert p.verdict == "independent", p.summary
        assert max(p.a.distinct, p.b.distinct) < REWRITE_DISTINCT


def test_two_independent_reports_alone_are_no_rewrite() -> None:
    """In a folder of two no other report shows which words are the fact's: a paragraph's first
    few shared words are taken for them."""
    for x, y in combinations(FIRE, 2):
        p = pair(find_rewrites(story(**{x: FIRE[x], y: FIRE[y]})), x, y)
        assert p.verdict == "independent", p.summary


def test_a_rewrite_among_independent_reports_is_still_named() -> None:
    pairs = find_rewrites(story(**FIRE, digest=DIGEST))
    p = pair(pairs, "courier", "digest")
    assert p.verdict == "rewrite" and (p.rewrite, p.original) == ("digest", "courier"), p.summary
    assert p.side("digest").distinct >= REWRITE_DISTINCT
    assert [x for x in pairs if x.verdict != "independent"] == [p]


def test_a_shared_quotation_is_no_evidence_of_rewriting() -> None:
    """Two reports quoting one witness share her words; the words outside the quotation are
    what a rewrite would keep."""
    quote = ' Resident Maria Lowe said: "We grabbed the children and ran, the smoke was everywhere and it smelled like burning plastic."'
    quoted = {name: text.replace("until morning.", "until morning." + quote)
              .replace("wait out the night.", "wait out the night." + quote)
              .replace("handed out blankets and tea.", "handed out blankets and tea." + quote)
              for name, text in FIRE.items()}
    for p in find_rewrites(story(**quoted)):
        assert p.verdict == "independent", p.summary


def test_three_reprints_of_one_wire_story_are_three_copies_not_six() -> None:
    """a is the wire story; b, c and d reprint it (each a little shorter): that b copies c
    follows from both copying a, and the reports name only the three copies of a (try16)."""
    from storyview.exports.markdown import markdown
    from storyview.findings.rewrites import implied, named

    wire = ["A magnitude 6.1 earthquake struck off Sumatra on Tuesday, the geological survey said.",
            "Officials in Padang said 14 people were killed and dozens of buildings collapsed.",
            "The quake was felt in Singapore, 400 km away, where office towers swayed.",
            "A tsunami warning was issued and lifted two hours later.",
            "Indonesia sits on the Pacific Ring of Fire and sees frequent quakes.",
            "Rescue teams were sent from Jakarta on Wednesday morning."]
    texts = ["\n\n".join(wire), "\n\n".join(wire[:5]), "\n\n".join(wire[:4]), "\n\n".join(wire[:3]),
             "Buildings shook in Padang when a strong quake hit on Tuesday.\n\nLocal radio said roads were blocked.\n\n"
             "Aid groups asked for blood donors."]
    s = story(**dict(zip("abcde", texts)))
    pairs = find_rewrites(s)
    copies = {(p.rewrite, p.original) for p in pairs if p.verdict == "copy"}
    assert {("b", "a"), ("c", "a"), ("d", "a")} <= copies and len(copies) == 6
    kept = {(p.rewrite, p.original) for p in named(pairs) if p.verdict == "copy"}
    assert kept == {("b", "a"), ("c", "a"), ("d", "a")}
    assert len(implied(pairs)) == 3
    md = markdown(s)
    assert md.count("reads as a copy of") == 3
