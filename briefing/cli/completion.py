"""``briefing completion SHELL``: a completion script for bash, zsh or fish.

Made from the parser (:mod:`briefing.cli.command_line`): commands, their
options and the values options take (choices such as ``--format``'s, theme
names, folders, files, and brief files: folders and ``.toml``/``.json``).
Theme names are those known when the script is made: run it again after
adding a theme. Load it with ``source <(briefing completion bash)``; the README
says where each shell keeps it for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cli.command_line import Argument, Command, commands
from briefing.ui.launch import theme_names

if TYPE_CHECKING:
    import argparse


def _first(description: str) -> str:
    """A command's description up to its first full stop, for a one-line menu."""
    return description.split(". ")[0].split(": ")[0].rstrip(".")


def _words(values: list[str] | tuple[str, ...]) -> str:
    return " ".join(values)


def _bash_values(argument: Argument, themes: list[str]) -> str:
    """The bash that fills COMPREPLY for a value of ``argument`` (empty: nothing to offer)."""
    kind = argument.values
    if kind == "choices":
        return f'COMPREPLY=($(compgen -W "{_words(argument.choices)}" -- "$cur"))'
    if kind == "themes":
        return f'COMPREPLY=($(compgen -W "{_words(themes)}" -- "$cur"))'
    if kind == "folders":
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if kind == "files":
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    if kind == "briefs":
        return '_briefing_briefs "$cur"'
    return ""


def _bash_command(command: Command, themes: list[str]) -> list[str]:
    name = command.name
    out = [f"        {name or '_reader'})"]
    for option in command.options():
        if option.values != "none":
            fill = _bash_values(option, themes) or "COMPREPLY=()"
            out.append(
                f'            case "$prev" in {"|".join(option.flags)}) {fill}; return;; esac'
            )
    flags = _words([flag for option in command.options() for flag in option.flags])
    out.append(
        f'            if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "{flags}" -- "$cur"));'
        " return; fi"
    )
    positionals = command.positionals()
    if name == "":
        out.append(
            f'            COMPREPLY=($(compgen -W "{_words([c.name for c in commands()[1:]])}" -- "$cur"))'
        )
    if positionals:
        fill = _bash_values(positionals[0], themes)
        if fill:
            out.append(f"            {fill.replace('COMPREPLY=(', 'COMPREPLY+=(')}")
    out.append("            ;;")
    return out


def bash(themes: list[str]) -> str:
    """The bash completion script."""
    every = commands()
    names = "|".join(c.name for c in every[1:])
    lines = [
        "# bash completion for briefing (made by 'briefing completion bash')",
        "_briefing_briefs() {",
        "    local f",
        "    while IFS= read -r f; do",
        '        if [[ -d "$f" || "$f" == *.toml || "$f" == *.json ]]; then COMPREPLY+=("$f"); fi',
        '    done < <(compgen -f -- "$1")',
        "}",
        "_briefing() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd=_reader i',
        "    COMPREPLY=()",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        f'        case "${{COMP_WORDS[i]}}" in {names}) cmd="${{COMP_WORDS[i]}}"; break;; esac',
        "    done",
        '    case "$cmd" in',
    ]
    for command in every:
        lines += _bash_command(command, themes)
    lines += ["    esac", "}", "complete -o filenames -F _briefing briefing", ""]
    return "\n".join(lines)


_ZSH_SAFE = str.maketrans("[]:'\\", "()-’/")
"""What would end a zsh spec's help, its value or its quoting, replaced."""


def _zsh_help(text: str) -> str:
    return text.translate(_ZSH_SAFE)[:70]


def _zsh_action(argument: Argument, themes: list[str]) -> str:
    kind = argument.values
    if kind in ("choices", "themes"):
        return f"({_words(argument.choices if kind == 'choices' else themes)})"
    return {"folders": "_files -/", "files": "_files", "briefs": "_briefing_briefs"}.get(kind, " ")


