"""Pin a paragraph into a group (p), or take a member out of it (u): the detail view's dialog.

Dismisses with the Pins to keep (the app saves them beside the story and realigns) or None.
A pin is chosen from the near list (paragraphs close to a member but in another group) or typed
as a source number and a paragraph number, as the detail view writes them ("2 5" or "2¶5").
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from storyview.model import Group, Member, Pin
from storyview.reader.typeahead import focus_now
from storyview.reader.widgets.members import member_label
from storyview.reader.widgets.rows import StoryIndex, short_id

TYPED = re.compile(r"^\s*(\d+)\s*(?:[¶,/.:\s]\s*)(\d+)\s*$")
BEGINS = 40
"""Characters of a paragraph's opening an option shows."""
LIST_ROWS = 12
"""Rows the option list takes at most (its borders included) where the screen has room."""
BESIDE_THE_LIST = {"pin": 12, "break": 6}
"""Rows each dialog needs besides its list: borders, title, notes and, for a pin, the typed entry."""


def _begins(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= BEGINS else words[:BEGINS - 1].rstrip() + "…"


def near_candidates(index: StoryIndex, members: list[Member]) -> list[tuple[float, Member, Member]]:
    """(score, member of the group, paragraph of another group) for the near list, closest first:
    each paragraph once, with its best score (close to several members, it is still one choice)."""
    best: dict[Member, tuple[float, Member, Member]] = {}
    for member in members:
        for link in index.story.near.get(member, ()):
            if link.b.source == link.a.source or link.b in members:
                continue
            seen = best.get(link.b)
            if seen is None or (-link.score, link.a) < (-seen[0], seen[1]):
                best[link.b] = (link.score, link.a, link.b)
    return sorted(best.values(), key=lambda x: (-x[0], x[1], x[2]))


def break_pins(group_members: list[Member], member: Member) -> list[Pin]:
    """Taking `member` out: a break from every member of another source (so it holds whatever
    the aligner groups next)."""
    return [Pin("break", other, member) for other in group_members if other.source != member.source]


class PinScreen(ModalScreen[list[Pin] | None]):
    """Choose what to pin into the group, or which member to take out of it."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without pinning or breaking anything"),
        # A digit typed while the list has the focus starts the typed entry ("3 4" after `p` did
        # nothing until Tab); a priority key, so the digits after it follow it there (typeahead).
        *[Binding(str(d), f"type_entry('{d}')", show=False, priority=True) for d in range(10)],
    ]

    def __init__(self, index: StoryIndex, group: Group, members: list[Member], anchor: Member | None,
                 kind: str = "pin") -> None:
        super().__init__()
        self.index = index
        self.group = group
        self.members = members
        self.anchor = anchor
        self.kind = kind
        self.near = near_candidates(index, members) if kind == "pin" else []

    def _short(self, member: Member) -> str:
        return short_id(self.index.by_id[member.source], self.index.by_id)

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-panel"):
            if self.kind == "pin":
                yield Label(Text.assemble(("Pin a paragraph into this group", "bold"),
                                          ("  (saved beside the story; u takes one out)", "dim")), id="pin-title")
                if self.near:
                    yield Static("Close, but in another group:", classes="pin-what")
                    yield OptionList(*[
                        Option(Text.assemble(f"{member_label(self.index, other)} ", (f"{self._short(other)} ", "bold"),
                                             f"{score:.2f}  ", (_begins(self.index.text(other)), "dim")),
                               id=f"{n}")
                        for n, (score, _, other) in enumerate(self.near)
                    ], id="pin-options")
                else:
                    yield Static("No paragraph of another group comes close.", classes="pin-what")
                yield Static("Or type a source and a paragraph number (2 5 is 2¶5), then enter:", classes="pin-what")
                yield Input(placeholder="source paragraph", id="pin-typed", select_on_focus=False)
                yield Static("", id="pin-hint")
            else:
                yield Label(Text.assemble(("Take a member out of this group", "bold"),
                                          ("  (it stays out after every realign)", "dim")), id="pin-title")
                yield OptionList(*[
                    Option(Text.assemble(f"{member_label(self.index, m)} ", (f"{self._short(m)} ", "bold"),
                                         (_begins(self.index.text(m)), "dim")), id=f"{n}")
                    for n, m in enumerate(self.members)
                ], id="pin-options")
            yield Static("enter: choose   escape: cancel", classes="pin-what")

    def on_mount(self) -> None:
        self._fit_list()
        options = self.query(OptionList)
        if options:
            listing = options.first()
            listing.highlighted = self._start()
            focus_now(listing)  # the keys typed after `p` or `u` come straight here
        else:
            focus_now(self.query_one(Input))

    def on_resize(self) -> None:
        self._fit_list()

    def _fit_list(self) -> None:
        """A short screen (80x20) shortens the list, so the typed entry below it stays in view."""
        rows = max(3, min(LIST_ROWS, self.app.size.height - BESIDE_THE_LIST[self.kind]))
        for listing in self.query(OptionList):
            listing.styles.max_height = rows

    def _start(self) -> int:
        """Taking out: the anchor (the detail view's focused member) is offered first."""
        if self.kind != "pin" and self.anchor in self.members:
            return self.members.index(self.anchor)
        return 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        n = int(event.option.id or 0)
        if self.kind == "pin":
            _, member, other = self.near[n]
            self.dismiss([Pin("pin", member, other)])
            return
        member = self.members[n]
        pins = break_pins(self.members, member)
        if not pins:
            self._say("Only one source tells this group: there is nothing to take it out of.")
            return
        self.dismiss(pins)

    @on(Input.Submitted, "#pin-typed")
    def _typed(self, event: Input.Submitted) -> None:
        pin = self.typed_pin(event.value)
        if isinstance(pin, str):
            self._say(pin)
            self.app.bell()
            return
        self.dismiss([pin])

    def typed_pin(self, value: str) -> Pin | str:
        """The pin a typed "source paragraph" asks for, or why there is none."""
        found = TYPED.match(value)
        if not found:
            return "Type a source number and a paragraph number, as in 2 5."
        number, paragraph = int(found[1]), int(found[2])
        if not 1 <= number <= len(self.index.articles):
            return f"There is no source {number}."
        article = self.index.articles[number - 1]
        if not 1 <= paragraph <= len(article.paragraphs):
            return f"Source {number} has {len(article.paragraphs)} paragraphs."
        member = Member(article.id, paragraph - 1)
        if article.paragraphs[paragraph - 1].kind != "body":
            return f"{number}¶{paragraph} is a {article.paragraphs[paragraph - 1].kind}, not body text."
        if member in self.members:
            return f"{number}¶{paragraph} is in this group already."
        anchors = [m for m in ([self.anchor] if self.anchor else []) + self.members if m.source != article.id]
        if not anchors:
            return "Pin a paragraph of another source: this group is told by that source alone."
        return Pin("pin", anchors[0], member)

    def _say(self, text: str) -> None:
        hint = self.query("#pin-hint")
        if hint:
            hint.first(Static).update(text)
        else:
            self.notify(text, timeout=3)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "type_entry":
            return isinstance(self.focused, OptionList) and bool(self.query("#pin-typed"))
        return True

    def action_type_entry(self, digit: str) -> None:
        field = self.query_one("#pin-typed", Input)
        focus_now(field)
        field.insert_text_at_cursor(digit)

    def action_cancel(self) -> None:
        self.dismiss(None)
