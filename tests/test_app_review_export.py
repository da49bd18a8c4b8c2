"""The export dialog proposes a file it will write, and says at once why a name would be refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyview.reader.app import StoryviewApp
from storyview.inputs.bundled import seeds_dir
from storyview.pipeline import build_story
from storyview.reader.screens.export import ExportScreen, problem, proposed_name
from test_app_export import export
from test_app_stories import ready
from textual.widgets import Input, Static


def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for seed in sorted(seeds_dir().glob("*.txt"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def reader_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> StoryviewApp:
    """`storyview .` started inside `folder`."""
    monkeypatch.chdir(folder)
    story = build_story(["."])
    return StoryviewApp(build=lambda settings, progress=None: story, inputs=["."])


def test_inside_an_article_folder_the_proposal_goes_one_folder_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = article_folder(tmp_path)
    monkeypatch.chdir(folder)
    assert problem("storyview-report.html", ["."]) is not None
    assert proposed_name("html", ["."]) == str(Path("..") / "storyview-report.html")
    assert proposed_name("json", ["."]) == "storyview-report.json"  # JSON is not read back as an article
    monkeypatch.chdir(tmp_path)
    assert proposed_name("html", [str(folder)]) == "storyview-report.html"


async def test_storyview_dot_then_e_enter_writes_the_proposed_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = article_folder(tmp_path)
    app = reader_in(folder, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        messages = await export(pilot, "enter")
        assert messages == [f"wrote {tmp_path / 'storyview-report.html'}"], messages
        assert not (folder / "storyview-report.html").exists()


async def test_a_refused_name_is_shown_in_the_dialog_as_it_is_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = article_folder(tmp_path)
    app = reader_in(folder, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one(Input)
        hint = dialog.query_one("#export-hint", Static)
        field.value = ""
        await pilot.press(*"mine.md")
        assert "refusing to write into an input folder's articles" in str(hint.render()) and hint.has_class("-problem")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and not (folder / "mine.md").exists()
        await pilot.press("down")  # JSON: mine.json is fine there
        assert field.value == "mine.json" and not hint.has_class("-problem")
        messages = await export(pilot, "enter", dialog_open=True)
        assert messages == [f"wrote {folder / 'mine.json'}"]


async def test_the_export_dialog_scrolls_on_a_tiny_terminal_and_its_buttons_can_be_reached() -> None:
    from storyview.reader.screens.export import ExportScreen
    from test_app_stories import ready, seeds_app
    from textual.containers import VerticalScroll
    from textual.widgets import Button, Input

    app = seeds_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        panel = screen.query_one("#export-panel", VerticalScroll)
        assert panel.region.height <= 12
        assert screen.query_one(Input).has_focus
        panel.scroll_end(animate=False)
        await pilot.pause()
        ok = screen.query_one("#export-ok", Button)
        assert ok.region.height > 0 and panel.region.contains_region(ok.region)
