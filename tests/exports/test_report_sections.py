"""A story's section in every report (try19): a group of many sources stays readable, the story
goes by one title in HTML, Markdown and TEI, and its warnings come before its rows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from markdown_it import MarkdownIt
from story_factories import article, body
from storyview.exports.collection import collection_html, collection_markdown
from storyview.exports.html import CSS, to_html
from storyview.exports.markdown import markdown
from storyview.exports.tei import TEI_NS, to_tei
from storyview.exports.wording import WIDE
from storyview.model import Collection, Group, Member, Story, StoryEntry

APART = "2 of 20 sources share no part of the story with the others (another story?): s18, s19"


def _story(sources: int = 20, story_id: int = 1, label: str = "council, budget, Monday") -> Story:
    """`sources` reports of one vote: all tell group 1 (the lede), the first three group 2."""
    ids = [f"s{k:02d}" for k in range(sources)]
    articles = tuple(
        article(i, body(f"Report {i}: the council approved the harbour budget on Monday after a long debate."),
                body(f"Report {i}: the mayor said the vote came late."), title=f"Headline of {i}")
        for i in ids
    )
    groups = (Group(1, "The council approved the harbour…", tuple(Member(i, 0) for i in ids)),
              Group(2, "The mayor said the vote…", tuple(Member(i, 1) for i in ids[:3])))
    return Story(articles, groups, warnings=(APART,), id=story_id, label=label)


def _collection(*stories: Story) -> Collection:
    return Collection(tuple(a for s in stories for a in s.articles),
                      tuple(StoryEntry(s.id, s.label, tuple(a.id for a in s.articles)) for s in stories))


# ------------------------------------------------------------ a group of many sources


def test_a_group_of_many_sources_is_a_wrapping_grid_of_readable_tellings() -> None:
    """18 columns of a 1400 px page were 50 px wide, their words over each other: a group of more
    than WIDE sources lays its tellings out as cards of a minimum width, as many a line as fit."""
    story = _story(20)
    tree = lxml.html.fromstring(to_html(story))
    wide = tree.xpath("//section[@data-group='1']")[0]
    assert not wide.xpath(".//table")
    cards = wide.xpath(".//div[@class='tellings']/div[@class='telling']")
    assert [c.get("data-source") for c in cards] == [a.id for a in story.articles]
    first = cards[0]
    assert first.xpath(".//span[@class='source-id']/text()") == ["s00"]
    assert "Headline of s00" in first.text_content() and "Report s00: the council approved" in first.text_content()
    rule = re.search(r"\.tellings \{([^}]*)\}", CSS)
    assert rule and re.search(r"grid-template-columns: repeat\(auto-fill, minmax\(\d+rem, 1fr\)\)", rule.group(1))


def test_a_group_of_three_sources_stays_side_by_side_in_a_table() -> None:
    story = _story(20)
    small = lxml.html.fromstring(to_html(story)).xpath("//section[@data-group='2']")[0]
    assert small.xpath(".//table[@class='side']//td/@data-source") == ["s00", "s01", "s02"]
    assert not small.xpath(".//div[@class='tellings']")
    assert WIDE >= 3


def test_markdown_lists_the_tellings_of_a_group_of_many_sources() -> None:
    """A Markdown table of 20 columns is as unreadable: each source's telling is a list item."""
    md = markdown(_story(20))
    wide = md.split("### Group 1 of 2")[1].split("### Group 2 of 2")[0]
    assert "| " not in wide
    items = [line for line in wide.splitlines() if line.startswith("- ")]
    assert len(items) == 20 and items[0] == "- s00 · Headline of s00"  # not bold: bold is text one source alone has
    html = MarkdownIt("commonmark").render(wide)
    first = lxml.html.fromstring(f"<div>{html}</div>").xpath("//ul/li")[0]
    assert first.xpath("./p/text()") == ["s00 · Headline of s00", "Report s00: the council approved the harbour budget on Monday after a long debate."]
    small = md.split("### Group 2 of 2")[1]
    assert "| s00 · Headline of s00 | s01 · Headline of s01 | s02 · Headline of s02 |" in small


