"""The store under faults (issue 13, items 3, 6 and 8): notes reach the main database file,
a vanished WAL or database is noticed, every SQLite error is a :class:`StoreError`, and a
database the store did not write (unknown version, missing tables, wrong columns, damage)
is reported and never modified."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.core.anchors import Anchor, ItemKind
from briefing.core.annotations import Note
from briefing.storage.store.database import SCHEMA_VERSION, Store, StoreError
from briefing.storage.store.notes import Annotations
from briefing.storage.store.seen import SeenItems

from .helpers import NOW

ANCHOR = Anchor("faults", ItemKind.QUOTE, "q1")


def add(notes: Annotations, body: str) -> Note:
    return notes.add_note(ANCHOR, brief_title="Faults", item_text="the quote", body=body, now=NOW)


def bodies_in(database: Path) -> set[str]:
    """The note bodies in ``database`` read on its own, as a copy of that one file would be."""
    alone = database.parent / "copied-alone" / database.name
    alone.parent.mkdir(exist_ok=True)
    shutil.copyfile(database, alone)
    connection = sqlite3.connect(alone)
    try:
        return {body for (body,) in connection.execute("SELECT body FROM notes")}
    finally:
        connection.close()
        shutil.rmtree(alone.parent)


# Item 3: everything reaches briefing.db ----------------------------------------------------------


def test_closing_leaves_every_note_in_the_main_file(store: Store, db_path: Path) -> None:
    notes = Annotations(store)
    add(notes, "first")
    add(notes, "second")
    store.close()
    assert not db_path.with_name("briefing.db-wal").exists()
    assert bodies_in(db_path) == {"first", "second"}


def test_a_saved_note_is_in_the_main_file_while_the_store_is_open(
    store: Store, db_path: Path
) -> None:
    notes = Annotations(store)
    for i in range(3):
        add(notes, f"note {i}")
        # A copy of the file `briefing config` prints is a backup of every saved note.
        assert bodies_in(db_path) == {f"note {j}" for j in range(i + 1)}


@pytest.mark.parametrize("removed", [("-wal",), ("-wal", "-shm"), ("",)])
def test_a_vanished_file_fails_the_next_write(
    store: Store, db_path: Path, removed: tuple[str, ...]
) -> None:
    notes = Annotations(store)
    add(notes, "before")
    for suffix in removed:
        db_path.with_name(db_path.name + suffix).rename(db_path.parent / f"moved{suffix}")
    with pytest.raises(StoreError) as caught:
        add(notes, "into the void")
    message = str(caught.value)
    assert str(db_path) in message and "\n" not in message
    assert "not saved" in message
    # Reading still works where it can; writes keep failing instead of writing into the void.
    with pytest.raises(StoreError):
        notes.toggle_bookmark(ANCHOR, brief_title="F", item_text="q", now=NOW)
    with pytest.raises(StoreError):
        store.set_setting("theme", "nord")
    store.close()
    if removed != ("",):
        assert bodies_in(db_path) == {"before"}


def test_a_file_replaced_during_a_write_is_reported(store: Store, db_path: Path) -> None:
    notes = Annotations(store)
    add(notes, "before")
    with pytest.raises(StoreError) as caught, store.transaction() as connection:
        connection.execute("UPDATE notes SET body = 'changed'")
        db_path.with_name("briefing.db-wal").unlink()
    assert "not saved" in str(caught.value)


# Item 8: SQLite errors inside a transaction ------------------------------------------------------


def test_a_full_disk_during_import_is_a_store_error(store: Store, db_path: Path) -> None:
    notes = Annotations(store)
    add(notes, "kept")
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages + 2}")
    many = [
        Note(f"u{i:05d}", "faults", "F", ItemKind.QUOTE, "q1", "q", "x" * 2000, NOW, NOW)
        for i in range(200)
    ]
    with pytest.raises(StoreError) as caught:
        notes.merge_notes(many)
    message = str(caught.value)
    assert str(db_path) in message and "\n" not in message
    assert "full" in message
    with pytest.raises(StoreError):
        add(notes, "y" * 20000)
    assert [n.body for n in notes.all_notes()] == ["kept"]
    store.close()
    assert bodies_in(db_path) == {"kept"}


def test_a_sqlite_error_in_a_transaction_body_is_a_store_error(store: Store) -> None:
    store.set_setting("a", "b")
    with pytest.raises(StoreError) as caught, store.transaction() as connection:
        connection.execute("INSERT INTO no_such_table VALUES (1)")
    assert str(store.path) in str(caught.value)
    store.set_setting("c", "d")  # the store still works afterwards
    assert store.get_setting("c") == "d"


# Items 6 and 8: databases the store did not write ------------------------------------------------


def _rollback_database(path: Path, script: str, version: int) -> None:
    """A database written by someone else, in rollback-journal mode (switching to WAL rewrites it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(script)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()


def _good_database(path: Path) -> None:
    store = Store(path)
    notes = Annotations(store)
    for i in range(40):
        add(notes, f"note {i} " + "text " * 100)
    store.close()


def _truncated(path: Path) -> None:
    _good_database(path)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _version(value: int) -> Callable[[Path], None]:
    return lambda path: _rollback_database(path, "CREATE TABLE x (y);", value)


def _wrong_columns(path: Path) -> None:
    _rollback_database(
        path,
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE notes (uid TEXT, text TEXT);"
        "CREATE TABLE bookmarks (brief_id TEXT);"
        "CREATE TABLE seen (brief_id TEXT);"
        "CREATE TABLE visits (brief_id TEXT);",
        SCHEMA_VERSION,
    )


def _version_zero_with_other_tables(path: Path) -> None:
    _rollback_database(path, "CREATE TABLE notes (something_else TEXT);", 0)


def _bytes(content: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    return write


BAD_DATABASES: dict[str, Callable[[Path], None]] = {
    "version--1": _version(-1),
    "version-min": _version(-(2**31)),
    "version-999": _version(999),
    "version-max": _version(2**31 - 1),
    "known-version-no-tables": lambda path: _rollback_database(
        path, "CREATE TABLE unrelated (x);", SCHEMA_VERSION
    ),
    "empty-schema-version-2": lambda path: _rollback_database(path, "", 2),
    "wrong-columns": _wrong_columns,
    "version-0-with-other-tables": _version_zero_with_other_tables,
    "truncated": _truncated,
    "random-bytes": _bytes(random.Random(13).randbytes(20000)),
    "header-then-noise": _bytes(b"SQLite format 3\x00" + random.Random(7).randbytes(8000)),
}


def store_actions(store: Store) -> dict[str, Callable[[], object]]:
    """Every public method of the store and of what is kept in it."""
    notes, seen = Annotations(store), SeenItems(store)
    note = Note("u1", "b", "B", ItemKind.QUOTE, "q", "t", "body", NOW, NOW)
    return {
        "get_setting": lambda: store.get_setting("theme"),
        "set_setting": lambda: store.set_setting("theme", "nord"),
        "note_counts": store.note_counts,
        "integrity_problems": store.integrity_problems,
        "execute": lambda: store.execute("SELECT 1"),
        "all_notes": notes.all_notes,
        "notes_for_brief": lambda: notes.notes_for_brief("b"),
        "get_note": lambda: notes.get_note("u1"),
        "add_note": lambda: add(notes, "new"),
        "update_note": lambda: notes.update_note("u1", "x", NOW),
        "delete_note": lambda: notes.delete_note("u1"),
        "restore_note": lambda: notes.restore_note(note),
        "merge_notes": lambda: notes.merge_notes([note]),
        "toggle_bookmark": lambda: notes.toggle_bookmark(
            ANCHOR, brief_title="F", item_text="q", now=NOW
        ),
        "all_bookmarks": notes.all_bookmarks,
        "bookmarks_for_brief": lambda: notes.bookmarks_for_brief("b"),
        "counts": notes.counts,
        "seen": lambda: seen.seen("b"),
        "mark_seen": lambda: seen.mark_seen("b", [(("quote", "q"), "d")], NOW),
        "visit": lambda: seen.visit("b", "digest", NOW),
        "visited": seen.visited,
    }


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("make", BAD_DATABASES.values(), ids=BAD_DATABASES.keys())
def test_a_database_it_did_not_write_is_reported_and_never_modified(
    db_path: Path, make: Callable[[Path], None]
) -> None:
    make(db_path)
    before = _files(db_path.parent)
    store = Store(db_path)
    failed = 0
    for name, action in store_actions(store).items():
        try:
            action()
        except StoreError as error:
            failed += 1
            message = str(error)
            assert str(db_path) in message, (name, message)
            assert "\n" not in message, (name, message)
    store.close()
    assert failed, "a bad database must be reported"
    assert _files(db_path.parent) == before


@pytest.mark.parametrize("version", [-1, 999, 2**31 - 1])
def test_an_unknown_version_is_unreadable_and_says_so(db_path: Path, version: int) -> None:
    _version(version)(db_path)
    with pytest.raises(StoreError) as caught:
        Store(db_path).get_setting("theme")
    assert caught.value.unreadable
    assert str(version) in str(caught.value)


def test_missing_tables_at_a_known_version_are_unreadable(db_path: Path) -> None:
    BAD_DATABASES["known-version-no-tables"](db_path)
    with pytest.raises(StoreError) as caught:
        Annotations(Store(db_path)).all_notes()
    assert caught.value.unreadable
    assert "notes" in str(caught.value)


def test_an_older_good_schema_is_still_migrated(db_path: Path) -> None:
    store = Store(db_path)
    store.set_setting("theme", "nord")
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
    assert SeenItems(store).visited() == {}
    assert store.get_setting("theme") == "nord"
    store.close()


def test_a_damaged_row_is_a_store_error(store: Store) -> None:
    notes = Annotations(store)
    note = add(notes, "fine")
    store.execute(
        "UPDATE notes SET kind = 'nonsense', created = 'yesterday' WHERE uid = ?", (note.uid,)
    )
    for action in (notes.all_notes, lambda: notes.get_note(note.uid)):
        with pytest.raises(StoreError) as caught:
            action()
        assert note.uid in str(caught.value)


def test_a_damaged_row_does_not_stop_reanchoring_or_visits(store: Store) -> None:
    from .helpers import revision

    brief = revision("v1")
    notes, seen = Annotations(store), SeenItems(store)
    note = notes.add_note(
        Anchor(brief.id, ItemKind.QUOTE, "gone"), brief_title="T", item_text="x", body="b", now=NOW
    )
    seen.visit(brief.id, "digest", NOW)
    store.execute("UPDATE notes SET kind = 'nonsense' WHERE uid = ?", (note.uid,))
    store.execute("UPDATE visits SET visited = 'a while ago'")
    notes.reanchor(brief)  # the damaged row is left as it is
    assert store.execute("SELECT kind FROM notes").fetchall() == [("nonsense",)]
    assert seen.visit(brief.id, "digest", NOW) is None  # an unreadable last visit: none known
    assert seen.visit(brief.id, "digest", NOW) == NOW


# Item 23: a store that can only be read ------------------------------------------------------------


def test_a_read_only_store_reads_and_refuses_writes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.storage.store import database as store_module

    from .helpers import revision

    brief = revision("v1")
    store = Store(db_path)
    kept = add(Annotations(store), "kept")
    SeenItems(store).visit(brief.id, "digest", NOW)
    store.close()
    before = _files(db_path.parent)
    # As root every folder is writable: make the store see one that is not.
    monkeypatch.setattr(store_module, "_writable", lambda path: False)
    store = Store(db_path)
    notes, seen = Annotations(store), SeenItems(store)
    assert [n.body for n in notes.all_notes()] == ["kept"]
    assert store.read_only
    assert store.read_only_message == f"notes are read-only: {db_path} cannot be written"
    # What only marks what is new is skipped; nothing the user wrote is refused silently.
    assert notes.reanchor(brief) == (0, 0)
    seen.mark_seen(brief.id, [(("quote", "q"), "d")], NOW)
    assert seen.visit(brief.id, "other", NOW) == NOW
    for write in (
        lambda: add(notes, "new"),
        lambda: notes.delete_note(kept.uid),
        lambda: store.set_setting("theme", "nord"),
    ):
        with pytest.raises(StoreError) as caught:
            write()
        assert "notes are read-only" in str(caught.value) and str(db_path) in str(caught.value)
    store.close()
    assert _files(db_path.parent) == before


def test_a_good_database_in_rollback_journal_mode_takes_notes(db_path: Path) -> None:
    from briefing.storage.store.database import MIGRATIONS

    _rollback_database(db_path, "".join(MIGRATIONS[v] for v in sorted(MIGRATIONS)), SCHEMA_VERSION)
    store = Store(db_path)
    add(Annotations(store), "first in WAL")
    store.close()
    assert bodies_in(db_path) == {"first in WAL"}
