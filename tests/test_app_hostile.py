"""Nothing an article contains can crash the reader or fool the terminal: the reader's side.

Articles are written to files in tmp_path and go through the real loader and engine, as they
would from the command line; what reaches the screen is read back from the compositor (every
character of every cell, as the terminal would be sent it).
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyview.reader.app import StoryviewApp
from storyview.model import Group, Marks, Member, Settings, Story
from storyview.pipeline import build_story
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.help import HelpScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from test_app_stories import article, body, ready, record_notifications, status_text
from textual.pilot import Pilot

STORY = "The harbour bridge was approved by the city council on Monday after a long debate about its cost."

MARKUP_BODY = (
    "On Monday the council approved the harbour bridge, after a [bold]long[/] debate [/] about "
    "[link=https://evil.example]the cost[/link] and a lone [ bracket [@click=app.quit]quit[/]."
)
MARKUP_TOKENS = ["[bold]long[/]", "[/]", "[link=https://evil.example]", "lone [ bracket", "[@click=app.quit]"]

HOSTILE: dict[str, bytes] = {
    "01-osc.txt": (
        "Title with \x1b]0;PWNED\x07 a title change\n\n"
        f"{STORY} \x1b]0;PWNED\x07 Osc inside.\x07\n\n"
        "The \x1b[2J\x1b[H clear screen and \x1b[?1049h alt screen \x1b[?1049l and back. Construction starts in spring.\n"
    ).encode(),
    "02-markup.txt": (
        f"Markup [bold]news[/] today\n\n{MARKUP_BODY}\n\nBuilding begins in spring and should take three years.\n"
    ).encode(),
    "03-bidi.txt": (
        "Bidi \u202eevil\u202c title\n\n"
        "Councillors gave the harbour bridge the go-ahead on Monday \u202edesrever\u202c with a bell\x07 "
        "and C1 \x9b31m red \u2066isolate\u2069.\n\nOpponents call the budget \x1bP+q696e646578\x1b\\ unrealistic.\n"
    ).encode(),
    "04-binary.txt": bytes(range(256)) * 40,
    "05-empty.txt": b"",
    "06-cp1252.txt": (
        "Caf\u00e9 council \u2014 \u201cbridge\u201d approved\n\n"
        "The caf\u00e9 owners cheered as the council approved the harbour bridge on Monday \u2013 na\u00efve critics disagreed.\n"
    ).encode("cp1252"),
    "[bold]07-named-like-markup.txt": b"\x00\x01\x02\x03" * 100,
}

BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]}


def bad_characters(text: str) -> set[str]:
    """Characters that would steer a terminal rather than show: C0/C1 controls, DEL, bidi controls."""
    return {ch for ch in text if unicodedata.category(ch) == "Cc" or ch in BIDI}


def screen_lines(app: StoryviewApp) -> list[str]:
    """Every cell of the current screen (modals over their background), line by line, as sent."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return ["".join(seg.text for strip in line for seg in strip) for line in update.strips]  # type: ignore[attr-defined]


def screen_text(app: StoryviewApp) -> str:
    return "\n".join(screen_lines(app))


def folder_app(tmp_path: Path, files: dict[str, bytes]) -> StoryviewApp:
    """The reader on a folder of files, through the real loader and engine."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return StoryviewApp(build=lambda settings, progress=None: build_story([str(folder)], settings))


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys; give a screen that was pushed or popped its first frame."""
    before = list(pilot.app.screen_stack)
    await pilot.press(*keys)
    if pilot.app.screen_stack != before:
        await pilot.pause()


