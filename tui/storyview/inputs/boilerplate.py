"""Web-page debris: what a saved page carries that is not the article.

Two general rules, no site-specific strings: *cue lines* that web templates print (comment
forms, share bars, "related" blocks) and *teasers* — headline-like lines or truncated blurbs
that follow a "related" cue, or trail the article off the story's topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from storyview.model import Article, Kind, Paragraph, Progress
from storyview.engine.segment import Token, forms, sentences, stem, words

# A short paragraph that is one of these is page furniture.
CUE_RE = re.compile(
    r"^\W*(?:"
    r"(?:related|recommended|popular|trending|latest|more|top|other|similar)"
    r"(?:\s+\w+){0,2}\s+(?:posts?|articles?|stories|news|reads?|content|links|videos?)"
    r"|(?:read|see|watch)\s+(?:more|also|next)(?:\s*[:|»›>\-–—].*|\s+(?:about|from|on|at|in|here|stories|articles|news|videos?)\b[^,;]{0,60})?"
    r"|recommended\s+for\s+you|(?:editor'?s|our)\s+picks?"
    r"|you\s+(?:may|might|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)(?:\s+(?:these|this|reading))?(?:\s*:.*)?"
    r"|more\s+(?:from|on|in)\s+\S+(?:\s+\S+){0,4}"
    r"|leave\s+a\s+(?:reply|comment).*|\d*\s*comments?|post(?:ed)?\s+a\s+comment.*|add\s+a\s+comment.*"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*"
    r"|share\s+(?:this|on|via|the\s+story)\b.*|share|tweet|email|print|follow\s+us\b.*"
    r"|(?:subscribe|sign\s+up)\b.*(?:newsletter|updates|free|now|today|here|email|inbox|news|stories|coverage).*"
    r"|(?:support|donate\s+to)\s+(?:our|independent|local|quality)\s+journalism\b.*"
    r"|become\s+a\s+(?:member|subscriber|supporter)\b.*"
    r"|advertisement|sponsored(?:\s+content)?|click\s+here\b.*|skip\s+to\s+(?:main\s+)?content"
    r"|(?:all\s+rights\s+reserved|copyright\s*(?:©|\(c\)|\d{4})|©).*|.*\ball\s+rights\s+reserved\.?"
    r"|(?:tags?|filed\s+under|categories|posted\s+in)\s*:.*"
    r"|(?:image|photo|picture|video)\s*(?:credit|source)?\s*[:,].*|getty\s+images.*"
    r"|(?:video|audio|gallery|photos|slideshow)\s*[:|»›]?\s*(?:watch|see|listen|view|look)\b[^.!?]{0,120}"
    r"|(?:our|editorial)\s+standards\s*[:|–—-].*|(?:\w+\s+){0,4}(?:trust|editorial)\s+principles"
    r"|(?:read|learn)\s+(?:more\s+)?about\s+our\s+(?:editorial\s+)?(?:standards|policies|ethics\s+policy|code\s+of\s+\w+)\b.*"
    r"|(?:photo(?:graph)?|image|picture)\s+(?:by|courtesy\s+of)\s+.{1,80}"
    r"|[^/.!?]{1,80}/\s*(?:getty\s+images|ap(?:\s+photo)?|reuters|afp|shutterstock|bloomberg)(?:\s+via\s+\S+(?:\s+\S+)?)?"
    r")\W*$",
    re.I,
)
# "Read also", "Most popular", "Lire aussi", "Lesen Sie auch", "Leer más": the words a page prints
# before a link to another story, in English, French, German, Spanish (and a few of Italian and
# Portuguese). Alone on a line it opens a block of teasers; before ":" or "|" it heads one teaser.
TEASER_CUE = (
    r"(?:read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|don'?t\s+miss"
    r"|most\s+(?:popular|read|viewed|shared|commented|watched)|popular\s+now|trending(?:\s+now)?"
    r"|related(?:\s+(?:stories|articles|coverage|content|news|links|reading))?|recommended(?:\s+for\s+you)?"
    r"|(?:à\s+)?lire\s+(?:aussi|également|la\s+suite)|(?:à\s+)?voir\s+aussi|sur\s+le\s+même\s+sujet"
    r"|les\s+plus\s+(?:lus|partagés|commentés)|en\s+savoir\s+plus|notre\s+sélection"
    r"|lesen\s+sie\s+(?:auch|mehr|hier|weiter)|mehr\s+zum\s+thema|(?:das\s+)?könnte\s+sie\s+auch\s+interessieren"
    r"|auch\s+interessant|meistgelesen(?:e|en)?|meist\s+gelesen|weiterlesen|siehe\s+auch|zum\s+thema"
    r"|le[ea]\s+(?:más|también|además)|leer\s+más|(?:te|le)\s+puede\s+interesar|(?:noticias|artículos)\s+relacionad[oa]s"
    r"|relacionad[oa]s?|(?:lo\s+)?más\s+(?:leíd[oa]s?|visto)|ver\s+también|véase\s+también|sigue\s+leyendo|seguir\s+leyendo"
    r"|leggi\s+anche|leia\s+(?:também|mais)|veja\s+também)"
)
TEASER_CUE_RE = re.compile(rf"^\W*{TEASER_CUE}(?:\s*(?:[:|»›>→]|\s[–—-])\s*(?P<link>\S.*)|[\s:|»›>→.…–—-]*)$", re.I)
# A comments heading: "Comments", "Reader comments (2)", "12 Kommentare", "Commentaires (3)".
COMMENTS_HEADING_RE = re.compile(
    r"^\W*(?:\d+\s+)?(?:(?:reader|readers'?|user|your|visitor|latest|top)\s+)?"
    r"(?:comments?|commentaires?|(?:leser)?kommentare?|comentarios?|commenti)"
    r"(?:\s+(?:des\s+lecteurs|de\s+los\s+lectores|der\s+leser))?\s*(?:\(\s*\d+\s*\)|\d+)?\W*$",
    re.I,
)


def teaser_cue(text: str) -> re.Match[str] | None:
    """A cue line in any of the languages TEASER_CUE knows: alone ("Lire aussi") or heading one
    link ("Lesen Sie auch: Bahn-Chaos …"); a quotation is never one."""
    if len(text) > 400:
        return None
    m = TEASER_CUE_RE.match(text.strip())
    if m is None or (m.group("link") is None and len(text) > 60) or \
            QUOTE_MARKS.search(text.split(":", 1)[0].split("|", 1)[0]):
        return None
    link = m.group("link")
    # A link is a headline (or a list of them), not the rest of a sentence: "Related: the
    # mayor's plan would cost $12 million, officials said." goes on with the story.
    if link is not None and not (link[0].isupper() or link[0].isdigit()) or \
            link is not None and ENDED_RE.search(link.rstrip()) and ";" not in link:
        return None
    return m


def is_cue_heading(text: str) -> bool:
    """A heading that opens page furniture ("Reader comments (2)", "You might also like", "More
    from Politics", "Les plus lus"), not a story's own subheading."""
    if len(text) > 60:
        return False
    cue = teaser_cue(text)
    if (cue is not None and cue.group("link") is None) or COMMENTS_HEADING_RE.match(text) or \
            (is_cue(text) and SECTION_RE.match(text)):
        return True
    # In other words, a cue heading is made of cue words alone ("Stories you may have missed"):
    # a story's subheading ("Related costs") carries a word of its own. One such word alone is
    # not enough: "Latest" or "The latest" heads the article's own updates as often as a list.
    content = [t for sent in sentences(text.replace("-", " ")) for t in sent.tokens if t.content]
    return len(content) >= 2 and is_related_cue(text) and all(
        t.norm in CUE_WORDS or t.norm in CUE_TIME or t.norm in PRONOUNS for t in content)


# What a paywall, a device limit, a cookie notice or a tip line says to the reader, at the start of a sentence:
# "This article is available to subscribers only", "Have a news tip?", "Vous pouvez lire Le Monde
# sur un seul appareil à la fois", "Sie haben weitere Fragen?", "¿Tienes una pista?".
CALL_RE = re.compile(
    r"^\W*(?:"
    r"(?:this|the)\s+(?:article|story|content|piece|page)\s+is\s+(?:only\s+)?(?:available|reserved|exclusive|for)\s+"
    r"(?:only\s+)?(?:to\s+|for\s+)?(?:our\s+)?(?:paying\s+|digital\s+|premium\s+)?(?:subscribers|members)"
    r"|(?:subscribe|join)\s+(?:now|today)\b(?!['’])|already\s+an?\s+(?:subscriber|member)(?=\s*[?:,.!]|\s*$)"
    r"|(?:to\s+)?continue\s+reading(?:\s+(?:below|here|the\s+(?:main\s+|full\s+)?(?:story|article)|this\s+(?:story|article)))?\s*(?:[,.:!…→›»>]|$)"
    r"|want\s+to\s+(?:read|keep\s+reading|see)\s+more\s*\?|(?:subscribe|sign\s+up)\b[^.?!]{0,60}?\s(?:from|for)\s+(?:just\s+|only\s+)?[£$€]\s?\d"
    r"|(?:get|enjoy|for)\s+unlimited\s+(?:digital\s+)?access\b|you(?:'ve|\s+have)\s+(?:reached|used)\s+(?:your|all|the)\b"
    r"|(?P<tip>(?:have|got)\s+a\s+(?:news\s+|story\s+)?tip\b)|(?:send|email|e-mail)\s+us\s+(?:your\s+)?(?:news\s+|story\s+)?tips?\b"
    r"|you\s+can\s+(?:only\s+)?read\s+.{1,40}?\s+on\s+(?:only\s+)?one\s+device"
    r"|(?:cet|cette|ce)\s+(?:article|contenu|information|reportage)\s+est\s+réservée?\s+aux\s+abonnés|abonnez-vous\b"
    r"|déjà\s+abonné|vous\s+pouvez\s+lire\s+.{1,40}?\s+sur\s+un\s+seul\s+appareil|ce\s+message\s+s.affichera\s+sur"
    r"|pour\s+(?:lire|continuer\s+à\s+lire)\s+(?:la\s+suite|cet\s+article)|(?P<tip_fr>vous\s+avez\s+(?:une\s+|des\s+)?(?:information|question)s?\b[^.!]{0,60}\?)"
    r"|(?:dieser|der)\s+(?:artikel|beitrag|inhalt)\s+ist\s+(?:nur\s+|exklusiv\s+)?(?:für|fuer)\s+(?:abonnenten|abonnentinnen|abonnierende)"
    r"|jetzt\s+(?:abonnieren|weiterlesen|testen)\b|(?P<tip_de>(?:sie\s+haben|haben\s+sie)\s+(?:weitere\s+|noch\s+)?(?:fragen|hinweise|anregungen)\b[^.!]{0,60}\?)"
    r"|schreiben\s+sie\s+uns\b|sie\s+lesen\s+.{1,40}?\s+auf\s+(?:nur\s+)?einem\s+gerät"
    r"|(?:este|esta)\s+(?:artículo|contenido|noticia)\s+es\s+(?:exclusiv[oa]|sólo|solo)\s+para\s+(?:suscriptores|abonados)"
    r"|(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b|by\s+using\s+(?:this|our)\s+(?:web)?site\b"
    r"|(?:utilizamos|usamos)\s+(?:las\s+)?cookies\b|nous\s+utilisons\s+des\s+cookies\b|ce\s+site\s+utilise\s+des\s+cookies\b"
    r"|wir\s+(?:verwenden|nutzen)\s+cookies\b|diese\s+(?:web)?seite\s+(?:verwendet|nutzt)\s+cookies\b"
    r"|suscríbete\b|ya\s+eres\s+suscriptor|(?P<tip_es>(?<=¿)(?:tienes|tiene)\s+(?:una\s+)?(?:pista|información|noticia)\b)|escríbenos\b"
    r")",
    re.I,
)


def is_call(text: str) -> bool:
    """A paywall, device-limit or tip-line call to the reader ("This article is available to
    subscribers only. Subscribe now …", "Have a news tip? Email us …"): a short paragraph that
    opens with one, not a quotation. A story sentence that only mentions subscribers opens otherwise,
    and a police appeal ("Have a tip? Police ask anyone with information to call …", "Haben Sie
    Hinweise? Die Polizei bittet …") asks for the police, not for the outlet: a tip line, in any
    of the four languages, is a question that names "us" (uns, nous, nos) or an address."""
    m = CALL_RE.match(text) if len(text) <= 300 and not QUOTE_MARKS.search(text) else None
    if m is None:
        return False
    if not any(m.group(name) for name in ("tip", "tip_de", "tip_fr", "tip_es")):
        return True
    return bool(re.search(r"\b(?:us|our|we|newsroom|uns|unsere?[mnrs]?|nous|notre|nos|nuestr[oa]s?|escríbenos)\b|@",
                          text, re.I))


# After one of these, teasers of other stories follow.
SECTION_RE = re.compile(
    r"^\W*(?:(?:related|recommended|popular|trending|latest|more|other|similar)\b"
    r"|read\s+(?:more|also|next)|you\s+(?:may|might)|leave\s+a\s+(?:reply|comment)|\d*\s*comments?\W*$)",
    re.I,
)
# "Read more: Mayor unveils plan": a cue with the link's title after it is one teaser, no block.
INLINE_LINK_RE = re.compile(r"[:|»›>–—-]\s*\w")
CAPTION_PREFIX_RE = re.compile(r"^(?:image|photo|picture|video|caption|graphic|illustration)\b[\w\s]{0,20}?(?:for|of|:|-|—)?\s*", re.I)


def title_like(text: str) -> bool:
    """A headline: no closing period and most long words capitalised, or short and unpunctuated."""
    if len(text) > 400 or re.search(r"[.!?。！？][\"'”’)\]」』）]*$", text) and not text.endswith("..."):
        return False
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if len(w) > 3]
    if not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6 or (len(long_words) <= 12 and len(text) <= 120)


