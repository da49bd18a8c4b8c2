"""Loading: paragraph splitting, metadata, decoding, cleaning, files and folders."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from storyview.inputs import load as load_module
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.load import load
from storyview.inputs.parse import MAX_PARAGRAPH, parse_article, split_paragraphs
from storyview.inputs.text import clean, decode, document_kind, shown

# ---------------------------------------------------------------- paragraph splitting


def test_blank_lines_separate_paragraphs() -> None:
    text = "First paragraph, one line.\n\nSecond paragraph.\n\n\n\nThird after many blanks.\n"
    assert split_paragraphs(text) == ["First paragraph, one line.", "Second paragraph.", "Third after many blanks."]


def test_blank_line_may_hold_spaces() -> None:
    assert split_paragraphs("One.\n   \nTwo.") == ["One.", "Two."]


def test_one_paragraph_per_line_file() -> None:
    lines = [
        "The city council approved a new transit budget on Tuesday after a debate that ran late into the night.",
        "The mayor said the money would buy electric buses for the northern districts, starting next spring.",
        "Critics on the council said the plan ignored the subway, which carries far more riders every day.",
    ]
    assert split_paragraphs("\n".join(lines)) == lines


def test_hard_wrapped_text_is_joined() -> None:
    text = (
        "The city council approved a new transit budget on Tuesday after a\n"
        "debate that ran late into the night, with members arguing over bus\n"
        "routes and the cost of electric vehicles.\n"
        "\n"
        "The mayor said the money would buy electric buses for the northern\n"
        "districts, starting next spring.\n"
    )
    assert split_paragraphs(text) == [
        "The city council approved a new transit budget on Tuesday after a debate that ran late into "
        "the night, with members arguing over bus routes and the cost of electric vehicles.",
        "The mayor said the money would buy electric buses for the northern districts, starting next spring.",
    ]


def test_short_separate_lines_stay_apart() -> None:
    # A list of short, complete lines is not hard-wrapped prose.
    text = "Headline Of The Story\nBy Jane Doe\nNovember 7, 2025"
    assert split_paragraphs(text) == ["Headline Of The Story", "By Jane Doe", "November 7, 2025"]


def test_whitespace_inside_a_paragraph_is_collapsed() -> None:
    assert split_paragraphs("Too    many   spaces\u00a0here.") == ["Too many spaces here."]


def test_very_long_paragraph_is_cut_at_spaces_without_losing_words() -> None:
    words = [f"word{i}" for i in range(10_000)]
    pieces = split_paragraphs(" ".join(words))
    assert len(pieces) > 1
    assert all(len(p) <= MAX_PARAGRAPH for p in pieces)
    assert " ".join(pieces).split() == words


# ---------------------------------------------------------------- metadata on the seeds


@pytest.fixture(scope="module")
def seeds() -> dict[str, object]:
    loaded = load()
    assert loaded.warnings == []
    return {a.id[:3]: a for a in loaded.articles}


def test_seeds_all_load(seeds: dict[str, object]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]


def test_seed_000_title_and_no_date(seeds: dict) -> None:
    a = seeds["000"]
    assert a.title.startswith("Federal Immigration and Customs Enforcement Officials Reportedly Reach Out")
    assert a.date is None
    assert a.paragraphs[0].kind == "headline"


def test_seed_001_states_nothing(seeds: dict) -> None:
    a = seeds["001"]
    assert (a.title, a.date, a.byline, a.outlet) == (None, None, None, None)
    assert all(p.kind == "body" for p in a.paragraphs)


def test_seed_003_title_and_date(seeds: dict) -> None:
    a = seeds["003"]
    assert a.title == "ICE Is Trying to Poach Police Officers From New York City"
    assert a.date == "2025-11-07"
    # The "date ..." prefix is metadata, not text of the headline.
    assert a.paragraphs[0].text == a.title


def test_seed_004_byline_outlet_date(seeds: dict) -> None:
    a = seeds["004"]
    assert a.byline == "Austin Culpepper"
    assert a.outlet == "CNN"
    assert a.date == "2025-11-07"
    assert a.paragraphs[0].kind == "byline"
    assert a.name == "CNN"


def test_source_ids_are_file_stems(seeds: dict) -> None:
    assert seeds["004"].id == "004_dfaf2f3fb21cad14"
    assert seeds["004"].path.endswith("004_dfaf2f3fb21cad14.txt")


def test_paragraph_indexes_are_positions(seeds: dict) -> None:
    for a in seeds.values():
        assert [p.index for p in a.paragraphs] == list(range(len(a.paragraphs)))


def test_dateline_gives_outlet() -> None:
    a = parse_article("x", "x", "WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.")
    assert a.outlet == "AP"


@pytest.mark.parametrize(("lede", "line", "outlet"), [
    ("RIVERTON, Nov. 30 (Reuters) - Four people died when a bridge fell.", "RIVERTON, Nov. 30 (Reuters) -", "Reuters"),
    ("RIVERTON, Ohio (AP) — Four people died when a bridge fell.", "RIVERTON, Ohio (AP) —", "AP"),
    ("NEW YORK (CNN) -- Four people died when a bridge fell.", "NEW YORK (CNN) --", "CNN"),
    ("KABUL, Afghanistan — Four people died when a bridge fell.", "KABUL, Afghanistan —", None),
])
def test_a_wire_dateline_is_set_apart_from_the_lede(lede: str, line: str, outlet: str | None) -> None:
    """Where and by whom a story was filed is not a part of it: no lede is marked or matched by it."""
    a = parse_article("x", "x", f"Bridge falls\n\n{lede}\n\nMore was told later by the mayor.")
    assert [(p.kind, p.text) for p in a.paragraphs[1:3]] == [("byline", line), ("body", "Four people died when a bridge fell.")]
    assert a.outlet == outlet
    assert " ".join(p.text for p in a.paragraphs[1:3]) == " ".join(lede.split())  # nothing lost


@pytest.mark.parametrize("lede", [
    "BREAKING NEWS - 3 DEAD due to a fire at the bank.",
    "A FIRE - BOMB attack on a bank in Athens left three dead.",
    "Smith - the mayor - said the bridge was safe.",
    "Paris - The city said the bridge was safe.",
    "COLTS BEAT CHIEFS 20 - 13 TO CLINCH A BERTH",
])
def test_what_only_looks_like_a_dateline_stays_in_the_text(lede: str) -> None:
    a = parse_article("x", "x", f"Bridge falls\n\n{lede}\n\nMore was told later by the mayor.")
    assert a.paragraphs[1].text == lede


def test_a_dateline_on_its_own_line_is_furniture() -> None:
    a = parse_article("x", "x", "Bridge falls\n\nRIVERTON, Nov. 30 (Northern Post) —\n\nFour people died when a bridge fell.")
    assert [p.kind for p in a.paragraphs] == ["headline", "byline", "body"]
    assert a.outlet == "Northern Post"


def test_only_the_opening_paragraph_has_a_dateline() -> None:
    a = parse_article("x", "x", "Bridge falls\n\nFour people died.\n\nLONDON (Reuters) - Markets fell on the news.")
    assert a.paragraphs[-1].text == "LONDON (Reuters) - Markets fell on the news."


def test_byline_with_outlet_after_a_pipe() -> None:
    a = parse_article("x", "x", "By Jane Doe | Reuters\n\nThe Senate voted on Tuesday to pass the bill.")
    assert (a.byline, a.outlet) == ("Jane Doe", "Reuters")


@pytest.mark.parametrize("line", [
    "By Jo Ren — Port Alder Post — 3 March 2031",
    "By Jo Ren, Port Alder Post, March 3, 2031",
    "By Jo Ren | Port Alder Post | 2031-03-03",
])
def test_a_date_after_a_byline_is_the_date_not_part_of_the_outlet(line: str) -> None:
    a = parse_article("x", "x", f"{line}\n\nThe Kestrel Street Bridge collapsed on Tuesday.")
    assert (a.byline, a.outlet, a.date) == ("Jo Ren", "Port Alder Post", "2031-03-03")


def test_day_month_year_date() -> None:
    a = parse_article("x", "x", "Senate Passes The Bill\n\n7 November 2025\n\nThe Senate voted to pass the bill.")
    assert a.date == "2025-11-07"


def test_month_name_date() -> None:
    a = parse_article("x", "x", "Senate Passes The Bill\n\nNovember 7, 2025\n\nThe Senate voted to pass the bill.")
    assert a.date == "2025-11-07"
    assert a.title == "Senate Passes The Bill"


@pytest.mark.parametrize("line", [
    "2025-11-07T10:00:00Z", "2025-11-07T10:00", "2025-11-07T23:59:59.250+01:00", "2025-11-07T10:00:00-0500",
])
def test_an_iso_timestamp_line_is_the_date(line: str) -> None:
    a = parse_article("x", "x", f"Senate Passes The Bill\n\n{line}\n\nThe Senate voted on Tuesday to pass the bill.")
    assert a.date == "2025-11-07"  # the calendar date as written, whatever the offset
    assert [(p.kind, p.text) for p in a.body] == [("body", "The Senate voted on Tuesday to pass the bill.")]


@pytest.mark.parametrize("line", ["date 2025-02-31", "2025-02-30", "February 31, 2025", "2025-02-30T10:00:00Z"])
def test_impossible_dates_are_not_metadata(line: str) -> None:
    a = parse_article("x", "x", f"{line}\n\nThe Senate voted on Tuesday to pass the bill.")
    assert a.date is None


def test_metadata_is_never_invented() -> None:
    a = parse_article("x", "x", "The Senate voted on Tuesday to pass the bill. It now goes to the House.")
    assert (a.title, a.date, a.byline, a.outlet) == (None, None, None, None)


# ---------------------------------------------------------------- decode and clean


@pytest.mark.parametrize(
    "data",
    [
        "Café “quoted”".encode("utf-8"),
        codecs.BOM_UTF8 + "Café “quoted”".encode("utf-8"),
        "Café “quoted”".encode("utf-16"),  # with a BOM
        codecs.BOM_UTF16_BE + "Café “quoted”".encode("utf-16-be"),
        "Café “quoted”".encode("utf-32"),
    ],
)
def test_decode_unicode_forms(data: bytes) -> None:
    assert decode(data) == "Café “quoted”"


def test_decode_cp1252() -> None:
    text = "The mayor’s office said “no comment” – a naïve move, critics in the café said."
    assert decode(text.encode("cp1252")) == text


def test_decode_latin1() -> None:
    text = "Der Bürgermeister sagte, der Plan würde Schulen finanzieren. Die Stadt stimmte zu."
    assert decode(text.encode("latin-1")) == text


def test_decode_utf8_cut_inside_last_character() -> None:
    assert decode("Ends in é".encode()[:-1]) == "Ends in "


def test_decode_mostly_utf8_with_stray_cp1252_quotes() -> None:
    data = "Café, déjà vu, naïve résumé ".encode() + b"and a pasted \x93smart quote\x94."
    assert decode(data) == "Café, déjà vu, naïve résumé and a pasted “smart quote”."


def test_decode_binary_is_unusable() -> None:
    with pytest.raises(load_module.Unusable, match="binary"):
        decode(bytes(range(256)) * 4)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    b"%PDF-1.4\n" + bytes(range(256)) * 2 + b"a plain stretch of text " * 20,  # binary, with some text
    b"".join(n.to_bytes(4, "little") for n in range(2000)),  # a table of numbers
], ids=["every-byte", "png", "pdf-ish", "int-table"])
def test_a_binary_file_is_still_refused(data: bytes) -> None:
    with pytest.raises(load_module.Unusable, match="binary|not text"):
        decode(data)


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
    (b"  %PDF-1.4\n", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "an old Office document"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "a gzip archive"),
    (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.text", "an OpenDocument file"),
    (b"PK\x03\x04" + bytes(60), "a ZIP archive"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"),
], ids=["pdf", "pdf-after-space", "ole", "gzip", "odt", "zip", "webp"])
def test_a_document_storyview_does_not_read_is_named(data: bytes, kind: str) -> None:
    with pytest.raises(load_module.Unusable, match=f"^{kind}.*, not text: storyview reads plain text"):
        decode(data)


@pytest.mark.parametrize("text", [
    "PDF-1.4 is a file format, the panel said.",
    "GIF images were banned, the rule said.",
    "PK 3 4: the code on the ticket.",
])
def test_text_that_names_a_format_is_text(text: str) -> None:
    assert document_kind(text.encode()) is None
    assert decode(text.encode()) == text


def test_a_short_note_with_a_stray_nul_is_text(write) -> None:
    """try18: a short text with a NUL in it was refused as binary."""
    loaded = load([write("note.txt", b"Council meets on Monday\n\nThe council will meet on Monday\x00 to vote on the budget.\n")])
    assert loaded.warnings == [] and loaded.articles[0].body[0].text == "The council will meet on Monday to vote on the budget."


def test_a_text_with_a_few_stray_nuls_is_read_without_them(write) -> None:
    body = "The Senate voted on Tuesday to pass the bill, which now goes to the House for a vote. " * 20
    text = f"Senate Passes The Bill\n\n{body}\n\nA second paragraph\x00 of the article.\n"
    loaded = load([write("a.txt", (text + "\x00").encode()), write("b.txt", "\x00\x00" + text)])
    assert loaded.warnings == []
    for article in loaded.articles:
        assert article.title == "Senate Passes The Bill"
        assert article.paragraphs[-1].text == "A second paragraph of the article."
        assert not any("\x00" in p.text for p in article.paragraphs)


def test_clean_line_ends_and_tabs() -> None:
    assert clean("a\r\nb\rc\td") == "a\nb\nc d"


def test_clean_other_line_breaks_become_newlines() -> None:
    assert clean("a\x0bb\x85c\u2028d") == "a\nb\nc\nd"
    assert clean("page\x0cnext") == "page\n\nnext"


def test_clean_is_nfc() -> None:
    assert clean("Cafe\u0301") == "Café"


def test_clean_keeps_joiners_where_they_shape_text() -> None:
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert clean(family) == family
    assert clean("Mam\u200ddani") == "Mamdani"


def test_clean_keeps_flag_tag_sequence_but_drops_loose_tags() -> None:
    scotland = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
    assert clean(f"Flag {scotland}.") == f"Flag {scotland}."
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore this")
    assert clean(f"Visible{hidden} text") == "Visible text"


def test_shown_makes_controls_visible() -> None:
    assert shown("a\x1b[31mb\u202ec\udce9") == "a\\x1b[31mb\\u202ec\\xe9"


# ---------------------------------------------------------------- files and folders


def test_folder_loads_txt_and_md_sorted(write) -> None:
    write("f/b.md", "Second article text here.")
    write("f/a.txt", "First article text here.")
    write("f/c.json", "{}")  # not an article suffix (.html is read: see test_html_input.py)
    write("f/.hidden.txt", "Not read either.")
    folder = os.path.dirname(write("f/z.txt", "Third article text here."))
    loaded = load([folder])
    assert [a.id for a in loaded.articles] == ["a", "b", "z"]
    assert loaded.warnings == [f"{folder}: 1 file of another kind not read: c.json"]  # the hidden file unsaid


def test_same_stem_gets_unique_ids(write) -> None:
    a = write("one/story.txt", "First article text here.")
    b = write("two/story.txt", "Second article text here.")
    assert [x.id for x in load([a, b]).articles] == ["story", "story-2"]


def test_same_file_named_twice_loads_once(write) -> None:
    a = write("story.txt", "An article text here.")
    loaded = load([a, a])
    assert len(loaded.articles) == 1
    assert loaded.warnings == [f"{a}: skipped, the same file is already loaded"]


def test_missing_path_is_a_warning(tmp_path) -> None:
    loaded = load([str(tmp_path / "nope.txt")])
    assert loaded.articles == []
    assert loaded.warnings == [f"{tmp_path / 'nope.txt'}: skipped, no such file or folder"]


def test_no_arguments_loads_the_seeds() -> None:
    assert len(load().articles) == len(list(seeds_dir().glob("*.txt"))) == 5


def test_header_block_without_blank_lines_keeps_its_metadata() -> None:
    a = parse_article(
        "x", "x",
        "ICE Is Trying to Poach Police Officers From New York City\nBy Jane Doe\nNovember 7, 2025\n\n"
        "The Senate voted on Tuesday to pass the bill.",
    )
    assert (a.title, a.byline, a.date) == ("ICE Is Trying to Poach Police Officers From New York City", "Jane Doe", "2025-11-07")
    assert [p.kind for p in a.paragraphs] == ["headline", "byline", "byline", "body"]


@pytest.mark.parametrize("text", [
    "[Update] The mayor said on Tuesday that the plan would go ahead.\n\nThe council agreed.\n",
    "{Exclusive} The mayor said on Tuesday that the plan would go ahead.\n",
    '["a", "list"] is how the court filing began, the mayor said.\n',
])
def test_an_article_that_opens_with_a_bracket_is_read(write, text: str) -> None:
    loaded = load([write("a.txt", text), write("b.txt", "The mayor said the plan would go ahead.")])
    assert [a.id for a in loaded.articles] == ["a", "b"]
    assert loaded.warnings == []


def test_a_report_storyview_wrote_beside_its_articles_is_not_read_as_one_more(tmp_path: Path) -> None:
    """A report saved among its articles had become one more source of its own story (try17)."""
    from storyview.exports.html import to_html
    from storyview.exports.markdown import markdown
    from storyview.exports.tei import to_tei
    from storyview.inputs.bundled import seeds_dir
    from storyview.pipeline import build_story

    for p in seeds_dir().glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    story = build_story([str(tmp_path)])
    (tmp_path / "report.html").write_text(to_html(story), encoding="utf-8")
    (tmp_path / "report.md").write_text(markdown(story), encoding="utf-8")
    (tmp_path / "report.txt").write_text(to_tei(story), encoding="utf-8")
    loaded = load([str(tmp_path)])
    assert len(loaded.articles) == 5
    skipped = [w for w in loaded.warnings if "a report storyview wrote" in w]
    assert len(skipped) == 3, loaded.warnings


@pytest.mark.parametrize(("text", "codec"), [
    ("Tara Reid entered the clinic, her rep said. The façade of the clinic in Malibu was new.", "latin-1"),
    ("Café owner José Müller said the fire destroyed the façade.\n\nÀ crowd gathered.\n", "latin-1"),
    ("Le ministre a déclaré que la façade de l’hôpital était fermée.", "cp1252"),
    ("The price was 12\u00a0000 euros for the café, the owner of the façade told the council on Monday.", "latin-1"),
])
def test_a_short_western_text_in_a_single_byte_charset_reads_as_written(text: str, codec: str) -> None:
    """A detector guessing on a handful of bytes had read "façade" as "faįade" or "faēade" (try18)."""
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize(("text", "codec"), [
    ("Zażółć gęślą jaźń, powiedział minister w Warszawie.", "cp1250"),
    ("Спасибо, сказал он журналистам в Москве.", "cp1251"),
])
def test_other_single_byte_charsets_are_still_detected(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text
