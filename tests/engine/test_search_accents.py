"""search.py, smart accents: a query without accents ignores them, one with an accent matches
exactly, and every span points at the original text."""

from __future__ import annotations

import unicodedata

from story_factories import article, body
from storyview.engine.search import fold, search
from storyview.model import Group, Member, Settings, Story

TEXTS = (
    "Die Polizei in Göttingen und die Straße nach Kassel.",
    "In GÖTTINGEN, Zoë and Łódź: the café's Øresund ferry.",
    "Decomposed: Go\u0308ttingen (an o and a combining umlaut).",
    "Plain Gottingen, spelt without the umlaut.",
)


def story() -> Story:
    a = article("a", *(body(t) for t in TEXTS))
    return Story((a,), (Group(1, "x", tuple(Member("a", i) for i in range(len(TEXTS)))),), {}, Settings(), ())


def found(query: str) -> list[str]:
    s = story()
    return [s.paragraph(m.member).text[m.start : m.end] for m in search(s, query)]


def test_a_query_without_accents_finds_accented_text() -> None:
    assert found("gottingen") == ["Göttingen", "GÖTTINGEN", "Go\u0308ttingen", "Gottingen"]
    assert found("strasse") == ["Straße"]
    assert found("lodz") == ["Łódź"]
    assert found("zoe and") == ["Zoë and"]
    assert found("oresund") == ["Øresund"]
    assert found("cafe's") == ["café's"]


def test_a_query_with_an_accent_matches_exactly() -> None:
    assert found("göttingen") == ["Göttingen", "GÖTTINGEN"]
    assert found("Göttingen") == ["Göttingen"]
    assert found("straße") == ["Straße"]
    assert found("café") == ["café"]


def test_smart_case_still_holds_without_accents() -> None:
    assert found("Gottingen") == ["Göttingen", "Go\u0308ttingen", "Gottingen"]
    assert found("GOTTINGEN") == ["GÖTTINGEN"]


def test_highlights_land_on_the_original_characters() -> None:
    s = story()
    for query in ("ttingen und", "Kassel", "ferry", "nach"):
        for m in search(s, query):
            text = s.paragraph(m.member).text
            bare = "".join(c for c in unicodedata.normalize("NFD", text[m.start : m.end]) if not unicodedata.combining(c))
            assert bare.lower() == query.lower()


def test_fold_maps_each_character_back() -> None:
    folded, starts, ends = fold("Łódź ß o\u0308!")
    assert folded == "Lodz ss o!"
    assert (starts[5], ends[5], starts[6], ends[6]) == (5, 6, 5, 6)  # both s come from ß
    assert (starts[8], ends[8]) == (7, 9)  # o with its combining umlaut


def test_only_latin_letters_lose_their_accents() -> None:
    """"й" is a letter of its own in Russian, as "が" is in Japanese: neither is "и" or "か"
    with an accent, so a query for one never finds the other."""
    a = article("a", body("Санкт-Петербург и Мурманск: мой край."), body("かながわ and ながさき."))
    s = Story((a,), (Group(1, "x", (Member("a", 0), Member("a", 1))),), {}, Settings(), ())

    def hits(query: str) -> list[str]:
        return [s.paragraph(m.member).text[m.start : m.end] for m in search(s, query)]

    assert hits("мои") == [] and hits("мой") == ["мой"]
    assert hits("か") == ["か"] and hits("が") == ["が", "が"]
