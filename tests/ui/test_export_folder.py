"""The reader's export dialog writes every format of the table, the vault (a folder) too."""

from __future__ import annotations

from pathlib import Path

from briefing.storage.export_files import FORMATS, ExportRequest
from briefing.ui.screens.export import ExportScreen

from .test_shown_paths import messages
from .uihelpers import settle

SIZE = (100, 30)


async def test_the_dialog_offers_every_format(make_app, seed_brief_path: Path) -> None:
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        for key in FORMATS:
            assert dialog.query(f"#format-{key}")


async def test_the_reader_writes_a_vault(make_app, seed_brief_path: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    app = make_app(path=seed_brief_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notes.run_export(ExportRequest("vault", vault))
        await pilot.pause()
        assert any("Wrote" in m and "pages in" in m for m in messages(app)), messages(app)
    assert list((vault / "Briefs").glob("*.md"))
