"""Figures: numbers, money and dates read from the text, matched to what other sources state
for the same thing, and flagged where they disagree."""

from __future__ import annotations

import json

import pytest

from storyview.exports.json_export import to_json
from storyview.findings.figures import agreement, find_figures, mentions
from storyview.findings.figures.match import _contexts, _pairs
from storyview.findings.figures.mentions import FIGURE_RE, MONTH_ALONE_RE, _figures, _months_alone
from storyview.findings.figures.scoring import _Facts, _scores, _scores_vectorised
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from

S000, S001, S003, S004 = "000_77808fc77837df52", "001_0b1f90e86e75de80", "003_c2008e17b072abf1", "004_dfaf2f3fb21cad14"


def one(text: str):
    [m] = mentions("x", 0, text)
    return m


def story(**texts: str):
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


# ---------------------------------------------------------------- reading figures


@pytest.mark.parametrize(
    ("text", "figure", "kind", "low", "high", "exact"),
    [
        ("They hired 10,000 officers.", "10,000", "count", 10_000, 10_000, True),
        ("They hired thousands of officers.", "thousands", "count", 2_000, 999_999, False),
        ("They hired tens of thousands of officers.", "tens of thousands", "count", 20_000, 99_999, False),
        ("They turned away more than 200 recruits.", "more than 200", "count", 200, 600, False),
        ("It received $75 billion in funding.", "$75 billion", "money", 75e9, 75e9, True),
        ("It cost 2.5 million dollars to build.", "2.5 million dollars", "money", 2.5e6, 2.5e6, True),
        ("They made off with $137-million of diamonds.", "$137-million", "money", 137e6, 137e6, True),
        ("Turnout rose 12% this year.", "12%", "percent", 12, 12, True),
        ("Turnout rose 12 percent this year.", "12 percent", "percent", 12, 12, True),
        ("All five boroughs voted.", "five", "count", 5, 5, True),
    ],
)
def test_quantities(text, figure, kind, low, high, exact) -> None:
    m = one(text)
    assert (m.text, m.kind, m.low, m.high, m.exact) == (figure, kind, low, high, exact)


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("It happened on November 7, 2025, in Queens.", "November 7, 2025", "2025-11-07"),
        ("It happened on Nov. 7, 2025, in Queens.", "Nov. 7, 2025", "2025-11-07"),
        ("It happened on 7 November 2025 in Queens.", "7 November 2025", "2025-11-07"),
        ("He takes office in January 2026 as mayor.", "January 2026", "2026-01"),
        ("The clip is from 2023, he said.", "2023", "2023"),
        ("ICE posted the ad on Thursday afternoon.", "Thursday", "thursday"),
        ("He apologized in August, reporters said.", "August", "--08"),
    ],
)
def test_dates(text, figure, value) -> None:
    m = one(text)
    assert (m.text, m.kind, m.value) == (figure, "date", value)


@pytest.mark.parametrize("text", [
    "Windows 8 shipped late.", "The COVID-19 rules ended.", "We meet at 9 a.m. sharp.", "Call 555-0100 now.",
    "Officers may soon leave.", "They march on.", "Updated 03:05 EDT.", "It was No. 5 on the list.",
    "Police found AK-47 rifles.", "An F-16 flew over.", "The G-20 met.",
])
def test_not_figures(text) -> None:
    assert mentions("x", 0, text) == []


@pytest.mark.parametrize("text", [
    "They seized 14 AK - 47 Rifles and 31 magazines.", "They seized six AK - 47 rifles.",
    "Police found AK-47 rifles.",
])
def test_a_models_number_is_no_count(text: str) -> None:
    """try25: "14 AK - 47 Rifles" agreed with "six AK - 47 rifles" on 47."""
    assert "47" not in [m.text for m in mentions("x", 0, text)]


@pytest.mark.parametrize(("text", "figure"), [
    ("Across the UK - 47 people died in the storm.", "47"),  # a dash, where no hyphen is spaced
    ("Figures from the NHS - 500 jobs will go - came on Monday.", "500"),
])
def test_a_count_after_a_dash_is_still_a_count(text: str, figure: str) -> None:
    assert figure in [m.text for m in mentions("x", 0, text)]


