"""Snapshots of the three bundled themes on the library and on the seed brief.

Frozen as in ``kit.snapshots`` (clock at 2025-10-26 11:00 UTC, no animations); only
the theme changes between them. The dark theme at 80x24 and 160x48 is also in
``test_snapshots.py``; here each theme is shown at 80x24, and the light and
high-contrast themes on the seed brief at 160x48 too (every pane's border and the
deadline colours). Update with ``--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from kit.snapshots import LIBRARY, SEED, THEMES, frozen_app

from .uihelpers import NARROW, WIDE, settle

pytestmark = pytest.mark.usefixtures("at_repo_root")


@pytest.mark.parametrize("theme", THEMES)
def test_library_in_each_theme(snap_compare, theme: str) -> None:
    """You should see the library at 80x24 in the named theme: "Library · 5 briefs · sorted
    by newest first (s)", the five briefs with the first ("Housing bill heads for a crowded
    final …") highlighted in the theme's accent, the status lines and the footer keys. Dark:
    light text on dark blue-grey; light: dark text on white; high contrast: white on black
    with a yellow cursor row.
    """
    assert snap_compare(frozen_app(LIBRARY, theme), terminal_size=NARROW, run_before=settle)


@pytest.mark.parametrize("theme", THEMES)
def test_seed_brief_in_each_theme(snap_compare, theme: str) -> None:
    """You should see the seed brief at 80x24 in the named theme: the title "US, China agree
    on preliminary trade deal in Malaysia, officials say", "Clock: now  (a: as published)",
    the tab bar with "1 Summary" underlined and the summary pane with the theme's border
    colour for the focused pane.
    """
    assert snap_compare(frozen_app(SEED, theme), terminal_size=NARROW, run_before=settle)


@pytest.mark.parametrize("theme", THEMES[1:])
def test_seed_brief_wide_in_the_other_themes(snap_compare, theme: str) -> None:
    """You should see the seed brief at 160x48 in the light or high-contrast theme: six panes
    in a 3 x 2 grid ("1 Summary" focused, "2 Participants", "3 Quotes (8)", "4 Deadlines (2)"
    with "in 7d 05:00:00 · later" and "in 15d 05:00:00 · later", "5 Timeline",
    "6 Key figures"), every colour readable on the theme's background.
    """
    assert snap_compare(frozen_app(SEED, theme), terminal_size=WIDE, run_before=settle)
