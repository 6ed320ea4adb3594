"""Download a web page or a feed with httpx, within limits.

Only ``http`` and ``https`` are fetched, at every hop: a redirect to ``file:`` or
any other scheme is refused, as is a chain of more than :data:`MAX_REDIRECTS`
redirects (a loop ends there). The body is read in chunks and dropped as soon as
it passes :data:`MAX_BYTES`, whatever ``Content-Length`` claims, and the whole
exchange must end within the time limit, however slowly the server trickles
(httpx's own timeout bounds each read, not their sum).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from briefing import __version__
from briefing.core.files import format_size
from briefing.importer.sources import SourceError

__all__ = ["DEFAULT_TIMEOUT", "MAX_BYTES", "MAX_REDIRECTS", "Fetched", "check_url", "fetch"]

DEFAULT_TIMEOUT = 20.0
"""Seconds the whole download may take, redirects included."""
MAX_BYTES = 10 * 1024 * 1024
"""The largest page or feed downloaded: 10 MB (news pages are rarely over 3 MB)."""
MAX_REDIRECTS = 5
"""Redirects followed before giving up."""

_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8"
)
_READABLE = ("text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
             "application/atom+xml", "application/rdf+xml")  # fmt: skip


@dataclass
class Fetched:
    """What a URL gave: its address after redirects, its content type and its bytes."""

    url: str
    content_type: str
    data: bytes


def check_url(url: str) -> str:
    """``url`` when it is an http or https address with a host; else :class:`SourceError`."""
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # each raises ValueError when malformed
    except ValueError as error:
        raise SourceError(f"is not a URL that can be fetched ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "a URL without a scheme"
        raise SourceError(f"only http and https URLs are fetched, not {shown}")
    if not host:
        raise SourceError("is a URL without a host")
    return url


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """Download ``url``; :class:`SourceError` with one plain sentence when it cannot be had."""
    check_url(url)
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": f"briefing/{__version__} (briefing import)", "Accept": _ACCEPT}
    try:
        with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False) as client:
            for _ in range(max_redirects + 1):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _late(timeout)
                # Each hop gets what is left of the limit, not the whole limit again.
                with client.stream("GET", url, timeout=left) as response:
                    if not response.is_redirect:
                        return _body(response, url, deadline, timeout, max_bytes)
                    url = check_url(urljoin(url, response.headers.get("location", "")))
    except SourceError:
        raise  # a ValueError too: not to be taken for a malformed URL below
    except httpx.TimeoutException:
        raise _late(timeout) from None
    except httpx.HTTPError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SourceError(f"could not be fetched ({reason})") from None
    except (httpx.InvalidURL, UnicodeError, ValueError) as error:
        raise SourceError(f"is not a URL that can be fetched ({error})") from None
    raise SourceError(f"redirects more than {max_redirects} times (a redirect loop?)")


def _late(timeout: float) -> SourceError:
    return SourceError(f"did not answer within {timeout:g} s")


def _body(
    response: httpx.Response, url: str, deadline: float, timeout: float, max_bytes: int
) -> Fetched:
    if response.status_code >= 400:
        raise SourceError(f"answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
    content_type = response.headers.get("content-type", "").strip()
    kind = content_type.split(";")[0].strip().lower()
    if kind and not kind.startswith(_READABLE):
        raise SourceError(f"is {kind}, not a web page or a feed")
    too_big = SourceError(
        f"is larger than {format_size(max_bytes)}; a page or feed should be far smaller"
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        if time.monotonic() > deadline:
            raise _late(timeout)
        chunks.append(chunk)
    return Fetched(str(response.url), content_type, b"".join(chunks))
