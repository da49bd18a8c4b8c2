"""Issue 18.2: a mark never contradicts the page.

For any story, no marked span holds a name or a figure that stands in another source's
paragraph of the same group, nor a run of three words that does. A run of three words counts
when one of them is a content word (a run of function words alone, "one of the", is no phrase)
and it cuts no name in two (names are compared whole: "the Department of" shared says nothing
of "the Department of Community Safety"). Words written another way are the same words: a
compound and its parts ("out-of-band", "out of band"), a percentage and its number ("55%",
"55 percent", "55 per cent").
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyview.engine.segment import WORD_VALUES, words
from storyview.engine.unique import name_runs
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Member, Settings, Story
from storyview.pipeline import story_from


def alike(norms: list[str]) -> list[tuple[str, int]]:
    """The words as written alike, each with the token it comes from: compounds in their parts,
    "55%" as 55 and percent, "per cent" and "pct" as percent."""
    out: list[tuple[str, int]] = []
    x = 0
    while x < len(norms):
        n = norms[x]
        if n.endswith("%") and len(n) > 1:
            out += [(n[:-1], x), ("percent", x)]
        elif n in ("pct", "percent"):
            out.append(("percent", x))
        elif n == "per" and norms[x + 1:x + 2] == ["cent"]:
            out.append(("percent", x))
            x += 1
        elif "-" in n.strip("-") and not all(part in WORD_VALUES for part in n.split("-")):
            out += [(part, x) for part in n.split("-") if part]
        else:
            out.append((n, x))
        x += 1
    return out


def violations(story: Story) -> list[str]:
    """Every marked span holding a token sequence another source's paragraph of its group has."""
    found = []
    for group in story.groups:
        for member in group.members:
            text = story.paragraph(member).text
            tokens = words(text)
            norms = [t.norm for t in tokens]
            others = [[t.norm for t in words(story.paragraph(m).text)] for m in group.members if m.source != member.source]
            others_alike = [[w for w, _ in alike(other)] for other in others]

            def stands(run: list[str], among: list[list[str]] = others) -> bool:
                n = len(run)
                return any(other[x:x + n] == run for other in among for x in range(len(other) - n + 1))

            names = name_runs(text, tokens)
            for start, end in story.unique(member):
                inside = [x for x, t in enumerate(tokens) if start <= t.start and t.end <= end]
                if not inside:
                    continue
                a, b = inside[0], inside[-1] + 1
                for x in range(a, b):
                    t = tokens[x]
                    if (t.number or t.norm in ("two", "three", "four", "five", "ten")) and stands([t.norm]):
                        found.append(f"{member}: figure {t.norm!r} in {text[start:end]!r}")
                for na, nb in names:
                    if a <= na and nb <= b and stands(norms[na:nb]):
                        found.append(f"{member}: name {' '.join(norms[na:nb])!r} in {text[start:end]!r}")
                for x in range(a, b - 2):
                    if not any(tokens[y].content for y in range(x, x + 3)):
                        continue
                    if any(na < nb and max(na, x) < min(nb, x + 3) and not (x <= na and nb <= x + 3) for na, nb in names):
                        continue
                    if stands(norms[x:x + 3]):
                        found.append(f"{member}: phrase {' '.join(norms[x:x + 3])!r} in {text[start:end]!r}")
                mine = alike(norms)
                for k, (w, x) in enumerate(mine):
                    if a <= x < b and (tokens[x].number or w in WORD_VALUES) and w != "percent" and stands([w], others_alike):
                        found.append(f"{member}: figure {w!r} written another way in {text[start:end]!r}")
                    run = mine[k:k + 3]
                    if len(run) < 3 or not (a <= run[0][1] and run[-1][1] < b):
                        continue
                    ta, tb = run[0][1], run[-1][1] + 1
                    if not any(tokens[y].content for y in range(ta, tb)):
                        continue
                    if any(na < nb and max(na, ta) < min(nb, tb) and not (ta <= na and nb <= tb) for na, nb in names):
                        continue
                    if stands([w for w, _ in run], others_alike):
                        found.append(f"{member}: phrase {' '.join(w for w, _ in run)!r} written another way in "
                                     f"{text[start:end]!r}")
    return found


def build(texts: list[str]) -> Story:
    articles = [parse_article(f"s{i}", f"{i}.txt", t) for i, t in enumerate(texts)]
    return story_from(Loaded(articles=articles), Settings())


def test_the_seeds_never_mark_what_a_counterpart_carries(seed_story) -> None:
    assert violations(seed_story) == []


