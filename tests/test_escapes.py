"""Nothing but ParseError leaves a reader: the inputs that once let others out.

Each test here is an input that raised something else (a `ValueError` from
Python's limit on integer digits, a `UnicodeEncodeError`, a
`RecursionError`), or took time that grew faster than the input.
"""

from __future__ import annotations

import sys
from collections import Counter

import pytest

import interviewkit as ik
from tests.characters import body_characters

# Small documents may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")

DIGITS = sys.get_int_max_str_digits() or 4300
LONG = "1" + "0" * DIGITS  # one digit more than Python converts

TURN = '{"type": "turn", "speaker": "a", "text": "x"%s}'


def envelope(body: str = "", *, version: str = "2", extra: str = "") -> str:
    return (
        f'{{"format": "interviewkit", "version": {version}, "interview": '
        f'{{"speakers": [{{"id": "a", "name": "A"}}], "body": [{body}]{extra}}}}}'
    )


# --- Integers longer than Python converts ---


def test_a_json_version_of_too_many_digits_is_a_parse_error() -> None:
    with pytest.raises(ik.ParseError, match="digits") as caught:
        ik.loads(envelope(version=LONG), format="json")
    assert caught.value.path == "$.version"


def test_the_finding_as_reported_is_a_parse_error() -> None:
    with pytest.raises(ik.ParseError):
        ik.loads('{"version": 1' + "0" * 4300 + "}", format="json")


@pytest.mark.parametrize("field", ["start_ms", "end_ms"])
def test_a_json_time_of_too_many_digits_is_a_parse_error(field: str) -> None:
    document = envelope(TURN % f', "{field}": {LONG}')
    with pytest.raises(ik.ParseError, match="digits") as caught:
        ik.loads(document, format="json")
    assert caught.value.path == f"$.interview.body[0].{field}"


def test_a_negative_integer_of_too_many_digits_is_a_parse_error() -> None:
    document = envelope(TURN % f', "start_ms": -{LONG}')
    with pytest.raises(ik.ParseError, match="digits"):
        ik.loads(document, format="json")


def test_a_long_integer_in_a_cue_is_a_parse_error() -> None:
    document = envelope(
        TURN % f', "cues": [{{"start": 0, "end": 1, "start_ms": {LONG}}}]'
    )
    with pytest.raises(ik.ParseError, match="digits"):
        ik.loads(document, format="json")


def test_json_detection_still_sees_a_document_with_a_long_integer() -> None:
    # Detection by content parses too: it must not give up on such a document.
    with pytest.raises(ik.ParseError, match="digits"):
        ik.loads(envelope(version=LONG))


@pytest.mark.parametrize(
    "value",
    [
        LONG,  # decimal
        "0x1" + "f" * DIGITS,  # hexadecimal: converts, but cannot be printed
        "0b1" + "0" * (4 * DIGITS),  # binary
        "01" + "7" * (2 * DIGITS),  # octal, as YAML 1.1 writes it
        "-" + LONG,
        "1_" + "0" * DIGITS,  # YAML 1.1 allows underscores
    ],
    ids=["decimal", "hex", "binary", "octal", "negative", "underscores"],
)
@pytest.mark.parametrize("key", ["count", "title", "date", "tags"])
def test_a_front_matter_integer_of_too_many_digits_is_a_parse_error(
    value: str, key: str
) -> None:
    if key == "tags":
        value = f"[{value}]"
    text = f"---\ntitle: x\n{key}: {value}\n---\n\nSTAR: Yes."
    if key == "title":
        text = f"---\n{key}: {value}\n---\n\nSTAR: Yes."
    with pytest.raises(ik.ParseError, match="digits") as caught:
        ik.loads(text, format="markdown")
    assert caught.value.line is not None
    assert caught.value.column is not None


def test_a_long_integer_as_a_front_matter_key_is_a_parse_error() -> None:
    with pytest.raises(ik.ParseError, match="digits"):
        # An explicit key: a plain one longer than 1,024 characters is no key.
        ik.loads(f"---\n? {LONG}\n: x\n---\n\nSTAR: Yes.", format="markdown")


def test_a_long_integer_in_the_layouts_front_matter_is_a_parse_error() -> None:
    with pytest.raises(ik.ParseError, match="digits"):
        ik.loads(f"---\ninterviewkit: {LONG}\n---\n\nSTAR: Yes.", format="markdown")


def test_a_long_integer_in_a_turn_comment_is_a_parse_error() -> None:
    text = (
        "---\ninterviewkit: 2\nspeakers:\n- id: a\n  name: A\n---\n\n"
        f'<!-- turn {{"speaker": "a", "cues": [[0, 1, {LONG}, 2]]}} -->\n\n'
        "**A:** x\n"
    )
    with pytest.raises(ik.ParseError) as caught:
        ik.loads(text, format="markdown")
    assert caught.value.line == 8


