"""When two different figures are called a conflict: the evidence rules of figures round 7
(issue 18, part 1). Each rule is about how reports count, not about one set."""

from __future__ import annotations

from figure_helpers import about, conflicts_in, date_verb, story
from storyview.findings.figures import find_figures


def test_figures_far_apart_in_value_count_two_things() -> None:
    # Reports that disagree on one thing disagree by a little: 40 and 200 homes are two counts.
    assert not conflicts_in(a="The fire destroyed 40 homes on Saturday near Riverton.",
                            b="The fire destroyed 200 homes on Saturday near Riverton.")
    assert {"40", "120"} in conflicts_in(a="The fire destroyed 40 homes on Saturday near Riverton.",
                                         b="The fire destroyed 120 homes on Saturday near Riverton.")
    # A vague quantity starts low: "200" against "thousands" may still be one count in dispute.
    assert {"200", "thousands"} in conflicts_in(
        a="Police said 200 protesters marched on Saturday through central Riverton.",
        b="Police said thousands of protesters marched on Saturday through central Riverton.",
    )



def test_a_decade_is_no_year() -> None:
    from storyview.findings.figures import agreement, mentions

    [thirties] = mentions("x", 0, "The family was founded in the 1930's by Luciano.")
    assert (thirties.text, thirties.value) == ("1930", "1930s")
    assert mentions("x", 0, "It grew in the 1930s.")[0].value == "1930s"
    [forties] = mentions("x", 0, "It grew in the 1940s.")
    assert agreement(thirties, forties) == "conflict"
    # 1931 is a year of the 1930s: never a conflict (a decade is compared with decades only).
    assert not conflicts_in(a="The family was founded in the 1930's by Charles Luciano, the gangster.",
                            b="The family was founded in 1931 by Charles Luciano, the gangster.")


def test_a_decade_in_words_is_a_decade_not_a_count() -> None:
    from storyview.findings.figures import agreement, mentions

    [fifties] = mentions("x", 0, "She was a pin-up queen in the nineteen fifties.")
    assert (fifties.text, fifties.kind, fifties.value) == ("nineteen fifties", "date", "1950s")
    assert mentions("x", 0, "The Nineteen-Sixties swung.")[0].value == "1960s"
    assert agreement(fifties, mentions("x", 0, "in the 1950s")[0]) == "agree"
    assert agreement(fifties, mentions("x", 0, "in the nineteen sixties")[0]) == "conflict"
    assert [(m.text, m.kind) for m in mentions("x", 0, "Nineteen people died.")] == [("Nineteen", "count")]


def test_a_number_by_a_slash_or_a_lost_character_is_no_count() -> None:
    from storyview.findings.figures import mentions

    for text in ("He served 41 / 2 months in prison.", "He served 4 1/2 months.", "Open 24/7.",
                 "The 2008/09 season.", "He served 4\ufffd months in prison."):
        assert [m.text for m in mentions("x", 0, text)] == [], text
    assert [m.text for m in mentions("x", 0, "He served four months in prison, 2 of them in Texas.")] == ["four", "2"]


def test_a_date_that_opens_the_sentence_dates_its_main_clause() -> None:
    assert date_verb("In 1970, he was indicted for bribing the police force.") == "indict"
    assert date_verb("Early on Friday, the navy sank the ship.") == \
        date_verb("The navy sank the ship on Friday.") is not None
    # A date inside an opening clause is of that clause's verb, a participle here; not of "became".
    assert date_verb("After contributing to the campaign in 1964, he became a supporter.") not in (
        None, date_verb("In 1964, he became a supporter."))
    assert date_verb("He broke cover, admitting in 2006 that he was the source.") == \
        date_verb("He admitted in 2006 he was the source.")
    # Not a noun or an adjective in -ing.
    assert date_verb("The losing campaign in 1964 cost him.") is None
    assert {"1969", "1970"} in conflicts_in(
        a="In 1969, he was indicted on a charge of bribing the Old Tappan police force.",
        b="In 1970, he was indicted for bribing the Old Tappan police force.",
    )


