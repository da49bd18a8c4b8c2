"""Clean text to an Article: paragraphs, their kinds, and the metadata the text states.

Nothing is invented: a title, date, byline or outlet is taken only where the text (or the
format, through `stated`) says it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storyview.engine.segment import sentence_spans, word_count
from storyview.inputs.boilerplate import FURNITURE, PRONOUNS, classify, is_address, is_cue, is_furniture, title_like
from storyview.model import Article, Kind, Paragraph

MAX_PARAGRAPH = 20_000
MAX_PARAGRAPHS = 5_000


# ---------------------------------------------------------------- paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Blocks between blank lines; a block of long lines is one paragraph per line.

    A hard-wrapped block (short lines that run on) is joined back into one paragraph.
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return [piece for p in out for piece in cap(re.sub(r"\s+", " ", p))]


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: lines that run on, all but the last nearly full.

    A header block of short lines (headline, "By ...", a date) is not wrapped prose: its lines
    differ too much in length.
    """
    if len(lines) < 2 or any(_header_line(ln) for ln in lines[1:]):
        return False
    width = max(len(ln) for ln in lines)
    if width > 100 or width < 30:
        return False
    body = lines[:-1]
    runs_on = sum(1 for ln in body if not re.search(r"[.!?:\"”’)。！？：」』）]$", ln) or len(ln) >= 0.75 * width)
    short = sum(1 for ln in body if len(ln) < 0.6 * width)
    return (
        runs_on >= 0.6 * len(body)
        and sum(len(ln) for ln in body) / len(body) >= 0.5 * width
        and short <= 0.1 * len(body)
    )


