"""Saved news pages read right (tryout 14): paywall calls, standards lines and credited photo
captions are furniture; dates a page prints are read; bylines and outlets are tidy; a standfirst
the extraction drops is kept. All text is made up for these tests.
"""

from __future__ import annotations

import pytest
from storyview.inputs.boilerplate import is_cue
from storyview.inputs.load import read_article, read_page
from storyview.inputs.parse import byline_names, parse_article

STORY = [
    "Harbour bridge shut after barge strike",
    "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic.",
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
]


def text_kinds(text: str) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", text).paragraphs}


# ---------------------------------------------------------------- furniture


@pytest.mark.parametrize("line", [
    "Want to read more? Subscribe to the Harbour Post from just £1 for your first month.",
    "Subscribe to the Eastgate Echo for $2 a week.",
    "Our Standards: The Harbour Media Trust Principles.",
    "Editorial standards: how we report on the port.",
    "Learn more about our editorial standards and corrections.",
    "The barge was towed clear of the bridge on Wednesday morning. Image source, Getty Images",
    "Engineers inspect the cracked support on Wednesday. Photograph: Jo Bloggs/Shutterstock",
    "Divers check the pier after the strike. Picture: Ann Reid",
    "Traffic queues at the closed bridge (Photo: Harbour Post)",
])
def test_paywall_standards_and_credited_captions_are_furniture(line: str) -> None:
    assert is_cue(line)
    got = text_kinds("\n\n".join([*STORY[:2], line, STORY[2]]))
    assert got[line] == "boilerplate"
    assert got[STORY[2]] == "body"


@pytest.mark.parametrize("line", [
    "The overall picture: the bridge will stay shut for weeks, the engineer said.",
    "Subscribers to the ferry service pay £3 for a return ticket, the operator said.",
    "Our standards are high, and this barge fell short of them, the port authority said.",
    "The council said the picture, taken on Friday, showed the barge drifting for an hour.",
    "The company said its editorial principles were being reviewed after the complaint.",
    "Want to know why the barge drifted? Inspectors are still asking, the mayor said.",
])
def test_story_lines_like_furniture_stay(line: str) -> None:
    assert not is_cue(line)
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "body"


# ---------------------------------------------------------------- dates a page prints

BODY = "".join(f"<p>{p}</p>" for p in STORY[1:]) + \
    "<p>The harbour master said ferries would run a longer route around the headland until the bridge reopens.</p>"


def page(head: str = "", top: str = "", tail: str = "", title: str = "Harbour bridge shut after barge strike") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<main><h1>Harbour bridge shut after barge strike</h1>{top}<div class='article-body'>{BODY}</div>"
            f"{tail}</main></body></html>").encode()


@pytest.mark.parametrize("stamp", [
    "<time>March 3, 2031 6:31 PM GMT Updated 2 hours ago</time>",
    "<div class='timestamp'>Updated 2:05 PM EST, Mon March 3, 2031</div>",
    "<details><summary>Mon 3 Mar 2031 18.02 GMT</summary></details>",
    "<p>Published: 3 March 2031</p>",
])
def test_a_date_the_page_prints_is_its_date(stamp: str) -> None:
    assert read_page(page(top=stamp), "x", "x").date == "2031-03-03"


@pytest.mark.parametrize("elsewhere", [
    "<div class='comments'><p>Harbour Joe</p><p>4 March 2031 10:15</p></div>",
    "<ul class='more'><li><a>Barge owner fined</a> <span>4 March 2031</span></li></ul>",
    "<aside><p>Published 4 March 2031</p></aside>",
])
def test_a_date_in_comments_or_teasers_is_no_date_of_the_page(elsewhere: str) -> None:
    assert read_page(page(tail=elsewhere), "x", "x").date is None


@pytest.mark.parametrize("url", [
    "https://www.harbour.example/uk-news/2031/mar/03/bridge-shut",
    "https://harbour.example/news/2031/03/03/bridge-shut.html",
])
def test_a_date_in_the_page_address_is_its_date_where_it_prints_none(url: str) -> None:
    assert read_page(page(), "x", "x", url=url).date == "2031-03-03"