@pytest.mark.parametrize(("text", "figures"), [
    ("Krivorizhstal is one of dozens of firms he says were sold cheaply.", []),
    ("She was one of the thousands of people who marched.", []),
    ("Dozens of firms were sold cheaply.", ["Dozens"]),
    ("He was one of 12 jurors who voted.", ["12"]),
])
def test_one_of_a_vague_many_is_no_count(text: str, figures: list[str]) -> None:
    """"one of dozens of firms" says there were many, and counts nothing: it never meets "30 to 40
    top firms" (BBC part A). A number after "one of" still counts ("one of 12 jurors")."""
    assert [m.text for m in mentions("x", 0, text)] == figures


def test_a_number_opening_a_sentence_after_a_name_is_a_figure() -> None:
    # "Port Alder. Two buses": the capitalised word before ends a sentence; it names nothing.
    from storyview.findings.figures import mentions

    found = mentions("x", 1, "The bridge collapsed in Port Alder. Two buses fell into the river.")
    assert [(m.text, m.kind, m.low) for m in found] == [("Two", "count", 2.0)]


def test_agreement_rules() -> None:
    ten_k, thousands, other = one("hire 10,000 officers"), one("hire thousands of officers"), one("hire 5,000 officers")
    assert agreement(ten_k, ten_k) == "agree"
    assert agreement(ten_k, thousands) == "imprecise"
    assert agreement(ten_k, other) == "conflict"
    assert agreement(one("about 150 miles"), one("150 miles")) == "agree"  # rounding is not disagreeing
    assert agreement(one("more than 200 recruits"), one("thousands of recruits")) == "conflict"
    assert agreement(one("on Thursday"), one("on Friday")) == "conflict"
    assert agreement(one("on November 7, 2025"), one("on Friday")) == "imprecise"  # it was a Friday
    assert agreement(one("on November 7, 2025"), one("on Thursday")) == "conflict"
    assert agreement(one("in January 2026"), one("in January")) == "imprecise"
    # Bounded the same way but from different figures, the sources disagree.
    assert agreement(one("for at least six months"), one("for at least eight months")) == "conflict"
    assert agreement(one("more than 200 recruits"), one("at least 300 recruits")) == "conflict"
    assert agreement(one("at least six months"), one("eight months")) == "imprecise"  # eight is at least six


# ---------------------------------------------------------------- the seeds


def test_seed_hiring_figure_disagrees(seed_story) -> None:
    f = next(f for f in find_figures(seed_story) if any(m.text == "10,000" and m.source == S003 for m in f.mentions))
    by = {m.source: m.text for m in f.mentions}
    assert by[S003] == "10,000" and by[S004] == "thousands" and by[S001] == "thousands" and by[S000] == "10,000"
    assert f.disagree and f.status == "imprecise" and f.kind == "count"


def test_seed_day_of_the_post_conflicts(seed_story) -> None:
    f = next(f for f in find_figures(seed_story) if f.kind == "date")
    assert {(m.source, m.text) for m in f.mentions} == {(S003, "Thursday"), (S004, "Friday")}
    assert f.status == "conflict"


def test_seed_figures_not_about_the_same_thing_stay_apart(seed_story) -> None:
    figures = find_figures(seed_story)
    together = [{m.text for m in f.mentions} for f in figures]
    assert not any({"10,000", "more than 200"} <= t for t in together)
    assert not any("$75 billion" in t for t in together)  # no other source puts a sum on it


