"""TEI P5 export: well-formed, in the TEI namespace, one witness per source, one app per shared group."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from storyview.cli import main
from storyview.exports.tei import TEI_NS, to_tei
from storyview.model import Article, Group, Marks, Member, Paragraph, Story

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def parse(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_seed_story_as_tei(seed_story: Story) -> None:
    root = parse(to_tei(seed_story))
    assert root.tag == f"{{{TEI_NS}}}TEI"
    witnesses = root.findall(".//t:listWit/t:witness", NS)
    ids = [w.get(XML_ID) for w in witnesses]
    assert len(ids) == len(seed_story.articles) == len(set(ids))
    assert [w.get("n") for w in witnesses] == [a.id for a in seed_story.articles]
    shared = [g for g in seed_story.groups if len(set(g.sources)) >= 2]
    apps = root.findall(".//t:body//t:app", NS)
    assert len(apps) == len(shared)
    for app, group in zip(apps, shared):
        readings = app.findall("t:rdg", NS)
        assert len(readings) == len(set(group.sources))
        assert [r.get("wit") for r in readings] == [f"#{ids[[a.id for a in seed_story.articles].index(s)]}"
                                                    for s in dict.fromkeys(group.sources)]
    assert root.find(".//t:variantEncoding", NS).get("method") == "parallel-segmentation"
    segs = root.findall(".//t:seg[@type='unique']", NS)
    spans = sum(len(m.unique) for m in seed_story.marks.values())
    assert segs and len(segs) == spans
    every_ref = {r.get("wit") for r in root.iter(f"{{{TEI_NS}}}rdg")} | {
        ab.get("corresp") for ab in root.iter(f"{{{TEI_NS}}}ab") if ab.get("corresp")}
    assert every_ref <= {f"#{i}" for i in ids}


def test_every_word_of_every_body_paragraph_is_in_the_tei(seed_story: Story) -> None:
    root = parse(to_tei(seed_story))
    body_text = " ".join("".join(root.find(".//t:body", NS).itertext()).split())
    for article in seed_story.articles:
        for paragraph in article.body:
            assert " ".join(paragraph.text.split()) in body_text


def test_hostile_text_stays_data() -> None:
    nasty = 'A <script>alert("x")</script> & ]]> \x0b\x01 \ufffe tail'
    a = Article("a&b", "a", (Paragraph(0, "body", nasty),), title="<T>")
    b = Article("b", "b", (Paragraph(0, "body", "Alert tail."),))
    marks = {Member("a&b", 0): Marks(unique=((2, 10),))}
    story = Story((a, b), (Group(1, "x <y>", (Member("a&b", 0), Member("b", 0))),), marks)
    root = parse(to_tei(story))
    rdg = root.find(".//t:rdg", NS)
    assert "<script>" in "".join(rdg.itertext())
    assert root.find(".//t:seg", NS).text == "<script>"
    assert root.find(".//t:witness", NS).get("n") == "a&b"


def test_a_group_told_by_one_source_points_at_its_witness() -> None:
    a = Article("a", "a", (Paragraph(0, "body", "Only here."),))
    b = Article("b", "b", (Paragraph(0, "body", "Elsewhere."),))
    story = Story((a, b), (Group(1, "here", (Member("a", 0),)), Group(2, "else", (Member("b", 0),))),
                  {Member("a", 0): Marks(unique=((0, 9),))})
    root = parse(to_tei(story))
    assert not root.findall(".//t:app", NS)
    abs_ = root.findall(".//t:ab", NS)
    assert [ab.get("corresp") for ab in abs_] == ["#w1", "#w2"]
    assert abs_[0].find("t:seg", NS).text == "Only here"


def test_report_tei_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYVIEW_DATA", str(tmp_path / "data"))
    out = tmp_path / "story.xml"
    assert main(["--report", "tei", "-o", str(out)]) == 0
    root = parse(out.read_text(encoding="utf-8"))
    assert len(root.findall(".//t:witness", NS)) == 5 and root.findall(".//t:app", NS)