def _zsh_specs(command: Command, themes: list[str]) -> list[str]:
    specs = []
    for option in command.options():
        value = ""
        if option.values != "none":
            value = f":{option.metavar.lower()}:{_zsh_action(option, themes)}"
        repeat = "*" if option.many else ""
        specs += [f"'{repeat}{flag}[{_zsh_help(option.help)}]{value}'" for flag in option.flags]
    for position, argument in enumerate(command.positionals(), start=1):
        where = "*" if argument.many else str(position)
        colon = "::" if argument.optional and not argument.many else ":"
        specs.append(f"'{where}{colon}{argument.flags[0]}:{_zsh_action(argument, themes)}'")
    return specs


def zsh(themes: list[str]) -> str:
    """The zsh completion script (``#compdef briefing``)."""
    every = commands()
    described = " ".join(f"'{c.name}:{_zsh_help(_first(c.description))}'" for c in every[1:])
    lines = [
        "#compdef briefing",
        "# zsh completion for briefing (made by 'briefing completion zsh')",
        "_briefing_briefs() { _files -g '*.(toml|json)(-.)' ; _files -/ }",
        "_briefing() {",
        f"    local -a commands=({described})",
        "    if (( CURRENT > 2 )) && (( ${commands[(I)${words[2]}:*]} )); then",
        "        local cmd=$words[2]",
        "        shift words; (( CURRENT-- ))",
        "        case $cmd in",
    ]
    for command in every[1:]:
        specs = " ".join(_zsh_specs(command, themes))
        lines.append(f"            {command.name}) _arguments -s {specs} ;;")
    reader = " ".join(s for s in _zsh_specs(every[0], themes) if not s.startswith("'1"))
    lines += [
        "        esac",
        "        return",
        "    fi",
        f"    _arguments -s {reader} '1: :->first'",
        "    [[ $state == first ]] && { _describe command commands; _briefing_briefs }",
        "}",
        '_briefing "$@"',
        "",
    ]
    return "\n".join(lines)


def _fish_values(argument: Argument, themes: list[str]) -> str:
    kind = argument.values
    if kind in ("choices", "themes"):
        return f" -x -a '{_words(argument.choices if kind == 'choices' else themes)}'"
    if kind == "folders":
        return " -x -a '(__fish_complete_directories)'"
    if kind == "briefs":
        return " -x -a '(__briefing_briefs)'"
    if kind == "files":
        return " -r -F"
    return " -x" if kind == "text" else ""


def fish(themes: list[str]) -> str:
    """The fish completion script."""
    every = commands()
    lines = [
        "# fish completion for briefing (made by 'briefing completion fish')",
        "function __briefing_briefs",
        "    __fish_complete_suffix .toml",
        "    __fish_complete_suffix .json",
        "    __fish_complete_directories",
        "end",
        "complete -c briefing -f",
        "complete -c briefing -n __fish_use_subcommand -a '(__briefing_briefs)'",
    ]
    for command in every:
        when = (
            "__fish_use_subcommand"
            if not command.name
            else f"'__fish_seen_subcommand_from {command.name}'"
        )
        if command.name:
            help = _first(command.description).replace("'", "\\'")[:70]
            lines.append(
                f"complete -c briefing -n __fish_use_subcommand -a {command.name} -d '{help}'"
            )
        for option in command.options():
            names = " ".join(
                f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}"
                for flag in option.flags
            )
            help = option.help.replace("'", "\\'")[:70]
            values = _fish_values(option, themes)
            lines.append(f"complete -c briefing -n {when} {names}{values} -d '{help}'")
        positionals = command.positionals()
        if command.name and positionals and positionals[0].values != "text":
            values = _fish_values(positionals[0], themes).replace(" -x", "").replace(" -r", "")
            lines.append(f"complete -c briefing -n {when}{values}")
    return "\n".join(lines) + "\n"


SHELLS = {"bash": bash, "zsh": zsh, "fish": fish}


def cmd_completion(args: argparse.Namespace) -> int:
    """Print the completion script for ``args.shell``."""

    print(SHELLS[args.shell](theme_names()), end="")
    return 0
