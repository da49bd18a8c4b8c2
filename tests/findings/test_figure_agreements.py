"""When two figures of the same value are called an agreement (issue 18, fig26): "agree" tells a
reader the sources confirm each other, so the two must be told of one thing by the rules a
conflict holds to. Each rule is about how reports count, not about one set."""

from __future__ import annotations

from figure_helpers import story
from storyview.findings.figures import find_figures


def agreements_in(**texts: str) -> list[set[str]]:
    """The texts of each agreement `find_figures` lists, one source per keyword."""
    return [{f"{m.source}:{m.text}" for m in f.mentions} for f in find_figures(story(**texts)) if f.status == "agree"]


def test_a_weekday_of_another_act_is_no_agreement() -> None:
    # The day a fugitive was caught is not the day he escaped, whatever the weekday's name: the
    # sentence tells the escape as before the act it dates.
    caught = "A week after escaping from a prison van near Riverton, the convicted robber was captured Monday, police said."
    fled = "The convicted robber escaped Monday from a prison van near Riverton after pulling a gun on the guards."
    assert not any({"a:Monday", "b:Monday"} <= found for found in agreements_in(a=caught, b=fled))
    # One act told twice is one day, however the sentences are worded.
    again = "The convicted robber escaped on Monday from a prison van near Riverton, pulling a gun on two guards."
    assert any({"a:Monday", "b:Monday"} <= found for found in agreements_in(a=again, b=fled))



def test_a_weekday_of_another_act_joins_no_agreement_of_others() -> None:
    # Two reports of the escape agree on its day; the capture's Monday joins neither of them.
    fled = "The convicted robber escaped Monday from a prison van near Riverton, pulling a gun on two guards."
    again = "The convicted robber escaped on Monday from a prison van near Riverton, pulling a gun on two guards."
    caught = "A week after escaping from a prison van near Riverton, the convicted robber was captured Monday, police said."
    found = agreements_in(a=fled, b=again, c=caught)
    assert any({"a:Monday", "b:Monday"} <= f for f in found)
    assert not any("c:Monday" in f for f in found)
