"""The seed interview, read as plain text and written back byte for byte."""

from __future__ import annotations

import pytest

import interviewkit as ik
from tests.samples import SEED


@pytest.fixture(scope="module")
def seed() -> ik.Interview:
    return ik.read(SEED)


def test_the_cast_is_collider_and_darren_star(seed: ik.Interview) -> None:
    assert seed.speakers == (
        ik.Speaker(id="collider", name="Collider", role=ik.Role.INTERVIEWER),
        ik.Speaker(
            id="darren-star",
            name="Darren Star",
            role=ik.Role.INTERVIEWEE,
            aliases=("DARREN STAR", "STAR"),
        ),
    )


def test_eighteen_turns_alternate(seed: ik.Interview) -> None:
    speakers = [turn.speaker for turn in seed.turns]
    assert speakers == ["collider", "darren-star"] * 9


def test_labels_are_kept_as_written_and_questions_are_unlabelled(
    seed: ik.Interview,
) -> None:
    labels = [turn.label for turn in seed.turns]
    assert labels == ["Collider", "DARREN STAR"] + [None, "STAR"] * 8
    assert sum(label is None for label in labels) == 8


def test_turn_texts(seed: ik.Interview) -> None:
    turns = seed.turns
    assert turns[0].text.startswith("First of all, congrats on being Netflix’s")
    assert turns[1].text == "Yeah, it was amazing to hear that."
    assert turns[2].text.startswith("The first season of the show really was")
    assert turns[-1].text.startswith("I wanted Lily to be a producer")
    assert all("\n" not in turn.text for turn in turns)


def test_three_captions_credited_to_netflix(seed: ik.Interview) -> None:
    assert seed.captions == (
        ik.ImageCaption(
            image="emily-in-paris-season-2-lily-collins-ashley-park",
            credit="Image via Netflix",
        ),
        ik.ImageCaption(
            image="emily-in-paris-darren-star-lily-collins",
            credit="Image via Netflix",
        ),
        ik.ImageCaption(
            image="emily-in-paris-lily-collins-season-2-netflix",
            credit="Image via Netflix",
        ),
    )


def test_prose_blocks_and_their_kinds(seed: ik.Interview) -> None:
    kinds = [block.kind for block in seed.prose]
    assert kinds == [
        ik.ProseKind.EDITORS_NOTE,
        ik.ProseKind.INTRO,
        ik.ProseKind.INTRO,
        ik.ProseKind.RELATED,
        ik.ProseKind.CLOSING,
    ]
    texts = [block.text for block in seed.prose]
    assert texts[0].startswith("[Editor’s note: The following contains some spoilers")
    assert texts[1].startswith("From show creator Darren Star (Sex and the City")
    assert texts[2].startswith("During this 1-on-1 interview with Collider")
    assert texts[3] == (
        "RELATED: ‘Emily in Paris’ Season 1 Recap: "
        "Everything You Need to Remember Before Season 2"
    )
    assert texts[4] == "Emily in Paris is available to stream at Netflix."


def test_the_order_of_the_body(seed: ik.Interview) -> None:
    def tag(block: ik.Block) -> str:
        if isinstance(block, ik.Turn):
            return "L" if block.label else "Q"
        if isinstance(block, ik.ImageCaption):
            return "C"
        return block.kind.value[0].upper()

    # E(ditor's note) I(ntro) I, turns, C(aption), R(elated), ..., C(losing).
    assert "".join(map(tag, seed.body)) == "EIILLQLCRQLQLQLCQLQLQLCQLC"


def test_every_character_is_kept(seed: ik.Interview) -> None:
    source = SEED.read_text(encoding="utf-8")
    paragraphs = source.split("\n\n")
    assert len(seed.body) == len(paragraphs)
    for block, paragraph in zip(seed.body, paragraphs, strict=True):
        if isinstance(block, ik.Turn):
            assert (block.marker or "") + block.text == paragraph
        elif isinstance(block, ik.Prose):
            assert block.text == paragraph
        else:
            assert f"{block.image}\n{block.credit}" == paragraph


def test_writing_the_seed_gives_it_back_byte_for_byte(seed: ik.Interview) -> None:
    written = ik.dumps(seed, format="text")
    assert written.encode("utf-8") == SEED.read_bytes()
    assert not written.endswith("\n")


def test_the_seed_survives_json(seed: ik.Interview) -> None:
    again = ik.loads(ik.dumps(seed, format="json"), format="json")
    assert again == seed
    assert ik.dumps(again, format="text").encode("utf-8") == SEED.read_bytes()
