"""Quoted passages: which sources carry each one, and whether word for word or altered.

A passage is text between quotation marks (“…”, "…", «…», „…“, ‘…’) in a headline or body
paragraph. Two quotes are one passage when they share a run of words in order (case and
punctuation aside). The passage's *reference* wording is the longest version that most
sources' versions contain word for word; every version is then:

- ``exact``: the same words;
- ``partial``: a stretch of the reference, word for word (quoting less is not altering);
- ``longer``: the reference word for word, with more words around it;
- ``altered``: words differ; ``edits`` lists them (reference words → this version's words).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, combinations
from typing import Literal, NamedTuple

from rapidfuzz.distance import Indel

from storyview.model import Story
from storyview.engine.segment import Token, sentences, words
from storyview.engine.english import english_share
from storyview.engine.unique import CLOSING
from storyview.findings.speakers import credited, is_named, same_person

Status = Literal["exact", "partial", "longer", "altered"]
STATUSES: tuple[Status, ...] = ("exact", "partial", "longer", "altered")

# Opening mark → the marks that close it.
# A straight mark may close on a curly one (or on '', read as ”), and a curly one on a straight
# one: typed copy mixes them ("“ They drive reckless around here," a bystander told CBS", ECB+).
PAIRS = {"“": "”\"", "\"": "\"”", "«": "»", "»": "«", "„": "“”", "‘": "’", "”": "”", "「": "」", "『": "』"}
TRIM = " \t,.;:!?…—–-"
# Every character that opens or closes a quotation: the scan jumps from one to the next.
MARKS_RE = re.compile("[" + re.escape("".join(sorted(set(PAIRS) | set("".join(PAIRS.values()))))) + "]")
# Phrases in more quotes than this propose no pairs by themselves.
CROWDED = 200
# What shows that a short quote found whole inside a longer one is a stretch of it rather than a
# stock phrase ("as quickly as possible" is no partial version of a CTO's sentence that ends in
# it, try28): a word rarer in English than RARE (a share of its words: outside its 2,000
# commonest or so), or LONG_RUN words, or three content words.
RARE = 5e-5
LONG_RUN = 5


@dataclass(frozen=True)
class Edit:
    """Words of the reference replaced by words of a version ("" where none)."""

    reference: str
    version: str


@dataclass(frozen=True)
class Version:
    """One source's quotation of the passage: where it is and how it compares."""

    source: str
    paragraph: int
    start: int
    end: int
    text: str
    status: Status
    edits: tuple[Edit, ...] = ()
    speaker: str = ""  # who the source puts the words in the mouth of (`speakers.credited`), "" if unsaid

    @property
    def verbatim(self) -> bool:
        """Word for word: the reference's words, or a stretch of them, and nothing else."""
        return self.status in ("exact", "partial")


@dataclass(frozen=True)
class Quote:
    """A quoted passage and every version of it, reference first."""

    id: int
    text: str
    reference: Version
    versions: tuple[Version, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.source for v in self.versions))

    @property
    def altered(self) -> bool:
        """Some version changes the words; quoting more around the same words is not altering."""
        return any(v.status == "altered" for v in self.versions)

    @cached_property
    def speakers(self) -> tuple[str, ...]:
        """The people the sources name as its speaker, each once ("Ruiz" and "Ann Ruiz" are one:
        the fullest name stands), in source order."""
        out: list[str] = []
        for v in self.versions:
            if not is_named(v.speaker):
                continue
            same = next((k for k, known in enumerate(out) if same_person(known, v.speaker)), None)
            if same is None:
                out.append(v.speaker)
            elif len(v.speaker) > len(out[same]):
                out[same] = v.speaker
        return tuple(out)

    @property
    def misattributed(self) -> bool:
        """Sources give the words to different people: a finding in itself."""
        return len(self.speakers) > 1


