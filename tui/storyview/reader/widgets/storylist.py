"""The story list: one row per story of a folder (label, sources, dates, size, unique share).

Stories told by several sources come first, largest first; single-article stories follow under
a divider of their own. A filter keeps the rows whose label, titles, ids or outlets hold it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from storyview.engine.search import fold, has_accents
from storyview.model import Article, Collection, StoryEntry

APART = "apart"
"""Row key of the divider before the single-article stories."""
WIDE = {"id": 4, "sources": 24, "dates": 18, "words": 7, "unique": 6}
NARROW = {"id": 4, "sources": 10, "dates": 11, "words": 7, "unique": 6}
"""Cells of every column but the label's, which takes the rest; below WIDE_FROM columns the
sources column shows only how many (as it does where no article names its outlet, in as many
cells as the longest count takes) and the dates column only the first, with "…" after it
where there are more."""
WIDE_FROM = 110
LABEL_AT_LEAST = 26
"""Cells the label keeps whatever it shows: the words column gives way to it below that; the
dates column goes too where no article has a date (a folder of BBC text files)."""
LABEL_WANTS = 40
"""Cells a label of a few names needs whole ("Tara Reid, Promises Treatment Center"): the dates
column gives way first while the label has fewer and some label is longer (try31: dates kept
at 80 columns, labels cut at 28 cells)."""


@dataclass(frozen=True)
class StoryRow:
    """What one row shows of a story."""

    id: int
    label: str
    sources: str
    dates: str
    words: int
    unique: str
    single: bool


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates(dates: list[str]) -> str:
    """The first and last date, in the column's 18 cells: the last without its year when it is
    the first's year, and both as year-month when the story spans years."""
    if not dates:
        return "—"
    first, last = min(dates), max(dates)
    if first == last:
        return first
    if not (ISO_DAY.fullmatch(first) and ISO_DAY.fullmatch(last)):
        return f"{first} – {last}"
    if last[:4] == first[:4]:
        return f"{first} – {last[5:]}"
    return f"{first[:7]} – {last[:7]}"


def _first_date(dates: str) -> str:
    """The narrow dates column's form of a range: its first date and "…", so the cut shows."""
    first, range_, _ = dates.partition(" – ")
    return first + "…" if range_ else dates


def _sources(articles: list[Article], entry: StoryEntry) -> str:
    """How many sources, and the outlets most of them come from, each with how many it gave
    where that is not one each of all: "19 sources · Global Wire (2)" where two pages of
    nineteen name it, never "19 sources · Global Wire" as if it were all of them (try30)."""
    outlets = Counter(article.outlet for article in articles if article.outlet)
    count = f"{len(entry.sources)} source{'s' if len(entry.sources) != 1 else ''}"
    if not outlets:
        return count
    unnamed = sum(outlets.values()) < len(articles)
    most = outlets.most_common()
    tallies = [f" ({n})" if n > 1 or unnamed else "" for _, n in most]
    named = [outlet + tally for (outlet, _), tally in zip(most, tallies)]

    def more(shown: int) -> str:
        return f" +{len(named) - shown}" if len(named) > shown else ""

    # The longest that fits the column; else the first outlet's name cut, never its tally
    # (try33: "11 sources · Reuters (4…").
    forms = [f"{count} · {', '.join(named[:2])}{more(2)}", f"{count} · {named[0]}{more(1)}", f"{count} · {named[0]}"]
    if fits := next((form for form in forms if len(form) <= WIDE["sources"]), None):
        return fits
    room = WIDE["sources"] - len(f"{count} · ") - len(tallies[0])
    return f"{count} · {most[0][0][:max(1, room - 1)].rstrip()}…{tallies[0]}"


def _matches(articles: list[Article], entry: StoryEntry, query: str) -> bool:
    """Whether the story's label, or a source's file name, headline or outlet, holds `query`: as
    in a story's search, a query without accents ignores them ("meteo" finds "Météo-France")."""
    exact = has_accents(query)

    def form(text: str) -> str:
        return text.casefold() if exact or text.isascii() else fold(text)[0].casefold()

    needle = form(query)
    return any(needle in form(text or "") for text in
               (entry.label, *(t for a in articles for t in (a.id, a.title, a.outlet))))


def story_rows(collection: Collection, shares: Mapping[int, float], query: str = "") -> list[StoryRow]:
    """The rows to show, in story order (several sources first, single articles after);
    `shares` holds the unique share of each story aligned so far."""
    by_id = {a.id: a for a in collection.articles}
    rows = []
    for entry in collection.stories:
        articles = [by_id[source] for source in entry.sources]
        if query and not _matches(articles, entry, query):
            continue
        dates = [a.date for a in articles if a.date]
        share, single = shares.get(entry.id), len(entry.sources) == 1
        rows.append(StoryRow(
            entry.id, entry.label, _sources(articles, entry), _dates(dates), entry.words,
            "—" if share is None or single else f"{round(100 * share)}%", single,
        ))
    return [r for r in rows if not r.single] + [r for r in rows if r.single]


