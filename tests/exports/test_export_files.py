"""Atomic writes that never touch an input: temp files, modes, links, input folders, pipes and devices."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storyview.exports.files import RefusedWrite, check_target, write_atomic


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


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


def test_refuses_an_article_beside_the_articles_read_unless_storyview_wrote_it(tmp_path: Path) -> None:
    """try32: `storyview a.txt c.txt --report md -o b.txt` replaced the article b.txt. A new
    file there, or one storyview wrote (a report run again), is written as before."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("An article.\n")
    inputs = [tmp_path / "a.txt", tmp_path / "c.txt"]
    with pytest.raises(RefusedWrite, match="beside the inputs"):
        check_target(tmp_path / "b.txt", inputs)
    assert check_target(tmp_path / "new.md", inputs) == tmp_path / "new.md"
    (tmp_path / "old.md").write_text("# A story\n\nstoryview 0.1.0 \u00b7 3 sources\n")
    (tmp_path / "old.txt").write_text('{\n "storyview": "0.1.0"}\n')  # --json -o old.txt
    assert check_target(tmp_path / "old.md", inputs) and check_target(tmp_path / "old.txt", inputs)
    (tmp_path / "notes.md").write_text("# Notes\n\nMine, not storyview's.\n")
    with pytest.raises(RefusedWrite, match="beside the inputs"):
        check_target(tmp_path / "notes.md", inputs)


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


def test_a_looping_symlink_among_the_inputs_is_passed_over_and_one_as_the_target_refused(tmp_path: Path) -> None:
    """try26: a symlink loop named as an input made the write's check raise (Path.resolve), so
    `--json` of the other files crashed; written to, the loop itself would be replaced by a file."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    target = tmp_path / "out.json"
    write_atomic(target, "{}", [str(tmp_path / "a.txt"), str(tmp_path)])
    assert target.read_text() == "{}"
    with pytest.raises(RefusedWrite, match="looping symlink"):
        write_atomic(tmp_path / "a.txt", "{}")
    assert (tmp_path / "a.txt").is_symlink()


def test_a_report_storyview_wrote_inside_an_input_folder_may_be_written_again(tmp_path: Path) -> None:
    """try33: `storyview o --report md -o o/r.md` run again was refused, though the folder skips
    r.md as a report storyview wrote. A new article-named file there is still refused."""
    folder = tmp_path / "o"
    folder.mkdir()
    (folder / "a.txt").write_text("An article.\n")
    (folder / "r.md").write_text("# A story\n\nstoryview 0.1.0 \u00b7 3 sources\n")
    assert check_target(folder / "r.md", [str(folder)]) == (folder / "r.md").resolve()
    with pytest.raises(RefusedWrite, match="input folder"):
        check_target(folder / "new.md", [str(folder)])