# A web address alone on its line (spaces allowed: text rebuilt from tokens writes "http: / / …").
ADDRESS_RE = re.compile(r"^\s*(?:https?\s*:\s*/\s*/|www\s*\.\s*\w)\S*(?:\s+[^\s]{1,40}){0,60}\s*$", re.I)


def is_address(text: str) -> bool:
    """A web address alone on its line: where the page came from, not the story."""
    return len(text) <= 400 and bool(ADDRESS_RE.match(text)) and not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", text)


# A photo's caption closed by its credit: "Smoke rises from the ferry. Photograph: Jo Bloggs/Agency",
# "… on Friday evening. Image source, Getty Images", "Volunteers bring them ashore (Picture: A. Reid)".
CREDITED_CAPTION_RE = re.compile(
    r"^.{8,260}?(?:[.!?\"”’)]\s+\(?|\s\()(?-i:Image|Photo|Photograph|Picture|Pic|Video|Credit|Foto|Bild)s?"
    r"\s*(?:source|credit|by)?\s*[:,]\s*[^!?:;()]{2,60}?\)?\.?$",
    re.I | re.S,
)


def is_credited_caption(text: str) -> bool:
    """A caption the page prints under a photo, known by the credit that closes it."""
    return len(text) <= 320 and bool(CREDITED_CAPTION_RE.match(text.strip()))


