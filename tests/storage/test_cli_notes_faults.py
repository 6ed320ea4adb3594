"""``doctor``, ``export`` and ``import-notes`` on databases the store did not write, on a full
disk, and with times outside the calendar briefing reads (issue 13, items 6, 7 and 8)."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli.import_notes import cmd_import_notes
from briefing.storage import paths
from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.notes import Annotations

from .helpers import run_briefing
from .test_store_faults import ANCHOR, BAD_DATABASES, add


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


def export_file(tmp_path: Path, created: object, *, kind: str = "json") -> Path:
    note = {
        "uid": "u1",
        "brief_id": "b",
        "kind": "quote",
        "item_id": "q",
        "body": "from another machine",
        "created": created,
        "updated": created,
    }
    if kind == "json":
        path = tmp_path / "notes.json"
        path.write_text(json.dumps({"format": "briefing-notes", "version": 1, "notes": [note]}))
    else:
        path = tmp_path / "notes.toml"
        path.write_text(
            'format = "briefing-notes"\nversion = 1\n[[notes]]\n'
            + "".join(
                f"{k} = {json.dumps(v) if k not in ('created', 'updated') else v}\n"
                for k, v in note.items()
            )
        )
    return path


@pytest.fixture
def good_export(tmp_path: Path) -> Path:
    return export_file(tmp_path, "2025-10-26T12:00:00Z")


# Items 6 and 8: every command on every database it did not write ---------------------------------


@pytest.mark.parametrize("make", BAD_DATABASES.values(), ids=BAD_DATABASES.keys())
def test_commands_on_a_database_it_did_not_write(
    make: Callable[[Path], None], good_export: Path
) -> None:
    database = paths.database_file()
    make(database)
    before = database.read_bytes()

    doctor = run_briefing("doctor")
    no_traceback(doctor)
    assert doctor.returncode == 1, doctor.stdout
    problems = [line for line in doctor.stdout.splitlines() if "problem:" in line]
    assert len(problems) == 1 and str(database) in problems[0], doctor.stdout

    exported = run_briefing("export", "--format", "json")
    no_traceback(exported)
    assert exported.returncode == 1
    assert str(database) in one_line(exported.stderr)

    imported = run_briefing("import-notes", str(good_export))
    no_traceback(imported)
    assert imported.returncode == 1
    assert "nothing was imported" in one_line(imported.stderr)

    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["briefing.db"]


@pytest.mark.parametrize("name", ["version--1", "known-version-no-tables", "wrong-columns"])
def test_doctor_repair_moves_such_a_database_aside(name: str) -> None:
    database = paths.database_file()
    BAD_DATABASES[name](database)
    before = database.read_bytes()
    repaired = run_briefing("doctor", "--repair")
    no_traceback(repaired)
    assert repaired.returncode == 0, repaired.stdout
    [aside] = [p for p in database.parent.iterdir() if ".unreadable-" in p.name]
    assert aside.read_bytes() == before
    assert run_briefing("doctor").stdout.splitlines()[-1].strip().startswith("not created yet")


# Item 8: a full disk --------------------------------------------------------------------------------


def test_import_notes_into_a_full_disk(
    good_export: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(paths.database_file())
    add(Annotations(store), "kept")
    store.close()
    real_open = Store._open

    def nearly_full(self: Store) -> sqlite3.Connection:
        connection = real_open(self)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    many = json.loads(good_export.read_text())
    many["notes"] = [dict(many["notes"][0], uid=f"u{i}", body="x" * 3000) for i in range(100)]
    good_export.write_text(json.dumps(many))
    with monkeypatch.context() as patch:
        patch.setattr(Store, "_open", nearly_full)
        status = cmd_import_notes(argparse.Namespace(file=str(good_export)))
    captured = capsys.readouterr()
    assert status == 1
    message = one_line(captured.err)
    assert "full" in message and "nothing was imported" in message
    assert str(paths.database_file()) in message
    assert [n.body for n in Annotations(Store(paths.database_file())).all_notes()] == ["kept"]


def test_import_notes_leaves_everything_in_the_main_file(good_export: Path) -> None:
    result = run_briefing("import-notes", str(good_export))
    assert result.returncode == 0, result.stderr
    database = paths.database_file()
    assert not database.with_name("briefing.db-wal").exists()
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT body FROM notes").fetchall() == [("from another machine",)]
    connection.close()


# Item 7: times outside the years briefing reads ---------------------------------------------------

OUT_OF_RANGE = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00",
]


@pytest.mark.parametrize("kind", ["json", "toml"])
@pytest.mark.parametrize("when", OUT_OF_RANGE)
def test_import_refuses_times_outside_the_calendar(tmp_path: Path, when: str, kind: str) -> None:
    path = export_file(tmp_path, when, kind=kind)
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    assert result.returncode == 1
    message = result.stderr
    assert path.name in message and "notes[0].created" in message, message
    assert "year" in message
    assert not paths.database_file().exists()


@pytest.mark.parametrize("created", ['"2025-10-26"', "2025-10-26", "12:00:00", "17"])
def test_import_refuses_what_is_not_a_date_time(tmp_path: Path, created: str) -> None:
    path = export_file(tmp_path, created, kind="toml")
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    assert result.returncode == 1, result.stdout
    assert "notes[0].created" in result.stderr


def test_a_note_outside_the_calendar_already_stored_is_reported_not_a_crash() -> None:
    store = Store(paths.database_file())
    notes = Annotations(store)
    note = add(notes, "imported by an older briefing")
    store.execute("UPDATE notes SET created = '0001-01-01T00:00:00+00:00'")
    result = run_briefing("export", "--format", "json")
    no_traceback(result)
    assert result.returncode == 1
    assert note.uid in one_line(result.stderr)
    assert ANCHOR.brief_id


def test_import_refuses_text_that_cannot_be_stored(tmp_path: Path) -> None:
    path = export_file(tmp_path, "2025-10-26T12:00:00Z")
    path.write_text(path.read_text().replace("from another machine", "half a pair \\ud800"))
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert path.name in line and "notes[0].body" in line, line


def test_an_unknown_kind_is_named_as_a_kind_not_a_status(tmp_path: Path) -> None:
    path = export_file(tmp_path, "2025-10-26T12:00:00Z")
    path.write_text(path.read_text().replace('"quote"', '"timeline"'))
    result = run_briefing("import-notes", str(path))
    line = one_line(result.stderr)
    assert "notes[0].kind" in line and "'quote'" in line and "status" not in line, line


SPECIAL = {
    "fifo": lambda path: os.mkfifo(path),
    "folder": lambda path: path.mkdir(),
    "device-link": lambda path: path.symlink_to("/dev/null"),
}


@pytest.mark.parametrize("make", SPECIAL.values(), ids=SPECIAL.keys())
def test_a_database_path_that_is_not_a_regular_file(make: Callable[[Path], None]) -> None:
    database = paths.database_file()
    database.parent.mkdir(parents=True)
    make(database)
    for args in (["doctor"], ["export", "--format", "json"]):
        result = run_briefing(*args)
        no_traceback(result)
        assert result.returncode == 1
        said = result.stdout + result.stderr
        assert "not a regular file" in said and str(database) in said, said
    store = Store(database)
    with pytest.raises(StoreError) as caught:
        store.set_setting("theme", "nord")
    assert caught.value.unreadable
    assert sorted(p.name for p in database.parent.iterdir()) == ["briefing.db"]


def test_an_export_over_the_size_limit_is_named_as_a_notes_export(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    with path.open("wb") as file:
        file.truncate(512 * 1024 * 1024 + 1)  # sparse: nothing is written, nothing is read
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert str(path) in line and "notes exports are limited to 512 MB" in line, line
    assert "brief" not in line


def test_a_binary_export_is_named_as_a_notes_export(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b"{\x00\x01}")
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    line = one_line(result.stderr)
    assert str(path) in line and "not a notes export" in line and "brief" not in line, line


def test_a_brief_given_to_import_notes_is_told_what_format_is_read(repo_root: Path) -> None:
    """A brief is not a notes export: the message names the format import-notes reads
    (it said "format 1 is not supported; this version of briefing reads format 1")."""
    path = repo_root / "tests" / "data" / "good" / "full.json"
    result = run_briefing("import-notes", str(path))
    no_traceback(result)
    assert result.returncode == 1
    assert "reads format 'briefing-notes'" in result.stderr, result.stderr
    assert "reads format 1" not in result.stderr
