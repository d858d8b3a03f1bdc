"""``interviewkit pseudonymise``: a folder in, a folder out, the key apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import interviewkit as ik
from interviewkit.cli import EXIT_BAD_DATA, EXIT_OK, EXIT_USAGE, main
from tests.samples import SEED

MARIA = "INTERVIEWER: Hello Maria.\n\nMARIA LOPEZ: Hi, I am Maria Lopez. Ask Okafor.\n"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A folder of interviews in three formats, one in a sub-folder."""
    folder = tmp_path / "study"
    (folder / "school").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "school" / "maria.txt").write_text(MARIA, encoding="utf-8")
    ik.write(ik.read(SEED).excerpt(range(10, 16)), folder / "school" / "part.md")
    (folder / "notes.csv").write_text("not an interview", encoding="utf-8")
    (folder / ".hidden.txt").write_text("STAR: hidden", encoding="utf-8")
    return folder


def test_a_folder_is_pseudonymised_and_restored(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, key = tmp_path / "out", tmp_path / "key.json"
    argv = ["pseudonymise", str(study), str(out), "--key", str(key)]
    assert main([*argv, "--replace", "Okafor", "--code", "Lily Collins=Actor A"]) == 0
    assert capsys.readouterr().out == f"pseudonymised 3 interviews into {out}\n"
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*"))
    assert written == ["school", "school/maria.txt", "school/part.md", "seed.txt"]
    maria = (out / "school" / "maria.txt").read_text(encoding="utf-8")
    assert maria == "INTERVIEWER: Hello P02.\n\nP02: Hi, I am P02. Ask N01."
    everything = " ".join(p.read_text(encoding="utf-8") for p in out.rglob("*.*"))
    for name in ("Darren", "Star", "Collider", "Maria", "Lopez", "Okafor", "Lily"):
        assert name not in everything
    people = json.loads(key.read_text(encoding="utf-8"))["people"]
    assert [(p["code"], p["name"]) for p in people] == [
        ("INT", "Collider"),
        ("P01", "Darren Star"),
        ("INT2", "Interviewer"),
        ("P02", "Maria Lopez"),
        ("N01", "Okafor"),
        ("Actor A", "Lily Collins"),
    ]
    back = tmp_path / "back"
    assert (
        main(["pseudonymise", str(out), str(back), "--key", str(key), "--reverse"]) == 0
    )
    assert capsys.readouterr().out == f"restored 3 interviews into {back}\n"
    assert (back / "seed.txt").read_bytes() == SEED.read_bytes()
    assert ik.read(back / "school" / "part.md") == ik.read(study / "school" / "part.md")
    assert (back / "school" / "maria.txt").read_text(encoding="utf-8") == MARIA.rstrip(
        "\n"
    )


def test_a_second_batch_keeps_the_codes(study: Path, tmp_path: Path) -> None:
    key = tmp_path / "key.json"
    assert (
        main(["pseudonymise", str(study), str(tmp_path / "one"), "--key", str(key)])
        == 0
    )
    later = tmp_path / "later"
    later.mkdir()
    (later / "again.txt").write_text(
        "MARIA LOPEZ: Me again.\n\nDARREN STAR: Hi.", encoding="utf-8"
    )
    assert (
        main(["pseudonymise", str(later), str(tmp_path / "two"), "--key", str(key)])
        == 0
    )
    text = (tmp_path / "two" / "again.txt").read_text(encoding="utf-8")
    assert text == "P02: Me again.\n\nP01: Hi."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["{study}", "{study}", "--key", "{tmp}/k.json"],
            "must not hold the input folder",
        ),
        (["{study}", "{tmp}/out", "--key", "{tmp}/out/k.json"], "keep the key apart"),
        (["{tmp}/missing", "{tmp}/out", "--key", "{tmp}/k.json"], "not a folder"),
        (["{study}", "{tmp}/out", "--key", "{tmp}/k.json", "--reverse"], "no such key"),
        (["{study}", "{tmp}/out", "--key", "{tmp}/k.json", "--code", "x"], "KEY=VALUE"),
    ],
)
def test_usage_errors(
    argv: list[str],
    message: str,
    study: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled = [arg.format(study=study, tmp=tmp_path) for arg in argv]
    assert main(["pseudonymise", *filled]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_bad_data_stops_before_anything_is_written(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (study / "broken.json").write_text('{"format": "interviewkit",', encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(["pseudonymise", str(study), str(out), "--key", str(tmp_path / "k")]) == 3
    )
    assert "broken.json:1:" in capsys.readouterr().err
    assert not out.exists()


def test_a_key_that_does_not_fit(
    study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key, out = tmp_path / "key.json", tmp_path / "out"
    assert main(["pseudonymise", str(study), str(out), "--key", str(key)]) == EXIT_OK
    (out / "seed.txt").write_text("P01: Something else entirely.", encoding="utf-8")
    back = ["pseudonymise", str(out), str(tmp_path / "back"), "--reverse", "--key"]
    assert main([*back, str(key)]) == EXIT_BAD_DATA
    err = capsys.readouterr().err
    assert f"{out / 'seed.txt'}: the interview is not one this key pseudonymised" in err
    key.write_text("{", encoding="utf-8")
    assert main([*back, str(key)]) == EXIT_BAD_DATA
    assert f"{key}: not a pseudonym key" in capsys.readouterr().err