# Cached: classify asks it of each paragraph, then again through is_related_cue and is_section_cue.
@lru_cache(maxsize=32_768)
def is_cue(text: str) -> bool:
    return (len(text) <= 160 and bool(CUE_RE.match(text))) or is_address(text) or teaser_cue(text) is not None \
        or bool(COMMENTS_HEADING_RE.match(text)) or is_call(text) or is_credited_caption(text) or is_link_bar(text)


def is_link_bar(text: str) -> bool:
    """A bar of links a page sets in one line ("All About Watergate • FBI • Richard Nixon",
    "Topics: Bridges | Eastgate | Shipping"): three short items or more between bullets or bars,
    with no sentence and no figure (a line of scores or results is the story's). Not "·": a
    table row is read as its cells between those."""
    if len(text) > 160 or re.search(r"\d", text):
        return False
    parts = re.split(r"\s+[•|]\s+", text.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 5 and not re.search(r"[.!?,;]$", p) for p in parts)


def is_section_cue(text: str) -> bool:
    cue = teaser_cue(text)
    if cue is not None:
        return cue.group("link") is None
    return is_cue(text) and bool(SECTION_RE.match(text) or COMMENTS_HEADING_RE.match(text))


def is_teaser(text: str) -> bool:
    """A headline-like line, or a blurb cut off with an ellipsis."""
    stripped = text.rstrip()
    return (len(stripped) <= 400 and stripped.endswith(("…", "...", "[…]", "[...]"))) or title_like(stripped)


