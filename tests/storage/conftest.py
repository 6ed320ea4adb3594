"""Fixtures for the notes store tests: a store in tmp_path (the fixed ``now`` is the kit's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "briefing.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    store = Store(db_path)
    yield store
    store.close()


@pytest.fixture
def notes(store: Store) -> Annotations:
    return Annotations(store)