class _Found(NamedTuple):
    """A quotation in one paragraph (a NamedTuple: a large story has tens of thousands)."""

    source: str
    paragraph: int
    text: str  # the paragraph
    start: int
    end: int
    tokens: tuple[Token, ...]
    norms: tuple[str, ...] = ()
    # content[k]: content words among the first k tokens (kept words of a run, by subtraction).
    content: tuple[int, ...] = (0,)
    speaker: str = ""


def spans(text: str, carried: str | None = None) -> list[tuple[int, int]]:
    """The inside of every quotation in a paragraph (marks excluded), trimmed.

    A quotation still open at the end of the paragraph runs to its end (a quote continued in
    the next paragraph). `carried`: the mark a quotation of the paragraph before was left open
    on (`open_mark`); a paragraph whose first mark closes it is that quotation's end, from its
    start ("…definitely wrong,'' Pigeon told…", ECB+, where the next paragraph opens no mark
    again). Apostrophes (don’t, the officers’) never open or close one. Marks typed as ``…''
    (corpora and typewriter habits) are read as “…”.
    """
    return _scan(text, carried)[0]


def open_mark(text: str, carried: str | None = None) -> str | None:
    """The mark of a quotation the paragraph leaves open at its end (None if it closes all)."""
    return _scan(text, carried)[1]


def _scan(text: str, carried: str | None) -> tuple[list[tuple[int, int]], str | None]:
    """`spans` and `open_mark` at once."""
    if "``" in text or "''" in text:  # the same length, so every offset holds in `text`
        text = text.replace("``", " “").replace("''", "” ")
    out: list[tuple[int, int]] = []
    opener: str | None = None
    at = 0
    n = len(text)
    head = MARKS_RE.search(text)
    closed = -1  # where the paragraph's first mark closes the quotation carried into it
    if carried is not None and head and _closes(text, head.start(), carried):
        i = head.start()
        before = text[i - 1] if i else " "
        if text[i] == "“" or not (before.isspace() or before.isdigit()):  # a mark after a space opens; 12" is inches
            out.append((0, i))
            closed = i
    for mark in MARKS_RE.finditer(text):  # any other character changes nothing
        i = mark.start()
        if i == closed:
            continue
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if opener is None:
            if ch not in PAIRS:
                continue
            if ch in "‘”»" and not (not before.isalnum() and (after.isalnum() or after in "“\"$#")):
                continue  # an apostrophe or a closing mark seen alone
            if ch == "\"" and (before.isalnum() or after.isspace() or after in CLOSING):
                continue  # 12" (inches), a stray mark after a word, a closing mark seen alone
            opener, at = ch, i + 1
        elif _closes(text, i, opener):
            if opener in "‘" and before.isspace():
                continue
            out.append((at, i))
            opener = None
    if opener is not None and opener in "“«„\"":
        out.append((at, n))
        return _trim(text, out), opener
    return _trim(text, out), None


def _closes(text: str, i: int, opener: str) -> bool:
    """Does the mark at `text[i]` close a quotation opened by `opener`? Its closing marks do (not
    an apostrophe: don’t), and an opening mark after the quotation's last punctuation (`` typed
    for '' in "we did all we could, `` said the juror", ECB+)."""
    ch = text[i]
    if ch in PAIRS[opener]:
        return not (ch == "’" and i + 1 < len(text) and text[i + 1].isalnum())
    return ch == opener == "“" and _mark_before(text, i) in ",.!?"


