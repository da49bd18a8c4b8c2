"""Wire copy: two reports that print the same agency sentences word for word are named, with the
share of text they share, in the rewrites list, the JSON and the reports (issue 18, part 4)."""

from __future__ import annotations

import json
from itertools import combinations

from storyview.exports.json_export import to_json
from storyview.exports.report import render
from storyview.findings.rewrites import REWRITE_DISTINCT, WIRE_PHRASING, _quoted, find_rewrites
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from
from test_rewrites import FIRE  # three reports of one fire, each in its own words
from wire_stories import AGENCY, OTHER, PAPER, WIRE


def story(**texts: str):
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


def pair(pairs, x: str, y: str):
    return next(p for p in pairs if set(p.sources) == {x, y})


def test_wire_copy_is_named_with_the_share_of_shared_text() -> None:
    pairs = find_rewrites(story(agency=AGENCY, paper=PAPER, other=OTHER))
    p = pair(pairs, "agency", "paper")
    assert p.shared == 4 and p.wire
    assert p.verdict == "wire", p.summary
    assert p.summary.startswith("agency and paper share 4 sentences word for word (")
    assert p.summary.endswith(": wire copy, or one rewrites the other")
    top = max((p.a, p.b), key=lambda side: side.verbatim)
    assert f"{top.verbatim:.0%} of {top.source}'s text" in p.summary
    assert 0.3 < p.side("agency").verbatim < 0.8 and 0.3 < p.side("paper").verbatim < 0.8
    # A report told in its own words shares no sentence and is no wire copy.
    for x in ("agency", "paper"):
        q = pair(pairs, x, "other")
        assert q.shared == 0 and q.verdict == "independent" and max(q.a.verbatim, q.b.verbatim) < 0.1


def test_half_the_runs_of_four_words_is_never_independent() -> None:
    pairs = find_rewrites(story(agency=AGENCY, paper=PAPER, other=OTHER))
    for p in pairs:
        if max(p.a.phrasing, p.b.phrasing) >= WIRE_PHRASING:
            assert p.verdict != "independent", p.summary


def test_independent_reports_share_no_wire_copy(seed_story) -> None:
    for p in find_rewrites(seed_story):
        assert not p.wire or p.verdict in ("copy", "rewrite"), p.summary
        assert p.verdict != "wire"


def test_wire_copy_in_the_json_and_the_reports() -> None:
    s = story(agency=AGENCY, paper=PAPER, other=OTHER)
    data = json.loads(to_json(s))
    r = next(x for x in data["rewrites"] if set(x["sources"]) == {"agency", "paper"})
    assert r["verdict"] == "wire" and r["shared_sentences"] == 4
    assert 0 < r["a"]["verbatim"] < 1 and 0 < r["b"]["verbatim"] < 1
    assert r["summary"].endswith("wire copy, or one rewrites the other")
    markdown = render(s, "md")
    assert "- **wire**: agency and paper share 4 sentences word for word" in markdown
    html = render(s, "html")
    assert 'data-verdict="wire"' in html and "share 4 sentences word for word" in html


def test_every_pair_of_a_story_is_compared_once() -> None:
    s = story(agency=AGENCY, paper=PAPER, other=OTHER)
    assert {frozenset(p.sources) for p in find_rewrites(s)} == {frozenset(c) for c in combinations(("agency", "paper", "other"), 2)}


def test_one_sentence_of_their_own_word_for_word_is_named() -> None:
    """A report told in its own words but for one sentence of the agency's, word for word:
    fewer than three sentences and a fifth of its words are still wire copy (try22, 18_ecb)."""
    other = OTHER.replace("according to firefighters.", "according to firefighters. " + WIRE[4])
    p = pair(find_rewrites(story(agency=AGENCY, other=other)), "agency", "other")
    assert p.shared == 1 and p.words == 16
    assert p.verdict == "wire", p.summary
    assert p.summary.startswith("agency and other share 1 sentence word for word (")
    assert p.side("other").verbatim == 16 / 82 and f"({16 / 82:.0%} of other's text)" in p.summary
    # Where each side prints it: the reader shows the wire copy there (try24).
    assert p.wire_at is not None
    for member in p.wire_at:
        paragraph = next(x for x in story(agency=AGENCY, other=other).articles if x.id == member.source).paragraphs[
            member.paragraph]
        assert WIRE[4] in paragraph.text


def test_a_long_stretch_of_an_agency_sentence_is_named() -> None:
    """One agency sentence kept word for word inside a longer one of the report's own (21 words
    in one stretch, under a fifth of either text): no fact's phrase is that long."""
    other = OTHER.replace("according to firefighters.", "according to firefighters.\n\nA neighbour said four men "
                          "rammed a stolen car into a jewellery store in central Lyon before dawn on Monday, a police "
                          "source said, and that she had heard nothing.\n\nThe shop's owner said he would reopen "
                          "within a week once the window had been replaced and the alarm repaired.")
    p = pair(find_rewrites(story(agency=AGENCY, other=other)), "agency", "other")
    assert p.shared == 0 and p.words == p.longest == 21 and max(p.a.verbatim, p.b.verbatim) < 0.2
    assert p.verdict == "wire", p.summary
    assert p.summary.startswith("agency and other share long runs word for word (18% of other's text)")


