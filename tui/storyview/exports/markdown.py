"""The Markdown report: each source's metadata, coverage, every group side by side with unique text in bold, and the findings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyview import __version__
from storyview.exports.wording import (
    FIGURE_WORDS,
    FOLLOWED_CAPTION,
    WIDE,
    figure_context,
    followed_cell,
    headline,
    marked_segments,
    quote_flags,
    quote_speakers,
    quote_versions,
    report_title,
    short_ids,
    source_title,
    visible,
)
from storyview.findings.analysis import Analysis, analyse
from storyview.findings.rewrites import named as named_pairs
from storyview.findings.figures import Mention
from storyview.model import Group, Span, Story, counted

MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]{}|~#!])")


def md_escape(text: str) -> str:
    """Text shown as itself in Markdown: markup characters backslash-escaped, HTML as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL_RE.sub(r"\\\1", text)


def _md_marked(text: str, spans: Sequence[Span]) -> str:
    return "".join(f"**{md_escape(piece)}**" if unique else md_escape(piece) for piece, unique in marked_segments(text, spans))


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    # A cell is one line: a line break in it (a file name with a newline: try32) ends the row.
    lines.extend("| " + " | ".join(" ".join(c.splitlines()) or " " for c in row) + " |" for row in rows)
    return lines


def markdown(story: Story, analysis: Analysis | None = None) -> str:
    """The story as GitHub-flavoured Markdown; unique text in **bold**."""
    analysis = analysis or analyse(story)
    ids = [a.id for a in story.articles]
    short = short_ids(story)
    name = {a.id: source_title(a, short[a.id]) for a in story.articles}
    out = [f"# {md_escape(report_title(story))}", ""]
    out.append(
        f"storyview {__version__} · {counted(len(story.articles), 'source')} · {counted(len(story.groups), 'group')} · "
        f"threshold {story.settings.threshold:g}. In the groups, **bold** text is told by that source alone."
    )
    out.append("")
    if story.warnings:  # before the rows they warn of
        out += ["## Warnings", ""] + [f"- {md_escape(w)}" for w in story.warnings] + [""]
    out += ["## Sources", ""]
    rows = []
    for a in story.articles:
        rows.append([
            md_escape(short[a.id]), md_escape(a.title or headline(a)), md_escape(a.date or ""), md_escape(a.byline or ""),
            md_escape(a.outlet or ""), md_escape(a.path), str(len(a.body)),
        ])
    out += _md_table(["id", "title", "date", "author", "site", "from", "paragraphs"], rows) + [""]

    out += _md_findings(story, analysis, short)

    out += ["## Coverage", "", "● the source tells this part of the story; · it does not.", ""]
    rows = []
    for g in story.groups:
        have = set(g.sources)
        rows.append([str(g.id), md_escape(g.label)] + ["●" if s in have else "·" for s in ids] + [str(len(have))])
    out += _md_table(["group", "about", *(md_escape(short[s]) for s in ids), "sources"], rows) + [""]

    out += ["## Groups", ""]
    for g in story.groups:
        out += _md_group(story, g, name, short)
    return visible("\n".join(out).rstrip() + "\n")


def _md_group(story: Story, g: Group, name: dict[str, str], short: dict[str, str]) -> list[str]:
    """A group's tellings: a table's columns for a few sources; for more than WIDE (a table too
    wide to read), one list item per source, its name (plain: bold is unique text), its paragraphs under it."""
    sources = list(dict.fromkeys(g.sources))
    out = [f"### Group {g.id} of {len(story.groups)}: {md_escape(g.label)}", ""]
    tellings = {s: [_md_marked(story.paragraph(m).text, story.unique(m)) for m in g.members if m.source == s] for s in sources}
    if len(sources) > WIDE:
        for s in sources:
            out.append(f"- {md_escape(name[s])}")
            out += [line for text in tellings[s] for line in ("", f"  {text}")]
            out.append("")
    else:
        out += _md_table([md_escape(name[s]) for s in sources], [["<br><br>".join(tellings[s]) for s in sources]])
    missing = [a.id for a in story.articles if a.id not in sources]
    if missing:
        out += ["", "Not told by: " + ", ".join(md_escape(short[s]) for s in missing) + "."]
    return out + [""]


def _md_findings(story: Story, analysis: Analysis, short: dict[str, str]) -> list[str]:
    out = ["## Rewrites", ""]
    named = named_pairs(analysis.rewrites)
    if named:
        out += [f"- **{p.verdict}**: {md_escape(p.summary)}" + (f" ({md_escape(p.why)})" if p.why else "") for p in named]
    else:
        out.append("No source follows another beyond what two reports of one story share.")
    out.append("")
    if len(story.articles) > 1:
        out += [md_escape(FOLLOWED_CAPTION), ""]
        out += _md_table([" ", *(md_escape(short[a.id]) for a in story.articles)], [
            [md_escape(short[a.id])] + [followed_cell(analysis.rewrites, a.id, b.id) for b in story.articles]
            for a in story.articles
        ]) + [""]

    out += ["## Quotes", ""]
    if not analysis.quotes:
        out += ["No quoted passages.", ""]
    for q in analysis.quotes:
        flag = "".join(f" **{f}**" for f in quote_flags(q))
        out.append(f"- “{md_escape(q.text)}”{quote_speakers(q, md_escape)}{flag} — "
                   + "; ".join(quote_versions(q, lambda s: md_escape(short[s]), md_escape)))
        for v in q.versions:
            if v is not q.reference and v.status in ("longer", "altered"):
                out.append(f"  - {md_escape(short[v.source])}: “{md_escape(v.text)}”")
    out.append("")

    out += ["## Figures", ""]
    if not analysis.figures:
        out += ["No figure is stated by two sources for the same thing.", ""]
    else:
        out += ["Each source's figure in *italics*, with a few words either side.", ""]
        involved = [a.id for a in story.articles if any(a.id in f.sources for f in analysis.figures)]
        rows = []
        for f in analysis.figures:
            by = {m.source: m for m in f.mentions}
            rows.append(
                [str(f.id), md_escape(f.about), f"**{FIGURE_WORDS[f.status]}**" if f.disagree else FIGURE_WORDS[f.status]]
                + [_md_figure(story, by[s]) if s in by else "" for s in involved]
            )
        out += _md_table(["#", "about", "sources", *(md_escape(short[s]) for s in involved)], rows) + [""]
    return out


def _md_figure(story: Story, m: Mention) -> str:
    before, figure, after = figure_context(story, m)
    return f"{md_escape(before)}*{md_escape(figure)}*{md_escape(after)}"
