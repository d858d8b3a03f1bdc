"""How a reading of a real transcript is scored against its expectation.

A corpus file has an expectation in ``expected/NAME.json``: its cast (each
speaker's fullest name, the labels as written, the role, and other names a
careful reader could fairly give) and its number of turns as a reader sees
them (consecutive turns of one speaker are one). A reading is right when
every expected speaker matches exactly one speaker read (by name or alias,
compared as `normalise` does), no other speaker was read, and the merged
turn count is the expected one.
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import interviewkit as ik

HERE = Path(__file__).parent
FILES = HERE / "files"
EXPECTED = HERE / "expected"


def normalise(name: str) -> str:
    """A name or label as compared: NFKC, lowercase, markup and colons gone."""
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"<v\s+|[*_<>#:.\[\]()]", " ", name)
    return " ".join(name.lower().split())


def expectations() -> Iterator[dict[str, Any]]:
    """Every expectation of the corpus, in file order."""
    for path in sorted(EXPECTED.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


@attrs.frozen
class Score:
    """What a reading got, against what was expected."""

    file: str
    error: str | None
    speakers_matched: int
    speakers_expected: int
    speakers_read: int
    turns: int
    turns_expected: int
    warnings: tuple[str, ...] = ()

    @property
    def read(self) -> bool:
        return self.error is None

    @property
    def cast_right(self) -> bool:
        return self.read and (
            self.speakers_matched == self.speakers_expected == self.speakers_read
        )

    @property
    def turns_exact(self) -> bool:
        return self.read and self.turns == self.turns_expected

    @property
    def right(self) -> bool:
        return self.cast_right and self.turns_exact


def _names(expected: dict[str, Any]) -> set[str]:
    names = {normalise(expected["name"])}
    names |= {
        normalise(x) for x in [*expected.get("aliases", []), *expected.get("also", [])]
    }
    return {name for name in names if name}


def merged_turns(interview: ik.Interview) -> int:
    """Turns as a reader counts them: consecutive turns of one speaker are one."""
    count, last = 0, None
    for turn in interview.turns:
        if turn.speaker != last:
            count += 1
            last = turn.speaker
    return count


def score(expected: dict[str, Any]) -> Score:
    """Read one corpus file and compare it with its expectation."""
    path = FILES / expected["file"]
    wanted = [_names(speaker) for speaker in expected["speakers"]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ik.ReadWarning)
        try:
            interview = ik.read(path)
        except (ik.ParseError, ik.FormatError) as error:
            return Score(
                expected["file"], str(error), 0, len(wanted), 0, 0, expected["turns"]
            )
    got = [
        {normalise(speaker.name)}
        | {normalise(a) for a in speaker.aliases if normalise(a)}
        for speaker in interview.speakers
    ]
    used: set[int] = set()
    matched = 0
    for names in wanted:
        for index, read_names in enumerate(got):
            if index not in used and names & read_names:
                used.add(index)
                matched += 1
                break
    return Score(
        expected["file"],
        None,
        matched,
        len(wanted),
        len(got),
        merged_turns(interview),
        expected["turns"],
        tuple(str(warning.message) for warning in caught),
    )
