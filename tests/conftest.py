"""Fixtures shared by every test: an isolated environment and the repository's paths."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_BRIEF = "us-china-trade-talks-kuala-lumpur.toml"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Point briefing's data and config folders into tmp_path and read times in UTC.

    The folders are named, not created, so a test can check that nothing creates
    them unasked. Subprocesses inherit the same environment.
    """
    dirs = {"data": tmp_path / "briefing-data", "config": tmp_path / "briefing-config"}
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(dirs["data"]))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(dirs["config"]))
    monkeypatch.setenv("TZ", "UTC")
    if hasattr(time, "tzset"):
        time.tzset()
    yield dirs
    if hasattr(time, "tzset"):
        monkeypatch.undo()
        time.tzset()


@pytest.fixture
def repo_root() -> Path:
    """The top of the source tree (the folder holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture
def samples_dir(repo_root: Path) -> Path:
    """The sample briefs at the top of the repository."""
    return repo_root / "sample_briefs"


@pytest.fixture
def seed_brief_path(samples_dir: Path) -> Path:
    """The brief built from the seed article (US-China trade talks in Kuala Lumpur)."""
    return samples_dir / SEED_BRIEF
