"""The analysis of a story: computed once, with automatic garbage collection paused meanwhile
and put back as it was found, also when the analysis fails."""

from __future__ import annotations

import gc

import pytest

from storyview.findings import analysis
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from


def story():
    texts = {"a": "The council said “we will fix the bridge” on Monday.", "b": "“We will fix the bridge,” the council said."}
    return story_from(Loaded(articles=[parse_article(k, f"{k}.txt", t) for k, t in texts.items()]), Settings())


@pytest.fixture
def seen(monkeypatch) -> list[bool]:
    """Whether the collector was on while quotes were looked for, at each analysis."""
    states: list[bool] = []
    find_quotes = analysis.find_quotes

    def spy(s):
        states.append(gc.isenabled())
        return find_quotes(s)

    monkeypatch.setattr(analysis, "find_quotes", spy)
    return states


def test_the_collector_is_paused_and_put_back(seen) -> None:
    assert gc.isenabled()
    s = story()
    result = analysis.analyse(s)
    assert seen == [False] and gc.isenabled()
    assert analysis.analyse(s) is result and seen == [False]  # remembered, not computed again
    assert len(result.quotes) == 1


def test_a_collector_that_was_off_stays_off(seen) -> None:
    gc.disable()
    try:
        analysis.analyse(story())
        assert seen == [False] and not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_put_back_when_the_analysis_fails(monkeypatch) -> None:
    def fail(s):
        raise RuntimeError("no")

    monkeypatch.setattr(analysis, "find_figures", fail)
    with pytest.raises(RuntimeError):
        analysis.analyse(story())
    assert gc.isenabled()
