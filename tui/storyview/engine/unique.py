"""What only one source says: character spans no other source carries.

A sentence with no counterpart in any other source is unique whole. Inside a sentence others
also tell, a word is shared when a counterpart sentence of another source has it too, so a
name, number or quote only one outlet gives stands out and a reworded shared fact does not.
Unique words make passages, not shards: function words and the story's common ground between
them join in, and a quotation no other source quotes is marked whole.

Counterparts come from the alignment's sentence matches (`Alignment.sentence_links`), whatever
matched them: a match scored well above the sentence threshold whose words mostly differ is the
same fact told in other words, so a semantic matcher that adds such links is heeded as it lands.

Last, a guard (issue 18): no mark holds a name, a figure or a three-word phrase that another
source's counterpart paragraph carries, whatever the steps before decided.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Indel

from storyview.engine.align import Alignment
from storyview.engine.candidates import Unit
from storyview.engine.segment import (
    NUMBER_STEMS,
    SPELLED_OUT,
    STOPWORDS,
    WORD_VALUES,
    Token,
    is_name,
    is_number_word,
    normalize,
    paragraph_words,
    sentences,
    stem,
    words,
    words_of,
)
from storyview.engine.similarity import Idf
from storyview.model import Marks, Member, Progress, Settings, Span, Support


def counterparts(alignment: Alignment, i: int, k: int, settings: Settings, group_of: Sequence[int],
                 forms: dict[tuple[int, int], frozenset[str]]) -> list[tuple[str, frozenset[str]]]:
    """For sentence k of unit i: each matching sentence's source and the word forms it uses.

    A sentence's forms are made once, in `forms`: it is the counterpart of several others.
    """
    units = alignment.units
    strong = settings.sentence_threshold
    found = []
    for j, m, score in alignment.sentence_links.get((i, k), ()):
        if score >= strong or (score >= strong / 2 and group_of[i] == group_of[j]):
            used = forms.get((j, m))
            if used is None:
                used = forms[(j, m)] = frozenset([t.stem for t in units[j].sentences[m].tokens]
                                                 + [t.norm for t in units[j].sentences[m].tokens])
            found.append((units[j].member.source, used))
    return found


# Function words that open the phrase after them ("over the summer", "in August", "by the IDF").
PREPOSITIONS = frozenset("""in on at over by from for with during after before until under into against
    through since""".split())
ARTICLES = frozenset("a an the this that these those his her their its our my your".split())
# Days and months name a date, not an entity: another source's "Thursday" may be another day.
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec""".split())
# Words of the story's common ground a passage may bridge between two unique ones.
MAX_GAP = 2
# A sentence matched this closely (SAME x the sentence threshold: 0.5 at the default 0.3, the score
# the alignment's matcher by meaning gives a sentence pair told in other words) whose content
# words are this new (REWORDED) is the same fact in other words. A match by words alone rarely
# reaches it with four in five content words apart (the sentence scorer counts shared words).
SAME = 5 / 3
REWORDED = 0.8


def _runs(text: str, tokens: Sequence[Token], unique: Sequence[bool], common: frozenset[int],
          told: bool, phrased: frozenset[int], same: bool, figure: Sequence[bool],
          capital: Sequence[bool]) -> list[tuple[int, int]]:
    """Passages of unique words, as token ranges [a, b).

    A passage starts and ends on a weighty unique word: a content word outside the story's
    common ground (positions in `common`: "New York" in a New York story), or a figure. Function
    words join it freely, and so do up to MAX_GAP words of the common ground between two unique
    ones: a clause only one source tells is one mark, not shards. A word a counterpart sentence
    uses, a name, a figure or a word of a phrase another source carries (positions in `phrased`)
    is evidence the clause is shared: it ends the passage. A passage takes the preposition that
    opens its phrase ("in August", "over the summer").

    In a sentence that others also tell (`told`), a lone reworded word ("launched" for
    "initiated") is not news: a passage there needs two content words, a name or a figure. And
    where a sentence matches another closely (`same`) though nearly every content word differs,
    it is the same fact in other words: only its names and figures are its own.
    """
    name = [x > 0 and capital[x] for x in range(len(tokens))]
    weighty = [(t.content or figure[x]) and x not in common for x, t in enumerate(tokens)]
    content = [x for x, t in enumerate(tokens) if t.content]
    new = sum(1 for x in content if unique[x])
    whole = new == len(content)
    if same and len(content) >= 4 and new >= REWORDED * len(content):
        unique = [u and (figure[x] or name[x]) for x, u in enumerate(unique)]
        whole = False

    def substantive(own: list[int]) -> bool:
        return whole or len(own) >= 2 or any(figure[x] or name[x] for x in own)

    spans: list[tuple[int, int]] = []
    run: list[int] = []
    gap: list[int] = []
    bridged = 0

    def close() -> None:
        own = [x for x in run if weighty[x] and unique[x]]
        if own and substantive(own):
            spans.append((_lead(text, tokens, run[0]), run[-1] + 1))
        run.clear()

    for x, t in enumerate(tokens):
        if unique[x] and weighty[x]:
            run.extend(gap)
            run.append(x)
            gap.clear()
            bridged = 0
        elif run:
            gap.append(x)
            if t.content or figure[x]:
                bridged += 1
                if bridged > MAX_GAP or x not in common or not unique[x] or figure[x] or name[x] or x in phrased:
                    close()
                    gap.clear()
                    bridged = 0
    close()
    return spans


