"""The HTML report: one self-contained file (inline CSS, no scripts, nothing fetched) that prints well."""

from __future__ import annotations

import html
from collections.abc import Sequence

from storyview import __version__
from storyview.exports.wording import (
    FIGURE_WORDS,
    FOLLOWED_CAPTION,
    UNSAFE_RE,
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
)
from storyview.findings.analysis import Analysis, analyse
from storyview.findings.rewrites import named as named_pairs
from storyview.findings.figures import Mention
from storyview.model import Group, Span, Story, counted

CSS = """
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #666; --line: #d8d8d8;
  --mark: #ffe27a; --mark-fg: #1b1b1b; --head: #f4f4f4; --warn: #b00020; --ok: #2e7d32; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #161616; --muted: #a0a0a0; --line: #3a3a3a; --mark: #8a6d00;
    --mark-fg: #fff; --head: #222; --warn: #ff6b81; --ok: #7bd88f; }
}
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); margin: 0 auto; padding: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid var(--line); }
h3 { margin: 1.6rem 0 .4rem; font-size: 1.05rem; }
.meta, .note, .missing { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .4rem .55rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
table.side { table-layout: fixed; }
table.side td p { margin: 0 0 .6rem; } table.side td p:last-child { margin-bottom: 0; }
table.coverage td.cell { text-align: center; width: 2.6rem; }
table.coverage td.yes { color: var(--ok); } table.coverage td.no { color: var(--muted); }
table.coverage td:nth-child(2), table.figures td:nth-child(2) { min-width: 12rem; }
table.figures td:nth-child(3) { min-width: 7rem; }
table.figures td[data-source] { min-width: 12rem; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; } .scroll > table { margin: 0; }
mark { background: var(--mark); color: var(--mark-fg); padding: 0 .1em; border-radius: 2px; }
.flag { color: var(--warn); font-weight: 600; }
.source-id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
.path { word-break: break-all; min-width: 12rem; } .date { white-space: nowrap; }
.tellings { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .6rem; margin: .5rem 0 1rem; }
.telling { border: 1px solid var(--line); padding: .4rem .55rem; }
.telling .who { background: var(--head); font-weight: 600; margin: -.4rem -.55rem .4rem; padding: .4rem .55rem;
  border-bottom: 1px solid var(--line); }
.telling p { margin: 0 0 .6rem; } .telling p:last-child { margin-bottom: 0; }
section.warnings { border-left: 4px solid var(--warn); padding: .1rem 1rem; margin: 1.2rem 0; }
section.warnings :is(h2, h3) { margin: .6rem 0 .3rem; border-bottom: none; color: var(--warn); font-size: 1.1rem; }
ul.quotes li { margin-bottom: .5rem; }
a { color: inherit; }
@media print {
  body { font-size: 9.5pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  section.group, .telling, tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  table.figures td[data-source] { min-width: 0; }
  mark { background: #ffe27a !important; color: #000 !important; outline: 1px solid #c9a400;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { text-decoration: none; }
  nav { display: none; }
}
@page { margin: 1.2cm; }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _html_marked(text: str, spans: Sequence[Span]) -> str:
    return "".join(f"<mark>{esc(piece)}</mark>" if unique else esc(piece) for piece, unique in marked_segments(text, spans))


def page_head(title: str) -> list[str]:
    """The lines that open every report page: no scripts, nothing fetched, inline styles only."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f'<meta name="generator" content="storyview {esc(__version__)}">',
        f"<title>{esc(title)} · storyview</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]


