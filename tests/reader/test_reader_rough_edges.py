"""Issue 19, the rough edges a new user hits, each with the keys that showed it."""

from __future__ import annotations

from pathlib import Path

from storyview.reader.widgets.diff import DiffView
from test_reader_first_screen import folder_app, grid_lines, ready, status

SEED_COUNTS_NEED = "the bundled seeds: boilerplate, 'Mamdani' in most sources"


def one_sentence_reports(folder: Path, count: int = 12) -> Path:
    """`count` short reports of one event, one sentence a paragraph, with a line of page debris."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        paragraphs = [
            f"Ferry runs aground off Tarn Island (report {n})",
            "A passenger ferry ran aground off Tarn Island early on Sunday with 240 people aboard.",
            f"Report {n} says the coastguard sent {n + 1} boats and a helicopter to the scene before dawn.",
            f"Witness number {n} described a loud scrape and then a long silence on the lower deck.",
            "All passengers were taken ashore by noon and nobody was seriously hurt, the operator said.",
            f"Subscribe to our newsletter {n}",
        ]
        (folder / f"report_{n}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


async def test_l_moves_between_columns_without_scrolling_the_rows(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        for key in ("G", "b", "G"):
            await pilot.press(key)
        for _ in range(len(grid.visible_sources) - 1):  # far enough that the window of columns slides
            row, on_screen = grid.cursor, grid.row_top(grid.cursor) - round(grid.scroll_y)
            await pilot.press("l")
            await pilot.pause()
            assert grid.cursor == row
            assert grid.row_top(grid.cursor) - round(grid.scroll_y) == on_screen
        assert grid.window_start > 0


async def test_folder_files_sort_naturally_and_sources_past_nine_are_reachable(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert [a.id for a in app.story.articles][:3] == ["report_1", "report_2", "report_3"]  # type: ignore[union-attr]
        await pilot.press("S")
        await pilot.pause()
        for _ in range(10):  # from source 1 down to source 11
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        grid = app.main.grid
        assert grid.focused == "report_11"
        assert "report_11" in [c.source for c in grid.columns]
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("space")  # hide the focused one, source 11
        await pilot.pause()
        assert "report_11" in grid.hidden


async def test_search_is_smart_case_and_says_when_it_matched_any_case(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"passengers", "enter")
        lower = len(app.main.search_passages)
        assert lower == 12 and "(any case)" not in status(app)
        await pilot.press("slash", *"\b" * 20)
        app.main.query_one("#search").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"Passengers", "enter")  # no capital P in any paragraph: any case, and said
        assert len(app.main.search_passages) == lower
        assert "(any case)" in status(app)
        await pilot.press("escape")
        await pilot.press("slash")
        app.main.query_one("#search").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"All", "enter")  # a capital that is there: that case only
        assert len(app.main.search_passages) == 12 and "(any case)" not in status(app)


async def test_the_word_diff_keeps_brackets_and_commas(tmp_path: Path) -> None:
    folder = tmp_path / "ice"
    folder.mkdir()
    texts = {
        "one": "Immigration and Customs Enforcement (ICE) invited officers, in a post on Friday, to join the agency.",
        "two": "Immigration and Customs Enforcement (ICE) invited officers in a post on Friday to join the agency now.",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(f"ICE calls on officers ({name})\n\n{text}\n", encoding="utf-8")
    app = folder_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        diff = str(app.screen.query_one(DiffView).render())
        assert "(ICE) invited officers, officers in a post on Friday, Friday to join the agency. agency now." in diff


async def test_reading_mode_counts_the_paragraphs_it_shows(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("G")
        shown = app.screen.view.row_count()  # type: ignore[attr-defined]
        line = str(app.screen.query_one("#reading-status").render())
        assert f"paragraph {shown}/{shown}" in line  # the debris line is folded and not counted
        assert shown == 5  # headline and four sentences


async def test_b_and_the_status_count_boilerplate_rows_alike(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    messages: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (messages.append(message), notify(message, **kw))[1]  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        rows = len(app.main.index.boilerplate_rows)  # type: ignore[union-attr]
        await pilot.press("b")
        assert any(m.startswith(f"{rows} boilerplate row") for m in messages), messages
        await pilot.press("G")
        assert f"boilerplate {rows}/{rows}" in status(app)


async def test_the_match_count_survives_reading_mode(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"passengers", "enter")
        assert "search passengers  1/12" in status(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "0/12" not in status(app)
        assert "search passengers  1/12" in status(app) or "search passengers  12 matches" in status(app)


async def test_q_in_help_quits_as_help_says(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry", 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-hint").render())
        assert "q quits" in help_text
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


def storm_reports(folder: Path) -> Path:
    """Five reports; only the first and the last give a death toll, and they differ (12, 15)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 6):
        toll = {1: "killed 12 people", 5: "killed 15 people"}.get(n, "killed several people")
        paragraphs = [
            "Storm hits coast",
            f"A storm struck the northern coast on Monday night and {toll}, officials in Port Elma said on "
            "Tuesday morning.",
            "The harbour wall at Kessel Point gave way shortly after midnight, flooding streets near the old "
            "fish market where traders had stacked sandbags.",
            "Rescue teams from three provinces worked through the night to reach villages cut off by "
            "landslides along the coast road.",
        ]
        (folder / f"src_{n}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


async def test_a_figure_jump_shows_both_sides_of_a_conflict_at_the_top(tmp_path: Path) -> None:
    app = folder_app(storm_reports(tmp_path / "storm"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "F")  # away from the top first, so the jump has to move
        for _ in range(100):
            await pilot.pause(0.02)
            if getattr(app.screen.view, "items", None):  # type: ignore[attr-defined]
                break
        await pilot.press("enter")
        await pilot.pause()
        grid = app.main.grid
        shown = [c.source for c in grid.columns]
        assert "src_1" in shown and "src_5" in shown  # both sides of 12 against 15
        assert grid.focused == "src_1"
        assert grid.row_top(grid.cursor) == round(grid.scroll_y)  # the target row at the top
        assert "killed 12 people" in "\n".join(grid_lines(app))


async def test_a_coverage_jump_lands_at_the_top(tmp_path: Path) -> None:
    app = folder_app(one_sentence_reports(tmp_path / "ferry"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("z")  # every row shown, so there is room to scroll
        await pilot.press("c")
        await pilot.pause()
        for _ in range(6):
            await pilot.press("j")
        target = app.screen.view.cursor  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        grid = app.main.grid
        assert grid.cursor == target
        assert grid.row_top(grid.cursor) - round(grid.scroll_y) == 0 or grid.scroll_y == grid.max_scroll_y
