"""The shared test kit: what many test modules need, written once.

- :data:`NOW` and :func:`fixed_clock`: the one fixed "now" of the suite
  (2025-10-26 11:00 UTC, 2h05 after the seed brief was published);
  :data:`NOW_ARG` is the same moment as the command line's ``--now`` takes it.
- :func:`run_briefing`: the installed command, ``python -m briefing ARGS``, in a subprocess.
- :func:`make_brief` / :func:`brief_toml`: a valid TOML brief with sensible defaults;
  :func:`replaced`: a loaded brief with some fields changed (``dataclasses.replace``).
- :mod:`kit.writers`: processes that write notes at once (SIGKILL and races).
- :mod:`kit.pilot`: the reader's UI helpers (layouts, ``settle``, reading the screen).
- :mod:`kit.http`: a local HTTP server on 127.0.0.1 with canned replies (network tests).

The fixtures that hand these out (``clock``, ``now``, ``make_brief``) live in
``tests/conftest.py``. Import as ``from kit import ...``: pytest puts ``tests/`` on the path.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.core.clock import ManualClock

from .briefs import brief_toml, make_brief, replaced

__all__ = [
    "NOW",
    "NOW_ARG",
    "TIMEOUT",
    "brief_toml",
    "fixed_clock",
    "make_brief",
    "replaced",
    "run_briefing",
]

NOW = datetime(2025, 10, 26, 11, 0, tzinfo=UTC)
"""The moment every test stands at unless it says otherwise (no test reads the wall clock)."""

NOW_ARG = "2025-10-26T14:00+03:00"
""":data:`NOW` written for ``--now`` (the seed brief's own offset)."""

TIMEOUT = 60
"""Seconds a command run by :func:`run_briefing` may take."""


def fixed_clock(at: datetime = NOW) -> ManualClock:
    """A clock stopped at ``at`` (:data:`NOW`); tests move it with ``advance``/``set``."""
    return ManualClock(at)


def run_briefing(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
    text: bool = True,
    **kwargs: Any,
) -> subprocess.CompletedProcess[Any]:
    """Run ``python -m briefing ARGS`` with output captured; return the completed process.

    The child inherits the isolated environment of the test (``env=None``), or
    gets ``env``. ``text=False`` gives bytes, for tests of the exact output.
    """
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        text=text,
        check=False,
        **kwargs,
    )
