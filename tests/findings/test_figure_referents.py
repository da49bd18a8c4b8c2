"""What a figure counts: two figures are compared only when they may count the same thing, and a
disagreement needs evidence that they do (issue 18, part 1)."""

from __future__ import annotations

from dataclasses import replace

from figure_helpers import about, conflicts, conflicts_in, story
from storyview.engine.segment import sentences
from storyview.findings.figures import agreement, find_figures, mentions
from storyview.findings.figures.match import _comparable, _contexts
from storyview.findings.figures.referent import HE, Referent, comparable, comparable_dates, compound, same_act
from storyview.inputs.load import Loaded
from storyview.inputs.parse import parse_article
from storyview.model import Settings
from storyview.pipeline import story_from


def test_the_counted_noun_outcome_and_anchor() -> None:
    r = about("The navy seized seven AK-47 assault rifles, two other rifles and 13 magazines.", "seven")
    assert r.head == "rifl" and not r.other
    assert about("The navy seized seven AK-47 assault rifles, two other rifles and 13 magazines.", "two").other
    assert about("The navy seized seven AK-47 assault rifles, two other rifles and 13 magazines.", "13").head == "magazin"
    # Coordinated figures share their noun; the outcome nearest each figure is its own.
    assert about("Commandos caught 12 Somali and 11 Yemeni pirates.", "12").head == "pirat"
    killed = about("Five people were killed and 20 were wounded.", "Five")
    wounded = about("Five people were killed and 20 were wounded.", "20")
    assert (killed.outcome, wounded.outcome) == ("killed", "wounded")
    assert about("The death toll since the war began rose to 400.", "400").anchor == "total"
    assert about("Two soldiers died yesterday.", "Two").anchor == "day:yesterday"
    assert about("Anthony LaCalamita III, 38, was arrested.", "38").head == "age"
    assert about("The island has a population of 120,000.", "120,000").head.startswith("popul")


def test_what_never_meets() -> None:
    killed = Referent("people", "killed")
    assert not comparable(killed, Referent("people", "wounded"))
    assert not comparable(Referent("day", noun=frozenset({"day"})), Referent("people", noun=frozenset({"people"})))
    assert not comparable(Referent("people", "killed", "total"), Referent("people", "killed", "day:tuesday"))
    assert not comparable(Referent("people", "killed", "day:yesterday"), Referent("people", "killed", "day:today"))
    assert not comparable(Referent("rifl", noun=frozenset({"rifl"}), other=True), Referent("rifl", noun=frozenset({"rifl"})))
    assert not comparable(Referent("people", "killed", years=frozenset({"2003"})), Referent("people", "killed", years=frozenset({"2005"})))
    # Different words for the same people, or for the same things, do meet.
    assert comparable(Referent("offic", noun=frozenset({"offic"})), Referent("people", noun=frozenset({"people"})))
    assert comparable(Referent("home", noun=frozenset({"home"})), Referent("hous", noun=frozenset({"hous"})))


def test_killed_never_meets_wounded_nor_days_people() -> None:
    figures = find_figures(story(
        a="An air strike on the market killed 12 people and wounded 40, officials said. The offensive is in its ninth day.",
        b="The strike on the market killed 12 people, officials said, and 35 were wounded. The offensive began 9 days ago.",
    ))
    for group in conflicts(figures):
        assert group != {"12", "35"} and group != {"40", "12"} and group != {"12", "9"}
    wounded = next(f for f in figures if {m.text for m in f.mentions} == {"40", "35"})
    assert wounded.status == "conflict"  # the real disagreement is still there


def test_a_daily_count_never_meets_the_running_total() -> None:
    figures = find_figures(story(
        a="Three soldiers were killed on Tuesday in the fighting near the border, the army said.",
        b="In all, 140 soldiers have been killed since the fighting near the border began, the army said.",
    ))
    assert not conflicts(figures)


def test_another_event_is_not_a_disagreement() -> None:
    figures = find_figures(story(
        a="The quake on Qeshm island killed 10 people on Sunday. A quake in Bam killed more than 31,000 people in December 2003.",
        b="Ten people died on Qeshm island on Sunday. In 2003, more than 26,000 people were killed at Bam.",
    ))
    for group in conflicts(figures):
        assert not ({"10", "Ten"} & group and {"more than 31,000", "more than 26,000"} & group)


def test_a_dateline_is_no_date_of_the_event() -> None:
    figures = find_figures(story(
        a="Published April 10, 2007\n\nA gunman shot three people at an office in Troy on Monday.",
        b="Published April 11, 2007\n\nA gunman shot three people at an office in Troy on Monday morning.",
    ))
    assert not conflicts(figures)
    assert any({m.text for m in f.mentions} == {"three"} and f.status == "agree" for f in figures)


def test_a_phone_number_is_no_figure() -> None:
    assert [m.text for m in mentions("x", 0, "Call police on 0845 125 2222 or Crimestoppers on 0800 555111.")] == []
    assert [m.text for m in mentions("x", 0, "In 2008 500 people died.")] == ["2008", "500"]


def test_the_seeds_disagreements_stay(seed_story) -> None:
    figures = find_figures(seed_story)
    days = next(f for f in figures if f.kind == "date")
    assert {m.text for m in days.mentions} == {"Thursday", "Friday"} and days.status == "conflict"
    hires = next(f for f in figures if any(m.text == "10,000" for m in f.mentions))
    assert {m.text for m in hires.mentions} == {"10,000", "thousands"} and hires.status == "imprecise"


def test_the_noun_stops_at_what_happened_or_when() -> None:
    assert about("Gunman kills 1, wounds 2: 1 dead, 2 hurt in office shooting.", "1").head is not None
    dead = about("1 dead, 2 hurt in office shooting.", "1")
    assert (dead.head, dead.outcome) == ("people", "killed")
    assert about("At least three people today died in the blast.", "At least three").head == "people"
    # "and" carries the run to a later noun only while it has none of its own.
    assert about("They still hold at least 14 foreign vessels and more than 300 crew members.", "at least 14").head == "vessel"
    assert about("Pirates holding about a dozen ships and nearly 300 crewmen.", "about a dozen").head == "ship"


def test_a_population_is_no_count_of_the_dead() -> None:
    town = about("The quake rocked Zarand, a town of about 15,000 people in Kerman province.", "about 15,000")
    home = about("The quake struck Qeshm island, home to 120,000 people.", "120,000")
    assert town.head == home.head == "popul"
    killed = about("The quake hit Zarand, killing hundreds of people.", "hundreds")
    assert not comparable(town, killed)
    # A population is of the place named before it: Zarand's is not Qeshm's.
    again = about("Rescuers reached Zarand, a town of 15,000 people.", "15,000")
    assert town.marks == {"zarand"} and comparable(town, again) and not comparable(town, home)


def test_names_that_qualify_the_noun_keep_two_counts_apart() -> None:
    somali = about("Commandos caught 12 Somali and 11 Yemeni pirates.", "12")
    yemeni = about("Commandos caught 12 Somali and 11 Yemeni pirates.", "11")
    assert (somali.marks, yemeni.marks) == ({"somali"}, {"yemeni"})
    assert not comparable(somali, yemeni)
    assert comparable(somali, about("The navy captured 23 pirates.", "23"))


def test_an_earlier_event_is_not_this_one() -> None:
    past = about("Earlier this year, five undersea cables were cut.", "five")
    assert past.anchor == "past" and about("In January, five cables in the Middle East were cut.", "five").anchor == "past"
    now = about("Three undersea cables were damaged on Friday.", "Three")
    assert not comparable(past, now)


def test_a_figure_without_a_noun_counts_what_its_sentence_is_about() -> None:
    figures = find_figures(story(
        a="The Indian navy captured 23 pirates. The pirates were from Somalia and Yemen, two countries on the Gulf of Aden.",
        b="The Indian navy captured 23 pirates. Of the 23, 12 are from Somalia and 11 from Yemen, on the Gulf of Aden.",
    ))
    assert not any("two" in group for group in conflicts(figures))


def test_sums_written_as_one_word_and_dozens() -> None:
    found = {m.text: m for m in mentions("x", 0, "They made off with a two-million-euro haul, more than two dozen pieces and a dozen cars.")}
    assert found["two-million-euro"].kind == "money" and found["two-million-euro"].low == 2e6 and found["two-million-euro"].unit == "EUR"
    assert (found["more than two dozen"].low, found["a dozen"].low) == (24, 12)
    assert [m.text for m in mentions("x", 0, "A 5.6 magnitude quake hit the island.")] == ["5.6"]


