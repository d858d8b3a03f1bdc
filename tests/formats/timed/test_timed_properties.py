"""What each timed format keeps, cell by cell, as docs/formats/timed.md says.

The table on that page is read here: every "yes" (or partial) cell of a
format that writes is proven by a round trip over generated timed
interviews, and every "no" cell by an interview that loses it. Conversions
between every pair of formats keep the speakers and every cue's times and
text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings

import interviewkit as ik
from interviewkit.formats._timed import to_cues
from tests.profiles import examples
from tests.samples import ROOT
from tests.strategies import timed_interviews

PAGE = ROOT / "docs" / "formats" / "timed.md"


def _table() -> dict[str, dict[str, str]]:
    """The table of what each format keeps, from the docs page."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in PAGE.read_text(encoding="utf-8").split("\n"):
        if not line.startswith("| "):
            header = [] if not line.strip() else header
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] == "Format":
            header = [cell.lower() for cell in cells]
        elif header and not set(cells[0]) <= {"-"}:
            name = cells[0].strip("`").split("`")[0]
            rows[name] = dict(zip(header[1:], cells[1:], strict=True))
    return rows


TABLE = _table()
WRITERS = [name for name in TABLE if ik.get_format(name).writer is not None]


def _speech(iv: ik.Interview) -> list[tuple[str, str]]:
    return [(iv.speaker(turn.speaker).name, turn.text) for turn in iv.turns]


def _roles(iv: ik.Interview) -> dict[str, Any]:
    return {speaker.name: speaker.role for speaker in iv.speakers}


def _cue_times(iv: ik.Interview) -> list[tuple[int, int, str]]:
    return [(cue.start_ms, cue.end_ms, cue.text) for cue in to_cues(iv)]


def _word_times(iv: ik.Interview) -> list[tuple[str, int, int, float | None]]:
    return [
        (turn.text[word.start : word.end], word.start_ms, word.end_ms, word.confidence)
        for turn in iv.turns
        for word in turn.words
    ]


def _prose(iv: ik.Interview) -> list[Any]:
    return list(iv.prose)


def _prose_text(iv: ik.Interview) -> list[str]:
    return [block.text for block in iv.prose]


ASPECTS: dict[tuple[str, str], Callable[[ik.Interview], Any]] = {
    ("speakers", "yes"): _speech,
    ("roles", "yes"): _roles,
    ("cue times", "yes"): _cue_times,
    ("word times", "yes"): _word_times,
    ("captions", "yes"): lambda iv: iv.captions,
    ("prose", "yes"): _prose,
    ("prose", "text"): _prose_text,
    ("metadata", "yes"): lambda iv: (iv.title, iv.metadata),
    ("metadata", "title, language"): lambda iv: (iv.title, iv.metadata.language),
    ("metadata", "language"): lambda iv: iv.metadata.language,
}

# What each "no" cell loses, shown on one interview that has it all.
LOST: dict[str, Callable[[ik.Interview], Any]] = {
    "roles": _roles,
    "word times": _word_times,
    "captions": lambda iv: iv.captions,
    "prose": _prose_text,
    "metadata": lambda iv: (iv.title, iv.metadata.language),
}

EVERYTHING = ik.Interview(
    title="Episode 1",
    metadata=ik.Metadata(language="en", source="A podcast"),
    speakers=[
        ik.Speaker(id="a", name="Ann Lee", role="host"),
        ik.Speaker(id="b", name="Bob Stone", role="guest"),
    ],
    body=[
        ik.Prose(text="Recorded in Paris.", kind="intro"),
        ik.Turn(
            speaker="a",
            text="Welcome back.",
            start_ms=0,
            end_ms=1200,
            cues=[ik.Cue(start=0, end=13, start_ms=0, end_ms=1200)],
            words=[
                ik.Word(start=0, end=7, start_ms=0, end_ms=600, confidence=0.5),
                ik.Word(start=8, end=13, start_ms=600, end_ms=1200),
            ],
        ),
        ik.ImageCaption(image="studio.jpg", caption="The studio"),
        ik.Turn(speaker="b", text="Thanks.", start_ms=1200, end_ms=2000),
    ],
)


def round_trip(iv: ik.Interview, name: str) -> ik.Interview:
    return ik.loads(ik.dumps(iv, format=name), format=name)


def test_the_table_covers_every_timed_format() -> None:
    timed = {"webvtt", "srt", "podcasting2", "whisper", "assemblyai", "deepgram"}
    timed |= {"rev", "dpe", "podlove", "json", "markdown"}
    assert timed <= set(TABLE)
    for row in TABLE.values():
        assert set(row) == {
            "speakers",
            "roles",
            "cue times",
            "word times",
            "captions",
            "prose",
            "metadata",
        }


# One example serves every format, so generating it is paid once.
@given(iv=timed_interviews())
def test_every_kept_cell_survives_the_round_trip(iv: ik.Interview) -> None:
    for name in WRITERS:
        back = round_trip(iv, name)
        for aspect, cell in TABLE[name].items():
            if cell != "no":
                measure = ASPECTS[aspect, cell]
                assert measure(back) == measure(iv), (name, aspect)


@pytest.mark.parametrize(
    ("name", "aspect"),
    [
        (name, aspect)
        for name in WRITERS
        for aspect, cell in TABLE[name].items()
        if cell == "no"
    ],
)
def test_every_no_cell_is_lost(name: str, aspect: str) -> None:
    measure = LOST[aspect]
    assert measure(round_trip(EVERYTHING, name)) != measure(EVERYTHING)


# 36 conversions an example: half the profile's examples find as much.
@settings(max_examples=max(10, examples(times=1) // 2))
@given(iv=timed_interviews(extras=False))
def test_conversion_between_any_two_formats_keeps_speakers_and_cues(
    iv: ik.Interview,
) -> None:
    for first in WRITERS:
        through = round_trip(iv, first)
        for second in WRITERS:
            back = round_trip(through, second)
            assert _speech(back) == _speech(iv), (first, second)
            assert _cue_times(back) == _cue_times(iv), (first, second)
