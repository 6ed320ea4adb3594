"""The library index: what it keeps, what a refresh re-reads, and how it survives damage.

Every test counts the reads (``read_limited``) and parses (``parse_brief``) the
index makes, so "re-parses only the changed file" and "lists without reading a
file" are measured, not assumed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kit import brief_toml

import briefing.core.library as library_module
import briefing.core.loading as loading
import briefing.storage.index.database as library_index
import briefing.storage.index.indexing as indexing
import briefing.storage.index.refreshing as refreshing
from briefing.core.errors import BriefError
from briefing.core.library import LibraryEntry, prefetch, summarize
from briefing.core.loading import load_brief
from briefing.storage import paths
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.indexing import index_in_processes, index_serially
from briefing.storage.index.rows import IndexedFile, Progress
from briefing.storage.store.database import Store

from .helpers import DATA, TIMEOUT

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLES = REPO / "sample_briefs"

NAIVE_DEADLINE = {
    "id": "naive-deadline",
    "published": datetime(2025, 10, 26, 10, 0, tzinfo=UTC),
    "deadlines": [{"title": "Vote", "due": datetime(2025, 11, 2, 9, 30)}],
}
"""A brief whose deadline has no offset and which names no time zone: the reader's zone places it."""


# Helpers -----------------------------------------------------------------------------


@dataclass
class Reads:
    """Every file the code under test read (``read_limited``) and parsed (``parse_brief``)."""

    read: list[str] = field(default_factory=list)
    parsed: list[str] = field(default_factory=list)
    forbid: bool = False
    """When set, any read or parse fails the test."""

    def clear(self) -> None:
        self.read.clear()
        self.parsed.clear()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """Count (or forbid) reading and parsing brief files, wherever the index does it."""
    record = Reads()
    real_read, real_parse = loading.read_limited, loading.parse_brief

    def read_limited(path, *args, **kwargs):
        if record.forbid:
            raise AssertionError(f"read {path} although it should not have")
        record.read.append(os.fspath(path))
        return real_read(path, *args, **kwargs)

    def parse_brief(data, path, *args, **kwargs):
        if record.forbid:
            raise AssertionError(f"parsed {path} although it should not have")
        record.parsed.append(os.fspath(path))
        return real_parse(data, path, *args, **kwargs)

    monkeypatch.setattr(loading, "read_limited", read_limited)
    monkeypatch.setattr(loading, "parse_brief", parse_brief)
    return record


@pytest.fixture
def index_path() -> Path:
    """Where the app keeps its index (in the test's isolated data folder)."""
    return paths.index_file()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The five sample briefs and three invalid files (one with several problems on known lines)."""
    folder = tmp_path / "library"
    folder.mkdir()
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, folder)
    shutil.copy(DATA / "bad" / "bad_syntax.toml", folder / "broken.toml")
    shutil.copy(DATA / "bad" / "several_problems.toml", folder)
    shutil.copy(DATA / "bad" / "bad_syntax.json", folder)
    return folder


def _generate(folder: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "briefing_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.library(7, count, folder)


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    folder = tmp_path / "big"
    _generate(folder, 100)
    shutil.copy(DATA / "bad" / "several_problems.toml", folder)
    shutil.copy(DATA / "hostile" / "escapes.toml", folder)
    return folder


@dataclass
class Refreshed:
    steps: list[Progress]

    @property
    def entries(self) -> list[LibraryEntry]:
        return [entry for step in self.steps for entry in step.entries]

    @property
    def removed(self) -> list[str]:
        return [path for step in self.steps for path in step.removed]

    @property
    def names(self) -> list[str]:
        return sorted(entry.path.name for entry in self.entries)


def refresh(index: LibraryIndex, *roots: Path, **kwargs) -> Refreshed:
    steps = list(refreshing.refresh(index, roots, **kwargs))
    assert steps and steps[-1].done and not any(step.done for step in steps[:-1])
    assert steps[-1].checked == steps[-1].total == steps[0].total
    return Refreshed(steps)


def files_of(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def direct(path: Path, zone=None) -> LibraryEntry:
    """The entry as a direct load of the file gives it (what the index must reproduce)."""
    try:
        return LibraryEntry(path, brief=load_brief(path, local_zone=zone))
    except BriefError as error:
        return LibraryEntry(path, error=error)


def view(entry: LibraryEntry) -> tuple:
    """Everything a library row shows of an entry, comparable between a direct load and the index."""
    summary = entry.summary
    if summary is None:
        assert entry.error is not None
        return (str(entry.path), "invalid", entry.error.lines())
    # Instants and offsets, not datetimes: an aware datetime at a DST fold (the flood
    # sample has one) never equals one in another tzinfo (PEP 495), though the same instant.
    deadlines = [
        (d.title, d.due_at.timestamp(), d.due_at.utcoffset(), d.status) for d in summary.deadlines
    ]
    for deadline in summary.deadlines:
        assert deadline.due_at.tzinfo is not None, deadline
    return (
        str(entry.path),
        summary.brief_id,
        summary.title,
        summary.published_at.timestamp(),
        summary.published_at.utcoffset(),
        summary.published,
        deadlines,
        summary.people,
        summary.quotes,
        summary.tags,
        summary.names,
        summary.haystack,
    )


def views(entries: list[LibraryEntry]) -> dict[str, tuple]:
    return {str(entry.path): view(entry) for entry in entries}


def rewrite(path: Path, text: str, bump: int = 1) -> None:
    """Write ``text`` to ``path`` and move its modification time ``bump`` seconds on.

    Setting the time explicitly keeps the test from depending on the clock's
    granularity (two writes within one tick would keep the same mtime).
    """
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    mtime = before + bump * 1_000_000_000
    os.utime(path, ns=(mtime, mtime))


def touch(path: Path, seconds: int = 1) -> None:
    """Move ``path``'s modification time on without changing a byte."""
    info = path.stat()
    mtime = info.st_mtime_ns + seconds * 1_000_000_000
    os.utime(path, ns=(mtime, mtime))