def is_caption_of(text: str, title: str | None) -> bool:
    """An image caption that only repeats the headline."""
    if not title:
        return False
    rest = CAPTION_PREFIX_RE.sub("", text, count=1)
    return len(rest) <= len(title) * 1.3 and fuzz.ratio(rest.casefold(), title.casefold()) >= 90


def _inflected(listed: str) -> frozenset[str]:
    """The words listed and their plain inflections ("comment", "comments", "commented"),
    matched whole: a stem cut short would meet other words ("respons" of "responsibility")."""
    out = set()
    for w in listed.split():
        out |= {w, w + "s", w + "ed", w + "d", w + "ing", w[:-1] + "ing", w + "es"}
    return frozenset(out)


# Words page templates print around an article: comment and reply forms, moderation notes,
# share bars, newsletter, membership and sign-in boxes. A short line made of them, with no word
# of the story, is furniture whatever its phrasing.
FURNITURE = _inflected("""
    comment comments commenting commenter commenters reply replies replying respond responses response
    post posts posting poster moderate moderated moderation moderator moderators guideline guidelines
    community rules flag flagged inappropriate abuse abusive spam civil conversation discussion
    discussions thread threads upvote downvote like likes share shares sharing tweet retweet email
    e-mail print copy link links url permalink facebook twitter whatsapp messenger linkedin reddit
    pinterest telegram instagram tiktok youtube bluesky threads mastodon subscribe subscribed subscriber
    subscribers subscription subscriptions newsletter newsletters inbox briefing digest sign log login
    logout logged register registered registration account accounts password username member members
    membership profile display notification notifications alert alerts follow followers download app
    apps cookie cookies privacy terms conditions premium donate donation donations supporter
    supporters journalism submit cancel send loading load show hide view older newer previous page
    required field fields characters remaining name address join feedback contact tip tips
    unlimited access please bookmark save saved
    compartir enviar imprimir partager imprimer envoyer teilen drucken""")
