"""Fuzzing every reader: generated documents, and mutations of real ones.

Each registered reader (``ik.formats()``, so a new format is fuzzed as soon
as it lands) gets `tests.profiles.fuzz_inputs` inputs: 50 by default,
2,000 under the ``ci`` profile (``CI=true``), 50,000 under ``thorough``.
Three quarters are mutations of the documents in the repository (the seed,
every format's fixtures, the corpus of real transcripts when there is one,
and what each writer writes; half of all inputs start from documents of the
reader's own format), the rest generated from nothing.

Whatever the input, a reader returns an `Interview` or raises `ParseError`
that says where; an interview it returns is one every writer writes, and
JSON keeps whole. ``pytest --hypothesis-show-statistics`` shows how many
inputs read and how many were refused.
"""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import interviewkit as ik
from tests.profiles import fuzz_inputs
from tests.samples import ROOT, SAMPLE
from tests.strategies import generated_documents, mutated_documents

# Arbitrary input may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")

READERS = sorted(name for name, fmt in ik.formats().items() if fmt.reader)
WRITERS = sorted(name for name, fmt in ik.formats().items() if fmt.writer)
TEXT_WRITERS = tuple(name for name in WRITERS if not ik.get_format(name).binary)

_SEED_FOLDERS = [
    ROOT / "seeds",
    *sorted((ROOT / "tests" / "formats").glob("*/fixtures")),
    ROOT / "tests" / "corpus" / "files",
]


def _seed_files() -> list[Path]:
    return [
        path
        for folder in _SEED_FOLDERS
        if folder.is_dir()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith(".")
    ]


@functools.cache
def seeds(name: str, *, own: bool = False) -> tuple[str, ...] | tuple[bytes, ...]:
    """The documents a reader's mutations start from: every file in the
    repository's fixtures and corpus, and what every writer writes; with
    ``own``, only those of the reader's format (by suffix)."""
    fmt = ik.get_format(name)
    files = [
        path for path in _seed_files() if not own or path.suffix.lower() in fmt.suffixes
    ]
    if fmt.binary:
        written = [ik.dumps(SAMPLE, format=name)] if fmt.writer else []
        return tuple(bytes(document) for document in written) + tuple(
            path.read_bytes() for path in files
        )
    writers = (name,) if own else TEXT_WRITERS
    texts = [ik.dumps(SAMPLE, format=writer) for writer in writers if writer in WRITERS]
    for path in files:
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # a binary fixture: seeds the binary formats
    return tuple(texts)


@functools.cache
def documents(name: str) -> st.SearchStrategy[str | bytes]:
    """Half mutations of the format's own documents, a quarter mutations of
    any document, a quarter generated."""
    fmt = ik.get_format(name)
    own = mutated_documents(seeds(name, own=True), binary=fmt.binary)  # type: ignore[arg-type]
    mutated = mutated_documents(seeds(name), binary=fmt.binary)  # type: ignore[arg-type]
    if fmt.binary:
        return st.one_of(own, own, mutated)
    return st.one_of(own, own, mutated, generated_documents())


def check(name: str, document: str | bytes) -> None:
    try:
        interview = ik.loads(document, format=name)
    except ik.ParseError as error:
        event(f"refused: {'syntax' if error.path is None else 'structure'}")
        assert error.format == name
        if not ik.get_format(name).binary:
            # A binary document that does not open (a damaged zip) has no
            # line to name; its error names the file and what is wrong.
            assert error.line is not None or error.path is not None, str(error)
        assert str(pickle.loads(pickle.dumps(error))) == str(error)
        return
    event("read")
    assert isinstance(interview, ik.Interview)
    for writer in WRITERS:
        ik.dumps(interview, format=writer)
    assert ik.loads(ik.dumps(interview, format="json"), format="json") == interview


@pytest.mark.parametrize("name", READERS)
@settings(
    max_examples=fuzz_inputs(),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_reader_returns_an_interview_or_says_where_it_fails(
    name: str, data: st.DataObject
) -> None:
    check(name, data.draw(documents(name), label="document"))


def test_there_are_seeds_for_every_reader() -> None:
    for name in READERS:
        assert len(seeds(name)) >= 10, name
        assert len(seeds(name, own=True)) >= 1, name