def test_dhs_and_in_the_wake_are_not_marked_on_the_seeds(seed_story) -> None:
    # 001's paragraph in the row says "(DHS)"; "in the wake" stands in 000 and 003 at once.
    for a in seed_story.articles:
        for p in a.body:
            marked = [p.text[s:e] for s, e in seed_story.unique(Member(a.id, p.index))]
            assert not any("DHS" in m or "in the wake" in m for m in marked), (a.id, marked)


NAMES = ["Jessica Tisch", "Harlow Mill", "New York", "Port Alder", "Maria Okafor", "DHS", "the Wren River",
         "Department of Public Works", "Governor Lee"]
FIGURES = ["12", "$40 million", "three", "2024", "1,500", "five", "55%", "55 percent", "55 per cent"]
PHRASES = ["in the wake of", "said on Tuesday that", "the city council", "a message to every officer",
           "will not back down from this fight", "the bridge collapsed", "repair costs rose", "officials said",
           "the mayor promised", "two buses fell into", "a fire swept through", "workers were injured",
           "an out-of-band patch", "an out of band patch", "the SEA-ME-WE cable", "the Sea Me We cable"]
FILLER = "and the of to in a new old plan budget police river night crews rescue report week".split()

piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(FIGURES), st.sampled_from(PHRASES), st.sampled_from(FILLER))


@st.composite
def sentence(draw) -> str:
    body = " ".join(draw(st.lists(piece, min_size=3, max_size=12)))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(body.split()) - 1))
        head, tail = body.split()[:cut], body.split()[cut:]
        body = " ".join(head + ["“" + " ".join(tail) + "”"])
    return body[0].upper() + body[1:] + "."


@st.composite
def source(draw, shared: list[str]) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        sents = draw(st.lists(st.one_of(st.sampled_from(shared), sentence()), min_size=1, max_size=3))
        paragraphs.append(" ".join(sents))
    return "\n\n".join(paragraphs)


@st.composite
def stories(draw) -> list[str]:
    shared = draw(st.lists(sentence(), min_size=1, max_size=4))
    return [draw(source(shared)) for _ in range(draw(st.integers(2, 4)))]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(stories())
def test_no_mark_holds_what_another_source_of_its_group_carries(texts: list[str]) -> None:
    assert violations(build(texts)) == []


def marked(story: Story, source: str, phrase: str) -> bool:
    """Is any letter of `phrase` (in its source) inside a mark?"""
    article = next(a for a in story.articles if a.id == source)
    for p in article.paragraphs:
        at = p.text.find(phrase)
        if at >= 0:
            spans = story.unique(Member(article.id, p.index))
            return any(s < at + len(phrase) and at < e for s, e in spans)
    raise AssertionError(f"{phrase!r} not in {source}")


def test_a_name_ending_in_a_compound_is_that_name() -> None:
    """try19: "Pulitzer Prize-winning" was marked unique though two other sources name the
    Pulitzer Prize; so was a "Pulitzer Prize" beside another's "Pulitzer Prize-winning"."""
    story = build([
        "Mark Felt, the FBI official who was Deep Throat, has died at 95.\n\n"
        "He guided the newspaper's Pulitzer Prize-winning investigation into the Watergate scandal.",
        "Mark Felt, who was Deep Throat, died on Thursday at 95.\n\n"
        "The Post won a Pulitzer Prize for its coverage of the Watergate scandal.",
        "Deep Throat, the FBI man Mark Felt, has died aged 95.\n\n"
        "Two reporters shared the Pulitzer Prize-winning scoop that brought Nixon down.",
    ])
    assert not marked(story, "s0", "Pulitzer Prize")
    assert not marked(story, "s1", "Pulitzer Prize")
    assert not marked(story, "s2", "Pulitzer Prize")


def test_words_written_another_way_are_not_marked() -> None:
    """try22 on ECB+ 27_ecb and 30_ecb: "55%" was marked beside another source's "55 percent",
    "out of band" beside "out-of-band", "SEA-ME-WE" beside "Sea Me We"."""
    story = build([
        "The cable cut left Egypt with 55% of its traffic and Microsoft shipped an out of band patch.\n\n"
        "Repairs to the SEA-ME-WE cable begin on Monday, the operator said.",
        "Egypt kept only 55 percent of its traffic after the cut, and Microsoft shipped an out-of-band patch.\n\n"
        "The operator said repairs to the Sea Me We cable begin on Monday.",
    ])
    for source, phrase in [("s0", "55%"), ("s0", "out of band"), ("s0", "SEA-ME-WE"),
                           ("s1", "55 percent"), ("s1", "out-of-band"), ("s1", "Sea Me We")]:
        assert not marked(story, source, phrase), (source, phrase)


