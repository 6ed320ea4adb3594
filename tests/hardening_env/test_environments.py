"""Broken environments (issue 5): no HOME, folders that cannot be written, a full disk,
a tiny terminal, a dumb terminal without colour, and a broken config.toml.

Every case must end in a working reader or a one-line message, never a traceback, and
never a lost note.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from kit import run_briefing
from textual.widgets import TextArea
from ui.test_notes import wait_for_writes
from ui.uihelpers import SEED_ID, SEED_TITLE, START, settle

from briefing.core.anchors import Anchor, ItemKind
from briefing.storage import atomic as atomic_module
from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.notes import Annotations
from briefing.ui.launch import build_app
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ChoiceScreen
from briefing.ui.screens.note_editor import NoteEditorScreen

REPO = Path(__file__).resolve().parent.parent.parent
SEED = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
BRIEFING = Path(sys.executable).parent / "briefing"
TIMEOUT = 60


def messages(app: Any) -> list[str]:
    return [f"{n.title or ''} {n.message}" for n in app._notifications]


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_briefing(*args, env=env, cwd=cwd, timeout=TIMEOUT)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


def make_app(**kwargs: Any) -> Any:
    kwargs.setdefault("now", START)
    app = build_app(**kwargs)
    app.animation_level = "none"
    return app


# (a) no HOME ---------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX home handling")
def test_no_home_and_no_briefing_variables(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "HOME" and not k.startswith("BRIEFING_") and not k.startswith("XDG_")
    }
    # Make the module importable from the tmp cwd whether or not it is installed editable.
    env["PYTHONPATH"] = str(REPO)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    (cwd / "sample_briefs").mkdir()
    (cwd / "sample_briefs" / SEED.name).write_bytes(SEED.read_bytes())
    for args in (["validate", "sample_briefs"], ["show", str(SEED)], ["config"]):
        result = run(args, env, cwd)
        no_traceback(result)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    shown = run(["show", str(SEED)], env, cwd)
    assert SEED_TITLE in shown.stdout
    config = run(["config"], env, cwd)
    assert "database:" in config.stdout


# (b) data and config folders that cannot be written ------------------------------------


@pytest.fixture
def blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """BRIEFING_DATA_DIR and BRIEFING_CONFIG_DIR below a regular file (root ignores modes)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(blocker / "data"))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(blocker / "config"))
    return blocker


def test_unwritable_folders_cli(blocked: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    shown = run(["show", str(SEED)], env, REPO)
    no_traceback(shown)
    assert shown.returncode == 0 and SEED_TITLE in shown.stdout
    config = run(["config"], env, REPO)
    no_traceback(config)
    assert config.returncode == 0
    # Exporting to standard output: no database, nothing to read, nothing created.
    to_stdout = run(["export", "--format", "json"], env, REPO)
    no_traceback(to_stdout)
    assert to_stdout.returncode == 0, to_stdout.stderr
    # Exporting into the blocked data folder: one line, exit 1.
    into = run(["export", "--format", "md", "-o", str(blocked / "data" / "notes.md")], env, REPO)
    no_traceback(into)
    assert into.returncode == 1, (into.stdout, into.stderr)
    assert len(into.stderr.strip().splitlines()) == 1, into.stderr
    doctor = run(["doctor"], env, REPO)
    no_traceback(doctor)
    importing = run(["import-notes", str(REPO / "tests" / "data" / "nonexistent.json")], env, REPO)
    no_traceback(importing)
    assert blocked.read_text(encoding="utf-8") == "not a folder"


async def test_unwritable_folders_reader(blocked: Path) -> None:
    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.brief.id == SEED_ID
        await pilot.press("3", "j", "n")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert any("Notes are unavailable" in m for m in messages(app)), messages(app)
        assert app.is_running
    assert blocked.read_text(encoding="utf-8") == "not a folder"


# (c) a full disk ------------------------------------------------------------------------


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_export_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from briefing.cli import main

    out = tmp_path / "out"
    out.mkdir()
    existing = out / "notes.md"
    existing.write_text("the old export\n", encoding="utf-8")

    real_fdopen = os.fdopen

    class FullStream:
        """A file whose writes fail with ENOSPC after part of the data went through."""

        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def __enter__(self) -> FullStream:
            return self

        def __exit__(self, *exc: Any) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[:10])
            self.stream.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.stream, name)

    monkeypatch.setattr(
        atomic_module.os, "fdopen", lambda *a, **k: FullStream(real_fdopen(*a, **k))
    )
    for target, force in ((out / "new.md", False), (existing, True)):
        args = ["export", "--format", "md", "-o", str(target)] + (["--force"] if force else [])
        code = main(args)
        captured = capsys.readouterr()
        assert code == 1
        assert "Traceback" not in captured.err
        [line] = captured.err.strip().splitlines()
        assert "cannot be written" in line and "No space left" in line, line
    assert not (out / "new.md").exists()
    assert existing.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(p.name for p in out.iterdir()) == ["notes.md"]  # no temporary left behind


