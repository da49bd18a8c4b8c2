"""Issue 19, a first screen worth reading: the fold, the lede, the legend, labels, the footer, n/N.

Each test presses the keys the issue names, on coverage built by the real engine from files:
reports of one event where most paragraphs are told by one source alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import ready
from storyview.model import Settings
from storyview.pipeline import build_story
from storyview.reader.app import StoryviewApp
from storyview.reader.widgets.status import StatusLine
from textual.pilot import Pilot
from textual.widgets import Footer

LEDE = "The Harbor Bridge reopened on Tuesday after a three-month repair that cost the city $40 million."
SHARED = "Mayor Alma Ruiz said the bridge would carry 80,000 cars a day and thanked the welders who worked nights."
OWN = {
    "a_gazette": ["The Gazette watched the first bus cross at dawn, its driver waving to a crowd of commuters "
                  "who had waited since five with thermos flasks and folding chairs.",
                  "Local bakers handed out free croissants shaped like the bridge's twin towers, and a queue "
                  "formed that reached the old customs house by seven.",
                  "A brass band from Eastside High played until the rain began at nine, when the tuba player "
                  "finally packed up and went home to dry off."],
    "b_herald": ["Engineers from Okafor Steel replaced 212 rusted cables during the repair, working in "
                 "shifts from barges moored under the central span.",
                 "The firm's chief inspector, Dana Wirth, called the old anchors a quiet scandal that "
                 "successive budgets had left to corrode for a decade."],
    "c_courier": ["Cyclists complained that the new lane markings vanish under wet leaves, and two riders "
                  "said they had slipped on the ramp during the first hour.",
                  "A petition for a protected bike lane has gathered 3,100 signatures, according to the "
                  "group that started it outside the library last month."],
    "d_post": ["Insurance premiums for the bridge authority tripled after the closure, a cost the "
               "authority says it will pass on through higher tolls for trucks.",
               "Auditors plan to review the contract award in the spring, after a council member asked "
               "why only one firm had bid for the work."],
}
CLOSING = ("The bridge will close again for one night in May so that crews can finish painting the "
           "railings, the transport department said in a statement on Tuesday evening.")


def write_story(folder: Path) -> Path:
    """Four reports: the lede all tell, one paragraph three tell, and runs each tells alone."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, (name, own) in enumerate(OWN.items()):
        paragraphs = [f"Harbor Bridge reopens ({name.split('_')[1].title()})", LEDE, *own, CLOSING]
        if n < 3:
            paragraphs.insert(2, SHARED)
        (folder / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def folder_app(folder: Path) -> StoryviewApp:
    return StoryviewApp(build=lambda settings, progress=None: build_story([str(folder)], settings), settings=Settings())


async def ready(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, StoryviewApp)
    for _ in range(300):
        if app.story is not None and app.pending is None and app.main.index is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def status(app: StoryviewApp) -> str:
    return str(app.main.query_one(StatusLine).render())


def grid_lines(app: StoryviewApp) -> list[str]:
    grid = app.main.grid
    return [grid.render_line(y).text for y in range(grid.size.height)]


def footer_text(app: StoryviewApp) -> str:
    footer = app.screen.query_one(Footer)
    update = app.screen._compositor.render_update(full=True)
    line = update.strips[footer.region.y]  # type: ignore[attr-defined]
    return "".join(seg.text for seg in line)


async def test_single_source_rows_fold_into_strips_that_enter_opens(tmp_path: Path) -> None:
    app = folder_app(write_story(tmp_path / "bridge"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        singles = sum(1 for row in grid.rows if len(row.cells) == 1)
        assert singles > len(grid.rows) / 3
        assert grid.folding.on  # folded from the start: over a third of the rows hold one source
        assert f"┄ {singles} folded (z)" in status(app)  # said in the first legend
        await pilot.press("g")
        assert f"folded {singles} (z)" in status(app)  # and in the status line after it
        text = "\n".join(grid_lines(app))
        assert "3–11/12 only in 1, 2, 3, 4 · 9 paragraphs" in text
        assert "watched the first bus" not in text and "only in 1 ·" not in text  # no single-source row drawn
        await pilot.press("k")  # from the lede up to the strip above, if any; else down to one
        while grid.strip is None:
            await pilot.press("j")
        run = grid.strip
        assert run is not None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main  # enter on a strip opens it, not the detail view
        assert grid.strip is None and grid.cursor == run.start
        assert all(grid.row_height(r) > 1 for r in range(run.start, run.end))
        await pilot.press("z")
        assert not grid.folding.on and "folded" not in status(app)
        await pilot.press("z")
        assert grid.folding.on


async def test_a_story_with_few_single_source_rows_opens_unfolded(tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("one", "two", "three"):
        (folder / f"{name}.txt").write_text(f"Bridge ({name})\n\n{LEDE}\n\n{SHARED}\n", encoding="utf-8")
    app = folder_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert not app.main.grid.folding.on
        await pilot.press("j")
        assert "folded" not in status(app)


async def test_the_story_opens_on_its_lede_at_the_top(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "bridge")
    (folder / "e_wire.txt").write_text("Bridge (Wire)\n\nThe wire's own opening paragraph is about the rain that fell all "
                                       "weekend over the harbour and its ferries.\n\n" + LEDE + "\n", encoding="utf-8")
    app = folder_app(folder)  # a first row only one source tells, before the lede
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        row = grid.row
        assert row is not None and len(row.cells) == 5  # every source tells the lede
        assert row.group is app.story.lede and grid.cursor > 0  # type: ignore[union-attr]
        assert grid.row_top(grid.cursor) == round(grid.scroll_y) > 0
        header = len(grid.header(grid.content_width))
        assert "The Harbor Bridge reopened on" in grid_lines(app)[header]


async def test_a_legend_shows_until_the_first_key_and_stays_in_help(tmp_path: Path) -> None:
    app = folder_app(write_story(tmp_path / "bridge"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        first = status(app)
        assert "only here" in first and "●○" in first and "· not covered ·" in first and "folded (z)" in first
        await pilot.press("j")
        assert "group 2/" in status(app) and "only here" not in status(app)
        await pilot.press("question_mark")
        await pilot.pause()
        legend = str(app.screen.query_one("#help-legend").render())
        assert "only here" in legend and "● ○" in legend and "· not covered ·" in legend and "z" in legend


async def test_group_labels_read_as_words_and_keywords_stay_in_detail(tmp_path: Path) -> None:
    app = folder_app(write_story(tmp_path / "bridge"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        rule = next(line for line in grid_lines(app) if "/" in line and "─" in line)
        assert "The Harbor Bridge reopened on Tuesday" in rule and " · " not in rule.split("─")[1]
        await pilot.press("enter")
        await pilot.pause()
        title = str(app.screen.query_one("#detail-title").render())
        assert "key words" in title and " · " in title


async def test_the_80_column_footer_names_q_f_w_and_e(tmp_path: Path) -> None:
    app = folder_app(write_story(tmp_path / "bridge"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        footer = footer_text(app)
        for shown in ("QFW", "e Save", "z Fold", "n N unique", "? Help", "/ Search"):
            assert shown in footer, footer


async def test_n_and_N_say_which_unique_passage_they_are_on(tmp_path: Path) -> None:
    app = folder_app(write_story(tmp_path / "bridge"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("j")
        main = app.main  # the count is of what n/N walk: the focused source's passages
        total = len(main._walked())
        assert f"unique {total}" in status(app)
        await pilot.press("n")
        first = status(app)
        assert f"/{total}" in first.split("unique ")[1].split()[0]
        at = int(first.split("unique ")[1].split("/")[0])
        await pilot.press("n")
        second = int(status(app).split("unique ")[1].split("/")[0])
        assert second != at and f"unique {second}/{total}" in status(app)
        await pilot.press("N")
        assert f"unique {at}/{total}" in status(app)
        await pilot.press("j")  # off the passage: the count alone, no stale place
        assert f"unique {total} " in status(app) + " "


async def test_a_story_opens_on_the_columns_of_the_sources_that_tell_its_lede() -> None:
    """try20: at 80x24 a story opened on sources 1 and 4, which did not tell the lede: its row
    showed only "· only in 5, 6 ·". The first screen shows the lede's tellers."""
    from story_factories import article, body
    from storyview.model import Group, Member, Story
    from storyview.reader.app import StoryviewApp

    arts = [article(f"s{k}", body(f"Source {k} opens on a story of its own about topic {k}.")) for k in range(1, 5)]
    arts += [article(f"s{k}", body("The dam on the river burst at dawn, flooding three villages."),
                     body(f"Source {k} adds rescue details.")) for k in (5, 6)]
    groups = [Group(k, f"topic {k}", (Member(f"s{k}", 0),)) for k in range(1, 5)]
    groups += [Group(5, "dam", (Member("s5", 0), Member("s6", 0))),
               Group(6, "rescue", (Member("s5", 1), Member("s6", 1)))]
    story = Story(tuple(arts), tuple(groups))
    assert story.lede is groups[4]
    app = StoryviewApp.from_story(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        shown = [c.source for c in grid.columns]
        assert grid.row is not None and grid.row.group is groups[4]
        assert grid.focused == "s5" and "s5" in shown and len(shown) < 6
        assert "s6" in shown or len(shown) == 1


def test_a_story_opens_on_the_first_columns_where_they_show_its_lede_side_by_side() -> None:
    """try22 #7: on the 2,225 BBC articles a story opened scrolled to source 10 unexplained, and
    ECB+ sets whose sources 1 and 3 tell the lede opened further right, where more do. The first
    columns win while they show the lede told by two sources (or by its only teller)."""
    from storyview.reader.widgets.grid import lede_window

    assert lede_window([0, 2, 4, 5, 6, 7], shown=8, fit=4) == 0  # 1 and 3 of 1-4 tell it: from source 1
    assert lede_window([3], shown=8, fit=4) == 0
    assert lede_window([1, 9, 11, 12], shown=14, fit=4) == 9  # source 2 alone of 1-4: where 10, 12, 13 are
    assert lede_window([9, 10], shown=11, fit=4) == 7  # as far left as keeps both in view
    assert lede_window([4, 5], shown=6, fit=3) == 3
    assert lede_window([], shown=6, fit=3) == 0


def test_a_story_opened_away_from_source_1_starts_on_a_source_that_tells_the_lede() -> None:
    """try24 #5: BBC story 1 at 80 columns (the lede told by sources 9, 10 and 12) opened "from
    source 8: sources 1–7 do not tell the lede", and source 8 did not tell it either."""
    from storyview.reader.widgets.grid import lede_note, lede_window

    numbers = list(range(1, 13))
    assert lede_window([8, 9, 11], shown=12, fit=3) == 8
    assert lede_note(numbers, [8, 9, 11], 8, 3) == "from source 9: sources 1–8 do not tell the lede"
    # where the last columns end the row, the window cannot start on a teller: the note still
    # names every source before the first that tells the lede
    assert lede_note(numbers[:11], [9, 10], 7, 4) == "from source 8: sources 1–9 do not tell the lede"


def _lede_told_by(numbers: list[int], sources: int) -> Any:
    """A story of `sources` sources whose lede (their first paragraph) only sources `numbers` tell."""
    from story_factories import article, body
    from storyview.model import Group, Member, Story

    arts, groups = [], []
    for k in range(1, sources + 1):
        if k in numbers:
            arts.append(article(f"s{k}", body("The dam on the river burst at dawn, flooding three villages."),
                                body(f"Source {k} adds rescue details.")))
        else:
            arts.append(article(f"s{k}", body(f"Source {k} opens on a story of its own about topic {k}.")))
            groups.append(Group(len(groups) + 1, f"topic {k}", (Member(f"s{k}", 0),)))
    groups.append(Group(len(groups) + 1, "dam", tuple(Member(f"s{k}", 0) for k in numbers)))
    groups.append(Group(len(groups) + 1, "rescue", tuple(Member(f"s{k}", 1) for k in numbers)))
    story = Story(tuple(arts), tuple(groups))
    assert story.lede is groups[-2]
    return story


async def test_a_story_that_opens_away_from_source_1_says_why_until_the_first_key() -> None:
    for size in ((120, 40), (80, 24)):
        app = StoryviewApp.from_story(_lede_told_by([10, 11], 11))
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            grid = app.main.grid
            assert grid.window_start > 0 and grid.focused == "s10"
            first = app.main.index.position[grid.columns[0].source] + 1
            said = f"from source {first}: sources 1–9 do not tell the lede"
            if size[0] < 100:  # beside the legend, in fewer words (try31)
                said = "2 of 11 sources tell the lede"
            assert said in status(app)
            await pilot.press("j")
            assert "tell the lede" not in status(app)


async def test_a_story_whose_first_columns_tell_its_lede_opens_on_them_and_says_nothing() -> None:
    app = StoryviewApp.from_story(_lede_told_by([1, 3, 5, 6, 7, 8], 8))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        grid = app.main.grid
        assert grid.window_start == 0 and grid.focused == "s1"
        assert "from source" not in status(app)


async def test_a_lede_told_also_left_of_the_window_says_how_many_tell_it_here() -> None:
    app = StoryviewApp.from_story(_lede_told_by([2, 10, 12, 13], 14))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.main.grid.window_start == 9
        assert "from source 10: 3 of the 4 that tell the lede (source 2 too)" in status(app)