def test_figures_in_the_json(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    assert data["figures"]
    for f in data["figures"]:
        assert set(f) == {"id", "about", "kind", "status", "disagree", "sources", "mentions"}
        assert f["disagree"] == (f["status"] != "agree") and len(f["mentions"]) >= 2
        for m in f["mentions"]:
            src = next(s for s in data["sources"] if s["id"] == m["source"])
            assert src["paragraphs"][m["paragraph"]]["text"][m["start"]:m["end"]] == m["text"]


# ---------------------------------------------------------------- hand-made, other wording

FIRE_A = """Wildfire Destroys Homes Near Riverton

A wildfire destroyed 40 homes near Riverton on Saturday, county officials said, and forced about 2,000 residents to leave.

The blaze started in dry brush along Highway 9 and spread quickly in strong winds, according to the fire department.

Damage is estimated at $12 million, and the state has promised emergency aid to the families who lost their homes.

Investigators have not yet said what caused the fire."""
FIRE_B = """Riverton fire leaves families homeless

Fire crews battled the Riverton wildfire through the weekend after it burned dozens of houses on Sunday.

Roughly 2,000 people were evacuated from the area, county officials told reporters.

Officials put the damage at $15 million. The governor pledged state aid for families who lost houses.

The cause of the blaze remains under investigation."""
FIRE_C = """Blaze near Riverton

The wildfire that swept through the hills near Riverton destroyed 40 homes, according to county officials.

More than 1,500 residents had to evacuate as strong winds pushed the flames toward town.

Damage could reach $12 million, officials estimated."""


def test_hand_made_fire_story() -> None:
    figures = find_figures(story(a=FIRE_A, b=FIRE_B, c=FIRE_C))
    by_text = {frozenset((m.source, m.text) for m in f.mentions): f for f in figures}
    homes = by_text[frozenset({("a", "40"), ("b", "dozens"), ("c", "40")})]
    assert homes.status == "imprecise" and homes.disagree
    damage = by_text[frozenset({("a", "$12 million"), ("b", "$15 million"), ("c", "$12 million")})]
    assert damage.status == "conflict" and damage.kind == "money"
    day = by_text[frozenset({("a", "Saturday"), ("b", "Sunday")})]
    assert day.status == "conflict"
    people = by_text[frozenset({("a", "about 2,000"), ("b", "Roughly 2,000"), ("c", "More than 1,500")})]
    assert people.status == "imprecise"
    # Highway 9 is a name, the two figures of one sentence are two things.
    assert all(len({m.source for m in f.mentions}) == len(f.mentions) for f in figures)
    assert [f.status for f in figures] == sorted((f.status for f in figures), key=["conflict", "imprecise", "agree"].index)


def test_same_value_same_thing_agrees() -> None:
    figures = find_figures(story(
        a="The city council approved a transit budget of $12 million on Tuesday after a long debate.",
        b="On Tuesday the council passed a $12 million transit budget, which buys electric buses.",
    ))
    assert len(figures) == 2
    assert {f.status for f in figures} == {"agree"}
    assert {f.kind for f in figures} == {"money", "date"}


FERRY_A = """Ferry fire off Inverness

Forty-six people were rescued from a small car ferry on Friday after a fire broke out in its engine room.

Lifeboats from Kessock and Invergordon were launched and a coastguard helicopter was scrambled.

Three passengers were treated in hospital for smoke inhalation."""
FERRY_B = """Fire on Scottish ferry

A fire broke out on a ferry near Inverness on Friday, forcing the evacuation of 46 people, the coastguard said.

Lifeboats from Kessock and Invergordon and a helicopter were sent to the scene.

Three people were taken to hospital with smoke inhalation."""


def test_the_rescued_and_the_evacuated_are_one_group_when_their_figures_agree() -> None:
    """A report's "rescued" and another's "evacuated" may count the same people: the same figure
    says they do; different figures may count two groups (a flood's evacuated and its rescued)."""
    figures = find_figures(story(a=FERRY_A, b=FERRY_B))
    assert {frozenset((m.source, m.text) for m in f.mentions) for f in figures} >= {
        frozenset({("a", "Forty-six"), ("b", "46")})}
    other = find_figures(story(a=FERRY_A.replace("Forty-six", "Thirty"), b=FERRY_B))
    assert not any({m.text for m in f.mentions} >= {"Thirty", "46"} for f in other)


def test_one_source_alone_has_no_figures_to_compare() -> None:
    assert find_figures(story(a="The council approved $12 million on Tuesday.")) == ()


# ---------------------------------------------------------------- at scale


TRICKY = [
    "Over 5,000 people, SOME 500 more, MAY 5 and Jan. 5, 2020: US$5bn, us$6, £5m and 12%.",
    "twenty-one people, a dozen officers, nearly half 50% and more  than 5 (two spaces).",
    "İstanbul had 5 May 2020 more than 200; ſome 5 and ıt 5 read differently in lower case.",
    "x-5 and 5-x :5 /5 .5 ,5 $5 at 7:30 p.m. in Windows 8 on Thursday, in March.",
    "in  \n March, mid- March, mid-March, through March, since Mar. 3, IN MAY, in Mayor, in Marchx.",
    "in March-, in May, in June, inMay, x.in May, Since\tDecember, until  Sept, THROUGH Oct., of May of June.",
    "after\u00a0May, on\u2003Nov, e.g.in May, in in May, hundreds of thousands, tens of millions of dollars.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_figures_are_looked_for_only_where_one_may_start(text) -> None:
    """The quick scans find exactly what the regular expressions find read everywhere."""
    assert [m.span() for m in _figures(text)] == [m.span() for m in FIGURE_RE.finditer(text)]
    assert [m.span() for m in _months_alone(text)] == [m.span() for m in MONTH_ALONE_RE.finditer(text)]


def test_vectorised_scores_are_the_same_to_the_last_bit(seed_story) -> None:
    """Large stories score pairs with numpy: the same pairs, the same floats."""
    contexts, idf = _contexts(seed_story)
    found = [c.mention for c in contexts]
    facts = _Facts(found)
    group_of = {(m.source, m.paragraph): g.id for g in seed_story.groups for m in g.members}
    group = [group_of.get((m.source, m.paragraph)) for m in found]
    alone = [sum((x.source, x.paragraph, x.kind == "date") == (m.source, m.paragraph, m.kind == "date") for x in found) == 1
             for m in found]
    limit = max(12, min(len(contexts) // 4, 60))
    scalar = _scores(_pairs(contexts, facts, limit), contexts, idf, facts, group, alone, 0.15)
    assert len(scalar) > 10
    assert _scores_vectorised(contexts, idf, facts, group, alone, 0.15, limit) == scalar


def _scored_both_ways(texts: dict[str, str]) -> None:
    """The vectorised pair scores equal the scalar ones, bit for bit, on a story of `texts`."""
    contexts, idf = _contexts(story(**texts))
    found = [c.mention for c in contexts]
    facts = _Facts(found)
    group = [None] * len(found)
    alone = [False] * len(found)
    scalar = _scores(_pairs(contexts, facts, 12), contexts, idf, facts, group, alone, 0.15)
    assert scalar and _scores_vectorised(contexts, idf, facts, group, alone, 0.15, 12) == scalar


def test_vectorised_agreement_matches_for_hedged_figures() -> None:
    _scored_both_ways({
        "a": "The bridge will stay closed for at least six months, the mayor said, and about 200 people were hurt.",
        "b": "The bridge will stay closed for at least eight months, the mayor said, and about 250 people were hurt.",
        "c": "The bridge will stay closed for eight months, the mayor said, and nearly 200 people were hurt.",
    })


def test_vectorised_agreement_matches_for_days_near_midnight() -> None:
    _scored_both_ways({
        "a": "Lindsay Lohan checked into the Betty Ford Center late Thursday, her lawyer said on Monday.",
        "b": "Lindsay Lohan checked into the Betty Ford Center early Friday, her lawyer said on Monday.",
        "c": "Lindsay Lohan checked into the Betty Ford Center on Wednesday, her lawyer said on Tuesday.",
    })


def test_odd_spellings_are_skipped_not_fatal() -> None:
    from storyview.findings.figures import mentions

    for text in ("about adozen people", "ahundred men came", "ſome 5 things", "in ſeptember 2020"):
        mentions("a", 0, text)


def test_figures_of_sources_that_share_no_part_of_the_story_are_never_compared() -> None:
    from storyview.findings.figures.match import _related
    from storyview.inputs.load import Loaded
    from storyview.inputs.parse import parse_article
    from storyview.model import Settings
    from storyview.pipeline import story_from

    texts = {
        "a": "The Kestrel Street Bridge in Port Alder collapsed on Tuesday, sending two buses into the Wren River.\n\n"
             "Repair costs were estimated at $42 million by the state transport agency.",
        "b": "Part of the Kestrel Street Bridge in Port Alder fell into the Wren River on Tuesday with two buses.\n\n"
             "The state transport agency estimated repair costs at $40 million.",
        "c": "Shares of Harlow Foods rose after the grocer reported strong holiday sales across its stores.\n\n"
             "Harlow said its estimated costs for the year were $17 million.",
    }
    story = story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())
    related = _related(story)
    grouped = {(m.source, n.source) for g in story.groups for m in g.members for n in g.members if m.source != n.source}
    assert related == grouped
    contexts, idf = _contexts(story)
    facts = _Facts([c.mention for c in contexts])
    sources = [m.source for m in facts.mentions]
    everyone = _pairs(contexts, facts, 12)
    assert any("c" in (sources[i], sources[j]) for i, j in everyone)  # "estimated costs … million"
    # Had the aligner found nothing c tells alike with a or b, its figures would meet none of theirs.
    apart = {("a", "b"), ("b", "a")}
    kept = _pairs(contexts, facts, 12, apart)
    assert kept and all({sources[i], sources[j]} == {"a", "b"} for i, j in kept)
    group = [None] * len(contexts)
    alone = [False] * len(contexts)
    scalar = _scores(kept, contexts, idf, facts, group, alone, 0.15)
    assert _scores_vectorised(contexts, idf, facts, group, alone, 0.15, 12, apart) == scalar


def test_one_generic_paragraph_in_common_does_not_make_two_long_reports_one_story() -> None:
    from storyview.findings.figures.match import _related

    oil = "Oil prices rose above $50 a barrel on Monday as traders worried about winter supplies."
    airline = [
        "Harrow Air said profits fell by a third in the three months to December.",
        oil,
        "The airline said estimated fuel costs for the year would reach $40 million.",
        "Chief executive Rod Eddison said the carrier would cut 300 jobs at its Leeds base.",
    ]
    rewrite = [
        "Harrow Air said on Tuesday that its profits fell by a third in the three months to December.",
        "The carrier said its estimated fuel costs for the year would reach $42 million.",
        "Rod Eddison, the chief executive, said 300 jobs would go at the Leeds base.",
    ]
    farmers = [
        "Grain farmers in the Tamar valley expect a poor harvest after a dry summer.",
        oil,
        "The farmers' union put the diesel bill for the season at $17 million.",
        "The regional council promised a relief fund for the worst-hit farms.",
    ]
    s = story(a="\n\n".join(airline), b="\n\n".join(farmers), c="\n\n".join(rewrite))
    assert {m.source for g in s.groups for m in g.members if len(g.members) > 1} >= {"a", "b"}
    related = _related(s)
    assert ("a", "c") in related and ("a", "b") not in related
    compared = [{m.source for m in f.mentions} for f in find_figures(s)]
    assert {"a", "c"} in compared and not any("b" in sources for sources in compared)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # Copy that spaces its numbers ("100, 000", "5. 4"): read whole where the parts fit one number.
        ("About 100, 000 people marched.", [("About 100, 000", 80_000, 125_000)]),
        ("Some 1, 500, 000 people fled.", [("Some 1, 500, 000", 1_200_000, 1_875_000)]),
        ("A 5. 4 magnitude quake struck.", [("5. 4", 5.4, 5.4)]),
        ("Turnout rose 3. 5 percent.", [("3. 5 percent", 3.5, 3.5)]),
        # A list stays a list, and a full stop between two sentences stays one.
        ("He got 10, 200 and 300 votes.", [("10", 10, 10), ("200", 200, 200), ("300", 300, 300)]),
        ("The blast killed 5. 4 others died later.", [("5", 5, 5), ("4", 4, 4)]),
        # "1: 53 p. m." is a time of day.
        ("It hit at 1: 53 p. m. local time.", []),
        ("It was a 5. 9 - magnitude quake.", [("5. 9", 5.9, 5.9)]),
        # An age, however hyphenated, is a figure.
        ("Sixteen - year - old Kimani Gray was shot.", [("Sixteen", 16, 16)]),
        ("A 16-year-old boy was shot.", [("16", 16, 16)]),
    ],
)
def test_spaced_numbers(text, figures) -> None:
    assert [(m.text, m.low, m.high) for m in mentions("x", 0, text)] == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # French and German group thousands with a space, a no-break or a narrow no-break space.
        ("Environ 12 000 foyers restaient sans électricité.", [("Environ 12 000", "9600..15000")]),
        ("Plus de 12\u00a0000 foyers étaient privés d'électricité.", [("Plus de 12\u00a0000", "12000..36000")]),
        ("Il y a 1\u202f234\u202f567 habitants.", [("1\u202f234\u202f567", "1234567")]),
        ("Es kamen 2 500 Menschen.", [("2 500", "2500")]),
        # A decimal comma before a percent.
        ("Die Partei kam auf 7,4 Prozent der Stimmen.", [("7,4 Prozent", "7.4")]),
        ("Les prix ont augmenté de 3,5 % en un an.", [("3,5 %", "3.5")]),
        # Two numbers English puts side by side stay two: after a year or another number, groups
        # that are not three digits, a group before a digit, a hyphenated word.
        ("In 2004 300 people died.", [("2004", "2004"), ("300", "300")]),
        ("He read 3 1000-page books.", [("3", "3")]),
        ("The airline ordered 10 737-800 planes.", [("10", "10")]),
        ("It ended 12 000 1 in the final.", []),
        # A name's number before a count: the count alone.
        ("Flight 370 239 passengers were on board.", [("239", "239")]),
        ("Route 66 200 miles away.", [("200", "200")]),
        # A phone number is still a code, not a count.
        ("Call 0845 125 222 or write.", []),
        # Without a percent a comma and one or two digits are no decimal.
        ("They counted 3,5 and 7 votes.", [("7", "7")]),
    ],
)
def test_thousands_grouped_by_spaces_and_decimal_commas(text, figures) -> None:
    assert [(m.text, m.value) for m in mentions("x", 0, text)] == figures


