"""Quotes (Q), figures (F) and rewrites (W) in the reader: the lists, going to a finding, coming
back, sources named by number, and small sizes.

The Analysis is the engine's (`storyview.findings.analysis.analyse`); these tests check what the
reader does with it, so expectations are read from the Analysis itself wherever the engine decides.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
import storyview.findings.analysis
from pilot_helpers import (
    SIZE,
    SlowBuild,
    analysed,
    open_list,
    press,
    ready,
    record_notifications,
    screen_text,
    seeds_app,
    warehouse_app,
)
from rich.style import Style
from story_factories import article, body, seeds_story
from storyview.findings.analysis import analyse
from storyview.model import Group, Member, Story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.figures import FiguresScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.quotes import QuotesScreen
from storyview.reader.screens.rewrites import RewritesScreen
from storyview.reader.widgets.findings import FindingsView
from storyview.reader.widgets.quotes import edit_spans, find_word
from storyview.reader.widgets.rewrites import bar, sort_pairs
from textual.pilot import Pilot
from textual.widgets import Static

SEED_0, SEED_1 = "000_77808fc77837df52", "001_0b1f90e86e75de80"


MARKUP_QUOTE = "[bold]not bold[/bold] and [link=x]no link[/link]"


def quoting_story() -> Story:
    """Three sources quoting the mayor (one altered, one longer), a quote in a headline, and figures."""
    a = article(
        "a_1",
        ("headline", "Mayor: “we will not back down” on the bridge"),
        body("The mayor said: “We will rebuild the harbour bridge within three years, whatever it costs.”"),
        body("Officials counted 10,000 people at the rally on Thursday near the harbour."),
        outlet="Harbour Times",
    )
    b = article(
        "b_2",
        body("The mayor promised: “We will rebuild the old bridge within four years, whatever it costs.”"),
        body("Police said thousands of people attended the rally on Friday near the harbour."),
        body("He repeated that “we will not back down” on the bridge."),
        body(f"A sign read “{MARKUP_QUOTE}” at the gate."),
        outlet="Coast Post",
    )
    c = article(
        "c_3",
        body("“We will rebuild the harbour bridge within three years,” the mayor said."),
        body("About 10,000 people were at the rally near the harbour, organisers said."),
        outlet="Bay News",
    )
    groups = (
        Group(1, "mayor · bridge", (Member("a_1", 1), Member("b_2", 0), Member("c_3", 0))),
        Group(2, "rally · harbour", (Member("a_1", 2), Member("b_2", 1), Member("c_3", 1))),
        Group(3, "back down", (Member("b_2", 2),)),
        Group(4, "sign", (Member("b_2", 3),)),
    )
    return Story((a, b, c), groups)


def view_text(view: FindingsView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def _has(style: Style, part: Style) -> bool:
    return style.bgcolor == part.bgcolor and style.color == part.color


async def test_Q_F_W_open_the_lists_keys_move_in_them_and_escape_leaves_the_main_view_as_it_was(pilot: Pilot[Any]) -> None:
    app = pilot.app
    analysis = analyse(seeds_story())
    grid = app.main.grid
    await pilot.press("j", "j", "l")
    place = (grid.cursor, grid.focused, round(grid.scroll_y))
    screen = await open_list(pilot, "Q")
    assert isinstance(screen, QuotesScreen)
    assert list(screen.view.items) == list(analysis.quotes) and screen.view.cursor == 0
    assert screen.view.has_focus
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert (grid.cursor, grid.focused, round(grid.scroll_y)) == place

    screen = await open_list(pilot, "Q")
    view = screen.view
    await pilot.press("l", "l")
    assert view.entry == 2
    await pilot.press("l")
    assert view.entry == 0  # wraps
    await pilot.press("h")
    assert view.entry == len(view.items[0].versions) - 1
    await pilot.press("G")
    assert view.cursor == len(view.items) - 1 and view.entry == 0
    await pilot.press("g", "down", "down", "k")
    assert view.cursor == 1
    status = str(screen.query_one("#findings-status", Static).render())
    assert f"quote 2/{len(view.items)}" in status and "source 1/" in status

    screen = await open_list(pilot, "F")  # switching replaces the list, it does not pile them up
    assert isinstance(screen, FiguresScreen) and len(app.screen_stack) == 2
    assert list(screen.view.items) == list(analysis.figures) and screen.view.has_focus
    screen = await open_list(pilot, "W")
    assert isinstance(screen, RewritesScreen) and len(app.screen_stack) == 2
    assert list(screen.view.items) == sort_pairs(analysis.rewrites)
    await pilot.press("W")  # its own key closes it
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    screen = await open_list(pilot, "Q")  # where it was left
    assert (screen.view.cursor, screen.view.entry) == (1, 0)
    await pilot.press("escape")

    shown = {a.binding.action for a in app.main.active_bindings.values() if a.binding.show}
    assert {"quotes", "figures", "rewrites", "export"} <= shown
    await pilot.resize_terminal(80, 24)  # less room: the footer still names them, in short words (issue 19)
    await pilot.pause()
    shown = {a.binding.action for a in app.main.active_bindings.values() if a.binding.show}
    assert {"quotes", "figures", "rewrites", "export", "help", "search"} <= shown
    assert not {"quit", "next_source", "previous_source"} & shown  # q, h and l give way (help lists them)
    assert isinstance(await open_list(pilot, "F"), FiguresScreen)


async def test_each_list_remembers_its_place_until_the_story_changes(pilot: Pilot[Any]) -> None:
    screen = await open_list(pilot, "Q")
    await pilot.press("j", "j", "l")
    assert (screen.view.cursor, screen.view.entry) == (2, 1)
    await pilot.press("escape")
    await pilot.pause()
    screen = await open_list(pilot, "Q")
    assert (screen.view.cursor, screen.view.entry) == (2, 1)
    await pilot.press("escape", "plus")  # a rebuild: other groups, its own analysis
    await ready(pilot)
    screen = await open_list(pilot, "Q")
    assert (screen.view.cursor, screen.view.entry) == (0, 0)


async def test_enter_goes_to_the_chosen_source_s_quote_figure_or_rewrite(pilot: Pilot[Any]) -> None:
    app = pilot.app
    grid, index = app.main.grid, app.main.index

    # a quote: that source focused, its group under the cursor, the quoted words marked
    screen = await open_list(pilot, "Q")
    version = screen.view.items[0].versions[1]
    await pilot.press("l", "enter")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    assert grid.focused == version.source
    assert grid.cursor == index.row_of[Member(version.source, version.paragraph)]
    assert grid.current is not None
    assert (grid.current.paragraph, grid.current.start, grid.current.end) == (
        version.paragraph, version.start, version.end)

    # a figure of a hidden source: its column comes back
    target = analyse(seeds_story()).figures[-1].mentions[1]
    await pilot.press(str(index.position[target.source] + 1))
    assert target.source in grid.hidden
    screen = await open_list(pilot, "F")
    await pilot.press("G", "l")
    assert screen.view.current_place.source == target.source
    await pilot.press("enter")
    await pilot.pause()
    assert target.source not in grid.hidden and grid.focused == target.source
    assert grid.cursor == index.row_of[Member(target.source, target.paragraph)]
    assert grid.current is not None and (grid.current.start, grid.current.end) == (target.start, target.end)

    # a rewrite: where the chosen side starts following the other
    screen = await open_list(pilot, "W")
    pair = screen.view.items[0]
    await pilot.press("l", "enter")
    await pilot.pause()
    start = pair.chain[0][1]
    assert grid.focused == start.source and grid.cursor == index.row_of[start]


async def test_the_seeds_show_001_as_a_rewrite_of_000(pilot: Pilot[Any]) -> None:
    screen = await open_list(pilot, "W")
    pair = screen.view.items[0]
    assert pair.verdict == "rewrite" and (pair.rewrite, pair.original) == (SEED_1, SEED_0)
    text = view_text(screen.view)
    first = text.splitlines()[0]
    assert first.lstrip().startswith("rewrite") and "reads as a paragraph-by-paragraph rewrite of 1 " in first
    assert first.split("rewrite", 1)[1].lstrip().startswith("2 ")
    assert "follows" in text and "100%" in text and f"{pair.side(SEED_1).wording:.0%}" in text
    assert "1 rewrite" in str(screen.query_one("#findings-title", Static).render())


async def test_quotes_mark_altered_words_figures_flag_disagreements_and_headlines_are_found() -> None:
    story = quoting_story()
    analysis = analyse(story)
    quote = next(q for q in analysis.quotes if q.altered)
    altered = next(v for v in quote.versions if v.status == "altered")
    assert altered.edits  # the engine says which words differ
    assert {f.status for f in analysis.figures} >= {"conflict", "imprecise"}
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        screen = await open_list(pilot, "Q")
        view = screen.view
        row = list(view.items).index(quote)
        for _ in range(row):
            await pilot.press("j")
        text = view_text(view)
        assert "altered" in text and "longer" in text and "exact" in text
        for edit in altered.edits:
            if edit.reference and edit.version:
                assert f"“{edit.reference}” → “{edit.version}”" in text
        changed = view.span_style("quote--changed")
        marked = "".join(
            segment.text
            for line in view.row_lines(row, view.content_width)
            for segment in line
            if segment.style and _has(segment.style, changed)
        )
        for edit in altered.edits:
            if edit.version:
                assert edit.version in marked
        assert "1 altered" in str(screen.query_one("#findings-title", Static).render())
        assert MARKUP_QUOTE in text  # article text is data, never markup

        # the quote in a1's headline: the status says so, enter focuses that column
        headline = next(
            (i, n) for i, q in enumerate(view.items) for n, v in enumerate(q.versions)
            if (v.source, v.paragraph) == ("a_1", 0)
        )
        await pilot.press("g", *["j"] * headline[0], *["l"] * headline[1])
        assert "headline of source 1" in str(screen.query_one("#findings-status", Static).render())
        await pilot.press("l", "enter")  # b's version, then back to a's headline
        await pilot.pause()
        screen = await open_list(pilot, "Q")
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.grid.focused == "a_1"
        assert any("headline of source 1" in m for m in messages)

        screen = await open_list(pilot, "F")
        text = view_text(screen.view)
        assert "✗ conflict" in text and "≈ imprecise" in text
        for figure in analysis.figures:
            for mention in figure.mentions:
                assert mention.text in text
        conflicts = sum(f.status == "conflict" for f in analysis.figures)
        assert f"{conflicts} conflict" in str(screen.query_one("#findings-title", Static).render())


async def test_a_story_without_findings_says_so() -> None:
    a = article("a", body("Nothing quoted here."))
    b = article("b", body("Nor here, really."))
    story = Story((a, b), (Group(1, "x", (Member("a", 0),)), Group(2, "y", (Member("b", 0),))))
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key, empty in (("Q", "No quoted passages"), ("F", "No figure is stated")):
            screen = await open_list(pilot, key)
            assert empty in view_text(screen.view)
            # Said once: the status line under the list does not say it again ("No quotes.").
            assert str(screen.query_one("#findings-status", Static).render()).strip() == ""
            await pilot.press("enter")  # nothing to go to: the list stays
            await pilot.pause()
            assert app.screen is screen
            await pilot.press("escape")
            await pilot.pause()


async def test_the_analysis_runs_once_per_story_in_the_background_with_a_loading_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = threading.Event()
    calls: list[Story] = []
    real = storyview.findings.analysis.analyse

    def slow(story: Story) -> Any:
        calls.append(story)
        gate.wait(10)
        return real(story)

    monkeypatch.setattr(storyview.findings.analysis, "analyse", slow)
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        assert screen.view.loading and not screen.view.items
        assert "Finding quotes" in str(screen.query_one("#findings-title", Static).render())
        await pilot.press("j", "enter", "l")  # nothing to move or go to yet: no error
        assert app.screen is screen
        await pilot.press("F")  # switching while it runs: the same computation
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen) and app.screen.view.loading
        gate.set()
        for _ in range(200):
            if not app.screen.view.loading:
                break
            await pilot.pause(0.01)
        assert app.screen.view.items and not app.screen.view.loading
        await open_list(pilot, "W")
        await pilot.press("escape")
        await pilot.pause()
        await open_list(pilot, "Q")
        assert len(calls) == 1


async def test_a_failing_analysis_is_reported_and_the_reader_lives_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(story: Story) -> Any:
        raise ValueError("no quotes today")

    monkeypatch.setattr(storyview.findings.analysis, "analyse", broken)
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        messages = record_notifications(app)
        screen = await open_list(pilot, "Q")
        for _ in range(100):
            if messages:
                break
            await pilot.pause(0.01)
        assert any("no quotes today" in m for m in messages)
        assert "Could not analyse" in str(screen.query_one("#findings-title", Static).render())
        start = app.main.grid.cursor
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k")  # (j would first read through the tall lede row the reader opened on)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.grid.cursor < start


async def test_the_keys_wait_for_the_story() -> None:
    """Keys typed during the build wait for the story, and say so; escape forgets them (try24)."""
    app = StoryviewApp(build=SlowBuild(steps=10, hold_at=("aligning", 3)))
    async with app.run_test(size=SIZE) as pilot:
        messages = record_notifications(app)
        await pilot.pause(0.1)
        await pilot.press("Q", "e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert [m for m in messages if "still being built" in m] == [
            "The story is still being built: what you type waits for it (escape forgets it)."]
        assert [k.key for k in app._held] == ["Q", "e"]
        await pilot.press("escape")
        assert app._held == [] and any(m.startswith("Forgotten") for m in messages)


def test_edit_spans_find_the_changed_words_in_order_as_whole_words() -> None:
    from storyview.findings.quotes import Edit

    text = "a cat and a dog saw a catfish"
    assert find_word(text, "cat", 0) == 2
    assert find_word(text, "cat", 3) == 22  # "catfish" is not the word, but nothing else is left
    assert edit_spans(text, [Edit("the", "a"), Edit("", ""), Edit("bird", "dog")]) == [(0, 1), (12, 15)]
    assert edit_spans(text, [Edit("x", "zebra")]) == []


def test_bars_fill_in_eighths() -> None:
    assert bar(1.0, 4) == "████"
    assert bar(0.0, 4) == "    "
    assert bar(0.5, 3) == "█▌ "
    assert len(bar(0.34, 10)) == 10


async def test_quotes_figures_rewrites_and_coverage_name_sources_by_number_and_short_id(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(pilot)
        for key in ("Q", "F", "W"):
            await open_list(pilot, key)
            text = screen_text(app)
            assert "1 gazette " in text and "4 wire " in text, (key, text)
            assert "Fire Guts Harlow M" not in text and "Wire Servic" not in text, (key, text)
            await press(pilot, "escape")
        await open_list(pilot, "W")
        assert "4 wire reads as a copy of 1 gazette" in screen_text(app)
        await press(pilot, "escape", "c")
        legend = "\n".join(screen_text(app).splitlines()[:3])
        assert "1 gazette" in legend and "3 valley" in legend  # the headline, dimmed, after it if room
        assert "gazette" in screen_text(app).splitlines()[-2]  # the status names the focused source so too


async def test_seed_lists_call_a_hashed_file_by_its_number() -> None:
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(pilot)
        screen = await open_list(pilot, "Q")
        assert screen.view.source_label(app.story.articles[0].id, 100).plain.split() == ["1", "000"]


async def test_rewrite_figures_stay_whole_at_small_sizes(tmp_path: Path) -> None:
    for size in ((60, 20), (40, 12), (120, 30), (80, 24)):
        app = warehouse_app(tmp_path)
        async with app.run_test(size=size) as pilot:
            await analysed(pilot)
            screen = await open_list(pilot, "W")
            pairs = screen.view.items
            sides = [line for line in screen_text(app).splitlines() if "follows" in line and "%" in line]
            assert sides, size
            for line in sides:
                assert "…" not in line, (size, line)  # shortened, never cut
                assert re.search(r"(\d+%|¶|in order)\s*[▁-█]?$", line.rstrip()), (size, line)
            shown = {f"{side.follows:.0%}" for pair in pairs for side in (pair.a, pair.b)}
            assert any(share in line for line in sides for share in shown)


async def test_quotes_at_40x12_give_the_words_the_width(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await analysed(pilot)
        await open_list(pilot, "Q")
        lines = screen_text(app).splitlines()
        assert not any("the same words" in line for line in lines)  # the legend gives way
        quote = next(line for line in lines if "“We got" in line)
        assert "“We got there fast, but the" in quote, quote  # not a 9-cell strip
        assert any("3 sources" in line for line in lines)  # the counts on a line after the words
        version = lines[lines.index(next(line for line in lines if "1 gazette" in line)) + 1]
        assert "We got there fast, but the building" in version, version


async def test_figures_at_40x12_give_the_context_the_width(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await analysed(pilot)
        await open_list(pilot, "F")
        lines = screen_text(app).splitlines()
        label = next(n for n, line in enumerate(lines) if "1 gazette" in line)
        assert "…" not in lines[label].split("1 gazette")[1].strip().rstrip("▄▇▆▅▃▂▁█ ")  # the figure alone there
        assert len(lines[label + 1].strip(" ▌")) > 24, lines[label + 1]  # the words around it, full width


async def test_a_copy_stating_a_figure_is_named_a_copy_not_a_second_witness(tmp_path: Path) -> None:
    import shutil

    from storyview.inputs.bundled import seeds_dir
    from storyview.pipeline import build_story

    for seed in sorted(seeds_dir().glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    first = sorted(tmp_path.glob("*.txt"))[0]
    shutil.copy(first, tmp_path / f"{first.stem}_copy.txt")
    story = build_story([str(tmp_path)])
    analysis = analyse(story)
    copy = next(p for p in analysis.rewrites if p.verdict == "copy")
    both = [f for f in analysis.figures if {copy.rewrite, copy.original} <= {m.source for m in f.mentions}]
    assert both
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_list(pilot, "F")
        text = view_text(screen.view)
        assert text.count("(a copy of ") >= len(both)


async def test_Q_names_each_source_s_speaker_and_flags_a_quote_given_to_different_people() -> None:
    a = article("a_1", body("“We will rebuild the harbour bridge within three years,” said Mayor Ann Ruiz."))
    b = article("b_2", body("“We will rebuild the harbour bridge within three years,” council leader Tom Okafor said."))
    c = article("c_3", body("Ruiz told reporters: “We will rebuild the harbour bridge within three years.”"))
    story = Story((a, b, c), (Group(1, "bridge", (Member("a_1", 0), Member("b_2", 0), Member("c_3", 0))),))
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_list(pilot, "Q")
        text = view_text(screen.view)
        heading = text.split("exact", 1)[0]  # the lines above the first version
        assert "— Mayor Ann Ruiz" in heading and "council leader Tom Okafor" in heading and "speakers differ" in heading
        assert "— Ruiz" in text  # each version as its source writes the name
        assert "1 given to different speakers" in str(screen.query_one("#findings-title", Static).render())


async def test_a_long_quote_cut_to_one_line_still_names_its_speaker() -> None:
    """try21: a long quotation cut off when not the cursor item lost the speakers after it."""
    words = "We will rebuild the harbour bridge within three years whatever it costs and whatever the council says about the budget"
    a = article("a_1", body(f"“{words},” said Mayor Ann Ruiz."))
    b = article("b_2", body(f"“{words},” council leader Tom Okafor said."))
    first = article("c_3", body("“It is a sad day,” said the harbour master. “We will miss the old bridge very much.”"))
    story = Story((first, a, b), (Group(1, "bridge", (Member("c_3", 0), Member("a_1", 0), Member("b_2", 0))),))
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        screen = await open_list(pilot, "Q")
        view = screen.view
        row = next(k for k, q in enumerate(view.items) if q.misattributed)
        await pilot.press("j" if view.cursor == row else "k")
        await pilot.pause()
        assert view.cursor != row  # not the cursor item: one line
        heading = next(line for line in view_text(view).splitlines() if "We will rebuild" in line)
        assert "…” — Mayor Ann Ruiz · council leader Tom Okafor" in heading