def test_write_export_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's export path (export_files.write_export) says the same."""
    from briefing.storage.export_files import ExportError, write_export

    monkeypatch.setattr(atomic_module.os, "fsync", _enospc)
    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot be written"):
        write_export(target, b"new" * 1000, force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def _seed_notes(count: int) -> list[str]:
    database = Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"
    store = Store(database)
    notes = Annotations(store)
    anchor = Anchor(SEED_ID, ItemKind.QUOTE, "li-intense")
    uids = [
        notes.add_note(
            anchor, brief_title=SEED_TITLE, item_text="q", body=f"old {i}", now=START
        ).uid
        for i in range(count)
    ]
    store.close()
    return uids


def _stored(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {uid for (uid,) in connection.execute("SELECT uid FROM notes")}
    finally:
        connection.close()


async def _save_note_expecting_failure(app: Any, pilot: Any, body: str) -> None:
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, BriefScreen)
    await pilot.press("3", "j", "n")
    await pilot.pause()
    assert isinstance(app.screen, NoteEditorScreen)
    app.screen.query_one(TextArea).insert(body)
    await pilot.press("ctrl+s")
    await wait_for_writes(pilot)
    # The failed save leaves the text in the editor (which stays open), with the reason.
    editor = app.screen
    assert isinstance(editor, NoteEditorScreen)
    assert editor.query_one(TextArea).text == body
    assert "NOT SAVED" in str(editor.query_one("#note-status").render())
    # escape asks rather than losing the text; "s" keeps it as a draft file.
    await pilot.press("escape")
    assert isinstance(app.screen, ChoiceScreen)
    await pilot.press("s")
    await pilot.pause()
    drafts = list((Path(os.environ["BRIEFING_DATA_DIR"]) / "drafts").glob("draft-*.json"))
    if drafts:
        assert len(drafts) == 1 and body in drafts[0].read_text(encoding="utf-8")
    else:
        # A disk too full for the draft as well: the editor stays open with the text, and
        # says so; only the user's own "discard" closes it.
        assert app.screen is editor and editor.text == body
        assert any("Could not keep a note draft" in m for m in messages(app)), messages(app)
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.screen is screen
    assert app.is_running
    # One failed write does not turn notes off for the session.
    assert app.store is not None
    # The reader carries on.
    await pilot.press("1", "2", "4", "5", "6", "3", "enter", "escape")
    await pilot.pause()
    assert app.is_running


async def test_note_save_on_a_full_disk_patched(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _seed_notes(3)
    real_execute = Store.execute

    def full_execute(self: Store, sql: str, parameters: tuple[object, ...] = ()) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise StoreError(f"{self.path}: cannot be written (database or disk is full)")
        return real_execute(self, sql, parameters)

    database = Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"
    with monkeypatch.context() as patch:
        patch.setattr(Store, "execute", full_execute)
        app = make_app(path=SEED)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await _save_note_expecting_failure(app, pilot, "this will not fit")
    assert _stored(database) == set(before)


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Any:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        # 1 MB: the reader keeps the brief it opened in the library index (~150 KB with its
        # -wal file, which a full disk keeps from being copied in at exit); at 256 KB the
        # room freed after the test's filler was smaller than the store's next write.
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr!r}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


async def test_note_save_on_a_really_full_disk(
    tiny_tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tiny_tmpfs / "data"))
    before = _seed_notes(5)
    database = tiny_tmpfs / "data" / "briefing.db"
    filler = tiny_tmpfs / "filler"

    def fill_the_disk() -> None:
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            while True:
                os.write(handle, b"\0" * 1024)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(handle)

    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        # The notes were read (the store is open) before the disk filled up.
        assert app.annotations is not None
        assert len(app.annotations.notes_for_brief(SEED_ID)) == len(before)
        fill_the_disk()
        await _save_note_expecting_failure(app, pilot, "a long note " * 4000)
    filler.unlink()
    assert _stored(database) == set(before)
    # And the store works again once there is room.
    store = Store(database)
    Annotations(store).add_note(
        Anchor(SEED_ID, ItemKind.QUOTE, "li-intense"),
        brief_title="t",
        item_text="q",
        body="after",
        now=START,
    )
    store.close()
    assert len(_stored(database)) == len(before) + 1


