"""A warm start of the library: what comes before the frame with every row listed (issue 15).

``benchmarks/library.py`` times it in a pty (5,000 briefs, their index built: the title
reads ``Library · 5,000 briefs`` in the first frame). These tests hold the design that
makes it cost little more than a bare Textual app, not the time itself: the first frame
imports only what the library shows, reads the index in two queries (the listing, then
the rows on screen), builds only the rows on screen, and orders the listing once.

Each start runs ``briefing FOLDER``'s code in a fresh Python (imports are what is
measured) and reports what had happened when the table's first frame was drawn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from kit import NOW

from briefing.core.library import sort_entries
from briefing.storage.index.database import LibraryIndex
from briefing.storage.index.refreshing import refresh
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import settle

BRIEFS = 60
"""More briefs than rows on screen at 120x40 (38), a few of them invalid."""

INVALID = 3

WARM_START = r"""
import asyncio, json, sys

import briefing.cli, briefing.cli.open_reader  # the command line's path to the reader
from briefing.core import library
from briefing.storage.index.database import LibraryIndex
from briefing.ui.launch import build_app
from briefing.ui.screens import library as library_screen
from briefing.ui.screens.library_loading import LibraryLoader
from briefing.ui.widgets import library_table

queries, built, decoded, sorted_, keyed, metas = [], [], [], [], [], []
seen = {}

real_key = library.LibraryEntry.key
def key(self):
    if sys._getframe(1).f_code.co_name == "<dictcomp>":
        keyed.append(1)  # a map by key being built
    return real_key.fget(self)
library.LibraryEntry.key = property(key)

from textual.strip import Strip
real_meta = Strip.apply_meta
def apply_meta(self, meta):
    metas.append(sorted(meta))
    return real_meta(self, meta)
Strip.apply_meta = apply_meta

real_loaded = LibraryLoader.loaded
def loaded(self, entries):
    before = len(keyed)
    real_loaded(self, entries)
    seen.setdefault("keyed_listing", len(keyed) - before)  # the listing of the first frame
LibraryLoader.loaded = loaded

real_open = LibraryIndex._open
def _open(self, path):
    connection = real_open(self, path)
    connection.set_trace_callback(queries.append)  # (what opening runs is not counted)
    return connection
LibraryIndex._open = _open

real_cells = library_table.row_cells
def row_cells(entry, *args):
    built.append(entry.key)
    return real_cells(entry, *args)
library_table.row_cells = row_cells

real_decode = library.LibraryEntry._decode
def _decode(self):
    decoded.append(self.key)
    real_decode(self)
library.LibraryEntry._decode = _decode

real_sort = library_screen.sort_entries
def sort_entries(entries, *args):
    sorted_.append(len(entries))
    return real_sort(entries, *args)
library_screen.sort_entries = sort_entries

real_painted = LibraryLoader.painted
def painted(self):
    if "modules" not in seen:
        seen.update(
            modules=sorted(sys.modules),
            queries=[q for q in queries if q.lstrip().upper().startswith("SELECT")],
            built=list(built),
            decoded=list(decoded),
            sorted=list(sorted_),
            metas=list(metas),
            title=str(self.screen.query_one("#library-title").render()),
        )
    real_painted(self)
LibraryLoader.painted = painted

async def main():
    app = build_app(path=sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3000):
            if "modules" in seen:
                break
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
    print(json.dumps(seen))