def cap(paragraph: str) -> list[str]:
    """Split a paragraph longer than MAX_PARAGRAPH at spaces: bounded work, nothing dropped."""
    pieces = []
    while len(paragraph) > MAX_PARAGRAPH:
        cut = paragraph.rfind(" ", MAX_PARAGRAPH // 2, MAX_PARAGRAPH)
        cut = cut if cut > 0 else MAX_PARAGRAPH
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    pieces.append(paragraph)
    return [p for p in pieces if p]


# A paragraph this long, of this many sentences, is text whose line breaks were lost (a page
# saved as one line, a corpus that joined its paragraphs): read whole, it would be one row that
# tells a dozen things and lines up with none of them. In news, paragraphs run 1-5 sentences; of
# the BBC corpus's 10,631 (which joins some), 419 reach both bounds; of the seeds' and ECB+'s,
# none. Lower bounds (150 words) would cut twice as many BBC paragraphs, for 5-10 % more CPU.
WALL_WORDS = 200
WALL_SENTENCES = 8
PART_WORDS = 70  # about a news paragraph: a wall is cut at the first sentence end past this


def split_walls(raw: Sequence[str], headings: Sequence[bool] = ()) -> tuple[list[str], list[bool]]:
    """`raw` with every wall of text cut at sentence ends into parts of about PART_WORDS words
    (a short tail joins the part before), and `headings` to match. Nothing is dropped."""
    paragraphs: list[str] = []
    marks: list[bool] = []
    for i, para in enumerate(raw):
        heading = i < len(headings) and headings[i]
        parts = [para] if heading else _parts(para)
        paragraphs.extend(parts)
        marks.extend([heading] * len(parts))
    return paragraphs, marks


def _parts(para: str) -> list[str]:
    if word_count(para) < WALL_WORDS:
        return [para]
    spans = sentence_spans(para)
    if len(spans) < WALL_SENTENCES:
        return [para]
    parts: list[tuple[int, int]] = []
    start, words = spans[0][0], 0
    for s, e in spans:
        words += word_count(para[s:e])
        if words >= PART_WORDS:
            parts.append((start, e))
            start, words = e, 0
    if start < spans[-1][1]:
        if words < PART_WORDS // 2 and parts:
            parts[-1] = (parts[-1][0], spans[-1][1])
        else:
            parts.append((start, spans[-1][1]))
    return [para[s:e].strip() for s, e in parts]


# ---------------------------------------------------------------- metadata

DATE_PREFIX_RE = re.compile(r"^\s*(?:date|published|updated|posted)[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?\s*", re.I)
# A date, or a timestamp ("2025-11-07T10:00:00Z", "2025-11-07T10:00+01:00"): the calendar date
# as written is groups 1-3.
ISO_DATE_RE = re.compile(
    r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
    r"(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+\-](?:[01]\d|2[0-3]):?[0-5]\d)?)?\b"
)
MONTHS = "january february march april may june july august september october november december".split()
# A month's name as a page prints it in a date: capitalised or in capitals ("DECEMBER 3, 2009").
_MONTH_NAMES = "|".join(f"{n.capitalize()}|{n.upper()}" for m in MONTHS for n in (m, m[:3]))
MONTH_DATE_RE = re.compile(r"\b(" + _MONTH_NAMES + r")\.? (\d{1,2}),? ((?:19|20)\d{2})\b")
BYLINE_RE = re.compile(
    r"^(?:by|written by|(?-i:Por|Par|Von)(?=(?:\s+(?-i:[A-Z])[\w.'’\-]*){2}))\s+"
    r"([^\W\d_][\w.'’\-]*(?:\s+(?:[^\W\d_][\w.'’\-]*|and|&|y|et|und)){0,6}?)\s*(?:[,|/–—·•-]\s*(.{2,60}?))?\.?$",
    re.I,
)
# "From CNN Staff", "From staff reports": a byline that names a desk, not a writer.
FROM_DESK_RE = re.compile(
    r"^From\s+((?:[\w.'’&\-]+\s+){0,4}(?i:staff|reports|wires?|correspondents?|agencies|desk|bureau|team))\s*$")


def byline_of(text: str) -> str | None:
    """The names a byline line gives ("By Ann Lee", "Por James Ortega", "From CNN Staff")."""
    m = _byline_match(text) if len(text) <= 120 else None
    return m.group(1).strip() if m else None


def _byline_match(text: str) -> re.Match[str] | None:
    """A byline line: names (group 1) and, after "By …", what follows them (group 2: an outlet,
    a date); or a desk ("From CNN Staff"). A line of over 120 characters is no "By …" line. The
    template's links a page prints after it ("· Subscribe", "| Follow us") are left aside."""
    parts = _LINK_SEPARATOR_RE.split(text)
    if len(parts) > 1 and any(_template_only(part) for part in parts[1:]):
        text = " · ".join([parts[0], *(part for part in parts[1:] if not _template_only(part))])
    return (BYLINE_RE.match(text) if len(text) <= 120 else None) or FROM_DESK_RE.match(text)


# What parts a byline line from the links a page prints beside it ("By Ann Lee · Subscribe").
_LINK_SEPARATOR_RE = re.compile(r"\s*[·•|]\s*")


def _template_only(part: str) -> bool:
    """Made only of a page template's words ("Subscribe", "Follow us", "12 comments"), not an
    outlet's name ("Port Alder Post": a template word, among others; "US": no pronoun)."""
    names = re.findall(r"[^\W\d_]+", part)
    return bool(names) and all(w.lower() in FURNITURE or w.lower() in PRONOUNS and not w.isupper() for w in names)


def _header_line(line: str) -> bool:
    """A line of an article's header under its headline: a byline or a date."""
    return byline_of(line) is not None or posted_by(line) is not None or is_timestamp(line) or date_line(line)


def date_line(text: str) -> bool:
    """A short line that dates the article, with a place or an outlet at most ("Port Alder, 3
    March 2031"), not a headline that ends in its date (`tells_something`)."""
    return len(text) <= 60 and stated_date(text) is not None and not tells_something(text)

# A wire dateline opening a story: "LONDON (Reuters) -", "RIVERTON, Ohio (AP) —", "PARIS, Nov. 30
# (AFP) -", "WASHINGTON —". Places are capitalised words, up to three parts; a date of month and
# day may follow; an agency in brackets may close it. Without an agency the first place must be
# in capitals (as datelines set it), so "BREAKING NEWS - 3 DEAD" or "A FIRE - BOMB attack" are
# not datelines: the text after the dash must open an ordinary sentence.
_PLACE = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}"
_MONTH = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(m[:3].capitalize() for m in MONTHS) + "|Sept"
DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE}(?:, {_PLACE}){{0,2}})"
    rf"(?:,? (?P<date>(?:{_MONTH})\.? \d{{1,2}}(?:, (?:19|20)\d\d)?))?"
    r"(?: ?\((?P<agency>[A-Z][\w.&'’ ]{0,30})\))?"
    r" ?[—–-]{1,2}(?: +(?=[\"“‘']?[A-Z][a-z’']|[\"“‘']?(?:A|I) [a-z])| *$)"
)