FURNITURE_STEMS = frozenset(stem(w) for w in FURNITURE)
# Verbs a template's line opens with ("Share this", "Sign in to reply", "Load more").
IMPERATIVES = frozenset("""share subscribe sign log join follow comment reply post report flag click tap
    download get register enter type load show view tell send leave add create copy pass turn read
    watch listen continue keep never see discover explore find""".split())
SECOND_PERSON = frozenset("you your yours you're you'll you've us our".split())
# Pronouns carry no content of their own: "Stories we think you'll enjoy" is all cue.
PRONOUNS = SECOND_PERSON | frozenset("we we'll we're we've i i'll i'm".split())
# A related-content cue's words: "More from…", "You might also like", "Keep reading", "Top headlines".
CUE_WORDS = _inflected("""more related recommended recommend popular trending latest top
    similar further most also next around elsewhere picks pick miss missed keep like enjoy love read
    reading watch stories story articles article posts reads news headlines videos video web site
    coverage other don't don explore discover editor editors staff newsroom network continue""")
# Of those, the ones that name reading itself: one of them with one other word is a cue ("People
# are also reading"); "next" or "more" alone is not ("What Happens Next" is a subheading).
READING_WORDS = _inflected("""related recommend popular trending read stories articles posts news
    headlines videos coverage explore discover pick newsroom""")
# Words that refer back to what came before: a line opening with one belongs to the story.
BACK = frozenset("he she they it his her their its this that these those but and so yet still".split())
# Time words a cue may carry without telling anything ("Popular right now", "Most read this week").
CUE_TIME = frozenset("now right today week weekend month moment".split())
# A line that ends as a sentence does, in Latin or full-width marks.
ENDED_RE = re.compile(r"[.!?。！？]$")
QUOTE_MARKS = re.compile("[\"“”«»„]|``|''|(?:^|\\s)‘|’(?:\\s|$)|^\\W*'|'\\W*$")


@lru_cache(maxsize=32_768)
def _stems(text: str) -> tuple[str, ...]:
    """A paragraph's content stems (and numbers), in order; cached: the debris rules ask often."""
    return tuple([root for norm, root, content, number in forms(text) if (content or number) and len(norm) > 1])


@lru_cache(maxsize=32_768)  # asked of each body paragraph by story_vocabulary, then by classify
def is_related_cue(text: str) -> bool:
    """A line that opens a block of other stories' teasers, in any phrasing: short, unpunctuated
    and made (mostly) of related-content words ("Don't miss", "Stories you may have missed")."""
    stripped = text.strip().rstrip(":»›>-–— ")
    if is_section_cue(text):
        return True
    if not stripped or len(stripped) > 60 or ENDED_RE.search(stripped) or QUOTE_MARKS.search(stripped):
        return False
    tokens = [t for sent in sentences(stripped.replace("-", " ")) for t in sent.tokens]  # "Hand-picked"
    if not tokens or len(tokens) > 7:
        return False
    content = [t for t in tokens if t.content and t.norm not in CUE_TIME and t.norm not in PRONOUNS]
    cue = [t for t in content if t.norm in CUE_WORDS]
    if not any(t.norm in CUE_WORDS for t in tokens):
        return False
    if any(t.norm in READING_WORDS for t in cue) and len(content) - len(cue) <= 1:
        return True
    return not content or len(cue) * 5 >= len(content) * 3


def is_furniture(text: str, story: frozenset[str] = frozenset()) -> bool:
    """A comment, reply, moderation, share, subscribe or sign-in line, in any phrasing.

    Its shape: short, form-like or addressed to the reader ("you", an imperative), made of
    template words (FURNITURE) and none of the story's (`story`: the words the article keeps
    coming back to). A quotation is never furniture, nor a line that tells the story. A line of
    several sentences is furniture when each of them is ("Not a subscriber? Start a trial.").
    """
    if len(text) > 220 or QUOTE_MARKS.search(text):
        return False
    sents = sentences(text)
    if not sents or sum(len(s.tokens) for s in sents) > 25:
        return False
    if _furniture_line(text, [t for s in sents for t in s.tokens], story):
        return True
    return len(sents) > 1 and all(_furniture_line(text[s.start:s.end], words(text[s.start:s.end]), story) for s in sents)


