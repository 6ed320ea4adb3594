"""The UI tests' helpers under their old name: they live in the test kit (``kit.pilot``)."""

from kit.pilot import (  # noqa: F401  (the names the UI tests import from here)
    LAYOUTS,
    NARROW,
    SAMPLE_FILES,
    SEED_FILE,
    SEED_ID,
    SEED_TITLE,
    START,
    WIDE,
    cursor_key,
    option_ids,
    option_text,
    plain,
    row_keys,
    screen_text,
    settle,
    wait_for_workers,
)
