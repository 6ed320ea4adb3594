"""What the parser declares, as plain records: for shell completion and the manual page.

Both are made from :mod:`briefing.cli.parser` (the reader's parser and each
command's in :data:`~briefing.cli.parser.COMMANDS`), so they cannot drift from
what ``briefing`` accepts. argparse keeps a parser's arguments in ``_actions``;
it has no public accessor, and every tool that documents a parser (sphinx-argparse,
shtab, argcomplete) reads that attribute too.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Literal

from briefing.cli.parser import COMMANDS, command_parser, reader_parser

Values = Literal["none", "briefs", "files", "folders", "themes", "choices", "text"]
"""What a value completes to: nothing (a flag), brief files and folders, any file,
folders, theme names, fixed choices, or free text."""

_FILES = {"FILE", "ARTICLE", "BRIEF.toml", "FILE|DIR|-", "file", "article", "output"}
_BRIEFS = {"PATH", "ID|PATH", "path", "paths"}


@dataclass(frozen=True)
class Argument:
    """One option (``flags`` start with ``-``) or positional argument of a command."""

    flags: tuple[str, ...]
    """``("-o", "--output")``; a positional's single entry is its name."""
    help: str
    values: Values
    choices: tuple[str, ...] = ()
    metavar: str = ""
    many: bool = False
    """True when the positional takes several values (or an option may be repeated)."""
    optional: bool = False
    """True for a positional that may be left out."""

    @property
    def positional(self) -> bool:
        """True for a positional argument."""
        return not self.flags[0].startswith("-")


@dataclass(frozen=True)
class Command:
    """A command (``""`` for the reader itself) and its arguments."""

    name: str
    description: str
    arguments: tuple[Argument, ...]

    def options(self) -> list[Argument]:
        """The options, in the order declared."""
        return [a for a in self.arguments if not a.positional]

    def positionals(self) -> list[Argument]:
        """The positional arguments, in order."""
        return [a for a in self.arguments if a.positional]


def _values(action: argparse.Action) -> Values:
    if action.nargs == 0:
        return "none"
    if action.dest == "theme":
        return "themes"
    if action.choices:
        return "choices"
    metavar = str(action.metavar or action.dest)
    if action.dest in ("data_dir", "config_dir") or metavar == "DIR":
        return "folders"
    if metavar in _BRIEFS or action.dest == "library":
        return "briefs"
    if metavar in _FILES or action.dest in _FILES:
        return "files"
    return "text"


def _argument(action: argparse.Action) -> Argument:
    flags = tuple(action.option_strings) or (action.dest,)
    return Argument(
        flags=flags,
        help=" ".join((action.help or "").split()),
        values=_values(action),
        choices=tuple(str(c) for c in action.choices or ()),
        metavar=str(action.metavar or action.dest.upper()),
        many=action.nargs in ("*", "+") or isinstance(action, argparse._AppendAction),
        optional=action.nargs in ("?", "*"),
    )


def _command(name: str, parser: argparse.ArgumentParser) -> Command:
    arguments = tuple(
        _argument(action)
        for action in parser._actions
        if action.help is not argparse.SUPPRESS
        and not isinstance(action, argparse._HelpAction | argparse._VersionAction)
    )
    return Command(name, " ".join((parser.description or "").split()), arguments)


def commands() -> list[Command]:
    """The reader (named ``""``) and then every command, as :data:`COMMANDS` lists them."""
    return [_command("", reader_parser())] + [
        _command(name, command_parser(name)) for name in COMMANDS
    ]
