"""Paths the reader shows in its messages go through display_path: a file or folder name
with an escape sequence or a newline is shown escaped, on one line (issue 13, item 14)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from briefing.core.safetext import display_path
from briefing.storage.export_files import ExportRequest
from briefing.ui.screens.confirm import ConfirmScreen

from .test_store_failures import garbage_database, open_quotes_and_press_n
from .uihelpers import settle

SIZE = (100, 30)
HOSTILE = "odd\x1b]0;owned\x07\x1b[31m\nname"
"""A folder name that would retitle the terminal, turn it red and break the line."""


def messages(app: Any) -> list[str]:
    return [f"{n.title or ''} {n.message}" for n in app._notifications]


def assert_safe(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text, repr(text)


async def test_an_export_names_its_file_escaped(
    make_app, seed_brief_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / HOSTILE
    folder.mkdir()
    target = folder / "notes.md"
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notes.run_export(ExportRequest("md", target))
        await pilot.pause()
        [wrote] = [m for m in messages(app) if "Wrote" in m]
        assert display_path(target) in wrote
        assert_safe(wrote)
    assert target.exists()


@pytest.fixture
def hostile_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / HOSTILE
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data))
    return data


async def test_an_unreadable_database_in_an_odd_folder_is_named_escaped(
    make_app, seed_brief_path: Path, hostile_data_dir: Path
) -> None:
    garbage_database()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_quotes_and_press_n(app, pilot)
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        first = question.question.split("\n\n")[0]
        assert display_path(hostile_data_dir / "briefing.db") in first
        assert_safe(first)
        await pilot.press("y")
        await pilot.pause()
        [moved] = [m for m in messages(app) if "Moved to" in m]
        assert display_path(hostile_data_dir) in moved
        assert_safe(moved)


async def test_a_damaged_draft_in_an_odd_folder_is_named_escaped(
    make_app, seed_brief_path: Path, hostile_data_dir: Path
) -> None:
    drafts = hostile_data_dir / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "draft-1.json").write_text('{"not": "a draft"}')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [warning] = [m for m in messages(app) if "draft" in m]
        assert display_path(drafts) in warning
        assert_safe(warning)
    assert os.path.exists(drafts / "draft-1.json")
