"""Fixtures for the reader's UI tests: apps built by the real factory on the kit's clock
(the ``clock`` fixture of ``tests/conftest.py``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.core.clock import ManualClock
from briefing.ui.launch import build_app

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def make_app(clock: ManualClock) -> Callable[..., Any]:
    """``make_app(path=..., theme=...)``: :func:`briefing.ui.launch.build_app`, manual clock."""

    def _make(**kwargs: Any) -> Any:
        kwargs.setdefault("clock", clock)
        app = build_app(**kwargs)
        # Nothing to watch in a test: without animations (the tab bar's underline),
        # each key press is handled as soon as it is sent.
        app.animation_level = "none"
        return app

    return _make


@pytest.fixture
def hostile_dir() -> Path:
    """The folder of briefs whose text is markup or terminal escapes."""
    return DATA / "hostile"


@pytest.fixture
def mixed_library(tmp_path: Path, samples_dir: Path) -> Path:
    """A library folder with two good briefs and one that does not parse."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(samples_dir / "us-china-trade-talks-kuala-lumpur.toml", folder)
    shutil.copy(samples_dir / "board-meeting-northwind-robotics.toml", folder)
    shutil.copy(DATA / "bad" / "bad_syntax.toml", folder / "broken.toml")
    return folder


@pytest.fixture
def at_repo_root(repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the repository root the current folder (snapshots show paths relative to it)."""
    monkeypatch.chdir(repo_root)
    return repo_root
