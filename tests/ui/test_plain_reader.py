"""The plain reader end to end (issue 19): ``briefing`` on a dumb terminal, in a real pty.

Done means: on the seed brief with ``TERM=dumb`` the output holds no escape sequence and
no box drawing; keys reach the quote "intense" and read it with its speaker; a note
added there is in the store and the Textual reader shows it (a Pilot test on the same
store); the agenda reads the truce deadline in words.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from kit import fixed_clock

from briefing.plain.session import PlainReader
from briefing.plain.terminal import LineInput, Voice
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList

from .test_notes import write_note
from .uihelpers import plain, settle

if sys.platform == "win32":  # pragma: no cover - pseudo-terminals are POSIX only
    pytest.skip("pseudo-terminal tests need a POSIX system", allow_module_level=True)

from ptyutil import START_TIMEOUT, PtyApp, briefing_command  # noqa: E402

SEED = Path("sample_briefs") / "us-china-trade-talks-kuala-lumpur.toml"
NOW_ARG = "2025-10-26T14:00+03:00"
NOTE = "ask about the tone"
BOX_DRAWING = re.compile("[\u2500-\u259f]")
"""Box drawing and block elements: what a screen reader reads as noise."""


def dumb_terminal(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LINES", "COLUMNS", "COLORTERM", "FORCE_COLOR", "BRIEFING_A11Y")
        and not key.startswith("TEXTUAL")
    }
    env.update(TERM="dumb", TZ="UTC", **extra)
    return env


def plain_session(*keys: str, wait: str) -> tuple[PtyApp, str]:
    """Run ``briefing SEED`` on a dumb terminal, press ``keys``, wait for ``wait``."""
    app = PtyApp([str(briefing_command()), "--now", NOW_ARG, str(SEED)], env=dumb_terminal())
    app.wait_for_all("Brief: US, China agree", "\n>", timeout=START_TIMEOUT)
    app.press(*keys)
    return app, app.wait_for(wait)


def test_the_plain_reader_reads_the_quote_takes_a_note_and_says_the_agenda_in_words() -> None:
    app = PtyApp(
        [str(briefing_command()), "--now", NOW_ARG, str(SEED)], env=dumb_terminal(), rows=60
    )
    try:
        app.wait_for_all("Brief: US, China agree", "\n>", timeout=START_TIMEOUT)
        app.press("3")
        app.wait_for("Quotes, 1 of 8. Li Chenggang, Trade Representative, China: preliminary")
        app.press("j")
        app.wait_for("Quotes, 2 of 8. Li Chenggang, Trade Representative, China: intense.")
        app.press("enter")
        app.wait_for_all("Quote: intense", "Speaker: Li Chenggang", "Source: Told reporters")
        app.press("n")
        app.wait_for("end with a line holding only a full stop")
        app.press(NOTE, "enter", ".", "enter")
        app.wait_for("Note saved on Quotes, item 2.")
        app.press("r")
        app.wait_for("China: intense. 1 note.")
        app.press("A")
        app.wait_for("End of agenda.")
        app.press("q")
        assert app.wait_exit() == 0, app.dump()
        transcript = bytes(app.raw).decode("utf-8").replace("\r\n", "\n")
    finally:
        app.close()
    print(transcript)  # the closing note's transcript, with -s
    # The truce falls due at the end of 10 November in Kuala Lumpur (16:00 UTC); --now
    # starts a clock at 11:00 UTC that runs on, so a few seconds under 15 days 5 hours.
    truce = (
        "Temporary US-China tariff truce expires, due in 15 days and 4 hours, on 10 November 2025"
    )
    assert truce in transcript
    raw = bytes(app.raw)
    assert b"\x1b" not in raw and b"\x9b" not in raw, raw[-400:]
    assert not BOX_DRAWING.search(raw.decode("utf-8")), transcript
    # Nothing redrawn: every carriage return is the terminal's own, before a line feed.
    assert re.search(rb"\r(?!\n)", raw) is None and b"\x08" not in raw
    assert "Traceback" not in transcript
    database = Path(os.environ["BRIEFING_DATA_DIR"]) / "briefing.db"
    with contextlib.closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT kind, item_id, body FROM notes").fetchall()
    assert rows == [("quote", "li-intense", NOTE)]


async def test_a_note_from_the_plain_reader_is_shown_by_the_textual_reader(
    make_app, seed_brief_path: Path
) -> None:
    app_in_pty, _screen = plain_session("3", "j", ":", f"note {NOTE}\r", "q", wait="Goodbye.")
    try:
        assert app_in_pty.wait_exit() == 0, app_in_pty.dump()
    finally:
        app_in_pty.close()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "j")
        await settle(pilot)
        quotes = screen.query_one("#quotes", ItemList)
        assert quotes.highlighted_id == "li-intense"
        panel = screen.query_one("NotesPanel")
        assert NOTE in plain(panel), plain(panel)


async def test_a_note_from_the_textual_reader_is_read_by_the_plain_reader(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await write_note(pilot, "from the panes")
    out = io.StringIO()
    reader = PlainReader(
        Voice(out),
        LineInput(io.StringIO("3\nnext\nread\n")),
        fixed_clock(),
        Annotations(Store(paths.database_file())),
        [seed_brief_path.parent],
    )
    reader.open_brief(seed_brief_path)
    reader.run()
    said = out.getvalue()
    assert "Quotes, 2 of 8. Li Chenggang, Trade Representative, China: intense. 1 note." in said
    assert "\nfrom the panes\nEnd of item." in said
