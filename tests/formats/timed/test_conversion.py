"""The command line converts timed transcripts, speakers kept."""

from __future__ import annotations

import itertools
from pathlib import Path

import interviewkit as ik
from interviewkit import cli

TALK = """WEBVTT

intro
00:00:00.500 --> 00:00:02.000 align:start
<v Ann Lee>Welcome back.

00:00:02.000 --> 00:00:03.500
Today: Paris.

00:00:03.500 --> 00:00:05.000
<v Bob Stone>Thanks &amp; hello.
"""


def test_convert_vtt_to_srt_keeps_the_speakers(tmp_path: Path) -> None:
    (tmp_path / "talk.vtt").write_text(TALK, encoding="utf-8")
    assert (
        cli.main(["convert", str(tmp_path / "talk.vtt"), str(tmp_path / "talk.srt")])
        == cli.EXIT_OK
    )
    srt = (tmp_path / "talk.srt").read_text(encoding="utf-8")
    assert "Ann Lee: Welcome back." in srt
    assert "Bob Stone: Thanks & hello." in srt
    back = ik.read(tmp_path / "talk.srt")
    assert [(back.speaker(t.speaker).name, t.text) for t in back.turns] == [
        ("Ann Lee", "Welcome back. Today: Paris."),
        ("Bob Stone", "Thanks & hello."),
    ]


def test_vtt_through_markdown_and_json_gives_back_every_cue(tmp_path: Path) -> None:
    (tmp_path / "talk.vtt").write_text(TALK, encoding="utf-8")
    chain = ["talk.vtt", "talk.md", "talk.json", "back.vtt"]
    for source, target in itertools.pairwise(chain):
        status = cli.main(["convert", str(tmp_path / source), str(tmp_path / target)])
        assert status == cli.EXIT_OK
    assert (tmp_path / "back.vtt").read_text(encoding="utf-8") == TALK
