"""Page furniture read as story, and question headlines (tryout 12, items 3 and 7).

Every rule has a positive case (furniture set apart) and a negative one: a story line that
looks a bit like furniture stays story. All text is made up for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from storyview.inputs.boilerplate import is_call, is_cue, is_cue_heading, off_topic, teaser_cue
from storyview.inputs.parse import (
    is_agency_line,
    is_comment,
    parse_article,
    parse_paragraphs,
    question_title,
)

STORY = [
    "Harbour bridge shut after barge strike",
    "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic.",
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
]


def kinds_of(paragraphs: list[str], headings: list[bool] | None = None) -> dict[str, str]:
    article = parse_paragraphs("x", "x", paragraphs, headings or [])
    return {p.text: p.kind for p in article.paragraphs}


def text_kinds(text: str) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", text).paragraphs}


# ---------------------------------------------------------------- furniture headings


@pytest.mark.parametrize("heading", [
    "Reader comments (2)", "Comments", "12 Kommentare", "Commentaires (3)", "You might also like",
    "Most popular", "Related stories", "More from Harbour News", "Lire aussi", "Les plus lus",
    "Mehr zum Thema", "Noticias relacionadas", "Lo más leído",
])
def test_a_furniture_heading_sets_apart_what_stands_under_it(heading: str) -> None:
    under = ["I drive over that bridge every day and the cracks have been there for years.",
             "Council votes to raise parking fees in the old town from next spring."]
    got = kinds_of([*STORY, heading, *under, "Repairs", "Engineers expect the repairs to take six weeks."],
                   [True, False, False, True, False, False, True, False])
    assert got[heading] == "boilerplate"
    assert all(got[line] == "boilerplate" for line in under)
    # The next heading is the article's own: it and what follows it stay.
    assert got["Repairs"] == "headline"
    assert got["Engineers expect the repairs to take six weeks."] == "body"


@pytest.mark.parametrize("heading", [
    "Comments from the mayor", "Popular anger over the closure", "Related costs", "Reactions",
    "What the inspectors found", "More questions than answers", "Latest", "The latest", "Continued", "Elsewhere",
    "Video", "Next",
])
def test_a_story_subheading_opens_no_furniture(heading: str) -> None:
    under = "Inspectors said the cracks had been there for years, the port authority confirmed."
    got = kinds_of([*STORY, heading, under], [True, False, False, True, False])
    assert not is_cue_heading(heading)
    assert got[heading] == "headline"
    assert got[under] == "body"


def test_a_furniture_heading_above_the_story_wipes_nothing() -> None:
    """A share bar's "2 comments" over the article is furniture, but the article is no comment."""
    got = kinds_of([STORY[0], "2 comments", *STORY[1:]], [True, True, False, False])
    assert got["2 comments"] in ("headline", "boilerplate")
    assert all(got[line] == "body" for line in STORY[1:])


# ---------------------------------------------------------------- comments


def test_a_posted_comment_is_furniture() -> None:
    line = "Posted by harbourdad on March 4, 2031 at 10:14 a.m.: The council was warned about this bridge years ago."
    assert is_comment(line)
    assert is_comment("Posted by Sarah K on Mar. 4, 2031 at 11:02 am - My cousin works on the bridge crew.")
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "boilerplate"


@pytest.mark.parametrize("line", [
    "Posted by the port authority on its website on Tuesday: the bridge will stay shut for a week.",
    "Posted by Jane Doe on March 4, 2031",  # a byline: the stamp alone
    "Posted on March 4, 2031, the notice said the bridge would stay shut.",
])
def test_a_story_line_about_a_post_is_no_comment(line: str) -> None:
    assert not is_comment(line)
    assert text_kinds("\n\n".join([*STORY, line]))[line] != "boilerplate"


# ---------------------------------------------------------------- teaser cues


