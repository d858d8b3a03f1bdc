"""Every reader and writer next to the floor of its format, in one table.

Run by hand, with the peers of the ``bench`` extra installed
(``pip install -e '.[bench]'``)::

    python benchmarks/run.py [--megabytes 5] [--rounds 5] [--memory] [--growth]

One process generates one interview of about the given size (three
speakers, timed turns, captions and prose), writes it in every format, and
times, interleaved round after round, each interviewkit reader and writer
and each floor of the same document: ``json``, ``orjson`` and ``msgspec``
for JSON; a bare ``re.finditer`` pass over the labels for plain text;
markdown-it-py's block parse and full render for Markdown; the standard
library's ``html.parser`` for HTML; webvtt-py, pysubs2 and ``srt`` for the
timed formats; a bare join of labels and texts for the writers. It prints
the median of each, in MB/s of the document, and the ratio of interviewkit
to the fastest floor. ``--memory`` adds the peak of Python's allocations
while reading (``tracemalloc``), as a multiple of the document's size;
``--growth`` how the time grows from a tenth of the document to all of it.

A peer that is not installed is left out of the table.
"""

from __future__ import annotations

import argparse
import gc
import html.parser
import io
import json
import platform
import random
import re
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Callable
from typing import Any

import interviewkit as ik
from interviewkit.formats.json import to_document

NAMES = [("ann-lee", "Ann Lee"), ("bob-stone", "Bob Stone"), ("chidi", "Chidi Okafor")]
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
    "<b>bold</b>",
    "*stars*",
    "at",
    "10:30",
]


