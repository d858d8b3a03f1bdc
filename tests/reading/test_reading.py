"""The reading rules shared by the text and Markdown readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit._reading import (
    CastEntry,
    Paragraph,
    caption_from_lines,
    find_label,
    label_shape,
    parse_cast,
    prose_kind,
    resolve,
    speaker_id,
)
from interviewkit._time import parse_clock


def test_a_reader_with_its_own_labels_resolves_the_seed_layout() -> None:
    # What a Markdown reader hands over for **Name:** labels.
    paragraphs = [
        Paragraph(text="[Editor’s note: spoilers.]", line=1),
        Paragraph(text="An interview with Darren Star.", line=3),
        Paragraph(text="Congrats!", label="Collider", marker="**Collider:** "),
        Paragraph(text="Thanks.", label="DARREN STAR", marker="**DARREN STAR:** "),
        Paragraph(text="Why Paris?"),
        Paragraph(text="Why not?", label="STAR", marker="**STAR:** "),
        Paragraph(
            text="",
            block=ik.ImageCaption(image="paris.jpg", credit="Image via Netflix"),
        ),
        Paragraph(text="It is available to stream at Netflix."),
    ]
    speakers, body = resolve(paragraphs)
    assert speakers == (
        ik.Speaker(id="collider", name="Collider", role=ik.Role.INTERVIEWER),
        ik.Speaker(
            id="darren-star",
            name="Darren Star",
            role=ik.Role.INTERVIEWEE,
            aliases=("DARREN STAR", "STAR"),
        ),
    )
    assert [type(block).__name__ for block in body] == [
        "Prose",
        "Prose",
        "Turn",
        "Turn",
        "Turn",
        "Turn",
        "ImageCaption",
        "Prose",
    ]
    assert [block.kind for block in body if isinstance(block, ik.Prose)] == [
        ik.ProseKind.EDITORS_NOTE,
        ik.ProseKind.INTRO,
        ik.ProseKind.CLOSING,
    ]
    turns = [block for block in body if isinstance(block, ik.Turn)]
    assert [(t.speaker, t.label, t.marker) for t in turns] == [
        ("collider", "Collider", "**Collider:** "),
        ("darren-star", "DARREN STAR", "**DARREN STAR:** "),
        ("collider", None, None),
        ("darren-star", "STAR", "**STAR:** "),
    ]


def test_a_rejected_tentative_label_gives_its_text_back() -> None:
    speakers, body = resolve(
        [Paragraph(text="the city.", label="Paris", marker="Paris: ", tentative=True)]
    )
    assert speakers == ()
    assert body == (ik.Prose(text="Paris: the city.", kind=ik.ProseKind.INTRO),)


def test_exact_labels_and_a_final_cast() -> None:
    speakers, body = resolve(
        [
            Paragraph(text="", cast=(CastEntry(name="Jonas", final=True),)),
            Paragraph(text="Hi.", label="Adam Jonas", exact_label=True),
            Paragraph(text="Hello.", label="Jonas", exact_label=True),
        ]
    )
    assert [(s.name, s.role) for s in speakers] == [
        ("Jonas", None),
        ("Adam Jonas", None),
    ]
    assert [block.speaker for block in body] == ["adam-jonas", "jonas"]


def test_options_come_first() -> None:
    options = ik.ReadOptions(interviewer=["Ann", "Bo"], roles={"Cy": "guest"})
    assert options.interviewer == ("Ann", "Bo")
    assert dict(options.roles) == {"Cy": ik.Role.GUEST}
    assert options.given() == {"interviewer", "roles"}
    with pytest.raises(TypeError):
        ik.ReadOptions(interviewee=[""])
    with pytest.raises(ValueError, match="unknown role"):
        ik.ReadOptions(roles={"Cy": "chef"})


@pytest.mark.parametrize(
    ("label", "shape"),
    [
        ("Q", 2),
        ("Speaker 12", 2),
        ("Interviewee 2", 2),
        ("STAR", 2),
        ("J.K. ROWLING", 2),
        ("Collider", 1),
        ("Dr. Amara Nwosu", 1),
        ("Sarah O'Connor", 1),
        ("Mira Okafor-Reyes", 1),
        ("Ludwig van Beethoven", 1),
        ("Élodie", 1),
        ("山田", 1),
        ("The answer", 0),
        ("RELATED", 0),
        ("Photo", 0),
        ("Season 2", 0),
        ("sarah", 0),
        ("A1B2", 0),
        ("", 0),
    ],
)
def test_label_shapes(label: str, shape: int) -> None:
    assert label_shape(label) == shape


def test_find_label_positions() -> None:
    found = find_label("Adam Jonas (AJ): Welcome.")
    assert found is not None
    assert (found.label, found.text_start, found.strength) == ("Adam Jonas (AJ)", 17, 2)
    header = find_label("Maria Lopez  1:02:03")
    assert header is not None
    assert (header.label, header.start_ms, header.header) == (
        "Maria Lopez",
        3_723_000,
        True,
    )
    assert find_label("at 10:30 we met") is None


def test_small_rules() -> None:
    assert parse_clock("12:34") == 754_000
    assert parse_clock("12:61") is None
    assert caption_from_lines(["Photo: AP"]) == ik.ImageCaption(credit="Photo: AP")
    assert caption_from_lines(["Just words."]) is None
    assert caption_from_lines(["Words. (Photo credit: X)"]) == ik.ImageCaption(
        caption="Words.", credit="(Photo credit: X)"
    )
    assert prose_kind("UPDATE (May 3): moved.") is ik.ProseKind.EDITORS_NOTE
    assert prose_kind("Break: ten minutes") is ik.ProseKind.OTHER
    assert prose_kind("[00:12] x]") is None
    cast = parse_cast(["Participants:", "Alex Kim (host)", "Priya Natarajan, guest"])
    assert cast == (
        CastEntry(name="Alex Kim", role=ik.Role.HOST),
        CastEntry(name="Priya Natarajan", role=ik.Role.GUEST),
    )
    assert parse_cast(["Interviewer: How are you?", "Fine."]) is None
    assert speaker_id("Ann", {"ann", "ann-2"}) == "ann-3"


def test_only_one_character_lowercases_to_two() -> None:
    # Looking up how the prose writes a name relies on it (see _Cast).
    longer = [code for code in range(0x110000) if len(chr(code).lower()) != 1]
    assert longer == [0x130]


@pytest.mark.parametrize(
    ("filler", "expected"),
    [
        ("", "McDonald"),  # the name is written near the start
        ("Words words words.\n" * 4000, "McDonald"),  # far from it
        ("Σ" * 70_000, "McDonald"),  # in the first line, past the first part
        ("İstanbul.\n" * 10, "Mcdonald"),  # lowercasing changes positions
    ],
)
def test_a_name_in_capitals_is_cased_as_the_prose_writes_it(
    filler: str, expected: str
) -> None:
    paragraphs = [
        Paragraph(text=filler + "An interview with Ann McDonald, in Paris."),
        Paragraph(text="Thanks.", label="MCDONALD", marker="MCDONALD: "),
    ]
    speakers, _ = resolve(paragraphs)
    assert [speaker.name for speaker in speakers] == [expected]


@given(st.from_regex(r"\d{1,3}(?::[0-5]\d){1,2}(?:[.,]\d{1,3})?", fullmatch=True))
def test_a_time_stamp_before_a_label_reads_as_parse_clock_reads_it(stamp: str) -> None:
    found = find_label(f"[{stamp}] STAR: Yes.")
    assert found is not None
    assert found.start_ms == parse_clock(stamp)


def test_a_first_name_takes_the_surname_the_prose_gives_it() -> None:
    text = (
        "A talk with Fyka Ansari.\n\n"
        "Fyka: Hello.\n\nHost: Welcome.\n\nFyka: Thanks.\n\nHost: Bye."
    )
    iv = ik.loads(text, format="text")
    assert [speaker.name for speaker in iv.speakers] == ["Fyka Ansari", "Host"]


def test_a_word_that_labels_turns_is_no_surname() -> None:
    # "Kevin Tom" in the prose is Kevin and Tom, both of whom speak.
    text = (
        "A conversation between Kevin Tom and Dave.\n\n"
        "Kevin: Hello.\n\nTom: Hi.\n\nDave: Hey.\n\nKevin: Let us start."
    )
    iv = ik.loads(text, format="text")
    assert [speaker.name for speaker in iv.speakers] == ["Kevin", "Tom", "Dave"]
    assert len(iv.turns) == 4
