"""The one check gate: formatting, lint, types, import contracts and the test suite.

Run it from the repository with the development install (``pip install -e '.[dev]'``)::

    python -m tools.check              # every step, in order, stopping at the first failure
    python -m tools.check lint mypy    # only the steps named (``--list`` shows them)

Each step prints its name and command before it runs; the first one that fails
stops the gate, which exits with that step's status. The test suite runs last,
in parallel (pytest-xdist, ``-n auto``): it is by far the slowest step, and the
others find most mistakes in seconds. CI runs the README's ``python -m pytest``
line, which covers the other steps too (``tests/test_gate.py`` and
``tests/test_import_hygiene.py``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: every step runs there, so the paths and pyproject.toml are found."""
SOURCES = ("briefing", "tests", "benchmarks", "tools")
"""What ruff formats and lints."""


@dataclass(frozen=True)
class Step:
    """One check of the gate: a name to call it by, and the command that runs it."""

    name: str
    command: tuple[str, ...]

    @property
    def shown(self) -> str:
        """The command as a person would type it."""
        program = "python" if self.command[0] == sys.executable else Path(self.command[0]).name
        return " ".join((program, *self.command[1:]))


def _script(name: str) -> str:
    """The console script ``name`` of this Python's environment (else the one on PATH)."""
    script = Path(sys.executable).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    if script.exists():
        return str(script)
    return shutil.which(name) or name


STEPS = (
    Step("format", (sys.executable, "-m", "ruff", "format", "--check", *SOURCES)),
    Step("lint", (sys.executable, "-m", "ruff", "check", *SOURCES)),
    Step("mypy", (sys.executable, "-m", "mypy", "--strict", "briefing")),
    Step("mypy-tests", (sys.executable, "-m", "mypy", "tests")),
    Step("contracts", (_script("lint-imports"),)),
    Step("tests", (sys.executable, "-m", "pytest", "-q", "-n", "auto")),
)
"""The gate, in the order it runs."""


def run(steps: tuple[Step, ...]) -> int:
    """Run ``steps`` in order; 0 when all pass, else the exit status of the first that fails."""
    for step in steps:
        print(f"== {step.name}: {step.shown}", flush=True)
        started = time.monotonic()
        try:
            status = subprocess.run(step.command, cwd=ROOT, check=False).returncode
        except OSError as error:
            print(f"== {step.name}: cannot run ({error}); pip install -e '.[dev]'", flush=True)
            return 127
        elapsed = time.monotonic() - started
        if status != 0:
            print(f"== {step.name}: FAILED with exit status {status} ({elapsed:.1f} s)", flush=True)
            return status
        print(f"== {step.name}: passed ({elapsed:.1f} s)", flush=True)
    print(f"== the gate passed ({len(steps)} steps)", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the gate (or the steps named)."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.check",
        description="Run briefing's checks in order, stopping at the first failure.",
    )
    parser.add_argument("steps", nargs="*", metavar="STEP", help="run only these steps")
    parser.add_argument("--list", action="store_true", help="print the steps and exit")
    args = parser.parse_args(argv)
    names = [step.name for step in STEPS]
    unknown = [name for name in args.steps if name not in names]
    if unknown:
        parser.error(f"no step {', '.join(unknown)} (the steps: {', '.join(names)})")
    if args.list:
        for step in STEPS:
            print(f"{step.name:<11} {step.shown}")
        return 0
    return run(tuple(step for step in STEPS if not args.steps or step.name in args.steps))


if __name__ == "__main__":
    sys.exit(main())
