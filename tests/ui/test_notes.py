"""Notes and bookmarks in the reader: write, edit, discard, delete, list, jump, keep, re-anchor,
edit in $EDITOR, export."""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from briefing.core.anchors import ItemKind
from briefing.storage.store.notes import Annotations
from briefing.ui.app import BriefingApp
from briefing.ui.screens.annotations_list import AnnotationsScreen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.confirm import ChoiceScreen, ConfirmScreen
from briefing.ui.screens.export import ExportScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.note_editor import NoteEditorScreen
from briefing.ui.widgets.annotation_rows import AnnotationRows
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.library_table import LibraryTable
from briefing.ui.widgets.notes_panel import NotesPanel
from briefing.ui.widgets.participant_table import ParticipantTable

from .uihelpers import (
    SEED_FILE,
    SEED_ID,
    cursor_key,
    option_ids,
    option_text,
    plain,
    screen_text,
    settle,
)

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
"""The two terminal sizes of the spec: one pane at a time, and every pane at once."""
NARROW = SIZES["80x24"]
QUOTE = "li-intense"
"""The second quote of the seed brief: ``3`` then ``j`` puts the cursor on it."""


# Helpers ---------------------------------------------------------------------------


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (letters, digits and spaces)."""
    await pilot.press(*("space" if char == " " else char for char in text))


async def write_note(pilot: Pilot[Any], text: str) -> None:
    """``n``, type ``text``, ``ctrl+s``: a note on the focused item."""
    await pilot.press("n")
    assert isinstance(pilot.app.screen, NoteEditorScreen), type(pilot.app.screen)
    await type_text(pilot, text)
    await pilot.press("ctrl+s")
    await wait_for_writes(pilot)
    assert not isinstance(pilot.app.screen, NoteEditorScreen)


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app run until ``condition()`` holds (it may take a refresh or two)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await pilot.pause(0.02)
    await pilot.pause()


async def wait_for_writes(pilot: Pilot[Any], timeout: float = 20) -> None:
    """Let the app run until its store writer has done every write it was given."""
    # Not getattr: were the writer to move again, this must fail, not stop waiting.
    app = pilot.app
    assert isinstance(app, BriefingApp)
    writer = app.notes_keeper.writer
    deadline = time.monotonic() + timeout
    while writer is not None and writer.pending:
        assert time.monotonic() < deadline, "the store writer did not finish in time"
        await pilot.pause(0.02)
    await pilot.pause()


def stored_notes(app: Any, brief_id: str = SEED_ID) -> list[Any]:
    return Annotations(app.store).notes_for_brief(brief_id)


def stored_bookmarks(app: Any, brief_id: str = SEED_ID) -> list[Any]:
    return Annotations(app.store).bookmarks_for_brief(brief_id)


def panel_text(app: Any) -> str:
    """The notes strip's text; "" when it is hidden or not built yet (nothing to show so far)."""
    panels = app.screen.query(NotesPanel)
    return plain(panels.first()) if panels and panels.first().display else ""


def messages(app: Any) -> list[str]:
    """The text (title and message) of every notification still on screen."""
    return [f"{n.title or ''} {n.message}" for n in app._notifications]


def quote_mark(screen: BriefScreen, quote_id: str = QUOTE) -> str:
    """The start of a quote's row: its mark, if any."""
    return option_text(screen.query_one("#quotes", ItemList), quote_id)


def seed_copy(tmp_path: Path, samples_dir: Path) -> Path:
    """The seed brief copied to a folder of its own (so that a test can rewrite it)."""
    folder = tmp_path / "briefs"
    folder.mkdir(exist_ok=True)
    target = folder / SEED_FILE
    shutil.copy(samples_dir / SEED_FILE, target)
    return target


# Writing, editing, discarding, deleting ------------------------------------------------


@pytest.mark.parametrize("size", list(SIZES))
async def test_note_on_a_quote_is_saved_marked_and_shown(
    make_app, seed_brief_path: Path, size: str
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZES[size]) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "j")
        assert screen.query_one("#quotes", ItemList).highlighted_id == QUOTE
        assert not panel_text(app)

        await write_note(pilot, "ask Li")
        assert app.screen is screen
        [note] = stored_notes(app)
        assert (note.kind, note.item_id, note.body) == (ItemKind.QUOTE, QUOTE, "ask Li")
        assert note.item_text == "intense"
        assert quote_mark(screen).startswith("✎1 ")
        assert not quote_mark(screen, "li-tough").startswith("✎")
        assert "ask Li" in panel_text(app)
        shown = screen_text(app)
        assert "✎1" in shown
        assert "ask Li" in shown

        # The panel follows the cursor: another quote has no notes, back again shows them.
        await pilot.press("j")
        assert not panel_text(app)
        await pilot.press("k")
        assert "ask Li" in panel_text(app)