asyncio.run(main())
"""

NOT_BEFORE_THE_FIRST_FRAME = [
    # Reading brief files into the index: the refresh, in its thread, after the frame.
    "briefing.storage.index.indexing",
    "briefing.core.library_items",
    "briefing.storage.index.items",
    "briefing.storage.index.rows",
    # Notes: written, kept as drafts and offered back once the notes database is open.
    "briefing.ui.note_keeping",
    "briefing.storage.store.writer",
    "briefing.storage.store.notes",
    "briefing.ui.screens.confirm",
    # The sections' registry and the rows of a brief's items: the reader's, and a note's.
    "briefing.core.anchors",
    "briefing.core.sections",
    "briefing.ui.render",
]


@pytest.fixture
def library(tmp_path: Path, make_brief, make_app) -> Path:
    """A library of :data:`BRIEFS` files, indexed by an earlier start."""
    folder = tmp_path / "library"
    folder.mkdir()
    for n in range(BRIEFS - INVALID):
        make_brief(f"brief-{n:03}.toml", folder=folder, id=f"brief-{n:03}", title=f"Brief {n}")
    for n in range(INVALID):
        (folder / f"broken-{n}.toml").write_text("title = [", encoding="utf-8")
    return folder


async def index_it(make_app, folder: Path) -> None:
    app = make_app(path=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(LibraryTable).row_count == BRIEFS
        await pilot.press("q")


async def warm_start(make_app, folder: Path) -> dict[str, Any]:
    """Index ``folder``, then start on it again in a fresh Python: what the first frame saw."""
    await index_it(make_app, folder)
    done = subprocess.run(
        [sys.executable, "-c", WARM_START, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert f"{BRIEFS} briefs" in seen["title"]  # every row listed in the first frame
    return seen


async def test_the_first_frame_imports_only_what_the_library_shows(make_app, library: Path) -> None:
    """Neither the code that reads brief files into the index (the refresh's, after the
    frame) nor the notes' writer, drafts and dialogs are imported before the first frame."""
    seen = await warm_start(make_app, library)
    imported = [name for name in NOT_BEFORE_THE_FIRST_FRAME if name in seen["modules"]]
    assert imported == []


async def test_the_first_frame_reads_the_index_in_two_queries(make_app, library: Path) -> None:
    """One query lists the library (paths, dates, errors), one fetches the summaries of
    the rows on screen: no brief is asked for on its own (the highlighted one included)."""
    seen = await warm_start(make_app, library)
    assert len(seen["queries"]) == 2, seen["queries"]
    listing, rows = seen["queries"]
    assert "summary" not in listing
    assert "summary" in rows and " IN (" in rows


async def test_the_first_frame_builds_and_decodes_only_the_rows_on_screen(
    make_app, library: Path
) -> None:
    """At 120x40 the table shows 38 rows of the 60: only those are built, and only their
    summaries decoded; each once."""
    seen = await warm_start(make_app, library)
    shown = 38
    assert len(seen["built"]) == len(set(seen["built"])) <= shown
    assert len(seen["decoded"]) == len(set(seen["decoded"])) <= shown


async def test_the_listing_is_ordered_once(make_app, library: Path) -> None:
    """The index lists the library newest first, invalid files last: the screen's default
    order. Listing it does not sort it again."""
    seen = await warm_start(make_app, library)
    assert seen["sorted"] == []


def test_the_index_lists_in_the_default_order(tmp_path: Path, make_brief) -> None:
    """What makes the above sound: :meth:`LibraryIndex.cached` gives the order that
    ``sort_entries(..., "published")`` gives (newest first, invalid files last by name),
    across two folders whose paths and names sort differently."""
    folders = [tmp_path / "b-second", tmp_path / "a-first"]
    for n, folder in enumerate(folders):
        for day in (3, 1, 2):
            make_brief(
                f"{'zy'[n]}-{day}.toml",
                folder=folder,
                id=f"brief-{n}-{day}",
                published=datetime(2025, 10, day + n, 9, 0, tzinfo=UTC),
            )
        (folder / f"{'ba'[n]}-broken.toml").write_text("title = [", encoding="utf-8")
    index = LibraryIndex(tmp_path / "index.db", zone=UTC)
    for _ in refresh(index, folders):
        pass
    listed = index.cached(folders)
    assert len(listed) == 8 and [e.ok for e in listed[-2:]] == [False, False]
    assert listed == sort_entries(list(listed), "published", NOW)


async def test_the_first_frame_maps_no_brief_by_key(make_app, library: Path) -> None:
    """Listing the library builds no map of its briefs by key (their paths): the table's
    (rows by key) waits for a lookup, and the screen finds the highlighted brief in the
    table's rows (two maps of 5,000 keys each were built before the first frame)."""
    seen = await warm_start(make_app, library)
    assert seen["keyed_listing"] == 0, seen["keyed_listing"]


async def test_the_rows_carry_no_meta(make_app, library: Path) -> None:
    """A click finds its row from its line (``LibraryTable._on_click``): the rows are drawn
    without a ``{"row": n}`` meta merged into each of their segments' styles."""
    seen = await warm_start(make_app, library)
    assert ["row"] not in seen["metas"]
