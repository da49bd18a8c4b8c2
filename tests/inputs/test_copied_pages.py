"""Text copied from a whole web page, and plain-text headers (tryout 23).

A menu, a cookie banner or "Skip to main content" above the headline is page furniture, not
the article nor a related block; a headline's byline and date on the lines under it are no part
of it. All text is made up for these tests.
"""

from __future__ import annotations

import pytest
from storyview.inputs.parse import parse_article

LEDE = "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic."
BODY = [
    LEDE,
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
    "The bridge carries about 40,000 vehicles a day between the old town and the ferry terminal.",
    "Engineers expect the repairs to take at least six weeks, according to a statement from the council.",
    "The barge's owner, Keller Shipping, said it was cooperating with the investigation.",
]
TITLE = "Harbour bridge shut after barge strike"


def _kinds(text: str) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", text).paragraphs}


@pytest.mark.parametrize("menu", ["Video", "News", "Suscríbete", "Watch"])
def test_a_menu_line_above_the_article_hides_none_of_it(menu: str) -> None:
    text = "\n".join(["Gazette", "Home", menu, "World", "Sport", "", TITLE, "", *(p + "\n" for p in BODY)])
    article = parse_article("x", "x", text)
    kinds = {p.text: p.kind for p in article.paragraphs}
    assert all(kinds[p] == "body" for p in BODY)
    assert all(kinds[m] == "boilerplate" for m in ("Home", menu, "World", "Sport"))
    assert article.title == TITLE


def test_a_copied_page_keeps_its_headline_byline_and_story_not_its_menu() -> None:
    top = [
        "Skip to main content", "The Eastgate Gazette", "Home", "Video", "World", "U.S.", "Politics",
        "We use cookies to personalize content and ads and to analyze our traffic.", "Accept all cookies",
        "Home Local Politics Opinion Subscribe", "TRANSPORT",
    ]
    text = "\n".join([*top, TITLE, "By Ann Lee and Tom Reyes", "Published 3:12 PM EST, Fri March 4, 2031", "",
                      *(p + "\n" for p in BODY)])
    article = parse_article("x", "x", text)
    kinds = {p.text: p.kind for p in article.paragraphs}
    assert article.title == TITLE
    assert article.byline == "Ann Lee and Tom Reyes"
    assert article.date == "2031-03-04"
    assert all(kinds[line] == "boilerplate" for line in top)
    assert all(kinds[p] == "body" for p in BODY)


def test_a_standfirst_between_headline_and_byline_is_no_headline() -> None:
    standfirst = "Former inspector had warned the port authority about the supports in a report last year"
    text = "\n".join(["Gazette", "Politics | Opinions | Local | Sports", "Subscribe | Sign In", TITLE, standfirst, "By Ann Lee",
                      "Friday, March 4, 2031; Page A01", "", *(p + "\n" for p in BODY)])
    article = parse_article("x", "x", text)
    assert article.title == TITLE
    assert article.byline == "Ann Lee"
    assert _kinds(text)[standfirst] != "boilerplate"


def test_an_article_with_its_headline_on_top_is_as_before() -> None:
    text = "\n".join([TITLE, "By Ann Lee", "March 4, 2031", "", *(p + "\n" for p in BODY)])
    article = parse_article("x", "x", text)
    assert (article.title, article.byline, article.date) == (TITLE, "Ann Lee", "2031-03-04")
    assert [p.kind for p in article.paragraphs] == ["headline", "byline", "byline", *["body"] * len(BODY)]


def test_a_related_cue_before_the_story_begins_opens_no_block() -> None:
    kinds = _kinds("\n\n".join(["Gazette", "Related stories", TITLE, *BODY]))
    assert all(kinds[p] == "body" for p in BODY)


@pytest.mark.parametrize("byline", ["By Maria Chen", "By Joe Holley and Michael Dobbs", "From CNN Staff",
                                    "Por James Ortega", "Posted by Andrew Malcolm"])
