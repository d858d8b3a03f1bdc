"""Reading time grows linearly with adversarial input.

No wall-clock thresholds: each case reads a document and one ten times its
size in the same run, and the larger may take at most 40 times as long
(linear is 10, quadratic would be 100; caches make small inputs
disproportionately fast, hence the margin; a case over the limit is
measured once more, since a busy machine can slow one run). The benchmark in
``benchmarks/adversarial.py`` prints the same figures at megabyte sizes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

import interviewkit as ik
from tests.adversarial import MAKERS

SMALL = 20_000
RATIO_LIMIT = 40.0
MIN_SECONDS = 0.005


def read_seconds(text: str, name: str) -> float:
    """The best of three times to read ``text`` (or fail with ParseError)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with contextlib.suppress(ik.ParseError):
            ik.loads(text, format=name)
        best = min(best, time.perf_counter() - start)
    return best


def ratio_at(make: Callable[[int], str], name: str, size: int) -> float:
    return read_seconds(make(10 * size), name) / read_seconds(make(size), name)


@pytest.mark.parametrize("name", sorted(ik.formats()))
@pytest.mark.parametrize("case", sorted(MAKERS))
def test_ten_times_the_input_costs_about_ten_times_the_time(
    name: str, case: str
) -> None:
    make = MAKERS[case]
    read_seconds(make(100), name)  # warm up: compile patterns, fill caches
    # Tiny timings are noise: grow the small size until it takes a while.
    size = SMALL
    while read_seconds(make(size), name) < MIN_SECONDS and size < 4_000_000:
        size *= 4
    ratio = ratio_at(make, name, size)
    if ratio >= RATIO_LIMIT:
        # A busy machine can slow one run; a quadratic reader fails again.
        ratio = min(ratio, ratio_at(make, name, size))
    assert ratio < RATIO_LIMIT, (
        f"{name} on {case}: 10x the input took {ratio:.1f}x the time"
    )
