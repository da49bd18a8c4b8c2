"""The JSON export: its shape, its safety, and atomic writes that never touch an input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyview import __version__
from storyview.exports.files import RefusedWrite, check_target, write_atomic
from storyview.exports.json_export import to_dict, to_json
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings
from storyview.pipeline import story_from


def test_shape(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    assert data["storyview"] == __version__
    assert set(data) >= {"storyview", "sources", "groups", "warnings", "settings"}
    assert len(data["sources"]) == 5
    for src in data["sources"]:
        assert set(src) == {"id", "path", "title", "date", "byline", "outlet", "paragraphs"}
        for i, p in enumerate(src["paragraphs"]):
            assert set(p) == {"index", "kind", "text", "unique", "near"}
            assert p["index"] == i
            assert p["kind"] in ("headline", "byline", "body", "boilerplate")
            for span in p["unique"]:
                assert isinstance(span, list) and len(span) == 2
                assert 0 <= span[0] < span[1] <= len(p["text"])
    for n, g in enumerate(data["groups"], 1):
        assert g["id"] == n
        assert isinstance(g["label"], str)
        assert g["members"] and all(set(m) == {"source", "paragraph"} for m in g["members"])


def test_json_matches_the_story(seed_story) -> None:
    data = json.loads(to_json(seed_story))
    by_id = {s["id"]: s for s in data["sources"]}
    cnn = by_id["004_dfaf2f3fb21cad14"]
    assert (cnn["byline"], cnn["outlet"], cnn["date"], cnn["title"]) == ("Austin Culpepper", "CNN", "2025-11-07", None)
    for a in seed_story.articles:
        for p in a.paragraphs:
            out = by_id[a.id]["paragraphs"][p.index]
            assert out["text"] == p.text
            assert [tuple(s) for s in out["unique"]] == list(seed_story.unique(Member(a.id, p.index)))
            assert [(n["source"], n["paragraph"], n["score"]) for n in out["near"]] == [
                (link.b.source, link.b.paragraph, link.score) for link in seed_story.near.get(Member(a.id, p.index), ())
            ]
    assert [[(m["source"], m["paragraph"]) for m in g["members"]] for g in data["groups"]] == [
        [(m.source, m.paragraph) for m in g.members] for g in seed_story.groups
    ]


def test_to_dict_is_plain_data(seed_story) -> None:
    assert json.loads(json.dumps(to_dict(seed_story))) == to_dict(seed_story)


def test_text_round_trips_and_unsafe_characters_are_escaped() -> None:
    a = parse_article("a", "dir/\x9b31m\u202eevil\udce9.txt", "Plain text with [bold]markup[/] and emoji \U0001F600.")
    story = story_from(Loaded(articles=[a]), Settings())
    out = to_json(story)
    for ch in ("\x9b", "\u202e", "\udce9"):
        assert ch not in out
    assert "\\u009b" in out and "\\u202e" in out and "\\udce9" in out
    out.encode("utf-8")  # no lone surrogate left: valid UTF-8
    data = json.loads(out)
    assert data["sources"][0]["path"] == a.path
    assert data["sources"][0]["paragraphs"][0]["text"] == "Plain text with [bold]markup[/] and emoji \U0001F600."


# ---------------------------------------------------------------- atomic writes


def test_write_atomic_writes_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert os.listdir(tmp_path) == ["out.json"]


def test_write_atomic_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "x")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_refuses_an_input_file(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("article")
    with pytest.raises(RefusedWrite, match="refusing to overwrite an input file"):
        write_atomic(src, "{}", [str(src)])
    assert src.read_text() == "article"


def test_refuses_an_input_through_a_symlink_or_hard_link(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("article")
    (tmp_path / "sym.json").symlink_to(src)
    os.link(src, tmp_path / "hard.json")
    for name in ("sym.json", "hard.json"):
        with pytest.raises(RefusedWrite):
            write_atomic(tmp_path / name, "{}", [str(src)])
    assert src.read_text() == "article"


def test_refuses_an_article_file_inside_an_input_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    with pytest.raises(RefusedWrite):
        check_target(folder / "story.txt", [str(folder)])
    assert check_target(folder / "story.json", [str(folder)]) == (folder / "story.json").resolve()


def test_a_folder_is_not_a_target(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "{}")


def test_a_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    import stat
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "{}\n")
    reader.join(10)
    assert got == ["{}\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root (CI runs as root)")
def test_a_character_device_stays_a_device(tmp_path: Path) -> None:
    import stat

    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    write_atomic(null, "{}")
    assert stat.S_ISCHR(null.stat().st_mode)


def test_a_missing_folder_or_a_socket_is_refused_before_any_work(tmp_path: Path) -> None:
    import socket

    with pytest.raises(RefusedWrite, match="there is no folder"):
        check_target(tmp_path / "no" / "out.json")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        with pytest.raises(RefusedWrite, match="not a file"):
            check_target(tmp_path / "sock")


def test_a_large_story_writes_one_item_a_line_with_the_same_content(seed_story, monkeypatch: pytest.MonkeyPatch) -> None:
    import storyview.exports.json_export as export

    pretty = to_json(seed_story)
    monkeypatch.setattr(export, "INDENT_UP_TO", 0)
    lined = to_json(seed_story)
    assert json.loads(lined) == json.loads(pretty) == to_dict(seed_story)
    lines = lined.splitlines()
    assert len(lines) < len(pretty.splitlines())
    for source in seed_story.articles:  # each source whole on one line
        assert sum(1 for line in lines if f'"id": "{source.id}"' in line) == 1