def test_a_headline_keeps_apart_from_the_byline_under_it(byline: str) -> None:
    text = "\n".join([TITLE, byline, "December 19, 2008", "", *(p + "\n" for p in BODY)])
    article = parse_article("x", "x", text)
    assert article.title == TITLE
    assert article.date == "2008-12-19"
    assert article.byline is not None and article.byline in byline
    assert all(p.kind != "body" for p in article.paragraphs[:3])


@pytest.mark.parametrize("stamp", ["Publicado: 19/12/2008 12:05 CET", "Publicado: 19/12/2008 12:05 CET | Actualizado: 19/12/2008 14:30 CET"])
def test_a_spanish_timestamp_is_metadata(stamp: str) -> None:
    kinds = _kinds("\n".join([TITLE, "Por James Ortega", stamp, "", *(p + "\n" for p in BODY)]))
    assert kinds[stamp] == "byline"


@pytest.mark.parametrize("line", ["From the archive, a bridge that lasted a century of storms and barges.",
                                  "From Monday, the ferry will run every hour."])
def test_a_sentence_opening_with_from_is_no_byline(line: str) -> None:
    article = parse_article("x", "x", "\n\n".join([TITLE, line, *BODY]))
    assert article.byline is None
    assert {p.text: p.kind for p in article.paragraphs}[line] == "body"


def test_a_related_teasers_blurb_on_the_same_story_is_no_row() -> None:
    teasers = [
        "Related stories",
        "Port chief: 'We warned them about the bridge supports'",
        "The Eastgate harbour bridge supports were \"cracked\" long before the barge struck, the port authority's chief engineer says",
        "Barge owner faces inquiry over harbour bridge strike",
    ]
    kinds = _kinds("\n\n".join([TITLE, *BODY, *teasers]))
    assert all(kinds[p] == "body" for p in BODY)
    assert all(kinds[t] == "boilerplate" for t in teasers)


def test_a_story_paragraph_after_a_related_box_goes_on() -> None:
    after = "Engineers said the bridge supports would be replaced with steel, the port authority said on Friday."
    kinds = _kinds("\n\n".join([TITLE, *BODY[:3], "Related stories", "Barge owner faces inquiry over harbour bridge strike",
                                after, BODY[3], BODY[4]]))
    assert kinds[after] == "body" and kinds[BODY[4]] == "body"


@pytest.mark.parametrize("line", [
    "Get the day's top political stories delivered to your inbox every morning.",
    "All About Harbour Bridge • Eastgate Port Authority • Keller Shipping",
    "Topics: Bridges | Eastgate | Shipping",
    "Video Watch how the barge struck the bridge",
    "Compartir en Facebook Compartir en Twitter Enviar por correo Imprimir",
    "Partager sur Facebook Partager sur X Imprimer",
])
def test_a_newsletter_blurb_topic_bar_or_video_teaser_is_no_row(line: str) -> None:
    kinds = _kinds("\n\n".join([TITLE, *BODY[:3], line, *BODY[3:]]))
    assert kinds[line] == "boilerplate"
    assert all(kinds[p] == "body" for p in BODY)


@pytest.mark.parametrize("line", [
    "Get out of the water, the harbour master told swimmers on Tuesday night.",
    "Results: Eastgate 3 | Westport 1 | Harbour Town 2",
    "Barge · Owner · Flag · Cargo",  # a table's row, its cells between "·"
    "Videos of the crash show the barge drifting for minutes before it hit the bridge.",
])
def test_story_lines_shaped_a_little_like_those_stay(line: str) -> None:
    kinds = _kinds("\n\n".join([TITLE, *BODY[:3], line, *BODY[3:]]))
    assert kinds[line] == "body"


@pytest.mark.parametrize(("stamp", "date"), [
    ("Publicado: 19/12/2008 12:05 CET", "2008-12-19"),
    ("Posted 12/19/2008 8:14 AM", "2008-12-19"),
    ("Publié le 19.12.2008 à 12h05", "2008-12-19"),
    ("Publicado: 05/12/2008 12:05 CET", None),  # 5 December or May 12: not said
])
def test_a_numeric_date_is_read_where_its_day_is_plain(stamp: str, date: str | None) -> None:
    assert parse_article("x", "x", "\n".join([TITLE, stamp, "", *(p + "\n" for p in BODY)])).date == date
