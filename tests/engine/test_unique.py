"""Unique spans: the text of a paragraph that no other source carries."""

from __future__ import annotations

from story_factories import told as story
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings
from storyview.pipeline import story_from
from storyview.engine.unique import word_diff


def unique_texts(story, member: Member) -> list[str]:
    text = story.paragraph(member).text
    return [text[s:e] for s, e in story.unique(member)]


def covered(story, source_prefix: str, phrase: str) -> list[bool]:
    """For every occurrence of `phrase` in the source: is each of its letters inside a unique span?"""
    article = next(a for a in story.articles if a.id.startswith(source_prefix))
    out = []
    for p in article.paragraphs:
        at = p.text.find(phrase)
        while at >= 0:
            spans = story.unique(Member(article.id, p.index))
            letters = [i for i in range(at, at + len(phrase)) if p.text[i].isalnum()]
            out.append(all(any(s <= i < e for s, e in spans) for i in letters))
            at = p.text.find(phrase, at + 1)
    assert out, f"{phrase!r} not in {source_prefix}"
    return out


def test_figure_only_cnn_gives_is_unique(seed_story) -> None:
    assert covered(seed_story, "004", "$75 billion") == [True]


def test_hashtag_only_cnn_quotes_is_unique(seed_story) -> None:
    assert covered(seed_story, "004", "#DefundTheNYPD") == [True]


def test_name_two_sources_give_is_not_unique(seed_story) -> None:
    assert covered(seed_story, "002", "Jessica Tisch") == [False]
    assert covered(seed_story, "004", "Jessica Tisch") == [False]
    assert not any("Tisch" in t for a in seed_story.articles for p in a.body
                   for t in unique_texts(seed_story, Member(a.id, p.index)))


def test_quote_several_sources_carry_is_not_unique(seed_story) -> None:
    art = next(a for a in seed_story.articles if a.id.startswith("003"))
    p = next(p for p in art.paragraphs if "Join an agency that respects you" in p.text)
    start = p.text.index("Join an agency that respects you")
    end = start + len("Join an agency that respects you")
    assert all(e <= start or s >= end for s, e in seed_story.unique(Member(art.id, p.index)))


def test_only_body_paragraphs_have_unique_text(seed_story) -> None:
    for a in seed_story.articles:
        for p in a.paragraphs:
            if p.kind != "body":
                assert seed_story.unique(Member(a.id, p.index)) == ()


def test_spans_start_and_end_on_words(seed_story) -> None:
    for a in seed_story.articles:
        for p in a.body:
            for s, e in seed_story.unique(Member(a.id, p.index)):
                assert p.text[s].isalnum() or p.text[s] in "$#@£€¥", (a.id, p.text[s:e])
                assert p.text[e - 1].isalnum() or p.text[e - 1] == "%", (a.id, p.text[s:e])


def test_a_number_only_one_source_gives_is_unique() -> None:
    s = story(
        "The city council approved a new transit budget of $12 million on Tuesday after a long debate.",
        "On Tuesday the city council approved a new transit budget after a long debate.",
    )
    assert unique_texts(s, Member("a", 0)) == ["$12 million"]
    assert unique_texts(s, Member("b", 0)) == []


def test_a_count_written_in_words_that_only_one_source_gives_is_unique() -> None:
    s = story(
        "Three workers were injured when fire swept through the Harlow Mill warehouse on Friday.",
        "Five workers were injured when fire swept through the Harlow Mill warehouse on Friday.",
        "Two workers were injured when fire swept through the Harlow Mill warehouse on Friday.",
    )
    assert unique_texts(s, Member("a", 0)) == ["Three"]
    assert unique_texts(s, Member("b", 0)) == ["Five"]
    assert unique_texts(s, Member("c", 0)) == ["Two"]


