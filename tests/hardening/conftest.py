"""Hypothesis profiles for the property and fuzz tests.

Importing :mod:`.profiles` registers two profiles: ``ci`` (bounded example
counts, the default) and ``deep`` (thousands of examples). They are
registered, never loaded here: loading one from a conftest would change the
settings of every other Hypothesis test in the session. Each property takes
its ``max_examples`` from :func:`.profiles.examples`, which reads the *current*
profile name: Hypothesis's ``default`` unless ``--hypothesis-profile`` chose
another, and anything but ``deep`` means the ``ci`` counts.

How the option interacts with this file (checked with Hypothesis 6.170 and
pytest 8): the Hypothesis pytest plugin calls ``settings.load_profile(name)`` in
``pytest_configure``, so the profile must already be registered then. This
conftest is loaded that early (as an "initial conftest") only when
``tests/hardening`` or a file in it is named on the command line, so the deep
run is::

    .venv/bin/python -m pytest tests/hardening --hypothesis-profile=deep

``pytest --hypothesis-profile=deep`` over the whole suite fails with
"InvalidArgument: Profile 'deep' is not registered", because this file is only
imported during collection then. ``HYPOTHESIS_DEEP_EXAMPLES=500`` caps the deep
example counts to time-box a run.
"""

from __future__ import annotations

from . import profiles  # noqa: F401  (registers the profiles)
