"""A folder of several stories for the reader's tests: two earthquakes told three times each,
the five seeds, and two single articles; the app over it, and a wait for its story list."""

from __future__ import annotations

from typing import Any

from story_factories import CUTS, EVENTS, QUAKE
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.load import Loaded, load
from storyview.model import Article, Collection, Paragraph, Progress, Settings, Story
from storyview.pipeline import align_story, collect
from storyview.reader.app import StoryviewApp
from storyview.reader.screens.stories import StoriesScreen
from textual.pilot import Pilot

OUTLETS = ("Reuters", "AP", "AFP")


def _article(source: str, title: str, texts: list[str], **meta: str) -> Article:
    paragraphs = (Paragraph(0, "headline", title),) + tuple(Paragraph(i + 1, "body", t) for i, t in enumerate(texts))
    return Article(source, f"/tmp/{source}.txt", paragraphs, title=title, **meta)


def folder_articles() -> list[Article]:
    out = list(load([str(seeds_dir())]).articles)
    for n, cut in enumerate(CUTS):
        for name, facts in EVENTS.items():
            out.append(_article(f"{name}-{n}", f"{facts['place']} earthquake kills {facts['dead']}",
                                [QUAKE[k].format(**facts) for k in cut], outlet=OUTLETS[n],
                                date=f"{facts['year']}-0{n + 3}-1{n}"))
    out.append(_article("oslo", "Oslo opens its new library", ["The Deichman library opened on Friday."],
                        date="2020-06-18"))
    out.append(_article("tram", "Tram line 9 closes for repairs", ["Line 9 closes from Monday for six weeks."]))
    return out


def folder_collection() -> Collection:
    return collect(Loaded(folder_articles(), ["broken.txt: not text, skipped"]))


def folder_app(story: int | None = None) -> StoryviewApp:
    collection = folder_collection()

    def gather(progress: Progress | None = None) -> Collection:
        return collection

    def align(c: Collection, story_id: int, s: Settings, progress: Progress | None = None) -> Story:
        return align_story(c, story_id, s, progress)

    return StoryviewApp(build=lambda s, p=None: align(collection, 1, s, p), gather=gather, align=align, story=story)


async def listed(pilot: Pilot[Any]) -> StoriesScreen:
    """Wait until the story list is on screen, and return it."""
    for _ in range(500):
        if isinstance(pilot.app.screen, StoriesScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StoriesScreen)
    return screen


async def opened(pilot: Pilot[Any]) -> None:
    """Wait until a story is on screen side by side."""
    app = pilot.app
    for _ in range(500):
        if app.story is not None and app.screen.__class__.__name__ == "MainScreen":
            break
        await pilot.pause(0.02)
    await pilot.pause()
