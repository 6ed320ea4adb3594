"""``briefing import`` of a saved web page, a feed and a URL, end to end through ``main``.

The URL tests talk to a local HTTP server on 127.0.0.1 that each test starts
(never the internet); the slow response is the server's own delay, met by a
short ``--timeout``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.loading import load_brief
from briefing.importer.sources import sniff

PAGES = Path(__file__).resolve().parent / "pages"
HARBOUR = PAGES / "harbour.html"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Valley Voice</title><link>https://voice.example/</link><description>News</description>
<item>
  <title>Rural clinics to get new funding</title>
  <link>https://voice.example/clinics</link>
  <pubDate>Mon, 22 Sep 2025 08:00:00 +0000</pubDate>
  <author>ana@voice.example (Ana Souza)</author>
  <description><![CDATA[<p>The health ministry announced on Monday that 340 rural clinics would share an extra 85 million dollars.</p>
  <p>"No family should have to drive three hours to see a nurse," Health Minister Carlos Mendes said.</p>]]></description>
</item>
<item>
  <title>Budget: a 50/50 split? ../../etc/passwd</title>
  <link>https://voice.example/budget</link>
  <pubDate>Tue, 23 Sep 2025 08:00:00 +0000</pubDate>
  <description>The council agreed on Tuesday to split the road budget evenly between the two districts, Mayor Lena Vogt said.</description>
</item>
<item>
  <title>Library opens late-night study hall</title>
  <link>https://voice.example/library</link>
  <pubDate>Wed, 24 Sep 2025 08:00:00 +0000</pubDate>
  <description>The public library will stay open until midnight from Monday, October 6, head librarian Tomas Berg said.</description>
</item>
</channel></rss>
"""

EMPTY_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title>
<link>https://x.example/</link><description>none</description></channel></rss>"""


def _one_line_error(capsys: pytest.CaptureFixture[str], *parts: str) -> str:
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("briefing import: ")
    assert "Traceback" not in captured.err + captured.out
    for part in parts:
        assert part in captured.err
    return captured.err


@pytest.mark.parametrize(
    ("data", "content_type", "kind"),
    [
        (b"Headline\n\nThe feed format <rss version=2.0> was discussed.", None, "text"),
        (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<rss version='2.0'>", None, "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "text/html", "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p>", None, "html"),
        (b"<!-- saved --><div><p>x</p></div>", None, "html"),
        (b"Plain words", "text/html", "html"),
        (b"Plain words", "text/plain", "text"),
    ],
)
def test_sniff_tells_the_inputs_apart(data: bytes, content_type: str | None, kind: str) -> None:
    assert sniff(data, content_type) == kind


# A saved page


def test_saved_page_drops_navigation_adverts_and_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(HARBOUR), "-o", str(tmp_path)]) == 0
    (target,) = tmp_path.glob("*.toml")
    assert target.name == "port-workers-strike-over-pay-in-harwich.toml"
    draft = target.read_text(encoding="utf-8")
    brief = load_brief(target)
    assert brief.title == "Port workers strike over pay in Harwich"
    assert brief.published.isoformat() == "2025-05-14T09:30:00+01:00"
    assert brief.source is not None and brief.source.name == "Coastal Herald"
    assert {"Frances Achebe", "Martin Kroll"} <= {p.name for p in brief.participants}
    assert any(q.text.startswith("Our members have been patient") for q in brief.quotes)
    for boilerplate in ("Subscribe", "cookies", "Advertisement", "crossword", "harbourwatcher",
                        "Ridiculous", "Related stories", "All rights reserved", "Jane Porter ·"):  # fmt: skip
        assert boilerplate not in draft, boilerplate
    assert "wrote" in capsys.readouterr().out


def test_hostile_metadata_still_makes_a_valid_draft(tmp_path: Path) -> None:
    page = HARBOUR.read_text(encoding="utf-8")
    page = page.replace(
        'content="Coastal Herald"', f'content="\x1b[31mCoastal{" Herald" * 20_000}"'
    )
    page = page.replace(
        'href="https://herald.example/news/port-strike"', f'href="https://h.example/{"a" * 9000}"'
    )
    saved = tmp_path / "page.html"
    saved.write_text(page, encoding="utf-8")
    assert main(["import", str(saved), "-o", str(tmp_path / "out.toml")]) == 0
    brief = load_brief(tmp_path / "out.toml")
    assert brief.source is not None and brief.source.name.startswith("Coastal Herald Herald")
    assert "\x1b" not in (tmp_path / "out.toml").read_text(encoding="utf-8")
    assert brief.source.url is None


