"""Deepgram transcript JSON (``.json``), read only.

What Deepgram's API returns with ``diarize`` (and ``utterances``)::

    {"metadata": {...},
     "results": {"channels": [{"alternatives": [{"transcript": "...",
                    "words": [{"word": "welcome", "punctuated_word": "Welcome",
                               "start": 0.25, "end": 0.65, "confidence": 0.99,
                               "speaker": 0}, ...]}]}],
                 "utterances": [{"start": 0.25, "end": 2.1, "speaker": 0,
                                 "transcript": "Welcome back.", "words": [...]}]}}

With ``utterances``, each utterance is a `Cue`; without, the words of the
first channel's first alternative are read, one cue a run of one speaker.
Where the words of an utterance change speaker, the utterance is split
there: the speaker of each word wins. Words are written as
``punctuated_word`` when Deepgram gives it; times are seconds. Speakers
``0``, ``1`` are named ``Speaker 0``, ``Speaker 1`` until ``names=`` maps
them (``names={"0": "Ann Lee"}``).
"""

from __future__ import annotations

from typing import Any

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats._timed import OPTIONS, Segment, build, text_from_words
from interviewkit.formats._timed_json import Walker, numbered, parse
from interviewkit.model import Interview

__all__ = ["FORMAT"]

_Word = tuple[str | None, tuple[str, int, int, float | None]]


def _sniff(document: Document) -> bool:
    value = document.json()
    if type(value) is not dict or type(value.get("results")) is not dict:
        return False
    results = value["results"]
    return "channels" in results or "utterances" in results


def _words(walker: Walker, words: Any, path: str) -> list[_Word]:
    result: list[_Word] = []
    for index, word in enumerate(walker.array(words, path)):
        where = f"{path}[{index}]"
        word = walker.object(word, where)
        spelled = word.get("punctuated_word", word.get("word"))
        start_ms, end_ms = walker.span(word.get("start"), word.get("end"), where)
        result.append(
            (
                walker.label(word.get("speaker"), f"{where}.speaker"),
                (
                    walker.text(spelled, f"{where}.word"),
                    start_ms,
                    end_ms,
                    walker.confidence(word.get("confidence"), f"{where}.confidence"),
                ),
            )
        )
    return result


def _runs(words: list[_Word], label: str | None) -> list[Segment]:
    """Segments of runs of one speaker; a word without one keeps ``label``."""
    segments: list[Segment] = []
    run: list[tuple[str, int, int, float | None]] = []
    for position, (speaker, word) in enumerate(words):
        speaker = label if speaker is None else speaker
        run.append(word)
        after = words[position + 1][0] if position + 1 < len(words) else None
        if position + 1 == len(words) or (after is not None and after != speaker):
            text, placed = text_from_words(run)
            segments.append(Segment(speaker, run[0][1], run[-1][2], text, words=placed))
            run = []
            label = speaker
    return segments


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$")
    results = walker.object(root.get("results"), "$.results")
    segments: list[Segment] = []
    utterances = results.get("utterances")
    if utterances is not None:
        for index, item in enumerate(walker.array(utterances, "$.results.utterances")):
            path = f"$.results.utterances[{index}]"
            item = walker.object(item, path)
            start_ms, end_ms = walker.span(item.get("start"), item.get("end"), path)
            label = walker.label(item.get("speaker"), f"{path}.speaker")
            words = _words(walker, item.get("words", []), f"{path}.words")
            if words:
                segments += _runs(words, label)
            else:
                text = walker.text(item.get("transcript", ""), f"{path}.transcript")
                segments.append(Segment(label, start_ms, end_ms, text.strip()))
    else:
        channels = walker.array(results.get("channels"), "$.results.channels")
        if channels:
            channel = walker.object(channels[0], "$.results.channels[0]")
            path = "$.results.channels[0].alternatives"
            alternatives = walker.array(channel.get("alternatives"), path)
            if alternatives:
                best = walker.object(alternatives[0], f"{path}[0]")
                segments = _runs(
                    _words(walker, best.get("words"), f"{path}[0].words"), None
                )
    return build(segments, options, display=numbered(segments))


FORMAT = Format(
    name="deepgram",
    suffixes=(".json",),
    reader=_read,
    writer=None,
    sniff=_sniff,
    options=OPTIONS,
    description='Deepgram JSON: {"results": {"utterances" or "channels": '
    "[... words with speaker, start, end]}}",
)
