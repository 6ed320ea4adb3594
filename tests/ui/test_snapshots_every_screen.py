"""Snapshots of every screen of the reader, in the three bundled themes, at 80x24 and 160x48.

One table, :data:`SCREENS`: each row is a screen (or a dialog, or a state such as the
stale-brief marker) and the way to it from a fresh start: the file or folder opened, what is
put on disk first, the keys pressed. The test is parametrised over the rows, the two sizes
and the three themes, less what :func:`wanted` leaves out to keep the suite fast: every
screen in the dark theme at both sizes, and in the light and high-contrast themes at 80x24
(at 160x48 too for the library and help, which the issue's closing note shows). A row's
``held`` names the cases another module already snapshots (with a docstring saying what to
see): those are not taken twice.

Frozen as in ``kit.snapshots``: the clock at 2025-10-26 11:00 UTC, no animations, no cursor
blink, the store and drafts under tmp_path, the search timer and the documents folder.
Update with ``pytest tests/ui/test_snapshots_every_screen.py --snapshot-update`` and look at
the SVGs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PosixPath
from types import SimpleNamespace
from typing import Any

import pytest
from kit import NOW
from kit.snapshots import (
    LIBRARY,
    SEED,
    THEMES,
    frozen_app,
    press,
    seed_annotations,
    wait_for,
)

from briefing.storage import paths
from briefing.storage.paths import data_dir
from briefing.storage.store.drafts import Draft, save_draft
from briefing.ui.screens import search as search_screen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.review import ReviewScreen
from briefing.ui.widgets.brief_header import BriefHeader

from .uihelpers import NARROW, SEED_FILE, SEED_ID, SEED_TITLE, WIDE, settle

pytestmark = pytest.mark.usefixtures("at_repo_root")

DRAFT = "tests/data/drafts/court-rules.toml"
SIZE_IDS = {NARROW: "80x24", WIDE: "160x48"}
DARK = frozenset({"80x24-briefing-dark", "160x48-briefing-dark"})
"""``held``: the dark theme at both sizes is snapshotted elsewhere."""
DARK_NARROW = frozenset({"80x24-briefing-dark"})


def typed(text: str) -> tuple[str, ...]:
    """The keys that type ``text`` (letters, digits and spaces)."""
    return tuple("space" if char == " " else char for char in text)


def with_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two notes and two bookmarks on the seed brief."""
    seed_annotations()


def with_a_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A note draft left behind by an earlier session."""
    draft = Draft(SEED_ID, SEED_TITLE, "quote", "li-intense", "intense",
                  "Remember to ask about soybeans", NOW.isoformat())  # fmt: skip
    save_draft(data_dir(), draft)


def invalid_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``library/``: the seed brief and a file with several problems."""
    folder = tmp_path / "library"
    folder.mkdir()
    samples = Path.cwd() / LIBRARY
    shutil.copy(samples / SEED_FILE, folder)
    shutil.copy(Path.cwd() / "tests/data/bad/several_problems.toml", folder / "broken.toml")
    monkeypatch.chdir(tmp_path)  # the status lines show "library/...", as on every machine


