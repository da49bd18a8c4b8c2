"""The reader's power tools: p / u in the detail view, B for a base source, shares in the headers
and the coverage screen, TEI in the export dialog."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from storyview.engine.base import relative_marks
from storyview.inputs.bundled import seeds_dir
from storyview.model import Member, Settings, Story
from storyview.pinstore import PinStore
from storyview.pipeline import build_story
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.coverage import CoverageScreen
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.export import ExportScreen
from storyview.reader.screens.main import MainScreen
from storyview.reader.screens.pin import PinScreen, near_candidates
from storyview.reader.widgets.rows import StoryIndex
from storyview.reader.widgets.status import StatusLine
from textual.pilot import Pilot
from textual.widgets import Footer, Input, OptionList, Static
from pilot_helpers import burst

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data-home"
    monkeypatch.setenv("STORYVIEW_DATA", str(home))
    return home


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir(), folder)
    return folder


def pinned_app(folder: Path) -> StoryviewApp:
    """The reader as `storyview FOLDER` starts it: pins read and written beside the articles."""
    store = PinStore.for_inputs([str(folder)])
    return StoryviewApp(build=lambda s, progress=None: build_story([str(folder)], s, progress, store),
                        inputs=[str(folder)], pins=store)


async def settled(pilot: Pilot[Any], until: Any = lambda app: True) -> None:
    """Wait for a Story with no rebuild pending (and `until(app)`)."""
    app = pilot.app
    for _ in range(400):
        if app.story is not None and app.pending is None and app._report is None and until(app):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def status(app: StoryviewApp) -> str:
    return str(app.main.query_one(StatusLine).render())


def notes(app: StoryviewApp) -> list[str]:
    """Every notification from now on (kept: a toast may time out on a slow machine before it is read)."""
    said: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        said.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


async def open_detail_on(pilot: Pilot[Any], want: Any) -> DetailScreen:
    """Move the cursor to the first row for which `want(row)` holds, and open its detail."""
    app = pilot.app
    grid = app.main.grid
    row = next(i for i, r in enumerate(grid.rows) if want(r))
    grid.move_to(row)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DetailScreen)
    return app.screen


async def test_p_pins_a_near_paragraph_into_the_group_and_the_next_launch_keeps_it(story_dir: Path) -> None:
    app = pinned_app(story_dir)
    said = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        detail = await open_detail_on(pilot, lambda r: r.group is not None and len(r.cells) >= 2
                                      and any(app.story.near.get(m) for ms in r.cells.values() for m in ms))
        members = detail.members
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen) and dialog.near
        assert dialog.query_one(OptionList).has_focus
        _, anchor, chosen = dialog.near[0]
        await pilot.press("enter")
        await settled(pilot, lambda a: a.story.pins)
        assert isinstance(app.screen, MainScreen)
        assert [(p.kind, p.a, p.b) for p in app.story.pins] == [("pin", anchor, chosen)]
        group = app.story.group_of(anchor)
        assert chosen in group.members and set(members) <= set(group.members) | {
            m for m in members if m.source == chosen.source}
        assert any(link.pinned for link in group.links)
        assert any("Pinned" in n for n in said)
        saved = json.loads((story_dir / ".storyview" / "pins.json").read_text())
        assert saved["pins"][0]["b"]["paragraph"] == chosen.paragraph
        await pilot.press("plus")  # a realign follows the pin too
        await settled(pilot, lambda a: a.settings.threshold > 0.2)
        assert chosen in app.story.group_of(anchor).members

    again = pinned_app(story_dir)  # the next launch
    async with again.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert chosen in again.story.group_of(anchor).members
        row = again.main.grid.rows[again.main.index.row_of[anchor]]
        again.main.grid.move_to(again.main.index.row_of[anchor])
        await pilot.press("enter")
        await pilot.pause()
        assert "pinned by hand" in str(again.screen.query_one("#detail-title", Static).render())
        assert chosen.source in row.cells


async def test_p_takes_a_typed_source_and_paragraph_and_says_what_is_wrong(story_dir: Path) -> None:
    app = pinned_app(story_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        story = app.story
        target = next(g for g in story.groups if len(set(g.sources)) >= 2)
        outsider = next(a for a in story.articles if a.id not in target.sources)
        paragraph = outsider.body[0].index
        await open_detail_on(pilot, lambda r: r.group is not None and r.group.id == target.id)
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen)
        typed = dialog.query_one(Input)
        typed.focus()
        number = [a.id for a in story.articles].index(outsider.id) + 1
        for wrong, says in [("x", "Type a source"), ("9 1", "no source 9"), (f"{number} 99", "paragraphs")]:
            typed.value = wrong
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog and says in str(dialog.query_one("#pin-hint", Static).render())
        typed.value = f"{number}¶{paragraph + 1}"
        await pilot.press("enter")
        await settled(pilot, lambda a: a.story.pins)
        assert Member(outsider.id, paragraph) in app.story.group_of(target.members[0]).members


async def test_u_takes_a_member_out_and_it_stays_out(story_dir: Path) -> None:
    app = pinned_app(story_dir)
    said = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        detail = await open_detail_on(pilot, lambda r: r.group is not None and len(r.cells) >= 3)
        await pilot.press("u")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen) and dialog.kind == "break"
        listing = dialog.query_one(OptionList)
        taken = dialog.members[listing.highlighted or 0]
        assert detail.pivot is not None and taken.source == detail.pivot  # the focused source's member first
        await pilot.press("enter")
        await settled(pilot, lambda a: a.story.pins)
        assert app.story.group_of(taken).members == (taken,)
        assert {p.kind for p in app.story.pins} == {"break"}
        assert any("Took" in n for n in said)
        await pilot.press("minus")  # looser grouping: still out
        await settled(pilot, lambda a: a.settings.threshold < 0.16)
        assert app.story.group_of(taken).members == (taken,)


async def test_without_a_pins_file_p_and_u_are_not_offered(seed_story: Story) -> None:
    """--ignore-pins (or a story made by hand): the footer and the palette leave p and u out."""
    app = StoryviewApp.from_story(seed_story)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        footer = " ".join(str(w.render()) for w in detail.query_one(Footer).query("*"))
        assert "Back" in footer and "Pin" not in footer and "Take out" not in footer
        titles = {command.title for command in app.get_system_commands(detail)}
        assert "Pin" not in titles and "Take out" not in titles
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is detail


async def test_b_makes_the_focused_source_the_base_and_it_holds_across_realigns(seed_story: Story) -> None:
    app = StoryviewApp(build=lambda s, progress=None: build_story(None, s, progress), settings=Settings())
    said = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        grid = app.main.grid
        await pilot.press("l", "l", "l")
        base = grid.focused
        await pilot.press("B")
        await pilot.pause()
        index = app.main.index
        assert index.base == base and grid.visible_sources[0] == base and grid.focused == base
        firsts = [min(m.paragraph for m in row.cells[base]) for row in grid.rows if base in row.cells]
        assert firsts == sorted(firsts)
        added = relative_marks(app.story, base)
        assert all(index.marks[m] == marks for m, marks in added.items())  # the others' marks: what they add
        assert {(p.member, p.start, p.end) for p in index.unique_passages()} == {
            (m, s, e) for row in index.group_rows for ms in row.cells.values() for m in ms for s, e in index.marks[m].unique}
        number = index.position[base] + 1
        assert f"base {number} " in status(app) and "others add" in status(app)
        assert any("is the base" in n for n in said)
        first_base_row = next(i for i, r in enumerate(grid.rows) if base not in r.cells)
        grid.reveal(first_base_row)  # a row only one source tells may be folded into a strip (issue 19)
        grid.move_to(first_base_row)
        await pilot.pause()
        assert "not in the base" in "\n".join(grid.render_line(y).text for y in range(grid.size.height))
        await pilot.press("z")  # what z folds with a base: the rows it does not tell (try27)
        await pilot.pause()
        assert any("rows the base does not tell" in n for n in said)
        await pilot.press("plus")
        await settled(pilot, lambda a: a.settings.threshold > 0.2)
        assert app.main.index.base == base and grid.visible_sources[0] == base
        assert f"base {number} " in status(app)
        await pilot.press("B")  # on the base again: back to the story order
        await pilot.pause()
        assert app.main.index.base is None and "base" not in status(app)
        assert grid.visible_sources == [a.id for a in app.story.articles]


async def test_headers_and_coverage_show_each_sources_share(seed_story: Story) -> None:
    app = StoryviewApp.from_story(seed_story)
    async with app.run_test(size=(160, 40)) as pilot:
        await settled(pilot)
        grid = app.main.grid
        header = "\n".join(grid.render_line(y).text for y in range(5))
        groups = len(seed_story.groups)
        for source in grid.visible_sources:
            share = seed_story.shares[source]
            assert f"{round(100 * share.unique_share)}% uniq" in header
            assert f"{share.groups_covered}/{groups}" in header
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)
        line = str(app.screen.query_one("#coverage-status", Static).render())
        first = seed_story.shares[seed_story.articles[0].id]
        assert f"tells {first.groups_covered}/{groups} groups" in line
        assert f"unique {round(100 * first.unique_share)}% of its words" in line


async def test_the_export_dialog_writes_tei(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_story: Story) -> None:
    monkeypatch.chdir(tmp_path)
    app = StoryviewApp.from_story(seed_story)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        await pilot.press("down", "down", "down")
        assert dialog.query_one(Input).value == "storyview-report.xml" and dialog.fmt == "tei"
        await pilot.press("enter")
        target = tmp_path / "storyview-report.xml"
        for _ in range(300):
            if target.exists():
                break
            await pilot.pause(0.02)
        root = etree.fromstring(target.read_bytes())
        assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
        assert len(root.findall(".//{http://www.tei-c.org/ns/1.0}witness")) == len(seed_story.articles)


async def test_a_pin_that_pushes_out_a_paragraph_of_the_same_source_says_so(story_dir: Path) -> None:
    """try12 #4: pinning a paragraph of a source the group already holds, not next to it, takes
    the old one out; the toast names it before the realign."""
    app = pinned_app(story_dir)
    said = notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        story = app.story

        def far_paragraph(group: Any) -> tuple[Member, Member] | None:
            for held in group.members:
                body = [p.index for p in story.article(held.source).body]
                rank = body.index(held.paragraph)
                for index in body[rank + 2:] + body[: max(0, rank - 1)]:
                    if Member(held.source, index) not in group.members:
                        return held, Member(held.source, index)
            return None

        target = next(g for g in story.groups if len(set(g.sources)) >= 2 and far_paragraph(g)
                      and sum(m.source == far_paragraph(g)[0].source for m in g.members) == 1)
        held, far = far_paragraph(target)
        await open_detail_on(pilot, lambda r: r.group is not None and r.group.id == target.id)
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen)
        number = [a.id for a in story.articles].index(far.source) + 1
        dialog.query_one(Input).focus()
        dialog.query_one(Input).value = f"{number} {far.paragraph + 1}"
        await pilot.press("enter")
        await settled(pilot, lambda a: a.story.pins)
        said_here = f"{number}¶{held.paragraph + 1} leaves it"
        assert any(said_here in n and "one run" in n for n in said), said
        assert held not in app.story.group_of(far).members  # what the toast said happened


async def test_the_pin_list_names_each_paragraph_once_with_its_best_score(story_dir: Path) -> None:
    """try12 #15: a paragraph close to several members of the group is one choice, not several."""
    app = pinned_app(story_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        story = app.story

        def repeated(row: Any) -> bool:
            """Some paragraph of another group is close to two members of this row's group."""
            members = [m for ms in row.cells.values() for m in ms]
            close = [link.b for m in members for link in story.near.get(m, ()) if link.b not in members]
            return len(close) > len(set(close))

        detail = await open_detail_on(pilot, lambda r: r.group is not None and len(r.cells) >= 2 and repeated(r))
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen)
        listed = [other for _, _, other in dialog.near]
        assert len(listed) == len(set(listed))
        for score, _, other in dialog.near:
            best = max(link.score for m in detail.members for link in story.near.get(m, ()) if link.b == other)
            assert score == best


