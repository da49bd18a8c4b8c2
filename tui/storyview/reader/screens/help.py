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

from storyview.reader.widgets.fit import FitWidth


def shown_keys(keys: list[str]) -> str:
    """Keys side by side; a long run (1 2 … 9) as its first and last."""
    return " ".join(keys if len(keys) <= 4 else [keys[0], "…", keys[-1]])


def key_rows(bindings: Iterable[BindingType], display: Callable[[Binding], str]) -> list[tuple[str, str, str]]:
    """(keys, description, longer tooltip) per action, in declaration order.

    Bindings whose actions differ only by argument and share a group become one row, their keys
    paired up: `h/l ←/→ [/]` for previous/next (or `1 … 9` for a run of one key each).
    """
    rows: dict[str, tuple[list[list[str]], str, str]] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        base = binding.action.split("(", 1)[0]
        merge = binding.group is not None and "(" in binding.action
        name = f"{base}*" if merge else binding.action
        keys = [display(binding.with_key(key.strip())) for key in binding.key.split(",")]
        description = binding.group.description.capitalize() if merge and binding.group else binding.description
        tooltip = "" if merge else binding.tooltip
        if name not in rows:
            rows[name] = ([], description, tooltip)
        per_binding = rows[name][0]
        if merge or not per_binding:
            per_binding.append(keys)
        else:  # the same action bound twice: one list of keys
            per_binding[0].extend(k for k in keys if k not in per_binding[0])
    out = []
    for per_binding, description, tooltip in rows.values():
        if len(per_binding) == 1:
            keys = shown_keys(per_binding[0])
        else:  # the nth key of each binding together: h/l ←/→ [/]
            alike = [[keys[n] for keys in per_binding if n < len(keys)] for n in range(max(map(len, per_binding)))]
            keys = " ".join("/".join(keys) if len(keys) <= 4 else shown_keys(keys) for keys in alike)
        out.append((keys, description, tooltip if tooltip != description else ""))
    return out


class HelpScreen(ModalScreen[None]):
    """What the marks mean, then a table of keys per screen; escape or ? closes it, q quits as everywhere."""

    BINDINGS = [
        Binding("escape,question_mark", "close", "Close help", tooltip="Close this help"),
        Binding("q", "app.quit", "Quit", show=False, tooltip="Quit storyview, as everywhere"),  # a modal screen
        # sees none of the app's keys, so q is bound here too: help lists it as quitting everywhere
        Binding("j", "scroll(1)", "Scroll down", show=False, tooltip="Scroll the help down (as ↓ does)"),
        Binding("k", "scroll(-1)", "Scroll up", show=False, tooltip="Scroll the help up (as ↑ does)"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Static(Text("storyview — keys", style=Style(bold=True)), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._legend(), id="help-legend")
                yield Static(self._table(), id="help-table")
            yield Static("esc or ? closes · q quits · ctrl+p finds any action by name", id="help-hint")

    def _legend(self) -> Text:
        """The marks of the side-by-side view, in the grid's own styles where it has them."""
        from storyview.reader.widgets.grid import PLACEHOLDER, StoryGrid

        grids = self.app.screen_stack[0].query(StoryGrid) if self.app.screen_stack else []
        unique = grids.first().mark_styles().unique if grids else Style(reverse=True)
        bold = Style(bold=True)
        return Text.assemble(
            ("What you see\n", Style(bold=True, underline=True)),
            ("only here", unique), "  text that one source alone tells (n/N go through it)\n",
            ("● ○", bold), "  on a row's rule: the sources that tell it, and those that do not\n",
            (PLACEHOLDER, Style(italic=True)), "  that source does not tell this part of the story\n",
            ("┄ 3–6/64 only in 4 · 4 paragraphs", Style(italic=True)),
            "  rows only one source tells (with a base: rows it does not tell), folded (z); enter opens\n",
        )

    def _table(self) -> FitWidth:
        from storyview.reader.screens.coverage import CoverageScreen
        from storyview.reader.screens.detail import DetailScreen
        from storyview.reader.screens.export import ExportScreen
        from storyview.reader.screens.findings import FindingsScreen, findings_bindings
        from storyview.reader.screens.main import MainScreen
        from storyview.reader.screens.reading import ReadingScreen
        from storyview.reader.screens.sources import SourcesScreen
        from storyview.reader.screens.stories import StoriesScreen

        app = self.app
        everywhere = [
            *app.BINDINGS,
            Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette", tooltip="Every action by name"),
        ]
        sections = [
            ("Side by side", MainScreen.BINDINGS, MainScreen),
            ("Reading mode (r)", ReadingScreen.BINDINGS, ReadingScreen),
            ("Group detail (enter)", DetailScreen.BINDINGS, DetailScreen),
            ("Coverage matrix (c)", CoverageScreen.BINDINGS, CoverageScreen),
            ("Quotes (Q), figures (F), rewrites (W)", findings_bindings("item", ""), FindingsScreen),
            ("Export dialog (e)", ExportScreen.BINDINGS, ExportScreen),
            ("Source picker (S)", SourcesScreen.BINDINGS, SourcesScreen),
            ("Story list (a folder of several stories)", StoriesScreen.BINDINGS, StoriesScreen),
            ("Everywhere", everywhere, None),
        ]
        # The keys of the screen help was opened over come first: from the story list, its own.
        beneath = next((type(screen) for screen in reversed(app.screen_stack) if screen is not self), None)
        sections.sort(key=lambda section: section[2] is None or beneath is None or not issubclass(beneath, section[2]))
        rows = [(title, key_rows(bindings, app.get_key_display)) for title, bindings, _ in sections]
        return FitWidth(lambda width: key_tables(rows, width))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


MORE_AT_LEAST = 24
"""Below this many cells beside keys and description, the longer text goes under the description."""


def key_tables(rows: list[tuple[str, list[tuple[str, str, str]]]], width: int) -> Group:
    """One table per section: keys, what, more; on a narrow screen keys, then what over more."""
    keys_width = max(len(keys) for _, section in rows for keys, _, _ in section)
    what_width = max(len(what) for _, section in rows for _, what, _ in section)
    side_by_side = keys_width + what_width + 4 + MORE_AT_LEAST <= width
    parts: list[Text | Table] = []
    for n, (title, section) in enumerate(rows):
        parts.append(Text(("\n" if n else "") + title, style=Style(bold=True, underline=True)))
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("keys", no_wrap=True, width=keys_width, style=Style(bold=True))
        if side_by_side:
            table.add_column("what", no_wrap=True, width=what_width)
            table.add_column("more", ratio=1, style=Style(dim=True))
            for keys, description, tooltip in section:
                table.add_row(Text(keys), Text(description), Text(tooltip))
        else:
            table.add_column("what", ratio=1)
            for keys, description, tooltip in section:
                what = Text(description)
                if tooltip:
                    what.append("\n" + tooltip, Style(dim=True))
                table.add_row(Text(keys), what)
        parts.append(table)
    return Group(*parts)
    def action_close(self) -> None:
        self.dismiss(None)
