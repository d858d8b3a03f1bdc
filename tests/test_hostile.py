"""Hostile input: every reader returns an Interview or raises ParseError.

These properties run over every registered format, so a new format is held
to them as soon as it is registered.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import interviewkit as ik
from tests.characters import body_characters, visible
from tests.profiles import examples
from tests.strategies import HOSTILE_FRAGMENTS, interviews

# Arbitrary input may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")

# The formats of human-written text get the most examples: anything reads.
# A timed format rejects most junk at its first line or key, so fewer find
# as much, and the suite stays fast with a dozen of them.
CORE = ["json", "markdown", "text"]
FORMATS = [name for name in sorted(ik.formats()) if name not in CORE]
WRITTEN = [name for name in FORMATS if ik.get_format(name).writer is not None]

ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=400)
JUNK_FRAGMENTS = (
    *HOSTILE_FRAGMENTS,
    "---\n",
    "---\ntitle: [unclosed\n",
    "title: x\n",
    '{"format": "interviewkit",',
    '"version": 1,',
    '"interview": {',
    '"body": [',
    '{"type": "turn",',
    "]",
    "}",
    "\x00",
    "\ufeff",
    "\r\n",
    "\r",
    ":" * 50,
    "a:" * 20,
    "**" * 30,
    "_" * 30,
    "[" * 30,
    "NaN",
    "Infinity",
    "-0",
    "1e999",
    '"\\ud800"',
)
JUNK = st.lists(st.sampled_from(JUNK_FRAGMENTS), max_size=40).map("".join)


def read_or_parse_error(text: str, name: str) -> None:
    try:
        result = ik.loads(text, format=name)
    except ik.ParseError as error:
        assert error.format == name
        assert str(error)
    else:
        assert isinstance(result, ik.Interview)


ANY_INPUT = st.one_of(ANY_TEXT, JUNK)


@pytest.mark.parametrize("name", CORE)
@settings(max_examples=examples(times=10))
@given(text=ANY_INPUT)
@example(text="")
@example(text="\ufeff")
@example(text="\x00")
@example(text="\ud800")
@example(text="[" * 5000 + "]" * 5000)
def test_any_text_reads_or_raises_parse_error(name: str, text: str) -> None:
    read_or_parse_error(text, name)


@pytest.mark.parametrize("name", FORMATS)
@settings(max_examples=examples(times=1))
@given(text=ANY_INPUT)
@example(text="")
@example(text="\ufeff")
@example(text="WEBVTT\n\n-->\n\n1\n-->")
@example(text="<![0")
@example(text="<![A:")
@example(text="<p>Q: <![0 a> Why?</p><p>A: <![x Because.</p>")
@example(text="[" * 5000 + "]" * 5000)
def test_any_text_reads_or_raises_parse_error_in_other_formats(
    name: str, text: str
) -> None:
    read_or_parse_error(text, name)


@pytest.mark.parametrize("name", CORE)
@given(iv=interviews(max_blocks=8), cut=st.integers(min_value=0))
def test_truncated_documents_read_or_raise_parse_error(
    name: str, iv: ik.Interview, cut: int
) -> None:
    text = ik.dumps(iv, format=name)
    read_or_parse_error(text[: cut % (len(text) + 1)], name)


@pytest.mark.parametrize("name", WRITTEN)
@settings(max_examples=max(1, examples(times=1) // 3))
@given(iv=interviews(max_blocks=8), cut=st.integers(min_value=0))
def test_truncated_documents_of_other_formats_read_or_raise_parse_error(
    name: str, iv: ik.Interview, cut: int
) -> None:
    text = ik.dumps(iv, format=name)
    read_or_parse_error(text[: cut % (len(text) + 1)], name)


@settings(max_examples=examples(times=4))
@given(
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "type",
                        "speaker",
                        "text",
                        "id",
                        "name",
                        "body",
                        "speakers",
                        "label",
                        "start_ms",
                        "kind",
                        "x",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_json_with_any_interview_value_reads_or_names_a_path(value: object) -> None:
    text = json.dumps({"format": "interviewkit", "version": 1, "interview": value})
    try:
        ik.loads(text, format="json")
    except ik.ParseError as error:
        assert error.path is not None
        assert error.path.startswith("$.interview")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_rejects_non_finite_numbers(constant: str) -> None:
    text = (
        '{"format": "interviewkit", "version": 1, "interview": {"body": [{"type": '
        f'"turn", "speaker": "a", "text": "x", "start_ms": {constant}}}]}}}}'
    )
    with pytest.raises(ik.ParseError, match=f"{constant} is not valid JSON"):
        ik.loads(text, format="json")


# Markdown consumes its own markup by design (`**`, `#`, `>`, a leading `-`, a
# backslash escape, ...): words, labels, sentence punctuation, colons and times
# are what a Markdown interview must never lose.
PLAIN_MARKDOWN = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "STAR: ",
                "DARREN STAR: ",
                "Q: ",
                "A: ",
                "Collider: ",
                "Speaker 1: ",
                "Image via Netflix",
                "Photo: AP",
                "RELATED: ",
                "at 10:30",
                "(12:34) ",
                "The answer: no.",
                "\n",
                "\n\n",
                " ",
                "émigré",
                "日本語",
                "’",
                "—",
                "?",
                ",",
                ".",
                ";",
                "Q",
                "A",
                "Zoë",
            ]
        ),
        st.text(
            st.characters(categories=("L",), exclude_characters="ªº"),
            min_size=1,
            max_size=8,
        ),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=examples(times=10))
@given(text=PLAIN_MARKDOWN)
@example(text="STAR: Yes.\n\nWhat next?\n\nSTAR: No.")
@example(text="(12:34) STAR: ")  # the time as written was dropped from the marker
@example(text="(12:34) And then?")
def test_markdown_drops_no_character_of_plain_speech(text: str) -> None:
    interview = ik.loads(text, format="markdown")
    assert visible(body_characters(interview)) == visible(text)


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["echo unsafe"]',
        "!!python/name:os.system",
        '!!python/object/new:subprocess.Popen [["true"]]',
    ],
)
def test_front_matter_never_runs_or_imports_anything(tag: str) -> None:
    with pytest.raises(
        ik.ParseError, match="could not determine a constructor"
    ) as caught:
        ik.loads(f"---\ntitle: x\nextra: {tag}\n---\n\nSTAR: Yes.", format="markdown")
    assert (caught.value.line, caught.value.column) == (3, 8)
