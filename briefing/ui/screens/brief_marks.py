"""The marks of the brief screen's items, read in a thread: the message that brings them back,
and what the screen says when notes moved or lost their items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from briefing.core.models import Brief
    from briefing.storage.store.brief_notes import BriefMarks
    from briefing.storage.store.database import StoreError


class MarksRead(Message):
    """The marks of ``brief`` were read (or ``error`` says why not); handled by ``on_marks_read``."""

    def __init__(
        self, brief: Brief, asked: int, marks: BriefMarks | None, error: StoreError | None
    ) -> None:
        self.brief = brief
        self.asked = asked
        """Which read this is: only the latest one asked for is shown."""
        self.marks = marks
        self.error = error
        super().__init__()


def changes_said(moved: int, lost: int, every_note: str = "N") -> str:
    """What to tell the user of notes moved to revised items and notes newly detached."""
    said = []
    if moved:
        said.append(f"{moved} note(s) or bookmark(s) moved to revised items")
    if lost:
        said.append(f"{lost} note(s) detached: their items are gone ({every_note} lists them)")
    return "; ".join(said)
