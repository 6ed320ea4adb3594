"""The sections of a brief, in the order of their number keys."""

from __future__ import annotations

SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("participants", "Participants"),
    ("quotes", "Quotes"),
    ("deadlines", "Deadlines"),
    ("timeline", "Timeline"),
    ("figures", "Key figures"),
)
"""Section keys and names, in the order of the number keys."""
