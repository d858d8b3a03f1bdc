"""Hypothesis profiles: how many examples each property runs.

- ``dev``, the default: 40 examples a property.
- ``ci``, when the ``CI`` environment variable is set: 100 examples,
  derandomised, with no example database (Hypothesis's own ``ci`` profile).
- ``more``: 300 examples, for a change to a reader.
- ``thorough``: 5,000 examples, for a release.

The fuzz tests (``tests/test_fuzz.py``) run their own number of inputs a
reader in each profile, `FUZZ_INPUTS`: 50 by default, 2,000 under ``ci``,
50,000 under ``thorough``.

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
    "dev": {"max_examples": 40},
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


FUZZ_INPUTS: dict[str, int] = {
    "dev": 50,
    "ci": 2000,
    "more": 5000,
    "thorough": 50_000,
}
"""How many inputs each reader gets from the fuzz tests, by profile."""

loaded = "dev"
"""The name of the profile `load` loaded."""


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
    global loaded
    default = "ci" if os.environ.get("CI") else "dev"
    loaded = os.environ.get("HYPOTHESIS_PROFILE", default)
    settings.load_profile(loaded)


def examples(*, times: int) -> int:
    """Return ``times`` the examples of the loaded profile.

    For ``@settings(max_examples=examples(times=10))``: ``tests/conftest.py``
    loads the profile before pytest imports any test module.
    """
    return times * settings().max_examples


def fuzz_inputs() -> int:
    """Return how many inputs a reader gets from the fuzz tests."""
    return FUZZ_INPUTS.get(loaded, settings().max_examples)
