"""Stable ids for briefs and for the items inside them.

Notes and bookmarks are anchored to item ids, so a derived id must not change
when the file is re-read, nor when items are reordered. Ids are therefore built
from what an item *is* (a participant's name, a quote's speaker and text), never
from its position in the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
"""What an explicit id may look like: letters, digits, ``.``, ``_`` and ``-``."""

# A pattern, compiled (and cached by ``re``) when first used: nothing compiles at import.
_NOT_SLUG = r"[^a-z0-9]+"


def slugify(text: str, max_length: int = 48) -> str:
    """Return a lower-case ASCII slug of ``text`` (accents folded), possibly empty."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(_NOT_SLUG, "-", folded.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def short_hash(*parts: str, length: int = 6) -> str:
    """Return a short, stable hex digest of ``parts``."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def derive_id(prefix: str, text: str, *, hashed: Iterable[str] = ()) -> str:
    """Derive an id from ``text``, falling back to a hash when it has no ASCII letters.

    With ``hashed``, a short digest of those strings is appended, so that items
    with the same headline (two quotes by one speaker) still get distinct ids
    that do not depend on their order.
    """
    slug = slugify(text, max_length=32 if hashed else 48)
    hashed = tuple(hashed)
    if not slug:
        return f"{prefix}-{short_hash(text, *hashed)}"
    if hashed:
        return f"{slug}-{short_hash(*hashed)}"
    return slug


def uniquify(candidate: str, taken: set[str]) -> str:
    """Return ``candidate``, or ``candidate-2``, ``-3``... so it is not in ``taken``; record it."""
    unique = candidate
    counter = 2
    while unique in taken:
        unique = f"{candidate}-{counter}"
        counter += 1
    taken.add(unique)
    return unique
