"""The JSON format: identity round trips, the schema, and clear errors."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit.formats import json as json_format
from interviewkit.formats.json import schema
from tests.samples import SAMPLE
from tests.strategies import interviews, timed_interviews

# Built once: jsonschema.validate() would check the schema itself on each call.
VALIDATOR = jsonschema.Draft202012Validator(schema())


def document() -> dict:  # type: ignore[type-arg]
    return json.loads(ik.dumps(SAMPLE, format="json"))  # type: ignore[no-any-return]


@given(interviews())
@example(SAMPLE)
@example(ik.Interview())
def test_json_round_trip_is_the_identity(iv: ik.Interview) -> None:
    text = ik.dumps(iv, format="json")
    assert ik.loads(text, format="json") == iv
    assert ik.loads(ik.dumps(iv, format="json", indent=None), format="json") == iv


@given(interviews())
@example(SAMPLE)
def test_every_written_document_validates_against_the_schema(iv: ik.Interview) -> None:
    VALIDATOR.validate(json.loads(ik.dumps(iv, format="json")))


def test_the_schema_is_valid_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_the_schema_rejects_what_the_reader_rejects() -> None:
    doc = document()
    doc["interview"]["body"][1]["start_ms"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema())


def test_blocks_are_tagged_first_and_defaults_are_left_out() -> None:
    doc = document()
    assert doc["format"] == "interviewkit"
    assert doc["version"] == 2
    turn = doc["interview"]["body"][1]
    assert next(iter(turn)) == "type"
    assert turn == {
        "type": "turn",
        "speaker": "collider",
        "text": "Congrats!",
        "label": "Collider",
    }
    assert [block["type"] for block in doc["interview"]["body"]] == [
        "prose",
        "turn",
        "turn",
        "caption",
        "turn",
        "turn",
    ]


def test_non_ascii_is_written_as_is() -> None:
    assert "Editor’s" in ik.dumps(SAMPLE, format="json")


def parse_error(text: str) -> ik.ParseError:
    with pytest.raises(ik.ParseError) as caught:
        ik.loads(text, format="json")
    assert caught.value.format == "json"
    return caught.value


def mutated(change) -> str:  # type: ignore[no-untyped-def]
    doc = document()
    change(doc)
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            '{"format": "interviewkit",\n "version": 1,,}',
            "<string>:2:15: json: expecting property name enclosed in double quotes",
        ),
        ("", "<string>:1:1: json: expecting value"),
        (
            '{"format": "interviewkit", "version": 1, "interview": {"title": "a"}',
            "<string>:1:69: json: expecting ',' delimiter",
        ),
        ("[NaN]", "<string>:1:2: json: NaN is not valid JSON; numbers must be finite"),
        (
            "[]",
            "<string>: json: expected an object with format, version and interview, got array @ $",
        ),
        (
            '{"format": "interviewkit", "version": 3, "interview": {}}',
            "<string>: json: unsupported version 3; this release reads versions 1 and 2 @ $.version",
        ),
        (
            '{"format": "interviewkit", "version": "1", "interview": {}}',
            "<string>: json: expected an integer version, got string @ $.version",
        ),
        (
            '{"format": "other", "version": 1, "interview": {}}',
            '<string>: json: expected "format": "interviewkit", got \'other\' @ $.format',
        ),
        (
            '{"format": "interviewkit", "version": 1}',
            "<string>: json: missing key 'interview' @ $.interview",
        ),
        (
            '{"format": "interviewkit", "version": 1, "interview": {}, "x": 1}',
            "<string>: json: unknown key 'x' @ $.x",
        ),
    ],
)
def test_bad_syntax_and_envelopes(text: str, shown: str) -> None:
    assert str(parse_error(text)) == shown


@pytest.mark.parametrize(
    ("change", "message", "path"),
    [
        (
            lambda d: d["interview"]["body"][1].update(speaker="nobody"),
            "turn speaker 'nobody' is not in the cast",
            "$.interview.body[1].speaker",
        ),
        (
            lambda d: d["interview"]["body"][1].update(text=5),
            "expected string, got integer",
            "$.interview.body[1].text",
        ),
        (
            lambda d: d["interview"]["body"][4].update(start_ms="1000"),
            "expected integer or null, got string",
            "$.interview.body[4].start_ms",
        ),
        (
            lambda d: d["interview"]["body"][4].update(start_ms=1000.0),
            "expected integer or null, got number",
            "$.interview.body[4].start_ms",
        ),
        (
            lambda d: d["interview"]["body"][4].update(start_ms=True),
            "expected integer or null, got boolean",
            "$.interview.body[4].start_ms",
        ),
        (
            lambda d: d["interview"]["body"][4].update(end_ms=5),
            "end_ms (5) is before start_ms (1000)",
            "$.interview.body[4].end_ms",
        ),
        (
            lambda d: d["interview"]["body"][1].update(colour="red"),
            "extra fields found (colour)",
            "$.interview.body[1]",
        ),
        (
            lambda d: d["interview"]["body"][1].pop("text"),
            "required field missing",
            "$.interview.body[1].text",
        ),
        (
            lambda d: d["interview"]["body"][0].update(type="aside"),
            "block has type 'aside'; expected one of caption, prose, turn",
            "$.interview.body[0]",
        ),
        (
            lambda d: d["interview"]["body"][0].pop("type"),
            "block has no type; expected one of caption, prose, turn",
            "$.interview.body[0]",
        ),
        (
            lambda d: d["interview"]["body"][3].update(image=None, credit=None),
            "an image caption needs at least an image, a caption or a credit",
            "$.interview.body[3]",
        ),
        (
            lambda d: d["interview"].update(body={}),
            "expected array, got object",
            "$.interview.body",
        ),
        (
            lambda d: d["interview"]["speakers"].append(d["interview"]["speakers"][0]),
            "speaker id 'collider' is used twice",
            "$.interview.speakers[2].id",
        ),
        (
            lambda d: d["interview"]["speakers"][1].update(role="boss"),
            "unknown role 'boss'",
            "$.interview.speakers[1].role",
        ),
        (
            lambda d: d["interview"]["speakers"][1].update(id=" "),
            "id must not be empty or blank",
            "$.interview.speakers[1].id",
        ),
        (
            lambda d: d["interview"]["speakers"][1].update(aliases="STAR"),
            "expected array, got string",
            "$.interview.speakers[1].aliases",
        ),
        (
            lambda d: d["interview"]["metadata"]["extras"].update(tags=[1]),
            "extras['tags']: expected string or array of strings, got array",
            "$.interview.metadata.extras",
        ),
        (
            lambda d: d["interview"].update(title="a\r\nb"),
            "title must use '\\n' line breaks only",
            "$.interview.title",
        ),
        (lambda d: d.update(interview=[]), "expected object, got array", "$.interview"),
    ],
)
def test_bad_structure_names_the_path(change, message: str, path: str) -> None:  # type: ignore[no-untyped-def]
    error = parse_error(mutated(change))
    assert error.message.startswith(message)
    assert error.path == path
    assert str(error) == f"<string>: json: {error.message} @ {path}"


def test_nothing_but_parse_error_escapes_for_deep_nesting() -> None:
    error = parse_error("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in error.message


def test_null_means_absent_for_optional_fields() -> None:
    doc = document()
    doc["interview"]["body"][1].update(label=None, start_ms=None)
    doc["interview"]["metadata"]["url"] = None
    doc["interview"]["speakers"][0]["role"] = None
    jsonschema.validate(doc, schema())
    iv = ik.loads(json.dumps(doc), format="json")
    assert iv.turns[0].label is None
    assert iv.speakers[0].role is None


def test_the_schema_and_the_reader_agree_a_caption_needs_a_field() -> None:
    doc = document()
    doc["interview"]["body"][3] = {"type": "caption", "image": None}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema())
    parse_error(json.dumps(doc))


def test_a_control_character_in_a_string_is_reported_where_it_is() -> None:
    assert (
        str(parse_error('{"a": "b\x01"}'))
        == "<string>:1:9: json: invalid control character"
    )


# --- orjson writes the same text ---------------------------------------------


@contextlib.contextmanager
def without_orjson() -> Iterator[None]:
    fast = json_format._orjson
    json_format._orjson = None
    try:
        yield
    finally:
        json_format._orjson = fast


def _with_confidence(confidence: float) -> ik.Interview:
    turn = ik.Turn(
        speaker="a",
        text="Yes.",
        words=(ik.Word(start=0, end=4, start_ms=0, end_ms=500, confidence=confidence),),
    )
    return ik.Interview(speakers=(ik.Speaker(id="a", name="A"),), body=(turn,))


@given(st.one_of(interviews(), timed_interviews()))
@example(SAMPLE)
@example(_with_confidence(1e-05))  # json writes 1e-05, orjson 0.00001
@example(_with_confidence(0.3333333333333333))
@example(ik.Interview(title="\ud800 lone surrogate"))  # orjson refuses it
@example(ik.Interview(metadata=ik.Metadata(extras={"n": "9" * 30})))
def test_orjson_writes_what_json_writes(iv: ik.Interview) -> None:
    assert json_format._orjson is not None, "the test extra installs orjson"
    for indent in (2, None):
        fast = ik.dumps(iv, format="json", indent=indent)
        with without_orjson():
            assert fast == ik.dumps(iv, format="json", indent=indent)
