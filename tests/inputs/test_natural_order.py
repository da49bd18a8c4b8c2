"""A folder's files in the order a person numbers them: report_2 before report_10."""

from __future__ import annotations

from pathlib import Path

from storyview.inputs.load import load


def test_a_folder_reads_in_natural_order(tmp_path: Path) -> None:
    for n in (1, 2, 10, 11, 3):
        (tmp_path / f"report_{n}.txt").write_text(f"Report number {n} says the bridge opened today.\n")
    loaded = load([str(tmp_path)])
    assert [a.id for a in loaded.articles] == ["report_1", "report_2", "report_3", "report_10", "report_11"]
