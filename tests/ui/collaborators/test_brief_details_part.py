"""BriefDetails on its own: an item in full, the speaker filter, the panes' titles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from briefing.ui.screens.brief_details import ALL_SPEAKERS, BriefDetails
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.sections import reader_sections

from .standin import Screen, loaded_entry

PEOPLE = [{"id": "ana", "name": "Ana Ruiz"}, {"id": "bo", "name": "Bo Lin"}]
QUOTES = [
    {"id": "q1", "text": "Tariffs stay", "speaker": "ana"},
    {"id": "q2", "text": "No deal yet", "speaker": "bo"},
    {"id": "q3", "text": "Talks go on", "speaker": "ana"},
]


class Rows:
    """A list pane's widget: the rows put in it."""

    def __init__(self) -> None:
        self.items: list[Any] = []

    def set_items(self, items: Iterable[Any]) -> None:
        self.items = list(items)

    def set_rows(self, ids: list[str], rows: Any) -> None:
        self.items = [(item_id, rows[n]) for n, item_id in enumerate(ids)]


@pytest.fixture
def screen(tmp_path: Path) -> Screen:
    screen = Screen(loaded_entry(tmp_path, participants=PEOPLE, quotes=QUOTES))
    for entry in reader_sections():
        screen.widgets[f"#pane-{entry.key}"] = SimpleNamespace(border_title=None)
    screen.widgets["#quotes"] = Rows()
    return screen


def details_of(screen: Screen) -> BriefDetails:
    return BriefDetails(screen)  # type: ignore[arg-type]


def title_of(screen: Screen, key: str) -> str:
    return str(screen.widgets[f"#pane-{key}"].border_title)


def test_enter_on_an_item_opens_it_in_full_and_an_unknown_one_does_nothing(
    screen: Screen,
) -> None:
    details = details_of(screen)
    details.item_selected("quotes", "no-such-quote")
    details.item_selected(None, "q1")
    details.person_selected(None)
    assert screen.briefing_app.pushed == []
    details.item_selected("quotes", "q2")
    details.person_selected("ana")
    (quote, _), (person, _) = screen.briefing_app.pushed
    assert isinstance(quote, DetailScreen) and "No deal yet" in str(quote.body)
    assert isinstance(person, DetailScreen) and "Ana Ruiz" in f"{person.heading} {person.body}"


def test_the_speaker_picker_counts_quotes_and_sets_the_filter(screen: Screen) -> None:
    details = details_of(screen)
    details.pick_speaker()
    ((picker, chosen),) = screen.briefing_app.pushed
    assert isinstance(picker, PickerScreen)
    assert [(value, str(label)) for value, label in picker.choices] == [
        (ALL_SPEAKERS, "All speakers (3)"),
        ("ana", "Ana Ruiz  2"),
        ("bo", "Bo Lin  1"),
    ]
    chosen("ana")
    assert screen.speaker_filter == "ana" and screen.calls == ["section quotes"]
    chosen(ALL_SPEAKERS)
    assert screen.speaker_filter is None
    chosen(None)  # escape: the filter stays as it was
    assert screen.calls == ["section quotes", "section quotes"]


def test_the_quotes_and_their_title_follow_the_speaker_filter(screen: Screen) -> None:
    details = details_of(screen)
    details.speaker_changed()
    assert title_of(screen, "quotes") == "3 Quotes (3)"
    assert len(screen.widgets["#quotes"].items) == 3
    screen.speaker_filter = "ana"
    details.speaker_changed()
    assert title_of(screen, "quotes") == "3 Quotes · Ana Ruiz (2 of 3) · s: change"
    assert len(screen.widgets["#quotes"].items) == 2
    assert title_of(screen, "participants") == "2 Participants (2)"


def test_nothing_is_filled_before_the_brief_is_loaded(screen: Screen) -> None:
    screen.is_loaded = False
    details_of(screen).speaker_changed()
    assert screen.widgets["#quotes"].items == []
    assert title_of(screen, "quotes") == "None"
