"""The reader opens a brief the library index knows without validating it (issue 15).

The index keeps each valid brief's validated content by the digest of its bytes; the
reader's loading worker builds the brief from it when the file's bytes are the ones
indexed, and validates (then keeps) anything else. Every test counts the parses
(``parse_brief``), so "without validation" is measured, not assumed; the guarantees
(a changed file is read again, an invalid one is said so) are checked beside it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import briefing.ui.screens.brief_loading as brief_loading
import briefing.ui.screens.library_loading as library_loading
from briefing.storage import paths
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .test_live import reload_now, rewrite
from .uihelpers import NARROW, SEED_FILE, SEED_ID, SEED_TITLE, screen_text, settle, wait_for_workers


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool, bool]]:
    """Each brief the reader kept in the index: (path, written, on the UI thread)."""
    calls: list[tuple[str, bool, bool]] = []
    real = brief_loading.keep_brief

    def keep_brief(index, read):
        written = real(index, read)
        calls.append(
            (read.brief.id, written, threading.current_thread() is threading.main_thread())
        )
        return written

    monkeypatch.setattr(brief_loading, "keep_brief", keep_brief)
    return calls


@pytest.fixture
def seed(samples_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(samples_dir, folder)
    return folder / SEED_FILE


async def list_library(make_app, folder: Path) -> None:
    """``briefing FOLDER`` until the library is listed: the index knows its briefs."""
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("q")


async def open_file(make_app, path: Path) -> tuple[str | None, str]:
    """``briefing FILE``: the id of the brief shown (None: none) and the notifications."""
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        screen = app.screen
        shown = screen.brief.id if isinstance(screen, BriefScreen) and screen.is_loaded else None
        said = "\n".join(n.message for n in app._notifications)
        if shown is not None:
            assert SEED_TITLE[:20] in screen_text(app)
        await pilot.press("ctrl+q")
    return shown, said


async def test_enter_on_a_row_opens_the_brief_without_validating_it(
    make_app, seed: Path, parses: list[str], kept: list
) -> None:
    folder = seed.parent
    await list_library(make_app, folder)
    parses.clear()
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        app.screen.query_one(LibraryTable).select_key(str(seed))
        await pilot.press("enter")
        await settle(pilot)
        await wait_for_workers(pilot)
        reader = app.screen
        assert isinstance(reader, BriefScreen) and reader.is_loaded
        assert reader.brief.id == SEED_ID
        assert SEED_TITLE[:20] in screen_text(app)
        assert parses == []  # built from the index's content
        assert kept == []  # known: read as the reader composed (no worker), nothing to keep


async def test_briefing_file_validates_and_keeps_it_then_opens_it_known(
    make_app, seed: Path, parses: list[str], kept: list
) -> None:
    assert await open_file(make_app, seed) == (SEED_ID, "")
    assert parses == [str(seed)]
    # Kept on a first start too, before any library was listed (issue 15: the second
    # `briefing FILE` of the same brief is known).
    assert kept == [(SEED_ID, True, False)]
    parses.clear()
    assert await open_file(make_app, seed) == (SEED_ID, "")
    assert parses == []
    await list_library(make_app, seed.parent)
    seed.write_bytes(seed.read_bytes() + b"\n")  # bytes the index does not know
    parses.clear()
    kept.clear()
    assert await open_file(make_app, seed) == (SEED_ID, "")
    assert parses == [str(seed)]
    assert kept == [(SEED_ID, True, False)]  # kept, on the loading worker's thread
    parses.clear()
    assert await open_file(make_app, seed) == (SEED_ID, "")
    assert parses == []


async def test_a_file_changed_by_one_byte_is_validated_again(
    make_app, seed: Path, parses: list[str]
) -> None:
    await list_library(make_app, seed.parent)
    seed.write_bytes(seed.read_bytes() + b"\n")
    parses.clear()
    assert (await open_file(make_app, seed))[0] == SEED_ID
    assert parses == [str(seed)]


async def test_a_file_that_became_invalid_says_so_instead_of_its_old_content(
    make_app, seed: Path, parses: list[str]
) -> None:
    await list_library(make_app, seed.parent)
    seed.write_text(seed.read_text(encoding="utf-8").replace("[[quotes]]", "[[quotes]", 1))
    shown, said = await open_file(make_app, seed)
    assert shown is None
    assert SEED_FILE in said


async def test_a_known_brief_that_turns_invalid_keeps_the_stale_warning(
    make_app, seed: Path, parses: list[str]
) -> None:
    await list_library(make_app, seed.parent)
    parses.clear()
    app = make_app(path=seed)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert parses == []  # shown from the index
        brief = screen.brief
        good = seed.read_text(encoding="utf-8")
        rewrite(seed, good.replace("[[quotes]]", "[[quotes]", 1))
        await reload_now(pilot, screen)
        assert app.screen is screen and screen.brief is brief
        messages = [n.message for n in app._notifications]
        assert any("The last good version stays on screen" in m for m in messages)


async def test_once_the_library_is_idle_the_readers_modules_are_imported_in_a_thread(
    make_app, seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the first brief of a session needs (its screen, panes, models, Markdown) is
    imported while the user reads the library, not after enter (issue 15)."""
    imported: list[tuple[str, bool]] = []

    def import_module(name: str) -> None:
        imported.append((name, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(library_loading, "import_module", import_module)
    app = make_app(path=seed.parent)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
        assert not app.screen.loader.loading
        assert imported == [(name, False) for name in library_loading.READER_MODULES]
        assert "briefing.ui.screens.brief" in library_loading.READER_MODULES
        app.screen.loader.start(force=True)  # r: refreshed again, not imported again
        await settle(pilot)
        await wait_for_workers(pilot)
        assert len(imported) == len(library_loading.READER_MODULES)


OPEN_KNOWN = """
import asyncio, sys
from briefing.ui.launch import build_app

async def main():
    app = build_app(path=sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2000):
            if getattr(app.screen, "is_loaded", False) and app.screen.loader.shown:
                break
            await pilot.pause(0.01)
        # The visit recorded, the items digested: what follows the brief on screen too.
        await pilot.pause()
        print(app.screen.brief.id, "pydantic" in sys.modules)

asyncio.run(main())
"""


async def test_a_known_brief_opens_without_importing_pydantic(make_app, seed: Path) -> None:
    """``briefing FILE`` on a brief the index knows: built from the index's content, the
    reader never imports pydantic (nor the validating code that brings it)."""
    await list_library(make_app, seed.parent)
    done = subprocess.run(
        [sys.executable, "-c", OPEN_KNOWN, str(seed)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split() == [SEED_ID, "False"]


NOT_BEFORE_THE_FIRST_FRAME = {
    # Reminders start once the first frame is out (ui/app.py first_frame_out).
    "briefing.ui.reminding": "reminders",
    "briefing.core.reminders": "reminders (the config check reads core/durations.py)",
    "briefing.core.terminal_notify": "a reminder's desktop notification",
    # One TOML parser (core/tomlread.py: tomli), for the bundled themes.
    "tomllib": "a second TOML parser",
    # A search, once `/` opens its field (ui/screens/brief_search.py).
    "briefing.core.find": "searching a brief",
    "briefing.core.library_items": "the items a search walks",
    # $EDITOR, when asked for (ui/screens/note_actions.py).
    "briefing.ui.screens.brief_editing": "the brief's file in $EDITOR",
    "briefing.storage.external_editor": "$EDITOR",
    "briefing.core.locate": "an item's line in the brief's file",
    "shlex": "$EDITOR's words",
    # The clipboard, when `y` asks for it (ui/screens/brief_live_keys.py).
    "briefing.core.copying": "an item as text",
    "briefing.storage.clipboard": "the clipboard tools",
    # The command line's JSON shapes, for `briefing schema` (cli/script_arguments.py).
    "briefing.cli.json_shapes": "the commands' --json shapes",
}
"""Modules ``briefing FILE`` on a known brief does not import before its first frame
(issue 15: what it imported beyond the bare Textual app, ~54 ms, was cut), and why."""

FIRST_FRAME_MODULES = """
import asyncio, json, sys
import briefing.cli.open_reader
import briefing.ui.screens.brief_loading as brief_loading
from briefing.cli.parser import reader_parser
from briefing.ui.launch import build_app

at_first_frame = []
painted = brief_loading.BriefLoading.painted

def record(self):
    if not at_first_frame:
        at_first_frame.append((self.screen.is_loaded, set(sys.modules)))
    painted(self)

brief_loading.BriefLoading.painted = record

async def main():
    # As `briefing FILE` does: its command line read, then the app built.
    app = build_app(path=reader_parser().parse_args(sys.argv[1:2]).path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2000):
            if at_first_frame:
                break
            await pilot.pause(0.01)
    loaded, modules = at_first_frame[0]
    print(json.dumps([loaded, sorted(modules & set(sys.argv[2:]))]))

asyncio.run(main())
"""


async def test_a_known_brief_is_on_screen_before_what_it_does_not_use_is_imported(
    make_app, seed: Path
) -> None:
    """``briefing FILE`` on a known brief: none of :data:`NOT_BEFORE_THE_FIRST_FRAME` is
    imported by the time the frame that shows the brief is out."""
    await list_library(make_app, seed.parent)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES, str(seed), *NOT_BEFORE_THE_FIRST_FRAME],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [True, []]


ENTER_MODULES = """
import asyncio, json, sys
from briefing.ui.launch import build_app
from briefing.ui.screens.library_loading import READER_MODULES

async def main():
    app = build_app(path=sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2000):
            if all(name in sys.modules for name in READER_MODULES):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        before = set(sys.modules)
        await pilot.press("enter")
        for _ in range(2000):
            if getattr(app.screen, "is_loaded", False):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        new = sorted(m for m in set(sys.modules) - before if m.startswith("briefing"))
        print(json.dumps([type(app.screen).__name__, new]))

asyncio.run(main())
"""


async def test_enter_on_a_row_imports_nothing_the_idle_library_did_not(
    make_app, seed: Path
) -> None:
    """The library's idle warm-up (``READER_MODULES``) imports all that the first brief of a
    session needs: enter imports none of briefing's modules (issue 15: the notes strip and
    its marks' reader were left to enter)."""
    await list_library(make_app, seed.parent)
    done = subprocess.run(
        [sys.executable, "-c", ENTER_MODULES, str(seed.parent)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["BriefScreen", []]


def test_building_the_reader_imports_no_brief_models(seed: Path) -> None:
    """The index module is imported before the first frame; the content it keeps is
    decoded in the loading thread, so the models (~20 ms) are not on the start's path."""
    code = (
        "import sys, briefing.ui.launch, briefing.ui.screens.brief, briefing.ui.screens.library\n"
        "briefing.ui.launch.build_app(path=sys.argv[1])\n"
        "print(sorted({'briefing.core.models', 'briefing.core.normalized'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(seed)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stderr


async def test_leaving_the_reader_closes_the_index_it_kept_a_brief_in(make_app, seed: Path) -> None:
    """The index was never closed: its -wal file (114 KB for the seed brief) stayed beside
    it after the reader quit, taking the room a full disk's notes needed (issue 15)."""
    assert await open_file(make_app, seed) == (SEED_ID, "")
    index = paths.index_file()
    assert index.exists()
    assert not index.with_name(index.name + "-wal").exists()


@pytest.mark.parametrize("how", ["file", "enter"])
async def test_a_known_brief_is_in_the_panes_of_the_first_frame(
    make_app, seed: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # Issue 15: the content is what the reader waits for. A known brief is read as the
    # screen composes (no worker), so the frame that first shows the reader holds it:
    # no frame of empty panes, no second frame for the content.
    await list_library(make_app, seed.parent)
    workers: list[str] = []
    at_first_frame: list[bool] = []
    real_load, real_painted = brief_loading.BriefLoading.load, brief_loading.BriefLoading.painted

    def load(self, entry) -> None:
        workers.append(entry.path.name)
        real_load(self, entry)

    def painted(self) -> None:
        at_first_frame.append(self.screen.is_loaded and self.screen.panes_mounted)
        real_painted(self)

    monkeypatch.setattr(brief_loading.BriefLoading, "load", load)
    monkeypatch.setattr(brief_loading.BriefLoading, "painted", painted)
    app = make_app(path=seed if how == "file" else seed.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if how == "enter":
            app.screen.query_one(LibraryTable).select_key(str(seed))
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.is_loaded
        assert workers == []
        assert at_first_frame[:1] == [True]


@pytest.mark.parametrize("manages_gc", [True, False])
async def test_the_warmed_reader_is_frozen_with_the_library_when_the_process_is_the_readers(
    make_app, seed: Path, monkeypatch: pytest.MonkeyPatch, manages_gc: bool
) -> None:
    # Once the reader's modules are imported, what lives now is collected then frozen,
    # so a full collection during the first enter does not walk it; only in the reader's
    # own process (the launcher manages collection), never in a test's.
    calls: list[str] = []
    monkeypatch.setattr(library_loading, "import_module", lambda name: calls.append(name))
    monkeypatch.setattr(library_loading.gc, "collect", lambda: calls.append("collect"))
    monkeypatch.setattr(library_loading.gc, "freeze", lambda: calls.append("freeze"))
    app = make_app(path=seed.parent)
    app.manages_gc = manages_gc
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await wait_for_workers(pilot)
    after = ["collect", "freeze"] if manages_gc else []
    assert calls == [*library_loading.READER_MODULES, *after]


@pytest.mark.parametrize("how", ["file", "enter"])
async def test_opening_a_known_brief_reads_its_file_once(
    make_app, seed: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # The visit records the digest of the bytes the brief was built from: reading and
    # hashing the file again on the UI thread as it is shown (4.3 MB for the 20,000-quote
    # brief) was work done twice, before the first frame.
    import briefing.ui.screens.brief_live as brief_live
    from briefing.storage.index.indexing import content_digest

    from .test_notes import wait_for_writes

    await list_library(make_app, seed.parent)
    again: list[Path] = []
    real = brief_live.file_digest

    def file_digest(path: Path) -> str:
        again.append(path)
        return real(path)

    monkeypatch.setattr(brief_live, "file_digest", file_digest)
    app = make_app(path=seed if how == "file" else seed.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if how == "enter":
            app.screen.query_one(LibraryTable).select_key(str(seed))
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.is_loaded
        assert again == []
        await wait_for_writes(pilot)
        assert app.seen_items is not None
        assert app.seen_items.visited()[SEED_ID] == content_digest(seed.read_bytes())
