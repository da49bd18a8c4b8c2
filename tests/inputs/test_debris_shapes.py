"""Issue 14.2 and 18.3: page debris found by its shape in any words; furniture is metadata;
the article's own closing lines and quotations are never debris."""

from __future__ import annotations

import pytest

from storyview.inputs.boilerplate import is_furniture, is_related_cue, off_topic
from storyview.inputs.parse import is_credit, is_timestamp, parse_article, posted_by

ARTICLE = (
    "Part of the Kestrel Street Bridge fell into the Wren River on Tuesday, taking two buses with it "
    "and closing the main road into the city for the rest of the week.\n\n"
    "Four people suffered minor injuries, the fire department said, and divers searched the river "
    "until late at night for anyone trapped in the buses.\n\n"
    "The bridge had failed an inspection in 2029, and repairs were delayed for lack of money, "
    "according to records seen by the Wren Valley Herald.\n\n"
    "Engineers will inspect the remaining spans of the Kestrel Street Bridge on Thursday."
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in parse_article("x", "x.txt", text).paragraphs]


@pytest.mark.parametrize("line", [
    "Don't miss", "Elsewhere on the site", "Keep reading", "Stories we think you'll enjoy", "People are also reading",
    "Popular right now", "Hand-picked for you", "Continue exploring", "Top headlines",
])
def test_related_cues_in_many_phrasings(line: str) -> None:
    assert is_related_cue(line)


@pytest.mark.parametrize("line", ["What Happens Next", "The Road Ahead", "Why It Matters", "More rain is expected"])
def test_subheadings_are_no_related_cue(line: str) -> None:
    assert not is_related_cue(line)


@pytest.mark.parametrize("line", [
    "Join the conversation", "Be the first to respond", "Posts are checked by our moderators before they appear.",
    "3 responses so far", "Already a member? Log in", "Flag as inappropriate", "Copy link",
    "Pass this on: WhatsApp | Messenger | Email", "Our community rules apply to every post.", "Load more replies",
    "Enter your email address", "Comments are moderated and may take a while to appear.", "Name *",
    "Tell us what you think",
])
def test_comment_share_subscribe_and_sign_in_lines_in_many_phrasings(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Share prices fell sharply after the announcement on Tuesday.",
    "The defense would not comment on strategy plans for the trial.",
    "Officials said that more than 200,000 of the comments opposed the rule change.",
    "No injuries reported",
    "The website reported 65 responses from Dubai.",
    "Subscribers to the service rose by a third, the company said.",
    "It is the responsibility of us all to not take the step into the void.",
    "Hugh Hefner was reported as saying about Page:",
    "“Please share what you know,” the detective told reporters.",
])
def test_sentences_of_a_story_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_teaser_headlines_and_ledes_after_a_cue_are_set_apart() -> None:
    tail = (
        "\n\nElsewhere on the site\n\n"
        "City Zoo Welcomes Twin Red Panda Cubs\n\n"
        "Keepers said both cubs were feeding well and would go on show to visitors in the spring.\n\n"
        "Water company fined over repeated sewage spills\n\n"
        "Regulators said the firm had ignored warnings for three years and ordered it to pay for clean-up work.\n\n"
        "Join the conversation\n\nBe the first to respond"
    )
    found = kinds(ARTICLE + tail)
    assert [k for k, _ in found[:4]] == ["body"] * 4
    assert all(k == "boilerplate" for k, _ in found[4:]), found[4:]


def test_a_teaser_block_with_a_cue_no_rule_knows_is_set_apart() -> None:
    tail = (
        "\n\nComments (27)\n\nFrom the archive\n\n"
        "Hedgehog Sightings Rise In Town Gardens\n\n"
        "Volunteers counted almost twice as many of the animals as last summer, helped by holes cut in fences.\n\n"
        "Museum Returns Stolen Clock To Village Church\n\n"
        "The eighteenth-century timepiece vanished in 1987 and turned up at an auction house earlier this year."
    )
    found = kinds(ARTICLE + tail)
    assert [k for k, _ in found[:4]] == ["body"] * 4
    assert all(k == "boilerplate" for k, _ in found[4:]), found[4:]


