"""Podcasting 2.0 JSON transcripts (``.json``), read and written.

The JSON form of the ``<podcast:transcript>`` tag::

    {"version": "1.0.0",
     "segments": [{"speaker": "Ann Lee", "startTime": 0.5, "endTime": 2.1,
                   "body": "Welcome back."}, ...]}

Reading
-------
Each segment is a `Cue` of a turn, whether a segment holds a caption line
or a single word (Buzzsprout writes both); consecutive segments of one
speaker are one turn, and a segment without ``speaker`` continues the
speaker before it. Texts are joined with a space, and a segment of
punctuation alone (``","``) without one. Times are seconds. A negative
time or a segment that ends before it starts is repaired and reported at
its ``$.path``; a document of another shape is a `ParseError` there.

Writing
-------
``version`` ``"1.0.0"`` and one segment a cue (one a turn for a turn
without cues), with the speaker's name on every segment
(``speaker="change"``: only where it changes), times in seconds.
Title, metadata, prose and captions have no place in the format and are
not written.
"""

from __future__ import annotations

from typing import Any, Literal

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats._timed import OPTIONS, Segment, build, to_cues
from interviewkit.formats._timed_json import Walker, dump, parse, seconds
from interviewkit.model import Interview

__all__ = ["FORMAT", "dumps"]


def _sniff(document: Document) -> bool:
    value = document.json()
    if type(value) is not dict or type(value.get("segments")) is not list:
        return False
    segments = value["segments"]
    if not segments:
        return "version" in value
    first = segments[0]
    return type(first) is dict and ("body" in first or "startTime" in first)


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$", required=("segments",))
    segments = []
    for index, item in enumerate(walker.array(root["segments"], "$.segments")):
        path = f"$.segments[{index}]"
        item = walker.object(item, path, required=("startTime", "endTime", "body"))
        start_ms, end_ms = walker.span(
            item["startTime"], item["endTime"], path, names="startTime/endTime"
        )
        segments.append(
            Segment(
                walker.label(item.get("speaker"), f"{path}.speaker"),
                start_ms,
                end_ms,
                walker.text(item["body"], f"{path}.body").strip(),
            )
        )
    return build(segments, options)


def dumps(
    interview: Interview,
    *,
    speaker: Literal["every", "change"] = "every",
    indent: int | None = None,
) -> str:
    """Write an interview as Podcasting 2.0 JSON.

    Args:
        interview: The interview.
        speaker: Name the speaker on ``"every"`` segment, or only where it
            ``"change"``\\ s.
        indent: Spaces per level, or None (the default) for one line.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(speakers=[ik.Speaker(id="a", name="Ann")],
        ...     body=[ik.Turn(speaker="a", text="Hi.", start_ms=0, end_ms=1500)])
        >>> dumps(iv)
        '{"version":"1.0.0","segments":[{"speaker":"Ann","startTime":0.0,"endTime":1.5,"body":"Hi."}]}'

    """
    if speaker not in ("every", "change"):
        raise ValueError(f"speaker must be 'every' or 'change', not {speaker!r}")
    segments: list[dict[str, Any]] = []
    for cue in to_cues(interview):
        segment: dict[str, Any] = {}
        if speaker == "every" or cue.first:
            segment["speaker"] = cue.speaker.name
        segment["startTime"] = seconds(cue.start_ms)
        segment["endTime"] = seconds(cue.end_ms)
        segment["body"] = cue.text
        segments.append(segment)
    return dump({"version": "1.0.0", "segments": segments}, indent)


FORMAT = Format(
    name="podcasting2",
    suffixes=(".json",),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    options=OPTIONS,
    description='Podcasting 2.0 JSON: {"version", "segments": [{"speaker", '
    '"startTime", "endTime", "body"}]}',
)