def test_an_mhtml_file_s_date_is_the_page_s_where_it_prints_none(tmp_path) -> None:
    html = page().decode()
    saved = ("From: <Saved by Blink>\nSubject: Harbour bridge shut\nDate: Mon, 3 Mar 2031 19:00:00 -0000\n"
             "MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype=\"text/html\";\n\tboundary=\"--b--\"\n\n"
             "----b--\nContent-Type: text/html\nContent-Location: https://harbour.example/bridge\n\n"
             f"{html}\n----b----\n")
    path = tmp_path / "bridge.mhtml"
    path.write_text(saved, encoding="utf-8")
    assert read_article(path, "x").date == "2031-03-03"


# ---------------------------------------------------------------- bylines and outlets


@pytest.mark.parametrize(("stated", "outlet", "shown"), [
    ("Val Sweeney; Updated", "Harbour Courier", "Val Sweeney"),
    ("Lauren Moor; Harbour News", "Harbour News", "Lauren Moor"),
    ("Ann Reid; Published", None, "Ann Reid"),
    ("Ann Reid; Reuters", None, "Ann Reid"),
    ("Ann Reid; Tom Okafor", "Harbour News", "Ann Reid; Tom Okafor"),
    ("Harbour News", "Harbour News", None),
    ("Joe Holley; Michael Dobbs Washington Post Staff Writers Friday; Page A", "The Washington Post",
     "Joe Holley; Michael Dobbs"),
    ("Ann Reid Senior Correspondent", "Harbour News", "Ann Reid"),
    ("Ann Reid Harbour Post Staff Writer", "harbourpost.com", "Ann Reid"),
    ("Ann Reid, Harbour News Staff Writer", "Harbour News", "Ann Reid"),
    ("Ann Reid, Jo Lee and Tom Okafor, Staff Writers", "Harbour News", "Ann Reid, Jo Lee and Tom Okafor"),
    ("Ann Writer; Tom Page", None, "Ann Writer; Tom Page"),  # names, whatever they are
])
def test_a_stated_byline_sheds_stamp_words_and_the_outlet(stated: str, outlet: str | None, shown: str | None) -> None:
    assert byline_names(stated, outlet) == shown


def test_a_page_byline_run_into_its_outlet_names_the_writer_only() -> None:
    got = read_page(page(top="<div class='byline'><span>By Lauren Moor, Harbour News</span></div>",
                         title="Harbour bridge shut after barge strike | Harbour News"), "x", "x")
    assert got.byline == "Lauren Moor" and got.outlet == "Harbour News"


@pytest.mark.parametrize(("title", "outlet"), [
    ("Harbour bridge shut after barge strike | Eastgate | The Harbour Post", "The Harbour Post"),
    ("Harbour bridge shut after barge strike | UK news | The Harbour Post", "The Harbour Post"),
    ("Harbour bridge shut after barge strike | The Harbour Post", "The Harbour Post"),
    ("Harbour bridge shut after barge strike - a long story of the port and its many troubles | Post", None),
])
def test_the_outlet_is_the_last_part_of_a_title_after_its_sections(title: str, outlet: str | None) -> None:
    assert read_page(page(title=title), "x", "x").outlet == outlet


def test_a_title_s_outlet_wins_over_a_host_name() -> None:
    got = read_page(page(title="Harbour bridge shut after barge strike | Eastgate | The Harbour Post"), "x", "x",
                    url="https://www.harbourpost.example/eastgate/bridge")
    assert got.outlet == "The Harbour Post"


# ---------------------------------------------------------------- standfirst

LEAD = "Drivers face a forty-minute detour while engineers check every support of the bridge"


def body_texts(data: bytes) -> list[str]:
    return [p.text for p in read_page(data, "x", "x").paragraphs if p.kind == "body"]


