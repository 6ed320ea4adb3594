"""Fixtures shared by the core tests."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

HEAD = 'format = 1\ntitle = "T"\npublished = 2025-01-01\n'
"""The three keys every TOML brief needs, for tests that only care about the rest."""


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Return ``write(text, name="brief.toml")``: write dedented text to a file in tmp_path."""

    def _write(text: str, name: str = "brief.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def head() -> str:
    """The minimal TOML head (format, title, published) to prepend to a test brief."""
    return HEAD
