"""Issue 19: reports name sources as the reader does, and take the story's label as their title."""

from __future__ import annotations

import re
from pathlib import Path

from storyview.exports.html import to_html
from storyview.exports.markdown import markdown
from storyview.exports.wording import headline, report_title
from storyview.model import Story
from storyview.pipeline import build_story


def test_the_title_is_the_storys_label_not_a_long_headline(seed_story: Story) -> None:
    md = markdown(seed_story)
    title = md.splitlines()[0]
    assert title == f"# {seed_story.title}"  # the lede's opening words
    assert seed_story.lede is not None and len(set(seed_story.lede.sources)) == len(seed_story.articles)
    assert len(title) < 60 and title != f"# {seed_story.articles[0].title}"
    assert f"<h1>{report_title(seed_story)}</h1>" in to_html(seed_story)


def test_sources_go_by_short_id_with_outlet_and_headline(seed_story: Story) -> None:
    md = markdown(seed_story).replace("\\_", "_")
    coverage = md.split("\n## Coverage\n")[1].split("\n## Groups\n")[0]
    assert "| group | about | 000 | 001 | 002 | 003 | 004 | sources |" in coverage
    groups = md.split("\n## Groups\n")[1]
    headers = [line for line in groups.splitlines() if line.startswith("| 00")]
    assert headers and all("_77808fc77837df52" not in line and "_0b1f90e86e75de80" not in line for line in headers)
    assert any("004 · CNN · " in line for line in headers)  # outlet, then the headline
    page = to_html(seed_story)
    assert '<th class="source-id" title="000 · Federal Immigration' in page
    assert re.search(r'<th><span class="source-id">001</span><br>Following the election of', page)


def test_a_source_without_a_title_is_named_by_its_first_words(tmp_path: Path) -> None:
    for name, text in {
        "report_1": "The council approved the new harbour budget on Monday after a long and heated debate.",
        "report_2": "On Monday the council approved the new harbour budget after a long and heated debate.",
    }.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    story = build_story([str(tmp_path)])
    assert all(a.title is None for a in story.articles)
    assert headline(story.articles[0]) == "The council approved the new harbour budget on Monday after…"
    md = markdown(story)
    assert "| report\\_1 | The council approved the new harbour budget on Monday after… |" in md


def test_a_single_article_goes_by_its_headline() -> None:
    """rep19: a one-article story was called by its opening words ("The dollar has hit its
    highest level against the…") where its headline says it better."""
    from storyview.inputs.load import Loaded
    from storyview.inputs.parse import parse_article
    from storyview.model import Settings
    from storyview.pipeline import story_from

    text = "Dollar gains on Greenspan speech\n\nThe dollar has hit its highest level against the euro in almost three months."
    story = story_from(Loaded(articles=[parse_article("d", "d.txt", text)]), Settings())
    assert story.title == "Dollar gains on Greenspan speech"


def test_a_file_name_with_a_line_break_keeps_the_sources_table_whole(tmp_path: Path) -> None:
    """try32: a newline in a file name broke the Markdown report's Sources table."""
    text = "Police closed the bridge on Tuesday after the storm, officials said.\n"
    (tmp_path / "odd\nname.txt").write_text(text)
    (tmp_path / "plain.txt").write_text(text.replace("Tuesday", "Wednesday"))
    report = markdown(build_story([str(tmp_path)]))
    table = report.split("## Sources", 1)[1].strip().split("\n\n", 1)[0].splitlines()
    assert len(table) == 4 and all(line.startswith("|") and line.endswith("|") for line in table), table
