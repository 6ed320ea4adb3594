"""A note ``briefing import-notes`` kept beside a different one shows its mark in the notes
strip and the ``N`` list (issue 16 item 16); editing it clears the mark, and no text is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import NOW
from textual.widgets import OptionList, TextArea

from briefing.core.anchors import Anchor, ItemKind
from briefing.core.annotations import Note, conflict_mark
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.screens.annotations_list import AnnotationsScreen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.widgets.annotation_rows import AnnotationRows

from .test_notes import panel_text, stored_notes, wait_for_writes, wait_until
from .uihelpers import SEED_ID, screen_text, settle

QUOTE = "li-intense"
"""The seed brief's second quote: ``3`` then ``j``."""


@pytest.fixture
def conflict(isolated_env: dict[str, Path]) -> tuple[Note, Note]:
    """A note on :data:`QUOTE`, and the different one import-notes kept beside it (marked)."""
    store = Store(paths.database_file())
    notes = Annotations(store)
    mine = notes.add_note(
        Anchor(SEED_ID, ItemKind.QUOTE, QUOTE),
        brief_title="seed",
        item_text="intense",
        body="mine: ask Li",
        now=NOW,
    )
    theirs = Note(
        mine.uid, SEED_ID, "seed", ItemKind.QUOTE, QUOTE, "intense", "theirs: ask He", NOW, NOW
    )
    assert notes.merge_notes([theirs]) == (0, 1, 0)
    marked = next(note for note in notes.all_notes() if note.uid != mine.uid)
    store.close()
    return mine, marked


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_mark_shows_in_the_strip_and_the_N_list(
    make_app, seed_brief_path: Path, conflict: tuple[Note, Note], size
) -> None:
    mine, marked = conflict
    mark = conflict_mark(marked)
    assert mark.startswith("⚠ imported: conflicts with a note of ")
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        # State: the strip holds both notes, the imported one marked.
        assert {note.uid: note.conflict_with for note in stored_notes(app)} == {
            mine.uid: "",
            marked.uid: mine.uid,
        }
        # Text: the mark is on screen, beside the notes.
        assert mark in panel_text(app) or "⚠ imported" in panel_text(app)
        assert "⚠ imported" in screen_text(app)

        await pilot.press("N")
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        await wait_until(pilot, lambda: "All notes (2)" in screen_text(app))
        rows = listing.query_one(AnnotationRows)
        texts = [rows.row_text(index) for index in range(rows.row_count)]
        assert sum(mark in text for text in texts) == 1
        assert mark in next(text for text in texts if "theirs: ask He" in text)
        assert "⚠ imported" in screen_text(app)


async def test_editing_the_marked_note_clears_the_mark_and_keeps_both_texts(
    make_app, seed_brief_path: Path, conflict: tuple[Note, Note]
) -> None:
    mine, marked = conflict
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "E")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        # The picker says which note is the imported one.
        labels = {value: label.plain for value, label in picker.choices}
        assert labels[marked.uid].startswith("⚠") and not labels[mine.uid].startswith("⚠")
        options = picker.query_one(OptionList)
        options.highlighted = [value for value, _ in picker.choices].index(marked.uid)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        editor.query_one(TextArea).text = "theirs: ask He, then Li"
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert isinstance(app.screen, BriefScreen)
        notes = {note.uid: note for note in stored_notes(app)}
        assert notes[marked.uid].body == "theirs: ask He, then Li"
        assert notes[marked.uid].conflict is None
        assert notes[mine.uid].body == "mine: ask Li"  # the other note, word for word
        await wait_until(pilot, lambda: "ask He, then Li" in panel_text(app))
        assert "⚠ imported" not in screen_text(app)
