"""The system clipboard, through the tool the system has for it (wl-copy, xclip, xsel, pbcopy,
clip.exe).

A terminal's own clipboard (OSC 52) may silently drop what it is sent (tmux with
``set-clipboard off``), so the reader says "Copied" only when a tool here took the text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

TOOL_TIMEOUT = 3.0
"""Seconds a clipboard tool may take before the copy counts as failed."""


def clipboard_tools() -> list[list[str]]:
    """The commands that may reach the system clipboard here, the likeliest first."""
    tools: list[list[str]] = []
    if os.environ.get("WAYLAND_DISPLAY"):
        tools.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        tools += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if sys.platform == "darwin":
        tools.append(["pbcopy"])
    tools.append(["clip.exe"])  # Windows and WSL
    return [tool for tool in tools if shutil.which(tool[0])]


def copy_with_tool(text: str) -> str | None:
    """Put ``text`` on the system clipboard; the name of the tool that took it, else None."""
    for tool in clipboard_tools():
        try:
            # Output to /dev/null: xclip stays behind to serve the selection, and a pipe it
            # kept open would make this wait for it.
            result = subprocess.run(
                tool,
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TOOL_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if result.returncode == 0:
            return tool[0]
    return None
