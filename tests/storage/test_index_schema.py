"""An index written by an older briefing is rebuilt with today's schema (issue 14).

Version 6 dropped the ``files.items`` column that nothing filled. The index
records its version in its stamp; an index of another version is emptied and
made again, so a file with the old column never meets today's ``INSERT``.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.schema import INDEX_VERSION
from briefing.storage.index.search import open_search_connection, search

REPO = Path(__file__).resolve().parent.parent.parent

VERSION_5_FILES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    digest TEXT NOT NULL, published REAL, summary TEXT, error TEXT, items TEXT,
    searchable INTEGER NOT NULL DEFAULT 0, brief_id TEXT
);
INSERT INTO meta VALUES ('stamp', '5:None');
INSERT INTO files VALUES ('/gone.toml', 1, 1, 'x', 0, NULL, NULL, '[]', 0, 'gone');
"""


def columns(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[1] for row in connection.execute("PRAGMA table_info(files)")]
    finally:
        connection.close()


def test_an_index_of_version_5_is_rebuilt_without_the_items_column(tmp_path: Path) -> None:
    assert INDEX_VERSION >= 6  # 7: the items' context searched too
    index_path = tmp_path / "library-index.db"
    connection = sqlite3.connect(index_path)
    connection.executescript(VERSION_5_FILES)
    connection.close()
    library = tmp_path / "library"
    shutil.copytree(REPO / "sample_briefs", library)

    index = LibraryIndex(index_path)
    assert index.cached([tmp_path]) == []  # the old rows are not trusted
    assert index.rebuilt
    listed = sum(len(step.entries) for step in refresh(index, [library]))
    for _ in build_search(index):
        pass
    index.close()

    assert listed == len(list(library.iterdir()))
    assert "items" not in columns(index_path)
    connection = open_search_connection(index_path)
    try:
        assert search(connection, "Bessent", roots=[str(library)]).hits
    finally:
        connection.close()
