"""The field types of the brief format as pydantic reads them: limits, cleaning, parsing.

The models (:mod:`briefing.core.models`, :mod:`briefing.core.provenance`) are
plain dataclasses whose annotations are strings naming the types below
(``Line``, ``WhenField``...); they import this module only for the type checker,
so that building a brief from trusted data (:mod:`briefing.core.normalized`)
needs no pydantic. :mod:`briefing.core.validation` resolves the names here when
it builds its validator, and every string a file gives is then limited in
length and cleaned of control characters (see :mod:`briefing.core.safetext`).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from briefing.core.ids import ID_PATTERN
from briefing.core.models import MAX_FIELD_CHARS, MAX_ITEMS
from briefing.core.provenance import MAX_ARTICLE_CHARS
from briefing.core.safetext import clean_line, clean_text
from briefing.core.timeutil import PartialDate, parse_when

T = TypeVar("T")

Line = Annotated[str, Field(max_length=MAX_FIELD_CHARS), AfterValidator(clean_line)]
"""Single-line text: control characters removed, line breaks folded to spaces."""
Text = Annotated[str, Field(max_length=MAX_FIELD_CHARS), AfterValidator(clean_text)]
"""Multi-line text (Markdown where the field says so): control characters removed."""


def _not_blank(value: str) -> str:
    # Checked after cleaning: a title made only of an escape sequence is empty.
    if not value.strip():
        raise ValueError("must not be empty")
    return value


RequiredLine = Annotated[
    str, Field(max_length=MAX_FIELD_CHARS), AfterValidator(clean_line), AfterValidator(_not_blank)
]
"""A :data:`Line` that must not be blank once cleaned."""
RequiredText = Annotated[
    str, Field(max_length=MAX_FIELD_CHARS), AfterValidator(clean_text), AfterValidator(_not_blank)
]
"""A :data:`Text` that must not be blank once cleaned (a quote's words)."""
ItemId = Annotated[str, Field(pattern=ID_PATTERN)]
"""An item's id: letters, digits, '.', '_' and '-'."""
ItemList = Annotated[list[T], Field(max_length=MAX_ITEMS)]
"""The items of one section of a brief."""
Tags = Annotated[list[RequiredLine], Field(max_length=1000)]
"""A brief's labels."""


def _number_as_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # rejected by the str type: true is not a figure
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number that can be shown")
    if isinstance(value, int | float):
        return str(value)
    return value


FigureValue = Annotated[RequiredLine, BeforeValidator(_number_as_text)]
"""A figure's value: text, or a number written as text."""


def _whole_number(value: Any) -> Any:
    # true and 1.0 would pass as 1 in lax mode; the version is a whole number.
    if type(value) is not int:
        raise ValueError(f"format must be the whole number 1, not {value!r}"[:80])
    return value


FormatVersion = Annotated[Literal[1], BeforeValidator(_whole_number)]
"""The version of the brief format."""


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            f"'{value[:60]}' is not a known IANA time zone, such as Europe/London"
        ) from None
    return value


ZoneName = Annotated[Line, AfterValidator(_known_zone)]
"""An IANA zone name."""

_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date"},
    ]
}
WhenField = Annotated[
    date | datetime,
    PlainValidator(parse_when),
    PlainSerializer(lambda v: v.isoformat(), when_used="json"),
    WithJsonSchema(_DATE_SCHEMA),
]
"""A date or a date-time (ISO text in JSON)."""
TimelineWhen = Annotated[
    date | datetime | PartialDate,
    PlainValidator(lambda v: parse_when(v, partial=True)),
    PlainSerializer(
        lambda v: str(v) if isinstance(v, PartialDate) else v.isoformat(), when_used="json"
    ),
    WithJsonSchema(
        {"anyOf": [*_DATE_SCHEMA["anyOf"], {"type": "string", "pattern": r"^\d{4}(-\d{2})?$"}]}
    ),
]
"""A date, a date-time, a month or a year."""

# -- the draft provenance (briefing.core.provenance) ---------------------------------------

ShortLine = Annotated[str, Field(max_length=2000), AfterValidator(clean_line)]
"""A short single line of a draft mark (its reason, a check)."""
Snippet = Annotated[str, Field(max_length=200_000), AfterValidator(clean_text)]
"""A piece of the article a draft mark quotes."""
Checks = Annotated[list[ShortLine], Field(max_length=50)]
"""What a person should check about a drafted item."""
Offset = Annotated[int, Field(ge=0, le=MAX_ARTICLE_CHARS)]
"""A position in a draft's article (code points)."""
ArticleText = Annotated[str, Field(max_length=MAX_ARTICLE_CHARS), AfterValidator(clean_text)]
"""The article a draft was made from."""