def test_an_identical_sentence_in_two_sources_is_not_unique() -> None:
    same = "The mayor said the money would buy electric buses for the northern districts."
    s = story(
        f"{same} Critics called the plan a waste of money.",
        f"Supporters praised the plan at a rally. {same}",
    )
    assert all(start >= len(same) for start, _ in s.unique(Member("a", 0)))
    assert "Critics" in " ".join(unique_texts(s, Member("a", 0)))
    assert "Supporters praised" in " ".join(unique_texts(s, Member("b", 0)))
    assert not any("electric buses" in t for m in (Member("a", 0), Member("b", 0)) for t in unique_texts(s, m))


def test_a_name_only_one_source_gives_is_unique() -> None:
    s = story(
        "Police Commissioner Jane Smith said officers would patrol the new bus depots overnight.",
        "The police commissioner said officers would patrol the new bus depots overnight.",
    )
    assert unique_texts(s, Member("a", 0)) == ["Jane Smith"]


def test_a_sentence_no_other_source_tells_is_unique_whole() -> None:
    s = story(
        "The council approved the transit budget on Tuesday. A famous wrestler was seen at the vote.",
        "The council approved the transit budget on Tuesday.",
    )
    assert unique_texts(s, Member("a", 0)) == ["famous wrestler was seen at the vote"]


def test_identical_sources_have_nothing_unique() -> None:
    text = "The council approved the transit budget on Tuesday.\n\nThe mayor will sign it this week."
    s = story(text, text)
    assert all(not marks.unique for marks in s.marks.values())


def test_support_counts_sources(seed_story) -> None:
    n = len(seed_story.articles)
    for marks in seed_story.marks.values():
        for sup in marks.support:
            assert 1 <= sup.sources <= n


def test_word_diff_spans() -> None:
    a, b = "The council approved $12 million today.", "The council approved $15 million today."
    ops = word_diff(a, b)
    replaced = [(sa, sb) for tag, sa, sb in ops if tag != "equal"]
    assert any(sa and a[sa[0]:sa[1]] == "$12" for sa, _ in replaced)
    assert any(sb and b[sb[0]:sb[1]] == "$15" for _, sb in replaced)


def test_an_approximate_figure_another_source_gives_is_shared() -> None:
    a = parse_article("a", "a.txt", "The agency wants to hire thousands of new officers by spring.\n\nLocal unions objected.")
    b = parse_article("b", "b.txt", "Its goal is to add thousand more agents nationwide, officials said.\n\nThe mayor was silent.")
    story = story_from(Loaded([a, b]), Settings())
    para = a.paragraphs[0]
    spans = story.unique(Member("a", para.index))
    at = para.text.index("thousands")
    assert not any(s <= at < e for s, e in spans)


def test_the_story_common_ground_is_never_marked_inside_a_shared_sentence(seed_story) -> None:
    # 002's lead: every outlet says "New York" and "NYPD"; only 002 names Leeroy Johnson.
    from storyview.model import Member

    lead = next(a for a in seed_story.articles if a.id.startswith("002"))
    para = next(p for p in lead.body if p.text.startswith("New York City Mayor-elect Zohran Mamdani has firmly"))
    marked = [para.text[s:e] for s, e in seed_story.unique(Member(lead.id, para.index))]
    assert any("Leeroy Johnson" in m for m in marked)
    assert not any(m.startswith(("New York", "NYPD")) or m.endswith(("New", "NYPD")) for m in marked), marked


def test_a_number_in_groups_of_three_is_marked_whole_or_not_at_all() -> None:
    """ "12 000 000 Euro" against "12 Millionen Euro": a mark had taken "000 000" and left the 12 (try16)."""
    s = story("Der Sturm richtete in Oslo einen Schaden von 12 000 000 Euro an, teilte die Stadt am Montag mit.",
              "Der Sturm richtete in Oslo einen Schaden von 12 Millionen Euro an, teilte die Stadt am Montag mit.",
              "In Oslo richtete der Sturm einen Schaden von zwölf Millionen Euro an, so die Stadt.")
    text = s.articles[0].body[0].text
    number = (text.index("12 000 000"), text.index("12 000 000") + len("12 000 000"))
    for a, b in s.unique(Member(s.articles[0].id, s.articles[0].body[0].index)):
        assert b <= number[0] or a >= number[1] or (a <= number[0] and b >= number[1]), text[a:b]
