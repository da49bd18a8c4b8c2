"""e in the main view: the export dialog, the file it proposes and writes, the names it refuses
(said at once, as they are typed), and the dialog on a tiny terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import SIZE, export, open_export, ready, record_notifications, seeds_app
from story_factories import MARKUP, seeds_story, tiny_story
from storyview.exports.json_export import to_dict
from storyview.inputs.bundled import seeds_dir
from storyview.pipeline import build_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.export import problem, proposed_name, with_format
from storyview.reader.screens.main import MainScreen
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioSet, Static


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


async def test_e_opens_the_dialog_with_a_file_name_and_escape_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dialog = await open_export(pilot)
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
        await open_export(pilot)
        field = app.screen.query_one(Input)
        field.value = "out/s"
        field.cursor_position = len(field.value)  # the proposed name is no longer selected
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
        dialog = await open_export(pilot)
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
        dialog = await open_export(pilot)
        app.screen.query_one(Input).value = "articles/storyview-report.md"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused in the dialog, which stays open
        assert "refusing to write into an input folder" in str(dialog.query_one("#export-hint", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not (tmp_path / "articles" / "storyview-report.md").exists()

        dialog = await open_export(pilot)
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

        dialog = await open_export(pilot)
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


def test_inside_an_article_folder_the_proposal_goes_one_folder_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = article_folder(tmp_path)
    monkeypatch.chdir(folder)
    assert problem("storyview-report.html", ["."]) is not None
    for fmt, suffix in (("html", ".html"), ("md", ".md"), ("json", ".json"), ("tei", ".xml")):
        # JSON and TEI are not read back as articles, yet land where the reports do: never among the inputs
        assert proposed_name(fmt, ["."]) == str(Path("..") / f"storyview-report{suffix}")
    monkeypatch.chdir(tmp_path)
    assert proposed_name("html", [str(folder)]) == "storyview-report.html"
    assert proposed_name("json", [str(folder)]) == "storyview-report.json"


def test_beside_articles_named_one_by_one_the_proposal_goes_one_folder_up(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`storyview *.txt` inside the folder: the report had been written among the articles, and
    the next `storyview .` read it as one more source (try17)."""
    folder = article_folder(tmp_path)
    monkeypatch.chdir(folder)
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert proposed_name("html", files) == str(Path("..") / "storyview-report.html")
    assert proposed_name("md", ["-"]) == "storyview-report.md"  # standard input is in no folder


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
        dialog = await open_export(pilot)
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


@pytest.mark.size(40, 12)
async def test_the_export_dialog_scrolls_on_a_tiny_terminal_and_its_buttons_can_be_reached(pilot: Pilot[Any]) -> None:
    screen = await open_export(pilot)
    panel = screen.query_one("#export-panel", VerticalScroll)
    assert panel.region.height <= 12
    assert screen.query_one(Input).has_focus
    panel.scroll_end(animate=False)
    await pilot.pause()
    ok = screen.query_one("#export-ok", Button)
    assert ok.region.height > 0 and panel.region.contains_region(ok.region)


async def test_a_looping_symlink_among_the_inputs_leaves_the_dialog_working(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try26: `storyview loop.txt a.html b.mhtml`, then e, crashed the reader (the dialog's
    checks resolved the loop)."""
    folder = article_folder(tmp_path)
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    monkeypatch.chdir(tmp_path)
    inputs = ["story/loop_a.txt", *sorted(f"story/{p.name}" for p in folder.glob("0*.txt"))]
    assert problem("story/loop_a.txt", inputs) is not None
    assert proposed_name("md", inputs) == "storyview-report.md"
    story = build_story(inputs)
    app = StoryviewApp(build=lambda settings, progress=None: story, inputs=inputs)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        messages = await export(pilot, "enter")
        assert messages == [f"wrote {tmp_path / 'storyview-report.html'}"], messages
