"""The export dialog's defaults (issue 16 item 17): it wrote into the current folder (four
files landed in a git clone); now config.toml's export_dir, else the documents folder; the
last format and folder are remembered; the path shows its end; no toasts over the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Static

from briefing.ui.screens.export import ExportScreen

from .test_keymap import write_config
from .test_notes import NARROW, wait_for_writes, write_note
from .uihelpers import settle


async def open_dialog(pilot) -> ExportScreen:
    await pilot.press("x")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportScreen)
    return dialog


def path_of(dialog: ExportScreen) -> Path:
    return Path(dialog.query_one("#export-path", Input).value).expanduser()


async def test_the_default_folder_is_export_dir_from_the_config(
    make_app, isolated_env, seed_brief_path: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    write_config(isolated_env["config"], f'export_dir = "{exports}"\n')
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        dialog = await open_dialog(pilot)
        assert path_of(dialog).parent == exports
        field = dialog.query_one("#export-path", Input)
        assert field.cursor_position == len(field.value)  # the file name in view


async def test_without_export_dir_the_documents_folder(
    make_app, seed_brief_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.chdir(tmp_path)
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        dialog = await open_dialog(pilot)
        assert path_of(dialog).parent == documents


async def test_the_last_format_and_folder_are_remembered(
    make_app, isolated_env, seed_brief_path: Path, tmp_path: Path
) -> None:
    write_config(isolated_env["config"], f'export_dir = "{tmp_path}"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await write_note(pilot, "export me")
        dialog = await open_dialog(pilot)
        dialog.query_one("#format-json", RadioButton).value = True
        await pilot.pause()
        field = dialog.query_one("#export-path", Input)
        field.value = str(elsewhere / "mine.json")
        await pilot.press("ctrl+s")
        await wait_for_writes(pilot)
        assert (elsewhere / "mine.json").is_file()
        dialog = await open_dialog(pilot)
        assert dialog.format == "json"
        assert path_of(dialog).parent == elsewhere
        assert path_of(dialog).suffix == ".json"


async def test_an_empty_path_is_said_in_the_dialog_not_in_toasts(
    make_app, seed_brief_path: Path
) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = ""
        await pilot.press("ctrl+s", "ctrl+s", "ctrl+s")
        await pilot.pause()
        assert not app._notifications
        said = dialog.query_one("#export-problem", Static)
        assert said.display and "Say where" in str(said.content)


async def test_the_only_this_brief_label_fits_the_dialog(make_app, seed_brief_path: Path) -> None:
    """A long title was cut at the dialog's edge with no sign of it ("...trade deal in Mala"):
    it ends in an ellipsis and the whole label fits the checkbox."""
    from textual.widgets import Checkbox

    app = make_app(path=seed_brief_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        dialog = await open_dialog(pilot)
        box = dialog.query_one(Checkbox)
        label = str(box.label)
        assert label.startswith("Only this brief: US, China") and label.endswith("…")
        assert box.content_size.width >= box.get_content_width(box.size, app.size)