def test_one_agency_sentence_in_reports_written_apart_is_no_rewrite() -> None:
    """Three reports of one fire written apart, in the same order, each printing one agency
    sentence: the sentence is wire copy, not wording one rewrite kept of another."""
    line = ("The warehouse held drums of solvent and cleaning products that kept the flames going for hours, "
            "a fire service spokesman said.")
    after = {"courier": "handed out blankets and tea.", "gazette": "to wait out the night.",
             "radio": "at a leisure centre until morning."}
    pairs = find_rewrites(story(**{x: FIRE[x].replace(after[x], f"{after[x]} {line}") for x in FIRE}))
    for p in pairs:
        assert p.shared == 1 and p.words == 21
        assert p.verdict == "wire", p.summary
        assert max(p.a.distinct, p.b.distinct) < REWRITE_DISTINCT


def test_a_quotation_both_carry_is_no_wire_copy() -> None:
    """Three sentences of one spokesman's statement, over two paragraphs (the quotation left open
    at the first's end and closed in the second), are his words: two reports that print them
    share no copy of each other's."""
    statement = ("\n\nGroup manager Paul Reid said: \"Crews worked through the night in very difficult conditions. "
                 "The roof came down at about two in the morning.\n\n"
                 "We will be at the site for several days while investigators try to find out how it started,\" he said.")
    texts = {x: FIRE[x] + statement for x in ("courier", "gazette")}
    p = pair(find_rewrites(story(**texts)), "courier", "gazette")
    assert p.shared == 0 and p.words == 0 and p.a.verbatim == 0 and p.b.verbatim == 0
    assert p.verdict == "independent", p.summary


def test_one_shared_phrase_is_no_wire_copy() -> None:
    """Two short reports share one phrase of eight words, the fact's own ("in the 1998 deaths
    of two patients at"): a third of their text, and still no wire copy; the share shown is what
    they share, word for word."""
    x = ("Care home deaths\n\nA former nurse has been charged in the 1998 deaths of two patients at a care home "
         "in Dorset, but police say she is too ill to stand trial.")
    y = ("Nurse arrested\n\nDetectives on Friday arrested Joan Pratt, 71, of Weymouth, on murder charges "
         "in the 1998 deaths of two patients at the Hillside care home.")
    p = pair(find_rewrites(story(x=x, y=y)), "x", "y")
    assert p.words == 8
    assert p.side("x").verbatim == 8 / 29 and p.side("y").verbatim == 8 / 24
    assert p.verdict == "independent", p.summary


def test_the_reporters_words_around_a_quotation_are_theirs() -> None:
    """Two reports print the same sentence of narrative around a witness's two words, with the
    marks spaced as corpora type them ("said, “ ‘ Oh, God! ’ ” Lowe recalled."): the 18 words
    outside the quotation are the outlet's, and wire copy (try24 #8). The sentence before it,
    her own words but for "King told the Daily News", is a quotation both carry and no copy."""
    quote = "“ I ’ m certain the fire was started on purpose, ” Maria Lowe told the Daily News."
    narrative = ("Moments after the roof fell in, one firefighter put both hands on his head and said, "
                 "“ ‘ Oh, God! ’ ” Lowe recalled.")
    texts = {x: FIRE[x] + "\n\n" + quote for x in ("courier", "gazette")}
    p = pair(find_rewrites(story(**texts)), "courier", "gazette")
    assert p.shared == 0 and p.verdict == "independent", p.summary
    texts = {x: text + "\n\n" + narrative for x, text in texts.items()}
    p = pair(find_rewrites(story(**texts)), "courier", "gazette")
    assert p.shared == 1 and p.told == 20
    assert p.verdict == "wire", p.summary


def test_a_spaced_opening_mark_opens_a_quotation() -> None:
    """“ followed by a space (corpora that space every mark) opens a quotation: it is not the
    closing mark first that would make the paragraph's start to it a quotation begun before."""
    text = "Moments later he said, “ ‘ Oh, God! ’ ” King recalled."
    assert [text[a:b] for a, b in _quoted([text])[0]] == ["‘ Oh, God! ’", "“ ‘ Oh, God! ’ "]
    # A paragraph that closes a quotation opened in the one before still begins inside it.
    texts = ["She said: “ We ran.", "The smoke was everywhere, ” she said."]
    assert [texts[1][a:b] for a, b in _quoted(texts)[1]] == ["The smoke was everywhere, "]


def test_a_long_narrative_around_a_longer_quotation_is_theirs() -> None:
    """The sentence both print word for word is mostly the witness's, but the 18 words around
    her quotation are the reporters' own: more than a sentence of wire copy (try24 #8)."""
    sentence = ("Moments after the roof fell in, one firefighter put both hands on his head and said, "
                "“ We have lost the whole east wing and there is nothing more that we can do for it tonight, ” Lowe recalled.")
    p = pair(find_rewrites(story(**{x: FIRE[x] + "\n\n" + sentence for x in ("courier", "gazette")})), "courier", "gazette")
    assert p.shared == 1 and p.verdict == "wire", p.summary
    # The same quotation with a few words of attribution is hers, not a copy of each other's.
    said = "“ We have lost the whole east wing and there is nothing more that we can do for it tonight, ” a fire officer told reporters."
    p = pair(find_rewrites(story(**{x: FIRE[x] + "\n\n" + said for x in ("courier", "gazette")})), "courier", "gazette")
    assert p.shared == 0 and p.verdict == "independent", p.summary
