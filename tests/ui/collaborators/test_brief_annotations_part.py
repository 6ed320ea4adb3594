"""BriefAnnotations on its own: the marks read in a thread, what is said of moved notes, the
notes panel, and a bookmark written through the store writer at the app's time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from briefing.core.anchors import KIND_OF_SECTION, ItemKind
from briefing.storage.store.brief_notes import BriefMarks
from briefing.storage.store.database import Store, StoreError
from briefing.storage.store.notes import Annotations
from briefing.ui.screens.annotating import BriefAnnotations
from briefing.ui.screens.brief_marks import MarksRead

from .standin import Screen, loaded_entry

QUOTES = [{"id": "q1", "text": "Tariffs stay"}, {"id": "q2", "text": "No deal yet"}]
Q1, Q2 = (ItemKind.QUOTE, "q1"), (ItemKind.QUOTE, "q2")


class Panel:
    """The notes panel: what it was last asked to show."""

    def __init__(self) -> None:
        self.shown: tuple[Any, ...] = ()

    def show_notes(self, subject: str, notes: list[Any], bookmarked: bool, **counts: int) -> None:
        self.shown = (subject, len(notes), bookmarked, counts.get("total", 0))


@pytest.fixture
def screen(tmp_path: Path) -> Screen:
    screen = Screen(loaded_entry(tmp_path, quotes=QUOTES))
    for section in KIND_OF_SECTION:
        screen.widgets[f"#{section}"] = SimpleNamespace()
    screen.widgets["NotesPanel"] = Panel()
    return screen


def annotations_of(screen: Screen) -> BriefAnnotations:
    return BriefAnnotations(screen)  # type: ignore[arg-type]


def marks(notes: dict[Any, int], bookmarked: set[Any], detached: int = 0) -> BriefMarks:
    return BriefMarks(notes=notes, bookmarked=bookmarked, detached=detached)


def test_marks_read_are_kept_and_worded_per_item(screen: Screen) -> None:
    part = annotations_of(screen)
    part.marks_read(MarksRead(screen.brief, 0, marks({Q1: 2}, {Q1, Q2}), None))
    assert part.note_counts == {Q1: 2} and part.bookmarked == {Q1, Q2}
    assert part.mark_for(Q1) == "✎2 ★" and part.mark_for(Q2) == "★"
    assert part.mark_for((ItemKind.FIGURE, "f9")) == ""
    assert sorted(part.keys_of(ItemKind.QUOTE)) == [Q1, Q2]
    assert screen.widgets["NotesPanel"].shown == ("the summary", 0, False, 0)  # none on it


def test_an_older_read_or_another_brief_s_marks_are_ignored(screen: Screen, tmp_path: Path) -> None:
    part = annotations_of(screen)
    part._marks_asked = 2
    part.marks_read(MarksRead(screen.brief, 1, marks({Q1: 1}, set()), None))
    other = loaded_entry(tmp_path / "other", title="Other").brief
    assert other is not None
    part.marks_read(MarksRead(other, 2, marks({Q1: 1}, set()), None))
    assert part.note_counts == {}


def test_a_failed_read_reports_the_store_and_clears_the_marks(screen: Screen) -> None:
    part = annotations_of(screen)
    part.note_counts = {Q1: 1}
    error = StoreError("database is locked")
    part.marks_read(MarksRead(screen.brief, 0, None, error))
    assert screen.briefing_app.failures == [error] and part.note_counts == {}


def test_detached_notes_are_said_once_per_session(screen: Screen) -> None:
    part = annotations_of(screen)
    part.marks_read(MarksRead(screen.brief, 0, marks({}, set(), detached=2), None))
    part.marks_read(MarksRead(screen.brief, 0, marks({}, set(), detached=2), None))
    assert screen.notified == ["2 note(s) detached: their items are gone (N lists them)"]
    part.marks_read(MarksRead(screen.brief, 0, marks({}, set(), detached=3), None))
    assert screen.notified[-1] == "1 note(s) detached: their items are gone (N lists them)"


def test_without_a_store_a_bookmark_says_so_and_writes_nothing(screen: Screen) -> None:
    part = annotations_of(screen)
    part.bookmark()
    assert screen.briefing_app.told == ["notes unavailable"]
    assert screen.briefing_app.written == []


def test_b_on_the_summary_bookmarks_the_brief_at_the_app_s_time(
    screen: Screen, tmp_path: Path
) -> None:
    app = screen.briefing_app
    app.annotations = object()
    app.clock.advance(timedelta(minutes=5).total_seconds())
    part = annotations_of(screen)
    part.bookmark()
    app.clock.advance(60)  # the write runs later, on the writer's thread: the time is the key's
    (job,), (done,) = app.written, app.when_written
    store = Store(tmp_path / "notes.db")
    on = job(store)
    assert on is True and done is not None
    done(on)
    (saved,) = Annotations(store).all_bookmarks()
    assert (saved.kind, saved.item_id, saved.brief_id) == (ItemKind.BRIEF, "", screen.brief.id)
    assert saved.created == screen.now + timedelta(minutes=5)
    assert app.told == ["Bookmarked this brief"]