def _lead(text: str, tokens: Sequence[Token], a: int) -> int:
    """Where a passage starting at token a begins once the preposition that opens its phrase is
    taken in, with its article if any ("in August", "over the summer"); only spaces between."""
    def joined(x: int) -> bool:
        return x >= 0 and text[tokens[x].end:tokens[x + 1].start].isspace()

    if joined(a - 1) and tokens[a - 1].norm in PREPOSITIONS:
        return a - 1
    if joined(a - 1) and joined(a - 2) and tokens[a - 1].norm in ARTICLES and tokens[a - 2].norm in PREPOSITIONS:
        return a - 2
    return a


Keys = list[tuple[object, tuple[int, ...]]]
# Approximate figures ("thousands of officers") are figures too: shared when another source gives them.
MAGNITUDES = frozenset(stem(w) for w in "dozens hundreds thousands millions billions trillions".split())


def _phrase_keys(tokens: Sequence[Token]) -> Keys:
    """Pairs of consecutive content words (names, quoted phrases, set expressions) and numbers,
    each with the positions of the tokens it covers."""
    stems = [t.stem for t in tokens]
    content = [x for x, t in enumerate(tokens) if t.content]
    keys: Keys = [((stems[a], stems[b]), (a, b)) for a, b in zip(content, content[1:])]
    keys += [(t.norm, (x,)) for x, t in enumerate(tokens) if t.number and len(t.norm) >= 2]
    keys += [(stem, (x,)) for x, stem in enumerate(stems) if stem in MAGNITUDES]
    return keys


def _phrase_index(
    units: Sequence[Unit], units_keys: Sequence[tuple[str, list[Keys]]], idf: Idf, max_share: float = 0.25,
) -> tuple[dict[object, set[str]], frozenset[object]]:
    """Which sources use each rare content-word pair and each distinctive number, anywhere; and
    the story's common ground.

    A word or pair found in more than `max_share` of all paragraphs, in two sources or more
    ("New York" in a New York story), is common ground, not a shared fact: it proves no
    sentence shared, and no sentence's own either (see `_runs`).
    """
    spread: Counter[object] = Counter()
    by_source: dict[str, set[object]] = defaultdict(set)
    for source, sentence_keys in units_keys:
        keys = {key for keyed in sentence_keys for key, _ in keyed}
        spread.update(keys)
        by_source[source] |= keys
    sources: Counter[object] = Counter()
    for keys in by_source.values():
        sources.update(keys)
    # A key of one source only would tell a sentence of it nothing: only shared keys are kept.
    shared = {key for key, n in sources.items() if n > 1}
    index: dict[object, set[str]] = defaultdict(set)
    for source, keys in by_source.items():
        for key in keys & shared:
            index[key].add(source)
    limit = max(2, max_share * len(units_keys))
    widespread = frozenset(stem for stem, n in idf.df.items() if n > limit)  # df: paragraphs with the word
    words: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for stem in unit.stems & widespread:
            words[stem].add(unit.member.source)
    common = frozenset(
        [key for key in index if spread[key] > limit]
        + [stem for stem, holders in words.items() if len(holders) > 1]
    )
    return {key: holders for key, holders in index.items() if spread[key] <= limit}, common


def _phrase_sources(keys: Keys, index: dict[object, set[str]]) -> dict[int, set[str]]:
    """For the tokens that have any: the sources that share a phrase (or the number) they are in."""
    out: dict[int, set[str]] = defaultdict(set)
    get = index.get
    for holders, positions in [(holders, positions) for key, positions in keys if (holders := get(key))]:
        for x in positions:
            out[x] |= holders
    return out


def _counts(tokens: Sequence[Token], others: list[tuple[str, frozenset[str]]], by_phrase: dict[int, set[str]],
            own: str) -> list[int]:
    """How many sources carry each word: this one, those whose counterpart sentences have the
    word, and those sharing a phrase it is in. (Only the words anyone shares are looked at;
    `by_phrase` is filled in.)"""
    counts = [1] * len(tokens)
    for source, forms in others:
        for x in [x for x, t in enumerate(tokens) if t.stem in forms or t.norm in forms]:
            by_phrase[x].add(source)
    for x, holders in by_phrase.items():
        holders.discard(own)
        counts[x] = 1 + len(holders)
    return counts


Gram = tuple[str, ...]

# Opening quotation mark -> the marks that close it ("``" is how text rebuilt from tokens writes “).
# A straight mark may close on a curly one or on '' (typed copy mixes them: "…,'' she said).
QUOTE_PAIRS = {"“": "”", "\"": "\"”''", "«": "»", "„": "“”", "‘": "’", "``": "''"}
QUOTE_RE = re.compile("``|''|[“”\"«»„‘’]")
# A straight quote mark before a space or one of these closes a quotation; alone, it opens none
# (`said," Baca` after a mark lost in the copy): it must not run to the paragraph's end.
CLOSING = ",.;:!?)]"