def test_two_dates_of_two_acts_are_no_conflict() -> None:
    # One career, two acts: the year it began and the year it ended are never one date in dispute.
    assert not conflicts_in(a="Page left her job to begin a career in modeling in 1950, in New York.",
                            b="Page ended her modeling career in 1957, in New York.")
    assert not conflicts_in(
        a="After contributing to the Goldwater campaign in 1964, LaRue became a friend of the Nixon campaign.",
        b="In 1967 LaRue became a friend of the Nixon campaign.",
    )


def test_a_part_meets_the_whole_only_in_the_same_act() -> None:
    from storyview.findings.figures.referent import comparable

    part = about("Officials said that more than 200,000 of the comments opposed the rule change.", "more than 200,000")
    whole = about("The agency has received nearly 300,000 comments on the rule.", "nearly 300,000")
    assert part.part and not whole.part and not comparable(part, whole)
    # The same act: "Five of the passengers were killed" are the passengers killed.
    assert comparable(about("Five of the passengers were killed.", "Five"), about("Six passengers were killed.", "Six"))
    assert comparable(part, about("Nearly 210,000 of the comments opposed the rule change.", "Nearly 210,000"))


def test_years_one_apart_are_near() -> None:
    from storyview.findings.figures import mentions
    from storyview.findings.figures.match import near

    [a] = mentions("x", 0, "She left in 1957.")
    [b] = mentions("x", 0, "She left in 1958.")
    [c] = mentions("x", 0, "She left in 1962.")
    [d] = mentions("x", 0, "She left in May 1958.")
    assert near(a, b) and not near(a, c) and not near(a, d)


def test_a_rounded_year_is_a_year() -> None:
    from storyview.findings.figures import agreement, mentions

    [about_1970] = mentions("x", 0, "Woodward met Felt in about 1970.")
    [year] = mentions("x", 0, "Woodward met Felt in 1970.")
    assert about_1970.kind == "date" and agreement(about_1970, year) == "agree"
    assert mentions("x", 0, "About 2000 people came.")[0].kind == "count"


def test_whose_count_over_a_particle() -> None:
    from storyview.findings.figures.referent import comparable

    theirs = about("The final numbers showed Rahman connected on just 30 of 207 punches thrown.", "207")
    his = about("In fact, Klitschko landed 28 of his 68 punches thrown during the round.", "68")
    assert theirs.agent == {"rahman"} and not comparable(theirs, his)
    assert about("Police on Friday arrested 12 men.", "12").agent == frozenset()


def test_the_act_before_in() -> None:
    from storyview.findings.figures.referent import same_act

    played = about("Bush played in 10 games this year.", "10")
    missed = about("Bush missed four games after surgery.", "four")
    assert played.act is not None and not same_act(played, missed)
    assert not conflicts_in(a="Bush played in just 10 games this season for the Saints.",
                            b="Bush missed four games this season for the Saints.")


def test_a_date_in_brackets_is_of_the_clause_around_it() -> None:
    assert not conflicts_in(
        a="As it promised [Tuesday], Microsoft issued an emergency patch for Internet Explorer.",
        b="Microsoft issued an emergency patch Wednesday for Internet Explorer.",
    )
    assert about("As it promised [Tuesday], Microsoft issued a patch.", "Tuesday").verb == \
        about("It promised on Tuesday to issue a patch.", "Tuesday").verb


def test_vectorised_agreement_matches_for_decades() -> None:
    from storyview.findings.figures.match import _contexts, _pairs
    from storyview.findings.figures.scoring import _Facts, _scores, _scores_vectorised

    contexts, idf = _contexts(story(
        a="The family was founded in the 1930s by Luciano and grew in the 1950s under Genovese.",
        b="The family was founded in the 1940s by Luciano and grew in 1957 under Genovese.",
        c="The family was founded in 1931 by Luciano and grew in the 1950s under Genovese.",
    ))
    facts = _Facts([c.mention for c in contexts])
    group, alone = [None] * len(contexts), [False] * len(contexts)
    scalar = _scores(_pairs(contexts, facts, 12), contexts, idf, facts, group, alone, 0.15)
    assert scalar and _scores_vectorised(contexts, idf, facts, group, alone, 0.15, 12) == scalar


