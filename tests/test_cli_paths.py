"""Paths the CLI cannot enter, cannot print or cannot find are reported, never a traceback.

Issue 13, items 11 (folders that cannot be entered), 12 (very deep folder trees),
14 (file names that are not UTF-8) and 16 (every message names its path).
The permission tests run the command without root's override of permissions
(see ``tests/unprivileged.py``), so they exercise the fault even as root.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kit import brief_toml, run_briefing
from unprivileged import run_briefing_unprivileged

NOW = "2025-10-26T14:00+03:00"
GOOD_BRIEF = brief_toml(
    "A good brief",
    published=datetime(2025, 10, 20, 9, 0, tzinfo=UTC),
    deadlines=[{"title": "Reply", "due": datetime(2025, 11, 1, 12, 0, tzinfo=UTC)}],
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_briefing(*args, env=env, timeout=120)


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr


@pytest.fixture
def locked_library(tmp_path: Path):
    """A library with one good brief and a subfolder nobody may enter (restored afterwards)."""
    library = tmp_path / "library"
    (library / "locked").mkdir(parents=True)
    (library / "good.toml").write_text(GOOD_BRIEF)
    (library / "locked" / "hidden.toml").write_text(GOOD_BRIEF)
    (library / "locked").chmod(0)
    yield library
    (library / "locked").chmod(0o755)


# --- item 11: folders that cannot be entered ---------------------------------------


def test_validate_says_which_subfolder_it_could_not_enter(locked_library: Path) -> None:
    done = run_briefing_unprivileged("validate", str(locked_library))
    no_traceback(done)
    assert f"OK {locked_library / 'good.toml'}" in done.stdout
    locked = locked_library / "locked"
    assert f"{locked}: cannot be opened (Permission denied)" in done.stdout + done.stderr
    assert done.returncode == 1


@pytest.mark.parametrize("command", ["validate", "show"])
def test_a_file_below_a_folder_that_cannot_be_entered(locked_library: Path, command: str) -> None:
    path = locked_library / "locked" / "hidden.toml"
    done = run_briefing_unprivileged(command, str(path))
    no_traceback(done)
    assert f"{path}: cannot be read (Permission denied)" in done.stdout + done.stderr
    assert done.returncode == 1


def test_agenda_of_a_library_with_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    done = run_briefing_unprivileged("agenda", "--now", NOW, str(locked_library))
    no_traceback(done)
    assert "Reply" in done.stdout
    assert f"{locked_library / 'locked'}: cannot be opened (Permission denied)" in done.stderr


def test_agenda_of_a_file_below_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    path = locked_library / "locked" / "hidden.toml"
    done = run_briefing_unprivileged("agenda", "--now", NOW, str(path))
    no_traceback(done)
    assert str(path) in done.stderr
    assert "Permission denied" in done.stderr


def test_opening_a_path_below_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    path = locked_library / "locked" / "hidden.toml"
    done = run_briefing_unprivileged(str(path))
    no_traceback(done)
    assert done.stderr.strip() == f"briefing: {path}: cannot be opened (Permission denied)"
    assert done.returncode == 2


# --- item 12: deep folder trees ------------------------------------------------------


@pytest.fixture
def deep_tree(tmp_path: Path):
    """Make a tree of folders ``levels`` deep under ``tmp_path/tree``; remove it afterwards.

    One level at a time, both ways: ``Path.mkdir(parents=True)`` and ``shutil.rmtree``
    recurse and fail this deep themselves (pytest's clean-up of old runs included).
    """
    made: list[Path] = []

    def make(levels: int) -> Path:
        folder = tmp_path / "tree"
        folder.mkdir()
        made.append(folder)
        for _ in range(levels):
            folder = folder / "d"
            folder.mkdir()
            made.append(folder)
        (folder / "deep.toml").write_text(GOOD_BRIEF)
        return folder

    yield make
    for folder in reversed(made):
        for child in folder.iterdir():
            if not child.is_dir() or child.is_symlink():
                child.unlink()
        folder.rmdir()


def test_validate_a_folder_a_thousand_levels_deep(tmp_path: Path, deep_tree) -> None:
    deep_tree(1000)
    (tmp_path / "tree" / "top.toml").write_text(GOOD_BRIEF)
    done = run("validate", str(tmp_path / "tree"))
    no_traceback(done)
    assert f"OK {tmp_path / 'tree' / 'top.toml'}" in done.stdout
    # Below the depth limit nothing is searched, and the message names where it stopped.
    assert "folders nested more than" in done.stdout + done.stderr
    assert done.returncode == 1


def test_agenda_of_a_folder_a_thousand_levels_deep(tmp_path: Path, deep_tree) -> None:
    deep_tree(1000)
    (tmp_path / "tree" / "top.toml").write_text(GOOD_BRIEF)
    done = run("agenda", "--now", NOW, str(tmp_path / "tree"))
    no_traceback(done)
    assert "Reply" in done.stdout


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    library = tmp_path / "library"
    (library / "sub").mkdir(parents=True)
    (library / "sub" / "a.toml").write_text(GOOD_BRIEF)
    (library / "sub" / "loop").symlink_to(library, target_is_directory=True)
    done = run("validate", str(library))
    no_traceback(done)
    assert done.stdout.splitlines() == [f"OK {library / 'sub' / 'a.toml'}"]
    assert done.returncode == 0


# --- item 14: names that are not UTF-8 -----------------------------------------------


def test_validate_a_name_that_is_not_utf8_with_strict_utf8_output(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.toml", "wb") as handle:
        handle.write(b"format = 1\n")  # invalid: no title
    with open(folder + b"/ok\xff.toml", "wb") as handle:
        handle.write(GOOD_BRIEF.encode())
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = run("validate", str(tmp_path), env=env)
    no_traceback(done)
    assert f"{tmp_path}/caf\\xe9.toml: " in done.stdout
    assert f"OK {tmp_path}/ok\\xff.toml" in done.stdout
    assert done.returncode == 1


def test_a_newline_in_a_name_is_printed_escaped(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.toml").write_text(GOOD_BRIEF)
    (tmp_path / "bad\x1b[31m.toml").write_text("nonsense")
    done = run("validate", str(tmp_path))
    no_traceback(done)
    assert f"OK {tmp_path}/two\\nlines.toml" in done.stdout.splitlines()
    assert f"{tmp_path}/bad\\x1b[31m.toml:" in done.stdout
    assert "\x1b" not in done.stdout


# --- item 16: every message names its path -------------------------------------------


def test_validate_a_folder_without_briefs_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "empty.toml"
    folder.mkdir()
    done = run("validate", str(folder))
    no_traceback(done)
    assert done.stderr.strip() == f"{folder}: no briefs found (briefs are .toml or .json files)"
    assert done.returncode == 1


def test_validate_two_folders_without_briefs_names_each(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.toml").write_text(GOOD_BRIEF)
    done = run("validate", str(tmp_path / "a"), str(tmp_path / "b"))
    assert f"{tmp_path / 'a'}: no briefs found (briefs are .toml or .json files)" in done.stderr
    assert f"OK {tmp_path / 'b' / 'x.toml'}" in done.stdout
    assert done.returncode == 1


# --- export --library reads the library too ------------------------------------------


@pytest.mark.parametrize("below", [False, True])
def test_export_with_a_library_that_cannot_be_entered(locked_library: Path, below: bool) -> None:
    library = locked_library / "locked" / "sub" if below else locked_library
    done = run_briefing_unprivileged("export", "--library", str(library), "--deadlines", "-o", "-")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("BEGIN:VCALENDAR")


def test_scan_lists_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    script = (
        "import sys\nfrom briefing.core.library import scan\n"
        "for entry in scan([sys.argv[1]]):\n"
        "    print(entry.path.name, entry.error.summary() if entry.error else 'ok')\n"
    )
    done = run_unprivileged_python(script, str(locked_library))
    assert done.stdout.splitlines() == [
        "good.toml ok",
        f"locked {locked_library / 'locked'}: cannot be opened (Permission denied)",
    ], done.stderr


def run_unprivileged_python(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    from unprivileged import run_unprivileged

    return run_unprivileged([sys.executable, "-c", script, *args])


# --- export, import-notes and doctor: the brief, the output and the data folder ----------


def test_export_of_a_brief_below_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    path = locked_library / "locked" / "hidden.toml"
    done = run_briefing_unprivileged(
        "export", "--brief", str(path), "--library", str(locked_library), "--format", "json"
    )
    no_traceback(done)
    assert done.stderr.strip() == f"briefing: {path}: cannot be read (Permission denied)"
    assert done.returncode == 1


def test_export_into_a_folder_that_cannot_be_entered(locked_library: Path) -> None:
    target = locked_library / "locked" / "notes.json"
    done = run_briefing_unprivileged(
        "export", "--library", str(locked_library), "--format", "json", "-o", str(target)
    )
    no_traceback(done)
    assert str(target.parent) in done.stderr and "Permission denied" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.returncode == 1


NOTES_EXPORT = """\
{"format": "briefing-notes", "version": 1, "notes": [{"uid": "u1", "brief_id": "b",
 "kind": "quote", "item_id": "q", "body": "kept", "created": "2025-10-26T12:00:00Z",
 "updated": "2025-10-26T12:00:00Z"}]}
"""


@pytest.mark.parametrize("below", [False, True], ids=["data-folder-locked", "below-locked"])
@pytest.mark.parametrize("command", ["export", "import-notes", "doctor"])
def test_a_data_folder_that_cannot_be_entered(
    locked_library: Path, tmp_path: Path, command: str, below: bool
) -> None:
    """The notes database cannot even be looked at: one line naming it, never a traceback."""
    data = locked_library / "locked" / "data"
    if not below:
        data = tmp_path / "data"
        data.mkdir()
        (data / "briefing.db").write_bytes(b"")
        data.chmod(0)
    export = tmp_path / "notes.json"
    export.write_text(NOTES_EXPORT)
    args = {
        "export": ["export", "--library", str(locked_library), "--format", "json"],
        "import-notes": ["import-notes", str(export)],
        "doctor": ["doctor"],
    }[command]
    try:
        done = run_briefing_unprivileged(*args, env={**os.environ, "BRIEFING_DATA_DIR": str(data)})
    finally:
        if not below:
            data.chmod(0o755)
    no_traceback(done)
    assert done.returncode == 1, done.stdout
    problem = done.stderr if command != "doctor" else done.stdout.splitlines()[-1]
    assert str(data) in problem and "Permission denied" in problem, done.stdout + done.stderr


def test_doctor_export_and_import_name_odd_paths_escaped(tmp_path: Path) -> None:
    """A data folder and an output file whose names hold escapes and a newline: shown escaped."""
    from briefing.core.safetext import display_path

    odd = tmp_path / "odd\x1b]0;owned\x07\x1b[31m\nname"
    odd.mkdir()
    (odd / "briefing.db").write_bytes(b"not a database\n" * 100)
    env = {**os.environ, "BRIEFING_DATA_DIR": str(odd)}
    doctor = run("doctor", env=env)
    export = tmp_path / "notes.json"
    export.write_text(NOTES_EXPORT)
    imported = run("import-notes", str(export), env=env)
    repair = run("doctor", "--repair", env=env)
    exported = run("export", "--format", "json", "-o", str(odd / "out.json"), env=env)
    for done in (doctor, repair, imported, exported):
        no_traceback(done)
        out = done.stdout + done.stderr
        assert "\x1b" not in out and "\x07" not in out, out
        assert display_path(odd) in out, out
    assert doctor.stdout.splitlines()[0] == f"database: {display_path(odd / 'briefing.db')}"
    assert "moved aside to " + display_path(odd) in repair.stdout
    assert exported.stdout.startswith(f"wrote {display_path(odd / 'out.json')} (")
