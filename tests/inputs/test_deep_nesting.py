"""Input nested deeper than a parser's limit keeps its words: the nesting is flattened, never
the text after it dropped (try32: a list ten deep lost every paragraph after it)."""

from __future__ import annotations

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
