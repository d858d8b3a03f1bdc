"""Pseudonymising: every mention of a name becomes a code, and the key reverses it."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given

import interviewkit as ik
from interviewkit._pseudonyms import name_forms
from interviewkit.model._blocks import coded_text
from tests.samples import SEED
from tests.strategies import named_interviews

TRANSCRIPT = """\
INTERVIEWER (Ann Lee): Thank you for coming, Maria. Can you say your full name?

MARIA LOPEZ: Maria Elena Lopez. Most people call me Maria; my students say Ms Lopez.

ANN LEE: And how did you meet Mr Okafor?

MARIA LOPEZ: Through Okafor's sister. ML is what he writes on my mugs, M. E. L. on the post.

ANN LEE: Thank you, Maria.
"""


def _strings(interview: ik.Interview) -> list[str]:
    """Every string of an interview that pseudonymising must clean."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                if field.name != "language":
                    walk(getattr(value, field.name))
        elif hasattr(value, "values"):
            walk(list(value.values()))  # type: ignore[union-attr]

    walk(interview)
    return found


def _survivors(interview: ik.Interview, names: list[str]) -> list[tuple[str, str]]:
    """The tokens of the names still found, as whole words in any case."""
    found = []
    for name in names:
        for token in re.findall(r"\w+", name):
            if len(token) < 2 or token.casefold() in {"mr", "ms", "dr"}:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(token)}(?!\w)", re.IGNORECASE)
            found.extend(
                (token, text) for text in _strings(interview) if pattern.search(text)
            )
    return found


def test_a_research_transcript_keeps_no_name() -> None:
    iv = ik.loads(TRANSCRIPT, format="text", names={"INTERVIEWER (Ann Lee)": "Ann Lee"})
    assert [s.name for s in iv.speakers] == ["Ann Lee", "Maria Lopez"]
    # Her full name is given the code she gets as a speaker: one person.
    new, key = ik.pseudonymise(iv, names={"Okafor": "N01", "Maria Elena Lopez": "P01"})
    assert [(s.id, s.name, s.role) for s in new.speakers] == [
        ("int", "INT", ik.Role.INTERVIEWER),
        ("p01", "P01", ik.Role.INTERVIEWEE),
    ]
    assert [turn.text for turn in new.turns] == [
        "Thank you for coming, P01. Can you say your full name?",
        "P01. Most people call me P01; my students say Ms P01.",
        "And how did you meet Mr N01?",
        "Through N01's sister. P01 is what he writes on my mugs, P01 on the post.",
        "Thank you, P01.",
    ]
    assert [turn.label for turn in new.turns] == [
        "INT",
        "P01",
        "INT",
        "P01",
        "INT",
    ]
    assert not _survivors(new, ["Ann Lee", "Maria Elena Lopez", "Okafor"])
    assert key.reverse(new) == iv
    written = ik.dumps(new, format="text")
    for name in ("Maria", "Lopez", "Okafor", "Ann", "Lee"):
        assert name not in written


def test_the_seed_interview() -> None:
    seed = ik.read(SEED)
    new, key = ik.pseudonymise(
        seed, names=["Lily Collins", "Ashley Park", "Lucas Bravo"]
    )
    assert [p.code for p in key.people] == ["INT", "P01", "N01", "N02", "N03"]
    assert not _survivors(
        new, ["Darren Star", "Collider", "Lily Collins", "Ashley Park"]
    )
    assert "Emily in Paris" in new.prose[1].text  # only names go
    assert key.reverse(new) == seed
    # The text layout still reads back as the same interview.
    assert ik.loads(ik.dumps(new, format="text"), format="text").turns == new.turns