# ------------------------------------------------------------ one title


def test_a_story_has_one_title_in_every_report() -> None:
    """The HTML section was titled by the lede ("Microsoft on Wednesday issued…"), the Markdown
    one and both contents by the split's label ("Microsoft, IE, Internet Explorer, Web")."""
    one, two = _story(4, 1), _story(3, 2, label="harbour, vote")
    title = one.title
    assert title == "The council approved the harbour…" and title != one.label
    assert lxml.html.fromstring(to_html(one)).xpath("//h1/text()") == [title]
    assert markdown(one).splitlines()[0] == f"# {title}"
    tei = ET.fromstring(to_tei(one))
    assert tei.findtext(f".//{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title") == title

    md = collection_markdown(_collection(one, two), [one, two])
    assert f"1. [{title}](#story-1)" in md and f"\n## Story 1: {title}\n" in md
    # The story list's label is no title: the contents give it after the count, so the story the
    # reader saw listed is found (try25), and nowhere else.
    assert md.count("harbour, vote") == 1 and "· 3 sources · harbour, vote\n" in md
    assert md.count("council, budget, Monday") == 1
    page = lxml.html.fromstring(collection_html(_collection(one, two), [one, two]))
    assert page.xpath("//nav[@id='contents']//li[1]/a/text()") == [title]
    assert page.xpath("//section[@id='story-1']//h2[1]/text()") == [title]
    assert page.text_content().count("harbour, vote") == 1
    assert page.xpath("//nav[@id='contents']//li[2]/span/text()") == ["harbour, vote"]


# ------------------------------------------------------------ warnings first


@pytest.mark.parametrize("several", [False, True])
def test_a_storys_warnings_come_before_its_rows_in_html(several: bool) -> None:
    story = _story(20)
    page = collection_html(_collection(story, _story(3, 2)), [story, _story(3, 2)]) if several else to_html(story)
    section = lxml.html.fromstring(page).xpath("//section[@class='story']")[0] if several else lxml.html.fromstring(page)
    ids = [s.get("id") for s in section.xpath(".//section[@id]")]
    prefix = "s1-" if several else ""
    assert ids.index(f"{prefix}warnings") < ids.index(f"{prefix}sources") < ids.index(f"{prefix}groups")
    warnings = section.xpath(f".//section[@id='{prefix}warnings']")[0]
    assert APART in warnings.text_content() and "warnings" in warnings.get("class", "")


@pytest.mark.parametrize("several", [False, True])
def test_a_storys_warnings_come_before_its_rows_in_markdown(several: bool) -> None:
    story = _story(20)
    md = collection_markdown(_collection(story, _story(3, 2)), [story, _story(3, 2)]) if several else markdown(story)
    part = md.split("## Story 1: ")[1].split("## Story 2: ")[0] if several else md
    assert part.index(APART) < part.index("## Sources") < part.index("## Groups")
    assert part.count(APART) == 1
    html = MarkdownIt("commonmark").enable("table").render(part)
    assert APART in lxml.html.fromstring(f"<div>{html}</div>").text_content()


def test_the_tables_of_many_sources_scroll_sideways_on_their_own(seed_story: Story) -> None:
    """The follows and figures tables of 21 sources were wider than the page, which scrolled
    sideways as a whole, and a figure's context stood in a column 70 px wide (try19): each wide
    table scrolls in its own box, a figure's column keeps a readable width on screen."""
    story = _story(20)
    tree = lxml.html.fromstring(to_html(story))
    for kind in ("follows", "coverage"):
        assert tree.xpath(f"//div[@class='scroll']/table[@class='{kind}']"), kind
    assert lxml.html.fromstring(to_html(seed_story)).xpath("//div[@class='scroll']/table[@class='figures']")
    assert re.search(r"\.scroll \{ overflow-x: auto;", CSS)
    assert re.search(r"table\.figures td\[data-source\] \{ min-width: \d+rem;", CSS)
    printed = CSS.split("@media print")[1]
    assert ".scroll { overflow: visible; }" in printed and "table.figures td[data-source] { min-width: 0; }" in printed
