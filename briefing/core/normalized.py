"""A validated brief as plain JSON data, and back without validating it again.

The library index keeps each brief's validated content keyed by its content digest
(issue 15), so the reader can show a brief it has seen before without validating it.
:func:`dump` gives that content as JSON-ready data; :func:`load` builds the brief
from it, trusting it: only data that :func:`dump` made from a validated brief, with the
same :data:`VERSION`, may be given to it.

:func:`load` is a construction of the models' dataclasses, without pydantic (its
import and schema building are ~140 ms) and without validation (a 20,000-quote brief
validates in ~0.4 s). What it must give back is exactly the brief that was read,
including what equality does not see: a time written without an offset was read in
the brief's zone (its ``timezone``, else the reader's), and comes back in that zone
(a :class:`~zoneinfo.ZoneInfo`, with its rules), not as a bare offset. Such times are
written without their offset, as the wall time they are, and take the zone again on
loading; times the file gave an offset keep it. Data made in another zone (the reader's
moved) is refused, as data of another version is: only reading the file again tells
what its times mean there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, tzinfo
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from briefing.core import sections
from briefing.core.kept_items import KeptItems, items_list
from briefing.core.models import Brief, Source, finish
from briefing.core.provenance import DraftArticle, DraftMark
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import PartialDate

VERSION = 4
"""Bumped whenever what :func:`dump` writes changes: older data is then not trusted.
2: times read in the brief's zone are written as wall times (1 lost their zone).
3: the summary read into blocks is kept beside the brief (issue 15: the reader draws
them without importing Markdown code); content of 2 is not found, the file validated.
4: the quotes kept apart, in chunks built as they are read (:data:`Kept`; issue 15)."""

_FOLD = "|fold"
"""Marks the second of two equal wall times (the hour a clock goes back)."""


def dump(brief: Brief) -> dict[str, Any]:
    """Return ``brief``'s validated content as data :func:`json.dumps` can write.

    With its summary's blocks (:mod:`briefing.core.markdown_blocks`) when it carries
    them, as a brief the reader read does (indexing keeps content without them).
    """
    zone = brief.zone
    data = {"version": VERSION, "zone": str(zone), "brief": _dump_item(brief, zone)}
    blocks = brief.summary_blocks
    if blocks is not None:
        data["summary"] = blocks
    return data


Kept = tuple[int, int, Callable[[int], list[dict[str, Any]]]]
"""A section's items kept apart from the brief's data: how many, how many to a chunk,
and the function that gives the dumped items of chunk ``n``."""


def load(
    data: dict[str, Any],
    *,
    local_zone: tzinfo | None = None,
    kept: Mapping[str, Kept] | None = None,
) -> Brief:
    """Return the brief :func:`dump` made ``data`` from (``local_zone`` as when it was read).

    ``kept`` gives, by section key, the items kept apart from ``data`` (left out of it):
    that section is a :class:`~briefing.core.kept_items.KeptItems` building a chunk of
    them the first time one of its items is read.

    Raise :class:`ValueError` when ``data`` is of another :data:`VERSION` or shape, or
    was made in another zone than the one the brief's times would now be read in.
    """
    if data.get("version") != VERSION:
        raise ValueError(f"normalized brief of version {data.get('version')}, not {VERSION}")
    raw = data["brief"]
    named = raw.get("timezone")
    zone = ZoneInfo(named) if named else local_zone or UTC
    if str(zone) != data.get("zone"):
        raise ValueError(f"normalized brief read in the zone {data.get('zone')}, not {zone}")
    times = _Times(zone)
    try:
        brief: Brief = _loader(sections.brief_model())(raw, times)
        for key, (count, size, fetch) in (kept or {}).items():
            setattr(brief, key, _kept(key, count, size, fetch, times))
    except TypeError as error:  # a field the models do not have, or lack
        raise ValueError(f"normalized brief of another shape: {error}") from None
    finish(brief, zone)
    blocks = data.get("summary")
    if blocks is not None:
        brief.keep_summary_blocks(blocks)
    return brief


def _kept(
    key: str, count: int, size: int, fetch: Callable[[int], list[dict[str, Any]]], times: _Times
) -> KeptItems[Any]:
    model = next((s.item_model() for s in sections.lists() if s.key == key), None)
    if model is None:
        raise TypeError(f"no section {key!r} of items")
    one = _loader(model)
    return KeptItems(count, size, lambda number: [one(raw, times) for raw in fetch(number)])


# -- dumping ----------------------------------------------------------------------------


def _dump_item(item: Any, zone: tzinfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _field_names(type(item)):
        value = getattr(item, name)
        if value is not None:
            out[name] = _dump_value(value, zone)
    return out


def _dump_value(value: Any, zone: tzinfo) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str | int | float):
        return value
    if items_list(value):
        return [_dump_value(part, zone) for part in value]
    if isinstance(value, datetime):
        if value.tzinfo is not zone:
            return value.isoformat()  # the offset the file gave
        text = value.replace(tzinfo=None).isoformat()
        return text + _FOLD if value.fold else text
    if isinstance(value, date | PartialDate):
        return str(value)
    return _dump_item(value, zone)


_names: dict[type[Any], tuple[str, ...]] = {}


def _field_names(model: type[Any]) -> tuple[str, ...]:
    found = _names.get(model)
    if found is None:
        found = _names[model] = tuple(f.name for f in dataclasses.fields(model) if f.init)
    return found


# -- loading ----------------------------------------------------------------------------


class _Times(dict[str, Any]):
    """The times of one brief being loaded, by their text (they are immutable, and a brief's
    items share them: 5,664 different ones in the 20,000 quotes of the benchmarks' big brief)."""

    __slots__ = ("zone",)

    def __init__(self, zone: tzinfo) -> None:
        super().__init__()
        self.zone = zone

    def __missing__(self, text: str) -> date | datetime | PartialDate:
        value = self[text] = _when(text, self.zone)
        return value


Convert = Callable[[Any, _Times], Any]
_loaders: dict[type[Any], Callable[[dict[str, Any], _Times], Any]] = {}


def _loader(model: type[Any]) -> Callable[[dict[str, Any], _Times], Any]:
    """A function from the dumped fields of a ``model`` to one, converting only the fields
    JSON cannot hold as they are (times, nested items, the status; lists are copied)."""
    found = _loaders.get(model)
    if found is not None:
        return found
    converts = [
        (f.name, convert)
        for f in dataclasses.fields(model)
        if f.init and (convert := _convert(str(f.type))) is not None
    ]

    def build(raw: dict[str, Any], times: _Times) -> Any:
        item = model(**raw)
        # Set after construction: cheaper than a copy of the fields for the keywords.
        for name, convert in converts:
            value = getattr(item, name)
            if value is not None:
                setattr(item, name, convert(value, times))
        return item

    _loaders[model] = build
    return build


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _convert(annotation: str) -> Convert | None:
    """How to load a field from its annotation (a string: the models' types are named)."""
    names = _NAME.findall(annotation)
    models = _models()
    nested = next((models[name] for name in names if name in models), None)
    many = names[0] in ("list", "ItemList", "Tags", "Checks")
    if nested is not None:
        one = _loader(nested)
        if many:
            return lambda values, times: [one(value, times) for value in values]
        return one
    if many:
        return lambda values, _times: list(values)
    if "DeadlineStatus" in names:
        return lambda value, _times: DeadlineStatus(value)
    if any(name.endswith("When") or name == "WhenField" for name in names):
        return lambda value, times: times[value]
    return None


def _models() -> dict[str, type[Any]]:
    """The dataclasses a brief holds, by the name its annotations give them."""
    found: dict[str, type[Any]] = {"Source": Source, "DraftMark": DraftMark}
    found["DraftArticle"] = DraftArticle
    for section in sections.lists():
        item = section.item_model()
        if item is not None:
            found[item.__name__] = item
    return found


def _when(value: str, zone: tzinfo) -> date | datetime | PartialDate:
    if "T" in value:
        moment = datetime.fromisoformat(value.removesuffix(_FOLD))
        if moment.tzinfo is not None:
            return moment  # the offset the file gave
        # Read in the brief's zone: it takes the zone again. The constructor, as
        # datetime.replace takes three times as long (20,000 quotes: 16 ms against 5).
        again = datetime(*_fields_of(moment), zone)
        return again.replace(fold=1) if value.endswith(_FOLD) else again
    if len(value) == 10:
        return date.fromisoformat(value)
    year, _, month = value.partition("-")
    return PartialDate(int(year), int(month) if month else None)


def _fields_of(moment: datetime) -> tuple[int, int, int, int, int, int, int]:
    return (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
    )
