"""Fixtures for the notes store tests: a fixed clock and a store in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations

from .helpers import NOW


@pytest.fixture
def now() -> datetime:
    return NOW


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
