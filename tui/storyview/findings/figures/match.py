"""Which figures of different sources state the same thing, grouped strongest pair first."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property, partial
from typing import Any

from storyview.engine.segment import FOREIGN_STOPWORDS, Token, normalize, sentences
from storyview.engine.similarity import Idf
from storyview.findings.figures.agreement import _date_fields, _hedge, _status, agreement
from storyview.findings.figures.mentions import HEDGES, WEEKDAYS, Figure, Kind, Mention, Status, mentions
from storyview.findings.figures.referent import (
    FRONTED,
    HE,
    MONTH_NAMES,
    VERBS,
    Referent,
    _alike,
    _is_person,
    _names,
    _speakers,
    _synonyms,
    close,
    comparable,
    comparable_dates,
    compound,
    holds_noun,
    kin,
    other_owners,
    outcome_of,
    referent,
    same_act,
    same_noun,
    span,
    titled,
)
from storyview.findings.figures.scoring import (
    _Context,
    _covered,
    _Facts,
    _near,
    _scores,
    _scores_vectorised,
    _usable,
)
from storyview.model import Member, Story


def find_figures(
    story: Story, threshold: float = 0.3, group_bonus: float = 0.15, sentence_bonus: float = 0.15
) -> tuple[Figure, ...]:
    """Figures two or more sources state for the same thing; disagreements first."""
    related = _related(story)
    if not related:  # only figures of related sources are ever paired (a story of one source, or of strangers)
        return ()
    contexts, idf, facts, group, alone, limit = setting(story)
    found_ = [c.mention for c in contexts]
    if len(contexts) >= VECTORISE:
        scores = _scores_vectorised(contexts, idf, facts, group, alone, group_bonus, limit, related)
    else:
        scores = _scores(_pairs(contexts, facts, limit, related), contexts, idf, facts, group, alone, group_bonus)
    # Figures that cannot count the same thing are never compared ("killed" and "wounded").
    scores = {(i, j): v for (i, j), v in scores.items() if _comparable(contexts[i], contexts[j])}
    # Figures that state the same counted noun with the same outcome likely count one thing.
    scores = {(i, j): v + (REFERENT_BONUS if close(contexts[i].referent, contexts[j].referent)
                           or one_act(contexts[i], contexts[j]) else 0.0)
              for (i, j), v in scores.items()}
    evidence = _Evidence(contexts, idf, _meanings(story, contexts), _Events(story, contexts, idf))
    clusters = _cluster(contexts, scores, threshold, facts, evidence, evidence.one_event, evidence.apart)
    # Second pass: figures in sentences whose other figures were found to be the same thing
    # likely belong together too (the date of the same fire, the cost of the same plan).
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members if len(members) > 1}
    shared: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    for i, c in enumerate(contexts):
        if i in cluster_of:
            shared[c.sentence].add(cluster_of[i])
    # The other things a mention's sentence states (as clusters), for every mention.
    others = [shared[c.sentence] - {cluster_of.get(i)} if c.sentence in shared else set() for i, c in enumerate(contexts)]
    boosted = False
    for (i, j), s in scores.items():
        if s <= 0 or not others[i] or not others[j]:
            continue
        if cluster_of.get(i) is not None and cluster_of.get(i) == cluster_of.get(j):
            continue
        if others[i] & others[j]:
            scores[(i, j)] = s + sentence_bonus
            evidence.linked.add((i, j))
            evidence.known.pop((i, j), None)
            boosted = True
    if boosted:
        clusters = _cluster(contexts, scores, threshold, facts, evidence, evidence.one_event, evidence.apart)
    rank = {a.id: n for n, a in enumerate(story.articles)}
    figures = []
    for members in clusters:
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda i: (rank[found_[i].source], found_[i].paragraph, found_[i].start))
        mentions_ = tuple(found_[i] for i in ranked)
        figures.append((_status(ranked, facts.status), _about([contexts[i] for i in ranked], idf), mentions_))
    order = {"conflict": 0, "imprecise": 1, "agree": 2}
    figures.sort(key=lambda f: (order[f[0]], rank[f[2][0].source], f[2][0].paragraph, f[2][0].start))
    return tuple(Figure(n, about, _kind(ms), status, ms) for n, (status, about, ms) in enumerate(figures, 1))


def setting(story: Story) -> tuple[list[_Context], Idf, _Facts, list[int | None], list[bool], int]:
    """What pairing a story's figures starts from: every figure in its context and the idf of
    those words, the facts of their sentences, each figure's group and whether it is the only one
    of its sort in its paragraph, and how many figures a context word may propose pairs among
    (words in many mentions' contexts propose none)."""
    group_of = {(m.source, m.paragraph): g.id for g in story.groups for m in g.members}
    contexts, idf = _contexts(story)
    found_ = [c.mention for c in contexts]
    per_paragraph: dict[tuple[str, int, bool], int] = defaultdict(int)
    for m in found_:
        per_paragraph[(m.source, m.paragraph, m.kind == "date")] += 1
    alone = [per_paragraph[(m.source, m.paragraph, m.kind == "date")] == 1 for m in found_]
    group = [group_of.get((m.source, m.paragraph)) for m in found_]
    return contexts, idf, _Facts(found_), group, alone, max(12, min(len(contexts) // 4, 60))


def _contexts(story: Story) -> tuple[list[_Context], Idf]:
    """Every figure of the story's headlines and body paragraphs in its context, and the idf
    of the words those paragraphs hold."""
    documents = []
    near: list[tuple[Mention, dict[str, float], dict[str, str], tuple[str, int, int]]] = []
    for article in story.articles:
        previous: tuple[Sequence[Token], str] = ((), "")  # the sentence before, for who and where
        recent: list[tuple[Sequence[Token], str]] = []  # the sentences before, latest last, for whom "he" names
        common = _Later(partial(_lower_words, article))  # the words the article writes in lower case
        written = article.date[:4] if article.date and article.date[:4].isdigit() else None
        for p in article.paragraphs:
            if p.kind not in ("body", "headline"):
                continue
            told = sentences(p.text)  # tokenised (and cached) already
            documents.append({t.stem for s in told for t in s.tokens if t.content})
            found = mentions(article.id, p.index, p.text)
            if not found:
                if told:
                    previous = (told[-1].tokens, p.text)
                    recent = [*recent, *((x.tokens, p.text) for x in told)][-RECENT:]
                continue
            spans = [(x.start, x.end) for x in found]
            told_years = _years_of(found)
            covered = _covered(spans)
            for sentence in told:
                sentence_start, sentence_end = sentence.start, sentence.end
                here = [m for m in found if sentence_start <= m.start < sentence_end]
                tokens = sentence.tokens
                last, previous = previous, (tokens, p.text)
                before_here = recent
                recent = [*recent[-(RECENT - 1):], (tokens, p.text)]
                if not here:
                    continue
                # Who and where: a sentence that names no one and opens on a pronoun ("It
                # killed 612 people") is about whom the one before names.
                names = _names(tokens, p.text)
                if _pronoun_subject(tokens, names):
                    names = names | _names(*last) | _subject(*last, common())
                title = titled(tokens, p.text)
                usable = _usable(tokens, spans, covered)
                end = len(covered)
                inside = [t.start < end and bool(covered[t.start]) for t in tokens]
                told_stems = frozenset(t.stem for t, own in zip(tokens, inside) if t.content and not t.number and not own)
                edges = ([t.start for t in tokens], [t.end for t in tokens])
                dates = [x for x in here if x.kind == "date"]
                years = _years_of(dates)
                others = [x for x in here if x.kind != "date"]
                before = {True: 0, False: 0}  # mentions of each sort met so far in the sentence
                told_here = len(near)
                for m in here:
                    dated = m.kind == "date"
                    like = dates if dated else others
                    at = before[dated]
                    before[dated] += 1
                    lo = (like[at - 1].end + m.start) // 2 if at else 0
                    hi = (m.end + like[at + 1].start) // 2 if at + 1 < len(like) else len(p.text)
                    weights, surface = _near(m, tokens, p.text, usable, bounds=(lo, hi), edges=edges)
                    first, after = bisect_right(edges[1], m.start), bisect_left(edges[0], m.end)
                    about = _Later(partial(_referent_of, m, tokens, p.text, first, after, inside, common, names,
                                           (years, frozenset() if years else told_years),
                                           title, written, before_here))
                    near.append((m, weights, surface, (article.id, p.index, sentence_start), about, told_stems))
                _framed(near, told_here, tokens, edges)
    idf = Idf(documents)
    rarity, unseen = idf.weights, idf.unseen  # idf[s], without the method call
    built: list[_Context] = []
    apart = _Later(lambda: _told_apart(built))
    built.extend(
        _Context(m, w, surface, at, sum(rarity.get(s, unseen) * x for s, x in w.items()), about, stems, apart)
        for m, w, surface, at, about, stems in near
    )
    return built, idf


# The stems of the words that make a figure a running total (`referent._anchor`): "so far", "a total of".
TOTAL_STEMS = frozenset({"far", "total", "date", "overall", "altoget", "cumulat", "tally", "toll"})


def _told_apart(contexts: Sequence[_Context]) -> frozenset[str]:
    """The counted nouns some source tells both as a running total ("In their five operations so
    far, ... 31 magazines") and as a count with no word of one, less than FAR times smaller ("12
    magazines ... were found"): the story tells two counts of them apart, the total and the
    event's. Not a few of a kind beside the whole ("two new domain names", "in total there are in
    excess of 200 domain names")."""
    totals: dict[str, list[_Context]] = defaultdict(list)
    for c in contexts:
        if c.mention.kind == "count" and c.told & TOTAL_STEMS and c.referent.anchor == "total" and c.referent.head \
                and not span(c.referent):  # "a total of eight years" is how long, no running total
            totals[c.mention.source].append(c)
    apart: set[str] = set()
    for c in contexts:
        told = totals.get(c.mention.source)
        if told and c.mention.kind == "count" and c.referent.anchor is None and c.referent.head:
            apart |= {t.referent.head for t in told if _alike(t.referent.head, c.referent.head)
                      and t.mention.kind == "count" and _within_total(c.mention, t.mention)}
    return frozenset(apart)


def _within_total(event: Mention, total: Mention) -> bool:
    """An event's count and a total that holds it: the total is greater, and not FAR times so."""
    return event.low is not None and total.low is not None and event.high is not None and total.high is not None \
        and total.low > event.high and not far(event, total)


def _total_and_event(a: _Context, b: _Context) -> bool:
    """One figure is a running total, the other a count with no word of one, of a noun the story
    tells both ways (`_told_apart`): the total, and the event's count ("The Navy confiscated 14
    AK-47 rifles, 31 magazines and 923 rounds from the boat" is no total, where other reports give
    this operation's 12 magazines and the five operations' 31)."""
    ra, rb = a.referent, b.referent
    if {ra.anchor, rb.anchor} != {None, "total"} or not ra.head or not rb.head or not _alike(ra.head, rb.head):
        return False
    return any(_alike(ra.head, h) for h in a.apart())


class _Later:
    """A value worked out on the first call, then kept: what most figures never need."""

    __slots__ = ("_value", "_work")

    def __init__(self, work: Callable[[], Any]) -> None:
        self._work: Callable[[], Any] | None = work
        self._value: Any = None

    def __call__(self) -> Any:
        if self._work is not None:
            self._value, self._work = self._work(), None
        return self._value


def _referent_of(m: Mention, tokens: Sequence[Token], text: str, first: int, after: int, inside: list[bool],
                 common: Callable[[], set[str]], names: frozenset[str], years: tuple[frozenset[str], frozenset[str]], title: bool,
                 written: str | None, recent: Sequence[tuple[Sequence[Token], str]]) -> Referent:
    """What figure m counts (`referent` of its words `first:after` of its sentence's `tokens`), with
    whom and when its sentence tells of (`years`: the years it names, and those its paragraph names
    when it names none); `recent`: the sentences before (`_topic`). Worked out only for a figure
    that meets another (`_Context.referent`)."""
    about = referent(tokens, text, first, max(first, after - 1), inside, m.kind == "date",
                     common()) if first < after else Referent()
    counted = m.kind != "date"
    about = replace(about, names=names, speakers=_speakers(tokens, text) & names, years=years[0] if counted else frozenset(),
                    around=years[1] if counted else frozenset(), titled=title, written=written)
    if about.agent == HE:
        about = replace(about, agent=_topic(recent, common()))  # "He finished with 269 yards"
    return about


def _years_of(found: Sequence[Mention]) -> frozenset[str]:
    """The years the dates among `found` name ("2003", "July 2002"; not a decade)."""
    return frozenset(x.date[:4] for x in found
                     if x.kind == "date" and x.date and x.date[:1].isdigit() and not x.date.endswith("s"))


def _lower_words(article: Any) -> set[str]:
    """The words an article writes in lower case somewhere: a capitalised word it never writes
    so is a name ("Tennant"), one it does is a word opening a sentence ("Police")."""
    return {t.norm for p in article.paragraphs for s in sentences(p.text) for t in s.tokens
            if t.content and p.text[t.start:t.start + 1].islower()}


# How many sentences back "he" may name whom a sentence opened with.
RECENT = 3


def _topic(recent: Sequence[tuple[Sequence[Token], str]], common: set[str]) -> frozenset[str]:
    """Whom "he" or "she" names: the name the latest of the `recent` sentences that opens with
    one opens with ("Thomas came into 2010 as the leading rusher. He had 793 yards. But he
    missed 10 games": Thomas, for both)."""
    for tokens, text in reversed(recent):
        name = _subject(tokens, text, common)
        if name:
            return name
    return frozenset()


# What may stand before a sentence's subject: a date told first ("Then, on November 18, it had sunk").
OPENING = FRONTED | MONTH_NAMES | set(WEEKDAYS)
# Pronouns that may be the subject of a clause.
SUBJECTS = {"it", "they", "he", "she"}


def _pronoun_subject(tokens: Sequence[Token], names: frozenset[str]) -> bool:
    """A sentence that opens on a pronoun ("It killed 612 people") and names no one, or whose
    subject is a pronoun after a date told first ("Then, on November 18, it had sunk Thai trawler
    Ekawat Nava 5"): it is about whom the sentence before names, as well as any it names itself."""
    if not tokens:
        return False
    if tokens[0].norm in PRONOUNS:
        return not names
    for t in tokens:
        if t.norm in SUBJECTS:
            return True
        if not (t.number or t.norm in OPENING):
            return False
    return False


def _subject(tokens: Sequence[Token], text: str, common: set[str]) -> frozenset[str]:
    """The name a sentence opens with ("Tennant was promoted to captain"), which `_names` leaves
    out (a capital there may be the sentence's, not a name's): for a next sentence that says
    "He"."""
    name: set[str] = set()
    for t in tokens[:3]:
        if not (t.content and not t.number and text[t.start:t.start + 1].isupper() and t.norm not in common
                and t.norm not in PRONOUNS and t.norm not in WEEKDAYS and not _is_person(t.stem)):
            break
        name.add(t.stem)  # "Pierre Thomas was hurt": pierr, thoma
    return frozenset(name)


# Words between "in" and a count of what the sentence's other counts were made in ("in a
# combined 157 games", "in his last two games").
FRAMING = {"a", "an", "the", "combined", "total", "of", "just", "only", "his", "her", "their", "its", "last", "first",
           "next", "some", "about", "nearly", "almost", "over", "under"}


def _framed(near: list[Any], start: int, tokens: Sequence[Token], edges: tuple[list[int], list[int]]) -> None:
    """Give the counts of a sentence (near[start:]) the count they were made in, the nearest
    after them, else before: "43 RBIs in 54 games" and "121 RBIs" in "a combined 157 games"
    count over two spans; "269 yards and two touchdowns on 83 carries and another 201 yards on
    29 catches" gives 269 and two the carries, 201 the catches."""
    frames: list[tuple[int, tuple[str, float]]] = []  # (where, (noun, value)) of each framing count
    for n in range(start, len(near)):
        m, *_, about, _told = near[n]
        if m.kind != "count" or m.stated is None:
            continue
        k = bisect_right(edges[1], m.start) - 1
        while k >= 0 and tokens[k].norm in FRAMING:
            k -= 1
        if k >= 0 and tokens[k].norm in ("in", "on") and about().head is not None:
            frames.append((n, (about().head, m.stated)))
    if not frames:
        return
    for n in range(start, len(near)):
        m, weights, surface, at, about, told = near[n]
        if m.kind == "date" or any(n == w for w, _ in frames):
            continue
        after = [f for w, f in frames if w > n]
        frame = after[0] if after else frames[-1][1]
        near[n] = (m, weights, surface, at, _Later(partial(_framing, about, frame)), told)


def _framing(about: Callable[[], Referent], frame: tuple[str, float]) -> Referent:
    return replace(about(), frame=frame)


# From this many mentions, numpy lists and scores the pairs (the same pairs and sums: see
# _scores_vectorised); below, plain Python is quicker than importing scipy.
VECTORISE = 3_000


def _related(story: Story) -> set[tuple[str, str]]:
    """Pairs of sources (both ways) that tell the same story: they share two groups, or half the shorter one's.

    Figures of sources that share none are about different stories ("profit: $3.36bn" of one
    company and "$17m" of another); they are never compared. One shared group is not enough
    in a folder of many stories, where a generic paragraph ("fuel prices rose") links two
    unrelated reports; it is for a brief of one or two paragraphs.
    """
    shared: Counter[tuple[str, str]] = Counter()
    for group in story.groups:
        sources = sorted({m.source for m in group.members})
        shared.update((a, b) for a in sources for b in sources if a != b)
    body = {a.id: len(a.body) for a in story.articles}
    return {(a, b) for (a, b), n in shared.items() if n >= 2 or 2 * n >= min(body[a], body[b])}


def _pairs(
    contexts: Sequence[_Context], facts: _Facts, limit: int, related: set[tuple[str, str]] | None = None,
) -> list[tuple[int, int]]:
    """Mentions of different (and `related`, when given) sources, of kinds that compare, sharing
    a context word that at most `limit` mentions have: (i, j), i < j."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(contexts):
        for stem in c.weights:
            index[stem].append(i)
    partners: list[set[int]] = [set() for _ in contexts]
    for holders in index.values():
        if len(holders) <= limit:
            for x, i in enumerate(holders):
                partners[i].update(holders[x + 1:])
    kind, compatible = facts.kind, facts.compatible
    source = [m.source for m in facts.mentions]
    pairs: list[tuple[int, int]] = []
    for i, later in enumerate(partners):
        ok, own = compatible[kind[i]], source[i]
        pairs.extend([(i, j) for j in later if ok[kind[j]] and source[j] != own
                      and (related is None or (own, source[j]) in related)])
    return pairs


def one_act(a: _Context, b: _Context) -> bool:
    """Two days of a month dated by one act, as their verbs tell ("on November 18, it had sunk",
    "On November 19, INS Tabar sunk"): as likely of one thing as two counts of one noun and
    outcome (`close`). Not weekdays: a story told over a week has one act on many of its days
    ("Ivory was placed on injured reserve Tuesday", "Thomas was placed on injured reserve
    Wednesday")."""
    va, vb = a.referent.verb, b.referent.verb
    return bool(va and vb and _alike(va, vb)) and "day" in _date_fields(a.mention) and "day" in _date_fields(b.mention)


def _bounded(m: Mention) -> bool:
    """A figure hedged by a bound ("up to two", "more than 200"), not rounded ("almost 400")."""
    hedge = _hedge(m)
    return hedge is not None and HEDGES[hedge][0] in (0.0, 1.0)


def _two_periods(a: Mention, b: Mention) -> bool:
    """Two different months, each told alone (no day, no year). Told as the spans an amount was
    measured over (`Referent.measured`: "fewer jobs than expected in January", "in December"),
    they are two releases of a recurring measure, not one date in dispute; the month of an act
    may be ("launched a fashion line in December", "in September")."""
    fa, fb = _date_fields(a), _date_fields(b)
    return fa.keys() == fb.keys() == {"month"} and fa["month"] != fb["month"]


def _kind(items: Sequence[Mention]) -> Kind:
    kinds = {m.kind for m in items}
    return "money" if "money" in kinds else items[0].kind


# Verbs of what a film, a shop or a firm takes in over a span ("took $42.8m at the weekend").
EARNED = ("took", "tak", "gross", "earn", "made", "mak", "rak", "sold", "sell", "collect")


def _earned(r: Referent) -> bool:
    return bool(r.act and r.act.startswith(EARNED))


def _comparable(a: _Context, b: _Context) -> bool:
    """Whether two figures may count the same thing, by what each counts (`referent`)."""
    if a.mention.kind == "date" or b.mention.kind == "date":
        return comparable_dates(a.referent, b.referent) \
            and not (a.referent.measured and b.referent.measured and _two_periods(a.mention, b.mention))
    if "percent" in (a.mention.kind, b.mention.kind) and not places_named(a, b):
        # a share of a place and one told by a sentence that does not name it: shares of a part and
        # of the whole ("31% of the vote in Erewash", "16.1% of the vote at the European
        # elections"). A count's place is more often where its act was ("shot 11 times by police
        # in East Flatbush"), which a report may leave out
        return False
    if _total_and_event(a, b):
        return False
    status = None  # the figures' agreement, worked out only if asked (few pairs are)
    if not comparable(a.referent, b.referent, owners=False):
        # Words that may or may not name one thing ("rescued", "evacuated"; "Kräfte",
        # "Einsatzkräfte") do when the figures say so.
        status = agreement(a.mention, b.mention)
        if not (status == "agree" and kin(a.referent, b.referent)
                or status != "conflict" and compound(a.referent, b.referent)):
            return False
    # Whose figure each is keeps apart figures that differ (Manning's 29 passes, Garrard's 28),
    # not those that agree: "Felt was the source for 400 stories", "Bradlee oversaw almost 400
    # stories" tell of the same stories. A bound is no value told loosely: "Tzekos was banned for
    # two years" and "Kenteris could be suspended for up to two years" are two sentences.
    if other_owners(a.referent, b.referent):
        status = status or agreement(a.mention, b.mention)
        if status == "conflict" or status == "imprecise" and (_bounded(a.mention) or _bounded(b.mention)):
            return False
    # A figure its clause only imagines is no report of a fact: it may tell the same value ("could
    # be suspended for two years", "was banned for two years"), never another one. Two imagined
    # figures may disagree.
    if a.referent.imagined != b.referent.imagined:
        status = status or agreement(a.mention, b.mention)
        if status != "agree":
            return False
    # Takings told of "the weekend" may be of another weekend than another report's, named or not,
    # as reports of a weekly chart are written a week apart ("took $42.8m at the weekend", "took
    # $44.7m between 24 and 26 December"): they may tell the same value, never another one. Not a
    # deal agreed at the weekend ("agreeing a €110bn bailout at the weekend"): one act, told once.
    if (a.referent.weekend or b.referent.weekend) and a.mention.kind == b.mention.kind == "money" \
            and _earned(a.referent) and _earned(b.referent):
        status = status or agreement(a.mention, b.mention)
        if status != "agree":
            return False
    # A count told as added to one before ("a further 70 aircraft") is not the whole ("a firm order
    # for 30"): it may tell the same value, never another one.
    if a.referent.added != b.referent.added:
        status = status or agreement(a.mention, b.mention)
        if status != "agree":
            return False
    # A figure that names no noun counts what its sentence is about: that must hold the other's noun.
    # One whose noun was told before it ("the remaining three"): the words before it must.
    if a.referent.head and not b.referent.head:
        return holds_noun(a.referent, b.referent.before if b.referent.elliptic else b.told)
    if b.referent.head and not a.referent.head:
        return holds_noun(b.referent, a.referent.before if a.referent.elliptic else a.told)
    return True


# The share of the shorter sentence's words (by rarity) the other sentence has too, from which
# two sentences tell the same thing. Tuned on the TUNE sets of benchmarks/figures_ecbplus.py.
SAME_SENTENCE = 0.4
# The cosine of two sentences' vectors from which they tell the same thing, when the model the
# story was aligned with is there. Tuned on the TUNE sets of benchmarks/figures_ecbplus.py.
# Below 0.7 it called more pairs the same than it should; from 0.7 up it changed nothing there.
SAME_MEANING = 0.8
# The same for two figures near in value that count the same noun with the same outcome. Tuned
# on the TUNE sets (round 4: 0.5 to 0.4 found two more real conflicts and called no wrong one).
NEAR_MEANING = 0.4
# The same for two figures far apart in value that count the same noun among the same names
# (`_Evidence.told_alike`): halfway between NEAR_MEANING and SAME_MEANING. Tuned on part A of
# benchmarks/figures_bbc.py and the TUNE sets of figures_ecbplus.py: 0.45 to 0.7 all keep the
# tuned sets' found; 0.7 drops one more wrong conflict on part A, too few to move it off the middle.
CLOSE_MEANING = 0.6
# The same for spans of time ("five days of rioting"), which grow as a story goes on.
SAME_SPAN = 0.7
# Words that place a date in its day, not in an event: "early Friday", "Saturday morning".
WHEN = {"earli", "early", "late", "morn", "morning", "afternoon", "even", "evening", "night", "last", "next", "week",
        "day", "month", "year", "time", "local", "gmt", "hour", "around", "about", "until", "since"}
# Words a sentence opens with that point back to the one before.
PRONOUNS = {"it", "they", "he", "she", "this", "these", "those", "its", "their", "his", "her"}
# The share of the names (by rarity) two sentences must share to be about the same people and places.
SAME_NAMES = 0.4
# A sentence that states this many figures (dates too) is a stat line ("29 catches for 201 yards
# and 269 rushing yards", "55 percent in Saudi Arabia, 52 percent in Egypt"): which of its figures
# counts what is guessed from the words nearby, so a like noun, a near value and a like meaning
# are no evidence of one thing when the two sentences name no one in common. Measured on all 53
# sets of benchmarks/figures_ecbplus.py (tuned 45: 50 conflicts at 0.82 to 49 at 0.84, found 39 of
# 86 kept; round 7, post hoc: 21 at 0.14 to 19 at 0.16, found 3 of 10 kept). 0 turns it off;
# 2 loses two found on the tuned sets, 4 gains nothing on round 7. Measured and not kept (tuned /
# round 7): a stat line conflicting only when the sentences match (linked, overlap, meaning) 42
# at 0.86 found 34 / 14 at 0.07 found 1; owners (the nearest name in the figure's clause) stated
# and alike when a sentence names two 46 at 0.85 found 37 / 18 at 0.17 found 3; dates of sentences
# naming no one in common 48 at 0.83 found 38 / 18 at 0.17 found 3.
STAT_LINE = 3
# The share of the fewer names (by rarity) the other sentence must name too, for the same reason.
WITHIN_NAMES = 0.8
# Figures a merge puts in conflict must match, on average, this share of the threshold.
CONFLICT_MATCH = 0.5
# The bonus of a pair whose referents agree closely (`close`). Tuned on the TUNE sets.
REFERENT_BONUS = 0.1
# A conflict needs its pair to match by this much over the threshold; NEAR_CLEAR when the two
# figures are near in value (their ratio NEAR or more). Tuned on the TUNE sets.
CLEAR = 0.1
NEAR = 0.6
NEAR_CLEAR = 0.05
# Figures further apart than this factor count two things, never one thing in dispute. Of the 69
# labelled things two reports give conflicting figures for (the 45 sets), 68 are within 4 times
# (19 vs 4 seasons, 28 vs 178 punches, 10 vs four games were two things each); 10 let those in.
# A vague quantity's range starts low ("thousands": 2,000): against one, the factor stays 10, so
# "200" and "thousands" of protesters may still be told as a disagreement.
FAR = 4
FAR_VAGUE = 10


# Words of the law's steps: a date by one is of a charge, a hearing or a trial, not of the event.
LEGAL = {"charged", "charges", "charge", "arraigned", "arraignment", "sentenced", "sentencing", "trial", "court",
         "hearing", "pleaded", "plea", "convicted", "indicted", "verdict", "jury", "bail", "appeared", "appearance"}


def _one_step(a: _Context, b: _Context) -> bool:
    """Two dates of one year, within it (a month or a day), whose verbs are known and the same:
    one act dated two ways."""
    va, vb = a.referent.verb, b.referent.verb
    if not (va and vb and _alike(va, vb)):
        return False
    fa, fb = _date_fields(a.mention), _date_fields(b.mention)
    return "year" in fa and fa.get("year") == fb.get("year") and len(fa) > 1 and len(fb) > 1


def _legal(c: _Context) -> bool:
    """A step of the law told within four words of the figure ("was charged Saturday")."""
    return any(weight >= 1.0 and c.surface[w].lower() in LEGAL for w, weight in c.weights.items())


def _acting(word: str) -> bool:
    """A word that tells an act: a verb (common, or in -ed or -ing) or an outcome ("posted",
    "opened", "shooting", "killed")."""
    w = word.lower()
    return w in VERBS or len(w) > 4 and w.endswith(("ed", "ing")) or outcome_of(w) is not None


class Meanings:
    """The sentence vectors of every figure's sentence, by context: what `_Evidence` asks of the
    model the story was aligned with. Embedded when first asked: in most stories no two figures
    get that far (on bbc2225, 48 stories of the 239 that have figures to pair)."""

    def __init__(self, embed: Callable[[], tuple[Any, Sequence[int]]]) -> None:
        self._embed = embed  # -> (rows: numpy (sentences, dimensions), unit length; each context's row)

    @cached_property
    def _vectors(self) -> tuple[Any, Sequence[int]]:
        return self._embed()

    def cosine(self, i: int, j: int) -> float:
        rows, row_of = self._vectors
        a, b = row_of[i], row_of[j]
        return 1.0 if a == b else float(rows[a] @ rows[b])


def _meanings(story: Story, contexts: Sequence[_Context]) -> Meanings | None:
    """Sentence vectors from the model the story was aligned with; None if it was aligned
    without one (the findings never load a model the story did not use)."""
    if story.model is None or not contexts:
        return None
    from storyview.engine import semantic

    model = semantic.load()
    if model is None or model.name != story.model:
        return None
    return Meanings(partial(_embedded, model, story, contexts))


def _embedded(model: Any, story: Story, contexts: Sequence[_Context]) -> tuple[Any, list[int]]:
    """The unit vector of every figure's sentence, and each context's row among them."""
    from storyview.engine import semantic

    row: dict[tuple[str, int, int], int] = {}
    texts: list[str] = []
    for c in contexts:
        if c.sentence not in row:
            source, paragraph, start = c.sentence
            text = story.paragraph(Member(source, paragraph)).text
            end = next((s.end for s in sentences(text) if s.start == start), len(text))
            row[c.sentence] = len(texts)
            texts.append(text[start:end])
    with semantic.one_thread():
        rows = model.embed(texts)
    return rows, [row[c.sentence] for c in contexts]


class _Evidence:
    """Whether two figures that differ are a disagreement: their sentences tell the same thing
    (most of the shorter one's words, by rarity, are in the other), or what they count agrees
    closely (the same counted noun and the same outcome). Without it two different figures
    are listed apart, never as a conflict."""

    def __init__(self, contexts: Sequence[_Context], idf: Idf, meanings: Meanings | None = None,
                 events: Callable[[str, str], bool] | None = None) -> None:
        self.contexts = contexts
        self.idf = idf
        self.meanings = meanings
        self.events = events
        self.told_with: dict[tuple[str, int, int], list[int]] = defaultdict(list)  # a sentence's figures
        for n, c in enumerate(contexts):
            self.told_with[c.sentence].append(n)
        # Each source's figures by value: where else a report states a figure.
        self.by_value: dict[tuple[object, ...], list[int]] = defaultdict(list)
        for n, c in enumerate(contexts):
            self.by_value[_value_key(c.mention)].append(n)
        self.known: dict[tuple[int, int], bool] = {}
        # Pairs whose sentences state another figure found to be one thing: they tell the same event.
        self.linked: set[tuple[int, int]] = set()
        self.split: dict[tuple[int, int], bool] = {}

    def __call__(self, i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        hit = self.known.get(key)
        if hit is None:
            hit = self.known[key] = self._evidence(*key)
        return hit

    def _evidence(self, i: int, j: int) -> bool:
        a, b = self.contexts[i], self.contexts[j]
        if not self.one_event(i, j):
            return False  # two reports of two events: their figures are listed apart
        if self.counterpart(i, j) or self.counterpart(j, i):
            return False
        linked = (i, j) in self.linked
        if a.mention.kind != "date" and far(a.mention, b.mention):
            return False  # "20 people inside the bank", "30,000 people" marching: two things
        if a.mention.kind != "date" and not same_act(a.referent, b.referent):
            return False  # "five boats tried to attack", "three boats were intercepted": two acts
        if self.stat_line(i, j) and not self.places_named(i, j):
            # a stat line's figure of a place is no figure of a sentence that does not name it ("55
            # percent of voice traffic in Saudi Arabia, 52 percent in Egypt", "70% of traffic
            # between the continents"); a share's place is for `_comparable`
            return False
        if a.mention.kind != "date" and close(a.referent, b.referent) \
                and (linked or self.same_names(i, j) and (near(a.mention, b.mention) or self.told_alike(i, j))):
            return True
        if a.mention.kind != "date" and close(a.referent, b.referent) and near(a.mention, b.mention) \
                and self.meaning(i, j) >= NEAR_MEANING \
                and (not (_is_person(a.referent.head or "") or self.stat_line(i, j)) or self.some_names(i, j)):
            # "565 shops suffering damage" and "355 damaged shops", told alike; but people of two
            # named people are two counts ("Hakim … with wife and two teenaged children", "He
            # [Tennant] leaves a wife and three children"), and so are a stat line's figure and one
            # of a sentence that names no one it names ("Bowe, 43-1, 33 KO's … an eight round
            # decision win over Pukall", "stopping Rahman in seven rounds": `STAT_LINE`)
            return True
        if a.mention.kind != "date" and not a.referent.head and not b.referent.head and a.referent.act \
                and b.referent.act and _alike(a.referent.act, b.referent.act) and near(a.mention, b.mention) \
                and self.meaning(i, j) >= NEAR_MEANING and self.some_names(i, j):
            # No noun, but one act, told alike: "the film has grossed over $142 million", "has
            # grossed more than 141 million already"
            return True
        if a.mention.kind == "date" and b.mention.kind == "date":
            # A date is of the act right by it, or of the one its sentence states a figure of
            # (`linked`): two sentences that share words may date two acts ("the trial of the
            # woman who shot two co-workers starts Monday", "she shot three co-workers Thursday");
            # a step of the law told by one date only is another act, unless both dates' verbs
            # are one and they date it within one year ("pleaded guilty to obstruction of justice
            # in July 1973", "On June 27, 1973, he pleaded guilty"); years alone may be two
            # indictments, a weekday by "sentenced" and "the March 11, 2005, incident" two acts
            if _legal(a) != _legal(b) and not _one_step(a, b):
                return False
            # Two dates of the same kind of act by sentences that name no one in common date two
            # acts ("the Gizmondo goes on sale on Saturday", "Sony's PSP goes on sale Thursday");
            # two years alone are of history, which reports tell in words of their own ("sold one of
            # their Mississippi oil fields in 1957", "sold the Bolton field in 1967").
            return linked or self.same_frame(i, j) and (self.some_names(i, j) or _years_alone(a.mention, b.mention))
        if a.referent.head and b.referent.head and not same_noun(a.referent, b.referent):
            return False  # "two women" and "three bank workers" in one sentence: two counts
        if (span(a.referent) or span(b.referent)) and not (a.referent.ended and b.referent.ended) \
                or a.referent.moment or b.referent.moment:
            # "five days of rioting", "eight days ago": a story told on two days, unless the
            # sentences are nearly one
            return self.overlap(i, j) >= SAME_SPAN
        return self.overlap(i, j) >= SAME_SENTENCE or self.meaning(i, j) >= SAME_MEANING

    def apart(self, i: int, j: int) -> bool:
        """Two figures of one value told of two things by the referent rules a conflict holds to:
        "agree" tells a reader the sources confirm each other. Two weekdays (or months) of two
        acts, one of which the other's sentence tells as another moment ("captured Monday after
        pulling off a daring escape", "escaped Monday"); the same full date is rarely two acts' by
        chance, and "struck Wednesday", "walking Wednesday" may be one moment."""
        key = (i, j) if i < j else (j, i)
        hit = self.split.get(key)
        if hit is None:
            hit = self.split[key] = self._apart(*key)
        return hit

    def _apart(self, i: int, j: int) -> bool:
        a, b = self.contexts[i], self.contexts[j]
        if a.mention.kind != "date" or b.mention.kind != "date":
            return False
        if {"day", "year"} & (_date_fields(a.mention).keys() | _date_fields(b.mention).keys()):
            return False
        va, vb = a.referent.verb, b.referent.verb
        if not (va and vb) or _alike(va, vb) or _synonyms(va, vb):
            return False
        # One sentence tells the other's act as before (or after) its own, and the other does
        # not tell this one's act at all.
        return _tells(a.referent.prior, vb) and not _tells(b.told, va) \
            or _tells(b.referent.prior, va) and not _tells(a.told, vb)

    def one_event(self, i: int, j: int) -> bool:
        """The two figures' reports tell one event (`_Events`), as far as the story tells."""
        return self.events is None or self.events(self.contexts[i].mention.source, self.contexts[j].mention.source)

    def counterpart(self, i: int, j: int) -> bool:
        """j's sentence states i's figure too, for what i may count: i's match is that one, not j
        ("about 150 miles from Aden, about 13 miles from the ship" in both reports; but "18
        injured and 12 arrested" is no match for "12 injured"). So does a sentence by it, or
        anywhere in j's report for a figure of two digits or more: "He had 793 yards last season.
        He had 269 yards this season" holds the 269 another report states, whose match is that."""
        m = self.contexts[i].mention
        ri = self.contexts[i].referent
        # j, told as counting what i counts ("signed Elton Brand to an $82 million deal"), is a
        # closer match than a figure with no word of that by it ("re-signed Iguodala and Williams
        # for $80 million"); not than one told by it ("may up its bid to the £1.5bn mark")
        named = close(ri, self.contexts[j].referent)

        def same(k: int) -> bool:  # k states i's figure, for what i may count
            other = self.contexts[k]
            return k != j and other.mention.kind == m.kind and agreement(m, other.mention) == "agree" \
                and _comparable(self.contexts[i], other) \
                and (not named or close(ri, other.referent) or holds_noun(ri, frozenset(other.weights)))

        if any(same(k) for k in self.told_with[self.contexts[j].sentence]):
            return True
        if m.kind == "date":
            return False  # a report may date one event two ways ("Friday", then "Thursday"): a disagreement still
        source, paragraph, _ = self.contexts[j].sentence
        distinctive = (m.high or 0) >= 10
        return any((distinctive or abs(self.contexts[k].sentence[1] - paragraph) <= 1) and same(k)
                   for k in self.by_value.get(_value_key(m, source), ()))

    def told_alike(self, i: int, j: int) -> bool:
        """Beyond a like noun and like names, the two figures are told of one thing: both are
        the age of one person (`comparable` matched the names), both sentences state the act and
        it is the same ("creditors own 99.3%", "which own 99%"), or the sentences mean much the
        same (`CLOSE_MEANING`). "91 MPs have signed a petition" and "a rebellion by 34 Labour MPs"
        share a noun and a party, and tell two things."""
        ra, rb = self.contexts[i].referent, self.contexts[j].referent
        if ra.head == "age" == rb.head:
            return True
        if ra.act and rb.act and _alike(ra.act, rb.act):
            return True
        return self.overlap(i, j) >= SAME_SENTENCE or self.meaning(i, j) >= CLOSE_MEANING  # the model last: dearer

    def meaning(self, i: int, j: int) -> float:
        """The cosine of the two sentences' vectors (the story's own model); 0 without one."""
        return self.meanings.cosine(i, j) if self.meanings is not None else 0.0

    def same_frame(self, i: int, j: int) -> bool:
        """Two dates told of the same act: a word (not a name) right by both ("ICE posted …
        Thursday", "On Friday, ICE posted"), within four words of each and two of one, not an
        adverb ("allegedly"); and both or neither told of a step of the law ("charged Saturday")."""
        a, b = self.contexts[i].weights, self.contexts[j].weights
        va, vb = self.contexts[i].referent.verb, self.contexts[j].referent.verb
        if va and vb:
            # "began a career in modeling in 1950", "ended her modeling career in 1957": two acts
            return _alike(va, vb) or _synonyms(va, vb)
        if _legal(self.contexts[i]) != _legal(self.contexts[j]):
            return False  # "was charged Saturday" and "opened fire Friday": the charge, the shooting
        written, other = self.contexts[i].surface, self.contexts[j].surface
        by = [w for w in a.keys() & b.keys() if min(a[w], b[w]) >= 1.0 and max(a[w], b[w]) >= 1.5
              and written[w][:1].islower() and w not in WHEN and not written[w].endswith("ly")]
        # The act itself, or two words: one noun by both dates may be of two acts ("Before the riot
        # Monday, a police source said", "On Tuesday, police investigators could be seen"). The act
        # as both tell it: one stem may be a verb by one date and a noun by the other ("begin
        # filming in August", "the film's March 23 opening").
        return len(by) >= 2 or any(_acting(written[w]) and _acting(other[w]) for w in by)

    def same_names(self, i: int, j: int) -> bool:
        """The two sentences are about the same people and places: their names agree (Dice by
        rarity: "Iran" says little in a story about Iran, "Zarand" much), or neither names anyone
        (or one is a headline in title case, whose capitals name no one)."""
        ra, rb = self.contexts[i].referent, self.contexts[j].referent
        a, b = ra.names, rb.names
        if not a and not b or ra.titled or rb.titled:
            return True
        total = self.idf.mass(a) + self.idf.mass(b)
        if total and 2 * self.idf.mass(a & b) >= SAME_NAMES * total:
            return True
        # One names only some of whom the other names ("Gray"; "Kimani Gray, of East Flatbus, Brooklyn").
        fewer = min(self.idf.mass(a), self.idf.mass(b))
        return bool(a and b and fewer) and self.idf.mass(a & b) >= WITHIN_NAMES * fewer

    def stat_line(self, i: int, j: int) -> bool:
        """Either sentence states STAT_LINE figures or more (`STAT_LINE`)."""
        return STAT_LINE > 0 and (len(self.told_with[self.contexts[i].sentence]) >= STAT_LINE
                                  or len(self.told_with[self.contexts[j].sentence]) >= STAT_LINE)

    def places_named(self, i: int, j: int) -> bool:
        return places_named(self.contexts[i], self.contexts[j])

    def some_names(self, i: int, j: int) -> bool:
        """The two sentences name someone or somewhere in common, or one names no one; for
        counts, no one but whom it quotes ("Steele said 35 to 40 firefighters came"). Not for
        dates: "fell 0.4% in October, according to the Nationwide, their biggest monthly fall
        since February 2001" dates another fall than "could fall ... by 2009"."""
        ra, rb = self.contexts[i].referent, self.contexts[j].referent
        a, b = ra.names, rb.names
        if self.contexts[i].mention.kind != "date":
            a, b = a - ra.speakers, b - rb.speakers
        return not a or not b or bool(ra.names & rb.names)

    def overlap(self, i: int, j: int) -> float:
        """Dice over the rarity of the two sentences' words (their figures left out)."""
        a, b = self.contexts[i].told, self.contexts[j].told
        total = self.idf.mass(a) + self.idf.mass(b)
        return 2 * self.idf.mass(a & b) / total if total else 0.0


class _Events:
    """Whether two reports of a story tell one event at all. A story may gather reports of one
    theme told at different moments (a monthly figure, two awards of a season), whose figures
    differ because the moment does: a disagreement between two such reports is none. Reports of
    one event state some distinctive figure alike (`_distinctive`), or name many of the same
    people and places: of the names of the report that names fewer (by rarity), at least
    EVENT_NAMES are the other's. A report naming fewer than EVENT_NAMED says too little to tell."""

    def __init__(self, story: Story, contexts: Sequence[_Context], idf: Idf) -> None:
        self.story = story
        self.idf = idf
        self.values: dict[str, set[tuple[object, ...]]] = defaultdict(set)
        for c in contexts:
            m = c.mention
            if _distinctive(m):
                self.values[m.source].add(_value_key(m)[1:])
        self.names: dict[str, frozenset[str]] = {}
        self.known: dict[tuple[str, str], bool] = {}

    def __call__(self, a: str, b: str) -> bool:
        key = (a, b) if a < b else (b, a)
        hit = self.known.get(key)
        if hit is None:
            hit = self.known[key] = self._one(*key)
        return hit

    def _one(self, a: str, b: str) -> bool:
        if self.values[a] & self.values[b]:
            return True
        na, nb = self._names(a), self._names(b)
        if min(len(na), len(nb)) < EVENT_NAMED:
            return True  # a brief names too few to tell
        fewer = min(self.idf.mass(na), self.idf.mass(nb))
        return self.idf.mass(na & nb) >= EVENT_NAMES * fewer

    def _names(self, source: str) -> frozenset[str]:
        named = self.names.get(source)
        if named is None:
            found: set[str] = set()
            for p in self.story.article(source).paragraphs:
                if p.kind == "body":
                    for s in sentences(p.text):
                        found |= _names(s.tokens, p.text)
            named = self.names[source] = frozenset(found)
        return named


def _tells(words: frozenset[str], verb: str) -> bool:
    """A sentence's words hold a verb's stem, or its outcome's ("captured": arrested)."""
    return any(_alike(verb, w) or outcome_of(w) == verb for w in words)


def _distinctive(m: Mention) -> bool:
    """A figure two reports would hardly state alike by chance: an exact number of 10 or more,
    a day of a month."""
    if m.kind == "date":
        return m.date is not None and (m.date.startswith("--") or m.date.count("-") == 2)
    return m.exact and (m.low or 0) >= 10


# Of 65 ECB+ conflicts (reports of one event each), the pairs in conflict share at least 0.13 of
# the fewer names; a Grammy report and a Soul Train one (BBC) 0.11, as do two monthly jobs reports.
EVENT_NAMES = 0.12
EVENT_NAMED = 8


def places_named(a: _Context, b: _Context) -> bool:
    """Each figure's own place (`Referent.place`), if it names one, is named by the other's
    sentence, in capitals or not ("of Internet services in Egypt", "internet services in Egypt")."""
    ra, rb = a.referent, b.referent
    return (not ra.place or bool(ra.place & (rb.names | b.told))) and (not rb.place or bool(rb.place & (ra.names | a.told)))


def _value_key(m: Mention, source: str | None = None) -> tuple[object, ...]:
    """A source and a figure's value: what `_Evidence.by_value` files it under."""
    return (source or m.source, m.kind, m.low, m.high, m.date, m.month, m.weekday)


def near(a: Mention, b: Mention) -> bool:
    """Two different figures close in value: "612" and "600", "$141 billion" and "$158 billion",
    "November 18" and "November 19", "Saturday" and "Sunday", "1957" and "1958". Reports of one thing that disagree
    mostly disagree so; figures far apart in value are more often of two things."""
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind and (_days_apart(a, b) in (1, 2) or _years_apart(a, b) == 1)
    x = a.stated if a.stated is not None else a.low
    y = b.stated if b.stated is not None else b.low
    if not x or not y or x < 0 or y < 0:
        return False
    return min(x, y) / max(x, y) >= NEAR


def far(a: Mention, b: Mention) -> bool:
    """Two figures more than FAR times apart at their nearest ("20" and "tens of thousands", "three"
    and "140"): reports that disagree on one thing do not disagree so much; they count two things."""
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return False
    low, high = max(a.low, b.low), min(a.high, b.high)
    return high > 0 and low > (FAR if a.stated is not None and b.stated is not None else FAR_VAGUE) * high


def _days_apart(a: Mention, b: Mention) -> int | None:
    """How many days apart two dates of one month, or two weekdays, are; None if unknown."""
    fa, fb = _date_fields(a), _date_fields(b)
    if "day" in fa and "day" in fb and fa.get("month") == fb.get("month") and fa.get("year") == fb.get("year"):
        return abs(int(fa["day"]) - int(fb["day"]))  # type: ignore[call-overload]
    if "weekday" in fa and "weekday" in fb:
        apart = abs(WEEKDAYS.index(str(fa["weekday"])) - WEEKDAYS.index(str(fb["weekday"])))
        return min(apart, 7 - apart)
    return None


def _years_apart(a: Mention, b: Mention) -> int | None:
    """How many years apart two years told alone ("1957" and "1958") are; None for other dates."""
    fa, fb = _date_fields(a), _date_fields(b)
    if fa.keys() == fb.keys() == {"year"}:
        return abs(int(fa["year"]) - int(fb["year"]))  # type: ignore[call-overload]
    return None


def _years_alone(a: Mention, b: Mention) -> bool:
    """Both dates are a year and nothing more ("1957", "1967")."""
    return _date_fields(a).keys() == _date_fields(b).keys() == {"year"}


def _margin(a: Mention, b: Mention) -> float:
    """How far over the threshold a pair of figures must match to be called a conflict."""
    return NEAR_CLEAR if near(a, b) else CLEAR


def _cluster(
    contexts: Sequence[_Context], scores: dict[tuple[int, int], float], threshold: float, facts: _Facts | None = None,
    evidence: Callable[[int, int], bool] | None = None, one_event: Callable[[int, int], bool] | None = None,
    split: Callable[[int, int], bool] | None = None,
) -> list[list[int]]:
    """Average-linkage merging, strongest pairs first, at most one mention per source.

    Calling two figures a conflict is a claim: a merge that makes one needs its pair's words to
    match clearly (`threshold` + 0.1), every two figures it puts in conflict to match, and
    `evidence` that they tell the same thing. No merge puts together two figures that cannot
    count the same thing (`_comparable`), nor makes a disagreement of two figures whose reports
    tell two events (`one_event`: a conflict's `evidence` asks it too). An agreement is a claim
    too: a merge whose figures agree needs one agreeing pair across it that `split` (the
    referents) does not tell apart.
    """
    if facts is None:
        facts = _Facts([c.mention for c in contexts])
    if evidence is None:
        def evidence(i: int, j: int) -> bool:
            return True
    if one_event is None:
        def one_event(i: int, j: int) -> bool:
            return True
    kind, compatible, value, status = facts.kind, facts.compatible, facts.value, facts.statuses
    source = [c.mention.source for c in contexts]
    found_ = [c.mention for c in contexts]
    group_of = list(range(len(contexts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(contexts))}
    # Each group's sources and kinds (as `_Facts` numbers them), kept up to date as groups merge.
    sources: dict[int, set[str]] = {}
    kinds: dict[int, set[int]] = {}
    # Pairs below the threshold merge nothing: the first of them ends the loop, as it would.
    strong = sorted(((key, s) for key, s in scores.items() if s >= threshold), key=lambda kv: (-kv[1], kv[0]))
    for (i, j), s in strong:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if len(a) == 1 and len(b) == 1 and source[i] != source[j] and compatible[kind[i]][kind[j]]:
            # Two lone mentions: the pair's own score is the whole average, and the only conflict.
            pair = facts.status(i, j)
            if pair == "conflict" and (s < threshold + _margin(found_[i], found_[j]) or not evidence(i, j)):
                continue
            if pair == "imprecise" and not (_vaguely_one(contexts[i], contexts[j]) and one_event(i, j)):
                continue
            if pair == "agree" and split is not None and split(i, j):
                continue
            group_of[j] = gi
            a.append(j)
            del members[gj]
            for known in (sources, kinds):  # worked out again from the members when next asked
                known.pop(gi, None)
                known.pop(gj, None)
            continue
        for g in (gi, gj):
            if g not in sources:
                sources[g] = {source[y] for y in members[g]}
                kinds[g] = {kind[y] for y in members[g]}
        if not sources[gi].isdisjoint(sources[gj]):
            continue
        if not all(compatible[x][y] for x in kinds[gi] for y in kinds[gj]):
            continue
        # A conflict it would make blocks the merge unless this pair, and that one, match clearly
        # (the first such conflict settles it: no need to go through the rest).
        if not all(_comparable(contexts[x], contexts[y]) for x in a for y in b):
            continue
        # A conflict it would make needs this pair to match clearly, the figures in conflict to
        # match on the whole, and two of them to tell the same thing (`evidence`).
        between = {(x, y): status.get((value[x], value[y])) or facts.status(x, y) for x in a for y in b}
        apart = [xy for xy, st in between.items() if st == "conflict"]
        if apart:
            if any(not same_act(contexts[x].referent, contexts[y].referent) for x, y in apart):
                continue  # "five boats tried to attack", "three boats were intercepted": two acts, whatever else agrees
            if s < threshold + max(_margin(found_[x], found_[y]) for x, y in apart):
                continue
            paired = [scores.get((x, y) if x < y else (y, x), 0.0) for x, y in apart]
            if sum(paired) / len(paired) < CONFLICT_MATCH * threshold:
                continue
            # Every two values it puts in conflict: two figures with them tell the same thing, or
            # one of them is a figure its group holds as one told loosely ("about 100,000" with
            # "120,000" people on the island) and the other's conflict with that one is shown.
            shown: dict[tuple[int, int], bool] = {}
            for x, y in apart:
                key = (value[x], value[y])
                shown[key] = shown.get(key, False) or evidence(x, y)
            if not all(shown.values()):
                proven = {(x, y) for x, y in apart if shown[(value[x], value[y])] and evidence(x, y)}
                if not all(shown[(value[x], value[y])] or _loosely_shown(x, y, a, b, proven, status, value, facts, evidence)
                           for x, y in apart):
                    continue
        if any(st == "imprecise" and not (_vaguely_one(contexts[x], contexts[y]) and one_event(x, y))
               for (x, y), st in between.items()):
            continue
        agreeing = [xy for xy, st in between.items() if st == "agree"]
        if split is not None and agreeing and not apart and all(split(x, y) for x, y in agreeing):
            continue
        cross = [scores.get((x, y) if x < y else (y, x), 0.0) for x in a for y in b]
        if sum(cross) / len(cross) < threshold / 3:
            continue
        for y in b:
            group_of[y] = gi
        a.extend(b)
        del members[gj]
        sources[gi] |= sources.pop(gj)
        kinds[gi] |= kinds.pop(gj)
    return [sorted(m) if len(m) > 1 else m for m in members.values()]


def _loosely_shown(x: int, y: int, a: Sequence[int], b: Sequence[int], proven: set[tuple[int, int]],
                   status: dict[tuple[int, int], Status], value: Sequence[int], facts: _Facts,
                   evidence: Callable[[int, int], bool]) -> bool:
    """x (of group a) and y (of group b) conflict without evidence of their own, but one of them
    is a round figure ("about 100,000" people on the island) its group holds as an exact one told
    loosely ("120,000", with evidence that they tell one thing), and that exact figure's conflict
    with the other is shown: its evidence is the round one's too. Never from a bound or a vague
    figure ("more than 30", "dozens"), which a third value agrees with whatever it counts."""
    ms = facts.mentions

    def loosely(p: int, q: int) -> bool:  # p is q told loosely
        hedge = _hedge(ms[p])
        return hedge is not None and not _bounded(ms[p]) and _hedge(ms[q]) is None and ms[q].stated is not None \
            and (status.get((value[p], value[q])) or facts.status(p, q)) != "conflict" and evidence(p, q)

    return any((x2, y) in proven and loosely(x, x2) for x2 in a if x2 != x) \
        or any((x, y2) in proven and loosely(y, y2) for y2 in b if y2 != y)


def _vaguely_one(a: _Context, b: _Context) -> bool:
    """Whether two figures a hedge makes agree in part ("up to 1.4 million", "60") may be one
    figure told loosely: their numbers as stated are within FAR of each other. A hedge widens a
    figure; it does not make 60 one with 1.4 million, nor 50 orders one with "up to 225"."""
    x, y = a.mention, b.mention
    return x.kind == "date" or y.kind == "date" or x.stated is None or y.stated is None or x.stated <= 0 \
        or y.stated <= 0 or max(x.stated, y.stated) <= FAR * min(x.stated, y.stated)


def _about(items: Sequence[_Context], idf: Idf, size: int = 3) -> str:
    """What the figures count: the rarest words most of their contexts share."""
    counts: dict[str, int] = defaultdict(int)
    weight: dict[str, float] = defaultdict(float)
    surface: dict[str, str] = {}
    for c in items:
        for stem, w in c.weights.items():
            counts[stem] += 1
            weight[stem] += w
            surface.setdefault(stem, c.surface[stem])
    # A foreign article opening a sentence ("Los evacuados") is written with a capital, yet says nothing.
    shared = [s for s, n in counts.items() if n > 1 and normalize(surface[s]) not in FOREIGN_STOPWORDS]
    ranked = sorted(shared, key=lambda s: (-round(weight[s] * idf[s], 6), s))
    return " · ".join(surface[s] for s in ranked[:size])
