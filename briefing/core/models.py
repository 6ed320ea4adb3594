"""The brief format, version 1, as plain dataclasses.

The models import no pydantic: a brief the library index has seen before is built
from its stored data without it (:mod:`briefing.core.normalized`). Reading a file
validates it with pydantic (:mod:`briefing.core.validation`), over these very
classes: the string annotations name the field types of
:mod:`briefing.core.validation_types`, which limit and clean every string as it is
read (see :mod:`briefing.core.safetext`). The models are strict: an unknown key is
an error (with the nearest valid key suggested by the loader). Field docstrings
become the descriptions in ``briefing schema``.

Ids that a brief leaves out are derived after validation, from what each item is
(see :mod:`briefing.core.ids`), and every time is given its zone by the rules in
:mod:`briefing.core.timeutil` (:func:`briefing.core.validation.resolve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from briefing.core.provenance import DraftArticle, DraftMark
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import instant_of

if TYPE_CHECKING:
    from briefing.core.markdown_blocks import Block

    # The validated field types, for the type checker only (they bring pydantic);
    # briefing.core.validation resolves the annotations' names in that module.
    from briefing.core.validation_types import (
        FigureValue,
        FormatVersion,
        ItemId,
        ItemList,
        Line,
        RequiredLine,
        RequiredText,
        Tags,
        Text,
        TimelineWhen,
        WhenField,
        ZoneName,
    )

MAX_FIELD_CHARS = 200_000
"""The longest any single text field may be."""
MAX_ITEMS = 100_000
"""The most items any one section may hold."""


def _config(title: str, **more: Any) -> dict[str, Any]:
    # pydantic's configuration of each model, read when it validates (a plain dict here).
    return {
        "extra": "forbid",
        "use_attribute_docstrings": True,
        "title": title,
        "arbitrary_types_allowed": True,
        "validate_default": False,
        **more,
    }


class _DueAt:
    """The state a deadline derives when its brief is read: not a field of the format."""

    __slots__ = ("_due_at",)
    _due_at: datetime

    def _settle(self, due_at: datetime) -> None:
        self._due_at = due_at


class _BriefState:
    """The state a brief derives when it is read: not fields of the format."""

    __slots__ = ("_zone", "_participants_by_id", "_summary_blocks")
    _zone: tzinfo
    _participants_by_id: dict[str, Participant]
    _summary_blocks: tuple[str, list[Block]]

    def _settle(self, zone: tzinfo, participants: list[Participant]) -> None:
        self._zone = zone
        self._participants_by_id = {p.id: p for p in participants}

    def _keep_summary(self, text: str, blocks: list[Block]) -> None:
        self._summary_blocks = (text, blocks)


@dataclass(slots=True, kw_only=True)
class Source:
    """Where a brief's material comes from."""

    __pydantic_config__ = _config("Source")

    name: RequiredLine
    """The publication or author, e.g. "Türkiye Today"."""
    url: Line | None = None
    """A link to the original, if there is one."""


DERIVED_LATER: Any = None
"""The default of an ``id`` a brief leaves out: None only until validation derives it, so
every model a caller sees has a ``str``. Typed ``Any`` for that reason: the field's type is
what callers read, not this short-lived placeholder."""


@dataclass(slots=True, kw_only=True)
class Participant:
    """A person (or body) who takes part in the events of the brief."""

    __pydantic_config__ = _config("Participant")

    id: ItemId = DERIVED_LATER
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
    aliases: list[RequiredLine] = field(default_factory=list)
    """Other names the same participant goes by, for matching across briefs."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


@dataclass(slots=True, kw_only=True)
class Quote:
    """Words someone said, verbatim."""

    __pydantic_config__ = _config("Quote")

    id: ItemId = DERIVED_LATER
    """Stable id for notes; derived from the speaker and the text when absent."""
    speaker: ItemId | None = None
    """The ``id`` of the participant who said it; absent when the source does not say."""
    text: RequiredText
    """The words, exactly as quoted in the source."""
    context: Text | None = None
    """The circumstances or the sentence around the quote."""
    said: WhenField | None = None
    """When it was said: a date or a date-time."""
    source: Line | None = None
    """Where it was said or reported, e.g. "told reporters" or a publication."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


@dataclass(slots=True, kw_only=True)
class Deadline(_DueAt):
    """A moment something must happen by."""

    __pydantic_config__ = _config("Deadline")

    id: ItemId = DERIVED_LATER
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

    @property
    def due_at(self) -> datetime:
        """The exact moment the deadline falls due, timezone-aware."""
        try:
            return self._due_at
        except AttributeError:
            raise AssertionError("Deadline used outside a Brief") from None


