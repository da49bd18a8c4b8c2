"""A new user's review, second round: one numbering, keys that say what they did, and narrow sizes.

Most tests run on the reviewer's four short articles about a warehouse fire (WAREHOUSE), through
the real loader and engine.
"""

from __future__ import annotations

import re
from pathlib import Path

from storyview.reader.app import StoryviewApp
from storyview.model import Member
from storyview.reader.screens.detail import DetailScreen
from storyview.reader.screens.reading import ReadingScreen
from test_app_analysis import analysed, open_list
from test_app_hostile import folder_app, press, screen_text
from test_app_review_reading import reading_status
from test_app_stories import ready, record_notifications, seeds_app, status_text

WAREHOUSE: dict[str, bytes] = {
    'gazette.txt': "\n\n".join([
        'Fire Guts Harlow Mill Warehouse, Three Injured',
        'By Ana Ortiz',
        '2026-03-14',
        'A fire tore through the Harlow Mill textile warehouse on Dock Street early on Friday, injuring three workers and forcing the evacuation of 40 nearby homes.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes of the first call. "We got there fast, but the building was already fully involved," Marsh said.',
        'The blaze was brought under control by 6 a.m. after 65 firefighters battled it for nearly four hours.',
        'The three injured workers were taken to St. Columba Hospital with smoke inhalation and are in stable condition.',
        'The cause of the fire is under investigation. The owner, Dunmore Textiles, said it was cooperating fully with investigators.\n',
    ]).encode(),
    'metro.txt': "\n\n".join([
        'Three Hurt as Blaze Destroys Harlow Mill',
        'By Raj Patel',
        '2026-03-14',
        'Three workers were injured when fire swept through the Harlow Mill textile warehouse on Dock Street before dawn on Friday, and 40 homes nearby were evacuated.',
        '"We got there fast, but the building was already fully involved," said Fire Chief Lena Marsh, adding that the first engines arrived within eight minutes.',
        'Some 65 firefighters fought the blaze for almost four hours before it was brought under control at 6 a.m.',
        'Dunmore Textiles, which owns the warehouse, said it was cooperating with investigators. The cause has not been determined.\n',
    ]).encode(),
    'valley.txt': "\n\n".join([
        'Workers Say Alarms Failed in Harlow Mill Fire',
        'By Chen Wu',
        '2026-03-15',
        "Five workers were hurt in Friday's fire at the Harlow Mill warehouse on Dock Street, according to a union representative, who said the building's fire alarms did not sound.",
        '"The alarms never went off. We smelled smoke before anyone told us to get out," said forklift operator Dana Reyes, who escaped through a loading bay.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes and that 65 firefighters battled the blaze for nearly four hours.',
        'Dunmore Textiles did not respond to questions about the alarm system. The cause of the fire is under investigation.\n',
    ]).encode(),
    'wire.md': "\n\n".join([
        '---\ntitle: Harlow Mill warehouse fire injures three\ndate: 2026-03-14\nauthor: Staff\nsite: Wire Service\n---',
        '# Harlow Mill warehouse fire injures three',
        'A fire tore through the Harlow Mill textile warehouse on Dock Street early Friday, injuring three workers and forcing the evacuation of 40 nearby homes.',
        'Fire Chief Lena Marsh said crews arrived within eight minutes. "We got there fast, but the building was already fully involved," she said.',
        'The fire was brought under control by 6 a.m. after 65 firefighters fought it for nearly four hours. The cause is under investigation.\n',
    ]).encode(),
}



def warehouse_app(tmp_path: Path) -> StoryviewApp:
    return folder_app(tmp_path, WAREHOUSE)


# -- 1. one numbering: paragraphs are counted from 1 on every screen ------------------------------


