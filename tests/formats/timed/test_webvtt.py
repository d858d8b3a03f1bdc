"""WebVTT: voices, Zoom labels, ids and settings, blocks, times, repairs."""

from __future__ import annotations

import pytest

import interviewkit as ik


def read(text: str, **options: object) -> ik.Interview:
    return ik.loads(text, format="webvtt", **options)


def turns(iv: ik.Interview) -> list[tuple[str, str]]:
    return [(iv.speaker(turn.speaker).name, turn.text) for turn in iv.turns]


VOICES = """WEBVTT

00:00.500 --> 00:02.000
<v Ann Lee>Welcome back.</v>

00:02.000 --> 00:03.000
How are you?

00:03.000 --> 00:04.500
<v.loud Bob Stone>Very well
thank you &amp; you?

00:04.500 --> 00:05.000
<v Ann Lee>Good.
"""


def test_a_voice_names_the_speaker_until_another_voice() -> None:
    iv = read(VOICES)
    assert turns(iv) == [
        ("Ann Lee", "Welcome back. How are you?"),
        ("Bob Stone", "Very well\nthank you & you?"),
        ("Ann Lee", "Good."),
    ]
    first = iv.turns[0]
    assert [(cue.start_ms, cue.end_ms) for cue in first.cues] == [
        (500, 2000),
        (2000, 3000),
    ]
    assert (first.start_ms, first.end_ms, first.label) == (500, 3000, "Ann Lee")


def test_several_voices_in_one_cue_are_one_cue_each() -> None:
    iv = read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi!</v> <v B>Hello.</v>\n")
    assert turns(iv) == [("A", "Hi!"), ("B", "Hello.")]
    assert iv.turns[1].cues[0].start_ms == 1000


def test_zoom_labels_every_cue_and_any_display_name_is_a_label() -> None:
    iv = read(
        "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\nkev: Hey, June.\r\n\r\n"
        "2\r\n00:00:02.000 --> 00:00:03.000\r\nTullio | Erigon: Hi: all.\r\n\r\n"
        "3\r\n00:00:03.000 --> 00:00:04.000\r\nTullio | Erigon: Yes.\r\n"
    )
    assert turns(iv) == [("kev", "Hey, June."), ("Tullio | Erigon", "Hi: all. Yes.")]
    assert [cue.id for cue in iv.turns[1].cues] == ["2", "3"]


def test_teams_ids_settings_and_overlapping_times_are_kept() -> None:
    text = (
        "WEBVTT\n\n"
        "6d1c/12-0\n00:00:05.120 --> 00:00:07.000 align:start line:0\n"
        "<v Ann Lee>First part</v>\n\n"
        "6d1c/11-0\n00:00:04.900 --> 00:00:06.000\n<v Ann Lee>earlier part</v>\n"
    )
    iv = read(text)
    cues = iv.turns[0].cues
    assert [(c.id, c.settings, c.start_ms) for c in cues] == [
        ("6d1c/12-0", "align:start line:0", 5120),
        ("6d1c/11-0", None, 4900),
    ]
    assert ik.dumps(iv, format="webvtt", voice="every").count("<v Ann Lee>") == 2


def test_notes_become_prose_and_style_region_header_are_kept() -> None:
    text = (
        "\ufeffWEBVTT Episode 1\nLanguage: en\nKind: captions\n\n"
        "STYLE\n::cue { color: red }\n\nREGION\nid:left width:40%\n\n"
        "NOTE recorded in Paris\n\n00:01.000 --> 00:02.000\n<v A>Hi.\n"
    )
    iv = read(text)
    assert iv.title == "Episode 1"
    assert iv.metadata.language == "en"
    assert iv.metadata.extras["webvtt:header"] == ("Kind: captions",)
    assert iv.metadata.extras["webvtt:style"] == ("STYLE\n::cue { color: red }",)
    assert [block.text for block in iv.prose] == ["recorded in Paris"]
    again = ik.dumps(iv, format="webvtt")
    assert read(again) == iv
    assert "REGION\nid:left width:40%" in again


@pytest.mark.parametrize(
    ("timing", "start", "end"),
    [
        ("00:05.320 --> 00:06.000", 5320, 6000),
        ("01:00:05.320 --> 01:00:06.000", 3605320, 3606000),
        ("0:0:5.32 --> 0:0:6.5", 5320, 6500),
    ],
)
def test_every_time_form_reads(timing: str, start: int, end: int) -> None:
    cue = read(f"WEBVTT\n\n{timing}\n<v A>Hi.\n").turns[0].cues[0]
    assert (cue.start_ms, cue.end_ms) == (start, end)


def test_the_writer_puts_voices_on_change_wraps_and_escapes() -> None:
    iv = ik.Interview(
        speakers=[ik.Speaker(id="a", name="Ann")],
        body=[ik.Turn(speaker="a", text="a<b & c>d " * 6, start_ms=0, end_ms=9000)],
    )
    written = ik.dumps(iv, format="webvtt", width=20)
    assert "<v Ann>a&lt;b &amp; c&gt;d a&lt;b &amp; c&gt;d\n" in written
    assert len(written.split("-->")[1].strip().split("\n")) == 4  # timing + 3 lines
    assert turns(read(written))[0][1].split() == iv.turns[0].text.split()


BROKEN = [
    ("00:01.000 --> 00:02.000\n<v A>Hi.\n", 1, "missing WEBVTT line"),
    ("WEBVTT\n\n00:01.000 -> 00:02.000\n<v A>Hi.\n", 3, "malformed timing line"),
    ("WEBVTT\n\n00:03.000 --> 00:02.000\n<v A>Hi.\n", 3, r"ends \(00:02.000\) before"),
    ("WEBVTT\n\n-00:01.000 --> 00:02.000\n<v A>Hi.\n", 3, "malformed timing line"),
    (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi.\n2\n00:02.000 --> 00:03.000\nYo.\n",
        5,
        "no blank line before the cue",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), BROKEN)
def test_broken_files_are_repaired_with_a_warning_and_refused_when_strict(
    text: str, line: int, message: str
) -> None:
    with pytest.warns(ik.ReadWarning, match=message) as caught:
        iv = read(text)
    assert caught[0].message.line == line  # type: ignore[union-attr]
    assert "Hi." in iv.turns[0].text  # nothing is dropped
    with pytest.raises(ik.ParseError, match=message) as error:
        read(text, strict=True)
    assert error.value.line == line


def test_a_missing_blank_line_keeps_both_cues_and_the_id() -> None:
    with pytest.warns(ik.ReadWarning):
        iv = read(BROKEN[-1][0])
    cues = iv.turns[0].cues
    assert [(cue.id, cue.start_ms) for cue in cues] == [(None, 1000), ("2", 2000)]
    assert iv.turns[0].text == "Hi. Yo."


def test_reading_options_name_and_cast_the_voices() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v SPEAKER_00>Why?\n\n" + (
        "00:02.000 --> 00:03.000\n<v SPEAKER_01>Because.\n"
    )
    iv = read(text, names={"SPEAKER_00": "Ann Lee"}, roles={"SPEAKER_01": "guest"})
    assert [(s.name, s.role, s.aliases) for s in iv.speakers] == [
        ("Ann Lee", None, ("SPEAKER_00",)),
        ("SPEAKER_01", ik.Role.GUEST, ()),
    ]
    iv = read(text, interviewer="SPEAKER_00")
    assert iv.speaker("SPEAKER_00").role is ik.Role.INTERVIEWER
