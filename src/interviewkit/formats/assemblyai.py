"""AssemblyAI transcript JSON (``.json``), read only.

What AssemblyAI's API returns for a transcript with ``speaker_labels``::

    {"id": "...", "status": "completed", "text": "...",
     "utterances": [{"speaker": "A", "start": 250, "end": 2100,
                     "text": "Welcome back.", "confidence": 0.97,
                     "words": [{"text": "Welcome", "start": 250, "end": 650,
                                "confidence": 0.99, "speaker": "A"}, ...]}],
     "words": [...]}

Each utterance is a `Cue` and each word a `Word`; times are milliseconds.
Speakers ``A``, ``B`` are named ``Speaker A``, ``Speaker B`` as AssemblyAI
shows them, until ``names=`` maps them (``names={"A": "Ann Lee"}``). A
transcript without ``utterances`` (no speaker labels) is read from its
``words``, one cue a run of one speaker.
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


def _sniff(document: Document) -> bool:
    value = document.json()
    if type(value) is not dict or "paragraphs" in value or "results" in value:
        return False
    return "utterances" in value or (
        type(value.get("words")) is list
        and ("audio_duration" in value or "acoustic_model" in value)
    )


def _word_list(
    walker: Walker, words: Any, path: str
) -> list[tuple[str | None, tuple[str, int, int, float | None]]]:
    result = []
    for index, word in enumerate(walker.array(words, path)):
        where = f"{path}[{index}]"
        word = walker.object(word, where)
        start_ms, end_ms = walker.span(
            word.get("start"), word.get("end"), where, unit=1
        )
        result.append(
            (
                walker.label(word.get("speaker"), f"{where}.speaker"),
                (
                    walker.text(word.get("text"), f"{where}.text"),
                    start_ms,
                    end_ms,
                    walker.confidence(word.get("confidence"), f"{where}.confidence"),
                ),
            )
        )
    return result


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$")
    segments: list[Segment] = []
    utterances = root.get("utterances")
    if utterances is not None:
        for index, item in enumerate(walker.array(utterances, "$.utterances")):
            path = f"$.utterances[{index}]"
            item = walker.object(item, path)
            start_ms, end_ms = walker.span(
                item.get("start"), item.get("end"), path, unit=1
            )
            words = _word_list(walker, item.get("words", []), f"{path}.words")
            if words:
                text, placed = text_from_words(word for _, word in words)
            else:
                text, placed = walker.text(item.get("text"), f"{path}.text").strip(), []
            label = walker.label(item.get("speaker"), f"{path}.speaker")
            segments.append(Segment(label, start_ms, end_ms, text, words=placed))
    else:
        words = _word_list(walker, root.get("words"), "$.words")
        run: list[tuple[str, int, int, float | None]] = []
        for position, (label, word) in enumerate(words):
            run.append(word)
            if position + 1 == len(words) or words[position + 1][0] != label:
                text, placed = text_from_words(run)
                segments.append(
                    Segment(label, run[0][1], run[-1][2], text, words=placed)
                )
                run = []
    return build(segments, options, display=numbered(segments))


FORMAT = Format(
    name="assemblyai",
    suffixes=(".json",),
    reader=_read,
    writer=None,
    sniff=_sniff,
    options=OPTIONS,
    description='AssemblyAI JSON: {"utterances": [{"speaker", "start", "end", '
    '"text", "words"}]}',
)
