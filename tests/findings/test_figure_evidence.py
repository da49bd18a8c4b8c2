"""When two different figures are called a conflict: the evidence rules of figures round 7
(issue 18, part 1). Each rule is about how reports count, not about one set."""

from __future__ import annotations

from storyview.findings.figures import find_figures
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from


def story(**texts: str):
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


def conflicts(figures) -> list[set[str]]:
    return [{x.text for x in f.mentions} for f in figures if f.status == "conflict"]


def test_figures_far_apart_in_value_count_two_things() -> None:
    # Reports that disagree on one thing disagree by a little: 40 and 200 homes are two counts.
    far = find_figures(story(a="The fire destroyed 40 homes on Saturday near Riverton.",
                             b="The fire destroyed 200 homes on Saturday near Riverton."))
    assert not conflicts(far)
    near = find_figures(story(a="The fire destroyed 40 homes on Saturday near Riverton.",
                              b="The fire destroyed 120 homes on Saturday near Riverton."))
    assert {"40", "120"} in conflicts(near)



def test_a_decade_is_no_year() -> None:
    from storyview.findings.figures import agreement, mentions

    [thirties] = mentions("x", 0, "The family was founded in the 1930's by Luciano.")
    assert (thirties.text, thirties.value) == ("1930", "1930s")
    assert mentions("x", 0, "It grew in the 1930s.")[0].value == "1930s"
    [year] = mentions("x", 0, "The family was founded in 1931.")
    [forties] = mentions("x", 0, "It grew in the 1940s.")
    assert agreement(thirties, forties) == "conflict"
    # 1931 is a year of the 1930s: never a conflict (a decade is compared with decades only).
    figures = find_figures(story(a="The family was founded in the 1930's by Charles Luciano, the gangster.",
                                 b="The family was founded in 1931 by Charles Luciano, the gangster."))
    assert not conflicts(figures)


def test_a_number_by_a_slash_or_a_lost_character_is_no_count() -> None:
    from storyview.findings.figures import mentions

    for text in ("He served 41 / 2 months in prison.", "He served 4 1/2 months.", "Open 24/7.",
                 "The 2008/09 season.", "He served 4\ufffd months in prison."):
        assert [m.text for m in mentions("x", 0, text)] == [], text
    assert [m.text for m in mentions("x", 0, "He served four months in prison, 2 of them in Texas.")] == ["four", "2"]
