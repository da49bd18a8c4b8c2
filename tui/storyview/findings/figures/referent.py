"""What a figure counts: the thing it numbers, the outcome around it and the time it is anchored to.

Two figures are compared only when their referents can be the same thing: "5 killed" never
meets "20 wounded", "12 days" never meets "40 people", a count for "yesterday" never meets a
running total "since the war began". Read from the words around the figure, without a parser:

- `head`: the counted noun, the last word of the run of words after the figure up to a
  function word or punctuation ("seven AK-47 assault rifles" → rifles; "23 of the raiders" →
  raiders; "12 Somali and 11 Yemeni pirates" → pirates for both);
- `outcome`: what happened to what is counted, the nearest outcome word (killed, wounded,
  missing, arrested, sheltering, evacuated…);
- `anchor`: "past" for a count of an earlier event (earlier this year, last year, ago, "In
  January, …"), "total" for a running total (so far, to date, toll, "since the war began"…),
  "since:<time>", "this:<span>" or "last:<count> <unit>" for a total over a span it names
  ("since Week 11", "this season", "over the last six games"), "day:<word>" for a count of one
  day (yesterday, today, Tuesday), else None;
- `act`: what the counted things did or underwent, the verb by the figure ("five boats tried to
  attack": attack; "intercepted the remaining three": interce) or its outcome; two figures of
  two known acts are never called a conflict;
- `rate`: an average or a rate ("averaged 30 home runs", "$23 million per season", "5,000 a
  year"), which never meets a plain count ("43 runs in 54 games");
- `part`: a count of some of a whole ("200,000 of the comments opposed the rule"), which never
  meets the whole told with another act ("received 300,000 comments");
- `elliptic`: a count whose noun was told before it ("the remaining three"), so only the words
  before it may say what it counts;
- `said`: a date that is when someone said something ("the ministry said Saturday"), not
  when the thing itself happened; `published`: a dateline ("Published April 11, 2007"), never
  compared at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from storyview.engine.segment import Token, is_number_word, stem

# Outcome words (by norm prefix) and the class each stands for.
OUTCOMES: dict[str, str] = {
    "kill": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed", "death": "killed",
    "toll": "killed", "fatal": "killed", "slain": "killed", "murder": "killed", "lives": "killed", "bodies": "killed",
    "wound": "wounded", "injur": "wounded", "hurt": "wounded", "casualt": "wounded",
    "missing": "missing", "trapped": "trapped", "shelter": "sheltering", "hiding": "sheltering",
    "arrest": "arrested", "detain": "arrested", "custody": "arrested", "captur": "arrested", "charged": "arrested",
    "evacuat": "displaced", "displac": "displaced", "homeless": "displaced", "fled": "displaced", "rescued": "rescued",
    "surviv": "survived",
    "destroy": "damaged", "damag": "damaged", "flatten": "damaged", "level": "damaged", "razed": "damaged",
    "collaps": "damaged", "burn": "damaged", "gutted": "damaged", "cut": "damaged", "sever": "damaged",
    "snap": "damaged", "broke": "damaged", "sank": "damaged", "sunk": "damaged", "sink": "damaged", "shot": "shot", "shoot": "shot", "gunned": "shot",
}
MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
# Running totals and counts of one day.
TOTAL = {"since", "far", "total", "totals", "date", "overall", "altogether", "cumulative", "tally", "toll", "year", "thus"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DAYS = {"yesterday", "today", "tonight", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
PUBLISHED = {"published", "updated", "posted", "modified", "created", "dated", "filed", "last"}
SAID = {"said", "say", "says", "told", "tell", "announced", "announce", "reported", "report", "stated", "statement",
        "confirmed", "according", "added", "quoted", "declared"}
# Words that stand for people in general: "40 people" may be the same as "40 civilians".
GENERIC = {"people", "person", "persons", "individual", "individuals", "victim", "victims", "others"}
# Words that set what is counted apart from what was counted before it.
CONTRAST = {"other", "another"}
# Words between a figure and its noun that say nothing of what it counts ("thousands more officers").
MORE = {"more", "further", "additional", "extra"}
# Outcomes written as adjectives: "1 dead", "two missing" (the noun is left out: people).
STATES = {"dead", "missing", "hurt", "slain", "homeless", "injured", "wounded", "killed"}
# Two words before a figure that make it a place's population.
POPULATION = {("home", "to")} | {(place, "of") for place in (
    "town", "city", "village", "island", "country", "nation", "province", "region", "district", "state", "county")}
# Words of time after a figure: they end the noun ("three people today", "20 hours later").
TIME_WORDS = DAYS | {"tomorrow", "morning", "afternoon", "evening", "night", "tonight", "weekend", "now", "then"}
# Words after a figure that end the noun it counts.
STOP = {"the", "a", "an", "to", "in", "on", "at", "by", "for", "from", "with", "into", "off", "after", "before", "as",
        "were", "was", "are", "is", "be", "been", "have", "has", "had", "who", "which", "that", "than", "and", "or",
        "but", "when", "while", "per", "each", "apiece", "less", "they", "he", "she", "it", "we", "them", "of", "away",
        "out", "up", "down", "across", "over", "under", "near", "about", "around", "still", "reportedly", "also",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
        "north-west", "south-east", "south-west", "inland", "offshore", "apart", "later", "earlier", "ago",
        "nationwide", "worldwide", "statewide", "countrywide", "overall", "so-called", "between", "among", "amongst",
        "including", "like", "via", "through", "during", "within", "without", "inside", "outside", "against", "along",
        "behind", "beyond", "toward", "towards", "despite", "since", "until", "till", "onto", "upon", "amid",
        "versus", "vs"}
# Common verbs that do not end in -ed: they end the noun ("20,000 people took to the streets").
VERBS = {"took", "take", "takes", "went", "go", "goes", "came", "come", "comes", "made", "make", "makes", "fled", "flee",
         "left", "leave", "died", "die", "fell", "fall", "ran", "run", "gave", "give", "got", "get", "held", "hold",
         "kept", "keep", "lost", "lose", "met", "meet", "paid", "pay", "sent", "send", "spent", "spend", "stood", "stand",
         "won", "win", "marched", "remain", "remained", "remains", "live", "lives", "work", "works", "need", "needs",
         "face", "faces", "joined", "join", "rallied", "protest", "protested", "gathered", "began", "begin", "became",
         "hit", "hits", "struck", "strike", "strikes", "saw", "see", "sees", "found", "find", "finds", "put", "puts",
         # past forms that are no noun ("53 catches" counts catches: not "catch" nor "catches")
         "caught", "threw", "thrown", "drove", "sold", "bought", "brought", "built", "fought", "stole", "stolen",
         "beaten", "wrote", "written", "rode", "ridden", "chose", "chosen", "forgot", "led", "quit"}
# Spans of time a count of which grows as a story goes on ("five days of rioting", "eight
# days"); seconds, minutes and hours are more often the length of one act ("10 minutes later").
SPANS = ("day", "night", "week", "month", "year", "decad", "season")
# Outcomes that befall people: a figure with one of them and no noun counts people ("600 were killed").
CASUALTIES = {"killed", "wounded", "missing", "trapped", "sheltering", "arrested", "displaced", "rescued", "survived"}
PUNCTUATION = set(",;:()[]—–\"“”'")


@dataclass(frozen=True)
class Referent:
    """What one figure counts, as far as the words around it tell."""

    head: str | None = None
    outcome: str | None = None
    anchor: str | None = None
    said: bool = False
    published: bool = False  # a dateline: when the page was published or updated
    noun: frozenset[str] = frozenset()  # every stem of the counted noun phrase ("ak-47", "assault", "rifl")
    other: bool = False  # "two other rifles", "three more boats": not the ones counted before
    names: frozenset[str] = frozenset()  # the sentence's names: who and where ("qeshm", "bam")
    years: frozenset[str] = frozenset()  # the years its sentence dates things to ("2003")
    # the years its paragraph dates things to, when its sentence names none: the time it is told in
    # ("by year end had sold 1.75 million copies" in a paragraph of 2004)
    around: frozenset[str] = frozenset()
    proper: bool = False  # the counted noun is a name ("Homeland Defenders")
    # names that qualify the noun ("somali" of "12 Somali pirates"), or whose age it is
    marks: frozenset[str] = frozenset()
    titled: bool = False  # its sentence is a headline in title case: `names` says nothing
    written: str | None = None  # the year its report is dated, if it says
    # the act the figure's things take part in: the verb by it ("intercepted three boats", "five
    # boats tried to attack": interce, attack), an outcome as its class ("three workers died": killed)
    act: str | None = None
    # a count whose noun is left out because it was told before ("the remaining three", "the
    # other three"): `before` holds the words before it, where that noun is
    elliptic: bool = False
    before: frozenset[str] = frozenset()
    rate: bool = False  # an average or an amount per something, not a count of things
    # the property that makes a count a part of what it counts ("Eight of the jurors were
    # black": black), which a count of them all lacks
    subset: str | None = None
    # what the counted voted for or against ("nine voting to put Nichols to death": put, nichol,
    # death; "three voting for life without parole": life, parol)
    side: frozenset[str] = frozenset()
    # the count its sentence says it was made in ("43 RBIs in 54 games": game, 54), and whether it
    # is a sum of several ("a combined 157 games")
    frame: tuple[str, float] | None = None
    combined: bool = False
    # a date's verb: the act its clause tells, the verb nearest before it, else after ("foiled an
    # attack on merchant vessels on Friday", "on Thursday foiled a piracy attempt": foil)
    verb: str | None = None
    # the acts a date's sentence tells as another moment than its own, before the date: the words
    # from a word of sequence to it ("after pulling off a daring escape ... was captured Monday":
    # pull, escap, captur; not "was walking when she was struck Wednesday", one moment)
    prior: frozenset[str] = frozenset()
    # who did what a count counts, when a name is the subject of its verb ("Peyton Manning
    # completed 29 of 34 passes": peyton, manning; "Garrard, who completed 28 passes": garrard)
    agent: frozenset[str] = frozenset()
    # the things a count is of, told before "for" ("29 of 34 passes for 364 yards": pass; "53
    # catches for 605 yards and five touchdowns": catch)
    whose: str | None = None
    # the act that makes the counted noun a kind of its own, a verb's form by it: "269 rushing
    # yards", "716 yards rushing", "rushed for 352 yards" (rush); "918 yards and four scores
    # receiving" (receiv, for both); "$2 billion in operating profit" (operat)
    kind: str | None = None
    # a moment told by the clock ("with 12 minutes, 31 seconds remaining", "five minutes left"):
    # moments of two acts differ, and only sentences that tell one act make them one
    moment: bool = False
    # a margin between two sides, not a count of what one scored ("10 points down", "won by
    # seven points"), which never meets a count ("scored 17 unanswered points")
    margin: bool = False
    # a count of some of a whole told before ("200,000 of the comments opposed the rule")
    part: bool = False
    # how far on something happened ("fifteen games later", "ten minutes after"), never a count of
    # things ("winning ten games")
    elapsed: bool = False
    # the month its clause puts it in ("rose by £7.1bn in December", "February's figure … 57")
    month: str | None = None
    # the earlier span its sentence names ("last year's final": year; "last week's final": week)
    last_span: str | None = None
    # a change ("rose by $19bn": by) or the level a change reached ("rose to $23bn": to)
    change: str | None = None
    # a run of things one after another ("three successive wins", "five games in a row")
    streak: bool = False
    # the word right after the figure, whole: a compound's head is its end, which the stem cuts
    # off ("150 Kräften" and "150 Einsatzkräften" are one noun, stems "kraften" and "einsatz")
    word: str | None = None
    # the place the counted noun is of, named right after it ("55 percent of voice traffic in
    # Saudi Arabia", "65% of traffic to India", "82 percent of India's traffic"): another place's
    # figure is another figure
    place: frozenset[str] = frozenset()
    # the weekday the figure's own clause ties it to, within DAY_REACH words ("$1.3652 versus the
    # euro on Friday morning"): a level told of each of two days is each day's (`comparable`); a
    # day told further off may date another act ("on Wednesday — the same day the autopsy showed
    # he had been shot seven times")
    day: str | None = None
    # the standing its sentence ranks what it tells of, when it names one ("entered the chart in
    # second place ..., taking $12.7m": 2): takings at two standings are of two weekends
    rank: int | None = None
    # the part of a year a date is told as ("the first quarter of 2004": quarter:first): another part
    # of it, or the whole, is another time
    period: str | None = None
    # a span told as over by then ("fired after nearly four seasons as coach"): it no longer grows
    # as the story goes on, so two reports' lengths of it are one span in dispute
    ended: bool = False
    # the names of whom the sentence quotes ("Steele said", "the Anchorage Daily News reported",
    # "told ISNA"): names that tell the figure, not what it is of
    speakers: frozenset[str] = frozenset()
    # a figure its clause only imagines ("the odds of Charles ripping off another 90-yard run",
    # "the storm could have left 60 dead"): no report of a fact, so never in dispute with one
    imagined: bool = False
    # a count told as added to one told before ("a further 70 aircraft", "an additional six engines"):
    # the whole ("a firm order for 30") is another count
    added: bool = False
    # a date its clause tells as the span an amount was measured over, by a word of comparison or
    # change before it ("created fewer jobs than expected in January", "prices rose in March")
    measured: bool = False
    # what the counted people are there to do, by "to" and a verb after their noun ("sent eight
    # experts to monitor the poll": monitor), which names them as a role does ("three observers")
    purpose: str | None = None
    # its clause tells it of "the weekend" or "this weekend", a span that comes every week, named
    # only by when the report was written: the weekend's takings of two reports may be of two weekends
    weekend: bool = False

    @property
    def words(self) -> str:
        """The referent as a short phrase for a reader ("pirat · arrested")."""
        return " · ".join(x for x in (self.head, self.outcome) if x)


def _broken(text: str, a: Token, b: Token) -> bool:
    """Punctuation between two words: a clause or a list item ends there."""
    return not PUNCTUATION.isdisjoint(text[a.end:b.start])


OUTCOME_RE = re.compile("|".join(f"(?P<o{n}>{re.escape(p)})" for n, p in enumerate(OUTCOMES)))
OUTCOME_CLASSES = list(OUTCOMES.values())


def outcome_of(word: str) -> str | None:
    """The outcome class a lower-cased word stands for, if any ("sinking": damaged)."""
    return _outcome(word)


@lru_cache(maxsize=65536)
def _outcome(norm: str) -> str | None:
    """The outcome class a word stands for ("killed" for "killing"), by the first prefix it has."""
    m = OUTCOME_RE.match(norm)
    return OUTCOME_CLASSES[int(m.lastgroup[1:])] if m and m.lastgroup else None


def referent(
    tokens: Sequence[Token], text: str, first: int, last: int, numbers: Sequence[bool], date: bool = False,
    common: set[str] | frozenset[str] = frozenset(),
) -> Referent:
    """The referent of a figure whose words are tokens[first..last] of a sentence.

    `numbers`: which tokens belong to a figure (so "12 Somali and 11 Yemeni pirates" carries
    the run over "and 11" to its noun).
    """
    if not date and _age(tokens, text, first, last):
        return Referent("age", noun=frozenset({"age"}), published=_published(tokens, first, last, date),
                        marks=_whose(tokens, text, first))
    aged = None if date else _years_old(tokens, text, last)
    if aged is not None:
        return Referent("age", noun=frozenset({"age"}), marks=_named_after(tokens, text, aged))
    aside = first >= 1 and text[tokens[first - 1].end:tokens[first].start].strip() == "("
    head, noun, other, proper, marks = _head(tokens, text, last, numbers, aside)
    if head in THE_FIGURE and noun == {head}:
        head, noun = None, frozenset()  # "may up its bid to the £1.5bn mark": a bid, as the sentence says
    if first >= 2 and (tokens[first - 2].norm, tokens[first - 1].norm) in POPULATION:
        # "an island home to 120,000 people", "a town of about 15,000 people": its population, of the place named before
        head, noun = "popul", frozenset({"popul"})
        marks = _place_before(tokens, text, first - 2)
    if head is None:
        head = _worth(tokens, text, first, numbers) or _before(tokens, text, first, common)
        noun = frozenset({head}) if head else noun
    outcome = _nearest_outcome(tokens, text, first, last)
    if head and outcome and outcome not in CASUALTIES and _outcome(head) == outcome:
        outcome = None  # "11 shots", "two cuts": what is counted, not what befell it
    if head is None and outcome in CASUALTIES:
        head, noun = "people", frozenset({"people"})
    act = None if date else _act(tokens, text, first, last) or outcome
    kind, by_verb = (None, False) if date else _kind(tokens, text, first, last, numbers)
    if kind is None and head and head.startswith("time"):
        kind = _times_as(tokens, text, last)  # "six times as sharp", "five times as many": two measures
    if by_verb and act is None:
        act = kind  # "the Chiefs rushed for 352 yards": rushing, not "gained 507 yards"
    if head and last + 1 < len(tokens) and (text[tokens[last].end:tokens[last + 1].start].strip() == "-"
                                            or not date and _unit_modifier(tokens, text, first, last)) \
            and tokens[last + 1].content and not tokens[last + 1].number and tokens[last + 1].norm != "plus":
        # "a five - boat pirate attack": five counts boats, in an attack; "a 90-day stint": days
        compound = tokens[last + 1].stem
        if compound != head:
            act = act or head
            head, noun = compound, frozenset({compound})  # "a seven-yard touchdown pass" counts yards, not passes
    means = None if date else _by_means(tokens, text, last)
    if means:
        head, noun = means, frozenset({means})  # "51 wins coming by way of knockout": knockouts, not wins
    elliptic = head is None and first >= 1 and tokens[first - 1].norm in ELLIPSIS
    if head and not date and first >= 1 and tokens[first - 1].norm == "other":
        other = True  # "the other nine jurors": not the ones counted before ("another 20,000" is "a further 20,000")
    before = frozenset(t.stem for t in tokens[:first] if t.content and not t.number) if elliptic else frozenset()
    words = {t.norm for t in tokens}  # most sentences name no month and no "last": nothing to walk for them
    return Referent(head, outcome, _anchor(tokens, first, last, text), _said(tokens, first, last), _published(tokens, first, last, date),
                    noun, other, proper=proper, marks=marks, act=act,
                    elliptic=elliptic, before=before, rate=not date and _rate(tokens, text, first, last),
                    subset=None if date else _subset(tokens, text, last) or _ordinal(tokens, first),
                    part=not date and _part(tokens, text, last),
                    side=frozenset() if date else _side(tokens, text, last),
                    combined=not date and first >= 1 and tokens[first - 1].norm == "combined",
                    verb=_clause_verb(tokens, text, first, last) if date else None,
                    prior=_prior(tokens, text, first) if date else frozenset(),
                    agent=frozenset() if date else _agent(tokens, text, first, last, numbers, common),
                    whose=None if date else _whose_for(tokens, text, first, numbers), kind=kind,
                    moment=not date and _moment(tokens, first, last),
                    margin=not date and _margin(tokens, text, first, last),
                    elapsed=not date and _elapsed(tokens, text, first, last),
                    month=None if date or MONTH_NAMES.isdisjoint(words) else _month(tokens, text, first, last),
                    last_span=_last_span(tokens) if "last" in words or "previous" in words else None,
                    change=None if date else _change(tokens, text, first, numbers),
                    streak=not date and _streak(tokens, text, last),
                    word=None if date else _word_after(tokens, last),
                    place=frozenset() if date else _place(tokens, text, last, common),
                    day=None if date else _day(tokens, text, first, last),
                    rank=None if date or not tokens else _rank(text[tokens[0].start:tokens[-1].end]),
                    period=_period(tokens, first) if date else None,
                    ended=bool(head) and not date and head.startswith(SPANS)
                    and (_after(tokens, text, first) or _lasted(tokens, text, first)),
                    imagined=not date and _imagined(tokens, text, first),
                    added=not date and first >= 1 and tokens[first - 1].norm in ADDED,
                    measured=date and _measured(tokens, text, first),
                    purpose=_purpose(tokens, text, last) if head and not date and _is_person(head) else None,
                    weekend=not date and "weekend" in words and _weekend(tokens, text, first, last))


PURPOSE_REACH = 4


def _purpose(tokens: Sequence[Token], text: str, last: int) -> str | None:
    """The verb of "to" right after a count's noun phrase ("eight experts to monitor the poll"),
    if it is one: a lower-case word, not a name nor a place ("300 troops to Iraq")."""
    for i in range(last + 1, min(len(tokens) - 1, last + 1 + PURPOSE_REACH)):
        if _broken(text, tokens[i - 1], tokens[i]):
            return None
        t = tokens[i]
        if t.norm == "to":
            verb = tokens[i + 1]
            if _broken(text, t, verb) or not verb.content or verb.number or verb.norm in STOP \
                    or text[verb.start].isupper() or not (verb.norm in VERBS or verb.norm in PURPOSES):
                return None
            return verb.stem
        if not t.content or t.number or _verbal(t):
            return None
    return None


# What people are sent to do, as the verb after "to" ("eight experts to monitor the poll").
PURPOSES = {"monitor", "observe", "oversee", "watch", "inspect", "investigate", "examine", "assess", "supervise",
            "verify", "review", "advise", "mediate", "negotiate", "help", "assist", "support", "train", "guard",
            "protect", "patrol", "fight", "rescue", "search", "treat", "cover", "report", "count", "vote"}
# People named by a role they are sent in: their purpose may join two such counts.
ROLES = frozenset(stem(w) for w in "expert observer monitor inspector delegate official investigator adviser advisor "
                  "mediator envoy".split())


# Words before a figure that tell it as added to one told before ("a further 70", "an additional
# six engines"). Not "another": "another 20,000 people marched" in a second city is its whole count.
ADDED = {"further", "additional", "extra"}


# Words that compare amounts ("fewer jobs than expected"). Not "more": "arrested once more in
# March" is an act ("more than" is a hedge anyway).
COMPARATIVES = {"fewer", "less", "higher", "lower"}
# Words that tell an amount changed by itself ("prices rose"): not the acts that change one
# ("raised its key rate in March", "cut 500 jobs in May", "dropped the charges"), whose month
# is when someone acted.
CHANGED = {"rise", "rises", "rose", "risen", "rising", "fall", "falls", "fell", "fallen", "falling", "increased",
           "grew", "grown", "growing", "climbed", "jumped", "slipped", "declined", "decreased"}


def _measured(tokens: Sequence[Token], text: str, first: int) -> bool:
    """A word of comparison or change before the date in its clause, with a figure or "than"
    there too: the date is the span an amount was measured over ("fewer jobs than expected in
    January", "prices rose 2% in May"), not when an act happened."""
    k = first - 1
    compared = amount = False
    while k >= 0 and not _broken(text, tokens[k], tokens[k + 1]):
        norm = tokens[k].norm
        amount = amount or norm == "than" or tokens[k].number
        if norm in CHANGED or norm in COMPARATIVES and not (
                k + 1 < len(tokens) and (tokens[k + 1].norm == "than" or tokens[k + 1].number)):
            compared = True
        k -= 1
    return compared and amount


# Words that make what a clause tells after them imagined, not reported: a modal, a condition,
# or odds and chances ("could have left 60 dead", "if 60 die", "the odds of another 90-yard run").
IMAGINING = {"would", "could", "might", "should", "if", "unless", "odds", "chance", "chances", "possibility",
             "prospect", "prospects", "likelihood"}
# Nouns that do so only before "of" ("hopes of 60 seats"; "hopes to have 50 orders" is a target).
IMAGINING_OF = {"hope", "hopes", "dream", "dreams"}
MODALS = {"would", "could", "might", "should", "may"}
# Words before "to" that tell a forecast ("are tipped to rise to 2.25%", "is expected to reach").
FORECAST = {"tipped", "forecast", "predicted", "expected", "likely", "projected", "poised"}
# Verbs of size besides `MEASURE` and `CHANGING` ("could top $1bn", "might exceed 100").
SIZING = {"top", "exceed", "surpass", "total", "number", "cost", "amount"}
# Conjunctions that open another clause: what is imagined before them is not the figure's ("City's
# best chance came when he shot wide from three yards").
CLAUSE_BREAKS = {"but", "yet", "while", "whereas", "although", "though", "because", "when", "whenever", "where"}
# Words that open another clause before a pronoun ("could hit her hard after she failed to finish two races").
SUBORDINATING = {"after", "before", "since", "until", "till", "once", "as"}
SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}
# Words after "as" that make it a comparison ("could have as many as 60"), not a clause of its own
# ("could not take it as only six of those months were paid").
AS_MUCH = {"many", "much", "few", "little", "high", "low", "long", "far", "large", "big", "well", "soon", "often"}
# How many words back from a figure a cue of its clause may stand.
IMAGINING_REACH = 12


