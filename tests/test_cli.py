"""The ``interviewkit`` command: what users type and what they see."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit.cli import (
    EXIT_BAD_DATA,
    EXIT_IO_ERROR,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_USAGE,
    main,
)
from tests.samples import CAST, SEED
from tests.strategies import interviews, non_blank_texts

INTERVIEW = ik.Interview(
    title="Zoë on “Emily in Paris”",
    speakers=CAST,
    body=(
        ik.Turn(speaker="collider", text="How was Versailles?"),
        ik.Turn(
            speaker="darren-star",
            text="We filmed in one day. It’s a café in Paris.",
            label="DARREN STAR",
        ),
    ),
)


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    path = tmp_path / "talk.json"
    ik.write(INTERVIEW, path)
    return path


@contextmanager
def stdio(data: bytes = b"") -> Iterator[io.BytesIO]:
    """Give ``main`` bytes on standard input and collect its standard output."""
    stdin, stdout = sys.stdin, sys.stdout
    out = io.BytesIO()
    # A locale that cannot encode what the interview holds: the command must
    # use UTF-8 regardless.
    fake_stdin = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")
    fake_stdout = io.TextIOWrapper(out, encoding="ascii")
    sys.stdin, sys.stdout = fake_stdin, fake_stdout
    try:
        yield out
    finally:
        sys.stdin, sys.stdout = stdin, stdout
        fake_stdout.flush()
        # Detached, the wrappers do not close the buffers when collected.
        fake_stdin.detach()
        fake_stdout.detach()


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """Run in ``path`` (``contextlib.chdir`` needs Python 3.11)."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


# --- --help and --version ---------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out == f"interviewkit {ik.__version__}\n"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "interviewkit", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"interviewkit {ik.__version__}\n"
    assert done.stderr == ""


def test_help_lists_the_commands_and_the_exit_statuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("usage: interviewkit ")
    for command in ("convert", "info", "search", "validate", "chart"):
        assert f"    {command} " in out
    assert "  3  bad data: an input is not a valid interview" in out


