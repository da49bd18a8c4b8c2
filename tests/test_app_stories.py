"""Hand-made Stories for the reader's edge cases, and tests of the reader's pure helpers.

The factories here are imported by test_app*.py and test_snapshots.py (pytest puts this
folder on sys.path). Each Story is small enough to reason about by eye.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from storyview.reader.app import StoryviewApp
from storyview.model import Article, Group, Link, Marks, Member, Paragraph, Settings, Story, Support
from storyview.reader.widgets.columns import columns_that_fit, lay_out, slide_window
from storyview.reader.widgets.rows import Passage, StoryIndex, next_passage, short_id
from textual.pilot import Pilot

MARKUP = "A [bold]bracketed[/] remark and [red]more[/red] stay literal."


def article(id: str, *paragraphs: tuple[str, str], **meta: str) -> Article:
    """An article from (kind, text) pairs."""
    return Article(
        id=id,
        path=f"/tmp/{id}.txt",
        paragraphs=tuple(Paragraph(i, kind, text) for i, (kind, text) in enumerate(paragraphs)),  # type: ignore[arg-type]
        **meta,
    )


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


# -- running the app -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def seeds_story(settings: Settings = Settings()) -> Story:
    """The real engine on the bundled seeds (cached: many tests read the same Story)."""
    from storyview.pipeline import build_story

    return build_story(None, settings)


def seeds_app(settings: Settings = Settings()) -> StoryviewApp:
    return StoryviewApp(build=seeds_story, settings=settings)


async def ready(pilot: Pilot[Any]) -> None:
    """Wait until the build worker has delivered a Story (and no rebuild is pending)."""
    app = pilot.app
    assert isinstance(app, StoryviewApp)
    for _ in range(300):
        if app.story is not None and app.pending is None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def grid_text(app: StoryviewApp) -> str:
    """What the grid shows, as plain text (every line, top to bottom)."""
    grid = app.main.grid
    return "\n".join(grid.render_line(y).text for y in range(grid.size.height))


def status_text(app: StoryviewApp) -> str:
    from storyview.reader.widgets.status import StatusLine

    return str(app.main.query_one(StatusLine).render())


def record_notifications(app: StoryviewApp) -> list[str]:
    """Every notification message from now on (the app still shows them)."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        messages.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return messages


# -- pure helpers ---------------------------------------------------------------------------------


def test_rows_put_body_paragraphs_in_group_order_and_fold_the_rest() -> None:
    index = StoryIndex(tiny_story())
    rows = index.rows(show_boilerplate=False)
    assert [row.label for row in rows] == [g.label for g in tiny_story().groups]
    assert [row.number for row in rows] == [1, 2, 3, 4, 5]
    assert "c_003" not in rows[1].cells  # the gap the grid shows as "not covered"
    with_boilerplate = index.rows(show_boilerplate=True)
    assert len(with_boilerplate) == 6 and with_boilerplate[-1].boilerplate
    assert with_boilerplate[-1].cells == {"a_001": (Member("a_001", 5),)}
    assert index.headline(index.by_id["a_001"]) == "Council approves the harbour bridge"
    assert index.byline(index.by_id["a_001"]) == "By Ada Lovelace"
    assert index.headline(index.by_id["b_002"]) == "Bridge approved"  # title when no headline paragraph


def test_unaligned_body_paragraph_still_gets_a_row_after_its_predecessor() -> None:
    story = tiny_story()
    story = Story(story.articles, tuple(g for g in story.groups if g.id != 2), story.marks, story.settings)
    rows = StoryIndex(story).rows(False)
    labels = [row.label for row in rows]
    # a¶3 follows a¶2 (group 1); b¶2 follows b¶1, which the aligner put in the last group.
    assert labels == ["council · approves · bridge", "(unaligned)", "budget · million · critics",
                      "brother · firm · bid", "bracketed · remark", "(unaligned)"]
    assert rows[1].cells == {"a_001": (Member("a_001", 3),)}
    assert rows[-1].cells == {"b_002": (Member("b_002", 2),)}


def test_two_paragraphs_of_one_source_share_a_cell() -> None:
    a = article("a", body("one"), body("two"), body("three"))
    b = article("b", body("uno"))
    groups = (Group(1, "x", (Member("a", 0), Member("a", 1), Member("b", 0))), Group(2, "y", (Member("a", 2),)))
    story = Story((a, b), groups)
    rows = StoryIndex(story).rows(False)
    assert rows[0].cells["a"] == (Member("a", 0), Member("a", 1))
    assert len(rows) == 2


def test_unique_passages_are_in_reading_order() -> None:
    passages = StoryIndex(tiny_story()).unique_passages()
    keys = [(p.row, p.column, p.start) for p in passages]
    assert keys == sorted(keys)
    start = tiny_story().articles[0].paragraphs[2].text.index("after a long debate")
    assert passages[0] == Passage(0, 0, 2, start, start + len("after a long debate"), "a_001")


def test_next_passage_wraps_both_ways() -> None:
    passages = [Passage(r, 0, 0, 0, 1, "s") for r in (1, 4, 7)]
    here = Passage(4, 0, 0, 0, 1, "s")
    assert next_passage(passages, here, True) == (passages[2], False)
    assert next_passage(passages, here, False) == (passages[0], False)
    assert next_passage(passages, passages[2], True) == (passages[0], True)
    assert next_passage(passages, passages[0], False) == (passages[2], True)
    assert next_passage([], here, True) == (None, False)


def test_columns_fit_the_width_and_the_window_follows_the_focus() -> None:
    assert columns_that_fit(79, 5) == 3
    assert columns_that_fit(199, 5) == 5
    assert columns_that_fit(39, 5) == 1
    assert columns_that_fit(10, 5) == 1
    assert columns_that_fit(100, 0) == 0
    assert slide_window(0, 3, 4, 5) == 2
    assert slide_window(2, 3, 1, 5) == 1
    assert slide_window(1, 3, 2, 5) == 1
    columns = lay_out(["a", "b", "c"], 79)
    assert [c.x for c in columns] == [0, 27, 54] and columns[-1].end == 79


def test_short_id_keeps_the_number_of_a_seed_name() -> None:
    assert short_id(article("000_77808fc77837df52")) == "000"
    assert short_id(article("verylongidentifier")) == "verylongidentifier"
    both = ["2031_herald", "2031_wire"]
    assert short_id(article("2031_herald"), both) == "2031_herald"  # not "2031": 2031_wire must stay apart
    assert short_id(article("a_herald"), ["a_herald", "b_wire"]) == "a_herald"  # not "a"
    assert short_id(article("2031-03-03_blog")) == "2031-03-03_blog"  # not a date it does not have
    ids = ["000_77808fc77837df52", "000_0b1f90e86e75de80"]
    assert short_id(article(ids[0]), ids) == ids[0]


def test_factories_make_consistent_stories() -> None:
    for story in (tiny_story(), single_story(), wide_story(), empty_story()):
        ids = {a.id for a in story.articles}
        for group in story.groups:
            for member in group.members:
                assert member.source in ids
                assert story.paragraph(member)
        for member, marks in story.marks.items():
            text = story.paragraph(member).text
            assert all(0 <= s < e <= len(text) for s, e in marks.unique)
            assert all(0 <= r.start < r.end <= len(text) for r in marks.support)