async def every_view(pilot: Pilot[Any], check: Callable[[str], None]) -> None:
    """Visit every view of the reader, calling `check(view name)` in each, and come back."""
    app = pilot.app
    check("grid")
    await press(pilot, "r")
    assert isinstance(app.screen, ReadingScreen)
    check("reading")
    await press(pilot, "G", "escape")
    await press(pilot, "enter")
    assert isinstance(app.screen, DetailScreen)
    check("detail")
    await press(pilot, "l", "escape")
    await press(pilot, "c")
    assert isinstance(app.screen, CoverageScreen)
    check("coverage")
    await press(pilot, "escape", "question_mark")
    assert isinstance(app.screen, HelpScreen)
    check("help")
    await press(pilot, "escape")
    assert isinstance(app.screen, MainScreen)


async def test_markup_in_an_article_shows_literally_in_every_view(tmp_path: Path) -> None:
    files = {name: HOSTILE[name] for name in ("01-osc.txt", "02-markup.txt", "06-cp1252.txt")}
    app = folder_app(tmp_path, files)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        assert app.is_running
        main = app.main
        source = next(a.id for a in app.story.articles if a.id.startswith("02"))  # type: ignore[union-attr]
        member = Member(source, next(i for i, p in enumerate(app.story.article(source).paragraphs)  # type: ignore[union-attr]
                                     if p.text == MARKUP_BODY))
        main.grid.focus_source(source)
        main.grid.move_to(main.index.row_of[member])  # type: ignore[union-attr]
        await pilot.pause()
        assert "Markup [bold]news[/] today" in screen_text(app)  # the column header

        # Reading mode uses the full width: the paragraph is on one or two lines.
        await press(pilot, "r")
        reading = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert MARKUP_BODY in reading
        await press(pilot, "escape")

        grid = screen_text(app)
        for token in ["[bold]", "[/]", "[link=", "lone [", "[@click="]:
            assert token in grid, token

        await press(pilot, "enter")
        assert isinstance(app.screen, DetailScreen)
        detail = " ".join(line.strip() for line in screen_text(app).splitlines())
        for token in MARKUP_TOKENS:
            assert token in detail, token
        await press(pilot, "escape")

        await press(pilot, "slash", *"[link=", "enter")
        assert main.search_query == "[link="
        assert "search [link=" in status_text(app) and "1/1" in status_text(app)
        assert main.grid.current is not None and main.grid.current.member == member
        await press(pilot, "slash")
        assert "[link=" in screen_text(app)  # the query in the search bar
        await press(pilot, "escape")
        assert app.is_running


async def test_escape_sequences_and_control_characters_never_reach_the_screen(tmp_path: Path) -> None:
    app = folder_app(tmp_path, HOSTILE)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert app.story is not None and len(app.story.articles) == 4
        text = screen_text(app)
        for word in ["clear screen", "alt screen", "Osc", "desrever", "isolate", "Café", "naïve", "Bidi evil title"]:
            assert word in text, word  # the text around the controls stays; cp1252 is decoded

        def check(view: str) -> None:
            shown = "".join(screen_lines(app))
            assert len(shown) == app.size.width * app.size.height  # nothing but cells
            assert not bad_characters(shown), (view, bad_characters(shown))

        await every_view(pilot, check)
        await press(pilot, "slash", *"bridge", "enter", "n", "s", "b")
        check("search")
        await press(pilot, "r", "n")
        check("reading a match")


async def test_loading_warnings_become_notifications_and_show_literally(tmp_path: Path) -> None:
    app = folder_app(tmp_path, HOSTILE)
    messages = record_notifications(app)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await ready(pilot)
        await pilot.pause(0.1)
        skipped = [m for m in messages if "skipped" in m]
        assert any("04-binary.txt" in m and "binary" in m for m in skipped)
        assert any("05-empty.txt" in m and "empty" in m for m in skipped)
        assert any("[bold]07-named-like-markup.txt" in m for m in skipped)
        assert len(skipped) == len(set(skipped)) == len(app.story.warnings)  # type: ignore[union-attr]
        shown = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert "[bold]07-named" in shown and "skipped, binary" in shown  # shown as it is, not as markup
        assert not bad_characters("".join(screen_lines(app)))
        await press(pilot, "plus")
        await ready(pilot)
        assert len([m for m in messages if "skipped" in m]) == len(skipped)  # once, not per rebuild