STORM = ("The storm hit the coast on Monday night, flooding roads and cutting power across the region.\n\n"
         "Emergency crews worked through the night to clear fallen trees and restore power to the area.\n\n")


def test_a_stat_line_meets_a_figure_of_others_in_no_conflict() -> None:
    # A sentence of three figures, and one that names no one it names: the like noun, the near
    # value and the like meaning are no evidence that the two count one thing.
    assert not conflicts_in(
        a=STORM + "In Westport the storm flooded 40 homes, closed 12 schools and shut 3 bridges, mayor Anna Ortiz said.",
        b=STORM + "Governor Lee said the water had flooded 50 homes near Eastham.",
    )


def test_a_stat_line_of_the_same_people_or_one_figure_alone_may_conflict() -> None:
    # The same two sentences with one figure each: the near-value evidence stands as before.
    assert {"40", "50"} in conflicts_in(
        a=STORM + "In Westport the storm flooded 40 homes, mayor Anna Ortiz said.",
        b=STORM + "Governor Lee said the water had flooded 50 homes near Eastham.",
    )
    # The stat line, against a sentence that names the same mayor and town: a disagreement.
    assert {"40", "50"} in conflicts_in(
        a=STORM + "In Westport the storm flooded 40 homes, closed 12 schools and shut 3 bridges, mayor Anna Ortiz said.",
        b=STORM + "Mayor Anna Ortiz said the water had flooded 50 homes near Westport.",
    )


def test_a_like_noun_among_like_names_is_no_conflict_far_apart_in_value() -> None:
    # "91 MPs signed a petition", "a rebellion by 34 Labour MPs": one noun, one party, two things.
    assert not conflicts_in(a="Ninety council members have signed a letter that backs the amendment.",
                            b="The budget passed on Tuesday by 300 votes to 203, despite a revolt by 35 council members.")


def test_a_like_noun_among_like_names_conflicts_near_in_value_or_told_alike() -> None:
    # Near in value, little else shared: reports that disagree on one count mostly disagree so.
    assert {"Ninety", "70"} in conflicts_in(a="Ninety council members have signed a letter that backs the amendment.",
                                            b="Officials said on Tuesday that 70 council members support the change.")
    # Far apart, but the sentences tell the same thing.
    assert {"Ninety", "40"} in conflicts_in(a="Ninety council members have signed a letter that backs the amendment.",
                                            b="A letter that backs the amendment has been signed by 40 council members.")


def test_dates_of_one_kind_of_act_by_sentences_naming_no_one_in_common_are_two_acts() -> None:
    # Two gadgets go on sale on two days: the same verb, nothing named in common.
    assert not conflicts_in(a="The Zephyr tablet, a reading and gaming gadget, goes on sale on Saturday.",
                            b="The latest handheld gadget, Orbis's Nova Pad, goes on sale in Canada on Thursday.")


def test_dates_of_one_act_by_sentences_naming_it_alike_or_years_alone_conflict() -> None:
    assert {"Saturday", "Thursday"} in conflicts_in(
        a="The Zephyr tablet, a reading and gaming gadget, goes on sale on Saturday.",
        b="The latest handheld gadget, the Zephyr tablet, goes on sale in Canada on Thursday.")
    # Years alone date history, which reports tell in words of their own.
    assert {"1957", "1967"} in conflicts_in(a="The brothers sold one of their Alder oil fields for $30 million in 1957.",
                                            b="His company found the Bolton field, which the family sold in 1967.")


