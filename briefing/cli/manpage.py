"""``briefing manpage``: briefing(1) in roff, made from the parser.

A command, not a build step, so an installed briefing always prints the page of
the options it really has: ``briefing manpage > ~/.local/share/man/man1/briefing.1``
(or ``man -l <(briefing manpage)`` to read it once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing import __version__
from briefing.cli.command_line import Argument, Command, commands

if TYPE_CHECKING:
    import argparse

EXIT_STATUS = [
    ("0", "success; for agenda and notes also when there is nothing to list."),
    (
        "1",
        "the command ran and found a problem or nothing: an invalid brief (validate, show),"
        " no match (search, people NAME), an export that could not be written.",
    ),
    (
        "2",
        "the command could not run: a wrong option, a library path that does not exist,"
        " a notes database or index that cannot be read.",
    ),
    ("130", "interrupted (ctrl+c)."),
]
FILES = [
    ("config.toml", "settings, in the folder 'briefing config' prints (or $BRIEFING_CONFIG_DIR)."),
    ("briefing.db", "notes, bookmarks and settings, in the data folder (or $BRIEFING_DATA_DIR)."),
]


def roff(text: str) -> str:
    """``text`` safe in a roff line: backslashes and dashes escaped, no leading dot or quote."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + escaped if escaped.startswith((".", "'")) else escaped


def _synopsis(command: Command, *, fonts: bool = True) -> str:
    """``briefing NAME ARG... [OPTIONS]``, with roff fonts unless for a heading."""
    bold, italic, plain = ("\\fB", "\\fI", "\\fR") if fonts else ("", "", "")
    head = "briefing" + (f" {command.name}" if command.name else "")
    parts = [f"{bold}{head}{plain}"]
    for argument in command.positionals():
        name = f"{italic}{roff(argument.metavar)}{plain}" + ("..." if argument.many else "")
        parts.append(f"[{name}]" if argument.optional else name)
    if command.options():
        parts.append(f"[{italic}OPTIONS{plain}]")
    return " ".join(parts)


def _option(argument: Argument) -> list[str]:
    flags = ", ".join(f"\\fB{roff(flag)}\\fR" for flag in argument.flags)
    if argument.values != "none":
        flags += f" \\fI{roff(argument.metavar)}\\fR"
    if argument.choices:
        flags += " {" + ",".join(roff(c) for c in argument.choices) + "}"
    return [".TP", flags, roff(argument.help)]


def _command(command: Command) -> list[str]:
    out = [f'.SS "{_synopsis(command, fonts=False)}"' if command.name else ".SH OPTIONS"]
    if command.name:
        out.append(roff(command.description))
    for argument in command.positionals():
        out += [".TP", f"\\fI{roff(argument.metavar)}\\fR", roff(argument.help)]
    for argument in command.options():
        out += _option(argument)
    return out


def manpage() -> str:
    """The whole page."""
    every = commands()
    reader, rest = every[0], every[1:]
    out = [
        f'.TH BRIEFING 1 "" "briefing {__version__}" "User Commands"',
        ".SH NAME",
        "briefing \\- a terminal reader for structured briefings",
        ".SH SYNOPSIS",
        _synopsis(reader),
        ".br",
        "\\fBbriefing\\fR \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        roff(reader.description),
        "Without a command, briefing opens the reader on a brief file, or on a folder as"
        " the library (the configured library, else the bundled samples).",
        *_command(reader),
        ".SH COMMANDS",
    ]
    for command in rest:
        out += _command(command)
    out.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        out += [".TP", f"\\fB{code}\\fR", roff(meaning)]
    out.append(".SH FILES")
    for name, meaning in FILES:
        out += [".TP", f"\\fI{name}\\fR", roff(meaning)]
    out += [".SH SEE ALSO", "The README of briefing; \\fBbriefing schema\\fR for the brief format."]
    return "\n".join(out) + "\n"


def cmd_manpage(args: argparse.Namespace) -> int:
    """Print the manual page."""
    print(manpage(), end="")
    return 0
