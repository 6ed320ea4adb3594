"""``briefing import`` of a saved web page and of a feed, end to end through ``main``
(URLs: test_sources_url.py); and the web libraries kept off the start-up path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.loading import load_brief
from briefing.importer.sources import sniff

from .web_inputs import EMPTY_FEED, HARBOUR, RSS, one_line_error


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
    one_line_error(capsys, "menu.html", "no article text")
    assert not (tmp_path / "out.toml").exists()


def test_binary_file_named_html_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert main(["import", str(page), "-o", str(tmp_path)]) == 1
    one_line_error(capsys, "page.html")
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
    one_line_error(capsys, "feed.xml", "has 3 entries")


def test_feed_to_one_file_needs_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    assert main(["import", str(feed), "-o", str(tmp_path / "one.toml")]) == 2
    one_line_error(capsys, "--entry")
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
    one_line_error(capsys, "already exists")
    assert [p.name for p in out.iterdir()] == ["library-opens-late-night-study-hall.toml"]


def test_feed_with_no_entries_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(EMPTY_FEED, encoding="utf-8")
    assert main(["import", str(feed), "-o", str(tmp_path)]) == 1
    one_line_error(capsys, "feed.xml", "no entries")
    assert list(tmp_path.glob("*.toml")) == []


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (["--entry", "0"], "numbered from 1"),
        (["--timeout", "0"], "above 0"),
        (["--timeout", "nan"], "above 0"),
        (["--entry", "1"], "--entry picks an entry of a feed; this is not one"),
    ],  # fmt: skip
)
def test_bad_entry_or_timeout_is_a_usage_error(
    option: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(HARBOUR), "-o", str(tmp_path), *option]) == 2
    one_line_error(capsys, words)
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


def test_feed_with_more_entries_than_drafted_at_once_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cli import import_article

    monkeypatch.setattr(import_article, "MAX_FEED_DRAFTS", 2)
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    out = tmp_path / "drafts"
    out.mkdir()
    assert main(["import", str(feed), "-o", str(out)]) == 2
    one_line_error(capsys, "feed.xml", "3 entries", "at most 2", "--entry")
    assert list(out.iterdir()) == []
    assert main(["import", str(feed), "--entry", "2", "-o", str(out)]) == 0
