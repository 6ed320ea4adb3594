"""``briefing import``: draft a brief from an article: plain text, a saved web page, a feed or a URL.

The extraction itself lives in :mod:`briefing.importer` (pages, feeds and URLs in
:mod:`briefing.importer.sources`; the arguments in :mod:`briefing.cli.parser`);
this module reads the input, tells its kind, checks each draft loads as a brief,
writes it (atomically, never over an existing file without ``--force``; a feed's
drafts are all checked before the first is written), prints what was found and,
with ``--open``, opens it in the reader. Every failure is one line on stderr.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefing.cli.common import err
from briefing.core.clock import SystemClock, local_zone
from briefing.core.errors import BriefError
from briefing.core.filenames import safe_filename
from briefing.core.files import FileProblem, FileTooBig, read_regular_file
from briefing.core.ids import slugify, uniquify
from briefing.core.loading import parse_brief
from briefing.core.safetext import clean_line, display_path
from briefing.importer import ArticleError, import_article
from briefing.importer.sources import SourceError, draft_article, looks_like_url, sniff
from briefing.storage.export_files import ExportError, ExportExists, write_export

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from briefing.importer import ImportResult
    from briefing.importer.sources import Article

MAX_ARTICLE_BYTES = 4 * 1024 * 1024
"""The largest plain-text article read: 4 MB."""
MAX_PAGE_BYTES = 10 * 1024 * 1024
"""The largest saved page or feed read: 10 MB (markup makes a page far larger than its text)."""
MAX_FEED_DRAFTS = 500
"""The most entries of a feed drafted at once (a news feed has tens): each takes about a
millisecond, so a 4 MB feed of 11,000 entries took 10 s; beyond it, --entry picks one."""
MAX_REPORTED_DOUBTS = 15
"""How many doubts the report lists before it says "and N more"."""


class _ImportFailed(Exception):
    """One line to print, and the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _err(message: str) -> None:
    err(message, prefix="briefing import")


def _too_big(label: str, limit: int = MAX_ARTICLE_BYTES) -> str:
    megabytes = limit // 1_048_576
    return f"{label}: is larger than {megabytes} MB; an article should be far smaller"


@dataclass
class _Input:
    """The bytes to import, and what the web said of them."""

    label: str
    data: bytes
    content_type: str | None = None
    url: str | None = None


def _read_input(args: argparse.Namespace) -> _Input:
    """The bytes of the article, page or feed; :class:`_ImportFailed` when they cannot be had.

    A URL is fetched (:mod:`briefing.importer.sources.fetch`); a file is read only
    when regular (a FIFO or ``/dev/zero`` is refused at once), standard input for
    ``-``; either way never more than :data:`MAX_PAGE_BYTES`.
    """

    name = args.article
    if looks_like_url(name):
        # deferred: httpx, only for a URL
        from briefing.importer.sources.fetch import fetch

        label = clean_line(name)
        try:
            fetched = fetch(name, timeout=args.timeout)
        except SourceError as error:
            raise _ImportFailed(f"{label}: {error}") from None
        return _Input(label, fetched.data, fetched.content_type, fetched.url)
    if name == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        label = "standard input"
    else:
        label = display_path(name)
        try:
            data = read_regular_file(name, limit=MAX_PAGE_BYTES, what="article")
        except FileTooBig:
            raise _ImportFailed(_too_big(label, MAX_PAGE_BYTES)) from None
        except FileProblem as error:
            raise _ImportFailed(str(error)) from None
    if len(data) > MAX_PAGE_BYTES:
        raise _ImportFailed(_too_big(label, MAX_PAGE_BYTES))
    return _Input(label, data)


