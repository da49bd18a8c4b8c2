"""The pipeline's notes on a story: which sources share no part of it with the others."""

from __future__ import annotations

from storyview.model import Article, Group, Member, Paragraph, Settings
from storyview.pipeline import story_notes

REPORT = ["Hostility has been mounting this week in East Flatbush after two plainclothes officers fatally "
          "shot a teenager on Saturday night.",
          "On Monday a group of about 130 people marched toward the precinct station when two dozen young "
          "protesters splintered off and trashed a pharmacy.",
          "Tuesday the crowd was mostly calm."]
OTHER = ["A famous wrestler retired from the ring after thirty years of matches and championships, his "
         "promoter said on Sunday."]


def article(source: str, paragraphs: list[str]) -> Article:
    return Article(source, f"{source}.txt", tuple(Paragraph(k, "body", text) for k, text in enumerate(paragraphs)))


def notes(*articles: Article) -> list[str]:
    """The notes when the aligner grouped nothing: each paragraph a group of its own."""
    groups = [Group(n, "", (Member(a.id, p.index),)) for n, (a, p) in
              enumerate((a, p) for a in articles for p in a.body)]
    return story_notes(articles, groups, Settings(semantic=False), None)


def test_a_source_inside_another_shares_the_story_though_nothing_lines_up() -> None:
    """One paragraph of 300 KB without a sentence end holds the other article word for word: the
    aligner groups none of it, but the two share the story, as the marks say ("1% unique"), and
    neither is named as another story (try24 #9)."""
    filler = " ".join(f"item {k} of the ledger lists a shipment of {k * 7} crates bound for the northern depot"
                      for k in range(200))
    huge = article("huge", [filler + " " + " ".join(t.rstrip(".") for t in REPORT) + " " + filler])
    assert notes(huge, article("report", REPORT)) == []
    # A stock line shared is no part of the story; an unrelated article is still named.
    stock = "did not immediately respond to a request for comment"
    assert notes(article("report", [*REPORT, f"The police {stock}."]),
                 article("other", [*OTHER, f"His promoter {stock}."])) == [
        "2 of 2 sources share no part of the story with the others (another story?): report, other"]
    assert notes(huge, article("report", REPORT), article("other", OTHER)) == [
        "1 of 3 sources share no part of the story with the others (another story?): other"]


def test_the_count_of_sources_apart_says_when_it_leaves_out_those_without_body_text() -> None:
    """try28: "1 of 14 sources share no part…" of a story whose title said 15 sources (one
    was a headline alone)."""
    headline_only = Article("head", "head.txt", (Paragraph(0, "headline", "Robbers in drag steal jewels"),))
    said = notes(article("report", REPORT), article("copy", REPORT), article("other", OTHER), headline_only)
    assert "1 of 3 sources with body text share no part of the story with the others (another story?): other" in said


def test_a_brief_of_the_story_is_not_named_as_another_story() -> None:
    """try28: a one-sentence report of the Paris heist ("Jewellery worth more than $160 million
    has been stolen…") shared no paragraph with fourteen reports of it and was named "another
    story?"; a brief about something else still is."""
    brief = article("brief", ["Hostility in East Flatbush: protesters trashed a pharmacy near the precinct "
                              "station after officers shot a teenager."])
    assert notes(article("report", REPORT), article("copy", REPORT), brief) == []
    assert notes(article("report", REPORT), article("copy", REPORT), article("other", OTHER)) == [
        "1 of 3 sources share no part of the story with the others (another story?): other"]
    # rev28: a brief of another story on the same beat (police, a city, federal agents) passed
    # on its common words ("police", "city", "said"); its rare ones are not the story's.
    for other in ("New York City police arrested a man after a shooting in Brooklyn on Friday, officials said.",
                  "Federal agents raided a Los Angeles warehouse on Monday, the police said."):
        assert notes(article("report", REPORT), article("copy", REPORT), article("other", [other])) == [
            "1 of 3 sources share no part of the story with the others (another story?): other"]
