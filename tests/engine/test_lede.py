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


def test_the_group_most_articles_begin_with_wins_over_one_they_all_tell_second() -> None:
    """Two of three reports begin with `one`; all three tell `two` next: the story starts at `one`."""
    articles = tuple(article(s, 6) for s in "abc")
    one = Group(1, "one", (Member("a", 0), Member("b", 0)))
    two = Group(2, "two", tuple(Member(s, 1) for s in "abc"))
    three = Group(3, "three", tuple(Member(s, 2) for s in "abc")[:2])
    assert Story(articles, (one, two, three)).lede == one


def test_a_fire_most_reports_begin_with_opens_it_not_the_damage_all_give_next() -> None:
    """14 of 18 reports begin with the church fire; 18 give the damage as their second or third
    sentence (ECB+ 13_ecb, which had opened on "Estimated damage is in the vicinity of $1 million")."""
    articles = tuple(article(f"s{n}", 12) for n in range(18))
    fire = Group(1, "fire", tuple(Member(f"s{n}", 0) for n in range(14)))
    damage = Group(2, "damage", tuple(Member(f"s{n}", 1 + n % 2) for n in range(18)))
    assert Story(articles, (damage, fire)).lede == fire


def test_one_article_beginning_with_a_group_does_not_outweigh_what_most_tell_early() -> None:
    articles = tuple(article(s, 9) for s in "abcd")
    odd = Group(1, "odd", (Member("a", 0), Member("b", 4)))
    main = Group(2, "main", tuple(Member(s, 1) for s in "abcd"))
    assert Story(articles, (odd, main)).lede == main
