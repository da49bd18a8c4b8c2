"""Reports: Markdown and self-contained HTML with the same content as the reader — sources,
coverage, every group side by side with unique text highlighted, quotes, figures, rewrites —
article text escaped, and `-o` written atomically, never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt
from storyview.cli import main
from storyview.exports.html import to_html
from storyview.exports.markdown import markdown, md_escape
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings
from storyview.pipeline import story_from

HOSTILE = (
    "Budget <b>Vote</b> & <script>alert('x')</script> Tonight\n\n"
    "The council approved the **transit** budget of $12 million on Tuesday after a | long | debate, "
    "ignoring [a link](http://evil.example) and <img src=x onerror=alert(1)> markup, &amp; entities too."
)
OTHER = "On Tuesday the city council approved the transit budget of $12 million, which buys electric buses, after a long debate."


def unique_texts(story) -> set[str]:
    return {story.paragraph(m).text[a:b] for g in story.groups for m in g.members for a, b in story.unique(m)}


def test_markdown_structure(seed_story) -> None:
    md = markdown(seed_story)
    for heading in ("## Sources", "## Rewrites", "## Quotes", "## Figures", "## Coverage", "## Groups"):
        assert f"\n{heading}\n" in md
    assert md.count("\n### Group ") == len(seed_story.groups)
    # Coverage: one row per group, a ● per source that tells it.
    coverage = md.split("\n## Coverage\n")[1].split("\n## Groups\n")[0]
    rows = [line.split(" | ")[2:-1] for line in coverage.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == len(seed_story.groups)
    assert [[c.strip() == "●" for c in r] for r in rows] == [
        [a.id in g.sources for a in seed_story.articles] for g in seed_story.groups
    ]
    # Unique text is bold, and every unique span is in the report.
    html = MarkdownIt("commonmark").enable("table").render(md)
    strong = {e.text_content() for e in lxml.html.fromstring(f"<div>{html}</div>").iter("strong")}
    assert unique_texts(seed_story) <= strong
    assert "001_0b1f90e86e75de80 reads as a paragraph-by-paragraph rewrite of 000_77808fc77837df52" in md.replace("\\_", "_")
    assert "hire" in md and "10,000" in md and "thousands" in md


def test_html_structure(seed_story) -> None:
    page = to_html(seed_story)
    assert page.startswith("<!DOCTYPE html>")
    tree = lxml.html.fromstring(page)
    assert len(tree.xpath("//section[@class='group']")) == len(seed_story.groups)
    assert len(tree.xpath("//table[@class='coverage']/tbody/tr")) == len(seed_story.groups)
    marks = {m.text_content() for m in tree.iter("mark")}
    assert unique_texts(seed_story) <= marks
    for group in seed_story.groups:
        section = tree.xpath(f"//section[@data-group='{group.id}']")[0]
        cells = section.xpath(".//td/@data-source")
        assert cells == list(dict.fromkeys(group.sources))
    assert tree.xpath("//li[@data-verdict='rewrite']")
    assert tree.xpath("//tr[@data-status='imprecise']") and tree.xpath("//ul[@class='quotes']/li")
    # Self-contained: no script, nothing to fetch, a policy that forbids fetching.
    assert not tree.xpath("//script | //link | //img | //iframe | //*[@src]")
    assert all(h.startswith("#") for h in tree.xpath("//a/@href"))
    assert "default-src 'none'" in page and "@media print" in page


def _hostile_story():
    articles = [parse_article("evil", "evil.txt", HOSTILE), parse_article("other", "other.txt", OTHER)]
    return story_from(Loaded(articles=articles), Settings())


def test_html_escapes_article_text() -> None:
    story = _hostile_story()
    page = to_html(story)
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script | //img | //b")
    body = tree.xpath("//section[@id='groups']")[0].text_content()
    assert "<script>alert('x')</script>" in tree.text_content()
    assert "<img src=x onerror=alert(1)>" in body and "**transit**" in body and "[a link](http://evil.example)" in body
    assert "&amp;amp; entities" in page  # the text says "&amp;": shown as typed


def test_markdown_escapes_article_text() -> None:
    story = _hostile_story()
    md = markdown(story)
    html = MarkdownIt("commonmark").enable("table").render(md)
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    assert not tree.xpath("//script | //img | //b | //a")
    text = tree.text_content()
    assert "<script>alert('x')</script>" in text and "**transit**" in text and "[a link](http://evil.example)" in text
    assert "&amp; entities" in text
    assert md_escape("a|b*c_d<e>") == "a\\|b\\*c\\_d&lt;e&gt;"


def test_unique_marks_match_the_story() -> None:
    story = _hostile_story()
    m = Member("other", 0)
    spans = story.unique(m)
    assert spans, "the other source should have text of its own"
    page = to_html(story)
    expected = {story.paragraph(m).text[a:b] for a, b in spans}
    assert expected <= {e.text_content() for e in lxml.html.fromstring(page).iter("mark")}


# ---------------------------------------------------------------- the command


def test_report_to_stdout(capsys, write) -> None:
    a, b = write("a.txt", HOSTILE), write("b.txt", OTHER)
    assert main(["--report", "md", a, b]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# ") and "## Groups" in out and err == ""
    assert main(["--report", "html", a, b]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_file_is_written_atomically(capsys, write, tmp_path, fmt) -> None:
    a, b = write("in/a.txt", HOSTILE), write("in/b.txt", OTHER)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"story.{fmt}"
    target.write_text("old report")
    target.chmod(0o640)
    code = main(["--report", fmt, a, b, "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 0 and out == "" and err.strip() == f"storyview: wrote {target}"
    assert os.listdir(out_dir) == [target.name]  # no temporary file left behind
    assert target.stat().st_mode & 0o777 == 0o640
    text = target.read_text()
    assert ("<!DOCTYPE html>" if fmt == "html" else "# ") in text[:20]


def test_report_refuses_to_overwrite_an_input(capsys, write, tmp_path) -> None:
    a, b = write("a.txt", HOSTILE), write("b.txt", OTHER)
    before = Path(a).read_bytes()
    assert main(["--report", "md", a, b, "-o", a]) == 1
    out, err = capsys.readouterr()
    assert out == "" and f"storyview: {a}: refusing to overwrite an input file" in err.splitlines()
    assert Path(a).read_bytes() == before


@pytest.mark.parametrize("name", ["report.html", "report.md"])
def test_report_refuses_to_write_into_an_input_folder(capsys, write, tmp_path, name) -> None:
    write("folder/a.txt", HOSTILE)
    write("folder/b.txt", OTHER)
    folder = tmp_path / "folder"
    assert main(["--report", "html", str(folder), "-o", str(folder / name)]) == 1
    assert "refusing to write into an input folder's articles" in capsys.readouterr().err
    assert not (folder / name).exists()


def test_json_and_report_are_exclusive(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--json", "--report", "md"])
    assert exc.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_a_one_paragraph_chain_follows_in_no_order_and_shows_a_dot() -> None:
    """Two one-paragraph reports of one robbery "follow" each other 100% in order, which says
    nothing about copying: the reports' follows table shows "·" there, as its caption says."""
    texts = ["Four armed robbers, two dressed as women, stole jewels worth $108m from Harry Winston in Paris.",
             "Harry Winston's Paris store was robbed of $108m in jewels by four armed men, two dressed as women.",
             "Four robbers, two of them dressed as women, took jewels worth $108m from the Harry Winston store in Paris.\n\n"
             "The police said the men fled in a car.\n\nThe store's owner said the loss was insured."]
    articles = [parse_article(n, f"{n}.txt", t) for n, t in zip("abc", texts)]
    story = story_from(Loaded(articles=articles), Settings())
    md = markdown(story)
    table = md.split("order-keeping chain")[1].split("## Quotes")[0]
    assert "· where that chain is one paragraph" in table
    row_a = next(line for line in table.splitlines() if line.startswith("| a "))
    assert [c.strip() for c in row_a.split("|")[2:-1]] == ["—", "·", "·"]
    assert "100%" not in row_a
    page = to_html(story)
    cells = lxml.html.fromstring(page).xpath("//table[@class='follows']/tbody/tr[1]/td/text()")
    assert cells == ["—", "·", "·"]