def test_the_same_person_has_one_code_across_a_corpus() -> None:
    first = ik.Interview(
        speakers=[
            ik.Speaker(id="a", name="Ann Lee", role="interviewer"),
            ik.Speaker(id="b", name="Bo Chen"),
        ],
        body=[ik.Turn(speaker="b", text="Ask Dana Fox, not me.")],
    )
    second = ik.Interview(
        speakers=[
            ik.Speaker(id="x", name="Dana Fox"),
            ik.Speaker(id="y", name="ANN LEE", role="interviewer"),
        ],
        body=[ik.Turn(speaker="x", text="Bo said that? Ann, really.")],
    )
    (one, two), key = ik.pseudonymise([first, second])
    assert [s.name for s in one.speakers] == ["INT", "P01"]
    assert [s.name for s in two.speakers] == ["P02", "INT"]
    assert one.turns[0].text == "Ask P02, not me."
    assert two.turns[0].text == "P01 said that? INT, really."
    assert key.reverse([one, two]) == (first, second)
    # A later batch keeps the codes: the key goes back in.
    third = ik.Interview(
        speakers=[ik.Speaker(id="z", name="Eve Moss")],
        body=[ik.Turn(speaker="z", text="Bo Chen and I.")],
    )
    later, key = ik.pseudonymise(third, key=key)
    assert later.turns[0].text == "P01 and I."
    assert later.speakers[0].name == "P03"
    assert key.reverse([one, two, later]) == (first, second, third)


def test_codes_and_schemes_of_ones_own() -> None:
    iv = ik.Interview(
        speakers=[
            ik.Speaker(id="i", name="Ann Lee", role="host"),
            ik.Speaker(id="a", name="Bo Chen"),
            ik.Speaker(id="b", name="Cy Diaz"),
        ],
        body=[ik.Turn(speaker="a", text="Cy Diaz works at Oakfield School.")],
    )
    new, key = ik.pseudonymise(
        iv,
        codes={"Cy Diaz": "Teacher A"},
        names={"Oakfield School": "[school]"},
        participant="Respondent {}",
        interviewer="Researcher",
    )
    assert [s.name for s in new.speakers] == ["Researcher", "Respondent 1", "Teacher A"]
    assert [s.id for s in new.speakers] == ["researcher", "respondent-1", "teacher-a"]
    assert new.turns[0].text == "Teacher A works at [school]."
    assert key.code("oakfield school") == "[school]"
    with pytest.raises(KeyError):
        key.code("Nobody")
    with pytest.raises(ValueError, match="blank"):
        ik.pseudonymise(iv, codes={"Bo Chen": " "})
    with pytest.raises(TypeError, match="interviews"):
        ik.pseudonymise(["not an interview"])  # type: ignore[list-item]


def test_two_people_who_share_a_first_name_both_stand_for_it() -> None:
    iv = ik.Interview(
        speakers=[
            ik.Speaker(id="a", name="Ann Lee"),
            ik.Speaker(id="b", name="Ann Park"),
        ],
        body=[ik.Turn(speaker="a", text="Ann said so; Ann Park agreed.")],
    )
    new, key = ik.pseudonymise(iv)
    assert new.turns[0].text == "P01/P02 said so; P02 agreed."
    assert key.reverse(new) == iv


def test_codings_stay_on_their_passages() -> None:
    text = "Maria Lopez said the rent went up. Maria moved."
    iv = ik.Interview(
        speakers=[ik.Speaker(id="m", name="Maria Lopez")],
        body=[
            ik.Turn(
                speaker="m",
                text=text,
                words=[
                    ik.Word(start=0, end=5, start_ms=0, end_ms=300),
                    ik.Word(start=6, end=11, start_ms=300, end_ms=600),
                    ik.Word(start=17, end=20, start_ms=900, end_ms=1000),
                ],
            )
        ],
        codes=[
            ik.Coding(block=0, start=17, end=33, code="housing"),
            ik.Coding(block=0, start=0, end=16, code="Maria's words", memo="Maria"),
        ],
    )
    new, key = ik.pseudonymise(iv)
    assert new.turns[0].text == "P01 said the rent went up. P01 moved."
    assert [(p.text, p.code, p.coding.memo) for p in new.passages()] == [
        ("P01 said", "P01's words", "P01"),
        ("the rent went up", "housing", None),
    ]
    turn = new.turns[0]
    # Two timed words of one name become one code: the first word holds it.
    assert [turn.text[w.start : w.end] for w in turn.words] == ["P01", "", "the"]
    back = key.reverse(new)
    assert back.codes == iv.codes
    assert back.turns[0].text == text
    assert [text[w.start : w.end] for w in back.turns[0].words] == [
        "Maria Lopez",
        "",
        "the",
    ]
    # A coding added after pseudonymising moves back to the original text.
    coded = new.code_matches(new.search("moved"), "moving")
    back = key.reverse(coded)
    assert [p.text for p in back.passages("moving")] == ["moved"]