def test_a_hedge_widens_a_figure_but_not_past_far() -> None:
    from storyview.findings.figures import find_figures

    def told(b: str) -> list[tuple[set[str], str]]:
        figures = find_figures(story(a="The airline hopes to have 50 firm orders for the jet by the summer.", b=b))
        return [({m.text for m in f.mentions}, f.status) for f in figures]

    # "up to 225" holds 50, but 225 and 50 are two counts: listed apart, no disagreement.
    assert told("The deal brings the airline's order book up to 225 firm orders for the jet.") == []
    assert told("The deal brings the airline's order book up to 60 firm orders for the jet.") == [({"50", "up to 60"}, "imprecise")]


def test_a_hedge_does_not_join_a_lone_figure_far_apart_to_a_group() -> None:
    from storyview.findings.figures import find_figures

    def told(c: str) -> list[tuple[list[str], str]]:
        figures = find_figures(story(a="The airline hopes to have 50 firm orders for the jet by the summer.",
                                     b="The airline expects 50 firm orders for the jet by the summer, its chief said.", c=c))
        return [(sorted(m.text for m in f.mentions), f.status) for f in figures]

    # Two reports agree on 50; "up to 225" holds 50 but is another count, "up to 60" may be the same one.
    assert told("The deal brings the airline's order book up to 225 firm orders for the jet.") == [(["50", "50"], "agree")]
    assert told("The deal brings the airline's order book up to 60 firm orders for the jet.") == \
        [(["50", "50", "up to 60"], "imprecise")]


def test_dates_of_one_step_of_the_law_conflict_however_far_its_word() -> None:
    # Both dates are of the plea (the verb by each): that the word is far from one of them does
    # not make that one the date of something else.
    assert {"March 2004", "February 12, 2004"} in conflicts_in(
        a="The banker pleaded guilty to fraud and to bribing two city officials in March 2004.",
        b="On February 12, 2004, the banker pleaded guilty to one count of fraud.")
    # A charge and a shooting stay two acts.
    assert not conflicts_in(a="The gunman opened fire on the crowd outside the bank on Friday.",
                            b="The gunman was charged on Saturday with the shooting outside the bank.")


def test_figures_without_a_noun_of_one_act_told_alike_conflict_near_in_value() -> None:
    sequel = "So far the sequel has grossed over $95 million in North America."
    assert {"over $95 million", "more than $90 million"} in conflicts_in(
        a=sequel, b='"Moonrise" has grossed more than $90 million already, its studio said.')
    # Far apart in value, two sums.
    assert not conflicts_in(a=sequel, b='"Moonrise" has grossed more than $30 million already, its studio said.')


def test_a_stem_that_is_a_verb_by_one_date_and_a_noun_by_the_other_is_no_shared_act() -> None:
    # "filming" begins in August, the film opens March 23: two acts, though "film" is by both.
    assert not conflicts_in(
        a="Lionsgate wants the sequel to begin filming in August, Ross or no Ross.",
        b="Lionsgate didn't kick off negotiations with Ross until about three weeks before the first film's March 23 opening.")
    assert {"Saturday", "Thursday"} in conflicts_in(
        a="The Zephyr tablet, a reading and gaming gadget, goes on sale on Saturday.",
        b="The latest handheld gadget, the Zephyr tablet, goes on sale in Canada on Thursday.")


def test_a_date_before_a_noun_of_an_act_dates_that_act() -> None:
    from figure_helpers import about

    assert about("The publicity followed the November 18 sinking of a Thai fishing trawler.", "November 18").verb == \
        about("The Navy sank a Thai fishing trawler on November 19.", "November 19").verb == "damaged"
    assert about("Talks began before the first film's March 23 opening.", "March 23").verb == "open"


def test_a_pronoun_subject_after_a_fronted_date_is_whom_the_sentence_before_names() -> None:
    # "it" is INS Tabar: the two reports date one sinking by one ship on two days.
    a = ("INS Tabar repulsed two hijack attempts in the Gulf of Aden. "
         "Then, on November 18, it had sunk the Thai trawler Ekawat Nava 5 after a gunbattle.")
    assert {"November 18", "November 19"} in conflicts_in(
        a=a, b="On November 19, INS Tabar sunk a fishing trawler that was under the control of pirates.")


