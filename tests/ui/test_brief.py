"""The brief screen: sections and focus in both layouts, lists, details, siblings,
speaker filter, clock and help."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.picker import PickerScreen
from briefing.ui.sections import section_keys
from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.library_table import LibraryTable
from briefing.ui.widgets.pane import Pane
from briefing.ui.widgets.participant_table import ParticipantTable
from briefing.ui.widgets.section_bar import SectionBar

from .uihelpers import (
    LAYOUTS,
    NARROW,
    SEED_ID,
    SEED_TITLE,
    WIDE,
    cursor_key,
    option_ids,
    option_text,
    plain,
    settle,
    wait_for_workers,
)

SEED_QUOTES = [
    "li-preliminary-consensus",
    "li-intense",
    "li-tough",
    "li-firm",
    "li-turbulences",
    "bessent-constructive",
    "bessent-framework",
    "trump-complete-deal",
]
SEED_PARTICIPANTS = ["he-lifeng", "bessent", "li-chenggang", "greer", "trump", "xi", "anwar"]


def shown_panes(screen: BriefScreen) -> list[str]:
    """The sections whose pane is displayed."""
    return [pane.section for pane in screen.query(Pane) if pane.display]


@pytest.mark.parametrize("layout", ["narrow", "wide"])
async def test_number_keys_and_tab_move_between_sections(
    make_app, seed_brief_path: Path, layout: str
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=LAYOUTS[layout]) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.has_class(f"-{layout}")
        assert screen.current == "summary"
        assert app.focused is not None and app.focused.id == "summary"

        for number, key in list(enumerate(section_keys(), 1))[1:] + [(1, "summary")]:
            await pilot.press(str(number))
            assert screen.current == key
            assert app.focused is not None and app.focused.id == key
            if layout == "narrow":
                assert shown_panes(screen) == [key]
                assert screen.query_one(SectionBar).active == key
            else:
                assert shown_panes(screen) == list(section_keys())
                assert list(screen.query(SectionBar)) == []  # none built while wide

        # tab and shift+tab go round the sections, wrapping at both ends.
        steps = [("tab", "participants"), ("shift+tab", "summary"), ("shift+tab", "figures")]
        for press, key in steps if layout == "narrow" else steps[-1:]:
            await pilot.press(press)
            assert screen.current == key, press
            assert app.focused is not None and app.focused.id == key
            assert shown_panes(screen) == ([key] if layout == "narrow" else list(section_keys()))


async def test_j_k_g_G_move_within_quotes_and_participants(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        quotes = screen.query_one("#quotes", ItemList)
        await pilot.press("3")
        assert option_ids(quotes) == SEED_QUOTES
        assert quotes.highlighted == 0
        # Like every Textual OptionList, the cursor wraps round at both ends.
        for press, index in [("j", 1), ("j", 2), ("k", 1), ("G", 7), ("j", 0), ("k", 7), ("g", 0)]:
            await pilot.press(press)
            assert quotes.highlighted == index, press
            assert quotes.highlighted_id == SEED_QUOTES[index]

        participants = screen.query_one("#participants", ParticipantTable)
        await pilot.press("2")
        assert app.focused is participants
        assert cursor_key(participants) == SEED_PARTICIPANTS[0]
        for press, index in [("j", 1), ("j", 2), ("k", 1), ("G", 6), ("g", 0)]:
            await pilot.press(press)
            assert participants.cursor_row == index, press
            assert cursor_key(participants) == SEED_PARTICIPANTS[index]
        # The quotes kept their place.
        assert quotes.highlighted == 0


async def test_enter_opens_details_of_a_quote_and_a_participant(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("3", "j", "j", "j", "j", "enter")  # li-turbulences
        assert isinstance(app.screen, DetailScreen)
        body = plain(app.screen.query_one("#detail-body", Static))
        assert (
            "The current turbulences and twists and turns are the ones that we do not wish to see"
            in body
        )
        assert "Speaker: Li Chenggang" in body
        assert "Role: Trade Representative" in body
        assert "Affiliation: China" in body

        await pilot.press("escape")
        assert app.screen is screen
        assert app.focused is screen.query_one("#quotes")
        assert screen.current == "quotes"

        await pilot.press("2", "j", "j", "enter")  # li-chenggang
        assert isinstance(app.screen, DetailScreen)
        assert plain(app.screen.query_one("#detail-heading", Static)) == "Li Chenggang"
        body = plain(app.screen.query_one("#detail-body", Static))
        assert "Quotes (5)" in body
        for words in [
            "preliminary consensus",
            "intense",
            "tough",
            "firm",
            "The current turbulences",
        ]:
            assert f"“{words}" in body
        assert "very positive framework" not in body  # Bessent's, not his

        await pilot.press("escape")
        assert app.screen is screen
        assert screen.current == "participants"


async def test_brackets_switch_to_the_previous_and_next_brief_in_place(
    make_app, samples_dir: Path
) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("G", "enter")  # the seed brief: last of five, newest first
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        header = screen.query_one("#brief-header", Static)
        assert screen.brief.id == SEED_ID
        assert SEED_TITLE in plain(header)
        assert "brief 5/5" in plain(header)

        await pilot.press("left_square_bracket")
        # A sibling known only from the library index is read in a thread first.
        await wait_for_workers(pilot)
        await pilot.pause()
        assert app.screen is screen  # in place: no new screen
        assert screen.entry.path.name == "board-meeting-northwind-robotics.toml"
        assert plain(header).startswith("Northwind Robotics board backs")
        assert "brief 4/5" in plain(header)

        await pilot.press("right_square_bracket")
        await wait_for_workers(pilot)
        await pilot.press("right_square_bracket")  # wraps round to the first
        await wait_for_workers(pilot)
        await pilot.pause()
        assert screen.entry.path.name == "parliament-housing-bill.toml"
        assert plain(header).startswith("Housing bill heads for a crowded final week")
        assert "brief 1/5" in plain(header)
        # The panes follow the brief.
        quotes = screen.query_one("#quotes", ItemList)
        assert all(
            quote_id in {q.id for q in screen.brief.quotes} for quote_id in option_ids(quotes)
        )

        # Back in the library, the cursor is on the brief last read.
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert Path(str(cursor_key(table))).name == "parliament-housing-bill.toml"


async def test_s_filters_quotes_by_the_chosen_speaker(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("s")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        # Only people with quotes are offered, in the brief's order, after "All".
        assert [value for value, _ in picker.choices] == [
            "__all__",
            "bessent",
            "li-chenggang",
            "trump",
        ]

        await pilot.press("j", "enter")
        assert app.screen is screen
        assert screen.speaker_filter == "bessent"
        assert screen.current == "quotes"
        assert app.focused is not None and app.focused.id == "quotes"
        quotes = screen.query_one("#quotes", ItemList)
        assert option_ids(quotes) == ["bessent-constructive", "bessent-framework"]
        title = screen.query_one("#pane-quotes", Pane).border_title
        assert "Scott Bessent (2 of 8)" in str(title)

        # Picking "All speakers" removes the filter.
        await pilot.press("s", "k", "enter")
        assert screen.speaker_filter is None
        assert option_ids(quotes) == SEED_QUOTES

        # escape in the filtered quotes clears the filter before leaving.
        await pilot.press("s", "j", "j", "enter")
        assert screen.speaker_filter == "li-chenggang"
        assert len(option_ids(quotes)) == 5
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.speaker_filter is None
        assert option_ids(quotes) == SEED_QUOTES


async def test_a_toggles_the_publication_clock(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        header = screen.query_one("#brief-header", Static)
        deadlines = screen.query_one("#deadlines", ItemList)
        assert not screen.as_published
        assert "Clock: now" in plain(header)
        # 2025-10-26 11:00Z to the end of 2025-11-10 in Kuala Lumpur (2025-11-10 16:00Z).
        assert "in 15d 5h · later" in option_text(deadlines, "tariff-truce-expiry")

        await pilot.press("a")
        assert screen.as_published
        assert screen.now.isoformat() == "2025-10-26T10:55:00+00:00"  # 13:55 +03:00
        assert "Clock: as published" in plain(header)
        assert header.now == screen.now
        assert "Clock: as published  2025-10-26 13:55 +03:00" in plain(header)
        assert "in 15d 5h · later" in option_text(deadlines, "tariff-truce-expiry")

        await pilot.press("a")
        assert not screen.as_published
        assert "Clock: now" in plain(header)
        assert "in 15d 5h · later" in option_text(deadlines, "tariff-truce-expiry")


async def test_question_mark_lists_the_keys_with_their_ids(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        ids = [binding_id for _, _, binding_id in help_screen.rows]
        for key in section_keys():
            assert f"brief.section.{key}" in ids
        for binding_id in (
            "brief.clock",
            "brief.speaker",
            "brief.previous",
            "brief.next",
            "brief.back",
            "app.help",
        ):
            assert binding_id in ids
        tables = help_screen.query(DataTable)  # one per group (this screen, the pane, everywhere)
        assert sum(table.row_count for table in tables) == len(help_screen.rows)
        await pilot.press("escape")
        assert app.screen is screen


async def test_escape_and_q_go_back_to_the_library(make_app, samples_dir: Path) -> None:
    app = make_app(path=samples_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        library = app.screen
        for key in ("escape", "q"):
            await pilot.press("enter")
            assert isinstance(app.screen, BriefScreen)
            await pilot.press(key)
            assert app.screen is library, key
            assert app.is_running  # q leaves the brief, not the app


async def test_resizing_switches_between_wide_and_narrow(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3")
        assert screen.has_class("-wide") and not screen.has_class("-narrow")
        assert shown_panes(screen) == list(section_keys())

        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.has_class("-narrow") and not screen.has_class("-wide")
        assert shown_panes(screen) == ["quotes"]  # the current section survives the switch
        assert app.focused is screen.query_one("#quotes")

        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert shown_panes(screen) == list(section_keys())
