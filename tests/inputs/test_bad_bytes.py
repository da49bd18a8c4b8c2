"""Bytes that are not what the file claims: a UTF-8 file with a stray byte stays UTF-8 (the byte
replaced, and a line says so) rather than being re-guessed as another codec; a page that is
valid UTF-8 is read as UTF-8 whatever charset it declares; legacy encodings keep working."""

from __future__ import annotations

import pytest

from storyview.inputs import load as load_module
from storyview.inputs.load import load

STORY = (
    "Texas prisoner captured after week on the run\n\n"
    "A hungry, wet and barefoot Arcade Joseph Comeaux Jr. was caught in northeast Houston, about 25 miles "
    "northwest of where he escaped, said a spokesman for the U.S. Marshals Service.\n\n"
    "Comeaux, 49, was in a wheelchair Nov. 30 when he pulled a gun on two guards during a transfer between prisons.\n"
)


def texts(loaded) -> str:
    return " ".join(p.text for p in loaded.articles[0].paragraphs)


def test_one_invalid_byte_in_ascii_text_is_replaced_and_said(write) -> None:
    path = write("x.txt", STORY.replace("Houston", "Hou\udcffston").encode("utf-8", "surrogateescape"))
    loaded = load([path])
    assert "northeast Hou\ufffdston," in texts(loaded)
    assert loaded.warnings == [f"{path}: 1 byte not valid UTF-8, replaced"]


def test_invalid_bytes_in_utf8_text_keep_the_rest_utf8(write) -> None:
    story = STORY.replace("Comeaux, 49,", "“Comeaux”, 49 — né à Bâton-Rouge —,")
    data = story.encode().replace(b"Houston", b"Hou\xffston").replace(b"guards", b"gu\xe2\x80ards")  # a quote cut short
    loaded = load([write("y.md", data)])
    assert "Hou\ufffdston" in texts(loaded) and "“Comeaux”, 49 — né à Bâton-Rouge" in texts(loaded)
    assert "gu\ufffd\ufffdards" in texts(loaded)
    assert loaded.warnings == [f"{write('y.md', data)}: 3 bytes not valid UTF-8, replaced"]


def test_pasted_windows_1252_quotes_in_utf8_are_read_and_said(write) -> None:
    data = "Café, déjà vu, naïve résumé. ".encode() + STORY.replace("a gun", "“a gun”").encode("cp1252")
    path = write("q.txt", data)
    loaded = load([path])
    assert "“a gun”" in texts(loaded) and "Café, déjà vu" in texts(loaded)
    assert loaded.warnings == [f"{path}: 2 bytes not valid UTF-8, read as Windows-1252"]


def test_many_pasted_windows_1252_apostrophes_in_a_little_utf8_are_read_and_said(write) -> None:
    # More stray bytes than UTF-8 characters: the text's few curly quotes are UTF-8 all the same.
    story = STORY.replace("a gun", "“a gun”").replace("guards", "“guards”")
    data = story.encode().replace(b"Marshals", b"Marshal\x92s").replace(b"Comeaux,", b"Comeaux\x92s lawyer,")
    data = data.replace(b"Texas prisoner", b"Texas\x92 prisoner\x92s \x92escape\x92 ends\x92")
    path = write("a.txt", data)
    loaded = load([path])
    assert "“a gun”" in texts(loaded) and "Marshal’s" in texts(loaded) and "â€" not in texts(loaded)
    assert loaded.warnings == [f"{path}: 7 bytes not valid UTF-8, read as Windows-1252"]


@pytest.mark.parametrize(("text", "codec"), [
    (STORY.replace("Houston", "Hóuston").replace("a spokesman", "Alfredo Pérez, a spokesman"), "latin-1"),
    (STORY.replace("Houston", "Hóuston"), "latin-1"),  # one accented letter: still a letter, not damage
    (STORY.replace("pulled a gun", "pulled a “gun” – the guards’ own"), "cp1252"),
    (STORY.replace("Nov. 30", "Nov.\u00a030"), "cp1252"),  # a lone no-break space is text, not damage
    ("Техасский заключённый пойман после недели в бегах. Его нашли в Хьюстоне, сообщила полиция.\n", "cp1251"),
    ("テキサス州の受刑者が一週間の逃亡の末に逮捕された。警察によると、男はヒューストンで見つかった。\n", "shift_jis"),
], ids=["latin-1", "latin-1-one-letter", "cp1252", "cp1252-nbsp", "cp1251", "shift-jis"])
def test_legacy_encodings_still_read_without_a_note(write, text: str, codec: str) -> None:
    loaded = load([write("legacy.txt", text.encode(codec))])
    assert loaded.warnings == []
    assert texts(loaded) == " ".join(p for p in (" ".join(b.split()) for b in text.split("\n\n")) if p)


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "latin1"])
def test_a_utf8_page_that_declares_a_single_byte_charset_is_utf8(write, declared: str) -> None:
    body = ("<p>Arcade Joseph Comeaux Jr. — the “wheelchair escapee” — was caught in Houston on Monday, "
            "the marshals’ spokesman Alfredo Pérez said.</p>")
    html = f"<!DOCTYPE html><html><head><meta charset='{declared}'><title>Escapee caught</title></head><body><article>{body}</article></body></html>"
    path = write("p.html", html.encode())
    loaded = load([path])
    assert loaded.warnings == []
    assert "— the “wheelchair escapee” — was caught" in texts(loaded) and "Pérez" in texts(loaded)
    # A server's header that says the same is overruled the same way.
    article = load_module.read_page(html.replace(declared, "utf-8").encode(), "p", "p", charset=declared)
    assert "“wheelchair escapee”" in " ".join(p.text for p in article.paragraphs)


@pytest.mark.parametrize("declared", ["windows-1252", "utf-8"])
def test_a_page_is_checked_for_utf8_once(write, monkeypatch: pytest.MonkeyPatch, declared: str) -> None:
    from storyview.inputs import text

    checked = []
    real = text._strict_utf8
    monkeypatch.setattr(text, "_strict_utf8", lambda data: checked.append(len(data)) or real(data))
    html = (f"<!DOCTYPE html><html><head><meta charset='{declared}'><title>Escapee caught</title></head><body>"
            "<article><p>The marshals’ spokesman Alfredo Pérez said the escapee was caught in Houston.</p>"
            "</article></body></html>")
    loaded = load([write("once.html", html.encode())])
    assert loaded.warnings == [] and "Alfredo Pérez said" in texts(loaded)
    assert len(checked) == 1


def test_a_latin1_page_that_declares_latin1_stays_latin1(write) -> None:
    html = ("<!DOCTYPE html><html><head><meta charset='iso-8859-1'><title>Escapee caught</title></head><body><article>"
            "<p>The marshals' spokesman Alfredo Pérez said the escapee was caught in northeast Houston on Monday.</p>"
            "</article></body></html>")
    loaded = load([write("l.html", html.encode("latin-1"))])
    assert loaded.warnings == [] and "Alfredo Pérez said" in texts(loaded)


def test_a_stray_byte_in_a_page_that_declares_utf8_is_said(write) -> None:
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Escapee caught</title></head><body><article>"
            "<p>The marshals’ spokesman said the escapee was caught in northeast Houston on Monday.</p>"
            "</article></body></html>").encode().replace(b"Houston", b"Hou\xffston")
    path = write("u.html", html)
    loaded = load([path])
    assert "Hou\ufffdston" in texts(loaded) and "marshals’" in texts(loaded)
    assert loaded.warnings == [f"{path}: 1 byte not valid UTF-8, replaced"]
