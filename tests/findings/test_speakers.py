"""Who a quotation is given to: the shapes news copy attributes a quote in, and what is left open."""

from __future__ import annotations

import pytest

from story_factories import told as story
from storyview.findings.quotes import find_quotes
from storyview.findings.speakers import attribution, is_named, same_person


def said(text: str) -> str:
    """The attribution of the first quotation in `text` (straight marks)."""
    start = text.index('"') + 1
    return attribution(text, start, text.index('"', start))


@pytest.mark.parametrize(("text", "speaker"), [
    ('"We will rebuild," said Police Chief Ann Ruiz.', "Police Chief Ann Ruiz"),
    ('"We will rebuild," Ruiz said on Tuesday.', "Ruiz"),
    ('"We will rebuild," the mayor told reporters.', "the mayor"),
    ('"We will rebuild," a spokesman for the ministry said.', "a spokesman for the ministry"),
    ('"It was terrible," said resident John Smith, 45.', "John Smith"),
    ('"He is doing well," Saints owner Tom Benson said.', "Saints owner Tom Benson"),
    ('"It was a complete shock," Chela Ortiz, the deputy\'s wife, said afterward.', "Chela Ortiz"),
    ('Ruiz said: "We will rebuild."', "Ruiz"),
    ('But Ruiz told the BBC that "we will rebuild".', "Ruiz"),
    ('Dr. Amoss said in a statement: "He is doing well."', "Dr. Amoss"),
    ('According to Ruiz, "we will rebuild".', "Ruiz"),
    ('"We will rebuild," he said.', "he"),
    # try28: a place or a body before what the speaker is
    ('"The husband and wife came to visit," said South Richmond Hill resident Suri Charanjit.', "Suri Charanjit"),
    ('"We will patch it," said Microsoft spokesman Bill Sisk, who would not say when.', "Bill Sisk"),
    ('"We will rebuild," said Ruiz in a statement Friday.', "Ruiz"),
    # a word that opens a clause, hyphenated into a description, opens none (rev25)
    ('"We will rebuild," a so-called expert said.', "a so-called expert"),
    ('"We will rebuild," the once-popular mayor said.', "the once-popular mayor"),
    ('"We will rebuild," an on-duty officer said.', "an on-duty officer"),
    # try30: what the speaker is between commas before the verb, and the quote after
    ('Rajesh Chharia, president of the Internet Service Providers\' Association of India, said: "The call '
     'centres are worst affected."', "Rajesh Chharia"),
    ('Her spokesman, Bill McAllister, said, "The governor has faith."', "Bill McAllister"),
    ('Felt, 92, told reporters: "I am proud."', "Felt"),
])
def test_the_shapes_news_attributes_a_quote_in(text: str, speaker: str) -> None:
    assert said(text) == speaker


@pytest.mark.parametrize("text", [
    'Officials at the scene on Tuesday said: "We will rebuild."',  # "Tuesday" said nothing
    'It was a "terrible" fire, the worst in years.',
    '"It was terrible." The fire started at 3am, Ruiz said.',  # another sentence's attribution
    'The fire started at 3am. "It was terrible."',
    # try25: the lawyers objected to the tape, the judge spoke in the next clause
    'Defense attorneys objected to the tape as "highly prejudicial," though Judge James Bodiford said jurors could rehear it.',
    '"We will appeal," as Judge Ruiz said the ruling stood, was all the lawyer had to say.',
    '"We will rebuild," said Ruiz last Friday.',  # a day is nobody
    'Officials in Ohio, where Jones lives, said: "We will rebuild."',  # Ohio says nothing
])
def test_a_sentence_that_names_no_speaker_gives_none(text: str) -> None:
    assert said(text) == ""


def test_names_that_can_be_one_person() -> None:
    assert same_person("Ruiz", "Police Chief Ann Ruiz") and same_person("Ann Ruiz", "Ruiz")
    assert not same_person("Ruiz", "Okafor")
    assert same_person("the mayor", "Okafor")  # a description tells no one apart
    assert is_named("Mr. Pigeon") and not is_named("he") and not is_named("a police spokesman")