def generate(megabytes: float, *, seed: int = 1) -> ik.Interview:
    """About ``megabytes`` of timed talk by three people, with captions."""
    rng = random.Random(seed)
    speakers = tuple(
        ik.Speaker(
            id=id_,
            name=name,
            role=ik.Role.INTERVIEWER if index == 0 else ik.Role.INTERVIEWEE,
        )
        for index, (id_, name) in enumerate(NAMES)
    )
    body: list[ik.Block] = []
    size = 0
    clock = 0
    while size < megabytes * 1_000_000:
        index = len(body)
        if index % 40 == 39:
            body.append(ik.ImageCaption(image=f"photo-{index}.jpg", credit="Photo: AP"))
            continue
        text = " ".join(rng.choices(WORDS, k=rng.randint(10, 90)))
        speaker = NAMES[0][0] if index % 2 == 0 else NAMES[1 + index % 4 // 2][0]
        length = 300 * len(text.split())
        body.append(
            ik.Turn(speaker=speaker, text=text, start_ms=clock, end_ms=clock + length)
        )
        clock += length + 200
        size += len(text.encode()) + 40
    return ik.Interview(title="Benchmark", speakers=speakers, body=tuple(body))


def _human_markdown(interview: ik.Interview) -> str:
    """The interview as a person writes Markdown: ``**Name:** text``."""
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    return "\n\n".join(
        f"**{names[block.speaker]}:** {block.text}"
        for block in interview.body
        if isinstance(block, ik.Turn)
    )


def _join(interview: ik.Interview) -> Callable[[], str]:
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    turns = interview.turns

    def join() -> str:
        return "\n\n".join(f"{names[turn.speaker]}: {turn.text}" for turn in turns)

    return join


_LABEL = re.compile(r"^([^\n:]{1,60}): ", re.M)


def _regex_pass(text: str) -> Callable[[], int]:
    def scan() -> int:
        return sum(1 for _ in _LABEL.finditer(text))

    return scan


def _html_parse(text: str) -> Callable[[], None]:
    def parse() -> None:
        parser = html.parser.HTMLParser()
        parser.feed(text)
        parser.close()

    return parse


Case = tuple[str, str, int, dict[str, Callable[[], object]]]


def cases(interview: ik.Interview) -> list[Case]:
    """(name, goal, bytes, {runner name: runner}); ``interviewkit`` first."""
    found: list[Case] = []
    docs = {
        name: ik.dumps(interview, format=name)
        for name in ("json", "text", "markdown", "html", "webvtt", "srt", "podcasting2")
    }
    human = _human_markdown(interview)
    plain = to_document(interview)
    optional: dict[str, Any] = {}
    for module in ("orjson", "msgspec", "markdown_it", "webvtt", "pysubs2", "srt"):
        try:
            optional[module] = __import__(module)
        except ImportError:
            print(f"({module} is not installed: its figures are left out)")

    def add(name: str, goal: str, doc: str, runners: dict[str, Any]) -> None:
        found.append((name, goal, len(doc.encode()), runners))

    def read(name: str) -> Callable[[], object]:
        doc = docs[name]
        return lambda: ik.loads(doc, format=name)

    text_json = docs["json"]
    raw_json = text_json.encode()
    floors: dict[str, Any] = {"json.loads": lambda: json.loads(text_json)}
    if "orjson" in optional:
        floors["orjson.loads"] = lambda: optional["orjson"].loads(raw_json)
    if "msgspec" in optional:
        floors["msgspec decode"] = lambda: optional["msgspec"].json.decode(raw_json)
    add(
        "read json",
        "≤ 1.5× orjson",
        text_json,
        {"interviewkit": read("json"), **floors},
    )

    floors = {"json.dumps": lambda: json.dumps(plain, ensure_ascii=False, indent=2)}
    if "orjson" in optional:
        floors["orjson.dumps"] = lambda: optional["orjson"].dumps(
            plain, option=optional["orjson"].OPT_INDENT_2
        )
    if "msgspec" in optional:
        floors["msgspec encode"] = lambda: optional["msgspec"].json.encode(plain)
    add(
        "write json",
        "≤ 2× orjson",
        text_json,
        {"interviewkit": lambda: ik.dumps(interview, format="json"), **floors},
    )

    add(
        "read text",
        "≤ 2.5× regex",
        docs["text"],
        {"interviewkit": read("text"), "regex label pass": _regex_pass(docs["text"])},
    )
    add(
        "write text",
        "≤ 2× join",
        docs["text"],
        {
            "interviewkit": lambda: ik.dumps(interview, format="text"),
            "bare join": _join(interview),
        },
    )

    runners: dict[str, Any] = {"interviewkit": read("markdown")}
    if "markdown_it" in optional:
        md = optional["markdown_it"].MarkdownIt()
        runners["markdown-it parse"] = lambda: md.parse(docs["markdown"])
    add("read markdown (own layout)", "≤ 2× text read", docs["markdown"], runners)
    runners = {"interviewkit": lambda: ik.loads(human, format="markdown")}
    if "markdown_it" in optional:
        md = optional["markdown_it"].MarkdownIt()
        runners["markdown-it render"] = lambda: md.render(human)
    add("read markdown (human)", "≤ 1.2× markdown-it", human, runners)
    add(
        "write markdown",
        "—",
        docs["markdown"],
        {
            "interviewkit": lambda: ik.dumps(interview, format="markdown"),
            "bare join": _join(interview),
        },
    )

    add(
        "read html",
        "—",
        docs["html"],
        {"interviewkit": read("html"), "html.parser": _html_parse(docs["html"])},
    )

    runners = {"interviewkit": read("webvtt")}
    if "webvtt" in optional:
        vtt = docs["webvtt"]

        def webvtt_py() -> object:
            captions = optional["webvtt"].from_buffer(io.StringIO(vtt))
            return [caption.voice for caption in captions]

        runners["webvtt-py"] = webvtt_py
    if "pysubs2" in optional:
        runners["pysubs2 vtt"] = lambda: optional["pysubs2"].SSAFile.from_string(
            docs["webvtt"], format_="vtt"
        )
    add("read webvtt", "≥ 10× faster than webvtt-py", docs["webvtt"], runners)

    runners = {"interviewkit": read("srt")}
    if "srt" in optional:
        runners["srt.parse"] = lambda: list(optional["srt"].parse(docs["srt"]))
    if "pysubs2" in optional:
        runners["pysubs2 srt"] = lambda: optional["pysubs2"].SSAFile.from_string(
            docs["srt"], format_="srt"
        )
    add("read srt", "≥ 3× faster than srt.parse", docs["srt"], runners)

    p20 = docs["podcasting2"]
    runners = {
        "interviewkit": read("podcasting2"),
        "json.loads": lambda: json.loads(p20),
    }
    if "orjson" in optional:
        raw_p20 = p20.encode()
        runners["orjson.loads"] = lambda: optional["orjson"].loads(raw_p20)
    add("read podcasting2", "≤ 3× orjson", p20, runners)
    return found


def _median_times(all_cases: list[Case], rounds: int) -> dict[tuple[str, str], float]:
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for name, _goal, _size, runners in all_cases:
            for runner_name, runner in runners.items():
                gc.collect()
                start = time.perf_counter()
                runner()
                times.setdefault((name, runner_name), []).append(
                    time.perf_counter() - start
                )
    return {key: statistics.median(values) for key, values in times.items()}


def _peak(runner: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        runner()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def growth(interview: ik.Interview, rounds: int) -> None:
    """Read a tenth of the interview and all of it: ten times the input
    should take about ten times as long, with the garbage collector on."""
    small = ik.Interview(
        title=interview.title,
        speakers=interview.speakers,
        body=interview.body[: len(interview.body) // 10],
    )
    print("growth, a tenth of the document to all of it (best of the rounds):")
    for name in ("json", "text", "markdown", "webvtt"):
        times = []
        for part in (small, interview):
            doc = ik.dumps(part, format=name)
            best = float("inf")
            for _ in range(rounds):
                gc.collect()
                start = time.perf_counter()
                ik.loads(doc, format=name)
                best = min(best, time.perf_counter() - start)
            times.append(best)
        print(f"  {name:<10} 10× the input took {times[1] / times[0]:5.1f}× the time")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--memory", action="store_true")
    parser.add_argument(
        "--growth", action="store_true", help="also read a tenth and the whole"
    )
    args = parser.parse_args()
    warnings.simplefilter("ignore", ik.ReadWarning)
    interview = generate(args.megabytes)
    all_cases = cases(interview)
    print(
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {len(interview.body):,} blocks; "
        f"median of {args.rounds} interleaved rounds"
    )
    medians = _median_times(all_cases, args.rounds)
    header = f"{'case':<28} {'runner':<20} {'MB/s':>8} {'ratio':>7}"
    if args.memory:
        header += f" {'peak':>7}"
    print(f"{header}  goal")
    for name, goal, size, runners in all_cases:
        own = medians[name, "interviewkit"]
        floors = [
            medians[name, runner] for runner in runners if runner != "interviewkit"
        ]
        best = min(floors) if floors else own
        for runner_name, runner in runners.items():
            taken = medians[name, runner_name]
            row = f"{name:<28} {runner_name:<20} {size / taken / 1e6:8.1f}"
            row += f" {taken / best:6.2f}×"
            if args.memory and name.startswith("read"):
                row += f" {_peak(runner) / size:6.1f}×"
            elif args.memory:
                row += f" {'':>7}"
            print(f"{row}  {goal if runner_name == 'interviewkit' else ''}".rstrip())
        print()
    if args.growth:
        growth(interview, args.rounds)


if __name__ == "__main__":
    main()