def _imagined(tokens: Sequence[Token], text: str, first: int) -> bool:
    """A cue of `IMAGINING` before the figure in its clause ("may" written in lower case: not the
    month). Only before it: "60 may have died" is an estimate of what happened, a report; so is a
    modal of a verb that measures ("damage could reach $12 million"): the size of a real thing,
    told loosely."""
    for k in range(first - 1, max(-1, first - 1 - IMAGINING_REACH), -1):
        t = tokens[k]
        if _broken(text, t, tokens[k + 1]) or t.norm in CLAUSE_BREAKS \
                or t.norm == "as" and tokens[k + 1].norm not in AS_MUCH and k + 1 < first \
                or t.norm in SUBORDINATING and tokens[k + 1].norm in SUBJECT_PRONOUNS:
            return False
        if t.norm in MODALS and (t.norm != "may" or text[t.start].islower()):
            return not _measuring(tokens, k + 1, first)
        if t.norm in IMAGINING or t.norm in IMAGINING_OF and tokens[k + 1].norm == "of":
            return True
        if t.norm in FORECAST and tokens[k + 1].norm == "to":
            return True  # "Borrowing costs are tipped to rise to 2.25%": a forecast, however it measures
    return False


def _measuring(tokens: Sequence[Token], k: int, first: int) -> bool:
    """A verb that puts a figure on something (`MEASURE`, `CHANGING`) stands in tokens[k:first],
    after a modal: "could reach", "would see the budget rise by"."""
    return any(t.norm in MEASURE or t.norm in CHANGING or t.norm in SIZING for t in tokens[k:first])


def _after(tokens: Sequence[Token], text: str, first: int) -> bool:
    """The figure follows "after", past a hedge: "after nearly four seasons", "after 30 years"."""
    k = first - 1
    while k >= 0 and tokens[k].norm in BETWEEN and tokens[k].norm != "after" and not _broken(text, tokens[k], tokens[k + 1]):
        k -= 1
    return k >= 0 and tokens[k].norm == "after" and not _broken(text, tokens[k], tokens[k + 1])


# Units a figure may measure a noun's thing in, in the singular ("an 80 yard touchdown pass").
UNITS = {"yard", "mile", "metre", "meter", "foot", "inch", "kilometre", "kilometer", "km", "acre", "ton", "tonne",
         "second", "minute", "hour", "day", "week", "month", "year", "point", "game", "match", "storey", "story", "page"}


def _unit_modifier(tokens: Sequence[Token], text: str, first: int, last: int) -> bool:
    """A unit in the singular after a figure other than one, before a noun ("an 80 yard
    touchdown pass", "a 10 year deal"): a compound as "an 80-yard pass" is, written without its
    hyphen; the figure counts the unit, and the noun is the thing it measures."""
    k = last + 1
    if k + 1 >= len(tokens) or tokens[k].norm not in UNITS or tokens[first].norm in ("1", "one", "a", "an") \
            or _broken(text, tokens[last], tokens[k]) or _broken(text, tokens[k], tokens[k + 1]):
        return False
    t = tokens[k + 1]
    return t.content and not t.number and t.norm not in STOP and t.norm not in VERBS and t.norm not in AUXILIARY \
        and t.norm not in SAID and t.norm not in TIME_WORDS and not t.norm.endswith(("ed", "ly"))


PERIODS = {"quarter", "half"}
PERIOD_ORDINALS = {"first", "second", "third", "fourth", "final", "last"}


def _period(tokens: Sequence[Token], first: int) -> str | None:
    """The part of a year a date is told as: "the first quarter of 2004", "the second half of 2005"."""
    if first >= 3 and tokens[first - 1].norm == "of" and tokens[first - 2].norm in PERIODS \
            and tokens[first - 3].norm in PERIOD_ORDINALS:
        return f"{tokens[first - 2].norm}:{tokens[first - 3].norm}"
    return None


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
RANK_RE = re.compile(rf"\b(?:(?P<word>{'|'.join(ORDINALS)})|(?P<digits>\d{{1,2}})(?:st|nd|rd|th))\s+"
                     r"(?:place|position|spot)\b", re.IGNORECASE)


def _rank(sentence: str) -> int | None:
    """The one standing a sentence names ("in second place", "to 4th position"); None if it names
    none or several ("moved from fifth place to second place")."""
    found = {int(m["digits"]) if m["digits"] else ORDINALS.index(m["word"].lower()) + 1 for m in RANK_RE.finditer(sentence)}
    return found.pop() if len(found) == 1 else None


# How many words from a figure a weekday in its clause may stand to be the figure's day.
DAY_REACH = 6


def _day(tokens: Sequence[Token], text: str, first: int, last: int) -> str | None:
    """The weekday nearest a figure within DAY_REACH words of its clause (`Referent.day`)."""
    for step in range(1, DAY_REACH + 1):
        for k in (last + step, first - step):
            if not 0 <= k < len(tokens) or tokens[k].norm not in WEEKDAYS:
                continue
            lo, hi = (last, k) if k > last else (k, first)
            if not any(_broken(text, tokens[x], tokens[x + 1]) for x in range(lo, hi)):
                return tokens[k].norm
    return None


# Words that tie a counted noun to a place named after it ("traffic in Saudi Arabia", "to India").
PLACE_WORDS = {"in", "to", "with", "of", "between", "from"}


