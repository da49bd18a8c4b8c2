"""Nothing an article contains can crash the reader or fool the terminal: markup, escape sequences,
control characters, warnings, and paragraphs of 200 kB.

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

import pytest
from pilot_helpers import (
    folder_app,
    grid_text,
    press,
    ready,
    record_notifications,
    screen_lines,
    screen_text,
    status_text,
    unfolded_from_the_top,
)
from story_factories import HOSTILE, MARKUP, MARKUP_BODY, STORY, article, body, tiny_story
from storyview.model import Group, Marks, Member, Settings, Story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.help import HelpScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.reading import ReadingScreen
from textual.pilot import Pilot

MARKUP_TOKENS = ["[bold]long[/]", "[/]", "[link=https://evil.example]", "lone [ bracket", "[@click=app.quit]"]


BIDI = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]}


def bad_characters(text: str) -> set[str]:
    """Characters that would steer a terminal rather than show: C0/C1 controls, DEL, bidi controls."""
    return {ch for ch in text if unicodedata.category(ch) == "Cc" or ch in BIDI}


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
        skipped = [note for note in app.notes() if "skipped" in note]  # what ! lists
        assert any("04-binary.txt" in m and "binary" in m for m in skipped)
        assert any("05-empty.txt" in m and "empty" in m for m in skipped)
        assert any("[bold]07-named-like-markup.txt" in m for m in skipped)
        assert len(skipped) == len(set(skipped)) == len(app.story.warnings)  # type: ignore[union-attr]
        toasts = len(messages)
        assert any("skipped" in m for m in messages)
        await press(pilot, "exclamation_mark")
        shown = " ".join(line.strip() for line in screen_text(app).splitlines())
        assert "[bold]07-named" in shown and "skipped, binary" in shown  # shown as it is, not as markup
        assert not bad_characters("".join(screen_lines(app)))
        await press(pilot, "escape", "plus")
        await ready(pilot)
        assert not any("skipped" in m for m in messages[toasts:])  # once, not per rebuild


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


async def test_article_text_that_looks_like_markup_shows_literally() -> None:
    app = StoryviewApp.from_story(tiny_story())
    async with app.run_test(size=(200, 40)) as pilot:
        await ready(pilot)
        await unfolded_from_the_top(pilot)  # the last row drawn as a row, not a folded strip
        await pilot.press("G")
        text = grid_text(app)
        assert "[bold]bracketed[/]" in text and "[red]more[/red]" in text
        await pilot.press("l", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        reading = "\n".join(app.screen.view.render_line(y).text for y in range(app.screen.view.size.height))
        assert MARKUP in reading.replace("\n", " ") or "[bold]bracketed[/]" in reading


@pytest.mark.parametrize("width", [6, 7, 8, 9, 11, 13, 17, 24, 40])
def test_chinese_breaks_between_characters_never_before_a_comma_nor_inside_a_number(width: int) -> None:
    """East Asian text has no spaces: it was folded anywhere, so a line began with "，" and
    "12月7日" broke as "1" / "2月7日" (try16). Every line fits, nothing is lost, styles stay."""
    from rich.console import Console
    from rich.text import Text
    from storyview.reader.widgets.marked import NO_START, line_of_offset, wrap

    plain = "中国地震台网正式测定，12月7日3时15分在四川宜宾市珙县发生5.2级地震，震源深度10千米。成都 Chengdu reported U.S. aid."
    text = Text(plain)
    text.stylize("bold", plain.index("成都"), plain.index("成都") + 2)
    lines = wrap(text, width, Console())
    assert all(line.cell_len <= width for line in lines)
    assert "".join(line.plain for line in lines).replace(" ", "") == plain.replace(" ", "")
    assert not any(line.plain[:1] in NO_START for line in lines)
    for number in ("12", "15", "5.2", "10", "U.S."):
        assert any(number in line.plain for line in lines), number
    where = line_of_offset(lines, plain, plain.index("成都"))
    bold = [line.plain[s.start:s.end] for line in lines[where:where + 2] for s in line.spans]
    assert "".join(bold) == "成都"
