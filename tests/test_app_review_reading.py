"""Reading mode says which unique passage n/N went to; toasts keep clear of the status line."""

from __future__ import annotations

from storyview.reader.screens.reading import ReadingScreen
from storyview.reader.widgets.status import StatusLine
from test_app_stories import ready, record_notifications, seeds_app
from textual.widgets import Static
from textual.widgets._toast import Toast


def reading_status(screen: ReadingScreen) -> str:
    return str(screen.query_one("#reading-status", Static).render())


async def open_reading(pilot) -> ReadingScreen:  # noqa: ANN001 - a Pilot
    """The seeds, built, in reading mode (r)."""
    await ready(pilot)
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def test_n_shows_the_position_among_the_unique_passages_and_the_paragraph_follows() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reading(pilot)
        passages = screen.view.passages(False)
        total = len(passages)
        assert f"unique {total}" in reading_status(screen)
        for n in range(1, total + 1):
            await pilot.press("n")
            status = reading_status(screen)
            assert f"unique {n}/{total}" in status, status
            assert f"paragraph {passages[n - 1].paragraph + 1}/" in status, status  # the counter follows n
        await pilot.press("N")
        assert f"unique {total - 1}/{total}" in reading_status(screen)
        await pilot.press("g")  # another paragraph: no passage is current
        assert reading_status(screen).endswith(f"unique {total}")


async def test_wrapping_around_is_said_in_the_status_line_not_a_lingering_toast() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reading(pilot)
        toasts = record_notifications(app)
        await pilot.press("N")  # from the top, back to the last one
        assert "wrapped around to the last" in reading_status(screen)
        await pilot.press("n")
        status = reading_status(screen)
        assert "wrapped around to the first" in status and "unique 1/" in status
        await pilot.press("n")
        assert "wrapped" not in reading_status(screen)
        assert not toasts


async def test_a_toast_does_not_cover_the_status_line() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("Wrapped around to the first.", timeout=5)
        await pilot.pause(0.2)
        toast = app.screen.query_one(Toast)
        status = app.screen.query_one(StatusLine)
        assert toast.region.height and not toast.region.overlaps(status.region)
        assert toast.region.bottom <= status.region.y
