"""Saved web pages and web addresses: trafilatura's article text and metadata, page chrome left
out; pages fetched from a small HTTP server the tests run on loopback (never the internet), and
every way a fetch fails is one clear line while the other sources load."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyview.inputs import load as load_module
from storyview.inputs import web
from storyview.cli import main
from storyview.inputs.load import load

ARTICLE = [
    "The city council approved a new transit budget of $12 million on Tuesday after a debate that ran late into the night.",
    "Electric buses will be bought first, the mayor said, and the older diesel fleet will be retired over three years.",
    "Critics said the plan was “too little, too late” for riders on the east side, where service has been cut twice.",
]
CHROME = ["Subscribe to our newsletter", "Related stories: Mayor opens new park", "All rights reserved", "Home", "Sign in"]


def page(title: str = "Council Passes Transit Budget", paragraphs: list[str] = ARTICLE, charset: str = "utf-8",
         extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | City Times</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="City Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-11-07T09:30:00Z">
<style>body {{ font-family: serif }}</style>
<script>var tracking = "Subscribe to our newsletter";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Sign in</a></nav></header>
<main><article>
<h1>{title}</h1>
{body}<h2>What comes next</h2>
<p>The first buses arrive in spring, and the council will review the budget again in the autumn session.</p>
{extra}
</article></main>
<aside><h3>Related stories: Mayor opens new park</h3><ul><li><a href="/a">Park opens</a></li></ul></aside>
<div class="newsletter">Subscribe to our newsletter</div>
<footer><p>© 2025 City Times. All rights reserved.</p></footer>
</body></html>"""


OTHER = "On Tuesday the city council passed the transit budget of $12 million, which buys electric buses, after a long debate."


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


# ---------------------------------------------------------------- saved pages


def test_saved_page_gives_article_and_metadata(write) -> None:
    path = write("council.html", page())
    loaded = load([path, write("other.txt", OTHER)])
    assert loaded.warnings == []
    a = loaded.articles[0]
    assert (a.id, a.title, a.date, a.byline, a.outlet) == ("council", "Council Passes Transit Budget", "2025-11-07", "Jane Doe", "City Times")
    body = [p.text for p in a.paragraphs if p.kind == "body"]
    assert body[:3] == ARTICLE
    assert [p.text for p in a.paragraphs if p.kind == "headline"] == ["Council Passes Transit Budget", "What comes next"]
    everything = " ".join(texts(a))
    for chrome in CHROME:
        assert chrome not in everything
    assert "tracking" not in everything and "font-family" not in everything


def test_the_site_a_title_names_is_the_outlet_where_the_page_states_none(write) -> None:
    bare = page().replace('<meta property="og:site_name" content="City Times">', "")
    assert load([write("council.html", bare), write("other.txt", OTHER)]).articles[0].outlet == "City Times"


@pytest.mark.parametrize(("title", "site"), [
    ("<title>Four dead as bridge falls | Northern Post</title>", "Northern Post"),
    ("<title>Four dead as bridge falls - BBC News</title>", "BBC News"),
    ("<title>Four dead as bridge falls</title>", None),
    ("<title>Bridge - the day it fell | a long essay</title>", None),  # not the headline before it
])
def test_site_in_title(title: str, site: str | None) -> None:
    headline = "Four dead as bridge falls"
    assert web.site_in_title(f"<html><head>{title}</head></html>", headline) == site


def test_a_stated_date_ahead_of_today_is_still_the_date(write) -> None:
    path = write("ahead.html", page().replace("2025-11-07T09:30:00Z", "2031-03-03T09:00:00Z"))
    assert load([path, write("other.txt", OTHER)]).articles[0].date == "2031-03-03"


def test_htm_and_a_page_saved_as_txt(write) -> None:
    htm = load([write("story.htm", page())]).articles[0]
    txt = load([write("story-saved.txt", page())]).articles[0]
    assert texts(htm) == texts(txt)
    assert ARTICLE[0] in texts(txt)


def test_legacy_encoding_declared_in_the_page(write) -> None:
    html = page(paragraphs=[ARTICLE[0], "The café on Rue Noël stays open – for now, said Zoë Müller."], charset="windows-1252")
    article = load([write("legacy.html", html.encode("cp1252"))]).articles[0]
    assert "The café on Rue Noël stays open – for now, said Zoë Müller." in texts(article)


def test_markup_in_article_text_stays_text(write) -> None:
    html = page(paragraphs=[ARTICLE[0], "The memo said &lt;script&gt;alert(1)&lt;/script&gt; was found in the form, and \x1b[31mred\x1b[0m text &#27;[2J too."])
    article = load([write("markup.html", html)]).articles[0]
    memo = next(t for t in texts(article) if t.startswith("The memo"))
    assert "<script>alert(1)</script>" in memo
    assert "\x1b" not in memo and "red text" in memo


