"""Keys that move into or out of a text field, and the keys typed straight after them.

Textual routes each key to the widget that has the focus when the app takes the key
from its queue, and ``Widget.focus()`` moves the focus a turn later. Typed in one
burst (a fast typist, or a terminal that delivers several keys in one read), the
keys after ``/`` reached the list before the filter had the focus: lost, or run as
bindings (``s`` sorted the library, ``r`` reloaded it). So a key that moves the
focus into or out of a field is a *priority* binding, which runs as the app takes
it, before the next keys are routed, and its action moves the focus at once with
``Screen.set_focus``. :func:`field_key_allowed` keeps such a binding from taking a
key the field itself should get.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input


def field_binding(
    key: str, action: str, description: str, *, id: str, show: bool = True
) -> Binding:
    """A priority binding for a key that moves the focus into or out of a text field."""
    return Binding(key, action, description, show=show, id=id, priority=True)


def field_key_allowed(
    screen: Screen[Any], action: str, *, opens: Container[str] = (), leaves: Container[str] = ()
) -> bool:
    """Whether the field binding of ``action`` may run now (for the screen's ``check_action``).

    An action in ``opens`` (``/``) declines while a text field has the focus, so the
    key is typed into it; one in ``leaves`` (enter) runs only there.
    """
    in_field = isinstance(screen.focused, Input)
    if action in opens:
        return not in_field
    if action in leaves:
        return in_field
    return True
