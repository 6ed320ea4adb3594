"""Inputs found by the property tests, kept as files in tests/data/regressions/.

Every file must either load and render (without escapes) or fail with a
BriefError of well-formed problems (located ones, for ``schema_*`` files). Files for bugs not fixed yet are xfail,
strictly, so a fix turns them into an unexpected pass to be promoted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import NOW

from briefing.core.errors import BriefError
from briefing.core.loading import load_brief

from .test_properties import check_error, render_all

REGRESSIONS = Path(__file__).resolve().parent.parent / "data" / "regressions"

KNOWN_BUGS: dict[str, str] = {
    # Fixed: years are now limited to 2..9998 (timeutil.parse_when), and keys made of
    # control characters are spelled out in messages and locations (problems._printable).
}
RAISES = {"schema_unknown_control_key.toml": AssertionError}


def _cases() -> list[object]:
    cases: list[object] = []
    for path in sorted(REGRESSIONS.iterdir()):
        marks = []
        if path.name in KNOWN_BUGS:
            marks.append(
                pytest.mark.xfail(
                    strict=True,
                    raises=RAISES.get(path.name, OverflowError),
                    reason=KNOWN_BUGS[path.name],
                )
            )
        cases.append(pytest.param(path, marks=marks, id=path.name))
    return cases


@pytest.mark.parametrize("path", _cases())
def test_regression_file(path: Path) -> None:
    try:
        brief = load_brief(path)
    except BriefError as error:
        # Files named schema_* are well-formed TOML/JSON: every problem must be located.
        check_error(error, schema=path.name.startswith("schema_"))
    else:
        for clock in ("24h", "12h"):
            render_all(brief, NOW, clock)
