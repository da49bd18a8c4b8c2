"""Issue 14: what only one source says is marked whole, not in shards."""

from __future__ import annotations

import json
from dataclasses import replace

from rich.style import Style

from storyview.engine.align import align
from storyview.engine.unique import find_unique
from storyview.exports.html import esc
from storyview.exports.json_export import to_json
from storyview.exports.markdown import md_escape
from storyview.exports.report import render
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings, Story
from storyview.pipeline import story_from
from storyview.reader.widgets.marked import MarkStyles, marked_text

BRIDGE = "Part of the Kestrel Street Bridge fell into the Wren River on Tuesday, and two buses went with it."
BRIDGE_B = "Two buses went into the Wren River on Tuesday when part of the Kestrel Street Bridge fell."


def build(*texts: str) -> Story:
    articles = [parse_article(chr(ord("a") + i), f"{i}.txt", t) for i, t in enumerate(texts)]
    return story_from(Loaded(articles=articles), Settings())


def marked(story: Story, source: str, paragraph: int = 0) -> list[str]:
    text = story.paragraph(Member(source, paragraph)).text
    return [text[s:e] for s, e in story.unique(Member(source, paragraph))]


def test_a_quote_no_other_source_quotes_is_marked_whole() -> None:
    s = build(
        f"{BRIDGE} The mayor said: “We will not back down from this fight, and the bridge will be rebuilt.”",
        f"{BRIDGE_B} The mayor promised the bridge would be rebuilt.",
    )
    assert any("We will not back down from this fight" in m for m in marked(s, "a")), marked(s, "a")


def test_a_quote_another_source_also_quotes_is_not_marked_whole() -> None:
    s = build(
        f"{BRIDGE} “We will not back down from this fight,” the mayor said.",
        f"{BRIDGE_B} The mayor vowed: “We will not back down.”",
    )
    assert not any("not back down" in m for m in marked(s, "a")), marked(s, "a")
    assert not any("not back down" in m for m in marked(s, "b")), marked(s, "b")


def test_a_clause_only_one_source_tells_is_one_mark() -> None:
    s = build(
        f"{BRIDGE} The chief sent a message to every officer in the city about the closure.",
        f"{BRIDGE_B} The chief spoke about the closure.",
    )
    assert any("message to every officer in the city" in m for m in marked(s, "a")), marked(s, "a")


def test_a_shared_name_standing_alone_is_not_marked() -> None:
    s = build(
        f"{BRIDGE} Engineer Dana Whitfield had warned about the bridge in March.",
        f"{BRIDGE_B} Dana Whitfield, an engineer, had warned about the bridge.",
    )
    assert not any("Whitfield" in m for m in marked(s, "a") + marked(s, "b"))


def test_a_sentence_told_in_other_words_is_not_marked_whole() -> None:
    """The hook for a semantic matcher: a close sentence match in the alignment, whatever its
    words, keeps a sentence from being marked whole; its own names and figures stay marked."""
    a = "Residents of Millbrook gathered in a school gym. Crews hauled 40 tonnes of debris from the Alder Canal overnight."
    b = "Millbrook residents met in a gymnasium. Workers removed wreckage from the waterway during the night."
    articles = [parse_article("a", "a.txt", a), parse_article("b", "b.txt", b)]
    settings = Settings()
    alignment = align(articles, settings)
    x = next(i for i, u in enumerate(alignment.units) if u.member.source == "a")
    y = next(i for i, u in enumerate(alignment.units) if u.member.source == "b")
    before = find_unique(alignment, settings)[Member("a", 0)]
    text = alignment.units[x].text
    assert any("Crews hauled" in text[s:e] for s, e in before.unique)
    links = dict(alignment.sentence_links)
    # The score the alignment gives a sentence pair it matched by meaning, not by words.
    links[(x, 1)] = [*links.get((x, 1), []), (y, 1, 0.5)]
    links[(y, 1)] = [*links.get((y, 1), []), (x, 1, 0.5)]
    after = find_unique(replace(alignment, sentence_links=links), settings)[Member("a", 0)]
    second = text.index("Crews")
    kept = [text[s:e] for s, e in after.unique if s >= second]
    assert kept and all("hauled" not in k for k in kept), kept
    assert any("40" in k for k in kept) and any("Alder Canal" in k for k in kept), kept


