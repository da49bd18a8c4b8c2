"""Hand-made Stories for the reader's and the engine's edge cases, and the seed Story.

Each Story is small enough to reason about by eye. Test modules import these by name (pytest
puts this folder on sys.path, since tests/conftest.py lives here).
"""

from __future__ import annotations

from functools import lru_cache

from storyview.model import (
    Article,
    Group,
    Link,
    Marks,
    Member,
    Paragraph,
    Settings,
    Story,
    Support,
)
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.pipeline import build_story, story_from

MARKUP = "A [bold]bracketed[/] remark and [red]more[/red] stay literal."


def article(id: str, *paragraphs: tuple[str, str], **meta: str) -> Article:
    """An article from (kind, text) pairs."""
    return Article(
        id=id,
        path=f"/tmp/{id}.txt",
        paragraphs=tuple(Paragraph(i, kind, text) for i, (kind, text) in enumerate(paragraphs)),  # type: ignore[arg-type]
        **meta,
    )


def told(*texts: str, settings: Settings = Settings()) -> Story:
    """The story the engine makes of one source per text (ids "a", "b", …), each parsed as a
    user's .txt file."""
    ids = [chr(ord("a") + n) for n in range(len(texts))]
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in zip(ids, texts)]), settings)


def body(text: str) -> tuple[str, str]:
    return ("body", text)


def marks_for(text: str, *phrases: str, shared: int = 2) -> Marks:
    """Marks with each phrase unique (support 1) and the rest of the text shared by `shared`."""
    spans = sorted((text.index(p), text.index(p) + len(p)) for p in phrases)
    support, position = [], 0
    for start, end in spans:
        if start > position:
            support.append(Support(position, start, shared))
        support.append(Support(start, end, 1))
        position = end
    if position < len(text):
        support.append(Support(position, len(text), shared))
    return Marks(unique=tuple(spans), support=tuple(support))


def tiny_story(settings: Settings = Settings()) -> Story:
    """Three sources, four groups; source c misses group 2; b says something alone (group 4).

    a has a headline, a byline and a boilerplate paragraph; b's second paragraph has markup-like text.
    """
    a = article(
        "a_001",
        ("headline", "Council approves the harbour bridge"),
        ("byline", "By Ada Lovelace"),
        body("The city council approved the new harbour bridge on Monday after a long debate."),
        body("Construction starts in spring and should take three years."),
        body("Critics say the budget of 40 million is far too low."),
        ("boilerplate", "Subscribe to our newsletter for more local news."),
        outlet="Harbour Times",
        date="2025-01-06",
    )
    b = article(
        "b_002",
        body("On Monday the council approved a new bridge over the harbour, after hours of debate."),
        body(MARKUP),
        body("Building begins in spring; the work should last three years."),
        body("The mayor's brother owns the construction firm that won the bid."),
        title="Bridge approved",
    )
    c = article(
        "c_003",
        ("headline", "Harbour bridge gets the green light"),
        body("Councillors gave the harbour bridge the go-ahead on Monday."),
        body("Opponents call the 40 million budget unrealistic."),
        outlet="Coast Post",
    )
    ma, mb, mc = (lambda i: Member("a_001", i)), (lambda i: Member("b_002", i)), (lambda i: Member("c_003", i))
    groups = (
        Group(1, "council · approves · bridge", (ma(2), mb(0), mc(1)),
              (Link(ma(2), mb(0), 0.71), Link(ma(2), mc(1), 0.52), Link(mb(0), mc(1), 0.48))),
        Group(2, "spring · three · years", (ma(3), mb(2)), (Link(ma(3), mb(2), 0.66),)),
        Group(3, "budget · million · critics", (ma(4), mc(2)), (Link(ma(4), mc(2), 0.58),)),
        Group(4, "brother · firm · bid", (mb(3),)),
        Group(5, "bracketed · remark", (mb(1),)),
    )
    def marked(member: Member, *phrases: str, shared: int = 2) -> tuple[Member, Marks]:
        source = {"a_001": a, "b_002": b, "c_003": c}[member.source]
        return member, marks_for(source.paragraphs[member.paragraph].text, *phrases, shared=shared)

    marks = dict([
        marked(ma(2), "after a long debate", shared=3),
        marked(mb(0), "after hours of debate", shared=3),
        marked(mc(1), "Councillors"),
        marked(ma(3)),
        marked(mb(2), "Building"),
        marked(ma(4), "Critics"),
        marked(mc(2), "Opponents"),
        marked(mb(3), "The mayor's brother owns the construction firm that won the bid."),
        marked(mb(1), MARKUP),
    ])
    return Story((a, b, c), groups, marks, settings, ("c_003: no date found",))


def empty_story() -> Story:
    return Story((), (), {}, Settings(), ("no sources given",))


