"""The SQLite store: opened lazily, migrated forward, never destroying a file it cannot read."""

from __future__ import annotations

import os
import random
import re
import sqlite3
from pathlib import Path

import pytest

from briefing.storage import paths
from briefing.storage.store.database import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    move_aside,
)
from briefing.storage.store.notes import Annotations

from .helpers import NOW, run_briefing


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    connection.close()
    return {name for (name,) in rows}


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


# Opening and migrating ----------------------------------------------------------------------------


def test_nothing_is_created_until_first_use(db_path: Path) -> None:
    store = Store(db_path)
    assert not db_path.parent.exists()
    store.close()
    assert not db_path.parent.exists()


def test_is_open_tells_a_store_never_opened_from_one_in_use(db_path: Path) -> None:
    """What the reader needs to tell "never opened" from a failed write, without private state."""
    store = Store(db_path)
    assert store.is_open is False
    store.set_setting("theme", "dark")
    assert store.is_open is True
    store.close()
    assert store.is_open is False
    broken = Store(db_path.parent / "folder-not-file")
    (db_path.parent / "folder-not-file").mkdir()
    with pytest.raises(StoreError):
        _ = broken.connection
    assert broken.is_open is False


def test_every_version_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_empty_file_is_migrated_to_the_current_version(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    store = Store(db_path)
    assert store.get_setting("anything") is None
    store.close()
    assert user_version(db_path) == SCHEMA_VERSION
    assert {"settings", "notes", "bookmarks"} <= tables(db_path)


def test_missing_file_is_created_at_the_current_version(db_path: Path) -> None:
    store = Store(db_path)
    store.set_setting("theme", "nord")
    store.close()
    assert user_version(db_path) == SCHEMA_VERSION


def test_older_schema_is_migrated_forward_keeping_its_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.executescript(MIGRATIONS[1])
    connection.execute("INSERT INTO settings (key, value) VALUES ('theme', 'nord')")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    store = Store(db_path)
    assert store.get_setting("theme") == "nord"
    assert Annotations(store).all_notes() == []
    store.close()
    assert user_version(db_path) == SCHEMA_VERSION
    assert {"notes", "bookmarks"} <= tables(db_path)


def test_wal_full_sync_and_busy_timeout(store: Store) -> None:
    connection = store.connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_settings_get_and_set(db_path: Path) -> None:
    store = Store(db_path)
    assert store.get_setting("theme") is None
    assert store.get_setting("theme", "default") == "default"
    store.set_setting("theme", "nord")
    store.set_setting("clock", "12h")
    store.set_setting("theme", "gruvbox")
    assert store.get_setting("theme") == "gruvbox"
    store.close()
    reopened = Store(db_path)
    assert reopened.get_setting("theme") == "gruvbox"
    assert reopened.get_setting("clock") == "12h"
    reopened.close()


# Files that cannot be read are left alone ---------------------------------------------------------


def make_newer(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path
    )  # a rollback-journal database: switching it to WAL would rewrite it
    connection.execute("CREATE TABLE future (x)")
    connection.execute("INSERT INTO future VALUES ('from the future')")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    return path.read_bytes()


def test_newer_schema_is_refused_and_left_unchanged(db_path: Path) -> None:
    before = make_newer(db_path)
    store = Store(db_path)
    with pytest.raises(StoreError) as caught:
        Annotations(store).all_notes()
    message = str(caught.value)
    assert str(db_path) in message
    assert "newer" in message
    assert caught.value.unreadable
    with pytest.raises(StoreError):
        store.set_setting("theme", "nord")
    store.close()
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["briefing.db"]


CORRUPT = {
    "random-bytes": random.Random(4).randbytes(16384),
    "text-file": (
        "This is not a database, just notes someone saved as briefing.db\n" * 50
    ).encode(),
    "truncated-header": b"SQLite format 3\x00" + bytes(84),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_raises_and_is_not_modified(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    store = Store(db_path)
    actions = (
        lambda: store.get_setting("theme"),
        lambda: store.set_setting("theme", "nord"),
        store.integrity_problems,
        Annotations(store).all_notes,
    )
    for action in actions:
        with pytest.raises(StoreError) as caught:
            action()
        assert caught.value.unreadable
        assert str(db_path) in str(caught.value)
        assert "\n" not in str(caught.value)
    store.close()
    assert db_path.read_bytes() == content


@pytest.mark.parametrize(
    "content", [CORRUPT["random-bytes"], CORRUPT["text-file"]], ids=["random-bytes", "text-file"]
)
def test_doctor_reports_then_repair_moves_aside(
    isolated_env: dict[str, Path], content: bytes
) -> None:
    database = isolated_env["data"] / "briefing.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(content)

    checked = run_briefing("doctor")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert str(database) in checked.stdout
    assert "problem:" in checked.stdout
    assert "--repair" in checked.stdout
    assert "Traceback" not in checked.stderr
    assert database.read_bytes() == content

    repaired = run_briefing("doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert not database.exists()
    aside = [p for p in database.parent.iterdir() if p.name.startswith("briefing.db.unreadable-")]
    assert len(aside) == 1
    assert re.fullmatch(r"briefing\.db\.unreadable-\d{8}T\d{6}(-\d+)?", aside[0].name)
    assert aside[0].read_bytes() == content
    assert aside[0].name in repaired.stdout

    again = run_briefing("doctor")
    assert again.returncode == 0
    assert "not created yet" in again.stdout


def test_doctor_on_newer_schema_reports_without_repair(isolated_env: dict[str, Path]) -> None:
    database = isolated_env["data"] / "briefing.db"
    before = make_newer(database)
    checked = run_briefing("doctor")
    assert checked.returncode == 1
    assert "newer" in checked.stdout
    assert database.read_bytes() == before


def test_doctor_on_a_healthy_database(isolated_env: dict[str, Path]) -> None:
    store = Store(paths.database_file())
    store.set_setting("theme", "nord")
    store.close()
    checked = run_briefing("doctor")
    assert checked.returncode == 0
    assert "ok" in checked.stdout.split()
    assert Store(paths.database_file()).get_setting("theme") == "nord"


def test_move_aside_keeps_everything_and_never_overwrites(tmp_path: Path) -> None:
    database = tmp_path / "briefing.db"
    for name, data in (
        ("briefing.db", b"main"),
        ("briefing.db-wal", b"wal"),
        ("briefing.db-shm", b"shm"),
    ):
        (tmp_path / name).write_bytes(data)
    first = move_aside(database, NOW)
    assert first.name == "briefing.db.unreadable-20251026T110000"
    assert first.read_bytes() == b"main"
    assert (tmp_path / f"{first.name}-wal").read_bytes() == b"wal"
    assert (tmp_path / f"{first.name}-shm").read_bytes() == b"shm"
    database.write_bytes(b"second")
    second = move_aside(database, NOW)
    assert second != first
    assert second.read_bytes() == b"second"
    assert first.read_bytes() == b"main"
    assert not database.exists()


# A data folder that cannot be written -------------------------------------------------------------


def test_data_dir_below_a_regular_file(isolated_env: dict[str, Path], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder is expected\n")
    os.environ["BRIEFING_DATA_DIR"] = str(
        blocker / "briefing"
    )  # undone by the isolated_env fixture
    store = Store(paths.database_file())
    with pytest.raises(StoreError) as caught:
        store.set_setting("theme", "nord")
    message = str(caught.value)
    assert str(blocker / "briefing") in message
    assert "cannot create the data folder" in message
    assert not caught.value.unreadable
    assert blocker.read_text() == "a file where a folder is expected\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_data_dir_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = Store(folder / "briefing.db")
        with pytest.raises(StoreError) as caught:
            store.set_setting("theme", "nord")
        message = str(caught.value)
        assert str(folder) in message
        assert "write" in message
        assert "damaged" not in message
        assert not caught.value.unreadable
    finally:
        folder.chmod(0o700)


def test_reading_a_store_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    from briefing.storage.store.seen import SeenItems

    path = tmp_path / "data" / "briefing.db"
    store = Store(path)
    assert not store.exists()
    assert store.get_setting("theme") is None
    assert store.get_setting("theme", "fallback") == "fallback"
    assert store.note_counts() == {}
    assert SeenItems(store).visited() == {}
    assert not path.exists() and not path.parent.exists()

    store.set_setting("theme", "briefing-light")  # a write creates it
    assert store.exists() and path.exists()
    assert Store(path).get_setting("theme") == "briefing-light"


def test_a_damaged_store_is_still_reported_when_read(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError) as caught:
        Store(path).get_setting("theme")
    assert caught.value.unreadable
