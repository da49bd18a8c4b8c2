"""A base source: the story read against one of its sources, as a two-way diff reads against
the left file.

The rows follow the base's paragraph order; a part of the story the base leaves out stays
after the base's paragraph it follows in the story order, so it is read where it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyview.model import Group, Story


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