async def test_the_pin_dialog_keeps_the_typed_entry_on_a_short_screen(story_dir: Path) -> None:
    """A long near list gives up rows on an 80x20 screen, so the typed entry and the keys line
    stay in view; at 80x24 the whole list fits with no blank rows under it; a resize refits it."""
    app = pinned_app(story_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        index = StoryIndex(app.story)

        def long_list(row: Any) -> bool:
            members = [m for ms in row.cells.values() for m in ms]
            return row.group is not None and len(near_candidates(index, members)) >= 10

        await open_detail_on(pilot, long_list)
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PinScreen)
        panel, listing = dialog.query_one("#pin-panel"), dialog.query_one(OptionList)
        last = list(panel.children)[-1]
        for size in ((80, 24), (80, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert panel.region.bottom <= size[1]
            assert dialog.query_one(Input).region.bottom <= panel.region.bottom - 1
            assert last.region.bottom == panel.region.bottom - 1
            assert listing.region.height == (12 if size[1] == 24 else 8)


async def test_a_paragraph_typed_right_after_p_goes_into_the_dialog(story_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """try22 #5: the keys after `p` go to the dialog's entry (with no near list to choose
    from, "2 5" went to the detail view behind it, and was lost)."""
    monkeypatch.setattr("storyview.reader.screens.pin.near_candidates", lambda index, members: [])
    app = pinned_app(story_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await open_detail_on(pilot, lambda r: r.group is not None and len(r.cells) >= 2)
        await burst(pilot, "p", "2", " ", "5")
        dialog = app.screen
        assert isinstance(dialog, PinScreen) and not dialog.near
        assert dialog.query_one(Input).value == "2 5"


async def test_a_paragraph_typed_over_the_near_list_goes_into_the_entry(story_dir: Path) -> None:
    """try24 #4: with a near list, "3 4" after `p` went to the list (nothing happened until Tab):
    a digit starts the typed entry, and what follows it goes there too."""
    app = pinned_app(story_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await open_detail_on(pilot, lambda r: r.group is not None and len(r.cells) >= 2
                             and any(app.story.near.get(m) for ms in r.cells.values() for m in ms))
        await burst(pilot, "p", "3", " ", "4")
        dialog = app.screen
        assert isinstance(dialog, PinScreen) and dialog.near
        field = dialog.query_one(Input)
        assert field.value == "3 4" and field.has_focus
