"""Quoted passages: found between every kind of quotation mark, matched across sources, and
each version judged word for word or altered — on the seeds and on hand-made cases."""

from __future__ import annotations

import json
import random
from itertools import accumulate, combinations

import pytest

from story_factories import told as story
from storyview.exports.json_export import to_json
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from
from storyview.findings.quotes import (
    CROWDED,
    _candidates,
    _Found,
    _runs_of,
    _same_passage,
    find_quotes,
    open_mark,
    spans,
)
from storyview.engine.segment import words

S000, S001, S002, S003, S004 = (
    "000_77808fc77837df52", "001_0b1f90e86e75de80", "002_3f96bba07d36c5b1", "003_c2008e17b072abf1", "004_dfaf2f3fb21cad14",
)


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in spans(text)]


# ---------------------------------------------------------------- finding quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” and left.", ["we will win"]),
        # try25: `` typed where '' closes (ECB+): the quotation ends at the punctuation before it
        ("`` I want the families to know we did all we could, `` said the juror, No. 12.",
         ["I want the families to know we did all we could"]),
        ('He said "we will win," and left.', ["we will win"]),
        ("Elle a dit « nous gagnerons » hier.", ["nous gagnerons"]),
        ("Er sagte „wir gewinnen“ gestern.", ["wir gewinnen"]),
        ("She called it ‘a disaster’ on Monday.", ["a disaster"]),
        ("The officers’ union doesn’t agree, it’s said.", []),
        ("“It was a long night,” she said. “We are tired.”", ["It was a long night", "We are tired"]),
        ("“A quote that runs on into the next paragraph", ["A quote that runs on into the next paragraph"]),
        ("A 12\" pipe burst.", []),
        ("`` We are ready , '' he said , `` and willing . ''", ["We are ready", "and willing"]),
        ("A 12'' pipe burst.", []),
        # try28: a curly mark closed by a straight one; what follows is the attribution, no quote
        ('“ They drive reckless around here," a bystander told CBS.', ["They drive reckless around here"]),
    ],
)
def test_quotation_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "carried", "expected"),
    [
        # try28 (18_ecb): the paragraph goes on with a quotation the one before left open, and
        # opens no mark again: its first mark closes it
        ("You got the feeling it was wrong,'' Pigeon told The Canadian Press.", "“", ["You got the feeling it was wrong"]),
        ("You got the feeling it was wrong, `` Pigeon told The Canadian Press.", "“", ["You got the feeling it was wrong"]),
        ('It was wrong," he said. "We left."', '"', ["It was wrong", "We left"]),
        # a paragraph that opens a mark again, or has none, is read as any other
        ("“We left,” he said.", "“", ["We left"]),
        ('"We left," he said.', '"', ["We left"]),
        ("He left at noon.", "“", []),
        ('A 12" pipe burst.', '"', []),
    ],
)
def test_a_quotation_carried_over_from_the_paragraph_before(text: str, carried: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in spans(text, carried)] == expected


def test_open_mark_says_which_quotation_a_paragraph_leaves_open() -> None:
    assert open_mark("`` It wasn't typical, crazy noise.") == "“"
    assert open_mark('He said "we will win" and left.') is None
    assert open_mark("the end of it,'' he said.", "“") is None


def test_a_quotation_split_over_paragraphs_is_one_passage_each_part_with_its_speaker() -> None:
    """try28 (18_ecb): four sources carry the second half of a quote whose first paragraph
    left the quotation open; it was lost, and "Pigeon told The Canadian Press" was taken for one."""
    part = "`` It wasn't typical, crazy noise that sometimes happens.\n\n" \
           "You got the feeling there was something definitely, definitely wrong{close} Pigeon told The Canadian Press.\n\n" \
           "He looked out his window."
    s = story("Shots were fired in Vancouver.\n\n" + part.format(close=",''"),
              "Shots were fired in Vancouver.\n\n" + part.format(close=", ``"))
    texts = {q.text: q for q in find_quotes(s)}
    assert "Pigeon told The Canadian Press" not in texts
    q = texts["You got the feeling there was something definitely, definitely wrong"]
    assert q.sources == ("a", "b") and q.speakers == ("Pigeon",)
    assert texts["It wasn't typical, crazy noise that sometimes happens"].sources == ("a", "b")


