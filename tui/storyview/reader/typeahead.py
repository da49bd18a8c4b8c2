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
  with `focus_now` on mount.
"""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the app takes its next key."""
    widget.screen.set_focus(widget)
