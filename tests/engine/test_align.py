"""Grouping body paragraphs by the part of the story they tell."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from story_factories import told as story
from storyview.inputs.load import Loaded

from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings
from storyview.pipeline import story_from


def member(story, prefix: str, starts: str) -> Member:
    a = next(a for a in story.articles if a.id.startswith(prefix))
    p = next(p for p in a.paragraphs if p.text.startswith(starts))
    return Member(a.id, p.index)


def test_dhs_recruitment_paragraph_groups_with_its_rewrite(seed_story) -> None:
    dhs = member(seed_story, "000", "The Department of Homeland Security (DHS) has launched")
    rewrite = member(seed_story, "001", "Following the election of Zohran Mamdani")
    assert seed_story.group_of(dhs) is seed_story.group_of(rewrite)


def test_rewrite_pairs_follow_the_article_order(seed_story) -> None:
    # 001 rewrites 000 paragraph by paragraph.
    pairs = [
        ("This is not the first time", "The initiative reflects previous strategies"),
        ("President Donald Trump has been a vocal critic", "Trump has been openly critical of Mamdani"),
        ("During a recent press conference", "During a press event announcing"),
    ]
    for a, b in pairs:
        assert seed_story.group_of(member(seed_story, "000", a)) is seed_story.group_of(member(seed_story, "001", b))


def test_the_same_quote_groups_across_outlets(seed_story) -> None:
    # 002 and 004 both quote "work for a President and a Secretary who support and defend law enforcement".
    a = member(seed_story, "002", "In response to Mamdani's firm stance")
    b = member(seed_story, "004", "On Friday, ICE posted a recruitment message")
    assert seed_story.group_of(a) is seed_story.group_of(b)


def test_every_body_paragraph_in_exactly_one_group(seed_story) -> None:
    counts = Counter(m for g in seed_story.groups for m in g.members)
    body = {Member(a.id, p.index) for a in seed_story.articles for p in a.body}
    assert set(counts) == body
    assert set(counts.values()) == {1}


def test_no_boilerplate_headline_or_byline_in_groups(seed_story) -> None:
    for g in seed_story.groups:
        for m in g.members:
            assert seed_story.paragraph(m).kind == "body", m


def test_groups_are_numbered_and_labelled(seed_story) -> None:
    assert [g.id for g in seed_story.groups] == list(range(1, len(seed_story.groups) + 1))
    assert all(g.label for g in seed_story.groups)


def test_group_members_follow_source_order_and_stay_contiguous(seed_story) -> None:
    order = [a.id for a in seed_story.articles]
    for g in seed_story.groups:
        ranks = [order.index(m.source) for m in g.members]
        assert ranks == sorted(ranks)
        for source in set(g.sources):
            body_rank = {p.index: r for r, p in enumerate(seed_story.article(source).body)}
            mine = sorted(body_rank[m.paragraph] for m in g.members if m.source == source)
            assert mine == list(range(mine[0], mine[0] + len(mine)))


def test_each_source_reads_top_to_bottom(seed_story) -> None:
    for a in seed_story.articles:
        seen = [m.paragraph for g in seed_story.groups for m in g.members if m.source == a.id]
        assert seen == sorted(seen), a.id


def test_links_are_scores_between_members_of_different_sources(seed_story) -> None:
    for g in seed_story.groups:
        for link in g.links:
            assert link.a in g.members and link.b in g.members
            assert link.a.source != link.b.source
            assert 0 <= link.score <= 1


A = (
    "The city council approved a transit budget of $12 million on Tuesday after a long debate.\n\n"
    "Police Commissioner Jane Smith said officers would patrol the new bus depots overnight."
)
B = (
    "Officers will guard the bus depots at night, Police Commissioner Jane Smith told reporters.\n\n"
    "On Tuesday, after a long debate, the city council passed the transit budget."
)


def test_near_misses_point_outside_the_group_one_per_source_best_first(seed_story) -> None:
    body = {Member(a.id, p.index) for a in seed_story.articles for p in a.body}
    assert seed_story.near, "the seeds have close paragraphs in other groups"
    for member, links in seed_story.near.items():
        assert member in body
        assert [l.score for l in links] == sorted((l.score for l in links), reverse=True)
        assert len({l.b.source for l in links}) == len(links)
        for link in links:
            assert link.a == member and link.b in body and link.b.source != member.source
            assert seed_story.group_of(link.b) is not seed_story.group_of(member)
            assert seed_story.settings.threshold / 2 < link.score <= 1


def test_near_misses_find_the_lead_told_in_other_words(seed_story) -> None:
    # CNN's lead (ICE "using Mamdani's victory to recruit police officers") and the DHS
    # recruitment paragraph tell the same thing in other words; if they are not grouped, the
    # DHS paragraph is the closest of its source.
    cnn = member(seed_story, "004", "(CNN) — US Immigration and Customs Enforcement is using")
    dhs = member(seed_story, "000", "The Department of Homeland Security (DHS) has launched")
    if seed_story.group_of(cnn) is not seed_story.group_of(dhs):
        assert dhs in [l.b for l in seed_story.near[cnn]]


def test_hand_made_paraphrases_group_even_out_of_order() -> None:
    s = story(A, B)
    assert s.group_of(Member("a", 0)) is s.group_of(Member("b", 1))
    assert s.group_of(Member("a", 1)) is s.group_of(Member("b", 0))
    assert len(s.groups) == 2


def test_unrelated_paragraphs_stay_apart() -> None:
    s = story(A, "A famous wrestler retired from the ring after thirty years of championship matches.")
    assert all(len(g.members) == 1 for g in s.groups)


def test_a_stricter_threshold_never_merges_more() -> None:
    loose = story(A, B, settings=Settings(threshold=0.1))
    strict = story(A, B, settings=Settings(threshold=0.9))
    assert len(strict.groups) >= len(loose.groups)
    assert all(len(g.members) == 1 for g in strict.groups)


def test_one_source_alone_makes_groups_of_one() -> None:
    s = story(A)
    assert [g.members for g in s.groups] == [(Member("a", 0),), (Member("a", 1),)]
    assert "fewer than two usable sources" in s.warnings[-1]


def test_no_source_at_all() -> None:
    s = story()
    assert s.groups == () and s.articles == ()


def test_a_source_from_another_story_is_named_in_a_warning(seed_story) -> None:
    assert not any("share no part of the story" in w for w in seed_story.warnings)
    texts = {
        "a": "The city council approved a transit budget for electric buses on Tuesday after a long debate.",
        "b": "On Tuesday the council passed a budget that buys electric buses for the city.",
        "c": "A famous wrestler retired from the ring after thirty years of matches and championships.",
    }
    story = story_from(Loaded([parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())
    assert [w for w in story.warnings if "share no part" in w] == [
        "1 of 3 sources share no part of the story with the others (another story?): c"
    ]


def test_two_copies_of_an_article_line_up_paragraph_by_paragraph() -> None:
    from storyview.inputs.bundled import seeds_dir

    text = sorted(seeds_dir().glob("001_*.txt"))[0].read_text(encoding="utf-8")
    s = story_from(Loaded(articles=[parse_article("a", "a.txt", text), parse_article("b", "b.txt", text)]), Settings())
    body = len(s.article("a").body)
    assert body > 3
    assert len(s.groups) == body
    assert all([m.source for m in g.members] == ["a", "b"] for g in s.groups)


def test_a_group_label_is_never_empty() -> None:
    s = story("🚒🔥 🚒🔥🔥 🌉", "🚒🔥 🚒🔥🔥 🌉 💥", "Council approves the city budget.")
    assert all(g.label for g in s.groups)


def test_a_source_with_no_body_has_its_own_warning() -> None:
    texts = {
        "a": "The city council approved a transit budget for electric buses on Tuesday after a long debate.",
        "b": "On Tuesday the council passed a budget that buys electric buses for the city.",
        "h": "Only A Headline Here About DHS And NYPD",
    }
    articles = {k: parse_article(k, f"{k}.txt", t) for k, t in texts.items()}
    assert not articles["h"].body
    three = story_from(Loaded(list(articles.values())), Settings())
    assert three.warnings == ("h.txt: no body text to line up",)
    # With one other source, that other is not blamed for sharing nothing.
    two = story_from(Loaded([articles["a"], articles["h"]]), Settings())
    assert two.warnings == ("h.txt: no body text to line up", "fewer than two sources with body text: nothing to compare")


def test_a_group_is_named_by_a_sentence_that_tells_something() -> None:
    """Two sources say only "Trust me."; the sentence that names their group is the telling one."""
    body = "The actress checked into a rehab clinic in Malibu on Friday, her publicist said."
    s = story(
        f"Actress in rehab\n\n{body}\n\nTrust me.",
        f"Star enters rehab\n\n{body}\n\nTrust me, my body is tired.",
        f"Rehab for actress\n\n{body}\n\nTrust me.",
    )
    trust = [g for g in s.groups if any("Trust" in s.paragraph(m).text for m in g.members)]
    assert len(trust) == 1 and len(set(trust[0].sources)) == 3
    assert trust[0].label == "Trust me, my body is tired."


def test_a_count_in_words_meets_the_same_count_in_digits() -> None:
    """Five reports of a ferry fire (written for a tryout, in tests/engine/ferry/): Reuters' lede,
    "... evacuation of 40 passengers and six crew", stood alone while its background paragraph,
    which shares the ferry's name, took its place in the row of the others' "Forty passengers
    and six crew ..."."""
    folder = Path(__file__).with_name("ferry")
    articles = [parse_article(f.stem, str(f), f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.txt"))]
    story_ = story_from(Loaded(articles=articles), Settings())
    lede = next(g for g in story_.groups if any(m.source == "bbc" for m in g.members))
    reuters = [m.paragraph for m in lede.members if m.source == "reuters"]
    assert reuters and story_.article("reuters").paragraphs[reuters[0]].text.startswith("A fire broke out on a ferry")


def test_where_sources_disagree_on_order_the_one_that_differs_gives_way() -> None:
    # b and c tell the crash before the rescue; a alone tells the rescue first. Late in b and c,
    # the rescue is on average earlier than the crash: position alone would lead with it.
    crash = "The bus skidded off the icy mountain road near Tarvisio and rolled down the slope."
    rescue = "Firefighters cut open the wreck overnight and carried eleven passengers to safety."
    b = "The season's first snow closed three passes on Monday.\n\nSchools in the valley stayed shut."
    c = "Ski resorts opened a week early this winter.\n\nHotels reported full bookings until March."
    s = story(f"{rescue}\n\n{crash}", f"{b}\n\n{crash}\n\n{rescue}", f"{c}\n\n{crash}\n\n{rescue}")
    assert len(s.groups) == 6
    for source in "bc":
        seen = [m.paragraph for g in s.groups for m in g.members if m.source == source]
        assert seen == sorted(seen), source


def test_two_paragraphs_that_share_only_when_are_not_one_row() -> None:
    """try28: "attended Ben's wedding a couple of years ago" and "co-founded the company 12 years
    ago" were one row, on "years ago" alone; a time shared beside a name still counts."""
    first = ("Plane lost off Vancouver Island\n\nThe floatplane vanished near Hornby Island with six people aboard.\n\n"
             "The O'Higgins attended Ben's wedding a couple of years ago, neighbours said.\n\n"
             "Harbour Air grounded its fleet on Tuesday while Banky waited for news.")
    second = ("Floatplane missing near Hornby Island\n\nSix people were aboard the floatplane that vanished near Hornby Island.\n\n"
              "The statement said Mr. Banky co-founded the company 12 years ago.\n\n"
              "On Tuesday Harbour Air grounded every plane of its fleet.")
    told_ = story(first, second, settings=Settings(semantic=False))
    rows = [{told_.paragraph(m).text for m in g.members} for g in told_.groups]
    assert not any(any("wedding" in t for t in row) and any("co-founded" in t for t in row) for row in rows)
    assert any(any("grounded its fleet" in t for t in row) and any("every plane" in t for t in row) for row in rows)
