"""Write SVG screenshots of the reader's views, from the real app on the bundled seeds.

    python scripts/make_screenshots.py [--out screenshots]

Idempotent: the same code and seeds give the same files, and a file is only rewritten when
its picture changed.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from storyview.reader.app import StoryviewApp
from storyview.model import Progress, Settings

# name -> (size, theme, keys)
SHOTS: dict[str, tuple[tuple[int, int], str, list[str]]] = {
    "main": ((120, 40), "textual-dark", []),
    "main-80x24": ((80, 24), "textual-dark", []),
    "main-shading": ((120, 40), "textual-dark", ["j", "j", "j", "s"]),
    "main-light": ((120, 40), "textual-light", ["j", "j", "j", "l"]),
    "search": ((120, 40), "textual-dark", ["slash", *"tisch", "enter"]),
    "reading": ((120, 40), "textual-dark", ["l", "j", "r", "n"]),
    "detail": ((120, 40), "textual-dark", ["j", "j", "j", "enter"]),
    "coverage": ((120, 40), "textual-dark", ["c"]),
    "help": ((120, 40), "textual-dark", ["question_mark"]),
    "quotes": ((120, 40), "textual-dark", ["Q", "l", "l"]),
    "figures": ((120, 40), "textual-dark", ["F", "j"]),
    "rewrites": ((120, 40), "textual-dark", ["W"]),
    "quotes-80x24": ((80, 24), "textual-dark", ["Q"]),
}


async def shoot(size: tuple[int, int], theme: str, keys: list[str]) -> str:
    def build(settings: Settings, progress: Progress | None = None):  # type: ignore[no-untyped-def]
        from storyview.pipeline import build_story

        return build_story(None, settings, progress)

    app = StoryviewApp(build=build, settings=Settings())
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