def _trim(text: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed = []
    for start, end in out:
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _mark_before(text: str, i: int) -> str:
    """The last character before `text[i]` that is not white space ("~" at the start: no mark)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else "~"


def _runs(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """Words of `a` and `b` matched in order, and the longest run matched contiguously."""
    matched = longest = 0
    for block in Indel.opcodes(a, b).as_matching_blocks():
        matched += block.size
        longest = max(longest, block.size)
    return matched, longest


def _same_passage(a: _Found, b: _Found, generic: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Quotes of one passage: most of the shorter one in runs of words in the same order, one
    run at least three words and 40% of it long, most of its content words among them (or all
    of a quote of two or three words: "rogue agency" in "a rogue agency")."""
    na, nb = a.norms, b.norms
    short = min(len(na), len(nb))
    if short == 0:
        return False
    if short == 1:
        return na == nb and a.tokens[0].content
    if short <= 3:
        if na == nb:
            return a.content[-1] > 0
        inner, outer = (a, b) if len(na) <= len(nb) else (b, a)
        if inner.norms in generic:  # "I don't know", "he added": in too many quotes to tie any two
            return False
        return _contains(outer.norms, inner.norms) >= 0 and inner.content[-1] > 0 and \
            (inner.content[-1] >= 3 or _rare(inner))
    # The words matched in order (all of them, not only in runs) are a cheap bound on `matched`:
    # most candidates stop here.
    if (len(na) + len(nb) - Indel.distance(na, nb)) // 2 < 0.6 * short:
        return False
    matched = longest = kept = 0
    counts = a.content
    for block in Indel.opcodes(na, nb).as_matching_blocks():
        size = block.size
        if size < 2 or size <= 3 and na[block.a:block.a + size] in generic:
            continue  # words matched one by one, or a common phrase ("I don't know"), say nothing
        matched += size
        longest = max(longest, size)
        kept += counts[block.a + size] - counts[block.a]
    # Content words decide: "a lot of work" and "a lot of time" share only small words.
    content = min(counts[-1], b.content[-1])
    if longest == short < LONG_RUN and kept < 3 and na != nb:  # quoted whole inside the other
        if not _rare(a if len(na) == short else b):
            return False
    return (
        longest >= max(3, 0.4 * short)
        and matched >= 0.6 * short
        and kept >= max(1, min(2, content), 0.5 * content)
    )


def _rare(f: _Found) -> bool:
    """Does a quote hold a content word English seldom uses (`RARE`)? A word the table of English
    lacks is one (a name, a number); a lone letter is not."""
    return any(t.content and len(t.norm) > 1 and english_share(t.norm) < RARE for t in f.tokens)


def _contains(outer: Sequence[str], inner: Sequence[str]) -> int:
    """Where `inner` occurs in `outer` as a contiguous run of words, or -1."""
    n = len(inner)
    for i in range(len(outer) - n + 1):
        if tuple(outer[i:i + n]) == tuple(inner):
            return i
    return -1


def _surface(f: _Found, a: int, b: int) -> str:
    """The text of words a..b-1 of a quote, as written."""
    if a >= b:
        return ""
    return f.text[f.tokens[a].start:f.tokens[b - 1].end]


def _compare(version: _Found, reference: _Found) -> tuple[Status, tuple[Edit, ...]]:
    v, r = version.norms, reference.norms
    if v == r:
        return "exact", ()
    if _contains(r, v) >= 0:
        return "partial", ()
    at = _contains(v, r)
    if at >= 0:
        edits = []
        if at:
            edits.append(Edit("", _surface(version, 0, at)))
        if at + len(r) < len(v):
            edits.append(Edit("", _surface(version, at + len(r), len(v))))
        return "longer", tuple(edits)
    merged: list[list[int]] = []  # adjacent delete+insert is one replacement
    for op in Indel.opcodes(r, v):
        if op.tag == "equal":
            continue
        if merged and merged[-1][1] == op.src_start and merged[-1][3] == op.dest_start:
            merged[-1][1], merged[-1][3] = op.src_end, op.dest_end
        else:
            merged.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    # Words of the reference before the version starts or after it ends were not quoted, not changed.
    while merged and merged[0][0] == 0 and merged[0][2] == merged[0][3]:
        merged.pop(0)
    while merged and merged[-1][1] == len(r) and merged[-1][2] == merged[-1][3]:
        merged.pop()
    # Words typed another way are the same words ("She ’ s" / "She's", "cyber-criminals" /
    # "cyber criminals", "fibre" / "fiber"): no edit of the quote (try25).
    merged = [m for m in merged if _spelled(r[m[0]:m[1]]) != _spelled(v[m[2]:m[3]])]
    if not merged:
        return "exact", ()
    edits = tuple(Edit(_surface(reference, a, b), _surface(version, c, d)) for a, b, c, d in merged)
    return "altered", edits


# British spellings as American ones write them, by their endings (the longer words only: "four"
# is no "for", "more" no "mroe"): "colour", "fibre", "organise", "analyse", "defence", "travelled".
SPELLINGS = ((re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"), (re.compile(r"(?<=\w{2}[^aeiou])re(s?)$"), r"er\1"),
             (re.compile(r"(?<=\w{3})is(e[sd]?|ing|ation)$"), r"iz\1"), (re.compile(r"(?<=\w{2})ys(e[sd]?|ing)$"), r"yz\1"),
             (re.compile(r"(?<=\w{3})ence$"), "ense"), (re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er)$"), r"l\1"),
             (re.compile(r"(?<=\w{4})mme$"), "m"))


def _spelled(norms: Sequence[str]) -> str:
    """Words however they were typed: parted where an apostrophe or a hyphen parts them ("don't"
    is "don t" as "don ’ t" is typed; "cyber-criminals" is "cyber criminals"), a lone "s" (a
    possessive or "is" typed apart from its word, where "she's" drops it) left out, British
    spellings as American. Words stay words: "we're" is no "were", "may be" no "maybe"."""
    out = []
    for norm in norms:
        for word in re.split(r"['’-]+", norm):
            if not word or word == "s":
                continue
            for pattern, american in SPELLINGS:
                word = pattern.sub(american, word)
            out.append(word)
    return " ".join(out)


def _find(story: Story) -> list[_Found]:
    found = []
    lower: dict[str, bool] = {}  # speakers' words the story writes in lower case (`credited`)
    for article in story.articles:
        carried: str | None = None  # a quotation the paragraph before left open
        for p in article.paragraphs:
            if p.kind not in ("body", "headline"):
                carried = None
                continue
            marks, carried = _scan(p.text, carried)
            if not marks:
                continue
            told = sentences(p.text)  # tokenised (and cached) already: a quote takes its share
            bounds = [s.start for s in told]
            for start, end in marks:
                first = max(bisect_right(bounds, start) - 1, 0)
                last = bisect_left(bounds, end)
                every = told[first].tokens if last - first == 1 else tuple(t for s in told[first:last] for t in s.tokens)
                starts = [t.start for t in every]
                lo, hi = bisect_left(starts, start), bisect_left(starts, end)
                tokens = every[lo:hi]
                if lo and every[lo - 1].end > start or tokens and tokens[-1].end > end:
                    tokens = words(p.text, start, end)  # a word cut by the quote's edge
                if tokens:
                    said = credited(story, p.text, start, end, [(s.start, s.end) for s in told], lower)
                    # A lone letter is no content word: "there ’ s a lot of" (a contraction typed apart)
                    # had tied "a lot of anger" to "a lot of crime" as one passage (try21).
                    counts = tuple(accumulate((t.content and len(t.norm) > 1 for t in tokens), initial=0))
                    found.append(_Found(article.id, p.index, p.text, start, end, tokens, tuple(t.norm for t in tokens),
                                        counts, said))
    return found


def find_quotes(story: Story, min_words: int = 2) -> tuple[Quote, ...]:
    """Every quoted passage of at least `min_words` words (or one word several sources quote).

    Passages several sources carry come first, then in story order.
    """
    found = _find(story)
    parent = list(range(len(found)))
    pairs, triples, shared, generic = _runs_of(found)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in _candidates(found, pairs, triples, shared, generic):
        if root(i) != root(j) and _same_passage(found[i], found[j], generic):
            parent[root(j)] = root(i)
    chained: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        chained[root(i)].append(i)
    clusters = [part for members in chained.values() for part in _split(found, members, generic)]
    rank = {a.id: n for n, a in enumerate(story.articles)}
    quotes = []
    for members in clusters:
        if len(members) == 1:  # one version: its own reference, word for word (most quotes)
            f = found[members[0]]
            if len(f.tokens) >= min_words:
                ref = Version(f.source, f.paragraph, f.start, f.end, f.text[f.start:f.end], "exact", speaker=f.speaker)
                quotes.append((ref, (ref,)))
            continue
        items = [found[i] for i in members]
        sources = {f.source for f in items}
        if max(len(f.tokens) for f in items) < min_words and len(sources) < 2:
            continue
        reference = _reference(items, rank)
        versions = []
        for f in sorted(_best_of_each(items, reference), key=lambda f: (rank[f.source], f.paragraph, f.start)):
            status, edits = _compare(f, reference)
            versions.append(Version(f.source, f.paragraph, f.start, f.end, f.text[f.start:f.end], status, edits, f.speaker))
        ref = next(v for v in versions if (v.source, v.paragraph, v.start) == (reference.source, reference.paragraph, reference.start))
        quotes.append((ref, tuple(versions)))
    quotes.sort(key=lambda q: (-len({v.source for v in q[1]}), rank[q[0].source], q[0].paragraph, q[0].start))
    return tuple(Quote(n, ref.text, ref, versions) for n, (ref, versions) in enumerate(quotes, 1))


def _best_of_each(items: list[_Found], reference: _Found) -> list[_Found]:
    """Each source's version closest to the reference: one row per source, as many as the
    sources counted (27_ecb listed a source twice, once for "emergency response" scare-quoted
    beside the whole sentence, try28). The same words first, then the most of them in order."""
    best: dict[str, _Found] = {}
    for f in items:
        known = best.get(f.source)
        if known is None or _closeness(f, reference) > _closeness(known, reference):
            best[f.source] = f
    return list(best.values())


def _closeness(f: _Found, reference: _Found) -> tuple[bool, bool, int, int, int]:
    return (f is reference, f.norms == reference.norms, _runs(f.norms, reference.norms)[0], -f.paragraph, -f.start)


def _runs_of(
    found: Sequence[_Found], common: int = 8,
) -> tuple[list[set[tuple[str, ...]]], list[set[tuple[str, ...]]], dict[tuple[str, ...], int], frozenset[tuple[str, ...]]]:
    """Each quote's runs of two and of three words; how many quotes hold each run held by more
    than one; and the generic ones, held by more than `common` quotes: short phrases many quotes
    contain are common speech, not one passage."""
    pairs = [set(zip(f.norms, f.norms[1:])) for f in found]
    triples = [set(zip(f.norms, f.norms[1:], f.norms[2:])) for f in found]
    within: Counter[tuple[str, ...]] = Counter()
    for grams in pairs:
        within.update(grams)
    for grams in triples:
        within.update(grams)
    shared = {g: n for g, n in within.items() if n > 1}
    return pairs, triples, shared, frozenset(g for g, n in shared.items() if n > common)


def _candidates(
    found: Sequence[_Found], pairs: Sequence[set[tuple[str, ...]]], triples: Sequence[set[tuple[str, ...]]],
    shared: dict[tuple[str, ...], int], generic: frozenset[tuple[str, ...]],
) -> list[tuple[int, int]]:
    """The pairs of quotes that may be one passage, without comparing every two.

    Candidates share two words in a row (one passage needs that) that at most CROWDED quotes
    hold, or are the same one word. Of those, `_same_passage` only accepts quotes that share a
    run it counts (three words in a row, not a common phrase, or four) or where one is the whole
    of a short quote; only pairs sharing such a run are listed, so the work follows the matches.
    """
    crowded = {g for g in generic if len(g) == 2 and shared[g] > CROWDED}
    wanted_triples = {g for g in shared if len(g) == 3 and g not in generic}
    rare = [grams - crowded for grams in pairs]
    # The runs that list candidates: an uncommon three-word run; four words in a row whose two
    # three-word runs are both common (the others are listed by those); a whole short quote.
    shorts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    quads: dict[tuple[str, ...], list[int]] = defaultdict(list)
    singles: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        norms = f.norms
        if len(norms) == 1:
            singles[norms[0]].append(i)
        elif len(norms) <= 3:
            shorts[norms].append(i)
        elif len(triples[i] & generic) >= 2:
            for k in range(len(norms) - 3):
                if norms[k:k + 3] in generic and norms[k + 1:k + 4] in generic:
                    quads[norms[k:k + 4]].append(i)
    wanted_pairs = {g for g in shorts if len(g) == 2 and g not in generic}
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(found)):
        for g in triples[i] & wanted_triples:
            holders[g].append(i)
        for g in pairs[i] & wanted_pairs:
            holders[g].append(i)
    index: dict[tuple[str, ...], list[int]] = {}

    def among(members: list[int]) -> Iterable[tuple[int, int]]:
        if len(members) <= CROWDED:
            return combinations(members, 2)
        # Crowded: only pairs that also share a rarer word pair (found through its holders).
        if not index:
            for x, grams in enumerate(rare):
                for g in grams:
                    index.setdefault(g, []).append(x)
        inside = set(members)
        return {(min(i, j), max(i, j)) for i in members for g in rare[i] for j in index[g] if j != i and j in inside}

    out: set[tuple[int, int]] = set()
    for members in singles.values():
        if len(members) <= CROWDED:
            out.update(combinations(members, 2))
    for gram, members in holders.items():
        if len(gram) == 3:
            out.update(among(members))
    for members in quads.values():
        out.update(among(sorted(set(members))))
    for norms, members in shorts.items():
        # A short quote is one passage with quotes that contain it whole (or equal it, if common).
        inside = members if norms in generic else holders[norms]
        if len(inside) > 1:
            out.update(among(inside))
    return [(i, j) for i, j in sorted(out) if len(found[i].norms) == 1 or not rare[i].isdisjoint(rare[j])]


def _split(found: Sequence[_Found], members: list[int], generic: frozenset[tuple[str, ...]]) -> list[list[int]]:
    """Passages whose every quote matches one central quote.

    Matching chains: a short common phrase ("at this stage") can link quotes that share
    nothing else. The quote that matches most of the others keeps those it matches; the rest
    are split the same way.
    """
    if len(members) <= 2:
        return [members]
    matches = {i: {j for j in members if j != i and _same_passage(found[i], found[j], generic)} for i in members}
    left = list(members)
    out = []
    while left:
        pool = set(left)
        # A short quote contained in many ("I don't know") must not gather them all: the centre
        # is a quote of four words or more where there is one.
        candidates = [i for i in left if len(found[i].tokens) >= 4] or left
        centre = max(candidates, key=lambda i: (len(matches[i] & pool), len(found[i].tokens), -i))
        part = [i for i in left if i == centre or i in matches[centre]]
        out.append(part)
        left = [i for i in left if i not in part]
    return out


def _reference(items: list[_Found], rank: dict[str, int]) -> _Found:
    """The wording most sources carry word for word.

    The longest version that the versions of at least half the sources contain, unless that is
    only a fragment of what they quote (under 60% of the longest version: two sources quoting a
    sentence differently share only a few words of it); then the version closest to all the
    others (most words matched in order), earliest source first at a tie.
    """
    sources = {f.source for f in items}

    def support(candidate: _Found) -> int:
        return len({f.source for f in items if _contains(f.norms, candidate.norms) >= 0})

    order = sorted(items, key=lambda f: (-len(f.tokens), rank[f.source], f.paragraph, f.start))
    longest = len(order[0].tokens)
    for f in order:
        if 2 * support(f) >= len(sources):
            if len(f.tokens) >= 0.6 * longest:
                return f
            break
    return max(order, key=lambda f: (sum(_runs(f.norms, g.norms)[0] for g in items if g is not f),
                                     -rank[f.source], -f.paragraph, -f.start))
