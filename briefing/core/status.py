"""Deadline statuses, kept apart from the models so the reader can use them without pydantic."""

from __future__ import annotations

from enum import Enum


class DeadlineStatus(str, Enum):
    """Where a deadline stands; only ``open`` deadlines count down."""

    OPEN = "open"
    MET = "met"
    MISSED = "missed"
    EXTENDED = "extended"
    CANCELLED = "cancelled"
