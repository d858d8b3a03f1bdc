"""Codes on passages: the passages of a code, codes by speaker, coding by search."""

from __future__ import annotations

import pytest
from hypothesis import given

import interviewkit as ik
from interviewkit.model._blocks import coded_text
from tests.strategies import interviews, non_blank_texts


def _study() -> ik.Interview:
    return ik.Interview(
        speakers=[
            ik.Speaker(id="int", name="INT", role="interviewer"),
            ik.Speaker(id="p01", name="P01", role="interviewee"),
        ],
        body=[
            ik.Prose(text="Interview recorded at home."),
            ik.Turn(speaker="int", text="Where did you live then?"),
            ik.Turn(speaker="p01", text="In a flat. The rent doubled and we moved."),
            ik.ImageCaption(image="flat.jpg", caption="The flat in 2019"),
            ik.Turn(speaker="p01", text="Rent is still the worry."),
        ],
        codes=[
            ik.Coding(block=4, start=0, end=4, code="housing"),
            ik.Coding(block=2, start=11, end=27, code="housing", memo="cost"),
            ik.Coding(block=2, start=32, end=40, code="moving"),
            ik.Coding(block=0, start=0, end=9, code="context"),
            ik.Coding(block=3, start=4, end=8, code="housing"),
        ],
    )


def test_passages_are_in_body_order_with_their_text_and_speaker() -> None:
    found = _study().passages()
    assert [(p.index, p.code, p.text) for p in found] == [
        (0, "context", "Interview"),
        (2, "housing", "The rent doubled"),
        (2, "moving", "we moved"),
        (3, "housing", "flat"),
        (4, "housing", "Rent"),
    ]
    assert [p.speaker.id if p.speaker else None for p in found] == [
        None,
        "p01",
        "p01",
        None,
        "p01",
    ]
    assert found[1].coding.memo == "cost"


def test_passages_of_one_code_and_one_speaker() -> None:
    study = _study()
    assert [p.text for p in study.passages("housing")] == [
        "The rent doubled",
        "flat",
        "Rent",
    ]
    assert [p.text for p in study.passages("housing", speaker="P01")] == [
        "The rent doubled",
        "Rent",
    ]
    assert study.passages("housing", speaker=study.speakers[0]) == ()
    assert study.passages("nothing") == ()
    with pytest.raises(ik.SpeakerLookupError):
        study.passages(speaker="nobody")


def test_codes_by_speaker_counts_turn_passages_only() -> None:
    assert _study().codes_by_speaker() == {
        "int": {},
        "p01": {"housing": 2, "moving": 1},
    }


def test_a_passage_prints_like_a_search_match() -> None:
    assert str(_study().passages("moving")[0]) == "#2 P01 [moving]: we moved"
    assert str(_study().passages("context")[0]) == "#0 - [context]: Interview"


def test_code_matches_codes_what_a_search_found() -> None:
    study = ik.Interview(speakers=_study().speakers, body=_study().body)
    coded = study.code_matches(study.search("rent"), "housing", memo="auto")
    assert [(p.index, p.text, p.coding.memo) for p in coded.passages()] == [
        (2, "rent", "auto"),
        (4, "Rent", "auto"),
    ]
    # Coding the same matches again adds nothing; whole blocks are coded whole.
    assert coded.code_matches(study.search("rent"), "housing").codes == coded.codes
    whole = study.code_matches(study.search("rent"), "cost", whole_block=True)
    assert [p.text for p in whole.passages()] == [
        "In a flat. The rent doubled and we moved.",
        "Rent is still the worry.",
    ]


def test_code_matches_codes_caption_text_but_not_image_names() -> None:
    study = _study()
    caption = study.search("flat", include_captions=True)
    fields = {match.field for match in caption}
    assert fields == {"text", "image", "caption"}
    captioned = [m for m in caption if m.field != "image"]
    coded = study.code_matches(captioned, "place")
    assert [p.text for p in coded.passages("place")] == ["flat", "flat"]
    with pytest.raises(ValueError, match="caption's image"):
        study.code_matches(caption, "place")


def test_code_matches_refuses_matches_from_another_interview() -> None:
    other = ik.Interview(
        speakers=[ik.Speaker(id="p01", name="P01")],
        body=[ik.Turn(speaker="p01", text="rent")],
    )
    with pytest.raises(ValueError, match="not from this interview"):
        _study().code_matches(other.search("rent"), "housing")


@given(interviews())
def test_every_coding_is_one_passage_of_its_text(interview: ik.Interview) -> None:
    found = interview.passages()
    assert sorted(map(repr, (p.coding for p in found))) == sorted(
        map(repr, interview.codes)
    )
    for passage in found:
        block = interview.body[passage.index]
        assert (
            passage.text == coded_text(block)[passage.coding.start : passage.coding.end]
        )
    turn_codings = sum(
        1
        for coding in interview.codes
        if isinstance(interview.body[coding.block], ik.Turn)
    )
    counts = interview.codes_by_speaker()
    assert list(counts) == [speaker.id for speaker in interview.speakers]
    assert sum(sum(codes.values()) for codes in counts.values()) == turn_codings


@given(interviews(), non_blank_texts())
def test_code_matches_codes_exactly_the_matched_text(
    interview: ik.Interview, pattern: str
) -> None:
    matches = interview.search(pattern, include_prose=True)
    coded = interview.code_matches(matches, "found")
    new = coded.codes[len(interview.codes) :]
    assert coded.codes[: len(interview.codes)] == interview.codes
    already = {(c.block, c.start, c.end) for c in interview.codes if c.code == "found"}
    wanted = {(m.index, m.start, m.end) for m in matches if m.end > m.start}
    assert {(c.block, c.start, c.end) for c in new} == wanted - already
    assert len(new) == len(wanted - already)
    assert all(coding.code == "found" for coding in new)
    texts = {(m.index, m.start, m.end): m.matched for m in matches}
    for coding in new:
        block = coded.body[coding.block]
        assert (
            coded_text(block)[coding.start : coding.end]
            == texts[(coding.block, coding.start, coding.end)]
        )
