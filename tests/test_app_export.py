"""e in the main view: the export dialog, the file it writes, and the files it refuses to write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from storyview.reader.app import StoryviewApp
from storyview.exports.json_export import to_dict
from storyview.inputs.bundled import seeds_dir
from storyview.pipeline import build_story
from storyview.reader.screens.export import ExportScreen, with_format
from storyview.reader.screens.main import MainScreen
from test_app_stories import MARKUP, ready, record_notifications, seeds_app, seeds_story, tiny_story
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, Static

SIZE = (120, 40)


async def export(pilot: Pilot[Any], *keys: str, dialog_open: bool = False, wait_for: int = 1) -> list[str]:
    """Press e (unless the dialog is open), then `keys` in the dialog; wait until the app has said
    how the export went, and return what it said."""
    app = pilot.app
    messages = record_notifications(app)  # type: ignore[arg-type]
    if not dialog_open:
        await pilot.press("e")
        await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    await pilot.press(*keys)
    for _ in range(500):
        if len(messages) >= wait_for:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    return messages


async def test_e_opens_the_dialog_with_a_file_name_and_escape_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        path = dialog.query_one(Input)
        formats = dialog.query_one(RadioSet)
        assert path.value == "storyview-report.html" and path.has_focus and formats.pressed_index == 0
        hint = str(dialog.query_one("#export-hint", Static).render())
        assert str(tmp_path / "storyview-report.html") in hint
        await pilot.press("down")  # the format, even with the file name focused
        assert path.value == "storyview-report.md" and formats.pressed_index == 1
        await pilot.press("down")
        assert path.value == "storyview-report.json"
        await pilot.press("up", "up")
        assert path.value == "storyview-report.html"
        path.value = "notes"
        await pilot.press(*".json")  # a typed suffix picks its format
        assert formats.pressed_index == 2 and dialog.fmt == "json" and path.value == "notes.json"
        path.value = "  "
        await pilot.pause()
        assert "Give a file name" in str(dialog.query_one("#export-hint", Static).render())
        await pilot.press("enter")  # nothing to write to: the dialog stays
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert list(tmp_path.iterdir()) == []


async def test_enter_writes_the_report_or_json_and_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = await export(pilot, "enter")
        target = tmp_path / "storyview-report.html"
        assert messages == [f"wrote {target}"]
        assert isinstance(app.screen, MainScreen)
        html = target.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        assert 'id="quotes"' in html and 'id="figures"' in html and 'id="rewrites"' in html
        assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind

        messages = await export(pilot, "down", "enter")
        assert messages == [f"wrote {tmp_path / 'storyview-report.md'}"]
        markdown = (tmp_path / "storyview-report.md").read_text(encoding="utf-8")
        assert "## Quotes" in markdown and "## Figures" in markdown and "## Rewrites" in markdown

        messages = await export(pilot, "down", "enter")  # the dialog offers the last format first
        assert messages == [f"wrote {tmp_path / 'storyview-report.json'}"]
        data = json.loads((tmp_path / "storyview-report.json").read_text(encoding="utf-8"))
        assert data == json.loads(json.dumps(to_dict(seeds_story())))
        rewrite = data["rewrites"][0]
        assert rewrite["verdict"] == "rewrite" and rewrite["rewrite"].startswith("001_")

        (tmp_path / "out").mkdir()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = "out/s"
        messages = await export(pilot, *".md", "enter", dialog_open=True)
        assert messages == [f"wrote {tmp_path / 'out' / 's.md'}"]
        assert "## Quotes" in (tmp_path / "out" / "s.md").read_text(encoding="utf-8")


async def test_it_refuses_to_overwrite_an_input_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for seed in sorted(seeds_dir().glob("*.txt"))[:3]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    inputs = sorted(str(p) for p in tmp_path.glob("*.txt"))
    story = build_story(inputs)
    victim = Path(inputs[0])
    before = victim.read_bytes()
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        app.screen.query_one(Input).value = victim.name
        await pilot.pause()
        hint = dialog.query_one("#export-hint", Static)
        assert "refusing to overwrite an input file" in str(hint.render()) and hint.has_class("-problem")
        await pilot.press("enter")  # the dialog said why before enter, and stays open for another name
        await pilot.pause()
        assert app.screen is dialog
        assert victim.read_bytes() == before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        messages = record_notifications(app)
        app.export("html", victim.name)  # the writer refuses too, if asked directly
        for _ in range(500):
            if messages:
                break
            await pilot.pause(0.01)
        assert len(messages) == 1 and "refusing to overwrite an input file" in messages[0]
        assert "\n" not in messages[0]
        assert victim.read_bytes() == before


async def test_input_folders_bad_paths_and_article_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the app was given is protected; a missing folder is refused in the dialog; text is data."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    story = tiny_story()  # its articles' paths are elsewhere; the folder was the input
    app = StoryviewApp(build=lambda settings, progress=None: story, inputs=[str(tmp_path / "articles")])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        app.screen.query_one(Input).value = "articles/storyview-report.md"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused in the dialog, which stays open
        assert "refusing to write into an input folder" in str(dialog.query_one("#export-hint", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not (tmp_path / "articles" / "storyview-report.md").exists()

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        app.screen.query_one(Input).value = "missing/[red]report[/red].html"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # a folder that is not there: said in the dialog, the name kept
        hint = str(dialog.query_one("#export-hint", Static).render())
        assert "missing/[red]report[/red].html" in hint and "there is no folder" in hint
        assert dialog.query_one(Input).value == "missing/[red]report[/red].html"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        app.screen.query_one(Input).value = "."
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "is a folder" in str(dialog.query_one("#export-hint", Static).render())
        await pilot.press("escape")
        await pilot.pause()

        messages = await export(pilot, "enter")
        assert messages == [f"wrote {tmp_path / 'storyview-report.html'}"]
        html = (tmp_path / "storyview-report.html").read_text(encoding="utf-8")
        assert "[bold]bracketed[/]" in html and MARKUP.split()[0] in html


def test_switching_format_swaps_only_a_known_suffix() -> None:
    assert with_format("storyview-report.html", "md") == "storyview-report.md"
    assert with_format("out/x.JSON", "html") == "out/x.html"
    assert with_format("notes.txt", "json") == "notes.txt"
    assert with_format("report", "md") == "report"