def test_a_source_quoting_a_passage_alike_twice_is_named_once() -> None:
    """Three reprints each quote "all necessary measures" in two paragraphs: each is named once,
    "twice", not two times in a row (try17)."""
    from storyview.exports.wording import quote_versions
    from storyview.findings.quotes import Quote, Version

    def version(source: str, paragraph: int, status: str = "exact") -> Version:
        return Version(source, paragraph, 0, 10, "all necessary measures", status)  # type: ignore[arg-type]

    reference = version("wire", 1)
    versions = (reference, version("wire", 4), version("a", 1), version("a", 4), version("b", 2),
                version("b", 5), version("b", 7), version("c", 3, "partial"))
    said = quote_versions(Quote(1, "all necessary measures", reference, versions), str, str)
    assert said == ["wire (reference)", "wire (word for word)", "a (word for word, twice)",
                    "b (word for word, 3 times)", "c (word for word, in part)"]


def test_reports_say_whom_the_sources_give_a_quote_to() -> None:
    texts = [
        "The Tamar bridge closed on Monday. “We will rebuild the bridge before winter,” said Mayor Ann Ruiz.",
        "The Tamar bridge closed on Monday. “We will rebuild the bridge before winter,” council leader Tom Okafor said.",
        "The Tamar bridge is closed. Ruiz said: “It is a sad day for the town and its people.”",
    ]
    articles = [parse_article(chr(ord("a") + i), f"{i}.txt", t) for i, t in enumerate(texts)]
    story = story_from(Loaded(articles=articles), Settings())
    md = markdown(story)
    line = next(x for x in md.splitlines() if x.startswith("- “We will rebuild"))
    assert "given to Mayor Ann Ruiz and to council leader Tom Okafor" in line and "**speakers differ**" in line
    assert "said by Mayor Ann Ruiz" in line and "said by council leader Tom Okafor" in line  # who gives it to whom
    assert "“It is a sad day for the town and its people”, said by Ruiz" in md
    page = lxml.html.fromstring(to_html(story))
    item = next(li for li in page.iter("li") if "We will rebuild" in li.text_content())
    assert "speakers differ" in item.text_content() and "given to Mayor Ann Ruiz" in item.text_content()