async def test_the_notes_strip_is_built_when_an_item_first_has_notes(
    make_app, seed_brief_path: Path
) -> None:
    """A brief whose items have no notes and no bookmark opens without the strip (hidden in
    its first frame, it cost the frame ~1 ms to build); the first note shows it below the panes."""
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query(NotesPanel)
        await pilot.press("3", "j")
        assert not screen.query(NotesPanel)
        await write_note(pilot, "ask Li")
        assert "ask Li" in panel_text(app)
        # Where it was composed before: right below the panes.
        order = [child.id for child in screen.children]
        assert order[order.index("panes") + 1] == "notes-panel"


async def test_E_edits_escape_asks_before_discarding_and_d_deletes(
    make_app, seed_brief_path: Path, clock
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "j")
        await write_note(pilot, "one")

        # E opens the latest note with its text; ctrl+s saves the change.
        clock.advance(60)
        await pilot.press("E")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "one"
        await type_text(pilot, " two")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        await pilot.pause()
        assert app.screen is screen
        [note] = stored_notes(app)
        assert note.body == "one two"
        assert note.updated > note.created
        assert "one two" in panel_text(app)

        # escape without a change closes at once.
        await pilot.press("E")
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press("escape")
        assert app.screen is screen

        # escape with a change asks; "n" keeps editing, with the change still there.
        await pilot.press("E")
        editor = app.screen
        await type_text(pilot, " 3")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen)
        assert "Discard" in screen_text(app)
        await pilot.press("n")
        assert app.screen is editor
        assert editor.query_one(TextArea).text == "one two 3"
        # ... "y" discards it: the stored note is unchanged.
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert [n.body for n in stored_notes(app)] == ["one two"]
        assert " 3" not in panel_text(app)

        # A new note that is discarded is not saved either.
        await pilot.press("n")
        await type_text(pilot, "x")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is screen
        assert len(stored_notes(app)) == 1

        # d asks first: "n" keeps the note, "y" deletes it and the mark goes.
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "one two" in screen_text(app)
        await pilot.press("n")
        assert app.screen is screen
        assert len(stored_notes(app)) == 1
        await pilot.press("d")
        await pilot.press("y")
        await wait_for_writes(pilot)
        await pilot.pause()
        assert app.screen is screen
        assert stored_notes(app) == []
        assert not quote_mark(screen).startswith("✎")
        assert not panel_text(app)

        # With no note, E and d say so instead of opening anything.
        await pilot.press("E")
        assert app.screen is screen
        await pilot.press("d")
        assert app.screen is screen
        assert any("No note on this item" in m for m in messages(app))


async def test_notes_on_every_kind_of_item(make_app, seed_brief_path: Path, clock) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        await write_note(pilot, "sum")  # the summary has the focus at first
        assert "sum" in panel_text(app)

        await pilot.press("2", "j")  # bessent
        await write_note(pilot, "Scott")
        participants = screen.query_one("#participants", ParticipantTable)
        assert cursor_key(participants) == "bessent"
        assert str(participants.get_cell("bessent", "name")).startswith("✎1 ")
        assert "Scott" in panel_text(app)

        await pilot.press("4")  # soonest first: the Trump-Xi meeting
        await write_note(pilot, "mtg")
        await pilot.press("5", "G")  # the latest event
        await write_note(pilot, "deal")
        await pilot.press("6", "j")  # China's peak tariff
        await write_note(pilot, "fig")

        kinds = {(n.kind, n.item_id): n.body for n in stored_notes(app)}
        assert kinds == {
            (ItemKind.SUMMARY, ""): "sum",
            (ItemKind.PARTICIPANT, "bessent"): "Scott",
            (ItemKind.DEADLINE, "trump-xi-meeting"): "mtg",
            (ItemKind.EVENT, "preliminary-deal"): "deal",
            (ItemKind.FIGURE, "china-tariff-peak"): "fig",
        }
        for section, item_id in [
            ("deadlines", "trump-xi-meeting"),
            ("timeline", "preliminary-deal"),
            ("figures", "china-tariff-peak"),
        ]:
            assert option_text(screen.query_one(f"#{section}", ItemList), item_id).startswith("✎1 ")
        assert "fig" in panel_text(app)
        await pilot.press("1")
        assert "sum" in panel_text(app)


