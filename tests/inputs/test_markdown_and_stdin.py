"""Markdown articles (structure stripped to text, headings as headlines, front matter as
metadata) and one article on standard input (`-`), as text, Markdown or a web page."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from storyview.cli import main
from storyview.inputs.load import load
from storyview.inputs.markdown import inline, parse

OTHER = "On Tuesday the city council passed the transit budget of $12 million, which buys electric buses, after a long debate."

ARTICLE_MD = """---
title: "Council Passes *Transit* Budget"
date: 2025-11-07
authors:
  - Jane Doe
site: City Times
---

# Council Passes Transit Budget

The **city council** approved a [new transit budget](https://example.org/budget "budget") of $12 million
on Tuesday after a _long_ debate. ![A bus](bus.jpg)

## What comes next

- Electric buses are bought first.
- The diesel fleet is retired over `three` years.

> “It is too little, too late,” said a rider.

Setext Heading
--------------

| Line | Buses |
|------|------:|
| M1   | 12    |

<!-- an editor's note that no reader sees -->
Costs rose 5 \\* 2 times, #DefundTheNYPD trended, and snake_case_names stay.
1917. That year is text, not a list item.

[budget]: https://example.org/budget
"""


def test_markdown_file(write) -> None:
    loaded = load([write("story.md", ARTICLE_MD), write("other.txt", OTHER)])
    assert loaded.warnings == []
    a = loaded.articles[0]
    assert (a.title, a.date, a.byline, a.outlet) == ("Council Passes Transit Budget", "2025-11-07", "Jane Doe", "City Times")
    assert [(p.kind, p.text) for p in a.paragraphs] == [
        ("headline", "Council Passes Transit Budget"),
        ("body", "The city council approved a new transit budget of $12 million on Tuesday after a long debate."),
        ("headline", "What comes next"),
        ("body", "Electric buses are bought first."),
        ("body", "The diesel fleet is retired over three years."),
        ("body", "“It is too little, too late,” said a rider."),
        ("headline", "Setext Heading"),
        ("body", "Line · Buses"),
        ("body", "M1 · 12"),
        ("body", "Costs rose 5 * 2 times, #DefundTheNYPD trended, and snake_case_names stay. 1917. That year is text, not a list item."),
    ]


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"),
        ("[text](http://x.example) and [ref][1] and <https://x.example>", "text and ref and https://x.example"),
        ("![image alt](pic.png)before", "before"),
        ("`code *not em*` and ~~gone~~", "code *not em* and gone"),
        ("5 \\* 3 \\_ \\[x\\]", "5 * 3 _ [x]"),
        ("AT&amp;T &lt;b&gt; <span>tag</span>", "AT&T <b> tag"),
        ("footnote[^1] here", "footnote here"),
    ],
)
def test_inline_markup_is_stripped(markdown: str, text: str) -> None:
    assert inline(markdown) == text


@pytest.mark.parametrize("name", ["000_77808fc77837df52.txt", "001_0b1f90e86e75de80.txt", "004_dfaf2f3fb21cad14.txt"])
def test_a_plain_text_md_file_reads_like_text(write, name) -> None:
    from storyview.inputs.bundled import seeds_dir

    text = (seeds_dir() / name).read_text(encoding="utf-8")
    as_md, as_txt = load([write("a.md", text), write("b.txt", text)]).articles
    assert [(p.kind, p.text) for p in as_md.paragraphs] == [(p.kind, p.text) for p in as_txt.paragraphs]
    assert (as_md.title, as_md.date, as_md.byline) == (as_txt.title, as_txt.date, as_txt.byline)


def test_front_matter_and_headings_only_where_markdown_says_so() -> None:
    md = parse("#hashtag is no heading\n\n#  Real heading  ##\n\ntext")
    assert md.blocks == [("#hashtag is no heading", False), ("Real heading", True), ("text", False)]
    assert parse("+++\ntitle = \"TOML title\"\n+++\nbody").meta == {"title": "TOML title"}


def test_empty_and_markup_only_markdown(write) -> None:
    loaded = load([write("empty.md", "---\nfoo: bar\n---\n\n<!-- nothing -->\n"), write("other.txt", OTHER)])
    assert [a.id for a in loaded.articles] == ["other"]
    assert len(loaded.warnings) == 1 and "empty.md: skipped, no text" in loaded.warnings[0]


# ---------------------------------------------------------------- standard input


def test_stdin_as_text(write) -> None:
    loaded = load(["-", write("other.txt", OTHER)], stdin=b"Piped Headline\n\nThe council met on Tuesday about the budget.")
    a = loaded.articles[0]
    assert (a.id, a.path, a.title) == ("stdin", "<stdin>", "Piped Headline")
    assert loaded.warnings == []


def test_stdin_as_markdown_and_as_a_page() -> None:
    md = load(["-"], stdin=b"# Piped\n\nThe **council** met on Tuesday about the [budget](http://x).").articles[0]
    assert [(p.kind, p.text) for p in md.paragraphs] == [("headline", "Piped"), ("body", "The council met on Tuesday about the budget.")]
    page = (b"<!DOCTYPE html><html><head><title>Piped Page</title></head><body><nav>Home</nav><article>"
            b"<p>The council met on Tuesday about the budget and approved it after a long debate.</p></article></body></html>")
    web = load(["-"], stdin=page).articles[0]
    assert web.title == "Piped Page" and "The council met on Tuesday about the budget and approved it after a long debate." in [p.text for p in web.paragraphs]


def test_stdin_read_once_and_empty_is_a_warning() -> None:
    calls = []

    def read() -> bytes:
        calls.append(1)
        return b"The council met on Tuesday."

    loaded = load(["-", "-"], stdin=read)
    assert len(loaded.articles) == 1 and calls == [1]
    assert loaded.warnings == ["standard input: skipped, standard input is already read"]
    empty = load(["-"], stdin=b"  \n")
    assert empty.articles == [] and empty.warnings == ["standard input: skipped, no text (only whitespace)"]


def test_stdin_through_the_command(monkeypatch, capsys, write) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("The council met on Tuesday about the transit budget of $12 million.".encode())))
    assert main(["--json", "-", write("other.txt", OTHER)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(s["id"], s["path"]) for s in data["sources"]][0] == ("stdin", "<stdin>")


def test_stdin_in_a_real_pipe(write) -> None:
    other = write("other.txt", OTHER)
    done = subprocess.run(
        [sys.executable, "-m", "storyview", "--report", "md", "-", other],
        input="# From A Pipe\n\nThe council met on Tuesday and approved the transit budget of $12 million.".encode(),
        capture_output=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    # the report's title is the story's label (its lede's opening words); the piped title names its source
    assert out.startswith("# The council met on Tuesday") and "| stdin | From A Pipe |" in out
    assert "&lt;stdin&gt;" in out


@pytest.mark.parametrize("stated", ["2025-11-07T10:00:00Z", '"2025-11-07T10:00:00Z"', "'2025-11-07T22:30:00+02:00'"])
def test_a_front_matter_timestamp_is_the_date(write, stated: str) -> None:
    text = f"---\ntitle: Budget\ndate: {stated}\n---\n\nThe council passed the transit budget on Tuesday."
    assert load([write("a.md", text)]).articles[0].date == "2025-11-07"


@pytest.mark.parametrize(("front", "byline"), [
    ("authors:\n  - Jane Roe\n  - Bob Smith", "Jane Roe and Bob Smith"),
    ("author: [Jane Roe, Bob Smith]", "Jane Roe and Bob Smith"),
    ('author: ["Smith, Jane", "Doe, John"]', "Smith, Jane and Doe, John"),
    ("authors:\n  - name: \"Ann Lee\"\n    url: https://example.org\n  - name: Bo Park\n  - Cy Ode", "Ann Lee, Bo Park and Cy Ode"),
    ('authors = ["Jane Roe"]', "Jane Roe"),
    ("author: \"Jane Roe\"", "Jane Roe"),
])
def test_front_matter_names_every_author(write, front: str, byline: str) -> None:
    text = f"---\ntitle: Budget\n{front}\n---\n\nThe council passed the transit budget on Tuesday."
    assert load([write("a.md", text)]).articles[0].byline == byline


@pytest.mark.parametrize("empty", ["null", "~", "NULL", "Null", "", "[null]", "[~, null]", "\n  - null"])
def test_a_yaml_null_states_nothing(write, empty: str) -> None:
    text = f"---\ntitle: Budget\noutlet: {empty}\nauthor: {empty}\nsite: City Times\n---\n\nThe council passed the transit budget on Tuesday."
    a = load([write("a.md", text)]).articles[0]
    assert (a.outlet, a.byline) == ("City Times", None)


def test_a_quoted_null_is_a_name(write) -> None:
    text = '---\ntitle: Budget\noutlet: "Null"\n---\n\nThe council passed the transit budget on Tuesday.'
    assert load([write("a.md", text)]).articles[0].outlet == "Null"


def test_a_list_of_links_is_navigation_and_its_heading_goes_with_it() -> None:
    text = ("# Riots in Athens\n\nProtesters marched on parliament on Monday.\n\n"
            "## See also\n\n- [Greek economy](https://example.com/a)\n- [EU summit](https://example.com/b)\n\n"
            "## Later\n\n- [Police statement](https://example.com/c): officers said the shot was a ricochet\n"
            "- A second march is planned for Friday.\n")
    blocks = parse(text).blocks
    assert blocks == [
        ("Riots in Athens", True), ("Protesters marched on parliament on Monday.", False), ("Later", True),
        ("Police statement: officers said the shot was a ricochet", False), ("A second march is planned for Friday.", False),
    ]


def test_links_labelled_by_a_cue_or_dated_are_navigation_too() -> None:
    text = ("# Shooting\n\nA gunman killed one person on Monday.\n\n"
            "**Related:** [Gunman kills one in Troy](http://x) | [More news](http://y)\n\n"
            "* [Detroit police chief speaks](http://z) - 2 hours ago\n\n"
            "Police said the [suspect](http://s) fled on foot.\n")
    assert [text for text, _ in parse(text).blocks] == [
        "Shooting", "A gunman killed one person on Monday.", "Police said the suspect fled on foot."]
