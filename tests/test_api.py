"""The public API: the registry, files, and the exceptions."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import interviewkit as ik
from tests.samples import ROOT, SEED


def test_formats_are_registered_by_name_and_suffix() -> None:
    assert ik.get_format("json").suffixes == (".json",)
    assert ik.format_for_path("a/b/Interview.JSON").name == "json"
    assert list(ik.formats()) == sorted(ik.formats())


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(
        ik.FormatError, match=r"unknown format 'yaml'; known formats: .*json \(\.json\)"
    ):
        ik.get_format("yaml")
    with pytest.raises(
        ik.FormatError,
        match=r"cannot tell the format of 'talk\.pdf' from '\.pdf'; pass format= one of: .*json",
    ):
        ik.format_for_path("talk.pdf")
    with pytest.raises(FileNotFoundError):
        ik.read("no-such-file.txt")


def test_write_then_read_a_file(tmp_path: Path) -> None:
    iv = ik.Interview(title="Zoë: “quotes”", speakers=(ik.Speaker(id="a", name="A"),))
    path = tmp_path / "talk.json"
    ik.write(iv, path)
    assert ik.read(path) == iv
    assert ik.read(str(path), format="json") == iv
    assert "Zoë" in path.read_text(encoding="utf-8")


def test_read_names_the_file_in_parse_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "interviewkit",\n  oops\n}', encoding="utf-8")
    with pytest.raises(ik.ParseError) as caught:
        ik.read(path)
    assert caught.value.source == str(path)
    assert (
        str(caught.value)
        == f"{path}:3:3: json: expecting property name enclosed in double quotes"
    )


def test_read_reports_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{\n "title": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(
        ik.ParseError, match=r"latin1\.json:2:15: json: not UTF-8: byte 0xe9"
    ):
        ik.read(path)


def test_loads_and_dumps_check_their_argument_types() -> None:
    with pytest.raises(TypeError, match="takes a str or bytes, not int"):
        ik.loads(12, format="json")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes an Interview, not dict"):
        ik.dumps({}, format="json")  # type: ignore[arg-type]


def test_exceptions_share_one_base_and_pickle() -> None:
    error = ik.ParseError(
        "bad", format="json", line=2, column=3, source="x.json", path="$.a"
    )
    assert isinstance(error, ik.InterviewkitError)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (
        copy.message,
        copy.format,
        copy.line,
        copy.column,
        copy.source,
        copy.path,
    ) == (
        "bad",
        "json",
        2,
        3,
        "x.json",
        "$.a",
    )
    assert str(copy) == "x.json:2:3: json: bad @ $.a"
    invalid = pickle.loads(pickle.dumps(ik.ValidationError("no", path=("body", 1))))
    assert (invalid.message, invalid.path) == ("no", ("body", 1))
    assert issubclass(ik.FormatError, ik.InterviewkitError)


def test_the_seed_is_in_the_repository_byte_for_byte() -> None:
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    data = SEED.read_bytes()
    assert data.startswith("[Editor’s note:".encode())
    assert not data.endswith(b"\n")
    if shared.exists():
        assert shared.read_bytes() == data
