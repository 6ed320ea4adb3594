"""Theme files: each TOML file in ``themes/`` (bundled) or ``<config dir>/themes/`` is one Textual theme.

A theme file names its colours the way :class:`textual.theme.Theme` does::

    name = "briefing-dark"
    dark = true
    primary = "#4EA1FF"
    background = "#10141A"
    # secondary, accent, warning, error, success, foreground, surface, panel, boost
    [variables]                 # optional Textual design variables
    "footer-key-foreground" = "#4EA1FF"

A bad file (bad TOML, an unknown key, a colour that does not parse, a name that
is not a plain identifier) is skipped with a warning naming the file and the
field; the app starts anyway.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

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
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
MAX_THEME_BYTES = 64 * 1024


def parse_theme(text: str, source: str) -> tuple[Theme | None, list[str]]:
    """Parse one theme file's text; return the theme (or None) and warnings."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [f"{source}: TOML syntax: {error}"]
    warnings: list[str] = []
    name = raw.pop("name", None)
    if not isinstance(name, str) or not NAME.match(name):
        return None, [
            f"{source}: name: must be lower-case letters, digits, '-' or '_' (got {clean_line(repr(name))[:40]})"
        ]
    dark = raw.pop("dark", True)
    if not isinstance(dark, bool):
        return None, [f"{source}: dark: must be true or false"]
    variables = raw.pop("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        return None, [f"{source}: variables: must be a table of text values"]
    colours: dict[str, str] = {}
    for key, value in raw.items():
        if key not in COLOUR_FIELDS:
            warnings.append(
                f"{source}: {clean_line(str(key))[:40]}: unknown key (colours are {', '.join(COLOUR_FIELDS)})"
            )
            continue
        if not isinstance(value, str):
            return None, [*warnings, f'{source}: {key}: must be a colour such as "#4EA1FF"']
        try:
            Color.parse(value)
        except ColorParseError:
            return None, [*warnings, f"{source}: {key}: {clean_line(value)[:40]!r} is not a colour"]
        colours[key] = value
    if "primary" not in colours:
        return None, [*warnings, f"{source}: primary: a theme needs at least a primary colour"]
    for value in variables.values():
        try:
            Color.parse(value)
        except ColorParseError:
            # Variables may be non-colours (e.g. styles); keep them, Textual validates on use.
            pass
    return Theme(name=name, dark=dark, variables=dict(variables), **colours), warnings  # type: ignore[arg-type]


def load_themes(folders: list[Path]) -> tuple[list[Theme], list[str]]:
    """Read every ``*.toml`` theme in ``folders`` (later folders override earlier ones by name)."""
    themes: dict[str, Theme] = {}
    warnings: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            source = clean_line(str(path))
            try:
                if path.stat().st_size > MAX_THEME_BYTES:
                    warnings.append(f"{source}: larger than {MAX_THEME_BYTES // 1024} KB; skipped")
                    continue
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                warnings.append(f"{source}: cannot be read ({error.__class__.__name__}); skipped")
                continue
            theme, problems = parse_theme(text, source)
            warnings.extend(problems)
            if theme is not None:
                themes[theme.name] = theme
    return list(themes.values()), warnings
