"""What only one source says: character spans no other source carries.

A sentence with no counterpart in any other source is unique whole. Inside a sentence others
also tell, a word is shared when a counterpart sentence of another source has it too, so a
name, number or quote only one outlet gives stands out and a reworded shared fact does not.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from storyview.engine.align import Alignment
from storyview.engine.candidates import Unit
from storyview.engine.segment import Token, is_number_word, stem, words
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


def _runs(text: str, tokens: Sequence[Token], unique: Sequence[bool], common: frozenset[int] = frozenset()) -> list[Span]:
    """Merge unique words into passages; stopwords join a passage but never make one.

    In a sentence that others also tell, a lone reworded common word ("launched" for
    "initiated") is not news: a passage there needs two content words, a name or a number
    (in digits or in words: "Five workers" where the others say three).
    Words of the story's common ground (positions in `common`: "New York" in a New York story)
    are like stopwords there: they may join a passage, never make or end one.
    """
    spans: list[Span] = []
    run: list[int] = []
    whole = all(u for u, t in zip(unique, tokens) if t.content)
    figure = [t.number or is_number_word(t.norm) for t in tokens]  # "5" and "five" alike
    weighty = [(t.content or figure[x]) and x not in common for x, t in enumerate(tokens)]

    def substantive(content: list[int]) -> bool:
        return whole or len(content) >= 2 or any(
            figure[x] or (x > 0 and text[tokens[x].start].isupper()) for x in content
        )

    def close() -> None:
        while run and not weighty[run[-1]]:
            run.pop()
        content = [x for x in run if weighty[x]]
        if content and substantive(content):
            spans.append((tokens[run[0]].start, tokens[run[-1]].end))
        run.clear()

    for x, t in enumerate(tokens):
        if unique[x]:
            if not run and not weighty[x]:
                continue
            run.append(x)
        elif not t.content and run:
            run.append(x)
        elif run:
            close()
    close()
    return spans


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


def find_unique(alignment: Alignment, settings: Settings, progress: Progress | None = None) -> dict[Member, Marks]:
    """Unique spans and per-word support for every body paragraph.

    With a single source there is nothing to compare against, so nothing is marked.
    """
    if len({u.member.source for u in alignment.units}) < 2:
        return {}
    index = {u.member: i for i, u in enumerate(alignment.units)}
    group_of = [0] * len(alignment.units)
    for g, group in enumerate(alignment.groups):
        for member in group.members:
            group_of[index[member]] = g
    keyed = [(u.member.source, [_phrase_keys(sent.tokens) for sent in u.sentences]) for u in alignment.units]
    units = alignment.units
    phrases, common = _phrase_index(units, keyed, alignment.idf)

    marks: dict[Member, Marks] = {}
    forms: dict[tuple[int, int], frozenset[str]] = {}
    for i, unit in enumerate(units):
        if progress and i % 200 == 0:
            progress("marking", i, len(units))
        marks[unit.member] = _marks(alignment, i, settings, group_of, keyed[i][1], phrases, common, forms)
    return marks


def _marks(alignment: Alignment, i: int, settings: Settings, group_of: Sequence[int], keyed: list[Keys],
           phrases: dict[object, set[str]], common: frozenset[object],
           forms: dict[tuple[int, int], frozenset[str]]) -> Marks:
    """The unique spans and support of unit i."""
    unit = alignment.units[i]
    own = unit.member.source
    unique_spans: list[Span] = []
    runs: list[list[int]] = []
    for k, sent in enumerate(unit.sentences):
        tokens = sent.tokens
        others = counterparts(alignment, i, k, settings, group_of, forms)
        by_phrase = _phrase_sources(keyed[k], phrases)
        counts = _counts(tokens, others, by_phrase, own)
        whole = max(counts, default=1) == 1  # nobody else tells this sentence: unique whole
        if whole:
            content = [t for t in tokens if t.content]
            if content:
                unique_spans.append((content[0].start, content[-1].end))
        else:
            ground = frozenset(x for x, t in enumerate(tokens) if t.stem in common).union(
                *(positions for key, positions in keyed[k] if key in common)) if common else frozenset()
            unique_spans.extend(_runs(unit.text, tokens, [c == 1 for c in counts], ground))
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
    support = tuple([make(Support, run) for run in runs])
    return Marks(tuple(unique_spans), support)


def word_diff(a: str, b: str) -> list[tuple[str, Span | None, Span | None]]:
    """Word-level diff of two texts: ("equal"|"delete"|"insert"|"replace", span in a, span in b)."""
    ta, tb = words(a), words(b)
    ops = []
    for op in Indel.opcodes([t.stem for t in ta], [t.stem for t in tb]):
        span_a = (ta[op.src_start].start, ta[op.src_end - 1].end) if op.src_end > op.src_start else None
        span_b = (tb[op.dest_start].start, tb[op.dest_end - 1].end) if op.dest_end > op.dest_start else None
        ops.append((op.tag, span_a, span_b))
    return ops