def test_two_days_of_a_month_dated_by_one_verb_are_one_act_but_not_two_weekdays() -> None:
    from storyview.findings.figures.match import _contexts, one_act

    def act(a: str, b: str) -> bool:
        contexts, _ = _contexts(story(a=a, b=b))
        x, y = (c for c in contexts if c.mention.kind == "date")
        return one_act(x, y)

    assert act("The navy sank the trawler on November 18.", "On November 19, the navy sank a trawler.")
    assert not act("The navy sank the trawler on November 18.", "On November 19, the navy seized a trawler.")
    assert not act("Ivory was placed on injured reserve Tuesday.", "Thomas was placed on injured reserve Wednesday.")


def test_the_year_of_a_named_work_is_its_date_whatever_the_clause_tells() -> None:
    from figure_helpers import about

    assert about("Page inspired the 2005 film The Notorious Bettie Page.", "2005").verb == "film"
    assert about("He retired after the 2005 season.", "2005").verb != "season"
    assert {"2005", "2006"} in conflicts_in(
        a="Page, who suffered depression in later life, inspired the 2005 film The Notorious Bettie Page.",
        b="Page was also celebrated in the 2006 HBO movie, The Notorious Bettie Page, starring Gretchen Mol.")
    # Two works of two names: two dates.
    assert not conflicts_in(
        a="Page, who suffered depression in later life, inspired the 2005 film The Notorious Bettie Page.",
        b="Page was also celebrated in the 2006 HBO movie, Pin-Up Queen, starring Gretchen Mol.")


def test_a_figure_of_a_place_meets_no_figure_of_a_sentence_that_does_not_name_it() -> None:
    """"31% of the vote in Erewash" is one seat's share, not the party's share of the whole
    election: sentences alike and a like noun are no evidence when only one names the place."""
    found = conflicts_in(
        a="UKIP won 12 seats and 16.1% of the vote at the European elections on the back of its call for the UK "
          "to leave the European Union, Mr Kilroy-Silk said.",
        b="UKIP won 31% of the vote in Erewash in last June's European elections, with Mr Kilroy-Silk among "
          "their candidates for the region.",
    )
    assert {"16.1%", "31%"} not in found


def test_a_share_of_a_place_and_one_of_a_sentence_not_naming_it_are_never_one_figure() -> None:
    """Not even loosely: "about 16% of the vote" nationwide and "16.1% of the vote in Erewash" are
    two shares; a place the other sentence names in lower case is named ("internet services")."""
    figures = find_figures(story(
        a="UKIP won about 16% of the vote at the European elections, the party said.",
        b="UKIP won 16.1% of the vote in Erewash at the European elections, the party said.",
    ))
    assert not any({m.text for m in f.mentions} == {"about 16%", "16.1%"} for f in figures)
    figures = find_figures(story(
        a="International telephone and internet services in Egypt were down by 80 percent, engineers said.",
        b="Up to 80 percent of Internet services in Egypt have been cut after the cables were damaged, engineers said.",
    ))
    assert any({m.text for m in f.mentions} == {"80 percent", "Up to 80 percent"} for f in figures)


def test_a_round_figure_takes_the_evidence_of_the_exact_one_it_tells_loosely() -> None:
    """Two reports put 120,000 people on the island, one "about 100,000", one 200,000: the 200,000
    conflicts with the 120,000 on evidence, and "about 100,000" is the 120,000 told loosely, so
    its conflict with the 200,000 is shown too, and the four make one figure in dispute."""
    common = ("A strong earthquake struck southern Iran on Sunday, killing at least ten people and injuring dozens.\n\n"
              "Rescue teams were sent to the villages near the port city of Bandar Abbas, state television reported.\n\n")
    found = conflicts_in(
        a=common + "The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, "
                   "state media said.",
        b=common + "Panicked residents of the island, off the coast of Bandar Abbas and home to about 100,000 people, "
                   "slept outside after the quake, state media said.",
        c=common + "The quake was centred near Qeshm Island, home to 200,000 people, the U.S. Geological Survey said.",
        d=common + "The quake struck Qeshm island, home to 120,000 people, and the city of Bandar Abbas, state media said.",
    )
    assert {"120,000", "about 100,000", "200,000"} in found


