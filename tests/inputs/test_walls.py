"""A wall of text (an article whose line breaks were lost) is read as paragraphs, cut at
sentence ends, so its parts line up with what other sources tell."""

from __future__ import annotations

import shutil
from pathlib import Path

from storyview.engine.segment import sentence_spans
from storyview.inputs.bundled import seeds_dir
from storyview.inputs.parse import PART_WORDS, WALL_SENTENCES, WALL_WORDS, parse_article, split_walls
from storyview.pipeline import build_story

SENTENCE = "The council met on Tuesday and voted to close the old bridge to lorries for good."  # 16 words


def test_a_wall_is_cut_at_sentence_ends_and_nothing_is_lost() -> None:
    wall = " ".join([SENTENCE] * 20)  # 320 words, 20 sentences
    parts, headings = split_walls([wall])
    assert len(parts) > 1 and headings == [False] * len(parts)
    assert " ".join(parts) == wall
    assert all(len(sentence_spans(p)) >= 1 and p.endswith(".") for p in parts)
    assert all(len(p.split()) >= PART_WORDS for p in parts)


def test_long_paragraphs_that_are_not_walls_stay_whole() -> None:
    few_sentences = " ".join([SENTENCE.rstrip(".") + " and then" * 20 + "."] * (WALL_SENTENCES - 1))
    short = " ".join([SENTENCE] * WALL_SENTENCES)
    assert len(few_sentences.split()) >= WALL_WORDS and len(short.split()) < WALL_WORDS
    assert split_walls([few_sentences, short]) == ([few_sentences, short], [False, False])


def test_a_heading_is_never_cut() -> None:
    wall = " ".join([SENTENCE] * 20)
    assert split_walls([wall, wall], [True, False])[1][0] is True
    assert split_walls([wall, wall], [True, False])[0][0] == wall


def test_an_article_on_one_line_is_read_as_paragraphs_that_line_up(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    one = sorted(folder.glob("000_*.txt"))[0]
    lines = [ln.strip() for ln in one.read_text(encoding="utf-8").splitlines() if ln.strip()]
    one.write_text(" ".join(lines[1:]) + "\n", encoding="utf-8")  # the body on one line
    article = parse_article("000", str(one), one.read_text(encoding="utf-8"))
    assert sum(p.kind == "body" for p in article.paragraphs) > 5
    story = build_story([str(folder)])
    source = story.articles[0].id
    assert source.startswith("000")
    shared = [g for g in story.groups if len({m.source for m in g.members}) > 1 and any(m.source == source for m in g.members)]
    assert len(shared) >= 3
    assert not any(source in w and "share no part" in w for w in story.warnings)


def test_a_wall_of_chinese_is_cut_at_its_full_stops() -> None:
    sentence = "市议会周二投票决定永久禁止卡车通过这座老桥。"  # 22 characters, each a word
    wall = sentence * 15
    parts, _ = split_walls([wall])
    assert len(parts) > 1 and "".join(parts) == wall
    assert all(part.endswith("。") for part in parts)
