"""The rewrites screen (W) names wire copy: two reports that share whole sentences word for word
(issue 18, part 4)."""

from __future__ import annotations

from pilot_helpers import analysed, open_list, screen_text
from storyview.model import Member
from storyview.reader.screens.main import MainScreen
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


AGENCY_SENTENCE = "Gray was killed on March 9 by police who claim he pointed a gun at Sgt. Mourad Mourad and Officer Jovaniel Cordova before they opened fire."
ONE_SHARED = f"""Riots follow death of Brooklyn teen

In the week after the fatal shooting of 16-year-old Kimani Gray, protests and riots have erupted in his Brooklyn neighbourhood.

Community leaders called for calm as the protests grew on the third night.

{AGENCY_SENTENCE}

An autopsy shows that Gray was hit in the back by three of the seven bullets fired by the officers.

Since the shooting, more than 50 arrests have been made over four nights of protest.

His school principal wrote a letter describing the teen as a hard-working student.
"""
OTHER_WORDS = f"""Protesters battle police in Brooklyn

Protesters enraged over the fatal shooting of a teenager by police poured into Brooklyn streets for a third night on Wednesday.

At least 46 demonstrators were arrested along Church Avenue in East Flatbush.

Police struggled to control a crowd that broke away from a vigil for Kimani Gray, 16.

His sister was among those arrested on Wednesday night.

{AGENCY_SENTENCE}

A police officer suffered a gash to the face when a brick hit him, a spokesman said.

Many in the community contest the police account of the shooting on Saturday night.
"""


async def test_enter_on_wire_copy_goes_to_the_sentence_the_two_share() -> None:
    """try24 #6: two reports that share one agency sentence (x¶3, y¶5) and start telling the
    same facts at x¶1: enter went to x¶1's group, not to where the shared sentence is."""
    app = StoryviewApp.from_story(story(x=ONE_SHARED, y=OTHER_WORDS))
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(pilot)
        screen = await open_list(pilot, "W")
        pair = screen.view.items[0]
        assert pair.verdict == "wire" and pair.shared == 1 and pair.chain[0][0] == Member("x", 1)
        index = app.main.index
        for side, (source, paragraph) in enumerate((("x", 3), ("y", 5))):
            assert AGENCY_SENTENCE in index.by_id[source].paragraphs[paragraph].text
            if side:
                screen = await open_list(pilot, "W")
                await pilot.press("l")
            await pilot.press("enter")
            await pilot.pause()
            grid = app.main.grid
            assert isinstance(app.screen, MainScreen) and grid.focused == source
            assert grid.cursor == index.row_of[Member(source, paragraph)]