def test_page_without_an_article_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    assert main(["import", str(page), "-o", str(tmp_path / "out.toml")]) == 1
    _one_line_error(capsys, "menu.html", "no article text")
    assert not (tmp_path / "out.toml").exists()


def test_binary_file_named_html_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert main(["import", str(page), "-o", str(tmp_path)]) == 1
    _one_line_error(capsys, "page.html")
    assert list(tmp_path.glob("*.toml")) == []


# Feeds


def test_feed_drafts_one_brief_per_entry_with_safe_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    out = tmp_path / "drafts"
    out.mkdir()
    assert main(["import", str(feed), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1. Rural clinics to get new funding" in printed
    assert "3. Library opens late-night study hall" in printed
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "budget-a-50-50-split-etc-passwd.toml",
        "library-opens-late-night-study-hall.toml",
        "rural-clinics-to-get-new-funding.toml",
    ]
    clinic = load_brief(out / "rural-clinics-to-get-new-funding.toml")
    assert clinic.published.isoformat() == "2025-09-22T08:00:00+00:00"
    assert clinic.source is not None and clinic.source.url == "https://voice.example/clinics"
    assert "Carlos Mendes" in {p.name for p in clinic.participants}


def test_feed_entry_option_drafts_only_that_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    target = tmp_path / "one.toml"
    assert main(["import", str(feed), "--entry", "3", "-o", str(target)]) == 0
    assert load_brief(target).title == "Library opens late-night study hall"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.xml", "one.toml"]
    assert main(["import", str(feed), "--entry", "4", "-o", str(tmp_path / "x.toml")]) == 2
    _one_line_error(capsys, "feed.xml", "has 3 entries")


def test_feed_to_one_file_needs_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    assert main(["import", str(feed), "-o", str(tmp_path / "one.toml")]) == 2
    _one_line_error(capsys, "--entry")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.xml"]


def test_feed_never_writes_some_entries_when_one_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "library-opens-late-night-study-hall.toml").write_text("keep me", encoding="utf-8")
    assert main(["import", str(feed), "-o", str(out)]) == 1
    _one_line_error(capsys, "already exists")
    assert [p.name for p in out.iterdir()] == ["library-opens-late-night-study-hall.toml"]


def test_feed_with_no_entries_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(EMPTY_FEED, encoding="utf-8")
    assert main(["import", str(feed), "-o", str(tmp_path)]) == 1
    _one_line_error(capsys, "feed.xml", "no entries")
    assert list(tmp_path.glob("*.toml")) == []


# URLs, from a local server


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    delay: float = 0.0
    repeat: int = 1
    """The body is sent this many times (a huge response without holding it in memory)."""
    declared: bool = True
    """Whether Content-Length is sent (without it the body ends when the server closes)."""


