"""`explain` and ``info --explain``: every guess of the reader, with its line."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import interviewkit as ik
from interviewkit.cli import EXIT_OK, EXIT_USAGE, main
from tests.samples import SEED
from tests.test_cli import stdio


def kinds(explanation: ik.Explanation) -> list[tuple[int, str]]:
    return [(guess.line, guess.kind) for guess in explanation.guesses]


def test_each_kind_of_guess_names_its_line() -> None:
    text = (
        "An interview with Ann Lee, by Bob Chen.\n"  # 1
        "\n"
        "Bob: Where did you grow up?\n"  # 3
        "\n"
        "Ann Lee: In Lyon.\n"  # 5
        "\n"
        "We moved when I was ten.\n"  # 7
        "\n"
        "And then?\n"  # 9
        "\n"
        "LEE: Paris.\n"  # 11
        "\n"
        "Photo: Bob Chen\n"  # 13
    )
    reading = ik.explain(text=text, format="text")
    assert [s.name for s in reading.interview.speakers] == ["Bob Chen", "Ann Lee"]
    found = kinds(reading)
    assert (1, "prose") in found
    assert (3, "alias") in found  # "Bob" is Bob Chen, as the intro names him
    assert (3, "role") in found  # who asks is the interviewer
    assert (5, "speaker") in found
    assert (7, "unlabelled") in found  # by its place: between two answers
    assert (9, "unlabelled") in found  # joined to the turn before it
    assert (11, "alias") in found  # "LEE" is Ann Lee
    assert (13, "caption") in found
    assert found == sorted(found, key=lambda pair: pair[0])
    by_line = {guess.line: guess for guess in reading.guesses if guess.kind == "alias"}
    assert str(by_line[11]) == "line 11: alias: 'LEE' is Ann Lee"


def test_an_unlabelled_question_is_given_to_the_interviewer() -> None:
    reading = ik.explain(SEED)
    unlabelled = [g for g in reading.guesses if g.kind == "unlabelled"]
    assert unlabelled
    assert all("Collider" in guess.message for guess in unlabelled)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    # Each names the line where the paragraph starts.
    assert all(lines[guess.line - 1].strip() for guess in unlabelled)
    assert reading.interview == ik.read(SEED)


def test_a_label_not_taken_is_reported_as_text() -> None:
    text = "Draft: https://example.com/x\n\nQ: Why?\n\nA: Because."
    reading = ik.explain(text=text, format="text")
    assert reading.guesses[0] == ik.Guess(
        1, "not a label", "'Draft' is not a speaker: kept as text"
    )


def test_the_warnings_of_the_reading_are_kept_not_raised() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reading = ik.explain(text="Just a paragraph of prose.", format="text")
    assert len(reading.warnings) == 1
    assert "no speech found" in reading.warnings[0]
    assert "no speech found" in str(reading)


def test_nothing_is_collected_outside_explain() -> None:
    from interviewkit._reading import guesses

    assert not guesses.active()
    ik.explain(SEED)
    assert not guesses.active()


def test_path_or_text_and_not_both(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="path or text="):
        ik.explain()
    with pytest.raises(TypeError, match="path or text="):
        ik.explain(SEED, text="Q: Why?")
    with pytest.raises(ik.ParseError):
        ik.explain(text="{", format="json")


def test_formats_that_state_their_speakers_report_no_guesses() -> None:
    written = ik.dumps(ik.read(SEED), format="json")
    assert ik.explain(text=written, format="json").guesses == ()


def test_info_explain_lists_the_guesses(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio() as out:
        status = main(["info", "--explain", str(SEED)])
    assert status == EXIT_OK
    printed = out.getvalue().decode("utf-8")
    assert "Guesses:\n" in printed
    after = printed.split("Guesses:\n", 1)[1].splitlines()
    assert after == [str(guess) for guess in ik.explain(SEED).guesses]


def test_info_explain_takes_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with stdio():
        status = main(["info", "--explain", str(SEED.parent)])
    assert status == EXIT_USAGE
    assert "--explain explains one file" in capsys.readouterr().err
