"""Validating brief data with pydantic, over the plain dataclasses of the brief format.

The models (:mod:`briefing.core.models`, :mod:`briefing.core.provenance`) import
no pydantic; this module builds a :class:`pydantic.TypeAdapter` over them once per
model, resolving their annotations' names in :mod:`briefing.core.validation_types`
(where the limits, cleaning and date parsing are). It also does what a brief
derives once its fields are valid (:func:`resolve`): its zone, the ids it leaves
out, each time's zone, each deadline's moment and its summary read into blocks. A
brief built from trusted data (:mod:`briefing.core.normalized`) gets the same from
:func:`briefing.core.models.finish` and the blocks kept with it, without pydantic.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter

from briefing.core import sections, validation_types
from briefing.core.ids import derive_id
from briefing.core.models import Brief, finish
from briefing.core.timeutil import PartialDate, resolve_when

T = TypeVar("T")

_adapters: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[T]) -> TypeAdapter[T]:
    """The validator of ``model`` (a dataclass of the brief format), built once."""
    found = _adapters.get(model)
    if found is None:
        found = TypeAdapter(model)
        # The names in the models' string annotations: the validated types, and the
        # item models of sections registered at run time (see sections.brief_model).
        names = dict(vars(validation_types))
        for section in sections.lists():
            item = section.item_model()
            if item is not None:
                names.setdefault(item.__name__, item)
        found.rebuild(force=True, _types_namespace=names)
        _adapters[model] = found
    return found


def validate(model: type[T], data: Any) -> T:
    """Validate ``data`` as a ``model``; raise :class:`pydantic.ValidationError` if it is not one."""
    return adapter(model).validate_python(data)


def validate_brief(
    data: Any, *, local_zone: tzinfo | None = None, stem: str | None = None
) -> Brief:
    """Validate ``data`` as a brief (with every registered section) and :func:`resolve` it."""
    brief = validate(sections.brief_model(), data)
    resolve(brief, local_zone=local_zone, stem=stem)
    return brief


def resolve(brief: Brief, *, local_zone: tzinfo | None = None, stem: str | None = None) -> None:
    """Derive what a valid brief leaves out: its zone and id, item ids, and every time's zone.

    ``local_zone`` is the reader's zone, for times written without an offset in a
    brief without a ``timezone``; ``stem``, the file name its id is derived from.
    """
    zone = ZoneInfo(brief.timezone) if brief.timezone else local_zone or UTC
    if brief.id is None:
        brief.id = derive_id("brief", stem or brief.title)
    brief.published = resolve_when(brief.published, zone)
    sections.derive_ids(brief)
    for quote in brief.quotes:
        if quote.said is not None:
            quote.said = resolve_when(quote.said, zone)
    for deadline in brief.deadlines:
        deadline.due = resolve_when(deadline.due, zone)
    for event in brief.timeline:
        if not isinstance(event.date, PartialDate):
            event.date = resolve_when(event.date, zone)
    finish(brief, zone)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the brief format (with every registered section)."""
    return adapter(sections.brief_model()).json_schema()


def dump_json(item: Any) -> Any:
    """``item`` (a brief or one of its parts) as JSON-ready data, as the schema describes it."""
    return adapter(type(item)).dump_python(item, mode="json")


def field_names(model: type[Any]) -> list[str]:
    """The keys a file may give ``model`` (a dataclass of the format, or a pydantic model)."""
    if dataclasses.is_dataclass(model):
        return [f.name for f in dataclasses.fields(model) if f.init]
    return list(model.model_fields)