def test_a_span_shares_its_scale() -> None:
    found = mentions("x", 0, "The Orioles offered between $140 and $150 million; 2 to 3 million people watched.")
    assert [(m.text, m.low, m.high, m.kind) for m in found] == [
        ("$140 and $150 million", 140e6, 150e6, "money"), ("2 to 3 million", 2e6, 3e6, "count")]
    assert [m.low for m in mentions("x", 0, "He scored 3 and $5 million came in.")] == [3, 5e6]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Three or four robbers burst into the store.", [("Three or four", "3..4")]),
        ("It takes two to three weeks.", [("two to three", "2..3")]),
        ("Between 3 and 5 people were hurt.", [("3 and 5", "3..5")]),
        ("Police said 10–15 people were hurt.", [("10–15", "10..15")]),
        ("Turnout was 20 to 30 percent.", [("20 to 30 percent", "20..30")]),
        # Not a range: a list, a change, a score or a vote, a count and a sum.
        ("He visited 3 and 5 times.", [("3", "3"), ("5", "5")]),
        ("Sales rose from 10 to 20 a day.", [("10", "10"), ("20", "20")]),
        ("The budget would rise by $19bn to $419bn.", [("$19bn", "19000000000"), ("$419bn", "419000000000")]),
        ("The court voted 5 to 4.", [("5", "5"), ("4", "4")]),
        ("He scored 3 or $4 million came in.", [("3", "3"), ("$4 million", "4000000")]),
    ],
)
def test_a_range_is_one_imprecise_figure(text, figures) -> None:
    found = mentions("x", 0, text)
    assert [(m.text, m.value) for m in found] == figures
    assert all(not m.exact for m in found if ".." in m.value)


