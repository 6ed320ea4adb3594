"""The people screen (``p``) and the agenda (``A``): across the library, and back into a brief."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from kit import brief_toml
from textual.pilot import Pilot

from briefing.core.clock import ManualClock
from briefing.ui.screens.agenda import AgendaScreen
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.people import PeopleScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.widgets.agenda_table import AgendaTable
from briefing.ui.widgets.item_list import ItemList

from .uihelpers import (
    NARROW,
    SEED_FILE,
    WIDE,
    option_ids,
    option_text,
    screen_text,
    settle,
    wait_for_workers,
)

# Scott Bessent again, in capitals and with a title; quoted twice.
EDT = timezone(timedelta(hours=-4))
RETURN_BRIEF = brief_toml(
    "Bessent back in Washington (test)",
    id="bessent-returns",
    published=datetime(2025, 10, 28, 9, 0, tzinfo=EDT),
    tags=["test"],
    participants=[{"id": "sb", "name": "Dr. SCOTT BESSENT", "role": "Secretary of the Treasury"}],
    quotes=[
        {"id": "sb-later", "speaker": "sb", "text": "We have a framework.",
         "said": datetime(2025, 10, 28, 8, 0, tzinfo=EDT)},
        {"id": "sb-earlier", "speaker": "sb", "text": "Talks begin tomorrow.", "said": date(2025, 10, 24)},
    ],
    deadlines=[
        {"id": "report", "title": "Report to Congress", "due": date(2025, 10, 20)},
        {"id": "call", "title": "Follow-up call", "due": datetime(2025, 10, 26, 11, 0, 3, tzinfo=UTC)},
    ],
)  # fmt: skip

# Known here only by an alias.
ALIAS_BRIEF = brief_toml(
    "A note from the Treasury (test)",
    id="treasury-note",
    published=datetime(2025, 10, 20, 12, 0, tzinfo=UTC),
    participants=[{"id": "sec", "name": "The Treasury Secretary", "aliases": ["Scott Bessent"]}],
)


@pytest.fixture
def library(tmp_path: Path, samples_dir: Path) -> Path:
    """The seed brief and two small briefs naming Scott Bessent otherwise."""
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(samples_dir / SEED_FILE, folder)
    (folder / "returns.toml").write_text(RETURN_BRIEF, encoding="utf-8")
    (folder / "alias.toml").write_text(ALIAS_BRIEF, encoding="utf-8")
    return folder


async def until(pilot: Pilot[Any], condition: Callable[[], bool], tries: int = 200) -> None:
    """Let the app handle its messages until ``condition()`` holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the condition did not hold")


async def open_screen(pilot: Pilot[Any], key: str, kind: type) -> Any:
    await settle(pilot)
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, kind), type(screen)
    await wait_for_workers(pilot)
    await pilot.pause()
    return screen


