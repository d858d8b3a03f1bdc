"""How fast the plain-text format reads and writes a large transcript.

Generates a transcript of at least 10 MB laid out like the seed (a labelled
interviewer, full-name then surname labels, unlabelled questions, captions,
links, time stamps) and prints MB/s for reading and writing it, next to a
floor: one bare ``re.finditer`` pass that splits the same text into (label,
text) pairs and does nothing else.

Run it with ``python benchmarks/text_throughput.py``.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import interviewkit as ik

TARGET_BYTES = 10 * 1024 * 1024
ROUNDS = 3

WORDS = [
    "the",
    "season",
    "show",
    "character",
    "Paris",
    "story",
    "writer",
    "actor",
    "camera",
    "scene",
    "light",
    "moment",
    "question",
    "answer",
    "really",
    "think",
    "about",
    "because",
    "everything",
    "Netflix",
    "fashion",
    "Versailles",
    "producer",
    "chemistry",
    "relationship",
    "decision",
    "episode",
]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    return " ".join(words).capitalize() + rng.choice([".", ".", "!", ": yes."])


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def transcript(rng: random.Random) -> str:
    blocks = [
        "[Editor’s note: The following contains spoilers.]",
        "From show creator Darren Star, a long interview at 10:30 in Paris.",
        "During this interview with Collider, Star talked about the show.",
        f"Collider: {paragraph(rng)}",
        f"DARREN STAR: {paragraph(rng)}",
    ]
    size = sum(len(block) + 2 for block in blocks)
    minute = 0
    while size < TARGET_BYTES:
        choice = rng.random()
        if choice < 0.04:
            new = [f"image-{minute}-darren-star-paris\nImage via Netflix"]
        elif choice < 0.06:
            new = [f"RELATED: {sentence(rng)}"]
        elif choice < 0.3:
            minute += 1
            stamp = f"[{minute // 60:02d}:{minute % 60:02d}:00]"
            new = [
                f"{stamp} Collider: {paragraph(rng)}?",
                f"{stamp} STAR: {paragraph(rng)}",
            ]
        else:
            new = [paragraph(rng) + "?", f"STAR: {paragraph(rng)}"]
        blocks += new
        size += sum(len(block.encode("utf-8")) + 2 for block in new)
    blocks.append("Emily in Paris is available to stream at Netflix.")
    return "\n\n".join(blocks)


FLOOR = re.compile(r"^([A-Z][\w .'’-]{0,40}):[ \t]*(.*)$", re.MULTILINE)


def floor(text: str) -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in FLOOR.finditer(text)]


def best(function: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    text = transcript(random.Random(0))
    megabytes = len(text.encode("utf-8")) / 1_000_000
    interview = ik.loads(text, format="text")
    assert ik.dumps(interview, format="text") == text
    floor_seconds = best(lambda: floor(text))
    read_seconds = best(lambda: ik.loads(text, format="text"))
    write_seconds = best(lambda: ik.dumps(interview, format="text"))
    # What building the validated model objects costs by itself, for scale.
    model_seconds = best(
        lambda: ik.Interview(
            speakers=interview.speakers,
            body=[
                ik.Turn(
                    speaker=block.speaker,
                    text=block.text,
                    label=block.label,
                    start_ms=block.start_ms,
                    marker=block.marker,
                )
                if isinstance(block, ik.Turn)
                else block
                for block in interview.body
            ],
        )
    )
    print(
        f"transcript: {megabytes:.1f} MB, {len(interview.turns)} turns, "
        f"{len(interview.captions)} captions, {len(interview.prose)} prose blocks"
    )
    print(f"floor (one re.finditer pass): {megabytes / floor_seconds:8.1f} MB/s")
    print(
        f"read (ik.loads, text):        {megabytes / read_seconds:8.1f} MB/s"
        f"  ({read_seconds / floor_seconds:.1f}x the floor's time)"
    )
    print(f"write (ik.dumps, text):       {megabytes / write_seconds:8.1f} MB/s")
    print(
        f"model objects alone:          {megabytes / model_seconds:8.1f} MB/s"
        f"  ({model_seconds / floor_seconds:.1f}x the floor's time)"
    )


if __name__ == "__main__":
    main()
