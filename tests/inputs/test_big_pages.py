"""Saved pages whose bulk is inline data (a single-file save's base64 images, a script's JSON
state): the article is read whole, whatever the page's size; a page that is still too large
after its bulk is dropped says how much of it was read, in one line."""

from __future__ import annotations

import base64
import json

import pytest

from storyview.inputs import load as load_module
from storyview.inputs import web
from storyview.inputs.load import load
from storyview.inputs.slim import slim

PARAGRAPHS = [
    "The city council approved a new transit budget of $12 million on Tuesday after a debate that ran late into the night.",
    "Electric buses will be bought first, the mayor said, and the older diesel fleet will be retired over three years.",
    "Critics said the plan was too little, too late for riders on the east side, where service has been cut twice.",
]


def page(head: str = "", before: str = "", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council passes budget</title>{head}</head>"
            f"<body><article><h1>Council passes budget</h1>{before}{body}{after}</article></body></html>")


def image(size: int) -> str:
    """An <img> whose picture is inline: `size` bytes of base64, as a single-file save keeps it."""
    blob = base64.b64encode(bytes(range(256)) * (size // 342 + 1)).decode()[:size]
    return f'<figure><img src="data:image/jpeg;base64,{blob}" alt="The council"></figure>'


def next_data(size: int) -> str:
    return ('<script id="__NEXT_DATA__" type="application/json">'
            + json.dumps({"props": {"state": "x" * size, "html": "<p>not the article</p>"}}) + "</script>")


def texts(loaded) -> list[str]:
    return [p.text for p in loaded.articles[0].paragraphs]


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caps made small, so the pages of a test stay small too (the real ones are 1 MB, 10 MB, 100 MB)."""
    monkeypatch.setattr(load_module, "MAX_BYTES", 2_000)
    monkeypatch.setattr(load_module, "MAX_PAGE_MARKUP", 6_000)
    monkeypatch.setattr(load_module, "MAX_PAGE_BYTES", 200_000)


@pytest.mark.parametrize("bulk", ["image", "next_data", "style"])
def test_a_page_whose_bulk_is_inline_data_is_read_whole(write, small_caps, bulk: str) -> None:
    head = next_data(50_000) if bulk == "next_data" else f"<style>{'.a{color:red}' * 5_000}</style>" if bulk == "style" else ""
    path = write("big.html", page(head=head, before=image(50_000) if bulk == "image" else ""))
    loaded = load([path])
    assert loaded.warnings == []
    assert texts(loaded) == ["Council passes budget", *PARAGRAPHS]


def test_a_page_still_too_large_says_how_much_was_read(write, small_caps) -> None:
    filler = "".join(f"<p>Paragraph {n} of a very long article that keeps going on about the budget.</p>" for n in range(200))
    path = write("long.html", page(before=image(20_000), after=filler))
    loaded = load([path])
    assert PARAGRAPHS[0] in texts(loaded)
    (warning,) = loaded.warnings
    # The raw bytes read: the 20,000 of the image went by, and 6,000 of markup were kept.
    assert warning.startswith(f"{path}: too large, read only the first 2") and warning.endswith(" bytes")


def test_a_page_cut_before_its_article_says_so_not_no_article(write, small_caps) -> None:
    preloads = "".join(f"<link rel='preload' href='/assets/chunk-{n}.js' as='script'>" for n in range(300))
    path = write("late.html", page(head=preloads))
    loaded = load([path])
    assert loaded.articles == []
    assert loaded.warnings == [f"{path}: skipped, too large, read only the first 6,000 bytes and found no article text in it"]


def test_a_page_over_the_read_cap_is_cut_there(write, small_caps) -> None:
    path = write("huge.html", page(before=image(300_000)))
    loaded = load([path])
    assert loaded.warnings == [f"{path}: skipped, too large, read only the first 200,000 bytes and found no article text in it"]


def test_slim_keeps_json_ld_and_the_text_and_drops_the_rest() -> None:
    html = (b'<head><script type="application/ld+json">{"articleBody": "a"}</script><script>var a = "<p>x</p>";</script>'
            b'<STYLE media="x">p{}</STYLE></head><body><img src="data:image/png;base64,' + b"A" * 300 + b'">'
            b'<p>The data: 5,000 people, a <a href="data:text/plain,hi">link</a>.</p><script>unclosed')
    slimmed = slim(html, 10_000)
    assert slimmed.whole and slimmed.read == len(html)
    assert slimmed.data == (b'<head><script type="application/ld+json">{"articleBody": "a"}</script><script></script>'
                            b'<STYLE media="x"></STYLE></head><body><img src="data:">'
                            b'<p>The data: 5,000 people, a <a href="data:text/plain,hi">link</a>.</p><script>')
    cut = slim(html, 60)
    assert not cut.whole and cut.data == html[:60] and cut.read == 60


@pytest.mark.parametrize("chunk", [1000, 1001, 1333, 2048, 3001])
def test_reading_in_chunks_gives_what_reading_whole_gives(chunk: int) -> None:
    """Whatever the chunk boundaries cut (an opening tag, a closing tag, a data: payload), the
    page comes out the same as read in one piece; and so does its cut at the cap. (A chunk holds
    back half of itself, up to 4 KB, for a match the next one completes: an opening tag, or a
    data: address up to its 256th byte of payload.)"""
    import io

    from storyview.inputs.slim import slim_stream

    html = page(head='<script type="application/ld+json">{"headline": "x"}</script>' + next_data(3_000)
                + "<style>" + "p{margin:0}" * 100 + "</style>",
                before=image(2_000) + "<p>Between the pictures.</p>" + image(700),
                after="<script>var a = 1;</script>" + f'<script type="application/ld+json">{{"articleBody": "{"y" * 1500}"}}</script>').encode()
    whole = slim(html, 1_000_000)
    assert whole.whole and b"Between the pictures." in whole.data and b"xxxx" not in whole.data
    assert b'{"headline": "x"}' in whole.data and b"y" * 1500 in whole.data
    assert slim_stream(io.BytesIO(html).read, 1_000_000, 10**9, chunk) == whole
    cut = slim(html, 300)
    assert slim_stream(io.BytesIO(html).read, 300, 10**9, chunk) == cut and not cut.whole
    capped = slim(html, 1_000_000, 5_000)
    assert slim_stream(io.BytesIO(html).read, 1_000_000, 5_000, chunk) == capped
    assert not capped.whole and capped.read == 5_000


def test_a_page_of_more_blocks_than_read_is_cut_after_them(write, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura's XPath goes superlinear in a page's elements (100,000 <p> took 50 s): a page is
    read up to MAX_BLOCKS block elements, and the warning says so where fewer paragraphs were kept."""
    monkeypatch.setattr(web, "MAX_BLOCKS", 40)
    filler = "".join(f"<li>Paragraph {n} of a very long list that keeps going on about the budget.</li>" for n in range(60))
    path = write("blocks.html", page(after=f"<ul>{filler}</ul>"))
    loaded = load([path])
    kept = texts(loaded)
    assert kept[:4] == ["Council passes budget", *PARAGRAPHS]
    assert "Paragraph 35 of a very long list that keeps going on about the budget." in kept
    assert not any(text.startswith(("Paragraph 36 ", "Paragraph 59 ")) for text in kept)
    assert loaded.warnings == [f"{path}: too large, read only the first 40 blocks of the page"]


def test_first_blocks_leaves_a_page_within_the_cap_as_it_is() -> None:
    html = page()
    assert web.first_blocks(html) == (html, False)
    assert web.first_blocks("<P>a<DIV class=x>b<br/>c<p>d", 2) == ("<P>a<DIV class=x>b<br/>c", True)
    scripted = "<script>var t = '<div>' + '<p>' + '<li>';</script><!-- <p> --><p>a<p>b"
    assert web.first_blocks(scripted, 1) == (scripted[:-4], True)
