"""The arguments of the commands made for scripts and shells (issue 18): ``--json`` and
``search``, ``people``, ``notes``, ``completion``, ``manpage``; their entries are in
:data:`briefing.cli.parser.COMMANDS`, kept apart only to keep that module short."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def add_json_argument(parser: argparse.ArgumentParser, shape: str) -> None:
    """``--json``: the command's documented JSON shape on standard output."""
    parser.add_argument(
        "--json",
        action="store_true",
        help=f"print JSON (shape briefing.{shape}; 'briefing schema --shape {shape}')",
    )


def _add_library_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="PATH",
        action="append",
        help="brief files or folders (default: the configured library, else the samples)",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where the library index lives (or BRIEFING_DATA_DIR)"
    )


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing search`` to ``parser``."""
    parser.description = (
        "Search every brief and note of the library, best match first, as the reader's"
        " ctrl+f does. Exit 0 when something matched, 1 when nothing did."
    )
    parser.add_argument("query", metavar="QUERY", help='words, "a phrase", -word, speaker:name')
    parser.add_argument("--limit", metavar="N", type=int, default=50, help="at most N hits (50)")
    _add_library_argument(parser)
    add_json_argument(parser, "search")


def add_people_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing people`` to ``parser``."""
    parser.description = (
        "Everyone the library's briefs name, merged across briefs, with their quotes."
        " With NAME, only the people it matches (exit 1 when none)."
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="part of a name or alias")
    _add_library_argument(parser)
    add_json_argument(parser, "people")


def add_notes_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing notes`` to ``parser``."""
    parser.description = "Every note, most recently changed first (none yet is not an error)."
    parser.add_argument("--brief", metavar="ID", help="only the notes of this brief")
    parser.add_argument("--data-dir", metavar="DIR", help="where notes live (or BRIEFING_DATA_DIR)")
    add_json_argument(parser, "notes")


def add_completion_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``briefing completion`` to ``parser``."""
    parser.description = (
        "Print a completion script for SHELL, made from this parser: commands, options,"
        " theme names and brief files."
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell")


def add_manpage_arguments(parser: argparse.ArgumentParser) -> None:
    """``briefing manpage`` takes no options."""
    parser.description = (
        "Print briefing(1), the manual page in roff, made from this parser"
        " (man -l <(briefing manpage))."
    )


def add_shape_argument(parser: argparse.ArgumentParser) -> None:
    """``briefing schema --shape NAME``: the JSON Schema of a command's ``--json`` output."""
    # deferred: the shapes, for `briefing schema` only (this module is imported on every start)
    from briefing.cli.json_shapes import SHAPES

    parser.add_argument(
        "--shape",
        choices=tuple(SHAPES),
        help="print the JSON Schema of a command's --json output instead",
    )
