"""Sentences and words, each with character offsets into the paragraph it came from.

Matching compares normalised *stems*; highlighting uses the offsets, so the two never drift.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told tell according however meanwhile since amid
    including among across per via would could may might must shall one two also us""".split()
)

# Function words of German, French, Spanish, Italian and Portuguese that are no English word,
# as `normalize` folds them: written in lower case they carry nothing (a report in German shares
# "der", "und" and "nach" with every other). Capitalised, they may open a name ("Los Angeles",
# "Le Monde", "Der Spiegel"), so they count as written there. English words spelt alike ("die",
# "war", "son", "la", "pour", "par", "con") are left out.
FOREIGN_STOPWORDS = frozenset(
    """der den dem des und ist nicht mit sich auf fur von zum zur ein eine einer einen einem eines
    wir ich auch nach bei aus wird wurde wurden sind haben noch nur oder aber wie als vom uber
    durch gegen ohne seit dass sei diese dieser dieses sowie bereits sagte laut rund wegen ihre
    ihr ihren ihrem seine seiner seinen seinem unter le les du et une dans sur au aux cette ces
    qui il elle ils elles ont ete sont avec mais ou ne ses leur leurs lors selon apres avant
    depuis entre contre sans sous chez vers aussi avait etait el los las del y que por para una
    al su sus como mas pero fue han este esta estos estas segun tras desde sobre hasta durante
    muy tambien di che della delle degli dei nel nella nei per sono anche alla alle dalla dopo
    das no uma pelo pela nao""".split()
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr prof gen gov sen rep lt col sgt capt cmdr adm maj pres supt det
    insp atty dist asst cpl pvt pfc spc brig cdr ofc const cst rev hon messrs mme mlle
    inc ltd corp bros vs etc jan feb mar apr jun jul aug sep sept oct
    nov dec mt ft ave blvd approx dept univ u.s u.k u.n e.g i.e a.m p.m d.c""".split()
)
# What an abbreviation stands for, written out: the same word, as another outlet writes it
# ("117th St." / "117th Street"). Titles of address (Mr, Mrs) are never written out.
SPELLED_OUT: dict[str, tuple[str, ...]] = {
    "st": ("street", "saint"), "ave": ("avenue",), "blvd": ("boulevard",), "rd": ("road",),
    "mt": ("mount", "mountain"), "ft": ("fort", "feet", "foot"), "dr": ("doctor", "drive"),
    "jr": ("junior",), "sr": ("senior",), "prof": ("professor",), "gen": ("general",),
    "gov": ("governor",), "sen": ("senator",), "rep": ("representative",), "lt": ("lieutenant",),
    "col": ("colonel",), "sgt": ("sergeant",), "capt": ("captain",), "cmdr": ("commander",),
    "cdr": ("commander",), "adm": ("admiral",), "maj": ("major",), "pres": ("president",),
    "supt": ("superintendent",), "det": ("detective",), "insp": ("inspector",), "atty": ("attorney",),
    "dist": ("district",), "asst": ("assistant",), "cpl": ("corporal",), "pvt": ("private",),
    "brig": ("brigadier",), "rev": ("reverend",), "hon": ("honourable", "honorable"),
    "inc": ("incorporated",), "ltd": ("limited",), "corp": ("corporation",), "bros": ("brothers",),
    "jan": ("january",), "feb": ("february",), "mar": ("march",), "apr": ("april",), "jun": ("june",),
    "jul": ("july",), "aug": ("august",), "sep": ("september",), "sept": ("september",),
    "oct": ("october",), "nov": ("november",), "dec": ("december",), "approx": ("approximately",),
    "dept": ("department",), "univ": ("university",),
}
# These are abbreviations only before a number ("No. 5", "Vol. 2"); elsewhere they are words.
NUMBER_ABBREVIATIONS = frozenset("no nos vol fig pp".split())

# \w does not cover combining marks (Devanagari vowel signs, Latin letters with no
# precomposed form), so they and the joiners are allowed inside a word explicitly.
_MARKS = r"\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f"
_W = rf"(?:\w|[{_MARKS}])"
# A number in groups of three ("12 000", "1 200 000", with a space or a no-break space) is one
# word: else a mark could take "000 000" of "12 000 000 Euro" and leave the 12.
GROUPED_NUMBER = r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d)"
_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f")
_NUMBER = rf"[$£€¥]?{GROUPED_NUMBER}%?|[$£€¥]?\d[\d,.]*\d%?|[$£€¥]?\d%?"
# The lookahead passes over spaces and punctuation at once (a third faster on news text): a
# word can only start with one of these.
WORD_RE = re.compile(rf"(?=[\w$£€¥#@{_MARKS}])(?:{_NUMBER}|[#@]?{_W}+(?:['’\-.]{_W}+)*)")
# Han ideographs and kana are written with no space between words, so in text that has them
# each is a word of its own (character unigrams: the plain baseline of Chinese and Japanese
# retrieval); else a whole clause would be one "word" and two reports of one event share none.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
_CJK_W = rf"(?:[^\W{CJK}]|[{_MARKS}])"
CJK_WORD_RE = re.compile(rf"{_NUMBER}|[{CJK}]|[#@]?{_CJK_W}+(?:['’\-.]{_CJK_W}+)*")
# A sentence ends at .!? (or an ellipsis), any closing quotes/brackets, then space and a
# capital, digit or opening quote (`` too: how text rebuilt from tokens writes “).
_BOUNDARY = r"(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[^\W\d_a-z]|\s+[\"“‘$\d#]|\s+``)"
BOUNDARY_RE = re.compile(_BOUNDARY)
# ... or at a full-width 。！？ and its closing marks, which Chinese and Japanese follow with no space.
FULL_STOPS = "。！？"
FULL_WIDTH_BOUNDARY_RE = re.compile(rf"{_BOUNDARY}|[{FULL_STOPS}]+[」』”’）]*(?=\s*\S)")


def has_cjk(text: str) -> bool:
    """Does `text` hold Han or kana? Searched only when it is not ASCII, so English pays nothing."""
    return not text.isascii() and CJK_RE.search(text) is not None


def word_re(text: str) -> re.Pattern[str]:
    """The word pattern for `text`: the plain one unless it holds Han or kana."""
    return CJK_WORD_RE if has_cjk(text) else WORD_RE


def word_count(text: str) -> int:
    """How many words a reader would say `text` has: its space-separated words, each Han or
    kana character counted as one (Chinese and Japanese put no space between words)."""
    if not has_cjk(text):
        return len(text.split())
    return len(CJK_RE.findall(text)) + len(CJK_RE.sub(" ", text).split())


class Token(NamedTuple):
    """A word as written (`start:end` in the text) and its matching form.

    A NamedTuple, not a dataclass: a large story makes millions of them.
    """

    start: int
    end: int
    norm: str
    stem: str
    content: bool
    number: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def stems(self) -> frozenset[str]:
        """Content stems: what the matcher compares."""
        return frozenset(t.stem for t in self.tokens if t.content)


# The kana voicing marks are not accents: they make て "te" into で "de", another word.
KANA_VOICING = "\u3099\u309a"


def fold(text: str) -> str:
    """Casefold and strip accents, so 'Café' and 'cafe\u0301' compare equal."""
    if text.isascii():  # nearly every word: nothing to decompose, casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) or c in KANA_VOICING).casefold()


# English contractions of function words ("I've", "don't", "they're") tell no more than the
# words they shorten; as content words they tied unrelated interviews together as a "story".
_CONTRACTED = frozenset("m ve ll d re t".split())
# French and Italian elided articles and pronouns: "l'incendie" is "incendie", "dell'incendio" "incendio".
ELIDED = ("l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "lorsqu'", "puisqu'", "jusqu'",
          "dell'", "dall'", "nell'", "sull'", "all'", "un'")


def is_function_word(norm: str) -> bool:
    """A stopword, or a contraction of one ("i've", "don't", "they're")."""
    if norm in STOPWORDS:
        return True
    head, mark, tail = norm.partition("'")
    return bool(mark) and tail in _CONTRACTED and (head in STOPWORDS or (tail == "t" and head.endswith("n")))


def ungrouped(number: str) -> str:
    """A number without the commas and spaces that group its thousands: "12 000" is "12000"."""
    return number.translate(_SEPARATORS)


def elide(word: str) -> str:
    """A folded word without a French or Italian elided article or pronoun before it."""
    if "'" in word[1:8] and word.startswith(ELIDED):
        rest = word[word.index("'") + 1:]
        if len(rest) > 1 and rest[0].isalpha():
            return rest
    return word


@lru_cache(maxsize=200_000)
def normalize(word: str) -> str:
    """The matching form of a word: folded, straight apostrophes, no possessive or elided
    article, no commas in numbers."""
    w = fold(word).replace("’", "'")
    # Zero-width joiners and the like are invisible to a reader; they must be to the matcher too.
    if not w.isascii():  # (no ASCII character is one)
        w = "".join(c for c in w if unicodedata.category(c) != "Cf")
    if w.endswith("'s"):
        w = w[:-2]
    w = elide(w.rstrip("'"))
    if w[:1].isdigit() or w[:1] in "$£€¥":
        return ungrouped(w)
    if "." in w and len(w) <= 6:
        w = w.replace(".", "")
    return w


@lru_cache(maxsize=200_000)
def stem(norm: str) -> str:
    """A light stem: enough to meet 'recruits'/'recruiting'/'recruitment', cheap and predictable."""
    if not norm.isalpha() or len(norm) <= 4:
        return norm
    for suffix in ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 4:
            if suffix == "s" and norm.endswith("ss"):
                break
            norm = norm[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return norm[:7]


TIME_STEMS = frozenset(stem(w) for w in """year years ago day days week weeks month months decade decades
    century today yesterday tomorrow tonight hour hours minute minutes time times last earlier later
    recent recently morning afternoon night weekend monday tuesday wednesday thursday friday
    saturday sunday january february april may june july august september october november
    december""".split())
"""When something happened, as the stems of its words: what two paragraphs share when they
share only a time ("12 years ago", "a couple of years ago"), which says nothing of what. Not
"evening" (its stem is "even") nor "March" (the verb's)."""


def is_number(norm: str) -> bool:
    return bool(norm) and (norm[0].isdigit() or (norm[0] in "$£€¥" and len(norm) > 1))


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: n for n, w in enumerate([*_UNITS, *_TEENS])} | {w: 10 * n for n, w in enumerate(_TENS, 2)}
"""The numbers a word names, "zero" to "ninety" (the figures finder reads them too)."""
# Figures written as words. "one" is left out: far more often a pronoun ("one of the") than a count.
NUMBER_WORDS = frozenset({w for w, n in WORD_VALUES.items() if n >= 2} | {"hundred", "dozen"})
# A count written out stems as its digits, so "Forty passengers" meets "40 passengers".
NUMBER_STEMS = {w: str(n) for w, n in WORD_VALUES.items() if w in NUMBER_WORDS} | {
    f"{t}-{u}": str(10 * n + k) for n, t in enumerate(_TENS, 2) for k, u in enumerate(_UNITS[1:], 1)}


def is_number_word(norm: str) -> bool:
    """A count written out ("five", "twenty-five"): a figure to a reader, as "5" is."""
    return norm in NUMBER_WORDS or ("-" in norm and all(part in NUMBER_WORDS for part in norm.split("-")))


def is_name(text: str, token: Token) -> bool:
    """A capitalised word that is no function word nor a number ("Tisch", "DHS", "Homeland")."""
    return token.content and not token.number and text[token.start].isupper()


def is_figure(token: Token) -> bool:
    return token.number or is_number_word(token.norm)  # "5" and "five" alike


@lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[str, str, bool, bool] | None:
    """norm, stem, content?, number? of a word as written: one cached lookup per token."""
    norm = normalize(word)
    if not norm:
        return None
    content = not is_function_word(norm) and not (word[:1].islower() and norm in FOREIGN_STOPWORDS)
    return norm, NUMBER_STEMS.get(norm) or stem(norm), content, is_number(norm)


def words(text: str, start: int = 0, end: int | None = None, pattern: re.Pattern[str] | None = None
          ) -> tuple[Token, ...]:
    """Every word of `text[start:end]` with offsets into `text` (`pattern`: `word_re(text)`, when
    the caller knows it already)."""
    make = tuple.__new__  # Token(...) through NamedTuple's own __new__ costs twice as much
    found = list((pattern or word_re(text)).finditer(text, start, len(text) if end is None else end))
    forms = list(map(_forms, [m.group() for m in found]))
    if None in forms:
        return tuple([make(Token, m.span() + f) for m, f in zip(found, forms) if f is not None])
    return tuple([make(Token, m.span() + f) for m, f in zip(found, forms)])


def forms(text: str) -> list[tuple[str, str, bool, bool]]:
    """norm, stem, content? and number? of every word of `text`, in order, without offsets.

    The words `sentences` finds (no word takes in the space between two sentences), at a
    fraction of its cost: for a caller that only counts words, such as the loader's boilerplate
    rules, which see every paragraph of a folder while most are aligned later, if at all.
    """
    return [f for f in map(_forms, word_re(text).findall(text)) if f is not None]


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` part of 'U.S.', 'Mr.' or an initial rather than a sentence end?
    Or of a decimal spaced out as text rebuilt from tokens writes it ("a magnitude 5. 9 quake")?"""
    if text[dot] != ".":
        return False
    if text[dot + 1:dot + 2] == " " and text[dot + 2:dot + 3].isdigit():
        j = dot
        while j > 0 and text[j - 1].isdigit():
            j -= 1
        # "5. 9", "$100. 5"; never a year ("in 2005. 9 people") nor a score ("was 5-4. 12 members")
        if 1 <= dot - j <= 3 and (j == 0 or text[j - 1] in " ($£€"):
            return True
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].casefold()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return bool(re.match(r"\.\s*\d", text[dot:dot + 4]))
    return len(word) == 1 and text[j].isupper()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a paragraph, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    full_width = not text.isascii() and any(mark in text for mark in FULL_STOPS)
    for m in (FULL_WIDTH_BOUNDARY_RE if full_width else BOUNDARY_RE).finditer(text):
        if _ends_with_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


@lru_cache(maxsize=32_768)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their words; cached, since boilerplate checks and alignment both ask."""
    pattern = word_re(text)  # once for the paragraph, not once a sentence
    return tuple(Sentence(s, e, words(text, s, e, pattern)) for s, e in sentence_spans(text))


@dataclass(frozen=True)
class Words:
    """A paragraph's words end to end (its sentences in turn), in the columns the marks and the
    findings read: each stage once rebuilt these lists from the tokens of the same paragraph."""

    tokens: tuple[Token, ...]
    sentence: tuple[int, ...]  # the sentence each word is in
    starts: tuple[int, ...]
    norms: tuple[str, ...]
    stems: tuple[str, ...]
    content: tuple[bool, ...]
    number: tuple[bool, ...]
    capital: tuple[bool, ...]  # `is_name` of each word
    figure: tuple[bool, ...]  # `is_figure` of each word
    told: tuple[tuple[str, ...], ...]  # each sentence's norms


@lru_cache(maxsize=32_768)
def paragraph_words(text: str) -> Words:
    """`Words` of a paragraph, from its (cached) `sentences`; cached too, since the marks and the
    findings of its story each ask."""
    return words_of(text, sentences(text))


def words_of(text: str, told: tuple[Sentence, ...]) -> Words:
    """`Words` of these sentences of `text` (`paragraph_words`, where they are not its own)."""
    tokens = tuple([t for sent in told for t in sent.tokens])
    starts, _, norms, stems, content, number = zip(*tokens) if tokens else ((),) * 6
    return Words(tokens, tuple([k for k, sent in enumerate(told) for _ in sent.tokens]), starts, norms, stems,
                 content, number, tuple([is_name(text, t) for t in tokens]), tuple([is_figure(t) for t in tokens]),
                 tuple([tuple([t.norm for t in sent.tokens]) for sent in told]))
