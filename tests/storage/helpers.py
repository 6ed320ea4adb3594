"""Shared helpers of the notes store tests: paths, the fixed clock, running the command."""

from __future__ import annotations

import subprocess
from pathlib import Path

import kit

from briefing.core.loading import load_brief
from briefing.core.models import Brief

DATA = Path(__file__).resolve().parent.parent / "data"
REVISIONS = DATA / "revisions"
GOLDEN = DATA / "golden"
NOW = kit.NOW
"""The injected "now" of every test here: the kit's (no test reads the wall clock)."""
TIMEOUT = 60


def revision(name: str) -> Brief:
    """One of the revisions of the harbour-talks brief in tests/data/revisions/."""
    return load_brief(REVISIONS / f"{name}.toml")


def run_briefing(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m briefing ARGS`` in a subprocess (it inherits the isolated environment)."""
    return kit.run_briefing(*args, env=env, timeout=TIMEOUT)


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 1 with a short message on stderr and no traceback."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