def test_each_command_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == EXIT_OK
    # argparse wraps to the terminal's width: compare words, not lines.
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("usage: interviewkit convert [-h] [--from FORMAT]")
    assert "one of: " + ", ".join(ik.formats()) in out
    assert main(["validate", "-h"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("usage: interviewkit validate ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["convert"], "the following arguments are required: IN"),
        (["convert", "a.json", "--to", "yaml"], "argument --to/-t: invalid choice"),
        (["validate"], "the following arguments are required: FILE"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: interviewkit")
    assert message in captured.err
    assert "Traceback" not in captured.err


# --- convert ----------------------------------------------------------------


def test_convert_file_to_file_by_suffix(talk: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.JSON"
    assert main(["convert", str(talk), str(out)]) == EXIT_OK
    assert ik.read(out) == INTERVIEW


def test_convert_with_flags_overrides_the_suffixes(talk: Path, tmp_path: Path) -> None:
    source = tmp_path / "talk.data"
    source.write_bytes(talk.read_bytes())
    out = tmp_path / "talk.out"
    assert main(["convert", "--from", "json", str(source), str(out), "-t", "json"]) == 0
    assert ik.read(out, format="json") == INTERVIEW


def test_convert_to_standard_output_writes_utf8(talk: Path) -> None:
    with stdio() as out:
        assert main(["convert", str(talk), "--to", "json"]) == EXIT_OK
    assert out.getvalue() == ik.dumps(INTERVIEW, format="json").encode("utf-8")
    with stdio() as out:
        assert main(["convert", str(talk), "-", "--to", "json"]) == EXIT_OK
    assert ik.loads(out.getvalue().decode("utf-8"), format="json") == INTERVIEW


def test_convert_from_standard_input(tmp_path: Path) -> None:
    document = ik.dumps(INTERVIEW, format="json").encode("utf-8")
    out = tmp_path / "talk.json"
    with stdio(document):
        assert main(["convert", "-", str(out), "--from", "json"]) == EXIT_OK
    assert ik.read(out) == INTERVIEW


@given(interview=interviews(max_blocks=6))
def test_convert_through_a_pipe_keeps_every_interview(interview: ik.Interview) -> None:
    document = ik.dumps(interview, format="json").encode("utf-8")
    with stdio(document) as out:
        assert main(["convert", "-", "-", "--from", "json", "--to", "json"]) == 0
    assert ik.loads(out.getvalue().decode("utf-8"), format="json") == interview


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["convert", "-", "out.json"],
            "cannot tell the format of standard input from its content; pass --from, one of: ",
        ),
        (["convert", "{talk}"], "--to is needed for standard output; one of "),
        (["convert", "{talk}", "-"], "--to is needed for standard output; one of "),
        (
            ["convert", "{talk}", "talk.pdf"],
            "cannot tell the format of 'talk.pdf' from '.pdf'; pass --to, one of: ",
        ),
        (
            ["convert", "{readme}", "-t", "json"],
            "cannot tell the format of '{readme}' from no suffix or its content; pass --from, one of: ",
        ),
    ],
)
def test_convert_needs_formats_it_cannot_guess(
    argv: list[str],
    message: str,
    talk: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = tmp_path / "README"
    readme.write_text("Just some notes.", encoding="utf-8")
    argv = [arg.format(talk=talk, readme=readme) for arg in argv]
    message = message.format(readme=readme)
    with stdio(b"Just some notes."):
        assert main(argv) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    (error,) = captured.err.splitlines()
    assert error.startswith(f"interviewkit convert: error: {message}")
    assert "json (.json)" in error


def test_bad_json_is_one_line_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "interviewkit",\n  oops\n}', encoding="utf-8")
    assert main(["convert", str(bad), "-t", "json"]) == EXIT_BAD_DATA
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{bad}:3:3: json: expecting property name enclosed in double quotes\n"
    )


def test_bad_standard_input_is_named_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio(
        b'{"format": "interviewkit",\n "version": 1, "interview": {"title": 3}}'
    ):
        assert main(["convert", "-", "--from", "json", "--to", "json"]) == 3
    assert capsys.readouterr().err == (
        "<stdin>: json: expected string or null, got integer @ $.interview.title\n"
    )


def test_standard_input_that_is_not_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio('{\n "title": "caf\xe9"}'.encode("latin-1")):
        assert main(["convert", "-", "-f", "json", "-t", "json"]) == EXIT_BAD_DATA
    assert capsys.readouterr().err == (
        "<stdin>:2:15: json: not UTF-8: byte 0xe9 cannot be decoded; "
        "pass encoding= (for example encoding='cp1252')\n"
    )


def test_a_missing_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["convert", str(missing), "-t", "json"]) == EXIT_IO_ERROR
    assert capsys.readouterr().err == (
        f"{missing}: cannot read: No such file or directory\n"
    )


