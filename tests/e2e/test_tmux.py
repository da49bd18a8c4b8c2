"""The real `storyview` command in a real terminal (tmux), on a folder of hostile files.

What the Pilot tests cannot see: the bytes that reach a terminal. A title sequence that got
through would rename the pane; a stray alt-screen switch or clear-screen would wreck the
display; a crash would leave a traceback and a terminal in raw mode. Each run gets its own
tmux server (-L), so it never touches anyone's sessions, and is killed at the end.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from story_factories import HOSTILE

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 30
TIMEOUT = 15.0
"""Seconds to wait for the screen to show what a step expects (a slow CI machine included)."""
DONE = "STORYVIEW-EXITED"


def user_environment() -> dict[str, str]:
    """The environment without what pytest adds: COLUMNS/LINES would override the pane's real size."""
    drop = ("COLUMNS", "LINES", "PYTEST_", "TEXTUAL", "TMUX")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


class Terminal:
    """One tmux server with one session running a shell command."""

    def __init__(self, command: str) -> None:
        self.server = f"storyview-test-{uuid.uuid4().hex[:12]}"
        self.target = "reader"
        self.tmux("new-session", "-d", "-s", self.target, "-x", str(WIDTH), "-y", str(HEIGHT), command)

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.server, *args], capture_output=True, text=True, timeout=10, env=user_environment()
        )
        return out.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def show(self, what: str) -> str:
        """A tmux format about the pane: #{pane_title}, #{alternate_on}…"""
        return self.tmux("display-message", "-p", "-t", self.target, what).strip()

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.target, *(["-l", key] if key in ("/", "?") else [key]))

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        """Poll the screen until `condition(screen)` holds on two captures in a row; fail after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        last = None
        while True:
            screen = self.screen()
            assert "Traceback" not in screen, screen
            if condition(screen) and screen == last:  # settled: not a frame caught half drawn
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen}")
            last = screen
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile articles"
    folder.mkdir()
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "08-bell-and-clear.txt").write_bytes(
        b"Bells \x07\x07\x07 ring\n\nThe council \x1b[2J\x1b[3J\x1bc approved the harbour bridge \x1b[?1000h"
        b" on Monday \x1b[?25l after a debate \x1b[?1049l about its cost.\n"
    )
    return folder


@pytest.fixture
def terminal(hostile_folder: Path) -> Iterator[Terminal]:
    command = f"{shlex.quote(sys.executable)} -m storyview {shlex.quote(str(hostile_folder))}; echo {DONE}-$?; sleep 60"
    term = Terminal(command)
    try:
        yield term
    finally:
        term.close()


def back_to_grid(term: Terminal) -> None:
    """Escape, then wait: an escape followed at once by another key reads as alt+key."""
    term.keys("Escape")
    term.wait_for(lambda s: "r Read" in s and "c Cover" in s, "the grid")  # its footer: toasts cover the right


def assert_untouched(term: Terminal) -> None:
    assert "PWNED" not in term.show("#{pane_title}")
    assert "PWNED" not in term.screen()


def test_hostile_files_in_a_real_terminal(terminal: Terminal) -> None:
    term = terminal
    # the status line explains the marks until the first key, then says where you are
    screen = term.wait_for(lambda s: ("sources" in s or "only here" in s) and "harbour bridge" in s, "the story on screen")
    assert term.show("#{alternate_on}") == "1"  # still the reader's screen: no stray switch back
    for words in ("Markup [bold]news[/]", "Bidi evil title", "clear screen"):
        assert words in screen, words
    assert_untouched(term)

    term.keys("j", "l", "r")
    term.wait_for(lambda s: "Reading" in s and "paragraph" in s, "reading mode")
    assert_untouched(term)
    back_to_grid(term)
    term.keys("Enter")
    term.wait_for(lambda s: "Similarity" in s, "the group detail")
    back_to_grid(term)
    term.keys("c")
    term.wait_for(lambda s: "Coverage" in s, "the coverage matrix")
    back_to_grid(term)
    term.keys("/")  # the prompt takes the keys only once it is open: typed at once, "r" would open reading mode
    term.wait_for(lambda s: "search the paragraphs" in s, "the search prompt")
    term.keys(*"bridge", "Enter")
    term.wait_for(lambda s: "r Read" in s, "the search")
    term.keys("r")  # reading mode counts the matches on the left, where no toast covers them
    term.wait_for(lambda s: "matches " in s and "matches 0" not in s, "the search's matches in reading mode")
    back_to_grid(term)
    assert term.show("#{alternate_on}") == "1"
    assert_untouched(term)

    term.keys("q")
    screen = term.wait_for(lambda s: f"{DONE}-" in s, "the shell after quitting")
    assert f"{DONE}-0" in screen
    assert term.show("#{alternate_on}") == "0"  # the terminal is back to the shell's screen
    assert term.show("#{mouse_any_flag}") == "0" and term.show("#{cursor_flag}") == "1"
    assert_untouched(term)


def test_the_story_list_fills_in_unique_shares_in_a_real_terminal(tmp_path: Path) -> None:
    """The installed command, as a user runs it: the list's "unique" column fills in while it is
    on screen (a spawned process aligns the stories, which re-reads the command's script), the
    screen stays the reader's, and q leaves no process behind."""
    from story_factories import CUTS, EVENTS, QUAKE

    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            text = f"{facts['place']} quake report\n\n" + "\n\n".join(QUAKE[k].format(**facts) for k in cut)
            (tmp_path / f"{name}{n}.txt").write_text(text + "\n", encoding="utf-8")
    script = Path(sys.executable).parent / "storyview"
    command = shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m storyview"
    mark = f"STORYVIEW_TEST_RUN={uuid.uuid4().hex}"  # inherited by every process it starts
    term = Terminal(f"env {mark} {command} {shlex.quote(str(tmp_path))}; echo {DONE}-$?; sleep 60")
    try:
        screen = term.wait_for(lambda s: "2 stories in 6 articles" in s and s.count("%") >= 2, "both shares")
        assert "—" not in screen.split("unique", 1)[1].split("Open story")[0]
        assert _running_with(mark)  # the reader itself
        term.keys("q")
        screen = term.wait_for(lambda s: f"{DONE}-" in s, "the shell after quitting")
        assert f"{DONE}-0" in screen
        assert not _running_with(mark)
    finally:
        term.close()


def _running_with(mark: str) -> list[str]:
    """The processes whose environment holds `mark`."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark.encode() in environ.read_bytes().split(b"\0"):
                found.append(environ.parent.name)
        except OSError:
            pass
    return found
