"""Snapshots of the library and the seed brief, in both layouts.

Everything that moves is frozen: the clock (2025-10-26 11:00 UTC, two hours
after the seed brief was published), the theme (briefing-dark), the terminal
size and animations. The library is ``sample_briefs`` given as a relative path
from the repository root, so the status line shows the same path on every
machine. Update with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the SVGs in ``__snapshots__/`` before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from kit import fixed_clock

from briefing.ui.launch import build_app

from .uihelpers import NARROW, WIDE, settle


@pytest.fixture
def frozen_app(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The reader on ``sample_briefs`` (a relative path), a stopped clock and the dark theme."""
    monkeypatch.chdir(repo_root)
    app = build_app(path="sample_briefs", theme="briefing-dark", clock=fixed_clock())
    app.animation_level = "none"
    return app


async def library_loaded(pilot: Any) -> None:
    await settle(pilot)


async def seed_brief_open(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("G", "enter")  # the seed brief is the oldest: last when newest first
    await settle(pilot)


def test_library_narrow(snap_compare, frozen_app) -> None:
    """You should see the library at 80x24: the title line "Library · 5 briefs · sorted by
    newest first (s)", the notice "These are the bundled sample briefs. Show your own with
    briefing FOLDER, or set library = [...] in config.toml (briefing config prints where it
    is).", five rows from "Housing bill heads for a crowded final …" (highlighted)
    down to "US, China agree on preliminary trade de…" with "in 7d 05:00:00 · later" in the
    Next deadline column (the table is cut at the right edge), and at the bottom the status
    "sample: parliament-housing-bill.toml" / "next deadline: Report-stage amendments
    must be tabled" above the footer keys (⏎ Open, / Filter, s Sort, r Reload, q Quit,
    ? Help, N Notes, B Bookmarks).
    """
    assert snap_compare(frozen_app, terminal_size=NARROW, run_before=library_loaded)


def test_library_wide(snap_compare, frozen_app) -> None:
    """You should see the same library at 160x48: Title, Published and Next deadline (coloured
    by urgency, each with its word: "later"), the first row highlighted, and beside the table
    the preview of that brief (its title whole, "published 2026-11-27 · fictional, ...",
    "7 participants · 7 quotes", then its open deadlines with their countdowns); the same
    status at the bottom, and a footer with every app-wide view (p People, A Agenda...).
    """
    assert snap_compare(frozen_app, terminal_size=WIDE, run_before=library_loaded)


def test_seed_brief_narrow(snap_compare, frozen_app) -> None:
    """You should see the seed brief at 80x24 in the narrow layout: the header with the title
    "US, China agree on preliminary trade deal in Malaysia, officials say", "Türkiye Today ·
    published 2025-10-26 13:55 +03:00 · trade, tariffs, us-china,…" (cut, not wrapped), the
    line "Clock: now (a: as published) · brief 5/5" (three header rows), a tab bar "1 Summary … 6 Key figures" with Summary
    underlined, one pane "1 Summary" (accent border, focused) with the Markdown summary
    ("The United States and China reached a preliminary framework deal …"), and the footer
    (z Maximise, / Find, n Note, esc Back, 1-6 Sections, a Clock, ? Help).
    """
    assert snap_compare(frozen_app, terminal_size=NARROW, run_before=seed_brief_open)


def test_seed_brief_wide(snap_compare, frozen_app) -> None:
    """You should see the seed brief at 160x48 in the wide layout: the same header, no tab bar,
    and six bordered panes in a 3 x 2 grid: "1 Summary" (focused, accent border),
    "2 Participants (7)" (He Lifeng first), "3 Quotes (8)" ("preliminary consensus" first),
    "4 Deadlines (2)" (the Trump-Xi meeting "in 7d 05:00:00 · later", then the tariff truce
    "in 15d 05:00:00 · later"), "5 Timeline (6)" (Geneva, 2025-05-10 first) and
    "6 Key figures (4)" ("145%" first).
    """
    assert snap_compare(frozen_app, terminal_size=WIDE, run_before=seed_brief_open)
