"""briefing: a terminal reader for structured briefings."""

__version__ = "0.1.0"
