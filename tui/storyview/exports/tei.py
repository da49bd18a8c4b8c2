"""The Story as TEI P5 XML in parallel segmentation, for collation tools.

Each source is a `<witness>` of the `<listWit>`; each group is an `<ab>` of the body. A group
two or more sources tell is one `<app>` with an `<rdg wit="#id">` per telling; a group one
source alone tells is its text, pointing at its witness (`corresp`). Inside every telling, what
only that source says is a `<seg type="unique">`, as the reader marks it. Article text is data:
characters XML 1.0 cannot hold are left out, everything else is escaped by the serialiser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from storyview import __version__
from storyview.exports.wording import report_title
from storyview.model import Member, Story, counted

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _clean(text: str) -> str:
    return NOT_XML.sub("", text)


def witness_ids(story: Story) -> dict[str, str]:
    """One xml:id per source: `w` and its number, since a source id need not be an XML name."""
    return {a.id: f"w{n}" for n, a in enumerate(story.articles, 1)}


def _add_text(parent: ET.Element, text: str) -> None:
    """Append `text` to `parent`'s content, after its last child if it has one."""
    text = _clean(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _telling(parent: ET.Element, story: Story, members: list[Member]) -> None:
    """The paragraphs of one source in one group, each after a paragraph milestone, unique spans as seg."""
    for member in members:
        ET.SubElement(parent, _t("milestone"), unit="paragraph", n=str(member.paragraph + 1))
        text = story.paragraph(member).text
        at = 0
        for start, end in sorted(story.unique(member)):
            if start < at or end <= start:
                continue
            _add_text(parent, text[at:start])
            seg = ET.SubElement(parent, _t("seg"), type="unique")
            seg.text = _clean(text[start:end])
            at = end
        _add_text(parent, text[at:])


def to_tei(story: Story) -> str:
    """The whole story as one TEI document (a string, with its XML declaration)."""
    ET.register_namespace("", TEI_NS)
    ids = witness_ids(story)
    tei = ET.Element(_t("TEI"))
    header = ET.SubElement(tei, _t("teiHeader"))
    file_desc = ET.SubElement(header, _t("fileDesc"))
    title_stmt = ET.SubElement(file_desc, _t("titleStmt"))
    ET.SubElement(title_stmt, _t("title")).text = _clean(report_title(story))
    ET.SubElement(title_stmt, _t("title"), type="sub").text = f"One story told by {counted(len(story.articles), 'source')}"
    publication = ET.SubElement(file_desc, _t("publicationStmt"))
    ET.SubElement(publication, _t("p")).text = f"Aligned and exported by storyview {__version__}."
    source_desc = ET.SubElement(file_desc, _t("sourceDesc"))
    list_wit = ET.SubElement(source_desc, _t("listWit"))
    for article in story.articles:
        witness = ET.SubElement(list_wit, _t("witness"), {XML_ID: ids[article.id], "n": _clean(article.id)})
        witness.text = _clean(", ".join(x for x in (article.name, article.date, article.byline) if x))
    encoding = ET.SubElement(header, _t("encodingDesc"))
    ET.SubElement(encoding, _t("variantEncoding"), method="parallel-segmentation", location="internal")
    body = ET.SubElement(ET.SubElement(tei, _t("text")), _t("body"))
    rank = {a.id: n for n, a in enumerate(story.articles)}
    for group in story.groups:
        by_source: dict[str, list[Member]] = {}
        for member in group.members:
            if story.paragraph(member).kind == "body":
                by_source.setdefault(member.source, []).append(member)
        if not by_source:
            continue
        ab = ET.SubElement(body, _t("ab"), {"type": "group", XML_ID: f"g{group.id}", "n": _clean(group.label)})
        sources = sorted(by_source, key=rank.__getitem__)
        if len(sources) == 1:
            ab.set("corresp", f"#{ids[sources[0]]}")
            _telling(ab, story, by_source[sources[0]])
            continue
        app = ET.SubElement(ab, _t("app"))
        for source in sources:
            rdg = ET.SubElement(app, _t("rdg"), wit=f"#{ids[source]}")
            _telling(rdg, story, by_source[source])
    ET.indent(tei, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tei, encoding="unicode") + "\n"
