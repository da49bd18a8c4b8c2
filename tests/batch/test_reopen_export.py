"""`storyview FILE.json` on what `storyview --json` wrote: the stories as they were aligned, a
story list where the file holds several, nothing aligned again unless another threshold asks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from story_factories import CUTS, EVENTS, QUAKE

import storyview.pipeline
from storyview.batch.opened import open_for_reader
from storyview.batch.output import is_export
from storyview.cli import batch_app, main
from storyview.model import Settings
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.stories import StoriesScreen


def quakes(folder: Path) -> Path:
    """Three reports of each of two earthquakes: a folder of two stories."""
    folder.mkdir()
    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            (folder / f"{name}{n}.txt").write_text("\n\n".join(QUAKE[k].format(**facts) for k in cut) + "\n")
    return folder


def exported(tmp_path: Path, *paths: str) -> Path:
    out = tmp_path / "out.json"
    assert main([*paths, "--json", "-o", str(out)]) == 0
    return out


def test_a_json_export_of_two_stories_reopens_as_those_two_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = exported(tmp_path, str(quakes(tmp_path / "quakes")))
    data = json.loads(out.read_text())
    assert is_export(out) and not is_export(tmp_path / "quakes" / "qeshm0.txt")

    def never(*_: object, **__: object) -> None:
        raise AssertionError("a story was aligned again")

    monkeypatch.setattr(storyview.pipeline, "story_from", never)
    opened = open_for_reader(out)
    entries = opened.batch.entries
    assert [(e.id, set(e.sources)) for e in entries] == [(s["id"], set(s["sources"])) for s in data["stories"]]
    for entry in entries:
        story = opened.batch.story(entry)
        groups = [g for g in data["groups"] if g["story"] == entry.id]
        assert [a.id for a in story.articles] == [s["id"] for s in data["sources"] if s["id"] in entry.sources]
        assert [g.label for g in story.groups] == [g["label"] for g in groups]
        assert [g.id for g in story.groups] == list(range(1, len(groups) + 1))


def test_a_json_export_reopened_with_another_threshold_is_aligned_again_from_its_own_text(tmp_path: Path) -> None:
    out = exported(tmp_path)  # the seeds
    (tmp_path / "moved.json").write_bytes(out.read_bytes())  # the export, away from any article file
    opened = open_for_reader(tmp_path / "moved.json")
    [entry] = opened.batch.entries
    as_written = opened.batch.story(entry)
    stricter = opened.align(opened.gather(), entry.id, Settings(threshold=0.4))
    assert [a.id for a in stricter.articles] == [a.id for a in as_written.articles]
    assert len(stricter.groups) > len(as_written.groups)


@pytest.mark.asyncio
async def test_the_reader_opens_a_json_export_of_one_story_side_by_side(tmp_path: Path) -> None:
    app = batch_app(open_for_reader(exported(tmp_path)))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            if isinstance(app.screen, MainScreen) and app.story is not None:
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, MainScreen) and not isinstance(app.screen, StoriesScreen)
        assert app.story is not None and len(app.story.articles) == 5


def test_json_that_storyview_did_not_write_is_still_not_an_article(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "api.json"
    other.write_text('{"results": [1, 2]}')
    assert not is_export(other)
    broken = tmp_path / "broken.json"
    broken.write_text('{"storyview": "1", "sources": 3}')
    assert main([str(broken)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"storyview: {broken}: not a storyview --json file that can be read")