def _place(tokens: Sequence[Token], text: str, last: int, common: set[str] | frozenset[str], reach: int = 6) -> frozenset[str]:
    """The place a figure's counted noun is of: a name (after "the") after "in", "to", "with",
    "between", "from" or "of" (or in the possessive after "of") within `reach` words of the
    figure, in its clause, before any other figure."""
    for k in range(last + 1, min(len(tokens) - 1, last + reach)):
        t = tokens[k]
        if _broken(text, tokens[k - 1], t) or t.number:
            return frozenset()
        if t.norm not in PLACE_WORDS or _broken(text, t, tokens[k + 1]):
            continue
        at = k + 1 + (tokens[k + 1].norm == "the" and k + 2 < len(tokens))  # "between the Middle East"
        end = at
        while end + 1 < len(tokens) and end - k < 3 and text[tokens[end + 1].start:tokens[end + 1].start + 1].isupper() \
                and not _broken(text, tokens[end], tokens[end + 1]):
            end += 1
        name, start = _name_span(tokens, text, end, common)
        if name and start == at and not (t.norm == "of" and _modifies(tokens, text, end)):
            return name
    return frozenset()


def _modifies(tokens: Sequence[Token], text: str, k: int) -> bool:
    """The name ending at k qualifies a noun in lower case right after it ("of Internet services
    and call centers in Egypt"): it says what kind they are, not where."""
    if k + 1 >= len(tokens) or _broken(text, tokens[k], tokens[k + 1]):
        return False
    t = tokens[k + 1]
    if _possessive(text, tokens[k]):
        return False  # "of Axa's policyholders": whose they are
    return t.content and not t.number and t.norm.isalpha() and text[t.start].islower() and t.norm not in STOP \
        and not _verb_like(t) and not t.norm.endswith("ly")


def _word_after(tokens: Sequence[Token], last: int) -> str | None:
    """The word right after a figure's last token, if it is a word ("150 Kräften": kraften)."""
    if last + 1 >= len(tokens):
        return None
    t = tokens[last + 1]
    return t.norm if t.content and not t.number and t.norm.isalpha() else None


# Words that make a count a run of things one after another.
STREAK = {"successive", "consecutive", "straight", "unbeaten", "winless", "back-to-back"}


def _streak(tokens: Sequence[Token], text: str, last: int, reach: int = 6) -> bool:
    """A count of a run ("three successive wins", "five straight defeats", "four games in a row"):
    a streak is no total of a season."""
    for k in range(last + 1, min(len(tokens), last + 1 + reach)):
        n = tokens[k].norm
        if n in STREAK or n == "row" and k >= 2 and tokens[k - 1].norm == "a" and tokens[k - 2].norm == "in":
            # the words first, the punctuation only then: most figures have no such word by them
            return not any(_broken(text, tokens[j - 1], tokens[j]) for j in range(last + 1, k + 1))
    return False



# Verbs of change: a figure after "by" is how much changed, after "to" where it ended.
CHANGING = {"rise", "rises", "rose", "risen", "rising", "fall", "falls", "fell", "fallen", "falling", "increase",
            "increases", "increased", "increasing", "decrease", "decreased", "grow", "grows", "grew", "grown", "growing",
            "climb", "climbs", "climbed", "jump", "jumped", "drop", "drops", "dropped", "slip", "slipped", "decline",
            "declined", "cut", "raise", "raised", "lift", "lifted", "boost", "boosted", "reduce", "reduced"}


def _change(tokens: Sequence[Token], text: str, first: int, numbers: Sequence[bool]) -> str | None:
    """"by" for how much a change was ("the budget would rise by $19bn"), "to" for where it
    ended ("would rise to $23bn", "rise by $19bn to $419bn"): a change is no level, nor a level
    a change."""
    k = first - 1
    if k < 1 or tokens[k].norm not in ("by", "to") or _broken(text, tokens[k], tokens[first]):
        return None
    j = k - 1
    if tokens[k].norm == "to":
        while j >= 1 and numbers[j] and not _broken(text, tokens[j], tokens[j + 1]):
            j -= 1  # over the change itself: "rise by $19bn to"
        if j < k - 1:
            if tokens[j].norm != "by" or _broken(text, tokens[j], tokens[j + 1]):
                return None
            j -= 1
    if j >= 0 and tokens[j].norm in CHANGING and not _broken(text, tokens[j], tokens[j + 1]):
        return tokens[k].norm
    return None


# Spans "last" or "previous" may name ("last year's final", "the previous week").
LAST_SPANS = {"year", "month", "week", "decade", "season", "weekend", "night", "summer", "winter", "spring", "autumn"}


def _last_span(tokens: Sequence[Token]) -> str | None:
    """The span of time its sentence says "last" or "previous" of: "last year's final" and "last
    week's final" are two finals."""
    for k in range(len(tokens) - 1):
        if tokens[k].norm in ("last", "previous") and tokens[k + 1].norm in LAST_SPANS:
            return tokens[k + 1].norm
    return None


WEEKEND_BY = {"the", "this", "that", "last", "previous", "past"}


def _weekend(tokens: Sequence[Token], text: str, first: int, last: int) -> bool:
    """The figure's clause names "the weekend" (or "this", "last weekend"; "the weekend's") and no
    date or month that would say which."""
    def parts(x: Token, y: Token) -> bool:  # a bracketed aside ("$42.8m (£23.7m) at the weekend") is no break
        return any(c in ",;:—–" for c in text[x.end:y.start])

    start = first
    while start >= 1 and not parts(tokens[start - 1], tokens[start]):
        start -= 1
    end = last + 1
    while end < len(tokens) and not parts(tokens[end - 1], tokens[end]):
        end += 1
    clause = tokens[start:end]
    if any(t.norm in MONTH_NAMES for t in clause):
        return False
    return any(t.norm.startswith("weekend") and n >= 1 and clause[n - 1].norm in WEEKEND_BY for n, t in enumerate(clause))


def _times_as(tokens: Sequence[Token], text: str, last: int) -> str | None:
    """What a multiple measures: the word after "times as" or "times more" by it ("up to six times
    as sharp as standard TV": sharp; "five times as many people": many)."""
    k = last + 1
    if k < len(tokens) and tokens[k].norm in ("times", "time"):
        k += 1
    if k + 1 < len(tokens) and tokens[k].norm in ("as", "more") and not _broken(text, tokens[k - 1], tokens[k]) \
            and not _broken(text, tokens[k], tokens[k + 1]):
        return tokens[k + 1].stem if tokens[k].norm == "as" else tokens[k].stem
    return None


# Words before a month that make it the time of what its clause tells ("in December", "last May").
IN_MONTH = {"in", "during", "for", "of", "last", "this", "next", "early", "late", "mid", "throughout"}


def _month(tokens: Sequence[Token], text: str, first: int, last: int) -> str | None:
    """The month a count's clause puts it in: the nearest month in its clause told as a time ("in
    December", "last May") or as an owner ("December's figure"), after it at a tie. Two counts of
    two months are two counts ("lending rose by £7.1bn in December", "rose by £4bn in January")."""
    best: tuple[int, str] | None = None
    for step, start in ((1, last + 1), (-1, first - 1)):
        k = start
        while 0 <= k < len(tokens) and not _broken(text, *((tokens[k - 1], tokens[k]) if step > 0 else (tokens[k], tokens[k + 1]))):
            t = tokens[k]
            if t.norm in MONTH_NAMES and (k >= 1 and tokens[k - 1].norm in IN_MONTH or _possessive(text, t)):
                distance = k - last if step > 0 else first - k
                if best is None or distance < best[0]:
                    best = (distance, t.norm)
                break
            k += step
    return best[1] if best else None


# Words after a count that make it a margin ("10 points down"), and verbs before "by" that do ("won by seven").
BEHIND = {"down", "behind", "ahead", "clear", "adrift"}
BY_MARGIN = {"won", "win", "wins", "lost", "lose", "loses", "led", "lead", "leads", "leading", "trailed", "trail",
             "trails", "trailing", "beat", "beaten", "beats", "fell", "finished", "winning", "losing"}


def _margin(tokens: Sequence[Token], text: str, first: int, last: int) -> bool:
    """A count that is a margin: the noun after it is followed by "down", "behind", "ahead"
    ("10 points down"), or "by" stands before it after a verb of winning or trailing ("won by
    seven points", "trailing by 10")."""
    k = last + 1
    if k < len(tokens) and tokens[k].content and not tokens[k].number and not _broken(text, tokens[last], tokens[k]):
        k += 1
    if k < len(tokens) and tokens[k].norm in BEHIND and not _broken(text, tokens[k - 1], tokens[k]):
        after = tokens[k + 1].norm if k + 1 < len(tokens) and not _broken(text, tokens[k], tokens[k + 1]) else ""
        return not (tokens[k].norm == "down" and after in ("the", "a", "an", "to", "from"))  # "30 points down the stretch"
    j = first - 1
    while j >= 0 and tokens[j].norm in ("just", "only", "a", "than", "more", "less", "at", "least"):
        j -= 1
    return j >= 1 and tokens[j].norm == "by" and tokens[j - 1].norm in BY_MARGIN


CLOCK = ("minut", "second", "hour")
# Words after a count and its noun that make it how far on something is ("fifteen games later").
ELAPSED = {"later", "earlier", "ago", "after", "before"}


def _elapsed(tokens: Sequence[Token], text: str, first: int, last: int) -> bool:
    """A count that tells how far on something happened, not how many things there were:
    "fifteen games later", "ten minutes after she left", "two votes before the end". Not what a
    dummy "it" was ("It was thirty four years before he broke cover": the wait, `_waited`)."""
    k = last + 1
    return k + 1 < len(tokens) and tokens[k].content and not tokens[k].number and tokens[k + 1].norm in ELAPSED \
        and not _broken(text, tokens[last], tokens[k]) and not _broken(text, tokens[k], tokens[k + 1]) \
        and _waited(tokens, text, first) is None


WAITED = {"was", "is", "took", "takes", "been", "be"}  # "it was", "it took", "it had been", "it would be"
WAITED_PAST = {"was", "took"}  # not "it has been 30 years since": that goes on
WAIT_HEDGES = {"about", "nearly", "almost", "some", "over", "more", "than", "another", "a", "further", "only", "just"}


def _waited(tokens: Sequence[Token], text: str, first: int) -> str | None:
    """The figure is what a dummy "it" was or took ("It was thirty four years before he broke
    cover"): how long a wait lasted, no point reached after it. The verb, or None."""
    j = first - 1
    while j >= 0 and tokens[j].norm in WAIT_HEDGES:
        j -= 1
    if j < 1 or tokens[j].norm not in WAITED or _broken(text, tokens[j], tokens[j + 1]):
        return None
    k = j - 1
    while k >= 1 and tokens[k].norm in ("had", "has", "have", "would", "will", "could", "might") \
            and not _broken(text, tokens[k], tokens[k + 1]):
        k -= 1
    return tokens[j].norm if tokens[k].norm == "it" and not _broken(text, tokens[k], tokens[k + 1]) else None


# Verbs in the simple past of a state or a doing that lasts: "for" and a span after them tell how
# long it went on, and that it is over ("kept it a secret for 30 years", "served as coach for four
# seasons"). Not an act that sets a span ("was banned for two years": the ban goes on).
LASTING = {"kept", "spent", "held", "led", "ran", "sat", "stood", "fought", "taught", "lay", "hid", "remained",
           "lasted", "stayed", "lived", "served", "worked", "ruled", "reigned", "waited", "played", "coached",
           "managed", "edited", "hosted", "starred", "studied", "dated"}
GOING_ON = {"has", "have", "is", "are", "am", "'s", "was", "were", "been", "being", "be"}  # or passive: "was banned for"


