"""Keys named in text on screen ("(a: as published)", "n add · E edit") as the keymap has them.

A hint that names a default key goes stale once ``[keys]`` in config.toml remaps it; each
hint asks here for the key that runs its binding now.
"""

from __future__ import annotations

from textual.dom import DOMNode, NoScreen


def key_hint(node: DOMNode, binding_id: str, default: str) -> str:
    """The key that runs ``binding_id`` where ``node`` is, as the footer shows it, else ``default``."""
    try:
        screen = node.screen
    except NoScreen:  # not mounted yet: the default key
        return default
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return node.app.get_key_display(active.binding)
    return default
