"""Read an RSS or Atom feed (feedparser) into one :class:`Article` per entry.

An entry's body is its full content when the feed carries it, else its summary;
either may be HTML (made into paragraphs) or plain text. Nothing is fetched: the
feed's bytes are parsed as they are, and an entry's link is only recorded.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from briefing.importer.sources import Article, SourceError
from briefing.importer.sources.html import paragraphs_of

__all__ = ["Feed", "read_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Feed:
    """A feed's title and its entries, in the feed's order."""

    title: str | None
    entries: list[Article]


def read_feed(data: bytes) -> Feed:
    """The entries of the feed ``data``; :class:`SourceError` when it is no feed or has none."""
    # Bytes, never a str: feedparser fetches a str that looks like a URL or opens it as a path.
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    site = _text(parsed.feed.get("title"))
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.feed:
            raise SourceError("is not a feed that can be read (it is not well-formed XML)")
        raise SourceError("is a feed with no entries")
    return Feed(site, [_article(entry, site) for entry in parsed.entries])


def _article(entry: Any, site: str | None) -> Article:
    title = _text(entry.get("title"))
    return Article(
        title=title,
        paragraphs=[p for p in _paragraphs(entry) if p != title],
        # RSS writes "mail@example.org (Name)"; feedparser reads the name apart.
        author=_text((entry.get("author_detail") or {}).get("name") or entry.get("author")),
        site=site,
        published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
        url=entry.get("link") or None,
    )


def _paragraphs(entry: Any) -> list[str]:
    contents = entry.get("content") or []
    body = max(contents, key=lambda c: len(c.get("value", "")), default=None)
    if body is None or len(body.get("value", "")) < len(entry.get("summary", "")):
        body = entry.get("summary_detail") or {"value": entry.get("summary", "")}
    value = body.get("value", "") or ""
    if not value.strip():
        return []
    if body.get("type") in _HTML_TYPES or re.search(r"<[a-zA-Z][^>]*>", value):
        try:
            return paragraphs_of(lxml.html.fragment_fromstring(value, create_parent="div"))
        except (lxml.etree.ParserError, ValueError):
            pass  # not HTML after all: read it as text
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", value) if part.strip()]


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _when(parsed: Any) -> datetime | None:
    # feedparser gives every date as a UTC struct_time.
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
