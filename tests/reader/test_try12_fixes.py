"""The reader bugs a new user found in the try12 tryout: placeholders cut mid-number, a legend
too wide for 80 columns, pins, the palette, the pin list, help scrolling and the status line."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pilot_helpers import ready, unfolded_from_the_top
from story_factories import article, body, wide_story
from storyview.model import Group, Marks, Member, Settings, Story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.help import HelpScreen
from textual.containers import VerticalScroll
from storyview.reader.commands import help_matches, ranked
from textual.command import CommandPalette
from storyview.reader.widgets.fold import numbers_that_fit
from storyview.reader.widgets.status import StatusInfo, StatusLine
from textual.widgets import Footer

TELLERS = (6, 7, 8, 9, 12, 15, 16, 18, 20)  # positions 7 to 21: a long list, off screen


def many_sources_story(sources: int = 22) -> Story:
    """22 sources; group 2 is told by seven of them, none in the first three columns."""
    articles = tuple(
        article(f"s{n:02d}", body(f"Source {n} opens the story with the same words."),
                body(f"Source {n} adds a detail of its own about the fire."), outlet=f"Outlet {n}")
        for n in range(sources)
    )
    groups = (
        Group(1, "opens · story", tuple(Member(f"s{n:02d}", 0) for n in range(sources))),
        Group(2, "detail · fire", tuple(Member(f"s{n:02d}", 1) for n in TELLERS)),
        *(Group(10 + n, f"alone {n}", (Member(f"s{n:02d}", 1),)) for n in range(sources) if n not in TELLERS),
    )
    marks = {Member(f"s{n:02d}", 1): Marks(unique=((0, 6),)) for n in range(sources)}
    return Story(articles, groups, marks, Settings(), ())


def test_numbers_that_fit_keeps_whole_numbers_and_counts_the_rest() -> None:
    numbers = [4, 7, 8, 9, 13, 16, 17]
    assert numbers_that_fit(numbers, 40) == "4, 7, 8, 9, 13, 16, 17"
    assert numbers_that_fit(numbers, 16) == "4, 7, 8, 9 +3"
    for room in range(1, 30):
        shown = numbers_that_fit(numbers, room)
        listed = shown.split(" +")[0].split(", ")
        assert listed == [str(n) for n in numbers[: len(listed)]]  # a prefix, no number cut
        if len(listed) < len(numbers):
            assert shown.endswith(f" +{len(numbers) - len(listed)}")


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_only_in_placeholder_never_cuts_a_number(width: int) -> None:
    app = StoryviewApp.from_story(many_sources_story())
    async with app.run_test(size=(width, 30)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        if grid.folding.on:
            await pilot.press("z")
        row = next(n for n, r in enumerate(grid.rows) if len(r.cells) == len(TELLERS))
        grid.move_to(row)
        await pilot.pause()
        assert not {c.source for c in grid.columns} & set(grid.rows[row].cells)
        line = grid.row_lines(row, grid.content_width)[1].text
        found = re.search(r"only in ([\d, ]+?)( \+(\d+))?( ·|\s*│)", line)
        assert found, line
        listed = [int(n) for n in found.group(1).split(", ")]
        expected = [n + 1 for n in TELLERS]
        assert listed == expected[: len(listed)]
        if len(listed) < len(expected):
            assert int(found.group(3)) == len(expected) - len(listed)


def status(app: StoryviewApp) -> str:
    return str(app.main.query_one(StatusLine).render())


def footer_text(app: StoryviewApp) -> str:
    footer = app.screen.query_one(Footer)
    line = app.screen._compositor.render_update(full=True).strips[footer.region.y]  # type: ignore[attr-defined]
    return "".join(seg.text for seg in line)


@pytest.mark.parametrize("width", [60, 80, 100])
async def test_the_legend_fits_with_many_rows_folded_and_keeps_its_help_key(width: int) -> None:
    app = StoryviewApp.from_story(many_sources_story())
    async with app.run_test(size=(width, 24)) as pilot:
        await ready(pilot)
        assert app.main.grid.folding.folded_rows() >= 10
        shown = status(app)
        assert "only here" in shown and shown.rstrip().endswith("? keys") and "folded (z)" in shown
        line = app.main.query_one(StatusLine)
        room = line.size.width - 2
        for folded, several in ((9, False), (12, False), (12, True), (1234, True)):
            info = StatusInfo(legend=True, folded=folded, several=several, shown=22, total=22)
            legend = line.short_legend(info, room)
            assert legend is not None and legend.cell_length <= room
            assert legend.plain.startswith("only here") and legend.plain.endswith("? keys")


@pytest.mark.parametrize("size", [(60, 20), (70, 20), (80, 24)])
async def test_the_footer_keeps_help_in_view(size: tuple[int, int]) -> None:
    app = StoryviewApp.from_story(many_sources_story())
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("j")
        await pilot.pause()
        footer = footer_text(app)
        assert "? Help" in footer and "/ Search" in footer, footer
        assert ("QFW" in footer) == (size[0] >= 80)


def test_help_words_match_by_their_beginnings() -> None:
    assert help_matches("export", "Save Export: write the story as a report (HTML or Markdown)")
    assert help_matches("html rep", "Save Export: write the story as a report (HTML or Markdown)")
    assert not help_matches("pdf", "Save Export: write the story as a report (HTML or Markdown)")
    assert not help_matches("  ", "anything")
    assert ranked(0.1, by_words=True) > ranked(50.0, by_words=False) > ranked(1.0, by_words=False) > 0
    assert ranked(3.0, by_words=True) > ranked(1.0, by_words=True) and ranked(99.0, by_words=True) <= 1


async def palette_offers(pilot: Any, query: str) -> list[str]:
    """The prompts the command palette lists for `query`, best first (it searches in the background)."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    prompts: list[str] = []
    for _ in range(250):
        found = app.screen.query("CommandList")
        if found and found.first().option_count:
            await pilot.pause(0.1)  # let the search finish
            commands = found.first()
            prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
            break
        await pilot.pause(0.02)
    await pilot.press("escape")
    await pilot.pause()
    return prompts


