"""Theme files: each TOML file in ``themes/`` (bundled) or ``<config dir>/themes/`` is one Textual theme.

A theme file names its colours the way :class:`textual.theme.Theme` does::

    name = "briefing-dark"
    dark = true
    primary = "#4EA1FF"
    background = "#10141A"
    # secondary, accent, warning, error, success, foreground, surface, panel, boost
    [variables]                 # optional Textual design variables
    "footer-key-foreground" = "#4EA1FF"

A bad file (bad TOML, a colour that does not parse, a variable value Textual
would not take, a name that is not a plain identifier, a FIFO or a device, a
file over 64 KB) is skipped with a warning naming the file and the field; the
app starts anyway. A value is checked before it reaches Textual's stylesheet,
where ``"red; } X {"`` would end the rule and crash the reader. An unknown key or
variable is named in a warning and left out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from rich.terminal_theme import TerminalTheme
from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.theme import Theme

from briefing.core import tomlread
from briefing.core.files import FileProblem, read_regular_file
from briefing.core.safetext import clean_line

COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
LIGHT_ANSI = TerminalTheme(
    (247, 247, 247),
    (0, 0, 0),
    [
        (0, 0, 0),
        (170, 55, 49),
        (30, 110, 40),
        (140, 95, 0),
        (50, 92, 192),
        (122, 62, 157),
        (0, 110, 150),
        (247, 247, 247),
    ],
    [
        (90, 90, 90),
        (170, 40, 40),
        (30, 110, 40),
        (140, 95, 0),
        (0, 90, 170),
        (150, 40, 150),
        (0, 110, 150),
        (247, 247, 247),
    ],
)
"""The ANSI colours a light theme shows (the library's countdowns are ANSI green and yellow):
Textual's default light palette, with the green, yellow and cyan darkened to 4.5:1 on white."""

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
MAX_THEME_BYTES = 64 * 1024
MAX_WARNINGS = 10
"""Unknown keys named one by one; the rest are counted in one last warning."""
COLOUR_TEXT = re.compile(r"[#a-zA-Z0-9_(),.% ]{1,40}")
"""What a colour may be written with: nothing that ends a CSS value or rule."""
ALPHA = re.compile(r"\d{1,3}%")
"""The opacity Textual allows after a colour variable's colour: ``#81A1C1 35%``."""


def _colour_problem(value: object) -> str | None:
    """Why ``value`` is not a colour Textual parses, or None."""
    if not isinstance(value, str):
        return 'must be a colour such as "#4EA1FF"'
    if COLOUR_TEXT.fullmatch(value):
        try:
            Color.parse(value)
            return None
        except ColorParseError:
            pass
    return f"{clean_line(value)[:40]!r} is not a colour"


def _variable_problem(name: str, value: object) -> str | None:
    """Why ``value`` is not a value Textual takes for the design variable ``name``, or None."""
    if not isinstance(value, str):
        return "must be text"
    shown = f"{clean_line(value)[:40]!r}"
    if name.endswith(("-style", "-style-hover")):
        words = value.split(" ")
        if all(word in VALID_STYLE_FLAGS for word in words):
            return None
        return f'{shown} is not a text style such as "bold underline"'
    colour, _, alpha = value.partition(" ")
    if (alpha and not ALPHA.fullmatch(alpha)) or (
        colour not in ("auto", "initial") and _colour_problem(colour)
    ):
        return f'{shown} is not a colour such as "#4EA1FF" or "#4EA1FF 40%"'
    return None


@cache
def design_variables() -> tuple[str, ...]:
    """The names of Textual's design variables (those a theme's ``[variables]`` can set)."""
    return tuple(Theme(name="any", primary="#000000").to_color_system().generate())


def _variables(
    variables: dict[str, object], source: str, unknown: list[str]
) -> tuple[dict[str, str] | None, str | None]:
    """Check a theme's ``[variables]``: the good ones, or None and the warning for a bad value.

    Unknown names are added to ``unknown`` (as ``variables.NAME``).
    """
    good: dict[str, str] = {}
    known = frozenset(design_variables())
    for name, value in variables.items():
        if name not in known:
            unknown.append(f"variables.{name}")
            continue
        problem = _variable_problem(name, value)
        if problem or not isinstance(value, str):  # (a problem unless it is text)
            return None, f"{source}: variables.{name}: {problem}"
        good[name] = value
    return good, None


def _unknown_warnings(unknown: list[str], source: str) -> list[str]:
    """Warnings for unknown keys and variables: the first few named, with a suggestion, the rest counted."""
    warnings = []
    for field in unknown[:MAX_WARNINGS]:
        shown = f"{source}: {clean_line(field)[:50]}"
        if field.startswith("variables."):
            close = difflib.get_close_matches(field[10:70], design_variables(), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            warnings.append(f"{shown}: unknown variable{hint}; left out")
        else:
            warnings.append(f"{shown}: unknown key (colours are {', '.join(COLOUR_FIELDS)})")
    if len(unknown) > MAX_WARNINGS:
        more = len(unknown) - MAX_WARNINGS
        warnings.append(f"{source}: and {more:,} more unknown keys and variables; left out")
    return warnings


def parse_theme(text: str, source: str, *, checked: bool = True) -> tuple[Theme | None, list[str]]:
    """Parse one theme file's text; return the theme (or None) and warnings.

    ``checked=False`` is for the bundled themes, whose colours and variables briefing's
    tests check: their values are taken as written (the structure is still read).
    """
    try:
        raw = tomlread.loads(text)
    except tomlread.TOMLDecodeError as error:
        return None, [f"{source}: TOML syntax: {clean_line(str(error))}"]
    name = raw.pop("name", None)
    if not isinstance(name, str) or not NAME.match(name):
        return None, [
            f"{source}: name: must be lower-case letters, digits, '-' or '_' (got {clean_line(repr(name))[:40]})"
        ]
    dark = raw.pop("dark", True)
    if not isinstance(dark, bool):
        return None, [f"{source}: dark: must be true or false"]
    variables = raw.pop("variables", {})
    if not isinstance(variables, dict):
        return None, [f"{source}: variables: must be a table of text values"]
    unknown: list[str] = []
    colours: dict[str, str] = {}
    for key, value in raw.items():
        if key not in COLOUR_FIELDS:
            unknown.append(str(key))
            continue
        problem = _colour_problem(value) if checked else None
        if problem:
            return None, [f"{source}: {key}: {problem}"]
        colours[key] = value
    if "primary" not in colours:
        return None, [f"{source}: primary: a theme needs at least a primary colour"]
    good, problem = (
        _variables(variables, source, unknown)
        if checked
        else ({str(name): str(value) for name, value in variables.items()}, None)
    )
    if good is None:
        return None, [clean_line(str(problem))]
    theme = Theme(
        name=name,
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        accent=colours.get("accent"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        boost=colours.get("boost"),
        dark=dark,
        variables=good,
    )
    return theme, _unknown_warnings(unknown, source)


def load_themes(
    folders: list[Path], *, bundled: Path | None = None
) -> tuple[list[Theme], list[str]]:
    """Read every ``*.toml`` theme in ``folders`` (later folders override earlier ones by name).

    The values of the themes in ``bundled`` (the folder briefing ships) are not checked:
    briefing's tests check them, and listing Textual's design variables to check them
    would cost every start about a millisecond. Every other theme file is checked.
    """
    themes: dict[str, Theme] = {}
    warnings: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            source = clean_line(str(path))
            try:
                text = read_regular_file(path, limit=MAX_THEME_BYTES, what="theme file").decode(
                    "utf-8"
                )
            except FileProblem as problem:
                warnings.append(f"{source}: {problem.reason}; skipped")
                continue
            except UnicodeDecodeError:
                warnings.append(f"{source}: is not valid UTF-8; skipped")
                continue
            except RecursionError:
                warnings.append(f"{source}: nested too deeply; skipped")
                continue
            theme, problems = parse_theme(text, source, checked=folder != bundled)
            warnings.extend(problems)
            if theme is not None:
                themes[theme.name] = theme
    return list(themes.values()), warnings


DEFAULT_THEME = "briefing-dark"


def choose_theme(
    requested: str | None,
    configured: str | None,
    remembered: str | None,
    available: Mapping[str, object],
) -> tuple[str, list[str]]:
    """The theme to start in, and the warnings to show about the ones passed over.

    ``--theme`` wins, then config.toml's ``theme``, then the palette's last choice, then
    :data:`DEFAULT_THEME`. A remembered choice that config.toml overrides is named in a
    notice, so a palette pick that seems forgotten is explained.
    """
    warnings = []
    if configured and remembered and remembered != configured and not requested:
        warnings.append(
            f"theme {configured!r} from config.toml (it wins at start); the palette's"
            f" last choice, {remembered!r}, applies only when config.toml sets no theme"
        )
    for candidate, source in (
        (requested, "--theme"),
        (configured, "config.toml"),
        (remembered, None),
        (DEFAULT_THEME, None),
    ):
        if candidate and candidate in available:
            return candidate, warnings
        if candidate and source:
            warnings.append(f"{source}: unknown theme {candidate!r}; using another")
    return DEFAULT_THEME, warnings