def test_a_sentence_that_names_only_whom_it_quotes_names_no_one_else() -> None:
    """Whom a sentence quotes ("Steele said", "the Anchorage Daily News reported", "told ISNA")
    tells the figure, not what it is of: a sentence that names no one else names no one, so its
    people meet those of a sentence that names the church."""
    from storyview.engine.segment import sentences
    from storyview.findings.figures.referent import _speakers

    text = "On Friday, Steele said 35 people came to Wasilla, the Anchorage Daily News reported, as the governor told ISNA."
    assert _speakers(sentences(text)[0].tokens, text) == {"steele", "anchora", "daily", "news", "isna"}
    found = conflicts_in(
        a="It was the biggest fire the department has seen this year, and Steele said as many as 35 to 40 volunteer "
          "firefighters came from across the region to battle the blaze.",
        b="Flames and smoke were coming from the Wasilla Bible Church Friday evening when as many as 30 to 40 "
          "volunteer firefighters arrived at the three-story structure, the Anchorage Daily News reported.",
    )
    assert {"35 to 40", "30 to 40"} in found
    # Not for dates: whom two sentences quote says nothing of which fall each dates.
    assert {"February 2001", "2009"} not in conflicts_in(
        a="House prices fell 0.4% in October, according to the Nationwide, their biggest monthly fall since "
          "February 2001.",
        b="And last summer, economists at PricewaterhouseCoopers (PWC) warned house prices were overvalued and "
          "could fall by between 10% and 15% by 2009.",
    )


def test_a_figure_told_as_added_never_disputes_one_told_as_the_whole() -> None:
    """"a further 35", "an additional 35" count what comes on top of something told before: a
    report of the whole order ("30 of the aircraft") is another count, however alike the
    sentences. Two added counts may still disagree; "another 35" may be a whole count of others."""
    whole = "Skyways has made a firm order for 30 of the new aircraft, with the option to buy 20 more, the airline said."
    assert {"30", "35"} in conflicts_in(
        a=whole, b="Skyways has made a firm order for 35 of the new aircraft, with the option to buy 20 more, the airline said.")
    assert not about("Violence broke out in Thessaloniki, where another 20,000 people marched.", "20,000").added
    assert about("They called in an additional six engines.", "six").added
    for added in ("a further 35", "an additional 35"):
        assert not conflicts_in(
            a=whole, b=f"Skyways has made a firm order for {added} of the new aircraft, with the option to buy 20 more, "
                       "the airline said."), added
    assert {"30", "35"} in conflicts_in(
        a="Skyways has made a firm order for a further 30 of the new aircraft, with the option to buy 20 more, the airline said.",
        b="Skyways has made a firm order for a further 35 of the new aircraft, with the option to buy 20 more, the airline said.")


def test_two_months_told_alone_are_two_periods_not_one_date_in_dispute() -> None:
    """A month told alone as the span an amount was measured over ("fewer jobs than expected in
    January") is a release of a recurring measure: two reports giving two such months tell two
    releases, however alike their sentences. The month of an act, or a day, may be in dispute."""
    assert not conflicts_in(
        a="The US created fewer jobs than expected in January, but a fall in jobseekers pushed the unemployment "
          "rate to its lowest level in three years.",
        b="The US created fewer jobs than expected in December, but analysts said that the dip in hiring was not "
          "enough to derail the economy.",
    )
    assert {"12 January", "13 January"} in conflicts_in(
        a="The US created fewer jobs than expected, the figures released on 12 January showed, but the unemployment "
          "rate fell to its lowest level in three years.",
        b="The US created fewer jobs than expected, the figures released on 13 January showed, but the unemployment "
          "rate fell to its lowest level in three years.",
    )
    # "More than" hedges a count: no comparison of amounts.
    assert {"December", "January"} in conflicts_in(
        a="More than 1,300 scientists called on the department to overturn rule changes made in December by the "
          "outgoing administration.",
        b="More than 1,300 scientists called on the department to overturn rule changes made in January by the "
          "outgoing administration.",
    )
    # The month of an act told two ways is one date in dispute, an act that changes an amount too (rev25).
    for act in ("The central bank raised its key rate by a quarter point in {}, the minutes of its meeting show.",
                "The carmaker cut 500 jobs at its Leeds plant in {}, the union said on Friday.",
                "Prosecutors dropped the charges against the two brothers in {}, their lawyer said."):
        assert {"March", "May"} in conflicts_in(a=act.format("March"), b=act.format("May"))
    assert {"December", "September"} in conflicts_in(
        a="Reid, who is 33, launched a new fashion line called Mantra in December, her spokesman said on Friday.",
        b="Reid, who is 33, launched a new fashion line called Mantra in September, her spokesman said on Friday.",
    )


