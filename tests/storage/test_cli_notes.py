"""``briefing export`` and ``briefing import-notes``, run as a user would run them."""

from __future__ import annotations

import json
import sqlite3
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefing.core.anchors import Anchor, ItemKind, item_text
from briefing.core.loading import load_brief
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations

from .helpers import NOW, assert_one_line_error, run_briefing

SEED_ID = "us-china-trade-talks-kuala-lumpur-2025"
QUOTE_NOTE = "Li's *preliminary consensus*: fentanyl, ship levies, truce."
DEADLINE_NOTE = "Watch for an extension announcement."


@pytest.fixture
def seeded(isolated_env: dict[str, Path], seed_brief_path: Path) -> Path:
    """Two notes and a bookmark on the seed brief in the isolated data folder; the database."""
    brief = load_brief(seed_brief_path)
    store = Store(paths.database_file())
    notes = Annotations(store)
    for minutes, (kind, item, body) in enumerate(
        [
            (ItemKind.QUOTE, "li-preliminary-consensus", QUOTE_NOTE),
            (ItemKind.DEADLINE, "tariff-truce-expiry", DEADLINE_NOTE),
        ]
    ):
        text = item_text(brief, kind, item)
        assert text is not None
        notes.add_note(
            Anchor(brief.id, kind, item),
            brief_title=brief.title,
            item_text=text,
            body=body,
            now=NOW + timedelta(minutes=minutes),
        )
    notes.toggle_bookmark(
        Anchor(brief.id, ItemKind.QUOTE, "li-tough"),
        brief_title=brief.title,
        item_text="tough",
        now=NOW,
    )
    store.close()
    return paths.database_file()


def export(*args: str, library: Path) -> tuple[int, str, str]:
    result = run_briefing("export", "--library", str(library), *args)
    return result.returncode, result.stdout, result.stderr


