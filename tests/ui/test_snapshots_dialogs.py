"""Snapshots of the reader's dialogs over the seed brief: the note editor, the questions
(discard, delete, quit), the export dialog, the speaker picker, the draft offer, and the
detail screens of a quote and a participant.

Frozen as in ``kit.snapshots``: the clock at 2025-10-26 11:00 UTC, the dark theme, no
animations, no cursor blink, the store and drafts under tmp_path. Update with
``pytest tests/ui/test_snapshots_dialogs.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import PosixPath

import pytest
from kit import NOW
from kit.snapshots import SEED, SIZES, frozen_app, press, seed_annotations, type_text

from briefing.storage import paths
from briefing.storage.paths import data_dir
from briefing.storage.store.drafts import Draft, save_draft

from .uihelpers import NARROW, SEED_ID, SEED_TITLE, settle

pytestmark = pytest.mark.usefixtures("at_repo_root")


async def on_second_quote(pilot) -> None:
    """The seed brief open, the cursor on its second quote ("intense")."""
    await settle(pilot)
    await press(pilot, "3", "j")


@SIZES
def test_note_editor(snap_compare, size) -> None:
    """You should see the note editor over the seed brief: a box "New note on quote “intense”",
    a text area titled "Note (Markdown)" holding "Ask about rare earths" with the cursor after
    it, and the footer "^s Save  esc Close".
    """

    async def run_before(pilot) -> None:
        await on_second_quote(pilot)
        await press(pilot, "n")
        await type_text(pilot, "Ask about rare earths")

    assert snap_compare(frozen_app(SEED), terminal_size=size, run_before=run_before)


def test_discard_question(snap_compare) -> None:
    """You should see, over the note editor holding "unsent", the question that escape asks
    when a new note has text: "Discard this note?" with the buttons "Discard (y)",
    "Keep editing (n)" and "Save as draft (s)".
    """

    async def run_before(pilot) -> None:
        await on_second_quote(pilot)
        await press(pilot, "n")
        await type_text(pilot, "unsent")
        await press(pilot, "escape")

    assert snap_compare(frozen_app(SEED), terminal_size=NARROW, run_before=run_before)


def test_delete_question(snap_compare) -> None:
    """You should see the question that ``d`` asks on the quote "intense", which has a note:
    "Delete this note on quote “intense”?", the note "Ask about the rare earths timeline",
    and the buttons "Keep (n)" and "Delete (y)"; behind it the quote marked "✎1 ★" and the
    notes panel "★ bookmarked  ✎ 1 note on quote “intense”".
    """

    async def run_before(pilot) -> None:
        await on_second_quote(pilot)
        await press(pilot, "d")

    seed_annotations()
    assert snap_compare(frozen_app(SEED), terminal_size=NARROW, run_before=run_before)


def test_quit_question(snap_compare) -> None:
    """You should see the question that ``ctrl+q`` asks while a note is being typed ("half
    written"): "1 note not saved. Quit anyway?" with the buttons "Keep as draft and quit
    (s)", "Keep editing (n)" and "Discard and quit (y)" stacked, one a line, whole at 80x24.
    """

    async def run_before(pilot) -> None:
        await on_second_quote(pilot)
        await press(pilot, "n")
        await type_text(pilot, "half written")
        await press(pilot, "ctrl+q")

    assert snap_compare(frozen_app(SEED), terminal_size=NARROW, run_before=run_before)


@SIZES
def test_export_dialog(snap_compare, size, monkeypatch: pytest.MonkeyPatch) -> None:
    """You should see the export dialog that ``x`` opens in the seed brief: "Export", the
    formats "Markdown notes" (chosen), "JSON notes", "TOML notes" and "Deadlines (iCalendar)",
    the box "Only this brief: US, China agree on preliminary trade deal in Mala…" ticked, the
    path in "/home/reader/Documents" (the documents folder is frozen) shown by its end,
    "…-Malaysia-officials-say.md", the buttons "Cancel" and "Export (ctrl+s)", and
    "esc Cancel  ^s Export".
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "x")

    monkeypatch.setattr(paths, "documents_dir", lambda: PosixPath("/home/reader/Documents"))
    assert snap_compare(frozen_app(SEED), terminal_size=size, run_before=run_before)


@SIZES
def test_speaker_picker(snap_compare, size) -> None:
    """You should see the picker that ``s`` opens in the quotes: "Filter quotes by speaker",
    "All speakers (8)" first (highlighted), then "Scott Bessent  2", "Li Chenggang  5" and
    "Donald Trump  1", and "esc Cancel" in the footer.
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "3", "s")

    assert snap_compare(frozen_app(SEED), terminal_size=size, run_before=run_before)


def test_draft_offer(snap_compare) -> None:
    """You should see, on start, the offer of a draft left behind: "1 unsaved note draft from
    2025-10-26 11:00 on US, China agree on preliminary trade deal in Malaysia, officials say:",
    the draft's text "Remember to ask about soybeans", and the buttons "Restore (r)",
    "Discard (d)" and "Later (l)".
    """
    save_draft(
        data_dir(),
        Draft(SEED_ID, SEED_TITLE, "quote", "li-intense", "intense",
              "Remember to ask about soybeans", NOW.isoformat()),
    )  # fmt: skip

    assert snap_compare(frozen_app(SEED), terminal_size=NARROW, run_before=settle)


@SIZES
def test_quote_detail(snap_compare, size) -> None:
    """You should see the detail of the quote "intense" (enter on it), headed "Quote":
    "“intense”" in bold, then the fields Speaker, Role, Affiliation, "Said: 2025-10-26",
    "Source: Told reporters" and Context, each once (no credit line or context above them),
    in a box over the brief, and "esc Back  n Note  b Bookmark  c Copy" in the footer.
    """

    async def run_before(pilot) -> None:
        await on_second_quote(pilot)
        await press(pilot, "enter")

    assert snap_compare(frozen_app(SEED), terminal_size=size, run_before=run_before)


def test_participant_detail(snap_compare) -> None:
    """You should see the detail of the first participant (2 then enter) at 80x24: "He
    Lifeng", "Role: Vice Premier", "Affiliation: China", "Side: China", "Notes: Led the
    Chinese delegation in Kuala Lumpur.", then "Quotes (0)" and "No quotes by this
    participant in this brief.", and "esc Back  n Note  b Bookmark  c Copy" in the footer.
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "2", "enter")

    assert snap_compare(frozen_app(SEED), terminal_size=NARROW, run_before=run_before)
