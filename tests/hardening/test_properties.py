"""Properties of loading and rendering: valid briefs always load and render safely;
invalid input always fails with a BriefError made of well-formed problems."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kit import NOW
from rich.console import Console

from briefing.core.errors import BriefError
from briefing.core.loading import parse_brief
from briefing.core.render_text import brief_to_text
from briefing.core.safetext import clean_line
from briefing.ui.console.brief import render_brief

from .profiles import examples
from .strategies import aware_datetimes, damaged_bytes, schema_invalid, valid_files

# Problems about the whole file, which have neither a location nor a line.
WHOLE_FILE = (
    "is empty",
    "looks like a binary file",
    "is UTF-16 text",
    "is nested too deeply",
    "is not a valid brief",
)

COUNTS = {"tried": 0}


def render_all(brief, now: datetime, clock: str) -> None:
    text = brief_to_text(brief, now, clock=clock)
    assert "\x1b" not in text
    for width in (80, 40):
        out = io.StringIO()
        console = Console(
            file=out, width=width, color_system=None, force_terminal=False, legacy_windows=False
        )
        console.print(render_brief(brief, now, clock=clock))
        assert "\x1b" not in out.getvalue()


def check_error(error: BriefError, *, schema: bool) -> None:
    assert error.problems, "a BriefError must carry at least one problem"
    for problem in error.problems:
        assert problem.message.strip(), problem
        if schema:
            assert problem.location or problem.line is not None, problem
        elif not problem.location and problem.line is None:
            assert problem.message.startswith(WHOLE_FILE), problem
    for line in [*error.lines(), str(error)]:
        assert "\x1b" not in line and "\n" not in line


@examples(ci=60, deep_count=2000)
@given(valid_files(), st.one_of(st.just(NOW), aware_datetimes), st.sampled_from(["24h", "12h"]))
def test_every_valid_brief_loads_and_renders(file, now, clock) -> None:
    raw, name, data = file
    brief = parse_brief(data, Path(name))
    assert brief.title.strip()
    assert [p.id for p in brief.participants] == [p["id"] for p in raw.get("participants", [])]
    assert len(brief.quotes) == len(raw.get("quotes", []))
    for quote in brief.quotes:
        assert quote.speaker is None or brief.participant(quote.speaker) is not None
    render_all(brief, now, clock)


@examples(ci=60, deep_count=2000)
@given(schema_invalid())
def test_schema_errors_are_located_problems(case) -> None:
    kind, location, name, data = case
    COUNTS["tried"] += 1
    with pytest.raises(BriefError) as caught:
        parse_brief(data, Path(name))
    check_error(caught.value, schema=True)
    expected = clean_line(location)
    if not expected.strip():
        # Nothing visible would be left to point at: the loader spells the key out (\x1f).
        expected = repr(location)[1:-1]
    where = [p.location for p in caught.value.problems]
    assert any(
        found == expected or found.startswith((expected + ".", expected + "[")) for found in where
    ), (kind, expected, where)


@examples(ci=60, deep_count=2000)
@given(damaged_bytes())
def test_damaged_input_only_ever_raises_brief_error(case) -> None:
    how, name, data = case
    COUNTS["tried"] += 1
    try:
        brief = parse_brief(data, Path(name))
    except BriefError as error:
        check_error(error, schema=False)
    else:
        assert how != "noise" or data.strip(), "random bytes should not make a brief"
        render_all(brief, NOW, "24h")


@examples(ci=30, deep_count=1000)
@given(
    st.one_of(st.binary(max_size=300), st.text(max_size=300)),
    st.sampled_from(["x.toml", "x.json", "x"]),
)
def test_random_input_raises_brief_error(data, name) -> None:
    COUNTS["tried"] += 1
    with pytest.raises(BriefError) as caught:
        parse_brief(data, Path(name))
    check_error(caught.value, schema=False)


def test_report_invalid_inputs_tried(capsys) -> None:  # runs last in this module
    with capsys.disabled():
        print(f"\n[hardening] invalid inputs tried in this run: {COUNTS['tried']}")
