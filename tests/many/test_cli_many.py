"""The command line on a folder, a glob or an archive: convert keeps the
tree, info summarises, search names the file, table writes Parquet; one
line for each bad file, status 5, and a progress bar only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import interviewkit as ik
from interviewkit.cli import EXIT_IO_ERROR, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, main
from interviewkit.cli._common import EXIT_SOME_FAILED
from tests.generated import interview, transcript, write_corpus

BAD_JSON = '{"format": "interviewkit",\n oops}'


@pytest.fixture
def talks(tmp_path: Path) -> Path:
    root = tmp_path / "talks"
    write_corpus(root, 25)
    return root


@pytest.fixture
def with_bad(talks: Path) -> Path:
    (talks / "0000" / "000002.json").write_text(BAD_JSON, encoding="utf-8")
    return talks


def test_the_exit_status_for_some_failed_is_five() -> None:
    assert EXIT_SOME_FAILED == 5
    assert "5  of a folder, glob or archive, some files failed" in (
        ik.cli._common.EPILOG  # type: ignore[attr-defined]
    )


def test_convert_keeps_the_tree(talks: Path, tmp_path: Path) -> None:
    out = tmp_path / "json"
    assert main(["convert", str(talks), str(out), "--to", "json", "--jobs", "2"]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert written == ["0000", *(f"0000/{n:06d}.json" for n in range(25))]
    for entry in ik.read_many(talks):
        converted = ik.read(out / Path(entry.id).with_suffix(".json"))
        assert converted == entry.interview


def test_convert_says_which_files_failed(
    with_bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "md"
    assert main(["convert", str(with_bad), str(out), "--to", "markdown"]) == 5
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{with_bad / '0000' / '000002.json'}:2:2: json: expecting property name "
        "enclosed in double quotes\n"
    )
    assert len(list(out.rglob("*.md"))) == 24


def test_convert_refuses_two_inputs_for_one_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "talks"
    root.mkdir()
    (root / "a.txt").write_text(transcript(interview(0)), encoding="utf-8")
    ik.write(interview(1), root / "a.json")
    out = tmp_path / "out"
    assert main(["convert", str(root), str(out), "--to", "markdown"]) == 5
    assert capsys.readouterr().err == (
        f"{out / 'a.md'}: not written for a.txt: a.json is\n"
    )
    assert ik.read(out / "a.md") == interview(1)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["OUT"], "--to is needed to convert a folder, glob or archive"),
        (["--to", "json"], "OUT must be a folder"),
        (["OUT", "--to", "json", "--jobs", "0"], "--jobs takes 1 or more, not 0"),
    ],
)
def test_convert_of_a_folder_needs_a_folder_and_a_format(
    talks: Path,
    arguments: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["convert", str(talks), *arguments]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_info_summarises_a_corpus(
    with_bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", str(with_bad)]) == 5
    captured = capsys.readouterr()
    lines = captured.out.split("\n")
    assert lines[:5] == [
        "Interviews:  24",
        "Failed:      1",
        f"Speakers:    {len(ik.read_many(with_bad, errors='skip').stats().speakers)}",
        "Turns:       192",
        lines[4],
    ]
    assert lines[6].split() == ["Role", "Speakers", "Turns", "Words", "Share"]
    assert lines[7].split()[:3] == ["interviewer", "24", "96"]
    assert lines[10].split()[:2] == ["Speaker", "Interviews"]
    assert captured.err.startswith(f"{with_bad / '0000' / '000002.json'}:2:2:")


def test_info_lists_the_top_speakers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(14):
        iv = ik.Interview(
            speakers=[ik.Speaker(id="s", name=f"Speaker {number:02d}")],
            body=[ik.Turn(speaker="s", text="word " * (number + 1))],
        )
        ik.write(iv, tmp_path / f"{number}.json")
    assert main(["info", str(tmp_path)]) == EXIT_OK
    out = capsys.readouterr().out
    listed = [line.split("  ")[0] for line in out.split("\n")[-12:-2]]
    assert listed == [f"Speaker {number:02d}" for number in range(13, 3, -1)]
    assert out.endswith("… and 4 more speakers\n")


def test_search_names_the_file_of_every_match(
    with_bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(with_bad), "versailles", "-j", "2"]) == 5
    captured = capsys.readouterr()
    expected = [
        str(hit) + "\n"
        for hit in ik.read_many(with_bad, errors="skip").search("versailles")
    ]
    assert expected
    assert captured.out == "".join(expected)
    assert captured.out.startswith(str(with_bad / "0000"))
    assert captured.err.count("\n") == 1


def test_search_of_a_folder_finds_nothing_or_fails_as_grep_does(
    talks: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(talks), "London"]) == EXIT_NO_MATCH
    assert main(["search", str(talks), "(", "--regex"]) == EXIT_USAGE
    assert "invalid regular expression" in capsys.readouterr().err
    assert main(["search", str(talks), "paris", "--speaker", "Nobody"]) == (
        EXIT_NO_MATCH
    )


def test_table_writes_the_three_tables(talks: Path, tmp_path: Path) -> None:
    turns, speakers, interviews = (
        tmp_path / f"{name}.parquet" for name in ("turns", "speakers", "interviews")
    )
    status = main(
        [
            "table",
            str(talks),
            str(turns),
            "--speakers",
            str(speakers),
            "--interviews",
            str(interviews),
            "--jobs",
            "2",
        ]
    )
    assert status == 0
    assert pq.read_table(turns).num_rows == 200
    assert pq.read_table(speakers).num_rows == 50
    assert pq.read_table(interviews).column("interview_id").to_pylist() == [
        entry.id for entry in ik.read_many(talks)
    ]


def test_table_reads_an_archive_and_a_glob(talks: Path, tmp_path: Path) -> None:
    archive = tmp_path / "talks.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for identifier, path in ik.read_many(talks).files():
            zipped.write(path, identifier)
    assert main(["table", str(archive), str(tmp_path / "a.parquet")]) == 0
    pattern = str(talks / "*" / "*.txt")
    assert main(["table", pattern, str(tmp_path / "g.parquet")]) == 0
    from_archive = pq.read_table(tmp_path / "a.parquet")
    assert from_archive.num_rows == 200
    ids = set(pq.read_table(tmp_path / "g.parquet").column("interview_id").to_pylist())
    assert ids == {e.id for e in ik.read_many(pattern)}
    assert all(identifier.endswith(".txt") for identifier in ids)


def test_a_missing_folder_or_output_is_status_four(
    talks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", str(tmp_path / "nowhere"), "t.parquet"]) == EXIT_IO_ERROR
    missing = tmp_path / "no" / "such" / "t.parquet"
    assert main(["table", str(talks), str(missing)]) == EXIT_IO_ERROR
    assert "cannot write" in capsys.readouterr().err


def _run(
    arguments: list[str], *, stderr: int = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "interviewkit", *arguments],
        stdout=subprocess.PIPE,
        stderr=stderr,
        check=False,
    )


def test_no_progress_bar_when_standard_error_is_a_pipe(with_bad: Path) -> None:
    done = _run(["info", str(with_bad)])
    assert done.returncode == EXIT_SOME_FAILED
    assert done.stdout.startswith(b"Interviews:  24\n")
    assert done.stderr.decode() == (
        f"{with_bad / '0000' / '000002.json'}:2:2: json: expecting property name "
        "enclosed in double quotes\n"
    )


def test_a_progress_bar_on_a_terminal(with_bad: Path) -> None:
    main_side, terminal = pty.openpty()
    try:
        done = _run(["info", str(with_bad)], stderr=terminal)
    finally:
        os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_side, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main_side)
    assert done.returncode == EXIT_SOME_FAILED
    text = shown.decode()
    assert "info [" in text
    assert "25/25 files, 1 failed" in text
    assert "000002.json:2:2: json: expecting property name" in text
    # The bar is cleared at the end: the last thing written erases the line.
    assert text.endswith("\r\x1b[K")


def test_table_without_pyarrow_names_the_extra(
    talks: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["table", str(talks), str(tmp_path / "t.parquet")]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "interviewkit table: error: interviewkit's tables need pyarrow: "
        "pip install 'interviewkit[arrow]'\n"
    )
    assert not (tmp_path / "t.parquet").exists()
