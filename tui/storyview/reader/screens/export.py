"""The export dialog (e): the story as an HTML or Markdown report, JSON or TEI XML, to a file.

Dismisses with (format, path) or None; the app writes the file in a worker (atomically, never
over one of the story's inputs) and says where it wrote it, or why it could not. The dialog asks
the writer's own `check_target` as the name is typed, so it proposes a file it will accept and
says at once when a name would be refused, staying open for another.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from storyview.exports.files import RefusedWrite, check_target, resolved
from storyview.reader.typeahead import focus_now

FORMATS: dict[str, tuple[str, str]] = {
    "html": ("HTML report", "one page to open in a browser or print"),
    "md": ("Markdown report", "to paste or to read as text"),
    "json": ("JSON", "every paragraph, group, quote, figure and rewrite (docs/json.md)"),
    "tei": ("TEI XML", "TEI P5 in parallel segmentation, for collation tools"),
}
"""format -> (name, what it is for), in the order offered."""
SUFFIX = {"html": ".html", "md": ".md", "json": ".json", "tei": ".xml"}
DEFAULT_STEM = "storyview-report"


def default_name(fmt: str) -> str:
    return DEFAULT_STEM + SUFFIX[fmt]


def problem(name: str, inputs: Sequence[str]) -> str | None:
    """Why the file `name` cannot be written (a folder; an input, or beside a folder's articles), or None."""
    target = Path(name).expanduser()
    if target.is_dir():
        return f"{resolved(target)} is a folder: add a file name."
    try:
        check_target(target, inputs)
    except RefusedWrite as refused:
        return f"{refused}: choose another folder or name."
    return None


def proposed_name(fmt: str, inputs: Sequence[str]) -> str:
    """The default file name here, or in the first folder up or home when here is an input folder.

    Run inside a folder of articles, a report there would be read back as one more article, and
    a file of any other format named among them on every run: every format is proposed in the
    same place, never among what storyview reads.
    """
    name = default_name(fmt)
    for candidate in (name, str(Path("..") / name), str(Path("~") / name)):
        if problem(candidate, inputs) is None and not _in_input_folder(candidate, inputs):
            return candidate
    return name


def _in_input_folder(name: str, inputs: Sequence[str]) -> bool:
    """Would `name` land in a folder given to read, or beside an article read (`storyview *.txt`)?"""
    folder = resolved(name).parent
    for source in inputs:
        try:
            path = resolved(source)
            if (path.is_dir() and path == folder) or (path.is_file() and path.parent == folder):
                return True
        except OSError:
            continue
    return False


def with_format(name: str, fmt: str) -> str:
    """The file name for another format: a known suffix is swapped; any other name is kept."""
    path = Path(name)
    if path.suffix.lower() in SUFFIX.values():
        return str(path.with_suffix(SUFFIX[fmt]))
    return name


class FormatList(RadioSet):
    """The formats, a Tab stop that acts like the file name: ↑↓ choose at once, enter exports.

    A plain RadioSet's ↑↓ only move a highlight that enter then presses, so enter there never
    wrote the file the dialog's "enter export" promised.
    """

    BINDINGS = [
        Binding("up,left", "screen.format(-1)", "Previous format", show=False),
        Binding("down,right", "screen.format(1)", "Next format", show=False),
        Binding("enter", "screen.export", "Export", show=False),
    ]


class ClickButton(Button, can_focus=False):
    """A button for the mouse: the keys it stands for (enter, esc) work from every Tab stop."""


class ExportScreen(ModalScreen[tuple[str, str] | None]):
    """Pick a format and a file name; enter writes, escape cancels.

    Tab goes between the only two stops, the file name and the format list, and each answers
    ↑↓ and enter alike; the panel scrolls with the focus, the buttons with a click.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close the dialog without writing anything"),
        Binding("ctrl+s", "export", "Export", tooltip="Write the file (enter in the file name does the same)"),
        Binding("up", "format(-1)", "Previous format", show=False, tooltip="Choose the format above"),
        Binding("down", "format(1)", "Next format", show=False, tooltip="Choose the format below"),
    ]

    def __init__(self, fmt: str = "html", sources: int = 0, inputs: Sequence[str] | None = None) -> None:
        super().__init__()
        self.fmt = fmt if fmt in FORMATS else "html"
        self.sources = sources
        self._inputs = inputs

    @property
    def inputs(self) -> list[str]:
        """What the app will not write over: what it was asked to read, and each article's file."""
        if self._inputs is not None:
            return list(self._inputs)
        story = getattr(self.app, "story", None)
        articles = [article.path for article in story.articles] if story is not None else []
        return [*getattr(self.app, "inputs", ()), *articles]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="export-panel", can_focus=False):  # scrolls on a small terminal, the file name in view
            yield Static(Text("Export the story", style="bold"), id="export-title")
            count = f"{self.sources} sources, " if self.sources else ""
            yield Static(f"The whole story ({count}groups, quotes, figures, rewrites) as", id="export-what",
                         markup=False)
            with FormatList(id="export-format"):
                for fmt, (name, what) in FORMATS.items():
                    yield RadioButton(Text.assemble((name, "bold"), f" — {what}"), value=fmt == self.fmt, name=fmt)
            yield Label("to the file (relative to the folder storyview was started in)", id="export-file-label")
            yield Input(proposed_name(self.fmt, self.inputs), id="export-path", select_on_focus=False, compact=True)
            yield Static(id="export-hint", markup=False)
            with Horizontal(id="export-buttons"):
                yield Static("↑↓ format · enter export · esc cancel", id="export-keys", markup=False)
                yield ClickButton("Export", variant="primary", id="export-ok", compact=True)
                yield ClickButton("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        path = self.query_one(Input)
        path.select_all()  # as in any save dialog, a name typed replaces the proposed one (→ or end keeps it)
        self._hint()
        focus_now(path)  # the keys typed after `e` come straight here

    @property
    def path(self) -> str:
        return self.query_one(Input).value.strip()

    def _hint(self) -> str | None:
        """Where the file will go, whether that replaces a file, or why it would be refused (returned)."""
        hint = self.query_one("#export-hint", Static)
        if not self.path:
            hint.update("Give a file name.")
            hint.set_class(True, "-problem")
            return "Give a file name to write to."
        why = problem(self.path, self.inputs)
        hint.set_class(why is not None, "-problem")
        if why is not None:
            hint.update(why)
            return why
        target = Path(self.path).expanduser()
        where = str(resolved(target)) if not target.is_absolute() else str(target)
        hint.update(f"{where} exists: it will be replaced." if target.exists() else f"→ {where}")
        return None

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        """A typed .html, .md, .json or .xml picks that format; the hint follows the name."""
        suffix = Path(self.path).suffix.lower()
        fmt = next((f for f, s in SUFFIX.items() if s == suffix), None)
        if fmt is not None and fmt != self.fmt:
            self._pick(fmt)
        self._hint()

    def _pick(self, fmt: str) -> None:
        """Press the format's radio button (the RadioSet then posts Changed)."""
        buttons = list(self.query(RadioButton))
        buttons[list(FORMATS).index(fmt)].value = True

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name or "html"
        if fmt == self.fmt:
            return
        self.fmt = fmt
        path = self.query_one(Input)
        path.value = with_format(path.value, fmt)
        path.cursor_position = len(path.value)

    def action_format(self, step: int) -> None:
        """Up/down choose the format, also while the file name has the focus."""
        formats = list(FORMATS)
        self._pick(formats[(formats.index(self.fmt) + step) % len(formats)])  # Changed renames the file

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def action_export(self) -> None:
        """Write: the format chosen, to the file named (the format of a typed suffix wins)."""
        suffix = Path(self.path).suffix.lower()
        self.fmt = next((f for f, s in SUFFIX.items() if s == suffix), self.fmt)
        if self._hint() is not None:  # the dialog says why and stays open for another name
            self.app.bell()
            return
        self.dismiss((self.fmt, self.path))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
