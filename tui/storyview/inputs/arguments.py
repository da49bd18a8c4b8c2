"""Which files the command line's arguments name, before any is read.

Light on purpose (no parsing module is imported): the command line asks it, before the reader
starts, whether there is anything to read at all.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyview.inputs import web
from storyview.inputs.text import shown
from storyview.model import counted

# What a folder contributes; a file named on the command line is read whatever its name.
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".mhtml", ".mht")
STDIN = "-"
NAMED = 3
"""How many names a note on what a folder leaves unread lists before "and N more"."""


def natural_key(path: Path) -> tuple[tuple[int, int | str, str], ...]:
    """Sort key that reads the digits in a name as a number: report_2 before report_10, and
    the name before its extension: "19_6.txt" before "19_6 copy.txt".

    Each piece is (kind, value, as written) so numbers and words never compare with each other
    and names that differ only in case or leading zeros still sort the same way every time.
    """
    pieces = re.split(r"(\d+)", path.stem)
    return (*(
        (0, int(piece), piece) if piece.isdigit() else (1, piece.casefold(), piece)
        for piece in pieces
        if piece
    ), (-1, path.suffix.casefold(), path.suffix))  # the name ends before any longer name goes on


@dataclass(frozen=True)
class Folder:
    """A folder's entries as storyview sees them, each list in natural order: the articles it
    reads, and the subfolders and files of other kinds it leaves unread. Hidden names (storyview's
    own `.storyview/` among them) are in none: nobody expects them read."""

    articles: tuple[Path, ...]
    subfolders: tuple[Path, ...]
    others: tuple[Path, ...]

    def unread(self, holding: Sequence[tuple[Path, int]] = ()) -> str:
        """What the folder holds that is not read, in words ("" when nothing is left out), so
        a user who put the articles one level down learns why they are missing."""
        notes = []
        if holding:
            notes.append(_open_instead(holding))
        elif self.subfolders:
            n = len(self.subfolders)
            notes.append(f"{counted(n, 'subfolder')} not read (storyview does not look inside subfolders: "
                         f"name {'it' if n == 1 else 'them'}): {_names(self.subfolders)}")
        if self.others:
            notes.append(f"{counted(len(self.others), 'file of another kind', 'files of other kinds')} "
                         f"not read: {_names(self.others)}")
        return "; ".join(notes)


def _open_instead(holding: Sequence[tuple[Path, int]]) -> str:
    """Which subfolders hold the articles and the command that opens one: a user who named the
    parent (`storyview bout` for `bout/stories/`) meant one of them."""
    first = f"storyview {shlex.quote(shown(holding[0][0]))}"
    if len(holding) == 1:
        path, n = holding[0]
        return f"its subfolder {shown(path.name)} holds {counted(n, 'article')}: open it with {first}"
    named = [f"{shown(path.name)}: {n:,}" for path, n in holding[:NAMED]]
    listed = ", ".join(named) + (f" and {len(holding) - NAMED} more" if len(holding) > NAMED else "")
    return f"{len(holding):,} of its subfolders hold articles ({listed}): name one, as in {first}"


def subfolders_holding(folder: Folder) -> list[tuple[Path, int]]:
    """Each subfolder that holds articles, with how many (one level down; one that cannot be
    listed holds none)."""
    holding = []
    for sub in folder.subfolders:
        try:
            n = len(list_folder(sub).articles)
        except OSError:
            continue
        if n:
            holding.append((sub, n))
    return holding


def _names(paths: Sequence[Path]) -> str:
    listed = ", ".join(shown(p.name) for p in paths[:NAMED])
    return listed + (f" and {len(paths) - NAMED} more" if len(paths) > NAMED else "")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def list_folder(folder: Path) -> Folder:
    """The folder's entries (OSError if it cannot be listed); symlinks count as what they point to."""
    articles: list[Path] = []
    subfolders: list[Path] = []
    others: list[Path] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if _is_dir(entry):
                subfolders.append(path)
            elif path.suffix.lower() in SUFFIXES:
                articles.append(path)
            else:
                others.append(path)
    return Folder(*(tuple(sorted(found, key=natural_key)) for found in (articles, subfolders, others)))


def all_missing(arguments: Sequence[str]) -> bool:
    """Every argument names a file or folder that is not there (a typo), so a script must be told.

    A path that exists and holds nothing usable is hostile input, not a mistake."""
    named = [a for a in arguments if a != STDIN and not web.is_url(a)]
    return bool(arguments) and len(named) == len(arguments) and not any(os.path.lexists(a) for a in named)


def expand(arguments: Sequence[str | Path], warnings: list[str]) -> list[Path | str]:
    """Inputs to read, in order: files, web addresses and `-` (standard input) as given; a
    folder contributes its article files in natural order (report_2 before report_10).

    What cannot be read, and what a folder leaves unread, each make one line in `warnings`.
    """
    files: list[Path | str] = []
    for arg in arguments:
        if not str(arg).strip():
            warnings.append(f"{shown(repr(arg))}: skipped, an empty name is no file")
            continue
        if str(arg) == STDIN or web.is_url(str(arg)):
            files.append(str(arg))
            continue
        if web.other_scheme(str(arg)) and not Path(arg).exists():
            warnings.append(f"{shown(arg)}: skipped, only http:// and https:// addresses are fetched")
            continue
        path = Path(arg)
        try:
            if path.is_symlink() and not path.exists():
                warnings.append(f"{shown(arg)}: skipped, broken or looping symlink")
            elif path.is_dir():
                folder = list_folder(path)
                if not folder.articles:
                    unread = folder.unread(subfolders_holding(folder))
                    warnings.append(f"{shown(arg)}: skipped, no .txt, .md or .html files in this folder"
                                    + (f"; {unread}" if unread else ""))
                elif unread := folder.unread():
                    warnings.append(f"{shown(arg)}: {unread}")
                files.extend(folder.articles)
            elif path.exists():
                files.append(path)
            else:
                warnings.append(f"{shown(arg)}: skipped, no such file or folder")
        except OSError as exc:  # permission denied on the way, a name too long, ...
            warnings.append(f"{shown(arg)}: skipped, cannot open ({exc.strerror or exc})")
    return files
