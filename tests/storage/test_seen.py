"""What the user has seen of each brief, kept in the store."""

from __future__ import annotations

from datetime import timedelta

from briefing.storage.store.database import SCHEMA_VERSION, Store
from briefing.storage.store.seen import SeenItems

from .helpers import NOW


def test_seen_items_round_trip_and_update(store: Store) -> None:
    seen = SeenItems(store)
    assert seen.seen("b1") == {}
    seen.mark_seen("b1", [(("quote", "q1"), "aa"), (("quote", "q2"), "bb")], NOW)
    seen.mark_seen("b1", [(("quote", "q1"), "cc")], NOW + timedelta(minutes=1))
    seen.mark_seen("b2", [(("summary", ""), "dd")], NOW)
    assert seen.seen("b1") == {("quote", "q1"): "cc", ("quote", "q2"): "bb"}
    assert seen.seen("b2") == {("summary", ""): "dd"}


def test_the_version_seen_whole_is_one_row_apart_from_the_items(store: Store) -> None:
    seen = SeenItems(store)
    assert seen.whole("b1") is None
    seen.mark_seen("b1", [(("quote", "q1"), "aa")], NOW)
    seen.mark_whole("b1", "file-1", NOW)
    seen.mark_whole("b1", "file-2", NOW + timedelta(minutes=1))
    assert seen.whole("b1") == "file-2"
    assert seen.whole("b2") is None
    assert seen.seen("b1") == {("quote", "q1"): "aa"}  # the version is no item


def test_visits_remember_the_file_digest_and_the_previous_time(store: Store) -> None:
    seen = SeenItems(store)
    assert seen.visit("b1", "d1", NOW) is None
    assert seen.visit("b1", "d2", NOW + timedelta(hours=1)) == NOW
    assert seen.visited() == {"b1": "d2"}


def test_seen_survives_reopening_and_a_version_2_store_is_migrated(db_path) -> None:
    import sqlite3

    # A store made by the previous release (schema 2) gains the new tables and keeps its notes.
    store = Store(db_path)
    store.connection.execute("PRAGMA user_version")
    store.close()
    connection = sqlite3.connect(db_path)
    connection.executescript(
        "DROP TABLE seen; DROP TABLE visits; DROP TABLE reminders_told;"
        " DROP TABLE calendar_revisions; PRAGMA user_version = 2;"
        # the table of schema 5 goes too: a real version 2 file
        " DROP TABLE note_conflicts;"
    )
    connection.close()
    store = Store(db_path)
    SeenItems(store).mark_seen("b", [(("quote", "q"), "x")], NOW)
    store.close()
    store = Store(db_path)
    assert SeenItems(store).seen("b") == {("quote", "q"): "x"}
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    store.close()
