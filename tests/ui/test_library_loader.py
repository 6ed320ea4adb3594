"""The LibraryLoader on its own: how it takes in the refresh's steps, with a stand-in screen."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from briefing.core.library import LibraryEntry
from briefing.storage.index.rows import Progress
from briefing.ui.screens.library_loading import ROWS_EVERY, LibraryLoader


class Screen:
    """What the loader reads and calls on the library screen, recorded."""

    def __init__(self, select: Path | None = None) -> None:
        self.entries: list[LibraryEntry] = []
        self.select_at_start = select
        self.table = SimpleNamespace(row_count=0)
        self.calls: list[str] = []
        self.workers: list[str] = []
        self.briefing_app = SimpleNamespace(manages_gc=False)  # (a test's process)

    def query_one(self, _type: Any) -> Any:
        return self.table

    def refresh_rows(self) -> None:
        self.calls.append("rows")
        self.table.row_count = len(self.entries)

    def update_title(self) -> None:
        self.calls.append("title")

    def update_status(self) -> None:
        self.calls.append("status")

    def select_path(self, path: Path) -> None:
        self.calls.append(f"select {path.name}")

    def run_worker(self, work: Any, **options: Any) -> None:
        # Not run: the warming of the reader's modules, started once the refresh is done.
        self.workers.append(options["name"])


def loader_of(screen: Screen) -> LibraryLoader:
    return LibraryLoader(screen)  # type: ignore[arg-type]


def test_listed_entries_are_shown_and_the_cursor_put_on_the_brief_asked_for(tmp_path: Path) -> None:
    screen = Screen(select=tmp_path / "b.toml")
    loader = loader_of(screen)
    entries = [LibraryEntry(tmp_path / "a.toml"), LibraryEntry(tmp_path / "b.toml")]
    loader.loaded(entries)
    assert screen.entries == entries
    assert screen.calls == ["rows", "select b.toml", "status"]


def test_steps_redraw_the_first_rows_then_every_few_steps_and_the_count_always(
    tmp_path: Path,
) -> None:
    screen = Screen()
    loader = loader_of(screen)
    loader.loading = True
    total = ROWS_EVERY * 2 + 2
    for n in range(1, total):
        loader.indexed(
            Progress(entries=[LibraryEntry(tmp_path / f"{n}.toml")], checked=n, total=total)
        )
        assert loader.progress == (n, total)
    redraws = [c for c in screen.calls if c in ("rows", "title")]
    assert redraws[0] == "rows" and redraws.count("rows") == 1 + (total - 2) // ROWS_EVERY
    assert len(redraws) == total - 1  # a redraw of the rows, or at least of the count, each step
    loader.indexed(Progress(checked=total, total=total, done=True))
    assert not loader.loading and loader.progress is None
    assert screen.calls[-2:] == ["rows", "status"]
    assert len(screen.entries) == total - 1


def test_vanished_files_go_at_once_and_a_missing_folder_row_goes_when_it_is_a_folder_again(
    tmp_path: Path,
) -> None:
    screen = Screen()
    loader = loader_of(screen)
    kept, gone = LibraryEntry(tmp_path / "kept.toml"), LibraryEntry(tmp_path / "gone.toml")
    folder_row = LibraryEntry(
        tmp_path
    )  # unreadable (a folder), as a missing library folder is listed
    screen.entries = [kept, gone, folder_row]
    screen.table.row_count = 3
    loader.indexed(Progress(removed=[gone.key], checked=1, total=2))
    assert screen.entries == [kept, folder_row] and screen.calls[-1] == "rows"
    loader.indexed(Progress(checked=2, total=2, done=True))
    assert screen.entries == [kept]  # (neither is read; only the folder's row is a folder)
