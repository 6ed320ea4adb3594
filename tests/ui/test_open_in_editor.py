"""``o`` opens the brief in ``$EDITOR`` at the line of the item under the cursor (issue 16
item 21); the palette lists it with its key. The reader reloads the file on save as ever."""

from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path

import pytest

from briefing.ui.commands import BriefingCommands

from .uihelpers import NARROW, SEED_FILE, settle


def recording_editor(tmp_path: Path) -> tuple[Path, Path]:
    """An editor that writes the arguments it was given, one a line."""
    log = tmp_path / "editor-args.txt"
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys\nopen({str(log)!r}, 'w').write('\\n'.join(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    return script, log


@pytest.mark.parametrize("section", ["3", "2"])
async def test_o_opens_the_file_at_the_items_line(
    make_app, samples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, section: str
) -> None:
    brief = tmp_path / SEED_FILE
    shutil.copy(samples_dir / SEED_FILE, brief)
    script, log = recording_editor(tmp_path)
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = make_app(path=brief)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless: no terminal
        await pilot.press(section, "j", "o")
        await pilot.pause()
        line, path = log.read_text(encoding="utf-8").splitlines()
        assert path == str(brief)
        lines = brief.read_text(encoding="utf-8").splitlines()
        number = int(line.removeprefix("+"))
        table = "[[quotes]]" if section == "3" else "[[participants]]"
        assert lines[number - 1].strip() == table
        # The second item of the section: one such table above it.
        assert sum(1 for text in lines[: number - 1] if text.strip() == table) == 1


async def test_the_palette_lists_open_in_editor_with_its_key(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        found = {name: hint for name, hint, _ in BriefingCommands(app.screen).commands()}
        assert found.get("Open in $EDITOR") == "Key o"
