"""``briefing validate``: check brief files and folders, one line per problem."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from briefing.cli.common import say as _say
from briefing.core.clock import local_zone
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
    if not files:
        return 1
    position = {path: n for n, path in enumerate(files)}
    waiting: dict[int, tuple[str, str | None]] = {}
    next_to_print = failures = 0
    for result in index_in_processes([(path, None) for path in files], local_zone()):
        waiting[position[result.path]] = (result.path, result.error)
        while next_to_print in waiting:
            path, error = waiting.pop(next_to_print)
            next_to_print += 1
            if error is not None:
                failures += 1
                problems = entry_from_row(path, None, None, error).error
                for line in problems.lines() if problems else [f"{path}: cannot be read"]:
                    _say(clean_line(line))
            elif not args.quiet:
                _say(f"OK {display_path(path)}")
    return 1 if failures or folder_problems else 0
