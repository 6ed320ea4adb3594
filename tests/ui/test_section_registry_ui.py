"""The test-only "risks" section in the reader: a pane with a number key, ``/`` and ``ctrl+f``.

The brief screen reads :func:`briefing.ui.sections.reader_sections` for its panes,
tabs, number keys, pane titles, filled rows and searched lists, so a section
registered before the app is built is one more pane, with nothing else to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kit import make_brief
from kit.risks import FLOOD, FLOOD_ID, STRIKE, registered_risks

from briefing.core.find import Finder
from briefing.core.section import Section
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.item_list import ItemList

from .test_notes import wait_until
from .test_search_screen import open_search, type_query
from .uihelpers import WIDE, option_ids, settle


@pytest.fixture
def risks() -> Iterator[Section]:
    with registered_risks() as section:
        yield section


@pytest.fixture
def library(tmp_path: Path, risks: Section) -> Path:
    make_brief(tmp_path / "library", "harbour.toml", title="Harbour talks", risks=[FLOOD, STRIKE])
    return tmp_path / "library"


async def test_it_is_a_pane_with_the_next_number_key(make_app, library: Path) -> None:
    app = make_app(path=library / "harbour.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        risks = screen.query_one("#risks", ItemList)
        assert option_ids(risks) == [FLOOD_ID, "dockers-strike"]
        await pilot.press("7")
        assert screen.current == "risks"


async def test_slash_finds_it(make_app, library: Path) -> None:
    app = make_app(path=library / "harbour.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("slash", *"strike")
        await pilot.pause()
        assert screen.search.matches == Finder("strike").find(screen.brief)
        await pilot.press("enter")
        assert screen.focused_item() == ("risks", "dockers-strike")


async def test_ctrl_f_finds_and_opens_it(make_app, library: Path) -> None:
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "strike")
        assert [(hit.kind, hit.item_id) for hit in screen.hits] == [("risk", "dockers-strike")]
        await pilot.press("enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        await wait_until(pilot, lambda: brief.current == "risks", timeout=3)
        await wait_until(
            pilot,
            lambda: brief.query_one("#risks", ItemList).highlighted_id == "dockers-strike",
            timeout=3,
        )


async def test_it_can_be_annotated_bookmarked_and_copied(make_app, library: Path) -> None:
    """On a risk in the reader: ``n`` writes a note on it, ``b`` bookmarks it and ``c``
    copies its line, each keyed by the section's own kind and id."""
    from briefing.ui.app import BriefingApp

    from .test_notes import wait_for_writes

    app = make_app(path=library / "harbour.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app, BriefingApp)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.press("7", "down")
        await pilot.pause()
        assert screen.focused_item() == ("risks", "dockers-strike")
        await pilot.press("n", *"watch the port", "ctrl+s")
        await wait_for_writes(pilot)
        await pilot.press("b")
        await wait_for_writes(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert STRIKE["text"] in app.clipboard
        annotations = app.annotations
        assert annotations is not None
        [note] = annotations.all_notes()
        assert (note.kind, note.item_id, note.body) == ("risk", "dockers-strike", "watch the port")
        [bookmark] = annotations.bookmarks_for_brief(screen.brief.id)
        assert (bookmark.kind, bookmark.item_id) == ("risk", "dockers-strike")
