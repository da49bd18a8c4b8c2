"""What a folder holds that storyview does not read is said in one line: its subfolders and its
files of other kinds, by name. Hidden names stay unsaid."""

from __future__ import annotations

from pathlib import Path

from storyview.cli import main
from storyview.inputs.load import load

STORY = "The council approved the transit budget on Tuesday after a long debate over bus routes."
PAGE = ("<!DOCTYPE html><html><head><title>Budget passes</title></head><body><article>"
        f"<p>{STORY}</p><p>The mayor said the money buys electric buses for the northern districts.</p>"
        "</article></body></html>")
SUBFOLDERS = "storyview does not look inside subfolders"


def test_a_folder_names_its_subfolder_and_its_files_of_other_kinds_in_one_line(write, tmp_path: Path) -> None:
    write("greece/a.txt", STORY)
    write("greece/more/b.txt", STORY)
    write("greece/photo.jpg", b"\xff\xd8\xff\xe0")
    write("greece/notes.docx", b"PK\x03\x04")
    write("greece/.DS_Store", b"\x00")
    write("greece/.git/config", "[core]")
    write("greece/.storyview/pins.json", "{}")
    loaded = load([str(tmp_path / "greece")])
    assert [a.id for a in loaded.articles] == ["a"]
    assert loaded.warnings == [
        (f"{tmp_path / 'greece'}: 1 subfolder not read ({SUBFOLDERS}: name it): more; "
         "2 files of other kinds not read: notes.docx, photo.jpg")
    ]


def test_a_long_list_of_names_is_cut_after_a_few(write, tmp_path: Path) -> None:
    write("f/a.txt", STORY)
    for n in range(1, 6):
        write(f"f/scan{n}.pdf", b"%PDF-1.4")
        write(f"f/day{n}/x.txt", STORY)
    (warning,) = load([str(tmp_path / "f")]).warnings
    assert warning == (f"{tmp_path / 'f'}: 5 subfolders not read ({SUBFOLDERS}: name them): day1, day2, day3 and 2 more; "
                       "5 files of other kinds not read: scan1.pdf, scan2.pdf, scan3.pdf and 2 more")


def test_a_folder_of_subfolders_names_those_with_articles_and_how_to_open_one(write, tmp_path: Path) -> None:
    write("parent/day1/a.txt", STORY)
    write("parent/day2/b.txt", STORY)
    write("parent/day2/c.md", STORY)
    write("parent/empty/notes.pdf", b"%PDF-1.4")
    loaded = load([str(tmp_path / "parent")])
    assert loaded.articles == []
    assert loaded.warnings == [(f"{tmp_path / 'parent'}: skipped, no .txt, .md or .html files in this folder; "
                                "2 of its subfolders hold articles (day1: 1, day2: 2): "
                                f"name one, as in storyview {tmp_path / 'parent' / 'day1'}")]


def test_articles_one_level_down_give_the_command_that_opens_them(write, tmp_path: Path) -> None:
    """Tryout: `storyview bout` with the articles in bout/stories/ (a name with a space is quoted)."""
    for n in range(3):
        write(f"bout/my stories/{n}.txt", STORY)
    write("bout/cover.jpg", b"\xff\xd8\xff\xe0")
    assert load([str(tmp_path / "bout")]).warnings == [
        (f"{tmp_path / 'bout'}: skipped, no .txt, .md or .html files in this folder; its subfolder my stories "
         f"holds 3 articles: open it with storyview '{tmp_path / 'bout' / 'my stories'}'; "
         "1 file of another kind not read: cover.jpg")]


def test_subfolders_without_articles_are_only_said_unread(write, tmp_path: Path) -> None:
    write("deep/x/y/a.txt", STORY)
    assert load([str(tmp_path / "deep")]).warnings == [
        (f"{tmp_path / 'deep'}: skipped, no .txt, .md or .html files in this folder; "
         f"1 subfolder not read ({SUBFOLDERS}: name it): x")]


def test_only_hidden_entries_leave_the_plain_skip_line(write, tmp_path: Path) -> None:
    write("quiet/.hidden.txt", STORY)
    write("quiet/.storyview/pins.json", "{}")
    assert load([str(tmp_path / "quiet")]).warnings == [
        f"{tmp_path / 'quiet'}: skipped, no .txt, .md or .html files in this folder"]


def test_text_and_xhtml_files_of_a_folder_are_read(write, tmp_path: Path) -> None:
    write("ext/a.text", STORY)
    write("ext/b.xhtml", '<?xml version="1.0" encoding="UTF-8"?>\n' + PAGE.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'))
    loaded = load([str(tmp_path / "ext")])
    assert loaded.warnings == []
    assert [a.id for a in loaded.articles] == ["a", "b"]
    assert loaded.articles[1].title == "Budget passes" and STORY in [p.text for p in loaded.articles[1].paragraphs]


def test_the_json_command_says_it_on_standard_error(write, tmp_path: Path, capsys) -> None:
    write("mixed greece/a.txt", STORY)
    write("mixed greece/b.txt", STORY + " Buses come first.")
    write("mixed greece/more/c.txt", STORY)
    assert main(["--json", str(tmp_path / "mixed greece")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"storyview: {tmp_path / 'mixed greece'}: 1 subfolder not read ({SUBFOLDERS}: name it): more" in err
