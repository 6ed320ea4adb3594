"""Fixtures shared by every test: an isolated environment, the repository's paths, and the
test kit's fixed clock and brief builder (see ``tests/kit``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from kit import NOW, fixed_clock
from kit import make_brief as write_brief

from briefing.core import loading
from briefing.core.clock import ManualClock

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


@pytest.fixture
def now() -> datetime:
    """The test kit's fixed "now" (:data:`kit.NOW`, 2025-10-26 11:00 UTC)."""
    return NOW


@pytest.fixture
def clock() -> ManualClock:
    """A clock stopped at :data:`kit.NOW`; tests move it with ``advance``/``set``."""
    return fixed_clock()


@pytest.fixture
def make_brief(tmp_path: Path) -> Callable[..., Path]:
    """``make_brief(name="brief.toml", folder=tmp_path, title=..., quotes=[...], ...)``:
    write a valid brief with :func:`kit.make_brief` and return its path."""

    def _make(name: str = "brief.toml", *, folder: Path | None = None, **fields: Any) -> Path:
        return write_brief(tmp_path if folder is None else folder, name, **fields)

    return _make


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every brief file parsed and validated (by the index, a worker thread or the reader)."""
    calls: list[str] = []
    real = loading.parse_brief

    def parse_brief(data, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(os.fspath(path))
        return real(data, path, *args, **kwargs)

    monkeypatch.setattr(loading, "parse_brief", parse_brief)
    return calls