class Server:
    """A local HTTP server on 127.0.0.1 answering each path with its :class:`Reply`."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                reply = routes.get(self.path, Reply(404, b"not found", "text/plain"))
                if reply.delay:
                    # The server's own delay: the client's time limit is what the test checks.
                    threading.Event().wait(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                if reply.location:
                    self.send_header("Location", reply.location)
                if reply.declared:
                    self.send_header("Content-Length", str(len(reply.body) * reply.repeat))
                self.end_headers()
                try:
                    for _ in range(reply.repeat):
                        self.wfile.write(reply.body)
                except OSError:
                    pass  # the client stopped reading at its size limit

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    running.thread.start()
    yield running
    running.close()


def test_url_page_is_fetched_and_drafted(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/news/port-strike"] = Reply(body=HARBOUR.read_bytes())
    server.routes["/go"] = Reply(302, location="/news/port-strike")
    assert main(["import", f"{server.url}/go", "-o", str(tmp_path)]) == 0
    (target,) = tmp_path.glob("*.toml")
    brief = load_brief(target)
    assert brief.title == "Port workers strike over pay in Harwich"
    assert brief.source is not None
    assert brief.source.url == f"{server.url}/news/port-strike"
    assert "harbourwatcher" not in target.read_text(encoding="utf-8")


def test_url_page_is_read_in_the_charset_the_server_names(server: Server, tmp_path: Path) -> None:
    page = HARBOUR.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    page = page.replace("Port workers strike", "Café’s port workers strike")
    server.routes["/latin"] = Reply(
        body=page.encode("windows-1252"), content_type="text/html; charset=windows-1252"
    )
    assert main(["import", f"{server.url}/latin", "-o", str(tmp_path)]) == 0
    (target,) = tmp_path.glob("*.toml")
    assert load_brief(target).title == "Café’s port workers strike over pay in Harwich"


def test_url_feed_is_fetched_and_drafted(server: Server, tmp_path: Path) -> None:
    server.routes["/feed"] = Reply(body=RSS.encode(), content_type="application/rss+xml")
    assert main(["import", f"{server.url}/feed", "-o", str(tmp_path), "--entry", "1"]) == 0
    (target,) = tmp_path.glob("*.toml")
    assert load_brief(target).title == "Rural clinics to get new funding"


@pytest.mark.parametrize(
    ("route", "reply", "words"),
    [
        ("/missing", None, ("HTTP 404",)),
        ("/loop", Reply(302, location="/loop"), ("redirect",)),
        ("/slow", Reply(body=b"<p>late</p>", delay=1.0), ("did not answer within 0.2 s",)),
        ("/huge", Reply(body=b"<p>" + b"x" * 1_048_573, repeat=20), ("larger than 10 MB",)),
        (
            "/huge-undeclared",
            Reply(body=b"<p>" + b"x" * 1_048_573, repeat=20, declared=False),
            ("larger than 10 MB",),
        ),
        ("/picture", Reply(body=b"\x89PNG\r\n\x1a\n", content_type="image/png"), ("image/png",)),
        ("/away", Reply(302, location="file:///etc/passwd"), ("file:",)),
    ],
    ids=["404", "redirect-loop", "slow", "20MB", "20MB-undeclared", "not-html", "redirect-to-file"],
)
def test_bad_url_gets_one_line_and_no_file(
    server: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: str,
    reply: Reply | None,
    words: tuple[str, ...],
) -> None:
    if reply is not None:
        server.routes[route] = reply
    url = f"{server.url}{route}"
    # Short only for the slow server: reading 10 MB may take longer on a loaded machine.
    timeout = "0.2" if route == "/slow" else "60"
    assert main(["import", url, "-o", str(tmp_path), "--timeout", timeout]) == 1
    message = _one_line_error(capsys, url, *words)
    assert "is not a URL" not in message  # the reason itself, not wrapped in another
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a", "javascript:alert(1)"])
def test_other_schemes_are_refused(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", url, "-o", str(tmp_path)]) == 1
    _one_line_error(capsys, "only http and https")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (["--entry", "0"], "numbered from 1"),
        (["--timeout", "0"], "above 0"),
        (["--timeout", "nan"], "above 0"),
    ],  # fmt: skip
)
def test_bad_entry_or_timeout_is_a_usage_error(
    option: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(HARBOUR), "-o", str(tmp_path), *option]) == 2
    _one_line_error(capsys, words)
    assert list(tmp_path.iterdir()) == []


WEB_LIBRARIES = {"lxml", "readability", "feedparser", "httpx", "httpcore", "sgmllib"}


def _loaded_after(*modules: str) -> set[str]:
    code = f"import json, sys\nimport {', '.join(modules)}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def test_the_reader_and_the_command_line_start_without_the_web_libraries() -> None:
    loaded = _loaded_after(
        "briefing.cli",
        "briefing.cli.parser",
        "briefing.cli.import_article",
        "briefing.ui.launch",
        "briefing.ui.app",
        "briefing.ui.screens.brief",
        "briefing.ui.screens.library",
    )
    assert not WEB_LIBRARIES & {name.split(".")[0] for name in loaded}


def test_the_sources_load_core_and_the_importer_only() -> None:
    loaded = _loaded_after(
        "briefing.importer.sources.html",
        "briefing.importer.sources.feed",
        "briefing.importer.sources.fetch",
    )
    ours = {name for name in loaded if name.startswith("briefing.")}
    assert all(name.startswith(("briefing.core", "briefing.importer")) for name in ours), ours
    # Not rich: httpx imports it for its own command line when click is installed, as it is
    # here for import-linter (a user's install has no click, and httpx then skips both).
    assert "textual" not in {name.split(".")[0] for name in loaded}


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://example.org:99999/", "https://", "http:///x"]
)
def test_malformed_urls_get_one_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", url, "-o", str(tmp_path)]) == 1
    _one_line_error(capsys, url)
    assert list(tmp_path.iterdir()) == []
