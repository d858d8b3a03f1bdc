"""Load the Hypothesis profile (see ``tests/profiles.py``) before any test
module is imported."""

from __future__ import annotations

from tests import profiles

profiles.load()