def test_page_with_no_article_is_a_warning(write) -> None:
    empty = write("empty.html", "<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    loaded = load([empty, write("other.txt", OTHER)])
    assert [a.id for a in loaded.articles] == ["other"]
    assert loaded.warnings == [f"{empty}: skipped, no article text found in the page"]


def test_mixed_folder(write, tmp_path) -> None:
    write("mixed/a.txt", OTHER)
    write("mixed/b.md", "# Budget Passes\n\nThe *council* approved the [transit budget](http://x.example) on Tuesday.")
    write("mixed/c.html", page())
    write("mixed/d.htm", page(title="Buses Come First"))
    write("mixed/e.json", "{}")
    write("mixed/f.png", b"\x89PNG\r\n\x1a\n\x00")
    loaded = load([str(tmp_path / "mixed")])
    assert [a.id for a in loaded.articles] == ["a", "b", "c", "d"]
    assert loaded.warnings == [f"{tmp_path / 'mixed'}: 2 files of other kinds not read: e.json, f.png"]
    assert loaded.articles[1].title == "Budget Passes"
    assert loaded.articles[3].title == "Buses Come First"


def test_a_huge_page_is_cut_with_a_warning(write, monkeypatch) -> None:
    monkeypatch.setattr(load_module, "MAX_BYTES", 2_000)
    monkeypatch.setattr(load_module, "MAX_PAGE_BYTES", 6_000)
    filler = "".join(f"<p>Paragraph {n} of a very long article that keeps going on about the budget.</p>" for n in range(400))
    path = write("huge.html", page(extra=filler))
    loaded = load([path])
    assert loaded.articles and ARTICLE[0] in texts(loaded.articles[0])
    assert loaded.warnings == [f"{path}: too large, read only the first 6,000 bytes"]


# ---------------------------------------------------------------- web addresses, on loopback


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/slow"):
            time.sleep(1.5)
        if self.path.startswith("/pdf"):
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4 not an article")
            return
        if self.path.startswith("/evil-reason"):
            self.send_response(404, "Not\x1b]0;PWNED\x07 Found\x1b[2J")
            self.end_headers()
            return
        if self.path.startswith("/evil-type"):
            self.send_response(200)
            self.send_header("Content-Type", "application/x-\x1b[31mevil")
            self.end_headers()
            self.wfile.write(b"not an article")
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path.startswith("/trickle"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100):  # two bytes every 0.1 s: each read is quick, the page never ends
                    self.wfile.write(b"a ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:  # the client hung up
                pass
            return
        if self.path.startswith("/moved"):
            self.send_response(302)
            self.send_header("Location", "/council.html")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving pages written into tmp_path/site; yields its base URL."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "council.html").write_text(page(), encoding="utf-8")
    (site / "buses.html").write_text(page(title="Buses Come First", paragraphs=[OTHER, *ARTICLE[1:]]), encoding="utf-8")
    (site / "notes.txt").write_text(OTHER + "\n\nA second paragraph of plain text.", encoding="utf-8")
    (site / "brief.md").write_text("# Brief\n\nThe **council** passed the budget on Tuesday.", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site)))
    httpd.block_on_close = False  # a slow request still sleeping does not hold up the test
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_pages_fetched_and_extracted(server, monkeypatch) -> None:
    # A proxy in the environment must not swallow loopback addresses.
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    loaded = load([f"{server}/council.html", f"{server}/buses.html", f"{server}/notes.txt", f"{server}/brief.md"])
    assert loaded.warnings == []
    council, buses, notes, brief = loaded.articles
    assert (council.id, council.path, council.title, council.outlet, council.date) == (
        "council", f"{server}/council.html", "Council Passes Transit Budget", "City Times", "2025-11-07")
    assert ARTICLE[0] in texts(council) and not any(c in " ".join(texts(council)) for c in CHROME)
    assert buses.title == "Buses Come First"
    assert texts(notes) == [OTHER, "A second paragraph of plain text."]
    assert texts(brief) == ["Brief", "The council passed the budget on Tuesday."]


def test_redirect_is_followed(server) -> None:
    loaded = load([f"{server}/moved"])
    assert loaded.warnings == [] and ARTICLE[0] in texts(loaded.articles[0])


def test_failed_fetches_are_one_line_each_and_the_rest_loads(server, write, monkeypatch) -> None:
    monkeypatch.setattr(web, "FETCH_TIMEOUT", 0.5)
    closed = "http://127.0.0.1:9/gone.html"  # the discard port: nothing listens there
    urls = [f"{server}/missing.html", closed, f"{server}/pdf", f"{server}/slow.html", "ftp://example.org/a.txt"]
    loaded = load([f"{server}/council.html", *urls, write("other.txt", OTHER)])
    assert [a.id for a in loaded.articles] == ["council", "other"]
    assert loaded.warnings == [
        "ftp://example.org/a.txt: skipped, only http:// and https:// addresses are fetched",
        f"{server}/missing.html: skipped, cannot fetch (HTTP 404 File not found)",
        f"{closed}: skipped, cannot fetch (connection refused)",
        f"{server}/pdf: skipped, not a web page or text (application/pdf)",
        f"{server}/slow.html: skipped, cannot fetch (no answer within 0.5 s)",
    ]


