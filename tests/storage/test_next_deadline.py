"""The library's "next deadline" of a brief is the one the agenda puts first for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kit import NOW, brief_toml

from briefing.core.library import next_open_deadline, summarize
from briefing.storage.index.agenda import agenda_of_briefs, schedule
from briefing.storage.index.people import read_briefs

MOMENTS = [
    NOW,  # both of the seed brief's deadlines ahead
    datetime(2025, 11, 5, tzinfo=UTC),  # the Trump-Xi meeting overdue, the truce ahead
    datetime(2026, 11, 30, tzinfo=UTC),  # both overdue (the walk-through's "389d" day)
]


@pytest.fixture
def library(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for sample in samples_dir.iterdir():
        (folder / sample.name).write_bytes(sample.read_bytes())
    due = [NOW - timedelta(days=3), NOW - timedelta(days=9), NOW + timedelta(days=1)]
    deadlines = [{"id": f"d{n}", "title": f"D{n}", "due": when} for n, when in enumerate(due)]
    (folder / "mixed.toml").write_text(brief_toml("Mixed", deadlines=deadlines), "utf-8")
    return folder


@pytest.mark.parametrize("now", MOMENTS)
def test_next_deadline_is_the_agendas_first(library: Path, now: datetime) -> None:
    briefs = list(read_briefs([library], UTC))
    rows = schedule(agenda_of_briefs(briefs), now)
    for path, brief in briefs:
        first = next((r.item for r in rows if r.item.path == path), None)
        chosen = next_open_deadline(summarize(brief).deadlines)
        assert (chosen.title if chosen else None) == (first.title if first else None), path.name


def test_seed_brief_names_the_trump_xi_meeting_when_both_are_overdue(library: Path) -> None:
    briefs = dict(read_briefs([library], UTC))
    seed = next(b for p, b in briefs.items() if p.name.startswith("us-china"))
    chosen = next_open_deadline(summarize(seed).deadlines)
    assert chosen is not None and chosen.title.startswith("Expected Trump-Xi meeting")
