"""The rest of tryout 23 (issue 18): an author's footer is metadata, a page with no story says
so, nothing read is dropped without a trace. All text is made up for these tests.
"""

from __future__ import annotations

import pytest
from storyview.inputs.load import Truncated, Unusable, read_page
from storyview.inputs.parse import parse_article

STORY = [
    "Harbour bridge shut after barge strike",
    "By Ann Reid",
    "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic.",
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
]


def kinds(paras: list[str]) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", "\n\n".join(paras)).paragraphs}


# ---------------------------------------------------------------- an author's footer


@pytest.mark.parametrize("footer", [
    "Ann Reid is a regular commentator on the Harbour Radio programme Go Digital.",
    "Jane Doe is a senior fellow at the Institute for Port Studies.",
    "Tom Okafor is the author of Bridges and Barges, published by Quay Press.",
    "Simon Perry is the editor of the Harbour Lifestyles website, which covers the port",
    "Ann Reid is a writer who lives in Eastgate.",
])
def test_a_closing_line_on_who_the_writer_is_is_metadata(footer: str) -> None:
    got = kinds([*STORY, footer])
    assert got[footer] == "byline"
    assert got[STORY[3]] == "body"


def test_a_column_s_footer_is_metadata_when_its_standfirst_credits_the_writer() -> None:
    paras = ["Who runs the harbour?",
             "The port's real problem is not barges but bridges, argues analyst Bill Thompson.",
             STORY[2], STORY[3], "Bill Thompson is a regular commentator on the Harbour Radio programme Go Digital."]
    got = kinds(paras)
    assert got[paras[-1]] == "byline"
    assert got[paras[1]] == "body"


@pytest.mark.parametrize("paras", [
    # about someone the story is about, not its writer
    [*STORY[:3], "Tom Okafor, the harbour master, said the barge had slipped its moorings.",
     "Tom Okafor is a senior fellow at the Institute for Port Studies."],
    # not at the end
    [*STORY, "Jane Doe is a senior fellow at the Institute for Port Studies.",
     "Engineers will report on the supports next week, the council said."],
    # no writer's role
    [*STORY, "Jo Smith is a regular at the harbour bar, where the barge crew drank on Tuesday."],
    # more than the one sentence
    [*STORY, "Jane Doe is the editor of the Port Gazette. She said the bridge had been unsafe for years."],
])
def test_story_lines_like_a_footer_stay(paras: list[str]) -> None:
    assert kinds(paras)[paras[-1]] == "body"


# ---------------------------------------------------------------- above the headline

BODY_HTML = "".join(f"<p>{p}</p>" for p in STORY[2:]) + \
    "<p>The council said the bridge would stay shut for at least a month while repairs were planned.</p>"


def page(top: str, title: str = STORY[0]) -> bytes:
    return (f"<html><head><title>{title} | Harbour Post</title></head><body><main><article>{top}"
            f"<h1>{title}</h1>{BODY_HTML}</article></main></body></html>").encode()


@pytest.mark.parametrize("label", [
    '<span class="antetitulo">EE UU</span>',
    '<p class="blog-name">Harbour Watch: Ann Reid on the port</p>',
    '<p class="kicker">Exclusive</p>',
])
def test_a_label_above_the_headline_is_no_story_row_and_no_column_head(label: str) -> None:
    article = read_page(page(label), "x", "x")
    first = next(p for p in article.paragraphs if p.kind == "headline")
    assert first.text == STORY[0]
    assert [p.kind for p in article.paragraphs if p.text in label] == ["boilerplate"]
    assert all(p.kind != "body" or p.text in BODY_HTML for p in article.paragraphs)


# ---------------------------------------------------------------- a page with no story


@pytest.mark.parametrize("notice", [
    "We use cookies to personalize content and ads.",
    "This site uses cookies. By using this site you consent to our Privacy Policy.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
    "Wir verwenden Cookies, um Inhalte zu personalisieren.",
])
def test_a_page_of_furniture_only_says_it_has_no_article_text(notice: str) -> None:
    html = (f"<html><head><title>Page not found | CNN</title></head><body><nav><a>Home</a></nav>"
            f"<h1>Page not found</h1><p>{notice}</p><button>Accept all cookies</button>"
            f"<footer>© 2008 Cable News Network</footer></body></html>").encode()
    with pytest.raises(Unusable, match="no article text"):
        read_page(html, "x", "x")
    assert text_kind(notice) == "boilerplate"