def test_a_range_agrees_imprecisely_with_a_figure_inside_it() -> None:
    [three_or_four] = mentions("x", 0, "Three or four robbers burst in.")
    assert agreement(three_or_four, one("Four robbers burst in.")) == "imprecise"
    assert agreement(three_or_four, one("Six robbers burst in.")) == "conflict"
    # Two ranges: the same agree, two others are two figures given ("40 to 70", "40 to 80").
    assert agreement(three_or_four, one("Three to four robbers burst in.")) == "agree"
    assert agreement(one("Between 40 and 80 percent were hit."), one("Officials said 40 percent to 70 percent were hit.")) == "conflict"
    assert agreement(three_or_four, one("About three or four robbers burst in.")) == "imprecise"


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        ("Mehr als 40 Menschen wurden verletzt.", "Mehr als 40", 40, 120),
        ("Rund 40 Menschen wurden verletzt.", "Rund 40", 32, 50),
        ("Plus de 40 personnes ont été blessées.", "Plus de 40", 40, 120),
        ("Hubo unos 40 heridos.", "unos 40", 32, 50),
        ("Es gab bis zu 40 Verletzte.", "bis zu 40", 0, 40),
    ],
)
def test_hedges_in_german_french_spanish(text, figure, low, high) -> None:
    """'rund 40' is no more exact than 'about 40': it never conflicts with 42."""
    m = one(text)
    assert (m.text, m.low, m.high, m.exact) == (figure, low, high, False)


