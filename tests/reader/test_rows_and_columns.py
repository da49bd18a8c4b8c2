"""The reader's pure helpers: rows in group order, unique passages in reading order, columns that
fit the width, short source ids, and the consistency of the hand-made Stories."""

from __future__ import annotations

from story_factories import article, body, empty_story, single_story, tiny_story, wide_story
from storyview.model import Group, Member, Story
from storyview.reader.widgets.columns import columns_that_fit, lay_out, slide_window
from storyview.reader.widgets.rows import Passage, StoryIndex, next_passage, short_id


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


def test_a_wire_credit_heads_a_column_only_where_nothing_else_names_who_wrote_it() -> None:
    credit = ("byline", "(Reporting by Ann Reid; Editing by Tom Okafor)")
    lines = (("headline", "Bridge shut"), body("A barge struck the bridge."), credit)
    named = article("a", *lines, byline="Ann Reid; Tom Okafor", outlet="Reuters")
    outlet_only = article("b", *lines, outlet="Reuters")
    by_line = article("c", ("byline", "By Ann Reid"), *lines)
    bare = article("d", *lines)
    index = StoryIndex(Story((named, outlet_only, by_line, bare), (), {}, tiny_story().settings))
    assert index.byline(named) == "Ann Reid; Tom Okafor"
    assert index.byline(outlet_only) is None
    assert index.byline(by_line) == "By Ann Reid"
    assert index.byline(bare) == credit[1]


def test_with_a_base_the_fold_hides_the_runs_the_base_does_not_tell() -> None:
    """A short base puts every row it leaves out after its paragraph they follow (72 rows between
    two base paragraphs on an ECB+ set, try25): folded, each such run is one strip that says so;
    what the base tells, alone or with others, stays in view."""
    from storyview.reader.widgets.fold import Folding, Run, fold_by_default, strip_words
    from storyview.reader.widgets.rows import Row

    def row(number: int, *sources: str) -> Row:
        return Row({s: (Member(s, number),) for s in sources}, Group(number, tuple(Member(s, number) for s in sources), "x"),
                   number)

    rows = [row(1, "a", "b"), row(2, "b", "c"), row(3, "c"), row(4, "a"), row(5, "b", "c"), row(6, "c")]
    position = {"a": 0, "b": 1, "c": 2}
    assert [(r.start, r.end) for r in Folding(rows, True).runs] == [(2, 4), (5, 6)]  # one source's rows
    based = Folding(rows, True, "a")
    assert [(r.start, r.end) for r in based.runs] == [(1, 3), (4, 6)]
    assert based.run_of(0) is None and based.run_of(3) is None  # the base's rows, its own one too
    assert strip_words(rows, Run(1, 3), position) == "not in the base · in 2, 3 · 2 rows"
    assert strip_words(rows, Run(2, 3), position) == "only in 3 · 1 paragraph"
    assert not fold_by_default(rows[:2] + rows[3:4]) and fold_by_default(rows, "a")
