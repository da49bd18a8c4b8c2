"""Write SVG screenshots of the reader's views, from the real app on the bundled seeds.

    python scripts/make_screenshots.py [--out screenshots]

Idempotent: the same code and seeds give the same files, and a file is only rewritten when
its picture changed.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from storyview.reader.app import StoryviewApp
from storyview.model import Progress, Settings
from storyview.pinstore import PinStore

# name -> (size, theme, keys)
SHOTS: dict[str, tuple[tuple[int, int], str, list[str]]] = {
    "main": ((120, 40), "textual-dark", []),
    "main-80x24": ((80, 24), "textual-dark", []),
    "main-shading": ((120, 40), "textual-dark", ["s"]),
    "main-light": ((120, 40), "textual-light", ["l"]),
    "main-unfolded": ((120, 40), "textual-dark", ["z", "g"]),
    "search": ((120, 40), "textual-dark", ["slash", *"tisch", "enter"]),
    "reading": ((120, 40), "textual-dark", ["l", "j", "r", "n"]),
    "detail": ((120, 40), "textual-dark", ["enter"]),
    "coverage": ((120, 40), "textual-dark", ["c"]),
    "help": ((120, 40), "textual-dark", ["question_mark"]),
    "sources": ((120, 40), "textual-dark", ["S"]),
    "quotes": ((120, 40), "textual-dark", ["Q", "l", "l"]),
    "figures": ((120, 40), "textual-dark", ["F", "j"]),
    "rewrites": ((120, 40), "textual-dark", ["W"]),
    "quotes-80x24": ((80, 24), "textual-dark", ["Q"]),
    "pin": ((120, 40), "textual-dark", ["j", "j", "j", "enter", "p"]),
    "base": ((120, 40), "textual-dark", ["l", "l", "B", "j"]),
}


async def shoot(size: tuple[int, int], theme: str, keys: list[str]) -> str:
    def build(settings: Settings, progress: Progress | None = None):  # type: ignore[no-untyped-def]
        from storyview.pipeline import build_story

        return build_story(None, settings, progress)

    with tempfile.TemporaryDirectory() as folder:  # p/u need a pins file; nothing is pinned here
        return await _shoot(StoryviewApp(build=build, settings=Settings(), pins=PinStore(Path(folder) / "pins.json")),
                            size, theme, keys)


async def _shoot(app: StoryviewApp, size: tuple[int, int], theme: str, keys: list[str]) -> str:
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        while app.story is None:
            await pilot.pause(0.02)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            for _ in range(500):  # a quotes/figures/rewrites list waits for the story's analysis
                view = getattr(app.screen, "view", None)
                if not getattr(view, "loading", False):
                    break
                await pilot.pause(0.02)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        return app.export_screenshot(title=f"storyview · {' '.join(keys) or 'start'}")


ECB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"
ECB_TOPICS = (1, 4, 20)
"""The story list is shot on the seeds mixed with three ECB+ topics (two events each, CC BY 3.0)."""


def several_stories() -> list:  # type: ignore[type-arg]
    """The seeds and the ECB+ articles of ECB_TOPICS, as a folder of several stories would load."""
    import json

    from storyview.inputs.bundled import seeds_dir
    from storyview.inputs.load import load
    from storyview.inputs.parse import parse_article

    articles = list(load([str(seeds_dir())]).articles)
    with open(ECB, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["topic"] in ECB_TOPICS:
                text = "\n\n".join(s["text"] for s in row["sentences"]) + "\n"
                articles.append(parse_article(row["doc"], f"{row['doc']}.txt", text))
    return articles


async def shoot_stories(size: tuple[int, int]) -> str:
    from storyview.inputs.load import Loaded
    from storyview.pipeline import SharesInBackground, align_story, collect

    collection = collect(Loaded(several_stories()))
    app = StoryviewApp(build=lambda s, p=None: align_story(collection, 1, s, p),
                       gather=lambda p=None: collection, align=lambda c, i, s, p=None: align_story(c, i, s, p),
                       background=SharesInBackground)
    several = {s.id for s in collection.stories if len(s.sources) > 1}
    async with app.run_test(size=size) as pilot:
        app.theme = "textual-dark"
        while app.screen.__class__.__name__ != "StoriesScreen":
            await pilot.pause(0.02)
        while not several <= set(app.screen.shares):  # as a user sees it once the shares are in
            await pilot.pause(0.1)
        await pilot.pause()
        return app.export_screenshot(title="storyview · a folder of several stories")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, (size, theme, keys) in SHOTS.items():
        svg = asyncio.run(shoot(size, theme, keys))
        path = out / f"{name}.svg"
        if path.exists() and path.read_text(encoding="utf-8") == svg:
            print(f"unchanged {path}")
            continue
        path.write_text(svg, encoding="utf-8")
        print(f"wrote     {path}")
    if not ECB.exists():
        print(f"skipped   stories.svg: no ECB+ corpus at {ECB}")
        return 0
    for name, size in (("stories", (120, 40)), ("stories-80x24", (80, 24))):
        svg = asyncio.run(shoot_stories(size))
        path = out / f"{name}.svg"
        if path.exists() and path.read_text(encoding="utf-8") == svg:
            print(f"unchanged {path}")
            continue
        path.write_text(svg, encoding="utf-8")
        print(f"wrote     {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