def test_no_model_is_loaded_for_a_story_aligned_without_one(monkeypatch) -> None:
    from storyview.engine import semantic
    from storyview.findings.figures.match import _contexts, _meanings

    plain = story_from(Loaded(articles=[
        parse_article("a", "a.txt", "The fire destroyed 40 homes on Saturday."),
        parse_article("b", "b.txt", "The blaze destroyed 35 houses on Saturday."),
    ]), Settings(semantic=False))
    assert plain.model is None

    def refuse() -> None:
        raise AssertionError("the findings loaded a model the story was aligned without")

    monkeypatch.setattr(semantic, "load", refuse)
    find_figures(plain)
    assert _meanings(plain, _contexts(plain)[0]) is None


def test_sentences_told_alike_by_meaning() -> None:
    from storyview.findings.figures.match import _contexts, _meanings

    told = story(a="The fire destroyed 40 homes on Saturday near Riverton.", b="The fire destroyed 35 homes on Saturday near Riverton.")
    if told.model is None:  # the model could not be read here: nothing to measure
        return
    contexts, _ = _contexts(told)
    meanings = _meanings(told, contexts)
    assert meanings is not None
    i = next(n for n, c in enumerate(contexts) if c.mention.text == "40")
    j = next(n for n, c in enumerate(contexts) if c.mention.text == "35")
    assert meanings.cosine(i, j) > 0.9


def test_two_ages_are_of_one_person_only_if_their_names_meet() -> None:
    victim = about("LuAnn Marie Johnson, 66, of Burnsville was struck outside the store.", "66")
    driver = about("Police stopped Anthony Phillip LaSalle, 36, of Bloomington.", "36")
    again = about("According to police, Anthony LaSalle, 36, of Minneapolis, hit her.", "36")
    assert victim.head == driver.head == "age"
    assert not comparable(victim, driver) and comparable(driver, again)


def test_a_house_number_is_no_count() -> None:
    assert [m.text for m in mentions("x", 0, "She was walking into the store at 200 W. American Blvd. with her husband.")] == []
    assert [m.text for m in mentions("x", 0, "Officers saw young males near 473 East 52nd Street.")] == []
    assert [m.text for m in mentions("x", 0, "He was shot in the 12000 block of East 223rd Street.")] == ["12000"]


def test_dates_of_two_acts_are_not_a_disagreement() -> None:
    from storyview.findings.figures.match import _contexts, _Evidence

    told = story(a="Police charged the gunman Saturday in Vancouver.", b="In Vancouver the gunman fired Friday.",
                 c="In Vancouver the gunman fired Saturday.")
    contexts, idf = _contexts(told)
    evidence = _Evidence(contexts, idf)
    day = {c.mention.source: n for n, c in enumerate(contexts)}
    # "gunman" stands right by both dates, but one is the day of the charge, the other of the shooting.
    assert not evidence.same_frame(day["a"], day["b"])
    assert evidence.same_frame(day["b"], day["c"])


def test_the_day_a_page_was_written_and_the_day_it_was_said() -> None:
    seacom = about("SEACOM said today (10 October 2011) that the repair would take twelve days.", "10 October 2011")
    assert seacom.published
    said = about("The ministry said Saturday that ten people died.", "Saturday")
    assert said.said
    assert not comparable_dates(said, about("The quake struck on Sunday.", "Sunday"))


def test_ages_of_reports_written_years_apart() -> None:
    arrest = replace(about("Jose Luis Orozco, 27, was found hiding in a house.", "27"), written="2005")
    trial = replace(about("The jury found Jose Luis Orozco, 29, guilty.", "29"), written="2007")
    assert not comparable(arrest, trial)
    assert comparable(arrest, replace(trial, written="2005"))


def test_an_age_written_years_old() -> None:
    boy = about("Sixteen - year - old Kimani Gray was shot on Saturday night.", "Sixteen")
    assert boy.head == "age" and boy.marks == {"kimani", "gray"}
    assert about("Kimani Gray was 16 years old.", "16").head == "age"
    assert about("Sixteen-year-old Kimani Gray was shot.", "Sixteen").marks == {"kimani", "gray"}
    assert about("A 16-year-old boy was shot.", "16").marks == {"boy"}
    assert not comparable(boy, about("Dozens gathered on Monday.", "Dozens"))  # ages meet ages only


def test_the_act_of_what_is_counted() -> None:
    attack = about("Five pirate boats tried to attack the merchant vessels.", "Five")
    caught = about("The warship intercepted the remaining three boats.", "three")
    passive = about("Two got away, but the other three boats were intercepted.", "three")
    assert (attack.act, caught.act, passive.act) == ("attack", "interce", "interce")
    died = about("It comes a day after three bank workers died in a petrol bomb attack.", "three")
    marched = about("Tens of thousands of striking workers and civil servants took to the streets.", "Tens of thousands")
    assert died.act == "killed" and marched.act == "took"
    # "a five-boat attack" counts boats, in an attack.
    compound = about("An Indian warship foiled a five - boat pirate attack on merchant vessels.", "five")
    assert (compound.head, compound.act) == ("boat", "foil")
    assert about("A five - boat pirate attack on merchant vessels was foiled.", "five").act == "attack"
    # A coordinated clause's verb is not this figure's act; an outcome is.
    assert about("It killed 612 people and injured more than 1,400.", "612").act == "killed"
    assert about("At least 17 of the hijacked ships are still being held.", "At least 17").act == "held"


def test_a_count_whose_noun_was_told_before() -> None:
    rest = about("Two of them escaped, and the warship intercepted the remaining three and searched them.", "three")
    assert rest.head is None and rest.elliptic and "pirat" not in rest.before


def test_two_acts_are_not_a_disagreement() -> None:
    figures = find_figures(story(
        a="Five pirate boats tried to attack the merchant ships in the Gulf of Aden on Thursday.",
        b="The Indian warship intercepted three pirate boats in the Gulf of Aden on Thursday.",
        c="Five pirate boats attacked the merchant ships in the Gulf of Aden on Thursday.",
    ))
    assert not any({"Five", "three"} & group == {"Five", "three"} for group in conflicts(figures))
    figures = find_figures(story(
        a="Three bank workers died when protesters set the bank on fire in Athens on Wednesday.",
        b="Tens of thousands of striking workers took to the streets of Athens on Wednesday.",
    ))
    assert not conflicts(figures)


def test_the_remaining_three_count_what_was_told_before_them() -> None:
    figures = find_figures(story(
        a="While two of them managed to flee, the warship intercepted the remaining three and nabbed 26 Somali pirates.",
        b="The warship intercepted three boats and arrested 26 Somali pirates, the navy said.",
        c="Two boats fled and the navy intercepted the other three, nabbing 26 Somali pirates.",
    ))
    for f in figures:
        assert not ({m.text for m in f.mentions} >= {"three", "26"})


def test_figures_far_apart_count_two_things() -> None:
    figures = find_figures(story(
        a="Firefighters said as many as 20 people had been inside the bank in Athens on Wednesday.",
        b="Police put the march in Athens on Wednesday at roughly 30,000 people.",
    ))
    assert not conflicts(figures)


def test_one_source_names_some_of_whom_the_other_names() -> None:
    figures = find_figures(story(
        a="Kimani Gray was shot 11 times by police in East Flatbush, Brooklyn, on Saturday.",
        b="The autopsy showed that Gray had been shot seven times.",
    ))
    assert {"11", "seven"} in conflicts(figures)


def test_the_noun_a_figure_states_the_size_of() -> None:
    assert about("Authorities said turnout reached 93.87 percent in the election.", "93.87 percent").head == "turnout"
    assert about("The commission said that turnout was almost 90%.", "almost 90%").head == "turnout"
    toll = about("The death toll stood at 40.", "40")
    assert (toll.head, toll.outcome) == ("people", "killed")


def test_an_average_or_a_rate_never_meets_a_plain_count() -> None:
    """"averaged 100 RBIs" (a season) and "43 RBIs in 54 games" count different things; two
    amounts per season may still disagree."""
    average = about("He has averaged more than 30 home runs and 100 RBIs in his six seasons.", "100")
    count = about("He hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.", "43")
    assert average.rate and not count.rate
    assert not comparable(average, count)
    a = about("The Red Sox offered a deal worth $23 million per season.", "$23 million")
    b = about("The Red Sox offered roughly $22 million a season.", "roughly $22 million")
    assert a.rate and b.rate and comparable(a, b)
    assert not about("Eleven people were killed a year ago in the same town.", "Eleven").rate
    assert not about("Five people died in the fire, police said.", "Five").rate


