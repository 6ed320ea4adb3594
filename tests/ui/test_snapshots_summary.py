"""Snapshots of a summary with every kind of Markdown block, drawn from its blocks.

The brief is ``tests/data/summary/every-block.toml``: headings of the six levels,
emphasis, a link and inline code, nested bullet and numbered lists, a quote holding a
list, a table, a rule and a code block. Frozen as in ``kit.snapshots``; at 160x48 the
summary pane is maximised (``z``) so that all of it is seen, in each bundled theme.
Update with ``--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

import pytest
from kit.snapshots import THEMES, frozen_app

from .uihelpers import NARROW, WIDE, settle

pytestmark = pytest.mark.usefixtures("at_repo_root")

EVERY_BLOCK = "tests/data/summary/every-block.toml"


async def maximised(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("z")
    await settle(pilot)


def test_every_block_narrow(snap_compare) -> None:
    """You should see at 80x24 the summary pane from "The deal" (the first-level heading,
    in the theme's heading colour, a heavy line under it) down: the paragraph with "framework deal" in bold,
    "subject to" in italics, "the ministry" followed by its address
    "(https://example.org/deal)" in a muted colour, "annex-2.pdf" as code, "No deal" struck
    through; then "What was agreed" and a bullet list whose inner items are indented with
    a hollow bullet.
    """
    assert snap_compare(frozen_app(EVERY_BLOCK), terminal_size=NARROW, run_before=settle)


@pytest.mark.parametrize("theme", THEMES)
def test_every_block_wide(snap_compare, theme: str) -> None:
    """You should see at 160x48, the summary maximised, in the named theme: the headings
    of each level in the theme's heading colours, the nested bullet list ("•" then "◦"),
    the numbered list "1." and "2.", the quote with a bar "▌" before each of its lines
    (its list item too), the table with a bold header, "│" between its columns and a rule
    under the header, a horizontal rule across the pane and the code block
    "tariff = base * 0.30" on its own background.
    """
    app = frozen_app(EVERY_BLOCK, theme)
    assert snap_compare(app, terminal_size=WIDE, run_before=maximised)