@pytest.mark.parametrize("size", list(SIZES))
async def test_b_bookmarks_an_item_and_the_brief_from_the_summary(
    make_app, seed_brief_path: Path, size: str
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZES[size]) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("4", "j", "b")  # the tariff truce
        [bookmark] = stored_bookmarks(app)
        assert (bookmark.kind, bookmark.item_id) == (ItemKind.DEADLINE, "tariff-truce-expiry")
        deadlines = screen.query_one("#deadlines", ItemList)
        assert option_text(deadlines, "tariff-truce-expiry").startswith("★ ")
        assert "★" in panel_text(app)
        assert "★" in screen_text(app)

        # A note beside the bookmark: both marks.
        await write_note(pilot, "watch")
        assert option_text(deadlines, "tariff-truce-expiry").startswith("✎1 ★ ")

        # b on the summary bookmarks the brief as a whole; the summary shows its star.
        await pilot.press("1")
        assert not panel_text(app)
        await pilot.press("b")
        await wait_for_writes(pilot)
        kinds = {(b.kind, b.item_id) for b in stored_bookmarks(app)}
        assert kinds == {(ItemKind.DEADLINE, "tariff-truce-expiry"), (ItemKind.BRIEF, "")}
        assert "★" in panel_text(app)

        # b again removes it (the deadlines kept their cursor on the truce).
        await pilot.press("4", "b")
        assert {(b.kind, b.item_id) for b in stored_bookmarks(app)} == {(ItemKind.BRIEF, "")}
        assert option_text(deadlines, "tariff-truce-expiry").startswith("✎1 ")
        assert "★" not in option_text(deadlines, "tariff-truce-expiry")


# All notes (N) and all bookmarks (B) ------------------------------------------------------


async def test_N_lists_notes_newest_first_filters_and_enter_jumps_to_the_item(
    make_app, samples_dir: Path, clock
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("G", "enter")  # the seed brief: last of five, newest first
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen) and screen.brief.id == SEED_ID
        await pilot.press("3", "j")
        await write_note(pilot, "old one")
        clock.advance(60)
        await pilot.press("2")
        await write_note(pilot, "new one")

        await pilot.press("N")
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        # Listed from the store in a thread (item 18 of issue 13): wait for the count.
        await wait_until(pilot, lambda: "All notes (2)" in screen_text(app))
        rows = listing.query_one(AnnotationRows)
        bodies = [rows.row_text(index) for index in range(rows.row_count)]
        assert "new one" in bodies[0]
        assert "old one" in bodies[1]
        assert app.focused is listing.query_one(Input)

        # Typing filters as you type; words in any order.
        await type_text(pilot, "one old")
        await wait_until(pilot, lambda: "All notes (1 of 2)" in screen_text(app))
        bodies = [rows.row_text(index) for index in range(rows.row_count)]
        assert len(bodies) == 1 and "old one" in bodies[0]
        await pilot.press("enter", "enter")  # to the list, then open
        await pilot.pause()
        assert app.screen is screen
        assert screen.current == "quotes"
        assert screen.query_one("#quotes", ItemList).highlighted_id == QUOTE
        assert "old one" in panel_text(app)

        # From the library, with the brief closed: N then enter opens it at the item.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        await pilot.press("N")
        await type_text(pilot, "old")
        await pilot.press("enter", "enter")
        await settle(pilot)
        opened = app.screen
        assert isinstance(opened, BriefScreen) and opened.brief.id == SEED_ID
        await wait_until(pilot, lambda: opened.current == "quotes")
        await wait_until(
            pilot, lambda: opened.query_one("#quotes", ItemList).highlighted_id == QUOTE
        )
        assert app.focused is opened.query_one("#quotes")
        # ... and stays there: the new screen's first focus and tab must not pull it back.
        switches: list[str] = []

        def switched(section: str) -> None:
            switches.append(section)

        opened.watch(opened, "current", switched, init=False)
        await pilot.pause(0.3)
        assert switches == [] and opened.current == "quotes"
        assert quote_mark(opened).startswith("✎1 ")
        assert "old one" in panel_text(app)

        # escape closes the list without going anywhere.
        await pilot.press("N", "escape")
        assert app.screen is opened