def _furniture_line(text: str, tokens: Sequence[Token], story: frozenset[str]) -> bool:
    if not tokens:
        return False
    content = [t for t in tokens if (t.content or t.number) and len(t.norm) > 1 and t.norm not in PRONOUNS]
    template = [t for t in content if t.norm in FURNITURE]
    own = [t for t in content if t.stem in story and t.norm not in FURNITURE and not t.number]
    names = [t for x, t in enumerate(tokens) if x > 0 and text[t.start].isupper() and t.content and t not in template]
    if len(own) * 2 > len(content) or (names and len(content) >= 5):
        return False
    addressed = any(t.norm in SECOND_PERSON for t in tokens) or tokens[0].norm in IMPERATIVES
    unfinished = not ENDED_RE.search(text.rstrip())
    if not unfinished and any(t.number or (x > 0 and text[t.start].isupper()) for x, t in enumerate(tokens)):
        return False  # a sentence with a figure or a name in it tells something
    # A line ("Share on Facebook", "12 comments") needs a third of its words from templates; a
    # sentence ("Comments are moderated before they appear.") two such words, and half its
    # words, or one if it speaks to the reader in a few words of no story ("Get our free briefing.").
    if unfinished and template and (len(template) * 3 >= len(content) or addressed and len(content) <= 5):
        return True
    if template and addressed and len(content) <= 5 and len(own) * 3 < len(content):
        return True
    if template and tokens[0].norm in IMPERATIVES and any(t.norm in SECOND_PERSON for t in tokens) \
            and len(content) <= 12 and len(own) * 3 < len(content):
        return True  # a box's pitch: "Get the day's top stories delivered to your inbox every morning."
    if len(template) >= 2 and len(template) * 2 >= len(content):
        return True
    if re.match(r"^[\w' ]{1,30}(?:\*|\(required\))\s*$", text.strip(), re.I):  # a form field: "Name *"
        return True
    return addressed and unfinished and len(tokens) <= 6 and len(content) <= 1 and not own  # "Have your say below"


def story_vocabulary(texts: Sequence[str], kinds: Sequence[Kind], least: int = 1) -> frozenset[str]:
    """The article's own words: the stems of its body paragraphs up to the first related cue
    (those found in at least `least` paragraphs), template words aside."""
    seen: Counter[str] = Counter()
    for text, kind in zip(texts, kinds):
        if kind == "body" and is_related_cue(text):
            break
        if kind in ("body", "headline"):
            seen.update(set(_stems(text)))
    return frozenset(s for s, n in seen.items() if n >= least) - FURNITURE_STEMS


def story_share(text: str, story: frozenset[str]) -> float:
    """The share of a paragraph's words that are the article's own (template words aside)."""
    stems = [s for s in _stems(text) if s not in FURNITURE_STEMS]
    return sum(1 for s in stems if s in story) / len(stems) if stems else 0.0


# After a related cue: a teaser's lede keeps to its headline's story, so a paragraph under a
# teaser headline goes on with the article only if half its words are the article's; a blurb
# without a headline needs a few (real paragraphs of an article share a median 29 % of their
# words with the paragraphs before them, measured on BBC articles; one in twenty under 14 %).
LEDE_SHARE = 0.5
BLURB_SHARE = 0.15


