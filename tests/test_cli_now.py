"""``--now`` at the ends of the calendar: refused with a message wherever it is accepted."""

from __future__ import annotations

import pytest
from kit import run_briefing

from briefing.cli.parser import parse_now

ENDS = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-06-01T00:00:00"]


run = run_briefing


@pytest.mark.parametrize("when", ENDS)
@pytest.mark.parametrize(
    "command",
    [["show", "{brief}", "--plain"], ["agenda"], ["{brief}"]],
    ids=["show", "agenda", "reader"],
)
def test_a_now_at_the_ends_of_the_calendar_is_refused(
    command: list[str], when: str, seed_brief_path
) -> None:
    args = [part.replace("{brief}", str(seed_brief_path)) for part in command]
    result = run(*args, f"--now={when}")
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert f"--now: '{when}'" in result.stderr
    assert "years briefing reads (2 to 9998)" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "when", ["0002-01-01T00:00:00+00:00", "9998-12-31T23:59:59+00:00", "9998-12-31T12:00:00-11:00"]
)
def test_a_now_inside_the_years_is_taken(when: str) -> None:
    assert parse_now(when).year in (2, 9998)
