"""A section that exists only in the tests: "risks", a list of items with a text and an id.

:func:`registered_risks` adds it to the section registry for the length of a
``with`` block, exactly as a new section of the brief format would be added
(one :class:`~briefing.core.section.Section`), minus the field in
:class:`~briefing.core.models.Brief`: ``sections.brief_model()`` adds that.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from briefing.core import sections
from briefing.core.ids import derive_id
from briefing.core.section import Section, id_rule

FLOOD = {"text": "The river may flood the port before the talks end"}
STRIKE = {"id": "dockers-strike", "text": "Dock workers could strike"}
FLOOD_ID = derive_id("risk", FLOOD["text"])
"""The id the section's rule gives :data:`FLOOD` (the slug of its text)."""


@dataclass(slots=True, kw_only=True)
class Risk:
    """Something that could go wrong."""

    __pydantic_config__ = {"extra": "forbid"}

    id: str | None = None
    """Stable id; derived from the text when absent."""
    text: str
    """What could happen."""


def risk_section() -> Section:
    """The registry entry of the test's section: only what is new about it."""
    derive, raw = id_rule("risk", "text")
    return Section(
        key="risks",
        title="Risks",
        kind="risk",
        kind_label="Risk",
        model=Risk,
        text=lambda risk: risk.text,
        derive_id=derive,
        raw_id=raw,
        search_fields=lambda risk: (risk.text,),
        empty="No risks in this brief",
    )


@contextmanager
def registered_risks() -> Iterator[Section]:
    """The "risks" section in the registry while the block runs."""
    section = risk_section()
    sections.register(section)
    try:
        yield section
    finally:
        sections.unregister(section.key)