def test_a_story_sentence_on_cookies_stays() -> None:
    line = "Eastgate Ferries said its site uses cookies to follow 3,000 passengers a day."
    assert text_kind(line) == "body"


def text_kind(line: str) -> str:
    return kinds([*STORY, line, "The council said the bridge would stay shut for at least a month."])[line]


# ---------------------------------------------------------------- photo captions

CAPTION = "Divers inspect the cracked pier of the harbour bridge on Wednesday morning, hours after the strike."


def test_a_photo_caption_is_kept_as_boilerplate_where_it_stands() -> None:
    figure = f'<figure><img src="x.jpg"><figcaption>{CAPTION}</figcaption></figure>'
    html = (f"<html><head><title>{STORY[0]}</title></head><body><article><h1>{STORY[0]}</h1>"
            f"<p>{STORY[2]}</p>{figure}<p>{STORY[3]}</p>"
            f"<p>The council said the bridge would stay shut for at least a month while repairs were planned.</p>"
            f"</article></body></html>").encode()
    texts = [(p.kind, p.text) for p in read_page(html, "x", "x").paragraphs]
    assert ("boilerplate", CAPTION) in texts
    at = texts.index(("boilerplate", CAPTION))
    assert texts[at - 1] == ("body", STORY[2]) and texts[at + 1] == ("body", STORY[3])


def test_a_caption_under_the_headline_leaves_the_byline_under_it_read() -> None:
    figure = f'<figure><img src="x.jpg"><figcaption>{CAPTION}</figcaption></figure>'
    html = (f"<html><head><title>{STORY[0]}</title></head><body><article><h1>{STORY[0]}</h1>{figure}"
            f"<p>By Ann Reid</p>{BODY_HTML}</article></body></html>").encode()
    article = read_page(html, "x", "x")
    assert article.byline == "Ann Reid"
    assert {p.text: p.kind for p in article.paragraphs}[CAPTION] == "boilerplate"


def test_a_caption_in_a_teaser_box_is_not_read() -> None:
    teaser = '<aside class="related"><figure><figcaption>Ferry passengers queue at the terminal in the rain on a busy Monday.</figcaption></figure></aside>'
    html = (f"<html><head><title>{STORY[0]}</title></head><body><article><h1>{STORY[0]}</h1>"
            f"{BODY_HTML}</article>{teaser}</body></html>").encode()
    assert not any("Ferry passengers" in p.text for p in read_page(html, "x", "x").paragraphs)


# ---------------------------------------------------------------- two articles on a page

SECOND = ("<article><h2>Ferry runs aground off Westpoint</h2><p>Coastguard crews freed a ferry that ran aground off Westpoint "
          "on Tuesday evening with 200 passengers aboard.</p><p>No one was hurt, the ferry company said, and the ship was towed "
          "back to port for checks overnight.</p></article>")


def test_a_second_article_on_the_page_is_said_in_one_line() -> None:
    html = (f"<html><head><title>{STORY[0]}</title></head><body><div><article><h1>{STORY[0]}</h1>{BODY_HTML}</article>"
            f"{SECOND}</div></body></html>").encode()
    with pytest.raises(Truncated, match="1 other article on the page not read: 'Ferry runs aground off Westpoint'") as cut:
        read_page(html, "x", "x")
    assert not any("ferry" in p.text.casefold() for p in cut.value.article.paragraphs)


def test_teasers_in_articles_are_no_second_article() -> None:
    teasers = "".join(f"<article><h3><a>{h}</a></h3><p>{b}</p></article>" for h, b in [
        ("Ferry runs aground off Westpoint", "Coastguard crews freed a ferry that ran aground on Tuesday evening."),
        ("Tolls rise on the ring road", "Drivers will pay a pound more from January, the council said on Monday.")])
    html = (f"<html><head><title>{STORY[0]}</title></head><body><article><h1>{STORY[0]}</h1>{BODY_HTML}</article>"
            f"<section class='related'><h2>More news</h2>{teasers}</section><div>{teasers}</div></body></html>").encode()
    read_page(html, "x", "x")
