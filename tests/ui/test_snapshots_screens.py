"""Snapshots of the screens over the library: help, the command palette, agenda, people,
search, and the lists of notes and bookmarks.

Frozen as in ``kit.snapshots``: the clock at 2025-10-26 11:00 UTC, the dark theme,
no animations, no cursor blink, the store under tmp_path. Update with
``pytest tests/ui/test_snapshots_screens.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from kit.snapshots import SIZES, frozen_app, press, seed_annotations, type_text, wait_for

from briefing.ui.screens import search as search_screen

from .uihelpers import NARROW, settle

pytestmark = pytest.mark.usefixtures("at_repo_root")


@SIZES
def test_help(snap_compare, size) -> None:
    """You should see the help screen over the library: a bordered box "Keys: Library" with
    the group "In this library" first, a table of Keys, Action and Binding id
    ("/  Filter  library.filter", "s  Sort  library.sort", "q  Quit  library.quit", ...), then
    "In the focused pane" and (at 160x48, below the fold at 80x24) "Everywhere"; no
    "Scroll Left" or "super+c"; the library dimmed behind it and "esc Close" in the footer.
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "question_mark")

    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)


def test_command_palette(snap_compare) -> None:
    """You should see Textual's command palette over the library at 80x24 with "open brief"
    typed in its input and the reader's "Open brief: …" commands below it, one per sample
    brief, each with its file name (e.g. "board-meeting-northwind-robotics.toml"), the first
    highlighted.
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        # With no query the palette lists Textual's commands and the reader's in the order
        # their providers answer, which varies: a query only the reader's commands match
        # makes one provider answer. It highlights the first hit when it has gathered them.
        await type_text(pilot, "open brief")
        await wait_for(pilot, lambda: pilot.app.screen.has_class("-ready"))

    assert snap_compare(frozen_app(), terminal_size=NARROW, run_before=run_before)


@SIZES
def test_agenda(snap_compare, size) -> None:
    """You should see the agenda of the sample library, "Agenda · 22 open deadlines · clock:
    now", as a table under a header "Due  Countdown  Title  Brief": one line per deadline,
    soonest first ("2025-11-02 (end of day)  in 7d 5h · later  Expected Trump-Xi …", then
    the tariff truce "in 15d 5h · later", then "Boil-water notice reviewed" ...), the first
    line highlighted; at 80x24 the titles and briefs cut with "…", no horizontal scrollbar;
    at 160x48 the titles whole. The footer "⏎ Open  esc Close  t Tag  a Clock".
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "A")

    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_agenda_light(snap_compare, size) -> None:
    """You should see the same agenda table as ``test_agenda`` in briefing-light: dark text
    on a light background, the header on a panel colour, the highlighted line readable."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "A")

    app = frozen_app(theme="briefing-light")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_people(snap_compare, size) -> None:
    """You should see "People · 48 people in 5 briefs": on the left a filter input and the
    people, most quoted first ("Li Chenggang / Trade Representative / 1 brief · 5 quotes",
    then "Rahul Menon", "Scott Bessent", ...); on the right the first person's card: roles,
    "Appears in" the seed brief, and "Quotes, oldest first" ("firm", "intense", ...).
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "p")

    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_search_with_a_query(snap_compare, size, monkeypatch: pytest.MonkeyPatch) -> None:
    """You should see the library search ("Search the library") over the dimmed library, with
    "tariff" in its input, "4 matches · 0 ms" (the timer is frozen) and the matches below,
    each under the seed brief's title: the key figures "Peak reciprocal tariff increase by
    China · 125%" and "… by the U.S. · 145%", then the deadline of 2025-11-10 (the truce).
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "ctrl+f")
        await type_text(pilot, "tariff")
        await settle(pilot)

    # The search says how long it took: a stopped timer says "0 ms".
    monkeypatch.setattr(search_screen, "time", SimpleNamespace(perf_counter=lambda: 0.0))
    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_notes_list(snap_compare, size) -> None:
    """You should see "All notes (2)" over the dimmed library: a filter input ("Filter as you
    type (words in any order)") and two notes on the seed brief, each with the brief's title,
    its item and "2025-10-26 11:00": "Participant: Scott Bessent" / "Check his Senate
    testimony", then "Quote: intense" / "Ask about the rare earths timeline".
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "N")

    seed_annotations()
    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)


def test_bookmarks_list(snap_compare) -> None:
    """You should see "All bookmarks (2)" at 80x24: the filter input and two bookmarks on the
    seed brief, each with the brief's title and "2025-10-26 11:00": "Participant: Scott
    Bessent", then "Quote: intense".
    """

    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "B")

    seed_annotations()
    assert snap_compare(frozen_app(), terminal_size=NARROW, run_before=run_before)
