"""The notes database's schema: its migrations, and what a file it wrote looks like.

The store checks a file against this before it changes anything in it: a version it
never wrote (``-1``, one from a newer briefing) or a known version whose tables or
columns are not the ones that version has (no tables at all, a table made by hand)
is reported and left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from functools import cache

SCHEMA_VERSION = 5

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    2: """
    CREATE TABLE notes (
        uid         TEXT PRIMARY KEY,
        brief_id    TEXT NOT NULL,
        brief_title TEXT NOT NULL,
        kind        TEXT NOT NULL,
        item_id     TEXT NOT NULL,
        item_text   TEXT NOT NULL,
        body        TEXT NOT NULL,
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL,
        detached    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX notes_by_brief ON notes (brief_id, kind, item_id);
    CREATE INDEX notes_by_time ON notes (updated);
    CREATE TABLE bookmarks (
        brief_id    TEXT NOT NULL,
        brief_title TEXT NOT NULL,
        kind        TEXT NOT NULL,
        item_id     TEXT NOT NULL,
        item_text   TEXT NOT NULL,
        created     TEXT NOT NULL,
        detached    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (brief_id, kind, item_id)
    );
    """,
    3: """
    CREATE TABLE seen (
        brief_id TEXT NOT NULL,
        kind     TEXT NOT NULL,
        item_id  TEXT NOT NULL,
        digest   TEXT NOT NULL,
        seen_at  TEXT NOT NULL,
        PRIMARY KEY (brief_id, kind, item_id)
    );
    CREATE TABLE visits (
        brief_id    TEXT PRIMARY KEY,
        file_digest TEXT NOT NULL,
        visited     TEXT NOT NULL
    );
    """,
    4: """
    CREATE TABLE reminders_told (
        mark TEXT PRIMARY KEY,
        told TEXT NOT NULL
    );
    CREATE TABLE calendar_revisions (
        uid      TEXT PRIMARY KEY,
        digest   TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        modified TEXT NOT NULL
    );
    """,
    # A note import-notes kept beside a different note with its uid: the other note's uid
    # and last change. A table of its own rather than columns on notes, so a row of notes
    # is what it was (scripts and tests that write rows of notes go on working).
    5: """
    CREATE TABLE note_conflicts (
        note_uid      TEXT PRIMARY KEY,
        conflict_with TEXT NOT NULL,
        conflict_of   TEXT NOT NULL
    );
    """,
}
"""Forward migrations: ``MIGRATIONS[n]`` takes the schema from version n-1 to n."""


Schema = dict[str, frozenset[str]]
"""Table name to its column names."""


@cache
def expected_schema(migrations: tuple[str, ...]) -> Schema:
    """The tables and columns that running ``migrations`` in order creates.

    Taken from SQLite itself (an in-memory database), so a new migration needs no
    second description of its tables here.
    """
    connection = sqlite3.connect(":memory:")
    try:
        for script in migrations:
            connection.executescript(script)
        return read_schema(connection)
    finally:
        connection.close()


def read_schema(connection: sqlite3.Connection) -> Schema:
    """The tables of the database on ``connection`` and their columns."""
    names = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: frozenset(
            row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (name,))
        )
        for name in names
    }


def schema_problem(connection: sqlite3.Connection, version: int) -> str | None:
    """Why the database on ``connection`` is not one this briefing wrote at ``version``; None if it is.

    Tables of its own that a user added are tolerated; a missing table, or one of
    ours with other columns, is not. A file at version 0 must hold no tables at all:
    every migration sets its version together with its tables.
    """
    if version > SCHEMA_VERSION:
        return f"made by a newer briefing (schema {version}, this one reads {SCHEMA_VERSION})"
    if version < 0:
        return f"unknown schema version {version}; not a database briefing wrote"
    actual = read_schema(connection)
    if version == 0:
        if actual:
            return f"not a briefing database: schema version 0 but it has tables ({', '.join(sorted(actual))})"
        return None
    wanted = expected_schema(tuple(MIGRATIONS[v] for v in range(1, version + 1)))
    missing = sorted(set(wanted) - set(actual))
    if missing:
        return f"not a briefing database: tables missing for schema {version}: {', '.join(missing)}"
    for table in sorted(wanted):
        if actual[table] != wanted[table]:
            return f"not a briefing database: table {table} does not have the columns of schema {version}"
    return None