# ---------------------------------------------------------------- the seeds


def test_seed_quote_carried_by_three_sources_one_longer(seed_story) -> None:
    q = next(q for q in find_quotes(seed_story) if "join an agency that respects you" in q.text.lower()
             or "an agency that respects you" == q.text)
    assert set(q.sources) == {S000, S001, S003}
    by = {v.source: v for v in q.versions}
    assert by[S000].verbatim and by[S001].verbatim
    assert by[S001].status == "partial"  # “an agency that respects you”: less, word for word
    assert by[S003].status == "longer" and not by[S003].verbatim
    assert "NYPD OFFICERS" in " ".join(e.version for e in by[S003].edits)
    assert not q.altered  # the same words with more around them: quoted more, not altered


def test_a_quote_whose_words_differ_is_altered() -> None:
    texts = {
        "a": 'The chief said: "We got there fast, but the building was already fully involved."',
        "b": 'The chief said: "We got there quickly, but the building was already fully involved."',
    }
    story = story_from(Loaded([parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())
    [q] = [q for q in find_quotes(story) if len(q.sources) == 2]
    assert q.altered and {v.status for v in q.versions} == {"exact", "altered"}


def test_seed_quote_two_sources_word_for_word(seed_story) -> None:
    q = next(q for q in find_quotes(seed_story) if q.text.startswith("work for a President"))
    assert set(q.sources) == {S002, S004}
    assert all(v.status == "exact" for v in q.versions) and not q.altered


def test_single_source_quotes_are_listed_too(seed_story) -> None:
    texts = {q.text: q.sources for q in find_quotes(seed_story)}
    assert texts["They have killers in New York, we want to get them out"] == (S003,)
    # A one-word scare quote counts only when several sources carry it.
    assert texts["communist"] == (S000, S001)
    assert "racist" not in texts


def test_quotes_in_the_json(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    assert data["quotes"], "quotes missing from the export"
    for q in data["quotes"]:
        assert set(q) == {"id", "text", "sources", "altered", "speakers", "misattributed", "versions"}
        assert sum(v["reference"] for v in q["versions"]) == 1
        for v in q["versions"]:
            assert set(v) == {"source", "paragraph", "start", "end", "text", "reference", "status", "verbatim", "edits",
                              "speaker"}
            src = next(s for s in data["sources"] if s["id"] == v["source"])
            assert src["paragraphs"][v["paragraph"]]["text"][v["start"]:v["end"]] == v["text"]
            assert v["status"] in ("exact", "partial", "longer", "altered")


# ---------------------------------------------------------------- hand-made, other wording


def test_altered_wording_names_the_words_that_differ() -> None:
    s = story(
        "The mayor said “we will rebuild the bridge before winter comes” at the briefing on Monday.",
        "“We will rebuild the old bridge before the winter,” Mayor Lee told reporters after the briefing.",
        "Lee promised to “rebuild the bridge” soon, though engineers doubt the timeline.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert set(q.sources) == {"a", "b", "c"}
    by = {v.source: v for v in q.versions}
    assert q.reference.source == "a" and by["a"].status == "exact"
    assert by["c"].status == "partial" and by["c"].verbatim
    assert by["b"].status == "altered" and not by["b"].verbatim
    added = {e.version for e in by["b"].edits if not e.reference}
    assert {"old", "the"} <= added


def test_a_changed_word_is_a_replacement() -> None:
    s = story(
        "The chief said “the department has never been stronger” on Friday.",
        "On Friday the chief insisted that “the department has never been better”.",
        "“The department has never been stronger,” the chief told the council on Friday.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    by = {v.source: v for v in q.versions}
    assert by["a"].verbatim and by["c"].verbatim  # the wording two of three carry
    assert by["b"].status == "altered"
    assert [(e.reference, e.version) for e in by["b"].edits] == [("stronger", "better")]


def test_unrelated_quotes_stay_apart() -> None:
    s = story(
        "The senator said “this bill protects families” before the vote.",
        "Critics called it “a gift to insurers” after the vote.",
    )
    assert sorted(len(q.sources) for q in find_quotes(s)) == [1, 1]


def test_same_words_without_case_or_punctuation_are_exact() -> None:
    s = story(
        "He said: “WE ARE NOT LEAVING, not now.”",
        "“We are not leaving — not now,” he said.",
    )
    [q] = find_quotes(s)
    assert {v.status for v in q.versions} == {"exact"}


@pytest.mark.parametrize(("one", "other"), [
    ("She ’ s in rehab right now and we pray for her", "She's in rehab right now and we pray for her"),
    ("the cyber-criminals behind it will be found and punished", "the cyber criminals behind it will be found and punished"),
    ("every home will have fibre by the end of the decade", "every home will have fiber by the end of the decade"),
    ("we don ’ t know the colour of the car they used", "we don't know the color of the car they used"),
])
def test_the_same_words_typed_another_way_are_exact(one: str, other: str) -> None:
    """try25: a contraction typed apart, a compound written apart and a British spelling were
    shown as edits of the quote ("s → ''"): the words are the same, typed another way."""
    s = story(f"A friend said “{one}” on Monday.", f"“{other},” the friend told reporters.")
    [q] = find_quotes(s)
    assert {v.status for v in q.versions} == {"exact"}


@pytest.mark.parametrize(("one", "other"), [
    ("we're going to rebuild every home on this street by spring", "were going to rebuild every home on this street by spring"),
    ("it may be the last time this village sees a harvest like it", "it maybe the last time this village sees a harvest like it"),
])
def test_other_words_spelled_alike_are_still_an_edit(one: str, other: str) -> None:
    """Words stay words however the marks are typed (rev25): "we're" is no "were"."""
    s = story(f"A farmer said “{one}” on Monday.", f"“{other},” the farmer told reporters.")
    [q] = find_quotes(s)
    assert "altered" in {v.status for v in q.versions}


def test_a_word_changed_beside_one_typed_another_way_is_still_an_edit() -> None:
    s = story("The chief said “our fibre network reaches every town and is the fastest in the whole country” on Friday.",
              "“Our fiber network reaches every town and is the cheapest in the whole country,” the chief said.")
    [q] = find_quotes(s)
    by = {v.source: v for v in q.versions}
    assert [(e.reference, e.version) for e in by["b"].edits] == [("fastest", "cheapest")]


# ---------------------------------------------------------------- at scale


def _found(texts: list[str]) -> list[_Found]:
    """Each text as one whole quote of its own source."""
    out = []
    for n, text in enumerate(texts):
        tokens = words(text)
        counts = tuple(accumulate((t.content for t in tokens), initial=0))
        out.append(_Found(f"s{n}", 0, text, 0, len(text), tokens, tuple(t.norm for t in tokens), counts))
    return out


def test_candidates_keep_every_pair_the_all_pairs_comparison_joins() -> None:
    """Only pairs of quotes sharing a run are compared; no pair that comparing every two would
    join is left out: short quotes, one word, phrases common to many quotes (`generic`), word
    pairs in more than CROWDED quotes."""
    rng = random.Random(7)
    vocabulary = ["police", "budget", "council", "mayor", "school", "river", "bridge", "tax", "vote", "plan", "city", "money"]
    texts = [
        "we will not raise taxes this year", "we will not raise taxes next year", "we will never raise taxes",
        "rogue agency", "a rogue agency", "the rogue agency acted alone", "rogue", "rogue", "budget", "the",
        "I don't know", "I don't know", "he added",
    ]
    texts += [f"I don't know what the {rng.choice(vocabulary)} will do about the {rng.choice(vocabulary)}" for _ in range(12)]
    # More than CROWDED quotes hold "the government": it proposes no pair by itself.
    texts += [f"the government {' '.join(rng.choices(vocabulary, k=rng.randint(1, 6)))}" for _ in range(CROWDED + 10)]
    texts += ["the government will fix the bridge and the river", "the government will fix the bridge and the road"]
    found = _found(texts)
    pairs, triples, shared, generic = _runs_of(found)
    assert ("i", "don't", "know") in generic and shared[("the", "government")] > CROWDED
    listed = set(_candidates(found, pairs, triples, shared, generic))

    def proposes(i: int, j: int) -> bool:  # the all-pairs rule: a word pair in at most CROWDED quotes
        a, b = found[i].norms, found[j].norms
        if len(a) == 1 or len(b) == 1:
            return a == b and sum(len(f.norms) == 1 and f.norms == a for f in found) <= CROWDED
        return any(shared.get(g, 1) <= CROWDED for g in pairs[i] & pairs[j])

    joined = {(i, j) for i, j in combinations(range(len(found)), 2) if proposes(i, j) and _same_passage(found[i], found[j], generic)}
    assert len(joined) > 5
    assert joined <= listed
    assert all(proposes(i, j) for i, j in listed)


def test_two_quotations_that_share_only_a_contraction_typed_apart_are_two_passages() -> None:
    """try21: “there ’ s a lot of anger here” and “… there ’ s a lot of crime in the
    neighborhood” were one passage: the lone "s" of a contraction typed apart counted as a
    content word they share."""
    s = story(
        "“ They have a hard time because there ’ s a lot of crime in the neighborhood, ” a barber said.",
        "“ There ’ s a lot of anger here, ” said Williams, whose district includes the riot zone.",
    )
    assert all(len(q.sources) == 1 for q in find_quotes(s))


def test_a_straight_mark_closes_on_a_curly_one_or_on_two_apostrophes() -> None:
    """ECB+ 22_ecbplus: `"This is a sad day for the Kraft Foods family,'' the company said` ran
    to the paragraph's end, and had no speaker; so did `"…” she said` (typed copy mixes marks)."""
    from storyview.engine.unique import quotations

    for text, words in [('"This is a sad day for the family,\'\' the company said in a statement.', "This is a sad day for the family"),
                        ('"We will rebuild,” the mayor said.', "We will rebuild")]:
        assert [text[a:b] for a, b in spans(text)] == [words]
        assert [text[a:b].rstrip(",") for a, b in quotations(text)] == [words]
    [q] = find_quotes(story('"This is a sad day for the family,\'\' the company said in a statement.'))
    assert q.reference.speaker == "the company"


# ---------------------------------------------------------------- try28: what makes a partial version


def test_a_stock_phrase_of_common_words_is_no_partial_version_of_a_quote() -> None:
    """27_ecb: a CTO's sentence ends "as quickly as possible"; another source gives those four
    words to someone else. Common words, under five in a row, are no evidence of one passage."""
    s = story(
        "The browser flaw was patched. “The workarounds were very technical and quite cumbersome to implement, "
        "making it imperative to release a fix as quickly as possible,” the CTO said.",
        "The browser flaw was patched. A Microsoft director urged users to deploy the update “as quickly as possible.”",
    )
    by = {q.text: q.sources for q in find_quotes(s)}
    assert by["as quickly as possible"] == ("b",)
    assert next(v for k, v in by.items() if k.startswith("The workarounds")) == ("a",)


@pytest.mark.parametrize("part", ["an alarming", "a total loss of the whole building", "the place seemed under control"])
def test_a_rare_word_or_a_long_enough_run_is_evidence_of_a_partial_version(part: str) -> None:
    """A word English seldom uses ("alarming"), five words in a row, or three content words."""
    whole = "We saw it growing at an alarming rate, and I'm afraid it is a total loss of the whole building; " \
            "the place seemed under control at first"
    s = story(f"The fire spread. “{whole},” the chief said.", f"The fire spread. The chief said it was “{part}”.")
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert {v.source: v.status for v in q.versions} == {"a": "exact", "b": "partial"}


def test_one_source_gives_one_row_to_a_quotation_its_closest_version() -> None:
    """27_ecb: a source that scare-quotes two words of a sentence and quotes the sentence whole
    was listed twice, and the heading's count of sources was one short of the rows."""
    sentence = "Even with that, the release emergency response process is not over"
    s = story(
        f"The patch shipped. Microsoft's “emergency response” began at once.\n\n“{sentence},” Reavey wrote.",
        f"The patch shipped. “{sentence},” Reavey wrote.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert q.sources == ("a", "b") and len(q.versions) == 2
    assert all(v.text == sentence and v.status == "exact" for v in q.versions)
