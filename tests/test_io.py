"""Bytes in one place, and formats told apart by suffix and by content."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import interviewkit as ik
from interviewkit.formats import Document, Format, register, unregister

DOCUMENT = ik.dumps(ik.Interview(title="Zoë"), format="json")
SEED_TEXT = "Q: Why Paris?\r\nA: Why not?\r\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with its byte-order mark
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-32"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-be", "utf-32"],
)
def test_a_byte_order_mark_says_how_to_decode(
    encode: Callable[[str], bytes], tmp_path: Path
) -> None:
    path = tmp_path / "talk.json"
    path.write_bytes(encode(DOCUMENT))
    assert ik.read(path).title == "Zoë"
    text_path = tmp_path / "talk.txt"
    text_path.write_bytes(encode(SEED_TEXT))
    assert [turn.text for turn in ik.read(text_path).turns] == [
        "Why Paris?",
        "Why not?",
    ]


def test_a_json_document_may_start_with_a_byte_order_mark() -> None:
    assert ik.loads("\ufeff" + DOCUMENT, format="json").title == "Zoë"
    assert ik.loads(("\ufeff" + DOCUMENT).encode("utf-8")).title == "Zoë"


def test_crlf_is_normalised_for_every_reader() -> None:
    assert ik.loads(DOCUMENT.replace("\n", "\r\n"), format="json").title == "Zoë"
    iv = ik.loads(SEED_TEXT, format="markdown")
    assert [turn.text for turn in iv.turns] == ["Why Paris?", "Why not?"]


def test_bytes_that_do_not_decode_say_where_and_suggest_an_encoding(
    tmp_path: Path,
) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Q: Ça va?\nA: Très bien.".encode("latin-1"))
    with pytest.raises(ik.ParseError) as caught:
        ik.read(path)
    error = caught.value
    assert (error.line, error.column, error.format) == (1, 4, "text")
    assert "pass encoding=" in str(error)
    iv = ik.read(path, encoding="latin-1")
    assert [turn.text for turn in iv.turns] == ["Ça va?", "Très bien."]


def test_utf16_without_a_byte_order_mark_is_named() -> None:
    with pytest.raises(ik.ParseError, match=r"looks like UTF-16.*encoding='utf-16-le'"):
        ik.loads(SEED_TEXT.encode("utf-16-le"), format="text")
    iv = ik.loads(SEED_TEXT.encode("utf-16-le"), format="text", encoding="utf-16-le")
    assert len(iv.turns) == 2


def test_an_unknown_encoding_is_the_callers_mistake() -> None:
    with pytest.raises(LookupError):
        ik.loads(b"Q: Hi", format="text", encoding="no-such-codec")


def _sniff_tiny(document: Document) -> bool:
    value = document.json()
    return isinstance(value, dict) and value.get("tiny") == 1


def _read_tiny(document: Document, options: ik.ReadOptions) -> ik.Interview:
    return ik.Interview(title=document.json()["title"])


TINY = Format(
    name="tiny",
    suffixes=(".json",),
    reader=_read_tiny,
    writer=lambda interview: json.dumps({"tiny": 1, "title": interview.title}),
    sniff=_sniff_tiny,
    description="A second JSON format, for tests",
)


@pytest.fixture
def tiny() -> Iterator[Format]:
    register(TINY)
    try:
        yield TINY
    finally:
        unregister(TINY.name)


@pytest.mark.usefixtures("tiny")
def test_formats_that_share_a_suffix_are_told_apart_by_content(tmp_path: Path) -> None:
    ours = tmp_path / "ours.json"
    ours.write_text(DOCUMENT, encoding="utf-8")
    theirs = tmp_path / "theirs.json"
    theirs.write_text('{"tiny": 1, "title": "Small"}', encoding="utf-8")
    assert ik.read(ours).title == "Zoë"
    assert ik.read(theirs).title == "Small"
    assert ik.loads('{"tiny": 1, "title": "Small"}').title == "Small"
    # Writing takes the preferred format of the suffix.
    assert ik.format_for_path(ours).name == "json"


@pytest.mark.usefixtures("tiny")
def test_content_no_format_claims_is_read_by_the_preferred_format(
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"shape": "unknown"}', encoding="utf-8")
    with pytest.raises(ik.ParseError) as caught:
        ik.read(path)
    error = caught.value
    assert error.format == "json"
    assert error.path == "$"
    # The message names every other format that reads .json, and its shape.
    assert 'not an interviewkit JSON document (no "format": "interviewkit")' in str(
        error
    )
    for name in ("tiny", "podcasting2", "whisper", "assemblyai", "dpe", "podlove"):
        assert f"{name}: " in str(error)


def test_json_of_another_format_read_as_json_says_which(tmp_path: Path) -> None:
    path = tmp_path / "talk.json"
    path.write_text('{"version": "1.0.0", "segments": []}', encoding="utf-8")
    with pytest.raises(ik.ParseError, match="pass format='podcasting2'"):
        ik.read(path, format="json")


def test_without_a_preferred_format_no_match_lists_the_candidates() -> None:
    one = Format(
        name="one",
        suffixes=(".two",),
        reader=_read_tiny,
        writer=None,
        sniff=lambda document: False,
        description="One of two",
    )
    two = attrs.evolve(one, name="two", description="The other")
    register(one)
    register(two)
    try:
        with pytest.raises(ik.FormatError) as caught:
            ik.detect(Document(text="x"), path="a.two")
    finally:
        unregister("one")
        unregister("two")
    assert caught.value.candidates == ("one", "two")
    assert "(expected: one: One of two; two: The other)" in str(caught.value)


def test_an_ambiguous_document_names_every_format_that_fits() -> None:
    both = Format(
        name="both",
        suffixes=(".both",),
        reader=_read_tiny,
        writer=None,
        sniff=lambda document: True,
        description="Says yes to anything",
    )
    other = Format(
        name="other",
        suffixes=(".both",),
        reader=_read_tiny,
        writer=None,
        sniff=lambda document: True,
        description="Says yes to anything too",
    )
    register(both)
    register(other)
    try:
        with pytest.raises(ik.FormatError) as caught:
            ik.detect(Document(text="{}"), path="x.both")
        assert caught.value.candidates == ("both", "other")
        with pytest.raises(ik.FormatError, match="can only be read"):
            ik.dumps(ik.Interview(), format="both")
    finally:
        unregister("both")
        unregister("other")


def test_a_format_error_pickles_with_its_fields() -> None:
    import pickle

    error = ik.FormatError("nope", name="pdf", path="a.pdf", candidates=("json",))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.name, copy.path, copy.candidates) == (
        "nope",
        "pdf",
        "a.pdf",
        ("json",),
    )


def test_options_a_format_does_not_take_are_refused() -> None:
    with pytest.raises(TypeError, match="the json reader takes no option 'names'"):
        ik.loads(DOCUMENT, format="json", names={"A": "Ann"})
    with pytest.raises(TypeError, match="pass options= or keyword options"):
        ik.loads("Q: Hi", format="text", options=ik.ReadOptions(), names={"Q": "Ann"})
    options = ik.ReadOptions(interviewer="Collider")
    iv = ik.loads(
        "Why?\n\nSTAR: Because.\n\nAnd?\n\nSTAR: So.", format="text", options=options
    )
    assert iv.speakers[0].name == "Collider"
