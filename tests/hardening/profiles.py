"""The ``ci`` and ``deep`` Hypothesis profiles, and per-property example counts.

See ``conftest.py`` for how to choose a profile on the command line.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

CI, DEEP = "ci", "deep"

_COMMON: dict[str, Any] = {
    "deadline": None,  # rendering a 600-character word at width 40 is slow-ish, not wrong
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    "print_blob": True,
}

settings.register_profile(CI, max_examples=60, **_COMMON)
settings.register_profile(DEEP, max_examples=2000, **_COMMON)


def deep() -> bool:
    """True when the run chose ``--hypothesis-profile=deep``."""
    return settings.get_current_profile_name() == DEEP


def examples(ci: int, deep_count: int | None = None) -> settings:
    """Settings for one property: ``ci`` examples, or ``deep_count`` under the deep profile.

    ``HYPOTHESIS_DEEP_EXAMPLES`` caps the deep count (to time-box a deep run).
    """
    count = ci
    if deep():
        count = deep_count if deep_count is not None else settings.get_profile(DEEP).max_examples
        cap = os.environ.get("HYPOTHESIS_DEEP_EXAMPLES")
        if cap:
            count = min(count, int(cap))
    return settings(settings.get_profile(CI), max_examples=count)
