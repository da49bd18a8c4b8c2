"""The main view: the grid of sources, the status line, the search bar, and every main key.

The keys are declared once, in BINDINGS; the footer, the help screen and the command palette
all read this list.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from storyview.reader.messages import GridChanged, SearchCancelled, SearchSubmitted
from storyview.model import Kind, Member, Story
from storyview.engine.search import search
from storyview.reader.widgets.grid import StoryGrid
from storyview.reader.widgets.progress import BuildProgressView, stage_label
from storyview.reader.widgets.rows import Passage, StoryIndex, next_passage, short_id
from storyview.reader.typeahead import focus_now
from storyview.reader.widgets.searchbar import SearchBar
from storyview.reader.widgets.status import StatusInfo, StatusLine

if TYPE_CHECKING:
    from storyview.reader.widgets.findings import Place

GROUPS = Binding.Group("group")
SOURCES = Binding.Group("source")
MARKS = Binding.Group("unique")
MATCHES = Binding.Group("match")
TOGGLES = Binding.Group("hide/show source 1…9")
FINDINGS = Binding.Group("findings", compact=True)
FOOTER_ROOM = {"previous_source": 100, "next_source": 100, "quit": 100,
               "quotes": 80, "figures": 80, "rewrites": 80, "coverage": 68, "read": 60, "toggle_fold": 60}
"""Columns the footer needs before it shows these keys too. At 80 columns it names every other
key, Q F W and e included, in short words; h l and q (which every terminal reader knows) come
back from 100 columns. Below 80 the findings (Q F W), then the coverage (c), then reading and
the fold (r z) go first, so that "? Help", which lists them all, always stays in view whole;
the palette lists them too."""
STORIES_ROOM = len(" esc Stories")
"""What "esc Stories" adds to the footer of a story opened from the story list: every key above
needs that much more room, so at 80 columns Q F W make way for the only key back to the list."""


def position_of(passages: list[Passage], current: Passage | None) -> int:
    """1-based place of the passage under the cursor in `passages` (sorted), 0 if it is none of them."""
    if current is None:
        return 0
    at = bisect_left(passages, current)
    return at + 1 if at < len(passages) and passages[at] == current else 0


class MainScreen(Screen[None]):
    """Sources side by side, aligned by group."""

    BINDINGS = [
        Binding("j,down", "next_group", "Next group", group=GROUPS,
                tooltip="Next group (row); a group taller than the screen scrolls first"),
        Binding("k,up", "previous_group", "Previous group", group=GROUPS,
                tooltip="Previous group; a group taller than the screen scrolls first"),
        Binding("g,home", "first_group", "First group", show=False, tooltip="Jump to the first group"),
        Binding("G,end", "last_group", "Last group", show=False, tooltip="Jump to the last group"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="Scroll down a page"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="Scroll up a page"),
        Binding("h,left", "previous_source", "Previous source", group=SOURCES,
                tooltip="Focus the source column to the left"),
        Binding("l,right", "next_source", "Next source", group=SOURCES,
                tooltip="Focus the source column to the right"),
        Binding("tab", "next_source", "Next source", show=False, tooltip="Focus the source column to the right"),
        Binding("shift+tab", "previous_source", "Previous source", show=False,
                tooltip="Focus the source column to the left"),
        Binding("n", "next_mark", "Next unique passage", group=MARKS,
                tooltip="Next unique passage of the focused source (of any source if it has none)"),
        Binding("N", "previous_mark", "Previous unique passage", group=MARKS,
                tooltip="Previous unique passage of the focused source (of any source if it has none)"),
        Binding("n", "next_match", "Next match", group=MATCHES, tooltip="Next search match (while a search is on)"),
        Binding("N", "previous_match", "Previous match", group=MATCHES,
                tooltip="Previous search match (while a search is on)"),
        *[
            Binding(str(i), f"toggle_source({i})", f"Hide/show source {i}", show=False, group=TOGGLES,
                    tooltip=f"Hide or show the column of source {i}")
            for i in range(1, 10)
        ],
        Binding("x", "hide_focused", "Hide focused source", show=False, tooltip="Hide the focused source's column"),
        Binding("0", "show_all", "Show all sources", show=False, tooltip="Show every hidden source again"),
        Binding("b", "toggle_boilerplate", "Show/hide boilerplate", show=False,
                tooltip="Show the folded boilerplate paragraphs (dimmed, at the end) or fold them again"),
        Binding("s", "toggle_heat", "Shade by sources", show=False,
                tooltip="Shade text by how many sources share it, like a heat map"),
        Binding("B", "base", "Base source", show=False,
                tooltip="Make the focused source the base: its column first, the rows in its order "
                "(B on the base again: back to the story order)"),
        Binding("r", "read", "Read", tooltip="Read the focused article alone, full width, in its own order"),
        Binding("enter", "detail", "Detail", show=False,
                tooltip="Members of the focused group, their similarity, and a word diff; on a folded strip, open it"),
        Binding("z", "toggle_fold", "Fold", tooltip="Fold each run of rows only one source tells into one line "
                "(\"only in 3 · 4 paragraphs\"; with a base, each run the base does not tell), or show them all; "
                "enter opens one strip"),
        Binding("c", "coverage", "Cover", tooltip="Which source covers which group, as a matrix"),
        Binding("Q", "quotes", "Quotes", group=FINDINGS,
                tooltip="Every quoted passage: which sources carry it, word for word or altered (and which words)"),
        Binding("F", "figures", "Figures", group=FINDINGS,
                tooltip="Numbers, money and dates the sources state for the same thing, side by side; "
                "disagreements flagged"),
        Binding("W", "rewrites", "Rewrites", group=FINDINGS,
                tooltip="For each pair of sources, how much of one follows the other in order and wording"),
        Binding("e", "export", "Save", priority=True,  # what follows goes to the dialog (see typeahead)
                tooltip="Export: write the story as a report (HTML or Markdown), as JSON or as TEI, to a file"),
        Binding("slash", "search", "Search", priority=True,  # what follows goes to the search box (typeahead)
                tooltip="Search the paragraphs of all sources (not their headlines); "
                "smart case: a query with a capital letter matches case, else any case"),
        Binding("S", "pick_source", "Pick source", show=False,
                tooltip="Every source in a list: go to one, hide or show it (the way past source 9)"),
        Binding("escape", "clear_search", "Clear search", show=False, tooltip="Clear the search highlights"),
        Binding("plus,equals_sign", "app.threshold(1)", "Raise threshold", show=False,
                tooltip="Raise the grouping threshold by 0.05 and realign (stricter: more, smaller groups)"),
        Binding("minus", "app.threshold(-1)", "Lower threshold", show=False,
                tooltip="Lower the grouping threshold by 0.05 and realign (looser: fewer, larger groups)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index: StoryIndex | None = None
        self.base: str | None = None
        """The base source (B), kept across realigns."""
        self.search_query: str | None = None
        self.search_passages: list[Passage] = []
        self.threshold = 0.0
        self._unique_cache: tuple[tuple[StoryIndex, frozenset[str]], list[Passage]] | None = None
        self.legend = True
        """The status line explains the marks until the reader presses a key."""
        self.opening: tuple[str, ...] = ()
        """Why the story opened away from its first source, until the first key."""
        self.any_case = False
        """The search found nothing with the query's capitals and matched any case instead."""
        self.pending: float | None = None
        self.progress: str | None = None
        """How far a rebuild got (for the status line), while one runs."""
        self.findings_memory: dict[str, tuple[int, int]] = {}
        """Where each quotes/figures/rewrites list was left (for this Story)."""
        self.export_format = "html"
        self._wrapped: tuple[Passage, str] | None = None
        """The passage n/N wrapped around to, and the note the status line gives while on it."""
        """The format the export dialog offers first: the one last used."""

    def compose(self) -> ComposeResult:
        yield BuildProgressView(id="loading")
        yield StoryGrid(id="grid", classes="-loading")  # laid out (0 high) so it has its width
        search = SearchBar(id="search")
        search.display = False
        yield search
        yield StatusLine(id="status")
        yield Footer(show_command_palette=False)

    @property
    def grid(self) -> StoryGrid:
        return self.query_one(StoryGrid)

    def on_mount(self) -> None:
        # Focus now, not when the story arrives: a focus change makes the Footer rebuild its keys,
        # which cost about as much as drawing the first story.
        self.grid.focus()
        self.refresh_status()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: those that need room only when there is room for them."""
        bindings = super().active_bindings
        width = self.size.width
        if self.app.check_action("stories", ()):
            width -= STORIES_ROOM
        return {
            key: active._replace(binding=replace(active.binding, show=False))
            if active.binding.show and width < FOOTER_ROOM.get(active.binding.action, 0)
            else active
            for key, active in bindings.items()
        }

    def on_key(self) -> None:
        """The first key ends the legend: the status line goes back to where you are. Any key
        (before its action runs) ends a "wrapped around" note: n or N says it again if it wraps."""
        self._end_notes()

    def _end_notes(self) -> None:
        if (self.legend or self._wrapped is not None or self.opening) and self.index is not None:
            self.legend = False
            self._wrapped = None
            self.opening = ()
            self.refresh_status()

    def on_resize(self) -> None:
        self.refresh_bindings()  # the footer may have room for more keys now, or for fewer

    def _theme_changed(self) -> None:
        self.call_after_refresh(self.refresh_status)  # status colours are resolved when it is drawn

    # -- the story ---------------------------------------------------------------------------------

    def show_story(self, story: Story) -> None:
        """Display a (new) Story in place of the old one, keeping the reader's place."""
        first = self.index is None
        self.index = StoryIndex(story, self.base)
        self.findings_memory.clear()  # a new Story lists other quotes, figures and rewrites
        grid = self.grid
        if first:
            self.query_one("#loading").remove()
            grid.remove_class("-loading")
        grid.set_story(self.index)
        if first:
            self.opening = grid.lede_notes
        if self.search_query:
            self._run_search(self.search_query, jump=False)
        self.refresh_status()

    def reset(self) -> None:
        """Back to the loading view, for another story of the folder (its search goes with it)."""
        if self.index is None:
            return
        self.index = None
        self.search_query = None
        self.search_passages = []
        self._unique_cache = None
        self._wrapped = None
        self.findings_memory.clear()
        self.grid.forget()
        self.grid.add_class("-loading")
        self.mount(BuildProgressView(id="loading"), before=self.grid)
        self.refresh_status()
        self.refresh_bindings()

    def restart_progress(self) -> None:
        """A new build begins while the loading view shows the last one's progress."""
        for loading in self.query(BuildProgressView):
            loading.restart()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """The build got further: fill in the loading view, or the status line during a rebuild."""
        if self.index is None:
            loading = self.query(BuildProgressView)
            if loading:
                loading.first().show(stage, done, total)
            return
        if self.pending is not None:
            percent = 100 * done // total if total > 0 else 0
            self.progress = f"{stage_label(stage).split()[0].lower()} {percent}%"
            self.refresh_status()

    def show_failure(self, error: str) -> None:
        """The first build failed: say so where the grid would be."""
        if self.index is None:
            loading = self.query(BuildProgressView)
            if loading:
                loading.first().remove()
                failure = Static("Could not build the story: see the notification.", markup=False, id="failure")
                self.mount(failure, before=self.query_one(StatusLine))
        self.refresh_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "Clear search" and n/N as "match" only while there is a search; n/N as "unique" otherwise.

        The same keys are bound twice; the one switched off here gives way to the other, so the
        footer, the help and the palette say what n/N will do now.
        """
        if action in ("clear_search", "next_match", "previous_match"):
            return self.search_query is not None
        if action in ("search", "export"):  # priority keys (typeahead): in the search box, `/` and `e` are text
            return not isinstance(self.focused, Input)
        if action in ("next_mark", "previous_mark"):
            return self.search_query is None
        return True

    # -- status ------------------------------------------------------------------------------------

    @on(GridChanged)
    def refresh_status(self) -> None:
        status = self.query_one(StatusLine)
        if self.index is None:
            status.show(StatusInfo(loading=True))
            return
        grid = self.grid
        row = grid.row
        uniques = self._walked()
        matches = [p for p in self.search_passages if p.source not in grid.hidden]
        match = position_of(matches, grid.current) if self.search_query else 0
        strip = grid.strip
        status.show(
            StatusInfo(
                shown=len(grid.visible_sources),
                total=len(self.index.articles),
                columns=tuple(self.index.position[column.source] + 1 for column in grid.columns),
                row=0 if row is None else row.number or grid.cursor - len(self.index.group_rows) + 1,
                last_row=grid.rows[strip.end - 1].number if strip is not None else 0,
                rows=len(self.index.boilerplate_rows if row and row.boilerplate else self.index.group_rows),
                boilerplate_row=bool(row and row.boilerplate),
                unique=len(uniques),
                unique_at=0 if self.search_query else position_of(uniques, grid.current),
                folded=grid.folding.folded_rows(),
                legend=self.legend and len(self.index.articles) > 1,  # with nothing to compare, say so instead
                unique_style=grid.mark_styles().unique,
                any_case=self.any_case,
                threshold=self.threshold,
                pending=self.pending,
                progress=self.progress if self.pending is not None else None,
                query=self.search_query,
                match=match,
                matches=len(matches),
                heat=grid.heat,
                heat_styles=grid.heat_legend() if grid.heat else (),
                note=self._wrapped[1] if self._wrapped and self._wrapped[0] == grid.current else None,
                opening=self.opening,
                several=bool(getattr(self.app, "several_stories", False)),
                **self._base_status(),
            )
        )

    def _base_status(self) -> dict[str, object]:
        """The status line's word on the base source, if there is one."""
        index = self.index
        if index is None or index.relative is None or index.base is None:
            return {}
        article = index.by_id[index.base]
        return {"base": f"{index.position[article.id] + 1} {short_id(article, index.by_id)}",
                "base_left_out": index.relative.left_out}

    def action_base(self) -> None:
        """B: the focused source becomes the base (its column first, rows in its order); B on the base undoes it."""
        index, grid = self.index, self.grid
        if index is None or grid.focused is None:
            return
        focused = grid.focused
        self.base = None if index.base == focused else focused
        self.show_story(index.story)
        grid.focus_source(focused)
        number = index.position[focused] + 1
        if self.base is None:
            self.notify("Back to the story order: no base source.", timeout=3)
        else:
            assert self.index is not None and self.index.relative is not None
            rel = self.index.relative
            self.notify(f"Source {number} is the base: {rel.shared} groups shared, {rel.own} its own, "
                        f"{rel.left_out} the others add to it.", timeout=4)

    def _unique_shown(self, hidden: frozenset[str]) -> list[Passage]:
        """Unique passages in the shown sources (cached: the status asks on every key)."""
        assert self.index is not None
        key = (self.index, hidden)
        if self._unique_cache is None or self._unique_cache[0] != key:
            shown = [p for p in self.index.unique_passages() if p.source not in hidden]
            self._unique_cache = (key, shown)
        return self._unique_cache[1]

    # -- moving ------------------------------------------------------------------------------------

    def action_next_group(self) -> None:
        self.grid.step(1)

    def action_previous_group(self) -> None:
        self.grid.step(-1)

    def action_first_group(self) -> None:
        self.grid.move_to(0)

    def action_last_group(self) -> None:
        self.grid.move_to(len(self.grid.rows) - 1)

    def action_page(self, pages: int) -> None:
        self.grid.page_by(pages)

    def action_next_source(self) -> None:
        self.grid.focus_by(1)

    def action_previous_source(self) -> None:
        self.grid.focus_by(-1)

    def action_next_mark(self) -> None:
        self._step_mark(forward=True)

    def action_previous_mark(self) -> None:
        self._step_mark(forward=False)

    def action_next_match(self) -> None:
        self._step_mark(forward=True)

    def action_previous_match(self) -> None:
        self._step_mark(forward=False)

    def _walked(self) -> list[Passage]:
        """The unique passages n/N walk, and the status line counts: the focused source's, or
        every shown source's where it has none."""
        shown = self._unique_shown(frozenset(self.grid.hidden))
        own = [p for p in shown if p.source == self.grid.focused]
        return own or shown

    def _step_mark(self, forward: bool) -> None:
        """n/N: the next search match while searching, else the next unique passage."""
        if self.index is None:
            return
        grid = self.grid
        if self.search_query is not None:
            passages = [p for p in self.search_passages if p.source not in grid.hidden]
            what = "matches"
        else:
            passages = self._walked()
            what = "unique passages"
        passage, wrapped = next_passage(passages, grid.here(forward), forward)
        if passage is None:
            self.notify(f"No {what} to go to.", timeout=2)
            return
        # Said in the status line while the cursor is on that passage, not in a toast that outlives it.
        self._wrapped = (passage, "wrapped around to the " + ("first" if forward else "last")) if wrapped else None
        grid.jump(passage)
        self.refresh_status()

    # -- showing and hiding --------------------------------------------------------------------------

    def action_toggle_source(self, number: int) -> None:
        if self.index is None:
            return
        if not 1 <= number <= len(self.index.articles):
            self.notify(f"There is no source {number}.", timeout=2)
            return
        source = self.index.articles[number - 1].id
        if source not in self.grid.hidden and len(self.grid.visible_sources) == 1:
            self.notify("At least one source stays shown.", timeout=2)
            return
        self.grid.toggle_source(source)

    def action_hide_focused(self) -> None:
        if self.index is not None and self.grid.focused is not None:
            self.action_toggle_source(self.index.position[self.grid.focused] + 1)

    def action_pick_source(self) -> None:
        from storyview.reader.screens.sources import SourcesScreen

        if self.index is None:
            return
        grid = self.grid
        picker = SourcesScreen(self.index, frozenset(grid.hidden), grid.focused, self._toggle_picked)
        self.app.push_screen(picker, self._source_picked)

    def _toggle_picked(self, source: str) -> frozenset[str]:
        """space in the picker: hide or show the source at once (the picker stays open for more)."""
        if self.index is not None:
            self.action_toggle_source(self.index.position[source] + 1)
        return frozenset(self.grid.hidden)

    def _source_picked(self, source: str | None) -> None:
        """Focus the source chosen (shown, if it was hidden)."""
        if source is None or self.index is None:
            return
        if source in self.grid.hidden:
            self.grid.toggle_source(source)
        self.grid.focus_source(source)

    def action_show_all(self) -> None:
        self.grid.show_all()

    def action_toggle_boilerplate(self) -> None:
        """Show or fold the boilerplate, and say how much: it goes at the end, out of sight."""
        grid = self.grid
        if self.index is None:
            return
        count = sum(1 for article in self.index.articles for p in article.paragraphs if p.kind == "boilerplate")
        if not count:
            self.notify("No boilerplate in these sources.", timeout=2)
            return
        grid.set_boilerplate(not grid.show_boilerplate)
        if grid.show_boilerplate:
            rows = len(self.index.boilerplate_rows)
            self.notify(f"{rows} boilerplate row{'s' * (rows != 1)} shown ({count} paragraph{'s' * (count != 1)} "
                        "of all sources), at the end (G)", timeout=3)
        else:
            self.notify("Boilerplate folded again", timeout=2)
        if self.search_query:
            self._run_search(self.search_query, jump=False)

    def action_toggle_heat(self) -> None:
        """s: shade text by how many sources carry it; where the story does not say that (read
        back from a batch run's files), say so instead of shading nothing."""
        if not self.grid.heat and self.index is not None and self.index.story.marks \
                and not any(marks.support for marks in self.index.story.marks.values()):
            self.notify("No shading here: a story read back from a batch run's files does not say how many "
                        "sources carry each passage (+ or - realigns it from its articles)", timeout=6)
            return
        self.grid.set_heat(not self.grid.heat)

    def action_toggle_fold(self) -> None:
        """z: fold the rows only one source tells, or show them; and say how many."""
        grid = self.grid
        if self.index is None:
            return
        rows = "rows the base does not tell" if self.index.base is not None else "rows only one source tells"
        if not grid.folding.runs:
            self.notify("The base tells every row: nothing to fold." if self.index.base is not None
                        else "Every row is told by two sources or more: nothing to fold.", timeout=2)
            return
        grid.set_fold(not grid.folding.on)
        folded = sum(len(run) for run in grid.folding.runs)
        if grid.folding.on:
            self.notify(f"{folded} {rows}, folded into {len(grid.folding.runs)} strips (enter opens one)", timeout=3)
        else:
            self.notify(f"{folded} {rows}, shown", timeout=2)

    # -- other views -------------------------------------------------------------------------------

    def action_read(self) -> None:
        from storyview.reader.screens.reading import ReadingScreen

        grid = self.grid
        if self.index is None or grid.focused is None:
            return
        members = grid.focused_members
        start = members[0].paragraph if members else None
        self.app.push_screen(
            ReadingScreen(self.index, grid.focused, start, self.search_matches_of(grid.focused), grid.show_boilerplate),
            self._back_from_reading,
        )

    def search_matches_of(self, source: str) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) of the current search's matches in one source."""
        if self.search_query is None or self.index is None:
            return []
        query = self.search_query.casefold() if self.any_case else self.search_query
        found = search(self.index.story, query, kinds=self._kinds(), sources=[source])
        return [(m.paragraph, m.start, m.end) for m in found]

    def _kinds(self) -> tuple[Kind, ...]:
        """What a search looks in: the paragraphs the grid shows."""
        return ("body", "boilerplate") if self.grid.show_boilerplate else ("body",)

    def _back_from_reading(self, paragraph: int | None) -> None:
        """Leaving reading mode: put the cursor on the group of the paragraph last read."""
        grid = self.grid
        if paragraph is None or self.index is None or grid.focused is None:
            return
        row = self.index.row_of.get(Member(grid.focused, paragraph))
        if row is not None and row < len(grid.rows) and row != grid.cursor:
            grid.reveal(row)
            grid.move_to(row)

    def action_detail(self) -> None:
        from storyview.reader.screens.detail import DetailScreen

        grid = self.grid
        row = grid.row
        if self.index is None or row is None or grid.open_strip():
            return
        self.app.push_screen(DetailScreen(self.index, row, grid.focused))

    def action_coverage(self) -> None:
        from storyview.reader.screens.coverage import CoverageScreen

        if self.index is None:
            return
        grid = self.grid
        self.app.push_screen(CoverageScreen(self.index, grid.cursor, grid.hidden, grid.focused), self._back_from_coverage)

    def _back_from_coverage(self, chosen: tuple[int, str | None] | None) -> None:
        """Enter in the matrix: go to its group, with its focused source focused (if shown)."""
        if chosen is None:
            return
        row, source = chosen
        grid = self.grid
        if source is not None and source not in grid.hidden:
            grid.focus_source(source)
        grid.reveal(row)
        grid.move_to(row)
        grid.scroll_to_top(grid.cursor)

    # -- quotes, figures, rewrites ------------------------------------------------------------------

    def action_quotes(self) -> None:
        self.open_findings("quotes")

    def action_figures(self) -> None:
        self.open_findings("figures")

    def action_rewrites(self) -> None:
        self.open_findings("rewrites")

    def open_findings(self, kind: str) -> None:
        """Push the list of one kind of finding; what it dismisses with is handled by _back_from_findings."""
        if self.index is None:
            self.notify("The story is still being built.", timeout=2)
            return
        from storyview.reader.screens.figures import FiguresScreen
        from storyview.reader.screens.quotes import QuotesScreen
        from storyview.reader.screens.rewrites import RewritesScreen

        screens = {"quotes": QuotesScreen, "figures": FiguresScreen, "rewrites": RewritesScreen}
        self.app.push_screen(screens[kind](self.index, self.findings_memory), self._back_from_findings)

    def _back_from_findings(self, result: Place | str | None) -> None:
        """enter: go to the place; Q/F/W: open that list instead; escape: stay where we were."""
        if isinstance(result, str):
            self.open_findings(result)
        elif result is not None:
            self.go_to(result)

    def go_to(self, place: Place) -> None:
        """Show a paragraph of a source: its group under the cursor, the source focused (shown if
        hidden), the span marked; a headline is at the top of its source's column."""
        if self.index is None or place.source not in self.index.by_id:
            return
        grid = self.grid
        if place.source in grid.hidden:
            grid.toggle_source(place.source)
        member = Member(place.source, place.paragraph)
        row = self.index.row_of.get(member)
        if row is None:
            grid.focus_source(place.source)
            number = self.index.position[place.source] + 1
            self.notify(f"That is in the headline of source {number}, at the top of its column.", timeout=3)
            return
        if row >= len(self.index.group_rows) and not grid.show_boilerplate:
            grid.set_boilerplate(True)
        for source in place.cited:
            if source in grid.hidden and source in self.index.by_id:
                grid.toggle_source(source)
        passage = Passage(row, self.index.position[place.source], place.paragraph, place.start, place.end, place.source)
        if place.end > place.start:
            grid.jump(passage, top=True)
        else:
            grid.reveal(row)
            grid.focus_source(place.source)
            grid.move_to(row)
            grid.scroll_to_top(grid.cursor)
        hidden = grid.show_columns([place.source, *place.cited])
        said = []
        if hidden:
            said.append(f"Hid {self._numbered(hidden)} to show the sources it cites side by side (0 shows all)")
        shown = {c.source for c in grid.columns}
        unseen = [s for s in dict.fromkeys(place.cited) if s in self.index.by_id and s not in shown]
        if unseen:
            visible = grid.visible_sources
            left = any(s in visible and visible.index(s) < grid.window_start for s in unseen)
            right = any(s not in visible or visible.index(s) >= grid.window_start for s in unseen)
            keys = ", ".join(key for key, side in (("h", left), ("l", right)) if side)
            said.append(f"{self._numbered(unseen)}, cited too, {'are' if len(unseen) > 1 else 'is'} out of view ({keys})")
        if said:
            message = "; ".join(said) + "."
            self.notify(message[0].upper() + message[1:], timeout=5)

    def _numbered(self, sources: list[str]) -> str:
        """'source 3' or 'sources 4, 5', by their column numbers."""
        assert self.index is not None
        numbers = ", ".join(str(self.index.position[s] + 1) for s in sources)
        return f"source{'s' * (len(sources) > 1)} {numbers}"

    # -- export ------------------------------------------------------------------------------------

    def action_export(self) -> None:
        from storyview.reader.screens.export import ExportScreen

        if self.index is None:
            self.notify("The story is still being built.", timeout=2)
            return
        if not self.index.articles:  # a report of nothing would only look like one
            self.notify("Nothing to save: no source could be read.", severity="warning", timeout=4, markup=False)
            return
        self.app.push_screen(ExportScreen(self.export_format, len(self.index.articles)), self._export_chosen)

    def _export_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            return
        fmt, path = chosen
        self.export_format = fmt
        export = getattr(self.app, "export", None)
        if export is not None:
            export(fmt, path)

    # -- search ------------------------------------------------------------------------------------

    def action_search(self) -> None:
        if self.index is not None:
            self._end_notes()  # a priority key, and the keys typed in the box do not reach on_key
            self.query_one(SearchBar).open(self.search_query or "")

    @on(SearchSubmitted)
    def _searched(self, event: SearchSubmitted) -> None:
        focus_now(self.grid)  # the keys typed after enter go to the grid (see typeahead)
        if not event.query.strip():
            self.action_clear_search()
            return
        self._run_search(event.query, jump=True)

    @on(SearchCancelled)
    def _search_cancelled(self) -> None:
        focus_now(self.grid)

    def _run_search(self, query: str, jump: bool) -> None:
        if self.index is None:
            return
        grid = self.grid
        found = search(self.index.story, query, kinds=self._kinds())
        self.any_case = False
        if not found and query != query.casefold():  # smart case found nothing: try any case, and say so
            found = search(self.index.story, query.casefold(), kinds=self._kinds())
            self.any_case = bool(found)
        spans = [(m.member, m.start, m.end) for m in found]
        self.search_query = query
        self.search_passages = self.index.passages_for(spans)
        grid.set_matches(spans)
        self.refresh_bindings()  # n/N are "match" now
        if jump:
            if self.search_passages:
                self._step_mark(forward=True)
            else:
                self.notify("No matches in the paragraphs for: " + query + " (headlines are not searched)", timeout=3, markup=False)
        self.refresh_status()

    def action_clear_search(self) -> None:
        if self.search_query is None:
            return
        self.search_query = None
        self.search_passages = []
        self.any_case = False
        self.grid.set_matches([])
        self.refresh_bindings()  # n/N are "unique" again
        self.refresh_status()

    # -- threshold (the app rebuilds; the screen only shows it) ---------------------------------------

    def set_threshold(self, current: float, pending: float | None) -> None:
        self.threshold, self.pending = current, pending
        self.progress = None
        self.refresh_status()