@pytest.mark.parametrize("text", [
    "Der Zug fuhr um 7.40 Uhr ab.", "Der Zug fuhr um 19 Uhr ab.", "Markets closed at 1400 GMT.",
    "The vote ends at 2000 GMT.", "Doors open at eight o'clock.",
])
def test_clock_times_are_no_figures(text) -> None:
    assert mentions("x", 0, text) == []


def test_a_year_before_a_french_est_is_still_a_year() -> None:
    assert one("En 2009 est venu le changement.").value == "2009"


def test_rund_and_about_the_same_figure_agree_and_rund_40_vs_42_is_imprecise() -> None:
    a, b = one("Rund 40 Menschen wurden verletzt."), one("The blast hurt 42 people.")
    assert agreement(a, b) == "imprecise"
    assert agreement(one("Rund 40 Menschen wurden verletzt."), one("About 40 people were hurt.")) == "agree"


def test_what_a_figure_counts_leaves_out_a_foreign_article_opening_a_sentence() -> None:
    """"personas · Los": "Los evacuados suman 1.200 personas" opens on an article (try16)."""
    spanish = story(a="El fuego obligó a evacuar a unas 1200 personas de los cerros Rodelillo, Placeres y Los Pinos.",
                    b="Los evacuados suman 1200 personas, según el último reporte oficial.",
                    c="Un incendio forestal obliga a evacuar a 1200 vecinos en Valparaíso.")
    abouts = [f.about for f in find_figures(spanish)]
    assert abouts and not any("Los" in about.split(" · ") for about in abouts), abouts


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("By beating the Chiefs, the Colts' record rose to 9-5.", []),
        ("By beating the Chiefs, the Colts' record rose to 9 - 5.", []),
        ("The Colts (10 – 5, 4 – 4 away) clinched a spot.", []),
        ("They moved their record to 9–1 in one-possession games.", []),
        ("The Chiefs (2 - 13) lost at home.", []),
        ("The Chiefs ended the season with a 2 - 14 record.", []),
        # A range is not a score: its second end is the greater, and it counts a noun.
        ("Police said 10–15 people were hurt.", [("10–15", "10..15")]),
        ("Police said 10 - 15 people were hurt, 3 of them badly.", [("10", "10"), ("15", "15"), ("3", "3")]),
        ("The blast killed 12 – 3 of them children – in the city.", [("12", "12"), ("3", "3")]),
    ],
)
def test_a_score_or_a_record_told_with_a_dash_is_no_two_counts(text, figures) -> None:
    """"9 - 5" is a record, as "9-5" is: never a count of nine and a count of five, which would meet
    the nine of another record ("9 - 1 in one-possession games") as one figure."""
    assert [(m.text, m.value) for m in mentions("x", 0, text)] == figures
