"""The ``briefing`` command: open the reader, or validate, show and describe briefs.

Only opening the reader imports Textual; every other command stays light so it
starts fast and works in pipes, scripts and cron jobs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.safetext import clean_line, display_path

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

EXAMPLES = """\
commands:
  validate PATH...   check brief files and folders; one line per problem
  show PATH          print a brief to the terminal (plain text when piped)
  schema             print the JSON Schema of the brief format
  config             print where briefing keeps its files
  export             export notes (md, json, toml) or deadlines (ics)
  import-notes FILE  merge a JSON or TOML export of notes back in
  doctor [--repair]  check the notes database (and move a broken one aside)
  import ARTICLE     draft a brief from the plain text of a news article
  agenda [PATH...]   every open deadline of the library, soonest first

examples:
  briefing                              open the library (configured folders or the samples)
  briefing sample_briefs/               open a folder as the library
  briefing brief.toml                   open one brief in the reader
  briefing --now 2025-10-26T13:55+03:00 brief.toml
                                        read as if the clock said so
  briefing validate ~/briefs            check every brief in a folder
  briefing show brief.toml | less       read a brief as plain text
  briefing schema > brief.schema.json   let your editor validate briefs
  briefing export --format md -o notes.md
  briefing export --deadlines -o deadlines.ics
  briefing import article.txt -o draft.toml --open
  briefing agenda --within 7d           what falls due this week
"""

COMMANDS = (
    "validate",
    "show",
    "schema",
    "config",
    "export",
    "import-notes",
    "doctor",
    "import",
    "agenda",
)


def _parse_now(value: str) -> datetime:
    import argparse
    from datetime import UTC, datetime

    from briefing.core.clock import local_zone
    from briefing.core.timeutil import check_years, resolve_datetime

    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date-time such as 2025-10-26T13:55+03:00"
        ) from None
    try:
        # The written year first: the ends of the calendar cannot be moved to UTC.
        check_years(parsed.replace(tzinfo=parsed.tzinfo or UTC))
        return check_years(resolve_datetime(parsed, local_zone()))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r}: {error}") from None


def _reader_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal reader for structured briefings.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", nargs="?", help="a brief file to read, or a folder to open as the library"
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="theme to use (see the command palette for names)"
    )
    parser.add_argument(
        "--now",
        metavar="WHEN",
        type=_parse_now,
        help="read as if the clock said WHEN (ISO date-time)",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where notes and settings live (or BRIEFING_DATA_DIR)"
    )
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="where config.toml and themes live (or BRIEFING_CONFIG_DIR)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def _command_parser(command: str) -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog=f"briefing {command}")
    if command == "validate":
        parser.description = (
            "Check brief files and folders. Prints 'OK path' or 'path:line:col: location: message'."
        )
        parser.add_argument("paths", nargs="+", metavar="PATH", help="brief files or folders")
        parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    elif command == "show":
        parser.description = (
            "Print a brief: styled on a terminal, plain text when piped or NO_COLOR is set."
        )
        parser.add_argument("path", metavar="PATH", help="a brief file")
        parser.add_argument(
            "--now", metavar="WHEN", type=_parse_now, help="count deadlines down from WHEN"
        )
        parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")
    elif command == "schema":
        parser.description = (
            "Print the JSON Schema of the brief format (for VS Code, Taplo and others)."
        )
    elif command == "config":
        parser.description = "Print where briefing keeps its config, themes and data."
    elif command == "export":
        from briefing.cli_notes import add_export_arguments

        add_export_arguments(parser)
    elif command == "import-notes":
        parser.description = (
            "Merge notes from a JSON or TOML export; importing the same file twice adds nothing."
        )
        parser.add_argument("file", metavar="FILE", help="an export written by 'briefing export'")
    elif command == "doctor":
        parser.description = (
            "Check the notes database; --repair moves an unreadable one aside (never deletes it)."
        )
        parser.add_argument(
            "--repair", action="store_true", help="move an unreadable database aside"
        )
    elif command == "import":
        from briefing.cli_import import add_import_arguments

        add_import_arguments(parser)
    elif command == "agenda":
        from briefing.cli_agenda import add_agenda_arguments

        add_agenda_arguments(parser)
    if command in ("export", "import-notes", "doctor"):
        parser.add_argument(
            "--data-dir", metavar="DIR", help="where notes live (or BRIEFING_DATA_DIR)"
        )
    return parser


def _say(text: str, stream=None) -> None:
    print(text, file=stream or sys.stdout)


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every brief under ``args.paths``; 0 when all are valid.

    A large library is checked in worker processes, one per core; results are
    printed in file order all the same.
    """
    from briefing.core.clock import local_zone
    from briefing.core.files import FileProblem, find_briefs
    from briefing.storage.index.indexing import entry_from_row, index_in_processes

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