def to_html(story: Story, analysis: Analysis | None = None) -> str:
    """One self-contained HTML file: inline CSS, no scripts, nothing fetched; prints well."""
    analysis = analysis or analyse(story)
    ids = [a.id for a in story.articles]
    short = short_ids(story)
    name = {a.id: source_title(a, short[a.id]) for a in story.articles}
    title = report_title(story)
    out = [
        *page_head(title),
        "<header>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">storyview {esc(__version__)} · {counted(len(story.articles), "source")} · {counted(len(story.groups), "group")} · '
        f"threshold {story.settings.threshold:g}. <mark>Highlighted</mark> text is told by that source alone.</p>",
        '<nav><a href="#sources">Sources</a> · <a href="#rewrites">Rewrites</a> · <a href="#quotes">Quotes</a> · '
        '<a href="#figures">Figures</a> · <a href="#coverage">Coverage</a> · <a href="#groups">Groups</a></nav>',
        "</header>",
        "<main>",
        *warnings_html(story.warnings),
    ]
    out += _html_sources(story, short)
    out += _html_rewrites(story, analysis, short)
    out += _html_quotes(story, analysis, short)
    out += _html_figures(story, analysis, short)
    out += ['<section id="coverage">', "<h2>Coverage</h2>",
            '<p class="note">● the source tells this part of the story; · it does not.</p>',
            '<div class="scroll"><table class="coverage">', "<thead><tr><th>group</th><th>about</th>"]
    out += [f'<th class="source-id" title="{esc(name[a.id])}">{esc(short[a.id])}</th>' for a in story.articles]
    out += ["<th>sources</th></tr></thead>", "<tbody>"]
    for g in story.groups:
        have = set(g.sources)
        cells = "".join(
            f'<td class="cell {"yes" if s in have else "no"}" data-source="{esc(s)}">{"●" if s in have else "·"}</td>' for s in ids
        )
        out.append(f'<tr data-group="{g.id}"><td><a href="#group-{g.id}">{g.id}</a></td><td>{esc(g.label)}</td>{cells}<td>{len(have)}</td></tr>')
    out += ["</tbody>", "</table></div>", "</section>"]
    out += ['<section id="groups">', "<h2>Groups</h2>"]
    for g in story.groups:
        out += _html_group(story, g, name, short)
    out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return _visible_html("\n".join(out) + "\n")


def warnings_html(warnings: Sequence[str]) -> list[str]:
    """The warnings, before anything they warn of: read after the rows, "2 sources share no part
    of the story" came too late (try19)."""
    if not warnings:
        return []
    return ['<section id="warnings" class="warnings">', "<h2>Warnings</h2>", "<ul>",
            *(f"<li>{esc(w)}</li>" for w in warnings), "</ul>", "</section>"]


def _visible_html(text: str) -> str:
    return UNSAFE_RE.sub(lambda m: f"&#x{ord(m.group()):x};" if not 0xD800 <= ord(m.group()) <= 0xDFFF else "\ufffd", text)


def _html_sources(story: Story, short: dict[str, str]) -> list[str]:
    out = ['<section id="sources">', "<h2>Sources</h2>", "<table>",
           "<thead><tr><th>id</th><th>title</th><th>date</th><th>author</th><th>site</th><th>from</th><th>paragraphs</th></tr></thead>",
           "<tbody>"]
    for a in story.articles:
        out.append(
            f'<tr data-source="{esc(a.id)}"><td class="source-id">{esc(short[a.id])}</td><td>{esc(a.title or headline(a))}</td>'
            f'<td class="date">{esc(a.date or "")}</td><td>{esc(a.byline or "")}</td><td>{esc(a.outlet or "")}</td>'
            f'<td class="path">{esc(a.path)}</td><td>{len(a.body)}</td></tr>'
        )
    return out + ["</tbody>", "</table>", "</section>"]


def _html_group(story: Story, g: Group, name: dict[str, str], short: dict[str, str]) -> list[str]:
    """A group's tellings side by side: a table's columns for a few sources; for more than WIDE,
    cards of a readable width, as many a line as the page holds (18 columns were 50 px wide)."""
    sources = list(dict.fromkeys(g.sources))
    out = [f'<section class="group" id="group-{g.id}" data-group="{g.id}">',
           f"<h3>Group {g.id} of {len(story.groups)}: {esc(g.label)}</h3>"]

    def who(s: str) -> str:
        return f'<span class="source-id">{esc(short[s])}</span><br>{esc(name[s].removeprefix(short[s]).removeprefix(" · "))}'

    def paras(s: str) -> str:
        return "".join(
            f'<p data-paragraph="{m.paragraph}">{_html_marked(story.paragraph(m).text, story.unique(m))}</p>'
            for m in g.members if m.source == s
        )

    if len(sources) > WIDE:
        out.append('<div class="tellings">')
        out += [f'<div class="telling" data-source="{esc(s)}"><div class="who">{who(s)}</div>{paras(s)}</div>' for s in sources]
        out.append("</div>")
    else:
        out += ['<table class="side">', "<thead><tr>", *(f"<th>{who(s)}</th>" for s in sources), "</tr></thead>", "<tbody><tr>"]
        out += [f'<td data-source="{esc(s)}">{paras(s)}</td>' for s in sources]
        out += ["</tr></tbody>", "</table>"]
    missing = [a.id for a in story.articles if a.id not in sources]
    if missing:
        out.append(f'<p class="missing">Not told by: {", ".join(esc(short[s]) for s in missing)}.</p>')
    return out + ["</section>"]


