"""The `?` screen: every key of every screen with what it does, read from the BINDINGS lists.

Nothing here is typed twice: change a Binding and the help, the footer and the command
palette all change with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def key_rows(bindings: Iterable[BindingType], display: Callable[[Binding], str]) -> list[tuple[str, str, str]]:
    """(keys, description, longer tooltip) per action, in declaration order.

    Bindings whose actions differ only by argument and share a group (1…9) become one row.
    """
    rows: dict[str, tuple[list[str], str, str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        base = binding.action.split("(", 1)[0]
        merge = binding.group is not None and "(" in binding.action
        name = f"{base}*" if merge else binding.action
        keys = [display(binding.with_key(key.strip())) for key in binding.key.split(",")]
        description = binding.group.description.capitalize() if merge and binding.group else binding.description
        tooltip = "" if merge else binding.tooltip
        if name in rows:
            rows[name][0].extend(k for k in keys if k not in rows[name][0])
        else:
            rows[name] = (keys, description, tooltip)
    out = []
    for keys, description, tooltip in rows.values():
        shown = keys if len(keys) <= 4 else [keys[0], "…", keys[-1]]
        out.append((" ".join(shown), description, tooltip if tooltip != description else ""))
    return out


class HelpScreen(ModalScreen[None]):
    """A table of keys per screen; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close help", tooltip="Close this help")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Static(Text("storyview — keys", style=Style(bold=True)), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._table(), id="help-table")
            yield Static("escape closes · ctrl+p finds any action by name", id="help-hint")

    def _table(self) -> Group:
        from storyview.screens.coverage import CoverageScreen
        from storyview.screens.detail import DetailScreen
        from storyview.screens.export import ExportScreen
        from storyview.screens.findings import findings_bindings
        from storyview.screens.main import MainScreen
        from storyview.screens.reading import ReadingScreen

        app = self.app
        everywhere = [
            *app.BINDINGS,
            Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette", tooltip="Every action by name"),
        ]
        sections = [
            ("Side by side", MainScreen.BINDINGS),
            ("Reading mode (r)", ReadingScreen.BINDINGS),
            ("Group detail (enter)", DetailScreen.BINDINGS),
            ("Coverage matrix (c)", CoverageScreen.BINDINGS),
            ("Quotes (Q), figures (F), rewrites (W)", findings_bindings("item", "")),
            ("Export dialog (e)", ExportScreen.BINDINGS),
            ("Everywhere", everywhere),
        ]
        rows = [(title, key_rows(bindings, app.get_key_display)) for title, bindings in sections]
        keys_width = max(len(keys) for _, section in rows for keys, _, _ in section)
        what_width = max(len(what) for _, section in rows for _, what, _ in section)
        parts: list[Text | Table] = []
        for n, (title, section) in enumerate(rows):
            parts.append(Text(("\n" if n else "") + title, style=Style(bold=True, underline=True)))
            table = Table(box=None, show_header=False, pad_edge=False, expand=True)
            table.add_column("keys", no_wrap=True, width=keys_width, style=Style(bold=True))
            table.add_column("what", no_wrap=True, width=what_width)
            table.add_column("more", ratio=1, style=Style(dim=True))
            for keys, description, tooltip in section:
                table.add_row(Text(keys), Text(description), Text(tooltip))
            parts.append(table)
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)
