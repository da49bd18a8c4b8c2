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