def cmd_show(args: argparse.Namespace) -> int:
    """Print one brief."""
    from briefing.core.clock import SystemClock, local_zone
    from briefing.core.errors import BriefError
    from briefing.core.loading import load_brief

    try:
        brief = load_brief(args.path, local_zone=local_zone())
    except BriefError as error:
        for line in error.lines():
            _say(clean_line(line), sys.stderr)
        return 1
    now = args.now or SystemClock().now()
    plain = args.plain or not sys.stdout.isatty() or bool(os.environ.get("NO_COLOR"))
    if plain:
        from briefing.core.render_text import brief_to_text

        sys.stdout.write(brief_to_text(brief, now))
        return 0
    from rich.console import Console

    from briefing.show import print_brief

    print_brief(brief, now, Console(highlight=False))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the brief format."""
    import json

    from briefing.core.models import Brief

    _say(json.dumps(Brief.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    """Print where briefing's files are."""
    from briefing.storage import paths

    rows = [
        ("config file", paths.config_file()),
        ("user themes", paths.user_themes_dir()),
        ("data folder", paths.data_dir()),
        ("database", paths.database_file()),
        ("sample briefs", paths.bundled_samples()),
        ("bundled themes", paths.bundled_themes()),
    ]
    for label, path in rows:
        _say(f"{label + ':':16} {display_path(path)}")
    return 0


class _Opening:
    """The reader's arguments, as :func:`_reader_parser` would give them (``now`` aside)."""

    def __init__(
        self,
        path: str | None = None,
        theme: str | None = None,
        data_dir: str | None = None,
        config_dir: str | None = None,
    ) -> None:
        self.path = path
        self.theme = theme
        self.data_dir = data_dir
        self.config_dir = config_dir
        self.now = None


_FAST_OPTIONS = {"--theme": "theme", "--data-dir": "data_dir", "--config-dir": "config_dir"}


def _reader_fast(arguments: Sequence[str]) -> _Opening | None:
    """The reader's arguments without argparse, for the plain forms only; else None.

    Importing argparse and building the parser took 7-9 ms of the time to the first
    frame. Accepted: at most one path (not starting with ``-``) and ``--theme``,
    ``--data-dir``, ``--config-dir`` with a value (``--opt VALUE`` or ``--opt=VALUE``).
    Anything else (``--now``, ``--help``, abbreviations, ``--``, mistakes) goes to
    argparse, which gives the same result for these forms (a test compares them).
    """
    opening = _Opening()
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument.startswith("-"):
            name, equals, value = argument.partition("=")
            field = _FAST_OPTIONS.get(name)
            if field is None:
                return None
            if not equals:
                position += 1
                if position == len(arguments) or arguments[position].startswith("-"):
                    return None
                value = arguments[position]
            setattr(opening, field, value)
        elif opening.path is None:
            opening.path = argument
        else:
            return None
        position += 1
    return opening


def _cannot_open(path: str) -> str | None:
    """Why ``path`` cannot be opened in the reader (missing, or below a locked folder), or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except (OSError, ValueError) as error:
        return f"cannot be opened ({getattr(error, 'strerror', None) or error})"
    return None


def cmd_open(args: argparse.Namespace | _Opening) -> int:
    """Open the reader (the only path that imports Textual)."""
    if args.data_dir:
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    if args.config_dir:
        os.environ["BRIEFING_CONFIG_DIR"] = args.config_dir
    if args.path is not None:
        problem = _cannot_open(args.path)
        if problem:
            _say(f"briefing: {display_path(args.path)}: {problem}", sys.stderr)
            return 2
    from briefing.launch import run_reader

    return run_reader(path=args.path, theme=args.theme, now=args.now)


def _notes_command(name: str):
    def run(args: argparse.Namespace) -> int:
        from briefing import cli_notes

        if getattr(args, "data_dir", None):
            os.environ["BRIEFING_DATA_DIR"] = args.data_dir
        return getattr(cli_notes, name)(args)

    return run


def cmd_import(args: argparse.Namespace) -> int:
    """Draft a brief from an article (see ``briefing.cli_import``)."""
    from briefing.cli_import import run_import

    return run_import(args)


def cmd_agenda(args: argparse.Namespace) -> int:
    """Print the open deadlines of the library (see ``briefing.cli_agenda``)."""
    from briefing.cli_agenda import run_agenda

    return run_agenda(args)


HANDLERS = {
    "validate": cmd_validate,
    "show": cmd_show,
    "schema": cmd_schema,
    "config": cmd_config,
    "export": _notes_command("cmd_export"),
    "import-notes": _notes_command("cmd_import_notes"),
    "doctor": _notes_command("cmd_doctor"),
    "import": cmd_import,
    "agenda": cmd_agenda,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``briefing`` command; return its exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if not (arguments and arguments[0] in COMMANDS):
            # ``briefing [FILE]``, the common case: no parser to build (see _reader_fast).
            opening = _reader_fast(arguments)
            if opening is not None:
                return cmd_open(opening)
        if arguments and arguments[0] in COMMANDS:
            command = arguments[0]
            args = _command_parser(command).parse_args(arguments[1:])
            return HANDLERS[command](args)
        args = _reader_parser().parse_args(arguments)
        return cmd_open(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of a pipe (head, less) went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