def test_a_day_told_in_another_zone_in_brackets_dates_the_clause_before_them() -> None:
    """"passed away at 18:41 this evening (02:41 GMT Friday)": the bracket tells the same moment in
    another zone, an insertion in the clause before it, whose clock times end nothing; "passed
    away" is "died". So the day of one death is in dispute with "died Thursday" (4_ecb)."""
    died = date_verb("Bettie Page died Thursday of pneumonia at a Los Angeles hospital.")
    assert died == "killed"
    assert date_verb("Bettie Page passed away at 18:41 this evening (02:41 GMT Friday) in a Los Angeles hospital.") == died
    assert date_verb("Bettie Page passed away on Thursday in a Los Angeles hospital.") == died
    assert date_verb("The ship sank (Friday) off the coast.") == date_verb("The ship sank on Friday off the coast.")
    found = conflicts_in(
        a="Her agent Mark Roesler said Bettie Page passed away at 18:41 this evening (02:41 GMT Friday) in a Los "
          "Angeles hospital after a heart attack.",
        b="Bettie Page died Thursday at a Los Angeles hospital after a heart attack, her agent Mark Roesler said.",
    )
    assert {"Friday", "Thursday"} in found


def test_a_figure_told_of_the_same_thing_is_a_closer_match_than_one_told_of_nothing() -> None:
    """A "deal" is a "contract" in news copy. A sentence that states both the other report's figure
    and one of its own is told of the one it names as the same thing ("an $82 million deal") when
    its figure alike is by no such word ("re-signed two players for $80 million"): the two
    reports disagree on the deal (5_ecb). One alike by that word ("may up its bid to the £1.5bn
    mark") is still the match (BBC part A; a story of two sentences does not pair them)."""
    assert {"$80 million", "$82 million"} in conflicts_in(
        a="The Hawks signed free agent forward Tom Brandt to a five-year, $80 million contract in the summer, "
          "the club said.",
        b="The Hawks had signed free agent forward Tom Brandt to an $82 million deal and re-signed two guards "
          "for $80 million and $25 million, the club said.",
    )


def test_people_sent_to_do_one_thing_are_one_group_however_named() -> None:
    """People counted by what they are there to do ("eight experts to monitor the poll", "three
    observers to monitor the vote") are one group, as a role names them: two reports that count
    them differently disagree (11_ecb). "To" and a name is a place, no purpose ("300 troops to
    Iraq"); people sent to do two things are two groups."""
    assert about("The League sent eight experts to monitor the poll.", "eight").purpose == "monitor"
    assert about("The US sent 300 troops to Iraq.", "300").purpose is None
    assert about("Police took five people to hospital on Friday.", "five").purpose is None
    assert {"eight", "three"} in conflicts_in(
        a="The League of Northern States sent eight experts to monitor the parliamentary poll in Vardania, "
          "officials said.",
        b="The League of Northern States sent only three observers to monitor the parliamentary vote in "
          "Vardania, officials said.",
    )
    assert not conflicts_in(
        a="The League of Northern States sent eight experts to monitor the parliamentary poll in Vardania, "
          "officials said.",
        b="The League of Northern States sent only three observers to train the new police in Vardania, "
          "officials said.",
    )


