"""Stories first, end to end: a folder of several stories is split, each story aligned on its
own; the JSON and the reports say which story is which; a folder of one story is as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_factories import CUTS, EVENTS, QUAKE
from storyview.cli import main
from storyview.engine.stories import StorySettings
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import align_all, align_story, collect


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two earthquakes told three times each, and one article on its own."""
    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            text = f"{facts['place']} quake report\n\n" + "\n\n".join(QUAKE[k].format(**facts) for k in cut)
            (tmp_path / f"{name}{n}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "zz-lone.txt").write_text(
        "Oslo library opens\n\nThe Deichman library in Oslo opened its doors to 5,000 visitors on Friday.\n",
        encoding="utf-8")
    return tmp_path


def test_a_folder_of_two_stories_and_a_lone_article(folder: Path) -> None:
    collection = collect(load([str(folder)]))
    sizes = [len(s.sources) for s in collection.stories]
    assert sizes == [3, 3, 1]
    assert {frozenset(s.sources) for s in collection.stories[:2]} == {
        frozenset(f"sumatra{n}" for n in range(3)), frozenset(f"qeshm{n}" for n in range(3))}
    assert collection.stories[2].label == "Oslo library opens"
    assert all(s.words > 0 for s in collection.stories)
    stories = align_all(collection, Settings())
    for story, entry in zip(stories, collection.stories):
        assert story.id == entry.id and story.label == entry.label
        assert {a.id for a in story.articles} == set(entry.sources)
        for group in story.groups:  # groups never reach into another story
            assert set(group.sources) <= set(entry.sources)
    # A lone article is no surprise in a folder of several stories.
    assert not any("fewer than two" in w for w in stories[2].warnings)


def test_json_lists_the_stories_and_tags_every_group(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["stories"]] == [1, 2, 3]
    listed = [src for s in data["stories"] for src in s["sources"]]
    assert sorted(listed) == sorted(src["id"] for src in data["sources"])  # each source in one story
    assert len(listed) == len(set(listed))
    story_of = {src: s["id"] for s in data["stories"] for src in s["sources"]}
    assert [g["id"] for g in data["groups"]] == list(range(1, len(data["groups"]) + 1))
    for group in data["groups"]:
        assert {story_of[m["source"]] for m in group["members"]} == {group["story"]}
    assert [src["id"] for src in data["sources"]] == sorted(src["id"] for src in data["sources"])  # folder order


def test_story_n_exports_that_story_alone(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "--story", "2", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["stories"]] == [2]
    assert {src["id"] for src in data["sources"]} == set(data["stories"][0]["sources"])
    assert {g["story"] for g in data["groups"]} == {2}
    assert main(["--json", "--story", "9", str(folder)]) == 1
    assert "no story 9: the folder has 3 stories" in capsys.readouterr().err