def test_a_hedge_that_rounds_is_imprecise_a_bound_is_not() -> None:
    """"almost 90%" is how one report rounds another's 93.87%: imprecise, not a conflict;
    "just under 90%" bounds the figure, and 93.87% is over it."""
    [turnout] = mentions("x", 0, "Turnout reached 93.87 percent.")
    [almost] = mentions("x", 0, "Turnout was almost 90%.")
    [nearly] = mentions("x", 0, "Turnout was nearly 90%.")
    [under] = mentions("x", 0, "Turnout was just under 90%.")
    [low] = mentions("x", 0, "Turnout was 70%.")
    assert agreement(almost, turnout) == agreement(nearly, turnout) == "imprecise"
    assert agreement(under, turnout) == "conflict"
    assert agreement(almost, low) == "conflict"


def test_the_other_ones_are_not_the_ones_counted() -> None:
    """"the other nine jurors" are not "Eight of the jurors"; "the other three" (its noun told
    before it) stays elliptic, for the words before it to say what it counts."""
    assert about("The three holdouts told the other nine jurors that they would not impose death.", "nine").other
    # "another 20,000 people" are "a further 20,000", not the complement of those counted
    assert not about("In Thessaloniki, another 20,000 people marched.", "20,000").other
    assert not about("Nine jurors voted for death.", "Nine").other
    elliptic = about("The navy intercepted the other three.", "three")
    assert elliptic.elliptic and not elliptic.other


def test_a_part_told_by_its_property_never_meets_the_whole() -> None:
    """"Eight of the jurors were black" counts the black jurors, not "the two jurors" who spoke;
    "12 of the pirates are from Somalia" the Somali ones; a percent's predicate is what it
    measures ("65% of traffic was offline")."""
    black = about("Eight of the jurors were black.", "Eight")
    assert black.subset == "black"
    spoke = about("Two jurors who spoke at the news conference declined to be identified.", "Two")
    assert spoke.subset is None and not comparable(black, spoke)
    assert about("Twelve of the pirates are from Somalia.", "Twelve").subset == "somalia"
    assert about("Five of the passengers were killed.", "Five").subset is None  # an act, not a property
    assert about("At present 65% of traffic with India is offline.", "65%").subset is None


def test_votes_for_one_side_never_meet_votes_for_the_other() -> None:
    """Jurors of one vote against another: "nine voting to put Nichols to death" and "three
    voting for life without parole" are two counts; nine for death in two reports may meet."""
    text = "The jury was deadlocked, with nine in favor of the death penalty and three voting for life without parole."
    death, life = about(text, "nine"), about(text, "three")
    assert death.side == {"death", "penalty"} and life.side == {"life", "parole"}
    assert not comparable(death, life)
    again = about("The two jurors said they were among the nine voting to put Nichols to death.", "nine")
    for_death = about("The jury was split, with nine voting for the death penalty.", "nine")
    assert comparable(for_death, again) and not comparable(for_death, life)
    assert about("Ten senators voted against.", "Ten").side == {"against"}
    assert not comparable(about("Ten senators voted against.", "Ten"), about("Ten senators voted for.", "Ten"))
    assert about("Nine jurors were in the room.", "Nine").side == frozenset()


def test_a_count_of_one_kind_of_its_noun_counts_that_kind() -> None:
    """"51 wins coming by way of knockout" counts knockouts, so it meets "51 knockouts" and never
    "58 wins"; "by" before people, a name or after a verb is who did it, not a kind."""
    knockouts = about("He improves to 58-3 with 51 wins coming by way of knockout.", "51")
    assert knockouts.head is not None and knockouts.head.startswith("knockou")
    assert about("It was his 58th victory, 51 by KO, for only three defeats.", "51").head == "ko"
    wins = about("He improves to a career record of 58 wins and three defeats.", "58")
    plain = about("Klitschko, 58-3 with 51 knockouts, floored Thompson.", "51")
    assert not comparable(knockouts, wins) and comparable(knockouts, plain)
    assert about("Kimani Gray was shot 11 times by police on Saturday.", "11").head != "police"
    assert about("Five people were killed by a bomb.", "Five").head == "people"
    assert about("He scored 10 goals by Messi's count.", "10").head == "goal"
    assert about("The White House wants to hire 10,000 new ICE officers by year's end.", "10,000").head == "officer"


def test_counts_made_in_different_spans_never_meet() -> None:
    """"43 RBIs in 54 games" with one team and "121 RBIs" in "a combined 157 games" count over two
    spans; "a combined 157 games" sums what "54 games" is a part of. Two counts over one span
    may still disagree."""
    figures = find_figures(story(
        a="After the trade in July, Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.",
        b="Playing in a combined 157 games with the Angels and Braves, Teixeira had 33 homers and 121 RBIs.",
        c="After the trade in July, Teixeira hit .358 with 13 homers and 45 RBIs in 54 games with the Angels.",
    ))
    found = conflicts(figures)
    assert not any({"43", "121"} <= g or {"45", "121"} <= g or {"54", "157"} <= g for g in found)
    assert {"43", "45"} in found
    assert about("Playing in a combined 157 games, he had 121 RBIs.", "157").combined


def test_days_either_side_of_midnight_are_imprecise() -> None:
    """"late Thursday" and "early Friday" (or "Thursday night" and "Friday") may be one moment told
    on either side of midnight: imprecise, not a conflict; days told plainly still conflict."""
    def day(text: str):
        [m] = [x for x in mentions("x", 0, text) if x.weekday]
        return m
    late, early = day("She checked in late Thursday."), day("Early Friday morning, she checked in.")
    night, plain = day("She checked in on Thursday night."), day("She checked in on Friday.")
    assert (late.edge, early.edge, night.edge, plain.edge) == ("late", "early", "late", None)
    assert agreement(late, early) == agreement(early, late) == agreement(night, plain) == "imprecise"
    assert agreement(day("She checked in on Thursday."), plain) == "conflict"
    assert agreement(day("She checked in early Thursday."), day("She left late Friday.")) == "conflict"
    assert agreement(late, day("She checked in early Saturday.")) == "conflict"
    assert agreement(early, day("Service should improve by early Saturday morning.")) == "conflict"
    assert day("It was in the early hours of Sunday.").edge == "early"


def test_days_either_side_of_midnight_are_one_figure() -> None:
    figures = find_figures(story(
        a="Lindsay Lohan checked into the Betty Ford Center late Thursday, dodging arrest.",
        b="Early Friday morning, around 1:30 a.m., the actress checked into the Betty Ford Center.",
    ))
    days = [f for f in figures if {m.text for m in f.mentions} == {"Thursday", "Friday"}]
    assert days and days[0].status == "imprecise"


def test_a_noun_by_two_dates_is_not_their_act() -> None:
    """"Before the riot Monday, a police source said" and "On Tuesday, police investigators could be
    seen" share "police" by both days, but date two things; "ICE posted … Thursday" and "On Friday,
    ICE posted" share the act."""
    figures = find_figures(story(
        a="Before the riot Monday, a police source told reporters that investigators believe Gray was in a gang.",
        b="On Tuesday, police investigators could be seen inside a store that a group had rampaged through.",
    ))
    assert not conflicts(figures)
    figures = find_figures(story(
        a="An advertisement ICE posted to social media Thursday attempted to lure local police officers.",
        b="On Friday, ICE posted a recruitment advertisement aimed at local police officers.",
    ))
    assert {"Thursday", "Friday"} in conflicts(figures)


def test_a_capitalised_plural_is_its_own_noun() -> None:
    """"12 Magazines and about 300 rounds" counts magazines (a plural, however written); "12
    Somali and 11 Yemeni pirates" still carries the run to its noun."""
    assert about("Six AK 47 rifles, 12 Magazines and about 300 rounds were found.", "12").head == "magazin"
    assert about("Commandos caught 12 Somali and 11 Yemeni pirates.", "12").head == "pirat"


def test_the_first_figure_of_a_span_counts_what_the_second_does() -> None:
    """"as many as 35 to 40 volunteer firefighters" (one range), "35 and 40 firefighters": 35
    counts firefighters too."""
    assert about("Steele said as many as 35 to 40 volunteer firefighters came.", "35 to 40").head == "firefig"
    assert about("Steele said 35 and 40 volunteer firefighters came on two days.", "35").head == "firefig"
    assert about("Steele said 35 and 40 volunteer firefighters came on two days.", "40").head == "firefig"


