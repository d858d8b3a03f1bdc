"""Real HTML interviews from the corpus read as a careful human reads them.

Each file in ``tests/corpus/files`` whose expectation says ``"format":
"html"`` must give the expected cast (matched by name, alias or another fair
name, as the corpus counts them) and the expected number of turns, with
consecutive turns of one speaker counted once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import interviewkit as ik

CORPUS = Path(__file__).parent.parent.parent / "corpus"


def expectations() -> list[dict[str, Any]]:
    found = []
    for path in sorted((CORPUS / "expected").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry["format"] == "html":
            found.append(entry)
    return found


def norm(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"<v\s+|[*_<>#:.\[\]()]", " ", name)
    return " ".join(name.lower().split())


def merged_turns(interview: ik.Interview) -> int:
    count, last = 0, None
    for turn in interview.turns:
        if turn.speaker != last:
            count, last = count + 1, turn.speaker
    return count


def test_the_corpus_has_html_interviews_with_their_licence() -> None:
    entries = expectations()
    assert len(entries) >= 4
    for entry in entries:
        assert (CORPUS / "files" / entry["file"]).is_file()
        assert entry["source"]["licence"]
        assert entry["source"]["attribution"]


@pytest.mark.parametrize("entry", expectations(), ids=lambda entry: entry["file"])
def test_a_real_page_reads_as_a_careful_human_reads_it(entry: dict[str, Any]) -> None:
    interview = ik.read(CORPUS / "files" / entry["file"])
    wanted = [
        {norm(name) for name in (e["name"], *e.get("aliases", ()), *e.get("also", ()))}
        for e in entry["speakers"]
    ]
    got = [
        {norm(s.name), *(norm(alias) for alias in s.aliases)}
        for s in interview.speakers
    ]
    assert len(got) == len(wanted)
    unmatched = list(range(len(got)))
    for names in wanted:
        match = next(index for index in unmatched if names & got[index])
        unmatched.remove(match)
    assert merged_turns(interview) == entry["turns"]
    assert interview.metadata.extras["person"]  # the front matter is read