def test_the_reader_and_every_export_mark_the_same_spans(seed_story) -> None:
    plain = Style()
    styles = MarkStyles(plain, Style(bold=True), (plain, plain, plain), plain, plain)
    data = json.loads(to_json(seed_story))
    report_md = render(seed_story, "md")
    report_html = render(seed_story, "html")
    for a, source in zip(seed_story.articles, data["sources"]):
        for p, para in zip(a.paragraphs, source["paragraphs"]):
            spans = seed_story.unique(Member(a.id, p.index))
            assert [tuple(s) for s in para["unique"]] == list(spans)
            text = marked_text(p.text, styles, seed_story.marks.get(Member(a.id, p.index)))
            bold = sorted((s.start, s.end) for s in text.spans if s.style == styles.unique)
            assert bold == sorted(spans)
            for start, end in spans:
                piece = p.text[start:end]
                assert f"<mark>{esc(piece)}</mark>" in report_html, piece
                assert f"**{md_escape(piece)}**" in report_md, piece


def test_a_straight_quote_mark_seen_alone_opens_no_quotation() -> None:
    """`Ortiz"not only … County," Baca said.` (a mark lost in the copy): the closing mark must
    not open a quotation that runs to the paragraph's end and marks what follows whole."""
    from storyview.engine.unique import quotations
    from storyview.findings.quotes import spans

    text = 'Ortiz"not only served well," Baca said. Schools stayed closed the next day.'
    assert quotations(text) == []
    assert spans(text) == []
    text = 'He said "we will stay" and left.'
    assert [text[a:b] for a, b in quotations(text)] == ["we will stay"]


def test_a_word_the_counterpart_sentence_uses_ends_a_passage() -> None:
    """Common-ground words ("bridge", in every paragraph) bridge two unique ones; one the
    matching sentence uses too is what the two tell alike, and ends the passage."""
    s = build(
        f"{BRIDGE} Inspectors from the state found deep rust on the bridge cables last spring, the state said.",
        f"{BRIDGE_B} Inspectors from the state said the bridge was unsafe, the state said.",
        f"{BRIDGE} The bridge had been closed once before.",
    )
    assert "found deep rust" in marked(s, "a") and "cables last spring" in marked(s, "a"), marked(s, "a")
    assert not any("bridge" in m for m in marked(s, "a")), marked(s, "a")


def test_a_sentence_is_compared_with_its_closest_by_meaning_in_each_source() -> None:
    """Where one outlet tells a fact in passing in another part of the story, the paragraph
    pair holding it is compared word by word, whether or not the two were grouped."""
    from storyview.engine.match import nearest_by_meaning

    a = [BRIDGE, "Engineers had warned about cracks in the deck for years, an audit shows.",
         "The governor flew over the valley. Volunteers handed out water and blankets to people waiting outside."]
    b = [BRIDGE_B, "Rail services to the coast were cancelled until further notice.",
         "The mayor thanked the divers by name. People waiting outside were given blankets and water by volunteers."]
    articles = [parse_article("a", "a.txt", "\n\n".join(a)), parse_article("b", "b.txt", "\n\n".join(b))]
    alignment = align(articles, Settings())
    if alignment.vectors is None:
        return
    index = {u.member: i for i, u in enumerate(alignment.units)}
    first = (index[Member("a", 0)], index[Member("b", 0)])
    pairs = nearest_by_meaning(alignment.vectors, alignment.units, {first: 0.5})
    assert (index[Member("a", 2)], index[Member("b", 2)]) in pairs
    assert (index[Member("a", 1)], index[Member("b", 1)]) not in pairs  # nothing alike there
    assert nearest_by_meaning(alignment.vectors, alignment.units, {}) == set()
