"""Turn a saved web page, a feed or a URL into article text for :func:`briefing.importer.import_article`.

Each input becomes an :class:`Article` (a title, paragraphs and what the page says
about itself: author, site, date, address): :mod:`.html` extracts one from a page
(readability-lxml finds the article, the page's own metadata the rest), :mod:`.feed`
one per feed entry (feedparser) and :mod:`.fetch` downloads a URL (httpx: http and
https only, within a size limit, a time limit and a few redirects). :func:`sniff`
tells the inputs apart by their first bytes; :func:`draft_article` hands an article
to the text importer through its public entry, untouched.

The network and HTML libraries are imported by the modules that use them, which
only ``briefing import`` loads: never the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal
from urllib.parse import urlsplit

from briefing.core.safetext import clean_line
from briefing.importer import ArticleError, ImportResult, import_article
from briefing.importer.draft import toml_string

__all__ = ["Article", "SourceError", "article_text", "draft_article", "looks_like_url", "sniff"]

Kind = Literal["html", "feed", "text"]

MAX_NAME_CHARS = 200
"""A source name longer than this (a page's whole description, say) is cut."""
MAX_URL_CHARS = 2000
"""An address longer than this is left out of the draft."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|article|main|p|div|h1|title|meta)[\s>/]", re.IGNORECASE
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://|^(?:javascript|data|mailto|about|file):", re.I)


class SourceError(ArticleError):
    """The input cannot be read as a page, a feed or a URL; the message is one plain sentence."""


@dataclass
class Article:
    """An article taken out of a page or a feed entry."""

    title: str | None
    paragraphs: list[str]
    """The body, one paragraph a string (navigation, adverts and comments left out)."""
    author: str | None = None
    site: str | None = None
    """The publication's name, as the page or the feed gives it."""
    published: date | datetime | None = None
    url: str | None = None


def looks_like_url(name: str) -> bool:
    """Whether ``name`` is a URL (of any scheme: the fetcher refuses all but http and https)."""
    return bool(_SCHEME.match(name))


def sniff(data: bytes, content_type: str | None = None) -> Kind:
    """Whether ``data`` is a feed, an HTML page or plain text, from its first bytes.

    A feed's root element wins over its content type (feeds are often served as
    ``text/xml`` or even ``text/html``); an HTML start tag near the top makes a page.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    kind = (content_type or "").split(";")[0].strip().lower()
    if (
        head.startswith(b"<")
        and _FEED_ROOT.search(head)
        and not re.match(rb"(?i)<!doctype\s+html|<html", head)
    ):
        return "feed"
    if kind in ("text/html", "application/xhtml+xml") or _HTML_START.match(head):
        return "html"
    if head.startswith(b"<") and _HTML_START.search(head):
        return "html"
    return "text"


def article_text(article: Article) -> str:
    """The article as plain text in the shape the text importer reads: title, blank line, paragraphs."""
    blocks = [article.title] if article.title else []
    blocks += article.paragraphs
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip()) + "\n"


def source_name(article: Article) -> str | None:
    """The publication, else the author, else the host of its address: one line, not too long."""
    name = (
        article.site or article.author or (urlsplit(article.url).hostname if article.url else None)
    )
    if not name:
        return None
    name = " ".join(clean_line(name).split())
    return name if len(name) <= MAX_NAME_CHARS else name[:MAX_NAME_CHARS].rsplit(" ", 1)[0] + "…"


def source_url(article: Article) -> str | None:
    """The article's address when it is a plain http(s) URL of a sensible length."""
    url = article.url
    if not url or len(url) > MAX_URL_CHARS or not url.isprintable() or " " in url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def draft_article(
    article: Article, *, published: date | datetime | None = None, today: date | None = None
) -> ImportResult:
    """Draft a brief from ``article`` with :func:`import_article`.

    ``published`` (given by the user) wins over the article's own date. The draft's
    ``[source]`` names the publication and, when known, the article's address.
    """
    if not article.paragraphs and not article.title:
        raise SourceError("has no article text")
    name = source_name(article)
    result = import_article(
        article_text(article),
        published=published or article.published,
        today=today,
        source=name,
    )
    url = source_url(article)
    if name and url:
        # The text importer writes the source's name only; its address goes on the next line.
        line = f"[source]\nname = {toml_string(name)}\n"
        toml = result.toml.replace(line, f"{line}url = {toml_string(url)}\n", 1)
        result = replace(result, toml=toml)
    return result