@pytest.mark.parametrize("query", ["export", "report", "html"])
async def test_the_palette_finds_save_by_what_it_does(query: str) -> None:
    app = StoryviewApp.from_story(many_sources_story())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        offered = await palette_offers(pilot, query)
        assert offered and offered[0].startswith("Save"), offered


@pytest.mark.size(80, 20)
async def test_j_and_k_scroll_the_help(pilot: Any) -> None:
    app = pilot.app
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    body = app.screen.query_one("#help-body", VerticalScroll)
    assert body.max_scroll_y > 3
    await pilot.press("j", "j", "j")
    await pilot.pause()
    assert body.scroll_y == 3
    await pilot.press("k")
    await pilot.pause()
    assert body.scroll_y == 2
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, HelpScreen)


async def test_a_wrapped_around_note_clears_on_the_next_key(pilot: Any) -> None:
    app = pilot.app
    await unfolded_from_the_top(pilot)
    await pilot.press("N")  # from the top, back to the last unique passage
    await pilot.pause()
    assert "wrapped around to the last" in status(app)
    await pilot.press("l")
    await pilot.pause()
    assert "wrapped" not in status(app)
    await pilot.press("N", "N")
    await pilot.pause()
    assert "wrapped" not in status(app)  # two steps back, no wrap


async def test_after_hiding_sources_the_status_names_the_columns_shown() -> None:
    app = StoryviewApp.from_story(wide_story(sources=12))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("1", "2")
        await pilot.pause()
        grid = app.main.grid
        numbers = [grid.index.position[c.source] + 1 for c in grid.columns]
        assert numbers[0] == 3
        text = status(app)
        assert f"10/12 (cols {numbers[0]}–{numbers[-1]})" in text or f"10/12 ({numbers[0]}–{numbers[-1]})" in text, text
        await pilot.press("l", "l", "l", "l", "x")  # hide a column in the middle of the window
        await pilot.pause()
        numbers = [grid.index.position[c.source] + 1 for c in grid.columns]
        assert numbers == sorted(numbers)
        shown = ", ".join(map(str, numbers))
        if numbers[-1] - numbers[0] != len(numbers) - 1:
            assert f"({shown})" in status(app) or f"(cols {shown})" in status(app), status(app)


def test_framed_numbers_drop_the_frame_before_a_number() -> None:
    from storyview.reader.widgets.fold import framed_numbers

    frames = (("· only in ", " (hidden) ·"), ("only in ", " (hidden)"), ("only in ", ""))
    numbers = [4, 7, 8]
    assert framed_numbers(numbers, 40, frames) == "· only in 4, 7, 8 (hidden) ·"
    assert framed_numbers(numbers, 24, frames) == "only in 4, 7, 8 (hidden)"
    assert framed_numbers(numbers, 15, frames) == "only in 4, 7, 8"
    assert framed_numbers(numbers, 12, frames) == "only in 4 +2"
