"""Writing a story's output without harming its inputs: refused targets, atomic replacement."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path


class RefusedWrite(Exception):
    """Writing there would overwrite one of the story's own input files."""


def _same_inode(path: Path, info: os.stat_result) -> bool:
    """Is `path` the file `info` is of (a hard link to it)?"""
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def check_target(path: str | Path, inputs: Sequence[str | Path] = ()) -> Path:
    """The resolved place to write, or RefusedWrite if that is something storyview reads.

    Refused: an input file (also through a symlink or a hard link), a file a folder input
    would read back as an article (a .txt or .md directly inside it) unless it is a report
    storyview wrote (which the folder skips), an article storyview did not write beside an
    article read (try32: `storyview a.txt c.txt -o b.txt` replaced b.txt), a place in a folder
    that does not exist, and what is neither a file, a pipe nor a character device (a socket).
    """
    from storyview.inputs.load import SUFFIXES, written_by_storyview
    from storyview.inputs.text import shown

    target = resolved(path)
    if target.is_symlink():  # followed as far as it goes, still a link: a loop
        raise RefusedWrite(f"{shown(path)}: a looping symlink, not a file storyview can write to")
    if not target.parent.is_dir():
        raise RefusedWrite(f"{shown(path)}: there is no folder {shown(str(target.parent))}")
    try:
        info: os.stat_result | None = target.stat()
    except OSError:
        info = None
    kind = info.st_mode if info else 0
    if kind and not (stat.S_ISREG(kind) or stat.S_ISDIR(kind) or stat.S_ISFIFO(kind) or stat.S_ISCHR(kind)):
        raise RefusedWrite(f"{shown(path)}: not a file storyview can write to")
    sources = [resolved(source) for source in inputs]  # each once: a batch names thousands
    for src in sources:
        if src == target or (info is not None and _same_inode(src, info)):
            raise RefusedWrite(f"{shown(path)}: refusing to overwrite an input file")
    if target.suffix.lower() in SUFFIXES:
        inside = any(src == target.parent and src.is_dir() for src in sources)
        beside = stat.S_ISREG(kind) and any(src.parent == target.parent and src.is_file() for src in sources)
        ours = (inside or beside) and stat.S_ISREG(kind) and written_by_storyview(target)  # a report run again
        if inside and not ours:
            raise RefusedWrite(f"{shown(path)}: refusing to write into an input folder's articles")
        if beside and not ours:
            raise RefusedWrite(f"{shown(path)}: refusing to overwrite an article beside the inputs")
    return target


def resolved(path: str | Path) -> Path:
    """`path` whole, its symlinks followed where they lead. A symlink loop stays as it stands:
    `Path.resolve` raises on one (RuntimeError before Python 3.13), and a loop named as an input
    is a file skipped with one line, not a crash of what writes beside it."""
    return Path(os.path.realpath(Path(path).expanduser()))


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_atomic(path: str | Path, text: str, inputs: Sequence[str | Path] = ()) -> None:
    """Write through a temporary file and a rename: never a half-written file, never an input.

    A pipe or a character device (/dev/null, a terminal) is written straight into, as a shell's
    `>` would: renaming over it would put a plain file where the device was.
    """
    from storyview.inputs.text import shown

    target = check_target(path, inputs)
    try:
        kind = target.stat().st_mode
    except OSError:
        kind = 0
    if stat.S_ISDIR(kind):
        raise IsADirectoryError(f"{shown(path)}: is a folder")
    if stat.S_ISFIFO(kind) or stat.S_ISCHR(kind):
        with open(target, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(text)
        return
    mode = kind & 0o7777 if kind else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