def dateline(text: str) -> re.Match[str] | None:
    """The wire dateline that opens `text`, if any (see DATELINE_RE)."""
    m = DATELINE_RE.match(text)
    if m is None or len(m.group(0)) > 80:
        return None
    if m.group("agency") is None and not (m.group("place").split(",")[0].isupper() and len(m.group("place")) >= 3):
        return None
    return m


DAY_MONTH_RE = re.compile(r"\b(\d{1,2}) (" + _MONTH_NAMES + r")\.?,? ((?:19|20)\d{2})\b")


def _month_date(text: str) -> tuple[str, int, int] | None:
    """"November 7, 2025" or "7 November 2025": the ISO date and where it stands."""
    m = MONTH_DATE_RE.search(text)
    if m:
        name, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = DAY_MONTH_RE.search(text)
        if not m:
            return None
        day, name, year = m.group(1), m.group(2), m.group(3)
    month = next(i for i, full in enumerate(MONTHS, 1) if full.startswith(name.lower()))
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}", m.start(), m.end()


def valid_date(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


# "2025年11月7日": how Chinese and Japanese write a date.
CJK_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


# "19/12/2008", "12/19/2008", "19.12.2008": day and month in either order.
NUMERIC_DATE_RE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.\-]\d)")


def _numeric_date(text: str) -> tuple[str, int, int] | None:
    """A numeric date whose day is plain: one of its first two numbers is over 12 ("19/12/2008",
    "12/19/2008"). "05/12/2008" is May 12 in one country and 5 December in another: not read."""
    m = NUMERIC_DATE_RE.search(text)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
    if (a > 12) == (b > 12):
        return None
    day, month = (a, b) if a > 12 else (b, a)
    return f"{year}-{month:02d}-{day:02d}", m.start(), m.end()


def _date_in(text: str) -> tuple[str, int, int] | None:
    """The first real calendar date a short line states (ISO, "November 7, 2025", "7 November
    2025", "2025年11月7日" or a numeric one whose day is plain), with where it stands."""
    iso = ISO_DATE_RE.search(text) or CJK_DATE_RE.search(text)
    if iso:
        year, month, day = iso.group(1, 2, 3)
        found: tuple[str, int, int] | None = (f"{year}-{int(month):02d}-{int(day):02d}", iso.start(), iso.end())
    else:
        found = _month_date(text) or _numeric_date(text)
    return found if found and valid_date(found[0]) else None


def stated_date(text: str) -> str | None:
    found = _date_in(text)
    return found[0] if found else None


def _outlet_and_date(text: str) -> tuple[str | None, str | None]:
    """"Port Alder Post — 3 March 2031" after a byline: the outlet, and the date it gives."""
    found = _date_in(text)
    if found is None:
        return text, None
    iso, start, end = found
    outlet = (text[:start] + text[end:]).strip(" ,|/–—-·")
    return outlet or None, iso


# Timestamp furniture: "Published 3:12 PM EST, Mon March 2, 2015 | Updated …", "Posted: 05 / 02 /
# 07, 9: 00 PM PDT", "May 3rd, 2013 2: 00pm EDT", "Posted 1 year, 160 days ago". A line made only
# of these words, numbers and separators, with a date or a time in it, is metadata.
_CALENDAR = {m for full in MONTHS for m in (full, full[:3])} | {"sept"} | set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split())
_CLOCK = set("""am pm a p m gmt utc bst est edt cst cdt mst mdt pst pdt et pt ct mt ist cet cest eet eest
    akdt akst hst hkt aest aedt acst awst nzst nzdt jst kst msk sast eat wat wet west sgt pht wib uk
    local time hrs hr h min mins minute minutes hour hours day days week weeks month months year years
    ago today yesterday st nd rd th""".split())
