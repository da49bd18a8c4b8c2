"""Figures: numbers, money and dates the sources state for the same thing, side by side.

1. Mentions: every number ("10,000", "two", "$75 billion", "12%"), vague quantity
   ("thousands", "dozens", "tens of thousands"), hedged number ("more than 200", "nearly 10,000")
   and date ("November 7, 2025", "January 2026", "in August", "Thursday", "2023") in a
   headline or body paragraph, with the range of values it stands for.
2. The same thing: two mentions of different sources of one kind (count, money, percent, date)
   whose nearby words match — weighted by how rare the words are in this story, with a bonus
   when the aligner put their paragraphs in one group. Mentions are grouped strongest pair
   first, at most one per source, as the aligner groups paragraphs. Two reports that state no
   distinctive figure alike and name few of the same people tell two events (two awards, two
   months' figures): their figures never make a disagreement.
3. Agreement: ``agree`` (the same value), ``imprecise`` (compatible, but one is vague or hedged
   where another is exact: "10,000" and "thousands"), ``conflict`` (different figures: "Thursday"
   and "Friday", "200" and "thousands", "at least six" and "at least eight" months). Anything
   but ``agree`` is a disagreement.
"""

from storyview.findings.figures.agreement import agreement
from storyview.findings.figures.match import find_figures
from storyview.findings.figures.mentions import Figure, Kind, Mention, Status, mentions

__all__ = ["Figure", "Kind", "Mention", "Status", "agreement", "find_figures", "mentions"]
