"""Allow ``python -m briefing.cli`` (as ``python -m briefing``)."""

from briefing.cli import main

raise SystemExit(main())
