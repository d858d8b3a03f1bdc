"""Reading does work in proportion to its input, however adversarial.

No clock, so a busy machine cannot fail this test: each case reads a
document and one ten times its size, and counts the steps each read takes,
every line of Python run and every function called, Python or built-in
(``sys.settrace`` and ``sys.setprofile``). Ten times the input may take at
most 15 times the steps: linear is 10, quadratic 100. A built-in call counts
as one step whatever it does inside (a regular expression, a copy of a long
string), so ``benchmarks/adversarial.py`` also times the same documents, at
megabyte sizes.
"""

from __future__ import annotations

import contextlib
import math
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import interviewkit as ik
from tests.adversarial import MAKERS

# Arbitrary input may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")

SMALL = 1_000
RATIO_LIMIT = 15.0


class _TooManySteps(BaseException):
    """Stops the work once it has taken more steps than it may.

    A `BaseException`, so that no ``except Exception`` in a reader catches it.
    """


def steps(work: Callable[[], object], *, limit: float = math.inf) -> int:
    """Run ``work()`` and return the number of steps it took.

    Past ``limit`` steps the work is stopped (a quadratic reader would take
    minutes under the tracer), and the count returned is over ``limit``.
    """
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        # A call, then each line, return or exception of that call.
        nonlocal count
        count += 1
        if count > limit:
            raise _TooManySteps
        return trace

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event == "c_call":
            count += 1

    previous_trace, previous_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        work()
    except _TooManySteps:
        pass
    finally:
        sys.settrace(previous_trace)
        sys.setprofile(previous_profile)
    return count


def read_steps(text: str, name: str, *, limit: float = math.inf) -> int:
    """The steps it takes to read ``text`` (or fail with ParseError)."""

    def read() -> None:
        with contextlib.suppress(ik.ParseError):
            ik.loads(text, format=name)

    return steps(read, limit=limit)


@pytest.mark.parametrize("name", sorted(ik.formats()))
@pytest.mark.parametrize("case", sorted(MAKERS))
def test_ten_times_the_input_takes_about_ten_times_the_steps(
    name: str, case: str
) -> None:
    make = MAKERS[case]
    read_steps(make(100), name)  # warm up: compile patterns, fill caches
    small = read_steps(make(SMALL), name)
    limit = RATIO_LIMIT * small
    large = read_steps(make(10 * SMALL), name, limit=limit)
    assert large <= limit, (
        f"{name} on {case}: 10x the input took over {RATIO_LIMIT:.0f}x the steps"
        f" ({small:,} steps, then stopped at {large:,})"
    )