def test_the_families_of_two_named_people_are_two_counts() -> None:
    """"He leaves a wife and three children" after "Tennant was promoted…" is about Tennant: his
    children are not Hakim's two. A capitalised word the article never writes in lower case
    opening the sentence before is a name; "Police" is not."""
    fire = ("Two firefighters died in a warehouse fire in Ocala on Sunday night.\n\n"
            "The fire broke out at a furniture warehouse near the highway{}.\n\n")
    hakim = "Marion County sheriffs described Hakim as a dedicated family man with wife and two teenaged children."
    figures = find_figures(story(
        a=fire.format("") + hakim,
        b=fire.format(", officials said") + "Tennant was promoted to captain four years ago.\n\n"
          "He leaves behind a wife and three children, a 17-year-old son and two grown daughters.",
    ))
    assert not any({"two", "three"} <= g for g in conflicts(figures))
    figures = find_figures(story(
        a=fire.format("") + hakim,
        b=fire.format(", officials said") + "Hakim was promoted to captain four years ago.\n\n"
          "He leaves behind a wife and three children, a 17-year-old son and two grown daughters.",
    ))
    assert any({"two", "three"} <= g for g in conflicts(figures))


def test_a_date_is_of_the_verb_of_its_clause() -> None:
    """"foiled an attack on merchant vessels in the Gulf of Aden on Friday" and "on Thursday foiled
    a piracy attempt" date one act (foil), however far the verb stands; a plan ("expected to
    appear in court next Monday", "charges expected Friday") tells no act of its own."""
    far = about("An Indian warship foiled a five - boat pirate attack on merchant vessels in the Gulf of Aden on Friday.", "Friday")
    near_ = about("Warship INS Sukanya on Thursday foiled a piracy attempt in the Gulf of Aden.", "Thursday")
    assert far.verb == near_.verb == "foil"
    assert about("LaSalle is expected to appear in court next Monday.", "Monday").verb is None
    assert about("LaSalle is in custody, pending formal charges that are expected Friday.", "Friday").verb is None
    figures = find_figures(story(
        a="An Indian warship foiled a five - boat pirate attack on merchant vessels transiting the Gulf of Aden on Friday.",
        b="Warship INS Sukanya on Thursday foiled a piracy attempt on merchant vessels in the Gulf of Aden.",
    ))
    assert {"Thursday", "Friday"} in conflicts(figures)


def test_counts_of_two_named_doers_never_meet() -> None:
    """"Manning completed 29 of 34 passes" and "Garrard completed 28 of 41 passes" are two
    quarterbacks' counts; a count coordinated with another has its doer ("threw for 364 yards and
    three touchdowns"); who said it is not who did it, and people are no name ("Police")."""
    manning = about("Peyton Manning completed 29 of 34 passes for 364 yards and three touchdowns.", "34")
    garrard = about("Garrard completed 28 of 41 passes for 329 yards and a touchdown.", "41")
    assert manning.agent == {"peyton", "mann"} and garrard.agent == {"garrard"}
    assert not comparable(manning, garrard)
    assert about("Garrard, who completed 28 passes for 329 yards, ran for two yards.", "28").agent == {"garrard"}
    assert about("Manning threw for 364 yards and three touchdowns.", "three").agent == {"mann"}
    assert about("Manning completed his first 17 passes.", "17").agent == {"mann"}
    assert about("Steele said 40 firefighters fought the blaze.", "40").agent == frozenset()
    assert about("Police arrested 12 people.", "12").agent == frozenset()
    assert about("He completed his first 17 passes.", "17").agent == HE  # for the caller to name


def test_counts_of_two_kinds_of_thing_never_meet() -> None:
    """"29 of 34 passes for 364 yards" and "53 catches for 605 yards and five touchdowns": yards
    of passes are not yards of catches; "threw for 364 yards" says it by its verb."""
    passes = about("Peyton Manning completed 29 of 34 passes for 364 yards and three touchdowns.", "364")
    catches = about("He has 53 catches for 605 yards and five touchdowns.", "605")
    assert (passes.whose, catches.whose) == ("pass", "catch")
    assert about("He has 53 catches for 605 yards and five touchdowns.", "five").whose == "catch"
    assert not comparable(passes, catches)
    assert about("Manning threw for 364 yards and three touchdowns.", "364").whose is None


def test_moments_told_by_the_clock_are_of_their_plays() -> None:
    """"with 12 minutes, 31 seconds remaining" and "with 4 minutes 48 seconds remaining" are two
    plays' moments, not one thing in dispute; ten minutes of a delay is no moment."""
    assert about("Clark caught a touchdown pass with 12 minutes, 31 seconds remaining.", "12").moment
    assert about("Ratliff returned it for a touchdown with just under five minutes left.", "just under five").moment
    assert not about("The game was delayed for 10 minutes.", "10").moment
    figures = find_figures(story(
        a="Clark caught a one-yard touchdown pass with 12 minutes, 31 seconds remaining before Vinatieri tied the game.",
        b="Ratliff returned an interception 35 yards for a touchdown and a 31-24 lead with 4 minutes 48 seconds remaining.",
    ))
    assert not conflicts(figures)


def test_a_compound_counts_its_own_noun_only() -> None:
    """"a seven - yard touchdown pass" counts yards: it never meets "his last 6 passes"."""
    seven = about("Luck found Wayne for a seven - yard touchdown pass.", "seven")
    six = about("He hit his last 6 passes of the day.", "6")
    assert seven.head == "yard" and "pass" not in seven.noun
    assert not comparable(seven, six)
    assert about("Pirates mounted a five - boat attack.", "five").head == "boat"


def test_irregular_verbs_tell_the_act() -> None:
    """"He caught five passes" and "Manning completed his first 17 passes" are two acts; "53
    catches" still counts catches."""
    caught = about("He caught five passes for 68 yards in the first half.", "five")
    completed = about("Manning completed his first 17 passes.", "17")
    assert caught.act == "caught" and completed.act is not None and completed.act.startswith("complet")
    assert not same_act(caught, completed)
    assert about("He has 53 catches for 605 yards.", "53").head == "catch"


def test_a_margin_never_meets_a_count() -> None:
    """"entered the final quarter 10 points down" is a margin, not the "17 unanswered points" the
    other side scored; "won by seven points" too."""
    down = about("The Colts entered the final quarter 10 points down.", "10")
    scored = about("The Colts scored 17 unanswered points in the fourth quarter.", "17")
    assert down.margin and not scored.margin and not comparable(down, scored)
    assert about("They won by seven points.", "seven").margin
    assert about("The Jaguars led by just three points at halftime.", "three").margin
    assert not about("He scored 30 points down the stretch.", "30").margin


def test_a_run_of_a_series_never_meets_the_whole() -> None:
    """"completed his first 17 passes" is a run of the "29 of 34 passes"; "his last two games"
    meets "the last two games"."""
    first = about("Manning completed his first 17 passes.", "17")
    whole = about("Peyton Manning completed 29 of 34 passes.", "34")
    assert first.subset == "first" and whole.subset is None and not comparable(first, whole)
    assert comparable(about("He ran for 189 yards in his last two games.", "two"),
                      about("He ran for 189 yards in the last two games.", "two"))


def test_a_count_is_of_the_month_its_clause_tells() -> None:
    told = "Card spending rose by £2.1bn in March, up from a £1.2bn rise in February."
    assert (about(told, "£2.1bn").month, about(told, "£1.2bn").month) == ("march", "february")
    assert about("Analysts expected April's figure to come in at 57.", "57").month == "april"
    assert about("Theresa May said 40 people came.", "40").month is None  # a name, not a time
    # Two months' counts are two counts; one month's may be one count in dispute.
    assert not conflicts_in(a="Card spending rose by £2.1bn in March, up from a £1.2bn rise in February.",
                            b="Overall, the bankers' group said card spending rose by £1.5bn in April, less than the £2.4bn seen in March.")
    assert {"£2.1bn", "£2.4bn"} in conflicts_in(a="Card spending rose by £2.1bn in March, the bankers' group said.",
                                                b="The bankers' group said card spending rose by £2.4bn in March.")