@dataclass(slots=True, kw_only=True)
class TimelineEvent:
    """Something that happened (or will), in order."""

    __pydantic_config__ = _config("TimelineEvent")

    id: ItemId = DERIVED_LATER
    """Stable id for notes; derived from the date and label when absent."""
    date: TimelineWhen
    """A date, a date-time, or a month (``2025-05``) or year (``2025``) when no more is known."""
    place: Line | None = None
    """Where it happened."""
    label: RequiredLine
    """What happened."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


@dataclass(slots=True, kw_only=True)
class Figure:
    """A key number."""

    __pydantic_config__ = _config("Figure")

    id: ItemId = DERIVED_LATER
    """Stable id for notes; derived from ``label`` when absent."""
    label: RequiredLine
    """What the number measures."""
    value: FigureValue
    """The number as it should be shown, e.g. "145%"; write it as text to keep its exact form (a bare number is converted, so 7.50 shows as 7.5)."""
    note: Text | None = None
    """Context for the number."""
    draft: DraftMark | None = None
    """Where ``briefing import`` read this item and how sure it is; removed once a person accepts it."""


@dataclass(slots=True, kw_only=True)
class Brief(_BriefState):
    """A structured briefing: who, what was said, what is due, and what happened."""

    __pydantic_config__ = _config(
        "Brief", json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"}
    )

    format: FormatVersion
    """The version of the brief format; always 1 for now."""
    id: ItemId = DERIVED_LATER
    """Stable id of the brief; derived from the file name when absent."""
    title: RequiredLine
    """The headline."""
    published: WhenField
    """When the brief (or its source) was published: a date-time, ideally with an offset."""
    source: Source | None = None
    """Where the material comes from."""
    tags: Tags = field(default_factory=list)
    """Free-form labels for filtering the library."""
    timezone: ZoneName | None = None
    """IANA zone name (e.g. "Asia/Kuala_Lumpur") for times written without an offset."""
    summary: Text = ""
    """What happened, in Markdown."""
    participants: ItemList[Participant] = field(default_factory=list)
    """Who takes part."""
    quotes: ItemList[Quote] = field(default_factory=list)
    """What was said, verbatim."""
    deadlines: ItemList[Deadline] = field(default_factory=list)
    """What falls due, and when."""
    timeline: ItemList[TimelineEvent] = field(default_factory=list)
    """What happened, in order."""
    figures: ItemList[Figure] = field(default_factory=list)
    """Key numbers."""
    draft: DraftArticle | None = None
    """The article a draft was imported from (``briefing import``), for the review screen."""

    @property
    def zone(self) -> tzinfo:
        """The zone naive times in this brief were read in."""
        try:
            return self._zone
        except AttributeError:  # a brief made in code rather than read
            return UTC

    @property
    def published_at(self) -> datetime:
        """The publication moment, timezone-aware (a bare date means its start)."""
        value = self.published
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, datetime.min.time(), tzinfo=self.zone)

    @property
    def summary_blocks(self) -> list[Block] | None:
        """The summary read into blocks (:mod:`briefing.core.markdown_blocks`) when the reader
        read the brief (or it was built from content kept with them); None otherwise (a
        brief indexed or validated only, made in code), or once its summary changed."""
        try:
            text, blocks = self._summary_blocks
        except AttributeError:
            return None
        return blocks if text == self.summary else None

    def keep_summary_blocks(self, blocks: list[Block]) -> None:
        """Keep ``blocks``, the summary as it is now read into blocks."""
        self._keep_summary(self.summary, blocks)

    def participant(self, participant_id: str | None) -> Participant | None:
        """Return the participant with this id, if any.

        A dictionary lookup: a 20,000-quote brief asks once per quote, and a scan of
        2,000 participants each time took seconds.
        """
        if participant_id is None:
            return None
        try:
            return self._participants_by_id.get(participant_id)
        except AttributeError:  # a brief made in code rather than read
            return None


def finish(brief: Brief, zone: tzinfo) -> None:
    """Give ``brief``, whose times are resolved in ``zone``, the state it derives from them:
    its zone, its participants by id and each deadline's moment."""
    brief._settle(zone, brief.participants)
    for deadline in brief.deadlines:
        deadline._settle(instant_of(deadline.due, zone))
