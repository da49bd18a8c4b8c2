"""`storyview PATH` with nothing to read says why and exits 1 instead of opening an empty reader,
where the folders' listings tell it; no file is read for that."""

from __future__ import annotations

from pathlib import Path

import pytest
import storyview.inputs.load
from storyview.cli import main
from storyview.reader.app import StoryviewApp

SUBFOLDERS = "storyview does not look inside subfolders"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[StoryviewApp]:
    """The reader apps the command ran (their run does nothing); no article is read on the way."""
    apps: list[StoryviewApp] = []
    monkeypatch.setattr(StoryviewApp, "run", lambda self, *a, **kw: apps.append(self))

    def no_reading(*args: object, **kw: object) -> None:
        raise AssertionError("an article was read before the reader started")

    monkeypatch.setattr(storyview.inputs.load, "read_file", no_reading)
    monkeypatch.setattr(storyview.inputs.load, "read_article", no_reading)
    return apps


def test_folders_with_no_article_file_exit_1_without_the_reader(started: list[StoryviewApp], write,
                                                                tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    write("parent/day1/a.txt", "An article.")
    write("parent/day2/b.txt", "Another article.")
    write("images/a.jpg", b"\xff\xd8\xff\xe0")
    assert main([str(tmp_path / "empty"), str(tmp_path / "parent"), str(tmp_path / "images"), str(tmp_path / "nope")]) == 1
    assert started == []
    assert capsys.readouterr().err.splitlines() == [
        f"storyview: {tmp_path / 'empty'}: skipped, no .txt, .md or .html files in this folder",
        (f"storyview: {tmp_path / 'parent'}: skipped, no .txt, .md or .html files in this folder; "
         f"2 of its subfolders hold articles (day1: 1, day2: 1): name one, as in storyview {tmp_path / 'parent' / 'day1'}"),
        (f"storyview: {tmp_path / 'images'}: skipped, no .txt, .md or .html files in this folder; "
         "1 file of another kind not read: a.jpg"),
        f"storyview: {tmp_path / 'nope'}: skipped, no such file or folder",
    ]


def test_one_file_to_read_opens_the_reader(started: list[StoryviewApp], write, tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), write("a.txt", "An article.")]) == 0
    assert len(started) == 1 and capsys.readouterr().err == ""  # the reader tells the rest


def test_an_unusable_file_is_only_known_once_read_so_the_reader_opens(started: list[StoryviewApp], write) -> None:
    assert main([write("empty.txt", "")]) == 0 and len(started) == 1


def test_no_path_opens_the_seeds(started: list[StoryviewApp]) -> None:
    assert main([]) == 0 and len(started) == 1
