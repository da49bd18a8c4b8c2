"""The reader's first screen as the try31 tryout found it on ECB+ sets: a coverage key that
stopped at source 9, a status line cut mid-list, header rules out of line, story dates kept
while labels were cut."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pilot_helpers import coverage_legend, ready, screen_lines
from story_factories import wide_story
from storyview.reader.app import StoryviewApp


def headlined(sources: int):  # type: ignore[no-untyped-def]
    """A wide story whose sources have headlines long enough to fill a key's item."""
    story = wide_story(sources, 12)
    named = tuple(replace(a, outlet=None, title=f"Texas inmate escapes from a prison van, says source {n}")
                  for n, a in enumerate(story.articles))
    return replace(story, articles=named)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
@pytest.mark.parametrize("sources", [11, 18])
async def test_the_coverage_key_lists_every_source_or_says_how_many_more(size: tuple[int, int], sources: int) -> None:
    """try31 #1: at 120x40 on 11 sources the key named 1–9, with no "… 2 more"."""
    app = StoryviewApp.from_story(headlined(sources))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        shown = "\n".join((await coverage_legend(pilot))[1:])
        named = [int(n) for n in re.findall(r"(?:^| {3}| )(\d+) s\d\d", shown)]
        more = re.search(r"… (\d+) more", shown)
        assert named == list(range(1, len(named) + 1)), shown
        assert len(named) + (int(more.group(1)) if more else 0) == sources, (size, shown)


def status(app: StoryviewApp) -> str:
    from storyview.reader.widgets.status import StatusLine

    return str(app.main.query_one(StatusLine).render())


@pytest.mark.parametrize("tellers", [[1, 4, 5, 7, 9, 10, 11], [10, 11], [2, 10, 12, 13]])
async def test_at_80x24_the_first_status_explains_the_marks_and_why_it_opened_there_whole(tellers: list[int]) -> None:
    """try31 #2: at 80x24 the status line stopped mid-list ("…the lede (sources 1, 4, 5, 7") and
    the legend promised until the first key was missing. Both show, in words that end whole."""
    from test_reader_first_screen import _lede_told_by

    sources = max(11, max(tellers))
    app = StoryviewApp.from_story(_lede_told_by(tellers, sources))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.main.grid.window_start > 0
        line = status(app)
        assert "only here" in line and line.rstrip().endswith("? keys"), line
        assert "…" not in line and len(line) <= 78
        assert f"{len(tellers)} of {sources} sources tell the lede" in line or "that tell the lede" in line, line


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_header_meta_lines_stay_in_line_when_one_title_wraps_longer(size: tuple[int, int]) -> None:
    """try31 #4: where a title wrapped to 3 lines its id and share sat a line lower than the
    other columns'. Every column's id line is on one row, its share on the next."""
    from story_factories import article, body
    from storyview.model import Group, Member, Story

    titles = ["Texas prisoner captured", "Escape renews calls for prison agency shake-up in Texas",
              "Arcade Joseph Comeaux Jr, Prison Inmate, Pulls Gun On And Handcuffs Guards, Runs Away From Van",
              "Inmate escapes"]
    arts = tuple(article(f"src{k}", body(f"Source {k} says the inmate escaped from a prison van near Houston."),
                         body(f"Source {k} adds a detail of its own, {k} times over."), title=t)
                 for k, t in enumerate(titles, 1))
    groups = (Group(1, "lede", tuple(Member(a.id, 0) for a in arts)),
              *(Group(k + 2, f"own {k}", (Member(a.id, 1),)) for k, a in enumerate(arts)))
    app = StoryviewApp.from_story(Story(arts, groups))
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        grid = app.main.grid
        shown = [app.main.index.by_id[c.source].id for c in grid.columns]
        lines = screen_lines(app)[:8]
        rows = {source: next(y for y, line in enumerate(lines) if re.search(rf"\b{source}\b", line)) for source in shown}
        assert len(set(rows.values())) == 1, (rows, "\n".join(lines))


@pytest.mark.parametrize(("width", "dates"), [(80, False), (100, True), (120, True)])
async def test_the_story_list_gives_the_dates_room_to_the_labels_first(width: int, dates: bool) -> None:
    """try31 #3: at 80x24 the dates column stayed while labels were cut ("Tara Reid, Promises
    Treatme…"); the README says the dates give way to the label first."""
    from stories_app import folder_app, listed
    from storyview.reader.widgets.storylist import LABEL_WANTS

    app = folder_app()
    async with app.run_test(size=(width, 24)) as pilot:
        table = (await listed(pilot)).table
        columns = {str(c.label): c.width for c in table.columns.values()}
        assert ("dates" in columns) == dates, columns
        assert columns["story"] >= LABEL_WANTS and "words" in columns, columns
