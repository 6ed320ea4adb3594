"""The ``[keys]`` table of config.toml, checked before it reaches Textual's keymap.

A key name Textual does not know (``"notakey!!,,,"``) would show in the footer
as a key that nothing can press; two actions on one key, or a key a focused
list already takes (``j``), make an action unreachable. Such a remap is not
applied, with a warning naming the file, the binding id, the value and, for a
clash, both actions.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, KEY_TO_UNICODE_NAME, Keys, _character_to_key
from textual.screen import Screen

from briefing.core.safetext import clean_line

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(key.value.rsplit("+", 1)[-1] for key in Keys) | {
    "enter",
    "space",
    "backspace",
    "tab",
    "escape",
    *KEY_NAME_REPLACEMENTS.values(),
}


def key_problem(key: str) -> str | None:
    """Why ``key`` is not a key Textual can bind, or None."""
    *modifiers, last = key.split("+")
    bad = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if bad or not last:
        return "not a key (modifiers are ctrl+, shift+, alt+, meta+, super+, hyper+)"
    if len(last) == 1:
        return None if last.isprintable() and not last.isspace() else "not a printable key"
    if last in NAMED_KEYS or last in KEY_TO_UNICODE_NAME:
        return None
    try:
        unicodedata.lookup(last.replace("_", " "))
        return None
    except KeyError:
        return "not a key Textual knows (see the help screen, ?, for key names)"


def _normalise(key: str) -> str:
    return _character_to_key(key) if len(key) == 1 else key


class Bound:
    """A binding with an id, and the classes (app, screens, widgets) that hold it."""

    def __init__(self, binding: Binding) -> None:
        self.binding = binding
        self.holders: list[type[DOMNode]] = []
        self.keys: set[str] = set()
        """Its default keys (Textual splits ``"G,end"`` into one binding per key)."""

    @property
    def what(self) -> str:
        """The action as the help screen names it."""
        return self.binding.description or self.binding.action


def all_bindings() -> dict[str, Bound]:
    """Every binding with an id in the reader, by id (imports every screen and widget)."""
    # deferred: every screen and widget, to list their bindings (only for remaps and help)
    import briefing.ui.app
    import briefing.ui.screens
    import briefing.ui.widgets

    for package in (briefing.ui.screens, briefing.ui.widgets):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    found: dict[str, Bound] = {}
    pending: list[type[DOMNode]] = [briefing.ui.app.BriefingApp, *DOMNode.__subclasses__()]
    seen: set[type[DOMNode]] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        pending.extend(cls.__subclasses__())
        if not cls.__module__.startswith("briefing.") or cls._merged_bindings is None:
            continue
        for bindings in cls._merged_bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.id:
                    bound = found.setdefault(binding.id, Bound(binding))
                    bound.keys.add(_normalise(binding.key.strip()))
                    if cls not in bound.holders:
                        bound.holders.append(cls)
    return found


SCREEN_WIDGETS = {
    "BriefScreen": ("ItemList", "DeadlineList", "ParticipantTable", "SummaryView", "Pane"),
    "PeopleScreen": ("ItemList",),
    "AgendaScreen": ("AgendaTable",),
    "LibraryScreen": ("LibraryTable",),
}
"""The widgets with keys of their own that each screen shows (by class name).

Kept by hand: screens make their widgets lazily, so no import says which they
show. ``tests/ui/test_keymap.py`` checks every name is a class with bindings.
"""


def _contains(screen: type[DOMNode], widget: type[DOMNode]) -> bool:
    """Whether ``screen`` may show ``widget`` (so a focused ``widget`` takes its keys first)."""
    names = SCREEN_WIDGETS.get(screen.__name__, ())
    return any(cls.__name__ in names for cls in widget.__mro__)


def _active_together(first: type[DOMNode], second: type[DOMNode]) -> bool:
    """Whether keys of ``first`` and ``second`` can be in one chain (widget, screen, app)."""
    if first is second or issubclass(first, App) or issubclass(second, App):
        return True
    first_screen, second_screen = issubclass(first, Screen), issubclass(second, Screen)
    if first_screen == second_screen:
        return False  # two screens, or two widgets, are never focused together
    screen, widget = (first, second) if first_screen else (second, first)
    return _contains(screen, widget)


RENAMED_IDS = {"brief.quit": "brief.back-to-library"}
"""Binding ids renamed since a release (old: new): a config.toml that names the old id
still applies, with a warning that names the new one."""


def check_keymap(
    keymap: dict[str, str], source: str, bindings: dict[str, Bound]
) -> tuple[dict[str, str], list[str]]:
    """Return the remaps that can be applied, and warnings about the rest."""
    warnings: list[str] = []
    good: dict[str, str] = {}
    for binding_id, value in keymap.items():
        where = f"{source}: [keys] {clean_line(binding_id)[:60]!r} = {clean_line(value)[:40]!r}"
        if binding_id in RENAMED_IDS:
            renamed = RENAMED_IDS[binding_id]
            if renamed in keymap:
                warnings.append(f"{where}: renamed {renamed!r}, which is also set; not applied")
                continue
            warnings.append(f"{where}: this id is now {renamed!r}; applied to it")
            binding_id = renamed
        if binding_id not in bindings:
            warnings.append(f"{where}: no binding has this id (see ?); not applied")
            continue
        keys = [key.strip() for key in value.split(",")]
        problems = [f"{key!r}: {key_problem(key)}" for key in keys if key_problem(key)]
        if problems:
            warnings.append(f"{where}: {clean_line(problems[0])[:80]}; not applied")
            continue
        good[binding_id] = ",".join(_normalise(key) for key in keys)
    return _without_clashes(good, bindings, source, warnings)


def _without_clashes(
    good: dict[str, str], bindings: dict[str, Bound], source: str, warnings: list[str]
) -> tuple[dict[str, str], list[str]]:
    """Drop the remaps that put two actions active together on one key, with a warning."""
    for binding_id in list(good):
        keys = set(good[binding_id].split(","))
        mine = bindings[binding_id]
        for other, bound in bindings.items():
            if other == binding_id:
                continue
            other_keys = set(good[other].split(",")) if other in good else bound.keys
            shared = keys & other_keys
            if shared and any(
                _active_together(one, two) for one in mine.holders for two in bound.holders
            ):
                warnings.append(
                    f"{source}: [keys] {binding_id!r} = {sorted(shared)[0]!r} clashes with"
                    f" {other!r} ({bound.what}) on that key; not applied, so both still work"
                )
                del good[binding_id]
                break
    return good, warnings
