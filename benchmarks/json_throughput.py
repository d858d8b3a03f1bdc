"""JSON read and write throughput, next to the raw parse and dump.

Run by hand: ``python benchmarks/json_throughput.py [--megabytes 20]``. It
generates an interview of about the given size, then times, in one run:

- ``json.loads`` of the document (the floor for reading) and
  ``interviewkit.loads`` (parse, check and build validated models);
- ``json.dumps`` of the same plain data (the floor for writing) and
  ``interviewkit.dumps`` (unstructure and serialise);
- the same floors with orjson, when it is installed.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

import interviewkit as ik
from interviewkit.formats.json import to_document

WORDS = [
    "the",
    "season",
    "Emily",
    "Paris",
    "really",
    "about",
    "characters",
    "show",
    "think",
    "story",
    "we’re",
    "“quoted”",
    "Versailles",
    "—",
    "2021",
    "café",
    "naïve:",
    "time",
    "at",
    "10:30",
    "<b>bold</b>",
    "*stars*",
]


def generate(megabytes: float, *, seed: int = 1) -> ik.Interview:
    rng = random.Random(seed)
    cast = (
        ik.Speaker(id="collider", name="Collider", role=ik.Role.INTERVIEWER),
        ik.Speaker(
            id="darren-star",
            name="Darren Star",
            role=ik.Role.INTERVIEWEE,
            aliases=("DARREN STAR", "STAR"),
        ),
    )
    body: list[ik.Block] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        index = len(body)
        if index % 20 == 19:
            body.append(
                ik.ImageCaption(image=f"image-{index}", credit="Image via Netflix")
            )
            continue
        if index % 50 == 49:
            body.append(ik.Prose(text="RELATED: more", kind=ik.ProseKind.RELATED))
            continue
        words = rng.choices(WORDS, k=rng.randint(20, 160))
        text = " ".join(words)
        speaker = cast[index % 2]
        body.append(
            ik.Turn(
                speaker=speaker.id,
                text=text,
                label="STAR" if index % 2 else None,
                start_ms=index * 1000,
            )
        )
        size += len(text.encode()) + 60
    return ik.Interview(title="Benchmark", speakers=cast, body=tuple(body))


def best_of(repeat: int, function: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    interview = generate(args.megabytes)
    text = ik.dumps(interview, format="json")
    data = to_document(interview)
    megabytes = len(text.encode()) / 1_000_000
    assert ik.loads(text, format="json") == interview
    print(
        f"document: {megabytes:.1f} MB, {len(interview.body):,} blocks, "
        f"best of {args.repeat}"
    )

    timings = {
        "read   json.loads (raw parse)": lambda: json.loads(text),
        "read   interviewkit.loads": lambda: ik.loads(text, format="json"),
        "write  json.dumps (raw dump)": lambda: json.dumps(
            data, ensure_ascii=False, indent=2
        ),
        "write  interviewkit.dumps": lambda: ik.dumps(interview, format="json"),
    }
    try:
        import orjson
    except ImportError:
        print("(orjson is not installed: its figures are left out)")
    else:
        raw = text.encode()
        timings["read   orjson.loads (raw parse)"] = lambda: orjson.loads(raw)
        timings["write  orjson.dumps (raw dump)"] = lambda: orjson.dumps(
            data, option=orjson.OPT_INDENT_2
        )
    seconds = {name: best_of(args.repeat, run) for name, run in sorted(timings.items())}
    for name, taken in seconds.items():
        print(f"{name:<34} {taken * 1000:8.1f} ms  {megabytes / taken:8.1f} MB/s")
    read = (
        seconds["read   interviewkit.loads"] / seconds["read   json.loads (raw parse)"]
    )
    write = (
        seconds["write  interviewkit.dumps"] / seconds["write  json.dumps (raw dump)"]
    )
    print(
        f"reading takes {read:.2f}x json.loads; writing takes {write:.2f}x json.dumps"
    )


if __name__ == "__main__":
    main()
