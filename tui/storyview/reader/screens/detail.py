"""Detail of one group: its members, how alike the aligner found them, and a word diff.

The diff compares the focused source with one other source of the group; h/l pick which.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from storyview.model import Member, Pin
from storyview.engine.unique import token_diff
from storyview.reader.widgets.diff import DiffView
from storyview.reader.widgets.fit import FitWidth
from storyview.reader.widgets.members import MemberTexts, cut_on_word, member_label, near_table, similarity_table
from storyview.reader.widgets.rows import Row, StoryIndex, id_and_headline

OTHERS = Binding.Group("compare with")


class DetailScreen(Screen[None]):
    """Every member of the focused group, their similarity, and a word diff of two sources."""

    BINDINGS = [
        Binding("escape,enter", "back", "Back", tooltip="Return to the side-by-side view"),
        Binding("h,left,left_square_bracket", "other(-1)", "Previous other source", group=OTHERS,
                tooltip="Diff against the previous other source of the group"),
        Binding("l,right,right_square_bracket", "other(1)", "Next other source", group=OTHERS,
                tooltip="Diff against the next other source of the group"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False, tooltip="Scroll down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, tooltip="Scroll up"),
        Binding("p", "pin", "Pin", priority=True,  # what follows goes to the dialog (see typeahead)
                tooltip="Pin a paragraph of another group into this one (kept beside the story)"),
        Binding("u", "unpin", "Take out", priority=True,
                tooltip="Take a member out of this group (kept beside the story)"),
    ]

    def __init__(self, index: StoryIndex, row: Row, focused: str | None) -> None:
        super().__init__()
        self.index = index
        self.row = row
        self.sources = sorted(row.cells, key=index.position.__getitem__)
        self.pivot = focused if focused in row.cells else (self.sources[0] if self.sources else None)
        self.others = [s for s in self.sources if s != self.pivot]
        self.other = self.others[0] if self.others else None

    @property
    def members(self) -> list[Member]:
        return [m for source in self.sources for m in self.row.cells[source]]

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="detail-title")
        with VerticalScroll(id="detail-body"):
            yield Static("Similarity (link scores of the aligner; — where not compared)", classes="detail-heading")
            yield Static(id="similarity")
            yield Static("Close, but in another group (the same thing in other words?)", classes="detail-heading")
            yield Static(id="near")
            yield Static(id="diff-heading", classes="detail-heading")
            yield Static(id="diff-legend")
            yield DiffView(id="diff")
            yield Static("Paragraphs (unique text marked)", classes="detail-heading")
            yield MemberTexts(id="members")
        yield Footer(show_command_palette=False)

    def _title(self) -> Text:
        row, index = self.row, self.index
        where = f"Group {row.number}/{len(index.group_rows)}" if row.number else "Boilerplate"
        paragraphs, sources = len(self.members), len(self.sources)
        counts = f"{paragraphs} paragraph{'s' * (paragraphs != 1)} from {sources} source{'s' * (sources != 1)}"
        pinned = row.group is not None and any(link.pinned for link in row.group.links)
        title = Text.assemble((where, "bold"), "  ", row.label, "  ", (counts, "dim"),
                              ("  pinned by hand" if pinned else "", "italic"))
        keywords = row.group.keywords if row.group is not None else ""
        if keywords:
            title.append_text(Text.assemble("\n", ("key words ", "dim"), keywords))
        return title

    def on_mount(self) -> None:
        pivot = self.row.cells.get(self.pivot or "", ())
        group = self.row.group
        similarity, near = self.query_one("#similarity", Static), self.query_one("#near", Static)
        if group is not None:
            index, members, focused = self.index, self.members, pivot[0] if pivot else None
            # laid out for the width they are drawn at: on a narrow terminal the names give way, not the scores
            similarity.update(FitWidth(lambda width: similarity_table(index, group, members, focused, width)))
            near.update(FitWidth(lambda width: near_table(index, members, width)))
        else:
            similarity.update("Boilerplate rows are not aligned.")
            near.update("")
        self.query_one(MemberTexts).show(self.index, self.members)
        self._show_diff()
        self.query_one(VerticalScroll).focus()

    def _source_title(self, source: str) -> Text:
        name = cut_on_word(id_and_headline(self.index.by_id[source], self.index.by_id), 32)
        return Text.assemble((f"{self.index.position[source] + 1} ", "bold"), name)

    def _text(self, source: str) -> str:
        return "\n\n".join(self.index.text(m) for m in self.row.cells[source])

    def _show_diff(self) -> None:
        heading = self.query_one("#diff-heading", Static)
        diff = self.query_one(DiffView)
        if self.pivot is None or self.other is None:
            heading.update("Word diff")
            self.query_one("#diff-legend", Static).update("")
            diff.update("Only one source tells this part of the story: nothing to compare.")
            return
        n = self.others.index(self.other) + 1
        heading.update(Text.assemble(
            "Word diff  ", self._source_title(self.pivot), "  →  ", self._source_title(self.other),
            (f"   ({n}/{len(self.others)}; h/l: other source)", "dim"),
        ))
        delete, insert = diff.mark_styles  # the legend in the very styles of the diff
        self.query_one("#diff-legend", Static).update(Text.assemble(
            ("struck", delete), f": only in {self.index.position[self.pivot] + 1}   ",
            ("marked", insert), f": only in {self.index.position[self.other] + 1}",
        ))
        a, b = self._text(self.pivot), self._text(self.other)
        diff.show(a, b, token_diff(a, b))

    def action_other(self, step: int) -> None:
        if not self.others or self.other is None:
            return
        i = self.others.index(self.other)
        self.other = self.others[(i + step) % len(self.others)]
        self._show_diff()

    def action_scroll(self, lines: int) -> None:
        body = self.query_one(VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines * 2, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """p and u only where pins are kept: under --ignore-pins the footer does not offer them;
        where they cannot be kept for a reason the reader should hear (a batch's story), they say it."""
        if action in ("pin", "unpin") and getattr(self.app, "pins", None) is None:
            return getattr(self.app, "no_pins", None) is not None
        return True

    def action_pin(self) -> None:
        self._open_pin("pin")

    def action_unpin(self) -> None:
        self._open_pin("break")

    def _open_pin(self, kind: str) -> None:
        """The pin dialog; what it dismisses with is kept by the app, which realigns."""
        from storyview.reader.screens.pin import PinScreen

        if getattr(self.app, "pins", None) is None:
            self.notify(getattr(self.app, "no_pins", None) or "Pins are off (--ignore-pins).", timeout=8, markup=False)
            return
        group = self.row.group
        if group is None or group.id < 0:
            self.notify("Only groups can be pinned to or broken: this row is not aligned.", timeout=3)
            return
        pivot = self.row.cells.get(self.pivot or "", ())
        anchor = pivot[0] if pivot else None  # the focused source's member: pinned to, or offered first to take out
        if kind != "pin":
            if len(self.sources) < 2:
                self.notify("Only one source tells this group: there is nothing to take out.", timeout=3)
                return
        self.app.push_screen(PinScreen(self.index, group, self.members, anchor, kind), self._pinned)

    def _pinned(self, pins: list[Pin] | None) -> None:
        if not pins:
            return
        pin = getattr(self.app, "pin", None)
        if pin is None or not pin(pins):
            return
        first = pins[0]
        leaving = self._makes_way(first.b) if first.kind == "pin" else ()
        if leaving:
            names = ", ".join(member_label(self.index, m) for m in leaving)
            self.notify(f"Pinned {member_label(self.index, first.b)} into this group. {names} "
                        f"{'leaves' if len(leaving) == 1 else 'leave'} it: a source tells one run of "
                        "paragraphs per row; realigning (saved beside the story).", severity="warning", timeout=8)
        else:
            what = (f"Pinned {member_label(self.index, first.b)} into this group" if first.kind == "pin"
                    else f"Took {member_label(self.index, first.b)} out of this group")
            self.notify(f"{what}; realigning (saved beside the story).", timeout=4)
        self.dismiss(None)

    def _makes_way(self, member: Member) -> tuple[Member, ...]:
        """The paragraphs of the pinned one's source that the pin takes out of this group."""
        from storyview.engine.pins import makes_way

        return makes_way(self.index.by_id[member.source], self.members, member)

    def action_back(self) -> None:
        self.dismiss(None)
