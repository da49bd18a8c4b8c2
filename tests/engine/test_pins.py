"""Pins and breaks: applied by the engine, kept in a file beside the story, never lost silently."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from storyview.cli import main
from storyview.engine.align import align
from storyview.engine.pins import apply_pins, makes_way
from storyview.inputs.bundled import seeds_dir
from storyview.model import Member, Pin, Settings, Story
from storyview.pinstore import PinStore, data_dir, pins_path
from storyview.pipeline import build_story


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder, in the test's own folder."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("STORYVIEW_DATA", str(home))
    return home


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    """The seed articles copied to a folder of their own (pins are written beside them)."""
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir(), folder)
    return folder


def singles_and_big(story: Story) -> tuple[Member, Member]:
    """A member of a group of two sources or more, and a paragraph alone in its group, of a
    source that group lacks."""
    return next((group.members[0], single.members[0])
                for group in story.groups if len(set(group.sources)) > 1
                for single in story.groups if len(single.members) == 1 and single.members[0].source not in group.sources)


def test_a_pin_moves_the_paragraph_into_the_group_and_marks_its_links(seed_story: Story) -> None:
    alignment = align(seed_story.articles, seed_story.settings)
    anchor, single = singles_and_big(seed_story)
    pinned = apply_pins(alignment, [Pin("pin", anchor, single)])
    group = next(g for g in pinned.groups if anchor in g.members)
    assert single in group.members
    assert not any(single in g.members for g in pinned.groups if g is not group)
    link = next(link for link in group.links if {link.a, link.b} == {anchor, single})
    assert link.pinned and 0 <= link.score <= 1
    assert not any(link.pinned for g in pinned.groups if g is not group for link in g.links)
    assert [g.id for g in pinned.groups] == list(range(1, len(pinned.groups) + 1))
    assert sorted(m for g in pinned.groups for m in g.members) == sorted(m for g in alignment.groups for m in g.members)
    assert single not in [link.b for link in pinned.near.get(anchor, ())]


def test_a_break_takes_the_member_out_to_a_group_of_its_own(seed_story: Story) -> None:
    alignment = align(seed_story.articles, seed_story.settings)
    big = max(alignment.groups, key=lambda g: len(g.members))
    a, b = big.members[0], next(m for m in big.members if m.source != big.members[0].source)
    broken = apply_pins(alignment, [Pin("break", a, b)])
    assert next(g for g in broken.groups if b in g.members).members == (b,)
    assert b not in next(g for g in broken.groups if a in g.members).members
    assert any(link.b == a for link in broken.near[b])  # they were close: each is in the other's near list


def test_the_later_of_a_pin_and_a_break_wins(seed_story: Story) -> None:
    alignment = align(seed_story.articles, seed_story.settings)
    anchor, single = singles_and_big(seed_story)
    both = apply_pins(alignment, [Pin("pin", anchor, single), Pin("break", anchor, single)])
    assert next(g for g in both.groups if single in g.members).members == (single,)
    again = apply_pins(alignment, [Pin("break", anchor, single), Pin("pin", anchor, single)])
    assert single in next(g for g in again.groups if anchor in g.members).members


def test_a_second_paragraph_of_a_source_replaces_the_first_unless_it_continues_it(seed_story: Story) -> None:
    alignment = align(seed_story.articles, seed_story.settings)
    group = next(g for g in alignment.groups if len(set(g.sources)) >= 3 and len(g.members) == len(set(g.sources)))
    held = group.members[-1]
    body = [p.index for p in seed_story.article(held.source).body]
    far = next(i for i in body if abs(i - held.paragraph) > 1)
    newcomer = Member(held.source, far)
    anchor = group.members[0]
    pinned = apply_pins(alignment, [Pin("pin", anchor, newcomer)])
    new_group = next(g for g in pinned.groups if anchor in g.members)
    assert newcomer in new_group.members and held not in new_group.members
    assert any(held in g.members for g in pinned.groups)  # moved out, not lost


def test_pins_are_written_beside_the_story_and_followed_by_the_next_build(story_dir: Path) -> None:
    story = build_story([str(story_dir)])
    store = PinStore.for_inputs([str(story_dir)])
    assert store.path == story_dir / ".storyview" / "pins.json"
    anchor, single = singles_and_big(story)
    store.add(Pin("pin", anchor, single), story.articles)
    data = json.loads(store.path.read_text())
    assert data["storyview_pins"] == 1 and data["pins"][0]["kind"] == "pin"
    assert [p.name for p in store.path.parent.iterdir()] == ["pins.json"]  # no temporary file left
    again = build_story([str(story_dir)], pins=store)
    assert again.pins == (Pin("pin", anchor, single),)
    assert single in again.group_of(anchor).members
    without = build_story([str(story_dir)])
    assert single not in without.group_of(anchor).members
    # the pins file is not an article: the folder still loads the same five sources
    assert [a.id for a in again.articles] == [a.id for a in story.articles]


def test_pins_hold_across_realigns_at_other_thresholds(story_dir: Path) -> None:
    story = build_story([str(story_dir)])
    store = PinStore.for_inputs([str(story_dir)])
    anchor, single = singles_and_big(story)
    store.add(Pin("pin", anchor, single), story.articles)
    for threshold in (0.11, 0.21, 0.31):
        rebuilt = build_story([str(story_dir)], Settings(threshold=threshold), pins=store)
        assert single in rebuilt.group_of(anchor).members


def test_a_read_only_folder_keeps_its_pins_in_the_data_folder(story_dir: Path, data_home: Path) -> None:
    if os.geteuid() == 0:
        os.chmod(story_dir, 0o555)
        assert pins_path([str(story_dir)]).is_relative_to(story_dir)  # root writes anyway: nothing to test
        os.chmod(story_dir, 0o755)
        pytest.skip("root can write into a read-only folder")
    os.chmod(story_dir, 0o555)
    try:
        path = pins_path([str(story_dir)])
        assert path.is_relative_to(data_home / "pins")
        story = build_story([str(story_dir)])
        anchor, single = singles_and_big(story)
        PinStore(path).add(Pin("pin", anchor, single), story.articles)
        assert path.exists() and not (story_dir / ".storyview").exists()
    finally:
        os.chmod(story_dir, 0o755)


def test_a_folder_that_cannot_be_written_goes_to_the_data_folder(tmp_path: Path, data_home: Path) -> None:
    """A `.storyview` that is a file, not a folder, cannot hold pins: the data folder does."""
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text("One paragraph.")
    (folder / ".storyview").write_text("not a folder")
    assert pins_path([str(folder / "a.txt")]).is_relative_to(data_home / "pins")


def test_a_pin_whose_paragraph_changed_is_dropped_with_one_warning(story_dir: Path) -> None:
    story = build_story([str(story_dir)])
    store = PinStore.for_inputs([str(story_dir)])
    anchor, single = singles_and_big(story)
    store.add(Pin("pin", anchor, single), story.articles)
    path = Path(story.article(single.source).path)
    text = path.read_text(encoding="utf-8")
    old = story.paragraph(single).text
    path.write_text(text.replace(old, "A wholly different paragraph about the weather in Lisbon."), encoding="utf-8")
    again = build_story([str(story_dir)], pins=store)
    dropped = [w for w in again.warnings if "dropped" in w]
    assert len(dropped) == 1 and "\n" not in dropped[0] and single.source in dropped[0]
    assert again.pins == ()
    assert json.loads(store.path.read_text())["pins"] == []  # dropped from the file too


def test_a_pin_whose_paragraph_moved_follows_it(story_dir: Path) -> None:
    story = build_story([str(story_dir)])
    store = PinStore.for_inputs([str(story_dir)])
    anchor, single = singles_and_big(story)
    store.add(Pin("pin", anchor, single), story.articles)
    path = Path(story.article(single.source).path)
    text = path.read_text(encoding="utf-8")
    old = story.paragraph(single).text
    path.write_text(text.replace(old, "A new paragraph the writer added about the weather.\n" + old), encoding="utf-8")
    again = build_story([str(story_dir)], pins=store)
    moved = Member(single.source, single.paragraph + 1)
    assert again.paragraph(moved).text == old
    assert again.pins == (Pin("pin", anchor, moved),)
    assert moved in again.group_of(anchor).members
    assert not [w for w in again.warnings if "dropped" in w]


@pytest.mark.parametrize("damage", [b"{not json", b'{"storyview_pins": 1, "pins": [{"kind": "glue"}]}', b"\xff\xfe", b"[]"])
def test_a_corrupt_pins_file_is_set_aside_with_a_warning(story_dir: Path, damage: bytes) -> None:
    store = PinStore.for_inputs([str(story_dir)])
    store.path.parent.mkdir()
    store.path.write_bytes(damage)
    story = build_story([str(story_dir)], pins=store)
    warning = next(w for w in story.warnings if "pins file" in w)
    assert "set aside" in warning and "\n" not in warning
    aside = [p for p in store.path.parent.iterdir() if p.name.startswith("pins.json.corrupt")]
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # kept, byte for byte
    assert not store.path.exists()
    anchor, single = singles_and_big(story)
    store.add(Pin("pin", anchor, single), story.articles)  # a new file starts; the old one stays aside
    assert aside[0].exists() and json.loads(store.path.read_text())["pins"]


def test_deeply_nested_json_in_the_pins_file_is_damage_too(story_dir: Path) -> None:
    """try32: a pins file of 100,000 nested lists raised RecursionError through the CLI."""
    store = PinStore.for_inputs([str(story_dir)])
    store.path.parent.mkdir()
    store.path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    story = build_story([str(story_dir)], pins=store)
    assert any("pins file" in w and "set aside" in w for w in story.warnings)


@pytest.mark.parametrize("kind", ["fifo", "device", "large"])
def test_a_pins_file_that_is_no_file_of_pins_is_left_alone(story_dir: Path, kind: str) -> None:
    """try32: a FIFO as pins.json hung every build; a link to /dev/zero filled 4 GB. Neither is
    read nor written: the story builds without pins, one warning says why."""
    store = PinStore.for_inputs([str(story_dir)])
    store.path.parent.mkdir()
    if kind == "fifo":
        os.mkfifo(store.path)
    elif kind == "device":
        store.path.symlink_to("/dev/zero")
    else:
        with open(store.path, "wb") as fh:
            fh.truncate(17 << 20)
    story = build_story([str(story_dir)], pins=store)
    warning = next(w for w in story.warnings if "pins file" in w)
    assert ("not a regular file" if kind != "large" else "too large") in warning and "\n" not in warning
    anchor, single = singles_and_big(story)
    with pytest.raises(OSError):
        store.add(Pin("pin", anchor, single), story.articles)
    assert store.path.is_symlink() if kind == "device" else store.path.exists()


def test_json_marks_pinned_links_and_ignore_pins_leaves_them_out(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = build_story([str(story_dir)])
    anchor, single = singles_and_big(story)
    PinStore.for_inputs([str(story_dir)]).add(Pin("pin", anchor, single), story.articles)
    assert main(["--json", str(story_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    links = [link for g in data["groups"] for link in g["links"] if link.get("pinned")]
    assert links and all(link["pinned"] is True for link in links)
    assert {(links[0]["a"]["source"], links[0]["b"]["source"])} <= {(anchor.source, single.source), (single.source, anchor.source)} | {
        (link["a"]["source"], link["b"]["source"]) for link in links}
    assert data["pins"] == [{"kind": "pin", "a": {"source": anchor.source, "paragraph": anchor.paragraph},
                             "b": {"source": single.source, "paragraph": single.paragraph}}]
    assert main(["--json", "--ignore-pins", str(story_dir)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["pins"] == [] and not any("pinned" in link for g in plain["groups"] for link in g["links"])


def test_no_pins_file_is_written_when_there_are_no_pins(story_dir: Path) -> None:
    build_story([str(story_dir)], pins=PinStore.for_inputs([str(story_dir)]))
    assert not (story_dir / ".storyview").exists()


def test_inputs_far_apart_keep_their_pins_in_the_data_folder(tmp_path: Path, data_home: Path) -> None:
    here = tmp_path / "one"
    here.mkdir()
    (here / "a.txt").write_text("One paragraph.")
    assert pins_path([str(here / "a.txt")]) == here / ".storyview" / "pins.json"
    assert pins_path([str(here), str(here / "a.txt")]) == here / ".storyview" / "pins.json"
    far = pins_path([str(here / "a.txt"), "/etc/hostname"])
    assert far.is_relative_to(data_home / "pins")
    assert far == pins_path(["/etc/hostname", str(here / "a.txt")])  # the same story, the same file


def test_the_data_folder_is_the_platforms_unless_storyview_data_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STORYVIEW_DATA", str(tmp_path / "mine"))
    assert data_dir() == tmp_path / "mine"
    monkeypatch.delenv("STORYVIEW_DATA")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "storyview"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_dir() == Path.home() / ".local" / "share" / "storyview"


def test_makes_way_names_the_paragraphs_a_pin_takes_out() -> None:
    """Exactly those apply_pins takes out: the source's others in the group, unless all make one run."""
    from story_factories import article, body

    a = article("a", ("headline", "H"), *(body(f"Paragraph {n}.") for n in range(6)))
    group = [Member("b", 0), Member("a", 2)]
    assert makes_way(a, group, Member("a", 3)) == ()  # 2 and 3 follow one another
    assert makes_way(a, group, Member("a", 1)) == ()
    assert makes_way(a, group, Member("a", 5)) == (Member("a", 2),)
    assert makes_way(a, [Member("b", 0)], Member("a", 5)) == ()
    assert makes_way(a, [Member("a", 2), Member("a", 3)], Member("a", 5)) == (Member("a", 2), Member("a", 3))