def test_a_change_by_a_figure_counts_its_subject() -> None:
    told = "In December, imports rose by 4.1%, while exports increased by only 0.8%."
    assert (about(told, "4.1%").head, about(told, "0.8%").head) == ("import", "export")
    forecast = "This year imports rise by 4.1%, while exports grow by 0.8%."  # any tense of the verbs of change
    assert (about(forecast, "4.1%").head, about(forecast, "0.8%").head) == ("import", "export")
    exports = about("Over the whole of last year, Norland's exports climbed 9.1% to $640bn.", "9.1%")
    assert not comparable(exports, about(told, "4.1%"))  # imports are no count of exports
    assert comparable(exports, about(told, "0.8%"))
    # an opening capital is read as a noun only where the article writes it in lower case too
    assert about("Turnout was almost 90%.", "almost 90%").head is None


def test_a_noun_that_names_the_figure_itself_counts_nothing() -> None:
    assert about("The Dutch may lift their bid to the £2.5bn mark.", "£2.5bn").head is None
    assert about("The Dutch may lift their bid to £2.5bn.", "£2.5bn").head == "bid"
    # The other report states the £2.5bn bid too: its £2.4bn is another bidder's.
    assert not conflicts_in(a="Talk is growing that the Dutch may raise their bid to £2.5bn.",
                            b="Talk suggests that Milan-based Borsa has the funds in place to make a bid of £2.4bn, "
                              "while its Dutch rival may lift its bid to the £2.5bn mark.")
    assert {"£2.2bn", "£2.5bn"} in conflicts_in(a="Talk is growing that the Dutch may raise their bid for the exchange to £2.5bn.",
                                                b="Analysts think the Dutch may lift their bid for the exchange to £2.2bn.")


def test_led_and_quit_are_verbs() -> None:
    # "led" tells whose count it is; "quit" what a date is of.
    assert about("Kane led the race going into the gala with 9 nominations.", "9").agent == {"kane"}
    assert about("The pair quit the summit on 18 August after failing to sign the pact.", "18 August").verb == "quit"
    assert not conflicts_in(a="Going into the gala, Ortiz had six nominations, with seven artists nominated in three categories.",
                            b="Kane led the race going into the gala with 9 nominations.")
    assert {"six", "9"} in conflicts_in(a="Going into the gala, Kane had six nominations, with seven artists nominated in three categories.",
                                        b="Kane led the race going into the gala with 9 nominations.")


def test_a_change_is_no_level() -> None:
    from storyview.findings.figures import find_figures

    def told(a: str, b: str) -> list[tuple[set[str], str]]:
        return [({m.text for m in f.mentions}, f.status) for f in find_figures(story(a=a, b=b))]

    assert about("The budget would rise by $19bn to $419bn.", "$19bn").change == "by"
    assert about("The budget would rise by $19bn to $419bn.", "$419bn").change == "to"
    assert told("The plan would see the agency's budget rise by $19bn to $419bn next year.",
                "The agency's planned budget would rise to just under $23bn next year.") == []
    assert told("The plan would see the agency's budget rise by $19bn next year.",
                "The agency's planned budget would rise by $23bn next year.") == [({"$19bn", "$23bn"}, "conflict")]


def test_last_year_and_last_week_are_two_times() -> None:
    assert about("Halden lost four contracts in last year's tender.", "four").last_span == "year"
    assert not conflicts_in(a="Halden lost four contracts to Orbis in last year's tender for the port.",
                            b="In last week's tender for the port, Halden lost five contracts to Orbis.")
    assert {"four", "five"} in conflicts_in(a="Halden lost four contracts to Orbis in last week's tender for the port.",
                                            b="In last week's tender for the port, Halden lost five contracts to Orbis.")


def test_a_streak_is_no_total() -> None:
    assert about("After three successive contract wins, Halden is confident.", "three").streak
    assert about("Halden has won four tenders in a row.", "four").streak
    assert not about("Halden has secured five contract wins this year.", "five").streak
    assert not conflicts_in(a="Under its new chief, Halden has secured five contract wins this year.",
                            b="After three successive contract wins over the past fortnight, Halden is brimming with confidence.")
    assert {"four", "five"} in conflicts_in(
        a="Under its new chief, Halden has secured five successive contract wins.",
        b="After four successive contract wins over the past fortnight, Halden is brimming with confidence.")


def test_a_multiple_is_of_what_it_measures() -> None:
    from storyview.findings.figures import find_figures

    def told(a: str, b: str) -> list[tuple[set[str], str]]:
        return [({m.text for m in f.mentions}, f.status) for f in find_figures(story(a=a, b=b))]

    assert about("The picture is up to six times as sharp as today's sets.", "up to six").kind == "sharp"
    assert about("He tried three times.", "three").kind is None
    assert told("The new screen shows a picture up to six times as sharp as today's sets.",
                "Almost five times as many households bought the new screen as today's sets.") == []
    assert told("The new screen shows a picture up to six times as sharp as today's sets.",
                "The new screen's picture is almost five times as sharp as today's sets.") == [({"up to six", "almost five"}, "imprecise")]


def test_a_streak_word_past_the_clause_end_makes_no_streak() -> None:
    assert about("Halden has won four successive contracts.", "four").streak
    assert about("Halden has won four contracts in a row.", "four").streak
    # past a clause's end the word tells of something else
    assert not about("Halden has four contract wins; successive chiefs have tried.", "four").streak
    assert not about("Halden has four contract wins, and successive chiefs have tried.", "four").streak
    assert not about("Halden won four contracts, one in a row of ten.", "four").streak


KSTA = """Merkenich: Lagerhalle von Chemiewerk in Flammen

Großalarm im Kölner Norden: In einer Lagerhalle eines Chemiewerks in Merkenich ist am Dienstagmorgen ein Feuer ausgebrochen.

Die Rauchsäule war kilometerweit zu sehen, auch aus Leverkusen und Dormagen. Die Feuerwehr rückte mit 150 Kräften an.

Wie das Feuer entstand, ist noch unklar. Die Kriminalpolizei ermittelt."""
SPIEGEL = """Brand in Kölner Chemiewerk: Anwohner sollen Fenster geschlossen halten

Bei einem Großbrand in einem Chemiewerk im Kölner Stadtteil Merkenich ist am Dienstagmorgen ein Feuer ausgebrochen. Die Feuerwehr war mit mehr als 150 Einsatzkräften vor Ort.

Eine dunkle Rauchwolke zog über den Kölner Norden bis nach Leverkusen und Dormagen.

Die Ursache des Brandes ist noch unklar. Die Polizei hat Ermittlungen aufgenommen."""


def test_a_compound_counts_what_its_head_counts_unless_the_figures_conflict() -> None:
    """"150 Kräften" and "mehr als 150 Einsatzkräften" count one thing: a compound ends in its
    head, which the stems cut off. "nine grandchildren" are a kind of "five children", not the
    same ones: a compound joins figures only where they do not conflict."""
    figures = find_figures(story(a=KSTA, b=SPIEGEL))
    assert any({(m.source, m.text) for m in f.mentions} == {("a", "150"), ("b", "mehr als 150")} for f in figures)
    assert about("The fire brought out 150 firefighters.", "150").word == "firefighters"
    survived = "Mr. LaRue is survived by his wife, Joyce LaRue; and {} grandchildren."
    contexts, _ = _contexts(story(
        a="Survivors include his wife, Joyce LaRue of Jackson, Miss.; five children; and several grandchildren.",
        b=survived.format("nine"), c=survived.format("five")))
    by = {(c.mention.source, c.mention.text): c for c in contexts}
    children, nine, five = by[("a", "five")], by[("b", "nine")], by[("c", "five")]
    assert compound(children.referent, nine.referent)
    assert not _comparable(children, nine) and _comparable(children, five)


def test_the_place_a_figure_is_of() -> None:
    """The place named right after a figure's noun is the place it counts in."""
    stat = "Orange said as much as 55 percent of voice traffic in Saudi Arabia, 52 percent in Egypt and 82 percent in India was out."
    assert about(stat, "55 percent").place == {"saudi", "arabia"}
    assert about(stat, "52 percent").place == {"egypt"}
    assert about("It is thought that 65% of traffic to India was down.", "65%").place == {"india"}
    assert about("For example, 82 percent of India's voice traffic was out.", "82 percent").place == {"india"}
    assert about("Cables carry 75 percent of traffic between the Middle East and Europe.", "75 percent").place == {"middle", "east"}
    # No place: a common noun after "in", a span of time, a month.
    assert not about("The fire killed 12 people in the town on Friday.", "12").place
    assert not about("He scored 20 points in the first half.", "20").place
    assert not about("Sales rose 5 percent in January.", "5 percent").place


