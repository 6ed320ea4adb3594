"""The library index's SQLite schema, the SQL that picks one library's rows from it, and
what SQLite's errors say about the file.

Apart from :mod:`briefing.storage.index.database` so that the people, agenda and
search readers can use the path ranges without the index's machinery.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

INDEX_VERSION = 8
"""Bump when what a summary holds or the schema changes: an index of another version is rebuilt.

6: the ``files.items`` column is gone (nothing filled it: the items go from the
indexer straight into the search tables).
7: the items' ``context`` is searched too (a quote's context, the brief's source), as
find in a brief searches it.
8: the ``briefs`` table: each valid brief's normalised content, by digest (issue 15).
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest   TEXT NOT NULL,
    published REAL,
    summary  TEXT,
    error    TEXT,
    searchable INTEGER NOT NULL DEFAULT 0,
    brief_id TEXT
);
-- Listing a library reads only these: a covering index spares it the summaries that
-- fill the table's pages (a scan of the table read 50 MB for 5,000 briefs).
CREATE INDEX IF NOT EXISTS files_listing
    ON files (path, published, error, digest, brief_id, size, mtime_ns);
CREATE TABLE IF NOT EXISTS items (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    text         TEXT NOT NULL,
    speaker_id   TEXT NOT NULL,
    speaker_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    affiliation  TEXT NOT NULL,
    aliases      TEXT NOT NULL,
    when_text    TEXT NOT NULL,
    when_ts      REAL,
    context      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_path ON items (path);
CREATE INDEX IF NOT EXISTS items_by_kind ON items (kind, speaker_name);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    text, speaker_name, context, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS items_added AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, text, speaker_name, context)
    VALUES (new.id, new.text, new.speaker_name, new.context);
END;
CREATE TRIGGER IF NOT EXISTS items_removed AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, text, speaker_name, context)
    VALUES ('delete', old.id, old.text, old.speaker_name, old.context);
END;
-- Each valid brief's validated content (briefing.storage.index.briefs), by the digest of
-- the file's bytes: a file with the same bytes is shown without validating it again.
-- ``version`` and ``zone``: what made it (normalized.VERSION, the reader's zone);
-- content made by other code or in another zone is never trusted.
CREATE TABLE IF NOT EXISTS briefs (
    digest  TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    zone    TEXT NOT NULL,
    content BLOB NOT NULL
);
"""


def roots_clause(roots: Sequence[str], *, scan: bool = False) -> tuple[str, list[Any]]:
    """SQL that keeps the rows of files under ``roots`` (the index may hold other libraries), and its values.

    "Inside ``root/``" as a range, ``root/`` <= path < ``root0`` (the character after
    the separator): paths compare as UTF-8 bytes, in the order of their code points, so
    the range is ``startswith``. SQLite answers it from an index on the path; with
    ``scan``, ``+path`` makes it read the table in order instead of looking up each row
    through an index (for a whole library's items, three times faster).
    """
    if not roots:
        return "0", []
    column = "+path" if scan else "path"
    clauses, values = [], []
    for root in roots:
        stem = root.rstrip(os.sep)
        clauses.append(f"({column} = ? OR ({column} >= ? AND {column} < ?))")
        values += [root, stem + os.sep, stem + chr(ord(os.sep) + 1)]
    return "(" + " OR ".join(clauses) + ")", values


def absolute(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The library's files and folders as absolute paths (the index's keys)."""
    return [os.path.abspath(os.fspath(path)) for path in paths]


# What SQLite can keep, what its errors say about the file, and which file it is ---------


def storable(path: str) -> bool:
    """True when ``path`` can be an SQLite text key (a file name that is valid UTF-8)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def damaged(error: BaseException) -> bool:
    """True when ``error`` says the file is not a database or is corrupt (so it is rebuilt)."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def emptied(error: BaseException) -> bool:
    """True when ``error`` says a table is missing: another program emptied the file."""
    return isinstance(error, sqlite3.OperationalError) and "no such table" in str(error)


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The device and inode of ``path`` (None when it is gone): another file in its place differs."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)
