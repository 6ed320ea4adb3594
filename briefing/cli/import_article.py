"""``briefing import``: draft a brief from the plain text of an article.

The extraction itself lives in :mod:`briefing.importer` (its arguments in
:mod:`briefing.cli.parser`); this module reads
the article, checks the draft loads as a brief, writes it (atomically, never over
an existing file without ``--force``), prints what was found and, with
``--open``, opens it in the reader. Every failure is one line on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefing.cli.common import err
from briefing.core.clock import SystemClock, local_zone
from briefing.core.errors import BriefError
from briefing.core.filenames import safe_filename
from briefing.core.files import FileProblem, FileTooBig, read_regular_file
from briefing.core.ids import slugify
from briefing.core.loading import parse_brief
from briefing.core.safetext import clean_line, display_path
from briefing.importer import ArticleError, import_article
from briefing.storage.export_files import ExportError, ExportExists, write_export
from briefing.ui.launch import run_reader

if TYPE_CHECKING:
    import argparse

MAX_ARTICLE_BYTES = 4 * 1024 * 1024
"""The largest article file read: 4 MB."""
MAX_REPORTED_DOUBTS = 15
"""How many doubts the report lists before it says "and N more"."""


class _ImportFailed(Exception):
    """One line to print, and the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _err(message: str) -> None:
    err(message, prefix="briefing import")


def _too_big(label: str) -> str:
    megabytes = MAX_ARTICLE_BYTES // 1_048_576
    return f"{label}: is larger than {megabytes} MB; an article should be far smaller"


def _read_article(name: str) -> str:
    """The article's text; :class:`_ImportFailed` with a plain reason when it cannot be read.

    Only a regular file is read (a FIFO or ``/dev/zero`` is refused at once), or
    standard input for ``-``; either way never more than :data:`MAX_ARTICLE_BYTES`.
    """
    if name == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        label = "standard input"
    else:
        label = display_path(name)
        try:
            data = read_regular_file(name, limit=MAX_ARTICLE_BYTES, what="article")
        except FileTooBig:
            raise _ImportFailed(_too_big(label)) from None
        except FileProblem as error:
            raise _ImportFailed(str(error)) from None
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


def _run(args: argparse.Namespace) -> int:
    if args.open and args.output == "-":
        raise _ImportFailed("--open needs a file to open; give -o BRIEF.toml rather than -o -", 2)
    label = "standard input" if args.article == "-" else display_path(args.article)
    text = _read_article(args.article)
    zone = local_zone()
    today = SystemClock().now().astimezone(zone).date()
    try:
        result = import_article(text, published=args.published, today=today)
    except ArticleError as error:
        raise _ImportFailed(f"{label}: {error}") from None
    except RecursionError:
        raise _ImportFailed(f"{label}: is too deeply nested to read") from None
    target = None if args.output == "-" else _target(args.output, result.title)
    try:
        parse_brief(result.toml, target or Path("draft.toml"), local_zone=zone)
    except BriefError as error:
        first = next(iter(error.lines()), "is not a valid brief")
        raise _ImportFailed(
            f"the draft of {label} is not a valid brief ({first}); please report this"
        ) from None
    found = result.summary_line()
    doubts = [f"  {line}" for line in result.unsure[:MAX_REPORTED_DOUBTS]]
    if len(result.unsure) > MAX_REPORTED_DOUBTS:
        doubts.append(f"  … and {len(result.unsure) - MAX_REPORTED_DOUBTS} more")
    if doubts:
        doubts.insert(0, f"unsure of {len(result.unsure)} (marked '# check:' in the draft):")
    if target is None:
        sys.stdout.write(result.toml)
        sys.stdout.flush()
        _report([f"found {found}", *doubts], sys.stderr)
        return 0
    _write(target, result.toml.encode("utf-8"), force=args.force)
    _report([f"wrote {display_path(target)}: {found}", *doubts], sys.stdout)
    if args.open:
        sys.stdout.flush()

        return run_reader(path=str(target), theme=None, now=None)
    return 0
