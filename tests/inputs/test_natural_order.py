"""A folder's files in the order a person numbers them: report_2 before report_10."""

from __future__ import annotations

from pathlib import Path

from storyview.inputs.load import load


def test_a_folder_reads_in_natural_order(tmp_path: Path) -> None:
    for n in (1, 2, 10, 11, 3):
        (tmp_path / f"report_{n}.txt").write_text(f"Report number {n} says the bridge opened today.\n")
    loaded = load([str(tmp_path)])
    assert [a.id for a in loaded.articles] == ["report_1", "report_2", "report_3", "report_10", "report_11"]


def test_a_name_comes_before_its_longer_namesakes_whatever_the_extension(tmp_path: Path) -> None:
    for name in ("19_6 copy.txt", "19_6.txt", "19_6.md", "19_10.txt", "19_6-b.txt"):
        (tmp_path / name).write_text(f"{name} says the bridge opened today.\n")
    loaded = load([str(tmp_path)])
    assert [a.path.rsplit("/", 1)[-1] for a in loaded.articles] == [
        "19_6.md", "19_6.txt", "19_6 copy.txt", "19_6-b.txt", "19_10.txt"]
