"""What the store remembers for calendars and reminders: reminders told, calendar revisions."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from briefing.storage.store.database import SCHEMA_VERSION, Store
from briefing.storage.store.reminders import CalendarRevisions, RemindersTold

from .helpers import NOW


def test_reminders_told_survive_reopening(db_path) -> None:
    store = Store(db_path)
    told = RemindersTold(store)
    assert told.told() == set()
    told.record(["a|3600|x", "a|86400|x"], NOW)
    told.record(["a|3600|x"], NOW)  # told twice: still one record
    store.close()
    assert RemindersTold(Store(db_path)).told() == {"a|3600|x", "a|86400|x"}


def test_a_revision_moves_only_when_the_deadline_changes(store: Store) -> None:
    revisions = CalendarRevisions(store)
    first = revisions.revise({"u1": "d1", "u2": "d2"}, NOW)
    assert first == {"u1": (0, NOW), "u2": (0, NOW)}
    later = NOW + timedelta(hours=1)
    assert revisions.revise({"u1": "d1", "u2": "d2"}, later) == first
    assert revisions.revise({"u1": "d1-moved", "u2": "d2"}, later) == {
        "u1": (1, later),
        "u2": (0, NOW),
    }


def test_a_version_3_store_gains_the_tables(db_path) -> None:
    store = Store(db_path)
    store.connection.execute("PRAGMA user_version")
    store.close()
    connection = sqlite3.connect(db_path)
    connection.executescript(
        "DROP TABLE reminders_told; DROP TABLE calendar_revisions; PRAGMA user_version = 3;"
        # the table of schema 5 goes too: a real version 3 file
        "DROP TABLE note_conflicts;"
    )
    connection.close()
    store = Store(db_path)
    assert RemindersTold(store).told() == set()
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
