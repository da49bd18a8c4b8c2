"""`storyview DIR` on what a batch wrote: the story list from the index, each story from its
file, nothing aligned again."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot

import storyview.pipeline
from storyview.batch.opened import open_for_reader
from storyview.batch.output import INDEX, read_story
from storyview.cli import batch_app, main
from storyview.model import Settings
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.stories import StoriesScreen


async def _until(pilot: Pilot, done) -> None:  # type: ignore[no-untyped-def]
    for _ in range(500):
        if done():
            break
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.mark.asyncio
async def test_the_reader_lists_a_batch_and_opens_each_story_from_its_file(
    reference: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_: object, **__: object) -> None:
        raise AssertionError("a story was aligned again")

    monkeypatch.setattr(storyview.pipeline, "story_from", never)
    opened = open_for_reader(reference / INDEX)
    entries = opened.batch.entries
    app = batch_app(opened)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StoriesScreen))
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        assert screen.table.row_count == len(entries) + 1  # and the divider before single articles
        assert f"{len(entries)} stories in {sum(e.size for e in entries)} articles" in screen._title()
        for e in entries:  # the share of unique text is known before any story is opened (none of one article)
            assert screen.table.get_cell(str(e.id), "unique").plain == (f"{e.unique:.0%}" if e.size > 1 else "—")
        await pilot.press("enter")
        await _until(pilot, lambda: app.story is not None and isinstance(app.screen, MainScreen))
        first = opened.batch.entry(screen.table.story_id or 0)
        assert app.story is not None and app.story.id == first.id
        assert app.story.groups == read_story(reference / first.file).groups
        await pilot.press("escape", "j", "enter")
        await _until(pilot, lambda: app.story is not None and app.story.id != first.id)
        assert isinstance(app.screen, MainScreen)


@pytest.mark.asyncio
async def test_after_another_threshold_a_batch_lists_every_share_again(reference: Path) -> None:
    """try31: after `-` in one story of a batch, every other story's share read "—" for good.
    At the new threshold they are worked out in the background, as a folder's are; back at the
    batch's own, the shares it wrote return at once."""
    opened = open_for_reader(reference / INDEX)
    several = [e for e in opened.batch.entries if e.size > 1]
    app = batch_app(opened)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StoriesScreen))
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        await pilot.press("enter")
        await _until(pilot, lambda: app.story is not None and isinstance(app.screen, MainScreen))
        first = app.story.id if app.story else 0
        await pilot.press("plus")
        await _until(pilot, lambda: app.story is not None and app.story.settings != opened.settings)
        await pilot.press("escape")
        for _ in range(40):  # the background process starts, then aligns each story
            await _until(pilot, lambda: set(screen.shares) >= {e.id for e in several})
        stricter = app.settings
        for e in several:
            expected = opened.align(opened.gather(), e.id, stricter).unique_share
            assert screen.shares[e.id] == pytest.approx(expected), e.id
        assert any(screen.shares[e.id] != pytest.approx(e.unique) for e in several if e.id != first)
        await pilot.press("enter", "minus")
        await _until(pilot, lambda: app.story is not None and app.story.settings == opened.settings)
        await pilot.press("escape")
        await _until(pilot, lambda: set(screen.shares) >= {e.id for e in several})
        assert all(screen.shares[e.id] == pytest.approx(e.unique, abs=1e-4) for e in several)


def test_another_threshold_aligns_the_story_again_from_its_files(reference: Path) -> None:
    opened = open_for_reader(reference)
    entry = opened.batch.entries[0]
    collection = opened.gather()
    as_written = opened.align(collection, entry.id, opened.settings)
    assert as_written.groups == read_story(reference / entry.file).groups
    stricter = opened.align(collection, entry.id, Settings(threshold=0.4))
    assert stricter.settings.threshold == 0.4 and stricter.id == entry.id
    assert [a.id for a in stricter.articles] == list(entry.sources)
    assert len(stricter.groups) > len(as_written.groups)


def test_a_batch_of_relative_paths_aligns_again_when_opened_from_elsewhere(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try31: `storyview try31/out300` from /tmp, then `+`: "No usable sources", each file
    "skipped, not a regular file", for the paths are named from where the batch was run. So
    too once the batch and its corpus moved together (rev29)."""
    ran = tmp_path / "ran"
    shutil.copytree(corpus, ran / corpus.name)
    subprocess.run([sys.executable, "-m", "storyview", "batch", corpus.name, "--out", "out", "--workers", "1"],
                   cwd=ran, check=True, capture_output=True, timeout=300)
    monkeypatch.chdir(tmp_path)
    for folder in ("ran/out", "moved/out"):
        if folder.startswith("moved"):
            ran.rename(tmp_path / "moved")  # the folder it ran in is gone
        opened = open_for_reader(folder)
        entry = max(opened.batch.entries, key=lambda e: len(e.sources))
        story = opened.align(opened.gather(), entry.id, Settings(threshold=0.3))
        assert [a.id for a in story.articles] == list(entry.sources) and story.groups
        assert not [w for w in story.warnings if "skipped" in w], folder


def test_a_batch_folder_that_cannot_be_read_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / INDEX).write_text("{not json", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"storyview: {tmp_path}: not a storyview batch that can be read")


def test_a_batch_run_that_found_no_article_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    main(["batch", "--out", str(tmp_path / "out"), str(tmp_path / "empty")])
    capsys.readouterr()
    assert (tmp_path / "out" / INDEX).exists()
    assert main([str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"storyview: {tmp_path / 'out'}: a batch run that found no article: nothing to open"]


@pytest.mark.asyncio
async def test_shading_a_story_read_back_says_it_cannot_instead_of_claiming_it_is_on(reference: Path) -> None:
    app = batch_app(open_for_reader(reference / INDEX))
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StoriesScreen))
        await pilot.press("enter")
        await _until(pilot, lambda: app.story is not None and isinstance(app.screen, MainScreen))
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("s")
        await pilot.pause()
        assert not screen.grid.heat
        assert any("No shading here" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_p_in_a_story_read_back_from_a_batch_says_where_pins_are_made(reference: Path) -> None:
    """try25: p and u did nothing and said nothing in a batch's story (it keeps no pins)."""
    from storyview.cli import BATCH_PINS
    from storyview.reader.screens.detail import DetailScreen

    app = batch_app(open_for_reader(reference / INDEX))
    said: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await _until(pilot, lambda: isinstance(app.screen, StoriesScreen))
        await pilot.press("enter")
        await _until(pilot, lambda: app.story is not None and isinstance(app.screen, MainScreen))
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and BATCH_PINS in said
