"""Whatever people saved from the web: every input loads correctly or is skipped with a one-line
warning, the rest goes on, and nothing ends in a traceback.

Each case builds its files in tmp_path and runs them through loading, alignment (build_story)
and the JSON export of the CLI, asserting what the user gets.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import time
import unicodedata
from pathlib import Path

import pytest

from storyview.inputs import load as load_module
from storyview.cli import main
from storyview.inputs.load import MAX_BYTES, load
from storyview.inputs.parse import MAX_PARAGRAPH, MAX_PARAGRAPHS
from storyview.model import Member
from storyview.pipeline import build_story

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
STORY = "The city council approved a new transit budget of $12 million on Tuesday after a long debate."
OTHER = "On Tuesday the city council approved the transit budget, which buys electric buses, after a long debate."


class Result:
    """What the user gets from one set of inputs: the loaded articles, the Story, the CLI's JSON."""

    def __init__(self, paths: list[str], capsys: pytest.CaptureFixture[str], engine: bool = True) -> None:
        # `engine=False` (the big files) runs only the CLI, which loads and aligns once itself.
        self.loaded = load(paths) if engine else None
        self.story = build_story(paths) if engine else None
        code = main(["--json", *paths])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        out.encode("utf-8")  # valid UTF-8, no lone surrogate
        assert not FORBIDDEN.search(out), "raw control character in the JSON output"
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", err), "raw control character on stderr"
        self.data = json.loads(out)
        assert code == (0 if self.data["sources"] else 1)  # nothing could be read: a script must know
        self.err = err.splitlines()
        check(self.data)

    def texts(self, source: str) -> list[str]:
        src = next(s for s in self.data["sources"] if s["id"] == source)
        return [p["text"] for p in src["paragraphs"]]

    def text(self, source: str) -> str:
        return "\n\n".join(self.texts(source))

    def unique(self, source: str) -> list[str]:
        src = next(s for s in self.data["sources"] if s["id"] == source)
        return [p["text"][a:b] for p in src["paragraphs"] for a, b in p["unique"]]

    def warned(self, fragment: str) -> bool:
        return any(fragment in line for line in self.err)


def check(data: dict) -> None:
    """Invariants of every export: clean text, spans inside it, each body paragraph in one group."""
    body = set()
    for src in data["sources"]:
        for field in ("id", "title", "date", "byline", "outlet"):
            assert src[field] is None or not FORBIDDEN.search(src[field]), (field, src[field])
        for p in src["paragraphs"]:
            assert p["text"] and not FORBIDDEN.search(p["text"]) and "\n" not in p["text"]
            last = 0
            for a, b in p["unique"]:
                assert last <= a < b <= len(p["text"])
                last = b
            if p["kind"] == "body":
                body.add((src["id"], p["index"]))
    members = [(m["source"], m["paragraph"]) for g in data["groups"] for m in g["members"]]
    assert sorted(members) == sorted(body)


@pytest.fixture
def result(capsys):
    return lambda *paths, engine=True: Result([str(p) for p in paths], capsys, engine)


# ---------------------------------------------------------------- markup


def test_rich_markup_is_literal_text(write, result) -> None:
    text = (
        "[bold red]Council Votes On Budget[/]\n\n"
        "The [bold]council[/] voted [link=https://evil.example]here[/link] on Tuesday [ and [/] again [i]."
    )
    r = result(write("markup.txt", text), write("other.txt", OTHER))
    assert r.texts("markup") == [
        "[bold red]Council Votes On Budget[/]",
        "The [bold]council[/] voted [link=https://evil.example]here[/link] on Tuesday [ and [/] again [i].",
    ]
    src = next(s for s in r.data["sources"] if s["id"] == "markup")
    assert src["title"] == "[bold red]Council Votes On Budget[/]"


def test_a_lone_bracket_and_escaped_markup(write, result) -> None:
    r = result(write("a.txt", r"A lone [ bracket, a \[escaped] tag and [/] closing."), write("b.txt", OTHER))
    assert r.texts("a") == [r"A lone [ bracket, a \[escaped] tag and [/] closing."]


# ---------------------------------------------------------------- terminal control


