"""Extract the article of a saved web page: title, author, site, date and body paragraphs.

readability-lxml picks the block of the page that holds the article. Before it
runs, the page loses what is never part of an article (scripts, navigation,
headers and footers, forms, asides, and elements whose class or id says advert,
comments, share, newsletter, related, byline and the like), which keeps an inline
advert or a long comment thread out of the body. The metadata comes from the
page's own description of itself: JSON-LD (schema.org ``NewsArticle``), Open Graph
and Dublin Core ``<meta>`` tags, a ``<time>`` element, ``rel=author``. Why
readability-lxml and not trafilatura: see "HTML, feeds and URLs" in the README.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import lxml.etree
import lxml.html
from readability import Document
from readability.readability import Unparseable

from briefing.importer.sources import Article, SourceError

__all__ = ["extract_html", "paragraphs_of", "read_html"]

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "iframe", "svg", "button", "select", "textarea", "figcaption")  # fmt: skip
_BOILERPLATE = re.compile(
    r"^(?:ads?|advert\w*|banner|sponsor\w*|promo\w*|share\w*|sharedaddy|social|newsletter|"
    r"comments?|commentlist|disqus\w*|respond|related|most|recommended|byline|cookies?|"
    r"consent|subscribe|subscription|paywall|widget|sidebar|secondary|menu|nav\w*|breadcrumbs?|"
    r"masthead|colophon|footer|header|meta|poll|outbrain|taboola)$",
    re.IGNORECASE,
)
_KEEP_TAGS = {"html", "body", "article", "main"}
_WORD_BREAK = re.compile(r"[\s_-]+")
_CANDIDATES = "descendant::*[@class or @id or {}]".format(
    " or ".join(f"self::{tag}" for tag in _DROP_TAGS)
)
MAX_ELEMENTS = 20_000
"""Readability sees the first this many elements of a page's body (a long article has
a few thousand); the rest (a thread of thousands of comments) is left out, since
readability's time grows with each element and a large page's took seconds."""
_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"}
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "report", "webpage"}  # fmt: skip
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "byl",
                "parsely-author", "sailthru.author")  # fmt: skip
_DATE_META = ("article:published_time", "og:published_time", "dc.date", "dcterms.date",
              "dc.date.issued", "date", "pubdate", "publishdate", "sailthru.date",
              "parsely-pub-date")  # fmt: skip


def read_html(data: bytes | str) -> lxml.html.HtmlElement:
    """The page's element tree; :class:`SourceError` when it is no HTML at all."""
    if isinstance(data, str):
        # lxml refuses a str that still declares its encoding.
        data = re.sub(r"^\s*<\?xml[^>]*\?>", "", data)
    try:
        root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        raise SourceError("is not an HTML page (it cannot be parsed)") from None
    if root is None or root.tag != "html":
        raise SourceError("is not an HTML page")
    return root


def extract_html(data: bytes | str, url: str | None = None, charset: str | None = None) -> Article:
    """The article of the page ``data``; :class:`SourceError` when it has no article text.

    ``charset`` is the encoding the server named, which wins over the page's own
    ``<meta charset>`` (as in browsers); without it, lxml reads the page's.
    """
    if charset and isinstance(data, bytes) and not data.startswith(b"\xef\xbb\xbf"):
        try:
            data = data.decode(charset, errors="replace")
        except LookupError:
            pass  # an encoding Python does not know: let lxml read the page's own
    root = read_html(data)
    found = _metadata(root)
    _strip_boilerplate(root)
    _cap_elements(root)
    title = found.get("title")
    paragraphs = [p for p in _main_text(root) if p != title]
    if not any(len(p.split()) >= 4 for p in paragraphs):
        raise SourceError("has no article text (only navigation, links or short lines)")
    return Article(
        title=title,
        paragraphs=paragraphs,
        author=found.get("author"),
        site=found.get("site"),
        published=_parse_date(found.get("published")),
        url=found.get("url") if url is None else url,
    )


def paragraphs_of(root: lxml.html.HtmlElement) -> list[str]:
    """The text of each outermost block (paragraph, heading, list item, quotation), in order."""
    out: list[str] = []
    for element in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            out.append(text)
    if not out:
        text = root.text_content().strip()
        out = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return out


def _main_text(root: lxml.html.HtmlElement) -> list[str]:
    # readability logs through the root logger's last-resort handler otherwise.
    logging.getLogger("readability").setLevel(logging.ERROR)
    try:
        # The tree itself, not its text: readability would parse a second time.
        summary = Document(root).summary(html_partial=True)
    except Unparseable:
        raise SourceError("has no article text that can be found") from None
    return paragraphs_of(lxml.html.fragment_fromstring(summary, create_parent="div"))


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in _DROP_TAGS:  # a comment, or
        return True
    if element.tag in _KEEP_TAGS:
        return False
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return any(_BOILERPLATE.match(word) for word in _WORD_BREAK.split(names) if word)