def index_rows(index_path: Path) -> dict[str, tuple]:
    connection = sqlite3.connect(index_path)
    try:
        return {
            row[0]: row[1:]
            for row in connection.execute("SELECT path, size, mtime_ns, digest FROM files")
        }
    finally:
        connection.close()


# A first refresh, then listing from the index ------------------------------------------


def test_first_refresh_indexes_every_file_and_keeps_what_a_load_gives(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    assert index.cached([library]) == []
    result = refresh(index, library)
    parsed = sorted(reads.parsed)
    expected = {str(path): view(direct(path)) for path in files_of(library)}
    assert result.steps[0].total == len(expected) == 8
    assert views(result.entries) == expected
    assert parsed == sorted(expected)  # each file once
    # The problems keep their lines and columns through the index.
    broken = next(e for e in result.entries if e.path.name == "broken.toml")
    assert broken.error is not None and broken.error.lines()[0].startswith(
        f"{library / 'broken.toml'}:2:18: TOML syntax"
    )
    several = next(e for e in result.entries if e.path.name == "several_problems.toml")
    assert several.error is not None and len(several.error.problems) > 3
    assert any(problem.line for problem in several.error.problems)
    index.close()

    # A new run: everything listed from the index, no brief file read or parsed.
    reads.forbid = True
    again = LibraryIndex(index_path)
    cached = again.cached([library])
    assert views(cached) == expected
    assert all(entry.brief is None for entry in cached)
    # Newest first, invalid files (no publication time) last.
    times = [entry.published_time for entry in cached]
    assert times == sorted(times, reverse=True)
    assert {e.path.name for e in cached[-3:]} == {
        "broken.toml",
        "several_problems.toml",
        "bad_syntax.json",
    }
    assert not again.rebuilt


def test_cached_entries_decode_their_summary_only_when_used(
    library: Path, index_path: Path
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    cached = index.cached([library])
    valid = [entry for entry in cached if entry.error is None]
    assert len(valid) == 5
    # Listed with their ids and dates only: summaries are not even read from the index yet.
    assert all(entry.stored is None and entry.indexed is None for entry in valid)
    assert all(entry.ok and not entry.pending and entry.brief_id for entry in valid)
    valid[0].title  # noqa: B018 - fetches and decodes
    assert valid[0].indexed is not None and valid[0].stored is not None
    assert all(entry.stored is None for entry in valid[1:])


# Later refreshes -----------------------------------------------------------------------


def test_second_refresh_with_nothing_changed_reads_nothing(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    reads.forbid = True
    result = refresh(LibraryIndex(index_path), library)
    assert result.entries == [] and result.removed == []
    assert result.steps[-1].total == 0


def test_a_changed_file_is_parsed_again_and_only_that_one(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    seed = library / "us-china-trade-talks-kuala-lumpur.toml"
    text = seed.read_text(encoding="utf-8")
    old_title = direct(seed).title
    rewrite(seed, text.replace(old_title, "Trade talks: a new title", 1))
    reads.clear()

    result = refresh(index, library)
    assert reads.parsed == [str(seed)]
    assert reads.read == [str(seed)]
    assert [entry.title for entry in result.entries] == ["Trade talks: a new title"]
    assert result.removed == []
    by_path = {str(e.path): e for e in LibraryIndex(index_path).cached([library])}
    assert by_path[str(seed)].title == "Trade talks: a new title"
    assert len(by_path) == 8


def test_a_same_size_change_is_seen_through_the_time(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    path = library / "summit-multilingual.toml"
    text = path.read_text(encoding="utf-8")
    title = direct(path).title
    new_title = title[:-1] + ("X" if title[-1] != "X" else "Y")
    rewrite(path, text.replace(title, new_title, 1))
    assert path.stat().st_size == len(text.encode("utf-8"))
    reads.clear()
    result = refresh(index, library)
    assert reads.parsed == [str(path)]
    assert [entry.title for entry in result.entries] == [new_title]


def test_a_touched_file_is_hashed_but_not_parsed_and_its_time_kept(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    path = library / "parliament-housing-bill.toml"
    touch(path, 5)
    expected = view(direct(path))
    reads.clear()

    result = refresh(index, library)
    assert reads.read == [str(path)]  # read to hash it ...
    assert reads.parsed == []  # ... but the same content is not parsed
    assert result.entries == [] and result.removed == []
    assert result.steps[-1].total == 1
    assert index_rows(index_path)[str(path)][1] == path.stat().st_mtime_ns

    reads.forbid = True  # the new time was stored: a third refresh reads nothing
    assert refresh(index, library).entries == []
    assert views(index.cached([library]))[str(path)] == expected


def test_a_new_file_is_added(library: Path, index_path: Path, reads: Reads) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    reads.clear()
    added = library / "sub" / "minimal.toml"
    added.parent.mkdir()
    shutil.copy(DATA / "good" / "minimal.toml", added)
    result = refresh(index, library)
    assert reads.parsed == [str(added)]
    assert [e.path for e in result.entries] == [added]
    assert result.entries[0].title == "Minimal brief"
    assert str(added) in views(index.cached([library]))


def test_a_removed_file_is_reported_and_forgotten(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    gone = library / "flood-response-riverside.json"
    gone_bad = library / "broken.toml"
    gone.unlink()
    gone_bad.unlink()
    reads.clear()
    result = refresh(index, library)
    assert sorted(result.removed) == sorted([str(gone), str(gone_bad)])
    assert result.steps[0].removed == result.removed  # said first, before any file is read
    assert result.entries == [] and reads.read == []
    cached = LibraryIndex(index_path).cached([library])
    assert {e.path for e in cached} == set(files_of(library))
    assert str(gone) not in index_rows(index_path)
    # Said once: the next refresh has nothing to remove.
    assert refresh(index, library).removed == []


def test_a_file_that_becomes_invalid_shows_its_error(
    library: Path, index_path: Path, reads: Reads
) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    path = library / "board-meeting-northwind-robotics.toml"
    rewrite(path, 'format = 1\ntitle = "Unclosed\npublished = 2025-01-01\n')
    reads.clear()
    result = refresh(index, library)
    assert reads.parsed == [str(path)]
    [entry] = result.entries
    assert entry.summary is None and not entry.ok
    assert entry.error is not None
    assert entry.error.lines() == direct(path).error.lines()
    assert entry.error.lines()[0].startswith(f"{path}:2:")
    cached = {str(e.path): e for e in LibraryIndex(index_path).cached([library])}
    assert cached[str(path)].error.lines() == entry.error.lines()

    # And valid again.
    shutil.copy(SAMPLES / path.name, path)
    touch(path, 10)
    result = refresh(index, library)
    assert [e.title for e in result.entries] == [direct(path).title]
    assert result.entries[0].ok


def test_two_libraries_share_one_index(tmp_path: Path, index_path: Path, reads: Reads) -> None:
    # "library" is a prefix of "library-2": rows of one must not count as under the other.
    first = tmp_path / "library"
    second = tmp_path / "library-2"
    for folder in (first, second):
        folder.mkdir()
    shutil.copy(SAMPLES / "summit-multilingual.toml", first)
    shutil.copy(SAMPLES / "flood-response-riverside.json", first)
    shutil.copy(SAMPLES / "parliament-housing-bill.toml", second)
    lone = tmp_path / "lone.toml"  # a library can be a single file, too
    shutil.copy(DATA / "good" / "minimal.toml", lone)

    index = LibraryIndex(index_path)
    assert len(refresh(index, first).entries) == 2
    assert len(refresh(index, second).entries) == 1
    assert len(refresh(index, lone).entries) == 1
    assert {e.path for e in index.cached([first])} == set(files_of(first))
    assert {e.path for e in index.cached([second])} == set(files_of(second))
    assert {e.path for e in index.cached([lone])} == {lone}
    assert len(index.cached([first, second, lone])) == 4

    # Emptying one library forgets its files only.
    for path in files_of(first):
        path.unlink()
    reads.clear()
    result = refresh(index, first)
    assert len(result.removed) == 2
    assert reads.read == []
    assert index.cached([first]) == []
    assert {e.path for e in index.cached([second])} == set(files_of(second))
    assert {e.path for e in index.cached([lone])} == {lone}
    # And refreshing the other one finds nothing to do.
    reads.forbid = True
    assert refresh(index, second).entries == [] and refresh(index, second).removed == []


def test_force_reads_every_file_again(library: Path, index_path: Path, reads: Reads) -> None:
    index = LibraryIndex(index_path)
    first = refresh(index, library)
    reads.clear()
    result = refresh(index, library, force=True)
    assert sorted(reads.parsed) == sorted(str(p) for p in files_of(library))
    assert views(result.entries) == views(first.entries)
    assert result.removed == []


# A damaged or outdated index -------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncate_to_header(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _drop_files(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE files")
    connection.commit()
    connection.close()


@pytest.fixture
def notes_db() -> Iterator[Path]:
    """A notes database in the same data folder as the index, with something in it."""
    store = Store(paths.database_file())
    store.set_setting("theme", "nord")
    store.close()
    yield paths.database_file()


def _closed_index(library: Path, index_path: Path) -> None:
    index = LibraryIndex(index_path)
    refresh(index, library)
    index.close()


@pytest.mark.parametrize(
    ("damage", "rebuilt"),
    [
        (_garbage, True),
        (_truncate, True),
        (_truncate_to_header, True),
        (_drop_files, False),  # an empty table is created again: nothing to rebuild
    ],
    ids=["garbage", "truncated-half", "truncated-header", "files-table-dropped"],
)
def test_a_damaged_index_is_rebuilt_and_notes_untouched(
    library: Path, index_path: Path, notes_db: Path, reads: Reads, damage, rebuilt: bool
) -> None:
    _closed_index(library, index_path)
    notes_before = notes_db.read_bytes()
    damage(index_path)

    index = LibraryIndex(index_path)
    assert index.cached([library]) == []  # no exception, nothing trusted
    assert index.rebuilt is rebuilt
    reads.clear()
    result = refresh(index, library)
    assert sorted(reads.parsed) == sorted(str(p) for p in files_of(library))
    assert views(result.entries) == {str(p): view(direct(p)) for p in files_of(library)}
    index.close()
    assert views(LibraryIndex(index_path).cached([library])) == views(result.entries)
    assert notes_db.read_bytes() == notes_before
    assert sorted(
        p.name for p in notes_db.parent.iterdir() if p.name.startswith("briefing.db")
    ) == ["briefing.db"]


def test_damaged_table_pages_are_rebuilt(
    big_library: Path, index_path: Path, notes_db: Path, reads: Reads
) -> None:
    """The file opens (its first pages are sound) but reading the rows fails."""
    _closed_index(big_library, index_path)
    notes_before = notes_db.read_bytes()
    data = index_path.read_bytes()
    assert len(data) > 16 * 4096  # the rows fill many pages
    cut = len(data) // 2
    index_path.write_bytes(data[:cut] + os.urandom(len(data) - cut))

    index = LibraryIndex(index_path)
    assert index.cached([big_library]) == []
    assert index.rebuilt
    reads.clear()
    result = refresh(index, big_library)
    assert len(result.entries) == len(files_of(big_library)) == len(set(reads.parsed))
    assert len(LibraryIndex(index_path).cached([big_library])) == len(result.entries)
    assert notes_db.read_bytes() == notes_before


def _junk_summary(index_path: Path, name: str) -> None:
    connection = sqlite3.connect(index_path)
    connection.execute(
        "UPDATE files SET summary = '{not json' WHERE path LIKE ?", (f"%{os.sep}{name}",)
    )
    connection.commit()
    connection.close()


def test_a_junk_summary_row_lists_as_damaged_and_force_repairs_it(
    library: Path, index_path: Path, notes_db: Path
) -> None:
    _closed_index(library, index_path)
    notes_before = notes_db.read_bytes()
    name = "summit-multilingual.toml"
    _junk_summary(index_path, name)
    index = LibraryIndex(index_path)
    cached = {e.path.name: e for e in index.cached([library])}
    assert len(cached) == 8
    damaged = cached[name]
    assert damaged.summary is None and not damaged.ok  # no exception when decoded
    assert "damaged" in damaged.error.lines()[0]
    assert all(e.ok for n, e in cached.items() if n in {p.name for p in SAMPLES.iterdir()} - {name})
    result = refresh(index, library, force=True)
    repaired = {e.path.name: e for e in result.entries}[name]
    assert repaired.ok and repaired.title == direct(library / name).title
    assert LibraryIndex(index_path).cached([library])[0].ok
    assert notes_db.read_bytes() == notes_before


def test_a_plain_refresh_repairs_a_junk_summary_row(library: Path, index_path: Path) -> None:
    _closed_index(library, index_path)
    name = "summit-multilingual.toml"
    _junk_summary(index_path, name)
    index = LibraryIndex(index_path)
    refresh(index, library)
    cached = {e.path.name: e for e in index.cached([library])}
    assert cached[name].summary is not None and cached[name].ok


def test_a_junk_publication_time_does_not_break_listing(library: Path, index_path: Path) -> None:
    _closed_index(library, index_path)
    connection = sqlite3.connect(index_path)
    connection.execute(
        "UPDATE files SET published = 'soon' WHERE path LIKE ?", ("%summit-multilingual.toml",)
    )
    connection.commit()
    connection.close()
    assert len(LibraryIndex(index_path).cached([library])) == 8


def test_another_time_zone_empties_the_index(tmp_path: Path, index_path: Path) -> None:
    folder = tmp_path / "naive"
    folder.mkdir()
    brief = folder / "naive.toml"
    brief.write_text(brief_toml("Naive", **NAIVE_DEADLINE), encoding="utf-8")
    paris, tokyo = ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Tokyo")

    index = LibraryIndex(index_path, zone=paris)
    [entry] = refresh(index, folder).entries
    due_paris = entry.summary.deadlines[0].due_at
    assert due_paris == direct(brief, paris).summary.deadlines[0].due_at
    index.close()
    assert not LibraryIndex(index_path, zone=paris).rebuilt  # same zone: kept

    other = LibraryIndex(index_path, zone=tokyo)
    assert other.cached([folder]) == []  # the Paris times are not shown in Tokyo
    assert other.rebuilt
    [entry] = refresh(other, folder).entries
    due_tokyo = entry.summary.deadlines[0].due_at
    assert due_tokyo == direct(brief, tokyo).summary.deadlines[0].due_at
    assert due_tokyo != due_paris
    assert (due_paris - due_tokyo).total_seconds() == 8 * 3600  # 09:30 CET vs 09:30 JST
    assert other.cached([folder])[0].summary.deadlines[0].due_at == due_tokyo


# An index that cannot be written ---------------------------------------------------------

READ_ONLY_SCRIPT = """
import json, os, sys
from pathlib import Path
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import refresh
index_path, library = Path(sys.argv[1]), sys.argv[2]
locked = index_path if sys.argv[3] == "file" else index_path.parent
while not locked.exists():
    locked = locked.parent
if os.access(locked, os.W_OK):
    print(json.dumps({"skip": True}))
    sys.exit()
out = {"skip": False}
try:
    index = LibraryIndex(index_path)
    out["cached"] = [str(e.path) for e in index.cached([library])]
    out["refreshed"] = [str(e.path) for p in refresh(index, [library]) for e in p.entries]
except Exception as error:
    out["error"] = repr(error)
print(json.dumps(out))
"""


def _unprivileged_prefix() -> list[str]:
    """A command prefix under which file permissions apply (skip when there is none).

    As root, ``unshare -U`` runs the command in a user namespace, where root's
    files are checked by their owner bits like anybody's.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("file permissions are not enforced for this user")
    try:
        subprocess.run([unshare, "-U", "true"], check=True, capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("file permissions are not enforced for this user")
    return [unshare, "-U"]


def _run_read_only(index_path: Path, library: Path, locked: str = "folder") -> dict:
    """Run READ_ONLY_SCRIPT where permissions apply; ``locked`` is what must be unwritable."""
    prefix = _unprivileged_prefix()
    result = subprocess.run(
        [*prefix, sys.executable, "-c", READ_ONLY_SCRIPT, str(index_path), str(library), locked],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    if out["skip"]:
        pytest.skip("file permissions are not enforced for this user")
    return out


@pytest.fixture
def lock_data_dir(index_path: Path) -> Iterator[Path]:
    folder = index_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    folder.chmod(0o755)
    for file in folder.iterdir():
        file.chmod(0o644)


def _listed(out: dict, library: Path) -> None:
    assert "error" not in out, out["error"]
    assert set(out["cached"]) | set(out["refreshed"]) == {str(p) for p in files_of(library)}


def test_a_read_only_data_folder_without_an_index_still_lists(
    library: Path, index_path: Path, lock_data_dir: Path
) -> None:
    lock_data_dir.chmod(0o555)
    _listed(_run_read_only(index_path, library), library)


def test_a_read_only_index_file_still_lists(
    library: Path, index_path: Path, lock_data_dir: Path
) -> None:
    _closed_index(library, index_path)
    index_path.chmod(0o444)
    out = _run_read_only(index_path, library, locked="file")
    _listed(out, library)
    assert len(out["cached"]) == 8  # straight from the read-only index


def test_a_read_only_data_folder_with_an_index_still_lists(
    library: Path, index_path: Path, lock_data_dir: Path
) -> None:
    _closed_index(library, index_path)
    lock_data_dir.chmod(0o555)
    _listed(_run_read_only(index_path, library), library)


def test_a_data_folder_that_cannot_be_created_still_lists(
    library: Path, index_path: Path, lock_data_dir: Path
) -> None:
    lock_data_dir.chmod(0o555)
    _listed(_run_read_only(index_path.parent / "sub" / index_path.name, library), library)


@pytest.mark.parametrize("blocker", ["index-is-a-folder", "data-folder-is-a-file"])
def test_an_index_that_cannot_be_opened_still_lists(
    library: Path, index_path: Path, blocker: str
) -> None:
    """The same failures as a read-only folder, made in a way that also holds for root."""
    index_path.parent.parent.mkdir(parents=True, exist_ok=True)
    if blocker == "index-is-a-folder":
        index_path.mkdir(parents=True)
    else:
        index_path.parent.write_text("not a folder")
    index = LibraryIndex(index_path)
    cached = index.cached([library])
    refreshed = refresh(index, library).entries
    assert {e.path for e in cached} | {e.path for e in refreshed} == set(files_of(library))


# Worker processes ------------------------------------------------------------------------


@pytest.fixture
def serial_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The jobs index_in_processes had to index in this thread (its fallback)."""
    calls: list[list[str]] = []
    real = indexing.index_serially

    def spy(jobs, zone, **options):
        calls.append([path for path, _ in jobs])
        yield from real(jobs, zone, **options)

    monkeypatch.setattr(indexing, "index_serially", spy)
    return calls


def _jobs(folder: Path, digests: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    return [(os.fspath(p), (digests or {}).get(os.fspath(p))) for p in sorted(folder.iterdir())]


def _by_path(results: list[IndexedFile]) -> dict[str, IndexedFile]:
    counts = Counter(result.path for result in results)
    assert all(n == 1 for n in counts.values()), [p for p, n in counts.items() if n > 1]
    return {result.path: result for result in results}


def test_processes_give_what_serial_indexing_gives(
    big_library: Path, serial_calls: list[list[str]]
) -> None:
    jobs = _jobs(big_library)
    assert len(jobs) >= indexing.POOL_THRESHOLD
    serial = _by_path(list(index_serially(jobs, ZoneInfo("Europe/Paris"))))
    serial_calls.clear()
    pooled = _by_path(list(index_in_processes(jobs, ZoneInfo("Europe/Paris"), workers=3)))
    assert pooled == serial
    assert serial_calls in ([], [[]])  # every file came from a worker
    assert sum(1 for r in pooled.values() if r.error) == 1

    # With known digests, the workers hash and skip parsing as this thread does.
    digests = {path: result.digest for path, result in serial.items()}
    pooled = _by_path(list(index_in_processes(_jobs(big_library, digests), None, workers=2)))
    assert set(pooled) == set(serial)
    assert all(r.unchanged for r in pooled.values())


def test_a_refresh_through_processes_fills_the_index_like_serial(
    big_library: Path, tmp_path: Path, serial_calls: list[list[str]]
) -> None:
    one = LibraryIndex(tmp_path / "one.db")
    two = LibraryIndex(tmp_path / "two.db")
    first = refresh(one, big_library, indexer=index_serially, batch=30)
    assert len(first.steps) > 3  # batches come as they are indexed
    serial_calls.clear()
    second = refresh(two, big_library, indexer=index_in_processes)
    assert views(second.entries) == views(first.entries)
    assert views(two.cached([big_library])) == views(one.cached([big_library]))


def test_workers_that_cannot_start_fall_back_to_this_thread(
    big_library: Path, monkeypatch: pytest.MonkeyPatch, serial_calls: list[list[str]]
) -> None:
    jobs = _jobs(big_library)
    expected = _by_path(list(index_serially(jobs, None)))
    serial_calls.clear()
    monkeypatch.setattr(
        indexing,
        "_worker_command",
        lambda zone: ([str(big_library / "no-such-python")], dict(os.environ)),
    )
    results = _by_path(list(index_in_processes(jobs, None, workers=2)))
    assert results == expected
    assert sorted(serial_calls[-1]) == sorted(path for path, _ in jobs)


DYING_WORKER = """
import json, sys
from dataclasses import astuple
from briefing.storage.index.indexing import index_file
path, digest = json.loads(sys.stdin.readline())
print(json.dumps(astuple(index_file(path, None, digest))), flush=True)
sys.exit(3)
"""


@pytest.mark.parametrize("last_words", ["", "this is not JSON\n", "[1, 2]\n"])
def test_workers_that_die_midway_leave_their_jobs_to_this_thread(
    big_library: Path,
    monkeypatch: pytest.MonkeyPatch,
    serial_calls: list[list[str]],
    last_words: str,
) -> None:
    jobs = _jobs(big_library)
    expected = _by_path(list(index_serially(jobs, None)))
    serial_calls.clear()
    real = indexing._worker_command

    def dying(zone):
        command, env = real(zone)
        script = DYING_WORKER.replace(
            "sys.exit(3)", f"sys.stdout.write({last_words!r}); sys.exit(3)"
        )
        return [command[0], "-c", script], env

    monkeypatch.setattr(indexing, "_worker_command", dying)
    results = _by_path(list(index_in_processes(jobs, None, workers=2)))
    assert results == expected  # every job exactly once
    # Each worker delivered its first job; this thread did the rest.
    assert len(serial_calls[-1]) == len(jobs) - 2


def _run_worker(jobs: list[tuple[str, str | None]]) -> list[IndexedFile]:
    """Run the worker module itself over ``jobs`` (the protocol the pool speaks)."""
    command, env = indexing._worker_command(None)
    result = subprocess.run(
        command,
        input="".join(json.dumps(job) + "\n" for job in jobs).encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return [
        IndexedFile(*json.loads(line))
        for line in result.stdout.decode("utf-8").splitlines()
        if line.strip()
    ]


# Hostile content and names ---------------------------------------------------------------


def test_hostile_text_comes_back_cleaned_as_a_direct_load(tmp_path: Path, index_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(DATA / "hostile", folder)
    expected = {str(p): view(direct(p)) for p in files_of(folder)}
    loaded = direct(folder / "escapes.toml")
    assert loaded.ok and "\x1b" not in loaded.title and "\x07" not in loaded.title

    index = LibraryIndex(index_path)
    assert views(refresh(index, folder).entries) == expected
    cached = LibraryIndex(index_path).cached([folder])
    assert views(cached) == expected
    for entry in cached:
        text = "".join([entry.title, *entry.summary.tags, *entry.summary.names])
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), repr(text)
    # Through a worker process too.
    worked = _by_path(_run_worker(_jobs(folder)))
    assert views([r.entry() for r in worked.values()]) == expected
    assert loaded.brief is not None
    assert summarize(loaded.brief) == cached[[e.path for e in cached].index(loaded.path)].summary


def _odd_name(folder: Path, raw: bytes) -> Path:
    target = os.path.join(os.fsencode(folder), raw)
    try:
        with open(target, "wb") as handle:
            handle.write((SAMPLES / "summit-multilingual.toml").read_bytes())
    except (OSError, ValueError):
        pytest.skip(f"this file system refuses the name {raw!r}")
    return Path(os.fsdecode(target))


def _padded(folder: Path) -> None:
    """Enough files that index_in_processes uses workers."""
    for n in range(indexing.POOL_THRESHOLD):
        shutil.copy(DATA / "good" / "minimal.toml", folder / f"pad-{n:03d}.toml")


@pytest.mark.parametrize(
    "raw",
    [b"new\nline.toml", b'tab\tand "quote" and \\.toml', "caf\u00e9 \u4e2d.toml".encode()],
    ids=["newline", "json-specials", "utf8"],
)
def test_odd_file_names_survive_the_worker_protocol(
    tmp_path: Path, index_path: Path, raw: bytes, serial_calls: list[list[str]]
) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    odd = _odd_name(folder, raw)
    _padded(folder)
    [worked] = [r for r in _run_worker([(str(odd), None)])]
    assert worked.path == str(odd) and worked.error is None
    assert worked.entry().title == direct(odd).title

    result = refresh(LibraryIndex(index_path), folder, indexer=index_in_processes)
    assert serial_calls in ([], [[]])  # the workers delivered every file
    assert {e.path for e in result.entries} == set(files_of(folder))
    assert {e.path for e in LibraryIndex(index_path).cached([folder])} == set(files_of(folder))


def _non_utf8_folder(tmp_path: Path) -> tuple[Path, Path]:
    if sys.platform in ("darwin", "win32"):
        pytest.skip("file names must be Unicode here")
    folder = tmp_path / "odd"
    folder.mkdir()
    return folder, _odd_name(folder, b"bad-\xff\xfe.toml")


def test_a_non_utf8_file_name_is_listed_but_not_kept(tmp_path: Path, index_path: Path) -> None:
    """SQLite text keys must be UTF-8: such a file is listed on every refresh, never stored."""
    folder, odd = _non_utf8_folder(tmp_path)
    result = refresh(LibraryIndex(index_path), folder)
    assert [e.path for e in result.entries] == [odd]
    assert result.entries[0].title == direct(odd).title
    assert LibraryIndex(index_path).cached([folder]) == []
    again = refresh(LibraryIndex(index_path), folder)
    assert [e.path for e in again.entries] == [odd]


def test_a_non_utf8_file_name_survives_the_worker_protocol(
    tmp_path: Path, serial_calls: list[list[str]]
) -> None:
    folder, odd = _non_utf8_folder(tmp_path)
    _padded(folder)
    jobs = _jobs(folder)
    expected = _by_path(list(index_serially(jobs, None)))
    serial_calls.clear()
    results = _by_path(list(index_in_processes(jobs, None, workers=2)))
    assert results == expected  # (holds, thanks to the fallback)
    assert str(odd) in results
    assert serial_calls in ([], [[]])  # the workers delivered every job themselves


# Threads -----------------------------------------------------------------------------------


def test_the_index_can_be_used_from_another_thread(library: Path, index_path: Path) -> None:
    """The library refreshes in thread workers: 'r' may run in another thread than the first load."""
    index = LibraryIndex(index_path)
    outcome: dict[str, object] = {}
    indexed, finished = threading.Event(), threading.Event()

    def first() -> None:
        outcome["first"] = len(refresh(index, library).entries)
        indexed.set()
        # Still alive while the other thread works: a finished thread's id can be reused,
        # which would hide the problem.
        finished.wait(TIMEOUT)

    def second() -> None:
        try:
            outcome["cached"] = len(index.cached([library]))
            outcome["second"] = len(refresh(index, library, force=True).entries)
        except Exception as error:  # noqa: BLE001 - reported below
            outcome["error"] = repr(error)

    one = threading.Thread(target=first)
    one.start()
    try:
        assert indexed.wait(TIMEOUT)
        two = threading.Thread(target=second)
        two.start()
        two.join(TIMEOUT)
    finally:
        finished.set()
        one.join(TIMEOUT)
    assert outcome == {"first": 8, "cached": 8, "second": 8}


def test_an_index_made_by_an_older_version_is_rebuilt_with_todays_tables(
    library: Path, index_path: Path
) -> None:
    """An upgrade must not keep the old tables: their columns are not today's."""
    import sqlite3

    index_path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(index_path)
    old.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        " INSERT INTO meta VALUES ('stamp', '1:UTC');"
        " CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
        " digest TEXT, published REAL, summary TEXT, error TEXT);"
    )
    old.commit()
    old.close()
    index = LibraryIndex(index_path)
    entries = refresh(index, library).entries
    assert entries and index.rebuilt
    assert list(refreshing.build_search(index))
    count = index.connection.execute("SELECT count(*) FROM items").fetchone()[0]
    assert count > len(entries)


# Which rows belong to a library: a range query in SQLite, checked against the plain rule.

_PATH_PARTS = st.text(
    alphabet=st.sampled_from(["a", "b", "/", "0", ".", "-", "é", "😀", "\u00ff", "\u0100", " "]),
    max_size=6,
)


@given(
    roots=st.lists(_PATH_PARTS.map(lambda s: "/" + s), min_size=0, max_size=3),
    others=st.lists(_PATH_PARTS.map(lambda s: "/" + s), max_size=6),
    suffixes=st.lists(_PATH_PARTS, max_size=8),
)
@settings(max_examples=300, deadline=None)
def test_the_sql_for_paths_under_roots_agrees_with_startswith(
    roots: list[str], others: list[str], suffixes: list[str]
) -> None:
    # Most paths start with a root (the near misses are what a range gets wrong).
    paths = sorted({*others, *(root + suffix for root in roots for suffix in suffixes)})

    def under(path: str) -> bool:
        return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE files (path TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO files VALUES (?)", [(p,) for p in paths])
    where, parameters = library_index.roots_clause(roots)
    found = {
        row[0] for row in connection.execute(f"SELECT path FROM files WHERE {where}", parameters)
    }
    assert found == {p for p in paths if under(p)}


def test_a_library_lists_only_its_own_folder(tmp_path: Path, samples_dir: Path) -> None:
    # Two libraries in one index, one named like the other's prefix ("lib" and "lib0",
    # "lib-b"), which a range on the path must not confuse.
    folders = [tmp_path / "lib", tmp_path / "lib0", tmp_path / "lib-b"]
    for folder in folders:
        shutil.copytree(samples_dir, folder)
    index = library_index.LibraryIndex(tmp_path / "index.db", zone=ZoneInfo("UTC"))
    for folder in folders:
        list(refreshing.refresh(index, [folder]))
    listed = index.cached([folders[0]])
    assert {Path(e.key).parent for e in listed} == {folders[0]}
    assert len(listed) == len(list(samples_dir.glob("*.*")))
    both = index.cached(folders[:2])
    assert len(both) == 2 * len(listed)
    index.close()


def _summary_queries(index: LibraryIndex) -> list[str]:
    """Start recording the statements that read summaries; returns the live list."""
    seen: list[str] = []
    index.connection.set_trace_callback(
        lambda sql: seen.append(sql) if "summary FROM files" in sql else None
    )
    return seen


def test_prefetch_reads_many_summaries_in_one_query_and_decodes_the_same(
    big_library: Path, index_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _closed_index(big_library, index_path)
    one_by_one = {e.key: e.summary for e in LibraryIndex(index_path).cached([big_library])}

    monkeypatch.setattr(library_module, "PREFETCH_CHUNK", 40)
    index = LibraryIndex(index_path)
    entries = index.cached([big_library])
    queries = _summary_queries(index)
    prefetch(entries[:30])
    assert len(queries) == 1
    prefetch(entries)  # 102 entries, 30 of them already fetched: 72 in chunks of 40
    assert len(queries) == 3
    assert {e.key: e.summary for e in entries} == one_by_one
    assert len(queries) == 3  # decoding asked for nothing more


def test_prefetch_leaves_a_damaged_row_damaged(library: Path, index_path: Path) -> None:
    _closed_index(library, index_path)
    name = "summit-multilingual.toml"
    _junk_summary(index_path, name)
    entries = {e.path.name: e for e in LibraryIndex(index_path).cached([library])}
    prefetch(entries.values())
    assert entries[name].summary is None and not entries[name].ok
    assert "damaged" in entries[name].error.lines()[0]
    assert sum(e.ok for e in entries.values()) == 4


def test_prefetch_of_a_vanished_row_falls_back_to_asking_alone(
    library: Path, index_path: Path
) -> None:
    _closed_index(library, index_path)
    index = LibraryIndex(index_path)
    entries = index.cached([library])
    gone = next(e for e in entries if e.ok)
    index.connection.execute("DELETE FROM files WHERE path = ?", (gone.key,))
    prefetch(entries)
    assert gone.loader is not None  # not found in the batch: it asks on its own, later
    assert gone.summary is None and not gone.ok  # and is told its row is damaged


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_an_index_worker_runs_below_the_reader_s_priority() -> None:
    # The reader (the parent) stays responsive while the workers fill both cores.
    code = (
        "import os, sys\n"
        "from briefing.storage.index import worker as index_worker\n"
        "before = os.nice(0)\n"
        "sys.argv = ['index_worker']\n"
        "index_worker.main()\n"
        "print(os.nice(0) - before)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input="", capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 0


def test_listing_from_an_index_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "library-index.db"
    index = LibraryIndex(path)
    assert index.cached([tmp_path]) == []
    assert not path.exists() and not path.parent.exists()


def test_a_busy_index_is_not_taken_for_a_damaged_one(library: Path, index_path: Path) -> None:
    # Another connection (the search, people, a second reader) may hold the file:
    # only a file that is not a database or is corrupt is deleted and rebuilt.
    _closed_index(library, index_path)

    class Busy:
        def execute(self, *args: object) -> None:
            raise sqlite3.OperationalError("database is locked")

        def close(self) -> None:
            pass

    index = LibraryIndex(index_path)
    index._connection = Busy()  # type: ignore[assignment]
    assert index.cached([library]) == []
    assert index_path.exists() and not index.rebuilt
    assert len(LibraryIndex(index_path).cached([library])) == 8