def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``library/`` with a copy of the seed brief, which :func:`break_the_file` spoils."""
    invalid_library(tmp_path, monkeypatch)
    (tmp_path / "library" / "broken.toml").unlink()


async def break_the_file(pilot: Any) -> None:
    """The open brief's file turns invalid and the reader checks it (its timer's job)."""
    path = Path("library") / SEED_FILE
    path.write_text(path.read_text("utf-8").replace("[[quotes]]", "[[quotes]", 1), "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    screen.live.check_file()
    header = screen.query_one(BriefHeader)
    await wait_for(pilot, lambda: "not valid" in header.problem)


def in_review(app: Any) -> bool:
    return isinstance(app.screen, ReviewScreen)


def palette_ready(app: Any) -> bool:
    return app.screen.has_class("-ready")


@dataclass(frozen=True)
class Shown:
    """A screen and the way to it: open ``path`` (after ``prepare`` put files in place),
    wait for ``first``, press ``keys``, wait for ``last``, then run ``act``."""

    name: str
    path: str = SEED
    keys: tuple[str, ...] = ()
    prepare: Callable[[Path, pytest.MonkeyPatch], None] | None = None
    first: Callable[[Any], bool] | None = None
    last: Callable[[Any], bool] | None = None
    act: Callable[[Any], Any] | None = None
    sizes: tuple[tuple[int, int], ...] = (NARROW, WIDE)
    held: frozenset[str] = frozenset()
    wide_in_every_theme: bool = False


QUOTE = ("3", "j")  # the seed brief's second quote, "intense"
SCREENS = [
    Shown("library", LIBRARY, held=DARK | {"80x24-briefing-light", "80x24-briefing-high-contrast"},
          wide_in_every_theme=True),
    Shown("library-filter", LIBRARY, ("slash", *typed("trade"))),
    Shown("library-invalid-file", "library", ("G",), prepare=invalid_library),
    Shown("help", LIBRARY, ("question_mark",), held=DARK, wide_in_every_theme=True),
    Shown("help-in-a-brief", SEED, ("question_mark",)),
    Shown("command-palette", LIBRARY, ("ctrl+p", *typed("open brief")), last=palette_ready,
          held=DARK_NARROW),
    Shown("search", LIBRARY, ("ctrl+f", *typed("tariff")), held=DARK),
    Shown("people", LIBRARY, ("p",), held=DARK),
    Shown("agenda", LIBRARY, ("A",), held=DARK),
    Shown("agenda-tag-picker", LIBRARY, ("A", "t")),
    Shown("notes-list", LIBRARY, ("N",), prepare=with_notes, held=DARK),
    Shown("bookmarks-list", LIBRARY, ("B",), prepare=with_notes, held=DARK_NARROW),
    Shown("brief-summary", held=DARK | {f"{size}-{theme}" for size in ("80x24", "160x48")
                                        for theme in THEMES}),
    *(Shown(f"brief-{section}", keys=(key,), sizes=(NARROW,)) for key, section in (
        ("2", "participants"), ("3", "quotes"), ("4", "deadlines"), ("5", "timeline"),
        ("6", "key-figures"))),
    Shown("brief-find", keys=("slash", *typed("tariff"))),
    Shown("brief-maximised-pane", keys=("2", "z")),
    Shown("brief-stale-marker", f"library/{SEED_FILE}", prepare=seed_copy, act=break_the_file),
    Shown("note-editor", keys=(*QUOTE, "n", *typed("Ask Li")), held=DARK),
    Shown("discard-question", keys=(*QUOTE, "n", *typed("unsent"), "escape"), held=DARK_NARROW),
    Shown("quit-question", keys=(*QUOTE, "n", *typed("half"), "ctrl+q"), held=DARK_NARROW),
    Shown("delete-question", keys=(*QUOTE, "d"), prepare=with_notes, held=DARK_NARROW),
    Shown("draft-offer", prepare=with_a_draft, held=DARK_NARROW),
    Shown("export-dialog", keys=("x",), held=DARK),
    Shown("speaker-picker", keys=("3", "s"), held=DARK),
    Shown("quote-detail", keys=(*QUOTE, "enter"), held=DARK),
    Shown("participant-detail", keys=("2", "enter"), held=DARK_NARROW),
    Shown("review", DRAFT, first=in_review, held=DARK),
    Shown("review-article", DRAFT, ("down", "down", "down", "enter"), first=in_review, held=DARK),
    Shown("review-marks", DRAFT, ("a", "j", "x"), first=in_review, held=DARK),
    Shown("review-close-question", DRAFT, ("a", "escape"), first=in_review, held=DARK),
    Shown("review-field-prompt", DRAFT, ("e", "enter"), first=in_review),
]  # fmt: skip


def wanted(shown: Shown, size: tuple[int, int], theme: str) -> bool:
    """Every screen in the dark theme at both sizes, and in the other themes at 80x24."""
    at_wide_in_light = shown.wide_in_every_theme or theme == "briefing-dark"
    return size in shown.sizes and (size == NARROW or at_wide_in_light)


CASES = [
    pytest.param(shown, size, theme, id=f"{shown.name}-{SIZE_IDS[size]}-{theme}")
    for shown in SCREENS
    for size in (NARROW, WIDE)
    for theme in THEMES
    if wanted(shown, size, theme) and f"{SIZE_IDS[size]}-{theme}" not in shown.held
]


@pytest.fixture(autouse=True)
def frozen_surroundings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search's timer stopped (it says "0 ms") and the documents folder fixed."""
    monkeypatch.setattr(search_screen, "time", SimpleNamespace(perf_counter=lambda: 0.0))
    monkeypatch.setattr(paths, "documents_dir", lambda: PosixPath("/home/reader/Documents"))


@pytest.mark.parametrize(("shown", "size", "theme"), CASES)
def test_every_screen(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: Shown, size, theme: str
) -> None:
    """You should see the screen the row names (its name says which), whole and readable in
    the theme: no text cut mid-word where it could wrap, no colour that vanishes on its
    background, the footer's keys on one line with "? Help" (or the dialog's own keys).
    """
    if shown.prepare is not None:
        shown.prepare(tmp_path, monkeypatch)

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        if shown.first is not None:
            await wait_for(pilot, lambda: shown.first(pilot.app))
        await press(pilot, *shown.keys)
        if shown.last is not None:
            await wait_for(pilot, lambda: shown.last(pilot.app))
        if shown.act is not None:
            await shown.act(pilot)

    app = frozen_app(shown.path, theme)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