def test_figures_of_two_places_are_two_figures() -> None:
    assert not conflicts_in(a="Orange said 55 percent of voice traffic in Saudi Arabia was out of service on Friday.",
                            b="Orange said 65 percent of voice traffic to India was out of service on Friday.")
    assert {"55 percent", "65 percent"} in conflicts_in(
        a="Orange said 55 percent of voice traffic in India was out of service on Friday.",
        b="Orange said 65 percent of voice traffic to India was out of service on Friday.")


def test_a_stat_line_figure_of_a_place_meets_no_figure_of_a_sentence_not_naming_it() -> None:
    stat = ("Orange officials told Bloomberg that at one point as much as 55 percent of voice traffic in Saudi Arabia, "
            "52 percent in Egypt, and 82 percent in India was out of service.")
    assert not conflicts_in(a=stat, b="As much as 70 percent of voice traffic between the continents has been affected by the outage.")


def test_versus_ends_the_counted_noun_and_a_figure_is_of_the_day_nearest_it() -> None:
    text = ("The dollar was trading at $1.3652 versus the euro on Friday morning after hitting a fresh record "
            "low of $1.3667 on Thursday.")
    friday, thursday = about(text, "$1.3652"), about(text, "$1.3667")
    assert friday.head is None and friday.anchor == "day:friday"
    assert thursday.anchor == "day:thursday"


def test_figures_of_two_named_days_are_two_days_figures() -> None:
    """A price on Friday is not the price on Thursday; whether an act happened on Thursday or on
    Friday is for the dates to say, not for what it counts."""
    assert not comparable(Referent(day="friday"), Referent(day="thursday"))
    assert comparable(Referent(day="friday"), Referent(day="friday"))
    assert comparable(Referent("hom", "damaged", day="saturday"), Referent("hom", "damaged", day="sunday"))
    assert about("The dollar was trading at $1.3652 versus the euro on Friday morning.", "$1.3652").day == "friday"
    # A day told in another clause may be of another act.
    late = "On Wednesday — the same day the autopsy showed he had been shot seven times — the crowd grew."
    assert about(late, "seven").day is None
    assert about("On Friday the dollar was trading at $1.3652.", "$1.3652").day == "friday"
    found = conflicts_in(
        a="The dollar was trading at $1.3652 versus the euro on Friday morning after hitting a fresh record low "
          "of $1.3667 on Thursday.",
        b="The dollar slid to a record $1.3666 versus the euro on Thursday, before bouncing back to $1.3636.",
    )
    assert {"$1.3652", "$1.3666"} not in found


def test_figures_told_at_two_standings_are_two_things() -> None:
    """A film's takings "in second place" and "in fourth place" are of two weekends, a team's
    points "in first place" and "in third place" of two tables: what a figure counts is where its
    sentence ranks it, when it ranks it once."""
    assert about("Fat Albert entered the chart in second place after opening on Christmas Day, taking $12.7m.",
                 "$12.7m").rank == 2
    assert about("It moved down the chart to 4th place after taking $10.7m.", "$10.7m").rank == 4
    assert about("The film took $10.7m, ahead of the second and third films.", "$10.7m").rank is None
    assert not comparable(Referent(rank=2), Referent(rank=4))
    found = conflicts_in(
        a="Comedy Fat Albert, co-written by Bill Cosby, entered the chart in second place after opening on "
          "Christmas Day, taking $12.7m (£6.6m).",
        b="Comedy Fat Albert, co-written by Bill Cosby, moved down the chart to fourth place after taking $10.7m "
          "(£5.6m).",
    )
    assert {"$12.7m", "$10.7m"} not in found


def test_a_figure_dated_to_a_year_never_meets_one_told_in_a_paragraph_of_other_years() -> None:
    """"sold more than four million copies" of the title of 2001 is not what "by year end had
    sold more than 1.75 million copies" counts in a paragraph about 2004: a sentence that names no
    year is of the years its paragraph tells of."""
    assert not comparable(Referent(years=frozenset({"2001"})), Referent(around=frozenset({"2004", "2003"})))
    assert comparable(Referent(years=frozenset({"2004"})), Referent(around=frozenset({"2004", "2003"})))
    assert comparable(Referent(years=frozenset({"2001"})), Referent())
    found = conflicts_in(
        a="The original title won universal acclaim in 2001, and sold more than four million copies. "
          "Latest figures suggest the sequel has sold more than 677,000 copies.",
        b="Video games proved more popular than ever in 2004. Gamers spent more than £1.34bn in 2004. The sequel "
          "sold more than 1 million copies in the first nine days. By year end the game had sold more than 1.75 "
          "million copies.",
    )
    assert {"more than four million", "more than 1.75 million"} not in found


def test_a_year_told_as_a_part_of_it_dates_that_part() -> None:
    """"the first quarter of 2004" is a quarter, not the year 2004, nor "the final quarter of
    2004", nor April 2004."""
    first = "Growth slowed to 0.3%, down from 6.3% in the first quarter of 2004."
    final = "Confidence was unchanged in the final quarter of 2004."
    assert about(first, "2004").period == "quarter:first"
    assert about(final, "2004").period == "quarter:final"
    assert about("Shares rose in 2004.", "2004").period is None
    assert not comparable_dates(Referent(period="quarter:first"), Referent(period="quarter:final"))
    assert not comparable_dates(Referent(period="quarter:first"), Referent())
    found = find_figures(story(a=first, b=final, c="Investors hope for a recovery from the contraction seen from April 2004 on."))
    assert not [f for f in found if len(f.mentions) > 1 and f.kind == "date"]


def test_a_sentence_that_opens_on_before_a_month_tells_of_an_earlier_time() -> None:
    """"Before July this year, Internet Explorer was used by about 95% of web surfers" is the share
    before it "has dropped to below 90%", as "In January, five cables were cut" is an earlier cut."""
    assert about("Before July this year, Internet Explorer was used by about 95% of web surfers.", "about 95%").anchor == "past"
    assert about("Until March, the firm employed 300 people.", "300").anchor == "past"
    assert about("The share of web surfers using Internet Explorer has dropped to below 90%.", "90%").anchor is None


def test_each_or_per_a_unit_of_time_further_in_the_clause_makes_a_rate() -> None:
    """"about 200,000 jobs will need to be created each month" is a rate, which "expectations of
    190,000 new jobs" in one month's count is not; "a" that far may be "a year ago"."""
    text = "About 200,000 jobs will need to be created each month if that figure is to drop."
    assert about(text, "About 200,000").rate
    assert not about("About 200,000 jobs will need to be created in the spring of a year.", "About 200,000").rate
    assert not about("The gain was below market expectations of 190,000 new jobs.", "190,000").rate


def test_since_a_time_this_season_and_the_last_games_are_three_spans() -> None:
    """"498 rushing yards since Week 11" is no count of "548 rushing yards this season", nor of
    "300 yards over the last six games", as yesterday's count is no count of today's; a total told
    without its span ("so far") may be any of them, and "since the war began" is the whole of it."""
    since = about("Since Week 11, Thomas has 498 rushing yards.", "498")
    season = about("Thomas has 548 rushing yards this season.", "548")
    last = about("Thomas has 300 rushing yards over the last six games.", "300")
    assert (since.anchor, season.anchor, last.anchor) == ("since:week 11", "this:season", "last:6 game")
    assert not comparable(since, season) and not comparable(season, last) and not comparable(since, last)
    assert comparable(season, about("Thomas has 548 rushing yards so far.", "548"))
    assert about("He has 189 rushing yards in his last two games.", "189").anchor == "last:2 game"
    assert comparable(since, about("Thomas has 498 rushing yards since Week 11 began.", "498"))
    assert about("The death toll since the war began rose to 400.", "400").anchor == "total"
    assert not comparable(season, about("Thomas ran for 98 yards on Sunday.", "98"))
    assert not conflicts_in(a="Thomas has 548 rushing yards this season.", b="Since Week 11, Thomas has 498 rushing yards.")


