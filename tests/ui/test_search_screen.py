"""The library search screen (``ctrl+f``): results as you type, opening a hit, messages, hostile text.

Each test runs the real app on a copy of ``sample_briefs/`` (or of
``tests/data/hostile/``): the library screen indexes it and fills the search
tables in its worker, which ``settle`` waits for.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.search import SearchScreen
from briefing.ui.widgets.item_list import ItemList

from .test_notes import wait_until
from .uihelpers import (
    SEED_FILE,
    WIDE,
    option_ids,
    option_text,
    plain,
    screen_text,
    settle,
    wait_for_workers,
)


async def open_search(pilot: Pilot[Any]) -> SearchScreen:
    await settle(pilot)
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await searched(pilot)
    return screen


async def searched(pilot: Pilot[Any]) -> None:
    """Let the search worker finish and its result be shown."""
    await wait_for_workers(pilot)
    await pilot.pause()


async def type_query(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))
    await searched(pilot)


def status(screen: SearchScreen) -> str:
    return plain(screen.query_one("#search-status", Static))


def shown(screen: SearchScreen) -> list[str]:
    options = screen.query_one(OptionList)
    return [option_text(options, i) for i in option_ids(options) if i is not None]


async def test_type_a_name_and_open_the_quote(make_app, samples_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        assert app.focused is screen.query_one(Input)
        await type_query(pilot, "Bessent")
        hits = screen.hits
        quotes = [hit for hit in hits if hit.kind == "quote"]
        assert {hit.item_id for hit in quotes} >= {"bessent-constructive", "bessent-framework"}
        assert all(hit.path == str(library / SEED_FILE) for hit in quotes)
        assert "match" in status(screen) and " ms" in status(screen)
        rows = shown(screen)
        assert any(
            "Quote · Scott Bessent" in row and "very positive framework" in row for row in rows
        )
        assert "very positive framework" in screen_text(app)

        # down moves in the results while the input keeps the focus.
        target = next(i for i, hit in enumerate(hits) if hit.item_id == "bessent-framework")
        options = screen.query_one(OptionList)
        assert options.highlighted == 0
        for _ in range(target):
            await pilot.press("down")
        assert options.highlighted == target
        assert app.focused is screen.query_one(Input)

        await pilot.press("enter")
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        await wait_until(pilot, lambda: brief.current == "quotes")
        await wait_until(
            pilot,
            lambda: brief.query_one("#quotes", ItemList).highlighted_id == "bessent-framework",
        )


async def test_a_click_highlights_a_result_and_a_double_click_opens_it(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    """The mouse as in every list (README): a click highlights, a double click opens."""
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "Bessent")
        options = screen.query_one(OptionList)
        assert options.highlighted == 0
        await pilot.click(OptionList, offset=(5, 5))
        await pilot.pause()
        assert app.screen is screen
        chosen = options.highlighted
        assert chosen not in (None, 0)
        await pilot.double_click(OptionList, offset=(5, 5))
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)


async def test_escape_closes(make_app, samples_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        await open_search(pilot)
        await type_query(pilot, "trade")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_malformed_queries_get_a_message(make_app, samples_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        field = screen.query_one(Input)
        for query, message in [
            ('"very positive', "unbalanced quote"),
            ("*", "nothing to search for"),
            ("NEAR( OR text: -", ""),
            ("x" * 2000, "too long"),
        ]:
            field.value = query
            await searched(pilot)
            assert message in status(screen), (query, status(screen))
            assert isinstance(app.screen, SearchScreen)
        # The unbalanced phrase is still searched, as typed so far.
        field.value = '"very positive fram'
        await searched(pilot)
        assert "bessent-framework" in {hit.item_id for hit in screen.hits}
        field.value = "zzzz-nothing-like-it"
        await searched(pilot)
        assert "Nothing matches" in screen_text(app)


async def test_hostile_text_is_shown_literally(make_app, hostile_dir: Path, tmp_path: Path) -> None:
    library = tmp_path / "hostile"
    shutil.copytree(hostile_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "quote-x")
        rows = shown(screen)
        assert any("[@click=app.quit]quote-z[/] said [bold]quote-x[/bold] [/] [" in r for r in rows)
        assert any("[bold]title-x[/bold] [/] [@click=app.quit]title-z[/]" in r for r in rows)
        assert any("[bold]name-x[/bold] [@click=app.quit]name-z[/]" in r for r in rows)
        text = screen_text(app)
        assert "[@click=app.quit]quote-z[/]" in text
        # Clicking on the "link" runs nothing: the app is still there.
        await pilot.click(OptionList)
        await pilot.pause()
        assert app.is_running


async def test_notes_are_searched_without_loading_every_note_on_the_ui_thread(
    make_app, samples_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """ctrl+f read every note into a list on the UI thread (a million notes: a minute and
    2 GB, as N did; issue 13, item 18); they are now streamed into the notes' search
    table by the search worker."""
    from briefing.core.anchors import Anchor, ItemKind
    from briefing.storage.paths import database_file
    from briefing.storage.store.database import Store
    from briefing.storage.store.notes import Annotations

    from .uihelpers import START

    store = Store(database_file())
    Annotations(store).add_note(
        Anchor("us-china-trade-talks-kuala-lumpur-2025", ItemKind.BRIEF, ""),
        brief_title="Trade talks",
        item_text="",
        body="Ask about the soybean quotas",
        now=START,
    )
    store.close()

    def forbidden(self):
        raise AssertionError("every note was read into a list")

    monkeypatch.setattr(Annotations, "all_notes", forbidden)
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "soybean quotas")
        assert [hit.note for hit in screen.hits] == [True]
        assert "Ask about the soybean quotas" in " ".join(shown(screen))


async def test_the_first_result_is_highlighted_as_the_cursor_while_typing(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    """Issue 16 item 20: the first result's highlight was drawn as blurred (the query has the
    focus), so it looked unhighlighted and down seemed to skip to the second result."""
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "Bessent")
        options = screen.query_one(OptionList)
        assert options.highlighted == 0 and app.focused is screen.query_one(Input)
        drawn = options.get_component_rich_style("option-list--option-highlighted")
        cursor = app.theme_variables["block-cursor-background"]
        assert drawn.bgcolor is not None
        assert drawn.bgcolor.triplet.hex.lower() == cursor.lower()[:7], (drawn, cursor)
        await pilot.press("down")
        assert options.highlighted == 1


async def test_the_results_scrollbar_sits_against_the_border(
    make_app, samples_dir: Path, tmp_path: Path
) -> None:
    """At 80x24 the results' scrollbar stood one column inside the dialog's border (the
    box's padding), a strip of background beside it; now it is against the border, and the
    results' text stays where it was, two columns in from the border."""
    library = tmp_path / "library"
    shutil.copytree(samples_dir, library)
    app = make_app(path=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_search(pilot)
        await type_query(pilot, "tariff")
        box = screen.query_one("SearchScreen > Vertical").region
        results = screen.query_one(OptionList)
        assert results.show_vertical_scrollbar
        assert results.region.right == box.right - 1  # inside the one-cell border
        lines = screen_text(app).splitlines()
        title = next(line for line in lines if "Search the library" in line)
        first = next(line for line in lines if "US, China agree" in line)
        assert first.index("US, China") == title.index("Search") == box.x + 3
