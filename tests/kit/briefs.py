"""Build valid TOML briefs for tests that need a brief but do not test TOML itself.

Tests of bad input keep their literal files (``tests/data/bad``) or strings:
there the bytes are the point. Everywhere else a test says only what matters
to it::

    make_brief(tmp_path, title="Extra", deadlines=[{"title": "Reply", "due": DUE}])

Values are Python values: ``str``, ``int``, ``float``, ``bool``, ``date``,
``datetime`` (an aware one keeps its offset; a naive one is a TOML local
date-time), lists of those, and tables (``dict``) for ``source`` and friends.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import tomli_w

from briefing.core.models import Brief, finish

DEFAULT_TITLE = "A test brief"
DEFAULT_PUBLISHED = date(2025, 1, 1)

SECTIONS = ("participants", "quotes", "deadlines", "timeline", "figures")
"""The arrays of tables of a brief, written in this order after the head."""


def _toml_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _toml_value(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [_toml_value(item) for item in value]
    if isinstance(value, (str, int, float, bool, date, datetime, time)):
        return value
    raise TypeError(f"no TOML value for {value!r}")


def brief_toml(
    title: str = DEFAULT_TITLE,
    *,
    published: date | datetime = DEFAULT_PUBLISHED,
    participants: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
    deadlines: Sequence[Mapping[str, Any]] = (),
    timeline: Sequence[Mapping[str, Any]] = (),
    figures: Sequence[Mapping[str, Any]] = (),
    **fields: Any,
) -> str:
    """The text of a valid brief: ``format = 1``, ``title``, ``published``, then ``fields``
    (``id``, ``tags``, ``summary``, ``source``, ...; ``None`` leaves a key out) and the sections.
    """
    document: dict[str, Any] = {"format": 1, "title": title, "published": published}
    document.update({key: value for key, value in fields.items() if value is not None})
    sections = dict(
        zip(SECTIONS, (participants, quotes, deadlines, timeline, figures), strict=True)
    )
    document.update({name: list(items) for name, items in sections.items() if items})
    return tomli_w.dumps(_toml_value(document))


def make_brief(folder: Path, name: str = "brief.toml", **fields: Any) -> Path:
    """Write :func:`brief_toml` (``fields``) to ``folder/name`` (folder created) and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(brief_toml(**fields), encoding="utf-8")
    return path


def replaced(brief: Brief, **changes: Any) -> Brief:
    """``brief`` with ``changes`` to its fields, and the state a read brief derives (its zone,
    participants by id, each deadline's moment) made again, as the loader makes it."""
    new = dataclasses.replace(brief, **changes)
    finish(new, brief.zone)
    return new
