"""Properties of the plain-text format, over the shared strategies."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import interviewkit as ik
from tests.characters import body_characters, visible
from tests.strategies import interviews_without_markers, text_documents

# Arbitrary input may read as no speech at all: such warnings are expected here.
pytestmark = pytest.mark.filterwarnings("ignore::interviewkit.errors.ReadWarning")


def summary(interview: ik.Interview) -> tuple[object, ...]:
    """What the canonical layout promises to keep."""
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    cast = [(speaker.name, speaker.role) for speaker in interview.speakers]
    blocks: list[object] = []
    for block in interview.body:
        if isinstance(block, ik.Turn):
            blocks.append((names[block.speaker], block.text, block.start_ms))
        else:
            blocks.append(block)
    return tuple(cast), tuple(blocks)


def explicit_syntax(text: str) -> bool:
    """Whether a paragraph may be an explicit block, whose markup is consumed."""
    # The reader takes a leading U+FEFF for a byte-order mark and drops it.
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return any(
        line[:1] in '["' and following.startswith("|")
        for line, following in itertools.pairwise(lines)
    )


@given(interviews_without_markers())
@example(
    ik.Interview(
        speakers=(ik.Speaker(id="a", name="x"), ik.Speaker(id="b", name="x")),
        body=(ik.Turn(speaker="b", text="same name, two speakers"),),
    )
)
@example(
    ik.Interview(
        speakers=(
            ik.Speaker(id="a", name="Adam Jonas"),
            ik.Speaker(id="b", name="Jonas"),
        ),
        body=(ik.Turn(speaker="a", text="Hi."), ik.Turn(speaker="b", text="Hello.")),
    )
)
@example(
    ik.Interview(
        speakers=(ik.Speaker(id="a", name="Ann"),),
        body=(
            ik.Turn(speaker="a", text="One.\n\nSTAR: two.\n[00:00:01] three\n|four"),
            ik.Prose(text="Image via Netflix"),
            ik.ImageCaption(caption="Photo: AP"),
        ),
    )
)
def test_canonical_text_reads_back_the_same(interview: ik.Interview) -> None:
    written = ik.dumps(interview, format="text")
    assert summary(ik.loads(written, format="text")) == summary(interview)


def read_or_fail(text: str) -> ik.Interview | ik.ParseError:
    try:
        return ik.loads(text, format="text")
    except ik.ParseError as error:
        return error


@given(text_documents())
@example("[00:12:34]")
@example('"Quoted Name":\n| a literal line\nSTAR: Yes.')
def test_any_document_reads_or_raises_parse_error(text: str) -> None:
    result = read_or_fail(text)
    if isinstance(result, ik.ParseError):
        assert result.line is not None
        assert result.column is not None
    else:
        assert isinstance(result, ik.Interview)


@given(st.text())
def test_any_string_reads_or_raises_parse_error(text: str) -> None:
    result = read_or_fail(text)
    if isinstance(result, ik.ParseError):
        assert result.line is not None
    else:
        assert isinstance(result, ik.Interview)


@given(st.one_of(text_documents(), st.text()))
@example("(12:34) And then?")
@example('\ufeff"Quoted Name":\n|')
def test_no_visible_character_is_dropped(text: str) -> None:
    assume(not explicit_syntax(text))
    interview = ik.loads(text, format="text")
    assert visible(body_characters(interview)) == visible(text.removeprefix("\ufeff"))


@given(text_documents())
@example("Maria Lopez  0:05")
@example("INTERVIEWER:\n\n山田：はい。")
@example("[00:12:34]")
@example("\ufeff\ufeff\nSTAR: Yes.")
@example("INTERVIEWER:\nInterviewer: Jane Doe")
@example("emily-in-paris-season-2\nInterviewer: Jane Doe")
@example("Interviewer: Jane Doe\nSTAR: Yes.")
@example("Participants:\nJane Doe (host)\nSTAR: Yes.")
@example("Interviewer: Jane Doe\nInterviewer: Jane Doe\nSTAR: Yes.")
@example("emily-in-paris-season-2\nParis: the city.\nInterviewer: Jane Doe")
@example(
    "emily-in-paris-season-2\nInterviewer: Jane Doe\n\nemily-in-paris-season-2\nSTAR: Yes."
)
@example("emily-in-paris-season-2\nInterviewer: Jane Doe\n\nParticipants:\nSTAR: Yes.")
@example("Collider:\nCollider:")
def test_text_read_from_text_reads_back_the_same(text: str) -> None:
    # Explicit blocks belong to the canonical layout, which promises less.
    assume(not explicit_syntax(text))
    interview = ik.loads(text, format="text")
    again = ik.loads(ik.dumps(interview, format="text"), format="text")
    assert again == interview