@pytest.mark.parametrize("line", [
    "Most popular: Council raises parking fees; Ferry timetable changes; Storm warning for the coast",
    "Read more: Council raises parking fees",
    "Lire aussi | Les ponts de la région vieillissent",
    "Lire aussi : Le port sous pression après une série d'accidents",
    "Lesen Sie auch: Brücken-Chaos: Warum so viele Brücken marode sind",
    "Leer más: El puerto cierra otro muelle",
    "Lee también | Las grúas del puerto, en huelga",
    "See also",
    "Leer más",
])
def test_teaser_cues_in_four_languages_are_furniture(line: str) -> None:
    assert teaser_cue(line)
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "boilerplate"
    if teaser_cue(line).group("link"):  # one link: the story goes on after it
        got = text_kinds("\n\n".join([STORY[0], STORY[1], line, STORY[2]]))
        assert got[line] == "boilerplate" and got[STORY[2]] == "body"


@pytest.mark.parametrize("line", [
    "Most popular routes into the city were closed for hours, police said.",
    "Read the inspectors' report and you will see why the bridge was shut, the mayor told reporters.",
    "Lire le rapport prend du temps, a reconnu le maire mardi.",
    "Lesen Sie die Warnung genau, sagte der Bürgermeister am Dienstag.",
    "Related repairs on the east span will cost $4 million, officials said.",
    "\u201cSee also what happened to the ferry,\u201d the harbour master said.",
    "Read more about the repair plan on the council's website, the mayor told residents on Wednesday.",
    "See more about the barge's owner in the port authority's report, which runs to 40 pages.",
    "Related: the mayor's plan would cost $12 million, officials said.",
    "Lire aussi le rapport des inspecteurs, qui compte 40 pages, a conseillé le maire.",
])
def test_story_lines_opening_like_a_cue_stay(line: str) -> None:
    assert not teaser_cue(line)
    got = text_kinds("\n\n".join([STORY[0], STORY[1], line, STORY[2]]))
    assert got[line] == "body"


def test_a_read_more_link_is_a_cue_and_a_sentence_that_opens_alike_is_not() -> None:
    assert is_cue("Read more about the harbour bridge")
    assert is_cue("See more stories from Eastgate")
    assert not is_cue("Read more about the plan on the council's website, the mayor said.")


# ---------------------------------------------------------------- paywall and tip lines


@pytest.mark.parametrize("line", [
    "This article is available to subscribers only. Subscribe now for unlimited access to the Harbour Post.",
    "Have a news tip? Email us at tips@harbour.example or call 555-0100.",
    "Vous pouvez lire Le Journal sur un seul appareil à la fois. Ce message s’affichera sur l’autre appareil.",
    "Cet article est réservé aux abonnés.",
    "Sie haben weitere Fragen? Schreiben Sie uns an leser@hafen.example.",
    "Dieser Artikel ist nur für Abonnenten verfügbar.",
    "¿Tienes una pista? Escríbenos a pistas@puerto.example.",
    "Already a subscriber? Log in to keep reading.",
    "To continue reading, become a member for £1 a week.",
    "Continue reading the main story",
    "Join today for unlimited access.",
    "Got a tip? tips@harbour.example",
])
def test_paywall_and_tip_line_calls_are_furniture(line: str) -> None:
    assert is_call(line)
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "boilerplate"


@pytest.mark.parametrize("line", [
    "Subscribers to the ferry service said fares rose by a fifth this year.",
    "The port authority said the article it published on Monday was available to all residents.",
    "Police had a tip about the barge's owner, the harbour master said.",
    "\u201cHave a news tip? Call us,\u201d read the sign the protesters held outside the council.",
    "Have a tip? Police ask anyone who saw the barge drift on Tuesday night to call 555-0100.",
    "Join today's march to the bridge, the dockers' union urged its members.",
    "Already a member of the harbour board, Ms Okafor has called for an inquiry.",
    "Continue reading the inspectors' report and the cracks only get worse, the engineer said.",
    "Tiene información clave la fiscalía sobre el dueño de la barcaza, según fuentes del puerto.",
])
def test_story_lines_about_subscribers_or_tips_stay(line: str) -> None:
    assert not is_call(line)
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "body"


