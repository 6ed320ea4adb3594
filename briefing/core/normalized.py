"""A validated brief as plain JSON data, and back without validating it again.

The library index keeps each brief's validated content keyed by its content digest
(issue 15), so the reader can show a brief it has seen before without validating it.
:func:`dump` gives that content as JSON-ready data; :func:`load` builds the brief
from it, trusting it: only data that :func:`dump` made from a validated brief, with the
same :data:`VERSION`, may be given to it.

This first version goes through the models' own serialisation and validation: it is
correct but not yet fast (see issue 15: the models as plain dataclasses make
:func:`load` a construction, without pydantic).
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.core.models import Brief

VERSION = 1
"""Bumped whenever what :func:`dump` writes changes: older data is then not trusted."""


def dump(brief: Brief) -> dict[str, Any]:
    """Return ``brief``'s validated content as data :func:`json.dumps` can write."""
    # deferred: pydantic, only once a brief is dumped
    from briefing.core.validation import dump_json

    return {"version": VERSION, "zone": str(brief.zone), "brief": dump_json(brief)}


def load(data: dict[str, Any], *, local_zone: tzinfo | None = None) -> Brief:
    """Return the brief :func:`dump` made ``data`` from (``local_zone`` as when it was read)."""
    # deferred: pydantic and the models, only once a brief is read
    from briefing.core.validation import validate_brief

    if data.get("version") != VERSION:
        raise ValueError(f"normalized brief of version {data.get('version')}, not {VERSION}")
    return validate_brief(data["brief"], local_zone=local_zone)