# (d) a 20x5 terminal ---------------------------------------------------------------------


async def test_tiny_terminal() -> None:
    app = make_app(path=SEED)
    async with app.run_test(size=(20, 5)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        brief_screen = app.screen
        opened = 0
        for key in "123456":
            await pilot.press(key)
            await pilot.press("j", "enter")
            await pilot.pause()
            if app.screen is not brief_screen:  # a detail opened: close it
                opened += 1
                await pilot.press("escape")
                await pilot.pause()
            assert app.screen is brief_screen, (key, app.screen)
            assert app.is_running
        assert opened >= 1
        await pilot.press("a", "tab", "shift+tab")
        await pilot.pause()
        assert app.is_running


# (e) TERM=dumb and NO_COLOR in a pty -------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_dumb_terminal_without_colour(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from ptyutil import START_TIMEOUT, PtyApp, briefing_command
    finally:
        sys.path.remove(str(REPO / "tests"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LINES", "COLUMNS", "COLORTERM", "FORCE_COLOR") and not k.startswith("TEXTUAL")
    }
    env.update(
        TERM="dumb",
        NO_COLOR="1",
        # A dumb terminal opens the plain reader (issue 19, tests/ui/test_plain_reader.py);
        # BRIEFING_A11Y=0 keeps the Textual reader, which must still work there.
        BRIEFING_A11Y="0",
        TZ="UTC",
        BRIEFING_DATA_DIR=str(tmp_path / "data"),
        BRIEFING_CONFIG_DIR=str(tmp_path / "config"),
    )
    app = PtyApp(
        [str(briefing_command()), "--now", "2025-10-26T14:00+03:00", str(SEED)],
        env=env,
        cwd=REPO,
        columns=100,
        rows=30,
    )
    try:
        app.wait_for("US, China agree", timeout=START_TIMEOUT)
        app.press("escape")  # back to the library (q quits a reader opened on a file)
        app.wait_for_all("Library", "q Quit")
        app.press("q")  # quit
        status = app.wait_exit()
        assert status == 0, app.dump()
        assert "Traceback" not in app.transcript()
    finally:
        app.close()


# (f) a broken config.toml --------------------------------------------------------------------


CONFIGS: dict[str, tuple[str | bytes, str | None]] = {
    "bad-toml": ('library = ["unterminated\ntheme = = 3\n', "TOML syntax"),
    "wrong-types": (
        'library = "not-a-list"\ntheme = 42\nclock = 7\nexport_format = ["md"]\nkeys = "x"\nextra = 1\n',
        "library",
    ),
    "not-utf8": (b'theme = "\xff\xfe"\n', "UTF-8"),
    "weird-keys": ('[keys]\n"brief.clock" = ""\n"no.such.binding" = "ctrl+alt+shift+f99"\n', None),
}


@pytest.mark.parametrize("name", list(CONFIGS))
async def test_broken_config_starts_with_warnings(name: str) -> None:
    text, expected = CONFIGS[name]
    folder = Path(os.environ["BRIEFING_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    (folder / "config.toml").write_bytes(data)
    app = make_app(path=SEED)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.brief.id == SEED_ID
        if expected is not None:
            assert any(expected in w for w in app.startup_warnings), app.startup_warnings
            assert any(expected in m for m in messages(app)), messages(app)
        await pilot.press("3", "j", "enter", "escape")
        await pilot.pause()
        assert app.is_running
    # The library opens too.
    app = make_app(path=REPO / "sample_briefs")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.is_running
