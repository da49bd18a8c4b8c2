"""A small corpus of several multi-source stories for the batch tests.

The corpus is the five seed articles (one story told five ways) and three short stories each
told by three outlets, the later tellings lightly edited (words swapped, a sentence left out),
plus one article no other source carries.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from storyview.inputs.bundled import seeds_dir

STORIES = {
    "quake": (
        "Strong earthquake shakes Valparaiso",
        "A magnitude 6.8 earthquake struck off the coast of Valparaiso on Tuesday morning, the "
        "Chilean seismological service said. Buildings swayed in Santiago, 120 kilometres away.",
        "Four people were killed when a wall collapsed in the port district of Valparaiso, regional "
        "governor Rodrigo Mundaca said. At least 37 were taken to hospital with injuries.",
        "The navy lifted a tsunami warning after two hours. Fishermen in San Antonio said the sea "
        "had pulled back about 40 metres before returning.",
        "Chile sits on the Pacific Ring of Fire. A magnitude 8.8 earthquake in 2010 killed more "
        "than 500 people in the south of the country.",
    ),
    "strike": (
        "Dock workers strike at Rotterdam port",
        "Dock workers at the port of Rotterdam walked out on Monday in a dispute over automation, "
        "the FNV union said. About 3,000 members joined the 48-hour strike.",
        "Container terminals operated by Hutchison and APM Terminals were at a standstill, and "
        "more than 25 ships waited at anchor in the North Sea.",
        "The union wants a guarantee that no jobs will be lost to automated cranes before 2030. "
        "Employers said the demand was unaffordable and called the strike irresponsible.",
        "Rotterdam is the largest port in Europe and handled 14.5 million containers last year.",
    ),
    "election": (
        "Tasmania votes in snap election",
        "Voters in Tasmania go to the polls on Saturday in a snap election called by premier "
        "Jeremy Rockliff after his budget was defeated in parliament in June.",
        "Polls suggest neither the Liberals nor Labor will win the 18 seats needed for a majority "
        "in the 35-seat House of Assembly, leaving the Greens and independents in a strong position.",
        "The future of a stadium in Hobart, estimated to cost 775 million dollars, has dominated "
        "the campaign. Labor leader Dean Winter said he would review the contract.",
        "It is the third state election in Tasmania since 2021.",
    ),
}
LONE = ("Rare orchid found in Yorkshire", "Botanists from Kew identified a ghost orchid in a "
        "Yorkshire wood, the first sighting of Epipogium aphyllum in the county since 1953.",
        "The plant has no leaves and flowers underground for years at a time.")
SWAPS = {"said": "stated", "killed": "left dead", "about": "around", "more than": "over",
         "walked out": "went on strike", "wants": "is seeking", "estimated": "expected"}


def retell(paragraphs: tuple[str, ...], outlet: int) -> str:
    """The `outlet`-th telling: outlet 0 as written, the others lightly edited."""
    out = []
    for n, paragraph in enumerate(paragraphs):
        text = paragraph
        if outlet:
            for k, (a, b) in enumerate(SWAPS.items()):
                if (k + outlet) % 2:
                    text = text.replace(a, b)
            sentences = re.split(r"(?<=\.) (?=[A-Z])", text)
            if n == outlet and len(sentences) > 1:
                text = " ".join(sentences[:-1])
        out.append(text)
    return "\n\n".join(out) + "\n"


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds_dir().glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    for name, paragraphs in STORIES.items():
        for outlet in range(3):
            (folder / f"{name}_{outlet}.txt").write_text(retell(paragraphs, outlet), encoding="utf-8")
    (folder / "orchid.txt").write_text("\n\n".join(LONE) + "\n", encoding="utf-8")
    return folder
