"""A figure's referent in a sentence of many figures: its own counted noun and kind, its owner,
its scope (figures round 8, issue 18 part 1). Synthetic sentences; each rule has a case that
keeps two figures apart and one that still lets them meet, and one outside sport."""

from __future__ import annotations

from figure_helpers import about, conflicts_in, date_verb, story
from storyview.findings.figures import find_figures
from storyview.findings.figures.referent import EACH, HE, comparable


# Owner: the name the figure's clause attaches it to.

def test_a_name_in_the_possessive_owns_the_figure() -> None:
    theirs = about("Jensen beat Okafor's record of 1,250 signatures in the ward.", "1,250")
    assert theirs.agent == {"okafor"}
    hers = about("Jensen won the ward with 1,310 signatures.", "1,310")
    assert hers.agent == {"jensen"} and not comparable(theirs, hers)
    # the same owner either way: the two may meet
    again = about("Okafor's record of 1,200 signatures stood for a decade.", "1,200")
    assert again.agent == {"okafor"} and comparable(theirs, again)


def test_the_subject_of_has_or_of_the_clause_owns_the_figure() -> None:
    a = about("Brandt has 193 yards on the ground.", "193")
    b = about("Moreau has 269 yards on the ground.", "269")
    assert a.agent == {"brandt"} and b.agent == {"moreau"} and not comparable(a, b)
    # a company's results: the clause's subject, a short "in 2011" between it and its verb
    c = about("Halvorsen Foods in 2011 posted a profit of $40 million.", "$40 million")
    d = about("Halvorsen Foods posted a profit of $45 million.", "$45 million")
    assert c.agent == d.agent == {"halvors", "food"} and comparable(c, d)
    # who said it owns nothing: two sources of one toll may disagree
    e = about("Mayor Ruiz said 40 people were killed.", "40")
    f = about("Governor Patel said 52 people were killed.", "52")
    assert e.agent == f.agent == frozenset() and comparable(e, f)


def test_figures_of_two_owners_that_agree_still_corroborate_each_other() -> None:
    # two people's relation to the same 400 stories: the figures agree, so they are one thing
    a = "Deep Throat was the Ledger's source for 400 stories on the scandal."
    b = "Editor Ann Bradlee oversaw almost 400 stories on the scandal."
    found = find_figures(story(a=a, b=b))
    assert [{m.text for m in f.mentions} for f in found] == [{"400", "almost 400"}]
    assert found[0].status != "conflict"
    # two owners whose figures differ stay apart: never a conflict
    c = "Editor Ann Bradlee oversaw 250 stories on the scandal."
    assert not conflicts_in(a=a, c=c)


def test_he_is_named_from_the_sentences_before() -> None:
    assert about("But he won 4,100 votes in the ward.", "4,100").agent == HE
    a = "Okafor stood in the north ward. The count ran late. He won 4,100 votes there."
    b = "Jensen stood in the south ward. He won 4,300 votes there."
    assert not conflicts_in(a=a, b=b)
    c = "Okafor stood in the north ward. He won 4,300 votes there."
    assert {"4,100", "4,300"} in conflicts_in(a=a, c=c)


def test_a_counted_subject_owns_its_figure_each() -> None:
    each = about("At least nine candidates won 300 votes or more in the ward.", "300")
    assert each.agent == EACH
    named = about("Okafor won 260 votes in the ward.", "260")
    assert not comparable(each, named)
    # a count after its noun is no subject ("716 yards rushing and five touchdowns")
    assert about("She finished with 716 yards rushing and five touchdowns.", "five").agent != EACH
    assert about("Nine firms reported 300 complaints.", "300").agent == about("Eleven firms reported 280 complaints.", "280").agent


# Kind: the act that makes the counted noun a kind of its own.

def test_the_kind_of_a_counted_noun_keeps_two_kinds_apart() -> None:
    rushing = about("He finished with 269 yards rushing and two touchdowns.", "269")
    receiving = about("He finished with 301 receiving yards.", "301")
    assert (rushing.kind, receiving.kind) == ("rush", "receiv")
    assert not comparable(rushing, receiving)
    # across the counts coordinated with it, and the verb before "for"
    assert about("She had 918 yards and four scores receiving.", "918").kind == "receiv"
    assert about("She rushed for 404 yards and two touchdowns.", "two").kind == "rush"
    # outside sport: operating profit is not net profit
    operating = about("The bank reported $2 billion in operating profit.", "$2 billion")
    net = about("The bank reported $1.6 billion in net profit.", "$1.6 billion")
    spending = about("The bank reported $1.7 billion in operating profit.", "$1.7 billion")
    assert operating.kind == "operat" and comparable(operating, spending)
    assert net.kind is None and comparable(operating, net)  # one kind told: nothing clashes


def test_the_kind_comes_from_an_act_not_from_an_aspect_or_a_length() -> None:
    assert about("The remaining 40 voters stayed home.", "40").kind is None
    assert about("He had a staggering 40 points.", "40").kind is None
    assert about("Firefighters fought for three days.", "three").kind is None  # how long, no kind
    assert about("The company accounted for 40 percent of sales.", "40 percent").kind is None


def test_a_verb_before_for_is_the_act() -> None:
    # "rushed for 352 yards" and "gained 507 yards" are two acts, never one figure in dispute
    assert not conflicts_in(a="The visitors rushed for 352 yards in the defeat at Dunmore on Sunday.",
                            b="The visitors gained 507 yards in the defeat at Dunmore on Sunday.")
    assert {"352", "372"} in conflicts_in(a="The visitors rushed for 352 yards in the defeat at Dunmore on Sunday.",
                                          b="The visitors rushed for 372 yards in the defeat at Dunmore on Sunday.")


