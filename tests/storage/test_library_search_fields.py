"""Library search looks where find in a brief looks (a quote's context too) and in the source."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC
from pathlib import Path

from briefing.core.find import Finder
from briefing.core.loading import load_brief
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import build_search, refresh
from briefing.storage.index.schema import INDEX_VERSION
from briefing.storage.index.search import open_search_connection, search

SAMPLES = Path(__file__).resolve().parent.parent.parent / "sample_briefs"
SEED_FILE = "us-china-trade-talks-kuala-lumpur.toml"


def found(tmp_path: Path, query: str) -> list[tuple[str, str]]:
    library = tmp_path / "library"
    if not library.exists():
        shutil.copytree(SAMPLES, library)
    index = LibraryIndex(tmp_path / "data" / "library-index.db", zone=UTC)
    for _ in refresh(index, [library]):
        pass
    for _ in build_search(index):
        pass
    connection = open_search_connection(index.path)
    try:
        result = search(connection, query, roots=[library])
    finally:
        connection.close()
        index.close()
    return [(Path(hit.path).name, hit.item_id) for hit in result.hits]


def test_a_quotes_context_is_searched_as_find_does(tmp_path: Path) -> None:
    hits = found(tmp_path, "truce")
    in_seed = {item for name, item in hits if name == SEED_FILE}
    brief = load_brief(SAMPLES / SEED_FILE)
    assert in_seed == {m.item_id for m in Finder("truce").find(brief)}
    assert "li-preliminary-consensus" in in_seed  # "truce" only in its context


def test_the_briefs_source_is_searched(tmp_path: Path) -> None:
    assert (SEED_FILE, "") in found(tmp_path, "Türkiye")
    assert (SEED_FILE, "") in found(tmp_path, "turkiye today")


def test_an_index_of_the_last_version_is_rebuilt(tmp_path: Path) -> None:
    found(tmp_path, "truce")
    database = tmp_path / "data" / "library-index.db"
    connection = sqlite3.connect(database)
    with connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'stamp'", (f"{INDEX_VERSION - 1}:UTC",)
        )
    connection.close()
    assert (SEED_FILE, "") in found(tmp_path, "Türkiye")
    assert INDEX_VERSION >= 7
