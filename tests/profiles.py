"""Hypothesis profiles: how many examples each property runs.

- ``dev``, the default: 75 examples a property.
- ``ci``, when the ``CI`` environment variable is set: 100 examples,
  derandomised, with no example database (Hypothesis's own ``ci`` profile).
- ``more``: 300 examples, for a change to a reader.
- ``thorough``: 5,000 examples, for a release.

``HYPOTHESIS_PROFILE=name`` picks one, and wins over ``CI``. No profile has
a deadline: a test must not fail because the machine is busy, and speed is
measured in ``benchmarks/``. A property that is cheap and hunts for rare
input asks for a multiple of the profile's examples with `examples`, so
that every profile scales it.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings

PROFILES: dict[str, dict[str, Any]] = {
    "dev": {"max_examples": 75},
    # What Hypothesis's own ci profile sets, whichever version is installed.
    "ci": {
        "max_examples": 100,
        "derandomize": True,
        "database": None,
        "print_blob": True,
    },
    "more": {"max_examples": 300},
    "thorough": {"max_examples": 5000},
}


def load() -> None:
    """Register the profiles and load the one the environment asks for."""
    # On Hypothesis's defaults, not on whichever profile it loaded itself.
    defaults = settings.get_profile("default")
    for name, options in PROFILES.items():
        settings.register_profile(
            name,
            defaults,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
            **options,
        )
    default = "ci" if os.environ.get("CI") else "dev"
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", default))


def examples(*, times: int) -> int:
    """Return ``times`` the examples of the loaded profile.

    For ``@settings(max_examples=examples(times=10))``: ``tests/conftest.py``
    loads the profile before pytest imports any test module.
    """
    return times * settings().max_examples