def classify(texts: Sequence[str], kinds: Sequence[Kind], title: str | None) -> list[Kind]:
    """Mark cue lines, furniture, captions that repeat the title, and other stories' teasers.

    Once a related-content cue opens a block, what follows is boilerplate, teaser headline and
    lede alike, until a paragraph goes on with the article's own story: its words are those of
    the article before the cue. A cue with a link's title after it ("Read more: Mayor unveils
    plan") is one teaser and opens no block.
    """
    out = list(kinds)
    topical = story_vocabulary(texts, kinds, least=2)
    shares = _shares_before(texts, kinds)
    own: set[str] = set()  # the words of the article's own paragraphs so far
    before: frozenset[str] = frozenset()  # ... when the block of teasers began
    in_section = under_headline = False
    furniture: str | None = None  # under a heading of "comments" or of "teasers"
    bodies = 0  # the article's own paragraphs so far
    told = False  # a sentence of the story seen: above it, a "related" word is a menu's, no block's
    for i, text in enumerate(texts):
        if out[i] == "headline" and bodies >= 2:
            # A heading of the page's furniture ("Reader comments (2)", "You might also like"):
            # what stands under it, up to the next heading, is furniture too.
            furniture = ("comments" if COMMENTS_HEADING_RE.match(text) else "teasers") if is_cue_heading(text) else None
            if furniture:
                out[i] = "boilerplate"
                continue
        if out[i] != "body":
            if out[i] == "headline":
                own.update(_stems(text))
            continue
        if furniture == "teasers":
            # The article's own prose after a box of links: the article goes on. A teaser may
            # share a word or two with it ("Houston police arrest man…"), as the rule above.
            share = story_share(text, frozenset(own - FURNITURE_STEMS))
            if share >= LEDE_SHARE or share >= BLURB_SHARE and (len(text) > 200 or len(sentences(text)) >= 2):
                furniture = None
        if furniture:
            out[i] = "boilerplate"
            continue
        teaser = opened = False
        if is_cue(text) or is_furniture(text, topical):
            out[i] = "boilerplate"
            opened = is_related_cue(text) and not INLINE_LINK_RE.search(text)
        elif is_related_cue(text):
            out[i] = "boilerplate"
            opened = not INLINE_LINK_RE.search(text)
        elif is_caption_of(text, title) or (i > 0 and title and text == title):
            out[i] = "boilerplate"
        elif in_section and (is_teaser(text) or story_share(text, before) < (LEDE_SHARE if under_headline else BLURB_SHARE)
                             or under_headline and _blurb(texts, kinds, i)):
            out[i] = "boilerplate"
            teaser = title_like(text)
        elif out[i - 1:i] == ["boilerplate"] and out[:i].count("body") >= 2 and _headline_shaped(text) \
                and shares[i] < TEASER_SHARE:
            # A line of debris over a headline of another story: a cue in words no rule knows.
            out[i] = "boilerplate"
            opened = teaser = True
        else:
            in_section = False
            own.update(_stems(text))
            bodies += 1
            told = told or (ENDED_RE.search(text.rstrip("\"'”’) ")) is not None and len(text.split()) >= 8)
        if opened and not in_section and told:
            in_section, before = True, frozenset(own - FURNITURE_STEMS)
        under_headline = teaser
    return _trailing_block(texts, out, shares)


# A trailing block of teasers without a cue we know: its headlines and short lines share under
# TEASER_SHARE of their words with the article before them, its ledes under STRAY_SHARE (one
# real paragraph in ten shares less than 17 %, measured on BBC articles).
TEASER_SHARE = 0.35
STRAY_SHARE = 0.3


def _blurb(texts: Sequence[str], kinds: Sequence[Kind], i: int) -> bool:
    """A teaser's one-sentence blurb under its headline, with the next teaser's headline (or the
    page's end) after it: a teaser of a story on the same subject shares most of its words with
    the article, so only its place tells it."""
    if len(sentences(texts[i])) != 1 or re.match("\\W*[\"“”«„‘']", texts[i]):  # a quotation is the article's
        return False
    return i + 1 == len(texts) or kinds[i + 1] == "body" and _headline_shaped(texts[i + 1])


def _headline_shaped(text: str) -> bool:
    stripped = text.rstrip()
    return len(stripped) <= 140 and not re.search(r"[.!…:;,。！，：；][\"'”’)\]」』）]*$", stripped) and (
        title_like(stripped) or (stripped.endswith("?") and len(stripped.split()) <= 14))


def _shares_before(texts: Sequence[str], kinds: Sequence[Kind]) -> list[float]:
    """For each paragraph, the share of its words found in the article's text before it."""
    seen: set[str] = set()
    shares = []
    for text, kind in zip(texts, kinds):
        stems = [s for s in _stems(text) if s not in FURNITURE_STEMS]
        shares.append(sum(1 for s in stems if s in seen) / len(stems) if stems else 0.0)
        if kind in ("body", "headline"):
            seen.update(stems)
    return shares


def _trailing_block(texts: Sequence[str], kinds: list[Kind], shares: Sequence[float]) -> list[Kind]:
    """Set apart a block of page debris that ends the page, whatever its cue says: teaser
    headlines (each with its lede, if any) and short unfinished lines (a cue, a form or share
    line in words no rule knows) that share little with the article before them. Two teaser
    headlines, or one next to debris already known, are the evidence; an article's own last
    lines (a quotation, a closing sentence) stop the block."""
    block: list[int] = []
    headlines = known = 0
    x = len(texts) - 1
    while x >= 0:
        text = texts[x]
        if kinds[x] == "boilerplate":
            known += 1
        elif kinds[x] != "body":
            break
        elif QUOTE_MARKS.search(text):
            break
        elif _headline_shaped(text) and shares[x] < TEASER_SHARE:
            block.append(x)
            headlines += 1
        elif x > 0 and kinds[x - 1] == "body" and _headline_shaped(texts[x - 1]) and shares[x - 1] < TEASER_SHARE \
                and shares[x] < STRAY_SHARE:
            block.append(x)  # a lede under its headline
        elif len(text.split()) <= 8 and not re.search(r"[.!?:;,。！？：；，]$", text.rstrip()) and (
                shares[x] < TEASER_SHARE or shares[x] * len(_stems(text)) <= 1):
            block.append(x)
        else:
            break
        x -= 1
    if x >= 0 and re.search(r"[:;]$", texts[x].rstrip()):
        return kinds  # the lines after "The main cast:" are the article's own list
    if headlines >= 2 or (known and (headlines or block)):
        for x in block:
            kinds[x] = "boilerplate"
    return kinds


