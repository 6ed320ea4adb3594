"""All notes and all bookmarks read a page at a time (issue 13, item 18).

A store of 200,000 notes is built by direct SQL inserts (the models would take
a minute); the listing holds rowids only, a page reads only its rows, and the
filter runs in SQLite, folding case and diacritics.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.storage.store.annotation_pages import AnnotationPages
from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.notes import Annotations

MANY = 200_000
START = datetime(2025, 1, 1, tzinfo=UTC)


def fill(path: Path, count: int, *, bookmarks: int = 0) -> None:
    """``count`` notes, the i-th changed i seconds after START (so note 0 is the oldest)."""
    Store(path).connection.close()  # created and migrated as the reader would
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            "INSERT INTO notes VALUES (?, 'b', 'Brief', 'quote', 'q', 'Item', ?, ?, ?, 0)",
            (
                (f"n{i:07d}", f"note number {i}", when, when)
                for i in range(count)
                for when in [(START + timedelta(seconds=i)).isoformat()]
            ),
        )
        connection.executemany(
            "INSERT INTO bookmarks VALUES ('b', 'Brief', 'quote', ?, 'Item', ?, 0)",
            ((f"q{i}", (START + timedelta(seconds=i)).isoformat()) for i in range(bookmarks)),
        )
        connection.execute(
            "INSERT INTO notes VALUES ('zurich', 'c', 'Other brief', 'quote', 'q', 'Item',"
            " 'Met in ZÜRICH, at the Café', ?, ?, 0)",
            ((START - timedelta(days=1)).isoformat(),) * 2,
        )
    connection.close()


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "briefing.db"
    fill(path, MANY, bookmarks=50)
    return path


def test_a_listing_of_many_notes_reads_no_note_until_a_page_is_asked_for(many: Path) -> None:
    pages = AnnotationPages(many)
    listing = pages.listing("notes")
    assert len(listing) == listing.total == MANY + 1
    assert pages.rows_read == 0
    first = pages.rows(listing, 0, 20)
    assert [n.body for n in first[:2]] == [f"note number {MANY - 1}", f"note number {MANY - 2}"]
    assert pages.rows_read == 20
    # The end is as near as the start: the oldest note, the one from the day before.
    [last] = pages.rows(listing, len(listing) - 1, len(listing))
    assert last.uid == "zurich"
    assert pages.rows_read == 21


def test_the_filter_runs_in_sqlite_without_case_or_accents(many: Path) -> None:
    pages = AnnotationPages(many)
    listing = pages.listing("notes", "zurich  cafe")
    assert len(listing) == 1 and listing.total == MANY + 1
    assert pages.rows(listing, 0, 1)[0].uid == "zurich"
    assert pages.rows_read == 1
    # Words in any order, each anywhere in the brief's title, the item or the note.
    assert len(pages.listing("notes", "number 19999")) == 12  # 19999, 119999 and 199990-199999
    assert len(pages.listing("notes", "other brief café")) == 1
    assert len(pages.listing("notes", "nowhere")) == 0


def test_a_cancelled_listing_stops_scanning(many: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return True

    listing = AnnotationPages(many).listing("notes", "zurich", cancelled=cancelled)
    # The first progress callback stopped the scan (one more call says why it ended).
    assert len(calls) <= 2 and len(listing) == 0


def test_bookmarks_newest_first(many: Path) -> None:
    pages = AnnotationPages(many)
    listing = pages.listing("bookmarks")
    assert len(listing) == 50
    assert [b.item_id for b in pages.rows(listing, 0, 3)] == ["q49", "q48", "q47"]
    assert len(pages.listing("bookmarks", "q4")) == 0  # the item id is not searched
    assert len(pages.listing("bookmarks", "ITEM")) == 50


def test_a_note_deleted_after_the_listing_is_a_gap_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    fill(path, 3)
    pages = AnnotationPages(path)
    listing = pages.listing("notes")
    store = Store(path)
    Annotations(store).delete_note("n0000001")
    store.close()
    assert [n and n.uid for n in pages.rows(listing, 0, 4)] == [
        "n0000002",
        None,
        "n0000000",
        "zurich",
    ]


def test_no_store_yet_lists_nothing_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    assert len(AnnotationPages(path).listing("notes")) == 0
    assert not path.exists()


def test_a_damaged_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    path.write_bytes(b"not a database" * 400)
    with pytest.raises(StoreError, match="briefing.db: cannot be read"):
        AnnotationPages(path).listing("notes")


def test_percent_underscore_and_backslash_are_plain_characters_in_the_filter(
    tmp_path: Path,
) -> None:
    path = tmp_path / "briefing.db"
    fill(path, 3)
    store = Store(path)
    connection = store.connection
    for uid, body in (("p", "up 50% on a_b"), ("s", "C:\\temp"), ("u", "ünïcode 50% a_b")):
        connection.execute(
            "INSERT INTO notes VALUES (?, 'b', 'Brief', 'quote', 'q', 'Item', ?, ?, ?, 0)",
            (uid, body, "2030-01-01T00:00:00+00:00", "2030-01-01T00:00:00+00:00"),
        )
    store.close()
    pages = AnnotationPages(path)

    def uids(text: str) -> list[str]:
        listing = pages.listing("notes", text)
        return sorted(n.uid for n in pages.rows(listing, 0, len(listing)))

    assert uids("0%") == ["p", "u"]
    assert uids("a_b") == ["p", "u"]
    assert uids("_") == ["p", "u"]
    assert uids("\\temp") == ["s"]
    assert uids("UNICODE") == ["u"]


def test_a_damaged_row_is_named_in_its_place_and_the_others_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "briefing.db"
    fill(path, 2)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "UPDATE notes SET updated = '0001-01-01T00:00:00Z' WHERE uid = 'n0000000'"
        )
    connection.close()
    pages = AnnotationPages(path)
    listing = pages.listing("notes")
    rows = pages.rows(listing, 0, len(listing))
    assert rows[0].uid == "n0000001"
    assert isinstance(rows[-1], str) and "briefing.db" in rows[-1] and "n0000000" in rows[-1]
