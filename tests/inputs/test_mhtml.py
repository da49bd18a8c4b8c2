"""Pages saved as MHTML ("Save page as: single file"): the text/html part is read as a saved page,
whether the file is named on the command line, sits in a folder, or only looks like MHTML."""

from __future__ import annotations

import base64
import quopri

from storyview.inputs import mhtml as mhtml_module
from storyview.inputs.load import load

PARAGRAPHS = [
    "The city council approved a new transit budget of $12 million on Tuesday after a debate that ran late into the night.",
    "Electric buses will be bought first, the mayor said, and the older diesel fleet will be retired over three years.",
    "Critics said the plan was too little, too late for riders on the caf\u00e9-lined east side, where service was cut twice.",
]
TITLE = "Council passes budget"
HTML = ("<!DOCTYPE html><html><head><title>Council passes budget</title></head><body><article><h1>Council passes budget</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")


def mhtml(encoding: str = "quoted-printable", charset: str = "utf-8", image_first: bool = False) -> bytes:
    """A page saved as MHTML the way a browser writes it: MIME headers, then the parts."""
    raw = HTML.encode(charset)
    body = quopri.encodestring(raw) if encoding == "quoted-printable" else base64.encodebytes(raw)
    html_part = (f"------Boundary--x\r\nContent-Type: text/html; charset=\"{charset}\"\r\n"
                 f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: https://news.example.com/budget\r\n\r\n").encode() + body
    picture = base64.encodebytes(bytes(range(256)) * 40)
    image_part = (b"------Boundary--x\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                  b"Content-Location: https://news.example.com/bus.png\r\n\r\n" + picture)
    parts = [image_part, html_part] if image_first else [html_part, image_part]
    head = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.com/budget\r\n"
            b"Subject: Council passes budget\r\nDate: Tue, 4 Nov 2025 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----Boundary--x"\r\n\r\n\r\n')
    return head + b"\r\n".join(parts) + b"\r\n------Boundary--x--\r\n"


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_an_mhtml_page_named_on_the_command_line_is_its_article(write) -> None:
    loaded = load([write("saved.mhtml", mhtml())])
    assert loaded.warnings == []
    (article,) = loaded.articles
    assert article.title == TITLE and texts(article) == [TITLE, *PARAGRAPHS]
    assert not any("Snapshot-Content-Location" in t or "Saved by Blink" in t for t in texts(article))


def test_mhtml_in_any_transfer_encoding_charset_and_part_order(write) -> None:
    for n, (encoding, charset, image_first) in enumerate(
        [("base64", "utf-8", False), ("quoted-printable", "windows-1252", True), ("base64", "iso-8859-1", True)]
    ):
        loaded = load([write(f"s{n}.mht", mhtml(encoding, charset, image_first))])
        assert loaded.warnings == [] and texts(loaded.articles[0]) == [TITLE, *PARAGRAPHS], (encoding, charset)


def test_a_folder_reads_its_mhtml_pages_and_names_only_other_kinds(write, tmp_path) -> None:
    write("f/a.mhtml", mhtml())
    write("f/b.mht", mhtml("base64"))
    write("f/c.txt", "The council met on Tuesday and approved the transit budget after a long debate.")
    write("f/d.png", b"\x89PNG\r\n\x1a\n\x00")
    loaded = load([str(tmp_path / "f")])
    assert [a.id for a in loaded.articles] == ["a", "b", "c"]
    assert loaded.warnings == [f"{tmp_path / 'f'}: 1 file of another kind not read: d.png"]


def test_a_file_that_is_mhtml_by_content_is_read_so_whatever_its_name(write) -> None:
    for name in ("saved.txt", "saved", "saved.html"):
        loaded = load([write(name, mhtml())])
        assert loaded.warnings == [] and loaded.articles[0].title == TITLE, name
    assert load(["-"], stdin=mhtml()).articles[0].title == TITLE


def test_an_mhtml_file_without_a_page_is_one_line(write) -> None:
    only_image = mhtml().replace(b"Content-Type: text/html", b"Content-Type: text/css")
    path = write("styles.mhtml", only_image)
    loaded = load([path])
    assert loaded.articles == []
    assert loaded.warnings == [f"{path}: skipped, no web page (text/html part) in this MHTML file"]


def test_a_large_mhtml_file_is_read_where_it_lies(write, monkeypatch) -> None:
    """Past the plain-text cap the file is mapped, not read: its images are found by their
    boundaries and never decoded."""
    from storyview.inputs import load as load_module

    monkeypatch.setattr(load_module, "MAX_BYTES", 2_000)
    data = mhtml("quoted-printable", "utf-8", image_first=True)
    assert len(data) > 10_000
    loaded = load([write("big.mhtml", data)])
    assert loaded.warnings == [] and texts(loaded.articles[0]) == [TITLE, *PARAGRAPHS]


def test_the_page_part_of_a_large_mhtml_file_is_decoded_once(write, monkeypatch) -> None:
    from storyview.inputs import load as load_module

    monkeypatch.setattr(load_module, "MAX_BYTES", 2_000)
    decoded = []
    real = mhtml_module._decoded
    monkeypatch.setattr(mhtml_module, "_decoded", lambda part: decoded.append(part) or real(part))
    data = mhtml("quoted-printable", "utf-8")  # the page first: found before the images are read
    loaded = load([write("big.mhtml", data)])
    assert loaded.warnings == [] and texts(loaded.articles[0]) == [TITLE, *PARAGRAPHS]
    assert len(decoded) == 1


def test_a_plain_page_named_mhtml_is_read_as_the_page_it_is(write) -> None:
    loaded = load([write("plain.mhtml", HTML)])
    assert loaded.warnings == [] and texts(loaded.articles[0]) == [TITLE, *PARAGRAPHS]
