"""The kit's snapshot part: a reader with everything that moves frozen, and ways into it.

Frozen: the clock (:data:`kit.NOW`), the theme, animations (``animation_level =
"none"``), the cursor blink of every input, the terminal size (each test gives
it), and the store and drafts (under the test's ``tmp_path``, through the
isolated environment). Paths are relative to the repository root, which the
``snapshot_app`` fixture of ``tests/ui/conftest.py`` makes the current folder,
so the status lines show the same path on every machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from briefing.core.anchors import Anchor, ItemKind
from briefing.storage.paths import database_file
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.launch import build_app

from . import NOW, fixed_clock
from .pilot import NARROW, SEED_FILE, SEED_ID, SEED_TITLE, WIDE, settle

LIBRARY = "sample_briefs"
SEED = f"{LIBRARY}/{SEED_FILE}"
THEMES = ("briefing-dark", "briefing-light", "briefing-high-contrast")

SIZES = pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
"""Run a snapshot test at both layouts (one pane at a time; every pane at once)."""


def frozen_app(path: str = LIBRARY, theme: str = "briefing-dark") -> Any:
    """The reader on ``path`` (relative to the repository root) with a stopped clock."""
    app = build_app(path=path, theme=theme, clock=fixed_clock())
    app.animation_level = "none"
    return app


def still(pilot: Pilot[Any]) -> None:
    """Stop the cursor of every input and text area on screen from blinking."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press ``keys``, let the app settle and freeze the cursors."""
    await pilot.press(*keys)
    await settle(pilot)
    still(pilot)
    await pilot.pause()


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the app run until ``condition()`` holds, then settle and freeze the cursors."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await pilot.pause(0.02)
    await press(pilot)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` key by key (letters, digits and spaces)."""
    await press(pilot, *("space" if char == " " else char for char in text))


def seed_annotations() -> None:
    """Two notes and two bookmarks on the seed brief, made through the store API at NOW."""
    store = Store(database_file())
    try:
        notes = Annotations(store)
        quote = Anchor(SEED_ID, ItemKind.QUOTE, "li-intense")
        person = Anchor(SEED_ID, ItemKind.PARTICIPANT, "bessent")
        notes.add_note(
            quote,
            brief_title=SEED_TITLE,
            item_text="intense",
            body="Ask about the rare earths timeline",
            now=NOW,
        )
        notes.add_note(
            person,
            brief_title=SEED_TITLE,
            item_text="Scott Bessent",
            body="Check his Senate testimony",
            now=NOW,
        )
        notes.toggle_bookmark(quote, brief_title=SEED_TITLE, item_text="intense", now=NOW)
        notes.toggle_bookmark(person, brief_title=SEED_TITLE, item_text="Scott Bessent", now=NOW)
    finally:
        store.close()
