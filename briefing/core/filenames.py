"""File names derived from untrusted text (a brief's title) that cannot escape their folder."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def safe_filename(
    text: str, suffix: str, *, fallback: str = "briefing-export", max_length: int = 80
) -> str:
    """Return a file name made from ``text``: no separators, no ``..``, no NUL, no reserved names.

    >>> safe_filename("../../etc/passwd", ".md")
    'etc-passwd.md'
    """
    folded = unicodedata.normalize("NFKC", text)
    stem = _UNSAFE.sub("-", folded).strip("-._")
    stem = re.sub(r"\.{2,}", ".", stem)  # no ".." anywhere, not even inside a name
    stem = re.sub(r"-{2,}", "-", stem)[:max_length].strip("-._")
    if not stem or stem.split(".")[0].lower() in _RESERVED:
        stem = fallback if not stem else f"{fallback}-{stem}"
    return stem + suffix
