"""A batch's files read back: exact to the JSON, named by what made them (no dask here)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from storyview.batch.output import (
    INDEX, entry_of, index_text, is_batch, leftovers, open_batch, read_story, story_file, story_from_dict, sweep,
)
from storyview.exports.json_export import to_json
from storyview.model import Pin, Settings, Story


def test_a_story_read_back_writes_the_same_json(seed_story: Story, tmp_path: Path) -> None:
    text = to_json(seed_story)
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    back = read_story(tmp_path / "s.json")
    assert to_json(back) == text  # groups, links, unique spans, near misses, and the findings from them
    assert back.groups == seed_story.groups
    assert back.articles == seed_story.articles


def test_a_story_read_back_keeps_the_pins_it_followed(seed_story: Story) -> None:
    group = next(g for g in seed_story.groups if g.links)
    link = replace(group.links[0], pinned=True)
    pinned = replace(seed_story, pins=(Pin("pin", link.a, link.b), Pin("break", link.b, link.a)),
                     groups=tuple(replace(g, links=(link, *g.links[1:])) if g is group else g for g in seed_story.groups))
    text = to_json(pinned)
    back = story_from_dict(json.loads(text))
    assert back.pins == pinned.pins and back.groups == pinned.groups
    assert to_json(back) == text


def test_a_story_file_name_changes_with_what_made_it() -> None:
    inputs = [("/c/a.txt", 100, 1), ("/c/b.txt", 200, 2)]
    name = story_file(3, inputs, Settings())
    assert name.startswith("stories/000003-") and name.endswith(".json")
    assert story_file(3, inputs, Settings()) == name
    assert story_file(3, [("/c/a.txt", 100, 1), ("/c/b.txt", 200, 3)], Settings()) != name  # an edited file
    assert story_file(3, inputs, Settings(threshold=0.2)) != name
    assert story_file(4, inputs, Settings()) != name


def test_an_index_opens_from_its_folder_or_its_own_path(seed_story: Story, tmp_path: Path) -> None:
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "1.json").write_text(to_json(seed_story), encoding="utf-8")
    entry = entry_of(seed_story, "stories/1.json")
    assert entry.sources == tuple(a.id for a in seed_story.articles) and entry.size == 5
    assert entry.words > 1000 and 0 < entry.unique < 1 and entry.articles[0].title == seed_story.articles[0].title
    (tmp_path / INDEX).write_text(index_text([entry], Settings(), ["x.txt: skipped, empty file"]), encoding="utf-8")
    assert is_batch(tmp_path) and is_batch(tmp_path / INDEX) and not is_batch(tmp_path / "stories")
    for where in (tmp_path, tmp_path / INDEX):
        batch = open_batch(where)
        assert batch.entries == (entry,)
        assert batch.warnings == ("x.txt: skipped, empty file",)
        assert batch.story(entry).groups == seed_story.groups
    data = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))
    assert {"id", "label", "sources", "size", "file"} <= set(data["stories"][0])
    collection = open_batch(tmp_path).collection()
    assert [s.sources for s in collection.stories] == [entry.sources]
    assert [a.id for a in collection.articles] == list(entry.sources) and not collection.articles[0].paragraphs


def test_a_file_that_is_no_index_is_refused(tmp_path: Path) -> None:
    (tmp_path / INDEX).write_text('{"sources": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a storyview batch index"):
        open_batch(tmp_path)


def test_sweep_removes_only_unfinished_writes(tmp_path: Path) -> None:
    (tmp_path / "stories").mkdir()
    done = tmp_path / "stories" / "000001-ab.json"
    half = tmp_path / "stories" / ".000002-cd.json.x1y2.tmp"
    done.write_text("{}")
    half.write_text("{")
    assert leftovers(tmp_path) == [half]
    sweep(tmp_path)
    assert done.exists() and not half.exists()


def test_story_from_dict_ignores_settings_it_does_not_know(seed_story: Story) -> None:
    data = json.loads(to_json(seed_story))
    data["settings"]["a_later_knob"] = 3
    assert story_from_dict(data).settings == seed_story.settings


def test_a_folder_that_cannot_be_looked_into_is_no_batch_and_no_export(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`storyview --json` of a folder it may not read had ended in a traceback from here (try18):
    the loader says why in one line instead."""
    from storyview.batch.output import is_batch, is_export

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", denied)
    assert not is_batch(tmp_path) and not is_export(tmp_path / "x.json")


def test_a_file_name_that_is_not_utf8_is_written_so_the_batch_reads_back(tmp_path: Path) -> None:
    """try32: a batch over "caf\\xe9.txt" wrote the raw byte into index.json, and the batch
    could not be reopened. The name is \\u-escaped: valid UTF-8, read back as the same name."""
    from storyview.batch.output import index_text, run_text

    name = os.fsdecode(b"caf\xe9.txt")
    for text in (run_text([name], 0.16), index_text([], Settings(), [f"{name}: skipped, empty file"])):
        data = json.loads(text.encode("utf-8").decode("utf-8"))
        assert name in json.dumps(data, ensure_ascii=False)