async def test_bessent_across_the_library(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        people = screen.query_one("#people-list", ItemList)
        assert app.focused is people
        # Bessent is in three briefs: first in the list, his name as most briefs write it.
        first = option_ids(people)[0]
        assert option_text(people, first).splitlines() == [
            "Scott Bessent",
            "Secretary of the Treasury · Treasury Secretary",
            "3 briefs · 4 quotes",
        ]
        assert screen.shown_person is not None and screen.shown_person.name == "Scott Bessent"
        briefs = screen.query_one("#person-briefs", ItemList)
        assert [option_text(briefs, i).splitlines()[0] for i in option_ids(briefs)] == [
            "Bessent back in Washington (test)",
            "US, China agree on preliminary trade deal in Malaysia, officials say",
            "A note from the Treasury (test)",
        ]
        quotes = screen.query_one("#person-quotes", ItemList)
        assert [i.rsplit("#", 1)[1] for i in option_ids(quotes)] == [
            "sb-earlier",
            "bessent-constructive",
            "bessent-framework",
            "sb-later",
        ]
        text = screen_text(app)
        assert "Dr. SCOTT BESSENT; The Treasury Secretary" in text
        assert "“very positive framework”" in text

        # The filter ignores case and accents; Enter goes to the list.
        await pilot.press("slash", *"xi", "enter")
        assert [option_text(people, i).splitlines()[0] for i in option_ids(people)] == [
            "Xi Jinping"
        ]
        assert app.focused is people
        assert screen.shown_person is not None and screen.shown_person.name == "Xi Jinping"
        await pilot.press("escape")  # clears the filter first
        assert app.screen is screen and len(option_ids(people)) > 1

        # Enter on a quote opens its brief at the quote.
        people.select_id(first)
        await pilot.pause()
        quotes.focus()
        quotes.select_id(f"{library / SEED_FILE}#bessent-framework")
        await pilot.press("enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        assert brief.entry.path == library / SEED_FILE
        await until(pilot, lambda: brief.current == "quotes")
        await until(
            pilot,
            lambda: brief.query_one("#quotes", ItemList).highlighted_id == "bessent-framework",
        )


async def test_enter_on_a_person_opens_their_newest_entry(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "p", PeopleScreen)
        assert isinstance(screen, PeopleScreen)
        await pilot.press("enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        assert brief.entry.path == library / "returns.toml"
        await until(pilot, lambda: brief.current == "participants")


async def test_escape_closes_people(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        await open_screen(pilot, "p", PeopleScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


def agenda_rows(screen: AgendaScreen) -> list[str]:
    """Each line's heading, or its deadline's title (the agenda is a table since issue 16)."""
    table = screen.query_one(AgendaTable)
    return [line.title for line in table.lines]


def countdown_of(screen: AgendaScreen, item_id: str) -> str:
    table = screen.query_one(AgendaTable)
    key = next(k for k in table.keys if k.endswith(f"#{item_id}"))
    return table.cells(key)["countdown"]


def moment_of(screen: AgendaScreen, path: Path) -> datetime:
    """The moment the agenda counts the deadlines of the brief at ``path`` from."""
    table = screen.query_one(AgendaTable)
    return table.now + table.shift.get(str(path), timedelta(0))


async def test_agenda_groups_and_counts_down(make_app, clock: ManualClock, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        assert agenda_rows(screen) == [
            "Overdue (1)",
            "Report to Congress",
            "Upcoming (3)",
            "Follow-up call",
            "Expected Trump-Xi meeting on the sidelines of the APEC summit",
            "Temporary US-China tariff truce expires",
        ]
        agenda = screen.query_one(AgendaTable)
        # The cursor never rests on a heading.
        assert agenda.highlighted_key is not None and agenda.highlighted_key.endswith("#report")
        assert countdown_of(screen, "call") == "in 00:00:03 · under 24 h"
        assert countdown_of(screen, "tariff-truce-expiry") == "in 15d 5h · later"
        text = screen_text(app)
        # One line per deadline: due, countdown, title, brief (a table since issue 16).
        truce = next(line for line in text.splitlines() if "tariff truce expires" in line)
        assert truce.split()[:7] == ["2025-11-10", "(end", "of", "day)", "in", "15d", "5h"]
        assert "US, China agree" in truce
        assert "Agenda · 4 open deadlines · 1 overdue · clock: now" in text

        # Nothing moves until the screen's timer ticks: the rows never read the clock.
        clock.advance(2)
        assert countdown_of(screen, "call") == "in 00:00:03 · under 24 h"
        screen.tick()
        await pilot.pause()
        assert countdown_of(screen, "call") == "in 00:00:01 · under 24 h"
        assert countdown_of(screen, "tariff-truce-expiry") == "in 15d 4h · later"  # 15d 4h 59m 58s
        clock.advance(1)
        screen.tick()
        await pilot.pause()
        assert countdown_of(screen, "call") == "due now"
        # One more second: the call is overdue and moves to the overdue group.
        clock.advance(1)
        screen.tick()
        await pilot.pause()
        assert agenda_rows(screen)[:4] == [
            "Overdue (2)",
            "Report to Congress",
            "Follow-up call",
            "Upcoming (2)",
        ]
        assert countdown_of(screen, "call") == "overdue 1s"

        # Enter opens the brief at the deadline.
        agenda.focus()
        agenda.select_key(f"{library / SEED_FILE}#tariff-truce-expiry")
        await pilot.press("enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen) and brief.entry.path == library / SEED_FILE
        await until(pilot, lambda: brief.current == "deadlines")
        await until(
            pilot,
            lambda: brief.query_one("#deadlines", ItemList).highlighted_id == "tariff-truce-expiry",
        )


async def test_agenda_filters_by_tag(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        await pilot.press("t")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert [value for value, _ in picker.choices][:2] == ["all", "tag:asean"]
        await pilot.press("down", "enter")  # asean: only the seed brief has it
        await pilot.pause()
        assert app.screen is screen
        assert screen.tag == "asean"
        assert agenda_rows(screen) == [
            "Expected Trump-Xi meeting on the sidelines of the APEC summit",
            "Temporary US-China tariff truce expires",
        ]
        assert "tag: asean" in screen_text(app)
        await pilot.press("t", "home", "enter")  # all tags again
        await pilot.pause()
        assert screen.tag is None and len(agenda_rows(screen)) == 6


async def test_agenda_honours_the_readers_clock(
    make_app, clock: ManualClock, library: Path
) -> None:
    app = make_app(path=library / SEED_FILE)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, BriefScreen)
        await pilot.press("a")  # the reader's clock: as published (2025-10-26T10:55Z)
        await pilot.pause()
        clock.advance(60)  # the reader's clock runs on from there
        screen = await open_screen(pilot, "A", AgendaScreen)
        assert screen.as_published
        # As the reader: 10:56Z, not 11:01Z (the library here is the one brief).
        assert countdown_of(screen, "tariff-truce-expiry") == "in 15d 5h · later"  # 15d 5h 4m
        assert moment_of(screen, library / SEED_FILE) == datetime(2025, 10, 26, 10, 56, tzinfo=UTC)
        assert "clock: as published" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert not screen.as_published
        assert countdown_of(screen, "tariff-truce-expiry") == "in 15d 4h · later"  # 15d 4h 59m


async def test_agenda_each_brief_from_its_own_publication(
    make_app, clock: ManualClock, library: Path
) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        await pilot.press("a")
        await pilot.pause()
        # The seed brief at 10:55Z; the other brief at 2025-10-28T13:00Z, after its call.
        assert countdown_of(screen, "tariff-truce-expiry") == "in 15d 5h · later"  # 15d 5h 5m
        assert moment_of(screen, library / SEED_FILE) == datetime(2025, 10, 26, 10, 55, tzinfo=UTC)
        assert countdown_of(screen, "call") == "overdue 2d 1h"  # 2d 1h 59m
        assert agenda_rows(screen)[0] == "Overdue (2)"


async def test_hostile_text_in_people_and_agenda(make_app, hostile_dir: Path) -> None:
    app = make_app(path=hostile_dir)
    async with app.run_test(size=WIDE) as pilot:
        await open_screen(pilot, "p", PeopleScreen)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "[RLO]" in text  # the override is shown, not obeyed
        await pilot.press("escape")
        await open_screen(pilot, "A", AgendaScreen)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "Deadline red" in text


async def test_empty_agenda(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = make_app(path=folder)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_screen(pilot, "A", AgendaScreen)
        assert agenda_rows(screen) == []
        assert "No open deadlines in the library" in screen_text(app)
