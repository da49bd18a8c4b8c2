"""A batch folder whose run was stopped (ctrl+c) before it wrote its index (try22 #6): the
reader, `--json` and `--report` say so in one line, with the command that finishes it, and
write nothing; the story folder of a finished batch points at the batch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from storyview.batch.output import INDEX, STORIES, resume_command, stopped
from storyview.cli import main


@pytest.fixture
def stopped_dir(reference: Path, tmp_path: Path) -> Path:
    """The reference batch as a ctrl+c leaves it: some story files written, no index."""
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    (out / INDEX).unlink()
    for path in sorted((out / STORIES).iterdir())[2:]:
        path.unlink()
    return out


def test_a_folder_of_story_files_without_an_index_is_a_stopped_batch(stopped_dir: Path, corpus: Path) -> None:
    found = stopped(stopped_dir)
    assert found is not None and found.written == 2
    assert found.inputs == (str(corpus),)  # the folder its stories' articles were read from
    assert stopped(stopped_dir / STORIES) == found
    assert resume_command(found.inputs, stopped_dir, found.threshold) == \
        f"storyview batch {corpus} --out {stopped_dir} --resume"


def test_a_finished_batch_or_a_folder_of_articles_is_no_stopped_batch(reference: Path, corpus: Path,
                                                                      tmp_path: Path) -> None:
    assert stopped(reference) is None and stopped(corpus) is None
    assert stopped(tmp_path / "nothing") is None
    (tmp_path / "empty" / STORIES).mkdir(parents=True)
    assert stopped(tmp_path / "empty") is None


@pytest.mark.parametrize("named", [".", STORIES])
@pytest.mark.parametrize("mode", [[], ["--json", "-o", "x.json"], ["--report", "md", "-o", "x.md"]])
def test_opening_a_stopped_batch_says_how_to_finish_it_and_writes_nothing(
        stopped_dir: Path, corpus: Path, named: str, mode: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([str(stopped_dir / named), *mode]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"storyview: {stopped_dir} is a batch that was stopped before it finished (2 stories "
                   f"written, no index): run `storyview batch {corpus} --out {stopped_dir} --resume` to finish it"]
    assert not list(tmp_path.glob("x.*"))


def test_the_story_folder_of_a_finished_batch_points_at_the_batch(reference: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(reference / STORIES), "--json"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"storyview: {reference / STORIES} holds the story files of the batch {reference}: open {reference}"]


def test_a_stopped_batch_opened_from_elsewhere_names_its_inputs_from_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A batch run from /tmp as `storyview batch try/bbc --out try/b`, stopped, then opened from
    / (try25 #5): the command it proposes must find the articles from there."""
    import json

    run = tmp_path / "run"
    (run / "try" / "bbc").mkdir(parents=True)
    (run / "try" / "bbc" / "a.txt").write_text("A\n\nOne.\n", encoding="utf-8")
    (run / "try" / "b" / STORIES).mkdir(parents=True)
    story = {"settings": {"threshold": 0.16}, "sources": [{"path": "try/bbc/a.txt"}]}
    (run / "try" / "b" / STORIES / "000001-0123456789abcdef.json").write_text(json.dumps(story), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    found = stopped(run / "try" / "b")
    assert found is not None and found.inputs == (str(run / "try" / "bbc"),)
    monkeypatch.chdir(run)  # where it was run: the inputs as they were named
    assert stopped(run / "try" / "b").inputs == ("try/bbc",)


def test_a_batch_records_what_it_was_asked_to_read(reference: Path, corpus: Path) -> None:
    import json
    import os

    from storyview.batch.output import RUN

    recorded = json.loads((reference / RUN).read_text(encoding="utf-8"))
    assert recorded["inputs"] == [str(corpus)] and recorded["threshold"] == 0.16
    assert recorded["folder"] == os.getcwd()


def test_a_stopped_batch_names_every_input_it_was_given_from_where_it_was_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The inputs are those the run recorded as it started: a folder none of whose stories was
    written yet is named too (guessed from the stories written, it was lost from the command).
    They are named as the run named them, from the folder it started in: the stories' files are
    named by their articles' paths as named, and a resume from elsewhere with other names
    realigned every story (try27)."""
    import json

    from storyview.batch.output import RUN, run_text

    run = tmp_path / "run"
    for name in ("a", "b"):
        (run / name).mkdir(parents=True)
        (run / name / "x.txt").write_text("A\n\nOne.\n", encoding="utf-8")
    (run / "out" / STORIES).mkdir(parents=True)
    story = {"settings": {"threshold": 0.16}, "sources": [{"path": "a/x.txt"}]}
    (run / "out" / STORIES / "000001-0123456789abcdef.json").write_text(json.dumps(story), encoding="utf-8")
    monkeypatch.chdir(run)
    (run / "out" / RUN).write_text(run_text(["a", "b", "-", "https://example.com/x"], 0.3), encoding="utf-8")
    found = stopped(run / "out")
    assert found is not None and found.inputs == ("a", "b") and found.threshold == 0.3
    assert resume_command(found.inputs, "out", found.threshold, found.started_in) == \
        "storyview batch a b --out out --threshold 0.3 --resume"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    found = stopped(run / "out")
    assert found is not None and found.inputs == ("a", "b")
    assert resume_command(found.inputs, "../run/out", found.threshold, found.started_in) == \
        f"cd {run} && storyview batch a b --out {run / 'out'} --threshold 0.3 --resume"
    (run / "out" / RUN).write_text("{not json", encoding="utf-8")  # unreadable: guessed, as before
    assert stopped(run / "out").inputs == (str(run / "a"),)