def test_escape_sequences_and_controls_are_removed(write, result) -> None:
    raw = (
        "The \x1b[1;31mcouncil\x1b[0m voted\x07 on \x1b]0;pwned\x07Tuesday. "
        "\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\ here.\x1b[?1049h\x1b[2J\x1b[H "
        "Budget\x08s \x9b2Jpassed \x1bPdcs payload\x1b\\with \u202eevil\u202c and \u2066isolated\u2069 text\x01\x7f."
    )
    r = result(write("ctl.txt", raw), write("other.txt", OTHER))
    assert r.texts("ctl") == ["The council voted on Tuesday. Click here. Budgets passed with evil and isolated text."]


def test_an_escape_sequence_that_never_ends_does_not_eat_the_article(write, result) -> None:
    raw = f"Intro \x1b]0;a title with no terminator\n\n{STORY}\n\nMore text \x1b]8;;http://x.example follows."
    r = result(write("osc.txt", raw), write("other.txt", OTHER))
    assert r.texts("osc") == ["Intro a title with no terminator", STORY, "More text http://x.example follows."]


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(write, result, tmp_path) -> None:
    name = "evil\x1b]0;pwned\x07\x1b[2J\u202e.txt"
    good = write(name, STORY)
    missing = str(tmp_path / "gone\x1b[31m.txt")
    r = result(good, missing, write("other.txt", OTHER))
    assert r.warned("gone\\x1b[31m.txt: skipped, no such file or folder")
    src = r.data["sources"][0]
    assert src["path"] == good  # the real path, escaped in the JSON text
    assert not FORBIDDEN.search(src["id"])


def test_a_file_name_that_is_not_utf8(tmp_path, write, result) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(STORY.encode())
    empty = os.fsencode(tmp_path) + b"/vide\xe9.txt"
    open(empty, "wb").close()
    r = result(os.fsdecode(raw), os.fsdecode(empty), write("other.txt", OTHER))
    assert r.data["sources"][0]["id"] == "caf\ufffd"
    assert r.texts("caf\ufffd") == [STORY]
    assert r.warned("vide\\xe9.txt: skipped, empty file")


def test_newline_and_tab_are_layout(write, result) -> None:
    r = result(write("tab.txt", "Column\tone and\ttwo.\n\nNext\r\n\r\nparagraph\tends."), write("b.txt", OTHER))
    assert r.texts("tab") == ["Column one and two.", "Next", "paragraph ends."]


# ---------------------------------------------------------------- invisible characters and normal forms


def test_zero_width_characters_do_not_hide_a_shared_name(write, result) -> None:
    a = write("a.txt", "Police Commissioner Jes\u200bsica Ti\u2060sch will stay\u00ad on, the mayor said on Tuesday.")
    b = write("b.txt", "The mayor said on Tuesday that Police Commissioner Jessica Tisch will stay on.")
    r = result(a, b)
    assert r.texts("a") == ["Police Commissioner Jessica Tisch will stay on, the mayor said on Tuesday."]
    assert not any("Tisch" in u or "Jessica" in u for u in r.unique("a"))
    assert r.story.group_of(Member("a", 0)) is r.story.group_of(Member("b", 0))


def test_nfd_and_nfc_compare_equal(write, result) -> None:
    sentence = "Café owners in Zürich protested the new rent law on Tuesday, José Martínez said."
    a = write("a.txt", unicodedata.normalize("NFD", sentence))
    b = write("b.txt", unicodedata.normalize("NFC", sentence) + " Others stayed home.")
    r = result(a, b)
    assert r.texts("a") == [unicodedata.normalize("NFC", sentence)]
    assert r.unique("a") == []
    assert r.unique("b") == ["Others stayed home"]


def test_offsets_stay_right_after_invisible_characters(write, result) -> None:
    # The name only one source gives is highlighted exactly, though the file had a ZWSP,
    # a BOM, combining accents and bidi marks before and inside it.
    a = write("a.txt", "\u202aThe\ufeff mayor\u200b met Jose\u0301 Marti\u0301\u200bnez and the council on Tuesday.\u202c")
    b = write("b.txt", "The mayor met the council on Tuesday.")
    r = result(a, b)
    assert r.texts("a") == ["The mayor met José Martínez and the council on Tuesday."]
    assert r.unique("a") == ["José Martínez"]


