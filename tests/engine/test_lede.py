"""The row a story opens on (Story.lede): where most sources start telling it."""

from __future__ import annotations

from storyview.model import Article, Group, Member, Paragraph, Story


def article(source: str, n: int) -> Article:
    return Article(source, source, tuple(Paragraph(k, "body", f"{source} paragraph {k}.") for k in range(n)))


def test_the_lede_is_what_most_sources_tell_first_not_background_all_repeat_late() -> None:
    """Three sources open with the escape; all four repeat the same background near their end."""
    articles = tuple(article(s, 9) for s in "abcd")
    escape = Group(1, "escape", (Member("a", 0), Member("b", 0), Member("c", 1)))
    background = Group(2, "background", tuple(Member(s, 7) for s in "abcd"))
    story = Story(articles, (escape, background))
    assert story.lede == escape


def test_where_no_group_opens_the_articles_the_most_told_is_the_lede() -> None:
    articles = tuple(article(s, 9) for s in "abc")
    late = Group(1, "late", (Member("a", 6), Member("b", 6)))
    later = Group(2, "later", tuple(Member(s, 8) for s in "abc"))
    assert Story(articles, (late, later)).lede == later
    assert Story(articles, ()).lede is None


def test_of_the_groups_that_open_the_articles_the_most_told_first_wins() -> None:
    articles = tuple(article(s, 6) for s in "abc")
    one = Group(1, "one", (Member("a", 0), Member("b", 0)))
    two = Group(2, "two", tuple(Member(s, 1) for s in "abc"))
    three = Group(3, "three", tuple(Member(s, 2) for s in "abc")[:2])
    assert Story(articles, (one, two, three)).lede == two