class StoryTable(DataTable[Text]):
    """The stories of a folder as a table; the row key of a story is its id."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open story", tooltip="Align the story under the cursor and show it"),
    ]

    def __init__(self, collection: Collection, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.collection = collection
        self.shares: dict[int, float] = {}
        self.query_text = ""
        self.matched = len(collection.stories)
        """How many stories the filter keeps (all of them without one)."""
        self._width = 0
        self._last_row = 0

    def on_mount(self) -> None:
        self.fill()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The cursor steps over the "single articles" divider, the way it was going: it opens nothing."""
        if event.row_key.value == APART and self.row_count > 1:
            down = event.cursor_row == 0 or event.cursor_row > self._last_row
            self.move_cursor(row=event.cursor_row + (1 if down else -1))
            return
        self._last_row = event.cursor_row

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self.fill()

    @property
    def story_id(self) -> int | None:
        """The story under the cursor (None on the divider or in an empty list)."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key in (None, APART) else int(key)

    def fill(self) -> None:
        """(Re)build the rows for the current width, filter and shares; the cursor stays on its story."""
        keep = self.story_id
        self._width = self.size.width
        wide = self._width >= WIDE_FROM
        widths = dict(WIDE if wide else NARROW)
        if not wide or not any(a.outlet for a in self.collection.articles):
            widths["sources"] = self._count_width()
        if not any(a.date for a in self.collection.articles):
            del widths["dates"]

        def label_width() -> int:
            return self._width - sum(widths.values()) - 2 * (len(widths) + 1) - 2

        longest = max((len(entry.label) for entry in self.collection.stories), default=0)
        if "dates" in widths and label_width() < min(longest, LABEL_WANTS):
            del widths["dates"]
        for column in ("dates", "words"):
            if label_width() < LABEL_AT_LEAST and column in widths:
                del widths[column]
        label = max(12, label_width())
        self.clear(columns=True)
        self.add_column("#", width=widths["id"], key="id")
        self.add_column("story", width=label, key="label")
        for key in ("sources", "dates", "words", "unique"):
            if key in widths:
                self.add_column(key, width=widths[key], key=key)
        rows = story_rows(self.collection, self.shares, self.query_text)
        self.matched = len(rows)
        singles = sum(r.single for r in rows)
        for row in rows:
            if row.single and singles and row is next(r for r in rows if r.single):
                divider = Text(f"single articles · {singles}", style="dim italic")
                self.add_row(Text(""), divider, *(Text("") for _ in range(len(widths) - 1)), key=APART)
            cells = {
                "sources": Text(row.sources if wide else row.sources.split(" · ")[0], overflow="ellipsis", no_wrap=True),
                "dates": Text(row.dates if wide else _first_date(row.dates), overflow="ellipsis", no_wrap=True),
                "words": Text(f"{row.words:,}", justify="right"),
                "unique": Text(row.unique, justify="right"),
            }
            self.add_row(
                Text(str(row.id), style="dim", justify="right"),
                Text(row.label, overflow="ellipsis", no_wrap=True),
                *(cell for key, cell in cells.items() if key in widths),
                key=str(row.id),
            )
        if keep is not None and str(keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)))

    def _count_width(self) -> int:
        """Cells of the sources column where it shows only how many ("12 sources"): narrow, or
        no article names its outlet (the label takes the rest)."""
        most = max((len(entry.sources) for entry in self.collection.stories), default=1)
        return max(len("sources"), len(f"{most} sources"))

    def set_share(self, story_id: int, share: float) -> None:
        """A story was aligned: show its unique share."""
        self.shares[story_id] = share
        if str(story_id) in self.rows and not self._single(story_id):
            self.update_cell(str(story_id), "unique", Text(f"{round(100 * share)}%", justify="right"))

    def _single(self, story_id: int) -> bool:
        """A story of one article: nothing to compare, so no unique share to show ("—")."""
        return len(self.collection.story(story_id).sources) == 1

    def filter(self, query: str) -> None:
        """Keep the stories that hold `query`; the cursor goes to the first of them."""
        self.query_text = query
        self.fill()
        first = 1 if self.row_count > 1 and APART in self.rows and self.get_row_index(APART) == 0 else 0
        self.move_cursor(row=first)