async def test_reading_mode_and_the_detail_call_a_paragraph_by_the_same_number(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await press(pilot, "l", "l")  # valley, source 3
        member = app.main.grid.focused_members[0]
        assert member.source == "valley"
        await press(pilot, "r")
        assert isinstance(app.screen, ReadingScreen)
        total = len(app.story.articles[2].paragraphs)
        assert f"paragraph {member.paragraph + 1}/{total}" in reading_status(app.screen)
        await press(pilot, "escape", "enter")
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert f"3¶{member.paragraph + 1}" in text  # 1-based, as reading mode says
        assert f"3¶{member.paragraph} " not in text


# -- 2. keys that change nothing visible say what they did ----------------------------------------


async def test_w_in_a_terminal_narrower_than_the_reading_column_says_so(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "r", "w")
        assert "terminal already narrower than the reading column" in reading_status(app.screen)
        await press(pilot, "j")
        assert "narrower" not in reading_status(app.screen)  # a note lasts until the next move


async def test_w_in_a_wide_terminal_names_the_layout_it_switched_to(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r", "w")
        assert "narrow column (96 cells)" in reading_status(app.screen)
        await press(pilot, "w")
        assert "full width" in reading_status(app.screen)


async def test_b_says_how_many_boilerplate_paragraphs_it_showed_and_where() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        count = sum(p.kind == "boilerplate" for a in app.story.articles for p in a.paragraphs)
        assert count > 1
        said = record_notifications(app)
        await press(pilot, "b")
        assert said == [f"{count} boilerplate paragraphs shown, at the end (G)"]
        await press(pilot, "b")
        assert said[-1] == "Boilerplate folded again"


async def test_b_with_no_boilerplate_says_there_is_none(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        said = record_notifications(app)
        await press(pilot, "b")
        assert said == ["No boilerplate in these sources."]
        assert not app.main.grid.show_boilerplate


# -- 3. during a search the footer, the help and the palette call n/N "match" ----------------------


def footer_line(app: StoryviewApp) -> str:
    return screen_text(app).splitlines()[-1]


def palette_titles(app: StoryviewApp) -> list[str]:
    return [str(command.title) for command in app.get_system_commands(app.screen)]


async def test_n_is_called_match_while_a_search_is_on_and_unique_again_after(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "n N unique" in footer_line(app)
        assert "Next unique passage" in palette_titles(app) and "Next match" not in palette_titles(app)
        await press(pilot, "slash", *"fire", "enter")
        await pilot.pause()
        assert "n N match" in footer_line(app) and "unique" not in footer_line(app)
        titles = palette_titles(app)
        assert "Next match" in titles and "Previous match" in titles and "Next unique passage" not in titles
        first = app.main.grid.current
        await press(pilot, "n")
        assert app.main.grid.current != first  # n still steps through the matches
        assert "search fire  2/" in status_text(app)
        await press(pilot, "N")
        assert app.main.grid.current == first
        await press(pilot, "escape")
        await pilot.pause()
        assert "n N unique" in footer_line(app)


def test_help_lists_n_both_ways() -> None:
    from storyview.reader.screens.help import key_rows
    from storyview.reader.screens.main import MainScreen
    from storyview.reader.screens.reading import ReadingScreen

    for screen in (MainScreen, ReadingScreen):
        rows = {description: keys for keys, description, _ in key_rows(screen.BINDINGS, lambda binding: binding.key)}
        assert rows["Next unique passage"] == rows["Next match"] == "n"
        assert rows["Previous unique passage"] == rows["Previous match"] == "N"


async def test_reading_mode_opened_during_a_search_calls_n_match(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        assert "n N unique" in footer_line(app)
        await press(pilot, "escape", "slash", *"fire", "enter")
        await pilot.pause()
        await press(pilot, "r")
        assert "n N match" in footer_line(app)
        await press(pilot, "n")
        assert "matches 1/" in reading_status(app.screen) or "matches 2/" in reading_status(app.screen)


# -- 4. a byline is shown whole, or cut after a few letters of its name, or not at all -------------


def test_meta_line_leaves_out_a_byline_it_would_cut_to_a_stub() -> None:
    from storyview.reader.widgets.gridheader import meta_line

    assert meta_line("gazette", "2026-03-14", "By Ana Ortiz", 40) == "gazette · 2026-03-14 · By Ana Ortiz"
    assert meta_line("gazette", "2026-03-14", "By Ana Ortiz", 27) == "gazette · 2026-03-14"  # not "By …"
    assert meta_line("metro", "2026-03-14", "By Raj Patel", 27) == "metro · 2026-03-14"  # not "By Ra…"
    assert meta_line("metro", "2026-03-14", "By Rajesh Patel", 32) == "metro · 2026-03-14 · By Rajesh…"
    assert meta_line("wire", "2026-03-14", "Staff", 27) == "wire · 2026-03-14 · Staff"
    assert meta_line("gazette", "2026-03-14", None, 12) == "gazette"  # the date whole or not at all


async def test_column_headers_at_120_columns_show_no_stub_of_a_byline(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        header = "\n".join(screen_text(app).splitlines()[:4])
        assert "gazette · 2026-03-14" in header and "metro · 2026-03-14" in header
        assert "By …" not in header and "By Ra…" not in header and "By C…" not in header
        assert "wire · 2026-03-14 · Staff" in header  # a byline that fits stays
    wide = warehouse_app(tmp_path)
    async with wide.run_test(size=(160, 24)) as pilot:
        await ready(pilot)
        assert "gazette · 2026-03-14 · By Ana Ortiz" in screen_text(wide)


async def test_reading_title_keeps_the_byline_whole_or_leaves_it_out(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await press(pilot, "r")
        title = screen_text(app).splitlines()[0]
        assert title.rstrip().endswith("gazette · 2026-03-14"), title


# -- 5. the secondary screens name a source as the headers do: number and short id -----------------


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


# -- 6. narrow terminals: numbers are never cut, whole items go instead, quote text comes first ----


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


async def test_the_status_line_leaves_out_whole_items_rather_than_cut_a_value(tmp_path: Path) -> None:
    app = warehouse_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await ready(pilot)
        for keys in ((), ("l",), ("s",), ("j", "j")):
            await press(pilot, *keys)
            status = status_text(app).rstrip()
            assert len(status) <= 38, status
            assert not status.endswith(("thr", "uniq", "grp", "src", "…")), status
            assert "thr" not in status or "thr 0.16" in status, status
            assert re.search(r"grp \d+/6", status), status  # where the cursor is stays
        assert "src 4/4" in status


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