def test_a_name_in_a_list_and_the_last_part_of_a_double_barrelled_name_are_names() -> None:
    """try24: "He lived in Biloxi and Jackson" was marked though eight sources name Biloxi;
    "Maurice Drew" beside "Maurice Jones-Drew"."""
    story = build([
        "His body was found Tuesday in his hotel room in Biloxi, the coroner said.\n\n"
        "Running back Maurice Jones-Drew hurt his knee late in the game.",
        "A maid found his body in a hotel room in Biloxi on Tuesday. He lived in Biloxi and Jackson.\n\n"
        "Maurice Drew ran for 10 yards but hurt his leg and had to come out of the game.",
    ])
    assert not marked(story, "s1", "Biloxi and")
    assert marked(story, "s1", "Jackson")
    assert not marked(story, "s1", "Maurice Drew")


def test_words_written_as_one_or_two_or_with_a_hyphen_are_the_same_words() -> None:
    """try26: "semiautomatic" and "semi - automatic" were both marked, as were "AK" in "12 AK 47"
    beside "AK-47" and "KOs" beside "KO"; a word run together from two ("its") is not one."""
    story = build([
        "Harbour riot\n\nPolice fired teargas at the crowd near the Wren River docks on Tuesday, and "
        "officers seized 12 AK 47 rifles and a semiautomatic pistol from the coworkers' van after three KOs.",
        "Harbour clash\n\nPolice fired tear gas at the crowd near the Wren River docks on Tuesday, and "
        "officers seized 12 AK-47 rifles and a semi - automatic pistol from the co-workers' van after three KO wins.",
    ])
    marked = [story.paragraph(m).text[s:e] for g in story.groups for m in g.members for s, e in story.unique(m)]
    assert len(story.groups[0].members) == 2 or any(len(g.members) == 2 for g in story.groups)
    for word in ("teargas", "tear gas", "AK", "semiautomatic", "semi", "automatic", "coworkers", "co-workers", "KOs"):
        assert not any(word in m for m in marked), (word, marked)


def test_an_abbreviation_and_the_word_it_abbreviates_are_the_same_word() -> None:
    """try28: "117th St. near 97th Ave." was marked beside "117th Street and 97th Avenue"; "Gov."
    beside "Governor" either way round. A word no counterpart abbreviates is still marked."""
    story = build([
        "Queens crash\n\nRaj Chohan was struck by a gray Toyota Camry heading north on 117th Street near "
        "97th Avenue about 7 p.m., Governor Ann Ruiz said on Friday after visiting the hospital ward.",
        "Queens crash\n\nRaj Chohan was struck by a gray Toyota Camry heading north on 117th St. near "
        "97th Ave. about 7 p.m., Gov. Ann Ruiz said on Friday after visiting the family at Mt. Sinai.",
    ])
    assert any(len(g.members) == 2 for g in story.groups)
    for source, word in [("s1", "St."), ("s1", "Ave."), ("s1", "Gov."), ("s0", "Governor")]:
        assert not marked(story, source, word), (source, word)
    assert marked(story, "s1", "Mt.")



def test_an_abbreviation_meets_only_its_word_as_cased_and_with_its_period() -> None:
    """try29: "attorney general" beside "Gen. Ray Kelly", "a major fire" beside "Maj. Tom
    Reilly", "40 feet" beside "Ft. Washington", "Downing Street" beside "St Helens" and "march"
    beside "Mar. 3" lost their marks: another word, or a saint."""
    story = build([
        "Harbour fire\n\nThe attorney general said a major fire hit the pier, 40 feet from Downing Street, "
        "and protesters will march to the ground on Tuesday evening after the harbour board met.",
        "Harbour fire\n\nGen. Ray Kelly said Maj. Tom Reilly saw the fire hit the pier near Ft. Washington "
        "and St Helens on Mar. 3, on Tuesday evening after the harbour board met.",
    ])
    assert any(len(g.members) == 2 for g in story.groups)
    for source, word in [("s0", "general"), ("s0", "major"), ("s0", "feet"), ("s0", "Street"), ("s0", "march"),
                         ("s1", "Maj."), ("s1", "Ft.")]:
        assert marked(story, source, word), (source, word)