def note_count(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    finally:
        connection.close()


# Export to standard output ------------------------------------------------------------------------


def test_export_markdown_to_stdout(seeded: Path, samples_dir: Path) -> None:
    code, out, err = export("--format", "md", library=samples_dir)
    assert code == 0, err
    lines = out.splitlines()
    assert "## US, China agree on preliminary trade deal in Malaysia, officials say" in lines
    heading = lines.index("### Quote — Li Chenggang, Trade Representative (China)")
    assert lines[heading + 2] == "> preliminary consensus"
    assert lines[heading + 4] == QUOTE_NOTE
    assert DEADLINE_NOTE in lines


def test_export_json_to_stdout(seeded: Path, samples_dir: Path) -> None:
    code, out, err = export("--format", "json", library=samples_dir)
    assert code == 0, err
    data = json.loads(out)
    assert data["format"] == "briefing-notes" and data["version"] == 1
    assert {n["body"] for n in data["notes"]} == {QUOTE_NOTE, DEADLINE_NOTE}
    assert [b["item_id"] for b in data["bookmarks"]] == ["li-tough"]
    quote = next(n for n in data["notes"] if n["kind"] == "quote")
    assert quote["speaker"] == "Li Chenggang, Trade Representative (China)"


def test_export_toml_to_stdout(seeded: Path, samples_dir: Path) -> None:
    code, out, err = export("--format", "toml", library=samples_dir)
    assert code == 0, err
    data = tomllib.loads(out)
    assert data["format"] == "briefing-notes"
    assert len(data["notes"]) == 2


def test_export_of_one_brief_by_id(seeded: Path, samples_dir: Path) -> None:
    code, out, _ = export("--format", "json", "--brief", "no-such-brief", library=samples_dir)
    assert code == 0 and json.loads(out)["notes"] == []
    code, out, _ = export("--format", "json", "--brief", SEED_ID, library=samples_dir)
    assert code == 0 and len(json.loads(out)["notes"]) == 2


def test_export_without_a_database_creates_nothing(
    isolated_env: dict[str, Path], samples_dir: Path
) -> None:
    code, out, err = export("--format", "json", library=samples_dir)
    assert code == 0, err
    assert json.loads(out)["notes"] == []
    assert not isolated_env["data"].exists()


# Export to a file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "toml"])
def test_export_to_a_file(seeded: Path, samples_dir: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"notes.{fmt}"
    code, out, err = export("--format", fmt, "-o", str(target), library=samples_dir)
    assert code == 0, err
    assert str(target) in out
    text = target.read_text(encoding="utf-8")
    assert QUOTE_NOTE in text or json.dumps(QUOTE_NOTE)[1:-1] in text
    assert [
        p.name for p in tmp_path.iterdir() if p.name.startswith(".")
    ] == []  # no temporary file left


def test_existing_file_is_kept_without_force(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "notes.md"
    target.write_text("OLD CONTENT\n")
    code, out, err = export("--format", "md", "-o", str(target), library=samples_dir)
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert target.read_text() == "OLD CONTENT\n"

    code, out, err = export("--format", "md", "-o", str(target), "--force", library=samples_dir)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Notes from briefing")


def test_symlink_is_not_followed_without_force(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "notes.md"
    link.symlink_to(victim)
    code, _, err = export("--format", "md", "-o", str(link), library=samples_dir)
    assert code == 1
    assert "symbolic link" in err and "Traceback" not in err
    assert link.is_symlink() and victim.read_text() == "precious\n"

    # --force replaces a regular file only (issue 13, item 4): the link and what it
    # points at are both left alone.
    code, _, err = export("--format", "md", "-o", str(link), "--force", library=samples_dir)
    assert code == 1 and "symbolic link" in err and "Traceback" not in err
    assert link.is_symlink() and victim.read_text() == "precious\n"


def test_dangling_symlink_is_not_followed(seeded: Path, samples_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "notes.json"
    link.symlink_to(tmp_path / "elsewhere" / "created-through-link.json")
    code, _, err = export("--format", "json", "-o", str(link), library=samples_dir)
    assert code == 1 and "symbolic link" in err
    assert not (tmp_path / "elsewhere").exists()


def test_missing_folder_is_one_clear_line(seeded: Path, samples_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "notes.md"
    result = run_briefing(
        "export", "--library", str(samples_dir), "--format", "md", "-o", str(target)
    )
    assert_one_line_error(result)
    assert "no such folder" in result.stderr
    assert str(target.parent) in result.stderr
    assert not (tmp_path / "no").exists()


def test_path_below_a_file_is_one_clear_line(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run_briefing("export", "--library", str(samples_dir), "-o", str(blocker / "notes.md"))
    assert_one_line_error(result)
    assert blocker.read_text() == "x"


def test_unwritable_folder_is_one_clear_line(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    from unprivileged import run_briefing_unprivileged  # root's override of permissions dropped

    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_briefing_unprivileged(
            "export", "--library", str(samples_dir), "-o", str(folder / "notes.md")
        )
        assert_one_line_error(result)
        assert "cannot be written" in result.stderr
    finally:
        folder.chmod(0o700)


def test_export_with_an_unreadable_database(
    isolated_env: dict[str, Path], samples_dir: Path
) -> None:
    database = isolated_env["data"] / "briefing.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"not a database at all\n" * 100)
    result = run_briefing("export", "--library", str(samples_dir), "--format", "json")
    assert_one_line_error(result)
    assert str(database) in result.stderr and "doctor" in result.stderr
    assert database.read_bytes() == b"not a database at all\n" * 100


# Deadlines as iCalendar ---------------------------------------------------------------------------


def test_export_deadlines_ics_to_a_file(seeded: Path, samples_dir: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "deadlines.ics"
    code, _, err = export("--deadlines", "--format", "ics", "-o", str(target), library=samples_dir)
    assert code == 0, err
    calendar = Calendar.from_ical(target.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    seed_events = {uid: e for uid, e in events.items() if uid.startswith(SEED_ID + "/")}
    assert len(seed_events) == 2
    truce = seed_events[f"{SEED_ID}/tariff-truce-expiry@briefing"]
    assert truce.decoded("dtstart") == date(2025, 11, 10)
    assert DEADLINE_NOTE in str(truce["description"])
    meeting = seed_events[f"{SEED_ID}/trump-xi-meeting@briefing"]
    assert DEADLINE_NOTE not in str(meeting["description"])


# Importing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_import_notes_twice_adds_nothing_the_second_time(
    seeded: Path, samples_dir: Path, tmp_path: Path, fmt: str
) -> None:
    exported = tmp_path / f"export.{fmt}"
    code, _, err = export("--format", fmt, "-o", str(exported), library=samples_dir)
    assert code == 0, err

    elsewhere = tmp_path / "other-machine"
    first = run_briefing("import-notes", str(exported), "--data-dir", str(elsewhere))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("2 added, 0 kept beside")
    second = run_briefing("import-notes", str(exported), "--data-dir", str(elsewhere))
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("0 added, 0 kept beside")
    assert "2 already there" in second.stdout
    assert note_count(elsewhere / "briefing.db") == 2

    # Into the database it came from: nothing new either.
    back = run_briefing("import-notes", str(exported))
    assert back.returncode == 0 and back.stdout.startswith("0 added")
    assert note_count(seeded) == 2


def test_import_of_an_edited_note_keeps_both(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    assert export("--format", "json", "-o", str(exported), library=samples_dir)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["notes"][0]["body"] = "edited on another machine"
    exported.write_text(json.dumps(data), encoding="utf-8")
    result = run_briefing("import-notes", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 added, 1 kept beside")
    assert note_count(seeded) == 3
    again = run_briefing("import-notes", str(exported))
    assert again.stdout.startswith("0 added, 0 kept beside")
    assert note_count(seeded) == 3


BROKEN = {
    "bad-json.json": b'{"format": "briefing-notes", "version": 1, "notes": [',
    "wrong-format.json": b'{"format": "something", "version": 1, "notes": []}',
    "missing-body.json": json.dumps(
        {
            "format": "briefing-notes",
            "version": 1,
            "notes": [
                {
                    "uid": "u",
                    "brief_id": "b",
                    "kind": "quote",
                    "created": "2025-01-01T00:00:00Z",
                    "updated": "2025-01-01T00:00:00Z",
                }
            ],
        }
    ).encode(),
    "bad.toml": b"format = \n",
    "binary.json": bytes(range(256)) * 4,
    "empty.json": b"",
    "utf16.json": '{"format": "briefing-notes"}'.encode("utf-16"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_import_of_a_broken_file_fails_cleanly(
    isolated_env: dict[str, Path], tmp_path: Path, name: str
) -> None:
    broken = tmp_path / name
    broken.write_bytes(BROKEN[name])
    result = run_briefing("import-notes", str(broken))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert name in result.stderr
    assert not isolated_env["data"].exists()  # nothing was opened or created


def test_import_of_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    result = run_briefing("import-notes", str(tmp_path / "nope.json"))
    assert_one_line_error(result)
    assert "nope.json" in result.stderr


def test_import_into_an_unusable_data_folder(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    assert export("--format", "json", "-o", str(exported), library=samples_dir)[0] == 0
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = run_briefing("import-notes", str(exported), "--data-dir", str(blocker / "data"))
    assert_one_line_error(result)
    assert "nothing was imported" in result.stderr


def test_import_notes_says_what_it_did_with_the_bookmarks(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    """Issue 16 item 16: the export's bookmarks were passed over in silence."""
    exported = tmp_path / "export.json"
    assert export("--format", "json", "-o", str(exported), library=samples_dir)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["bookmarks"] = [
        {
            "brief_id": SEED_ID,
            "brief_title": "t",
            "kind": "quote",
            "item_id": "li-intense",
            "item_text": "x",
            "created": "2025-10-26T11:00:00Z",
            "detached": False,
        }
    ]
    exported.write_text(json.dumps(data), encoding="utf-8")
    result = run_briefing("import-notes", str(exported), "--data-dir", str(tmp_path / "other"))
    assert result.returncode == 0, result.stderr
    assert "1 bookmark in the file was not imported (import-notes merges notes only)" in (
        result.stdout
    )
