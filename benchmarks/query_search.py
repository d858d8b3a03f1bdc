"""Search throughput over many interviews, next to a plain ``re`` loop.

Run by hand: ``python benchmarks/query_search.py [--interviews 10000]``. It
generates the interviews (a cast of two to four, 4 to 40 turns each, with
captions and prose between them), then times, in one run and for a few
patterns:

- ``Interview.search`` over every interview (compile, walk the body, build a
  `Match` with a snippet for every hit);
- a plain loop of ``re.search`` over the same turn texts, collected
  beforehand (the floor: one compiled pattern, the first hit only);
- a plain loop of ``re.finditer`` over the same texts (every hit, no
  objects built).

Throughput is in turns searched per second.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

import interviewkit as ik

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
    "versailles",
    "—",
    "2021",
    "café",
    "naïve:",
    "time",
    "at",
    "10:30",
    "one",
    "day",
    "filmed",
    "and",
    "it’s",
]


# "versailles" is rare (about one turn in five has it); "2021" is common.
WEIGHTS = [0.01 if word == "versailles" else 1.0 for word in WORDS]


def generate(count: int, *, seed: int = 1) -> list[ik.Interview]:
    rng = random.Random(seed)
    interviews = []
    for number in range(count):
        cast = [
            ik.Speaker(id="host", name="Host", role=ik.Role.INTERVIEWER),
            *(
                ik.Speaker(id=f"guest-{g}", name=f"Guest {g}", role=ik.Role.GUEST)
                for g in range(rng.randint(1, 3))
            ),
        ]
        body: list[ik.Block] = []
        for index in range(rng.randint(4, 40)):
            if index % 9 == 8:
                body.append(ik.ImageCaption(image=f"image-{index}", credit="Via X"))
            if index % 13 == 12:
                body.append(ik.Prose(text="RELATED: more", kind=ik.ProseKind.RELATED))
            speaker = cast[0] if index % 2 == 0 else rng.choice(cast[1:])
            words = rng.choices(WORDS, weights=WEIGHTS, k=rng.randint(5, 120))
            text = " ".join(words)
            body.append(ik.Turn(speaker=speaker.id, text=text))
        interviews.append(
            ik.Interview(title=f"Interview {number}", speakers=cast, body=body)
        )
    return interviews


def best_of(repeat: int, function: Callable[[], int]) -> tuple[float, int]:
    times = []
    result = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    interviews = generate(args.interviews)
    texts = [turn.text for interview in interviews for turn in interview.turns]
    characters = sum(len(text) for text in texts)
    print(
        f"{len(interviews):,} interviews, {len(texts):,} turns, "
        f"{characters / 1e6:.1f} M characters; best of {args.repeat}"
    )
    cases = [
        ("literal 'Versailles'", "Versailles", {}),
        ("literal 'one day', whole word", "one day", {"whole_word": True}),
        ("regex r'\\d{4}'", r"\d{4}", {"regex": True}),
        ("literal 'zzz' (no hit)", "zzz", {}),
    ]
    for title, pattern, options in cases:
        source = pattern if options.get("regex") else re.escape(pattern)
        if options.get("whole_word"):
            source = rf"(?<!\w)(?:{source})(?!\w)"
        compiled = re.compile(source, re.IGNORECASE)

        def with_search(pattern: str = pattern, options: dict = options) -> int:  # type: ignore[type-arg]
            return sum(len(iv.search(pattern, **options)) for iv in interviews)

        def with_re_search(compiled: re.Pattern[str] = compiled) -> int:
            search = compiled.search
            return sum(1 for text in texts if search(text))

        def with_re_finditer(compiled: re.Pattern[str] = compiled) -> int:
            finditer = compiled.finditer
            return sum(1 for text in texts for _ in finditer(text))

        print(f"\n{title}")
        seconds = {}
        for name, run in (
            ("Interview.search", with_search),
            ("re.search loop", with_re_search),
            ("re.finditer loop", with_re_finditer),
        ):
            taken, hits = best_of(args.repeat, run)
            seconds[name] = taken
            unit = "turns with a hit" if name == "re.search loop" else "hits"
            print(
                f"  {name:<18} {taken * 1000:8.1f} ms  "
                f"{len(texts) / taken:12,.0f} turns/s  {hits:>9,} {unit}"
            )
        ratio = seconds["Interview.search"] / seconds["re.search loop"]
        print(f"  Interview.search takes {ratio:.1f}x the re.search loop")


if __name__ == "__main__":
    main()