def test_an_output_that_cannot_be_written_is_one_line(
    talk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "dir.json"
    assert main(["convert", str(talk), str(out)]) == EXIT_IO_ERROR
    assert (
        capsys.readouterr().err == f"{out}: cannot write: No such file or directory\n"
    )


# --- info -------------------------------------------------------------------


def test_info_shows_the_cast_and_who_says_how_much(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(talk)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == ""
    # “How was Versailles?” is 3 words; “We filmed in one day. It’s a café in
    # Paris.” is 10, with “It’s” one word.
    assert captured.out == (
        "Title:     Zoë on “Emily in Paris”\n"
        "Speakers:  2\n"
        "Turns:     2\n"
        "Words:     13\n"
        "\n"
        "Speaker      Id           Role         Aliases            Turns  Words  Share\n"
        "Collider     collider     interviewer  -                      1      3  23.1%\n"
        "Darren Star  darren-star  interviewee  DARREN STAR, STAR      1     10  76.9%\n"
    )


def test_info_counts_words_as_a_reader_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    iv = ik.Interview(
        metadata=ik.Metadata(source="Collider", date="2021-12-22"),
        speakers=(
            ik.Speaker(id="a", name="宮崎 駿"),
            ik.Speaker(id="b", name="B\x1b[2J"),
        ),
        body=(
            ik.Turn(speaker="a", text="It’s a well-known fact—10 days, 3 cafés…"),
            ik.Prose(text="Prose is not speech and is not counted."),
        ),
    )
    path = tmp_path / "talk.json"
    ik.write(iv, path)
    assert main(["info", str(path)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[:6] == [
        "Title:     -",
        "Source:    Collider",
        "Date:      2021-12-22",
        "Speakers:  2",
        "Turns:     1",
        "Words:     8",
    ]
    # Wide characters take two columns; a terminal escape is shown, not sent.
    assert lines[7:] == [
        "Speaker   Id  Role  Aliases  Turns  Words   Share",
        "宮崎 駿   a   -     -            1      8  100.0%",
        "B\\x1b[2J  b   -     -            0      0    0.0%",
    ]


def test_info_of_an_interview_without_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.json"
    ik.write(ik.Interview(speakers=(ik.Speaker(id="a", name="A"),)), path)
    assert main(["info", str(path)]) == EXIT_OK
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == "A        a   -     -            0      0      -"
    )
    ik.write(ik.Interview(), path)
    assert main(["info", str(path)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines() == [
        "Title:     -",
        "Speakers:  0",
        "Turns:     0",
        "Words:     0",
    ]


def test_info_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio(ik.dumps(INTERVIEW, format="json").encode("utf-8")) as out:
        assert main(["info", "-", "--from", "json"]) == EXIT_OK
    assert out.getvalue().decode("utf-8").startswith("Title:     Zoë on “Emily")
    with stdio(ik.dumps(INTERVIEW, format="json").encode("utf-8")) as out:
        assert main(["info", "-"]) == EXIT_OK  # JSON tells itself by its content
    assert out.getvalue().decode("utf-8").startswith("Title:     Zoë on “Emily")
    with stdio(b"Just some notes."):
        assert main(["info", "-"]) == EXIT_USAGE
    assert "pass --from" in capsys.readouterr().err


# --- search -----------------------------------------------------------------


def test_search_prints_one_line_a_match(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(talk), "PARIS"]) == EXIT_OK
    assert capsys.readouterr().out == (
        f"{talk}:#1 Darren Star: …in one day. It’s a café in Paris.\n"
    )
    assert main(["search", str(talk), "a"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        f"{talk}:#0 Collider",
        f"{talk}:#0 Collider",
        *[f"{talk}:#1 Darren Star"] * 4,
    ]


def test_search_by_speaker(talk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for key in ("star", "Darren  Star", "darren-star", "DARREN STAR"):
        assert main(["search", str(talk), "w", "--speaker", key]) == EXIT_OK
        assert capsys.readouterr().out.startswith(f"{talk}:#1 Darren Star: We")
    assert main(["search", str(talk), "café", "-s", "collider"]) == EXIT_NO_MATCH
    assert capsys.readouterr() == ("", "")


def test_search_with_a_regular_expression(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(talk), "v.*s"]) == EXIT_NO_MATCH
    assert main(["search", str(talk), "v.*s", "--regex"]) == EXIT_OK
    assert capsys.readouterr().out == (f"{talk}:#0 Collider: How was Versailles?\n")
    # A pattern that matches nothing but the empty string finds nothing.
    assert main(["search", str(talk), "x*", "--regex"]) == EXIT_NO_MATCH


def test_search_snippets_are_one_short_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "word " * 30 + "Versailles\n\n\x1b[31m" + " word" * 30
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="A"),),
        body=(ik.Turn(speaker="a", text=text),),
    )
    path = tmp_path / "long.json"
    ik.write(iv, path)
    assert main(["search", str(path), "versailles"]) == EXIT_OK
    assert capsys.readouterr().out == (
        f"{path}:#0 A: …word word word word word word Versailles "
        "\\x1b[31m word word word word…\n"
    )


@given(interview=interviews(max_blocks=6), data=st.data())
def test_search_finds_any_piece_of_any_turn(
    interview: ik.Interview, data: st.DataObject
) -> None:
    # An uppercase id cannot clash with the generated ones.
    probe = ik.Speaker(id="Probe", name="Probe")
    text = data.draw(non_blank_texts())
    index = data.draw(st.integers(0, len(interview.body)))
    interview = attrs.evolve(
        interview,
        speakers=(*interview.speakers, probe),
        body=(
            *interview.body[:index],
            ik.Turn(speaker="Probe", text=text),
            *interview.body[index:],
        ),
        codes=(),
    )
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(text[start:end] != "--")  # see test_search_for_two_dashes
    document = ik.dumps(interview, format="json").encode("utf-8")
    with stdio(document) as out:
        # "--": a pattern may start with a dash.
        assert main(["search", "-f", "json", "--", "-", text[start:end]]) == EXIT_OK
    lines = out.getvalue().decode("utf-8").split("\n")
    assert lines.pop() == ""
    assert any(line.startswith(f"<stdin>:#{index} Probe: ") for line in lines)


def test_search_for_two_dashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="A"),),
        body=(ik.Turn(speaker="a", text="Yes -- and no."),),
    )
    path = tmp_path / "dashes.json"
    ik.write(iv, path)
    assert main(["search", "--regex", str(path), "[-]{2}"]) == EXIT_OK
    assert capsys.readouterr().out == f"{path}:#0 A: Yes -- and no.\n"
    status = main(["search", "--", str(path), "--"])
    captured = capsys.readouterr()
    # Older argparse cannot take "--" as a value; the command says so.
    if status == EXIT_OK:
        assert captured.out == f"{path}:#0 A: Yes -- and no.\n"
    else:
        assert status == EXIT_USAGE
        assert captured.err.endswith(
            "error: this Python cannot pass '--' as PATTERN; use --regex '[-]{2}'\n"
        )