def test_a_read_more_link_mid_article_is_followed_by_the_article_again() -> None:
    first, second, *rest = ARTICLE.split("\n\n")
    text = "\n\n".join([first, "Read more: Rail fares set to rise again in January", second, *rest])
    assert [k for k, _ in kinds(text)] == ["body", "boilerplate", "body", "body", "body"]


@pytest.mark.parametrize("line", [
    "Published 3:12 PM EST, Mon March 2, 2015 | Updated 4:40 PM EST, Mon March 2, 2015",
    "May 03, 2013", "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", "Updated 5: 40 p. m. ET",
    "05 / 02 / 2013", "Posted on Thu Jun 13, 2013 08: 45 AM PDT", "14 June 2013", "8: 24am:",
    "Posted 1 year, 160 days ago",
])
def test_timestamps_are_furniture(line: str) -> None:
    assert is_timestamp(line)


@pytest.mark.parametrize("line", ["She died in 1984.", "In 2005, he left the club.", "The vote is on Monday.",
                                  "Dilger had 42 in 1995.", "Voting will close at 6: 00 p.m. local time (1300 GMT) Sunday."])
def test_sentences_with_dates_are_not_timestamps(line: str) -> None:
    assert not is_timestamp(line)


def test_page_header_furniture_is_metadata_not_story_rows() -> None:
    text = ("http: / / www. example. com / 2015 / 03 / 02 / bridge\n\n"
            "Bridge Collapses Into Wren River\n\n"
            "Published 3:12 PM EST, Mon March 2, 2015 | Updated 4:40 PM EST, Mon March 2, 2015\n\n"
            "Posted by Jane Doe\n\n" + ARTICLE)
    article = parse_article("x", "x.txt", text)
    assert [p.kind for p in article.paragraphs] == ["boilerplate", "headline", "byline", "byline"] + ["body"] * 4
    assert article.title == "Bridge Collapses Into Wren River"
    assert article.date == "2015-03-02"
    assert article.byline == "Jane Doe"
    assert posted_by("Posted by the hundreds, crews arrived") is None


@pytest.mark.parametrize("line", [
    "(Reporting by Staff; Editing by Desk)",
    "(Reporting by Renee Maltezou in Athens; Additional reporting by Jan Strupczewski in Brussels; "
    "Writing by Ingrid Melander; Editing by Mark Heinrich)",
    "(Writing by Ingrid Melander)", "Reporting by Jane Doe; Editing by Mark Roe",
    "(Reporting by John F. Smith; Editing by A. N. Other)",
    "(Reporting by Jane Doe in St. Louis; Editing by Mark Roe)", "— Reporting by Jane Doe; editing by Mark Roe",
    "(Reporting by Jane Doe; Editing by Mark Roe) ((jane.doe@thomsonreuters.com; +1 202 555 0100))",
    "Associated Press writer John Smith in London contributed to this report.",
])
def test_a_wire_credit_line_is_metadata_not_a_story_row(line: str) -> None:
    assert is_credit(line)
    article = parse_article("x", "x.txt", ARTICLE + "\n\n" + line)
    assert [p.kind for p in article.paragraphs][-1] == "byline"


@pytest.mark.parametrize("line", [
    "Reporting by the BBC found that the council had overspent.",
    "(Reporting by the BBC found the council overspent. The mayor resigned.)",
    "Police said officers contributed to this report on crime.",
    "Editing by hand is slow; the paper now uses software.",
])
def test_sentences_about_reporting_stay_story(line: str) -> None:
    assert not is_credit(line)


def test_closing_lines_and_quotations_are_never_debris() -> None:
    other = parse_article("b", "b.txt", (
        "A section of the Kestrel Street Bridge collapsed on Tuesday, sending two buses into the Wren River.\n\n"
        "Repairs had been postponed after the bridge failed an inspection in 2029."
    ))
    for closing in ("Rest in peace.", "“I just want to go home,” she said.", "She was 34.",
                    "There's nothing more to see here."):
        article = parse_article("a", "a.txt", f"{ARTICLE}\n\n{closing}")
        folded, _ = off_topic([article, other])
        assert folded.paragraphs[-1].kind == "body", closing