_STAMP_WORDS = set("""published publish posted post updated update last first originally modified edited
    created filed story article date dated time on at by in of and the downloaded
    publicado actualizado publié mis jour veröffentlicht aktualisiert""".split())
_TIME_RE = re.compile(r"\b\d{1,2}\s*[:.]\s*\d{2}(?!\d)|\b\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b|\b(?:19|20)\d{2}\b|\bago\b", re.I)
POSTED_BY_RE = re.compile(
    r"^(?:posted|written|published|filed|submitted|updated)\s+by\s+([^\W\d_][\w.'’\-]*(?:\s+[^\W\d_][\w.'’\-]*){0,4})"
    r"(?:\s*(?:[,|·•–—-]|\bon\b|\bat\b)\s*(.*))?$", re.I)


def is_timestamp(text: str) -> bool:
    """A line that only dates the page: a date or a time, with the words around them ("Updated",
    "Posted on", a weekday, a time zone) and nothing else."""
    if len(text) > 120:
        return False
    words_ = re.findall(r"[^\W\d_]+", text.casefold())
    allowed = _CALENDAR | _CLOCK | _STAMP_WORDS
    if not all(w in allowed for w in words_) or not re.search(r"\d", text):
        return False
    return bool(_TIME_RE.search(text)) or any(w in _CALENDAR for w in words_)


# Who reported, wrote and edited a wire story: "(Reporting by Jane Doe in Athens; Editing by Mark
# Roe)", "Writing by A; editing by B", "Staff writer Ann Lee contributed to this report."
_CREDIT = (r"(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|fact-checking)\s+by\b"
           r"(?:[^();.!?]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.)*")  # names, places, "John F. Smith", "St. Louis"; no sentence
_CONTACT = r"(?:\s*\(+[^()]*@[^()]*\)+)?"  # Reuters' "((jane.doe@thomsonreuters.com; +1 202 555 0100))"
CREDIT_RE = re.compile(
    rf"^[\W_]{{0,3}}\(\s*{_CREDIT}(?:;\s*{_CREDIT})*\s*\){_CONTACT}\W*$"
    rf"|^[\W_]{{0,3}}{_CREDIT}(?:;\s*{_CREDIT})+{_CONTACT}\W*$"
    r"|^[^.!?;]{3,120}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\W*$",
    re.I)


def is_credit(text: str) -> bool:
    """A wire story's credit line: who reported, wrote and edited it, not a part of it."""
    return len(text) <= 300 and (bool(CREDIT_RE.match(text.strip())) or is_agency_line(text))


# News agencies a story credits on a line of its own: "Associated Press", "Reuters", "(dpa)".
_AGENCY = (r"(?:the\s+)?associated\s+press|ap|reuters|thomson\s+reuters|afp|agence\s+france[\s-]+presse|dpa"
           r"|deutsche\s+presse[\s-]+agentur|(?:agencia\s+)?efe|europa\s+press|ansa|upi|united\s+press\s+international"
           r"|xinhua|kyodo(?:\s+news)?|yonhap|tass|interfax|pa(?:\s+media)?|press\s+association|aap|(?:the\s+)?canadian\s+press"
           r"|bloomberg(?:\s+news)?|anp|belga|apa|sda|keystone-sda|kna|epd|sid|ats|lusa|pti|ians|bernama|antara|ria\s+novosti")
_JOIN = r"\s*(?:/|,|;|\+|&)\s*|\s+(?:and|et|und|y|e|avec|with|mit|con)\s+"
# A lone credit: agencies (and an editor's initials, "jdl/dpa/AFP"), or an outlet "with" one ("Le
# Monde avec AFP", "Staff and agencies" is not one: it names no agency).
AGENCY_LINE_RE = re.compile(
    rf"^\W{{0,2}}\(?\s*(?:(?:(?-i:[a-z]{{2,4}})|{_AGENCY})(?:{_JOIN}))*(?:{_AGENCY})\s*\)?\W{{0,2}}$"
    rf"|^(?-i:[A-Z])[\w.'’\-]*(?:\s+(?-i:[A-Z])[\w.'’\-]*){{0,3}}(?:{_JOIN})(?:{_AGENCY})(?:(?:{_JOIN})(?:{_AGENCY}))*\.?$",
    re.I)