def test_sources_that_give_one_quote_to_different_people_are_a_finding() -> None:
    s = story(
        "The bridge over the Tamar closed on Monday. “We will rebuild the bridge before winter,” said Mayor Ann Ruiz.",
        "The Tamar bridge closed on Monday. “We will rebuild the bridge before winter,” council leader Tom Okafor said.",
        "The Tamar bridge is closed. Ruiz said: “We will rebuild the bridge before winter.”",
        "The Tamar bridge closed. “We will rebuild the bridge before winter,” she said.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert {v.source: v.speaker for v in q.versions} == {
        "a": "Mayor Ann Ruiz", "b": "council leader Tom Okafor", "c": "Ruiz", "d": ""}  # "she": left open
    assert q.speakers == ("Mayor Ann Ruiz", "council leader Tom Okafor")
    assert q.misattributed


def test_one_speaker_named_several_ways_is_no_finding() -> None:
    s = story(
        "“We will rebuild the bridge before winter,” said Mayor Ann Ruiz on Monday.",
        "Ruiz told reporters: “We will rebuild the bridge before winter.”",
        "“We will rebuild the bridge before winter,” a council spokesman said.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert q.speakers == ("Mayor Ann Ruiz",) and not q.misattributed


def test_a_name_a_page_address_writes_in_lower_case_is_still_a_name() -> None:
    """try25: "…/yvonne-hiller-charged.html" on an address line made Hiller "hiller", a word."""
    from storyview.findings.speakers import credited
    from storyview.model import Article, Paragraph, Story

    text = '"They told me nothing," Hiller said in her statement.'
    article = Article("a", "/tmp/a.txt", (Paragraph(0, "boilerplate", "http://news.example.com/yvonne-hiller-charged.html"),
                                          Paragraph(1, "body", text)))
    story = Story((article,), ())
    assert credited(story, text, 1, text.index('"', 1)) == "Hiller"


def test_a_word_the_story_writes_in_lower_case_is_no_one_s_name() -> None:
    """"Police said" against "Smith said" is no dispute: the story writes "police" too."""
    s = story(
        "Police said: “The driver fled the scene on foot.” The police later found the car.",
        "“The driver fled the scene on foot,” said Sergeant Tom Smith.",
    )
    [q] = [q for q in find_quotes(s) if len(q.sources) > 1]
    assert {v.source: v.speaker for v in q.versions} == {"a": "police", "b": "Sergeant Tom Smith"}
    assert not q.misattributed


@pytest.mark.parametrize(("text", "speaker"), [
    ('"He ran the family," said John S. Pritchard 3rd, a lawyer.', "John S. Pritchard"),
    ('"She was kind," said Ms. Davis\'s sister Crystal.', "Crystal"),
    ('"Everyone was respectful," said Juror No. 8, one of six women on the panel.', ""),  # not "Juror No" (try28)  # not "Ms" (try28: not "" either)
    ('"He is innocent," said Mr. Gigante\'s lawyer, Ben Brafman.', "Ben Brafman"),
    ('"He is innocent," said his lawyer, Ben Brafman, outside court.', "Ben Brafman"),
    ('"We will rebuild," said the mayor, who spoke at the site.', "the mayor"),
    ('"He is innocent," said Dr. Ann Ruiz.', "Dr. Ann Ruiz"),
])
def test_a_name_is_never_cut_at_a_title_or_an_initial(text: str, speaker: str) -> None:
    """try21: "John S", "Ms" and "Mr" were given as speakers, and two sources naming one person
    were flagged "speakers differ"."""
    assert said(text) == speaker


def test_a_constable_s_title_ends_no_sentence() -> None:
    """try21: `"…," Vancouver police Const. Fanning said.` gave no speaker: the sentence ended
    at "Const."."""
    assert said('"He gave himself up," Vancouver police Const. Tim Fanning said.') == "Vancouver police Const. Tim Fanning"
