"""Each brief's validated content, kept by the library index, and reading a brief through it.

Indexing a valid brief keeps its normalised content (:func:`briefing.core.normalized.dump`
as JSON, compressed; its quotes apart, in chunks: see :func:`pack`) under the content
digest of the file's bytes, with the
:data:`~briefing.core.normalized.VERSION` and the reader's zone that made it.
:func:`read_brief` reads a file's bytes and, when the index holds content for exactly
those bytes (same version, same zone), builds the brief from it
(:func:`~briefing.core.normalized.load`) instead of parsing and validating the file;
otherwise it parses and validates as :func:`~briefing.core.loading.load_brief` does.
So a file whose bytes changed is always validated again, and only a brief that was
validated is ever kept (issue 15).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from datetime import tzinfo
from functools import partial
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.core.files import MAX_BRIEF_BYTES, FileProblem, read_regular_file
from briefing.storage.index.schema import absolute, roots_clause

if TYPE_CHECKING:
    from types import ModuleType

    from briefing.core.models import Brief
    from briefing.core.normalized import Kept
    from briefing.storage.index.database import LibraryIndex

COMPRESSION = 1
"""zlib's fastest level: the content of 5,000 briefs shrinks 3.5x (36 MB to 10 MB) for
about 0.05 ms a brief; higher levels save little more and cost several times as much."""


def _normalized() -> ModuleType:
    """:mod:`briefing.core.normalized`, imported on first use."""
    # Building the reader imports this module (through the index) before its first
    # frame; everything here that needs normalized runs in a thread (loading, refresh).
    # deferred: normalized brings the models (~20 ms), off the reader's start
    from briefing.core import normalized

    return normalized


def content_digest(data: bytes) -> str:
    """The content hash the index keeps of a brief file (the reader compares it on a visit)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


QUOTES_CHUNK = 256
"""Quotes to a kept chunk. The reader's first frame of the benchmarks' big brief builds
one chunk (its four quotes shown, the rows measured around them), ``G`` the last one;
a chunk costs ~0.3 ms to build (decompress, parse, 256 quotes), and compresses as well
as the whole (zlib's window is 32 KB, a chunk ~60 KB of JSON)."""

KEPT_APART = ("quotes",)
"""The sections kept in chunks, built only as they are read. Not the participants: the
reader needs them all before its first frame (each quote's speaker by id, the table's
column widths from every row), and 2,000 of them cost ~2 ms to build."""


def _compressed(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), COMPRESSION)


def pack(brief: Brief, *, chunk: int = QUOTES_CHUNK) -> bytes:
    """``brief``'s normalised content as the index keeps it: compact JSON, compressed.

    The sections of :data:`KEPT_APART` are left out of the brief's data and kept after
    it in chunks of ``chunk`` items, each compressed alone; the data says how many and
    how long each chunk is. So ``[4-byte length of the head][head][chunk]...``: opening
    the brief decompresses and parses the head, and a chunk only when it is read
    (issue 15: the big brief's 20,000 quotes parsed and built whole were ~550 M
    instructions of its 2,346 M before the first frame).
    """
    data = _normalized().dump(brief)
    raw, blobs, apart = data["brief"], [], {}
    for key in KEPT_APART:
        items = raw.pop(key, None)
        if items is None:
            continue
        parts = [_compressed(items[at : at + chunk]) for at in range(0, len(items), chunk)]
        apart[key] = [len(items), chunk, [len(part) for part in parts]]
        blobs += parts
    chunks = b"".join(blobs)
    # Checked as the brief is opened: a chunk is read later, when failing is too late.
    data["apart"], data["check"] = apart, zlib.crc32(chunks)
    head = _compressed(data)
    return len(head).to_bytes(4, "big") + head + chunks


def _chunk(content: bytes, starts: list[int], number: int) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(
        zlib.decompress(content[starts[number] : starts[number + 1]])
    )
    return items


