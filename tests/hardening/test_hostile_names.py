"""Hostile file names in the library, and files far over the size limit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kit import brief_toml, fixed_clock
from ui.uihelpers import screen_text, settle

from briefing.core.errors import BriefError
from briefing.core.loading import load_brief
from briefing.ui.launch import build_app
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.library_table import LibraryTable

MARKUP_NAME = "[bold]x[@click=app.quit]y [link=evil]z"  # a file name cannot hold "/"


async def test_a_file_name_with_markup_is_shown_literally(tmp_path: Path) -> None:
    """An invalid file whose name is Textual markup is listed, and its error shown, as written."""
    library = tmp_path / "lib"
    library.mkdir()
    (library / f"{MARKUP_NAME}.toml").write_text("format = 1\ntitle = \n", encoding="utf-8")
    app = build_app(path=library, clock=fixed_clock())
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 1
        text = screen_text(app)
        assert "[bold]x[@click=app.quit]y [link=evil]z" in text
        await pilot.click(LibraryTable, offset=(5, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)


def test_a_100_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A sparse 100 MB file: refused from its size alone, the message stating the 5 MB limit."""
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    assert "5 MB" in caught.value.problems[0].message
    assert os.path.getsize(path) == 100 * 1024 * 1024


def test_a_10_mb_single_line_is_refused(tmp_path: Path) -> None:
    """One line of 10 MB (a title that long) is refused by the size limit, not parsed."""
    path = tmp_path / "line.toml"
    path.write_text('format = 1\ntitle = "' + "x" * (10 * 1024 * 1024) + '"\n', encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_brief(path)
    assert "5 MB" in caught.value.problems[0].message


_NAME_BYTES = st.binary(min_size=1, max_size=24).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_NAME_BYTES, valid=st.booleans())
def test_validate_prints_any_file_name_on_a_strict_utf8_stream(
    tmp_path: Path, name: bytes, valid: bool
) -> None:
    """Issue 13, item 14: any byte string as a name; output is strict UTF-8, one line per problem."""
    import io
    import sys

    from briefing.cli import main
    from briefing.core.safetext import display_path

    folder = tmp_path / "names"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = os.fsencode(folder) + b"/" + name + b".toml"
    with open(path, "wb") as handle:
        handle.write(brief_toml("T").encode() if valid else b"x = [")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(["validate", os.fsdecode(folder)])
        out.flush()
        err.flush()
    finally:
        sys.stdout, sys.stderr = saved
    printed = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    shown = display_path(path)
    if name.startswith(b"."):
        assert code == 1 and printed == ""  # hidden: not a brief of the library
        return
    assert code == (0 if valid else 1)
    lines = printed.splitlines()
    assert len(lines) == 1
    assert lines[0] == f"OK {shown}" if valid else lines[0].startswith(f"{shown}:")
