"""Every argument of the ``briefing`` command, in one place: the reader's and each command's.

The reader gets an argparse parser, and so does each command. (A hand-written path for
the reader's plain forms saved 7-17 ms, 1-2% of the time until a brief's content is on
screen, under the 5% a start-up trick must save to stay: issue 14, benchmarks/README.md.)
argparse is imported only when a parser is built, as every command builds one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.safetext import clean_line

if TYPE_CHECKING:
    import argparse
    from datetime import date, datetime, timedelta

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


def parse_now(value: str) -> datetime:
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


UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DURATION = r"\s*(\d{1,6})\s*([mhdw])\s*"


def parse_within(value: str) -> timedelta:
    """Read a duration such as ``7d``, ``12h``, ``2w`` or ``90m`` (for ``agenda --within``)."""
    import argparse
    import re
    from datetime import timedelta

    match = re.fullmatch(_DURATION, value, re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(
            f"{clean_line(value)!r} is not a duration such as 7d, 12h, 2w or 90m"
        )
    amount, unit = match.groups()
    return timedelta(**{UNITS[unit.lower()]: int(amount)})


def parse_published(value: str) -> date | datetime:
    """Read ``--published``: an ISO date, or a date-time (read in the local zone without an offset)."""
    import argparse
    from datetime import date, datetime

    from briefing.core.clock import local_zone
    from briefing.core.timeutil import resolve_datetime

    text = value.strip()
    try:
        if len(text) <= 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO date or date-time such as 2025-10-26T13:55+03:00"
        ) from None
    if not 2 <= parsed.year <= 9998:
        raise argparse.ArgumentTypeError(f"{value!r} is outside the years briefing reads")
    return resolve_datetime(parsed, local_zone())


def reader_parser() -> argparse.ArgumentParser:
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
        type=parse_now,
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


def command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of ``command`` (one of :data:`COMMANDS`), its arguments declared by its entry."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"briefing {command}")
    COMMANDS[command][1](parser)
    if command in ("export", "import-notes", "doctor"):
        parser.add_argument(
            "--data-dir", metavar="DIR", help="where notes live (or BRIEFING_DATA_DIR)"
        )
    return parser


def add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing validate``."""
    parser.description = (
        "Check brief files and folders. Prints 'OK path' or 'path:line:col: location: message'."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="brief files or folders")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def add_show_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing show``."""
    parser.description = (
        "Print a brief: styled on a terminal, plain text when piped or NO_COLOR is set."
    )
    parser.add_argument("path", metavar="PATH", help="a brief file")
    parser.add_argument(
        "--now", metavar="WHEN", type=parse_now, help="count deadlines down from WHEN"
    )
    parser.add_argument("--plain", action="store_true", help="plain text even on a terminal")


def add_schema_arguments(parser: argparse.ArgumentParser) -> None:
    """``briefing schema`` takes no options."""
    parser.description = (
        "Print the JSON Schema of the brief format (for VS Code, Taplo and others)."
    )


def add_config_arguments(parser: argparse.ArgumentParser) -> None:
    """``briefing config`` takes no options."""
    parser.description = "Print where briefing keeps its config, themes and data."


def add_import_notes_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing import-notes``."""
    parser.description = (
        "Merge notes from a JSON or TOML export; importing the same file twice adds nothing."
    )
    parser.add_argument("file", metavar="FILE", help="an export written by 'briefing export'")


def add_doctor_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing doctor``."""
    parser.description = (
        "Check the notes database; --repair moves an unreadable one aside (never deletes it)."
    )
    parser.add_argument("--repair", action="store_true", help="move an unreadable database aside")


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``briefing export``."""
    from briefing.storage.export_files import (
        DEADLINES_FORMAT,
        EXPORT_FORMATS,
        FORMATS,
        NOTE_FORMATS,
        spoken,
    )

    notes = spoken([EXPORT_FORMATS[key].name for key in NOTE_FORMATS])
    deadlines = EXPORT_FORMATS[DEADLINES_FORMAT].name
    parser.description = f"Export notes ({notes}) or deadlines ({deadlines})."
    parser.add_argument("--brief", metavar="ID|PATH", help="only this brief (its id, or its file)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=(
            f"{spoken(NOTE_FORMATS)} for notes (default from config),"
            f" {DEADLINES_FORMAT} for deadlines"
        ),
    )
    parser.add_argument(
        "--deadlines",
        action="store_true",
        help=f"export deadlines as {deadlines} (implies --format {DEADLINES_FORMAT})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR|-",
        default="-",
        help="where to write; a folder gets a file named after the brief; - is standard output",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.add_argument(
        "--library",
        metavar="PATH",
        action="append",
        help="briefs to take context from (default: the configured library)",
    )


def add_agenda_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing agenda`` to ``parser``."""
    parser.description = (
        "Print every open deadline of the library, overdue ones first, then soonest first:"
        " a table on a terminal, one plain line per deadline when piped"
        " (due · countdown · deadline · brief · file)."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="brief files or folders (default: the configured library, else the samples)",
    )
    parser.add_argument(
        "--within",
        metavar="DURATION",
        type=parse_within,
        help="only deadlines due within DURATION (7d, 12h, 2w, 90m); overdue ones always show",
    )
    parser.add_argument("--tag", metavar="TAG", help="only deadlines of briefs tagged TAG")
    parser.add_argument(
        "--now", metavar="WHEN", type=parse_now, help="count down from WHEN (ISO date-time)"
    )
    parser.add_argument("--plain", action="store_true", help="plain lines even on a terminal")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where the library index lives (or BRIEFING_DATA_DIR)"
    )


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing import`` to ``parser``."""
    parser.description = (
        "Draft a brief from the plain text of a news article: participants, quotes with their"
        " speakers, deadlines, timeline and key figures. Guesses are marked '# check:'."
    )
    parser.add_argument("article", metavar="ARTICLE", help="a UTF-8 text file, or - for stdin")
    parser.add_argument(
        "-o",
        "--output",
        metavar="BRIEF.toml",
        help="where to write the draft (default: a name made from the title, in the current"
        " folder; a folder gets a file named so); - prints it to standard output",
    )
    parser.add_argument(
        "--published",
        metavar="WHEN",
        type=parse_published,
        help="when the article was published (ISO date or date-time); wins over its date line",
    )
    parser.add_argument("--open", action="store_true", help="open the draft in the reader")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "validate": ("validate:cmd_validate", add_validate_arguments),
    "show": ("show:cmd_show", add_show_arguments),
    "schema": ("schema:cmd_schema", add_schema_arguments),
    "config": ("config:cmd_config", add_config_arguments),
    "export": ("export:cmd_export", add_export_arguments),
    "import-notes": ("import_notes:cmd_import_notes", add_import_notes_arguments),
    "doctor": ("doctor:cmd_doctor", add_doctor_arguments),
    "import": ("import_article:cmd_import", add_import_arguments),
    "agenda": ("agenda:cmd_agenda", add_agenda_arguments),
}
"""Every command, once: the module of :mod:`briefing.cli` and the function that runs it
(imported only when it runs), and the function that declares its arguments."""
