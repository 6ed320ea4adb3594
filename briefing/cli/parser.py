"""Every argument of the ``briefing`` command, in one place: the reader's and each command's.

The reader gets an argparse parser, and so does each command. (A hand-written path for
the reader's plain forms saved 7-17 ms, 1-2% of the time until a brief's content is on
screen, under the 5% a start-up trick must save to stay: issue 14, benchmarks/README.md.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from briefing import __version__
from briefing.cli.argument_values import parse_now, parse_published, parse_within
from briefing.cli.script_arguments import (
    add_completion_arguments,
    add_json_argument,
    add_manpage_arguments,
    add_notes_arguments,
    add_people_arguments,
    add_search_arguments,
    add_shape_argument,
)
from briefing.storage.export_files import (
    DEADLINES_FORMAT,
    EXPORT_FORMATS,
    FORMATS,
    NOTE_FORMATS,
    kind_names,
    spoken,
)

EXAMPLES = """\
commands:
  validate PATH...   check brief files and folders; one line per problem
  show PATH          print a brief to the terminal (plain text when piped)
  schema             print the JSON Schema of the brief format
  config             print where briefing keeps its files
  export             export notes or deadlines to a file (its --help lists the formats)
  import-notes FILE  merge a JSON or TOML export of notes back in
  doctor [--repair]  check the notes database (and move a broken one aside)
  import ARTICLE     draft a brief from an article: text, a web page, a feed or a URL
  agenda [PATH...]   every open deadline of the library, soonest first
  search QUERY       search every brief and note of the library
  people [NAME]      everyone in the library, with their quotes
  notes              every note (--brief ID: of one brief)
  completion SHELL   shell completion for bash, zsh or fish
  manpage            the manual page (roff), made from this parser
  remind [PATH...]   what falls due soon; exit 1 when something does (for cron)

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
  briefing agenda --json | jq '.deadlines[0]'
                                        the same for scripts (see the README for shapes)
  briefing agenda --ics -o ~/cal/briefing.ics
                                        the library's deadlines as a calendar file
  briefing remind --within 1d           exit 1 when something falls due within a day
"""


def reader_parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--plain",
        action="store_true",
        help="read in plain lines, for screen readers and braille displays"
        " (also BRIEFING_A11Y=1, and on TERM=dumb)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of ``command`` (one of :data:`COMMANDS`), its arguments declared by its entry."""
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
    add_json_argument(parser, "validate")


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
    add_json_argument(parser, "show")


def add_schema_arguments(parser: argparse.ArgumentParser) -> None:
    """``briefing schema`` takes no options."""
    parser.description = (
        "Print the JSON Schema of the brief format (for VS Code, Taplo and others)."
    )
    add_shape_argument(parser)


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

    deadlines = EXPORT_FORMATS[DEADLINES_FORMAT].name
    notes, dated, vault = (kind_names(kind) for kind in ("notes", "deadlines", "vault"))
    parser.description = f"Export notes ({notes}), deadlines ({dated}) or an {vault} (a folder)."
    parser.add_argument("--brief", metavar="ID|PATH", help="only this brief (its id, or its file)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=(
            f"{spoken(NOTE_FORMATS)} for notes (default from config),"
            f" {DEADLINES_FORMAT} for deadlines; see the README for all"
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


def _days(text: str) -> int:
    """A whole number of days, 0 or more (``--overdue 30``)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r} (e.g. 30)")
    return int(text)


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
        help="only deadlines due within DURATION from now (7d, 12h, 2w, 90m);"
        " overdue ones only with --overdue",
    )
    parser.add_argument(
        "--overdue",
        metavar="DAYS",
        type=_days,
        help="list deadlines overdue by at most DAYS (default: every overdue one,"
        " none with --within)",
    )
    parser.add_argument("--tag", metavar="TAG", help="only deadlines of briefs tagged TAG")
    parser.add_argument(
        "--now", metavar="WHEN", type=parse_now, help="count down from WHEN (ISO date-time)"
    )
    parser.add_argument("--plain", action="store_true", help="plain lines even on a terminal")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where the library index lives (or BRIEFING_DATA_DIR)"
    )
    add_json_argument(parser, "agenda")
    parser.add_argument("--ics", action="store_true", help="write the library as a calendar file")
    parser.add_argument("-o", "--output", metavar="FILE", help="the calendar file (with --ics)")
    parser.add_argument("--events", action="store_true", help="VEVENTs, not VTODOs (with --ics)")
    parser.add_argument("--force", action="store_true", help="replace a file not briefing's")


def add_remind_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing remind`` to ``parser``."""
    parser.description = (
        "Print the open deadlines due within DURATION and the overdue ones, one line each;"
        " exit 0 when there are none, 1 when there are (for cron or a systemd timer)."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="brief files or folders")
    parser.add_argument(
        "--within", metavar="DURATION", type=parse_within, default="1d", help="default 1d"
    )
    parser.add_argument("--now", metavar="WHEN", type=parse_now, help="count down from WHEN")
    parser.add_argument("--data-dir", metavar="DIR", help="where the library index lives")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing import`` to ``parser``."""
    parser.description = (
        "Draft a brief from a news article (plain text, a saved web page, an RSS or Atom feed,"
        " or a URL): participants, quotes with their"
        " speakers, deadlines, timeline and key figures. Guesses are marked '# check:'."
    )
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="a UTF-8 text file, a saved web page (.html), an RSS or Atom feed, an http(s) URL,"
        " or - for stdin",
    )
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
    parser.add_argument(
        "--entry",
        metavar="N",
        type=int,
        help="of a feed, draft only entry N (as listed; default: one draft per entry)",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=float,
        default=20.0,
        help="of a URL, how long the whole download may take (default: 20)",
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
    "search": ("search:cmd_search", add_search_arguments),
    "people": ("people:cmd_people", add_people_arguments),
    "notes": ("notes:cmd_notes", add_notes_arguments),
    "completion": ("completion:cmd_completion", add_completion_arguments),
    "manpage": ("manpage:cmd_manpage", add_manpage_arguments),
    "remind": ("remind:cmd_remind", add_remind_arguments),
}
"""Every command, once: the module of :mod:`briefing.cli` and the function that runs it
(imported only when it runs), and the function that declares its arguments."""
