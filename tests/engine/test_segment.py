"""Sentences and words with offsets: what the matcher compares and the highlighter marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyview.engine.segment import (
    fold,
    forms,
    is_function_word,
    normalize,
    paragraph_words,
    sentence_spans,
    sentences,
    stem,
    words,
    words_of,
)


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in the U.S. said it was late. Then Mr. Smith left.",
         ["Officials in the U.S. said it was late.", "Then Mr. Smith left."]),
        ("(CNN) — US Immigration is using the win. On Friday, ICE posted an ad.",
         ["(CNN) — US Immigration is using the win.", "On Friday, ICE posted an ad."]),
        ("He said, “We will win.” Then he left.", ["He said, “We will win.”", "Then he left."]),
        ('He said, "We will win." Then he left.', ['He said, "We will win."', "Then he left."]),
        ("He asked “Why?” Nobody knew.", ["He asked “Why?”", "Nobody knew."]),
        ("Big News Headline Without A Period", ["Big News Headline Without A Period"]),
        ("It cost $75 billion. That is a lot!", ["It cost $75 billion.", "That is a lot!"]),
        ("She met Dr. Jones at 5 p.m. on Friday. It rained.", ["She met Dr. Jones at 5 p.m. on Friday.", "It rained."]),
        ("J. Smith arrived. He sat.", ["J. Smith arrived.", "He sat."]),
        ("The vote was 5-4. 12 members abstained.", ["The vote was 5-4.", "12 members abstained."]),
        ("  Leading and trailing space.  ", ["Leading and trailing space."]),
        ("Volunteers brought water. `` Trust me, I am tired,'' she said.",
         ["Volunteers brought water.", "`` Trust me, I am tired,'' she said."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_a_lowercase_word_after_a_period_does_not_start_a_sentence() -> None:
    assert split("The rate fell to 3.5 percent. and then rose.") == ["The rate fell to 3.5 percent. and then rose."]


def test_sentence_ending_in_no() -> None:
    assert split("The answer was no. Then he left.") == ["The answer was no.", "Then he left."]


def test_empty_text_has_no_sentences() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   ") == []


def test_word_offsets_point_into_the_text() -> None:
    text = "The U.S. spent $75 billion on #DefundTheNYPD, Mamdani’s plan."
    toks = words(text)
    assert [text[t.start:t.end] for t in toks] == [
        "The", "U.S", "spent", "$75", "billion", "on", "#DefundTheNYPD", "Mamdani’s", "plan",
    ]
    assert [t.norm for t in toks] == ["the", "us", "spent", "$75", "billion", "on", "#defundthenypd", "mamdani", "plan"]
    assert [t.content for t in toks] == [False, False, True, True, True, False, True, True, True]


def test_words_of_a_sentence_keep_paragraph_offsets() -> None:
    text = "First sentence here. Second one follows."
    second = sentences(text)[1]
    assert text[second.start:second.end] == "Second one follows."
    assert [text[t.start:t.end] for t in second.tokens] == ["Second", "one", "follows"]


def test_numbers_keep_their_value() -> None:
    assert normalize("10,000") == "10000"
    assert normalize("$1,200") == "$1200"
    assert normalize("3.5%") == "3.5%"


def test_folding_compares_as_people_read() -> None:
    assert fold("Café") == fold("Cafe\u0301") == "cafe"
    assert normalize("Mamdani’s") == normalize("Mamdani's") == normalize("MAMDANI") == "mamdani"


def test_light_stemming_meets_word_forms() -> None:
    assert stem("recruits") == stem("recruiting") == stem("recruited")
    assert stem("police") == "police"
    assert stem("business") == stem("businesses")
    assert stem("witness") == "witness"  # -ss is not a plural


def test_stopwords_are_not_content() -> None:
    assert [t.content for t in words("the mayor said that")] == [False, True, False, False]


def test_number_abbreviations_hold_only_before_a_number() -> None:
    assert split("See No. 5 on the list. Then stop.") == ["See No. 5 on the list.", "Then stop."]


def test_words_keep_their_combining_marks() -> None:
    from storyview.engine.segment import words

    assert [t.norm for t in words("हिन्दी भाषा")] == ["हिनदी", "भाषा"]


_PIECES = ["Mr.", "U.S.", "5.", "9", "$1,200", "3.5%", "No.", "“Quoted,”", "it’s", "rock-'n'-roll", "e.g.",
           "Dr. Smith", "?", "!", "…", "...", "\n", " ", "  ", "A", "the", "कि", "cafe\u0301", "#tag", "@user",
           "(", ")", "'", "\"", "``", "x\u200dy", "2005.", "Jan."]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_forms_are_the_words_sentences_find(text: str) -> None:
    """`forms` reads the same words as `sentences`, in order: no word spans two sentences."""
    assert forms(text) == [(t.norm, t.stem, t.content, t.number) for s in sentences(text) for t in s.tokens]


def test_a_spaced_decimal_does_not_end_a_sentence() -> None:
    """Text rebuilt from tokens writes "5. 9": one figure, not a sentence ending after "5."; a
    year before a period still ends one."""
    from storyview.engine.segment import sentence_spans

    text = "The quake measured 5. 9, the survey said. It hit at noon. Prices rose in 2005. 9 people died."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The quake measured 5. 9, the survey said.", "It hit at noon.", "Prices rose in 2005.", "9 people died."]


def test_titles_before_a_name_do_not_end_a_sentence() -> None:
    text = "Dist. Atty. Steve Cooley spoke. Cpl. Janice Leader and the Rev. Al Green agreed."
    assert split(text) == ["Dist. Atty. Steve Cooley spoke.", "Cpl. Janice Leader and the Rev. Al Green agreed."]


def test_fold_takes_ascii_as_casefold_does() -> None:
    """An ASCII word is only lower-cased (the fast way), as decomposing and casefolding it would."""
    import string
    import unicodedata

    from storyview.engine.segment import fold

    for text in (string.printable, "Mr. O'Neill's U.S.-based CO2", "\x00\x1f\x7f"):
        slow = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
        assert fold(text) == slow
    assert fold("Café") == fold("cafe\u0301") == "cafe"


@pytest.mark.parametrize(("written", "digits"), [("Forty", "40"), ("six", "6"), ("twenty-five", "25"),
                                                 ("nineteen", "19"), ("ninety", "90")])
def test_a_count_written_out_stems_as_its_digits(written: str, digits: str) -> None:
    """"Forty passengers and six crew" and "40 passengers and six crew" tell one thing."""
    [word] = words(written)
    assert word.stem == digits and word.norm == written.lower()


@pytest.mark.parametrize("word", ["I've", "I'm", "don't", "won't", "they're", "she'd", "we'll", "can't", "Wouldn’t"])
def test_a_contraction_of_function_words_is_no_content_word(word: str) -> None:
    assert is_function_word(normalize(word))
    assert [content for _, _, content, _ in forms(f"Then {word} go.")] == [False, False, True]


@pytest.mark.parametrize("word", ["O'Neill", "o'clock", "rock'n'roll", "Blair's", "ma'am"])
def test_other_apostrophes_keep_their_word(word: str) -> None:
    assert not is_function_word(normalize(word))


@pytest.mark.parametrize(("word", "norm"), [("l'incendie", "incendie"), ("d’Aden", "aden"), ("qu'il", "il"),
                                            ("dell'incendio", "incendio"), ("L'Oréal", "oreal"), ("l'", "l")])
def test_an_elided_article_is_not_part_of_the_word(word: str, norm: str) -> None:
    """So "l'incendie" meets "un incendie", as "the fire" meets "a fire"."""
    assert normalize(word) == norm


@pytest.mark.parametrize(("text", "number"), [("12 000 Haushalte", "12000"), ("1\u202f200\u00a0000 Euro", "1200000"),
                                              ("et 130 000 personnes", "130000")])
def test_a_number_in_groups_of_three_is_one_word(text: str, number: str) -> None:
    assert [t.norm for t in words(text) if t.number] == [number]


def test_a_year_and_a_count_side_by_side_stay_two_numbers() -> None:
    assert [t.norm for t in words("In 2004 300 people left; 1,200 stayed.") if t.number] == ["2004", "300", "1200"]


def test_foreign_function_words_in_lower_case_carry_nothing_but_english_words_spelt_alike_do() -> None:
    """A German report shares "der", "und" and "nach" with every other; written with a capital
    they may open a name ("Der Spiegel", "Los Angeles"); "war", "die" and "son" are English."""
    content = {norm: c for norm, _, c, _ in forms("Der Zug fuhr nach der Kurve und entgleiste, meldet Der Spiegel.")}
    assert not content["nach"] and not content["und"]
    assert [c for n, _, c, _ in forms("meldet der Spiegel aus Los Angeles") if n in ("der", "los")] == [False, True]
    assert all(c for _, _, c, _ in forms("war die son"))


@given(st.text(alphabet="ab .,'\"-1A", max_size=60))
def test_a_paragraphs_words_are_its_sentences_tokens_end_to_end(text: str) -> None:
    told = sentences(text)
    shared = paragraph_words(text)
    tokens = [t for sent in told for t in sent.tokens]
    assert list(shared.tokens) == tokens
    assert list(shared.norms) == [t.norm for t in tokens] and list(shared.stems) == [t.stem for t in tokens]
    assert list(shared.starts) == [t.start for t in tokens]
    assert list(shared.content) == [t.content for t in tokens] and list(shared.number) == [t.number for t in tokens]
    assert [tokens[x].norm for x in range(len(tokens)) if shared.sentence[x] == 0] == list(shared.told[0] if told else ())
    assert [list(n) for n in shared.told] == [[t.norm for t in sent.tokens] for sent in told]


def test_a_paragraphs_words_are_worked_out_once() -> None:
    text = "The ferry sank on Tuesday. Officials said 12 people died."
    assert paragraph_words(text) is paragraph_words(text)
    assert paragraph_words(text) == words_of(text, sentences(text))
    assert paragraph_words(text).told == (("the", "ferry", "sank", "on", "tuesday"), ("officials", "said", "12", "people", "died"))
    assert paragraph_words(text).sentence == (0,) * 5 + (1,) * 5


def test_a_paragraphs_names_and_figures_are_told_by_its_words() -> None:
    text = "Five firefighters and Chief Ray Lopez said 12 died. Police said twenty-five were hurt."
    shared = paragraph_words(text)
    named = {n for n, capital in zip(shared.norms, shared.capital) if capital}
    figures = {n for n, figure in zip(shared.norms, shared.figure) if figure}
    assert named == {"five", "chief", "ray", "lopez", "police"}
    assert figures == {"five", "12", "twenty-five"}
