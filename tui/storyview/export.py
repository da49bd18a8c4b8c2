"""The Story as JSON: a public, documented format (see README "The JSON export")."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from storyview import __version__
from storyview.model import Member, Story


def to_dict(story: Story) -> dict[str, Any]:
    return {
        "storyview": __version__,
        "settings": {
            "threshold": story.settings.threshold,
            "sentence_threshold": story.settings.sentence_threshold,
            "order_weight": story.settings.order_weight,
        },
        "sources": [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "date": a.date,
                "byline": a.byline,
                "outlet": a.outlet,
                "paragraphs": [
                    {
                        "index": p.index,
                        "kind": p.kind,
                        "text": p.text,
                        "unique": [list(s) for s in story.unique(Member(a.id, p.index))],
                    }
                    for p in a.paragraphs
                ],
            }
            for a in story.articles
        ],
        "groups": [
            {
                "id": g.id,
                "label": g.label,
                "members": [{"source": m.source, "paragraph": m.paragraph} for m in g.members],
                "links": [
                    {"a": {"source": l.a.source, "paragraph": l.a.paragraph},
                     "b": {"source": l.b.source, "paragraph": l.b.paragraph}, "score": l.score}
                    for l in g.links
                ],
            }
            for g in story.groups
        ],
        "warnings": list(story.warnings),
    }


def to_json(story: Story) -> str:
    return json.dumps(to_dict(story), ensure_ascii=False, indent=2)


class RefusedWrite(Exception):
    """Writing there would overwrite one of the story's own input files."""


def write_atomic(path: str | Path, text: str, inputs: list[str] = ()) -> None:  # type: ignore[assignment]
    """Write through a temporary file and a rename: never a half-written file, never an input."""
    target = Path(path).resolve()
    for source in inputs:
        try:
            if Path(source).resolve() == target:
                raise RefusedWrite(f"{path}: refusing to overwrite an input file")
        except OSError:
            continue
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
