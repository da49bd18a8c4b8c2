"""A base source: the story read against one of its sources, as a two-way diff reads against
the left file.

The rows follow the base's paragraph order; a part of the story the base leaves out stays
after the base's paragraph it follows in the story order, so it is read where it belongs. The
other sources' marks then say what each adds to the base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyview.engine.segment import words
from storyview.engine.unique import word_diff
from storyview.model import Group, Marks, Member, Story


@dataclass(frozen=True)
class Relative:
    """The story counted against the base: what it tells alone, with others, and leaves out."""

    base: str
    own: int
    """Groups only the base tells."""
    shared: int
    """Groups the base tells with at least one other source."""
    left_out: int
    """Groups the others tell and the base does not: what they add to it."""
    adds: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    """Per other source: the groups it tells that the base leaves out."""


def base_order(story: Story, base: str) -> tuple[Group, ...]:
    """The groups in the base's paragraph order; the others after the base group they follow."""
    first: dict[int, int] = {}
    for group in story.groups:
        paragraphs = [m.paragraph for m in group.members if m.source == base]
        if paragraphs:
            first[group.id] = min(paragraphs)
    if not first:
        return story.groups
    leading: list[Group] = []
    after: dict[int, list[Group]] = {}
    last: int | None = None
    for group in story.groups:
        if group.id in first:
            last = group.id
            after.setdefault(group.id, [])
        elif last is None:
            leading.append(group)
        else:
            after[last].append(group)
    ordered = list(leading)
    for group in sorted((g for g in story.groups if g.id in first), key=lambda g: (first[g.id], g.id)):
        ordered.append(group)
        ordered.extend(after[group.id])
    return tuple(ordered)


def relative(story: Story, base: str) -> Relative:
    """How the story stands against the base."""
    own = shared = left_out = 0
    adds: dict[str, int] = {}
    for group in story.groups:
        sources = set(group.sources)
        if base in sources:
            if len(sources) > 1:
                shared += 1
            else:
                own += 1
            continue
        left_out += 1
        for source in sources:
            adds[source] = adds.get(source, 0) + 1
    return Relative(base, own, shared, left_out, adds)


WORD_EDGE = re.compile(r"\w")
LAST_WORD = re.compile(r"\w(?=\W*$)")


def relative_marks(story: Story, base: str) -> dict[Member, Marks]:
    """The marks of the other sources read against the base: in a group the base tells, the
    words a paragraph adds to the base's (a word diff, passages with a content word); in a
    group it leaves out, the whole paragraph. The base keeps its own marks (what only it tells);
    the shading by sources stays as it was."""
    out: dict[Member, Marks] = {}
    for group in story.groups:
        base_text = "\n\n".join(story.paragraph(m).text for m in group.members if m.source == base)
        for member in group.members:
            if member.source == base or story.paragraph(member).kind != "body":
                continue
            text = story.paragraph(member).text
            if base_text:
                spans = tuple(span for op, _, span in word_diff(base_text, text)
                              if op in ("insert", "replace") and span is not None
                              and any(t.content or t.number for t in words(text, *span)))
            else:  # the whole paragraph, from its first word to its last
                first, last = WORD_EDGE.search(text), LAST_WORD.search(text)
                spans = ((first.start(), last.end()),) if first and last else ()
            old = story.marks.get(member)
            out[member] = Marks(spans, old.support if old is not None else ())
    return out
