"""Properties over arbitrary input: nothing raises, spans stay inside their text, no control
character is stored, every body paragraph is in exactly one group, and output is deterministic."""

from __future__ import annotations

import io
import json
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyview.cli import main
from storyview.exports.json_export import collection_json, to_json
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.load import Loaded, load
from storyview.inputs.parse import MAX_PARAGRAPH, parse_article, split_paragraphs
from storyview.inputs.text import Unusable, clean, decode
from storyview.model import Member, Settings, Story
from storyview.pipeline import align_all, collect, story_from

STORED_FORBIDDEN = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
CLEAN_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")

FRAGMENTS = [
    "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]8;;http://x.example\x1b\\", "\x1b]2;never ends", "\x1bP1$r",
    "\x1b[?1049h", "\x9b2J", "\x9d0;t\x9c", "\x07", "\x08", "\x7f", "\x85", "\x0c", "\x0b",
    "[bold]", "[/]", "[", "[link=http://evil.example]", "]",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", "\u00a0", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u0301", "\u0336",
    "\U0001F3F4\U000E0067\U000E0062\U000E007F", "\U000E0041", "\U0001F468\u200d\U0001F469",
    ". ", "! ", "? ", "U.S. ", "Mr. ", "(CNN) — ", "“", "”", "\"", "’", "$12 million", "#DefundTheNYPD", "…",
    "By Jane Doe, CNN", "date 2025-11-07 ", "Related Posts", "Share this article", "Photo: ",
]
WORDS = "council mayor budget police Tisch Mamdani ICE recruitment officers federal city Tuesday approved transit".split()

piece = st.one_of(
    st.text(max_size=12),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(WORDS).map(lambda w: w + " "),
)
hostile_text = st.lists(piece, max_size=60).map("".join)


def check_story(story: Story) -> None:
    for a in story.articles:
        for value in (a.id, a.title, a.date, a.byline, a.outlet):
            assert value is None or not STORED_FORBIDDEN.search(value), repr(value)
        assert [p.index for p in a.paragraphs] == list(range(len(a.paragraphs)))
        for p in a.paragraphs:
            assert p.text and p.text == p.text.strip() and len(p.text) <= MAX_PARAGRAPH
            assert not STORED_FORBIDDEN.search(p.text), repr(p.text)
            last = 0
            for start, end in story.unique(Member(a.id, p.index)):
                assert last <= start < end <= len(p.text)
                last = end
    members = [m for g in story.groups for m in g.members]
    body = [Member(a.id, p.index) for a in story.articles for p in a.body]
    assert sorted(members) == sorted(body)
    assert len(set(members)) == len(members)


def run_files(texts: list[str], encodings: list[str]) -> tuple[list[Story], str, str, str]:
    """The folder's stories built in-process (split, each aligned) and as JSON, and the CLI's output."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, (text, enc) in enumerate(zip(texts, encodings)):
            path = Path(tmp) / f"s{n}.txt"
            path.write_bytes(text.encode(enc, errors="replace"))
            paths.append(str(path))
        collection = collect(load(paths))
        stories = align_all(collection, Settings())
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--json", *paths])
        assert code == (0 if collection.articles else 1)  # 1: nothing could be read
        return stories, collection_json(collection, stories), out.getvalue(), err.getvalue()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(hostile_text, min_size=1, max_size=3),
    st.lists(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]), min_size=3, max_size=3),
)
def test_arbitrary_files_load_align_and_export(texts: list[str], encodings: list[str]) -> None:
    stories, text, out, err = run_files(texts, encodings)
    for story in stories:
        check_story(story)
    data = json.loads(text)
    assert json.loads(out)["sources"] == data["sources"]
    out.encode("utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out + err)
    assert "Traceback" not in err
    assert all(line.startswith("storyview: ") for line in err.splitlines())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        text = decode(data)
    except Unusable as exc:
        assert str(exc)
        return
    assert not CLEAN_FORBIDDEN.search(clean(text))


@settings(max_examples=100, deadline=None)
@given(hostile_text)
def test_clean_removes_controls_and_is_idempotent(text: str) -> None:
    once = clean(text)
    assert not CLEAN_FORBIDDEN.search(once)
    assert "\r" not in once and "\t" not in once
    assert clean(once) == once


@settings(max_examples=100, deadline=None)
@given(hostile_text)
def test_paragraph_splitting_loses_no_visible_character(text: str) -> None:
    text = clean(text)
    paragraphs = split_paragraphs(text)
    assert all(p and "\n" not in p and len(p) <= MAX_PARAGRAPH for p in paragraphs)
    assert "".join("".join(p.split()) for p in paragraphs) == "".join(text.split())


# Articles made of the seeds' own sentences, shuffled: realistic overlap between sources.
SEED_SENTENCES = sorted({
    s.strip()
    for path in sorted(seeds_dir().glob("*.txt"))
    for s in re.split(r"(?<=[.!?”])\s+", path.read_text(encoding="utf-8"))
    if 40 < len(s.strip()) < 400
})
paragraph = st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=3).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(article, min_size=2, max_size=4), st.floats(min_value=0.05, max_value=0.95))
def test_alignment_invariants_and_determinism(texts: list[str], threshold: float) -> None:
    def build() -> Story:
        arts = [parse_article(f"s{n}", f"s{n}.txt", clean(t)) for n, t in enumerate(texts)]
        return story_from(load_none(arts), Settings(threshold=threshold))

    first, second = build(), build()
    check_story(first)
    assert to_json(first) == to_json(second)
    for g in first.groups:
        assert g.members == tuple(sorted(g.members, key=lambda m: int(m.source[1:])))


def load_none(articles) -> Loaded:
    return Loaded(articles=list(articles))


distinct_article = st.lists(st.sampled_from(SEED_SENTENCES), unique=True, min_size=1, max_size=12).flatmap(
    lambda sents: st.lists(st.integers(1, 3), min_size=len(sents), max_size=len(sents)).map(
        lambda sizes: "\n\n".join(
            " ".join(sents[sum(sizes[:i]) : sum(sizes[:i]) + sizes[i]])
            for i in range(len(sents)) if sum(sizes[:i]) < len(sents)
        )
    )
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(distinct_article)
def test_identical_copies_have_nothing_unique(text: str) -> None:
    arts = [parse_article(s, f"{s}.txt", clean(text)) for s in ("a", "b")]
    story = story_from(load_none(arts), Settings())
    check_story(story)
    assert all(not marks.unique for marks in story.marks.values())
    for p in story.article("a").body:
        assert Member("b", p.index) in story.group_of(Member("a", p.index)).members