def test_search_patterns_are_utf8_whatever_the_locale(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What Python makes of "It’s" and "Darrén Star" typed under LC_ALL=C with
    # its UTF-8 mode off: the UTF-8 bytes as lone surrogates.
    pattern = "It’s".encode().decode("ascii", "surrogateescape")
    speaker = "Darrén Star".encode().decode("ascii", "surrogateescape")
    assert main(["search", str(talk), pattern, "--speaker", speaker]) == EXIT_OK
    assert "It’s a café" in capsys.readouterr().out


def test_search_passes_on_python_s_advice_about_a_pattern(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--regex", str(talk), "[[w]"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{talk}:#0 Collider: How was")
    assert captured.err == (
        "interviewkit search: warning: Possible nested set at position 1\n"
    )


def test_search_reports_bad_arguments(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(talk), "x", "--speaker", "nobody"]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "interviewkit search: error: no speaker 'nobody'; "
        "the speakers are Collider (collider), Darren Star (darren-star)\n"
    )
    assert main(["search", str(talk), "(", "--regex"]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "interviewkit search: error: invalid regular expression '(': "
        "missing ), unterminated subpattern at position 0\n"
    )
    assert main(["search", str(talk), ""]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "interviewkit search: error: the search pattern is empty\n"
    )
    assert main(["search", str(talk)]) == EXIT_USAGE
    assert "required: PATTERN" in capsys.readouterr().err


def test_search_options_reach_the_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    iv = ik.Interview(
        speakers=(ik.Speaker(id="a", name="A"),),
        body=(
            ik.Prose(text="RELATED: Paris, again", kind=ik.ProseKind.RELATED),
            ik.Turn(speaker="a", text="Parisian PARIS paris"),
            ik.ImageCaption(image="paris-slug", credit="Image via Netflix"),
        ),
    )
    path = tmp_path / "talk.json"
    ik.write(iv, path)

    def found(*options: str) -> list[str]:
        status = main(["search", str(path), "paris", *options])
        lines = capsys.readouterr().out.splitlines()
        assert status == (EXIT_OK if lines else EXIT_NO_MATCH)
        return [line.removeprefix(f"{path}:") for line in lines]

    assert found() == ["#1 A: Parisian PARIS paris"] * 3
    assert found("--whole-word") == ["#1 A: Parisian PARIS paris"] * 2
    assert found("-w", "--case-sensitive") == ["#1 A: Parisian PARIS paris"]
    assert found("--case-sensitive", "--regex", "-s", "a") == [
        "#1 A: Parisian PARIS paris"
    ]
    assert found("--prose", "-w") == [
        "#0 [related]: RELATED: Paris, again",
        *["#1 A: Parisian PARIS paris"] * 2,
    ]
    assert found("--captions", "--case-sensitive") == [
        "#1 A: Parisian PARIS paris",
        "#2 [image]: paris-slug",
    ]
    assert found("--case-sensitive", "-w", "--speaker", "A", "--captions") == [
        "#1 A: Parisian PARIS paris"
    ]


# --- validate ---------------------------------------------------------------


def test_validate_is_silent_when_all_is_well(
    talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(talk), str(talk)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")


def test_validate_prints_one_line_a_problem(
    talk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "interviewkit", "version": 3}', encoding="utf-8")
    truncated = tmp_path / "truncated.json"
    truncated.write_text('{"format":', encoding="utf-8")
    assert main(["validate", str(broken), str(talk), str(truncated)]) == 3
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{broken}: json: ")
    assert "version" in lines[0]
    assert lines[1] == f"{truncated}:1:11: json: expecting value"


def test_validate_reports_the_highest_status(
    talk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    missing = tmp_path / "missing.json"
    assert main(["validate", str(missing), str(bad), str(talk)]) == EXIT_IO_ERROR
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{missing}: cannot read: No such file or directory"
    assert out.splitlines()[1].startswith(f"{bad}: json: ")
    unknown = tmp_path / "talk.pdf"
    unknown.write_bytes(b"%PDF-1.7")
    assert main(["validate", str(unknown), str(talk)]) == EXIT_USAGE
    out = capsys.readouterr().out
    assert out.startswith(
        f"cannot tell the format of '{unknown}' from suffix '.pdf' or its content; "
        "pass --from, one of: "
    )
    assert "json (.json)" in out
    assert main(["validate", str(unknown), str(bad)]) == EXIT_BAD_DATA


def test_validate_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio(ik.dumps(INTERVIEW, format="json").encode("utf-8")):
        assert main(["validate", "--from", "json", "-"]) == EXIT_OK
    with stdio(b"{"):
        assert main(["validate", "--from", "json", "-"]) == EXIT_BAD_DATA


# --- the seed ---------------------------------------------------------------


def test_info_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(SEED)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    stats = ik.read(SEED).stats()
    collider, star = (f"{figures.words:,}" for figures in stats.speakers)
    assert lines[:3] == ["Title:     -", "Speakers:  2", "Turns:     18"]
    assert lines[3] == f"Words:     {stats.words:,}"
    table = [line.split("  ") for line in lines[5:]]
    assert [[cell.strip() for cell in row if cell] for row in table] == [
        ["Speaker", "Id", "Role", "Aliases", "Turns", "Words", "Share"],
        [
            "Collider",
            "collider",
            "interviewer",
            "-",
            "9",
            collider,
            f"{100 * stats.speakers[0].share:.1f}%",
        ],
        [
            "Darren Star",
            "darren-star",
            "interviewee",
            "DARREN STAR, STAR",
            "9",
            star,
            f"{100 * stats.speakers[1].share:.1f}%",
        ],
    ]
    # The columns line up: every row is as wide as the header.
    assert len({len(line) for line in lines[5:]}) == 1


def test_search_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(SEED), "filmed", "--speaker", "star"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines
    assert all(line.startswith(f"{SEED}:#") for line in lines)
    assert all(" Darren Star: " in line for line in lines)
    assert any("one day" in line for line in lines)
    assert main(["search", str(SEED), "filmed", "--speaker", "collider"]) == 1


@pytest.mark.parametrize("suffix", [".json", ".md", ".markdown", ".txt"])
def test_convert_the_seed_and_back_byte_for_byte(suffix: str, tmp_path: Path) -> None:
    converted = tmp_path / f"seed{suffix}"
    assert main(["convert", str(SEED), str(converted)]) == EXIT_OK
    assert ik.read(converted) == ik.read(SEED)
    with stdio() as out:
        assert main(["convert", str(converted), "--to", "text"]) == EXIT_OK
    assert out.getvalue() == SEED.read_bytes()


def test_validate_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEED)]) == EXIT_OK
    assert capsys.readouterr() == ("", "")


