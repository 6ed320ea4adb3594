"""The light parts of briefing stay light: no Textual (or Rich) where it is not needed,
no work at import time, and the layer contracts in pyproject.toml hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE_AND_STORAGE = [
    "briefing.core",
    "briefing.core.loading",
    "briefing.core.countdown",
    "briefing.core.render_text",
    "briefing.core.ical",
    "briefing.core.notes_export",
    "briefing.core.people_merge",
    "briefing.storage",
    "briefing.storage.paths",
    "briefing.storage.config",
    "briefing.storage.export_files",
    "briefing.storage.external_editor",
    "briefing.storage.store",
    "briefing.storage.store.database",
    "briefing.storage.store.notes",
    "briefing.storage.store.writer",
    "briefing.storage.index",
    "briefing.storage.index.database",
    "briefing.storage.index.refreshing",
    "briefing.storage.index.rows",
    "briefing.storage.index.search",
    "briefing.storage.index.people",
    "briefing.storage.index.agenda",
    "briefing.core.reminders",
    "briefing.storage.calendar_file",
    "briefing.storage.store.reminders",
]
CLI = [
    "briefing.cli",
    "briefing.cli.parser",
    "briefing.cli.common",
    "briefing.cli.open_reader",
    "briefing.cli.validate",
    "briefing.cli.show",
    "briefing.cli.schema",
    "briefing.cli.config",
    "briefing.cli.export",
    "briefing.cli.import_notes",
    "briefing.cli.doctor",
    "briefing.cli.agenda",
    "briefing.cli.import_article",
    "briefing.cli.script_arguments",
    "briefing.cli.json_shapes",
    "briefing.cli.search",
    "briefing.cli.people",
    "briefing.cli.notes",
    "briefing.cli.command_line",
    "briefing.cli.completion",
    "briefing.cli.manpage",
    "briefing.cli.agenda_ics",
    "briefing.cli.remind",
    "briefing.cli.argument_values",
]
IMPORTER = [
    "briefing.importer",
    "briefing.importer.text",
    "briefing.importer.people",
    "briefing.importer.quotes",
    "briefing.importer.dates",
    "briefing.importer.figures",
    "briefing.importer.draft",
]
LIGHT = [*CORE_AND_STORAGE, *IMPORTER, *CLI]


def imported_after(modules: list[str], cwd: Path) -> set[str]:
    """Import ``modules`` in a fresh Python; return the names in its sys.modules."""
    code = (
        f"import json, sys\nimport {', '.join(modules)}\nprint(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_core_and_storage_import_neither_textual_nor_rich(tmp_path: Path) -> None:
    loaded = top_level(imported_after(CORE_AND_STORAGE, tmp_path))
    assert "briefing" in loaded
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_the_importer_loads_core_only(tmp_path: Path) -> None:
    """The article importer reaches core and nothing else of briefing, nor Textual or Rich."""
    loaded = imported_after(IMPORTER, tmp_path)
    ours = {name for name in loaded if name.startswith("briefing.")}
    assert all(name.startswith(("briefing.core", "briefing.importer")) for name in ours), ours
    assert "textual" not in top_level(loaded)
    assert "rich" not in top_level(loaded)


PLAIN = [
    "briefing.plain",
    "briefing.plain.run",
    "briefing.plain.session",
    "briefing.plain.views",
    "briefing.plain.finding",
    "briefing.plain.speech",
    "briefing.plain.terminal",
    "briefing.plain.commands",
]


def test_the_plain_reader_loads_neither_textual_nor_rich_nor_the_ui(tmp_path: Path) -> None:
    """The reader for screen readers (issue 19) is built on core and storage only."""
    loaded = imported_after(PLAIN, tmp_path)
    assert not {"textual", "rich"} & top_level(loaded)
    assert not [name for name in loaded if name.startswith(("briefing.ui", "briefing.importer"))]


def test_the_old_importer_path_is_gone(repo_root: Path) -> None:
    """The importer moved from briefing.core.article to briefing.importer (issue 14)."""
    assert not (repo_root / "briefing" / "core" / "article").exists()


def test_cli_does_not_import_textual(tmp_path: Path) -> None:
    loaded = top_level(imported_after(LIGHT, tmp_path))
    assert "textual" not in loaded


def test_cli_imports_neither_textual_nor_rich(tmp_path: Path) -> None:
    """Every command module, and the launcher the CLI reaches the UI through, stay light."""
    loaded = top_level(imported_after([*CLI, "briefing.ui.launch"], tmp_path))
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_every_cli_module_is_checked(repo_root: Path) -> None:
    found = {f"briefing.cli.{path.stem}" for path in (repo_root / "briefing" / "cli").glob("*.py")}
    assert found - {"briefing.cli.__init__", "briefing.cli.__main__"} == set(CLI) - {"briefing.cli"}


def test_importing_paths_creates_nothing(tmp_path: Path, isolated_env: dict[str, Path]) -> None:
    before = sorted(tmp_path.rglob("*"))
    imported_after(
        ["briefing.storage.paths", "briefing.storage.config", "briefing.storage"], tmp_path
    )
    assert not isolated_env["data"].exists()
    assert not isolated_env["config"].exists()
    assert sorted(tmp_path.rglob("*")) == before


def test_asking_for_paths_creates_nothing(isolated_env: dict[str, Path]) -> None:
    from briefing.storage import paths

    assert paths.data_dir() == isolated_env["data"]
    assert paths.config_dir() == isolated_env["config"]
    assert paths.database_file().parent == isolated_env["data"]
    assert paths.config_file().parent == isolated_env["config"]
    paths.user_themes_dir()
    assert not isolated_env["data"].exists()
    assert not isolated_env["config"].exists()


def test_layer_contracts_hold(repo_root: Path) -> None:
    lint_imports = Path(sys.executable).parent / (
        "lint-imports.exe" if sys.platform == "win32" else "lint-imports"
    )
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed next to this Python")
    result = subprocess.run(
        [str(lint_imports)], capture_output=True, text=True, cwd=repo_root, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_reader_starts_without_pydantic(seed_brief_path: Path) -> None:
    """pydantic (and model building, ~150 ms) is imported after the first frame, not before it:
    the first screens, the brief's and the library's, are on that path too (the section
    registry brought pydantic back into it once: 204 ms to 334 ms to the seed brief's title;
    building the app, which opens the library index, did again: 1.11x to 1.66x the bare app)."""
    code = (
        "import sys, briefing.cli, briefing.cli.open_reader, briefing.ui.launch, briefing.ui.app\n"
        "import briefing.ui.screens.brief, briefing.ui.screens.library\n"
        "briefing.ui.launch.build_app(path=sys.argv[1])\n"
        "assert 'pydantic' not in sys.modules, sorted(m for m in sys.modules if m.startswith('pydantic'))[:5]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(seed_brief_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_first_screens_start_without_the_notes_models() -> None:
    """The library's first frame needs counts of notes, not the note models (8 ms of
    dataclasses); the reader needs them once a brief is in its panes."""
    code = (
        "import sys, briefing.ui.screens.library, briefing.storage.store.seen, briefing.storage.store.database\n"
        "import briefing.ui.screens.brief\n"
        "heavy = {'briefing.storage.store.notes', 'briefing.core.annotations', 'briefing.core.changes'}\n"
        "assert not heavy & set(sys.modules), sorted(heavy & set(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_the_brief_models_import_no_pydantic(tmp_path: Path) -> None:
    """The models are plain dataclasses: a brief the library index has seen is built from
    its stored data (core/normalized.py) without pydantic's import and schema building
    (~140 ms); only validating a file brings pydantic (core/validation.py)."""
    modules = ["briefing.core.models", "briefing.core.provenance", "briefing.core.normalized"]
    loaded = top_level(imported_after(modules, tmp_path))
    assert "briefing" in loaded
    assert not {"pydantic", "pydantic_core"} & loaded
