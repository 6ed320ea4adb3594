"""Snapshots of a reminder as the reader gives it: a toast over the library.

Frozen as in ``kit.snapshots`` (clock at 2025-10-26 11:00 UTC, dark theme, no
animations). Update with ``pytest tests/ui/test_snapshots_reminders.py --snapshot-update``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kit.snapshots import SIZES, frozen_app, wait_for

from .uihelpers import settle

pytestmark = pytest.mark.usefixtures("at_repo_root")


@SIZES
def test_reminder_toast(snap_compare, size) -> None:
    """You should see the sample library with, at the bottom right, a toast titled
    "Reminder (8d before)" reading "Expected Trump-Xi meeting on the sidelines of the APEC
    summit: in 7d 5h · later · US, China agree …" (the only open deadline within eight days).
    """
    folder = Path(os.environ["BRIEFING_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text('reminders = ["8d"]\n', encoding="utf-8")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await wait_for(pilot, lambda: bool(pilot.app.screen.query("Toast")))

    assert snap_compare(frozen_app(), terminal_size=size, run_before=run_before)
