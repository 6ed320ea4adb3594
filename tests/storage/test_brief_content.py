"""The library index keeps each brief's validated content by its digest (issue 15).

Indexing a valid brief keeps its normalised content (:mod:`briefing.core.normalized`);
:func:`~briefing.storage.index.briefs.read_brief` builds a brief whose bytes the
index knows from that content, without parsing or validating the file. Every test
counts the parses (``parse_brief``), so "without validation" is measured, not assumed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from kit import brief_toml, make_brief

import briefing.core.loading as loading
from briefing.core import normalized
from briefing.core.errors import BriefError
from briefing.core.loading import load_brief
from briefing.core.markdown_blocks import summary_blocks
from briefing.storage.index.briefs import keep_brief, lists_any, read_brief
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import content_digest
from briefing.storage.index.refreshing import refresh
from briefing.storage.index.schema import INDEX_VERSION

from .helpers import DATA

REPO = Path(__file__).resolve().parent.parent.parent
ZONE = ZoneInfo("Europe/Paris")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(REPO / "sample_briefs", folder)
    return folder


def indexed(tmp_path: Path, library: Path, zone=ZONE) -> LibraryIndex:
    index = LibraryIndex(tmp_path / "index.db", zone=zone)
    for _ in refresh(index, [library]):
        pass
    return index


def content_rows(index: LibraryIndex) -> dict[str, tuple[int, str]]:
    with index.lock:
        rows = index.connection.execute("SELECT digest, version, zone FROM briefs").fetchall()
    return {digest: (version, zone) for digest, version, zone in rows}


def digest_of(path: Path) -> str:
    return content_digest(path.read_bytes())


def same(brief, path: Path) -> bool:
    """True when ``brief`` is what validating ``path`` gives (equal, and as normalised data;
    with its summary's blocks when ``brief`` has them: the reader reads them, indexing not)."""
    validated = load_brief(path, local_zone=ZONE)
    if brief.summary_blocks is not None:
        summary_blocks(validated)
    return brief == validated and normalized.dump(brief) == normalized.dump(validated)


def test_indexing_keeps_each_valid_briefs_content_by_its_digest(
    tmp_path: Path, library: Path
) -> None:
    shutil.copy(DATA / "bad" / "bad_syntax.toml", library / "broken.toml")
    index = indexed(tmp_path, library)
    rows = content_rows(index)
    valid = [p for p in library.iterdir() if p.name != "broken.toml"]
    assert set(rows) == {digest_of(p) for p in valid}  # never the invalid file
    assert set(rows.values()) == {(normalized.VERSION, str(ZONE))}


def test_a_known_brief_is_built_from_the_index_without_validation(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    index = indexed(tmp_path, library)
    parses.clear()
    for path in sorted(library.iterdir()):
        read = read_brief(path, index, zone=ZONE)
        assert read.known
        assert read.digest == digest_of(path)
        assert same(read.brief, path)
    assert len(parses) == len(list(library.iterdir()))  # only the load_brief of the test


def test_a_changed_byte_is_validated_again_and_then_known(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    index = indexed(tmp_path, library)
    path = next(library.iterdir())
    data = path.read_bytes()
    path.write_bytes(data + b"\n")  # one byte more: the same brief, other bytes
    parses.clear()
    read = read_brief(path, index, zone=ZONE)
    assert not read.known
    assert parses == [str(path)]
    assert same(read.brief, path)
    # The reader keeps what it validated (this is the loading worker's thread, not the UI's).
    assert keep_brief(index, read)
    parses.clear()
    again = read_brief(path, index, zone=ZONE)
    assert again.known and parses == []
    assert normalized.dump(again.brief) == normalized.dump(read.brief)


def test_a_file_that_became_invalid_is_an_error_not_its_old_content(
    tmp_path: Path, library: Path
) -> None:
    index = indexed(tmp_path, library)
    path = next(library.iterdir())
    path.write_text(path.read_text(encoding="utf-8") + "\n[[[ not toml", encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        read_brief(path, index, zone=ZONE)
    assert str(path.name) in raised.value.summary()


def test_unreadable_files_say_why_as_before(tmp_path: Path) -> None:
    index = LibraryIndex(tmp_path / "index.db", zone=ZONE)
    with pytest.raises(BriefError) as raised:
        read_brief(tmp_path / "missing.toml", index, zone=ZONE)
    with pytest.raises(BriefError) as expected:
        load_brief(tmp_path / "missing.toml")
    assert raised.value.summary() == expected.value.summary()
    too_big = tmp_path / "big.toml"
    too_big.write_bytes(b"#" * (loading.MAX_FILE_BYTES + 1))
    with pytest.raises(BriefError, match="limited to 5 MB"):
        read_brief(too_big, index, zone=ZONE)


NOT_A_BRIEF = b'{"version": %d, "zone": "UTC", "brief": {"title": 3}}' % normalized.VERSION
DAMAGE = {
    "other-version": ("UPDATE briefs SET version = version + 1", ()),
    "other-zone": ("UPDATE briefs SET zone = 'Asia/Tokyo'", ()),
    "not-zlib": ("UPDATE briefs SET content = x'00ff00'", ()),
    "not-json": ("UPDATE briefs SET content = ?", (zlib.compress(b'{"version": 1, "zo'),)),
    "not-a-brief": ("UPDATE briefs SET content = ?", (zlib.compress(NOT_A_BRIEF),)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_content_of_another_version_or_zone_or_damaged_is_not_trusted(
    tmp_path: Path, library: Path, parses: list[str], damage: str
) -> None:
    index = indexed(tmp_path, library)
    with index.lock:
        index.connection.execute(*DAMAGE[damage])
    path = next(library.iterdir())
    parses.clear()
    read = read_brief(path, index, zone=ZONE)
    assert not read.known
    assert parses == [str(path)]
    assert same(read.brief, path)


def test_a_brief_read_in_another_zone_is_not_built_from_this_zones_content(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    index = indexed(tmp_path, library)
    path = next(library.iterdir())
    parses.clear()
    assert not read_brief(path, index, zone=ZoneInfo("Asia/Tokyo")).known
    assert parses == [str(path)]


def test_no_index_reads_and_validates(tmp_path: Path, library: Path, parses: list[str]) -> None:
    path = next(library.iterdir())
    read = read_brief(path, None, zone=ZONE)
    assert not read.known and parses == [str(path)]
    assert not keep_brief(None, read)


def test_content_leaves_with_its_file(tmp_path: Path, library: Path) -> None:
    index = indexed(tmp_path, library)
    gone, changed = sorted(library.iterdir())[:2]
    old = digest_of(changed)
    gone.unlink()
    changed.write_bytes(changed.read_bytes() + b"\n")
    before = os.stat(changed).st_mtime_ns
    os.utime(changed, ns=(before + 10**9, before + 10**9))
    for _ in refresh(index, [library]):
        pass
    assert set(content_rows(index)) == {digest_of(p) for p in library.iterdir()}
    assert old not in content_rows(index)


def test_two_files_with_the_same_bytes_share_their_content(tmp_path: Path, library: Path) -> None:
    first = next(library.iterdir())
    shutil.copy(first, library / "copy.toml")
    index = indexed(tmp_path, library)
    (library / "copy.toml").unlink()
    for _ in refresh(index, [library]):
        pass
    assert digest_of(first) in content_rows(index)  # still the content of the first


def test_an_index_of_version_7_is_rebuilt_with_the_content_table(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    assert INDEX_VERSION >= 8
    index_path = tmp_path / "index.db"
    connection = sqlite3.connect(index_path)
    connection.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        f"INSERT INTO meta VALUES ('stamp', '7:{ZONE}');"
        "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL,"
        " mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL, published REAL, summary TEXT,"
        " error TEXT, searchable INTEGER NOT NULL DEFAULT 0, brief_id TEXT);"
    )
    connection.close()
    index = LibraryIndex(index_path, zone=ZONE)
    for _ in refresh(index, [library]):
        pass
    assert index.rebuilt
    path = next(library.iterdir())
    parses.clear()
    assert read_brief(path, index, zone=ZONE).known
    assert parses == []


def test_a_brief_the_index_never_listed_is_kept_by_the_reader(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    path = make_brief(tmp_path / "elsewhere", "alone.toml", id="alone")
    index = LibraryIndex(tmp_path / "index.db", zone=ZONE)
    read = read_brief(path, index, zone=ZONE)
    assert not read.known
    # Kept even before any library was listed: `briefing FILE` opened a second time is
    # known (search, which built a missing index, looks for listed files instead).
    kept = threading.Thread(target=keep_brief, args=(index, read))
    kept.start()
    kept.join()
    assert index.path.exists()
    assert not lists_any(index, [path])
    parses.clear()
    assert read_brief(path, index, zone=ZONE).known
    assert parses == []
    # Changed: validated again, whatever the index holds.
    path.write_text(brief_toml(id="alone", title="Another title"), encoding="utf-8")
    read = read_brief(path, index, zone=ZONE)
    assert not read.known and read.brief.title == "Another title"


KNOWN_IN_A_FRESH_PROCESS = """
import sys
from pathlib import Path
from zoneinfo import ZoneInfo
from briefing.storage.index.briefs import read_brief
from briefing.storage.index.database import LibraryIndex
index = LibraryIndex(Path(sys.argv[1]), zone=ZoneInfo("Europe/Paris"))
read = read_brief(Path(sys.argv[2]), index, zone=ZoneInfo("Europe/Paris"))
print(read.known, "briefing.core.loading" in sys.modules, "pydantic" in sys.modules)
"""


def test_a_known_brief_is_read_without_importing_the_validating_code_or_pydantic(
    tmp_path: Path, library: Path
) -> None:
    """The known path imports neither the loader nor what it brings (the TOML parser, the
    problems' wording, pydantic)."""
    index = indexed(tmp_path, library)
    index.close()
    path = next(library.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", KNOWN_IN_A_FRESH_PROCESS, str(index.path), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["True", "False", "False"]


def test_a_refresh_drops_unlisted_content_only_when_files_went_or_changed(
    tmp_path: Path, library: Path
) -> None:
    index = indexed(tmp_path, library)
    alone = make_brief(tmp_path / "elsewhere", "alone.toml", id="alone")
    assert keep_brief(index, read_brief(alone, index, zone=ZONE))
    for _ in refresh(index, [library]):  # nothing changed: nothing dropped
        pass
    assert read_brief(alone, index, zone=ZONE).known
    next(library.iterdir()).unlink()
    for _ in refresh(index, [library]):
        pass
    assert not read_brief(alone, index, zone=ZONE).known  # listed by no library


def test_content_kept_before_the_summarys_blocks_is_validated_again_then_kept_with_them(
    tmp_path: Path, library: Path, parses: list[str]
) -> None:
    """Content of version 2 (no summary blocks) is not trusted: the file is validated, as
    for any content of another version, and the reader keeps it again, blocks and all."""
    index = indexed(tmp_path, library)
    path = library / "us-china-trade-talks-kuala-lumpur.toml"
    data = normalized.dump(load_brief(path, local_zone=ZONE))
    data.pop("summary", None)  # (validating reads no blocks: indexing keeps none either)
    data["version"] = 2
    old = zlib.compress(json.dumps(data).encode())
    with index.lock:
        index.connection.execute(
            "UPDATE briefs SET version = 2, content = ? WHERE digest = ?", (old, digest_of(path))
        )
    parses.clear()
    read = read_brief(path, index, zone=ZONE)
    assert not read.known and parses == [str(path)]
    assert read.brief.summary_blocks
    assert keep_brief(index, read)
    again = read_brief(path, index, zone=ZONE)
    assert again.known
    assert again.brief.summary_blocks == read.brief.summary_blocks


def test_a_brief_the_reader_validates_carries_its_summary_read_into_blocks(
    tmp_path: Path, library: Path
) -> None:
    # Read where the reader reads (its worker), kept with the content: the reader draws a
    # known brief's summary without markdown-it. Indexing validates without them.
    index = LibraryIndex(tmp_path / "index.db", zone=ZONE)
    path = library / "us-china-trade-talks-kuala-lumpur.toml"
    read = read_brief(path, index, zone=ZONE)
    assert not read.known
    assert read.brief.summary_blocks
    keep_brief(index, read)
    again = read_brief(path, index, zone=ZONE)
    assert again.known and again.brief.summary_blocks == read.brief.summary_blocks
