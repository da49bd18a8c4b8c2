"""Chinese and Japanese put no space between words: each Han or kana character is a word to the
aligner, full-width 。！？ end sentences, and a folder of Chinese reports splits into its stories
and lines up like an English one."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storyview.engine.segment import WORD_RE, fold, sentences, word_count, word_re
from storyview.engine.shares import source_shares
from storyview.engine.stories import _words, split_stories
from storyview.inputs.load import load
from storyview.model import Settings
from storyview.pipeline import build_story

QUAKE_A = """四川发生6.1级地震 至少12人遇难

新华社成都6月1日电，四川省雅安市芦山县周三下午发生6.1级地震，震源深度17公里。

据当地应急管理部门通报，地震已造成至少12人死亡，100多人受伤，部分房屋倒塌。

救援人员连夜在废墟中搜寻幸存者。当局表示，伤亡人数可能继续上升。

国家地震局已派出工作组赶赴灾区，指导抗震救灾工作。
"""
QUAKE_B = """雅安芦山强震：死亡人数升至15人

四川雅安芦山县周三发生的6.1级强烈地震，截至周四上午已造成15人死亡，130人受伤。

消防和武警部队正在废墟中搜救被困人员，当地已搭建临时安置点，安置受灾群众约两万人。

一位村民说：“房子一下子就塌了，我们什么都来不及拿。”

气象部门预计灾区未来几天将有降雨，可能引发山体滑坡。
"""
TRAIN_A = """广州地铁列车脱轨 30名乘客受伤

广州地铁三号线一列列车周二早高峰时段在体育西路站附近脱轨，造成30名乘客受伤，其中3人伤势较重。

广州地铁公司表示，事故原因正在调查中，初步判断与信号系统故障有关。

三号线部分区段暂停运营，公司安排了接驳公交疏导乘客。
"""
TRAIN_B = """广州地铁三号线脱轨事故调查启动

周二上午，广州地铁三号线列车在体育西路站附近脱轨，导致30人受伤。

市政府已成立事故调查组，地铁公司负责人表示将全力配合调查，并向受伤乘客致歉。

有乘客称，列车在进站前突然剧烈晃动，随后车厢倾斜。
"""


def folder(tmp_path: Path, **texts: str) -> Path:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_each_han_or_kana_character_is_a_word_and_latin_words_stay_whole() -> None:
    text = "东京でiPhone手机を買った U.S. officials"
    norms = [t.norm for s in sentences(text) for t in s.tokens]
    assert norms == [fold(w) for w in ("东", "京", "で", "iphone", "手", "机", "を", "買", "っ", "た", "us", "officials")]
    assert fold("で") != fold("て")  # a voicing mark is no accent
    assert word_count(text) == 12


def test_full_width_stops_end_sentences_with_no_space_after_them() -> None:
    text = "地震造成12人死亡。救援人员正在搜寻幸存者！当局表示“伤亡人数可能上升。”下一句"
    spans = [text[s.start:s.end] for s in sentences(text)]
    assert spans == ["地震造成12人死亡。", "救援人员正在搜寻幸存者！", "当局表示“伤亡人数可能上升。”", "下一句"]


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=80))
def test_text_without_han_or_kana_is_read_as_before(text: str) -> None:
    assert word_re(text) is WORD_RE
    assert word_count(text) == len(text.split())


def test_a_story_fingerprint_reads_a_han_run_as_overlapping_pairs() -> None:
    assert _words("强烈地震 iPhone手机 2005") == ["强烈", "烈地", "地震", "iPhone", "手机", "2005"]


def test_a_folder_of_chinese_reports_splits_into_its_two_stories(tmp_path: Path) -> None:
    root = folder(tmp_path, quake_a=QUAKE_A, quake_b=QUAKE_B, train_a=TRAIN_A, train_b=TRAIN_B)
    articles = load([str(root)]).articles
    stories = split_stories(articles)
    by_source = sorted(sorted(articles[i].id for i in s.members) for s in stories)
    assert by_source == [["quake_a", "quake_b"], ["train_a", "train_b"]]
    # No capitalised names to label a story by: its headline does.
    assert all(s.label in (QUAKE_A.split("\n")[0], QUAKE_B.split("\n")[0], TRAIN_A.split("\n")[0],
                           TRAIN_B.split("\n")[0]) for s in stories)


def test_chinese_reports_line_up_paragraph_by_paragraph(tmp_path: Path) -> None:
    root = folder(tmp_path, quake_a=QUAKE_A, quake_b=QUAKE_B)
    story = build_story([str(root)], Settings(semantic=False))
    assert all(len(a.body) == 4 for a in story.articles)  # every paragraph is body text, none debris
    grouped = {tuple(sorted((m.source, m.paragraph) for m in g.members)) for g in story.groups}
    # The rescue paragraphs tell the same thing in other words.
    assert (("quake_a", 3), ("quake_b", 2)) in grouped
    # The lede's toll and the other's are in one row.
    assert any({("quake_a", 2), ("quake_b", 1)} <= set(members) for members in grouped)
    for share in source_shares(story).values():
        assert 0 <= share.unique_words <= share.words
