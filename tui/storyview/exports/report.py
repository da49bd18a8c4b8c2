"""Shareable reports of a Story: Markdown, one self-contained HTML file, and TEI XML.

Both show the same things as the reader and the JSON: each source's metadata, the coverage
matrix, every group side by side with the text only one source has highlighted, and the
analysis (quotes, figures, rewrites). Article text is always data: escaped for the format,
never interpreted (an article that contains `<script>` or `**` shows those characters).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyview.exports.collection import collection_html, collection_markdown
from storyview.exports.html import to_html
from storyview.exports.markdown import markdown
from storyview.exports.tei import to_tei
from storyview.model import Collection, Story

FORMATS = ("md", "html", "tei")


def render(story: Story, fmt: str) -> str:
    if fmt == "md":
        return markdown(story)
    if fmt == "html":
        return to_html(story)
    if fmt == "tei":
        return to_tei(story)
    raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(FORMATS)})")


def render_stories(collection: Collection, stories: Sequence[Story], fmt: str) -> str:
    """A report of the folder's stories: one story's own report when there is one to show (a
    folder of one story, or --story N), else a table of contents and a section per story."""
    if len(stories) == 1:
        return render(stories[0], fmt)
    if fmt == "md":
        return collection_markdown(collection, stories)
    if fmt == "html":
        return collection_html(collection, stories)
    raise ValueError(f"a {fmt!r} report holds one story: choose one with --story N")
