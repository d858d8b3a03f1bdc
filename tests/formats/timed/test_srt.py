"""SRT: Name: labels on change or on every cue, fractions, repairs."""

from __future__ import annotations

import pytest

import interviewkit as ik


def read(text: str, **options: object) -> ik.Interview:
    return ik.loads(text, format="srt", **options)


def turns(iv: ik.Interview) -> list[tuple[str, str]]:
    return [(iv.speaker(turn.speaker).name, turn.text) for turn in iv.turns]


ON_CHANGE = """1
00:00:03,450 --> 00:00:04,410
Bekah Hawrot Weigel: Hey, I'm
Bekah.

2
00:00:04,740 --> 00:00:05,370
Dan Ott: And I'm Dan.

3
00:00:05,849 --> 00:00:07,860
Bekah: And this is the Virtual
Coffee Podcast, like we start every Virtual

4
00:00:08.250 --> 00:00:10.500
Coffee: we introduce ourselves.
"""


def test_a_label_marks_where_the_speaker_changes() -> None:
    iv = read(ON_CHANGE)
    assert turns(iv) == [
        ("Bekah Hawrot Weigel", "Hey, I'm\nBekah."),
        ("Dan Ott", "And I'm Dan."),
        (
            "Bekah Hawrot Weigel",
            "And this is the Virtual\nCoffee Podcast, like we start every Virtual "
            "Coffee: we introduce ourselves.",
        ),
    ]
    assert iv.speaker("Bekah").aliases == ("Bekah",)
    assert [(c.start_ms, c.end_ms) for c in iv.turns[2].cues] == [
        (5849, 7860),
        (8250, 10500),
    ]


def test_the_writer_labels_changes_or_every_cue_and_reads_back() -> None:
    iv = read(ON_CHANGE)
    written = ik.dumps(iv, format="srt")
    # Two turns, and the cue "Coffee: we ...", labelled lest it read as one.
    assert written.count("Bekah Hawrot Weigel: ") == 3
    assert "Bekah Hawrot Weigel: Coffee: we introduce ourselves." in written
    assert turns(read(written)) == turns(iv)
    every = ik.dumps(iv, format="srt", speaker="every", separator=".")
    assert every.count("Bekah Hawrot Weigel: ") == 3
    assert "00:00:05.849 --> 00:00:07.860" in every
    assert turns(read(every)) == turns(iv)


def test_names_of_any_shape_read_back_when_every_cue_has_one() -> None:
    iv = ik.Interview(
        speakers=[
            ik.Speaker(id="a", name="kev"),
            ik.Speaker(id="b", name="SPEAKER_01"),
        ],
        body=[
            ik.Turn(speaker="a", text="Hey.", start_ms=0, end_ms=900),
            ik.Turn(speaker="b", text="Hi: there.", start_ms=900, end_ms=2000),
        ],
    )
    back = read(ik.dumps(iv, format="srt", speaker="every"))
    assert turns(back) == [("kev", "Hey."), ("SPEAKER_01", "Hi: there.")]


BROKEN = [
    (
        "1\n00:00:01,000 --> 00:00:02,000\nHi.\n2\n00:00:02,000 --> 00:00:03,000\nYo.\n",
        4,
        "no blank line before the cue",
    ),
    (
        "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:02,000 --> 0:x\nYo.\n",
        6,
        "malformed timing line",
    ),
    ("1\n00:00:01,000 --> 00:00:02,000\nHi.\n\nYo.\n", 5, "no timing line"),
    ("1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\nYo.\n", 6, "has no timing line"),
]


@pytest.mark.parametrize(("text", "line", "message"), BROKEN)
def test_breakage_is_repaired_with_a_warning_and_refused_when_strict(
    text: str, line: int, message: str
) -> None:
    with pytest.warns(ik.ReadWarning, match=message) as caught:
        iv = read(text)
    assert caught[0].message.line == line  # type: ignore[union-attr]
    assert "Hi." in iv.turns[0].text
    assert "Yo." in iv.turns[-1].text  # no cue is dropped
    with pytest.raises(ik.ParseError, match=message):
        read(text, strict=True)


def test_stray_spaces_and_a_byte_order_mark_are_not_errors() -> None:
    text = "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nAnn: Hi.\r\n   \r\n2\r\n"
    text += "00:00:02,000 --> 00:00:03,000\r\nBob: Yo.\r\n"
    assert turns(ik.loads(text.encode("utf-8"), format="srt")) == [
        ("Ann", "Hi."),
        ("Bob", "Yo."),
    ]


def test_a_document_without_labels_is_one_speakers() -> None:
    iv = read(
        "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nAgain.\n"
    )
    assert turns(iv) == [("Speaker", "Hello. Again.")]


def test_srt_is_told_by_its_content() -> None:
    assert (
        ik.loads("1\n00:00:01,000 --> 00:00:02,000\nAnn: Hi.\n").turns[0].text == "Hi."
    )
