"""Peak memory of each reader, as a multiple of its input, in a fresh process.

Memory, unlike time, does not change on a busy machine, so it is asserted:
each reader reads a generated document of about 20 MB in a process of its
own, and the growth of its resident set at its peak (``VmHWM`` less the
``VmRSS`` before reading, from ``/proc/self/status``) must stay within the
bound below. The bounds are today's figures with a margin of about a
quarter; the goals, and what stands between, are on the performance page
of the docs. Marked ``slow``: ``.ci/run`` runs them with ``pytest -m slow``.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

import interviewkit as ik

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path("/proc/self/status").exists(), reason="needs Linux's /proc"
    ),
]

MEGABYTES = 20

# Peak growth over the input's size in UTF-8, at most (measured: JSON 2.7,
# text 6.9 to 7.2, Markdown 13.5, HTML 14.4, WebVTT 5.9, SRT 6.5 to 7.7).
BOUNDS = {
    "json": 3.5,
    "text": 9.0,
    "markdown": 17.0,
    "html": 17.5,
    "webvtt": 7.5,
    "srt": 9.5,
}

MEASURE = """
import gc, sys, warnings
import interviewkit as ik

def status(field):
    with open("/proc/self/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

warnings.simplefilter("ignore")
with open(sys.argv[1], encoding="utf-8") as file:
    text = file.read()
gc.collect()
before = status("VmRSS")
interview = ik.loads(text, format=sys.argv[2])
print(len(interview.turns), (status("VmHWM") - before) / len(text.encode()))
"""


def generate(megabytes: float) -> ik.Interview:
    rng = random.Random(7)
    words = [
        "so",
        "well",
        "the",
        "show",
        "Paris",
        "really",
        "café",
        "naïve",
        "2021",
        "—",
        "“quoted”",
        "it’s",
    ]
    speakers = (
        ik.Speaker(id="ann", name="Ann Lee", role=ik.Role.INTERVIEWER),
        ik.Speaker(id="bob", name="Bob Stone", role=ik.Role.INTERVIEWEE),
    )
    body: list[ik.Block] = []
    size = clock = 0
    while size < megabytes * 1_000_000:
        text = " ".join(rng.choices(words, k=rng.randint(10, 90)))
        length = 300 * len(text.split())
        speaker = speakers[len(body) % 2].id
        body.append(
            ik.Turn(speaker=speaker, text=text, start_ms=clock, end_ms=clock + length)
        )
        clock += length + 200
        size += len(text.encode()) + 30
    return ik.Interview(title="Memory", speakers=speakers, body=tuple(body))


@pytest.fixture(scope="module")
def interview() -> ik.Interview:
    return generate(MEGABYTES)


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_peak_memory_of_a_reader_is_bounded(
    name: str, interview: ik.Interview, tmp_path: Path
) -> None:
    path = tmp_path / f"talk.{name}"
    path.write_text(ik.dumps(interview, format=name), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), name],
        capture_output=True,
        text=True,
        check=True,
    )
    turns, ratio = done.stdout.split()
    assert int(turns) == len(interview.turns)
    print(f"{name}: peak {float(ratio):.1f}x the input")
    assert float(ratio) <= BOUNDS[name]
