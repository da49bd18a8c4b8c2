"""The HTML report in a real headless browser (the system's Chromium): the DOM it builds has
every group and every unique mark, article markup stays text, it renders and prints to PDF.
Skipped where no Chromium is installed (.ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest

from storyview.cli import main
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import align_all, collect

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")

EVIL = (
    "Council Votes <script>document.title='pwned'</script> Tonight\n\n"
    "The city council approved the transit budget of $12 million on Tuesday after a long debate; "
    "<img src=x onerror=\"document.title='pwned'\"> and <b>tags</b> are text here."
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        f"--user-data-dir={profile}", *args,
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(command, capture_output=True, timeout=90, env=env, check=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, object]:
    """The seeds plus an article full of markup, as an HTML report written by the command."""
    folder = tmp_path_factory.mktemp("browser")
    evil = folder / "evil.txt"
    evil.write_text(EVIL, encoding="utf-8")
    from storyview.inputs.bundled import seeds_dir

    paths = [str(seeds_dir()), str(evil)]
    target = folder / "report.html"
    assert main(["--report", "html", *paths, "-o", str(target)]) == 0
    return target, align_all(collect(load(paths)), Settings())


def test_dom_has_every_group_and_mark(report, tmp_path) -> None:
    target, stories = report
    # The seeds and the council's budget are two stories: the report has a section for each.
    assert len(stories) == 2
    done = chromium(tmp_path, "--dump-dom", target.as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = lxml.html.fromstring(done.stdout.decode("utf-8"))
    assert dom.findtext(".//title").endswith("· storyview") and "pwned" not in dom.findtext(".//title")
    groups = dom.xpath("//section[@class='group']")
    assert [int(g.get("data-group")) for g in groups] == [g.id for story in stories for g in story.groups]
    marks = [m.text_content() for m in dom.xpath("//mark[not(ancestor::p[@class='meta'])]")]
    expected = [story.paragraph(m).text[a:b] for story in stories for g in story.groups for m in g.members
                for a, b in story.unique(m)]
    assert sorted(marks) == sorted(expected)  # a story's legend (in its meta line) aside
    # The browser saw the article's markup as text: no script ran, no element was made from it.
    assert not dom.xpath("//script | //img | //section[contains(@id, 'groups')]//b")
    assert "<img src=x onerror=" in dom.xpath("//section[@id='s2-groups']")[0].text_content()
    assert dom.xpath("//table[@class='coverage']//tr[@data-group]")


def test_screenshot_renders(report, tmp_path) -> None:
    target, _ = report
    shot = tmp_path / "report.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", "--hide-scrollbars", target.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 900)
    assert len(data) > 20_000  # text and tables, not a blank page


def test_prints_to_pdf(report, tmp_path) -> None:
    target, story = report
    pdf = tmp_path / "report.pdf"
    done = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", target.as_uri())
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages >= 3, pages  # a story of this size is several printed pages
