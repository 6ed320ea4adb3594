"""A note ``briefing import-notes`` keeps beside a different note with the same uid is marked
as in conflict (issue 16 item 16): in the store (schema 5), in the exports, and the mark
clears when the user edits that note or deletes either of the two. No note text is lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from briefing.core.anchors import Anchor, ItemKind
from briefing.core.annotations import Note, conflict_mark
from briefing.storage.store.database import SCHEMA_VERSION, Store
from briefing.storage.store.notes import Annotations
from briefing.storage.store.schema import MIGRATIONS

from . import test_cli_notes
from .helpers import NOW, run_briefing
from .test_cli_notes import export

seeded = test_cli_notes.seeded
"""Two notes and a bookmark on the seed brief (the notes CLI tests' fixture)."""


def _stored(database: Path) -> list[Note]:
    store = Store(database)
    try:
        return Annotations(store).all_notes()
    finally:
        store.close()


def _edited_export(tmp_path: Path, library: Path) -> tuple[Path, dict]:
    exported = tmp_path / "export.json"
    assert export("--format", "json", "-o", str(exported), library=library)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["notes"][0]["body"] = "edited on another machine"
    exported.write_text(json.dumps(data), encoding="utf-8")
    return exported, data


def test_import_notes_marks_the_note_kept_beside(
    seeded: Path, samples_dir: Path, tmp_path: Path
) -> None:
    exported, data = _edited_export(tmp_path, samples_dir)
    before = {note.uid: note.body for note in _stored(seeded)}
    result = run_briefing("import-notes", str(exported))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 added, 1 kept beside")
    assert "1 note is marked '⚠ imported: conflicts with a note of <date>'" in result.stdout
    notes = _stored(seeded)
    marked = [note for note in notes if note.conflict is not None]
    assert len(marked) == 1
    original = next(note for note in notes if note.uid == data["notes"][0]["uid"])
    assert marked[0].body == "edited on another machine"
    assert marked[0].conflict_with == original.uid
    assert marked[0].conflict == original.updated
    assert original.conflict is None
    # Nothing lost: every note that was there is there, word for word.
    assert {note.uid: note.body for note in notes if note.uid in before} == before
    day = original.updated.astimezone().strftime("%Y-%m-%d")
    assert conflict_mark(marked[0]) == f"⚠ imported: conflicts with a note of {day}"

    # The exports where notes show their metadata carry the mark.
    code, markdown, err = export("--format", "md", library=samples_dir)
    assert code == 0, err
    assert f"⚠ imported: conflicts with a note of {day}" in markdown
    code, text, err = export("--format", "json", library=samples_dir)
    records = {record["uid"]: record for record in json.loads(text)["notes"]}
    assert records[marked[0].uid]["conflict_with"] == original.uid
    assert "conflict_with" not in records[original.uid]

    # So does `briefing notes`, on the marked note's line only.
    listed = run_briefing("notes").stdout
    assert listed.count("⚠ imported: conflicts with a note of") == 1

    # A second import is a no-op: still one marked note.
    again = run_briefing("import-notes", str(exported))
    assert again.returncode == 0 and "0 kept beside" in again.stdout
    assert len([note for note in _stored(seeded) if note.conflict is not None]) == 1


def _conflicting(store: Store) -> tuple[Annotations, Note, Note]:
    """A stored note, and the different note with its uid that an import kept beside it."""
    notes = Annotations(store)
    original = notes.add_note(
        Anchor("b", ItemKind.QUOTE, "q"), brief_title="B", item_text="t", body="mine", now=NOW
    )
    theirs = Note(
        original.uid, "b", "B", ItemKind.QUOTE, "q", "t", "theirs", NOW, NOW + timedelta(hours=1)
    )
    assert notes.merge_notes([theirs]) == (0, 1, 0)
    marked = next(note for note in notes.all_notes() if note.uid != original.uid)
    return notes, original, marked


def test_editing_the_marked_note_clears_its_mark_and_keeps_both(tmp_path: Path) -> None:
    store = Store(tmp_path / "briefing.db")
    notes, original, marked = _conflicting(store)
    assert marked.conflict == original.updated and marked.conflict_with == original.uid
    edited = notes.update_note(marked.uid, "theirs, reconciled", NOW + timedelta(hours=2))
    assert edited.conflict is None and edited.conflict_with == ""
    assert {note.body for note in notes.all_notes()} == {"mine", "theirs, reconciled"}
    store.close()


def test_deleting_either_note_resolves_the_conflict(tmp_path: Path) -> None:
    store = Store(tmp_path / "briefing.db")
    notes, original, marked = _conflicting(store)
    notes.delete_note(original.uid)
    [left] = notes.all_notes()
    assert left.uid == marked.uid and left.body == "theirs" and left.conflict is None
    store.close()

    store = Store(tmp_path / "other.db")
    notes, original, marked = _conflicting(store)
    notes.delete_note(marked.uid)
    [left] = notes.all_notes()
    assert left.uid == original.uid and left.body == "mine" and left.conflict is None
    store.close()


def test_a_schema_4_database_is_migrated_keeping_its_notes(tmp_path: Path) -> None:
    database = tmp_path / "briefing.db"
    connection = sqlite3.connect(database)
    connection.executescript("".join(MIGRATIONS[v] for v in range(1, 5)))
    connection.execute(
        "INSERT INTO notes VALUES ('u1', 'b', 'B', 'quote', 'q', 't', 'kept', ?, ?, 0)",
        (NOW.isoformat(), NOW.isoformat()),
    )
    connection.execute("PRAGMA user_version = 4")
    connection.commit()
    connection.close()
    store = Store(database)
    [note] = Annotations(store).all_notes()
    assert (note.uid, note.body, note.conflict) == ("u1", "kept", None)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    store.close()