def is_agency_line(text: str) -> bool:
    """A line that only credits a news agency: it tells who sent the story, not the story."""
    stripped = text.strip()
    return len(stripped) <= 60 and bool(AGENCY_LINE_RE.match(stripped))


# "Posted by txdad on December 7, 2009 at 10:14 a.m.: It is shameful …": a reader's comment under
# the article, with its stamp; the stamp alone ("Posted by Jane Doe on May 3, 2013") is a byline.
COMMENT_BY_RE = re.compile(
    r"^(?:posted|submitted|written|comment(?:ed)?|publié|posté|écrit|veröffentlicht|geschrieben|kommentiert"
    r"|publicado|escrito|comentado)\s+(?:by|par|von|por)\s+[^\s,:|]+(?:\s+(?!on\b|at\b|le\b|am\b|um\b|el\b)[^\s,:|]+){0,3}?"
    r"(?=\s*(?:,|\bon\b|\bat\b|\ble\b|\bam\b|\bum\b|\bel\b|[|·•–—-]))",
    re.I)


def is_comment(text: str) -> bool:
    """A reader's comment: "Posted by NAME on DATE:" and what they wrote."""
    m = COMMENT_BY_RE.match(text.strip()) if len(text) <= 2_000 else None
    if m is None:
        return False
    rest = text.strip()[m.end():]
    cut = re.search(r"(?::|\s[|–—-])\s+(?=\S)", rest)
    if cut is None or cut.start() > 80:
        return False
    stamp = rest[:cut.start()].strip(" ,|·•–—-")
    return is_timestamp(stamp) or is_timestamp(re.sub(r"^(?:on|at|le|am|um|el)\s+", "", stamp, flags=re.I))


# A blog's posting line: "Posted in Pedestrian Accidents on Wednesday, September 18, 2013", "On
# behalf of Ann Lee, Esq. posted in Injuries on …", "Filed under Politics at 10:14 am".
POSTING_RE = re.compile(
    r"^(?:(?:on\s+behalf\s+of|by|from)\s+[^|]{1,60}?\s+)?(?:posted|filed|published)\s+(?:in|under|to)\s+"
    r"[^.!?|]{1,60}?\s+(?:on|at)\s+(?P<when>.+?)\W*$", re.I)


def is_posting(text: str) -> bool:
    """A blog's line that files the post under a category, with its date: metadata."""
    m = POSTING_RE.match(text.strip()) if len(text) <= 160 else None
    return m is not None and is_timestamp(m.group("when"))


def tells_something(text: str) -> bool:
    """Beside its date, three words or more in lower case that no stamp uses ("Seacom operations
    fully restored: 4 November 2011"): a headline or a sentence, not a place, an outlet or a stamp."""
    stamp = _CALENDAR | _CLOCK | _STAMP_WORDS
    return sum(1 for w in re.findall(r"[^\W\d_]+", text) if w[0].islower() and w.casefold() not in stamp) >= 3


def posted_by(text: str) -> str | None:
    """"Posted by Jane Doe on May 3, 2013": the name, when the rest is only a date."""
    m = POSTED_BY_RE.match(text.strip()) if len(text) <= 120 else None
    if m is None or (m.group(2) and not is_timestamp(m.group(2))):
        return None
    name = m.group(1).strip()
    return name if all(w[0].isupper() for w in name.split()) else None


# A writer's job title after the name, and what follows ("Michael Dobbs Washington Post Staff
# Writers Friday", "Ann Reid, Senior Correspondent").
_JOB_RE = re.compile(
    r"[\s,]+(?i:(?:(?:senior|chief|staff|special|foreign|political|contributing)\s+)*"
    r"(?:writer|correspondent|reporter|editor|contributor|columnist)s?)\b.*$")
# A print edition's page ("Page A01", the figures stripped: "Page A").
_PAGE_RE = re.compile(r"^page\s+[a-z]?\d*$", re.I)


def _squashed(name: str) -> str:
    """An outlet's name or host as one lower-case word: "The Washington Post", "washingtonpost.com"."""
    name = re.sub(r"^(?:the\s+|www\.)", "", name.strip().casefold())
    name = re.sub(r"\.(?:com|net|org|co|news|[a-z]{2})(?:\.[a-z]{2})?$", "", name)
    return re.sub(r"\W", "", name)


