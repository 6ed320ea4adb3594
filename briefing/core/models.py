"""The brief format, version 1, as pydantic models.

The models are strict: an unknown key is an error (with the nearest valid key
suggested by the loader), and every string is cleaned of control characters as
it is read (see :mod:`briefing.core.safetext`). Field docstrings become the
descriptions in ``briefing schema``.

Ids that a brief leaves out are derived here, after validation, from what each
item is (see :mod:`briefing.core.ids`), and every time is given its zone by the
rules in :mod:`briefing.core.timeutil`.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, tzinfo
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from briefing.core.ids import ID_PATTERN, derive_id
from briefing.core.provenance import DraftArticle, DraftMark
from briefing.core.safetext import clean_line, clean_text
from briefing.core.sections import derive_ids
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import PartialDate, instant_of, parse_when, resolve_when

MAX_FIELD_CHARS = 200_000
"""The longest any single text field may be."""
MAX_ITEMS = 100_000
"""The most items any one section may hold."""

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
ItemId = Annotated[str, Field(pattern=ID_PATTERN)]


def _derived_later() -> Any:
    """The default of an ``id`` a brief leaves out: None only until :class:`Brief`'s
    validator derives it, so every model a caller sees has a ``str``. Typed ``Any`` for
    that reason: the field's type is what callers read, not this short-lived placeholder."""
    return Field(default=None)


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


def _strict_config(title: str) -> ConfigDict:
    return ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        title=title,
        arbitrary_types_allowed=True,
        validate_default=False,
    )


class Source(BaseModel):
    """Where a brief's material comes from."""

    model_config = _strict_config("Source")

    name: RequiredLine
    """The publication or author, e.g. "Türkiye Today"."""
    url: Line | None = None
    """A link to the original, if there is one."""


class Participant(BaseModel):
    """A person (or body) who takes part in the events of the brief."""

    model_config = _strict_config("Participant")

    id: ItemId = _derived_later()
    """Stable id used by quotes (``speaker``) and notes; derived from ``name`` when absent."""
    name: RequiredLine
    """Full name as the source gives it."""
    role: Line | None = None
    """Title or function, e.g. "Treasury Secretary"."""
    affiliation: Line | None = None
    """Organisation or country the participant acts for."""
    side: Line | None = None
    """Optional grouping, e.g. "US" or "China"."""
    notes: Text | None = None
    """Free text about the participant (Markdown)."""
    aliases: list[RequiredLine] = Field(default_factory=list)
    """Other names the same participant goes by, for matching across briefs."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


class Quote(BaseModel):
    """Words someone said, verbatim."""

    model_config = _strict_config("Quote")

    id: ItemId = _derived_later()
    """Stable id for notes; derived from the speaker and the text when absent."""
    speaker: ItemId | None = None
    """The ``id`` of the participant who said it; absent when the source does not say."""
    text: Annotated[
        str,
        Field(max_length=MAX_FIELD_CHARS),
        AfterValidator(clean_text),
        AfterValidator(_not_blank),
    ]
    """The words, exactly as quoted in the source."""
    context: Text | None = None
    """The circumstances or the sentence around the quote."""
    said: WhenField | None = None
    """When it was said: a date or a date-time."""
    source: Line | None = None
    """Where it was said or reported, e.g. "told reporters" or a publication."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


class Deadline(BaseModel):
    """A moment something must happen by."""

    model_config = _strict_config("Deadline")

    id: ItemId = _derived_later()
    """Stable id for notes; derived from ``title`` when absent."""
    title: RequiredLine
    """What falls due."""
    due: WhenField
    """When: a date-time, or a date meaning the end of that day."""
    details: Text | None = None
    """More about the deadline (Markdown)."""
    status: DeadlineStatus = DeadlineStatus.OPEN
    """open, met, missed, extended or cancelled."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""

    _due_at: datetime | None = PrivateAttr(default=None)

    @property
    def due_at(self) -> datetime:
        """The exact moment the deadline falls due, timezone-aware."""
        assert self._due_at is not None, "Deadline used outside a Brief"
        return self._due_at


class TimelineEvent(BaseModel):
    """Something that happened (or will), in order."""

    model_config = _strict_config("TimelineEvent")

    id: ItemId = _derived_later()
    """Stable id for notes; derived from the date and label when absent."""
    date: TimelineWhen
    """A date, a date-time, or a month (``2025-05``) or year (``2025``) when no more is known."""
    place: Line | None = None
    """Where it happened."""
    label: RequiredLine
    """What happened."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