def quotations(text: str) -> list[Span]:
    """The inside of every quotation in a paragraph. An apostrophe (don’t, the officers’) opens
    and closes none, nor does a straight mark that only a closing one could be (see CLOSING);
    a quotation still open at the end runs to the end (it goes on in the next
    paragraph). (The findings' quote finder works the same way; the engine keeps its own, as it
    sits below the findings.)"""
    out: list[Span] = []
    opener: str | None = None
    at = 0
    for m in QUOTE_RE.finditer(text):
        mark, i = m.group(), m.start()
        before = text[i - 1] if i else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if opener is None:
            if mark not in QUOTE_PAIRS or (mark == "‘" and before.isalnum()) or \
                    (mark == "\"" and (before.isalnum() or after.isspace() or after in CLOSING)):
                continue
            opener, at = mark, m.end()
        elif mark in QUOTE_PAIRS[opener] and not (mark == "’" and after.isalnum()):
            out.append((at, i))
            opener = None
    if opener is not None and opener != "‘":
        out.append((at, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _grams(norms: Sequence[str], content: Sequence[bool], n: int = 3) -> Iterator[tuple[int, Gram]]:
    """Runs of n words with a content word among them, and where each starts."""
    for a in range(len(norms) - n + 1):
        if any(content[a:a + n]):
            yield a, tuple(norms[a:a + n])


def _trigrams(words_: Sequence[str]) -> set[Gram]:
    return set(zip(words_, words_[1:], words_[2:]))


@dataclass(frozen=True)
class _Text:
    """A paragraph's words in one list (sentences end to end), as the guards compare them."""

    tokens: tuple[Token, ...]
    sentence: tuple[int, ...]  # the sentence each token is in
    norms: tuple[str, ...]
    stems: tuple[str, ...]
    content: tuple[bool, ...]
    capital: tuple[bool, ...]  # `is_name` of each word
    figure: tuple[bool, ...]  # `is_figure` of each word
    names: tuple[Span, ...]  # token ranges of its names (`name_runs`)
    compounds: tuple[Gram | None, ...]  # of each name: the name a compound ends with (`_compound`)

    @classmethod
    def of(cls, unit: Unit) -> _Text:
        text = unit.text
        shared = paragraph_words(text) if sentences(text) is unit.sentences else words_of(text, unit.sentences)
        tokens, norms = shared.tokens, shared.norms
        names = tuple(name_runs(text, tokens, shared.sentence, shared.capital))
        return cls(tokens, shared.sentence, norms, shared.stems, shared.content, shared.capital, shared.figure,
                   names, tuple(_compound(text, tokens[a:b], norms[a:b]) for a, b in names))

    def forms(self, k: int) -> tuple[Gram, ...]:
        """Name k of the paragraph as its words stand, and as it stands in a compound."""
        a, b = self.names[k]
        compound = self.compounds[k]
        return (self.norms[a:b],) if compound is None else (self.norms[a:b], compound)


def _compound(text: str, tokens: Sequence[Token], norms: Sequence[str]) -> Gram | None:
    """The name a compound ends with ("Pulitzer Prize-winning" is the Pulitzer Prize, as
    "Oscar-nominated" is Oscar), or None: a name whose last word runs on, after a hyphen, in
    lower case. "Hewlett-Packard" runs on in a capital: that is the name."""
    written = text[tokens[-1].start:tokens[-1].end]
    head, hyphen, tail = written.partition("-")
    if not hyphen or not head or not tail[:1].islower():
        return None
    return (*norms[:-1], normalize(head))


# Lower-case words inside a name: "Department of Community Safety", "Defend the Homeland".
NAME_JOINERS = frozenset("of the and for de del la van von al".split())


def name_runs(text: str, tokens: Sequence[Token], sentence: Sequence[int] | None = None,
              capital: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """Names as token ranges [a, b): runs of capitalised words, joined by "of", "the" and the
    like, within a sentence ("Department of Homeland Security", "Zohran Mamdani", "DHS").
    `capital`: `is_name` of each token, if known."""
    runs: list[tuple[int, int]] = []
    x, n = 0, len(tokens)
    if capital is None:
        capital = [is_name(text, t) for t in tokens]
    same = (lambda a, b: sentence[a] == sentence[b]) if sentence is not None else (lambda a, b: True)

    def spaced(x: int) -> bool:
        return text[tokens[x - 1].end:tokens[x].start].isspace()

    while x < n:
        if not capital[x]:
            x += 1
            continue
        a = x
        x += 1
        while x < n and same(a, x) and spaced(x):
            if capital[x]:
                x += 1
            elif tokens[x].norm in NAME_JOINERS and x + 1 < n and same(a, x + 1) and spaced(x + 1) \
                    and capital[x + 1]:
                x += 2
            else:
                break
        runs.append((a, x))
    return runs


def _names_anywhere(units: Sequence[Unit], texts: Sequence[_Text]) -> tuple[dict[Gram, set[str]], dict[Gram, set[str]]]:
    """Which sources use each name, and each ending of a name (the name itself, and "Trump" of
    "Donald Trump"), anywhere in the story."""
    whole: dict[Gram, set[str]] = defaultdict(set)
    endings: dict[Gram, set[str]] = defaultdict(set)
    for unit, words_ in zip(units, texts):
        source = unit.member.source
        for k in range(len(words_.names)):
            for name in words_.forms(k):
                last = name[-1].rsplit("-", 1)
                # A double-barrelled name goes by its last part too: "Maurice Jones-Drew" is
                # "Maurice Drew", and "Drew".
                for form in (name, (*name[:-1], last[1])) if len(last) == 2 and last[1] else (name,):
                    whole[form].add(source)
                    for x in range(len(form)):
                        endings[form[x:]].add(source)
    return whole, endings


def _told_elsewhere(units: Sequence[Unit], texts: Sequence[_Text], guard: _Guard) -> list[list[tuple[int, int]]]:
    """Per unit, the token ranges of its quotations that no other source quotes, in whole or in
    part: those are marked whole.

    Another source quotes a passage in part when one of its quotations shares a run of three
    words with it (a run of names alone, "New York City", is no quoting), or, for a passage of
    one or two words ("wicked") or of names alone, quotes those words; and it tells the passage
    without quotation marks when its paragraphs among the counterparts (`_Guard`) hold half the
    passage's three-word runs.
    """
    found: list[list[tuple[int, int, Gram, set[Gram]]]] = []
    every: list[tuple[str, Gram]] = []  # each quotation's words, with its source
    stems: dict[tuple[Member, int], set[Gram]] = {}  # each quotation's runs of three stems
    for unit, words_ in zip(units, texts):
        mine = []
        spans = quotations(unit.text)
        starts = [t.start for t in words_.tokens] if spans else []
        for qs, qe in spans:
            a, b = bisect_left(starts, qs), bisect_left(starts, qe)
            if a >= b or not any(words_.content[a:b]):
                continue
            norms = words_.norms[a:b]
            grams = {g for x, g in _grams(norms, words_.content[a:b])
                     if not all(words_.capital[y] or not words_.content[y] for y in range(a + x, a + x + 3))}
            mine.append((a, b, norms, grams))
            stems[(unit.member, a)] = {g for x, g in _grams(words_.stems[a:b], words_.content[a:b])}
            every.append((unit.member.source, norms))
        found.append(mine)
    wanted = set().union(*(grams for mine in found for *_, grams in mine))
    short = {norms for mine in found for _, _, norms, grams in mine if not grams}
    quoted: dict[Gram, set[str]] = defaultdict(set)  # a wanted run or short passage -> sources quoting it
    for source, norms in every:
        for g in _trigrams(norms) & wanted:
            quoted[g].add(source)
        if norms in short:
            quoted[norms].add(source)
        for n in (1, 2):
            for g in set(zip(*(norms[x:] for x in range(n)))) & short:
                quoted[g].add(source)
    out = []
    for i, (unit, mine) in enumerate(zip(units, found)):
        own = unit.member.source
        keep = []
        for a, b, norms, grams in mine:
            if grams:
                runs = stems[(unit.member, a)]
                held: dict[str, set[Gram]] = defaultdict(set)
                for j in guard.partners[i]:
                    if units[j].member.source != own:
                        held[units[j].member.source] |= runs & guard.grams_of(j)
                elsewhere = any(_besides(quoted.get(g), own) for g in grams) or \
                    any(len(found_) * 2 >= len(runs) for found_ in held.values())
            else:
                elsewhere = _besides(quoted.get(norms), own)
            if not elsewhere:
                keep.append((a, b))
        out.append(keep)
    return out


class _Guard:
    """What another source's counterpart paragraph carries, so that no mark contains it (issue 18).

    A paragraph's counterparts are the other sources' paragraphs in its group and those the
    aligner matched a sentence of it with (its closest few in each source, see `match.py`). A
    mark never holds a name or a figure that stands in a counterpart, nor a run of three words
    (one a content word, no name cut in two) found there; nor a name another source gives
    anywhere in the story, whole or as the ending of a longer one ("Trump", "Donald Trump").
    """

    def __init__(self, alignment: Alignment, texts: Sequence[_Text]) -> None:
        self.units = alignment.units
        self.texts = texts
        self.names, self.endings = _names_anywhere(self.units, texts)
        index = {u.member: i for i, u in enumerate(self.units)}
        self.partners: list[set[int]] = [set() for _ in self.units]
        for group in alignment.groups:
            members = [index[m] for m in group.members if m in index]
            for i in members:
                self.partners[i].update(members)
        for (i, _), links in alignment.sentence_links.items():
            self.partners[i].update(j for j, _, _ in links)
        self.grams: dict[int, set[Gram]] = {}
        self.vocabularies: dict[int, frozenset[str]] = {}
        self.cases: dict[int, frozenset[tuple[str, bool]]] = {}
        self.abbreviated: dict[int, frozenset[tuple[str, bool]]] = {}
        self.every = frozenset(n for t in texts for n in t.norms)
        """Every word of the story as written: whether a word written another way is there at all."""
        self.unhyphened = frozenset(n.replace("-", "") for n in self.every if "-" in n.strip("-"))
        """Its compounds without their hyphens ("skin-care": skincare)."""
        self.abbreviations = frozenset(n for n in self.every if n in SPELLED_OUT)
        """Its words that may be abbreviations ("st", "ave"): whether a word abbreviated is there at all."""
        spelled: dict[str, list[str]] = defaultdict(list)
        for a in self.abbreviations:
            for w in SPELLED_OUT[a]:
                spelled[w].append(a)
        self.spelled: dict[str, list[str]] = dict(spelled)
        """Each word written out, with the story's abbreviations of it ("street": st): one look-up a word."""
        self.pairs: dict[int, frozenset[tuple[str, str]]] = {}
        self.joinable: dict[str, tuple[str | None, bool]] = {}
        self.unhyphened_in: dict[int, frozenset[str]] = {}
        self.alike = [_Alike.of(u.text, t) for u, t in zip(self.units, texts)]

    def grams_of(self, j: int) -> set[Gram]:
        if j not in self.grams:
            self.grams[j] = _trigrams(self.texts[j].stems)
        return self.grams[j]

    def vocabulary_of(self, j: int) -> frozenset[str]:
        """Unit j's words (as `norms`), made once: it is the counterpart of several others."""
        if j not in self.vocabularies:
            self.vocabularies[j] = frozenset(self.texts[j].norms)
        return self.vocabularies[j]

    def cased_of(self, j: int) -> frozenset[tuple[str, bool]]:
        """Unit j's words, each with whether it is written with a capital: an abbreviation meets
        its word written out only as it is cased ("Gen." / "General", "ft." / "feet")."""
        if j not in self.cases:
            text, tokens = self.units[j].text, self.texts[j].tokens
            self.cases[j] = frozenset((n, text[t.start].isupper()) for n, t in zip(self.texts[j].norms, tokens))
        return self.cases[j]

    def abbreviated_of(self, j: int) -> frozenset[tuple[str, bool]]:
        """Unit j's abbreviations written with their period ("St." of a street; "St Helens" is a
        saint's), each with whether it has a capital."""
        if j not in self.abbreviated:
            text, tokens = self.units[j].text, self.texts[j].tokens
            self.abbreviated[j] = frozenset(
                (n, text[t.start].isupper()) for n, t in zip(self.texts[j].norms, tokens)
                if n in self.abbreviations and _with_period(text, t))
        return self.abbreviated[j]

    def pairs_of(self, j: int) -> frozenset[tuple[str, str]]:
        """Unit j's words two in a row (as `norms`)."""
        if j not in self.pairs:
            norms = self.texts[j].norms
            self.pairs[j] = frozenset(zip(norms, norms[1:]))
        return self.pairs[j]

    def unhyphened_of(self, j: int) -> frozenset[str]:
        """Unit j's compounds without their hyphens ("co-workers": coworkers)."""
        if j not in self.unhyphened_in:
            self.unhyphened_in[j] = frozenset(n.replace("-", "") for n in self.texts[j].norms if "-" in n.strip("-"))
        return self.unhyphened_in[j]

    def joined(self, form: str, others: Sequence[int]) -> bool:
        """Does a counterpart write `form` (a word with one hyphen, or of letters only) as its own
        words would, run together: two in a row with a hyphen between ("AK 47": ak-47), or none
        ("tear gas": teargas), or a compound without its hyphens ("co-workers": coworkers)? The
        pairs are looked up, not every joining of a counterpart's words made."""
        if len(form) < JOINED_FROM:
            return False
        if "-" in form:
            head, _, tail = form.partition("-")
            if not (head.isalnum() and tail.isalnum()):
                return False
            return any((head, tail) in self.pairs_of(j) for j in others)
        if not form.isalpha():
            return False
        splits = [(form[:k], form[k:]) for k in range(1, len(form))]
        return any(form in self.unhyphened_of(j) or not self.pairs_of(j).isdisjoint(splits) for j in others)

    def _written_apart(self, i: int, others: Sequence[int], within: Sequence[tuple[int, int]], out: list[bool]) -> None:
        """Words of unit i a counterpart writes another way, as one word or two ("teargas", "tear
        gas", "tear-gas"; "AK 47", "AK-47"), or an acronym with or without its plural's s ("KOs",
        "KO"): never marked, as the same words as written are not (try26). Only the words that
        would be marked (`within`: token ranges) are looked at, and a counterpart only where the
        story holds the other writing at all (most words: one look-up)."""
        text = self.units[i].text
        norms = self.texts[i].norms
        tokens = self.texts[i].tokens
        every = self.every

        def said(*forms: str) -> bool:
            there = [w for w in forms if w in every]  # most are nowhere in the story
            return bool(there) and any(w in self.vocabulary_of(j) for j in others for w in there)

        joinable = self.joinable
        for x in sorted({x for a, b in within for x in range(a, b) if not out[x]}):
            n = norms[x]
            whole, halves = joinable.get(n) or self._joinable(n)
            if whole is not None:
                if whole != n and (said(whole) or halves and self.joined(n, others)):  # "co-workers", "AK-47"
                    out[x] = True
                elif whole == n and self.joined(n, others):  # "skincare", "teargas"
                    out[x] = True
            if x + 1 < len(norms):
                after = norms[x + 1]
                run_on, hyphened = n + after, f"{n}-{after}"
                if (hyphened in every or len(run_on) >= JOINED_FROM and run_on in every) \
                        and _word(tokens[x]) and _word(tokens[x + 1]) \
                        and said(*([run_on] if len(run_on) >= JOINED_FROM else []), hyphened):
                    out[x] = out[x + 1] = True  # "tear gas", "AK 47"; not "may be" for "maybe"
            if self.abbreviations and n.isalpha():
                if n in self.abbreviations and _with_period(text, tokens[x]):
                    capital = text[tokens[x].start].isupper()
                    if any((w, capital) in self.cased_of(j) for j in others for w in SPELLED_OUT[n]):
                        out[x] = True  # "117th St." beside "117th Street", "Gov." beside "Governor"
                elif n in self.spelled:
                    capital = text[tokens[x].start].isupper()
                    if any((a, capital) in self.abbreviated_of(j) for a in self.spelled[n] for j in others):
                        out[x] = True  # and the other way round; not "a major fire" for "Maj.", "march" for "Mar."
            if 1 < len(n) <= ACRONYM_UP_TO and (n[:-1] in every or n + "s" in every):
                written = text[tokens[x].start:tokens[x].end]
                if ACRONYM_PLURAL_RE.fullmatch(written) and said(n[:-1]) \
                        or written.isupper() and n + "s" not in STOPWORDS and said(n + "s"):  # "IT" is no "its"
                    out[x] = True

    def _joinable(self, n: str) -> tuple[str | None, bool]:
        """What of word n may be written another way, made once a word of the story: `whole`, n
        without its hyphens, where n is a compound or letters the story has apart (None where
        neither), and whether a compound's pieces are each words of the story (`_halves`)."""
        known = self.joinable.get(n)
        if known is None:
            whole = n.replace("-", "")
            every = self.every
            if len(n) < JOINED_FROM or not whole.isalnum():
                known = (None, False)
            elif whole != n:
                known = (whole, _halves(n, every))
            elif n.isalpha() and (n in self.unhyphened or len(n) >= RUN_TOGETHER_FROM and _parts(n, every)):
                known = (whole, False)
            else:
                known = (None, False)
            self.joinable[n] = known
        return known

    def _named_elsewhere(self, name: Gram, own: str) -> bool:
        """Does another source give this name, or end a longer name with it, or give an ending
        of it as a name ("Trump" for "Donald Trump")?"""
        if all(w in DATE_WORDS for w in name):
            return False
        if _besides(self.endings.get(name), own):
            return True
        return any(_besides(self.names.get(name[x:]), own) for x in range(1, len(name))
                   if not all(w in DATE_WORDS for w in name[x:]))

    def _names_within(self, words_: _Text, a: int, b: int, own: str) -> Iterator[tuple[int, int]]:
        """The names a list joins with "and" inside the name [a, b) ("Biloxi and Jackson",
        "Portugal and Spain") that another source gives as names of their own."""
        norms = words_.norms
        cuts = [x for x in range(a + 1, b - 1) if norms[x] == "and"]
        for s, e in zip([a, *(x + 1 for x in cuts)], [*cuts, b]):
            if cuts and not all(w in DATE_WORDS for w in norms[s:e]) and _besides(self.names.get(norms[s:e]), own):
                yield s, e

    def forbidden(self, i: int, within: Sequence[tuple[int, int]] = ()) -> list[bool]:
        """For each token of unit i: may it not be marked? (`within`: the token ranges that would
        be, where words written another way are looked for.)"""
        own = self.units[i].member.source
        words_ = self.texts[i]
        tokens = words_.tokens
        out = [False] * len(tokens)
        others = [j for j in sorted(self.partners[i]) if self.units[j].member.source != own]
        norms = [self.texts[j].norms for j in others]
        mine = self.grams_of(i)
        words_here = set(words_.norms)
        grams: set[Gram] = set()  # my runs of three words that a counterpart has too
        vocab: set[str] = set()  # my words that a counterpart uses
        alike = self.alike[i]
        held: set[Gram] = set()  # ... and those of my words written another way (`_Alike`)
        alike_vocab: set[str] = set()
        for j in others:
            theirs = self.alike[j]
            grams |= mine & self.grams_of(j)
            vocab |= words_here & self.vocabulary_of(j)
            if theirs is not None:
                grams |= mine & theirs.grams
                vocab |= words_here & theirs.vocabulary
            if alike is not None:
                held |= alike.grams & self.grams_of(j)
                alike_vocab |= alike.vocabulary & self.vocabulary_of(j)
                if theirs is not None:
                    held |= alike.grams & theirs.grams
                    alike_vocab |= alike.vocabulary & theirs.vocabulary
        for k, (a, b) in enumerate(words_.names):
            if any(self._named_elsewhere(name, own) or (name[0] in vocab and any(_holds(other, name) for other in norms))
                   for name in words_.forms(k)):
                out[a:b] = [True] * (b - a)
            elif b - a > 1:
                for s, e in self._names_within(words_, a, b, own):
                    out[s:e] = [True] * (e - s)
        figure = words_.figure
        for x, norm in enumerate(words_.norms):
            if norm in vocab and figure[x]:
                out[x] = True
        if others and within:
            self._written_apart(i, others, within, out)
        if grams:
            stems, content = words_.stems, words_.content
            cut = _cuts_a_name(words_)
            for a, g in enumerate(zip(stems, stems[1:], stems[2:])):
                if g in grams and (content[a] or content[a + 1] or content[a + 2]) and not cut[a]:
                    out[a] = out[a + 1] = out[a + 2] = True
        if alike is not None:
            for written, a, b in alike.figures:
                if written in alike_vocab and figure[a]:
                    out[a:b] = [True] * (b - a)
            for g, a, b in alike.runs:
                if g in held and any(words_.content[a:b]) and not _cuts(words_.names, a, b):
                    out[a:b] = [True] * (b - a)
        return out


def _besides(holders: set[str] | None, own: str) -> bool:
    """Does a source other than `own` hold it? (`holders - {own}` without making the set.)"""
    return bool(holders) and (len(holders) > 1 or own not in holders)


def _with_period(text: str, token: Token) -> bool:
    """Is the token written with a full stop after it, as an abbreviation is ("St.", "Gov.")?"""
    return text[token.end:token.end + 1] == "."


def _word(token: Token) -> bool:
    """A content word or a number, in letters and digits only: what two in a row may be one word of."""
    return (token.content or token.number) and token.norm.isalnum()


def _parts(word: str, every: frozenset[str]) -> bool:
    """Is `word` two words of the story run together ("teargas": tear, gas)?"""
    return any(word[:k] in every and word[k:] in every for k in range(2, len(word) - 1))


def _halves(compound: str, every: frozenset[str]) -> bool:
    """Are the pieces of a hyphenated word each words of the story ("AK-47": ak, 47)?"""
    return all(piece in every for piece in compound.split("-") if piece)


# Letters a word run together from two must have to count ("its" is no "it s"; "teargas" has 7).
JOINED_FROM = 5
RUN_TOGETHER_FROM = 7
# Letters of the longest acronym looked at, with its plural's s ("CEOs").
ACRONYM_UP_TO = 6
# An acronym's plural as written: "KOs", "MPs", "CEOs".
ACRONYM_PLURAL_RE = re.compile(r"[A-Z]{2,}s")


def _cuts(names: Sequence[Span], a: int, b: int) -> bool:
    """Does the token range [a, b) hold part of a name but not all of it?"""
    return any(na < b and a < nb and not (a <= na and nb <= b) for na, nb in names)


PERCENT_WORDS = frozenset({"percent", "pct"})
MAYBE_ALIKE = PERCENT_WORDS | {"per", "cent"}
# What may be written another way: a compound, a percentage, "per cent" (a first look at the text).
ALIKE_RE = re.compile(r"\w-\w|%|\bper\s?cent\b|\bpct\b", re.I)


@dataclass(frozen=True)
class _Alike:
    """A paragraph's words as the same words written another way would be (try22 saw both
    marked beside each other): a compound in its parts ("out-of-band" is out, of, band;
    "SEA-ME-WE" is "Sea Me We"), a percentage as its number and "percent" ("55%" is "55
    percent", as "55 per cent" and "55 pct" are). Only what differs from the words as they
    stand: `runs`, the runs of three (as stems) that take in a word so written, and `figures`,
    the numbers it holds; each with the token range it comes from."""

    runs: tuple[tuple[Gram, int, int], ...]
    figures: tuple[tuple[str, int, int], ...]

    @cached_property
    def grams(self) -> frozenset[Gram]:
        return frozenset(g for g, _, _ in self.runs)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(w for w, _, _ in self.figures)

    @classmethod
    def of(cls, text: str, words_: _Text) -> _Alike | None:
        """None where no word of the paragraph is written so."""
        if not ALIKE_RE.search(text):
            return None
        norms = words_.norms
        maybe = [x for x, n in enumerate(norms) if "-" in n or n in MAYBE_ALIKE or n[-1:] == "%"]
        rewritten = {x: r for x in maybe if (r := _pieces(norms, x)) is not None}
        if not rewritten:
            return None
        near = sorted({y for x in rewritten for y in range(max(0, x - 2), min(len(norms), x + 3))})
        runs: list[tuple[Gram, int, int]] = []
        window: list[tuple[str, int]] = []  # pieces (stems) of consecutive tokens, with their token
        last = -2
        for y in near:
            if y != last + 1:
                window = []
            last = y
            pieces = rewritten.get(y)
            added = [stem_ for stem_, _ in pieces] if pieces is not None else [words_.stems[y]]
            window += [(piece, y) for piece in added]
            for k in range(max(0, len(window) - len(added) - 2), len(window) - 2):
                run = window[k:k + 3]
                if any(t in rewritten for _, t in run):
                    runs.append((tuple(p for p, _ in run), run[0][1], run[-1][1] + 1))
        figures = tuple((word, x, x + 1) for x, pieces in rewritten.items() for _, word in pieces
                        if word[:1].isdigit() or word in WORD_VALUES)
        return cls(tuple(runs), figures)


def _pieces(norms: Sequence[str], x: int) -> list[tuple[str, str]] | None:
    """Word x as written alike (see `_Alike`): (stem, word) of each piece; None where it is
    written only so."""
    n = norms[x]
    if n.endswith("%") and len(n) > 1:
        return [(n[:-1], n[:-1]), ("percent", "percent")]
    if n in PERCENT_WORDS or (n == "per" and norms[x + 1:x + 2] == ("cent",)):
        return [("percent", "percent")]
    if n == "cent" and x and norms[x - 1] == "per":
        return []
    parts = [part for part in n.split("-") if part]
    if len(parts) > 1 and not is_number_word(n):
        return [(NUMBER_STEMS.get(part) or stem(part), part) for part in parts]
    return None


def _cuts_a_name(words_: _Text, n: int = 3) -> list[bool]:
    """For each run of n words (by where it starts): does it hold part of a name but not all of
    it? A name is compared whole: "the Department of" shared is no sign that "the Department of
    Community Safety" is."""
    cut = [False] * len(words_.tokens)
    for a, b in words_.names:
        for start in range(max(0, a - n + 1), b):
            cut[start] = cut[start] or not (start <= a and b <= start + n)
    return cut


def _holds(words_: Sequence[str], run: Sequence[str]) -> bool:
    """Does `run` stand in `words_`, word for word?"""
    n = len(run)
    first = run[0]
    return any(words_[x:x + n] == tuple(run) for x, w in enumerate(words_) if w == first)


def find_unique(alignment: Alignment, settings: Settings, progress: Progress | None = None) -> dict[Member, Marks]:
    """Unique spans and per-word support for every body paragraph.

    With a single source there is nothing to compare against, so nothing is marked.
    """
    if len({u.member.source for u in alignment.units}) < 2:
        return {}
    units = alignment.units
    index = {u.member: i for i, u in enumerate(units)}
    group_of = [0] * len(units)
    for g, group in enumerate(alignment.groups):
        for member in group.members:
            group_of[index[member]] = g
    keyed = [(u.member.source, [_phrase_keys(sent.tokens) for sent in u.sentences]) for u in units]
    phrases, common = _phrase_index(units, keyed, alignment.idf)
    texts = [_Text.of(u) for u in units]
    guard = _Guard(alignment, texts)
    quotes = _told_elsewhere(units, texts, guard)

    marks: dict[Member, Marks] = {}
    forms: dict[tuple[int, int], frozenset[str]] = {}
    for i, unit in enumerate(units):
        if progress and i % 200 == 0:
            progress("marking", i, len(units))
        passages, ground, support = _words(alignment, i, settings, group_of, keyed[i][1], phrases, common, forms, texts[i])
        if passages or quotes[i]:
            within = [(a, b) for a, b, _ in passages] + list(quotes[i])
            marks[unit.member] = Marks(_spans(unit.text, texts[i], passages, quotes[i], guard.forbidden(i, within), ground),
                                       support)
        else:
            marks[unit.member] = Marks((), support)
    return marks

def _words(alignment: Alignment, i: int, settings: Settings, group_of: Sequence[int], keyed: list[Keys],
           phrases: dict[object, set[str]], common: frozenset[object], forms: dict[tuple[int, int], frozenset[str]],
           words_: _Text) -> tuple[list[tuple[int, int, bool]], list[bool], tuple[Support, ...]]:
    """Unit i's word-level findings: the passages of words only it carries (token ranges over
    the paragraph, each with whether it is a whole sentence), which tokens are the story's
    common ground, and how many sources carry each run of words."""
    unit = alignment.units[i]
    own = unit.member.source
    passages: list[tuple[int, int, bool]] = []
    ground_flags: list[bool] = []
    runs: list[list[int]] = []
    offset = 0

    def best(i: int, k: int) -> float:
        return max((score for _, _, score in alignment.sentence_links.get((i, k), ())), default=0.0)

    for k, sent in enumerate(unit.sentences):
        tokens = sent.tokens
        others = counterparts(alignment, i, k, settings, group_of, forms)
        by_phrase = _phrase_sources(keyed[k], phrases)
        phrased = frozenset(by_phrase)
        counts = _counts(tokens, others, by_phrase, own)
        ground = frozenset(x for x, t in enumerate(tokens) if t.stem in common).union(
            *(positions for key, positions in keyed[k] if key in common)) if common else frozenset()
        ground_flags.extend([x in ground for x in range(len(tokens))])
        # Nobody else tells this sentence, nor carries a word of it: unique whole.
        whole = max(counts, default=1) == 1 and not others
        if whole:
            content = [x for x, t in enumerate(tokens) if t.content]
            if content:
                passages.append((offset + _lead(unit.text, tokens, content[0]), offset + content[-1] + 1, True))
        else:
            passages.extend((offset + a, offset + b, False)
                            for a, b in _runs(unit.text, tokens, [c == 1 for c in counts], ground, bool(others), phrased,
                                              best(i, k) >= SAME * settings.sentence_threshold,
                                              words_.figure[offset:offset + len(tokens)],
                                              words_.capital[offset:offset + len(tokens)]))
        offset += len(tokens)
        if not tokens:
            continue
        if whole:
            if runs and runs[-1][2] == 1:
                runs[-1][1] = tokens[-1].end
            else:
                runs.append([tokens[0].start, tokens[-1].end, 1])
            continue
        starts = [0, *[x for x in range(1, len(counts)) if counts[x] != counts[x - 1]]]
        for a, b in zip(starts, [*starts[1:], len(counts)]):
            c = counts[a]
            if runs and runs[-1][2] == c:
                runs[-1][1] = tokens[b - 1].end
            else:
                runs.append([tokens[a].start, tokens[b - 1].end, c])
    make = tuple.__new__
    return passages, ground_flags, tuple([make(Support, run) for run in runs])


def _spans(text: str, words_: _Text, passages: Sequence[tuple[int, int, bool]], quotes: Sequence[tuple[int, int]],
           forbidden: Sequence[bool], ground: Sequence[bool]) -> tuple[Span, ...]:
    """The marks of a paragraph: its unique passages and quotations, less what the guard forbids.

    What the guard cuts out splits a passage; each piece is trimmed to start and end on a word
    of its own (a quotation keeps its function words: "I am not defunding the police") and kept
    if it still says something: a word outside the common ground, or a figure; a piece of a
    clause, not of a whole sentence or quotation, needs two such words, a name or a figure.
    """
    tokens = words_.tokens
    n = len(tokens)
    marked = [False] * n
    whole = [False] * n
    quoted = [False] * n
    for a, b, is_whole in passages:
        for x in range(a, b):
            marked[x] = True
            whole[x] = whole[x] or is_whole
    for a, b in quotes:
        for x in range(a, b):
            marked[x] = quoted[x] = True
    figure, capital = words_.figure, words_.capital
    weighty = [(t.content or figure[x]) and not ground[x] for x, t in enumerate(tokens)]
    sentence = words_.sentence
    spans: list[Span] = []
    x = 0
    while x < n:
        if not marked[x] or forbidden[x]:
            x += 1
            continue
        a = x
        while x < n and marked[x] and not forbidden[x] and sentence[x] == sentence[a]:
            x += 1
        b = x
        content = [y for y in range(a, b) if tokens[y].content or figure[y]]
        if not content:
            continue
        start = content[0]
        while start > a and quoted[start - 1]:
            start -= 1
        if start == content[0]:
            start = max(a, _lead(text, tokens, start)) if start > 0 else start
        end = content[-1] + 1
        while end < b and quoted[end]:
            end += 1
        own = [y for y in range(start, end) if weighty[y]]
        if not own:
            continue
        if not any(whole[y] or quoted[y] for y in range(start, end)):
            names = [y for y in own if figure[y] or (y > 0 and sentence[y - 1] == sentence[y] and capital[y])]
            if len(own) < 2 and not names:
                continue
        spans.append((tokens[start].start, tokens[end - 1].end))
    return tuple(spans)


def word_diff(a: str, b: str) -> list[tuple[str, Span | None, Span | None]]:
    """Word-level diff of two texts by stems: ("equal"|"delete"|"insert"|"replace", span in a, span in b).

    What words one text adds to another (the base source's marks); punctuation is not a word here.
    """
    ta, tb = words(a), words(b)
    ops = []
    for op in Indel.opcodes([t.stem for t in ta], [t.stem for t in tb]):
        span_a = (ta[op.src_start].start, ta[op.src_end - 1].end) if op.src_end > op.src_start else None
        span_b = (tb[op.dest_start].start, tb[op.dest_end - 1].end) if op.dest_end > op.dest_start else None
        ops.append((op.tag, span_a, span_b))
    return ops


TOKEN_RE = re.compile(r"\S+")


def token_diff(a: str, b: str) -> list[tuple[str, Span | None, Span | None]]:
    """The diff a reader reads: ("equal"|"delete"|"insert", span in a, span in b) over tokens.

    A token is a run of non-space characters with its punctuation ("(ICE)", "said,"), compared
    as written, so a dropped bracket or comma shows as a change and a span never loses the
    punctuation around its words (the detail view draws it as is).
    """
    ta = [m.span() for m in TOKEN_RE.finditer(a)]
    tb = [m.span() for m in TOKEN_RE.finditer(b)]
    ops = []
    for op in Indel.opcodes([a[x:y] for x, y in ta], [b[x:y] for x, y in tb]):
        span_a = (ta[op.src_start][0], ta[op.src_end - 1][1]) if op.src_end > op.src_start else None
        span_b = (tb[op.dest_start][0], tb[op.dest_end - 1][1]) if op.dest_end > op.dest_start else None
        ops.append((op.tag, span_a, span_b))
    return ops