def test_a_byte_order_mark_in_the_middle(write, result) -> None:
    a = write("a.txt", codecs.BOM_UTF8 + "First part.\ufeff Second part \ufeffhere.".encode())
    r = result(a, write("b.txt", OTHER))
    assert r.texts("a") == ["First part. Second part here."]


def test_stacked_combining_marks_load_and_keep_offsets(write, result) -> None:
    zalgo = "Z\u0336\u0337a\u0338\u0335l\u0334g\u0336o"
    r = result(write("a.txt", f"The council met {zalgo} on Tuesday."), write("b.txt", "The council met on Tuesday."))
    assert r.texts("a") == [unicodedata.normalize("NFC", f"The council met {zalgo} on Tuesday.")]
    for u in r.unique("a"):
        assert u in r.texts("a")[0]


# ---------------------------------------------------------------- encodings and line ends

TEXT = "Café owners said the “new” rules were unfair – and costly.\n\nThe mayor’s office declined to comment on the naïve plan."
PARAS = ["Café owners said the “new” rules were unfair – and costly.", "The mayor’s office declined to comment on the naïve plan."]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "cp1252", "crlf", "cr-cp1252", "utf16-crlf"],
)
def test_encodings_and_line_ends(write, result, data: bytes) -> None:
    r = result(write("enc.txt", data), write("ref.txt", TEXT))
    assert r.texts("enc") == PARAS
    # Read as people read it: the same article in another encoding is identical.
    assert r.unique("enc") == [] and r.unique("ref") == []
    for n in range(2):
        assert r.story.group_of(Member("enc", n)) is r.story.group_of(Member("ref", n))


def test_latin1(write, result) -> None:
    text = "Der Bürgermeister sagte am Dienstag, der Plan würde Schulen finanzieren. Die Stadt stimmte zu."
    r = result(write("de.txt", text.encode("latin-1")), write("b.txt", OTHER))
    assert r.texts("de") == [text]


def test_french_latin1(write, result) -> None:
    text = "Le café est fermé à cause de la grève des employés municipaux."
    r = result(write("fr.txt", text.encode("latin-1")), write("b.txt", OTHER))
    assert r.texts("fr") == [text]


# ---------------------------------------------------------------- skipped with a warning


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "skipped, empty file"),
        (b"   \n\t\n  \r\n", "skipped, no text (only whitespace)"),
        ("\u00a0\u3000\n".encode(), "skipped, no text (only whitespace)"),
        (codecs.BOM_UTF8, "skipped, empty file"),
        (b"\x1b[31m\x1b]0;a window title\x07\x1b[0m\n\x1b[2J\n", "skipped, no readable text"),
        ("\u200b\u202e\ufeff".encode(), "skipped, no readable text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "skipped, a PNG image, not text"),
        (bytes(range(1, 32)) * 200, "skipped, binary file, not text"),
        # Documents whose bytes may all be printable still name their format, and what to do.
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "skipped, a PDF document, not text: storyview reads"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Police said on Tuesday.}",
         "skipped, an RTF document, not text"),
        (b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml" + bytes(200) + b"word/document.xml",
         "skipped, an Office document (.docx, .xlsx, .pptx), not text"),
        (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/epub+zip" + bytes(100), "skipped, an EPUB book, not text"),
        # storyview's own JSON fed back, or a corpus as JSON lines (the last line cut by a capped read).
        (b'{"storyview": "0.1.0", "sources": [{"id": "a", "paragraphs": ["Police said..."]}]}\n',
         "skipped, JSON data, not an article"),
        (b'{"title": "Quake", "text": "A quake hit."}\n{"title": "Flood", "text": "A fl', "skipped, JSON data, not an article"),
    ],
    ids=["empty", "whitespace", "unicode-space", "bom-only", "only-escapes", "only-invisible", "png", "controls",
         "pdf", "rtf", "docx", "epub", "json", "json-lines"],
)
def test_unusable_files_are_skipped_and_the_rest_loads(write, result, content: bytes, reason: str) -> None:
    bad = write("bad.txt", content)
    r = result(bad, write("a.txt", STORY), write("b.txt", OTHER))
    assert f"storyview: {bad}: {reason}" in [line[: len(f"storyview: {bad}: {reason}")] for line in r.err]
    assert [s["id"] for s in r.data["sources"]] == ["a", "b"]


