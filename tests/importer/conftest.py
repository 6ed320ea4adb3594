"""Fixtures for the importer's tests."""

from __future__ import annotations

import pytest

from .helpers import SEED_ARTICLE


@pytest.fixture
def seed_text() -> str:
    """The seed article (a byte-for-byte copy of the original)."""
    return SEED_ARTICLE.read_text(encoding="utf-8")
