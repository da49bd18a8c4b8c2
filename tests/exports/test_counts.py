"""Counts in the reports and messages read "1 source", "1 story", never "1 sources"."""

from __future__ import annotations

import lxml.html
from story_factories import article, body
from storyview.exports.collection import collection_html, collection_markdown
from storyview.exports.html import to_html
from storyview.exports.markdown import markdown
from storyview.exports.tei import to_tei
from storyview.model import Collection, Group, Member, Story, StoryEntry, counted


def test_counted_says_one_thing_and_many_things() -> None:
    assert counted(1, "story") == "1 story"
    assert counted(0, "story") == "0 stories"
    assert counted(2, "day") == "2 days"
    assert counted(2_225, "article") == "2,225 articles"
    assert counted(3, "file of another kind", "files of other kinds") == "3 files of other kinds"


def _lone(id: str, text: str) -> Story:
    a = article(id, body(text))
    return Story((a,), (Group(1, text[:20], (Member(id, 0),)),))


def _pair() -> Story:
    a = article("a", body("The council approved the budget on Monday after a long debate."))
    b = article("b", body("On Monday the council approved its budget after a long debate."))
    return Story((a, b), (Group(1, "The council approved", (Member("a", 0), Member("b", 0))),))


def test_a_story_of_one_source_and_one_group_is_counted_in_the_singular() -> None:
    story = _lone("solo", "A lone report of a fire at the old mill on Friday night.")
    assert "· 1 source · 1 group ·" in markdown(story)
    assert "· 1 source · 1 group ·" in lxml.html.fromstring(to_html(story)).text_content()
    assert "told by 1 source<" in to_tei(story)


def test_the_contents_of_several_stories_count_each_one_in_the_singular_or_plural() -> None:
    pair, lone = _pair(), _lone("solo", "A lone report of a fire at the old mill on Friday night.")
    lone = Story(lone.articles, lone.groups, id=2, label="fire at the mill")
    pair = Story(pair.articles, pair.groups, id=1, label="council budget")
    collection = Collection((*pair.articles, *lone.articles),
                            (StoryEntry(1, "council budget", ("a", "b")), StoryEntry(2, "fire at the mill", ("solo",))))
    md = collection_markdown(collection, [pair, lone])
    assert "(#story-1) · 2 sources" in md and "(#story-2) · 1 source\n" in md
    assert md.startswith("# 2 stories") and "· 3 articles · 2 stories." in md
    page = lxml.html.fromstring(collection_html(collection, [pair, lone]))
    assert [li.text_content().split(" · ")[1] for li in page.xpath("//nav[@id='contents']//li")] == ["2 sources", "1 source"]
    one = Collection(lone.articles, (StoryEntry(2, "fire at the mill", ("solo",)),))
    assert "· 1 article · 1 story." in collection_markdown(one, [lone, lone])