# Scope: last season, this season; how far on; a date's own clause.

def test_last_season_is_an_earlier_count() -> None:
    last = about("Last season the theatre sold 40,000 tickets.", "40,000")
    now = about("The theatre sold 52,000 tickets.", "52,000")
    assert last.anchor == "past" and not comparable(last, now)
    this = about("This season the theatre sold 48,000 tickets.", "48,000")
    also = about("The theatre has sold 52,000 tickets this season.", "52,000")
    assert this.anchor == also.anchor == "this:season" and comparable(this, also)


def test_an_elapsed_count_never_meets_a_count_of_things() -> None:
    later = about("But fifteen games later the club stands third.", "fifteen")
    won = about("Few had the club winning ten games.", "ten")
    assert later.elapsed and not won.elapsed and not comparable(later, won)
    a = about("She came back 10 minutes later with a gun.", "10")
    b = about("She was outside for nine minutes before coming back.", "nine")
    assert a.elapsed and b.elapsed and comparable(a, b)
    assert not about("The agency received 235,000 comments on the rule.", "235,000").elapsed


def test_a_counted_noun_ends_before_this_or_because() -> None:
    assert about("He missed nine games this season because of the injury.", "nine").head == "game"
    assert about("The plant cut 300 jobs because of the slump.", "300").head == "jobs"


def test_a_date_is_not_of_the_next_coordinated_clause() -> None:
    assert date_verb("She was a junior minister in 1978 and served for eleven years.") is None
    assert date_verb("She joined the cabinet in 1983.") == "join"
    assert date_verb("She joined the cabinet in 1983 and the party.") == "join"
    assert not conflicts_in(a="Vasquez was a junior minister in 1978 and served in the cabinet of Ortega.",
                            b="Vasquez was a junior minister and served in the cabinet of Ortega in 1983.")


# A report that states the same figure again holds its match.

def test_a_report_that_states_the_figure_again_holds_its_match() -> None:
    a = "Last year the charity raised $793,000 from 147 events. This year it raised $269,000 from 83 events."
    b = "The charity raised $269,000 from 83 events this year, its director said."
    assert {"$793,000", "$269,000"} not in conflicts_in(a=a, b=b)
    c = "The charity raised $290,000 from 83 events this year, its director said."
    assert {"$269,000", "$290,000"} in conflicts_in(a=a, c=c)


def test_a_bound_of_one_owner_is_no_loose_figure_of_another() -> None:
    """"almost 400" rounds the 400 stories another owner's sentence tells of; "up to two years"
    bounds what may befall two athletes, not the two years a third was banned for."""
    figures = find_figures(story(
        a="Tzekos was also banned for two years by the IAAF, officials said.",
        b="Kenteris and Thanou could be suspended for up to two years by the IAAF, officials said.",
    ))
    assert not any({m.text for m in f.mentions} == {"two", "up to two"} for f in figures)


def test_apiece_or_each_after_a_figure_makes_it_each_ones() -> None:
    """try22 (29_ecbplus): "the Chiefs had two players rush for over 100 yards apiece" was one thing
    with Hillis's "more than a hundred yards": the figure is each of the two players', no one's
    named, and "apiece" is no counted noun."""
    each = about("The Greens had two candidates poll over 4,000 votes apiece in the north ward.", "over 4,000")
    assert each.agent == EACH and each.head == "vote"
    assert about("The two brothers got $500 each.", "$500").agent == EACH
    assert about("The two brothers got $500 each year.", "$500").agent != EACH  # a rate, not a share
    assert not [f for f in find_figures(story(
        a="The Greens had two candidates poll over 4,000 votes apiece in the north ward.",
        b="The Greens polled 4,300 votes in the north ward."))
        if {m.text for m in f.mentions} == {"over 4,000", "4,300"}]


def test_his_or_her_before_a_figure_names_whom_the_sentences_before_are_about() -> None:
    """try22 (29_ecbplus): Charles's "His third career 200-yard game" met Hillis's "more than a
    hundred yards": "his" owns the figure, as "he" does a clause's."""
    assert about("His third career total of 4,000 votes came late.", "4,000").agent == HE
    assert about("Her 4,100 votes won the seat.", "4,100").agent == HE
    okafor = "Okafor stood in the north ward. The count ran late. His 4,100 votes won the seat."
    assert not conflicts_in(a=okafor, b="Jensen stood in the north ward. Jensen won 4,300 votes there.")
    assert not conflicts_in(a=okafor, b="Jensen stood in the north ward. His 4,300 votes won the seat.")
    assert {"4,100", "4,300"} in conflicts_in(a=okafor, c="Okafor stood in the north ward. His 4,300 votes won the seat.")


def test_a_word_opening_a_sentence_or_a_name_after_a_preposition_is_no_owner() -> None:
    """try22 (29_ecbplus): "Despite rushing for 352 yards, the Kansas City Chiefs lost" was owned by
    "Despite", and "a foot race with the Indianapolis defense for an 86-yard run" by Indianapolis
    (its noun taken for a verb): a preposition names no one, nor is its object a subject."""
    assert about("Despite polling 4,300 votes, the Greens lost the ward.", "4,300").agent == frozenset()
    assert about("He won a foot race with the Ashby defence for a 60 yard run.", "60").agent == HE
    # a name a relative clause or a verb follows still owns it
    assert about("The Greens (12 - 3), who had 4,300 votes, lost.", "4,300").agent == {"green"}
    assert about("Tax claims against Halvorsen totalling over $27bn were filed.", "over $27bn").agent == {"halvors"}