def unpack(content: bytes, zone: tzinfo | None) -> Brief | None:
    """The brief :func:`pack` made ``content`` from; None when it cannot be (damaged data).

    Its kept-apart sections are read from ``content`` as they are read (see
    :class:`~briefing.core.kept_items.KeptItems`); ``content`` is checked here to hold
    exactly the chunks its head lists, as they were written (their CRC).
    """
    try:
        size = int.from_bytes(content[:4], "big")
        data = json.loads(zlib.decompress(content[4 : 4 + size]))
        if not isinstance(data, dict):
            return None
        kept: dict[str, Kept] = {}
        end = 4 + size
        for key, (count, chunk, lengths) in data.pop("apart").items():
            starts = list(accumulate(lengths, initial=end))
            end = starts[-1]
            if len(lengths) != -(-count // chunk):
                return None
            kept[key] = (count, chunk, partial(_chunk, content, starts))
        if end != len(content) or zlib.crc32(content[4 + size :]) != data.pop("check"):
            return None
        brief: Brief = _normalized().load(data, local_zone=zone, kept=kept)
        return brief
    # Any failure of a damaged row (bad zlib, bad JSON, data load cannot build: load
    # trusts its data, so what it raises on garbage is not its contract) means: read
    # the file instead. Nothing is lost, the file is validated as without an index.
    except Exception:  # noqa: BLE001
        return None


class ReadBrief(NamedTuple):
    """A brief read from its file: the brief, the digest of the bytes it came from, and how."""

    brief: Brief
    digest: str
    """The content digest of the bytes read (:func:`~.indexing.content_digest`)."""
    known: bool
    """True when it was built from the index's content, without validating the file."""
    zone: tzinfo | None
    """The reader's zone it was read in (which places times written without an offset)."""


def read_brief(path: Path, index: LibraryIndex | None, *, zone: tzinfo | None) -> ReadBrief:
    """Read the brief at ``path``, from the index's content when it knows these exact bytes.

    Raises :class:`~briefing.core.errors.BriefError` as
    :func:`~briefing.core.loading.load_brief` does (a file that cannot be read, or is
    not a valid brief).
    """
    try:
        data = read_regular_file(path, limit=MAX_BRIEF_BYTES, what="brief file")
    except FileProblem:
        data = None  # load_brief below says what is wrong, in its own words
    if data is not None and index is not None:
        digest = content_digest(data)
        content = known_content(index, digest, zone)
        brief = unpack(content, zone) if content is not None else None
        if brief is not None:
            return ReadBrief(brief, digest, known=True, zone=zone)
    # deferred: pydantic and the validating code, only for a brief the index does not know
    from briefing.core import loading

    if data is None:
        data = loading.read_limited(path)
    brief = loading.parse_brief(data, path, local_zone=zone)
    _blocks().summary_blocks(brief)
    return ReadBrief(brief, content_digest(data), known=False, zone=zone)


def _blocks() -> ModuleType:
    """:mod:`briefing.core.markdown_blocks`, imported on first use."""
    # Its summary read into blocks where the reader reads a brief (a worker thread), and
    # kept with it by keep_brief: a known brief is drawn without markdown-it. Not where
    # any brief is validated: indexing a library of 5,000 took 3.6 -> 5.3 s with it.
    # deferred: markdown-it, for a brief the reader reads and validates
    from briefing.core import markdown_blocks

    return markdown_blocks


def read_known(path: Path, index: LibraryIndex | None, *, zone: tzinfo | None) -> ReadBrief | None:
    """The brief at ``path`` when ``index`` knows its exact bytes and answers at once, else None.

    For the reader's first frame (issue 15): a known brief costs a file read, a digest
    and one indexed row (about a millisecond for the seed brief), so its panes are filled
    before they are first drawn. It never validates and never waits: a brief the index
    does not know, a file that cannot be read, an index another thread holds (a refresh
    writing) or that does not exist all give None, and the caller reads the brief with
    :func:`read_brief` off the UI thread as before.
    """
    if index is None or not _created(index):
        return None
    try:
        data = read_regular_file(path, limit=MAX_BRIEF_BYTES, what="brief file")
    except FileProblem:
        return None
    if not index.lock.acquire(blocking=False):
        return None
    try:
        digest = content_digest(data)
        content = known_content(index, digest, zone)
    finally:
        index.lock.release()
    brief = unpack(content, zone) if content is not None else None
    return ReadBrief(brief, digest, known=True, zone=zone) if brief is not None else None


def keep_brief(index: LibraryIndex | None, read: ReadBrief) -> bool:
    """Keep a validated brief's content in ``index`` (not on the UI thread: it compresses
    and writes). True when it was written.

    The index file is created when missing: a brief opened alone (``briefing FILE`` on a
    first start) is then known the next time. Search, from a brief opened alone, builds
    what it needs when the index lists no file of the library (not when the file is missing).
    """
    if index is None or read.known:
        return False
    try:
        content = pack(read.brief)
    except (TypeError, ValueError):
        return False  # not kept: validated again next time (and never a traceback)
    return index.write(lambda connection: put_content(connection, read.digest, read.zone, content))


def lists_any(index: LibraryIndex, paths: Iterable[str | os.PathLike[str]]) -> bool:
    """True when ``index`` lists a file of the library at ``paths`` (a refresh ran for it):
    :func:`keep_brief` may have made the file for a brief opened alone, listing nothing.

    Raises :class:`sqlite3.DatabaseError` when the file is damaged or its tables are
    gone: the caller's own use of it says so and rebuilds it.
    """
    if not _created(index):
        return False  # and not created by asking
    where, parameters = roots_clause(absolute(paths))
    query = f"SELECT 1 FROM files WHERE {where} LIMIT 1"
    with index.lock:
        return index.connection.execute(query, parameters).fetchone() is not None


def known_content(index: LibraryIndex, digest: str, zone: tzinfo | None) -> bytes | None:
    """The content ``index`` keeps for the bytes of ``digest``, made by this code in ``zone``."""
    if not _created(index):
        return None  # and not created by asking (see keep_brief)
    try:
        with index.lock:
            row = index.connection.execute(
                "SELECT content FROM briefs WHERE digest = ? AND version = ? AND zone = ?",
                (digest, _normalized().VERSION, str(zone)),
            ).fetchone()
    except sqlite3.DatabaseError:
        return None  # damaged: the file is validated, and the next refresh rebuilds it
    return row[0] if row is not None and isinstance(row[0], bytes) else None


def _created(index: LibraryIndex) -> bool:
    """True when the index's file exists (or it lives in memory this run)."""
    return not index.persistent or index.path.exists()


def put_content(
    connection: sqlite3.Connection, digest: str, zone: tzinfo | None, content: bytes
) -> None:
    """Keep ``content`` (:func:`pack`) for the bytes of ``digest``, read in ``zone``."""
    connection.execute(
        "INSERT OR REPLACE INTO briefs (digest, version, zone, content) VALUES (?, ?, ?, ?)",
        (digest, _normalized().VERSION, str(zone), content),
    )


DROP_UNLISTED = "DELETE FROM briefs WHERE digest NOT IN (SELECT digest FROM files)"
"""Run at the end of a refresh that found files gone or changed: their content leaves with
them (a refresh that changed nothing skips it: it reads the whole table, ~9 ms for 5,000).

Content the reader kept for a file no library lists leaves too: the next opening of that
file validates it and keeps it again (the index stays the size of what it lists)."""