def test_a_deeply_nested_turn_comment_is_a_parse_error() -> None:
    text = (
        "---\ninterviewkit: 2\nspeakers:\n- id: a\n  name: A\n---\n\n"
        f"<!-- turn {'[' * 100_000}{']' * 100_000} -->\n\n"
        "**A:** x\n"
    )
    with pytest.raises(ik.ParseError) as caught:
        ik.loads(text, format="markdown")
    assert caught.value.line == 8


# --- Surrogates where a library wants UTF-8 ---


@pytest.mark.parametrize(
    "text",
    [
        "[a](\ud800\udc00)",  # the finding: a surrogate pair, as str
        "[a](\ud800)",
        "![a](\udfff)",
        "[a][r]\n\n[r]: \ud800",
        "<http://\ud800>",
        "[a](<\ud800 b>)",
    ],
)
def test_surrogates_in_a_markdown_link_destination_read(text: str) -> None:
    iv = ik.loads(text, format="markdown")
    kept = Counter(ch for ch in body_characters(iv) if is_surrogate(ch))
    assert not Counter(ch for ch in text if is_surrogate(ch)) - kept


def is_surrogate(character: str) -> bool:
    return "\ud800" <= character <= "\udfff"


# --- Nesting: a depth limit, and time that grows with the input only ---


@pytest.mark.parametrize("opener", ["[", "{"])
@pytest.mark.parametrize("depth", [1600, 20_000])
def test_deeply_nested_front_matter_flow_collections_are_a_parse_error(
    opener: str, depth: int
) -> None:
    closer = "]" if opener == "[" else "}"
    inner = "[" * depth + "]" * depth if opener == "[" else "{a: " * depth + "}" * depth
    text = f"---\ntitle: x\nx: {inner}\n---\n\nSTAR: Yes."
    del closer
    with pytest.raises(ik.ParseError, match="nested") as caught:
        ik.loads(text, format="markdown")
    assert caught.value.line == 3


def test_deeply_nested_front_matter_block_collections_are_a_parse_error() -> None:
    nested = "".join(" " * level + "- \n" for level in range(2000))
    with pytest.raises(ik.ParseError, match="nested"):
        ik.loads(f"---\nx:\n{nested}---\n\nSTAR: Yes.", format="markdown")


def test_block_sequences_nested_on_one_line_are_a_parse_error() -> None:
    with pytest.raises(ik.ParseError, match="nested"):
        ik.loads(f"---\nx:\n  {'- ' * 2000}y\n---\n\nSTAR: Yes.", format="markdown")


def test_front_matter_nested_as_deep_as_allowed_reads() -> None:
    from interviewkit.formats.markdown.front_matter import MAX_DEPTH

    depth = MAX_DEPTH - 1  # the front matter mapping is the first level
    text = f"---\nx: {'[' * depth}1{']' * depth}\n---\n\nSTAR: Yes."
    iv = ik.loads(text, format="markdown")
    assert iv.metadata.extras["x"] == "[" * depth + "1" + "]" * depth


def test_nested_front_matter_work_grows_linearly() -> None:
    # Count the scanner's steps rather than time them: the work of a token
    # must not grow with the nesting around it, so ten times the input is
    # about ten times the work.
    import yaml

    from interviewkit.formats.markdown import front_matter

    steps = 0
    stale = yaml.scanner.Scanner.stale_possible_simple_keys

    def counting(self: yaml.scanner.Scanner) -> None:
        nonlocal steps
        steps += len(self.possible_simple_keys) + 1
        stale(self)

    def work(items: int) -> int:
        nonlocal steps
        steps = 0
        deep = "[" * 20 + "1" + "]" * 20
        front_matter.parse_yaml(f"x: [{', '.join([deep] * items)}]", first_line=2)
        return steps

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml.scanner.Scanner, "stale_possible_simple_keys", counting)
        small, large = work(20), work(200)
    assert large <= 11 * small


def test_too_deep_front_matter_stops_early() -> None:
    # The depth limit stops the scanner where the input passes it: the work
    # is the same for a thousand levels as for a million.
    import yaml

    from interviewkit.formats.markdown import front_matter

    tokens = 0
    fetch = yaml.scanner.Scanner.fetch_more_tokens

    def counting(self: yaml.scanner.Scanner) -> None:
        nonlocal tokens
        tokens += 1
        fetch(self)

    def work(depth: int) -> int:
        nonlocal tokens
        tokens = 0
        with pytest.raises(ik.ParseError, match="nested"):
            front_matter.parse_yaml("x: " + "[" * depth, first_line=2)
        return tokens

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml.scanner.Scanner, "fetch_more_tokens", counting)
        assert work(1000) == work(1_000_000)


# --- Found by fuzzing (tests/test_fuzz.py) ---


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ("NaN", (1, 1)),
        ('{"a": "NaN", "b": [1, -Infinity]}', (1, 23)),
        ('{"x\\"NaN": 1,\n "y": Infinity}', (2, 7)),
    ],
)
def test_a_json_constant_is_refused_at_its_place(
    document: str, where: tuple[int, int]
) -> None:
    with pytest.raises(ik.ParseError, match="not valid JSON") as caught:
        ik.loads(document, format="json")
    assert (caught.value.line, caught.value.column) == where