@pytest.mark.parametrize(("head", "top"), [
    ("", f"<div class='standfirst'><p>{LEAD}</p></div>"),
    ("", f"<p class='article-dek'>{LEAD}</p>"),
    (f"<meta name='description' content=\"{LEAD}\">", f"<p>{LEAD}</p>"),
])
def test_a_standfirst_the_page_prints_is_the_first_paragraph(head: str, top: str) -> None:
    assert body_texts(page(head=head, top=top))[:2] == [LEAD, STORY[1]]


@pytest.mark.parametrize(("head", "top", "tail"), [
    (f"<meta name='description' content=\"{LEAD}\">", "", ""),  # a description no reader sees
    ("", "", f"<ul class='more'><li><p class='summary'>{LEAD}</p></li></ul>"),  # a teaser's
    ("", f"<div class='standfirst'>{STORY[1]}</div>", ""),  # the body holds it already
])
def test_no_standfirst_is_added_that_the_page_does_not_show_as_one(head: str, top: str, tail: str) -> None:
    got = body_texts(page(head=head, top=top, tail=tail))
    assert LEAD not in got and got.count(STORY[1]) == 1


KEY_POINTS = ["Engineers closed the Eastgate bridge after a barge struck it on Tuesday",
              "Repairs to two cracked supports will take at least six weeks"]


@pytest.mark.parametrize("box", [
    "<div class='lb-summary'><h3>What we know</h3><ul>{}</ul></div>",
    "<section class='key-points summary'><h2>Key points</h2><ol>{}</ol></section>",
])
def test_a_box_of_key_points_is_one_paragraph_an_item_not_one_run_together(box: str) -> None:
    got = body_texts(page(top=box.format("".join(f"<li>{item}</li>" for item in KEY_POINTS))))
    assert got[:2] == KEY_POINTS
    assert not any("What we know" in text or "Key points" in text for text in got)


def tables_page(header: str) -> bytes:
    """A page laid out in nested tables, as sites were before CSS: a menu cell, and a cell that
    holds a table of the headline, the byline and the story's paragraphs, each in a row."""
    rows = "".join(f"<tr><td class='bodytext'><font size='2'>{p}</font><br><br></td></tr>" for p in STORY[1:])
    return ("<html><head><title>Harbour bridge shut after barge strike - Eastgate Times</title></head><body>"
            "<table><tr><td colspan='2'><img alt='Eastgate Times'></td></tr>"
            "<tr><td><table><tr><td><a>Home</a></td></tr><tr><td><a>Local</a></td></tr></table></td>"
            "<td><table><tr><td><table><tr><td><font size='5'><b>Harbour bridge shut after barge strike</b></font></td></tr>"
            f"<tr><td><font size='1'>{header}</font></td></tr>"
            f"<tr><td><table>{rows}</table></td></tr>"
            "<tr><td><a>E-mail article</a> | <a>Print article</a></td></tr></table></td></tr></table></td></tr>"
            "</table></body></html>").encode()


def test_a_page_of_nested_tables_keeps_headline_byline_date_and_paragraphs_apart() -> None:
    got = read_page(tables_page("By Ann Lee<br>Mar 3, 2031 4:45 PM PT"), "x", "x")
    assert got.byline == "Ann Lee" and got.date == "2031-03-03"
    assert [p.text for p in got.paragraphs if p.kind == "body"] == STORY[1:]
    assert not any("Ann Lee" in p.text and "barge strike" in p.text for p in got.paragraphs)


def test_a_row_of_data_cells_stays_one_line_and_a_layout_cell_is_read_line_by_line() -> None:
    from lxml import etree

    from storyview.inputs.web import _walk

    blocks: list[tuple[str, bool]] = []
    _walk(etree.fromstring("<body><table><row><cell>Kestrel</cell><cell>Keller Shipping</cell></row>"
                           "<row><cell>By Ann Lee<lb/>Mar 3, 2031</cell></row></table></body>"), blocks)
    assert blocks == [("Kestrel · Keller Shipping", False), ("By Ann Lee", False), ("Mar 3, 2031", False)]
