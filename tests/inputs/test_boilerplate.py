"""Web-page debris: cue lines, captions that repeat the headline, teaser blocks.

The seeds show the rules on real pages; the hand-made pages use other wording, so the rules are
shown to be general and not written for the seeds.
"""

from __future__ import annotations

import pytest

from storyview.inputs.boilerplate import classify, is_caption_of, is_cue, off_topic, title_like
from storyview.inputs.parse import parse_article


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in parse_article("x", "x", text).paragraphs]


# ---------------------------------------------------------------- the seeds


def test_seed_000_related_posts_block_and_comment_form(seed_story) -> None:
    a = next(a for a in seed_story.articles if a.id.startswith("000"))
    texts = [p.text for p in a.paragraphs]
    start = texts.index("Related Posts")
    tail = a.paragraphs[start:]
    assert all(p.kind == "boilerplate" for p in tail)
    # The teasers (headline + blurb cut off with an ellipsis) are in that block ...
    assert any(p.text.startswith("Trump Removes National Portrait Gallery Director") for p in tail)
    assert any(p.text.endswith("…") for p in tail)
    # ... and so is the comment form.
    assert texts[-2:] == ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]
    # Everything before the block is the article itself.
    assert [p.kind for p in a.paragraphs[:start]] == ["headline"] + ["body"] * (start - 1)


def test_seed_002_image_caption_repeating_the_headline(seed_story) -> None:
    a = next(a for a in seed_story.articles if a.id.startswith("002"))
    caption = a.paragraphs[1]
    assert caption.text.startswith("Image for NYC Mayor-elect Mamdani")
    assert caption.kind == "boilerplate"
    assert a.paragraphs[0].kind == "headline"
    assert all(p.kind == "body" for p in a.paragraphs[2:])


def test_seeds_without_debris_keep_every_body_paragraph(seed_story) -> None:
    for a in seed_story.articles:
        if a.id[:3] in ("001", "003", "004"):
            assert "boilerplate" not in [p.kind for p in a.paragraphs], a.id


# ---------------------------------------------------------------- hand-made pages, other wording

PAGE = """City Council Approves New Transit Budget

Photo: City Council Approves New Transit Budget

The city council approved a new transit budget of $12 million on Tuesday after a long debate about bus routes.

Share this article

The mayor said the money would buy electric buses for the northern districts, starting next spring.

Sign up for our newsletter to get the latest local news every morning.

You might like the plan or not, but the buses are coming, the mayor told reporters after the vote.

You may also like

Police Chief Announces Retirement After 30 Years

The chief, who led the department through two mayors, said she would step down in…

School Board Weighs Later Start Times
"""


def test_hand_made_page() -> None:
    assert [k for k, _ in kinds(PAGE)] == [
        "headline",
        "boilerplate",  # Photo: <headline>
        "body",
        "boilerplate",  # Share this article
        "body",
        "boilerplate",  # Sign up for our newsletter
        "body",  # "You might like the plan..." is a sentence of the story
        "boilerplate",  # You may also like
        "boilerplate",  # teaser headline
        "boilerplate",  # teaser blurb cut off
        "boilerplate",  # teaser headline
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Related Articles",
        "More Stories",
        "Recommended for you",
        "Editor's picks",
        "You may also like",
        "You might also enjoy:",
        "Read more: Mayor unveils transit plan",
        "READ MORE",
        "See also",
        "More from CNN",
        "Share this article",
        "Share on Facebook",
        "Tweet",
        "Sign up for our newsletter",
        "Subscribe now for free",
        "Leave a comment",
        "12 Comments",
        "Advertisement",
        "Sponsored content",
        "Skip to main content",
        "© 2025 The Daily Example. All rights reserved.",
        "Copyright 2025 Example Media",
        "Tags: transit, budget, city council",
        "Photo: Jane Doe for The Example",
        "Photo by Spencer Platt/Getty Images",
        "Spencer Platt/Getty Images",
    ],
)
def test_cue_lines(line: str) -> None:
    assert is_cue(line)


@pytest.mark.parametrize(
    "line",
    [
        "You might like the new mayor or not, but he won the election.",
        "See more police on the streets, the mayor promised on Tuesday.",
        "More in the city are expected to protest on Friday against the plan.",
        "Copyright law is changing, experts said.",
        "Share prices fell sharply after the announcement on Tuesday.",
        "The council shared the plan with residents on Tuesday.",
        "Related: the mayor's plan would cost $12 million, officials said.",
    ],
)
def test_sentences_of_a_story_are_not_cues(line: str) -> None:
    assert not is_cue(line)