def test_json_cut_by_the_capped_read_is_still_json_data(write, result) -> None:
    """Over 1 MB, only the start is read: no whole JSON value, still no article."""
    records = ",\n".join(f'  {{"title": "Report {n}", "text": "Police said on Tuesday that {n} roads stay closed."}}'
                         for n in range(20_000))
    bad = write("dump.json", "[\n" + records + "\n]\n")
    assert os.path.getsize(bad) > 1_000_000
    r = result(bad, write("a.txt", STORY), write("b.txt", OTHER))
    assert r.warned(f"{bad}: skipped, JSON data, not an article")
    assert [s["id"] for s in r.data["sources"]] == ["a", "b"]


def test_unreadable_file(write, result) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions (see test_unreadable_file_simulated)")
    bad = write("locked.txt", STORY)
    os.chmod(bad, 0)
    try:
        r = result(bad, write("b.txt", OTHER))
    finally:
        os.chmod(bad, 0o644)
    assert r.warned(f"{bad}: skipped, permission denied")


def test_unreadable_file_simulated(write, result, monkeypatch) -> None:
    bad = write("locked.txt", STORY)
    real_open = open

    def guarded(path, *args, **kwargs):
        if str(path) == bad:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(load_module, "open", guarded, raising=False)
    r = result(bad, write("b.txt", OTHER))
    assert r.err[0] == f"storyview: {bad}: skipped, permission denied"
    assert [s["id"] for s in r.data["sources"]] == ["b"]


@pytest.mark.parametrize("when", ["before the check", "between the check and the read"])
def test_a_file_that_vanishes_during_the_run_is_said_to(write, result, monkeypatch, when: str) -> None:
    gone = write("gone.txt", STORY)
    real_open = open

    def vanishing(path, *args, **kwargs):
        if str(path) == gone:
            os.remove(gone)
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_open(path, *args, **kwargs)

    if when == "before the check":
        real_read = load_module.read_article
        monkeypatch.setattr(load_module, "read_article", lambda path, sid: (os.path.exists(gone) and os.remove(gone), real_read(path, sid))[1])
    else:
        monkeypatch.setattr(load_module, "open", vanishing, raising=False)
    r = result(gone, write("b.txt", OTHER), engine=False)
    assert r.err[0] == f"storyview: {gone}: skipped, vanished while being read (removed or renamed)"


def test_unlistable_path_simulated(write, result, monkeypatch) -> None:
    good = write("b.txt", OTHER)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_symlink", lambda self: False)
    monkeypatch.setattr(Path, "is_dir", lambda self: str(self) != good and denied(self))
    r = result("/root-only/story.txt", good)
    assert r.warned("/root-only/story.txt: skipped, cannot open (Permission denied)")


def test_broken_and_looping_symlinks(tmp_path, write, result) -> None:
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    good = write("good.txt", STORY)
    r = result(tmp_path / "broken.txt", tmp_path / "loop1.txt", good, write("other/b.txt", OTHER))
    assert r.warned(f"{tmp_path / 'broken.txt'}: skipped, broken or looping symlink")
    assert r.warned(f"{tmp_path / 'loop1.txt'}: skipped, broken or looping symlink")
    # The same links met inside a folder.
    r = result(tmp_path)
    assert r.warned("broken.txt: skipped, broken or looping symlink")
    assert r.warned("loop2.txt: skipped, broken or looping symlink")
    assert [s["id"] for s in r.data["sources"]] == ["good"]