def test_one_story_takes_the_whole_folder_as_one_telling(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the user knows better than the split: every article in one story, aligned together
    assert main(["--json", "--one-story", str(folder)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert len(data["stories"]) == 1
    assert sorted(data["stories"][0]["sources"]) == sorted(src["id"] for src in data["sources"])
    assert len(data["sources"]) == 7
    assert {g["story"] for g in data["groups"]} == {1}
    # groups may now reach across what the split had parted; the lone article says it shares nothing
    assert any("share no part of the story" in line for line in captured.err.splitlines())
    assert len(collect(load([str(folder)]), StorySettings(split=False)).stories) == 1


def test_a_folder_of_one_story_is_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["stories"]) == 1 and data["stories"][0]["id"] == 1
    assert data["stories"][0]["sources"] == [src["id"] for src in data["sources"]]
    assert {g["story"] for g in data["groups"]} == {1}
    story = align_story(collect(load([str(seeds_dir())])), 1, Settings())
    assert len(data["groups"]) == len(story.groups)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_of_several_stories_has_contents_and_a_section_each(
    folder: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--report", fmt, str(folder)]) == 0
    text = capsys.readouterr().out
    for n in (1, 2, 3):
        assert f"#story-{n}" in text  # the contents link to each section
        assert (f'id="story-{n}"') in text
    if fmt == "html":
        assert text.count("<html") == 1 and 'id="s1-groups"' in text and 'id="s2-groups"' in text
        assert 'href="#s2-group-1"' in text
    else:
        assert "## Contents" in text and "## Story 2: " in text and "### Sources" in text


def test_the_seeds_report_is_one_story_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--report", "md"]) == 0
    text = capsys.readouterr().out
    assert "## Contents" not in text and text.startswith("# ")


def test_many_notes_on_stories_are_summed_up_on_stderr() -> None:
    """Each story may have a note; stderr shows a few, the output holds them all."""
    from storyview.cli import NOTES_SHOWN, _notes

    stories = [(f"note {n}",) for n in range(1, 10)]  # each story's warnings
    lines = _notes(("a.txt: skipped",), stories)
    assert lines[0] == "a.txt: skipped"
    assert lines[1:-1] == [f"note {n}" for n in range(1, NOTES_SHOWN + 1)]
    assert lines[-1] == "… and 4 more notes on the stories (all of them in the output's warnings)"
    assert _notes((), stories[:3]) == ["note 1", "note 2", "note 3"]


def test_story_n_reports_that_story_as_its_own_report(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--report", "md", "--story", "1", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "## Contents" not in text and "## Groups" in text


def test_stories_aligned_on_several_processes_are_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jobs`: each story aligned in a forked worker comes back in story order, equal to the
    one-process result, JSON byte for byte."""
    from storyview import pipeline
    from storyview.exports.json_export import collection_json

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)  # a small folder, as a large one goes
    collection = collect(load([str(folder)]))
    assert pipeline._jobs(2, len(collection.stories), len(collection.articles)) == 2
    one = align_all(collection, Settings(), jobs=1)
    two = align_all(collection, Settings(), jobs=2, findings=True)
    from storyview.findings.analysis import _cache

    assert all(_cache[id(story)][0]() is story for story in two)  # the workers' findings, taken as they are
    assert [s.id for s in two] == [s.id for s in one]
    assert collection_json(collection, two) == collection_json(collection, one)
    monkeypatch.setattr(pipeline, "_chunk", lambda stories, workers: 2)  # a few stories a task, as a large folder
    assert collection_json(collection, align_all(collection, Settings(), jobs=2)) == collection_json(collection, one)


def test_a_folder_fingerprinted_on_several_processes_splits_the_same(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`collect(jobs=2)`: the articles fingerprinted in forked workers split into the same stories."""
    from storyview import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "FINGERPRINT_CHUNK", 1)
    loaded = load([str(folder)])
    assert pipeline._fingerprints(loaded.articles, None, 2) is not None
    assert collect(loaded, jobs=2) == collect(loaded, jobs=1)
    assert len(collect(loaded, jobs=2).stories) > 1


def test_a_folder_read_on_several_processes_loads_the_same(
        folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`read_all(jobs=2)`: the files read in forked workers come back as one process reads them:
    the same articles and ids (a stem met twice made unique), the same warnings in the same order."""
    from storyview import pipeline

    other = tmp_path_factory.mktemp("other")
    (other / "qeshm0.txt").write_text("Another qeshm0\n\nA second file of the same name.\n", encoding="utf-8")
    (other / "empty.txt").write_bytes(b"")
    (other / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    paths = [str(folder), str(other), str(folder / "zz-lone.txt"), str(other / "missing.txt")]
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "READ_CHUNK", 1)
    one, two = load(paths), pipeline.read_all(paths, jobs=2)
    assert two == one
    assert "qeshm0-2" in [a.id for a in two.articles]
    assert [w.split(": ")[1][:8] for w in two.warnings] == ["skipped,"] * 4  # binary, empty, again, missing


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--json", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err


def _sleeps(entry: object) -> object:
    import time

    time.sleep(60)
    return entry


def test_ctrl_c_while_stories_align_in_processes_ends_every_worker() -> None:
    """ctrl+c reaches the parent only (the workers ignore it); the parent ends the pool at once
    and leaves no worker behind."""
    import multiprocessing
    import os
    import signal
    import threading
    import time

    from storyview import pipeline
    from storyview.model import StoryEntry

    wanted = [StoryEntry(n, f"story {n}", (f"s{n}",)) for n in range(1, 5)]
    before = set(multiprocessing.active_children())  # other tests' (a Dask cluster's) are not ours
    threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        pipeline._align_in_processes(_sleeps, wanted, 2, None, Settings(semantic=False))
    assert time.monotonic() - start < 30
    assert set(multiprocessing.active_children()) - before == set()
    assert pipeline._SHARED is None


def test_workers_kept_from_fingerprinting_align_the_same(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kept_workers`: the processes that fingerprinted the folder align its stories, JSON byte
    for byte as one process does, and none is left once the stories are back."""
    import multiprocessing

    from storyview import pipeline
    from storyview.exports.json_export import collection_json, parts_json, to_dict

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "FINGERPRINT_CHUNK", 1)
    loaded = load([str(folder)])
    one = collect(loaded, jobs=1)
    alone = align_all(one, Settings(), jobs=1)
    taken: list[object] = []
    on_kept = pipeline._align_on_kept
    monkeypatch.setattr(pipeline, "_align_on_kept", lambda kept, *rest: taken.append(kept) or on_kept(kept, *rest))
    before = set(multiprocessing.active_children())
    with pipeline.kept_workers(Settings()):
        collection = collect(loaded, jobs=2)
        assert len(set(multiprocessing.active_children()) - before) == 2  # still up, for the stories
        stories = align_all(collection, Settings(), jobs=2)
        assert set(multiprocessing.active_children()) - before == set()
        parts = pipeline.align_each(collection, Settings(), to_dict, jobs=2)  # none kept now: a fresh pool
    assert len(taken) == 1
    assert collection == one
    assert collection_json(collection, stories) == collection_json(one, alone)
    assert parts_json(collection, parts) == parts_json(one, [to_dict(s) for s in alone])


@pytest.mark.parametrize("how", ["other settings", "not aligned"])
def test_kept_workers_not_used_are_stopped(folder: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Workers kept for one way of aligning are not used for another (the model was loaded, or
    not, as first asked), and a run that stops before aligning leaves none behind."""
    import multiprocessing

    from storyview import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "FINGERPRINT_CHUNK", 1)
    loaded = load([str(folder)])
    before = set(multiprocessing.active_children())
    monkeypatch.setattr(pipeline, "_align_on_kept", lambda *rest: pytest.fail("aligned on the kept workers"))
    with pipeline.kept_workers(Settings()):
        collection = collect(loaded, jobs=2)
        if how == "other settings":
            assert len(align_all(collection, Settings(semantic=False), jobs=2)) == len(collection.stories)
    assert set(multiprocessing.active_children()) - before == set()
    assert pipeline._keeping is None


def test_ctrl_c_while_stories_align_on_kept_workers_ends_every_worker(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ctrl+c while the kept workers align: none is left behind."""
    import multiprocessing
    import os
    import signal
    import threading
    import time

    from storyview import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "FINGERPRINT_CHUNK", 1)
    loaded = load([str(folder)])
    before = set(multiprocessing.active_children())
    taken: list[object] = []
    on_kept = pipeline._align_on_kept
    monkeypatch.setattr(pipeline, "_align_on_kept", lambda kept, *rest: taken.append(kept) or on_kept(kept, *rest))
    with pytest.raises(KeyboardInterrupt), pipeline.kept_workers(Settings()):
        collection = collect(loaded, jobs=2)
        threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
        start = time.monotonic()
        pipeline.align_each(collection, Settings(), _sleeps, jobs=2)
    assert taken and time.monotonic() - start < 30
    assert set(multiprocessing.active_children()) - before == set()


def test_a_kept_worker_that_dies_is_replaced_by_fresh_ones_and_a_second_death_is_one_line(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A kept worker killed (the kernel's out-of-memory killer) while it waits: the stories are
    aligned on fresh workers, the same as by one process (rev26: the whole run stopped). One that
    dies there too stops the run at once with `WorkerLost` (a multiprocessing Pool waited forever
    for the task lost with it), no worker left behind, and the command line says so in one line."""
    import multiprocessing
    import os
    import time

    from storyview import pipeline
    from storyview.exports.json_export import collection_json
    from storyview.workers import LOST, WorkerLost

    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(pipeline, "FINGERPRINT_CHUNK", 1)
    loaded = load([str(folder)])
    one = collect(loaded, jobs=1)
    expected = collection_json(one, align_all(one, Settings(), jobs=1))
    before = set(multiprocessing.active_children())
    with pipeline.kept_workers(Settings()):
        collection = collect(loaded, jobs=2)
        pipeline._keeping.pools[0].pool.submit(os._exit, 1)  # one worker ends, as one the system kills
        assert collection_json(collection, align_all(collection, Settings(), jobs=2)) == expected
    assert set(multiprocessing.active_children()) - before == set()
    monkeypatch.setattr(pipeline, "align_entry", lambda *args, **kwargs: os._exit(1))  # in every worker
    start = time.monotonic()
    with pytest.raises(WorkerLost), pipeline.kept_workers(Settings()):
        align_all(collect(loaded, jobs=2), Settings(), jobs=2)
    assert time.monotonic() - start < 30
    assert set(multiprocessing.active_children()) - before == set()
    capsys.readouterr()
    assert main(["--json", "--jobs", "2", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == f"storyview: {LOST}" and "Traceback" not in err
    assert set(multiprocessing.active_children()) - before == set()