def test_the_key_is_json_apart_from_the_data(tmp_path: Path) -> None:
    seed = ik.read(SEED)
    new, key = ik.pseudonymise(seed)
    path = tmp_path / "key.json"
    key.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["interviewkit"] == "pseudonym-key"
    assert data["people"][1]["name"] == "Darren Star"
    loaded = ik.PseudonymKey.load(path)
    assert loaded == key
    assert loaded.reverse(new) == seed
    assert (
        pickle.loads(pickle.dumps(ik.PseudonymKeyError("x", source="k.json"))).source
        == "k.json"
    )


def test_a_key_that_does_not_fit_is_a_clear_error(tmp_path: Path) -> None:
    seed = ik.read(SEED)
    new, key = ik.pseudonymise(seed)
    edited = attrs.evolve(
        new, title="Edited", body=(ik.Prose(text="Changed afterwards"), *new.body[1:])
    )
    with pytest.raises(ik.PseudonymKeyError, match="'Edited' is not one this key"):
        key.reverse(edited)
    _, other = ik.pseudonymise(ik.Interview(title="Another study"))
    with pytest.raises(ik.PseudonymKeyError, match="another study"):
        other.reverse(new)
    for content in (
        b"not json",
        b'{"people": []}',
        b"\xff\xfe",
        b'{"interviewkit": "pseudonym-key", "people": [{"code": 1}]}',
    ):
        path = tmp_path / "key.json"
        path.write_bytes(content)
        with pytest.raises(
            ik.PseudonymKeyError, match=r"key\.json: not a pseudonym key"
        ):
            ik.PseudonymKey.load(path)


def test_name_forms() -> None:
    assert name_forms("Q") == ()
    assert name_forms("Speaker 2") == ()
    assert name_forms("Interviewer") == ()
    assert name_forms("Jean-Luc O'Brien") == (
        "Jean-Luc O'Brien",
        "Jean-Luc",
        "Jean",
        "Luc",
        "O'Brien",
        "Brien",
        "JLO",
        "J.L.O.",
        "J. L. O.",
    )


@given(named_interviews())
@example(
    (
        ik.Interview(
            speakers=[ik.Speaker(id="s0", name="Kalo")],
            body=[
                ik.Turn(
                    speaker="s0",
                    text="Kalo’s KALO kalo's",
                    label="Kalo",
                    marker="Kalo: ",
                )
            ],
        ),
        ["Mire"],
    )
)
def test_no_token_of_a_name_survives(case: tuple[ik.Interview, list[str]]) -> None:
    interview, absent = case
    new, key = ik.pseudonymise(interview, names=absent)
    names = [speaker.name for speaker in interview.speakers] + absent
    assert _survivors(new, names) == []
    back = key.reverse(new)
    # Texts come back exactly; spans (codings, cues, words) too, unless one
    # ends inside a name, which moves it to the name's edge.
    assert _without_spans(back) == _without_spans(interview)
    assert len(back.codes) == len(interview.codes)
    if not interview.codes and not any(t.cues or t.words for t in interview.turns):
        assert back == interview
    assert ik.PseudonymKey.from_json(key.to_json()).reverse(new) == back
    for passage in new.passages():
        assert (
            passage.text
            == coded_text(passage.block)[passage.coding.start : passage.coding.end]
        )


def _without_spans(interview: ik.Interview) -> ik.Interview:
    body = tuple(
        attrs.evolve(block, cues=(), words=()) if isinstance(block, ik.Turn) else block
        for block in interview.body
    )
    codes = tuple(attrs.evolve(c, start=0, end=1) for c in interview.codes)
    return attrs.evolve(interview, body=body, codes=codes)


def test_two_interviews_alike_once_pseudonymised_keep_their_own_people() -> None:
    def interview(name: str) -> ik.Interview:
        return ik.Interview(
            speakers=[ik.Speaker(id=name[0].lower(), name=name)],
            body=[ik.Turn(speaker=name[0].lower(), text="Hello.")],
        )

    originals = (interview("Ann Lee"), interview("Bo Chen"))
    (one, two), key = ik.pseudonymise(originals)
    assert one.turns[0].text == two.turns[0].text
    assert [s.name for s in (*one.speakers, *two.speakers)] == ["P01", "P02"]
    assert key.reverse([two, one]) == (originals[1], originals[0])
