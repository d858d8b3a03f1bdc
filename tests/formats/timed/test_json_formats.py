"""The timed JSON formats: told apart by content, read with the options,
and a wrong shape or a bad time reported at its ``$.path``."""

from __future__ import annotations

import json
from typing import Any

import pytest

import interviewkit as ik


def turns(iv: ik.Interview) -> list[tuple[str, str]]:
    return [(iv.speaker(turn.speaker).name, turn.text) for turn in iv.turns]


PODCASTING2 = {
    "version": "1.0.0",
    "segments": [
        {"speaker": "Travis", "startTime": 0.3, "endTime": 0.6, "body": "Hey,"},
        {"speaker": "Travis", "startTime": 0.6, "endTime": 0.9, "body": "uh"},
        {"startTime": 0.9, "endTime": 0.95, "body": ","},
        {"speaker": "Eric", "startTime": 1.0, "endTime": 1.5, "body": "Hi."},
    ],
}
WHISPERX = {
    "segments": [
        {
            "start": 0.0,
            "end": 1.2,
            "text": " Welcome back.",
            "speaker": "SPEAKER_00",
            "words": [
                {"word": "Welcome", "start": 0.0, "end": 0.5, "score": 0.9},
                {"word": "back.", "start": 0.5, "end": 1.2, "score": 0.8},
            ],
        },
        {
            "start": 1.2,
            "end": 2.0,
            "text": " 42 times?",
            "speaker": "SPEAKER_01",
            "words": [{"word": "42"}, {"word": "times?", "start": 1.5, "end": 2.0}],
        },
    ],
    "language": "en",
}
ASSEMBLYAI = {
    "id": "x",
    "status": "completed",
    "utterances": [
        {
            "speaker": "A",
            "start": 250,
            "end": 900,
            "text": "Hello.",
            "confidence": 0.9,
            "words": [
                {
                    "text": "Hello.",
                    "start": 250,
                    "end": 900,
                    "confidence": 0.9,
                    "speaker": "A",
                }
            ],
        },
        {
            "speaker": "B",
            "start": 900,
            "end": 1500,
            "text": "Hi there.",
            "confidence": 0.9,
            "words": [],
        },
    ],
}
DEEPGRAM = {
    "metadata": {"request_id": "x"},
    "results": {
        "utterances": [
            {
                "start": 0.1,
                "end": 1.4,
                "speaker": 0,
                "transcript": "hello there yes",
                "words": [
                    {
                        "word": "hello",
                        "punctuated_word": "Hello",
                        "start": 0.1,
                        "end": 0.4,
                        "confidence": 0.9,
                        "speaker": 0,
                    },
                    {
                        "word": "there",
                        "punctuated_word": "there.",
                        "start": 0.4,
                        "end": 0.8,
                        "confidence": 0.9,
                        "speaker": 0,
                    },
                    {
                        "word": "yes",
                        "punctuated_word": "Yes.",
                        "start": 1.0,
                        "end": 1.4,
                        "confidence": 0.7,
                        "speaker": 1,
                    },
                ],
            },
        ]
    },
}
REV = {
    "monologues": [
        {
            "speaker": 0,
            "speaker_name": "Ann Lee",
            "elements": [
                {
                    "type": "text",
                    "value": "Hello",
                    "ts": 0.5,
                    "end_ts": 0.9,
                    "confidence": 1,
                },
                {"type": "punct", "value": ","},
                {"type": "punct", "value": " "},
                {"type": "text", "value": "you", "ts": 1.0, "end_ts": 1.2},
                {"type": "punct", "value": "."},
            ],
        },
        {
            "speaker": 1,
            "elements": [
                {"type": "text", "value": "Hi", "ts": 1.3, "end_ts": 1.5},
            ],
        },
    ]
}
DPE = {
    "words": [
        {"id": 0, "start": 1.41, "end": 1.63, "text": "So"},
        {"id": 1, "start": 2.17, "end": 2.18, "text": ""},
        {"id": 2, "start": 1.63, "end": 2.1, "text": "tell"},
        {"id": 3, "start": 5.0, "end": 5.4, "text": "Sure."},
    ],
    "paragraphs": [
        {"id": 0, "start": 1.41, "end": 4.88, "speaker": "James Jacoby"},
        {"id": 1, "start": 4.88, "end": 7.2, "speaker": "Soleio Cuervo"},
    ],
}
PODLOVE = [
    {
        "start": "00:00:00.005",
        "start_ms": 5,
        "end": "00:00:09.458",
        "end_ms": 9458,
        "speaker": "3",
        "voice": "Eric",
        "text": "Hallo Simon.",
    },
    {
        "start": "00:00:09.600",
        "end": "00:00:10.800",
        "speaker": "4",
        "voice": "Simon",
        "text": "Hallo.",
    },
]

EXPECTED: list[tuple[str, Any, list[tuple[str, str]]]] = [
    ("podcasting2", PODCASTING2, [("Travis", "Hey, uh,"), ("Eric", "Hi.")]),
    (
        "whisper",
        WHISPERX,
        [("SPEAKER_00", "Welcome back."), ("SPEAKER_01", "42 times?")],
    ),
    ("assemblyai", ASSEMBLYAI, [("Speaker A", "Hello."), ("Speaker B", "Hi there.")]),
    ("deepgram", DEEPGRAM, [("Speaker 0", "Hello there."), ("Speaker 1", "Yes.")]),
    ("rev", REV, [("Ann Lee", "Hello, you."), ("Speaker 1", "Hi")]),
    ("dpe", DPE, [("James Jacoby", "So tell"), ("Soleio Cuervo", "Sure.")]),
    ("podlove", PODLOVE, [("Eric", "Hallo Simon."), ("Simon", "Hallo.")]),
]