# --- any command line --------------------------------------------------------

TOKENS = (
    "convert",
    "info",
    "search",
    "validate",
    "-",
    "--",
    "--from",
    "--to",
    "-f",
    "-t",
    "json",
    "text",
    "yaml",
    "--regex",
    "--speaker",
    "--whole-word",
    "--prose",
    "--captions",
    "(",
    "a",
    "good.json",
    "bad.json",
    "out.json",
    "missing.json",
    "notes.docx",
    "folder",
    "--help",
    "--version",
)


@given(
    argv=st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=7),
    data=st.sampled_from([b"", b"{", ik.dumps(INTERVIEW, format="json").encode()]),
)
def test_any_command_line_ends_in_a_status_not_a_traceback(
    argv: list[str], data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cwd")
    ik.write(INTERVIEW, folder / "good.json")
    (folder / "bad.json").write_text('{"format": "interviewkit"', encoding="utf-8")
    (folder / "folder").mkdir()
    errors = io.StringIO()
    with working_directory(folder), stdio(data), contextlib.redirect_stderr(errors):
        status = main(argv)
    assert status in {0, 1, 2, 3, 4}
    assert "Traceback" not in errors.getvalue()
    if status in {3, 4}:
        assert errors.getvalue().count("\n") <= 1


# --- standard streams that are not files ------------------------------------


def test_text_streams_work_as_standard_input_and_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = ik.dumps(INTERVIEW, format="json")
    monkeypatch.setattr(sys, "stdin", io.StringIO(document))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["convert", "-", "-", "-f", "json", "-t", "json"]) == EXIT_OK
    assert out.getvalue() == document