def test_no_network_is_said_plainly(monkeypatch, write) -> None:
    import socket

    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    loaded = load(["https://news.example.com/story.html", write("other.txt", OTHER)])
    assert [a.id for a in loaded.articles] == ["other"]
    assert loaded.warnings == ["https://news.example.com/story.html: skipped, cannot fetch (host not found: no network, or no such host)"]


def test_the_command_with_addresses(server, capsys, write) -> None:
    code = main(["--json", f"{server}/council.html", f"{server}/missing.html", write("other.txt", OTHER)])
    out, err = capsys.readouterr()
    assert code == 0
    assert [s["id"] for s in json.loads(out)["sources"]] == ["council", "other"]
    assert err.splitlines() == [f"storyview: {server}/missing.html: skipped, cannot fetch (HTTP 404 File not found)"]


def test_the_same_address_twice_loads_once(server) -> None:
    url = f"{server}/council.html"
    loaded = load([url, url])
    assert len(loaded.articles) == 1
    assert loaded.warnings == [f"{url}: skipped, the same address is already loaded"]


def test_what_a_server_says_never_reaches_the_terminal_raw(server, capsys, write) -> None:
    urls = [f"{server}/evil-reason", f"{server}/evil-type"]
    loaded = load([*urls, write("other.txt", OTHER)])
    assert loaded.warnings == [
        f"{server}/evil-reason: skipped, cannot fetch (HTTP 404 Not\\x1b]0;PWNED\\x07 Found\\x1b[2J)",
        f"{server}/evil-type: skipped, not a web page or text (application/x-\\x1b[31mevil)",
    ]
    assert main(["--json", *urls, write("other.txt", OTHER)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and len(err.splitlines()) == 3


def test_a_redirect_loop_is_one_line(server) -> None:
    loaded = load([f"{server}/loop"])
    assert loaded.warnings == [f"{server}/loop: skipped, cannot fetch (HTTP 302: the redirects go round in a loop)"]


def test_reasons_are_put_on_one_line() -> None:
    err = web.FetchError("cannot fetch (HTTP 500 two\nlines\r\nand\x1b[2J more)")
    warnings: list[str] = []
    assert load_module._read_or_warn("x", lambda: (_ for _ in ()).throw(load_module.Unusable(str(err))), warnings) is None
    assert warnings == ["x: skipped, cannot fetch (HTTP 500 two lines and\\x1b[2J more)"]


def test_a_page_that_never_ends_is_given_up_at_the_deadline(server, monkeypatch) -> None:
    monkeypatch.setattr(web, "FETCH_DEADLINE", 1.0)
    start = time.monotonic()
    loaded = load([f"{server}/trickle"])
    assert time.monotonic() - start < 5
    assert loaded.articles == []
    assert loaded.warnings == [f"{server}/trickle: skipped, cannot fetch (page not received within 1 s)"]


def test_a_page_drawn_by_a_script_takes_its_paragraphs_from_its_json_ld(write) -> None:
    body = "\n\n".join(ARTICLE)
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "City Times"},
        {"@type": "NewsArticle", "headline": "Council Passes Transit Budget", "articleBody": body}]})
    html = (f'<!DOCTYPE html><html><head><title>Council Passes Transit Budget | City Times</title>'
            f'<script type="application/ld+json">{ld}</script></head>'
            f'<body><div id="root"></div><noscript>Enable JavaScript to run this app.</noscript></body></html>')
    assert web.article_body(html) == ARTICLE
    article = load([write("spa.html", html), write("other.txt", OTHER)]).articles[0]
    assert [p.text for p in article.body] == ARTICLE


def test_json_ld_paragraphs_replace_only_the_same_text_run_together(write) -> None:
    other = json.dumps({"@type": "NewsArticle", "articleBody": "A different text.\n\nIn two paragraphs."})
    html = page(extra=f'<script type="application/ld+json">{other}</script>')
    article = load([write("council.html", html), write("other.txt", OTHER)]).articles[0]
    assert [p.text for p in article.body][:3] == ARTICLE
    broken = '<script type="application/ld+json">{"articleBody": </script>'
    assert web.article_body(broken) == []


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example.com/world/2026/nov/14/quake", "2026-11-14"),
    ("https://news.example.com/2026/Sep/3/quake", "2026-09-03"),
    ("https://news.example.com/2026/11/14/quake.html", "2026-11-14"),
    ("https://news.example.com/2026/feb/30/quake", None),  # no such day
    ("https://news.example.com/2026/sun/14/quake", None),
    (None, None),
])
def test_the_date_in_a_page_address(url: str | None, day: str | None) -> None:
    from storyview.inputs.web import url_date

    assert url_date(url) == day