def _without_outlet(names: str, outlet: str | None) -> str:
    """Names before a job title without the outlet between ("Ann Reid, Harbour News", "Michael
    Dobbs Washington Post" of washingtonpost.com); names of others stay ("Ann Reid, Jo Lee")."""
    words_ = names.split()
    for k in range(1, min(4, len(words_) - 1) + 1):
        if outlet and _squashed(" ".join(words_[-k:])) == _squashed(outlet):
            return " ".join(words_[:-k]).rstrip(",")
    return names


def byline_names(byline: str | None, outlet: str | None = None) -> str | None:
    """A stated byline without what a page's template runs into it: a stamp word ("Val Sweeney;
    Updated"), the outlet or an agency ("Lauren Said-Moorhouse; CNN"), a job title and what
    follows it ("Michael Dobbs Washington Post Staff Writers Friday"), a print page ("Page A").
    None when only that."""
    if not byline:
        return None
    stamp = _CALENDAR | _CLOCK | _STAMP_WORDS
    names = []
    for part in re.split(r"\s*;\s*", byline):
        part = part.strip(" ,|/·–—-:")
        cut = _JOB_RE.sub("", part)
        if cut != part:
            cut = _without_outlet(cut, outlet)
        if len(cut.split()) >= 2:  # a name is left ("Ann Writer" is one)
            part = cut
        if _PAGE_RE.match(part):
            continue
        words_ = re.findall(r"[^\W\d_]+", part.casefold())
        if not words_ or all(w in stamp for w in words_) or is_agency_line(part) or \
                outlet and part.casefold() == outlet.casefold():
            continue
        names.append(part)
    return "; ".join(names) or None


def question_title(text: str, after: Sequence[str]) -> bool:
    """A headline that asks ("What now for British tennis?", "Is this the end for the Euro?"):
    one short question, title-shaped once its mark is set aside, with the story after it. A
    paragraph that opens with a question and goes on is body, and so is a question left alone."""
    stripped = text.strip()
    if not re.search(r"\?[\"'”’)\]]*$", stripped) or len(stripped) > 100 or len(stripped.split()) > 12:
        return False
    if re.search(r"[.!?…;](?:[\"'”’)\]]*)\s", stripped) or not after or len(after[0]) <= len(stripped):
        return False
    return title_like(re.sub(r"\?([\"'”’)\]]*)$", r"\1", stripped))


# How far down a copied page's masthead (menus, a cookie banner, the site's name) may reach.
MASTHEAD_LINES = 30


def _menu_line(text: str) -> bool:
    """A line of a site's menu or masthead: a few words, no sentence."""
    return len(text.split()) <= 3 and not re.search(r"[.!?:;,。！？]$", text.rstrip())


def _site_line(text: str) -> bool:
    """A line of a site's top: a menu item, a menu bar ("Home California Politics Opinion",
    "Politics | Opinions | Local"), a cookie or sign-in notice, a "Skip to content" link."""
    flat = text.split()
    return _menu_line(text) or bool(re.search(r"\s[|›»•]\s", text)) or re.search(r"\bcookies?\b", text, re.I) is not None \
        or (len(flat) <= 6 and all(w[:1].isupper() for w in flat) and not re.search(r"[^\w\s&'’.\-]", text)) \
        or is_cue(text) or is_furniture(text)


def _prose(text: str) -> bool:
    """A paragraph of the story itself: longer than any banner or menu line."""
    return len(text.split()) > 40 or len(sentence_spans(text)) >= 3


def _sentence(text: str) -> bool:
    """A sentence of some length: a banner's or the story's, not a menu's or a headline's."""
    return len(text.split()) >= 12 and re.search(r"[.!?。！？][\"'”’)]*$", text.rstrip()) is not None


