"""Input nested deeper than a parser's limit keeps its words: the nesting is flattened, never
the text after it dropped (try32: a list ten deep lost every paragraph after it)."""

from __future__ import annotations

from storyview.inputs import web
from storyview.inputs.markdown import parse

WORDS = "word{} stays in the article text"


def _texts(markdown: str) -> str:
    return "\n".join(text for text, _ in parse(markdown).blocks)


def test_a_list_nested_deeper_than_the_limit_keeps_every_item_and_what_follows() -> None:
    items = "\n".join("  " * depth + "- " + WORDS.format(depth) for depth in range(12))
    text = _texts(f"Before the list.\n\n{items}\n\nAfter the list, a paragraph.\n")
    for depth in range(12):
        assert WORDS.format(depth) in text
    assert text.startswith("Before the list.") and text.endswith("After the list, a paragraph.")


def test_a_blockquote_nested_deep_is_kept() -> None:
    text = _texts("> " * 20 + "Deep quote words.\n\nNext paragraph.\n\n" + "> " * 300 + "Deeper still.\n")
    assert text.split("\n") == ["Deep quote words.", "Next paragraph.", "Deeper still."]


def test_shallow_structure_is_untouched() -> None:
    blocks = parse("- one\n  - two\n\n> quoted\n\n    code line\n").blocks
    assert blocks == [("one", False), ("two", False), ("quoted", False), ("code line", False)]


SENTENCE = "Paragraph {} of the council story tells what the mayor said about the buses on Tuesday."


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Old page</title></head><body><h1>Old page</h1>{body}</body></html>"


def test_html_nested_past_the_parsers_depth_keeps_its_text() -> None:
    """300 unclosed `<div><font>` (an old page's markup) nest 600 deep; libxml2 stops at 256."""
    page = web.extract(_page("".join(f'<div><font face="arial">{SENTENCE.format(i)}<br>' for i in range(300))))
    assert page is not None
    text = " ".join(t for t, _ in page.blocks)
    assert all(SENTENCE.format(i) in text for i in range(300))


def test_shallow_html_is_left_as_it_is() -> None:
    html = _page("<div><p>One <b>bold</b> word.</p><p>Two<br/><img src=x></p></div>" * 50 + "<p>open<p>again" * 400)
    assert web.shallow(html) is html


def test_too_deep_html_is_closed_at_half_the_limit() -> None:
    shallower = web.shallow(_page("<div>x" * (web.MAX_DEPTH + 10)))
    assert shallower.count("<div>") == web.MAX_DEPTH + 10
    assert shallower.count("</div>") == web.MAX_DEPTH - web.MAX_DEPTH // 2  # the deepest half
