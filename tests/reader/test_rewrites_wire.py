"""The rewrites screen (W) names wire copy: two reports that share whole sentences word for word
(issue 18, part 4)."""

from __future__ import annotations

from pilot_helpers import analysed, open_list, screen_text
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from
from storyview.reader.app import StoryviewApp
from wire_stories import AGENCY, OTHER, PAPER


def story(**texts: str):
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


async def test_the_rewrites_screen_names_wire_copy() -> None:
    app = StoryviewApp.from_story(story(agency=AGENCY, paper=PAPER, other=OTHER))
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(pilot)
        screen = await open_list(pilot, "W")
        assert screen.view.items[0].verdict == "wire"
        text = " ".join(screen_text(app).split())  # the sentence wraps under its verdict
        assert "wire 1 agency and 2 paper share 4 sentences word for word (" in text
        assert "'s text): wire copy, or one rewrites the other" in text
        assert "1 wire" in text  # the title counts it
        assert "agency" in text and "paper" in text
