"""The ``briefing`` command: open the reader, or run one of the commands below.

One module per command (``validate``, ``show``, ``schema``, ``config``, ``export``,
``import_notes``, ``doctor``, ``agenda``, ``import_article``, and ``open_reader`` for
the reader itself); every argument is declared in :mod:`briefing.cli.parser`;
:func:`main` only picks the command and imports its module.

May import ``briefing.core`` and ``briefing.storage``. Reaches the UI only through
:mod:`briefing.ui.launch` (the reader, and the Rich output of ``show`` and
``agenda``); never imports Textual or Rich itself, so that every command but the
reader starts fast and works in pipes, scripts and cron jobs.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing.cli.parser import COMMANDS, command_parser, reader_parser

if TYPE_CHECKING:
    import argparse


def _run_command(command: str, arguments: Sequence[str]) -> int:
    args = command_parser(command).parse_args(arguments)
    if getattr(args, "data_dir", None):
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    module, _, function = COMMANDS[command][0].partition(":")
    handler: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"briefing.cli.{module}"), function
    )
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``briefing`` command; return its exit status."""
    # deferred: the reader's module, only when no command is named (commands load their own)
    from briefing.cli.open_reader import cmd_open

    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            return _run_command(arguments[0], arguments[1:])
        args = reader_parser().parse_args(arguments)
        return cmd_open(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of a pipe (head, less) went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