# ---------------------------------------------------------------- agency credits


@pytest.mark.parametrize("line", ["Associated Press", "Reuters", "AFP", "Le Journal avec AFP", "jdl/dpa/AFP", "(dpa)"])
def test_a_lone_agency_credit_is_no_story_row(line: str) -> None:
    assert is_agency_line(line)
    under_headline = text_kinds("\n\n".join([STORY[0], line, *STORY[1:]]))
    at_end = text_kinds("\n\n".join([*STORY, line]))
    assert under_headline[line] == "byline" and at_end[line] == "byline"
    assert under_headline[STORY[0]] == "headline"


@pytest.mark.parametrize("line", [
    "Reuters reported that the barge had lost power an hour before the strike.",
    "Apple",
    "Staff and agencies",
    "The AP count showed 14 ships were held outside the harbour.",
    "He spoke with Reuters.",
    "In an interview with Bloomberg.",
])
def test_a_story_line_naming_an_agency_stays(line: str) -> None:
    assert not is_agency_line(line)


# ---------------------------------------------------------------- question headlines


@pytest.mark.parametrize("title", ["What now for the harbour bridge?", "Is this the end for the Eastgate ferry?",
                                   "Analysis: No bridge, no trade?", "Who pays for the repairs?"])
def test_a_short_question_is_taken_as_the_headline(title: str) -> None:
    article = parse_article("x", "x", "\n\n".join([title, *STORY[1:]]))
    assert article.title == title
    assert article.paragraphs[0].kind == "headline"
    assert all(p.kind == "body" for p in article.paragraphs[1:])


@pytest.mark.parametrize("first", [
    "Who pays for the repairs? The port authority says the barge's owner will, and it has sent him the bill.",
    "Why did nobody notice the cracks in the bridge's supports before the barge struck them on Tuesday night, engineers asked?",
])
def test_a_body_paragraph_opening_with_a_question_stays_body(first: str) -> None:
    article = parse_article("x", "x", "\n\n".join([first, *STORY[1:]]))
    assert article.title is None
    assert article.paragraphs[0].kind == "body"


def test_a_question_after_the_headline_stays_body() -> None:
    question = "Who pays for the repairs?"
    article = parse_article("x", "x", "\n\n".join([STORY[0], STORY[1], question, STORY[2]]))
    assert article.title == STORY[0]
    assert {p.text: p.kind for p in article.paragraphs}[question] == "body"
    assert not question_title(question, [])


# ---------------------------------------------------------------- a page headed by its date


def test_a_heading_that_only_dates_the_page_is_no_title() -> None:
    stamp = "12 January 2031 @ 09:29 pm"
    article = parse_paragraphs("x", "x", [stamp, *STORY[1:]], [True, False, False])
    assert article.title is None
    assert article.paragraphs[0].kind == "byline"
    assert article.date == "2031-01-12"


def test_a_heading_that_opens_with_a_year_is_a_title() -> None:
    title = "2031: the year the harbour bridge cracked"
    article = parse_paragraphs("x", "x", [title, *STORY[1:]], [True, False, False])
    assert article.title == title
    assert article.paragraphs[0].kind == "headline"


def test_a_markdown_page_with_comments_and_teasers_keeps_only_its_story() -> None:
    from storyview.inputs.load import read_markdown

    page = "\n\n".join([
        f"# {STORY[0]}", *STORY[1:], "## Reader comments (2)",
        "What a mess. The council should have closed that bridge years ago.",
        "I cross it every morning and felt it shake last week.",
        "## You might also like", "Ferry fares rise for the third time this year",
        "Harbour police arrest man after a standoff near the old bridge on Sunday night.",
        "## What happens next", "Engineers expect the repairs to take six weeks.",
    ])
    article = read_markdown(page.encode(), "x", "x.md")
    got = {p.text: p.kind for p in article.paragraphs}
    assert [t for t, k in got.items() if k == "body"] == [*STORY[1:], "Engineers expect the repairs to take six weeks."]
    assert got["Reader comments (2)"] == got["You might also like"] == "boilerplate"
    assert got["What happens next"] == "headline"


