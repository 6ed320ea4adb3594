"""Notes and bookmarks in the SQLite store.

Every write is one transaction that has committed (``synchronous=FULL``) when
the method returns, so a note the user saw saved survives a SIGKILL right
after. Nothing here deletes a note the user did not ask to delete: a note whose
item vanished from its brief is re-attached or marked detached, never dropped.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.core.anchors import Anchor, ItemKind, place
from briefing.core.annotations import Bookmark, Note
from briefing.core.timeutil import MAX_YEAR, MIN_YEAR
from briefing.storage.store.database import Store, StoreError

if TYPE_CHECKING:
    from briefing.core.models import Brief

_STORED_COLUMNS = (
    "uid, brief_id, brief_title, kind, item_id, item_text, body, created, updated, detached"
)
_NOTE_COLUMNS = (
    f"{_STORED_COLUMNS},"
    " (SELECT conflict_with FROM note_conflicts WHERE note_uid = notes.uid),"
    " (SELECT conflict_of FROM note_conflicts WHERE note_uid = notes.uid)"
)
"""What a note is read from (``FROM notes``): its row, and its import conflict if it has one."""
_INSERT_NOTE = f"INSERT INTO notes ({_STORED_COLUMNS}) VALUES ({', '.join(['?'] * 10)})"
_INSERT_CONFLICT = "INSERT OR REPLACE INTO note_conflicts VALUES (?, ?, ?)"
_BOOKMARK_COLUMNS = "brief_id, brief_title, kind, item_id, item_text, created, detached"
T = TypeVar("T")
_KINDS = frozenset(kind.value for kind in ItemKind)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _stored_time(value: object) -> datetime:
    """A time as stored; refused outside the years briefing reads, as moving it into
    the local zone would overflow (a note imported before imports were checked)."""
    when = datetime.fromisoformat(str(value))
    if when.tzinfo is None or not MIN_YEAR <= when.year <= MAX_YEAR:
        raise ValueError(f"time {str(value)[:40]!r} is not one briefing writes")
    return when


def _note(row: tuple[Any, ...]) -> Note:
    """The note in a row of ``_NOTE_COLUMNS``; ValueError naming it when the row is damaged."""
    uid, brief_id, title, kind, item_id, item_text, body, created, updated, detached = row[:10]
    conflict_with, conflict_of = row[10:]
    try:
        return Note(
            uid,
            brief_id,
            title,
            ItemKind(kind),
            item_id,
            item_text,
            body,
            _stored_time(created),
            _stored_time(updated),
            bool(detached),
            _stored_time(conflict_of) if conflict_of else None,
            str(conflict_with or ""),
        )
    except (ValueError, TypeError) as error:
        raise ValueError(f"note {str(uid)[:64]!r} cannot be read ({error})") from None


def _values(note: Note) -> tuple[object, ...]:
    """The values of ``note``'s row, in the order of ``_STORED_COLUMNS``."""
    return (
        note.uid,
        note.brief_id,
        note.brief_title,
        note.kind.value,
        note.item_id,
        note.item_text,
        note.body,
        _iso(note.created),
        _iso(note.updated),
        int(note.detached),
    )


def _insert_note(connection: sqlite3.Connection, note: Note) -> None:
    """Write ``note`` (and its import conflict, if it has one) in the open transaction."""
    connection.execute(_INSERT_NOTE, _values(note))
    if note.conflict is not None:
        connection.execute(_INSERT_CONFLICT, (note.uid, note.conflict_with, _iso(note.conflict)))


def _bookmark(row: tuple[Any, ...]) -> Bookmark:
    """The bookmark in a row of ``_BOOKMARK_COLUMNS``; ValueError naming it when damaged."""
    brief_id, title, kind, item_id, item_text, created, detached = row
    try:
        return Bookmark(
            brief_id,
            title,
            ItemKind(kind),
            item_id,
            item_text,
            _stored_time(created),
            bool(detached),
        )
    except (ValueError, TypeError) as error:
        raise ValueError(
            f"bookmark on {str(brief_id)[:64]!r} {str(item_id)[:64]!r} cannot be read ({error})"
        ) from None