def test_people_sent_to_do_one_thing_are_one_group_only_when_a_role_names_them() -> None:
    """50 firefighters and 200 soldiers sent to fight one blaze are two groups (rev26); a noun
    after "to" is no purpose ("20 officers to school")."""
    assert not conflicts_in(
        a="The province sent 50 firefighters to fight the blaze near Harlow Mill on Tuesday, officials said.",
        b="The province sent 200 soldiers to fight the blaze near Harlow Mill on Tuesday, officials said.",
    )
    assert about("The city sent 20 officers to school on Monday.", "20").purpose is None


def test_a_club_that_picked_up_a_player_signed_him() -> None:
    """"picked up" a player is "signed" him: the day of that one act, told by the two verbs, is in
    dispute (25_ecbplus); "passed away" is still "died"."""
    assert date_verb("New Orleans picked up Dean Wynne on Monday after putting Ivo Chase on injured reserve.") == \
        date_verb("The Saints signed Dean Wynne on Tuesday.") == "sign"
    assert date_verb("Bettie Page passed away on Thursday in a Los Angeles hospital.") == "killed"
    assert date_verb("The Bears picked up 120 yards on Sunday.") != "sign"  # yards are not signed (rev26)
    assert {"Monday", "Tuesday"} in conflicts_in(
        a="The Saints picked up running back Dean Wynne on Monday after putting Ivo Chase on injured reserve.",
        b="The Saints signed running back Dean Wynne on Tuesday after putting Ivo Chase on injured reserve.",
    )


SOUL_TRAIN = """Keys leads Soul Train shortlist

Singer Alicia Keys is leading the field at this year's Soul Train Awards, with five nominations.

Newcomer Ciara has four nominations, while rapper Ludacris and singer Jill Scott have three.

The ceremony, hosted by comedian Cedric Kyles in Pasadena, will be held on 5 March.

Past winners include Beyonce Knowles, Usher Raymond and the late Luther Vandross, whose record Dance With My Father won.
"""

GRAMMYS = """Keys tops Grammy field

Singer Alicia Keys is leading the field at this year's Grammy Awards, with eight nominations.

Rock bands Maroon Five and Green Day are among the other nominees, alongside Britney Spears and Norah Jones.

The ceremony, hosted by Queen Latifah in Los Angeles, will be held on 13 February.

Last year OutKast, Evanescence and Christina Aguilera took home prizes, and Sting performed with Dido at the Staples Center.
"""


def test_two_reports_that_name_hardly_anyone_alike_and_share_no_figure_tell_two_events() -> None:
    # Two awards of one season: one singer's nominations at each are two counts, not one in dispute.
    assert not conflicts_in(a=SOUL_TRAIN, b=GRAMMYS)
    # Nor one told loosely: "at least five" at the Grammys is no vague telling of five at the other.
    loosely = find_figures(story(a=SOUL_TRAIN, b=GRAMMYS.replace("with eight", "with at least five")))
    assert not [f for f in loosely if f.status != "agree"]


def test_two_reports_of_one_event_still_dispute_its_figures() -> None:
    # The same ceremony told by a report naming the same people: its count is in dispute.
    same_show = (GRAMMYS.replace("Grammy", "Soul Train")
                 .replace("Rock bands Maroon Five and Green Day are among the other nominees, alongside Britney Spears and "
                          "Norah Jones.", "Newcomer Ciara has four nominations, while Ludacris has two.")
                 .replace("Queen Latifah in Los Angeles", "comedian Cedric Kyles in Pasadena").replace("13 February", "5 March"))
    assert {"five", "eight"} in conflicts_in(a=SOUL_TRAIN, b=same_show)
    # A distinctive figure both state alike (a price, a day of a month) says one event, whoever they name.
    shared = "Tickets for the ceremony cost $150 each."
    assert {"five", "eight"} in conflicts_in(a=SOUL_TRAIN + "\n" + shared + "\n", b=GRAMMYS + "\n" + shared + "\n")
