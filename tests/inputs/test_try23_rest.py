"""The rest of tryout 23 (issue 18): an author's footer is metadata, a page with no story says
so, nothing read is dropped without a trace. All text is made up for these tests.
"""

from __future__ import annotations

import pytest
from storyview.inputs.parse import parse_article

STORY = [
    "Harbour bridge shut after barge strike",
    "By Ann Reid",
    "A runaway barge struck the Eastgate harbour bridge on Tuesday night, forcing engineers to close it to traffic.",
    "Inspectors found cracks in two of the bridge's supports, the port authority said on Wednesday.",
]


def kinds(paras: list[str]) -> dict[str, str]:
    return {p.text: p.kind for p in parse_article("x", "x", "\n\n".join(paras)).paragraphs}


# ---------------------------------------------------------------- an author's footer


@pytest.mark.parametrize("footer", [
    "Ann Reid is a regular commentator on the Harbour Radio programme Go Digital.",
    "Jane Doe is a senior fellow at the Institute for Port Studies.",
    "Tom Okafor is the author of Bridges and Barges, published by Quay Press.",
    "Simon Perry is the editor of the Harbour Lifestyles website, which covers the port",
    "Ann Reid is a writer who lives in Eastgate.",
])
def test_a_closing_line_on_who_the_writer_is_is_metadata(footer: str) -> None:
    got = kinds([*STORY, footer])
    assert got[footer] == "byline"
    assert got[STORY[3]] == "body"


def test_a_column_s_footer_is_metadata_when_its_standfirst_credits_the_writer() -> None:
    paras = ["Who runs the harbour?",
             "The port's real problem is not barges but bridges, argues analyst Bill Thompson.",
             STORY[2], STORY[3], "Bill Thompson is a regular commentator on the Harbour Radio programme Go Digital."]
    got = kinds(paras)
    assert got[paras[-1]] == "byline"
    assert got[paras[1]] == "body"


@pytest.mark.parametrize("paras", [
    # about someone the story is about, not its writer
    [*STORY[:3], "Tom Okafor, the harbour master, said the barge had slipped its moorings.",
     "Tom Okafor is a senior fellow at the Institute for Port Studies."],
    # not at the end
    [*STORY, "Jane Doe is a senior fellow at the Institute for Port Studies.",
     "Engineers will report on the supports next week, the council said."],
    # no writer's role
    [*STORY, "Jo Smith is a regular at the harbour bar, where the barge crew drank on Tuesday."],
    # more than the one sentence
    [*STORY, "Jane Doe is the editor of the Port Gazette. She said the bridge had been unsafe for years."],
])
def test_story_lines_like_a_footer_stay(paras: list[str]) -> None:
    assert kinds(paras)[paras[-1]] == "body"