def long_story(size: int = 200_000) -> Story:
    """Two sources; the first has one paragraph of `size` characters between two short ones."""
    rng = random.Random(7)
    words = ["harbour", "bridge", "council", "cost", "spring", "debate", "x" * 14, "[bold]", "a"]
    text = " ".join(rng.choice(words) for _ in range(size // 6))[:size]
    big = article("big", body("It starts."), body(text), body("It ends."))
    small = article("small", body("It starts too."), body("A short one."), body("It ends too."))
    groups = tuple(Group(i + 1, f"part {i}", (Member("big", i), Member("small", i))) for i in range(3))
    marks = {Member("big", 1): Marks(unique=((100, 400), (size // 2, size // 2 + 300)))}
    return Story((big, small), groups, marks, Settings())


async def test_one_paragraph_of_200_kb_renders_and_scrolls() -> None:
    app = StoryviewApp.from_story(long_story())
    start = time.monotonic()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert grid.row_height(1) > 1000  # thousands of wrapped lines in one row
        await press(pilot, "j")
        assert grid.cursor == 1
        await press(pilot, "j", "j")
        assert grid.cursor == 1 and grid.scroll_y > 0  # reading through the tall group
        await press(pilot, "G")
        assert grid.cursor == 2
        await press(pilot, "k", "g")
        assert grid.cursor == 0 and grid.scroll_y == 0
        await press(pilot, "j", "n", "N")
        assert grid.current is not None and grid.current.paragraph == 1
        await pilot.resize_terminal(200, 60)
        await press(pilot, "G", "k")
        await press(pilot, "r")
        assert isinstance(app.screen, ReadingScreen)
        await press(pilot, "G", "k", "pageup")
        await press(pilot, "escape", "enter")
        assert isinstance(app.screen, DetailScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and app.is_running
    assert time.monotonic() - start < 20


async def test_a_paragraph_of_200_kb_from_a_file(tmp_path: Path) -> None:
    long = " ".join(f"word{n % 97} harbour bridge council" for n in range(200_000 // 32))
    files = {"a.txt": f"Long one\n\n{STORY}\n\n{long}\n".encode(), "b.txt": f"Short one\n\n{STORY}\n".encode()}
    app = folder_app(tmp_path, files)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.story is not None and len(app.story.articles) == 2
        await press(pilot, "G", "k", "g", "j", "j", "r", "G", "escape")
        assert isinstance(app.screen, MainScreen) and app.is_running


async def test_a_tiny_terminal_and_resizing_while_every_view_is_open(tmp_path: Path) -> None:
    app = folder_app(tmp_path, HOSTILE)
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert len(grid.columns) == 1
        await press(pilot, "question_mark")
        assert screen_text(app).strip()
        await press(pilot, "escape")
        for keys in (["r"], ["enter"], ["c"], ["slash", *"bri"]):
            await press(pilot, *keys)
            assert screen_text(app).strip(), keys
            for size in [(200, 60), (80, 24)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                assert screen_text(app).strip(), (keys, size)
            await pilot.resize_terminal(40, 12)
            await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert len(grid.columns) == 4 and grid.focused in [c.source for c in grid.columns]


async def test_one_usable_source_opens_and_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    files = {name: HOSTILE[name] for name in ("02-markup.txt", "04-binary.txt", "05-empty.txt")}
    app = folder_app(tmp_path, files)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.story is not None and len(app.story.articles) == 1
        assert "sources 1/1  nothing to compare" in status_text(app)
        assert any("nothing to compare" in m for m in messages)
        assert sum("skipped" in m for m in messages) == 2
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
        assert sum("skipped" in m for m in messages) == 2
        await press(pilot, "j", "k", "G", "l", "n", "r", "enter", "c", "slash", "a", "enter", "s", "b", "plus")
        await ready(pilot)
        assert isinstance(app.screen, MainScreen) and app.is_running
