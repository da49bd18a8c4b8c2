"""The reader with no source, one source, or one usable source among bad files: it opens and
says there is nothing to compare."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import EVERY_KEY, folder_app, grid_text, press, ready, record_notifications, screen_text, status_text
from story_factories import HOSTILE, empty_story, single_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.status import StatusLine


async def test_no_sources_at_all() -> None:
    app = StoryviewApp.from_story(empty_story())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "No usable sources: nothing to compare." in grid_text(app)
        await pilot.press(*EVERY_KEY, "r", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) or app.screen.is_modal is False
        assert "sources 0/0" in str(app.main.query_one(StatusLine).render())


async def test_a_single_source() -> None:
    app = StoryviewApp.from_story(single_story())
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert [c.source for c in grid.columns] == ["solo"] and grid.columns[0].width == 79
        await pilot.press("1")
        assert grid.hidden == set() and any("At least one source" in m for m in messages)
        await pilot.press("n")
        assert grid.current is not None and grid.current.source == "solo"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.others == []
        diff = str(app.screen.query_one("#diff").render())
        assert "nothing to compare" in diff


async def test_one_usable_source_opens_and_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    files = {name: HOSTILE[name] for name in ("02-markup.txt", "04-binary.txt", "05-empty.txt")}
    app = folder_app(tmp_path, files)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.story is not None and len(app.story.articles) == 1
        assert "sources 1/1  nothing to compare" in status_text(app)
        assert any("nothing to compare" in m for m in messages), messages
        assert sum(": skipped" in note for note in app.notes()) == 2  # ! lists them
        await press(pilot, "j", "l", "n", "enter")
        assert isinstance(app.screen, DetailScreen)
        await press(pilot, "escape", "r")
        assert isinstance(app.screen, ReadingScreen)
        await press(pilot, "escape")
        assert app.is_running


async def test_no_usable_source_opens_and_says_so(tmp_path: Path) -> None:
    files = {name: HOSTILE[name] for name in ("04-binary.txt", "05-empty.txt")}
    app = folder_app(tmp_path, files)
    messages = record_notifications(app)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        assert "No usable sources: nothing to compare." in screen_text(app)
        assert "sources 0/0  nothing to compare" in status_text(app)
        assert sum(": skipped" in note for note in app.notes()) == 2  # ! lists them
        await press(pilot, "j", "k", "G", "l", "n", "r", "enter", "c", "slash", "a", "enter", "s", "b", "plus")
        await ready(pilot)
        assert isinstance(app.screen, MainScreen) and app.is_running


async def test_many_warnings_at_once_make_one_toast_that_counts_the_rest_and_bang_lists_them(tmp_path: Path) -> None:
    from storyview.reader.app import TOAST_NOTES

    files = {name: HOSTILE[name] for name in ("02-markup.txt",)}
    files.update({f"empty-{n}.txt": b"" for n in range(6)})  # six "skipped, empty file" lines
    app = folder_app(tmp_path, files)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        notes = [m for m in messages if "more notes" in m]
        assert len(notes) == 1  # one toast (try26: one a note, three covered half the screen)
        lines = notes[0].split("\n")
        assert len(lines) == TOAST_NOTES + 1 and lines[0] in app.notes()
        assert "nothing to compare" in lines[0]  # what the story is first, the files left out after
        assert lines[-1] == f"… and {len(app.notes()) - TOAST_NOTES} more notes: ! lists them all"
        await pilot.press("exclamation_mark")
        await pilot.pause()
        from storyview.reader.screens.notes import NotesScreen

        assert isinstance(app.screen, NotesScreen)
        listed = [str(s.render()) for s in app.screen.query(".note")]
        assert sum("skipped, empty file" in note for note in listed) == 6 and all(n.startswith("• ") for n in listed)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