def test_caption_of_the_headline_in_other_wordings() -> None:
    title = "Mayor Unveils Plan For Electric Buses"
    for caption in (f"Photo: {title}", f"Image of {title}", f"Picture - {title}", f"Caption: {title}"):
        assert is_caption_of(caption, title), caption
    assert not is_caption_of("Photo: a bus depot in the Bronx", title)
    assert not is_caption_of(f"Photo: {title}", None)


def test_repeated_headline_is_boilerplate() -> None:
    text = "Mayor Unveils Plan For Electric Buses\n\nMayor Unveils Plan For Electric Buses\n\nThe mayor unveiled a plan."
    assert [k for k, _ in kinds(text)] == ["headline", "boilerplate", "body"]


def test_teasers_only_follow_a_section_cue() -> None:
    # A headline-like subheading inside the article is not a teaser.
    text = (
        "The council approved the budget on Tuesday after a debate that ran late into the night, "
        "with members arguing about bus routes and the cost of electric buses for the north.\n\n"
        "What Happens Next\n\n"
        "The plan goes to the mayor, who is expected to sign it this week."
    )
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]


def test_a_read_more_link_mid_article_does_not_swallow_the_rest() -> None:
    long_para = (
        "The council approved the budget on Tuesday after a debate that ran late into the night, "
        "with members arguing about bus routes and the cost of electric buses for the north. "
        "The vote was close, and the mayor is expected to sign the plan this week."
    )
    text = f"{long_para}\n\nRead more: Mayor Unveils Plan\n\n{long_para} Again.\n\nWhat Happens Next\n\nMore text."
    assert [k for k, _ in kinds(text)] == ["body", "boilerplate", "body", "body", "body"]


def test_headline_ending_in_a_quote_is_title_like_but_a_quoted_sentence_is_not() -> None:
    assert title_like("Trump Calls Mamdani a “Communist”")
    assert not title_like("He said: “We will win.”")


def test_classify_leaves_non_body_kinds_alone() -> None:
    assert classify(["Share this article", "By Jane Doe"], ["headline", "byline"], None) == ["headline", "byline"]


def test_off_topic_tail_is_folded_when_there_are_other_sources() -> None:
    body = (
        "The city council approved a transit budget for electric buses on Tuesday.\n\n"
        "The mayor said electric buses would serve the northern districts of the city.\n\n"
        "Council members debated the transit budget and the bus routes for hours.\n\n"
        "Critics said the transit budget ignored the subway and its riders.\n\n"
    )
    teaser = "Wrestling Legend Hangs Up His Boots\n\n" \
             "A famous wrestler retired from the ring after thirty years of matches and championships."
    other = (
        "On Tuesday the council passed a budget that buys electric buses for the city.\n\n"
        "Critics of the transit budget said subway riders were left out of the bus plan."
    )
    a, b = parse_article("a", "a", body + teaser), parse_article("b", "b", other)
    folded, _ = off_topic([a, b])
    # Another story's teaser, headline and lede, trailing the article off its topic.
    assert [p.kind for p in folded.paragraphs] == ["body"] * 4 + ["boilerplate"] * 2
    # Alone, an article has no story to be off.
    assert off_topic([a]) == (a,)
    # The same sentence with no teaser headline over it has no shape of debris: off its topic
    # is not enough to lose an article's last line (issue 18.3).
    lone = parse_article("a", "a", body + teaser.split("\n\n")[1])
    kept, _ = off_topic([lone, b])
    assert [p.kind for p in kept.paragraphs] == ["body"] * 5


def test_a_last_paragraph_with_a_fact_of_its_own_is_not_folded() -> None:
    # It shares only a word or two with the story, as a source's own last fact does: it stays.
    wire = parse_article("wire", "wire", (
        "Part of the Kestrel Street Bridge fell into the Wren River on Tuesday, taking two buses with it.\n\n"
        "Four people suffered minor injuries, the fire department said.\n\n"
        "The bridge had failed an inspection in 2029, and repairs were delayed for lack of money.\n\n"
        "Repair costs were estimated at $42 million by the state transport agency."
    ))
    herald = parse_article("herald", "herald", (
        "A section of the Kestrel Street Bridge collapsed on Tuesday, sending two buses into the Wren River.\n\n"
        "Repairs had been postponed after the bridge failed an inspection in 2029."
    ))
    folded, _ = off_topic([wire, herald])
    assert [p.kind for p in folded.body] == ["body"] * 4


@pytest.mark.parametrize("line", [
    "Subscribe to the Alder Herald for more local news.",
    "Support our journalism: become a member today.",
    "Become a subscriber to read every story.",
])
def test_subscription_appeals_are_cues(line: str) -> None:
    assert is_cue(line)


def test_a_sentence_about_subscribers_is_no_cue() -> None:
    assert not is_cue("Subscribers to the service rose by a third, the company said.")
