"""The check gate's fast steps, run as tests, so that CI fails when they fail.

CI runs exactly the README's ``python -m pytest`` line; the gate
(``python -m tools.check``) adds formatting, lint and types to the suite, and
these tests run those same steps (by name, through the gate: one list of
commands). The import contracts are checked by ``test_import_hygiene.py``.

The two mypy runs share one xdist group (``--dist loadgroup`` in pyproject.toml):
they run one after the other in one worker, never both at once on the same
``.mypy_cache``. ``mypy --strict briefing`` takes about 5 s (with or without its
cache, on the 2-core development machine), so it is a test rather than a gate-only step.

Formatting: the tree is formatted once, by one commit, after the branches of issue 14
are merged; until then ``test_the_code_is_formatted`` fails, by design.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def gate(
    repo_root: Path, *arguments: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tools.check`` with ``arguments`` in the repository."""
    return subprocess.run(
        [sys.executable, "-m", "tools.check", *arguments],
        capture_output=True,
        text=True,
        cwd=repo_root,
        timeout=timeout,
        check=False,
    )


def passes(repo_root: Path, step: str) -> None:
    """Fail with the step's own output when it does not pass."""
    result = gate(repo_root, step)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted(repo_root: Path) -> None:
    passes(repo_root, "format")


def test_lint_passes(repo_root: Path) -> None:
    passes(repo_root, "lint")


@pytest.mark.xdist_group("mypy")
def test_briefing_is_strictly_typed(repo_root: Path) -> None:
    passes(repo_root, "mypy")


@pytest.mark.xdist_group("mypy")
def test_the_tests_type_check(repo_root: Path) -> None:
    passes(repo_root, "mypy-tests")


def test_the_gate_lists_its_steps_in_order(repo_root: Path) -> None:
    result = gate(repo_root, "--list")
    assert result.returncode == 0, result.stderr
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["format", "lint", "mypy", "mypy-tests", "contracts", "tests"]
    assert "pytest -q -n auto" in result.stdout


def test_the_gate_stops_at_the_first_failure_with_its_status(repo_root: Path) -> None:
    """A failing step ends the gate with its exit status; the steps after it never run."""
    code = (
        "import sys\n"
        "from tools.check import Step, run\n"
        "fail = Step('fails', (sys.executable, '-c', 'raise SystemExit(3)'))\n"
        "never = Step('never', (sys.executable, '-c', 'print(\"ran\")'))\n"
        "sys.exit(run((fail, never)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=repo_root,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert "== fails: FAILED with exit status 3" in result.stdout
    assert "never" not in result.stdout
    assert "ran" not in result.stdout


def test_an_unknown_step_is_refused(repo_root: Path) -> None:
    result = gate(repo_root, "no-such-step")
    assert result.returncode == 2
    assert "no step no-such-step" in result.stderr
