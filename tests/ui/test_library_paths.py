"""The library with paths that cannot be printed as they are, or cannot be entered.

Issue 13: a newline or control character in a file name reached the status
line raw (item 15), and a configured library folder below a folder that cannot
be entered stopped the reader from starting (item 11).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from kit import brief_toml
from textual.widgets import Static
from unprivileged import run_unprivileged

from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

from .uihelpers import NARROW, plain, settle


def brief(title: str) -> str:
    return brief_toml(title, published=datetime(2025, 1, 1, 9, 0, tzinfo=UTC))


async def test_a_name_with_a_newline_and_escapes_shows_escaped(make_app, tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    name = "evil\n\x1b[2Jname\u200b\u202e.toml"
    (library / name).write_text(brief("Evil"))
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        status = plain(app.screen.query_one("#library-status", Static))
        assert status.endswith("evil\\n\\x1b[2Jname\\u200b\\u202e.toml"), status
        assert "\n" not in status and "\x1b" not in status


async def test_an_invalid_file_with_a_strange_name_shows_its_error_escaped(
    make_app, tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "bad\nname.toml").write_text("not toml at all")
    app = make_app(path=library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        status = plain(app.screen.query_one("#library-status", Static))
        assert "bad\\nname.toml:" in status
        assert "bad\nname" not in status


async def test_an_empty_library_names_its_folder_escaped(make_app, tmp_path: Path) -> None:
    empty = tmp_path / "empty\nfolder"
    empty.mkdir()
    app = make_app(path=empty)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one(LibraryTable).row_count == 0
        status = plain(screen.query_one("#library-status", Static))
        assert status.startswith(f"No briefs in {tmp_path}/empty\\nfolder.")


_START_LIBRARY = """\
import asyncio
from briefing.ui.launch import build_app
from textual.widgets import Static

async def main():
    app = build_app(path=None, theme=None, now=None)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.screen.query("#library-status") and not app.screen.loader.loading:
                break
        table = app.screen.query_one("LibraryTable")
        print(table.row_count)

asyncio.run(main())
"""


def test_a_configured_folder_below_one_that_cannot_be_entered(tmp_path: Path) -> None:
    library = tmp_path / "library"
    (library / "locked" / "sub").mkdir(parents=True)
    (library / "good.toml").write_text(brief("Good"))
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text(
        f'library = ["{library / "locked" / "sub"}", "{library}"]\n'
    )
    data = tmp_path / "data"
    data.mkdir()
    (library / "locked").chmod(0)
    try:
        env = {**os.environ, "BRIEFING_CONFIG_DIR": str(config), "BRIEFING_DATA_DIR": str(data)}
        done = run_unprivileged([sys.executable, "-c", _START_LIBRARY], env=env)
    finally:
        (library / "locked").chmod(0o755)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0
    # The good brief, and the folder that cannot be entered listed with its error.
    assert done.stdout.split() == ["2"]