async def test_B_lists_bookmarks_and_enter_jumps_to_the_deadline(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        await pilot.press("G", "enter")
        await settle(pilot)
        screen = app.screen
        await pilot.press("4", "j", "b")  # the tariff truce
        await pilot.press("1", "j")  # somewhere else
        await pilot.press("B")
        listing = app.screen
        assert isinstance(listing, AnnotationsScreen)
        assert "All bookmarks (1)" in screen_text(app)
        assert "Temporary US-China tariff truce expires" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current == "deadlines"
        assert screen.query_one("#deadlines", ItemList).highlighted_id == "tariff-truce-expiry"

        # A note too, then back to the library: its Notes column counts both.
        await write_note(pilot, "truce")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        table = library.query_one(LibraryTable)
        seed_key = str(samples_dir / SEED_FILE)
        assert str(table.get_cell(seed_key, "title")).startswith("✎1 ★1 US, China agree")
        # 80 columns show title, date and countdown; the Notes column comes into view wider.
        await pilot.resize_terminal(*SIZES["120x40"])
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "US, China agree" in line)
        assert "✎1 ★1" in row
        # Other briefs have no marks.
        others = [key for key in table.keys if key != seed_key]
        assert all(not str(table.get_cell(key, "title")).startswith(("✎", "★")) for key in others)


