"""The ``interviewkit`` command: what users type and what they see."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given

import interviewkit as ik
from interviewkit.cli import (
    EXIT_BAD_DATA,
    EXIT_IO_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    main,
)
from tests.strategies import interviews

INTERVIEW = ik.Interview(
    title="Zoë on “Emily in Paris”",
    speakers=(
        ik.Speaker(id="collider", name="Collider", role=ik.Role.INTERVIEWER),
        ik.Speaker(
            id="darren-star",
            name="Darren Star",
            role=ik.Role.INTERVIEWEE,
            aliases=("DARREN STAR", "STAR"),
        ),
    ),
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
    for command in ("convert", "validate"):
        assert f"    {command} " in out
    assert "  3  bad data: an input is not a valid interview" in out


def test_each_command_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == EXIT_OK
    out = capsys.readouterr().out
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
        (["convert", "-", "out.json"], "--from is needed for standard input; one of "),
        (["convert", "{talk}"], "--to is needed for standard output; one of "),
        (["convert", "{talk}", "-"], "--to is needed for standard output; one of "),
        (
            ["convert", "{talk}", "talk.docx"],
            "cannot tell the format of 'talk.docx' from suffix '.docx'; pass --to, one of ",
        ),
        (
            ["convert", "README", "-t", "json"],
            "cannot tell the format of 'README' from no suffix; pass --from, one of ",
        ),
    ],
)
def test_convert_needs_formats_it_cannot_guess(
    argv: list[str], message: str, talk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [arg.format(talk=talk) for arg in argv]
    assert main(argv) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    usage, error = captured.err.splitlines()
    assert usage.startswith("usage: interviewkit convert ")
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
        "<stdin>:2:15: json: not UTF-8: byte 0xe9 cannot be decoded\n"
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
    broken.write_text('{"format": "interviewkit", "version": 2}', encoding="utf-8")
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
    assert main(["validate", "talk.docx", str(talk)]) == EXIT_USAGE
    out = capsys.readouterr().out
    assert out.startswith(
        "cannot tell the format of 'talk.docx' from suffix '.docx'; pass --from, one of "
    )
    assert "json (.json)" in out
    assert main(["validate", "talk.docx", str(bad)]) == EXIT_BAD_DATA


def test_validate_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    with stdio(ik.dumps(INTERVIEW, format="json").encode("utf-8")):
        assert main(["validate", "--from", "json", "-"]) == EXIT_OK
    with stdio(b"{"):
        assert main(["validate", "--from", "json", "-"]) == EXIT_BAD_DATA


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
