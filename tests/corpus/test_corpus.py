"""Real transcripts read as a careful human reads them.

Every file of the corpus (``files/``, with its source and licence in
``expected/``) must read with its expected cast and turn count. A file the
reader cannot yet read right carries a ``limit``: why a careful reader
would call it ambiguous or what the reader lacks, and the ``pinned``
figures it reads to today, so that a regression still fails; the docs list
these on the page of known limits.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import interviewkit as ik
from tests.corpus.scoring import FILES, HERE, expectations, score

EXPECTATIONS = list(expectations())


def test_the_corpus_is_broad() -> None:
    files = [expected["file"] for expected in EXPECTATIONS]
    sources = {
        expected["source"].get("repo") or expected["source"]["url"]
        for expected in EXPECTATIONS
    }
    languages = {expected["language"].split("-")[0] for expected in EXPECTATIONS}
    assert len(files) >= 40
    assert len(sources) >= 20
    assert len(languages) >= 5
    assert {"ja", "zh"} & languages


@pytest.mark.parametrize(
    "expected", EXPECTATIONS, ids=lambda expected: expected["file"]
)
def test_a_real_transcript_reads_as_expected(expected: dict[str, Any]) -> None:
    result = score(expected)
    assert result.error is None
    limit = expected.get("limit")
    if limit is None:
        assert (result.speakers_matched, result.speakers_read, result.turns) == (
            result.speakers_expected,
            result.speakers_expected,
            result.turns_expected,
        )
    else:
        pinned = limit["pinned"]
        assert (result.speakers_matched, result.speakers_read, result.turns) == (
            pinned["speakers_matched"],
            pinned["speakers_read"],
            pinned["turns"],
        ), limit["reason"]


PARSED = sorted((HERE / "parsed").glob("*.json"))


def test_at_least_ten_files_have_their_whole_reading_pinned() -> None:
    assert len(PARSED) >= 10


@pytest.mark.parametrize("parsed", PARSED, ids=lambda path: path.stem)
def test_a_real_transcript_reads_to_its_whole_expected_parse(parsed: Path) -> None:
    # Every block, name, alias and role, checked by eye once and kept here.
    (source,) = (FILES).glob(f"{parsed.stem}.*")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ik.ReadWarning)
        assert ik.read(source) == ik.read(parsed)
