"""The library screen over its index: first start, warm start, changes between starts, damage.

Each test starts apps through the real factory on one data folder (the test's
isolated BRIEFING_DATA_DIR), so a second app reads what the first one indexed.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kit import make_brief
from textual.widgets import Static

from briefing.storage import paths
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.library_loading import LibraryLoader
from briefing.ui.widgets.library_table import LibraryTable

from .conftest import DATA
from .uihelpers import (
    NARROW,
    SAMPLE_FILES,
    SEED_FILE,
    SEED_ID,
    plain,
    row_keys,
    settle,
    wait_for_workers,
)

EXTRA = 3
"""Small generated briefs added to the samples (the folder stays under the process pool's threshold)."""


@pytest.fixture
def folder(tmp_path: Path, samples_dir: Path) -> Path:
    """The five samples and a few more briefs, in a folder the test may change."""
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    for n in range(EXTRA):
        make_brief(
            library,
            f"extra-{n}.toml",
            id=f"extra-{n}",
            title=f"Extra brief number {n}",
            published=datetime(2025, n + 1, 1, 9, 0, tzinfo=UTC),
            tags=["extra"],
        )
    return library


@pytest.fixture
def titles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every title the library screen showed, in order."""
    shown: list[str] = []
    real = LibraryScreen.update_title

    def update_title(self: LibraryScreen) -> None:
        real(self)
        shown.append(plain(self.query_one("#library-title", Static)))

    monkeypatch.setattr(LibraryScreen, "update_title", update_title)
    return shown


@pytest.fixture
def on_loaded(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """What the screen showed right after the index's first listing (``Loaded``) was handled."""
    seen: list[dict] = []
    real = LibraryLoader.loaded

    def handler(loader: LibraryLoader, entries: list) -> None:
        real(loader, entries)
        screen = loader.screen
        table = screen.query_one(LibraryTable)
        by_key = {entry.key: entry for entry in screen.entries}
        seen.append(
            {
                "keys": list(row_keys(table)),
                "loading": loader.loading,
                "titles": [by_key[str(key)].title for key in row_keys(table)],
                "unread": all(entry.brief is None for entry in screen.entries),
                "title": plain(screen.query_one("#library-title", Static)),
            }
        )

    monkeypatch.setattr(LibraryLoader, "loaded", handler)
    return seen


def table_of(app) -> LibraryTable:
    assert isinstance(app.screen, LibraryScreen)
    return app.screen.query_one(LibraryTable)


def title_of(app) -> str:
    return plain(app.screen.query_one("#library-title", Static))


def keyed_titles(app) -> dict[str, str]:
    screen = app.screen
    return {Path(e.key).name: e.title for e in screen.entries}


def every_file(folder: Path) -> set[str]:
    return {str(path) for path in folder.iterdir()}


async def start(make_app, folder: Path):
    """Run an app on ``folder`` until its library is listed and indexed; return the app."""
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert not app.screen.loader.loading
        rows = set(map(str, row_keys(table_of(app))))
        title = title_of(app)
        shown = keyed_titles(app)
        await pilot.press("q")
    return rows, title, shown


async def test_first_start_indexes_then_a_second_lists_from_the_index(
    make_app, folder: Path, parses: list[str], titles: list[str], on_loaded: list[dict]
) -> None:
    total = len(SAMPLE_FILES) + EXTRA
    rows, title, _ = await start(make_app, folder)
    assert rows == every_file(folder)
    assert title.startswith(f"Library · {total} briefs ·")
    assert titles[0].startswith("Library · indexing")  # said while the index was built
    assert titles[-1].startswith(f"Library · {total} briefs")
    # Each file read twice: once to list it, once for its items (the search index).
    assert sorted(parses) == sorted(2 * sorted(every_file(folder)))
    assert on_loaded[0]["keys"] == []  # nothing indexed before the first start
    assert paths.index_file().exists()

    # A second app on the same data folder: everything listed at once from the index.
    parses.clear()
    rows, title, _ = await start(make_app, folder)
    assert parses == []  # no brief file parsed
    assert rows == every_file(folder)
    assert title.startswith(f"Library · {total} briefs ·")
    listed = on_loaded[1]
    assert listed["loading"]  # the refresh had not finished yet ...
    assert set(map(str, listed["keys"])) == every_file(folder)  # ... but every row was there
    assert listed["unread"]
    assert SEED_FILE in {Path(str(k)).name for k in listed["keys"]}
    # Not "indexing": the title counts the briefs while it checks for changes.
    assert listed["title"].startswith(f"Library · {total} briefs · checking for changes")


async def test_changes_between_starts_show_after_the_refresh(
    make_app, folder: Path, parses: list[str], on_loaded: list[dict]
) -> None:
    await start(make_app, folder)
    seed = folder / SEED_FILE
    text = seed.read_text(encoding="utf-8")
    before = os.stat(seed).st_mtime_ns
    old = 'title = "US, China agree'
    assert old in text
    seed.write_text(text.replace(old, 'title = "Edited: US, China agree', 1), "utf-8")
    os.utime(seed, ns=(before + 10**9, before + 10**9))
    (folder / "extra-0.toml").unlink()
    added = folder / "added.toml"
    shutil.copy(DATA / "good" / "minimal.toml", added)
    parses.clear()

    rows, title, shown = await start(make_app, folder)
    # Listed from the index first (old title), then refreshed.
    first = on_loaded[1]
    assert str(folder / "extra-0.toml") in map(str, first["keys"])
    assert not any(t.startswith("Edited") for t in first["titles"])
    # Only what changed: listed, then read for the search index.
    assert sorted(parses) == sorted(2 * [str(seed), str(added)])
    assert rows == every_file(folder)
    assert "extra-0.toml" not in shown
    assert shown[SEED_FILE].startswith("Edited: US, China agree")
    assert shown["added.toml"] == "Minimal brief"
    assert title.startswith(f"Library · {len(SAMPLE_FILES) + EXTRA} briefs")


@pytest.mark.parametrize("warm", [False, True], ids=["first-start", "warm-start"])
async def test_a_refresh_of_the_index_by_another_connection_first_is_not_lost(
    make_app, folder: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    """Reminders, people, the agenda and search bring the index up to date on connections
    of their own, in threads of their own. One that takes in the library's files between
    the screen's listing and the screen's own refresh leaves that refresh nothing new to
    report (every file is as the index knows it): the screen still lists every brief (a
    first start showed "0 briefs" beside a reminder of one), a changed one changed and a
    deleted one no more.

    The interleaving is forced: the other connection's refresh runs to its end just before
    the screen's starts."""
    # deferred: the index's refresh, patched for this test only
    from briefing.storage.index import refreshing
    from briefing.storage.index.database import LibraryIndex
    from briefing.storage.index.people import brought_up_to_date

    seed = folder / SEED_FILE
    if warm:
        await start(make_app, folder)
        text = seed.read_text(encoding="utf-8")
        before = os.stat(seed).st_mtime_ns
        seed.write_text(
            text.replace('title = "US, China', 'title = "Edited: US, China', 1), "utf-8"
        )
        os.utime(seed, ns=(before + 10**9, before + 10**9))
        (folder / "extra-0.toml").unlink()
    real = refreshing.refresh

    def another_first(index: LibraryIndex, roots: list[Path], **options: object):
        other = LibraryIndex(index.path, zone=index.zone)
        try:
            brought_up_to_date(other, roots, items=False)
        finally:
            other.close()
        yield from real(index, roots, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(refreshing, "refresh", another_first)
    rows, title, shown = await start(make_app, folder)
    assert rows == every_file(folder)
    assert title.startswith(f"Library · {len(SAMPLE_FILES) + EXTRA - warm} briefs ·")
    assert shown[SEED_FILE].startswith("Edited: US, China" if warm else "US, China")


async def test_r_reads_every_file_again(make_app, folder: Path, parses: list[str]) -> None:
    await start(make_app, folder)
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        parses.clear()
        (folder / "extra-1.toml").unlink()
        await pilot.press("r")
        await settle(pilot)
        assert sorted(parses) == sorted(2 * sorted(every_file(folder)))  # listed, then searched
        assert set(map(str, row_keys(table_of(app)))) == every_file(folder)
        assert title_of(app).startswith(f"Library · {len(SAMPLE_FILES) + EXTRA - 1} briefs")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
async def test_a_corrupt_index_at_start_still_lists_every_brief(
    make_app, folder: Path, damage: str
) -> None:
    await start(make_app, folder)
    index = paths.index_file()
    data = index.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    index.write_bytes(os.urandom(len(data)) if damage == "garbage" else data[: len(data) // 2])
    rows, title, _ = await start(make_app, folder)
    assert rows == every_file(folder)
    assert title.startswith(f"Library · {len(SAMPLE_FILES) + EXTRA} briefs")
    # And the index was rebuilt: a third start lists from it again.
    rows, _, _ = await start(make_app, folder)
    assert rows == every_file(folder)


async def test_opening_an_indexed_brief_reads_it_and_siblings_too(
    make_app, folder: Path, parses: list[str]
) -> None:
    await start(make_app, folder)
    parses.clear()
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert parses == []
        assert all(entry.brief is None for entry in screen.entries)  # index-only entries
        table = table_of(app)
        seed = str(folder / SEED_FILE)
        table.select_key(seed)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, BriefScreen)
        assert reader.brief.id == SEED_ID
        assert parses == []  # known to the index: built from its content, not validated

        order = reader.library_order
        assert len(order) == len(SAMPLE_FILES) + EXTRA
        at = order.index(reader.entry)
        for key, step in (("right_square_bracket", 1), ("left_square_bracket", -1)):
            target = order[(at + step) % len(order)]
            assert target.brief is None  # not read yet
            await pilot.press(key)
            await settle(pilot)
            assert reader.entry is target
            assert reader.brief.id == target.summary.brief_id
            assert reader.is_loaded
            assert str(target.path) not in parses  # known too
            header = plain(reader.query_one("#brief-header", Static))
            assert target.title[:20] in header
            # Back to the seed brief for the other direction.
            reader.open_entry(order[at])
            await settle(pilot)
            assert reader.brief.id == SEED_ID

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert str(table_of(app).highlighted_key) == seed


async def test_a_non_utf8_file_name_does_not_stop_the_library(make_app, folder: Path) -> None:
    target = os.path.join(os.fsencode(folder), b"bad-\xff.toml")
    try:
        with open(target, "wb") as handle:
            handle.write((folder / SEED_FILE).read_bytes())
    except (OSError, ValueError):
        pytest.skip("this file system refuses non-UTF-8 names")
    rows, _, _ = await start(make_app, folder)
    assert rows == every_file(folder)


async def test_while_indexing_the_count_moves_at_every_step_and_the_rows_every_third(
    make_app, tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.core.library import LibraryEntry
    from briefing.storage.index.rows import Progress
    from briefing.ui.screens.library_loading import ROWS_EVERY

    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(path=empty)
    async with app.run_test(size=NARROW) as pilot:
        await wait_for_workers(pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        drawn: list[int] = []
        real = LibraryScreen.refresh_rows

        def refresh_rows(self: LibraryScreen) -> None:
            drawn.append(len(self.entries))
            real(self)

        monkeypatch.setattr(LibraryScreen, "refresh_rows", refresh_rows)
        screen.loader.loading = True
        files = sorted(samples_dir.iterdir())
        for n, path in enumerate(files, 1):
            step = Progress(entries=[LibraryEntry(path)], checked=n, total=len(files) + 1)
            screen.loader.indexed(step)
            assert f"indexing {n} of {len(files) + 1}" in plain(
                screen.query_one("#library-title", Static)
            )
        # The first rows at once, then every ROWS_EVERY steps.
        assert drawn == [n for n in range(1, len(files) + 1) if n == 1 or (n - 1) % ROWS_EVERY == 0]
        screen.loader.indexed(Progress(checked=6, total=6, done=True))
        assert drawn[-1] == len(files)
        assert screen.query_one(LibraryTable).row_count == len(files)


async def test_a_library_folder_removed_while_the_reader_runs_is_said_not_a_traceback(
    make_app, folder: Path
) -> None:
    """Issue 13, beyond item 20: the folder itself gone, then back."""
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        moved = folder.with_name("elsewhere")
        folder.rename(moved)
        await pilot.press("r")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        status = plain(app.screen.query_one("#library-status", Static))
        assert "library" in status and ("not found" in status or "no such" in status.lower()), (
            status
        )
        moved.rename(folder)
        await pilot.press("r")
        await settle(pilot)
        assert set(map(str, row_keys(table_of(app)))) == every_file(folder)