def _html_rewrites(story: Story, analysis: Analysis, short: dict[str, str]) -> list[str]:
    out = ['<section id="rewrites">', "<h2>Rewrites</h2>"]
    named = named_pairs(analysis.rewrites)
    if named:
        out.append("<ul>")
        for p in named:
            basis = f' <span class="note">({esc(p.why)})</span>' if p.why else ""
            out.append(f'<li data-verdict="{esc(p.verdict)}"><span class="flag">{esc(p.verdict)}</span>: {esc(p.summary)}{basis}</li>')
        out.append("</ul>")
    else:
        out.append('<p class="note">No source follows another beyond what two reports of one story share.</p>')
    if len(story.articles) > 1:
        out += [f'<p class="note">{esc(FOLLOWED_CAPTION)}</p>', '<div class="scroll"><table class="follows"><thead><tr><th></th>']
        out += [f'<th class="source-id">{esc(short[a.id])}</th>' for a in story.articles]
        out.append("</tr></thead><tbody>")
        for a in story.articles:
            cells = "".join(
                f"<td>{followed_cell(analysis.rewrites, a.id, b.id)}</td>"
                for b in story.articles
            )
            out.append(f'<tr><th class="source-id">{esc(short[a.id])}</th>{cells}</tr>')
        out.append("</tbody></table></div>")
    return out + ["</section>"]


def _html_quotes(story: Story, analysis: Analysis, short: dict[str, str]) -> list[str]:
    out = ['<section id="quotes">', "<h2>Quotes</h2>"]
    if not analysis.quotes:
        return out + ['<p class="note">No quoted passages.</p>', "</section>"]
    out.append('<ul class="quotes">')
    for q in analysis.quotes:
        flag = "".join(f' <span class="flag">{f}</span>' for f in quote_flags(q))
        versions = "; ".join(quote_versions(q, lambda s: f'<span class="source-id">{esc(short[s])}</span>', esc))
        extra = "".join(
            f'<li data-source="{esc(v.source)}" data-status="{esc(v.status)}"><span class="source-id">{esc(short[v.source])}</span>: “{esc(v.text)}”</li>'
            for v in q.versions if v is not q.reference and v.status in ("longer", "altered")
        )
        out.append(f'<li data-quote="{q.id}">“{esc(q.text)}”{quote_speakers(q, esc)}{flag} — {versions}'
                   + (f"<ul>{extra}</ul>" if extra else "") + "</li>")
    return out + ["</ul>", "</section>"]


def _html_figures(story: Story, analysis: Analysis, short: dict[str, str]) -> list[str]:
    out = ['<section id="figures">', "<h2>Figures</h2>"]
    if not analysis.figures:
        return out + ['<p class="note">No figure is stated by two sources for the same thing.</p>', "</section>"]
    involved = [a.id for a in story.articles if any(a.id in f.sources for f in analysis.figures)]
    out += ['<div class="scroll"><table class="figures">', "<thead><tr><th>#</th><th>about</th><th>sources</th>"]
    out += [f'<th class="source-id">{esc(short[s])}</th>' for s in involved]
    out += ["</tr></thead>", "<tbody>"]
    for f in analysis.figures:
        by = {m.source: m for m in f.mentions}
        status = f'<span class="flag">{esc(FIGURE_WORDS[f.status])}</span>' if f.disagree else esc(FIGURE_WORDS[f.status])
        cells = "".join(
            f'<td data-source="{esc(s)}">{_html_figure(story, by[s])}</td>' if s in by else "<td></td>" for s in involved
        )
        out.append(f'<tr data-figure="{f.id}" data-status="{esc(f.status)}"><td>{f.id}</td><td>{esc(f.about)}</td><td>{status}</td>{cells}</tr>')
    return out + ["</tbody>", "</table></div>", "</section>"]


def _html_figure(story: Story, m: Mention) -> str:
    before, figure, after = figure_context(story, m)
    return f"{esc(before)}<strong>{esc(figure)}</strong>{esc(after)}"
