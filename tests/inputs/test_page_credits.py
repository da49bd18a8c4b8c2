"""Saved news pages read right (tryout 14): paywall calls, standards lines and credited photo
captions are furniture; dates a page prints are read; bylines and outlets are tidy; a standfirst
the extraction drops is kept. All text is made up for these tests.
"""

from __future__ import annotations

import pytest
from storyview.inputs.boilerplate import is_cue
from storyview.inputs.parse import parse_article

STORY = [
    "Harbour bridge shut after barge strike",
    "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic.",
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
]


def text_kinds(text: str) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", text).paragraphs}


# ---------------------------------------------------------------- furniture


@pytest.mark.parametrize("line", [
    "Want to read more? Subscribe to the Harbour Post from just £1 for your first month.",
    "Subscribe to the Eastgate Echo for $2 a week.",
    "Our Standards: The Harbour Media Trust Principles.",
    "Editorial standards: how we report on the port.",
    "Learn more about our editorial standards and corrections.",
    "The barge was towed clear of the bridge on Wednesday morning. Image source, Getty Images",
    "Engineers inspect the cracked support on Wednesday. Photograph: Jo Bloggs/Shutterstock",
    "Divers check the pier after the strike. Picture: Ann Reid",
    "Traffic queues at the closed bridge (Photo: Harbour Post)",
])
def test_paywall_standards_and_credited_captions_are_furniture(line: str) -> None:
    assert is_cue(line)
    got = text_kinds("\n\n".join([*STORY[:2], line, STORY[2]]))
    assert got[line] == "boilerplate"
    assert got[STORY[2]] == "body"


@pytest.mark.parametrize("line", [
    "The overall picture: the bridge will stay shut for weeks, the engineer said.",
    "Subscribers to the ferry service pay £3 for a return ticket, the operator said.",
    "Our standards are high, and this barge fell short of them, the port authority said.",
    "The council said the picture, taken on Friday, showed the barge drifting for an hour.",
    "The company said its editorial principles were being reviewed after the complaint.",
    "Want to know why the barge drifted? Inspectors are still asking, the mayor said.",
])
def test_story_lines_like_furniture_stay(line: str) -> None:
    assert not is_cue(line)
    got = text_kinds("\n\n".join([*STORY, line]))
    assert got[line] == "body"