def test_a_looping_symlink_named_beside_files_written_to_a_file(tmp_path, write, capsys) -> None:
    """try26: with `-o`, the check that no input is overwritten resolved the loop and crashed."""
    from storyview.cli import main

    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    out = tmp_path / "out.json"
    assert main(["--json", str(tmp_path / "loop1.txt"), write("a.txt", STORY), write("b.txt", OTHER),
                 "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == f"storyview: {tmp_path / 'loop1.txt'}: skipped, broken or looping symlink"
    assert [s["id"] for s in json.loads(out.read_text(encoding="utf-8"))["sources"]] == ["a", "b"]


def test_a_working_symlink_loads(tmp_path, write, result) -> None:
    target = write("real.txt", STORY)
    (tmp_path / "link.txt").symlink_to(target)
    r = result(tmp_path / "link.txt", write("b/b.txt", OTHER))
    assert r.texts("link") == [STORY]


def test_folders_with_nothing_usable(tmp_path, write, result) -> None:
    write("pics/photo.png", b"\x89PNG\r\n\x1a\n\x00")
    write("pics/notes.html", "<p>saved page</p>")
    write("blank/empty.txt", "")
    write("blank/space.md", "   \n")
    (tmp_path / "blank" / "sub.txt").mkdir()
    os.mkfifo(tmp_path / "blank" / "pipe.txt")
    (tmp_path / "nothing").mkdir()
    r = result(tmp_path / "pics", tmp_path / "blank", tmp_path / "nothing")
    assert r.warned("notes.html: skipped, no article text found in the page")
    assert r.warned(f"{tmp_path / 'nothing'}: skipped, no .txt, .md or .html files in this folder")
    assert r.warned("empty.txt: skipped, empty file")
    assert r.warned("space.md: skipped, no text (only whitespace)")
    assert r.warned(f"{tmp_path / 'blank'}: 1 subfolder not read (storyview does not look inside subfolders: "
                    "name it): sub.txt")
    assert r.warned(f"{tmp_path / 'pics'}: 1 file of another kind not read: photo.png")
    assert r.warned("pipe.txt: skipped, not a regular file")
    assert r.warned("fewer than two usable sources: nothing to compare")
    assert r.data["sources"] == [] and r.data["groups"] == []


def test_a_name_too_long_and_a_device(result, write) -> None:
    long_name = "a" * 300 + ".txt"
    r = result(long_name, "/dev/null", write("b.txt", OTHER))
    assert r.warned(f"{long_name}: skipped, cannot open (File name too long)")
    assert r.warned("/dev/null: skipped, not a regular file")
    assert [s["id"] for s in r.data["sources"]] == ["b"]


def test_an_empty_argument_is_not_the_current_folder(result, write) -> None:
    r = result("", write("b.txt", OTHER))
    assert r.warned("'': skipped, an empty name is no file")
    assert [s["id"] for s in r.data["sources"]] == ["b"]


# ---------------------------------------------------------------- size


def test_a_file_larger_than_the_cap_loads_its_start_quickly(write, result) -> None:
    paragraph = " ".join(["The council debated the transit budget for the northern districts."] * 4)
    n = MAX_BYTES // (len(paragraph) + 2) + 200
    big = write("big.txt", "\n\n".join([paragraph] * n))
    assert os.path.getsize(big) > MAX_BYTES
    start = time.perf_counter()
    r = result(big, write("b.txt", OTHER), engine=False)
    assert time.perf_counter() - start < 30
    assert r.warned(f"{big}: too large, read only the first 1 MB")
    texts = r.texts("big")
    assert 0 < len(texts) < n
    assert all(t == paragraph for t in texts)  # cut at a paragraph end, never inside one


def test_a_megabyte_long_line(write, result) -> None:
    words = [f"w{i % 997}" for i in range(200_000)]  # ~1 MB on one line
    line = " ".join(words)
    assert len(line) > 900_000
    start = time.perf_counter()
    r = result(write("line.txt", line), write("b.txt", OTHER), engine=False)
    assert time.perf_counter() - start < 30
    texts = r.texts("line")
    assert len(texts) > 1 and all(len(t) <= MAX_PARAGRAPH for t in texts)
    assert " ".join(texts).split() == words[: len(" ".join(texts).split())]


def test_a_megabyte_long_word(write, result) -> None:
    r = result(write("word.txt", "x" * 1_200_000), write("b.txt", OTHER))
    assert r.warned("word.txt: too large, read only the first 1 MB")
    assert all(len(t) <= MAX_PARAGRAPH for t in r.texts("word"))


@pytest.mark.parametrize("run", ["\x90", "\x9d", "\x1b]", "\x1bP", "\x9b1"])
def test_a_long_run_of_escape_introducers_is_cleaned_in_linear_time(write, result, run: str) -> None:
    start = time.perf_counter()
    r = result(write("esc.txt", run * 100_000 + "\n\n" + STORY), write("b.txt", OTHER), engine=False)
    assert time.perf_counter() - start < 5
    assert STORY in r.texts("esc")


def test_a_long_run_of_punctuation_is_split_in_linear_time(write, result) -> None:
    start = time.perf_counter()
    result(write("dots.txt", "." * 12_000 + "\n\n" + STORY), write("b.txt", OTHER), engine=False)
    assert time.perf_counter() - start < 1


def test_too_many_paragraphs(write, result) -> None:
    many = write("many.txt", "\n\n".join(f"Item {i} of the list." for i in range(MAX_PARAGRAPHS + 50)))
    r = result(many, write("b.txt", OTHER), engine=False)
    assert r.warned(f"{many}: too large, read only the first {MAX_PARAGRAPHS:,} paragraphs")
    assert len(r.texts("many")) == MAX_PARAGRAPHS


# ---------------------------------------------------------------- few sources, twins


def test_one_usable_source(write, result) -> None:
    r = result(write("a.txt", STORY), write("bad.txt", b""))
    assert [s["id"] for s in r.data["sources"]] == ["a"]
    assert r.warned("fewer than two usable sources: nothing to compare")
    assert r.data["warnings"][-1] == "fewer than two usable sources: nothing to compare"


def test_no_usable_source(tmp_path, capsys) -> None:
    # Nothing named exists: the (empty) document is still written, and the exit code says so.
    assert main(["--json", str(tmp_path / "missing.txt")]) == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["sources"] == [] and data["groups"] == []
    assert "missing.txt: skipped, no such file or folder" in err and "Traceback" not in err


def test_two_files_with_the_same_content(write, result, seed_story) -> None:
    seed = next(a for a in seed_story.articles if a.id.startswith("004"))
    content = Path(seed.path).read_bytes()
    r = result(write("one.txt", content), write("two.txt", content))
    assert r.texts("one") == r.texts("two")
    assert r.unique("one") == [] and r.unique("two") == []
    for p in r.story.article("one").body:
        assert Member("two", p.index) in r.story.group_of(Member("one", p.index)).members


# ---------------------------------------------------------------- never writes into what it reads


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_reading_changes_nothing(tmp_path, write, capsys) -> None:
    write("in/a.txt", STORY)
    write("in/b.txt", "\x1b[31m" + OTHER)
    folder = tmp_path / "in"
    before = snapshot(folder)
    out = tmp_path / "story.json"
    assert main(["--json", str(folder), "-o", str(out)]) == 0
    assert snapshot(folder) == before
    assert json.loads(out.read_text())["sources"][1]["paragraphs"][0]["text"] == OTHER


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative", "second"])
def test_refuses_to_overwrite_an_input(tmp_path, write, capsys, monkeypatch, how: str) -> None:
    a = write("a.txt", STORY)
    b = write("b.txt", OTHER)
    inputs = [a, b]
    target = a
    if how == "symlink":
        target = str(tmp_path / "out.json")
        os.symlink(a, target)
    elif how == "hardlink":
        target = str(tmp_path / "out.json")
        os.link(a, target)
    elif how == "relative":
        monkeypatch.chdir(tmp_path)
        target = "./a.txt"
    elif how == "second":
        target = b
    before = {p: Path(p).read_bytes() for p in inputs}
    assert main(["--json", *inputs, "-o", target]) == 1
    err = capsys.readouterr().err
    assert "refusing to overwrite an input file" in err and "Traceback" not in err
    assert {p: Path(p).read_bytes() for p in inputs} == before


def test_refuses_to_overwrite_an_input_that_was_skipped(tmp_path, write, capsys) -> None:
    a = write("a.txt", STORY)
    empty = write("empty.txt", "")
    assert main(["--json", a, empty, "-o", empty]) == 1
    assert Path(empty).read_bytes() == b""


def test_refuses_to_write_an_article_into_an_input_folder(tmp_path, write, capsys) -> None:
    write("in/a.txt", STORY)
    write("in/b.txt", OTHER)
    folder = tmp_path / "in"
    before = snapshot(folder)
    assert main(["--json", str(folder), "-o", str(folder / "story.txt")]) == 1
    assert "refusing" in capsys.readouterr().err
    assert snapshot(folder) == before
