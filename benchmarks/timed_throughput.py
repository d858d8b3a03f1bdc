"""Timed transcripts: interviewkit's readers next to the peers, in one run.

Run by hand, with the peers of the ``bench`` extra installed
(``pip install -e '.[bench]'``)::

    python benchmarks/timed_throughput.py [--megabytes 5]

It generates a podcast of three speakers as WebVTT (with ``<v Name>``
voices), SRT (with ``Name:`` where the speaker changes) and Podcasting 2.0
JSON, of about the given size each, and prints, per format, the time to
read it and the peak memory next to:

- WebVTT: webvtt-py (``webvtt.from_string`` and each caption's ``voice``)
  and pysubs2 (``SSAFile.from_string``);
- SRT: ``srt.parse`` (the list of subtitles) and pysubs2;
- Podcasting 2.0 JSON: ``orjson.loads`` and ``json.loads`` of the file.

The goals: WebVTT at least 10 times as fast as webvtt-py with its voices,
and faster than pysubs2; SRT at least 3 times as fast as ``srt.parse``;
Podcasting 2.0 JSON within 3 times ``orjson.loads``; peak memory at most 5
times the input. A peer that is not installed is skipped.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import time
import tracemalloc
import warnings
from collections.abc import Callable
from typing import Any

import interviewkit as ik
from interviewkit.formats._captions import format_timing

NAMES = ["Ann Lee", "Bob Stone", "Chidi Okafor"]
WORDS = [
    "so",
    "well",
    "the",
    "show",
    "Paris",
    "really",
    "about",
    "we",
    "think",
    "story",
    "time",
    "café",
    "naïve",
    "2021",
    "—",
    "“quoted”",
    "&",
    "it’s",
]


def cues(megabytes: float, *, seed: int = 1) -> list[tuple[str, int, int, str]]:
    """(speaker, start, end, text) of about ``megabytes`` of captions."""
    rng = random.Random(seed)
    result = []
    size = 0
    clock = 0
    speaker = NAMES[0]
    while size < megabytes * 1_000_000:
        if rng.random() < 0.15:
            speaker = rng.choice([name for name in NAMES if name != speaker])
        words = rng.choices(WORDS, k=rng.randint(4, 14))
        text = " ".join(words[:7]) + ("\n" + " ".join(words[7:]) if words[7:] else "")
        length = rng.randint(800, 4000)
        result.append((speaker, clock, clock + length, text + "."))
        clock += length
        size += len(text) + 40
    return result


def webvtt_text(items: list[tuple[str, int, int, str]]) -> str:
    out = ["WEBVTT", ""]
    previous = None
    for speaker, start, end, text in items:
        voice = f"<v {speaker}>" if speaker != previous else ""
        out += [format_timing(start, end, "."), voice + text.replace("&", "&amp;"), ""]
        previous = speaker
    return "\n".join(out)


def srt_text(items: list[tuple[str, int, int, str]]) -> str:
    out = []
    previous = None
    for number, (speaker, start, end, text) in enumerate(items, start=1):
        label = f"{speaker}: " if speaker != previous else ""
        out += [str(number), format_timing(start, end, ","), label + text, ""]
        previous = speaker
    return "\n".join(out)


def podcasting2_text(items: list[tuple[str, int, int, str]]) -> str:
    segments = [
        {"speaker": s, "startTime": a / 1000, "endTime": b / 1000, "body": t}
        for s, a, b, t in items
    ]
    return json.dumps({"version": "1.0.0", "segments": segments})


def measure(run: Callable[[], Any], *, repeat: int = 3) -> tuple[float, int]:
    """The best time of ``repeat`` runs, and the peak memory of one."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    gc.collect()
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def peers_webvtt(text: str) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    try:
        import webvtt

        def webvtt_py() -> Any:
            return [(c.voice, c.text) for c in webvtt.from_string(text)]

        found["webvtt-py (with voices)"] = webvtt_py
    except ImportError:
        pass
    try:
        import pysubs2

        found["pysubs2"] = lambda: pysubs2.SSAFile.from_string(text, format_="vtt")
    except ImportError:
        pass
    return found


def peers_srt(text: str) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    try:
        import srt

        found["srt.parse"] = lambda: list(srt.parse(text))
    except ImportError:
        pass
    try:
        import pysubs2

        found["pysubs2"] = lambda: pysubs2.SSAFile.from_string(text, format_="srt")
    except ImportError:
        pass
    return found


def peers_json(text: str) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {"json.loads": lambda: json.loads(text)}
    try:
        import orjson

        found["orjson.loads"] = lambda: orjson.loads(text)
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    items = cues(args.megabytes)
    documents = {
        "webvtt": (webvtt_text(items), peers_webvtt),
        "srt": (srt_text(items), peers_srt),
        "podcasting2": (podcasting2_text(items), peers_json),
    }
    warnings.simplefilter("error")
    print(
        f"{len(items):,} cues by {len(NAMES)} speakers, about {args.megabytes:g} MB a format"
    )
    for name, (text, peers) in documents.items():
        size = len(text.encode("utf-8"))
        ours, our_peak = measure(lambda: ik.loads(text, format=name))  # noqa: B023
        turns = len(ik.loads(text, format=name).turns)
        print(f"\n{name}: {size / 1e6:.1f} MB, {turns:,} turns")
        print(
            f"  {'interviewkit':26} {ours:7.3f} s  {size / 1e6 / ours:6.1f} MB/s"
            f"  peak {our_peak / size:4.1f}x the input"
        )
        for peer, run in peers(text).items():
            theirs, peak = measure(run)
            print(
                f"  {peer:26} {theirs:7.3f} s  {size / 1e6 / theirs:6.1f} MB/s"
                f"  peak {peak / size:4.1f}x the input"
                f"  (interviewkit {theirs / ours:5.2f}x as fast)"
            )


if __name__ == "__main__":
    main()
