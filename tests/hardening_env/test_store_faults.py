"""The notes database in hostile places (issue 13, items 3, 6 and 23): a data folder that
cannot be written (notes still listed and exported, writes refused with the text kept),
a database the store did not write at start-up, and the reader closing its store on exit.

Permission faults need a process without root's override of file permissions. As root,
the child process below runs as root with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
dropped from its capability bounding set before exec: the same permission checks an
unprivileged user meets. (Running it as ``nobody`` is not possible here: the Python
interpreter lives under /root, which ``nobody`` cannot enter.)
"""

from __future__ import annotations

import ctypes
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ui.uihelpers import SEED_ID, START, settle

from briefing.core.anchors import Anchor, ItemKind
from briefing.storage import paths
from briefing.storage.store import database as store_module
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.launch import build_app

REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
TIMEOUT = 60
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_root_override() -> None:  # runs in the child, between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)


def unprivileged() -> Callable[[], None] | None:
    return _drop_root_override if os.geteuid() == 0 else None


def run_child(args: list[str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env=dict(os.environ),
        preexec_fn=unprivileged(),  # noqa: PLW1509 - nothing threaded to copy
    )
    if result.returncode == 97:
        pytest.skip("cannot drop root's override of file permissions here")
    return result


def messages(app: Any) -> list[str]:
    return [f"{n.title or ''} {n.message}" for n in app._notifications]


def make_app(**kwargs: Any) -> Any:
    kwargs.setdefault("now", START)
    app = build_app(**kwargs)
    app.animation_level = "none"
    return app


def seed_notes(*bodies: str) -> Path:
    database = paths.database_file()
    store = Store(database)
    notes = Annotations(store)
    for body in bodies:
        notes.add_note(
            Anchor(SEED_ID, ItemKind.QUOTE, "li-intense"),
            brief_title="T",
            item_text="q",
            body=body,
            now=START,
        )
    store.close()
    return database


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


STORE_SCRIPT = """
import json, sys
from datetime import datetime, timezone
from pathlib import Path
from briefing.core.anchors import Anchor, ItemKind
from briefing.storage.store.notes import Annotations
from briefing.storage.store.database import Store, StoreError
store = Store(Path(sys.argv[1]))
notes = Annotations(store)
out = {"bodies": sorted(n.body for n in notes.all_notes()), "read_only": store.read_only,
       "message": store.read_only_message, "refused": []}
for name, write in (
    ("add_note", lambda: notes.add_note(Anchor("b", ItemKind.QUOTE, "q"), brief_title="t",
                                        item_text="q", body="new",
                                        now=datetime(2025, 1, 1, tzinfo=timezone.utc))),
    ("set_setting", lambda: store.set_setting("theme", "nord")),
):
    try:
        write()
    except StoreError as error:
        out["refused"].append(str(error))
store.close()
print(json.dumps(out))
"""


@pytest.fixture
def read_only_folder() -> Any:
    folder = paths.data_dir()

    def lock() -> None:
        folder.chmod(0o555)

    yield lock
    folder.chmod(0o755)


@pytest.mark.parametrize("wal_left", [False, True], ids=["closed", "wal-left-behind"])
def test_a_read_only_data_folder_still_lists_and_exports(
    read_only_folder: Callable[[], None], tmp_path: Path, wal_left: bool
) -> None:
    database = seed_notes("first", "second")
    holder = None
    if wal_left:
        # Another briefing still has it open: the last note is only in the -wal file.
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE notes SET body = 'second, edited' WHERE body = 'second'")
    read_only_folder()
    before = files(database.parent)
    script = tmp_path / "child.py"
    script.write_text(STORE_SCRIPT)
    try:
        result = run_child([str(script), str(database)])
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout)
        assert out["bodies"] == ["first", "second, edited" if wal_left else "second"]
        assert out["read_only"]
        assert out["message"] == f"notes are read-only: {database} cannot be written"
        assert len(out["refused"]) == 2
        for message in out["refused"]:
            assert "notes are read-only" in message and str(database) in message

        exported = run_child(["-m", "briefing", "export", "--format", "json"])
        assert exported.returncode == 0, exported.stderr
        assert "first" in exported.stdout and "Traceback" not in exported.stderr

        doctor = run_child(["-m", "briefing", "doctor"])
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert "notes are read-only" in doctor.stdout

        export_file = tmp_path / "notes.json"
        export_file.write_text(exported.stdout)
        imported = run_child(["-m", "briefing", "import-notes", str(export_file)])
        assert imported.returncode == 1
        assert "Traceback" not in imported.stderr
        [line] = imported.stderr.strip().splitlines()
        assert "notes are read-only" in line and "nothing was imported" in line
    finally:
        if holder is not None:
            holder.close()
    if not wal_left:
        assert files(database.parent) == before


async def test_the_reader_says_once_that_notes_are_read_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = seed_notes("readable")
    before = database.read_bytes()
    # As root the folder is always writable: make the store see it as it would be.
    monkeypatch.setattr(store_module, "_writable", lambda path: False)
    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause()
        said = [m for m in messages(app) if "read-only" in m]
        assert len(said) == 1, messages(app)
        assert str(database) in said[0]
        assert app.annotations is not None
        assert [n.body for n in app.annotations.notes_for_brief(SEED_ID)] == ["readable"]
    assert database.read_bytes() == before


# Item 3: the reader closes its store -------------------------------------------------------------


async def test_quitting_the_reader_leaves_every_note_in_the_database_file() -> None:
    database = seed_notes()
    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.annotations is not None
        app.annotations.add_note(
            Anchor(SEED_ID, ItemKind.QUOTE, "li-intense"),
            brief_title="T",
            item_text="q",
            body="written in the reader",
            now=START,
        )
        store = app.store
    assert store is not None and store._connection is None  # noqa: SLF001 - closed on exit
    # briefing.db alone, as a backup copies it, holds the note: nothing is left only in a -wal.
    alone = database.with_name("copied-alone.db")
    alone.write_bytes(database.read_bytes())
    connection = sqlite3.connect(alone)
    assert connection.execute("SELECT body FROM notes").fetchall() == [("written in the reader",)]
    connection.close()


# Item 6: a database it did not write, at start-up -------------------------------------------------


@pytest.mark.parametrize("version", [-1, 999])
async def test_the_reader_starts_with_an_unknown_version(version: int) -> None:
    database = paths.database_file()
    database.parent.mkdir(parents=True)
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE x (y)")
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert app.is_running
        said = " ".join(messages(app))
        assert str(database) in said and "doctor --repair" in said
    assert database.read_bytes() == before
    # No journal or other file of the store beside it (the library index, a cache the
    # reader keeps a brief opened alone in, is its own file).
    store_files = [p.name for p in database.parent.iterdir() if p.name.startswith("briefing.db")]
    assert store_files == ["briefing.db"]
