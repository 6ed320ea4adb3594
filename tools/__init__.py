"""Developer tools run from the repository (``python -m tools.check``); not shipped in the wheel."""