def test_closed_standard_streams_are_one_line(
    talk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["info", "-", "-f", "json"]) == EXIT_IO_ERROR
    assert capsys.readouterr().err == "standard input is closed\n"
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["convert", str(talk), "-t", "json"]) == EXIT_IO_ERROR
    assert capsys.readouterr().err == "standard output is closed\n"
    assert main(["validate", str(talk)]) == EXIT_OK


def test_error_lines_show_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil\x1b[2J\nname.json"
    assert main(["validate", str(path)]) == EXIT_IO_ERROR
    out = capsys.readouterr().out
    assert (
        out
        == f"{tmp_path}/evil\\x1b[2J\\nname.json: cannot read: No such file or directory\n"
    )


# --- standard output closed early -------------------------------------------


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    # Far more than a pipe holds, so the writer meets the closed end.
    big = tmp_path / "big.json"
    turn = ik.Turn(speaker="collider", text="Versailles " * 100)
    ik.write(ik.Interview(speakers=INTERVIEW.speakers, body=(turn,) * 1000), big)
    with subprocess.Popen(
        [sys.executable, "-m", "interviewkit", "convert", str(big), "-t", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        err = process.stderr.read()
    assert b"Traceback" not in err
    assert b"Exception ignored" not in err
    assert process.returncode == 141


def test_a_document_with_no_speech_is_reported_not_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Some notes on the weather.\n\nAnd more notes.", encoding="utf-8")
    assert main(["info", str(notes)]) == EXIT_OK
    err = capsys.readouterr().err
    assert err == (
        f"interviewkit info: warning: {notes}:1:1: text: no speech found: 2 paragraphs, "
        "all read as prose (lines 1, 3); label the turns (NAME: text), "
        "or pass interviewer= and interviewee=\n"
    )
    assert main(["info", "--strict", str(notes)]) == EXIT_BAD_DATA
    assert capsys.readouterr().err.startswith(f"{notes}:1:1: text: no speech found")