@pytest.mark.parametrize(("name", "value", "expected"), EXPECTED)
def test_each_format_is_told_by_its_content_and_read(
    name: str, value: Any, expected: list[tuple[str, str]], tmp_path: Any
) -> None:
    path = tmp_path / "talk.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    assert ik.detect(_document(path), path=path).name == name
    iv = ik.read(path)
    assert turns(iv) == expected


def _document(path: Any) -> Any:
    from interviewkit.formats import Document

    return Document(data=path.read_bytes())


def test_words_and_cue_times_are_kept() -> None:
    iv = ik.loads(json.dumps(WHISPERX), names={"SPEAKER_00": "Ann Lee"})
    first, second = iv.turns
    assert iv.speakers[0].aliases == ("SPEAKER_00",)
    assert iv.metadata.language == "en"
    assert [
        (first.text[w.start : w.end], w.start_ms, w.confidence) for w in first.words
    ] == [
        ("Welcome", 0, 0.9),
        ("back.", 500, 0.8),
    ]
    # An untimed word keeps its text, without a Word.
    assert [second.text[w.start : w.end] for w in second.words] == ["times?"]
    dpe = ik.loads(json.dumps(DPE))
    assert [(w.start_ms, w.end_ms) for w in dpe.turns[0].words] == [
        (1410, 1630),
        (1630, 2100),
    ]
    assert dpe.turns[0].cues[0].end_ms == 4880


def test_deepgram_splits_an_utterance_where_the_word_speaker_changes() -> None:
    iv = ik.loads(json.dumps(DEEPGRAM), names={"1": "Bob Stone"})
    assert [turn.cues[0].start_ms for turn in iv.turns] == [100, 1000]
    assert iv.speakers[1].name == "Bob Stone"


def test_reading_options_give_names_and_roles() -> None:
    iv = ik.loads(
        json.dumps(ASSEMBLYAI),
        names={"A": "Ann Lee"},
        roles={"Ann Lee": "host", "Speaker B": "guest"},
    )
    assert [(s.name, s.role) for s in iv.speakers] == [
        ("Ann Lee", ik.Role.HOST),
        ("Speaker B", ik.Role.GUEST),
    ]
    podlove = ik.loads(json.dumps(PODLOVE), interviewer="Eric")
    assert podlove.speaker("Eric").role is ik.Role.INTERVIEWER
    assert podlove.speaker("3").name == "Eric"


@pytest.mark.parametrize(
    ("name", "value", "path"),
    [
        (
            "podcasting2",
            {"version": "1", "segments": [{"startTime": 1}]},
            "$.segments[0]",
        ),
        (
            "podcasting2",
            {
                "version": "1",
                "segments": [{"startTime": "1", "endTime": 2, "body": "x"}],
            },
            "$.segments[0].startTime",
        ),
        (
            "whisper",
            {"segments": [{"start": 0, "end": 1, "text": 3}]},
            "$.segments[0].text",
        ),
        ("podlove", [{"text": "x", "voice": "A", "start": "soon"}], "$[0].start"),
        (
            "dpe",
            {"words": [{"start": 0, "end": 1, "text": 1}], "paragraphs": []},
            "$.words[0].text",
        ),
        (
            "rev",
            {"monologues": [{"speaker": [], "elements": []}]},
            "$.monologues[0].speaker",
        ),
    ],
)
def test_a_wrong_shape_is_a_parse_error_at_its_path(
    name: str, value: Any, path: str
) -> None:
    with pytest.raises(ik.ParseError) as caught:
        ik.loads(json.dumps(value), format=name)
    assert caught.value.path == path


def test_bad_times_are_repaired_and_reported_at_their_path() -> None:
    value = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "A", "startTime": -1, "endTime": 2, "body": "Hi."},
            {"speaker": "A", "startTime": 5, "endTime": 3, "body": "Yo."},
        ],
    }
    with pytest.warns(ik.ReadWarning) as caught:
        iv = ik.loads(json.dumps(value))
    assert [str(w.message).split(" @ ")[1] for w in caught] == [
        "$.segments[0].startTime",
        "$.segments[1].endTime",
    ]
    assert [(c.start_ms, c.end_ms) for c in iv.turns[0].cues] == [
        (0, 2000),
        (5000, 5000),
    ]
    with pytest.raises(ik.ParseError) as error:
        ik.loads(json.dumps(value), strict=True)
    assert error.value.path == "$.segments[0].startTime"


def test_the_sniffers_never_both_say_yes() -> None:
    from interviewkit.formats import Document

    for _, value, _ in EXPECTED:
        document = Document(text=json.dumps(value))
        fits = [
            f.name
            for f in ik.formats().values()
            if ".json" in f.suffixes and f.accepts(document)
        ]
        assert len(fits) == 1


def test_the_writers_write_what_their_readers_read() -> None:
    iv = ik.loads(json.dumps(PODCASTING2))
    change = json.loads(ik.dumps(iv, format="podcasting2", speaker="change"))
    assert [s.get("speaker") for s in change["segments"]] == [
        "Travis",
        None,
        None,
        "Eric",
    ]
    assert ik.loads(json.dumps(change)) == iv
    whisper = ik.loads(ik.dumps(iv, format="whisper"))
    assert turns(whisper) == turns(iv)