def _content(text: str) -> set[str]:
    return {t.stem for sent in sentences(text) for t in sent.tokens if t.content and len(t.norm) > 2}


def _shaped(text: str) -> bool:
    """Shaped like page debris: a teaser headline, a blurb cut off with an ellipsis, a furniture line."""
    truncated = text.rstrip().endswith(("…", "...", "[…]", "[...]")) and len(text) >= 60
    return (title_like(text) and not text.rstrip().endswith(".")) or truncated or is_furniture(text)


def _names(text: str) -> set[str]:
    """Capitalised words inside sentences: the names a paragraph gives."""
    return {t.norm for sent in sentences(text) for t in sent.tokens[1:] if t.content and text[t.start].isupper()}


def _belongs(text: str, names: set[str]) -> bool:
    """The article's own line whatever its words: a quotation, a line that refers back ("She
    was 34."), or one that names someone or something the article names elsewhere."""
    if QUOTE_MARKS.search(text):
        return True
    first = next((t for sent in sentences(text) for t in sent.tokens), None)
    if first is None or first.norm in BACK:
        return True
    return not title_like(text) and bool(_names(text) & names) or (text[first.start].isupper() and first.norm in names)


# A paragraph of prose this long (in content words) may be a teaser's lede; shorter, it is a kicker.
LEDE_WORDS = 8


def off_topic(
    articles: Sequence[Article], min_overlap: float = 0.1, progress: Progress | None = None
) -> tuple[Article, ...]:
    """Fold the trailing run of body paragraphs that share almost no words with the story and
    are shaped like debris.

    The story's vocabulary is what the *other* sources say plus the article's own opening; a
    trailing paragraph that reuses less than `min_overlap` of it is another story's teaser if
    its shape says so too: shortness at the end is no evidence. The folded run starts at a
    teaser headline, a cut-off blurb or a furniture line; long prose after one is its lede; a
    short line before it, a quotation, a line that refers back or names what the article names
    is the article's own closing and stays. The bar is low on purpose: a last paragraph with a
    fact only this source has ("Repair costs were estimated at $42 million") shares a word or
    two with the story and must stay; hiding reporting is worse than showing a teaser. Needs at
    least two sources: alone, an article has no story to be off.
    """
    if len(articles) < 2:
        return tuple(articles)
    contents = []
    for n, a in enumerate(articles):
        if progress and n % 50 == 0:
            progress("aligning", 0, len(articles))
        contents.append([_content(p.text) for p in a.body])
    vocab = [set().union(*stems) for stems in contents]
    held: Counter[str] = Counter(stem for v in vocab for stem in v)
    out = []
    for i, article in enumerate(articles):
        body = article.body
        if len(body) < 3:
            out.append(article)
            continue
        own = vocab[i]
        half = max(2, len(body) // 2)
        own_head = set().union(*contents[i][:half])
        run: list[Paragraph] = []
        for para, stems in reversed(list(zip(body[half:], contents[i][half:]))):
            if not stems:
                break
            others = sum(1 for s in stems if held[s] > (s in own))
            story = sum(1 for s in stems if s in own_head or held[s] > (s in own))
            if others / len(stems) >= min_overlap or story / len(stems) >= 2 * min_overlap:
                break
            if not _shaped(para.text) and len(stems) < LEDE_WORDS:
                break
            run.append(para)
        run.reverse()
        start = next((x for x, para in enumerate(run) if _shaped(para.text)), len(run))
        folded: set[int] = set()
        if run[start:]:  # the names of the rest are looked up only for a run that may fold
            rest = {p.index for p in body} - {p.index for p in run}
            names = set().union(set(), *(_names(p.text) for p in body if p.index in rest))
            folded = {p.index for p in run[start:] if not _belongs(p.text, names)}
        if folded:
            article = Article(
                article.id, article.path,
                tuple(Paragraph(p.index, "boilerplate", p.text) if p.index in folded else p for p in article.paragraphs),
                article.title, article.date, article.byline, article.outlet,
            )
        out.append(article)
    return tuple(out)
