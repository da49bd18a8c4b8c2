"""The command palette's search: a key's name, or the words of what it does.

Textual's own provider matches the command's title alone, and a footer title stays short ("Save"),
so a reader who types "export", "report" or "html" found nothing. Here every word of the query
may also begin a word of the command's help (the binding's tooltip), so BINDINGS stay the one
place a key is described.
"""

from __future__ import annotations

import re

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

WORD = re.compile(r"\w+")


def ranked(fuzzy: float, by_words: bool) -> float:
    """Textual's fuzzy score (0 and up, unbounded) as 0 to 1: a command whose title or help has
    words beginning with the query's words ranks above one matched only letter by letter
    ("html" in "Hide/show source 4: …"), each kind by its fuzzy score."""
    squeezed = 0.5 * fuzzy / (1 + fuzzy)
    return 0.5 + squeezed if by_words else squeezed


def help_matches(query: str, help_text: str) -> bool:
    """Whether every word of `query` begins a word of `help_text` (any case)."""
    wanted = WORD.findall(query.lower())
    words = WORD.findall(help_text.lower())
    return bool(wanted) and all(any(word.startswith(w) for word in words) for w in wanted)


class BindingCommands(SystemCommandsProvider):
    """The app's commands, found by their title (fuzzy, as Textual does) or by their help's words."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            by_words = help_matches(query, f"{name} {help_text}")
            score = ranked(matcher.match(name), by_words)
            if by_words or score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