def test_a_unit_in_the_singular_before_a_noun_is_a_compound_as_with_a_hyphen() -> None:
    """"an 80 yard touchdown pass" counts yards of a pass, as "an 80-yard touchdown pass" does: a
    pass and a run ("an 86 yard touchdown run") are two acts, never one figure in dispute."""
    passed = about("The only loss came on an 80 yard touchdown pass by the Jaguars.", "80")
    run = about("Charles broke an 86 yard touchdown run.", "86")
    assert (passed.head, passed.act) == ("yard", "pass") and run.head == "yard"
    assert not same_act(passed, run)
    assert (about("He signed a 10 year deal.", "10").head, about("He signed a 10 - year deal.", "10").head) == ("year", "year")
    # A unit in the plural, or after one, or before no noun, is the counted noun as it stands.
    assert about("He ran 80 yards to score.", "80").head == "yard"
    assert about("The fire burned for 12 hours before crews arrived.", "12").head == "hour"


def test_a_participle_taking_an_object_is_no_kind_and_total_yards_are_a_kind_of_their_own() -> None:
    """"rushed for over 350 yards giving their two backs 100 yards each" counts rushing yards:
    "giving their" opens a clause, as "716 yards rushing" does not; "507 total yards" and "a total
    of 507 yards" count every yard, never the rushing ones."""
    rushed = about("The Chiefs rushed for over 350 yards giving their two backs 100 yards each.", "over 350")
    assert rushed.kind == "rush"
    assert about("He had 716 yards rushing in the game.", "716").kind == "rush"
    total = about("The Colts gave up 507 total yards, 352 of them on the ground.", "507")
    assert total.kind == "total" and about("The Chiefs racked up a total of 507 yards on offense.", "507").kind == "total"
    assert not comparable(rushed, total)
    assert about("Charles rushed for a total of 226 yards.", "226").kind == "rush"
    assert about("The team gained 507 yards.", "507").kind is None


def test_a_span_that_counts_nothing_leaves_the_day_anchor_as_it_was() -> None:
    assert about("In the last days of March, 40 people were hurt on Tuesday.", "40").anchor == "day:tuesday"


def test_plus_after_a_figure_is_no_noun() -> None:
    # "three-plus seasons", "20 plus years": more than the figure, of seasons and years.
    assert about("He had 20 plus years as a coach.", "20").head == "year"
    assert about("Cheeks arrives after three - plus seasons as head coach.", "three").head == "season"


def test_a_span_told_as_over_is_one_span_in_dispute() -> None:
    """A span that grows as the story goes on ("five days of rioting") needs its sentences to be
    nearly one; one told as over ("fired after nearly four seasons as coach") no longer grows, so
    two reports of its length disagree."""
    assert about("Cheeks was fired March 2 after nearly four seasons as coach.", "nearly four").ended
    assert not about("Four days of rioting left the city centre in ruins.", "Four").ended
    assert {"nearly four", "three"} in conflicts_in(
        a="Cheeks was fired March 2 after nearly four seasons as coach of the Trail Blazers.",
        b="Cheeks arrives in Philadelphia after three - plus seasons as head coach of the Trail Blazers.",
    )


def test_this_year_of_another_clause_is_not_the_figures_span() -> None:
    # A clause a conjunction joins after punctuation tells its own time: the 35 to 40
    # firefighters are no running total of "this year".
    assert about("It was the biggest fire the department has seen this year, and Steele said as many as 35 to 40 "
                 "volunteer firefighters came.", "35 to 40").anchor is None
    assert about("Bush rushed for 404 yards, and scored three touchdowns on punt runbacks this season.",
                 "404").anchor is None
    assert about("He has 548 rushing yards, 28 receptions and 258 receiving yards this season.", "548").anchor \
        == "this:season"
    assert about("This season, he has 548 rushing yards.", "548").anchor == "this:season"


def test_verbs_news_copy_uses_for_one_act() -> None:
    # "35 to 40 firefighters came", "30 to 40 firefighters arrived": one act; "tried to attack",
    # "were intercepted" stay two.
    assert same_act(Referent("firefig", act="came"), Referent("firefig", act="arriv"))
    assert not same_act(Referent("boat", act="attack"), Referent("boat", act="intercept"))


def test_a_figure_a_sentence_only_imagines_never_conflicts_with_one_told_as_fact() -> None:
    """try22 (29_ecbplus): "the odds of … ripping off another 90-yard run" was set against the
    86-yard run six sources report. Odds, chances, hopes, "if" and "would", "could", "might" before
    a figure in its clause make it imagined; a figure after which a modal stands is an estimate
    ("as many as 60 may have died") and stays a report."""
    assert about("The odds of Okafor breaking off another run of 90 yards were slim.", "90").imagined
    assert about("Officials said the storm could have left 60 people dead.", "60").imagined
    assert about("Her chance of winning 4,000 votes was gone.", "4,000").imagined
    assert not about("The storm left 40 people dead in the valley.", "40").imagined
    assert not about("Officials said 60 people may have died in the valley.", "60").imagined
    assert not about("Smith could have scored more but ended with 30 points.", "30").imagined  # another clause
    assert not about("Many staff could not take the leave as only six of those weeks were paid.", "six").imagined
    assert not about("Dunmore's best chance came when he shot wide from three yards.", "three").imagined
    assert not about("The snub could hurt her after she failed to finish her last two races.", "two").imagined
    assert about("The storm could have left as many as 60 people dead.", "60").imagined
    assert not about("Damage could reach $12 million, officials said.", "$12 million").imagined  # an estimate of a size
    fact = "The storm left 40 people dead in the valley of Arden on Sunday, officials said."
    imagined = "Officials said the storm could have left 60 people dead in the valley of Arden on Sunday."
    assert not conflicts_in(a=fact, b=imagined)
    # two projections may still disagree
    other = "Officials said the storm could have left 45 people dead in the valley of Arden on Sunday."
    assert {"60", "45"} in conflicts_in(b=imagined, c=other)


def test_a_forecast_is_imagined_however_it_measures() -> None:
    """"are tipped to rise to 2.25%", "is expected to reach 100": what a forecast puts a figure on has
    not happened, whatever verb measures it ("damage could reach $12 million" estimates what has);
    "fewer than expected" is no forecast."""
    assert about("Borrowing costs are tipped to rise by a quarter of a percentage point to 2.25%.", "2.25%").imagined
    assert about("The toll is expected to reach 100, officials said.", "100").imagined
    assert not about("The US created 146,000 jobs, fewer than expected.", "146,000").imagined
    fact = "The Federal Reserve has raised its key interest rate by a quarter of a percentage point to 2%, its fifth rise."
    assert {"2%", "2.25%"} in conflicts_in(
        a=fact, b="The Federal Reserve has raised its key interest rate by a quarter of a percentage point to 2.25%, "
                  "its fifth rise.")
    assert not conflicts_in(
        a=fact, b="The Federal Reserve's key interest rate is tipped to rise by a quarter of a percentage point to "
                  "2.25%, its fifth rise.")


def test_a_past_told_by_a_clause_after_the_figure_about_something_else_is_not_its_time() -> None:
    """"a year ago" of a clause that opens after the figure on a form in -ing or a relative word
    ("with 4,051 yards - breaking Cam Newton's record set a year ago") dates that clause's thing,
    not the figure; one after a comma alone still dates it ("Five cables were cut, two years ago")."""
    assert about("He set the rookie record with 4,051 yards - breaking Cam Norton's record set a year ago.",
                 "4,051").anchor is None
    assert about("Sales rose to 300 units, which was less than a year ago.", "300").anchor is None
    assert about("Five cables were cut, two years ago.", "Five").anchor == "past"
    assert about("Earlier this year, five cables were cut.", "five").anchor == "past"


def test_whose_figure_a_copula_or_a_named_noun_tells() -> None:
    """"Firefox's market share is now about 5%": the possessive owns the figure its copula gives
    it. "Mozilla browsers - including Firefox 1.0 - now have 7.4%": the name that qualifies the
    subject's noun owns it, past a dashed aside. So the two shares are two owners', never one in
    dispute (BBC part A). A verb in -ed that opens the sentence names no one ("Armed robbers -
    some disguised as women - snatched $108 million")."""
    assert about("Firefox's market share is now about 5% of all users.", "about 5%").agent == {"firefox"}
    assert about("Mozilla browsers - including Firefox 1.0 - now have 7.4% of the market share.", "7.4%").agent \
        == {"mozilla"}
    assert about("Mozilla - including Firefox 1.0 - now has 7.4% of the market share.", "7.4%").agent == {"mozilla"}
    for dash in ("–", "—", "--"):  # as typed elsewhere (rev26)
        assert about(f"Mozilla browsers {dash} including Firefox 1.0 {dash} now have 7.4% of the market share.",
                     "7.4%").agent == {"mozilla"}
    assert about("Armed robbers - some disguised as women - snatched $108 million worth of diamonds.",
                 "$108 million").agent == frozenset()
    assert about("Police officers arrested 12 people.", "12").agent == frozenset()
    assert not conflicts_in(
        a="According to market statistics gathered by Webtrack, Firefox's market share is now 6% of all users.",
        b="According to market statistics gathered by Webtrack, Mozilla browsers now have 7% of the market share.",
    )


