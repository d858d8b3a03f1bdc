"""Real documents read as a careful human reads them.

Each file in ``files/`` has its expectation in ``expected/<stem>.json``:
where it comes from and under which licence, its cast, and how many turns
a human counts (consecutive blocks of one speaker are one turn). A reader
is right when the cast and the count match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import interviewkit as ik

HERE = Path(__file__).parent
EXPECTED = sorted((HERE / "expected").glob("*.json"))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"<v\s+|[*_<>#:.\[\]()]", " ", text)
    return " ".join(text.lower().split())


def _names(entry: dict[str, Any]) -> set[str]:
    found = {_norm(entry["name"])}
    found |= {
        _norm(alias) for alias in [*entry.get("aliases", []), *entry.get("also", [])]
    }
    return {name for name in found if name}


def _file(expected: Path) -> Path:
    (match,) = list((HERE / "files").glob(expected.stem + ".*"))
    return match


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.stem[:40])
def test_a_real_document_reads_with_its_cast_and_turns(expected: Path) -> None:
    entry = json.loads(expected.read_text(encoding="utf-8"))
    assert entry["source"]["licence"]  # nothing without a licence
    iv = ik.read(_file(expected))
    wanted = [_names(speaker) for speaker in entry["speakers"]]
    got = [{_norm(s.name)} | {_norm(a) for a in s.aliases} for s in iv.speakers]
    assert len(got) == len(wanted)
    unmatched = list(range(len(got)))
    for names in wanted:
        index = next(i for i in unmatched if names & got[i])
        unmatched.remove(index)
    merged = sum(
        1
        for index, turn in enumerate(iv.turns)
        if index == 0 or iv.turns[index - 1].speaker != turn.speaker
    )
    assert merged == entry["turns"]


def test_every_file_has_its_expectation() -> None:
    files = {p.stem for p in (HERE / "files").iterdir() if p.name != ".gitattributes"}
    assert files == {p.stem for p in EXPECTED}