def masthead(raw: Sequence[str]) -> tuple[int, bool]:
    """Text copied from a whole page: how many lines of the site's top (a menu, a cookie banner,
    "Skip to main content", the site's name) stand above the headline, 0 when none; and whether
    a standfirst stands between the headline and its byline.

    The headline is known by what stands under it: its byline or date (with a standfirst between,
    at most), or else the story's first sentence after a run of menu lines. An article that opens
    with its headline has no masthead, and prose above the headline ends the search: the lines
    above it would be the story's own.
    """
    first = None  # the first sentence
    j = 0
    for j, para in enumerate(raw[:MASTHEAD_LINES]):
        if _prose(para):
            break
        if first is None and _sentence(para):
            first = j
        if _header_line(para):
            near = [x for x in (j - 1, j - 2) if x >= 0 and title_like(raw[x]) and not _header_line(raw[x])]
            if not near or near[0] != j - 1:
                return 0, False
            standfirst = len(near) == 2 and len(raw[j - 1].split()) >= 12 > len(raw[j - 2].split())
            top = j - 2 if standfirst else j - 1
            above = [t for t in raw[:top] if not is_address(t)]  # the page's own address says nothing
            if len(above) >= 3 and sum(1 for t in above if _site_line(t)) * 2 > len(above):
                return top, standfirst
            return 0, False
    # No byline: a run of three menu lines or more above a headline and the story's first sentence.
    h = (first if first is not None else j) - 1
    if h >= 3 and title_like(raw[h]) and not _menu_line(raw[h]) and sum(1 for t in raw[:h] if _menu_line(t) and not is_address(t)) >= 3 \
            and all(len(t.split()) <= 25 for t in raw[:h]):
        return h, False
    return 0, False


# A closing line on who wrote the story: "Bill Thompson is a regular commentator on …",
# "Jane Doe is a senior fellow at …", "… is the author of …".
FOOTER_RE = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) is (?:a|an|the) (?P<rest>.*)$", re.S,
)
WRITER_ROLE_RE = re.compile(
    r"^(?:[\w-]+ ){0,3}(?:commentator|columnist|editor|writer|author|correspondent|journalist|contributor|"
    r"reporter|fellow|professor|lecturer|researcher|analyst|economist|historian|novelist|broadcaster|blogger)s?\b",
)


def author_footer(texts: Sequence[str], kinds: Sequence[Kind], byline: str | None) -> int | None:
    """The index of the story's last paragraph when it says who its writer is, else None.

    Its subject is the byline's name, or a name with a writer's role that the story does not
    mention past its opening paragraph (a column's standfirst credits its writer: "…, argues
    analyst Bill Thompson"): a closing line about someone the story is about stays story.
    """
    last = max((i for i, k in enumerate(kinds) if k == "body"), default=None)
    if last is None or sum(1 for k in kinds if k == "body") < 2 or len(texts[last].split()) > 40:
        return None
    m = FOOTER_RE.match(texts[last].strip())
    if m is None or len(sentence_spans(texts[last])) > 1:
        return None
    name = m.group("name")
    if byline and name.lower() in byline.lower():
        return last
    surname = name.split()[-1]
    body = [t for t, k in zip(texts[:last], kinds) if k == "body"]
    told = any(re.search(rf"\b{re.escape(surname)}\b", t) for t in body[1:])
    return last if WRITER_ROLE_RE.match(m.group("rest")) and not told else None


# A label over a headline: a section ("EE UU"), a kicker ("Exclusive"), a blog's name.
LABEL_WORDS = 12


def _above_headline(texts: Sequence[str], kinds: Sequence[Kind], title: str | None) -> list[Kind]:
    """Short lines above the paragraph that is the article's title, before any of its story, as
    boilerplate: a section label or a blog's name over a headline is no story row, and no
    headline either (the reader heads a column with the first)."""
    out = list(kinds)
    if not title:
        return out
    want = " ".join(title.split()).casefold()
    at = next((i for i, t in enumerate(texts) if " ".join(t.split()).casefold() == want), None)
    if not at or out[at] != "headline":
        return out
    above = [i for i in range(at) if out[i] in ("body", "headline")]
    if all(len(texts[i].split()) <= LABEL_WORDS and not _sentence(texts[i]) and not re.search(r"[.!?]$", texts[i].rstrip())
           for i in above):
        for i in above:
            out[i] = "boilerplate"
    return out


@dataclass
class Header:
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    outlet: str | None = None