def _strip_boilerplate(root: lxml.html.HtmlElement) -> None:
    body = root.find("body")
    if body is None:
        return
    # XPath picks the few candidates in C: a Python loop over every element of a
    # large page took seconds (lxml makes an object for each).
    # Comments apart: libxml2 takes quadratic time over many of them in one XPath.
    doomed = [e for e in body.xpath(_CANDIDATES) if _is_boilerplate(e)]
    doomed += body.iter(lxml.etree.Comment)
    # Each parent once, not drop_tree for each element: drop_tree adds the tail to
    # the text before it, which grows with every dropped sibling (150,000 comments
    # in one thread took minutes).
    parents = {id(p): p for p in (e.getparent() for e in doomed) if p is not None}
    dropped = {id(e) for e in doomed}
    for parent in parents.values():
        _drop_children(parent, dropped)


def _cap_elements(root: lxml.html.HtmlElement) -> None:
    """Leave out the elements past :data:`MAX_ELEMENTS`, in document order."""
    body = root.find("body")
    if body is None:
        return
    # Document order: an element past the cap comes after every one kept, its
    # children too, so what stays is the page's beginning.
    extra = list(itertools.islice(body.iter(lxml.etree.Element), MAX_ELEMENTS, None))
    parents = {id(p): p for p in (e.getparent() for e in extra) if p is not None}
    dropped = {id(e) for e in extra}
    for parent in parents.values():
        _drop_children(parent, dropped)


def _drop_children(parent: lxml.html.HtmlElement, dropped: set[int]) -> None:
    """Remove the children of ``parent`` in ``dropped``, keeping the text that follows each."""
    kept: lxml.html.HtmlElement | None = None
    tails: list[str] = []
    for child in list(parent):
        if id(child) not in dropped:
            _add_text(parent, kept, tails)
            kept, tails = child, []
            continue
        if child.tail:
            tails.append(child.tail)
        parent.remove(child)
    _add_text(parent, kept, tails)


def _add_text(
    parent: lxml.html.HtmlElement, kept: lxml.html.HtmlElement | None, tails: list[str]
) -> None:
    """Put ``tails`` after ``kept`` (or at the start of ``parent``), as drop_tree would."""
    if not tails:
        return
    if kept is None:
        parent.text = (parent.text or "") + "".join(tails)
    else:
        kept.tail = (kept.tail or "") + "".join(tails)


def _metadata(root: lxml.html.HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = " ".join((element.get("content") or "").split())
        if key and value and key not in meta:
            meta[key] = value
    linked = _json_ld(root)
    site = meta.get("og:site_name") or linked.get("site")
    found = {
        "title": meta.get("og:title") or linked.get("title") or _first_text(root, "h1"),
        "author": next((meta[k] for k in _AUTHOR_META if k in meta), None)
        or linked.get("author")
        or _first_text(root, "a[@rel='author']")
        or _first_text(root, "*[contains(concat(' ', @class, ' '), ' author ')]"),
        "site": site,
        "published": next((meta[k] for k in _DATE_META if k in meta), None)
        or linked.get("published")
        or _time_element(root),
        "url": meta.get("og:url") or _canonical(root),
    }
    if not found["title"]:
        found["title"] = _page_title(root, site)
    if found["author"] and found["author"].startswith(("http://", "https://")):
        found["author"] = None  # article:author is often a profile page, not a name
    return {key: value for key, value in found.items() if value}


def _first_text(root: lxml.html.HtmlElement, path: str) -> str | None:
    for element in root.xpath(f"//{path}"):
        text = " ".join(element.text_content().split())
        text = re.sub(r"^(?:by|written by)\s+", "", text, flags=re.IGNORECASE)
        if text:
            return text[:200]
    return None


def _page_title(root: lxml.html.HtmlElement, site: str | None) -> str | None:
    title = _first_text(root, "title")
    if title and site:
        title = re.sub(rf"\s*[|\-–—:]\s*{re.escape(site)}\s*$", "", title)
    return title


def _time_element(root: lxml.html.HtmlElement) -> str | None:
    for element in root.iter("time"):
        value = element.get("datetime")
        if value:
            return str(value)
    return None


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    for element in root.iter("link"):
        if element.get("rel", "").lower() == "canonical" and element.get("href"):
            return str(element.get("href"))
    return None


def _json_ld(root: lxml.html.HtmlElement) -> dict[str, str]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except (ValueError, RecursionError):
            continue
        for item in _items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(str(kind).lower() in _ARTICLE_TYPES for kind in kinds):
                return {
                    key: value
                    for key, value in (
                        ("title", item.get("headline")),
                        ("author", _name(item.get("author"))),
                        ("site", _name(item.get("publisher"))),
                        ("published", item.get("datePublished")),
                    )
                    if isinstance(value, str) and value.strip()
                }
    return {}


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph"))


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [name for name in (_name(v) for v in value) if name]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _parse_date(value: str | None) -> date | datetime | None:
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    # A time with no offset is the site's local time, unknown here: keep the day only.
    return parsed if parsed.tzinfo is not None else parsed.date()
