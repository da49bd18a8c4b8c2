"""Noncharacters (U+FFFF, U+FFFE, U+FDD0…, the last two of every plane) are no text: dropped,
never a reason to lose the page (try32: one `&#65535;` gave "no article text found")."""

from __future__ import annotations

import pytest

from storyview.inputs import web
from storyview.inputs.text import clean

SENTENCES = [
    "The city council approved a new transit budget of $12 million on Tuesday after a long debate.",
    "Electric buses will be bought first, the mayor said, and the diesel fleet retired over three years.",
]


@pytest.mark.parametrize("odd", ["&#65535;", "&#xFFFE;", "&#xfdd0;", "&#x1FFFF;", "&#1114111;", "\uffff", "\ufffe", "\U0010fffe"])
def test_a_noncharacter_in_a_page_is_dropped_and_the_page_kept(odd: str) -> None:
    body = "".join(f"<p>{s[:20]}{odd}{s[20:]}</p>" for s in SENTENCES)
    page = web.extract(clean(f"<!DOCTYPE html><html><head><title>Budget</title></head><body><article>{body}</article></body></html>"))
    assert page is not None
    assert [t for t, heading in page.blocks if not heading] == SENTENCES


def test_clean_drops_noncharacters_only() -> None:
    assert clean("a\ufdd0b\ufdefc\ufffed\uffffe\U0001fffef\U0010ffff") == "abcdef"
    assert clean("\ufdcf\ufdf0\ufffd\U0001fffd") == "\ufdcf\ufdf0\ufffd\U0001fffd"
