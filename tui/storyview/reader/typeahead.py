"""Keys typed ahead: what follows a key that opens a text box goes into the box.

Textual hands a key to whatever has the focus when the app takes it from its queue, and runs a
plain binding only once the key has gone through the focused widget and back up to the app. A
paste, or a fast typist, queues `/rebel` at once: "rebel" went to the grid (whose `r` opens the
reading mode) before `/` had opened the search. So:

- a key that opens a text box is a priority binding: its action runs as the app takes the key,
  before the next one (the screen's check_action lets it through as text in a text box);
- the box takes the focus in that same handler (`focus_now`), not through `Widget.focus`,
  which waits in the app's queue behind the keys typed ahead;
- a dialog pushed by such an action is mounted before the app takes another key (Textual
  awaits the mount of a screen pushed from the app's own handler), so it focuses its text box
  with `focus_now` on mount;
- a key given to a text box is handled, with what the box posts to its screen, before the app takes
  the next one (`settle`): enter in the search box ends the search and hands the focus back
  before the keys typed after it are given out ("/police" enter "nn" searched "policenn").
"""

from __future__ import annotations

import asyncio

from textual.message_pump import MessagePump
from textual.widget import Widget

SETTLE_TIMEOUT = 0.5
"""Seconds the app waits at most for a text box to handle a key: a box that waits on the app
itself (a dialog that awaits a screen) must not hold the keys for longer."""


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the app takes its next key."""
    widget.screen.set_focus(widget)


async def settle(box: Widget, screen: MessagePump) -> None:
    """Wait until `box`, then its `screen`, have handled every message they hold.

    Textual gives a key to the focused widget's queue and takes the next key at once; the box's
    Submitted message, and the screen's answer to it, came after keys typed later.
    """
    try:
        await asyncio.wait_for(_drain(box, screen), SETTLE_TIMEOUT)
    except TimeoutError:
        pass


async def _drain(*pumps: MessagePump) -> None:
    """Each pump in turn, until its queue is empty after a message it handled (what one message
    posts, to the pump itself or up to its screen, is handled too)."""
    for pump in pumps:
        while True:
            handled = asyncio.Event()
            if not pump.call_later(handled.set):
                break  # closing
            await handled.wait()
            if not pump.message_queue_size:
                break
