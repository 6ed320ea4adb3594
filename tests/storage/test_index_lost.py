"""The library index lost while the reader runs (issue 13, item 20).

The README says the index is rebuilt whenever it is lost. Deleting
``library-index.db`` (or replacing or damaging it) while the index is open used
to leave the reader writing into the deleted file: search said "being built
(0 of 0)" for the rest of the session and ``r`` did not help. A refresh now
notices (the file's inode, or a "no such table" or damaged-file error), opens
the file again and rebuilds it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefing.storage import paths
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.search import open_search_connection, search

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(REPO / "sample_briefs", folder)
    return folder


def build(index: LibraryIndex, library: Path) -> int:
    """Refresh and fill the search tables; the number of entries the refresh listed."""
    entries = sum(len(step.entries) for step in refresh(index, [library]))
    for _ in build_search(index):
        pass
    return entries


def bessent(library: Path) -> int:
    connection = open_search_connection(paths.index_file())
    try:
        return len(search(connection, "Bessent", roots=[library]).hits)
    finally:
        connection.close()


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _replace_with_empty_database(path: Path) -> None:
    _delete(path)
    sqlite3.connect(path).close()


def _replace_with_garbage(path: Path) -> None:
    _delete(path)
    path.write_bytes(os.urandom(64 * 1024))


def _damage_in_place(path: Path) -> None:
    # The same file (same inode), its pages overwritten.
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.write(os.urandom(size))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _drop_tables(path: Path) -> None:
    # The same file (same inode), emptied by another program.
    connection = sqlite3.connect(path)
    connection.executescript(
        "DROP TRIGGER IF EXISTS items_added; DROP TRIGGER IF EXISTS items_removed;"
        " DROP TABLE items_fts; DROP TABLE items; DROP TABLE files;"
    )
    connection.close()


@pytest.mark.parametrize(
    "lose",
    [_delete, _replace_with_empty_database, _replace_with_garbage, _drop_tables],
    ids=["deleted", "replaced-by-an-empty-database", "replaced-by-garbage", "tables-dropped"],
)
def test_an_index_lost_while_open_is_rebuilt_by_the_next_refresh(library: Path, lose) -> None:
    index = LibraryIndex(paths.index_file())
    count = build(index, library)
    assert count == len(list(library.iterdir()))
    assert bessent(library)

    lose(paths.index_file())
    assert index.cached([library]) == []  # nothing trusted, no exception

    assert build(index, library) == count  # every file read again: the index was lost
    assert index.rebuilt
    assert paths.index_file().is_file()
    assert len(index.cached([library])) == count
    assert bessent(library)
    index.close()
    # What was rebuilt is on disk: another run lists from it.
    assert len(LibraryIndex(paths.index_file()).cached([library])) == count


def test_lost_is_false_while_the_file_is_the_one_opened(library: Path) -> None:
    index = LibraryIndex(paths.index_file())
    build(index, library)
    assert not index.lost()
    _delete(paths.index_file())
    assert index.lost()
    index.close()


def test_an_index_damaged_in_place_is_started_again_when_a_search_finds_it(
    library: Path,
) -> None:
    """The open connection may still serve the old pages from memory; a search's own
    connection reads the damage, and the search screen then starts the index again."""
    index = LibraryIndex(paths.index_file())
    count = build(index, library)
    _damage_in_place(paths.index_file())
    try:
        connection = open_search_connection(paths.index_file())
        assert search(connection, "Bessent", roots=[library]).problem.startswith("search failed")
        connection.close()
    except sqlite3.DatabaseError:
        pass  # or it cannot even be opened
    index.start_again(discard=True)
    assert build(index, library) == count
    assert bessent(library)
    index.close()