def _decode_text(data: bytes, label: str) -> str:
    """The plain text of an article file; :class:`_ImportFailed` with a plain reason."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise _ImportFailed(_too_big(label))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _ImportFailed(f"{label}: is UTF-16 text; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise _ImportFailed(f"{label}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 1].hex()
        raise _ImportFailed(
            f"{label}: is not valid UTF-8 (byte 0x{bad} on line {line}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise _ImportFailed(f"{label}: is empty")
    return text


def _target(output: str | None, title: str) -> Path:
    slug = slugify(title, max_length=200)
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    name = safe_filename(slug or "draft-brief", ".toml", fallback="draft-brief")
    if output is None:
        return Path.cwd() / name
    target = Path(output)
    # os.path.isdir: False, not an exception, below a folder that cannot be entered.
    return target / name if os.path.isdir(target) else target


def _write(target: Path, data: bytes, *, force: bool) -> None:
    # The export's rule: --force replaces a regular file, never a link, FIFO or device.

    try:
        write_export(target, data, force=force)
    except ExportExists as error:
        raise _ImportFailed(f"{error} (use --force to replace it)") from None
    except ExportError as error:
        raise _ImportFailed(str(error)) from None


def _report(lines: list[str], stream: TextIO) -> None:
    for line in lines:
        print(clean_line(line), file=stream)


def cmd_import(args: argparse.Namespace) -> int:
    """Run ``briefing import``; return the exit status."""
    try:
        return _run(args)
    except _ImportFailed as failure:
        _err(str(failure))
        return failure.status


def _drafts(args: argparse.Namespace, given: _Input, today: date) -> list[ImportResult]:
    """The draft (or a feed's drafts) of ``given``; :class:`_ImportFailed` when there are none."""

    kind = sniff(given.data, given.content_type)
    if args.entry is not None and kind != "feed":
        raise _ImportFailed(f"{given.label}: --entry picks an entry of a feed; this is not one", 2)
    if kind == "text":
        if given.url is not None:
            raise _ImportFailed(f"{given.label}: is neither a web page nor a feed")
        text = _decode_text(given.data, given.label)
        return [import_article(text, published=args.published, today=today)]
    if kind == "html":
        # deferred: lxml and readability, only for a web page
        from briefing.importer.sources.html import extract_html

        article = extract_html(given.data, given.url, _charset(given.content_type))
        return [draft_article(article, published=args.published, today=today)]
    return [
        draft_article(article, published=args.published, today=today)
        for article in _entries(args, given)
    ]


def _charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if it has one."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(' "'):
            return value.strip(' "')
    return None


def _entries(args: argparse.Namespace, given: _Input) -> list[Article]:
    """The feed's entries to draft (all, or the one ``--entry`` names), listed as they go."""
    # deferred: feedparser, only for a feed
    from briefing.importer.sources.feed import read_feed

    feed = read_feed(given.data)
    count = len(feed.entries)
    stream = sys.stderr if args.output == "-" else sys.stdout
    lines = [f"{given.label}: a feed with {count} entr{'y' if count == 1 else 'ies'}"]
    for number, entry in enumerate(feed.entries, 1):
        day = f" ({entry.published:%Y-%m-%d})" if entry.published else ""
        lines.append(f"  {number}. {entry.title or '(no title)'}{day}")
    _report(lines, stream)
    if args.entry is None:
        if count > MAX_FEED_DRAFTS:
            raise _ImportFailed(
                f"{given.label}: a feed with {count:,} entries; drafts are made for at most"
                f" {MAX_FEED_DRAFTS:,} at once: pick one with --entry N",
                2,
            )
        return feed.entries
    if not 1 <= args.entry <= count:
        raise _ImportFailed(f"{given.label}: --entry {args.entry}: the feed has {count} entries", 2)
    return [feed.entries[args.entry - 1]]


def _run(args: argparse.Namespace) -> int:
    if args.open and args.output == "-":
        raise _ImportFailed("--open needs a file to open; give -o BRIEF.toml rather than -o -", 2)
    if args.entry is not None and args.entry < 1:
        raise _ImportFailed(f"--entry {args.entry}: entries are numbered from 1", 2)
    if not 0 < args.timeout <= 86_400:  # NaN fails this too
        raise _ImportFailed(f"--timeout {args.timeout:g}: give seconds above 0, up to a day", 2)
    given = _read_input(args)
    zone = local_zone()
    today = SystemClock().now().astimezone(zone).date()
    try:
        results = _drafts(args, given, today)
    except ArticleError as error:
        raise _ImportFailed(f"{given.label}: {error}") from None
    except RecursionError:
        raise _ImportFailed(f"{given.label}: is too deeply nested to read") from None
    if len(results) > 1:
        return _write_many(args, given.label, results)
    (result,) = results
    target = None if args.output == "-" else _target(args.output, result.title)
    _check(result, given.label, target)
    lines = _found(result)
    if target is None:
        sys.stdout.write(result.toml)
        sys.stdout.flush()
        _report([f"found {lines[0]}", *lines[1:]], sys.stderr)
        return 0
    _write(target, result.toml.encode("utf-8"), force=args.force)
    _report([f"wrote {display_path(target)}: {lines[0]}", *lines[1:]], sys.stdout)
    if args.open:
        sys.stdout.flush()
        # deferred: the reader, only with --open
        from briefing.ui.launch import run_reader

        return run_reader(path=str(target), theme=None, now=None)
    return 0


def _check(result: ImportResult, label: str, target: Path | None) -> None:
    """Refuse a draft that does not load as a brief (a fault of the importer)."""

    try:
        parse_brief(result.toml, target or Path("draft.toml"), local_zone=local_zone())
    except BriefError as error:
        first = next(iter(error.lines()), "is not a valid brief")
        raise _ImportFailed(
            f"the draft of {label} is not a valid brief ({first}); please report this"
        ) from None


def _found(result: ImportResult) -> list[str]:
    """What was found (the first line), then the doubts, as many as are worth reading."""
    doubts = [f"  {line}" for line in result.unsure[:MAX_REPORTED_DOUBTS]]
    if len(result.unsure) > MAX_REPORTED_DOUBTS:
        doubts.append(f"  … and {len(result.unsure) - MAX_REPORTED_DOUBTS} more")
    if doubts:
        doubts.insert(0, f"unsure of {len(result.unsure)} (marked '# check:' in the draft):")
    return [result.summary_line(), *doubts]


def _write_many(args: argparse.Namespace, label: str, results: list[ImportResult]) -> int:
    """Write a feed's drafts into the ``-o`` folder: all of them, or none when one cannot be."""

    folder = Path.cwd() if args.output is None else Path(args.output)
    if args.output == "-" or not os.path.isdir(folder) or args.open:
        raise _ImportFailed(
            f"{label}: a feed gives {len(results)} drafts; give -o a folder (without --open),"
            " or pick one with --entry N",
            2,
        )
    taken: set[str] = set()
    targets: list[Path] = []
    for result in results:
        name = _target(str(folder), result.title).name
        targets.append(folder / f"{uniquify(name.removesuffix('.toml'), taken)}.toml")
        _check(result, label, targets[-1])
    existing = [t for t in targets if os.path.lexists(t)]
    if existing and not args.force:
        shown = display_path(existing[0])
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise _ImportFailed(
            f"{shown} already exists{more}; nothing written (use --force to replace)"
        )
    for result, target in zip(results, targets, strict=True):
        _write(target, result.toml.encode("utf-8"), force=args.force)
        _report([f"wrote {display_path(target)}: {_found(result)[0]}"], sys.stdout)
    return 0