class Figure(BaseModel):
    """A key number."""

    model_config = _strict_config("Figure")

    id: ItemId = _derived_later()
    """Stable id for notes; derived from ``label`` when absent."""
    label: RequiredLine
    """What the number measures."""
    value: RequiredLine
    """The number as it should be shown, e.g. "145%"; write it as text to keep its exact form (a bare number is converted, so 7.50 shows as 7.5)."""
    note: Text | None = None
    """Context for the number."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return value  # rejected by the str type: true is not a figure
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value} is not a number that can be shown")
        if isinstance(value, int | float):
            return str(value)
        return value


class Brief(BaseModel):
    """A structured briefing: who, what was said, what is due, and what happened."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        title="Brief",
        arbitrary_types_allowed=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    format: Literal[1]
    """The version of the brief format; always 1 for now."""
    id: ItemId = _derived_later()
    """Stable id of the brief; derived from the file name when absent."""
    title: RequiredLine
    """The headline."""
    published: WhenField
    """When the brief (or its source) was published: a date-time, ideally with an offset."""
    source: Source | None = None
    """Where the material comes from."""
    tags: list[RequiredLine] = Field(default_factory=list, max_length=1000)
    """Free-form labels for filtering the library."""
    timezone: Line | None = None
    """IANA zone name (e.g. "Asia/Kuala_Lumpur") for times written without an offset."""
    summary: Text = ""
    """What happened, in Markdown."""
    participants: list[Participant] = Field(default_factory=list, max_length=MAX_ITEMS)
    """Who takes part."""
    quotes: list[Quote] = Field(default_factory=list, max_length=MAX_ITEMS)
    """What was said, verbatim."""
    deadlines: list[Deadline] = Field(default_factory=list, max_length=MAX_ITEMS)
    """What falls due, and when."""
    timeline: list[TimelineEvent] = Field(default_factory=list, max_length=MAX_ITEMS)
    """What happened, in order."""
    figures: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS)
    """Key numbers."""
    draft: DraftArticle | None = None
    """The article a draft was imported from (``briefing import``), for the review screen."""

    # None rather than UTC: pydantic deep-copies a default that is not a plain constant
    # for every brief it validates (a tenth of the index workers' validation time).
    _zone: tzinfo | None = PrivateAttr(default=None)
    _participants_by_id: dict[str, Participant] | None = PrivateAttr(default=None)

    @property
    def zone(self) -> tzinfo:
        """The zone naive times in this brief were read in."""
        return self._zone or UTC

    @property
    def published_at(self) -> datetime:
        """The publication moment, timezone-aware (a bare date means its start)."""
        value = self.published
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, datetime.min.time(), tzinfo=self.zone)

    @field_validator("format", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        # true and 1.0 would pass as 1 in lax mode; the version is a whole number.
        if type(value) is not int:
            raise ValueError(f"format must be the whole number 1, not {value!r}"[:80])
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(
                f"'{value[:60]}' is not a known IANA time zone, such as Europe/London"
            ) from None
        return value

    @model_validator(mode="after")
    def _resolve(self, info: ValidationInfo) -> Brief:
        context = info.context or {}
        local: tzinfo = context.get("local_zone") or UTC
        # A local: reading a private attribute of a pydantic model goes through its
        # __getattr__ (2-3 us), and the loops below would ask once per item.
        zone = self._zone = ZoneInfo(self.timezone) if self.timezone else local
        if self.id is None:
            self.id = derive_id("brief", context.get("stem") or self.title)
        self.published = resolve_when(self.published, zone)
        _derive_ids(self)
        self._participants_by_id = {p.id: p for p in self.participants}
        for quote in self.quotes:
            if quote.said is not None:
                quote.said = resolve_when(quote.said, zone)
        for deadline in self.deadlines:
            deadline.due = resolve_when(deadline.due, zone)
            deadline._due_at = instant_of(deadline.due, zone)
        for event in self.timeline:
            if not isinstance(event.date, PartialDate):
                event.date = resolve_when(event.date, zone)
        return self

    def participant(self, participant_id: str | None) -> Participant | None:
        """Return the participant with this id, if any.

        A dictionary lookup: a 20,000-quote brief asks once per quote, and a scan of
        2,000 participants each time took seconds.
        """
        if participant_id is None or self._participants_by_id is None:
            return None
        return self._participants_by_id.get(participant_id)


def _derive_ids(brief: Brief) -> None:
    """Fill in missing ids; explicit ones were checked for duplicates by the loader."""
    derive_ids(brief)
