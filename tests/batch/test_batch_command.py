"""`storyview batch` as a command: what it says when it ends, and what it refuses before any work."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import storyview.batch.cluster
from storyview.batch.command import main
from storyview.batch.output import INDEX
from storyview.engine import semantic
from storyview.inputs.bundled import seeds_dir


@pytest.fixture
def shared_cluster(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs on the tests' two-worker cluster instead of starting its own."""

    @contextmanager
    def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
        yield client

    monkeypatch.setattr(storyview.batch.cluster, "connect", connect)


def test_one_story_is_counted_in_the_singular(shared_cluster: None, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), corpus)
    articles = len(list(corpus.glob("*.txt")))
    assert main([str(corpus), "--out", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith(f"storyview: wrote 1 story of {articles} articles to ")


def test_paths_none_of_which_exist_end_it_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def no_cluster(*args: Any, **kw: Any) -> None:
        raise AssertionError("a cluster was started for nothing")

    monkeypatch.setattr(storyview.batch.cluster, "connect", no_cluster)
    missing = [str(tmp_path / "nonexist"), str(tmp_path / "typo.txt")]
    assert main([*missing, "--out", str(tmp_path / "b3")]) == 1
    assert capsys.readouterr().err.splitlines() == [f"storyview: {p}: no such file or folder" for p in missing]
    assert not (tmp_path / "b3").exists()


def test_an_out_folder_that_is_a_looping_symlink_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """try26: `--out` a symlink loop ended in a traceback (the folder could not be made)."""
    def no_cluster(*args: Any, **kw: Any) -> None:
        raise AssertionError("a cluster was started for nothing")

    monkeypatch.setattr(storyview.batch.cluster, "connect", no_cluster)
    (tmp_path / "o1").symlink_to(tmp_path / "o2")
    (tmp_path / "o2").symlink_to(tmp_path / "o1")
    assert main([str(seeds_dir()), "--out", str(tmp_path / "o1")]) == 1
    assert capsys.readouterr().err.splitlines() == [f"storyview: {tmp_path / 'o1'}: a looping symlink, not a folder"]


def test_an_out_folder_holding_a_batch_of_other_inputs_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """try31: `batch bad --out o4copy` swept away the 253 stories of another corpus's batch
    there. A batch of the same inputs (a run again, --resume) or of fewer is written over."""
    from storyview.batch.command import _refused
    from storyview.batch.output import RUN, run_text

    def no_cluster(*args: Any, **kw: Any) -> None:
        raise AssertionError("a cluster was started for nothing")

    monkeypatch.setattr(storyview.batch.cluster, "connect", no_cluster)
    monkeypatch.chdir(tmp_path)
    for name in ("bbc", "bad"):
        (tmp_path / name).mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / RUN).write_text(run_text(["bbc"], 0.16))
    assert main(["bad", "--out", "out"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "holds a batch of other inputs (bbc)" in err[0]
    assert _refused([str(tmp_path / "bbc")], out) is None
    assert _refused(["bbc", "bad"], out) is None
    (tmp_path / "bbc" / "a.txt").write_text("An article.\n")
    (out / RUN).write_text(run_text(["bbc/a.txt"], 0.16))  # its files then, their folder now: more
    assert _refused(["bbc"], out) is None and _refused(["bad"], out) is not None


def test_the_index_settings_are_those_of_its_stories_model_included(reference: Path) -> None:
    index = json.loads((reference / INDEX).read_text(encoding="utf-8"))
    first = json.loads((reference / index["stories"][0]["file"]).read_text(encoding="utf-8"))
    assert index["settings"] == first["settings"]
    assert list(index["settings"]) == ["threshold", "sentence_threshold", "order_weight", "semantic", "model"]
    assert index["settings"]["model"] == semantic.NAME  # the batch aligns by meaning too


def test_a_batch_follows_the_readers_pins_as_json_does_and_never_writes_them(
        shared_cluster: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A break made in the reader between two grouped paragraphs: the batch's story file parts
    them, as `storyview --json` does; `--ignore-pins` leaves it out; the pins file is untouched.
    A pin made since, and `--resume` aligns that story again."""
    from storyview.cli import main as cli_main
    from storyview.model import Member, Pin
    from storyview.pinstore import PinStore
    from storyview.pipeline import build_story

    from batch_corpus import write_corpus

    corpus = write_corpus(tmp_path / "corpus")
    quake = sorted(str(p) for p in corpus.glob("quake_*.txt"))
    story = build_story(quake)
    group = next(g for g in story.groups if {"quake_0", "quake_1"} <= set(g.sources))
    a, b = (next(m for m in group.members if m.source == s) for s in ("quake_0", "quake_1"))
    store = PinStore.for_inputs([str(corpus)])
    store.add(Pin("break", Member(a.source, a.paragraph), Member(b.source, b.paragraph)), story.articles)
    before = store.path.read_bytes()

    def groups_of(folder: Path) -> tuple[set[frozenset[tuple[str, int]]], list[object]]:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        entry = next(e for e in index["stories"] if "quake_0" in e["sources"])
        data = json.loads((folder / entry["file"]).read_text(encoding="utf-8"))
        return {frozenset((m["source"], m["paragraph"]) for m in g["members"]) for g in data["groups"]}, data["pins"]

    assert main([str(corpus), "--out", str(tmp_path / "out")]) == 0
    groups, pins = groups_of(tmp_path / "out")
    assert len(pins) == 1 and not any({(a.source, a.paragraph), (b.source, b.paragraph)} <= g for g in groups)
    assert store.path.read_bytes() == before
    capsys.readouterr()
    assert cli_main([str(corpus), "--json", "-o", str(tmp_path / "one.json")]) == 0
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    quake_story = next(s["id"] for s in one["stories"] if "quake_0" in s["sources"])
    assert groups == {frozenset((m["source"], m["paragraph"]) for m in g["members"])
                      for g in one["groups"] if g["story"] == quake_story}

    assert main([str(corpus), "--out", str(tmp_path / "plain"), "--ignore-pins"]) == 0
    groups, pins = groups_of(tmp_path / "plain")
    assert pins == [] and any({(a.source, a.paragraph), (b.source, b.paragraph)} <= g for g in groups)

    store.clear()
    assert main([str(corpus), "--out", str(tmp_path / "out"), "--resume"]) == 0
    assert "(1 aligned now)" in capsys.readouterr().err
    assert groups_of(tmp_path / "out")[1] == []
    # the file of the story as it was with the pin is gone: the index no longer names it
    index = json.loads((tmp_path / "out" / INDEX).read_text(encoding="utf-8"))
    assert sorted(p.name for p in (tmp_path / "out" / "stories").iterdir()) == \
        sorted(Path(e["file"]).name for e in index["stories"])


def test_ctrl_c_before_any_story_was_written_names_no_folder_to_go_on_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """try28: interrupted while reading, the batch said "the stories written so far are in out"
    of a folder that was never made."""
    import storyview.batch.run

    @contextmanager
    def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
        yield None

    def interrupted(*args: Any, **kw: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(storyview.batch.cluster, "connect", connect)
    monkeypatch.setattr(storyview.batch.run, "run_batch", interrupted)
    assert main([str(seeds_dir()), "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err.splitlines()[-1] == "storyview: interrupted before any story was written"
    assert not (tmp_path / "out").exists()


def test_progress_in_a_log_is_a_line_a_tenth_of_the_way() -> None:
    """try31: with stderr not a terminal, a batch said nothing until its last line."""
    import io
    from contextlib import redirect_stderr

    from storyview.batch.command import _log_lines

    line = _log_lines()
    err = io.StringIO()
    with redirect_stderr(err):
        line("reading", 0, 2225)
        for done in range(1, 2226, 7):
            line("reading", done, 2225)
        line("reading", 2225, 2225)
        line("linking", 0, 1)
        line("stories", 0, 3)
        line("stories", 3, 3)
    lines = err.getvalue().splitlines()
    assert lines[0] == "storyview: 0 of 2,225 files read" and "storyview: 2,225 of 2,225 files read" in lines
    assert len([x for x in lines if "files read" in x]) == 11
    assert lines[-2:] == ["storyview: 0 of 3 stories aligned", "storyview: 3 of 3 stories aligned"]
