"""Chinese and Japanese pages and files: a paragraph that ends with a full-width stop is prose,
not a headline-shaped teaser; "2025年11月7日" is a date; a page's headline is never its outlet."""

from __future__ import annotations

from storyview.inputs import web
from storyview.inputs.boilerplate import is_teaser, title_like
from storyview.inputs.load import load
from storyview.inputs.parse import stated_date

LEDE = "新华社成都6月1日电，四川省雅安市芦山县周三下午发生6.1级地震，震源深度17公里。"
TOLL = "据当地应急管理部门通报，地震已造成至少12人死亡，100多人受伤，部分房屋倒塌。"
RESCUE = "救援人员连夜在废墟中搜寻幸存者。当局表示，伤亡人数可能继续上升。"
HEADLINE = "四川发生6.1级地震 至少12人遇难"


def test_a_sentence_ending_in_a_full_width_stop_is_not_headline_shaped() -> None:
    for text in (LEDE, TOLL, RESCUE, "日本の首相は月曜日に辞任を表明した！"):
        assert not title_like(text) and not is_teaser(text)
    assert title_like(HEADLINE)


def test_a_chinese_file_keeps_every_paragraph_as_body_text(write) -> None:
    path = write("quake.txt", "\n\n".join([HEADLINE, "2024年6月1日", LEDE, TOLL, RESCUE]) + "\n")
    other = write("other.txt", "\n\n".join(["雅安芦山强震", TOLL, RESCUE]) + "\n")
    article = load([path, other]).articles[0]
    assert article.title == HEADLINE
    assert article.date == "2024-06-01"
    assert [p.text for p in article.body] == [LEDE, TOLL, RESCUE]


def test_chinese_and_japanese_dates() -> None:
    assert stated_date("2024年6月1日 来源：新华网") == "2024-06-01"
    assert stated_date("2025 年 11 月 7 日") == "2025-11-07"
    assert stated_date("2024年2月30日") is None  # no such day


def test_a_page_whose_title_is_headline_then_site_names_the_site_not_the_headline(write) -> None:
    body = "".join(f"<p>{p}</p>" for p in (LEDE, TOLL, RESCUE))
    html = (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{HEADLINE} | 新闻网</title>'
            f"</head><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>")
    extracted = web.extract(html)
    assert extracted is not None
    assert extracted.title == HEADLINE
    assert extracted.site == "新闻网"