def test_the_article_goes_on_after_a_box_of_links_in_its_middle() -> None:
    """A "Related stories" box inside the article: its links are furniture, the article's prose
    after it is not, heading or no heading."""
    goes_on = ("Engineers said the barge had struck the same supports in 2029, and that the cracks the "
               "inspectors found on Wednesday ran through both of them.")
    got = kinds_of([*STORY, "Related stories", "Ferry fares rise for the third time this year",
                    "Storm warning for the coast", goes_on], [True, False, False, True, False, False, False])
    assert got["Related stories"] == "boilerplate"
    assert got["Ferry fares rise for the third time this year"] == got["Storm warning for the coast"] == "boilerplate"
    assert got[goes_on] == "body"


# ---------------------------------------------------------------- the article's own closing lines


@pytest.mark.parametrize("closing", [
    "\u201cI just want the bridge back,\u201d she said.",
    "\u201cRead the report. Then tell me it was an accident,\u201d the harbour master said.",
    "Who will pay?",
    "The bridge had stood for 90 years.",
    "Most of all, the ferry crews want answers.",
])
def test_a_closing_quotation_or_kicker_is_no_furniture(closing: str) -> None:
    """Shortness at the end is no evidence: the last words of a witness or a one-line kicker stay
    story, alone and among other sources."""
    text = "\n\n".join([*STORY, closing])
    assert text_kinds(text)[closing] == "body"
    other = parse_article("b", "b", "A barge hit the Eastgate harbour bridge on Tuesday and engineers closed it.\n\n"
                          "The port authority said cracks were found in two supports.")
    folded, _ = off_topic([parse_article("a", "a", text), other])
    assert folded.paragraphs[-1].kind == "body"


def test_a_question_subheading_opens_no_furniture() -> None:
    under = "Engineers expect the repairs to take six weeks, the port authority said."
    got = kinds_of([*STORY, "What happens next?", under], [True, False, False, True, False])
    assert got["What happens next?"] == "headline"
    assert got[under] == "body"


def test_a_stated_title_that_only_dates_the_page_is_no_title() -> None:
    from storyview.inputs.load import read_markdown

    page = "\n\n".join(["---\ntitle: 12 January 2031 @ 09:29 pm\n---", f"# {STORY[0]}", *STORY[1:]])
    article = read_markdown(page.encode(), "x", "x.md")
    assert article.title == STORY[0]
    assert article.date == "2031-01-12"


@pytest.mark.parametrize(("line", "call"), [
    ("Sie haben Hinweise auf einen zweiten Täter gefunden, sagte ein Polizeisprecher am Montag.", False),
    ("Haben Sie Hinweise? Die Polizei bittet Zeugen, sich unter 0551 491-2115 zu melden.", False),
    ("Haben Sie Hinweise? Schreiben Sie uns an tipps@zeitung.de.", True),
    ("¿Tiene información? La policía pide llamar al 091.", False),
    ("¿Tienes una pista? Escríbenos a pistas@diario.es", True),
    ("Vous avez une question ? La gendarmerie appelle les témoins.", False),
    ("Vous avez des informations sur cette affaire ? Écrivez-nous à infos@journal.fr", True),
])
def test_a_tip_line_in_german_french_or_spanish_asks_for_the_outlet(line: str, call: bool) -> None:
    """"Sie haben Hinweise … gefunden" is a story sentence (they found clues), and a police appeal
    is story too: a tip line is a question that asks for "us" or gives an address (review)."""
    assert is_call(line) is call


# ---------------------------------------------------------------- posting lines, dated headlines (try22)


