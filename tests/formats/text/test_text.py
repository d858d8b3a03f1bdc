"""The plain-text format: golden fixtures, options, errors and layout."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import interviewkit as ik
from tests.samples import SEED

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def normalised(path: Path) -> str:
    text = path.read_bytes().decode("utf-8")
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_there_are_at_least_ten_fixtures() -> None:
    assert len(NAMES) >= 10


@pytest.mark.parametrize("name", NAMES)
def test_fixture_reads_as_its_expected_parse(name: str) -> None:
    expected = ik.read(FIXTURES / f"{name}.json")
    assert ik.read(FIXTURES / f"{name}.txt") == expected


@pytest.mark.parametrize("name", NAMES)
def test_fixture_written_back_reads_the_same(name: str) -> None:
    interview = ik.read(FIXTURES / f"{name}.txt")
    written = ik.dumps(interview, format="text")
    assert ik.loads(written, format="text") == interview


# Fixtures whose layout the model keeps completely: one blank line between
# blocks, one turn a paragraph.
SAME_LAYOUT = [
    "cast_list",
    "every_turn_labelled",
    "french",
    "honorifics",
    "initials",
    "japanese",
    "label_alone",
    "magazine_caps",
    "research_interview",
    "transcript_export",
]


@pytest.mark.parametrize("name", SAME_LAYOUT)
def test_fixture_is_written_in_its_own_layout(name: str) -> None:
    source = normalised(FIXTURES / f"{name}.txt")
    interview = ik.loads(source, format="text")
    assert source.endswith("\n")
    assert ik.dumps(interview, format="text", newline_at_end=True) == source


def test_labelled_lines_in_one_paragraph_are_written_as_paragraphs() -> None:
    interview = ik.loads("Q: Why?\nA: Because.", format="text")
    assert ik.dumps(interview, format="text") == "Q: Why?\n\nA: Because."


def test_crlf_and_bom_are_normalised() -> None:
    raw = (FIXTURES / "crlf_bom.txt").read_bytes().decode("utf-8")
    assert raw.startswith("\ufeff")
    assert "\r\n" in raw
    interview = ik.loads(raw, format="text")
    assert interview == ik.loads(normalised(FIXTURES / "crlf_bom.txt"), format="text")
    assert interview.prose[0].text.startswith("[Editor’s note")
    assert all("\r" not in turn.text for turn in interview.turns)


def test_a_lone_carriage_return_is_a_line_break() -> None:
    interview = ik.loads("Q: One?\rA: Two.", format="text")
    assert [turn.text for turn in interview.turns] == ["One?", "Two."]


# --- options ---------------------------------------------------------------


def test_naming_the_interviewer() -> None:
    text = "Why Paris?\n\nSTAR: Why not?\n\nAnd Rome?\n\nSTAR: Later."
    interview = ik.loads(text, format="text", interviewer="Collider")
    assert [(s.name, s.role) for s in interview.speakers] == [
        ("Collider", ik.Role.INTERVIEWER),
        ("Star", ik.Role.INTERVIEWEE),
    ]
    assert [turn.speaker for turn in interview.turns] == ["collider", "star"] * 2


def test_without_a_name_the_questions_go_to_an_interviewer() -> None:
    text = "Why Paris?\n\nSTAR: Why not?\n\nAnd Rome?\n\nSTAR: Later."
    interview = ik.loads(text, format="text")
    assert interview.speakers[1] == ik.Speaker(
        id="interviewer", name="Interviewer", role=ik.Role.INTERVIEWER
    )


def test_naming_the_interviewee_and_mapping_labels_to_names() -> None:
    text = "Q: Hello?\n\nDS: Hi.\n\nQ: Again?\n\nDS: Yes."
    interview = ik.loads(
        text,
        format="text",
        interviewer="Collider",
        interviewee="Darren Star",
        names={"DS": "Darren Star"},
    )
    assert [(s.name, s.role, s.aliases) for s in interview.speakers] == [
        ("Collider", ik.Role.INTERVIEWER, ("Q",)),
        ("Darren Star", ik.Role.INTERVIEWEE, ("DS",)),
    ]
    assert [turn.label for turn in interview.turns] == ["Q", "DS", "Q", "DS"]


def test_giving_roles() -> None:
    text = "HOST: Welcome.\n\nANNA: Thanks.\n\nHOST: Bye.\n\nANNA: Bye."
    interview = ik.loads(
        text, format="text", roles={"HOST": "moderator", "Anna": ik.Role.PANELIST}
    )
    assert [s.role for s in interview.speakers] == [
        ik.Role.MODERATOR,
        ik.Role.PANELIST,
    ]


def test_turning_question_inference_off() -> None:
    seed = ik.read(SEED, infer_questions=False)
    # The unlabelled paragraphs stay with the answer before them, or after a
    # caption or a link start a turn of their own by the same speaker.
    assert seed.turns[1].text.startswith("Yeah, it was amazing to hear that.\n\n")
    assert [turn.label is None for turn in seed.turns].count(True) == 3
    assert len(seed.turns) == 13
    assert {turn.speaker for turn in seed.turns[1:]} == {"darren-star"}
    assert ik.dumps(seed, format="text").encode() == SEED.read_bytes()


def test_unknown_options_raise_type_error() -> None:
    with pytest.raises(TypeError):
        ik.loads("Q: Hi?", format="text", interviewers="Collider")
    with pytest.raises(TypeError):
        ik.dumps(ik.Interview(), format="text", layout="canonical")


def test_bad_option_values_raise_type_error() -> None:
    with pytest.raises(TypeError):
        ik.loads("Q: Hi?", format="text", interviewer=3)
    with pytest.raises(TypeError):
        ik.loads("Q: Hi?", format="text", names={"Q": 3})
    with pytest.raises(
        ValueError, match="unknown role 'boss'; known roles: interviewer"
    ):
        ik.loads("Q: Hi?", format="text", roles={"Q": "boss"})
    with pytest.raises(TypeError, match="unknown reading option 'interviewers'"):
        ik.loads("Q: Hi?", format="text", interviewers="Ann")
    with pytest.raises(
        TypeError, match="the json reader takes no option 'interviewer'"
    ):
        ik.loads("{}", format="json", interviewer="Ann")


# --- what is and is not a label ---------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The answer: no.",
        "We met at 10:30 in the lobby.",
        "10:30: the doors open.",
        "RELATED: Another interview",
        "READ MORE: Another interview",
        "UPDATE: The date changed.",
        "Break: ten minutes",
        "Photo: AP",
        "Note: all times are local.",
        "Here is the thing: nobody knew.",
        "See https://example.com/a:b for more.",
    ],
)
def test_colons_in_sentences_make_no_speaker(line: str) -> None:
    text = f"ANNA: First.\n\n{line}\n\nBEN: Second."
    interview = ik.loads(text, format="text")
    assert [s.name for s in interview.speakers] == ["Anna", "Ben"]
    written = [block.text for block in interview.prose]
    written += [turn.text for turn in interview.turns]
    written += [caption.credit or "" for caption in interview.captions]
    assert any(line in text for text in written)


@pytest.mark.parametrize(
    ("text", "label", "start_ms"),
    [
        ("[00:12:34] ANNA: Hi.", "ANNA", 754_000),
        ("(12:34) ANNA: Hi.", "ANNA", 754_000),
        ("ANNA (12:34): Hi.", "ANNA", 754_000),
        ("ANNA [1:02:03.5]: Hi.", "ANNA", 3_723_500),
        ("ANNA: (00:07) Hi.", "ANNA", 7_000),
        ("Anna Berg  0:05\nHi.", "Anna Berg", 5_000),
        ("ANNA: Hello.\n\n[00:00:01] Hi.", None, 1_000),
        ("ANNA: Hello.\n\n(00:01) Hi.", None, 1_000),
    ],
)
def test_time_stamps_become_start_times(
    text: str, label: str | None, start_ms: int
) -> None:
    turn = ik.loads(text, format="text").turns[-1]
    assert (turn.label, turn.start_ms, turn.text) == (label, start_ms, "Hi.")
    assert ik.dumps(ik.loads(text, format="text"), format="text") == text


def test_a_single_mixed_case_word_needs_backing() -> None:
    # "Paris:" once, never named elsewhere as a speaker: a sentence, and a
    # document with no speech, which the reader reports.
    with pytest.warns(ik.ReadWarning, match="no speech found"):
        interview = ik.loads("Paris: the city of light.", format="text")
    assert interview.turns == ()
    assert interview.prose[0].text == "Paris: the city of light."
    # Backed by the prose, or by coming back, it is a label.
    backed = ik.loads(
        "We talked to Collider.\n\nCollider: Hi.\n\nSTAR: Hello.", format="text"
    )
    assert [turn.label for turn in backed.turns] == ["Collider", "STAR"]


def test_a_mixed_case_word_inside_a_paragraph_starts_no_turn() -> None:
    text = "ANNA: I went to the city.\nParis: the lights were on.\n\nBEN: Nice."
    interview = ik.loads(text, format="text")
    assert [turn.text for turn in interview.turns] == [
        "I went to the city.\nParis: the lights were on.",
        "Nice.",
    ]


def test_labels_that_recur_split_a_paragraph() -> None:
    interview = ik.loads("Jane: hi\nBob: yo\nJane: ok\nBob: fine", format="text")
    assert [(turn.label, turn.text) for turn in interview.turns] == [
        ("Jane", "hi"),
        ("Bob", "yo"),
        ("Jane", "ok"),
        ("Bob", "fine"),
    ]


# --- the canonical layout ----------------------------------------------------


def test_an_interview_built_in_code_is_written_canonically() -> None:
    interview = ik.Interview(
        speakers=(
            ik.Speaker(id="c", name="Collider", role=ik.Role.INTERVIEWER),
            ik.Speaker(id="s", name="Darren Star"),
        ),
        body=(
            ik.Prose(text="RELATED: Season 1", kind=ik.ProseKind.RELATED),
            ik.Turn(speaker="c", text="Why Paris?"),
            ik.Turn(speaker="s", text="Why not?", start_ms=5_000),
            ik.ImageCaption(image="paris.jpg", credit="Image via Netflix"),
        ),
    )
    written = ik.dumps(interview, format="text")
    assert written == (
        "[speaker: interviewer]\n| Collider\n[speaker]\n| Darren Star\n\n"
        "RELATED: Season 1\n\n"
        "Collider: Why Paris?\n\n"
        "[00:00:05] Darren Star: Why not?\n\n"
        "paris.jpg\nImage via Netflix"
    )
    again = ik.loads(written, format="text")
    assert [(s.name, s.role) for s in again.speakers] == [
        ("Collider", ik.Role.INTERVIEWER),
        ("Darren Star", None),
    ]
    assert again.captions == interview.captions
    assert again.prose == interview.prose
    assert [(t.text, t.start_ms) for t in again.turns] == [
        ("Why Paris?", None),
        ("Why not?", 5_000),
    ]


def test_text_that_would_read_as_markup_is_written_explicitly() -> None:
    interview = ik.Interview(
        speakers=(ik.Speaker(id="a", name="Ann"),),
        body=(
            ik.Turn(speaker="a", text="First line\nSTAR: not a label\n\nImage via X"),
            ik.Prose(text="Just words", kind=ik.ProseKind.CLOSING),
        ),
    )
    written = ik.dumps(interview, format="text")
    assert written == (
        "[speaker]\n| Ann\n\n"
        '"Ann":\n| First line\n| STAR: not a label\n|\n| Image via X\n\n'
        "[prose: closing]\n| Just words"
    )
    again = ik.loads(written, format="text")
    assert again.turns[0].text == interview.turns[0].text
    assert again.prose == interview.prose


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("[prose: nonsense]\n| words", 1, 2, "unknown prose kind 'nonsense'"),
        ("[speaker: boss]\n| Ann", 1, 2, "unknown role 'boss'"),
        ("[speaker]\n|  \n", 2, 1, "name must not be blank"),
        ("[image]\n| a.jpg\n[image]\n| b.jpg", 3, 1, r"unexpected \[image\]"),
        ("[image]\n| a.jpg\n[caption]", 3, 1, "expected '|' lines"),
        ('"\\q":\n| text', 1, 1, "a quoted label must be a JSON string"),
        ("[prose]\n| a\n[image]\n| b.jpg", 1, 1, "mixes"),
    ],
)
def test_malformed_explicit_blocks_raise_parse_error(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ik.ParseError, match=message) as caught:
        ik.loads("Intro.\n\n" + text, format="text")
    assert (caught.value.line, caught.value.column) == (line + 2, column)
    assert caught.value.format == "text"


def test_the_text_format_is_registered() -> None:
    assert ik.format_for_path("talk.TXT").name == "text"
    assert ik.get_format("text").suffixes == (".txt",)


def test_a_document_with_no_speech_warns_with_its_lines() -> None:
    text = "A long introduction.\n\nMore of it, and still nobody speaks."
    with pytest.warns(ik.ReadWarning) as caught:
        ik.loads(text, format="text")
    warning = caught[0].message
    assert isinstance(warning, ik.ReadWarning)
    assert caught[0].filename == __file__  # it points at the caller
    assert (warning.line, warning.column, warning.format) == (1, 1, "text")
    assert "no speech found: 2 paragraphs" in warning.message
    with pytest.raises(ik.ParseError, match="no speech found"):
        ik.loads(text, format="text", strict=True)


def test_an_empty_document_warns() -> None:
    for text in ("", "\n\n  \n"):
        with pytest.warns(ik.ReadWarning, match="the document is empty"):
            assert ik.loads(text, format="text") == ik.Interview()


def test_mostly_prose_warns_and_names_the_longest_paragraphs() -> None:
    intro = "An introduction that goes on and on. " * 10
    text = f"{intro}\n\nShort.\n\n{intro}more\n\nQ: Hi?\n\nA: Yes."
    expected = r"most of the text \(99%\) read as prose, not speech; see lines 1, 3, 5"
    with pytest.warns(ik.ReadWarning, match=expected):
        ik.loads(text, format="text")


def test_a_document_with_speech_reads_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ik.loads("Q: Why?\n\nA: Because.", format="text")
