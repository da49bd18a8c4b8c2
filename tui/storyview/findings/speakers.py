"""Who a quotation is put in the mouth of, read from the words around it.

A fact-checker comparing sources wants each quote's speaker: two outlets can carry the same words
and give them to different people. News English attributes a quote in a few set shapes, in the
same sentence as the quotation:

- after it: `"…," said Police Chief Ann Ruiz.` / `"…," Ruiz said.` / `"…," the mayor told reporters.`
- before it: `Ruiz said: "…"` / `Ruiz told the BBC that "…"` / `According to Ruiz, "…"`

A speaker is a name (a run of capitalised words, titles and all), a description ("a police
spokesman", "the mayor") or a pronoun. Whom a pronoun stands for is left open: taking the last
speaker the article named made three disputes on ECB+ 16–30, each from a wrong guess (18_ecb's
"he said" is Pigeon, not the Pinder quoted before him). Nothing found is "": many quotes are not
attributed in their sentence, and a guess would be worse than a blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyview.engine.segment import sentence_spans
from storyview.engine.stories import CALENDAR
from storyview.model import Story

# The verbs news copy introduces speech with, in the forms it uses them.
VERBS = (
    "said says say told tells added adds asked asks wrote writes explained explains stated states "
    "declared declares insisted insists warned warns noted notes argued argues replied replies "
    "recalled recalls continued continues tweeted tweets posted announced announces admitted admits "
    "claimed claims acknowledged acknowledges remarked commented comments conceded concedes "
    "confirmed confirms cautioned urged urges concluded quipped joked testified responded observed "
    "shouted yelled whispered cried pleaded stressed stresses emphasised emphasized predicted "
    "agreed agrees suggested suggests complained complains"
).split()
_VERB = "(?:" + "|".join(VERBS) + ")"
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# A name: capitalised words (initials, "Mc", hyphens and apostrophes inside), joined by a few
# lower-case particles ("Department of Justice", "Ursula von der Leyen").
_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:of|the|for|de|del|da|van|von|der|al|bin|la|le)\s+)*{_WORD}){{0,6}}"
# A description: a noun phrase of up to five words opening with an article or a possessive
# ("a police spokesman", "the company's chief executive", "his lawyer"), with no word in it
# that would carry the sentence on ("the scene on Tuesday said" is no speaker) or open another
# clause ("…," though Judge Bodiford said: the judge is the next clause's, not the quote's).
_FREE = (r"(?!(?:on|in|at|to|from|with|by|after|before|during|when|while|that|and|but|who|which|though|although|"
         r"because|since|whereas|yet|so|if|unless|as|where|even|until|once)(?![\w'’-]))[\w'’-]+")
_DESCRIBED = rf"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne)\s+{_FREE}(?:\s+{_FREE}){{0,4}}?"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_DESCRIBED}|{_PRONOUN})"

# A name may follow the words for what the speaker is ("said resident John Smith", "Saints
# owner Tom Benson said").
_ROLE_NAME = rf"(?P<speaker>(?:{_FREE}\s+){{0,3}}?{_NAME}|{_DESCRIBED}|{_PRONOUN})"
# After the closing mark: `," said X`, `," X said`, `, according to X`; and a name set after
# what the speaker is (`," said his lawyer, Ben Brafman.`, `," said Mr. Gigante's lawyer, Ben Brafman`,
# `," said Microsoft spokesman Bill Sisk`).
_AFTER = [
    re.compile(rf"^{_VERB}\s+(?:{_DESCRIBED}|{_NAME}['’]s(?:\s+[\w'’-]+){{1,3}}),\s+(?P<speaker>{_NAME})(?=\s*(?:[,.;:!?(—–]|$))"),
    re.compile(rf"^{_VERB}\s+(?:[a-z][\w'’-]*\s+){{0,3}}?{_SPEAKER}(?=\s*(?:[,.;:!?(—–]|$)|\s+(?:\d|(?:on|in|at|to|of|from|who|after|before|during|when|while|as)\b))"),
    re.compile(rf"^{_VERB}\s+{_NAME}\s+(?:(?=[a-z]){_FREE}\s+){{1,3}}?(?P<speaker>{_NAME})(?=\s*(?:[,.;:!?(—–]|$))"),
    re.compile(rf"^{_ROLE_NAME}(?:,[^,]{{1,60}},)?\s+(?:also\s+|later\s+|then\s+)?{_VERB}\b"),
    re.compile(rf"^according\s+to\s+{_SPEAKER}(?=\s*(?:[,.;:!?(—–]|$))"),
]
# What a speaker is, set between commas after the name ("Rajesh Chharia, president of the
# Internet Service Providers' Association of India, said: "), not a clause about somewhere or
# something else ("Officials in Ohio, where Jones lives, said": Ohio is no speaker).
_APPOSITION = (r"(?:,\s*(?!(?:where|which|when|while|though|although|as|if|because|since|after|before)\b)"
               r"(?P<apposition>[^,\"“”«»]{1,80}),)?")
# Before the opening mark: `X said: "`, `X told reporters that "`, `X, what X is, said: "`;
# `According to X, "`.
_BEFORE = re.compile(rf"(?:^|[\s,;(—–-]){_SPEAKER}{_APPOSITION}\s+(?:also\s+|later\s+|then\s+)?{_VERB}"
                     rf"(?:\s+[\w'’-]+){{0,3}}?\s*[:,]?\s*(?:that\s*)?$")
_ACCORDING = re.compile(rf"(?:^|[\s,;(—–-])[Aa]ccording\s+to\s+{_SPEAKER}\s*,\s*$")
# What stands between a quotation's last word and its attribution: punctuation, closing marks.
_CLOSING = " \t\n,.!?;:—–-”\"»’'」』`"  # (`` closes a quote in ECB+ copy)
# How far around a quotation the attribution is looked for.
REACH = 160
_ARTICLES = frozenset("a an the his her their its one".split())
# Titles written short, with a full stop that is no sentence's end ("Juror No. 8" too).
_TITLES = frozenset("mr mrs ms dr sen rep gov gen lt col sgt capt prof rev st const det insp supt cmdr no".split())
_PREPOSITIONS = frozenset("on in at to from with by of for after before during since until about over under".split())
# Words that open a sentence in capitals but are no speaker ("But Ruiz said" is Ruiz).
_OPENERS = frozenset("but and so yet then now still also later earlier meanwhile however today "
                     "yesterday on in at when while after before as".split())


def credited(story: Story, text: str, start: int, end: int, bounds: Sequence[tuple[int, int]] | None = None,
             lower: dict[str, bool] | None = None) -> str:
    """Whom a paragraph of `story` gives the quotation `text[start:end]` to (`attribution`), as a
    finding names a speaker: "" for a pronoun (whom the article last named is a guess, often
    wrong), and a one-word speaker the story also writes in lower case ("Police said") as that
    word, a description rather than a name. `lower`: what was found of such words in this story
    already, for a caller that asks of all its quotes."""
    said = attribution(text, start, end, bounds)
    if is_pronoun(said):
        return ""
    if " " not in said and said[:1].isupper() and _written_lower(story, said.lower(), {} if lower is None else lower):
        return said.lower()
    return said


def _written_lower(story: Story, word: str, seen: dict[str, bool]) -> bool:
    """Does the story write `word` (lower case) as a word somewhere? Looked up once a word in
    `seen`: going through every paragraph for each quote made a story of two 3 MB sources
    spend minutes here (try23). Its prose only: a page's address writes every name in lower case
    ("…/yvonne-hiller-charged.html" made Hiller "hiller", try25)."""
    if word not in seen:
        whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        seen[word] = any(word in p.text and whole.search(p.text) for a in story.articles for p in a.body)
    return seen[word]


def attribution(text: str, start: int, end: int, bounds: Sequence[tuple[int, int]] | None = None) -> str:
    """The speaker a paragraph gives the quotation `text[start:end]` (its inside, marks
    excluded), as written; "" if its sentence names none. `bounds`: the paragraph's sentences
    (`segment.sentence_spans`), where the caller has them already."""
    if bounds is None:
        bounds = sentence_spans(text)
    after = _sentence_after(text, end, bounds)
    for pattern in _AFTER:
        m = pattern.match(after)
        if m and _plausible(m.group("speaker")):
            return _tidy(m.group("speaker"))
    before = _sentence_before(text, start, bounds)
    m = _BEFORE.search(before)
    if m and _plausible(m.group("speaker")) and not _governed(before[:m.start("speaker")]):
        named = (m.group("apposition") or "").strip()
        if m.group("speaker").split()[0].lower() in _ARTICLES and re.fullmatch(_NAME, named) and _plausible(named):
            return _tidy(named)  # "Her spokesman, Bill McAllister, said:" is Bill McAllister
        return _tidy(m.group("speaker"))
    m = _ACCORDING.search(before)
    return _tidy(m.group("speaker")) if m and _plausible(m.group("speaker")) else ""


def _governed(head: str) -> bool:
    """Does a preposition stand right before the words taken for a speaker ("at the scene on
    Tuesday said": Tuesday said nothing)?"""
    last = head.split()[-1].lower() if head.split() else ""
    return last in _PREPOSITIONS


def _sentence_after(text: str, end: int, bounds: Sequence[tuple[int, int]]) -> str:
    """What follows the quotation's closing mark, up to the end of its sentence."""
    stop = next((e for s, e in bounds if s <= end < e), len(text))
    return text[end:min(stop, end + REACH)].lstrip(_CLOSING)


def _sentence_before(text: str, start: int, bounds: Sequence[tuple[int, int]]) -> str:
    """What precedes the quotation's opening mark, from the start of its sentence."""
    begin = next((s for s, e in bounds if s <= max(start - 1, 0) < e), 0)
    return re.sub(r"(?:“|\"|«|„|``|‘|「|『)\s*$", "", text[max(begin, start - REACH):start])


def _plausible(speaker: str) -> bool:
    """Not a sentence opener, a day or a month alone ("Meanwhile said" is nobody), nor a name
    cut at the full stop of a title or an initial ("said Ms. Davis's sister": "Ms"; "John S.
    Pritchard": "John S"): no name at all is better than half of one."""
    tidy = _tidy(speaker)
    last = tidy.split()[-1] if tidy else ""
    cut = (len(last) == 1 and last.isupper()) or last.lower() in _TITLES
    return bool(tidy) and tidy.lower() not in _OPENERS and tidy.lower() not in CALENDAR and not cut


def _tidy(speaker: str) -> str:
    """The speaker without a sentence opener stuck to it ("But Ruiz" → "Ruiz") or trailing dots."""
    words = speaker.split()
    while len(words) > 1 and words[0].lower() in _OPENERS:
        words = words[1:]
    return " ".join(words).rstrip(".,;:")


def is_pronoun(speaker: str) -> bool:
    return speaker.lower() in PRONOUNS


def is_named(speaker: str) -> bool:
    """A name ("Ann Ruiz", "council leader Tom Okafor"), not a description ("a spokesman for
    the Ministry") or a pronoun: it can tell two people apart."""
    words = speaker.split()
    return bool(words) and not is_pronoun(speaker) and words[0].lower() not in _ARTICLES and \
        any(w[0].isupper() for w in words)


def same_person(a: str, b: str) -> bool:
    """Could two named speakers be one person? "Ruiz", "Ann Ruiz" and "Police Chief Ann Ruiz"
    can; "Ruiz" and "Okafor" cannot. (Undecided, a description or a pronoun, is no conflict.)"""
    if not (is_named(a) and is_named(b)):
        return True
    last_a, last_b = _surname(a), _surname(b)
    words_a, words_b = {w.lower() for w in a.split()}, {w.lower() for w in b.split()}
    return last_a in words_b or last_b in words_a


def _surname(name: str) -> str:
    return name.split()[-1].lower().removesuffix("'s").removesuffix("’s")