def _lasted(tokens: Sequence[Token], text: str, first: int) -> bool:
    """A span its clause tells as over: "kept his role a secret for 30 years" (a verb in the
    simple past before "for"), "It was thirty four years before he broke cover"; not "has
    kept it for 30 years", "have rioted for five days", which go on."""
    if _waited(tokens, text, first) in WAITED_PAST:
        return True
    k = first - 1
    while k >= 0 and tokens[k].norm in BETWEEN and not _broken(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k < 1 or tokens[k].norm != "for" or _broken(text, tokens[k], tokens[k + 1]):
        return False
    past = False
    while k >= 1 and not _broken(text, tokens[k - 1], tokens[k]):
        k -= 1
        n = tokens[k].norm
        if n in GOING_ON or n in MODALS or n == "will":
            return False
        past = past or n in LASTING
    return past
LEFT = {"remaining", "left", "remain", "to"}


def _moment(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A count of minutes or seconds that tells when something happened: "with 12 minutes, 31
    seconds remaining", "with just under five minutes left" ("with" before, or "left" after)."""
    after = [t.norm for t in tokens[last + 1:last + 5]]
    if not after or not after[0].startswith(CLOCK):
        return False
    before = tokens[first - 1].norm if first >= 1 else ""
    return before == "with" or any(w in LEFT for w in after[1:])


# Words between a count's verb and the count ("completed 29 of 34 passes", "threw for 364 yards").
TO_COUNT = {"the", "a", "an", "all", "some", "about", "nearly", "almost", "at", "least", "more", "than", "only", "just",
            "over", "around", "roughly", "up", "to", "his", "her", "their", "its", "of", "for", "and", "with", "first",
            "last", "next", "on"}
# Words between a name and its verb ("Garrard, who completed", "Manning has thrown").
TO_VERB = {"who", "also", "has", "had", "have", "then", "later", "again", "still", "reportedly", "is", "was", "are",
           "were", "been", "be", "being", "will", "would", "could", "can", "may", "might", "now", "currently", "just"}
# The agent of a count whose sentence opens on "He" or "She": for the caller to name.
HE = frozenset({"<he>"})
# Capitalised words that name no one.
NAMELESS = {"he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "this", "that", "his", "her", "their"}


def _agent(tokens: Sequence[Token], text: str, first: int, last: int, numbers: Sequence[bool],
           common: set[str] | frozenset[str]) -> frozenset[str]:
    """Whose figure it is, the name its clause attaches it to: a name in the possessive before
    it ("Newton's record of 4,051", "Luck's 4,183"), else the subject of the verb right before it
    ("Peyton Manning completed 29 of 34 passes", "Jones has 193 yards", "Garrard, who completed
    28 passes"), else the subject of its clause ("Luck also set a record with 4,183 yards",
    "After the vote, Smith's party won 52 seats": not who said it). Not a word the article
    writes in lower case (`common`: "Police"); `HE` for "he" or "she", for the caller to name;
    `EACH` for a figure shared out ("apiece")."""
    if _shared_out(tokens, text, last):
        return EACH
    owner = _possessor(tokens, text, first, common)
    if owner and owner != HE:
        return owner
    # "Manning completed his first 17 passes": his is the subject's
    return _verb_subject(tokens, text, first, numbers, common) or _clause_subject(tokens, text, first, numbers, common) \
        or owner


# How many words after a figure "apiece" or "each" may stand to share it out ("over 100 yards apiece").
SHARE_REACH = 5


def _shared_out(tokens: Sequence[Token], text: str, last: int) -> bool:
    """"apiece", or "each" that is no rate ("$500 each"; not "each year"), after the figure and its
    noun in its clause: the figure is each one's of several ("two players rushed for over 100 yards
    apiece"), whoever the clause names."""
    for k in range(last + 1, min(len(tokens), last + 1 + SHARE_REACH)):
        t = tokens[k]
        if _broken(text, tokens[k - 1], t) or t.number or _verbal(t):
            return False
        if t.norm == "apiece":
            return True
        if t.norm == "each":
            after = tokens[k + 1] if k + 1 < len(tokens) and not _broken(text, t, tokens[k + 1]) else None
            return after is None or after.norm.rstrip("s") not in PER_WHAT and after.norm not in ("time", "other")
    return False


# Words between a possessor and the figure it owns ("Newton's record of 4,051", "Smith's total at 40").
OWNED = {"of", "at", "with", "a", "an", "the", "record", "mark", "total", "tally", "share", "haul", "best", "previous",
         "career", "personal", "season",
         "old", "former", "new", "own"}
# Verbs of having: the subject has the figure ("Jones has 193 yards").
HAVE = {"has", "had", "have", "having"}


def _possessive(text: str, t: Token) -> bool:
    """A word written in the possessive: "Newton's", "Newton’s", "Charles'"."""
    return text[t.end - 2:t.end] in ("'s", "’s") or text[t.end:t.end + 1] in ("'", "’")


def _name_run(tokens: Sequence[Token], text: str, k: int, common: set[str] | frozenset[str]) -> frozenset[str]:
    """The capitalised run of up to three words that ends at tokens[k], a name."""
    return _name_span(tokens, text, k, common)[0]


# Words that open a sentence with a capital and are never a name ("Despite rushing for 352 yards").
NO_NAME = {"despite", "after", "before", "since", "during", "while", "when", "although", "though", "because", "with",
           "without", "for", "from", "in", "on", "at", "by", "of", "to", "as", "if", "unless", "until", "but", "and",
           "or", "so", "once", "upon", "amid", "following", "having", "against", "into", "through", "under", "over"}
# Words a name after which is their object, no subject ("a foot race with the Indianapolis defense").
GOVERNING = {"with", "against", "for", "from", "to", "of", "by", "at", "in", "on", "over", "into", "toward", "towards",
             "past", "through", "behind"}


def _name_span(tokens: Sequence[Token], text: str, k: int, common: set[str] | frozenset[str]) -> tuple[frozenset[str], int]:
    """`_name_run`, and where it starts."""
    name: set[str] = set()
    start = k + 1
    while k >= 0 and len(name) < 3:
        t = tokens[k]
        if not t.content or t.number or not text[t.start:t.start + 1].isupper() or t.norm in common \
                or t.norm in NAMELESS or t.norm in NO_NAME or t.norm in DAYS or t.norm in MONTH_NAMES or _is_person(t.stem):
            break
        name.add(t.stem)
        start = k
        if k >= 1 and _broken(text, tokens[k - 1], t) and text[tokens[k - 1].end:t.start].strip() != "-":
            break
        k -= 1
    return frozenset(name), start


def _possessor(tokens: Sequence[Token], text: str, first: int, common: set[str] | frozenset[str]) -> frozenset[str]:
    """The name in the possessive that owns a figure: "Luck's 4,183 yards", "Newton's record of
    4,051 yards", "the company's total of $3 billion" (no name: nothing); `HE` for "his" or "her"
    ("His third career 200-yard game"), whom the clause's subject or the sentences before name."""
    k = first - 1
    while k >= 0 and first - k <= 5 and not _broken(text, tokens[k], tokens[k + 1]):
        t = tokens[k]
        if t.norm in ("his", "her"):
            return HE
        if _possessive(text, t):
            return _name_run(tokens, text, k, common) if text[t.start:t.start + 1].isupper() else frozenset()
        if t.norm not in OWNED and t.norm not in ORDINALS and t.norm not in COPULA | STANDING \
                and not (t.content and not t.number and text[t.start].islower() and not _verbal(t)):
            return frozenset()
        k -= 1
    return frozenset()


# Words between an owner's noun and the figure its copula gives it ("Firefox's market share is
# now about 5%").
STANDING = {"now", "currently", "still", "stands", "stood", "at"}


def _verb_subject(tokens: Sequence[Token], text: str, first: int, numbers: Sequence[bool],
                  common: set[str] | frozenset[str]) -> frozenset[str]:
    """The name that is the subject of the verb right before a count (`_agent`)."""
    k = first - 1
    # over the words to the verb, and the counts coordinated with this one ("threw for 364 yards
    # and three touchdowns": threw)
    while k >= 0 and (tokens[k].norm in TO_COUNT or numbers[k] or k >= 1 and numbers[k - 1] and tokens[k].content) \
            and not _broken(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k < 1 or not (tokens[k].norm in HAVE or tokens[k].content and not tokens[k].number
                     and text[tokens[k].start:tokens[k].start + 1].islower() and tokens[k].norm not in STOP) \
            or tokens[k].norm in SAID or _broken(text, tokens[k - 1], tokens[k]):
        return frozenset()  # no verb right before the count ("Steele said 40 firefighters": who told it, not who did it)
    verb = tokens[k]
    k -= 1
    right_before = k
    while k >= 0 and tokens[k].norm in TO_VERB:
        k -= 1
    k = _before_aside(tokens, text, k)
    if k >= 0 and tokens[k].norm in ("he", "she") and _opens_clause(tokens, text, k):
        return HE  # "He had 793 yards", "But he had 269": whom the sentences before are about (the caller knows it)
    if k >= 1 and _verb_like(verb) and _counted_subject(tokens, text, k, 0, numbers):
        return EACH
    if k >= 1 and tokens[k].content and not tokens[k].number and text[tokens[k].start].islower() \
            and not _verbal(tokens[k]) and tokens[k].norm not in STOP and _capital(tokens[k - 1], text) \
            and not _verbal(tokens[k - 1]) and not _broken(text, tokens[k - 1], tokens[k]):
        k -= 1  # "Mozilla browsers now have 7.4%": the name that qualifies the subject's noun
    run, at = _name_span(tokens, text, k, common)  # not "Police arrested 12", "Officials counted 40": people, no name
    j = at - 1 - (at >= 2 and tokens[at - 1].norm in ("the", "a", "an"))
    if run and k == right_before and j >= 0 and tokens[j].norm in GOVERNING and not _broken(text, tokens[j], tokens[j + 1]) \
            and not (_verb_like(verb) or verb.norm.endswith(("ing", "ed", "s"))):
        # "with the Indianapolis defense for an 86-yard run": a name's noun, no verb; not "for the
        # Chiefs (2-13), who had 352 yards", nor "claims against Yukos totalling over $27bn"
        return frozenset()
    return run


def _before_aside(tokens: Sequence[Token], text: str, k: int) -> int:
    """The word before a bracketed aside that ends at tokens[k]'s clause ("the Chiefs (2-13),
    who had 352 yards": Chiefs), else k."""
    if k >= 1 and k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start].strip() in DASHES:
        # a dashed aside ("Mozilla browsers - including Firefox 1.0 - now have")
        j = k
        while j >= 1 and text[tokens[j - 1].end:tokens[j].start].strip() not in DASHES:
            j -= 1
        return j - 1 if j >= 1 and k - j < 6 else k
    if k < 0 or k + 1 >= len(tokens) or ")" not in text[tokens[k].end:tokens[k + 1].start]:
        return k
    opened = text.rfind("(", 0, tokens[k].start)
    while k >= 0 and tokens[k].start > opened:
        k -= 1
    return k


# Words that may open a clause before its subject ("But he had", "And Smith won").
OPENERS = {"but", "and", "so", "yet", "then", "still", "while", "when", "whereas", "as", "because", "although",
           "though", "if"}


def _opens_clause(tokens: Sequence[Token], text: str, k: int) -> bool:
    """tokens[k] opens its clause: the sentence's first word, the first after punctuation, or
    after a conjunction that does."""
    while k >= 1 and not _broken(text, tokens[k - 1], tokens[k]) and tokens[k - 1].norm in OPENERS:
        k -= 1
    return k == 0 or _broken(text, tokens[k - 1], tokens[k])


def _verb_like(t: Token) -> bool:
    """A word that may be the verb of a clause, saying or measuring too ("has", "is", "set", "said")."""
    n = t.norm
    return n in HAVE or n in COPULA or n in MEASURE or n in SAID or _verbal(t)


# The owner of a figure whose clause's subject is itself counted ("nine quarterbacks threw for
# 300 yards", "three firms reported profits of $1 billion"): each of them, no one named.
EACH = frozenset({"<each>"})


def _counted_subject(tokens: Sequence[Token], text: str, k: int, start: int, numbers: Sequence[bool]) -> bool:
    """The subject that ends at tokens[k] is a count of plural things ("at least nine NFL
    quarterbacks", "three firms"): a number at most three words before it, in its clause."""
    t = tokens[k]
    if not t.content or t.number or not t.norm.endswith("s") or text[t.start].isupper() and not _is_person(t.stem):
        return False
    return any(numbers[j] and tokens[j].norm not in ("one", "a", "an") for j in range(max(start, k - 3), k))


def _clause_subject(tokens: Sequence[Token], text: str, first: int, numbers: Sequence[bool],
                    common: set[str] | frozenset[str]) -> frozenset[str]:
    """The name that is the subject of the clause a figure stands in: the capitalised run right
    before the clause's first verb, a short "in 2011" between them ("Cam Newton in 2011 had the
    record with 4,051 yards"). Nothing when that verb is one of saying ("Smith said 40 died": who
    told it) or the figure comes before it."""
    start = first
    while start >= 1 and not _broken(text, tokens[start - 1], tokens[start]):
        start -= 1
    verb = next((k for k in range(start, first) if _verb_like(tokens[k]) and not text[tokens[k].start].isupper()), None)
    if verb is None or tokens[verb].norm in SAID or verb == start:
        return frozenset()
    k = verb - 1
    while k > start and tokens[k].norm in TO_VERB:
        k -= 1
    if k > start + 1 and (tokens[k].number or text[tokens[k].start].isupper()) and tokens[k - 1].norm in ("in", "on"):
        k -= 2  # "Cam Newton in 2011 had"
    if tokens[k].norm in ("he", "she") and _opens_clause(tokens, text, k):
        return HE
    if _counted_subject(tokens, text, k, start, numbers):
        return EACH
    run, at = _name_span(tokens, text, k, common)
    while at >= 1 and not _broken(text, tokens[at - 1], tokens[at]) and text[tokens[at - 1].start].isupper():
        at -= 1  # a longer name ("Carolina Panthers QB Cam Newton"): the run keeps its last three words
    # the run must open the clause (after "But", "And"): "The team of Smith had" is not Smith's
    return run if run and _opens_clause(tokens, text, at) else frozenset()


def _whose_for(tokens: Sequence[Token], text: str, first: int, numbers: Sequence[bool], reach: int = 7) -> str | None:
    """What a count is of when it follows "for" after another count's noun: "29 of 34 passes for
    364 yards" (pass), "53 catches for 605 yards and five touchdowns" (catch, for both); not after
    a verb ("threw for 364 yards": the act says that)."""
    k = first - 1
    while k >= 2 and first - k <= reach and not _broken(text, tokens[k], tokens[k + 1]):
        t = tokens[k]
        if t.norm == "for":
            noun = tokens[k - 1]
            if noun.content and not noun.number and noun.norm not in STOP and not _verbal(noun) \
                    and not noun.norm.endswith(("ing", "ed")) and not _broken(text, noun, t) and numbers[k - 2]:
                return noun.stem  # "34 passes for": the noun of a count before it
            return None
        if not (numbers[k] or t.norm in ("and", "of", "the", "a") or t.content and not _verbal(t) and t.norm not in STOP):
            return None
        k -= 1
    return None


# Words in -ing that tell when, how far or how much, not what kind of thing is counted ("the
# remaining three", "a running total", "a staggering 40").
ASPECT = {"remaining", "leading", "existing", "outstanding", "ongoing", "coming", "following", "running", "growing",
          "rising", "increasing", "falling", "staggering", "whopping", "starting", "upcoming", "returning", "during",
          "including", "excluding", "according", "pending", "regarding", "concerning", "beginning", "ending",
          "lasting", "standing", "continuing", "amazing", "astonishing", "stunning", "striking", "alarming",
          "surprising", "disappointing", "encouraging", "record-breaking", "matching", "equalling", "tying"}
# Words before "for" that put a figure on a thing without telling its kind ("accounted for 40%", "voted for").
FOR_NO_KIND = {"accounted", "accounting", "accounts", "account", "voted", "voting", "paid", "paying", "asked",
               "asking", "called", "calling", "searched", "searching", "waited", "waiting", "lasted", "lasting",
               "responsible", "sentenced", "fined", "arrested", "charged", "jailed", "compensated", "combined",
               "combining", "settled", "settling", "sold", "bought", "traded", "signed", "signing", "bid", "bidding",
               "hoped", "hoping", "applied", "applying", "qualified", "qualifying", "allowed", "allowing"}


# Particles between a verb and "for" ("came back for", "sat out for").
PARTICLES = {"back", "out", "up", "down", "off", "away", "in", "on"}


def _kind_word(t: Token) -> bool:
    """A verb's form in -ing that may qualify a counted noun ("rushing", "receiving", "operating")."""
    n = t.norm
    return len(n) > 5 and n.endswith("ing") and t.content and not t.number and n not in ASPECT and n not in TIME_WORDS \
        and _outcome(n) is None and not n.startswith(("some", "any", "every", "noth"))


# Words a verb's object opens with: a form in -ing before one is a clause's verb ("350 yards
# giving their backs 100 each"), not the counted noun's kind.
OBJECTS = {"the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "him", "them", "it", "us", "me",
           "this", "that", "these", "those"}


def _kind(tokens: Sequence[Token], text: str, first: int, last: int, numbers: Sequence[bool]) -> tuple[str | None, bool]:
    """The act that makes a counted noun a kind of its own (`Referent.kind`), and whether it is
    the verb before "for" (`_kind_told`); else "total" for a count of them all, told so ("507
    total yards", "a total of 507 yards"), which never meets a count of one kind ("rushing")."""
    of_total = first >= 2 and tokens[first - 1].norm == "of" and tokens[first - 2].norm == "total" \
        and not _broken(text, tokens[first - 2], tokens[first])
    kind = _kind_told(tokens, text, first - 2 if of_total else first, last, numbers)  # "rushed for a total of 226 yards"
    if kind[0] is not None or of_total:
        return kind[0] or "total", kind[1]
    k = last + 1
    while k < len(tokens) and k - last <= 2 and not _broken(text, tokens[k - 1], tokens[k]) and not numbers[k]:
        if tokens[k].norm == "total":
            return "total", False
        k += 1
    return None, False


def _kind_told(tokens: Sequence[Token], text: str, first: int, last: int, numbers: Sequence[bool]) -> tuple[str | None, bool]:
    """The act that makes a counted noun a kind of its own, and whether it is the verb before
    "for" ("rushed for 352 yards"): a form in -ing before the noun ("269 rushing yards", "$2
    billion operating profit") or right after it, across the counts coordinated with it ("716
    yards rushing", "918 yards and four scores receiving"), not one taking an object ("giving
    their backs"); else the verb before "for" ("rushed for 404 yards and two touchdowns",
    "rushed 106 times for 404 yards")."""
    k, nouns = last + 1, 0
    while k < len(tokens) and not _broken(text, tokens[k - 1], tokens[k]):
        t = tokens[k]
        if _kind_word(t):
            if k + 1 < len(tokens) and tokens[k + 1].norm in OBJECTS and not _broken(text, t, tokens[k + 1]):
                break
            return t.stem, False
        if t.norm in ("and", "or") and k + 1 < len(tokens) and numbers[k + 1]:
            k += 1
            nouns = 0
            while k < len(tokens) and numbers[k]:
                k += 1
            continue
        if t.norm in ("of", "in") and nouns == 0 and k + 1 < len(tokens) and tokens[k + 1].norm in ("the", "a", "an"):
            k += 2  # "$2 billion in the operating profit"
            continue
        if t.norm in ("in", "of") and nouns == 0:
            k += 1  # "$2 billion in operating profit"
            continue
        if not t.content or t.number or t.norm in STOP or nouns >= 4 or _verbal(t) or t.norm in TIME_WORDS:
            break
        nouns += 1
        k += 1
    # "rushed for 352 yards", "rushing for 404 yards and two touchdowns", "rushed 106 times for 404 yards"
    head = tokens[last + 1].stem if last + 1 < len(tokens) else ""
    if head.startswith(SPANS) or head.startswith(CLOCK):
        return None, False  # "fought for three days": how long, no kind
    k = first - 1
    while k >= 1 and first - k <= 8 and not _broken(text, tokens[k], tokens[k + 1]) and tokens[k].norm != "for":
        t = tokens[k]
        if not (numbers[k] or t.norm in BETWEEN or t.norm in ("and", "or") or t.content and not _verbal(t)
                and t.norm not in STOP):
            return None, False
        k -= 1
    if k < 1 or tokens[k].norm != "for" or _broken(text, tokens[k], tokens[k + 1]):
        return None, False
    j = k - 1
    if j >= 1 and numbers[j - 1] and tokens[j].norm in ("times", "time"):
        j -= 2  # "rushed 106 times for"; not "caught 29 passes for 201 yards" (`whose`)
    if j >= 1 and tokens[j].norm in PARTICLES:
        j -= 1  # "coming back for three games"
    if j < 0 or _broken(text, tokens[j], tokens[j + 1]):
        return None, False
    t = tokens[j]
    if t.norm in FOR_NO_KIND or t.norm in SAID or t.norm in AUXILIARY or t.norm in MEASURE:
        return None, False
    if _verbal(t) or len(t.norm) > 5 and t.norm.endswith("ing") and t.norm not in AS_PREPOSITION:
        return t.stem, True
    return None, False


# Words that tell one act as before or after another: two moments, maybe two days.
SEQUENCE = frozenset({"after", "before", "since", "following"})


def _prior(tokens: Sequence[Token], text: str, first: int) -> frozenset[str]:
    """`Referent.prior`: the content stems from the last word of sequence before a date to the
    date, or to the end of that word's clause ("After rallying in Athens, unionists marched on
    parliament where a vote will be held Thursday": rally, athen)."""
    k = next((k for k in range(first - 1, -1, -1) if tokens[k].norm in SEQUENCE), None)
    if k is None:
        return frozenset()
    told: set[str] = set()
    for n in range(k + 1, first):
        if n > k + 1 and _broken(text, tokens[n - 1], tokens[n]):
            break
        if tokens[n].content and not tokens[n].number:
            told.add(tokens[n].stem)
    return frozenset(told)


def _clause_verb(tokens: Sequence[Token], text: str, first: int, last: int) -> str | None:
    """The verb of the clause a date stands in: the nearest before it, else the nearest after,
    not across punctuation; not a verb of saying (that dates the saying, `said`) nor of a plan
    ("expected to appear Monday", "charges expected Friday": the plan's verb is not told)."""
    if first >= 1 and (tokens[first - 1].norm == "the" or _possessive(text, tokens[first - 1])) and last + 1 < len(tokens) \
            and not _broken(text, tokens[last], tokens[last + 1]) and _act_noun(tokens[last + 1]):
        return _act_of(tokens[last + 1])  # "the November 18 sinking of a trawler", "the film's March 23 opening"
    work = _named_work(tokens, text, first, last)
    if work:
        return work  # "the 2005 film The Notorious Bettie Page": the film's date, whatever the clause's verb
    # A date in brackets is an insertion in the clause it stands in ("As it promised [Tuesday], …").
    aside = first >= 1 and last + 1 < len(tokens) and text[tokens[first - 1].end:tokens[first].start].strip() in ("(", "[") \
        and text[tokens[last].end:tokens[last + 1].start].strip()[:1] in (")", "]")
    k = first - 1
    inside = _clock_aside(tokens, text, first, last)
    if inside is not None:
        # "passed away at 18:41 this evening (02:41 GMT Friday)": the moment told in another zone,
        # an insertion in the clause before the bracket, whose clock times break nothing
        k = inside - 1
        while k >= 0 and (k == inside - 1 or not _broken(text, tokens[k], tokens[k + 1])
                          or _clock(text, tokens[k], tokens[k + 1])):
            if _acted(tokens[k]) or _participle(tokens, text, k):
                return _verb_at(tokens, k, text)
            k -= 1
        return None
    while k >= 0 and (not _broken(text, tokens[k], tokens[k + 1]) or aside and k == first - 1):
        if _acted(tokens[k]) or _participle(tokens, text, k):
            return _verb_at(tokens, k, text)
        k -= 1
    k = last + 1
    while k < len(tokens) and (not _broken(text, tokens[k - 1], tokens[k])
                               or aside and k == last + 1 and text[tokens[last].end:tokens[k].start].strip() in (")", "]")):
        if _acted(tokens[k]) and tokens[k - 1].norm in ("and", "or", "but") and k - 1 > last:
            return None  # "drafted in 1978 and played for 11 seasons": the next clause's act
        if _acted(tokens[k]):
            return _act_of(tokens[k])
        k += 1
    if all(t.norm in FRONTED for t in tokens[:first]) and k < len(tokens) and text[tokens[k - 1].end:tokens[k].start].strip() == ",":
        # "In 1970, he was indicted": a date that opens the sentence dates its main clause
        k += 1
        while k < len(tokens) and not _broken(text, tokens[k - 1], tokens[k]):
            if _acted(tokens[k]):
                return _act_of(tokens[k])
            k += 1
    return None


# Words of a clock time's zone: "02:41 GMT Friday", "1:40 a.m. ET Saturday".
ZONES = {"gmt", "utc", "bst", "cet", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
         "local", "time", "a", "m", "p", "am", "pm"}


def _clock(text: str, a: Token, b: Token) -> bool:
    """Two numbers of one clock time ("18:41"): the colon between them ends no clause."""
    return a.number and b.number and text[a.end:b.start] == ":"


def _clock_aside(tokens: Sequence[Token], text: str, first: int, last: int) -> int | None:
    """Where the bracket a date ends starts, when it holds only the date and a clock time or zone
    before it ("(02:41 GMT Friday)"): the same moment told in another zone. None otherwise."""
    if last + 1 < len(tokens) and text[tokens[last].end:tokens[last + 1].start].strip()[:1] != ")" \
            or last + 1 == len(tokens) and text[tokens[last].end:].strip()[:1] != ")":
        return None
    k = first - 1
    while k >= 0 and "(" not in text[tokens[k].end:tokens[k + 1].start]:
        if not (tokens[k].number or tokens[k].norm in ZONES):
            return None
        k -= 1
    return k + 1 if k >= 0 and k + 1 < first else None


# Verbs of two words that tell an outcome or an act of one word: "passed away" is "died", a club
# that "picked up" a player signed him.
PHRASAL_OUTCOMES = {("passed", "away"): "killed", ("pass", "away"): "killed", ("passes", "away"): "killed",
                    ("picked", "up"): "sign", ("pick", "up"): "sign", ("picks", "up"): "sign"}


def _verb_at(tokens: Sequence[Token], k: int, text: str) -> str:
    """The act tokens[k] tells, with the word after it where the two are one verb ("passed away");
    "picked up" signs a player ("picked up (running back) DeShawn Wynn"), not an amount or a
    thing ("picked up 120 yards", "picked up the bill")."""
    if k + 1 < len(tokens) and (tokens[k].norm, tokens[k + 1].norm) in PHRASAL_OUTCOMES:
        act = PHRASAL_OUTCOMES[(tokens[k].norm, tokens[k + 1].norm)]
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        if act not in SIGNED or after is not None and not after.number and after.norm not in NOT_SIGNED \
                and not _broken(text, tokens[k + 1], after):
            return act
    return _act_of(tokens[k])


# Acts of two words that need a person after them ("picked up" a player signs him).
SIGNED = {"sign"}
# What opens an object that is no person signed: an amount, a thing ("the bill", "another win").
NOT_SIGNED = {"the", "a", "an", "another", "more", "some", "his", "her", "their", "its", "our", "pace", "speed"}


def _named_work(tokens: Sequence[Token], text: str, first: int, last: int) -> str | None:
    """The noun a year stands before when a title follows it ("the 2005 film The Notorious Bettie
    Page", "the 2006 HBO movie, The Notorious Bettie Page"): a work, whose year that is."""
    if first < 1 or tokens[first - 1].norm != "the":
        return None
    k = last + 1
    if k < len(tokens) and text[tokens[k].start:tokens[k].start + 1].isupper() and not _broken(text, tokens[k - 1], tokens[k]):
        k += 1  # "the 2006 HBO movie"
    if k + 1 >= len(tokens) or not tokens[k].content or tokens[k].number or not text[tokens[k].start].islower() \
            or _broken(text, tokens[k - 1], tokens[k]) or text[tokens[k].end:tokens[k + 1].start].strip() not in ("", ","):
        return None
    title = tokens[k + 1]
    return tokens[k].stem if text[title.start:title.start + 1].isupper() and not title.number else None


def _act_noun(t: Token) -> bool:
    """A noun that names an act, which a date before it dates: an outcome ("sinking", "shooting")
    or a word in -ing ("opening", "signing")."""
    return _outcome(t.norm) is not None or len(t.norm) > 5 and t.norm.endswith("ing") and t.norm not in AS_PREPOSITION


# Words before a participle that make it the verb of its clause ("after admitting in 2006").
LEADS = {"after", "before", "while", "when", "since", "by", "upon", "on"}


# Words in -ing that stand as prepositions ("pending charges expected Friday", "starting Monday").
AS_PREPOSITION = {"pending", "including", "following", "regarding", "concerning", "according", "excluding", "starting",
                  "beginning", "during", "barring", "considering", "notwithstanding"}


def _participle(tokens: Sequence[Token], text: str, k: int) -> bool:
    """A verb in -ing that opens its clause ("…broke cover, admitting in 2006", "after leaving in
    1957"), not a noun ("the 2006 meeting") nor an adjective ("a losing campaign in 1964")."""
    t = tokens[k]
    if not t.norm.endswith("ing") or len(t.norm) <= 5 or not t.content or t.number or t.norm in AS_PREPOSITION:
        return False
    return k == 0 or _broken(text, tokens[k - 1], t) or tokens[k - 1].norm in LEADS


# Words that may open a sentence before the date that dates its main clause ("In 1970,", "Early on Friday,").
FRONTED = {"in", "on", "by", "early", "late", "then", "and", "but", "since", "during", "until", "the", "of", "mid"}


# Verbs of a plan or an expectation: the act they date is another ("expected to appear").
PLANNED = {"expected", "scheduled", "planned", "slated", "set", "due", "hoped", "intended", "supposed", "rumored",
           "rumoured", "likely"}


def _acted(t: Token) -> bool:
    """A verb that tells the act a date is of: not one of a plan (`PLANNED`)."""
    return _verbal(t) and t.norm not in PLANNED


# Words of a vote: what follows them is the side the counted took.
VOTE = {"favor", "favour", "favored", "favoured", "favoring", "favouring", "against", "supported", "supporting",
        "opposed", "opposing", "backed", "backing"}
# Words that end the side a vote states ("nine for death and three for life").
SIDE_ENDS = {"and", "or", "but", "while", "whereas", "with"}


def _side(tokens: Sequence[Token], text: str, last: int, reach: int = 5) -> frozenset[str]:
    """What the counted voted for: the words after a vote word within `reach` words of the
    figure ("nine in favor of the death penalty": death, penalti; "three voted against": against)."""
    for k in range(last + 1, min(len(tokens), last + 1 + reach)):
        if _broken(text, tokens[k - 1], tokens[k]):
            return frozenset()
        n = tokens[k].norm
        if not (n.startswith("vot") or n in VOTE):
            continue
        side: set[str] = set()
        way = "against" if n == "against" else None  # "voted against", "ten against": no more said
        for t, prev in zip(tokens[k + 1:k + 9], tokens[k:k + 8]):
            if _broken(text, prev, t) or t.norm in SIDE_ENDS or t.number:
                break
            if t.norm in ("for", "against") and way is None:
                way = t.norm
            if t.content and t.norm not in STOP and t.norm not in AUXILIARY and not t.norm.startswith("vot"):
                side.add(t.stem)
        return frozenset(side) or frozenset({way} if way else set())
    return frozenset()


COPULA = {"was", "were", "is", "are"}
# Words before a count that make it a run of a longer series ("his first 17 passes", "the last two games").
ORDINAL = {"first", "last", "next", "final", "opening", "previous", "past"}


def _ordinal(tokens: Sequence[Token], first: int) -> str | None:
    """"first", "last", "next" before a count: a part of a series ("completed his first 17
    passes" of "29 of 34"), never the whole."""
    return tokens[first - 1].norm if first >= 1 and tokens[first - 1].norm in ORDINAL else None


def _subset(tokens: Sequence[Token], text: str, last: int) -> str | None:
    """The property of a part: "Eight of the jurors were black", "12 of them are from Somalia"
    (black, somalia), a predicate after "N of the X" that is no act (not "were killed"). Not of a
    percent: "65% of traffic was offline" states what the percent measures."""
    if _percent(tokens[last]):
        return None
    i = last + 1
    if i >= len(tokens) or tokens[i].norm != "of" or _broken(text, tokens[last], tokens[i]):
        return None
    i += 1
    while i < len(tokens) and i <= last + 6 and tokens[i].norm not in COPULA:
        if _broken(text, tokens[i - 1], tokens[i]) or tokens[i].number:
            return None
        i += 1
    if i >= len(tokens) or tokens[i].norm not in COPULA:
        return None
    for k in range(i + 1, min(len(tokens), i + 4)):
        t = tokens[k]
        if _broken(text, tokens[k - 1], t):
            return None
        if t.norm in STOP or t.norm in AUXILIARY or t.norm in MORE:
            continue
        if not t.content or t.number or _verbal(t) or _outcome(t.norm) or t.norm.endswith(("ed", "ing")):
            return None
        return t.stem
    return None


PARTITIVE = {"the", "these", "those", "its", "their", "his", "her", "our"}


def _percent(t: Token) -> bool:
    """A percent is always of something: "65% of traffic" states what it measures, no part."""
    return t.norm.endswith(("%", "percent", "cent"))


def _part(tokens: Sequence[Token], text: str, last: int) -> bool:
    """A count of some of a whole told before: "N of the X" ("more than 200,000 of the comments
    opposed the rule", "Five of the passengers were killed"). Not a percent, which is always of something."""
    if _percent(tokens[last]):
        return False
    k = last + 1
    return k + 1 < len(tokens) and tokens[k].norm == "of" and tokens[k + 1].norm in PARTITIVE \
        and not _broken(text, tokens[last], tokens[k]) and not _broken(text, tokens[k], tokens[k + 1])


# What an amount may be "per": "a season", "per game", "each week".
PER = {"per", "a", "an", "each", "every"}
EVERY = {"per", "each", "every"}  # a rate however far in the clause
PER_WHAT = {"day", "week", "month", "year", "season", "game", "match", "hour", "minute", "night", "head", "capita",
            "person", "share", "piece", "barrel", "mile", "kilometre", "kilometer"}


def _rate(tokens: Sequence[Token], text: str, first: int, last: int, window: int = 6) -> bool:
    """Whether the figure is an average or a rate: "averaged" (or "an average of") before it in
    its clause (which may list several: "averaged 30 home runs and 100 RBIs"), or "per", "a",
    "each" and a unit of time or count within a few words after it ("$23 million per season",
    "100 RBIs a year"; not "a year ago"), or "per", "each" or "every" further in its clause
    ("200,000 jobs will need to be created each month")."""
    for k in range(first - 1, max(-1, first - 1 - 2 * window), -1):
        if _broken(text, tokens[k], tokens[k + 1]):
            break
        if tokens[k].norm.startswith("averag"):
            return True
    for k in range(last + 1, min(len(tokens) - 1, last + 1 + 2 * window)):
        if _broken(text, tokens[k - 1], tokens[k]):
            break
        if (tokens[k].norm in PER if k <= last + window else tokens[k].norm in EVERY) \
                and tokens[k + 1].norm.rstrip("s") in PER_WHAT:
            after = tokens[k + 2].norm if k + 2 < len(tokens) else ""
            return after not in ("ago", "earlier", "later", "before", "after")
    return False


# Words between a count's noun and "by" that say how its things came ("51 wins coming by way of knockout").
CAME = {"coming", "came", "come", "all", "each", "both"}


def _by_means(tokens: Sequence[Token], text: str, last: int, reach: int = 4) -> str | None:
    """The kind a count's things are of when the words after it say so by "by" (or "by way of",
    "via"): "51 wins coming by way of knockout", "58 victories, 51 by KO" count knockouts, which
    never meet all the wins. Not a name ("by Messi"), people ("shot 11 times by police"), a time
    ("10,000 officers by year's end"), nor an agent after a verb ("killed by a bomb")."""
    k = last + 1
    while k < len(tokens) and k <= last + reach and not _broken(text, tokens[k - 1], tokens[k]):
        t = tokens[k]
        if t.norm in ("by", "via"):
            j = k + 1
            if j + 1 < len(tokens) and tokens[j].norm == "way" and tokens[j + 1].norm == "of":
                j += 2
            if j < len(tokens) and tokens[j].norm in ("a", "an"):
                j += 1
            if j < len(tokens) and not _broken(text, tokens[j - 1], tokens[j]) and tokens[j].content \
                    and not tokens[j].number and not (text[tokens[j].start].isupper() and len(tokens[j].norm) > 3) \
                    and not _is_person(tokens[j].stem) and not _when(tokens[j]):
                return tokens[j].stem  # not who did it ("shot 11 times by police"), nor when ("by year's end")
            return None
        if t.norm in CAME or t.content and not t.number and not _verbal(t) and t.norm not in STOP:
            k += 1
            continue
        return None
    return None


def _when(t: Token) -> bool:
    """A word of time: "by year's end", "by Friday", "by the end of the month"."""
    return t.norm in TIME_WORDS or t.norm in ("end", "close", "start", "beginning", "mid", "then") \
        or t.stem.startswith(SPANS) or t.norm in MONTH_NAMES


PLACES = {"island", "city", "town", "village", "country", "nation", "province", "region", "district", "state", "county",
          "port", "capital", "the", "a", "an", "large", "small", "home", "to", "of", "is", "which"}


def _place_before(tokens: Sequence[Token], text: str, at: int) -> frozenset[str]:
    """The name of the place whose population a figure is: the capitalised words before "home to"
    or "a city of" ("Qeshm island, home to 120,000": qeshm; "Bandar Abbas, a city of 500,000")."""
    i = at - 1
    while i >= 0 and tokens[i].norm in PLACES and not text[tokens[i].start].isupper():
        i -= 1
    name: set[str] = set()
    while i >= 0 and len(name) < 3 and text[tokens[i].start].isupper() and not tokens[i].number:
        name.add(tokens[i].stem)
        i -= 1
    return frozenset(name)


def _before(tokens: Sequence[Token], text: str, first: int, common: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The noun a figure measures when it stands after it: "a population of 120,000", "the
    magnitude at 6.1", "a magnitude of at least 5.9"; not a verb ("estimated at $12 million",
    "trading at $1.3652").
    A subject that opens the sentence is a noun when the article writes it in lower case too
    (`common`: "Imports rose by 3.4%")."""
    i = first - 1
    if i >= 1 and tokens[i].norm in ("of", "at") and not _broken(text, tokens[i - 1], tokens[i]):
        t = tokens[i - 1]
        if t.content and not t.number and t.norm not in STOP and _outcome(t.norm) is None and not t.norm.endswith("ed") \
                and t.norm not in COPULAS and t.norm not in VERBS and t.norm not in MEASURE \
                and not (tokens[i].norm == "at" and t.norm.endswith("ing")):  # "trading at $1.36", "running at 5%"
            return "people" if t.stem in GENERIC else t.stem
    # "turnout was almost 90%", "turnout reached 93.87 percent", "the toll stood at 40": the subject
    if i >= 1 and tokens[i].norm in ("only", "just", "nearly", "almost", "about", "around", "some") \
            and not _broken(text, tokens[i - 1], tokens[i]):
        i -= 1  # "exports increased by only 0.6%"
    k = i
    if i >= 2 and tokens[i].norm == "by" and tokens[i - 1].norm in CHANGING and not _broken(text, tokens[i - 1], tokens[i]):
        k = i - 2  # "imports rose by 3.4%": the subject of the change
    while k >= 0 and first - k <= 2 and tokens[k].norm in COPULAS and not _broken(text, tokens[k], tokens[k + 1]):
        k -= 1
    if k < i and k >= 0 and not _broken(text, tokens[k], tokens[k + 1]):
        t = tokens[k]
        if t.content and not t.number and t.norm not in STOP and t.norm not in SAID and _outcome(t.norm) is None \
                and not t.norm.endswith(("ed", "ing", "ly")) and (not text[t.start].isupper() or k == 0 and t.norm in common):
            return "people" if t.stem in GENERIC else t.stem
    return None


WORTH_HEDGES = {"about", "around", "nearly", "almost", "some", "over", "more", "than", "up", "to", "at", "least",
                "an", "roughly", "approximately", "estimated", "only", "just"}
# What may stand between a thing and the "worth" that qualifies it ("jewelry estimated to be worth").
# Not a finite copula: "the deal is worth $160 million" tells of the clause's subject, as `_before` reads it.
WORTH_LEADS = {"be", "to", "estimated", "valued", "thought", "said", "believed", "reportedly", "allegedly", "been",
               "being", "reported", "together"}


def _worth(tokens: Sequence[Token], text: str, first: int, numbers: Sequence[bool]) -> str | None:
    """The noun "worth" tells the value of, when it stands before the figure: "jewelry and watches
    estimated to be worth 2 million euros ($2.6 million)" (jewelry, the first of two things, as
    "$2.5 million worth of jewellery and watches" counts jewellery), "shares worth $5bn"; past a
    conversion's figure."""
    j = first - 1
    if j >= 0 and "(" in text[tokens[j].end:tokens[first].start]:
        while j >= 0 and numbers[j]:
            j -= 1  # "worth 2 million euros ($2.6 million)": the figure converted
    while j >= 0 and tokens[j].norm in WORTH_HEDGES and tokens[j].norm != "worth":
        j -= 1
    if j < 1 or tokens[j].norm != "worth" or _broken(text, tokens[j], tokens[j + 1]):
        return None
    j -= 1
    while j >= 0 and tokens[j].norm in WORTH_LEADS and not _broken(text, tokens[j], tokens[j + 1]):
        j -= 1
    if j < 0 or _broken(text, tokens[j], tokens[j + 1]):
        return None
    if j >= 2 and tokens[j - 1].norm in ("and", "or") and _thing(tokens[j - 2], text) \
            and not _broken(text, tokens[j - 2], tokens[j - 1]):
        j -= 2
    t = tokens[j]
    return ("people" if t.stem in GENERIC else t.stem) if _thing(t, text) else None


def _thing(t: Token, text: str) -> bool:
    """A word in lower case that may be a noun: no number, no function word, no verb."""
    return t.content and not t.number and t.norm.isalpha() and text[t.start].islower() and t.norm not in STOP \
        and not _verb_like(t) and not t.norm.endswith("ly")


# Verbs between a noun and the figure that states its size ("turnout was 90%", "rose to 40").
COPULAS = {"was", "is", "were", "are", "reached", "hit", "topped", "stood", "stands", "at", "to", "rose", "climbed",
           "totalled", "totaled", "numbered"}


def titled(tokens: Sequence[Token], text: str) -> bool:
    """A headline in title case ("2 Dead, 1 Wounded in Shooting at Kraft Plant"): its capitals
    say nothing of who or where."""
    words = [t for t in tokens if t.content and not t.number and len(t.norm) >= 3]
    return len(words) >= 3 and sum(text[t.start].isupper() for t in words) >= 0.7 * len(words)


def _speakers(tokens: Sequence[Token], text: str) -> frozenset[str]:
    """The names a sentence's verbs of saying credit: the run of capitals right before one
    ("Steele said", "the Anchorage Daily News reported") and right after it ("said Steele",
    "told ISNA", "according to IRNA")."""
    found: set[str] = set()
    for k, t in enumerate(tokens):
        if t.norm not in SAID:
            continue
        j = k - 1
        while j >= 1 and k - j <= 4 and _capital(tokens[j], text) and not _broken(text, tokens[j], tokens[j + 1]):
            found.add(tokens[j].stem)
            j -= 1
        j = k + 1
        if t.norm == "according" and j < len(tokens) and tokens[j].norm == "to":
            j += 1
        if j < len(tokens) and tokens[j].norm == "the":
            j += 1
        while j < len(tokens) and j - k <= 5 and _capital(tokens[j], text) and not _broken(text, tokens[j - 1], tokens[j]):
            found.add(tokens[j].stem)
            j += 1
    return frozenset(found)


def _capital(t: Token, text: str) -> bool:
    return t.content and not t.number and text[t.start:t.start + 1].isupper()


def _names(tokens: Sequence[Token], text: str) -> frozenset[str]:
    """Capitalised words past the first: the people and places a sentence is about; and the
    initials of a name of three words or more, as another report may call it ("the Endangered
    Species Act": esa, "the ESA")."""
    named = frozenset(
        t.stem for t in tokens[1:]
        if t.content and not t.number and text[t.start].isupper() and t.norm not in DAYS and t.norm not in MONTH_NAMES
    )
    return named | _initials(tokens, text) if len(named) >= ACRONYM_WORDS else named


ACRONYM_WORDS = 3
ACRONYM_JOINS = {"of", "and", "for", "the", "on"}  # "Department of Homeland Security": dhs


def _initials(tokens: Sequence[Token], text: str) -> frozenset[str]:
    """The initials of every run of ACRONYM_WORDS or more capitalised words (past the first word),
    joined by no punctuation; words like "of" in a run are left out."""
    found: set[str] = set()
    run: list[str] = []

    def close() -> None:
        if len(run) >= ACRONYM_WORDS:
            found.add("".join(run))
        run.clear()

    for k in range(1, len(tokens)):
        t = tokens[k]
        if run and _broken(text, tokens[k - 1], t):
            close()
        if t.content and not t.number and text[t.start].isupper() and t.norm.isalpha() and t.norm not in DAYS \
                and t.norm not in MONTH_NAMES:
            run.append(t.norm[0])
        elif not (run and t.norm in ACRONYM_JOINS and k + 1 < len(tokens) and text[tokens[k + 1].start].isupper()):
            close()
    close()
    return frozenset(found)


def _head(
    tokens: Sequence[Token], text: str, last: int, numbers: Sequence[bool], aside: bool = False
) -> tuple[str | None, frozenset[str], bool, bool, frozenset[str]]:
    """The counted noun (the last word of the run after the figure), every word of that run,
    whether the run says "other", whether the noun is capitalised (a name), and the
    capitalised words before it that are this figure's own ("12 Somali and 11 Yemeni pirates":
    Somali for 12, Yemeni for 11). `aside`: the figure is a conversion in brackets ("€110
    billion ($141 billion) loan"): its noun is after the closing bracket."""
    head: str | None = None
    marks: set[str] = set()
    own = True  # still in this figure's own words, before a figure coordinated with it
    proper = False
    noun: set[str] = set()
    other = False
    i = last + 1
    if i < len(tokens) and tokens[i].norm == "of" and not _broken(text, tokens[last], tokens[i]):
        # "23 of the raiders", "two of the pirate vessels"; "23 of them" says nothing
        i += 1
        while i < len(tokens) and tokens[i].norm in ("the", "these", "those", "its", "their", "his", "her"):
            i += 1
        if i < len(tokens) and tokens[i].norm in ("them", "us", "those", "these"):
            return None, frozenset(), False, False, frozenset()
    taken = 0
    prev = tokens[last]
    while i < len(tokens) and taken < 5:
        t = tokens[i]
        if _broken(text, prev, t) and not (aside and prev is tokens[last]
                                            and text[prev.end:t.start].strip() == ")"):
            break
        if t.norm == "worth" or t.norm == "of" and prev.norm == "worth":
            prev = t  # "$2.5 million worth of jewels": jewels
            i += 1
            continue
        if t.norm in ("and", "or") and i + 1 < len(tokens) and (numbers[i + 1] or text[tokens[i + 1].start].isupper()) \
                and (head is None or proper and not prev.norm.endswith("s")):
            # "12 Somali and 11 Yemeni pirates", "23 Somali and Yemeni pirates": the noun comes
            # later; "14 vessels and 300 crew members", "12 Magazines and 300 rounds" (a plural,
            # however written) have their noun already
            prev = t
            i += 1
            continue
        if t.norm == "to" and prev is tokens[last] and i + 1 < len(tokens) and numbers[i + 1] \
                and not _broken(text, t, tokens[i + 1]):
            prev = t  # "35 to 40 volunteer firefighters": a span, whose noun is after its second figure
            i += 1
            continue
        if numbers[i]:
            if prev.norm in ("and", "or", "to") or numbers[i - 1] and i - 1 > last:
                own = own and numbers[i - 1]
                prev = t  # "12 Somali and 11 Yemeni pirates": the noun of both is after the second
                i += 1
                continue
            break  # another figure, not one coordinated with this one: "22 billion euros over three years"
        if t.norm in GENERIC and t.norm not in CONTRAST:  # "two others", "40 people": people
            head, proper = "people", False
            noun.add("people")
            break
        if t.norm == "plus" and prev is tokens[last]:
            prev = t  # "20 plus years": more than 20, of years
            i += 1
            continue
        if t.norm in CONTRAST or t.norm in MORE:
            other = other or t.norm in CONTRAST
            prev = t
            i += 1
            continue
        if t.number and not numbers[i]:  # "AK 47", "5.56mm": part of a name
            noun.add(t.stem)
            prev = t
            i += 1
            continue
        if t.norm in STOP or t.number:
            if numbers[i]:
                prev = t
                i += 1
                continue
            break
        if t.norm.endswith("ly") or t.norm in SAID or t.norm in VERBS or t.norm in AUXILIARY \
                or (t.norm.endswith(("ed", "ing")) and head is not None):
            break  # "two boats fired", "23 pirates reportedly": a verb or adverb ends the noun
        if t.norm in TIME_WORDS or t.norm in STATES or t.norm in NOUN_ENDS \
                or t.norm.endswith("ed") and _outcome(t.norm) in CASUALTIES:
            break  # "three killed", "1 dead", "three people today": what happened or when, not what
        head = t.stem
        proper = text[t.start].isupper()
        if proper and own:
            marks.add(t.stem)
        noun.add(t.stem)
        taken += 1
        prev = t
        i += 1
    if head is not None and head in GENERIC:
        head = "people"
    return head, frozenset(noun), other, proper, frozenset(marks - {head})


# Nouns after a figure that name the figure itself, not what it counts ("the £1.5bn mark").
THE_FIGURE = {"mark", "level", "barrier", "threshold", "milestone"}
# Words that end a counted noun's run ("nine games this season because of the injury").
NOUN_ENDS = {"this", "these", "those", "that", "because", "so", "if", "unless", "whether", "though", "although"}


def _nearest_outcome(tokens: Sequence[Token], text: str, first: int, last: int, window: int = 6) -> str | None:
    best: tuple[int, str] | None = None
    for i in range(max(0, first - window), min(len(tokens), last + window + 1)):
        if first <= i <= last:
            continue
        cls = _outcome(tokens[i].norm)
        if cls is None:
            continue
        distance = first - i if i < first else i - last
        # an outcome across a clause break counts less: "5 killed, 20 wounded"
        lo, hi = (i, first) if i < first else (last, i)
        if any(_broken(text, tokens[k], tokens[k + 1]) for k in range(lo, hi)):
            distance += window
        # At a tie the outcome after the figure is its own ("5 were killed and 20 were wounded").
        if best is None or distance < best[0] or distance == best[0] and i > last:
            best = (distance, cls)
    return best[1] if best and best[0] <= window else None


def _anchor(tokens: Sequence[Token], first: int, last: int, text: str) -> str | None:
    """The time a figure's sentence ties it to (see `Referent.anchor`); of the days it names, the
    one nearest the figure `first..last` ("$1.3652 on Friday morning after hitting a record low of
    $1.3667 on Thursday": Friday, then Thursday), the later at a tie. "This year" or "this season" of
    another clause ("…has seen this year, and Steele said 35 to 40 firefighters came") is not its span."""
    norms = [t.norm for t in tokens]
    if _past(norms[:_aside_after(tokens, text, last)]):
        return "past"
    for k, n in enumerate(norms):
        if n == "since":
            return _since(tokens, k)
        if n in ("over", "in", "during", "across", "for") and k + 2 < len(norms) and norms[k + 1] in SPAN_OWNERS \
                and norms[k + 2] in ("last", "past"):
            counted = _last_count(tokens, k + 3)
            if counted:
                return counted
        if n in ("altogether", "overall", "cumulative", "tally", "toll", "totals"):
            return "total"
        if n in ("so", "thus") and k + 1 < len(norms) and norms[k + 1] == "far":
            return "total"
        if n == "to" and k + 1 < len(norms) and norms[k + 1] == "date":
            return "total"
        if n in ("in", "a") and k + 1 < len(norms) and norms[k + 1] == "total":
            return "total"
        if n == "this" and k + 1 < len(norms) and norms[k + 1] in ("year", "season") \
                and not _joined_clause(tokens, text, k, first, last):
            return f"this:{norms[k + 1]}"
    days = [(first - k if k < first else k - last, -k, n) for k, n in enumerate(norms) if n in DAYS]
    return f"day:{min(days)[2]}" if days else None


# Conjunctions that, after punctuation, join a clause of its own ("the biggest fire the
# department has seen this year, and Steele said 35 to 40 firefighters came").
JOINING = {"and", "but", "while", "whereas", "yet"}


def _joined_clause(tokens: Sequence[Token], text: str, k: int, first: int, last: int) -> bool:
    """tokens[k] and the figure first..last are in two clauses a conjunction joins after punctuation."""
    lo, hi = (k, first) if k < first else (last, k)
    return any(_broken(text, tokens[x], tokens[x + 1]) and tokens[x + 1].norm in JOINING for x in range(lo, hi))


# Words that name a time a span may start at ("since Week 11", "since Monday", "since last
# season"), or count the span in ("over the last six games").
SPAN_STARTS = DAYS | MONTH_NAMES | {"week", "game", "match", "round", "race", "season", "year", "month", "quarter",
                                    "half", "start", "opener", "debut"}
SPAN_UNITS = {"day", "night", "week", "month", "year", "season", "game", "match", "start", "race", "round", "outing",
              "quarter", "minute", "hour", "decad"}
SPAN_MODIFIERS = {"last", "early", "late", "mid", "this"}
SPAN_OWNERS = {"the", "his", "her", "their", "its", "our", "my", "your"}  # "over the last six games", "in his last two games"


def _since(tokens: Sequence[Token], k: int) -> str:
    """The span a "since" at tokens[k] starts ("since Week 11": since:week 11, "since Monday":
    since:monday), else "total": "since the war began" is the whole of it, as "so far" is."""
    i = k + 1
    if i < len(tokens) and tokens[i].norm == "the":
        i += 1
    words = []
    if i < len(tokens) and tokens[i].norm in SPAN_MODIFIERS:
        words.append(tokens[i].norm)
        i += 1
    if i >= len(tokens) or not (tokens[i].norm in SPAN_STARTS or re.fullmatch(r"(?:19|20)\d\d", tokens[i].norm)):
        return "total"
    words.append(tokens[i].norm)
    if tokens[i].norm in ("start", "opener", "debut"):
        return "total"  # "since the start of the season": the whole of it
    if i + 1 < len(tokens) and tokens[i + 1].number:
        words.append(tokens[i + 1].norm)
    return "since:" + " ".join(words)


def _last_count(tokens: Sequence[Token], i: int) -> str | None:
    """The span "over the last six games" counts (last:six game), read from the words after
    "the last" at tokens[i]; None when no count of a unit of time or play follows."""
    if i + 1 >= len(tokens) or not (tokens[i].number or is_number_word(tokens[i].norm)):
        return None
    unit = tokens[i + 1].stem
    return f"last:{tokens[i].stem} {unit}" if unit.startswith(tuple(SPAN_UNITS)) else None


def _running(anchor: str | None) -> bool:
    """A total over a span: told without its span ("so far", "to date": total) or with it
    ("since Week 11", "this season", "over the last six games")."""
    return anchor is not None and (anchor == "total" or anchor.startswith(("since:", "this:", "last:")))


# A dash as typed between words that sets an aside apart.
DASHES = {"-", "--", "–", "—"}
# Words that open, after punctuation, a clause about something else than the figure before it
# ("4,051 yards - breaking Cam Newton's record set a year ago", "a profit of £3bn, which is ...").
ASIDE_OPENERS = {"which", "who", "whose", "whom"}


def _aside_after(tokens: Sequence[Token], text: str, last: int) -> int:
    """Where a clause after the figure tokens[..last] opens that tells of something else (after
    punctuation, a form in -ing or a relative word), else the sentence's end: its "a year ago" is
    no time of the figure."""
    for k in range(last + 1, len(tokens)):
        t = tokens[k]
        gap = text[tokens[k - 1].end:t.start]
        if (_broken(text, tokens[k - 1], t) or gap.strip() in DASHES) and (t.norm in ASIDE_OPENERS or t.norm.endswith("ing") and t.norm.isalpha()
                                                and len(t.norm) > 5 and not t.number):
            return k
    return len(tokens)


def _past(norms: Sequence[str]) -> bool:
    """The sentence tells of an earlier event, not of this one: "Earlier this year, five cables
    were cut", "last year", "in January, …", "Before July, …" (a month that opens the sentence,
    `OPENS_BEFORE`), "two years ago"."""
    for k, n in enumerate(norms):
        after = norms[k + 1] if k + 1 < len(norms) else ""
        if n == "earlier" and after in ("this", "in"):
            return True
        if n in ("last", "previous") and after in ("year", "month", "week", "decade", "time", "season"):
            return True
        if n == "ago" or n == "previously":
            return True
    return len(norms) >= 2 and norms[0] in OPENS_BEFORE and norms[1] in MONTH_NAMES


# Words that, opening a sentence before a month, tell of a time before now ("In January, five
# cables were cut", "Before July this year, Explorer was used by 95%", "Until March, ...").
OPENS_BEFORE = {"in", "before", "until", "till"}


def _published(tokens: Sequence[Token], first: int, last: int, date: bool) -> bool:
    """A figure of when a page was published or updated: after "Published", "Updated",
    "Posted", or a date standing (nearly) alone, a dateline. Reports of one event are published
    on different days."""
    if first <= 6 and any(t.norm in PUBLISHED for t in tokens[:min(2, first)]):
        return True  # "Published April 11, 2007", "Last Updated: Monday": a line that opens on it
    if date and first >= 1 and tokens[first - 1].norm == "today":
        return True  # "announced today (4 November 2011)": the day the page was written
    words = [t for t in tokens if not t.number]
    return date and len(tokens) - (last - first + 1) <= 2 and len(words) <= 4


YEARS_OLD_RE = re.compile(r"[\w.,]+(?:\s?-\s?|\s+)years?(?:\s?-\s?|\s+)old\b", re.IGNORECASE)


def _years_old(tokens: Sequence[Token], text: str, last: int) -> int | None:
    """Where "year(s) old" after a figure ends, however hyphenated ("Sixteen-year-old Kimani
    Gray", "16 years old"): the figure is an age. None if it is not."""
    m = YEARS_OLD_RE.match(text, tokens[last].start)
    return m.end() if m else None


def _named_after(tokens: Sequence[Token], text: str, end: int) -> frozenset[str]:
    """Whose age it is: the name after it ("16-year-old Kimani Gray": kimani, gray), else the
    noun ("a 47-year-old man": man); nothing for "the 16-year-old"."""
    name: set[str] = set()
    for t in tokens:
        if t.start < end:
            continue
        if not name and t.content and not t.number and not text[t.start].isupper() and t.norm not in STOP:
            return frozenset({t.stem})
        if len(name) >= 3 or not text[t.start].isupper() or t.number:
            break
        name.add(t.stem)
    return frozenset(name)


# Outcomes as verbs that do not end in -ed or -ing.
OUTCOME_VERBS = {"die", "dies", "died", "kill", "kills", "slain", "hurt", "hurts", "shot", "sank", "sunk", "broke", "cut",
                 "cuts", "fled", "wound", "wounds", "injure", "injures", "destroy", "destroys", "level", "levels"}
# Words before a count whose noun is left out because it was told before ("the remaining three").
ELLIPSIS = {"remaining", "other", "last", "first", "latter", "former", "rest"}
# Words between a figure's noun and its verb, or its verb and the figure, that are not the act.
AUXILIARY = {"was", "were", "is", "are", "be", "been", "being", "had", "have", "has", "tried", "try", "tries",
             "still", "now", "already", "currently", "later",
             "would", "will", "could", "may", "might", "also", "reportedly", "allegedly", "then", "all", "both",
             "managed", "who", "that", "which", "did", "not", "got", "get"}
# Words between a verb and the figure after it that say nothing of the act ("intercepted the remaining three").
BETWEEN = {"the", "a", "an", "remaining", "other", "all", "some", "about", "nearly", "almost", "at", "least", "more",
           "than", "only", "just", "another", "its", "their", "his", "her", "over", "around", "roughly", "up", "to",
           "first", "last", "next", "in"}


# Verbs that put a figure on something without telling what it did ("estimated at $12 million",
# "the toll rose to 40"): no act.
MEASURE = {"estimated", "estimate", "estimates", "put", "puts", "valued", "priced", "pegged", "set", "reach", "reached",
           "reaches", "totaled", "totalled", "totals", "numbered", "number", "stood", "stands", "rose", "rise", "rises",
           "climbed", "climb", "jumped", "increased", "fell", "dropped", "reported", "counted", "listed", "cost", "costs"}


def _verbal(t: Token) -> bool:
    """A word that tells an act: a common verb, a verb in -ed, or an outcome told as a verb
    ("died", "killing"; not "damage" or "deaths")."""
    n = t.norm
    if n in SAID or n in AUXILIARY or n in MEASURE or t.number:
        return False
    if n in VERBS or len(n) > 4 and n.endswith("ed"):
        return True
    return _outcome(n) is not None and n not in STATES and (n.endswith(("ed", "ing")) or n in OUTCOME_VERBS)


def _act_of(t: Token) -> str:
    return _outcome(t.norm) or t.stem


def _act(tokens: Sequence[Token], text: str, first: int, last: int) -> str | None:
    """The act a figure's things take part in: the verb after its noun ("five boats tried to
    attack", "three workers died"), else the verb before it ("intercepted the remaining three")."""
    i, nouns = last + 1, 0
    while i < len(tokens) and not _broken(text, tokens[i - 1], tokens[i]):
        t = tokens[i]
        before = tokens[i - 1].norm
        if before == "to" and i >= 2 and (tokens[i - 2].norm in AUXILIARY or _verbal(tokens[i - 2])) \
                and t.content and not t.number and t.norm not in STOP:
            return _act_of(t)  # "tried to attack"; not "65% of traffic to India"
        if t.norm == "to" and (before in AUXILIARY or _verbal(tokens[i - 1])):
            i += 1
            continue
        if _verbal(t) and before in ("and", "or"):
            break  # "killed 612 people and injured 1,400": the next clause's act
        if _verbal(t) and (nouns or before in AUXILIARY or _outcome(t.norm)):
            return _act_of(t)  # "three workers died", "600 were killed"; not "17 of the hijacked ships"
        if t.norm in AUXILIARY:
            i += 1
            continue
        if t.norm in ("of", "the", "and", "or"):
            i += 1
            continue
        if nouns < 6 and t.content and not t.number and t.norm not in STOP and t.norm not in TIME_WORDS:
            nouns += 1
            i += 1
            continue
        break
    j, skipped = first - 1, 0
    while j >= 0 and skipped < 3 and tokens[j].norm in BETWEEN and not _broken(text, tokens[j], tokens[j + 1]):
        j -= 1
        skipped += 1
    if j >= 0 and not _broken(text, tokens[j], tokens[j + 1]) and _verbal(tokens[j]):
        return _act_of(tokens[j])
    return None


def same_act(a: Referent, b: Referent) -> bool:
    """The two figures' things take part in one act, or either act is unknown."""
    return a.act is None or b.act is None or _alike(a.act, b.act) or _one_act(a.act, b.act)


# Verbs news copy uses for one act, by stem prefix: "35 to 40 firefighters came", "30 to 40
# firefighters arrived".
ACTS = (
    ("came", "come", "arriv"),
)


def _one_act(x: str, y: str) -> bool:
    return any(x.startswith(group) and y.startswith(group) for group in ACTS)


def _age(tokens: Sequence[Token], text: str, first: int, last: int) -> bool:
    """A number set off by commas after a name: an age ("Anthony LaCalamita III, 38, said")."""
    if first == 0 or last + 1 > len(tokens):
        return False
    before = text[tokens[first - 1].end:tokens[first].start]
    after = text[tokens[last].end:].lstrip()[:1]
    return "," in before and after in (",", ")", "") and text[tokens[first - 1].start].isupper()


def _whose(tokens: Sequence[Token], text: str, first: int) -> frozenset[str]:
    """The name an age is set after ("LuAnn Marie Johnson, 66": johnson, mari, luann): two ages
    are of one person only if their names meet."""
    name: set[str] = set()
    i = first - 1
    while i >= 0 and len(name) < 4 and text[tokens[i].start].isupper() and not tokens[i].number:
        if i < first - 1 and _broken(text, tokens[i], tokens[i + 1]):
            break
        if tokens[i].content:
            name.add(tokens[i].stem)
        i -= 1
    return frozenset(name)


def other_owners(a: Referent, b: Referent) -> bool:
    """Both figures state whose they are, and not the same one."""
    return bool(a.agent and b.agent and not a.agent & b.agent)


def _said(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A date right next to a verb of saying: when it was said."""
    for i in (first - 1, first - 2, last + 1):
        if 0 <= i < len(tokens) and tokens[i].norm in SAID:
            return True
    return False


def comparable(a: Referent, b: Referent, owners: bool = True) -> bool:
    """Whether two figures may count the same thing: nothing they say of what they count clashes.

    `owners`: figures of two different owners never count the same thing; without it, whose
    figure each is does not matter (see `match._comparable`)."""
    if a.published or b.published:
        return False
    if a.head and b.head and not same_noun(a, b) and not _may_be_people(a, b):
        return False
    if a.other != b.other:
        return False
    if a.rate != b.rate:
        return False  # "averaged 100 RBIs" a season is no count of "43 RBIs in 54 games"
    if a.side and b.side and not a.side & b.side:
        return False  # "nine voting to put Nichols to death", "three voting for life without parole"
    if a.frame and b.frame and (not _alike(a.frame[0], b.frame[0]) or a.frame[1] != b.frame[1]):
        return False  # "43 RBIs in 54 games" and "121 RBIs" in "a combined 157 games"; yards on carries, on catches
    if a.place and b.place and not a.place & b.place:
        return False  # "55 percent of voice traffic in Saudi Arabia", "65% of traffic to India"
    if a.combined != b.combined:
        return False  # "a combined 157 games with the Angels and Braves" sums what "54 games" is part of
    if owners and other_owners(a, b):
        return False  # "Manning completed 29 of 34 passes", "Garrard completed 28 of 41 passes"
    if a.kind and b.kind and not _alike(a.kind, b.kind):
        return False  # "716 yards rushing", "918 yards receiving"; "operating profit", "net profit" is not told so
    if a.whose and b.whose and not _alike(a.whose, b.whose):
        return False  # "29 of 34 passes for 364 yards", "53 catches for 605 yards"
    if a.streak != b.streak:
        return False  # "three successive wins over the past fortnight", "five wins this indoor season"
    if a.change and b.change and a.change != b.change:
        return False  # "the budget would rise by $19bn", "would rise to just under $23bn"
    if a.last_span and b.last_span and a.last_span != b.last_span:
        return False  # "lost in three sets in last year's final", "stretched him to five sets in last week's final"
    if a.month and b.month and a.month != b.month:
        return False  # "mortgage lending rose by £7.1bn in December", "rose by £4bn in January"
    if a.elapsed != b.elapsed:
        return False  # "fifteen games later the Colts stand at 10-5", "winning ten games"
    if a.margin != b.margin:
        return False  # "entered the final quarter 10 points down", "scored 17 unanswered points"
    if a.part != b.part and a.act and b.act and not _alike(a.act, b.act):
        # some of the comments, picked out by what they did ("200,000 of the comments opposed the
        # rule"), are not all the comments received; "Five of the passengers were killed" may be
        # the passengers killed
        return False
    if a.subset != b.subset:
        return False  # "Eight of the jurors were black" are not the "two jurors" who spoke
    if (a.head == "age") != (b.head == "age"):
        return False  # an age is compared with ages only ("Dozens" never meets "Sixteen-year-old")
    if a.head == "age" == b.head and not (a.marks and b.marks and (a.marks <= b.marks or b.marks <= a.marks)):
        # the ages of two people ("Kimani Gray", "Mahnefah Gray"), or of someone unnamed ("the 19-year-old")
        return False
    if a.marks and b.marks and not a.marks & b.marks:
        return False  # "12 Somali pirates" and "11 Yemeni pirates"
    if a.head == "age" == b.head and a.written and b.written and a.written != b.written:
        return False  # "Orozco, 27" at his arrest in 2005, "Orozco, 29" at his trial in 2007
    if a.years and b.years and not a.years & b.years:
        return False  # the dead of the 2003 quake are not the dead of this one
    if a.years and b.around and not a.years & b.around or b.years and a.around and not b.years & a.around:
        return False  # "the original title, in 2001, sold four million copies"; "by year end" in a paragraph of 2004
    if a.outcome and b.outcome and a.outcome != b.outcome:
        return False
    if a.head == "popul" and b.outcome in CASUALTIES or b.head == "popul" and a.outcome in CASUALTIES:
        return False  # a town's population is no count of its dead
    if (a.anchor == "past") != (b.anchor == "past"):
        return False  # "earlier this year, five cables were cut" is not this week's count
    if a.anchor and b.anchor and a.anchor != b.anchor:
        if _running(a.anchor) != _running(b.anchor):
            return False  # a running total never meets a count of one day
        if _running(a.anchor) and "total" not in (a.anchor, b.anchor):
            return False  # "since Week 11", "this season", "over the last six games": three spans
        relative = {"day:yesterday", "day:today", "day:tonight", "day:overnight"}
        if a.anchor in relative and b.anchor in relative:
            return False  # "yesterday" and "today" in one story's reports: two days
        # Two weekdays may be two sources' days for one event: that is for the dates to say.
    if a.rank and b.rank and a.rank != b.rank:
        return False  # "entered the chart in second place, taking $12.7m", "moved down to fourth place after taking $10.7m"
    if a.day and b.day and a.day != b.day and not (a.act or b.act or a.outcome or b.outcome):
        # a level of each day ("trading at $1.3652 versus the euro on Friday", "a record $1.3666
        # versus the euro on Thursday"); an act happens once, and the day it did is for the dates
        # to say ("destroyed 40 homes on Saturday", "burned dozens of houses on Sunday")
        return False
    return True


# Outcomes two reports tell of one group of people seen two ways: the 46 "evacuated" from a
# burning ferry are the 46 "rescued" from it. They may also be two groups (a flood's thousands
# evacuated, its dozens rescued), so only the same figure makes them one (`match._comparable`).
KIN_OUTCOMES = (frozenset({"rescued", "displaced"}),)


def kin(a: Referent, b: Referent) -> bool:
    """Two figures that differ only in outcomes of one kin (`KIN_OUTCOMES`), and are otherwise
    `comparable`: the same thing if their figures are the same."""
    if a.outcome == b.outcome or frozenset({a.outcome, b.outcome}) not in KIN_OUTCOMES:
        return False
    return comparable(replace(a, outcome=b.outcome, act=b.act if a.act == a.outcome else a.act), b, owners=False)


def same_noun(a: Referent, b: Referent) -> bool:
    """The same counted noun: one head is a word of the other's noun phrase ("seven AK-47s",
    "seven AK-47 assault rifles"), or one is people in general and the other people."""
    assert a.head and b.head
    if a.head == b.head or {a.head, b.head} & {"people"} and _person(a.head, b.head) or _synonyms(a.head, b.head):
        return True
    if a.purpose and b.purpose and _alike(a.purpose, b.purpose) and _role(a.head) and _role(b.head):
        return True  # "eight experts to monitor the poll", "three observers to monitor the vote"
    # One head a word of the other's phrase: "seven AK-47s", "seven AK-47 assault rifles". Not
    # under a head that is a measure of it: "82 percent of India's voice traffic capability" is a
    # share of what the lines could carry, not of "traffic to India".
    return any(_alike(a.head, w) for w in b.noun) and b.head not in MEASURES \
        or any(_alike(b.head, w) for w in a.noun) and a.head not in MEASURES


# Heads that name a measure of the noun before them ("traffic capability", "production capacity").
MEASURES = frozenset({"capabil", "capacit"})


def compound(a: Referent, b: Referent) -> bool:
    """One figure's word is a compound of the other's ("150 Kräften", "150 Einsatzkräften"), and
    the two are otherwise `comparable`. A compound may name a kind of its head ("nine
    grandchildren", "five children"), so only figures that do not conflict make it one
    (`match._comparable`)."""
    if not (a.word and b.word and _compound(a.word, b.word)):
        return False
    return comparable(replace(a, head=b.head, noun=b.noun), b, owners=False)


# The shortest head a compound is read to end in: "Kräfte" in "Einsatzkräfte", "boats" in
# "lifeboats"; and the letters an inflection may add to either ("Kräften", "Einsatzkräfte").
COMPOUND_HEAD = 5
INFLECTION = 2


def _compound(x: str, y: str) -> bool:
    """One word is a compound of the other: the longer ends in the shorter, give or take an
    inflection's letters, and has a word of its own before it ("einsatzkrafte", "kraften")."""
    short, long_ = sorted((x, y), key=len)
    if len(long_) < len(short) + 3:
        return False
    return any(long_[:len(long_) - k].endswith(short[:len(short) - j])
               for j in range(INFLECTION + 1) if len(short) - j >= COMPOUND_HEAD for k in range(INFLECTION + 1))


# Nouns news copy uses for one thing, by stem prefix: "40 homes" and "dozens of houses".
SYNONYMS = (
    ("home", "hous", "dwelling", "residenc"),
    ("boat", "vessel", "ship", "speedboat", "dhow", "craft"),
    ("gun", "rifl", "weapon", "firearm", "ak-47"),
    ("car", "vehicl", "automobil"),
    ("build", "structur"),
    ("kilomet", "km"),
    ("metr", "meter"),
    ("jewel", "gem"),
    ("shot", "bullet", "round"),
    ("cabl", "line"),
    ("engin", "applian", "firetruck"),
    ("popul", "inhabit"),
    ("film", "movi"),
    ("contrac", "deal"),
)


def holds_noun(a: Referent, words: frozenset[str]) -> bool:
    """Whether a sentence whose figure states no noun may count what `a` counts: it has a's
    counted noun (or a word for it) somewhere ("Out of 23 pirates, 12 are from Somalia and 11
    from Yemen" may count pirates, never "two countries"). People are counted in any sentence."""
    head = a.head
    if head is None or head == "people" or head == "age":
        return True
    return any(w == head or _alike(head, w) or _synonyms(head, w) or _person(head, "people") and _person(w, "people")
               for w in words)


def _synonyms(x: str, y: str) -> bool:
    group_x, group_y = _group(x), _group(y)
    return bool(group_x & group_y)


@lru_cache(maxsize=65536)
def _group(x: str) -> frozenset[int]:
    """The SYNONYMS groups a stem belongs to."""
    return frozenset(n for n, group in enumerate(SYNONYMS) if any(x.startswith(w) for w in group))


def _may_be_people(a: Referent, b: Referent) -> bool:
    """Two different nouns that may count the same people ("10,000 officers", "10,000 so-called
    Homeland Defenders"): both are people, or one is and the other a name."""
    assert a.head and b.head
    x, y = _person("people", a.head), _person("people", b.head)
    return x and (y or b.proper) or y and a.proper


def _alike(x: str, y: str) -> bool:
    """One stem, however the tokeniser cut it ("ak-47s" and "ak-47")."""
    return x == y or len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x))


def comparable_dates(a: Referent, b: Referent) -> bool:
    """Two dates may be of the same event only if neither says when something was said (reports
    written on different days quote statements of different days), neither is when a page was
    published, and both are told as the same part of a year, if any ("the first quarter of 2004"
    is no "final quarter of 2004", nor 2004)."""
    return not a.said and not b.said and not a.published and not b.published and a.period == b.period


def span(a: Referent) -> bool:
    """The figure counts a span of time that grows as the story goes on (days, weeks, years)."""
    return bool(a.head and a.head.startswith(SPANS))


def close(a: Referent, b: Referent) -> bool:
    """The referent words agree closely: the same counted noun, stated, and the same outcome
    (or none). Whether they are about the same people and places is for the caller to weigh.

    Not for spans of time: "five days of rioting" and "eight days of riots" are one story told
    on two days, not a disagreement, unless the sentences themselves tell the same thing."""
    if span(a) or a.moment or b.moment:
        return False  # nor for moments told by the clock ("with 12 minutes remaining"), of two plays
    return bool(a.head and b.head and a.outcome == b.outcome and same_noun(a, b))


PEOPLE = {"people", "civilian", "soldier", "child", "children", "men", "women", "man", "woman", "resident", "worker",
          "employe", "passenger", "crew", "member", "student", "officer", "polic", "policemen", "pirat", "suspect",
          "fighter", "militant", "protester", "victim", "patient", "famili", "adult", "teenag", "firefight", "guard",
          "inmat", "prison", "hostag", "sailor", "troop", "personnel", "staff", "citizen", "villag", "pilgrim",
          "migrant", "refuge", "tourist", "visitor", "spectat", "fan", "player", "individu", "person", "kid", "boy", "girl",
          "popul", "inhabit", "workforc", "recruit", "crowd", "mourner", "demonstr", "marcher", "rioter",
          "expert", "observer", "monitor", "inspector", "delegate", "official"}


def _role(head: str) -> bool:
    """A noun for people by the role they are sent in (experts, observers, monitors, delegates),
    not by what they are (50 firefighters and 200 soldiers sent to fight one blaze are two groups)."""
    return head in ROLES


def _person(x: str, y: str) -> bool:
    return _is_person(y if x == "people" else x)


@lru_cache(maxsize=65536)
def _is_person(stem: str) -> bool:
    """The stem names people ("soldier", "villag", "crew")."""
    return stem == "people" or any(
        (stem in (p, p + "s") if len(p) <= 3 else stem.startswith(p)) or len(stem) >= 4 and p.startswith(stem)
        for p in PEOPLE)  # "man" is a person, "managed" is not
