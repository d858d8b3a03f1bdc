"""Whisper, WhisperX and faster-whisper JSON (``.json``), read and written.

The JSON that OpenAI's Whisper (``--output_format json``), WhisperX (with
diarisation) and faster-whisper scripts write::

    {"text": "...", "language": "en",
     "segments": [{"start": 0.0, "end": 2.1, "text": " Welcome back.",
                   "speaker": "SPEAKER_00",
                   "words": [{"word": " Welcome", "start": 0.0, "end": 0.4,
                              "probability": 0.98}, ...]}, ...]}

Reading
-------
Each segment is a `Cue` and each timed word a `Word` (its ``probability``
or WhisperX's ``score`` as the confidence); consecutive segments of one
speaker are one turn, and a segment without ``speaker`` continues the one
before it. Diarised labels (``SPEAKER_00``) are names until ``names=``
maps them: ``names={"SPEAKER_00": "Ann Lee"}``. ``language`` becomes
`Metadata.language`. A word with no times (WhisperX leaves numerals
untimed) stays in the text without a `Word`; a word that is not in its
segment's text is reported. Other keys (``tokens``, ``avg_logprob``...)
are not kept.

Writing
-------
``text``, ``language`` when known, and one segment a cue (one a turn for a
turn without cues) with ``id``, ``start``, ``end``, ``text``, ``speaker``
(the speaker's name) and the cue's ``words`` with ``word``, ``start``,
``end`` and ``score``.
"""

from __future__ import annotations

from typing import Any

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats._timed import (
    OPTIONS,
    Segment,
    build,
    join_texts,
    place_words,
    to_cues,
)
from interviewkit.formats._timed_json import Walker, dump, parse, seconds
from interviewkit.model import Interview, Metadata

__all__ = ["FORMAT", "dumps"]


def _sniff(document: Document) -> bool:
    value = document.json()
    if type(value) is not dict or type(value.get("segments")) is not list:
        return False
    if "format" in value or "version" in value:
        return False
    segments = value["segments"]
    if not segments:
        return "text" in value or "language" in value
    first = segments[0]
    return type(first) is dict and "start" in first and "text" in first


def _words(
    walker: Walker, item: dict[str, Any], text: str, path: str
) -> list[tuple[str, int, int, float | None]]:
    found: list[tuple[str, int, int, float | None]] = []
    for index, word in enumerate(walker.array(item.get("words", []), f"{path}.words")):
        where = f"{path}.words[{index}]"
        word = walker.object(word, where)
        spelled = walker.text(word.get("word", word.get("text", "")), f"{where}.word")
        if "start" not in word or "end" not in word:
            continue
        start_ms, end_ms = walker.span(word["start"], word["end"], where)
        score = word.get("probability", word.get("score"))
        found.append(
            (spelled, start_ms, end_ms, walker.confidence(score, f"{where}.score"))
        )
    return found


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$", required=("segments",))
    segments = []
    for index, item in enumerate(walker.array(root["segments"], "$.segments")):
        path = f"$.segments[{index}]"
        item = walker.object(item, path, required=("start", "end", "text"))
        start_ms, end_ms = walker.span(item["start"], item["end"], path)
        text = walker.text(item["text"], f"{path}.text").strip()
        placed, missing = place_words(text, _words(walker, item, text, path))
        if missing:
            walker.warn(
                f"word {missing[0]!r} is not in the segment's text; its time is "
                "left out",
                f"{path}.words",
            )
        segments.append(
            Segment(
                walker.label(item.get("speaker"), f"{path}.speaker"),
                start_ms,
                end_ms,
                text,
                words=placed,
            )
        )
    language = root.get("language")
    metadata = Metadata(
        language=language if type(language) is str and language.strip() else None
    )
    return build(segments, options, metadata=metadata)


def dumps(interview: Interview, *, indent: int | None = 2) -> str:
    """Write an interview as Whisper JSON, with speakers as WhisperX has them.

    Args:
        interview: The interview.
        indent: Spaces per level, or None for one line.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(speakers=[ik.Speaker(id="a", name="Ann")],
        ...     body=[ik.Turn(speaker="a", text="Hi.", start_ms=0, end_ms=1500)])
        >>> print(dumps(iv, indent=None))
        {"text":"Hi.","segments":[{"id":0,"start":0.0,"end":1.5,"text":"Hi.","speaker":"Ann"}]}

    """
    segments: list[dict[str, Any]] = []
    for index, cue in enumerate(to_cues(interview)):
        segment: dict[str, Any] = {
            "id": index,
            "start": seconds(cue.start_ms),
            "end": seconds(cue.end_ms),
            "text": cue.text,
            "speaker": cue.speaker.name,
        }
        if cue.words:
            segment["words"] = [
                {
                    "word": text,
                    "start": seconds(start_ms),
                    "end": seconds(end_ms),
                    **({"score": confidence} if confidence is not None else {}),
                }
                for text, start_ms, end_ms, confidence in cue.words
            ]
        segments.append(segment)
    document: dict[str, Any] = {"text": join_texts(s["text"] for s in segments)}
    if interview.metadata.language:
        document["language"] = interview.metadata.language
    document["segments"] = segments
    return dump(document, indent)


FORMAT = Format(
    name="whisper",
    suffixes=(".json",),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    options=OPTIONS,
    description='Whisper, WhisperX or faster-whisper JSON: {"segments": '
    '[{"start", "end", "text", "speaker", "words"}]}',
)