def parse_article(source_id: str, path: str, text: str) -> Article:
    """Paragraphs with kinds, and the metadata the text states (never invented)."""
    return parse_paragraphs(source_id, path, split_paragraphs(text)[:MAX_PARAGRAPHS])


def parse_paragraphs(
    source_id: str,
    path: str,
    raw: list[str],
    headings: Sequence[bool] = (),
    stated: Header | None = None,
    captions: frozenset[str] = frozenset(),
) -> Article:
    """Kinds and metadata of `raw` paragraphs (a wall of text cut into parts: `split_walls`).

    `headings` marks paragraphs the format itself calls headings (Markdown `#`, HTML `<h2>`):
    they are headlines whatever they say. `stated` is metadata the format states (a page's
    <meta> tags, front matter); it wins over what the text seems to say. `captions` are a page's
    photo captions: boilerplate, kept and shown but never a story row nor the end of its header.
    """
    raw, headings = split_walls(raw, headings)
    head = Header()
    top, standfirst = (0, False) if any(headings) else masthead(raw)
    kinds: list[Kind] = ["boilerplate"] * top
    texts: list[str] = list(raw[:top])
    seen_body = False
    for i, para in enumerate(raw):
        if i < top:
            continue
        kind: Kind = "body"
        if para in captions:
            texts.append(para)
            kinds.append("boilerplate")
            continue
        if i < len(headings) and headings[i] and is_timestamp(para):
            head.date = head.date or stated_date(para)  # a page that heads itself with its date
            texts.append(para)
            kinds.append("byline")
            continue
        if i < len(headings) and headings[i]:
            if head.title is None and not seen_body:
                head.title = para
            texts.append(para)
            kinds.append("headline")
            continue
        m = DATE_PREFIX_RE.match(para)
        if m and head.date is None and not seen_body and valid_date(m.group(1)):
            head.date = m.group(1)
            para = para[m.end():].strip()
            if not para:
                continue
        if is_comment(para):
            texts.append(para)
            kinds.append("boilerplate")
            continue
        if is_timestamp(para) or posted_by(para) or is_credit(para) or is_posting(para):
            head.date = head.date or stated_date(para)
            head.byline = head.byline or posted_by(para)
            texts.append(para)
            kinds.append("byline")
            continue
        if not seen_body and i - top < 6:
            b = _byline_match(para) if head.byline is None else None
            if b:
                head.byline = b.group(1).strip()
                if b.re is BYLINE_RE and b.group(2):
                    head.outlet, dated = _outlet_and_date(b.group(2).strip())
                    head.date = head.date or dated
                kind = "byline"
            elif head.date is None and date_line(para):
                head.date = stated_date(para)
                kind = "byline"
            elif head.title is None and all(is_address(t) or k == "byline" for t, k in zip(texts[top:], kinds[top:])) \
                    and (title_like(para) or question_title(para, raw[i + 1:i + 2])) and not is_address(para):
                head.title = para
                kind = "headline"
        if standfirst and i == top + 1:
            pass  # the byline under it is still the header's
        elif kind == "body" and not is_address(para):
            d = dateline(para) if not seen_body else None
            if d is not None:
                # Where and by whom the story was filed, not a part of it: a line of its own, so
                # no source's lede is marked or matched by it.
                head.outlet = head.outlet or (d.group("agency") or "").strip() or None
                texts.append(d.group(0).strip())
                kinds.append("byline")
                para = para[d.end():]
                if not para:
                    continue
            seen_body = True
        texts.append(para)
        kinds.append(kind)
    if stated is not None:
        head = Header(
            (stated.title if stated.title and not is_timestamp(stated.title) else None) or head.title, stated.date or head.date,
            stated.byline or head.byline, stated.outlet or head.outlet,
        )
    kinds = classify(texts, kinds, head.title)
    kinds = _above_headline(texts, kinds, head.title)
    footer = author_footer(texts, kinds, head.byline)
    if footer is not None:
        kinds[footer] = "byline"
    paragraphs = tuple(Paragraph(i, k, t) for i, (k, t) in enumerate(zip(kinds, texts)))
    return Article(source_id, path, paragraphs, head.title, head.date, head.byline, head.outlet)