class Annotations:
    """Notes and bookmarks, kept in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _made(
        self, make: Callable[[tuple[Any, ...]], T], rows: Iterable[tuple[Any, ...]]
    ) -> list[T]:
        """``make`` applied to each row; a damaged row is a :class:`StoreError` naming it."""
        try:
            return [make(row) for row in rows]
        except ValueError as error:
            raise StoreError(f"{self.store.path}: {error}") from None

    # Notes -------------------------------------------------------------------

    def add_note(
        self, anchor: Anchor, *, brief_title: str, item_text: str, body: str, now: datetime
    ) -> Note:
        """Save a new note on ``anchor``; return it once it is durable."""
        note = Note(
            uuid.uuid4().hex,
            anchor.brief_id,
            brief_title,
            anchor.kind,
            anchor.item_id,
            item_text,
            body,
            now,
            now,
        )
        self._insert(note)
        return note

    def _insert(self, note: Note) -> None:
        if note.conflict is None:
            self.store.execute(_INSERT_NOTE, _values(note))
            return
        with self.store.transaction() as connection:
            _insert_note(connection, note)

    def update_note(self, uid: str, body: str, now: datetime) -> Note:
        """Replace the body of note ``uid`` (the user has seen it: an import's conflict mark goes)."""
        self.store.execute(
            "UPDATE notes SET body = ?, updated = ? WHERE uid = ?", (body, _iso(now), uid)
        )
        # After the text is safe: were this to fail, the note keeps its mark, never its old text.
        self.store.execute("DELETE FROM note_conflicts WHERE note_uid = ?", (uid,))
        note = self.get_note(uid)
        if note is None:
            raise StoreError(f"{self.store.path}: note {uid} is gone (deleted in another window?)")
        return note

    def delete_note(self, uid: str) -> Note | None:
        """Delete note ``uid``; return it, so that the deletion can be undone with :meth:`restore_note`."""
        note = self.get_note(uid)
        if note is not None:
            with self.store.transaction() as connection:
                connection.execute("DELETE FROM notes WHERE uid = ?", (uid,))
                # Its mark goes with it; and when it is the note another conflicted with,
                # one of the two is left: that conflict is resolved.
                connection.execute(
                    "DELETE FROM note_conflicts WHERE note_uid = ? OR conflict_with = ?",
                    (uid, uid),
                )
        return note

    def restore_note(self, note: Note) -> None:
        """Put back a deleted note, as it was."""
        self._insert(note)

    def get_note(self, uid: str) -> Note | None:
        """The note with ``uid``, if it exists."""
        row = self.store.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE uid = ?", (uid,)
        ).fetchone()
        return self._made(_note, [row])[0] if row else None

    def notes_for_brief(self, brief_id: str) -> list[Note]:
        """Every note of one brief, oldest first."""
        rows = self.store.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE brief_id = ? ORDER BY created, uid",
            (brief_id,),
        ).fetchall()
        return self._made(_note, rows)

    def all_notes(self) -> list[Note]:
        """Every note of every brief, most recently changed first."""
        rows = self.store.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes ORDER BY updated DESC, uid"
        ).fetchall()
        return self._made(_note, rows)

    # Bookmarks -----------------------------------------------------------------

    def toggle_bookmark(
        self, anchor: Anchor, *, brief_title: str, item_text: str, now: datetime
    ) -> bool:
        """Set the bookmark on ``anchor`` if it is not set, else remove it; return whether it is now set."""
        key = (anchor.brief_id, anchor.kind.value, anchor.item_id)
        with self.store.transaction() as connection:
            found = connection.execute(
                "SELECT 1 FROM bookmarks WHERE brief_id = ? AND kind = ? AND item_id = ?", key
            ).fetchone()
            if found:
                connection.execute(
                    "DELETE FROM bookmarks WHERE brief_id = ? AND kind = ? AND item_id = ?", key
                )
                return False
            connection.execute(
                f"INSERT INTO bookmarks ({_BOOKMARK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 0)",
                (*key[:1], brief_title, *key[1:], item_text, _iso(now)),
            )
            return True

    def remove_bookmark(self, anchor: Anchor) -> None:
        """Remove the bookmark on ``anchor``, if there is one (from the ``B`` list)."""
        self.store.execute(
            "DELETE FROM bookmarks WHERE brief_id = ? AND kind = ? AND item_id = ?",
            (anchor.brief_id, anchor.kind.value, anchor.item_id),
        )

    def bookmarks_for_brief(self, brief_id: str) -> list[Bookmark]:
        """Every bookmark of one brief."""
        rows = self.store.execute(
            f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks WHERE brief_id = ? ORDER BY created",
            (brief_id,),
        ).fetchall()
        return self._made(_bookmark, rows)

    def all_bookmarks(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        rows = self.store.execute(
            f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks ORDER BY created DESC"
        ).fetchall()
        return self._made(_bookmark, rows)

    def counts(self) -> dict[str, tuple[int, int]]:
        """For each brief id with any: (number of notes, number of bookmarks)."""
        return self.store.note_counts()

    # Keeping anchors right as briefs change --------------------------------------

    def reanchor(self, brief: Brief) -> tuple[int, int]:
        """Re-attach this brief's notes and bookmarks to its current items.

        A note whose item id is gone moves to the item whose text best matches
        its saved copy, or is marked detached (and re-attached later if a
        matching item comes back). Returns (moved, detached) counts.
        """
        moved = detached = 0
        self.store.connection  # noqa: B018 - opening it tells whether it can be written
        if self.store.read_only:
            return moved, detached  # notes stay where they were saved, readable
        with self.store.transaction() as connection:
            for table in ("notes", "bookmarks"):
                # One row per item and saved text, not per note: a brief may hold a million.
                groups = connection.execute(
                    f"SELECT kind, item_id, item_text, detached, COUNT(*) FROM {table}"
                    " WHERE brief_id = ? GROUP BY kind, item_id, item_text, detached",
                    (brief.id,),
                ).fetchall()
                for kind, item_id, text, was_detached, count in groups:
                    if kind not in _KINDS:
                        continue  # a damaged row is left as it is, for doctor to report
                    same = (brief.id, kind, item_id, text, was_detached)
                    where = (
                        "WHERE brief_id = ? AND kind = ? AND item_id = ? AND item_text IS ?"
                        " AND detached = ?"
                    )
                    placement = place(brief, ItemKind(kind), item_id, text)
                    if placement.item_id is None:
                        if not was_detached:
                            connection.execute(f"UPDATE {table} SET detached = 1 {where}", same)
                        detached += count
                    elif placement.moved or was_detached:
                        try:
                            connection.execute(
                                f"UPDATE {table} SET item_id = ?, detached = 0 {where}",
                                (placement.item_id, *same),
                            )
                        except sqlite3.IntegrityError:
                            # A bookmark already sits on that item: this one is redundant, keep it detached.
                            connection.execute(f"UPDATE {table} SET detached = 1 {where}", same)
                        moved += count
                connection.execute(
                    f"UPDATE {table} SET brief_title = ? WHERE brief_id = ? AND brief_title IS NOT ?",
                    (brief.title, brief.id, brief.title),
                )
        return moved, detached

    # Merging exports back in -------------------------------------------------------

    def merge_notes(self, notes: Iterable[Note]) -> tuple[int, int, int]:
        """Merge exported notes: new ones are added, identical ones skipped, and a
        note that differs from the stored one with its uid is kept beside it (as a
        new note, marked as in conflict with it), never over it. Returns (added, kept
        beside, unchanged)."""
        added = beside = same = 0
        with self.store.transaction() as connection:
            for note in notes:
                row = connection.execute(
                    f"SELECT {_NOTE_COLUMNS} FROM notes WHERE uid = ?", (note.uid,)
                ).fetchone()
                if row is not None:
                    stored = self._made(_note, [row])[0]
                    if stored.body == note.body:
                        same += 1
                        continue
                    # Same uid, different text: keep both. A derived uid makes a second import a no-op.
                    twin = uuid.uuid5(uuid.NAMESPACE_URL, f"{note.uid}:{note.body}").hex
                    if connection.execute("SELECT 1 FROM notes WHERE uid = ?", (twin,)).fetchone():
                        same += 1
                        continue
                    # Marked, so the user sees which note came in over which.
                    note = dataclasses.replace(
                        note, uid=twin, conflict=stored.updated, conflict_with=stored.uid
                    )
                    beside += 1
                else:
                    added += 1
                _insert_note(connection, note)
        return added, beside, same
