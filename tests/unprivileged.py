"""Run a command the way a user without root's override of file permissions would.

The tests run as root here, and root reads a ``chmod 000`` file as if nothing
were wrong. Running the code under test as ``nobody`` does not work on this
machine: the interpreter lives under ``/root``, which ``nobody`` cannot enter.
Instead the child drops the two capabilities that let root ignore permissions
(``CAP_DAC_OVERRIDE`` and ``CAP_DAC_READ_SEARCH``) from its bounding set before
it starts; it stays root in name, but a file or folder with no permission bits
for its owner is then refused to it like to anyone else.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def _drop_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(args: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``args`` (text mode, output captured) so that file permissions apply to it."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 120)
    kwargs.setdefault("check", False)
    preexec = _drop_override if os.geteuid() == 0 else None
    return subprocess.run(list(args), preexec_fn=preexec, **kwargs)  # noqa: PLW1509


def run_briefing_unprivileged(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``python -m briefing ARGS`` with :func:`run_unprivileged`."""
    return run_unprivileged([sys.executable, "-m", "briefing", *args], **kwargs)
