"""Opening a brief does work in proportion to what it shows, not to the brief's size (issue 15).

What is new to the user was found by digesting every item of the brief and reading every
item the user had seen of it, on every opening: ~60 ms of CPU in a thread and ~90 ms on
the UI thread for a 20,000-quote brief, while its first frames were drawn. A version
whose every item the user has seen is now remembered by its file's digest, and opening
it again digests nothing. The participants table measured the height of every row
(twice) before its first frame; it now measures the rows it shows.

These tests count calls (they time nothing), so they fail when the design regresses,
and check that what is flagged as new stays right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.core import changes
from briefing.storage.store.seen import SeenItems
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets import participant_table
from briefing.ui.widgets.participant_table import ParticipantTable

from .test_live import QUOTE_ID, copy_seed, edit_seed, reload_now
from .test_virtual_list import load_generator
from .uihelpers import NARROW, screen_text, settle

FLAGGED = {("quote", QUOTE_ID), ("quote", "added-later")}
PEOPLE = 2_000
MEASURED_AT_MOST = 150
"""Participant rows measured on opening: those of a screen and a margin, not 2,000."""


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry per pass over every item: ``digests`` (each item digested), ``seen`` (each
    seen item of a brief read from the store)."""
    done: list[str] = []
    real_digests, real_seen = changes.item_digests, SeenItems.seen

    def digests(brief: Any) -> Any:
        done.append("digests")
        return real_digests(brief)

    def seen(self: SeenItems, brief_id: str) -> Any:
        done.append("seen")
        return real_seen(self, brief_id)

    monkeypatch.setattr(changes, "item_digests", digests)
    monkeypatch.setattr(SeenItems, "seen", seen)
    return done


async def visit(make_app: Any, path: Path, *keys: str) -> set[tuple[str, str]]:
    """Open ``path``, press ``keys``, leave with escape; what was flagged on opening."""
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        flagged = set(screen.live.unseen)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("escape")  # saves what was seen
        await settle(pilot)
    return flagged


async def test_a_brief_opened_again_after_all_was_seen_digests_no_item(
    make_app: Any, samples_dir: Path, tmp_path: Path, passes: list[str]
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    assert await visit(make_app, path) == set()  # a first visit: nothing is new yet
    passes.clear()
    assert await visit(make_app, path) == set()
    assert passes == []


async def test_items_left_unseen_are_flagged_again_on_the_next_visit(
    make_app: Any, samples_dir: Path, tmp_path: Path, passes: list[str]
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    await visit(make_app, path)
    edit_seed(path)
    assert await visit(make_app, path) == FLAGGED
    assert await visit(make_app, path) == FLAGGED  # never looked at: still new
    assert await visit(make_app, path, "u", "u") == FLAGGED  # now both seen
    passes.clear()
    assert await visit(make_app, path) == set()
    assert passes == []  # every item of this version seen: nothing digested


async def test_a_change_after_an_opening_without_digests_is_reloaded_with_its_changes(
    make_app: Any, samples_dir: Path, tmp_path: Path, passes: list[str]
) -> None:
    path = copy_seed(samples_dir, tmp_path)
    await visit(make_app, path)
    passes.clear()
    app = make_app(path=path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert passes == []
        edit_seed(path)
        await reload_now(pilot, screen)
        assert screen.live.last_changes is not None
        assert screen.live.last_changes.added == {("quote", "added-later")}
        assert screen.live.last_changes.edited == {("quote", QUOTE_ID)}
        assert screen.live.unseen == FLAGGED


def list_text(app: Any, widget: Any) -> str:
    """What the screen shows inside ``widget``, words joined by single spaces."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return " ".join(" ".join(line[region.x : region.right] for line in lines).split())


@pytest.fixture(scope="module")
def many_people(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("people") / "people.toml"
    load_generator().big(1, 50, PEOPLE, path)
    return path


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per participant row whose height was measured."""
    rows: list[int] = []
    real = participant_table.row_height

    def counting(cells: Any, widths: Any) -> int:
        rows.append(1)
        return real(cells, widths)

    monkeypatch.setattr(participant_table, "row_height", counting)
    return rows


async def test_opening_2000_participants_measures_the_rows_shown(
    make_app: Any, many_people: Path, measured: list[int]
) -> None:
    app = make_app(path=many_people)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ParticipantTable)
        assert table.row_count == PEOPLE
        assert 0 < len(measured) <= MEASURED_AT_MOST


async def test_g_in_2000_participants_shows_the_last_measured_where_it_lands(
    make_app: Any, many_people: Path, measured: list[int]
) -> None:
    app = make_app(path=many_people)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        table = screen.query_one(ParticipantTable)
        await pilot.press("2", "G")
        await pilot.pause()
        last = screen.brief.participants[-1].name
        assert table.highlighted_id == screen.brief.participants[-1].id
        assert last.split()[0] in list_text(app, table)
        assert len(measured) <= 2 * MEASURED_AT_MOST
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        row = table.cursor_row
        assert screen.brief.participants[row].name.split()[0] in list_text(app, table)
