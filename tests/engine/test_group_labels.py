"""Group labels a reader can read: the opening words of the most-shared sentence, cut on a word."""

from __future__ import annotations

from storyview.engine.align import LABEL_UP_TO, opening_words
from storyview.engine.unique import token_diff
from storyview.model import Story
from storyview.reader.widgets.diff import diff_text
from rich.style import Style


def test_a_label_is_the_opening_of_a_sentence_of_the_group(seed_story: Story) -> None:
    for group in seed_story.groups:
        assert 0 < len(group.label) <= LABEL_UP_TO
        assert " · " not in group.label
        opening = group.label.rstrip("…")
        texts = [seed_story.paragraph(m).text for m in group.members]
        assert any(" ".join(t.split()).find(opening) >= 0 for t in texts), group.label


def test_the_keywords_stay_beside_the_label(seed_story: Story) -> None:
    assert all(g.keywords and " · " in g.keywords for g in seed_story.groups if len(g.members) > 1)


def test_the_label_of_a_shared_group_is_a_sentence_others_tell_too(seed_story: Story) -> None:
    everyone = max(seed_story.groups, key=lambda g: len(set(g.sources)))
    assert everyone.label.startswith("The Department of Homeland Security")


def test_a_cut_ends_after_a_whole_word() -> None:
    text = "A publicist says Tara Reid has checked herself into rehab at Promises, her rep told People."
    cut = opening_words(text, 40)
    assert cut == "A publicist says Tara Reid has checked…"
    assert len(cut) <= 40
    assert opening_words("Short one.", 40) == "Short one."
    assert opening_words("word, " * 3 + "x" * 60, 20) == "word, word, word…"


def test_the_word_diff_keeps_punctuation_and_spacing() -> None:
    a = "Immigration and Customs Enforcement (ICE) invited officers, again.\n\nThen more."
    b = "Immigration and Customs Enforcement (ICE) invited officers again.\n\nThen more."
    text = diff_text(a, b, token_diff(a, b), Style(strike=True), Style(bold=True))
    assert "(ICE) invited" in text.plain
    assert "officers, officers again.\n\nThen more." in text.plain
    struck = [text.plain[s.start : s.end] for s in text.spans if s.style == Style(strike=True)]
    assert struck == ["officers,"]
