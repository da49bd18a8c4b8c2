"""A report of several stories of one folder: a table of contents, then one section per story.

A story goes by its report's title everywhere (`report_title`): in the contents, over its
section, and in its own report, in every format.

Each section is that story's own report (`markdown`, `to_html`), one heading level down, with
its anchors made its own (`s2-groups`, `s2-group-4`), so links in one story never land in another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyview import __version__
from storyview.exports.html import esc, page_head, to_html, warnings_html
from storyview.exports.markdown import markdown, md_escape
from storyview.exports.wording import report_title, visible
from storyview.model import Collection, Story, counted

_HEADING_RE = re.compile(r"^(#{1,5}) ", re.MULTILINE)
_BODY_RE = re.compile(r"<body>\n(.*)</body>", re.DOTALL)
_ANCHOR_RE = re.compile(r'(id="|href="#)([^"]+)"')


def _summary(collection: Collection, stories: Sequence[Story]) -> str:
    shown = len(stories)
    whole = len(collection.stories)
    part = f"{shown} of {counted(whole, 'story')}" if shown < whole else counted(whole, "story")
    return f"storyview {__version__} · {counted(len(collection.articles), 'article')} · {part}"


def _listed(story: Story) -> str:
    """The label the reader's story list gives the story (its telling words), where the report's
    title is another (its lede's words): so a reader finds in the contents the story they saw
    listed (try25: "Paris, Harry Winston…" listed, "Armed robbers…" in the report)."""
    if len(story.articles) < 2:
        return ""  # the list names a lone article by its headline, as the report does
    label = " ".join(story.label.split())
    return label if label and label != report_title(story) else ""


def collection_markdown(collection: Collection, stories: Sequence[Story]) -> str:
    """Markdown: the contents (story, sources, the story list's label), then each story's report under its heading."""
    out = [f"# {counted(len(stories), 'story')}", "", _summary(collection, stories) + ".", "", "## Contents", ""]
    for story in stories:
        out.append(f"{story.id}. [{md_escape(report_title(story))}](#story-{story.id}) · {counted(len(story.articles), 'source')}"
                   + (f" · {md_escape(keys)}" if (keys := _listed(story)) else ""))
    out.append("")
    if collection.warnings:
        out += ["## Warnings", ""] + [f"- {md_escape(w)}" for w in collection.warnings] + [""]
    for story in stories:
        out += [f'<a id="story-{story.id}"></a>', "", f"## Story {story.id}: {md_escape(report_title(story))}", ""]
        body = markdown(story).split("\n", 1)[1]  # its own title line gives way to the heading above
        out.append(_HEADING_RE.sub(lambda m: "#" + m.group(1) + " ", body).strip())
        out.append("")
    return visible("\n".join(out).rstrip() + "\n")


def collection_html(collection: Collection, stories: Sequence[Story]) -> str:
    """One self-contained HTML page: the contents, then a section per story."""
    title = counted(len(stories), "story")
    out = [
        *page_head(title),
        f"<header><h1>{esc(title)}</h1><p class=\"meta\">{esc(_summary(collection, stories))}.</p></header>",
        '<nav id="contents"><h2>Contents</h2><ol>',
    ]
    out += [f'<li value="{s.id}"><a href="#story-{s.id}">{esc(report_title(s))}</a> · {counted(len(s.articles), "source")}'
            + (f' · <span class="meta">{esc(keys)}</span>' if (keys := _listed(s)) else "") + "</li>"
            for s in stories]
    out.append("</ol></nav>")
    out += warnings_html(collection.warnings)
    for story in stories:
        found = _BODY_RE.search(to_html(story))
        body = found.group(1) if found else ""
        body = _ANCHOR_RE.sub(lambda m, n=story.id: f'{m.group(1)}s{n}-{m.group(2)}"', body)
        for level in (3, 2, 1):  # one level down, the deepest first
            body = body.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
        out += [f'<section class="story" id="story-{story.id}">',
                f'<p class="meta">Story {story.id} · <a href="#contents">contents</a></p>', body, "</section>"]
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
