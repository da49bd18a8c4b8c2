"""Shareable reports of a Story: Markdown and one self-contained HTML file.

Both show the same things as the reader and the JSON: each source's metadata, the coverage
matrix, every group side by side with the text only one source has highlighted, and the
analysis (quotes, figures, rewrites). Article text is always data: escaped for the format,
never interpreted (an article that contains `<script>` or `**` shows those characters).
"""

from __future__ import annotations

from storyview.exports.html import to_html
from storyview.exports.markdown import markdown
from storyview.model import Story

FORMATS = ("md", "html")


def render(story: Story, fmt: str) -> str:
    if fmt == "md":
        return markdown(story)
    if fmt == "html":
        return to_html(story)
    raise ValueError(f"unknown report format {fmt!r} (one of {', '.join(FORMATS)})")
