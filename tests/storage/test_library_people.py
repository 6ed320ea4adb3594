"""People and the agenda read from the library index, and the same without one."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from kit import NOW, brief_toml

from briefing.storage.index.agenda import (
    AgendaItem,
    agenda_in_library,
    agenda_of_briefs,
    read_agenda,
    schedule,
    tags_of,
)
from briefing.storage.index.database import LibraryIndex, absolute
from briefing.storage.index.people import (
    brought_up_to_date,
    people_in_library,
    people_of_briefs,
    read_briefs,
    read_people,
)

SEED = "us-china-trade-talks-kuala-lumpur.toml"

# The same Scott Bessent in another case and with a title, quoted twice (dates out of order).
EDT = timezone(timedelta(hours=-4))
RETURN_BRIEF = brief_toml(
    "Bessent back in Washington (test)",
    id="bessent-returns",
    published=datetime(2025, 10, 28, 9, 0, tzinfo=EDT),
    tags=["Trade", "test"],
    participants=[
        {"id": "sb", "name": "Dr. SCOTT BESSENT", "role": "Secretary of the Treasury",
         "affiliation": "United States"},
        {"id": "smith", "name": "Jane Bessent-Smith"},
    ],
    quotes=[
        {"id": "sb-later", "speaker": "sb", "text": "We have a framework.",
         "said": datetime(2025, 10, 28, 8, 0, tzinfo=EDT)},
        {"id": "sb-earlier", "speaker": "sb", "text": "Talks begin tomorrow.", "said": date(2025, 10, 24)},
    ],
    deadlines=[
        {"id": "report", "title": "Report to Congress", "due": date(2025, 10, 20)},
        {"id": "call", "title": "Follow-up call", "due": datetime(2025, 10, 27, 12, 0, tzinfo=UTC)},
        {"id": "done", "title": "Done already", "due": date(2025, 10, 29), "status": "met"},
    ],
)  # fmt: skip

# Known here only by an alias.
ALIAS_BRIEF = brief_toml(
    "A note from the Treasury (test)",
    id="treasury-note",
    published=datetime(2025, 10, 20, 12, 0, tzinfo=UTC),
    participants=[{"id": "sec", "name": "The Treasury Secretary", "aliases": ["Scott Bessent"]}],
    quotes=[{"id": "sec-quote", "speaker": "sec", "text": "Nothing to add."}],
)


@pytest.fixture
def library(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(samples_dir / SEED, folder)
    (folder / "returns.toml").write_text(RETURN_BRIEF, encoding="utf-8")
    (folder / "alias.toml").write_text(ALIAS_BRIEF, encoding="utf-8")
    (folder / "broken.toml").write_text("format = [", encoding="utf-8")
    return folder


@pytest.fixture
def index(tmp_path: Path) -> LibraryIndex:
    return LibraryIndex(tmp_path / "index" / "library-index.db", zone=UTC)


def test_bessent_is_one_person_across_three_briefs(library: Path, index: LibraryIndex) -> None:
    brought_up_to_date(index, [library])
    people = read_people(index.connection, absolute([library]))
    bessent = next(p for p in people.people if p.name == "Scott Bessent")
    assert bessent.briefs == 3
    assert bessent.quotes == 5
    assert set(bessent.names) >= {"Scott Bessent", "Dr. SCOTT BESSENT", "The Treasury Secretary"}
    assert bessent.roles[0] in {"Treasury Secretary", "Secretary of the Treasury"}
    # Newest brief first.
    assert [Path(a.brief).name for a in bessent.appearances] == [
        "returns.toml",
        SEED,
        "alias.toml",
    ]
    # Jane Bessent-Smith shares a name's word, not a name.
    assert any(p.name == "Jane Bessent-Smith" for p in people.people)

    quotes = people.quotes_of(bessent)
    assert [q.item_id for q in quotes] == [
        "sec-quote",  # said unknown: the brief's publication, 2025-10-20
        "sb-earlier",
        "bessent-constructive",
        "bessent-framework",
        "sb-later",
    ]
    assert [q.when_ts for q in quotes] == sorted(q.when_ts or 0 for q in quotes)
    assert quotes[-1].brief_title == "Bessent back in Washington (test)"
    assert quotes[-1].path == library / "returns.toml"
    assert quotes[2].brief_title.startswith("US, China agree")


def test_the_index_and_the_files_agree(library: Path, index: LibraryIndex) -> None:
    brought_up_to_date(index, [library])
    from_index = read_people(index.connection, absolute([library]))
    from_files = people_of_briefs(read_briefs([library], UTC))
    assert from_index.people == from_files.people
    assert from_index.titles == from_files.titles
    for person in from_index.people:
        assert from_index.quotes_of(person) == from_files.quotes_of(person)


def test_only_the_library_asked_for(
    tmp_path: Path, library: Path, index: LibraryIndex, samples_dir: Path
) -> None:
    other = tmp_path / "library-two"  # a sibling whose name starts like the library's
    other.mkdir()
    shutil.copy(samples_dir / "parliament-housing-bill.toml", other)
    brought_up_to_date(index, [library])
    brought_up_to_date(index, [other])
    names = {p.name for p in read_people(index.connection, absolute([library])).people}
    assert "Scott Bessent" in names
    assert "Harriet Vance" not in names
    items = read_agenda(index.connection, absolute([other]))
    assert items and {item.path.parent for item in items} == {other}


def test_people_without_an_index(library: Path) -> None:
    people = people_in_library(None, [library], UTC)
    assert any(p.name == "Scott Bessent" and p.briefs == 3 for p in people.people)


def test_open_deadlines_with_ids(library: Path, index: LibraryIndex) -> None:
    items, invalid = agenda_in_library(index, [library], UTC)
    assert invalid == 1  # broken.toml
    by_id = {item.item_id: item for item in items}
    assert set(by_id) == {"report", "call", "tariff-truce-expiry", "trump-xi-meeting"}
    truce = by_id["tariff-truce-expiry"]
    assert truce.all_day and truce.due_text == "2025-11-10"
    assert truce.due_at == datetime(2025, 11, 10, 16, 0, tzinfo=UTC)
    assert truce.brief_title.startswith("US, China agree")
    assert "trade" in truce.tags
    assert not by_id["call"].all_day
    # Read from the files, the same deadlines.
    assert sorted(agenda_of_briefs(read_briefs([library], UTC)), key=lambda i: i.key) == sorted(
        items, key=lambda i: i.key
    )


def test_schedule_puts_overdue_first_then_soonest(library: Path, index: LibraryIndex) -> None:
    items, _ = agenda_in_library(index, [library], UTC)
    rows = schedule(items, NOW)
    assert [r.item.item_id for r in rows] == [
        "report",
        "call",
        "trump-xi-meeting",
        "tariff-truce-expiry",
    ]
    assert [r.overdue for r in rows] == [True, False, False, False]
    assert rows[0].left.text == "overdue 5d 11h"
    assert rows[1].left.text == "in 1d 1h"

    within = schedule(items, NOW, within=timedelta(days=7))
    assert [r.item.item_id for r in within] == ["report", "call"]  # overdue ones always show

    tagged = schedule(items, NOW, tag="TRADE")  # tags match without case
    assert {r.item.item_id for r in tagged} == set(by_id_of(items))
    assert [r.item.item_id for r in schedule(items, NOW, tag="tariffs")] == [
        "trump-xi-meeting",
        "tariff-truce-expiry",
    ]
    assert schedule(items, NOW, tag="nothing") == []


def by_id_of(items: list[AgendaItem]) -> list[str]:
    return [item.item_id for item in items]


def test_schedule_as_published(library: Path, index: LibraryIndex) -> None:
    items, _ = agenda_in_library(index, [library], UTC)
    # Each deadline counted from its own brief's publication.
    rows = schedule(items, NOW, shift=lambda item: item.published_at - NOW)
    left = {r.item.item_id: r.left.text for r in rows}
    # Published 2025-10-28T13:00Z; the call was due 2025-10-27T12:00Z.
    assert left["call"] == "overdue 1d 1h"
    # Published 2025-10-26T10:55Z; the truce ends 2025-11-10T16:00Z.
    assert left["tariff-truce-expiry"] == "in 15d 5h"


def test_tags_of_counts_deadlines() -> None:
    def item(tags: tuple[str, ...]) -> AgendaItem:
        when = datetime(2025, 1, 1, tzinfo=UTC)
        return AgendaItem(Path("x"), "d", "t", when, "", False, "b", when, tags)

    assert tags_of([item(("Trade", "trade")), item(("trade", "b"))]) == [("b", 1), ("Trade", 2)]