async def test_n_on_a_library_row_notes_the_brief_as_a_whole(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        await pilot.press("G")
        await write_note(pilot, "all")
        assert app.screen is library
        [note] = stored_notes(app)
        assert (note.kind, note.item_id, note.body) == (ItemKind.BRIEF, "", "all")
        table = library.query_one(LibraryTable)
        # ● : never opened; ✎1 : the note just written.
        assert str(table.get_cell(str(samples_dir / SEED_FILE), "title")).startswith(
            "● ✎1 US, China agree"
        )
        # b on the row bookmarks it.
        await pilot.press("b")
        await wait_for_writes(pilot)
        assert [(b.kind, b.item_id) for b in stored_bookmarks(app)] == [(ItemKind.BRIEF, "")]
        assert str(table.get_cell(str(samples_dir / SEED_FILE), "title")).startswith(
            "● ✎1 ★1 US, China agree"
        )


# Keeping notes across runs and revisions --------------------------------------------------


async def test_notes_survive_a_restart(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await write_note(pilot, "kept")
        await pilot.press("j", "b")
        await pilot.press("q")  # quits: the reader was opened on a file (issue 16 item 19)
    assert not app.is_running

    again = make_app(path=seed_brief_path)  # same BRIEFING_DATA_DIR
    async with again.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = again.screen
        await pilot.press("3", "j")
        assert quote_mark(screen).startswith("✎1 ")
        assert quote_mark(screen, "li-tough").startswith("★ ")
        assert "kept" in panel_text(again)
        assert "✎1" in screen_text(again)


async def test_a_note_follows_its_quote_to_a_new_id_and_is_detached_when_it_goes(
    make_app, tmp_path: Path, samples_dir: Path
) -> None:
    brief = seed_copy(tmp_path, samples_dir)
    app = make_app(path=brief)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await write_note(pilot, "follow")

    # The same quote under a new id.
    text = brief.read_text(encoding="utf-8")
    assert text.count('id = "li-intense"') == 1
    brief.write_text(
        text.replace('id = "li-intense"', 'id = "li-intense-renamed"'), encoding="utf-8"
    )
    app = make_app(path=brief)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        [note] = stored_notes(app)
        assert note.item_id == "li-intense-renamed" and not note.detached
        await pilot.press("3", "j")
        assert screen.query_one("#quotes", ItemList).highlighted_id == "li-intense-renamed"
        assert quote_mark(screen, "li-intense-renamed").startswith("✎1 ")
        assert "follow" in panel_text(app)

    # The quote removed from the brief: the note is kept, detached, and listed as such.
    start = text.index('[[quotes]]\nid = "li-intense"')
    end = text.index("[[quotes]]", start + 1)
    brief.write_text(text[:start] + text[end:], encoding="utf-8")
    app = make_app(path=brief)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "li-intense" not in option_ids(screen.query_one("#quotes", ItemList))
        assert any("detached" in m for m in messages(app)), messages(app)
        [note] = stored_notes(app)
        assert note.detached and note.body == "follow"
        await pilot.press("3")
        assert not any(
            option_text(screen.query_one("#quotes", ItemList), q).startswith("✎")
            for q in option_ids(screen.query_one("#quotes", ItemList))
        )
        await pilot.press("N")
        assert isinstance(app.screen, AnnotationsScreen)
        shown = screen_text(app)
        assert "follow" in shown
        assert "detached" in shown


# $EDITOR and export -------------------------------------------------------------------------


def editor_script(tmp_path: Path) -> Path:
    """An "editor" that appends " (edited)" to the file it is given, like a user would."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "from pathlib import Path\n"
        "path = Path(sys.argv[1])\n"
        "text = path.read_text(encoding='utf-8').rstrip()\n"
        "path.write_text(text + ' (edited)', encoding='utf-8')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


async def test_e_edits_the_note_in_EDITOR(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = editor_script(tmp_path)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "j")
        await write_note(pilot, "draft")

        # The headless test driver cannot suspend the app: a clear message, no crash,
        # and the note as it was (the pty test runs the editor for real).
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert any("Cannot open an external editor here" in m for m in messages(app)), messages(app)
        assert [n.body for n in stored_notes(app)] == ["draft"]

        # Where the app can step aside, the editor's text becomes the note's.
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("e")
        await pilot.pause()
        assert [n.body for n in stored_notes(app)] == ["draft (edited)"]
        assert "draft (edited)" in panel_text(app)
        assert quote_mark(screen).startswith("✎1 ")

        # An editor that fails leaves the note alone and says why.
        monkeypatch.setenv("VISUAL", "false")
        await pilot.press("e")
        await pilot.pause()
        assert [n.body for n in stored_notes(app)] == ["draft (edited)"]
        assert any("exited with status 1" in m for m in messages(app)), messages(app)


async def test_x_exports_markdown_and_asks_before_replacing(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # The dialog writes into the documents folder (issue 16 item 17): this one.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path))
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "j")
        await write_note(pilot, "export me")

        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        path = Path(dialog.query_one("#export-path", Input).value)
        assert path.parent == tmp_path and path.suffix == ".md"
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        await pilot.pause()
        assert app.screen is screen
        assert [p.name for p in tmp_path.glob("*.md")] == [path.name]
        text = path.read_text(encoding="utf-8")
        assert "> intense" in text
        assert text.index("> intense") < text.index("export me")
        assert any("Wrote" in m and path.name in m for m in messages(app)), messages(app)

        # Again: the file exists, so it asks. "n" keeps it; "y" replaces it.
        path.write_text("keep me", encoding="utf-8")
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "already exists" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert path.read_text(encoding="utf-8") == "keep me"
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert "export me" in path.read_text(encoding="utf-8")


# Quitting, drafts ----------------------------------------------------------------------


def draft_files() -> list[Path]:
    import os

    return sorted((Path(os.environ["BRIEFING_DATA_DIR"]) / "drafts").glob("draft-*.json"))


async def test_ctrl_q_with_unsaved_text_asks_and_the_draft_is_offered_at_the_next_start(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "n")
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        await type_text(pilot, "draft me")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceScreen)
        assert "not saved" in screen_text(app)
        await pilot.press("n")  # keep editing
        assert app.screen is editor and editor.text == "draft me"
        await pilot.press("ctrl+q", "s")  # keep as a draft and quit
        await pilot.pause()
    assert app.return_code in (0, None)
    assert len(draft_files()) == 1
    assert stored_notes(app) == []

    again = make_app(path=seed_brief_path)
    async with again.run_test(size=NARROW) as pilot:
        await settle(pilot)
        offer = again.screen
        assert isinstance(offer, ChoiceScreen)
        shown = screen_text(again)
        assert "1 unsaved note draft from 2025-10-26 11:00" in shown
        assert "US, China agree" in shown and "draft me" in shown
        await pilot.press("r")
        await wait_for_writes(pilot)
        [note] = stored_notes(again)
        assert (note.kind, note.item_id, note.body) == (ItemKind.QUOTE, QUOTE, "draft me")
        assert draft_files() == []


async def test_escape_can_keep_a_note_as_a_draft_and_a_draft_can_be_discarded(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "n")
        await type_text(pilot, "later")
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceScreen)
        assert "Save as draft" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert len(draft_files()) == 1
    again = make_app(path=seed_brief_path)
    async with again.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ChoiceScreen)
        await pilot.press("d")
        await pilot.pause()
        assert draft_files() == []
        assert stored_notes(again) == []


async def test_a_draft_file_with_hostile_text_or_a_time_at_the_calendar_end_is_offered_safely(
    make_app, seed_brief_path: Path
) -> None:
    from briefing.storage.paths import data_dir
    from briefing.storage.store.drafts import Draft, save_draft

    save_draft(
        data_dir(),
        Draft(SEED_ID, "Title\x1b[31m red", "quote", QUOTE, "q", "body \x1b]0;pwned\x07 [b]x[/b]",
              "0001-01-01T00:00:00+14:00"),
    )  # fmt: skip
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert "from 0001-01-01T00:00:00+14:00 on Title red" in shown
        assert "[b]x[/b]" in shown and "pwned" not in shown
        await pilot.press("r")
        await wait_for_writes(pilot)
        assert app.is_running
        assert [n.body for n in stored_notes(app)] == ["body \x1b]0;pwned\x07 [b]x[/b]"]
