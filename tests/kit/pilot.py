"""The kit's UI part: the two layouts, the seed brief's names, waiting for the reader, reading the screen.

Imported by the UI tests (``tests/ui/uihelpers.py`` re-exports it under its old
name); the fixtures (``clock``, ``make_app``) live in ``tests/conftest.py`` and
``tests/ui/conftest.py``.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any

from rich.console import Console
from rich.segment import Segment
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from briefing.ui.widgets.item_list import ItemList
from briefing.ui.widgets.section_bar import SectionBar

from . import NOW

START = NOW
"""The moment every UI test starts at: 2h05 after the seed brief was published (10:55Z)."""

SEED_ID = "us-china-trade-talks-kuala-lumpur-2025"
SEED_FILE = "us-china-trade-talks-kuala-lumpur.toml"
SEED_TITLE = "US, China agree on preliminary trade deal in Malaysia, officials say"

NARROW = (80, 24)
WIDE = (160, 48)
LAYOUTS = {"narrow": NARROW, "wide": WIDE}
"""Terminal sizes on both sides of BriefScreen's 120-column breakpoint."""

SAMPLE_FILES = (
    "board-meeting-northwind-robotics.toml",
    "flood-response-riverside.json",
    "parliament-housing-bill.toml",
    "summit-multilingual.toml",
    SEED_FILE,
)


async def settle(pilot: Pilot[Any]) -> None:
    """Let loading workers finish and their messages be handled.

    A brief screen fills its panes just after its first frame (and may load the
    brief in a worker first), so wait for it to say it is ready.
    """
    from briefing.ui.screens.brief import BriefScreen

    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, BriefScreen):
        await asyncio.wait_for(screen.ready.wait(), timeout=30)
    await wait_for_workers(pilot)
    await pilot.pause()


async def wait_for_workers(pilot: Pilot[Any]) -> None:
    """Wait until no worker runs. An exclusive worker cancelled by its successor (a
    brief's marks read again as it fills) is not a failure: wait for the rest."""
    from textual.worker import WorkerCancelled

    for _ in range(100):
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            await pilot.pause()
    raise AssertionError("workers kept being cancelled and started again")


async def click_tab(pilot: Pilot[Any], key: str) -> bool:
    """Click the reader's tab of section ``key`` (on its label): True if the click landed on
    the tab bar, at a column of the bar the tab is shown in."""
    bar = pilot.app.screen.query_one(SectionBar)
    start, end = bar.tab_columns(key)
    x = start + 1  # (the label's first cell: the cell before it is the tab's padding)
    assert 0 <= x < min(end, bar.size.width), f"tab {key!r} is not shown"
    return await pilot.click(SectionBar, offset=(x, 0))


def screen_text(app: App[Any]) -> str:
    """The characters on the terminal, line by line, as the user sees them.

    This is what ``App.export_screenshot`` renders (the current screen over the
    screens below it), exported as text instead of SVG so tests can search it.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def screen_segments(app: App[Any]) -> list[Segment]:
    """The segments on the terminal (text with its resolved colours), as :func:`screen_text`
    renders them: for tests that look at colours (the themes' contrast)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None  # a full update always renders
    return list(console.render(update))


def plain(widget: Static) -> str:
    """The plain text a Static was last given."""
    content = widget.content
    return content.plain if isinstance(content, Content) else str(content)


def option_ids(options: OptionList | ItemList) -> list[str | None]:
    """The ids of the options (or of an ItemList's items) in list order."""
    if isinstance(options, ItemList):
        return list(options.item_ids)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def option_text(options: OptionList | ItemList, option_id: str) -> str:
    """The plain text of the option (or item, with its mark) with ``option_id``."""
    if isinstance(options, ItemList):
        return options.prompt(option_id).plain
    prompt = options.get_option(option_id).prompt
    return prompt.plain if isinstance(prompt, Content) else str(prompt)


def row_keys(table: Any) -> list[str | None]:
    """The row keys of a DataTable or the library's table, in display order."""
    if isinstance(table, DataTable):
        return [row.key.value for row in table.ordered_rows]
    return list(table.keys)


def cursor_key(table: Any) -> str | None:
    """The row key under the cursor of a DataTable or the library's table."""
    if isinstance(table, DataTable):
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return table.highlighted_key
