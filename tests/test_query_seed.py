"""The query API on the seed interview, checked against its raw text."""

from __future__ import annotations

import re

import pytest

import interviewkit as ik
from tests.samples import SEED

RAW = SEED.read_text(encoding="utf-8")
PARAGRAPHS = RAW.split("\n\n")
ANSWER_LABELS = ("DARREN STAR: ", "STAR: ")


def is_answer(paragraph: str) -> bool:
    return paragraph.startswith(ANSWER_LABELS)


def unlabelled(paragraph: str) -> str:
    for label in (*ANSWER_LABELS, "Collider: "):
        if paragraph.startswith(label):
            return paragraph[len(label) :]
    return paragraph


# In the seed every answer follows its question directly.
ANSWERS = [unlabelled(p) for p in PARAGRAPHS if is_answer(p)]
QUESTIONS = [
    unlabelled(PARAGRAPHS[i - 1]) for i, p in enumerate(PARAGRAPHS) if is_answer(p)
]


def words_by_hand(texts: list[str]) -> int:
    # The seed has no dashes or ellipses: white space alone separates words.
    return sum(
        1
        for text in texts
        for token in text.split()
        if any(char.isalnum() for char in token)
    )


@pytest.fixture(scope="module")
def seed() -> ik.Interview:
    return ik.read(SEED)


def test_star_is_darren_star(seed: ik.Interview) -> None:
    star = seed.speaker("star")
    assert star.name == "Darren Star"
    assert star.role is ik.Role.INTERVIEWEE
    for key in ("STAR", "DARREN STAR", "darren star", "Darren  Star", star.id):
        assert seed.speaker(key) is star
    assert seed.speaker("collider").name == "Collider"
    with pytest.raises(KeyError, match="closest: Darren Star"):
        seed.speaker("Darren Starr")


def test_nine_turns_each(seed: ik.Interview) -> None:
    collider = seed.turns_by("Collider")
    star = seed.turns_by("Darren Star")
    assert len(QUESTIONS) == len(ANSWERS) == 9
    assert [turn.text for turn in collider] == QUESTIONS
    assert [turn.text for turn in star] == ANSWERS
    assert seed.turns_by(role=ik.Role.INTERVIEWER) == collider
    assert seed.turns_by(role="interviewee") == star


def test_nine_qa_pairs_the_fifth_about_versailles(seed: ik.Interview) -> None:
    pairs = seed.qa_pairs()
    assert len(pairs) == 9
    assert [pair.question.text for pair in pairs] == QUESTIONS
    assert [[answer.text for answer in pair.answers] for pair in pairs] == [
        [answer] for answer in ANSWERS
    ]
    fifth = pairs[4]
    assert fifth.question.text.startswith(
        "What was it like to put together and shoot and pull off the Versailles"
    )
    assert fifth.answer is not None
    assert fifth.answer.text.startswith(
        "The crazy thing is that it was actually filmed in one day."
    )


def test_search_the_seed(seed: ik.Interview) -> None:
    fifth = seed.qa_pairs()[4]
    (question,) = seed.search("Versailles")
    assert question.index == fifth.question_index
    assert question.speaker == seed.speaker("collider")
    in_prose = seed.search("Versailles", include_prose=True)
    assert [match.block.kind for match in in_prose[:1]] == [ik.ProseKind.INTRO]  # type: ignore[union-attr]
    assert in_prose[1:] == (question,)

    (answer,) = seed.search("filmed in one day")
    assert answer.index == fifth.answer_indices[0]
    assert answer.matched == "filmed in one day"
    assert str(answer).startswith(f"#{answer.index} Darren Star: …")
    assert "filmed in one day." in str(answer)

    credits = seed.search("image via netflix", include_captions=True)
    assert [match.field for match in credits] == ["credit"] * RAW.count(
        "Image via Netflix"
    )
    assert [str(match) for match in credits] == [
        f"#{match.index} [credit]: Image via Netflix" for match in credits
    ]
    assert len(seed.search("season", whole_word=True)) == sum(
        len(re.findall(r"\bseason\b", text, re.IGNORECASE))
        for text in QUESTIONS + ANSWERS
    )


def test_word_counts_and_stats(seed: ik.Interview) -> None:
    assert seed.word_counts() == {
        "collider": words_by_hand(QUESTIONS),
        "darren-star": words_by_hand(ANSWERS),
    }
    summary = seed.stats()
    assert summary.turns == 18
    assert summary.words == words_by_hand(QUESTIONS + ANSWERS)
    collider, star = summary.speakers
    assert star.share == pytest.approx(words_by_hand(ANSWERS) / summary.words)
    assert collider.share + star.share == pytest.approx(1.0)
    assert star.mean_turn_words == pytest.approx(words_by_hand(ANSWERS) / 9)


def test_excerpts_of_the_seed(seed: ik.Interview) -> None:
    versailles = [
        index
        for pair in seed.qa_pairs()
        if seed.search("Versailles", speaker="collider")[0].index == pair.question_index
        for index in pair.indices
    ]
    cut = seed.excerpt(versailles)
    assert [turn.text for turn in cut.turns] == [QUESTIONS[4], ANSWERS[4]]
    assert cut.speakers == seed.speakers
    assert (cut.title, cut.metadata) == (seed.title, seed.metadata)

    star_only = seed.excerpt(
        lambda block: isinstance(block, ik.Turn) and block.speaker == "darren-star"
    )
    assert star_only.speakers == (seed.speaker("star"),)
    assert [turn.text for turn in star_only.turns] == ANSWERS

    season_three = {match.index for match in seed.search("Season 3")}
    pairs = [pair for pair in seed.qa_pairs() if season_three & set(pair.indices)]
    cut = seed.excerpt([index for pair in pairs for index in pair.indices])
    assert [turn.text for turn in cut.turns] == [
        text
        for question, answer in zip(QUESTIONS, ANSWERS, strict=True)
        if "Season 3" in question + answer
        for text in (question, answer)
    ]
    assert ik.loads(ik.dumps(cut, format="json"), format="json") == cut