def test_a_name_that_qualifies_the_counted_noun_is_no_place() -> None:
    """"Up to 80 percent of Internet services and call centers in Egypt": Internet says what kind
    of services, not where (30_ecb: the share was kept from "70 per cent of web services in Egypt"
    as a share of another place). A possessive still says whose ("3% of Axa's policyholders"), and
    a name alone after "of" where ("31% of the vote in Erewash", "of Egypt")."""
    assert about("Up to 80 percent of Internet services and call centers in Egypt have been cut.",
                 "Up to 80 percent").place == frozenset()
    assert about("The cut will hit an estimated 3% of Axa's policyholders.", "an estimated 3%").place == {"axa"}
    assert about("Labour won 31% of the vote in Erewash.", "31%").place == {"erewash"}
    assert about("Up to 70 per cent of Egypt was cut off.", "Up to 70 per cent").place == {"egypt"}


def test_a_name_of_three_words_is_also_told_by_its_initials() -> None:
    """"The change to the ESA was made last December", "rule changes that weaken the Endangered
    Species Act": the sentences name one law (9_ecbplus). Names of two words are left alone (too
    many pairs of initials mean anything)."""
    from storyview.findings.figures.referent import _names

    def names(text: str) -> frozenset[str]:
        [s] = sentences(text)
        return _names(s.tokens, text)

    assert "esa" in names("Scientists want to undo rule changes that weaken the Endangered Species Act.")
    assert "dhs" in names("He joined the Department of Homeland Security in May.")
    assert not {"nyt", "ny"} & names("He said in New York on Monday that prices rose.")
    assert "esa" in names("The change to the ESA was made last December.")


def test_a_span_a_dummy_it_was_is_a_wait_and_a_span_told_in_the_past_is_over() -> None:
    """"It was thirty four years before he finally broke cover" tells how long a wait was, not how
    far on he broke it ("fifteen games later"), and that it is over, as "kept his role a secret for
    30 years" is: two reports' lengths of it are one span in dispute (28_ecb). "has kept it for 30
    years" goes on; "was banned for two years" sets a span that goes on."""
    wait = about("It was thirty four years before he finally broke cover.", "thirty four")
    assert not wait.elapsed and wait.ended
    assert about("Fifteen games later the Colts stood at 10-5.", "Fifteen").elapsed
    assert about("Felt kept his role in the story a secret for 30 years.", "30").ended
    assert not about("Felt has kept his role in the story a secret for 30 years.", "30").ended
    assert not about("Tzekos was banned for two years by the IAAF.", "two").ended
    assert not about("It has been 30 years since the war ended.", "30").ended
    assert not about("The rioters fought police for five days.", "five").elapsed
    assert comparable(about("Felt kept his role in the story a secret for 30 years.", "30"), wait)


def test_takings_of_the_weekend_by_two_reports_may_be_of_two_weekends() -> None:
    """"This weekend's top 12 films took $125.4m", "The weekend's top 12 films took $121.9m": a
    weekly chart's reports are written a week apart (BBC part A: two weekends). The same value may
    still be one; a deal agreed at the weekend is one act ("agreeing a $143bn bailout at the weekend")."""
    assert about("This weekend's top 12 films took an estimated $125.4m, up 4.3%.", "an estimated $125.4m").weekend
    assert about("It took $42.8m (£23.7m) at the weekend, making it the top film.", "$42.8m").weekend
    assert not about("The sequel took $44.7m over the weekend of 24 December.", "$44.7m").weekend
    a = "The weekend's top 12 films took an estimated $121.9m at the North American box office, studios said."
    b = "This weekend's top 12 films took an estimated $125.4m at the North American box office, studios said."
    assert not conflicts_in(a=a, b=b)
    assert {"$143 billion", "$158 billion"} in conflicts_in(
        a="The strike was the first test of the government since agreeing a $143 billion EU and IMF bailout at the weekend.",
        b="The strike was the first test of the government since agreeing a $158 billion EU and IMF bailout at the weekend.",
    )


def test_takings_of_an_unnamed_weekend_may_be_of_another_span_than_dated_takings() -> None:
    """"It took $42.8m at the weekend" names no weekend: its report may be written a week after one
    of "took $44.7m between 24 and 26 December" (BBC part A: the sequel's first two weekends). The
    same value may still be one; two reports that date the takings alike still disagree."""
    dated = "The sequel took $44.7m (£23.2m) between 24 and 26 December, according to studio estimates."
    weekend = "The sequel took $42.8m (£23.7m) at the weekend, according to studio estimates."
    assert not conflicts_in(a=dated, b=weekend)
    assert {"$44.7m", "$40.1m"} in conflicts_in(
        a=dated, b="The sequel took $40.1m (£21.2m) between 24 and 26 December, according to studio estimates.")


def test_what_worth_tells_the_value_of() -> None:
    """"jewelry and watches estimated to be worth 2 million euros ($2.6 million)" values jewelry, as
    "$2.5 million worth of jewellery" does (24_ecbplus: the haul, $2.5m against $2.6m, was never
    compared for want of a noun); past the conversion's figure, and the first of two things. "The
    deal is worth $160 million" is the clause's subject's value, as before."""
    from storyview.findings.figures.referent import close

    told = "After scooping up jewelry and watches estimated to be worth 2 million euros ($2.6 million) the thieves fled."
    converted = about(told, "$2.6 million")
    assert converted.head == "jewelry" and about(told, "2 million euros").head == "jewelry"
    assert about("He sold shares worth more than $5bn.", "more than $5bn").head == "shar"
    assert about("The deal is worth at least $160 million.", "at least $160 million").head is None
    assert close(converted, about("Paris thieves nab $2.5 million worth of jewellery", "$2.5 million"))


def test_a_story_that_tells_a_total_and_the_events_count_apart_never_joins_them() -> None:
    """12_ecbplus: most reports give this operation's seizure ("12 magazines ... were found") and the
    warship's total ("In their five operations so far, ... 31 magazines"); one gives the total as the
    operation's ("confiscated 14 AK-47 rifles, 31 magazines and 923 rounds from the boat"). Where a
    source tells a noun both ways, a count with no word of total is the event's, never the total,
    so that report's figures are the operation's, in dispute. Not a few of a kind beside the whole:
    "two new domain names" tell no event's share of "in total ... in excess of 200 domain names"."""
    from storyview.findings.figures.match import _within_total

    op = ("During the raid on the skiff, six rifles, 12 magazines and about 300 rounds of ammunition were found "
          "and confiscated, the officer said.")
    total = "In their five operations so far, the crew of the warship have confiscated 14 rifles, 31 magazines and " \
            "923 rounds of ammunition."
    told = "The Navy confiscated 14 rifles, 31 magazines and 923 rounds of ammunition from the skiff, the officer said."
    found = conflicts_in(a=f"{op} {total}", b=f"{op} {total}", c=told)
    assert {"12", "31"} in found and {"about 300", "923"} in found

    def one(text: str, figure: str):
        return next(m for m in mentions("x", 0, text) if m.text == figure)

    assert _within_total(one(op, "12"), one(total, "31"))
    assert not _within_total(one("The net could have two new domain names.", "two"),
                             one("In total there are in excess of 200 domain names.", "200"))


def test_a_measure_of_a_noun_is_not_that_noun() -> None:
    # "voice traffic capability": a share of what the lines could carry, not of the traffic.
    measure = about("For example, 82 percent of Ruritania's voice traffic capability to Europe was out of service.", "82 percent")
    traffic = about("Sixty-five per cent of traffic to Ruritania was down, a spokesman said.", "Sixty-five per cent")
    assert not comparable(measure, traffic)
    # A noun before the head that names the thing itself still is it: "seven AK-47s", "seven AK-47 assault rifles".
    assert comparable(about("The navy seized seven AK-47 assault rifles.", "seven"), about("The navy seized seven AK-47s.", "seven"))
    # The same measure told by two reports is one.
    assert comparable(measure, about("Officials said 70 percent of Ruritania's traffic capability was lost.", "70 percent"))
