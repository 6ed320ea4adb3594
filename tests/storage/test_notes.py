"""Notes and bookmarks: saving, undoing, counting, following items as briefs change, merging."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from kit import replaced

from briefing.core.anchors import Anchor, ItemKind, item_text
from briefing.core.annotations import Note
from briefing.core.models import Brief
from briefing.core.notes_export import export_data, parse_export, to_json, to_toml
from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.notes import Annotations

from .helpers import NOW, revision

BRIEF_ID = "harbour-talks"
NIGHT_SHIFTS = Anchor(BRIEF_ID, ItemKind.QUOTE, "ana-night-shifts")
WAGES = Anchor(BRIEF_ID, ItemKind.QUOTE, "ben-wages")
FOG = Anchor(BRIEF_ID, ItemKind.QUOTE, "ana-fog")
INSPECTION = Anchor(BRIEF_ID, ItemKind.DEADLINE, "inspection")
WHOLE_BRIEF = Anchor(BRIEF_ID, ItemKind.BRIEF, "")


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


def write(notes: Annotations, brief: Brief, anchor: Anchor, body: str, minutes: int = 0) -> Note:
    text = item_text(brief, anchor.kind, anchor.item_id)
    assert text is not None, anchor
    return notes.add_note(
        anchor, brief_title=brief.title, item_text=text, body=body, now=at(minutes)
    )


def mark(notes: Annotations, brief: Brief, anchor: Anchor, minutes: int = 0) -> bool:
    text = item_text(brief, anchor.kind, anchor.item_id)
    assert text is not None, anchor
    return notes.toggle_bookmark(anchor, brief_title=brief.title, item_text=text, now=at(minutes))


# Saving, changing, deleting -----------------------------------------------------------------------


def test_add_note_is_stored_as_returned(notes: Annotations) -> None:
    v1 = revision("v1")
    note = write(notes, v1, NIGHT_SHIFTS, "Check the **gantry** cranes.")
    assert note.brief_id == BRIEF_ID
    assert note.kind is ItemKind.QUOTE
    assert note.item_id == "ana-night-shifts"
    assert note.item_text.startswith("We will not reopen the night shifts")
    assert note.brief_title == v1.title
    assert note.created == note.updated == NOW
    assert not note.detached
    assert notes.get_note(note.uid) == note


def test_notes_survive_reopening(db_path: Path) -> None:
    v1 = revision("v1")
    first = Annotations(Store(db_path))
    note = write(first, v1, NIGHT_SHIFTS, "durable")
    first.store.close()
    second = Annotations(Store(db_path))
    assert second.all_notes() == [note]
    second.store.close()


def test_update_note(notes: Annotations) -> None:
    note = write(notes, revision("v1"), WAGES, "first")
    updated = notes.update_note(note.uid, "second", at(5))
    assert updated.body == "second"
    assert updated.created == NOW
    assert updated.updated == at(5)
    assert notes.get_note(note.uid) == updated


def test_update_of_a_deleted_note_raises(notes: Annotations) -> None:
    note = write(notes, revision("v1"), WAGES, "gone soon")
    notes.delete_note(note.uid)
    with pytest.raises(StoreError, match=note.uid):
        notes.update_note(note.uid, "too late", at(1))


def test_delete_and_restore(notes: Annotations) -> None:
    v1 = revision("v1")
    keep = write(notes, v1, FOG, "keep")
    note = write(notes, v1, WAGES, "undo me", minutes=1)
    deleted = notes.delete_note(note.uid)
    assert deleted == note
    assert notes.get_note(note.uid) is None
    assert notes.all_notes() == [keep]
    assert notes.delete_note(note.uid) is None  # twice: nothing to delete
    notes.restore_note(deleted)
    assert notes.get_note(note.uid) == note
    assert notes.all_notes() == [note, keep]


def test_notes_for_brief_oldest_first_and_only_that_brief(notes: Annotations) -> None:
    v1 = revision("v1")
    later = write(notes, v1, FOG, "later", minutes=10)
    earlier = write(notes, v1, WAGES, "earlier", minutes=1)
    notes.add_note(
        Anchor("other", ItemKind.BRIEF, ""),
        brief_title="Other",
        item_text="Other",
        body="x",
        now=at(5),
    )
    assert notes.notes_for_brief(BRIEF_ID) == [earlier, later]
    assert [n.body for n in notes.notes_for_brief("other")] == ["x"]
    assert notes.notes_for_brief("nothing-here") == []


def test_all_notes_newest_first_by_last_change(notes: Annotations) -> None:
    v1 = revision("v1")
    a = write(notes, v1, NIGHT_SHIFTS, "a", minutes=1)
    b = write(notes, v1, WAGES, "b", minutes=2)
    c = write(notes, v1, FOG, "c", minutes=3)
    assert [n.uid for n in notes.all_notes()] == [c.uid, b.uid, a.uid]
    notes.update_note(a.uid, "a, edited", at(4))
    assert [n.uid for n in notes.all_notes()] == [a.uid, c.uid, b.uid]


# Bookmarks and counts -----------------------------------------------------------------------------


def test_toggle_bookmark(notes: Annotations) -> None:
    v1 = revision("v1")
    assert mark(notes, v1, WAGES) is True
    [bookmark] = notes.bookmarks_for_brief(BRIEF_ID)
    assert bookmark.anchor == WAGES
    assert bookmark.item_text == "Wages first, then everything else."
    assert bookmark.created == NOW
    assert mark(notes, v1, WAGES, minutes=1) is False
    assert notes.bookmarks_for_brief(BRIEF_ID) == []
    assert mark(notes, v1, WAGES, minutes=2) is True
    assert notes.all_bookmarks()[0].created == at(2)


def test_all_bookmarks_newest_first(notes: Annotations) -> None:
    v1 = revision("v1")
    mark(notes, v1, WAGES, minutes=1)
    mark(notes, v1, INSPECTION, minutes=3)
    mark(notes, v1, FOG, minutes=2)
    assert [b.item_id for b in notes.all_bookmarks()] == ["inspection", "ana-fog", "ben-wages"]


def test_counts(notes: Annotations) -> None:
    v1 = revision("v1")
    assert notes.counts() == {}
    write(notes, v1, WAGES, "1")
    write(notes, v1, WAGES, "2")
    write(notes, v1, FOG, "3")
    mark(notes, v1, FOG)
    notes.toggle_bookmark(
        Anchor("bookmarks-only", ItemKind.BRIEF, ""), brief_title="B", item_text="B", now=NOW
    )
    notes.add_note(
        Anchor("notes-only", ItemKind.BRIEF, ""), brief_title="N", item_text="N", body="n", now=NOW
    )
    assert notes.counts() == {BRIEF_ID: (3, 1), "bookmarks-only": (0, 1), "notes-only": (1, 0)}


# Following items as the brief is revised ----------------------------------------------------------


def test_reanchor_of_an_unchanged_brief_writes_nothing(notes: Annotations) -> None:
    """Opening a brief re-anchors its notes: with nothing to move, no row is rewritten (every
    note's title was rewritten at each opening: 200,000 row writes for a large import)."""
    v1 = revision("v1")
    for minutes in range(50):
        write(notes, v1, NIGHT_SHIFTS, f"note {minutes}", minutes=minutes)
    write(notes, v1, INSPECTION, "Who writes it?")
    notes.reanchor(v1)
    before = notes.store.connection.total_changes
    assert notes.reanchor(v1) == (0, 0)
    assert notes.store.connection.total_changes == before


def test_reanchor_moves_many_notes_on_one_item_together(notes: Annotations) -> None:
    v1 = revision("v1")
    many = [write(notes, v1, NIGHT_SHIFTS, f"note {m}", minutes=m) for m in range(30)]
    assert notes.reanchor(revision("v2_moved")) == (30, 0)
    assert {notes.get_note(note.uid).item_id for note in many} == {"ana-shifts"}
    assert notes.reanchor(revision("v3_deleted")) == (0, 30)
    assert all(notes.get_note(note.uid).detached for note in many)


def test_reanchor_follows_the_item_through_revisions(notes: Annotations) -> None:
    v1 = revision("v1")
    shifts = write(notes, v1, NIGHT_SHIFTS, "Which cranes?")
    wages = write(notes, v1, WAGES, "Ask for the figure.", minutes=1)
    fog = write(notes, v1, FOG, "Weather again.", minutes=2)
    whole = write(notes, v1, WHOLE_BRIEF, "Good overview.", minutes=3)
    deadline = write(notes, v1, INSPECTION, "Who writes it?", minutes=4)

    assert notes.reanchor(v1) == (0, 0)
    assert notes.all_notes() == [deadline, whole, fog, wages, shifts]

    # v2: ids changed; the night-shift quote was also lightly edited.
    moved, detached = notes.reanchor(revision("v2_moved"))
    assert (moved, detached) == (3, 0)
    assert notes.get_note(shifts.uid).item_id == "ana-shifts"
    assert notes.get_note(wages.uid).item_id == "ben-pay"
    assert notes.get_note(deadline.uid).item_id == "crane-inspection"
    assert notes.get_note(fog.uid) == fog
    assert notes.get_note(whole.uid) == whole
    # The saved copy of the text, the body and the times are untouched.
    assert notes.get_note(shifts.uid) == dataclasses.replace(shifts, item_id="ana-shifts")

    # v3: the quote and the deadline are gone: kept, detached, listed with their text.
    moved, detached = notes.reanchor(revision("v3_deleted"))
    assert (moved, detached) == (0, 2)
    for note in (shifts, deadline):
        stored = notes.get_note(note.uid)
        assert stored.detached
        assert stored.body == note.body
        assert stored.item_text == note.item_text
    listed = {n.uid: n for n in notes.all_notes()}
    assert len(listed) == 5
    assert listed[shifts.uid].detached and listed[shifts.uid].item_text.startswith(
        "We will not reopen"
    )
    assert not listed[wages.uid].detached
    assert notes.counts() == {BRIEF_ID: (5, 0)}

    # Reading v3 again changes nothing and still drops nothing.
    assert notes.reanchor(revision("v3_deleted")) == (0, 2)
    assert len(notes.all_notes()) == 5

    # v4: they are back (with their first ids and texts): re-attached.
    moved, detached = notes.reanchor(revision("v4_back"))
    assert detached == 0
    assert moved == 2
    assert notes.get_note(shifts.uid) == shifts
    assert notes.get_note(deadline.uid) == deadline
    assert notes.get_note(wages.uid).item_id == "ben-pay"


def test_reanchor_detaches_rather_than_guessing(notes: Annotations) -> None:
    v1 = revision("v1")
    note = notes.add_note(
        Anchor(BRIEF_ID, ItemKind.QUOTE, "vanished"),
        brief_title=v1.title,
        item_text="A sentence nobody in this brief ever said about lighthouses.",
        body="orphan",
        now=NOW,
    )
    assert notes.reanchor(v1) == (0, 1)
    stored = notes.get_note(note.uid)
    assert stored.detached and stored.item_id == "vanished"


def test_reanchor_keeps_the_brief_title_current(notes: Annotations) -> None:
    v1 = revision("v1")
    note = write(notes, v1, WAGES, "x")
    mark(notes, v1, WAGES)
    renamed = replaced(v1, title="Harbour talks: day two")
    notes.reanchor(renamed)
    assert notes.get_note(note.uid).brief_title == "Harbour talks: day two"
    assert notes.all_bookmarks()[0].brief_title == "Harbour talks: day two"


def test_reanchor_leaves_other_briefs_alone(notes: Annotations) -> None:
    other = notes.add_note(
        Anchor("other", ItemKind.QUOTE, "ana-night-shifts"),
        brief_title="Other",
        item_text="?",
        body="o",
        now=NOW,
    )
    notes.reanchor(revision("v3_deleted"))
    assert notes.get_note(other.uid) == other


def test_bookmarks_follow_the_same_anchoring(notes: Annotations) -> None:
    v1 = revision("v1")
    mark(notes, v1, NIGHT_SHIFTS)
    mark(notes, v1, INSPECTION, minutes=1)
    mark(notes, v1, FOG, minutes=2)

    def state() -> dict[str, bool]:
        return {b.item_id: b.detached for b in notes.bookmarks_for_brief(BRIEF_ID)}

    assert notes.reanchor(revision("v2_moved")) == (2, 0)
    assert state() == {"ana-shifts": False, "crane-inspection": False, "ana-fog": False}
    assert notes.reanchor(revision("v3_deleted")) == (0, 2)
    assert state() == {"ana-shifts": True, "crane-inspection": True, "ana-fog": False}
    assert notes.counts() == {BRIEF_ID: (0, 3)}
    assert notes.reanchor(revision("v4_back")) == (2, 0)
    assert state() == {"ana-night-shifts": False, "inspection": False, "ana-fog": False}
    # Un-bookmarking after the round trip finds the re-attached bookmark.
    assert mark(notes, v1, NIGHT_SHIFTS) is False


def test_bookmark_that_collides_with_an_existing_one_is_kept_detached(notes: Annotations) -> None:
    v1, v2 = revision("v1"), revision("v2_moved")
    mark(notes, v1, NIGHT_SHIFTS)
    # Someone bookmarked the new id in v2 before the old bookmark was moved there.
    mark(notes, v2, Anchor(BRIEF_ID, ItemKind.QUOTE, "ana-shifts"), minutes=1)
    notes.reanchor(v2)
    bookmarks = notes.bookmarks_for_brief(BRIEF_ID)
    assert len(bookmarks) == 2  # nothing dropped
    assert sorted((b.item_id, b.detached) for b in bookmarks) == [
        ("ana-night-shifts", True),
        ("ana-shifts", False),
    ]


# Merging exports ----------------------------------------------------------------------------------


def some_notes(notes: Annotations) -> list[Note]:
    v1 = revision("v1")
    write(notes, v1, NIGHT_SHIFTS, "Which cranes?")
    write(notes, v1, WAGES, "Ask for *the figure*.\n\nAnd the date.", minutes=1)
    write(notes, v1, INSPECTION, "Who writes it?", minutes=2)
    # Sub-second times must survive a round trip too.
    notes.add_note(
        FOG,
        brief_title=v1.title,
        item_text="Fog held three ships outside the breakwater this morning.",
        body='Ünïcödé and "quotes" and a tab\there',
        now=NOW + timedelta(microseconds=123456),
    )
    notes.add_note(
        Anchor(BRIEF_ID, ItemKind.QUOTE, "gone"),
        brief_title=v1.title,
        item_text="A sentence nobody in this brief ever said about lighthouses.",
        body="detached one",
        now=at(3),
    )
    notes.reanchor(v1)
    stored = notes.all_notes()
    assert any(n.detached for n in stored)
    return stored


def exported(stored: list[Note], fmt: str) -> str:
    data = export_data(stored, [], {}, NOW)
    return to_json(data) if fmt == "json" else to_toml(data)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_same_export_twice_adds_nothing(notes: Annotations, fmt: str) -> None:
    stored = some_notes(notes)
    text = exported(stored, fmt)
    assert notes.merge_notes(parse_export(text, fmt, f"notes.{fmt}")) == (0, 0, len(stored))
    assert notes.merge_notes(parse_export(text, fmt, f"notes.{fmt}")) == (0, 0, len(stored))
    assert notes.all_notes() == stored


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_round_trip_into_a_fresh_store(notes: Annotations, tmp_path: Path, fmt: str) -> None:
    stored = some_notes(notes)
    fresh = Annotations(Store(tmp_path / "fresh" / "briefing.db"))
    text = exported(stored, fmt)
    assert fresh.merge_notes(parse_export(text, fmt, f"notes.{fmt}")) == (len(stored), 0, 0)
    assert fresh.all_notes() == stored
    assert fresh.merge_notes(parse_export(text, fmt, f"notes.{fmt}")) == (0, 0, len(stored))
    assert fresh.all_notes() == stored
    fresh.store.close()


def test_a_different_note_with_the_same_uid_is_kept_beside(
    notes: Annotations, tmp_path: Path
) -> None:
    v1 = revision("v1")
    mine = write(notes, v1, WAGES, "my version")
    theirs = dataclasses.replace(mine, body="their version", updated=at(9))
    assert notes.merge_notes([theirs]) == (0, 1, 0)
    stored = notes.notes_for_brief(BRIEF_ID)
    assert len(stored) == 2
    assert notes.get_note(mine.uid) == mine  # not overwritten
    [beside] = [n for n in stored if n.uid != mine.uid]
    assert beside.body == "their version"
    assert beside.anchor == mine.anchor
    # Importing the same file again adds nothing.
    assert notes.merge_notes([theirs]) == (0, 0, 1)
    assert len(notes.all_notes()) == 2
    # ...and neither does exporting everything and importing it back.
    text = exported(notes.all_notes(), "json")
    assert notes.merge_notes(parse_export(text, "json", "all.json")) == (0, 0, 2)
    assert len(notes.all_notes()) == 2


def test_merge_of_a_new_note(notes: Annotations) -> None:
    v1 = revision("v1")
    mine = write(notes, v1, WAGES, "mine")
    other = dataclasses.replace(mine, uid="f" * 32, body="from another machine")
    assert notes.merge_notes([other, mine]) == (1, 0, 1)
    assert {n.uid for n in notes.all_notes()} == {mine.uid, other.uid}
