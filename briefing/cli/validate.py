"""``briefing validate``: check brief files and folders, one line per problem."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.cli.json_shapes import emit
from briefing.core.clock import local_zone
from briefing.core.errors import BriefError, Problem
from briefing.core.files import FileProblem, find_briefs
from briefing.core.safetext import clean_line, display_path
from briefing.storage.index.indexing import entry_from_row, index_in_processes

if TYPE_CHECKING:
    import argparse


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every brief under ``args.paths``; 0 when all are valid.

    A large library is checked in worker processes, one per core; results are
    printed in file order all the same.
    """

    folder_problems: list[FileProblem] = []
    files = [str(path) for path in find_briefs(args.paths, folder_problems)]
    for problem in folder_problems:
        # Folders that hold nothing or cannot be entered: not one brief was checked there.
        _say(str(problem), sys.stderr)
    report: list[dict[str, object]] = []
    position = {path: n for n, path in enumerate(files)}
    waiting: dict[int, tuple[str, str | None]] = {}
    next_to_print = failures = 0
    for result in index_in_processes([(path, None) for path in files], local_zone()):
        waiting[position[result.path]] = (result.path, result.error)
        while next_to_print in waiting:
            path, error = waiting.pop(next_to_print)
            next_to_print += 1
            problems = None if error is None else entry_from_row(path, None, None, error).error
            failures += error is not None
            if args.json:
                report.append(_json_file(path, error is None, problems))
            elif error is not None:
                for line in problems.lines() if problems else [f"{path}: cannot be read"]:
                    _say(clean_line(line))
            elif not args.quiet:
                _say(f"OK {display_path(path)}")
    valid = bool(files) and not failures and not folder_problems
    if args.json:
        folders = [clean_line(str(problem)) for problem in folder_problems]
        emit("validate", {"valid": valid, "files": report, "folders": folders})
    return 0 if valid else 1


def _json_file(path: str, valid: bool, error: BriefError | None) -> dict[str, object]:
    """One file of ``validate --json`` (shape ``briefing.validate``)."""
    problems = error.problems if error is not None else []
    if not valid and not problems:
        problems = [Problem("cannot be read")]
    return {
        "path": path,
        "valid": valid,
        "problems": [
            {"message": p.message, "location": p.location, "line": p.line, "column": p.column}
            for p in problems
        ],
    }
