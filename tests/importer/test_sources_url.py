"""``briefing import https://...`` end to end, against a local HTTP server on 127.0.0.1
that each test starts (never the internet): a page, a feed, and each way a download
fails. The slow response is the server's own delay, met by a short ``--timeout``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kit.http import Reply, Server, local_server

from briefing.cli import main
from briefing.core.loading import load_brief

from .web_inputs import HARBOUR, RSS, one_line_error


@pytest.fixture
def server() -> Iterator[Server]:
    with local_server() as running:
        yield running


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
    message = one_line_error(capsys, url, *words)
    assert "is not a URL" not in message  # the reason itself, not wrapped in another
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a", "javascript:alert(1)"])
def test_other_schemes_are_refused(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", url, "-o", str(tmp_path)]) == 1
    one_line_error(capsys, "only http and https")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://example.org:99999/", "https://", "http:///x"]
)
def test_malformed_urls_get_one_line(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", url, "-o", str(tmp_path)]) == 1
    one_line_error(capsys, url)
    assert list(tmp_path.iterdir()) == []


def test_the_time_limit_covers_the_whole_redirect_chain(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each hop answers within the limit; the four together do not.
    for hop in range(4):
        server.routes[f"/hop{hop}"] = Reply(302, location=f"/hop{hop + 1}", delay=0.2)
    server.routes["/hop4"] = Reply(body=HARBOUR.read_bytes())
    url = f"{server.url}/hop0"
    assert main(["import", url, "-o", str(tmp_path), "--timeout", "0.5"]) == 1
    one_line_error(capsys, url, "did not answer within 0.5 s")
    assert list(tmp_path.iterdir()) == []
