"""Page debris in words the seeds never used: tails appended to real articles, and what is set apart.

    python benchmarks/debris.py [--bank A|B|C|D|E|all] [--verbose]

Each article (ECB+ reports, each with the other reports of its event as the other sources, and
BBC articles, each alone) gets a tail like a saved web page's: a related-content cue with teaser
headlines and ledes (some cut off with an ellipsis, some not), and comment, reply, moderation,
share, subscribe and sign-in lines, in a random order. Every phrase of a tail comes from one of
five phrase banks written for this benchmark, none sharing a phrase with another or with the
seeds. The rules in `storyview/inputs/boilerplate.py` were tuned in rounds: on bank A; then B,
C and D were each first run as held out (B 90.6 % / 91.7 %, C 81.4 % / 71.6 %, D 71.3 % / 75.4 %
of tail paragraphs set apart on ECB+ / BBC) and then looked at and tuned on; bank E was written
once the rules were final and run (95.3 % / 93.5 %); one fix came after, prompted by a unit test
and not by bank E's misses (a block opened by a cue no rule knows compared its ledes with the
whole page, teasers included, instead of the article before the block). E's line is the figure
that counts.

Figures: the share of tail paragraphs set apart (kind other than body: target >= 95 %) and the
share of the articles' own paragraphs kept (not boilerplate: target >= 99 %), by bank and corpus.
An ECB+ text's first line, the page's address ("http: / / …"), is furniture and is not counted.
The seeds' debris (the 000 "Related Posts" block and comment form, 002's caption) is counted too.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from storyview.inputs.boilerplate import off_topic
from storyview.inputs.parse import parse_article
from storyview.model import Article

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
ECB = CORPORA / "ecbplus" / "ecbplus_dev_topics_1-30.jsonl"
BBC = CORPORA / "bbc" / "bbc_articles.jsonl"
ADDRESS = re.compile(r"^https?\s*:\s*/\s*/")


@dataclass(frozen=True)
class Bank:
    cues: tuple[str, ...]
    teasers: tuple[tuple[str, str], ...]  # (headline, lede)
    furniture: tuple[str, ...]  # comment, reply, moderation, share, subscribe and sign-in lines


A = Bank(
    cues=("More from this section", "You might also like", "Recommended for you", "Related stories",
          "Read next", "Popular right now", "Most read", "Editor's picks", "More stories like this",
          "Trending now"),
    teasers=(
        ("Coastal Town Votes To Ban Cars From Its Seafront",
         "Residents of the harbour town backed the plan by a narrow margin after months of debate over parking and noise."),
        ("Why Your Houseplants Keep Dying, According To Growers",
         "Overwatering is the most common mistake, say nursery owners, who recommend checking the soil with a finger first…"),
        ("Local Bakery Wins National Sourdough Prize",
         "The family-run shop beat more than 400 entries with a rye loaf that takes three days to make."),
        ("Ten Films To Watch Before The Awards Season",
         "From quiet dramas to big-budget thrillers, these are the titles critics keep mentioning…"),
        ("Rail fares set to rise again in January",
         "Commuters face a fourth increase in as many years, with season tickets on some routes passing the cost of a small car."),
        ("Scientists map the migration of monarch butterflies",
         "Tiny radio tags have revealed that the insects travel further in a single day than previously thought…"),
        ("Star Striker Signs Four-Year Contract Extension",
         "The forward, who scored 31 goals last season, said he never considered leaving the club."),
        ("How to cut your energy bill this winter",
         "Simple changes such as bleeding radiators and closing curtains at dusk can save households a surprising amount…"),
    ),
    furniture=("12 comments", "Leave a comment", "Comments are moderated and may take a while to appear.",
               "You must be logged in to post a comment.", "Share this article", "Share on Facebook",
               "Sign up for our daily newsletter", "Subscribe to get the latest updates in your inbox",
               "Sign in to reply", "Report this comment", "Please keep comments civil and on topic.",
               "Name *", "Email *", "Post Comment", "Follow us on Twitter", "Click here to subscribe",
               "Join the discussion", "Show more comments", "Log in or register to comment"),
)

B = Bank(
    cues=("Don't miss", "Elsewhere on the site", "Keep reading", "Around the web", "Further reading",
          "In other news", "Also on our site", "Stories we think you'll enjoy", "What to read next",
          "Top headlines"),
    teasers=(
        ("Mountain Village Reopens Its Only School After Five Years",
         "Parents had driven children an hour each way since the building closed; now eleven pupils are back in class."),
        ("The Surprising Science Of Afternoon Naps",
         "Researchers followed 2,000 office workers and found that a short sleep after lunch sharpened memory tests…"),
        ("City zoo welcomes twin red panda cubs",
         "Keepers said both cubs were feeding well and would go on show to visitors in the spring."),
        ("Chess Prodigy, 12, Beats Grandmaster In Exhibition Match",
         "The schoolboy needed just 34 moves to force a resignation in front of a packed hall…"),
        ("Water company fined over repeated sewage spills",
         "Regulators said the firm had ignored warnings for three years and ordered it to pay for river clean-up work."),
        ("Vintage Tram Line Could Return To Town Centre",
         "Councillors will study the cost of restoring track that was tarred over in the 1950s…"),
        ("Marathon runner completes 100 races in 100 days",
         "She ran through snow, heat and a sprained ankle to raise money for a children's hospice."),
        ("Five Budget Islands For A Late Summer Break",
         "Skip the crowds and the prices with these lesser-known destinations, from ferry-only hideaways to quiet fishing ports…"),
    ),
    furniture=("Join the conversation", "Be the first to respond", "Posts are checked by our moderators before they appear.",
               "Have your say below", "3 responses so far", "Tell us what you think",
               "Want this in your inbox every morning? Get our free briefing.", "Already a member? Log in",
               "Create a free account to keep reading", "Flag as inappropriate", "Copy link", "Send to a friend",
               "Pass this on: WhatsApp | Messenger | Email", "Our community rules apply to every post.",
               "Load more replies", "Your display name will be shown next to your post", "Enter your email address",
               "Get alerts when we publish on this topic", "Never miss a story: turn on notifications"),
)
# Written after bank B had been looked at (B became a second tuning bank): not looked at while tuning.
C = Bank(
    cues=("Read these next", "Hand-picked for you", "From our network", "More coverage", "People are also reading",
          "You may have missed", "Latest from the newsroom", "Explore more", "Continue exploring", "Related reading"),
    teasers=(
        ("Lighthouse Keeper's Diary Found Behind Kitchen Wall",
         "Builders renovating the cottage discovered a leather notebook describing storms from more than a century ago."),
        ("Budget airline adds seven new routes for spring",
         "The carrier will fly to three cities it has never served, with fares starting below the price of a taxi…"),
        ("Retired Teacher Knits 500 Hats For Newborns",
         "Every Tuesday for six years she has delivered a bag of tiny woollen hats to the maternity ward."),
        ("What the new recycling rules mean for your household",
         "Glass, cartons and garden waste will be collected on different days from next month, and some bins are changing colour…"),
        ("Orchestra Plays Final Concert In Condemned Hall",
         "Musicians wore coats on stage as the heating had already been switched off in the building due for demolition."),
        ("Cyclists Demand Safer Junction After Third Crash",
         "A petition signed by 3,000 riders calls for traffic lights at the roundabout where two people were hurt this year…"),
        ("Teenager's app helps farmers predict frost",
         "The 16-year-old built the tool using free weather data and it is now used on more than 200 farms."),
        ("Six quiet beaches you can still reach by train",
         "No car needed for these sandy coves, from a fishing village with one café to a dune-backed bay…"),
    ),
    furniture=("Add your voice to the discussion", "Replies (14)", "Every contribution is reviewed against our house rules.",
               "Commenting is closed for this story", "Log in with your account to respond", "Print this page",
               "Email this story", "Share via LinkedIn", "Bookmark this article", "Subscribers get unlimited access",
               "Our morning newsletter lands at 7am: sign up free", "Not a subscriber? Start your trial today",
               "Sign in or create an account", "Report a problem with this comment", "Sort comments by newest",
               "Display name (required)", "Comment policy", "Turn on push notifications for breaking news",
               "Follow this topic"),
)
# Written after C had been looked at; looked at and tuned on in turn.
D = Bank(
    cues=("Trending stories", "Our top picks", "Before you go", "More to read", "Catch up on",
          "Other readers liked", "Today's must-reads", "Recent coverage", "Worth your time", "From the archive"),
    teasers=(
        ("Allotment Society Celebrates 90 Years Of Giant Marrows",
         "Members gathered in the shed that serves as their clubhouse to weigh the biggest vegetables of the season."),
        ("Night buses return to the western suburbs",
         "After two years without a late service, passengers will again be able to travel after midnight on weekends…"),
        ("Museum Returns Stolen Clock To Village Church",
         "The eighteenth-century timepiece vanished in 1987 and turned up at an auction house earlier this year."),
        ("Is your loft insulation doing its job?",
         "Experts explain how to check the depth and what to do if the material has slumped or gone damp…"),
        ("Choir Of Firefighters Records Charity Single",
         "The crew rehearsed between shifts at the station and hope to fund a new rescue boat for the lake."),
        ("Hedgehog Sightings Rise In Town Gardens",
         "Volunteers counted almost twice as many of the animals as last summer, helped by holes cut in fences…"),
        ("Grandfather, 81, passes his driving test at the first attempt",
         "He said he had put it off for sixty years but wanted to take his wife to the coast."),
        ("The best walks with a pub at the end",
         "Eight routes between three and ten miles, each finishing at a fireside with food served all afternoon…"),
    ),
    furniture=("What do you make of this? Leave your thoughts below", "Comments (27)",
               "All posts are pre-moderated", "Log in to join the debate", "Reply to this post",
               "Flag this reply", "Tweet this", "Share with a friend by email", "Send this story to Facebook",
               "Members can read without limits", "Get the weekly roundup straight to your inbox",
               "Already registered? Sign in here", "Register to unlock comments", "Hide replies",
               "Username", "Password *", "By posting you agree to our terms of use",
               "Support independent local news from just £1 a week", "Newest first"),
)
# Written last, once the rules were final: run once, nothing changed after.
E = Bank(
    cues=("See also", "More like this", "Picked by our editors", "Also in the news", "Readers' favourites",
          "You could also read", "This week's biggest stories", "Next up", "Related links", "Keep scrolling for more"),
    teasers=(
        ("Ferry Crew Rescue Swimmer Stranded On Sandbank",
         "The man had set out to cross the estuary at low tide but was caught by the returning water."),
        ("Council approves plan for rooftop gardens on bus shelters",
         "Sedum plants will be fitted to forty shelters in a trial that aims to cool streets and help bees…"),
        ("Retired Jockey Opens Sanctuary For Old Racehorses",
         "Twelve horses now graze at the farm, which relies on donations and a team of weekend volunteers."),
        ("Why do cats knock things off tables?",
         "Animal behaviour specialists have several theories, and most of them involve getting your attention…"),
        ("Baker's Dozen: Thirteen Years Of The Harbour Food Fair",
         "Stallholders recalled rainy first years and queues that now stretch past the lifeboat station."),
        ("Village shop saved by crowdfunding campaign",
         "More than 600 people pledged money within a week to keep the only store for miles open…"),
        ("Astronomers Spot Comet Visible With Binoculars",
         "Look low in the north-western sky an hour after sunset on clear nights this month, they advise."),
        ("Ten Soups To See You Through The Cold Snap",
         "Warming recipes from lentil and lemon to a smoky bean broth that costs pennies a bowl…"),
    ),
    furniture=("Talk to us in the comments", "2 replies", "We review comments before publishing them.",
               "Sign in to add a comment", "Respond to this", "Report this reply", "WhatsApp this",
               "Share on X", "Email a link to this article", "Save for later",
               "Subscribe for full access to our journalism", "Become a member today and get our app",
               "Log out", "Forgot your password?", "Your comment *", "Your name", "Notify me of new replies",
               "Get breaking news alerts on your phone", "Most recent"),
)
BANKS = {"A": A, "B": B, "C": C, "D": D, "E": E}


def tail(bank: Bank, rng: random.Random) -> list[str]:
    """A page's tail: a related block (cue, two to four teasers) and four to seven furniture
    lines, some before the block and some after."""
    related = [rng.choice(bank.cues)]
    for headline, lede in rng.sample(bank.teasers, rng.randint(2, 4)):
        related += [headline, lede] if rng.random() < 0.8 else [headline]
    lines = rng.sample(bank.furniture, rng.randint(4, 7))
    cut = rng.randint(0, 2)
    return lines[:cut] + related + lines[cut:]


@dataclass
class Tally:
    tail: int = 0
    tail_apart: int = 0
    real: int = 0
    real_kept: int = 0
    missed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def add(self, article: Article, tail: set[str]) -> None:
        for p in article.paragraphs:
            if p.text not in tail and ADDRESS.match(p.text):
                continue  # the page's own address, first line of an ECB+ text: furniture, not story
            if p.text not in tail:
                self.real += 1
                self.real_kept += p.kind != "boilerplate"
                if p.kind == "boilerplate":
                    self.lost.append(f"{article.id}: {p.text[:90]!r}")
            else:
                self.tail += 1
                self.tail_apart += p.kind != "body"
                if p.kind == "body":
                    self.missed.append(f"{article.id}: {p.text[:90]!r}")


def ecb_sets(topics: range) -> list[list[tuple[str, list[str]]]]:
    sets: dict[str, list[tuple[str, list[str]]]] = {}
    for line in ECB.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["topic"] in topics:
            sets.setdefault(row["subtopic"], []).append(
                (row["doc"], [" ".join(s["text"].split()) for s in row["sentences"]]))
    return [docs for _, docs in sorted(sets.items())]


def bbc_articles(half: int, count: int, sample: int = 0) -> list[tuple[str, list[str]]]:
    rows = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines()]
    rows = rows[: len(rows) // 2] if half == 0 else rows[len(rows) // 2:]
    rng = random.Random(7 + half + 100 * sample)
    return [(r["id"], [r["title"], *r["paragraphs"]]) for r in rng.sample(rows, count)]


def run(bank: Bank, ecb_topics: range, bbc_half: int, seed: int, tails_per_set: int = 2,
        bbc_count: int = 60, sample: int = 0) -> tuple[Tally, Tally, int]:
    """Tails on ECB+ (two reports of each event set get one) and on BBC articles (each alone)."""
    rng = random.Random(seed)
    ecb, bbc = Tally(), Tally()
    tailed = 0
    for docs in ecb_sets(ecb_topics):
        chosen = set(rng.sample(range(len(docs)), min(tails_per_set, len(docs))))
        articles, tails = [], []
        for d, (doc, paragraphs) in enumerate(docs):
            extra = tail(bank, rng) if d in chosen else []
            articles.append(parse_article(doc, doc, "\n\n".join(paragraphs + extra)))
            tails.append(set(extra))
        tailed += len(chosen)
        for d, article in enumerate(off_topic(articles)):
            ecb.add(article, tails[d])
    for doc, paragraphs in bbc_articles(bbc_half, bbc_count, sample):
        extra = tail(bank, rng)
        bbc.add(parse_article(doc, doc, "\n\n".join(paragraphs + extra)), set(extra))
        tailed += 1
    return ecb, bbc, tailed


def seeds_debris() -> tuple[int, int]:
    from storyview.pipeline import build_story

    story = build_story(None)
    a000 = next(a for a in story.articles if a.id.startswith("000"))
    start = next(p.index for p in a000.paragraphs if p.text == "Related Posts")
    debris = list(a000.paragraphs[start:])
    debris.append(next(a for a in story.articles if a.id.startswith("002")).paragraphs[1])
    return sum(p.kind == "boilerplate" for p in debris), len(debris)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bank", choices=("A", "B", "C", "D", "E", "all"), default="all")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    plans = {"A": (range(1, 11), 0, 1, 0), "B": (range(11, 31), 1, 2, 0), "C": (range(11, 31), 1, 3, 0),
             "D": (range(1, 31), 1, 4, 1), "E": (range(1, 31), 1, 5, 2)}
    for name in ("A", "B", "C", "D", "E") if args.bank == "all" else (args.bank,):
        topics, half, seed, sample = plans[name]
        ecb, bbc, tailed = run(BANKS[name], topics, half, seed, sample=sample)
        note = {"A": "tuned on", "B": "held out, then tuned on", "C": "held out, then tuned on",
                "D": "held out, then tuned on", "E": "held out: never tuned on"}[name]
        print(f"bank {name} ({note}), ECB+ topics {topics.start}-{topics.stop - 1} and BBC half {half + 1}: "
              f"{tailed} articles with a tail")
        for label, t in (("ECB+", ecb), ("BBC", bbc)):
            print(f"  {label:<5} tail paragraphs set apart {t.tail_apart / t.tail:6.1%} ({t.tail_apart}/{t.tail})"
                  f"   real paragraphs kept {t.real_kept / t.real:7.2%} ({t.real_kept}/{t.real})")
            if args.verbose:
                for line in t.missed:
                    print("    missed", line)
                for line in t.lost:
                    print("    lost  ", line)
    apart, total = seeds_debris()
    print(f"seeds: {apart} of {total} debris paragraphs set apart")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