@pytest.mark.parametrize("line", [
    "On behalf of Ann Lee, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.",
    "On behalf of Lee, Roe & Lee, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.",
    "Posted in Harbour News on March 3, 2031",
    "Filed under Transport at 10:14 am",
])
def test_a_blog_posting_line_is_metadata(line: str) -> None:
    got = text_kinds("\n\n".join([STORY[0], line, *STORY[1:]]))
    assert got[line] == "byline"
    assert all(got[p] == "body" for p in STORY[1:])


@pytest.mark.parametrize("line", [
    "The video was posted in a Facebook group on Tuesday, police said.",
    "Engineers posted in the harbour office on March 3 said the cracks were new.",
])
def test_a_sentence_that_says_posted_stays_story(line: str) -> None:
    assert text_kinds("\n\n".join([*STORY, line]))[line] == "body"


def test_a_headline_that_ends_with_its_date_is_the_headline() -> None:
    """30_ecbplus: "Seacom operations fully restored: 4 November 2011" was read as a dateline
    and the standfirst under it became the title."""
    article = parse_article("x", "x", "\n\n".join([
        "Seacom operations fully restored: 4 November 2011",
        "The break in an undersea cable that affected Seacom has been repaired",
        "Undersea cable operator Seacom announced today that its network was repaired.",
    ]))
    assert article.title == "Seacom operations fully restored: 4 November 2011"
    assert article.paragraphs[0].kind == "headline"


@pytest.mark.parametrize("line", ["Port Alder, 3 March 2031", "Updated 3 March 2031, by staff reporter"])
def test_a_place_or_a_stamp_with_its_date_stays_metadata(line: str) -> None:
    got = text_kinds("\n\n".join([STORY[0], line, *STORY[1:]]))
    assert got[line] == "byline"


@pytest.mark.parametrize(("line", "byline", "outlet"), [
    ("*By Harbour News staff* · [Subscribe](https://example.com/sub)", "Harbour News staff", None),
    ("By Ann Lee | Follow us | Email", "Ann Lee", None),
    ("By Ann Lee · Port Alder Post", "Ann Lee", "Port Alder Post"),
    ("By Ann Lee | US", "Ann Lee", "US"),  # a country, no pronoun (rev26)
    ("By Ann Lee · Share · The Port Alder Times", "Ann Lee", "The Port Alder Times"),  # a link between
    ("By Ann Lee | Follow Us", "Ann Lee", None),
])
def test_a_byline_with_the_templates_links_after_it_is_the_byline(line: str, byline: str, outlet: str | None,
                                                                  tmp_path: Path) -> None:
    """try26: "By … staff · Subscribe" (a Markdown page) was a story row, marked unique; an
    outlet after a middle dot is still the outlet."""
    from storyview.inputs.load import load

    page = tmp_path / "page.md"
    page.write_text(f"# {STORY[0]}\n\n{line}\n\n" + "\n\n".join(STORY[1:]) + "\n", encoding="utf-8")
    article = load([str(page)]).articles[0]
    assert (article.byline, article.outlet) == (byline, outlet)
    assert [p.kind for p in article.paragraphs][:2] == ["headline", "byline"]


@pytest.mark.parametrize("line", ["THURSDAY, DECEMBER 3, 2009, 9: 36 AM", "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM",
                                  "27 NOVEMBER, 2005"])
def test_a_date_in_capitals_dates_the_article(line: str) -> None:
    """Dates printed in capitals (19 ECB+ reports) were metadata lines that dated nothing."""
    article = parse_article("x", "x", "\n\n".join([STORY[0], line, *STORY[1:]]))
    assert article.date == {"THURSDAY, DECEMBER 3, 2009, 9: 36 AM": "2009-12-03", "27 NOVEMBER, 2005": "2005-11-27",
                            "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM": "2013-03-11"}[line]
    assert [p.kind for p in article.paragraphs][:2] == ["headline", "byline"]