def single_story() -> Story:
    only = article("solo", ("headline", "Alone"), body("One source, one paragraph."), body("And a second one."))
    groups = (Group(1, "one", (Member("solo", 1),)), Group(2, "second", (Member("solo", 2),)))
    marks = {Member("solo", 1): Marks(unique=((0, 10),))}
    return Story((only,), groups, marks, Settings(), ("fewer than two usable sources: nothing to compare",))


def wide_story(sources: int = 12, groups: int = 30) -> Story:
    """Many sources (more than 9 keys and more than fit), each covering every other group."""
    articles = tuple(
        article(
            f"s{n:02d}",
            *(body(f"Source {n} paragraph {g}: " + "word " * (3 + (g * n) % 17)) for g in range(groups)),
            outlet=f"Outlet {n}",
        )
        for n in range(sources)
    )
    grouped = tuple(
        Group(g + 1, f"part {g}", tuple(Member(f"s{n:02d}", g) for n in range(sources) if (g + n) % 2 == 0 or n == 0))
        for g in range(groups)
    )
    orphan_free = {m for grp in grouped for m in grp.members}
    extra = tuple(
        Group(100 + n * groups + g, f"alone {n}/{g}", (Member(f"s{n:02d}", g),))
        for n in range(sources)
        for g in range(groups)
        if Member(f"s{n:02d}", g) not in orphan_free
    )
    marks = {Member(f"s{n:02d}", g): Marks(unique=((0, 6),)) for n in range(sources) for g in range(groups)}
    return Story(articles, grouped + extra, marks, Settings(), ())


# -- the real engine -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def seeds_story(settings: Settings = Settings()) -> Story:
    """The real engine on the bundled seeds (cached: many tests read the same Story)."""

    return build_story(None, settings)


# -- hostile files (bytes as saved from anywhere) ----------------------------------------------------


STORY = "The harbour bridge was approved by the city council on Monday after a long debate about its cost."


MARKUP_BODY = (
    "On Monday the council approved the harbour bridge, after a [bold]long[/] debate [/] about "
    "[link=https://evil.example]the cost[/link] and a lone [ bracket [@click=app.quit]quit[/]."
)


HOSTILE: dict[str, bytes] = {
    "01-osc.txt": (
        "Title with \x1b]0;PWNED\x07 a title change\n\n"
        f"{STORY} \x1b]0;PWNED\x07 Osc inside.\x07\n\n"
        "The \x1b[2J\x1b[H clear screen and \x1b[?1049h alt screen \x1b[?1049l and back. Construction starts in spring.\n"
    ).encode(),
    "02-markup.txt": (
        f"Markup [bold]news[/] today\n\n{MARKUP_BODY}\n\nBuilding begins in spring and should take three years.\n"
    ).encode(),
    "03-bidi.txt": (
        "Bidi \u202eevil\u202c title\n\n"
        "Councillors gave the harbour bridge the go-ahead on Monday \u202edesrever\u202c with a bell\x07 "
        "and C1 \x9b31m red \u2066isolate\u2069.\n\nOpponents call the budget \x1bP+q696e646578\x1b\\ unrealistic.\n"
    ).encode(),
    "04-binary.txt": bytes(range(256)) * 40,
    "05-empty.txt": b"",
    "06-cp1252.txt": (
        "Caf\u00e9 council \u2014 \u201cbridge\u201d approved\n\n"
        "The caf\u00e9 owners cheered as the council approved the harbour bridge on Monday \u2013 na\u00efve critics disagreed.\n"
    ).encode("cp1252"),
    "[bold]07-named-like-markup.txt": b"\x00\x01\x02\x03" * 100,
}


# Two earthquakes told by three outlets each: two stories a split must keep apart.
QUAKE = (
    "A magnitude {mag} earthquake struck {place} on {day}, killing at least {dead} people, officials said.",
    "Rescue teams from {city} searched collapsed buildings near {town} through the night.",
    "The {agency} said the quake was centred {km} kilometres from {town} at a shallow depth.",
    "{leader} visited {town} and promised aid to families who lost their homes in {year}.",
)
EVENTS = {
    "sumatra": {"mag": "7.6", "place": "Sumatra", "day": "Wednesday", "dead": "1,100", "city": "Padang", "town": "Pariaman",
                    "agency": "Indonesian Meteorology Agency", "km": "57", "leader": "Susilo Yudhoyono", "year": "2009"},
    "qeshm": {"mag": "5.9", "place": "Qeshm island", "day": "Sunday", "dead": "13", "city": "Bandar Abbas", "town": "Tabl",
                  "agency": "Iranian Seismological Center", "km": "12", "leader": "Mahmoud Ahmadinejad", "year": "2005"},
}
# Each outlet keeps a different part of the report, as real coverage does.
CUTS = ((0, 1, 2), (0, 2, 3), (0, 1, 3))
