"""Digital Paper Edit JSON (``.json``), read only.

The transcript JSON of the BBC's Digital Paper Edit and the transcript
editors built on it (slate-transcript-editor)::

    {"words": [{"id": 0, "start": 1.41, "end": 1.63, "text": "So"}, ...],
     "paragraphs": [{"id": 0, "start": 1.41, "end": 4.88,
                     "speaker": "James Jacoby"}, ...]}

Speech lives in the words, speakers in the paragraphs: each word belongs
to the paragraph whose time span holds its start (the paragraph before,
for a word in a gap between two). Each paragraph is a `Cue` and each word a
`Word`; times are seconds; empty words are skipped. Consecutive paragraphs
of one speaker are one turn.
"""

from __future__ import annotations

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats._timed import OPTIONS, Segment, build, text_from_words
from interviewkit.formats._timed_json import Walker, parse
from interviewkit.model import Interview

__all__ = ["FORMAT"]


def _sniff(document: Document) -> bool:
    value = document.json()
    return (
        type(value) is dict
        and type(value.get("words")) is list
        and type(value.get("paragraphs")) is list
    )


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$")
    words: list[tuple[str, int, int, float | None]] = []
    for index, word in enumerate(walker.array(root.get("words"), "$.words")):
        path = f"$.words[{index}]"
        word = walker.object(word, path)
        text = walker.text(word.get("text"), f"{path}.text").strip()
        start_ms, end_ms = walker.span(word.get("start"), word.get("end"), path)
        if text:
            words.append((text, start_ms, end_ms, None))
    paragraphs: list[tuple[str | None, int, int]] = []
    for index, item in enumerate(walker.array(root.get("paragraphs"), "$.paragraphs")):
        path = f"$.paragraphs[{index}]"
        item = walker.object(item, path)
        start_ms, end_ms = walker.span(item.get("start"), item.get("end"), path)
        paragraphs.append(
            (walker.label(item.get("speaker"), f"{path}.speaker"), start_ms, end_ms)
        )
    if words and not paragraphs:
        walker.warn("words but no paragraphs: one speaker is assumed", "$.paragraphs")
        paragraphs.append((None, words[0][1], words[-1][2]))
    owned: list[list[tuple[str, int, int, float | None]]] = [[] for _ in paragraphs]
    current = 0
    for word in sorted(words, key=lambda word: word[1]):
        # The last paragraph that starts at or before the word's start.
        while current + 1 < len(paragraphs) and paragraphs[current + 1][1] <= word[1]:
            current += 1
        owned[current].append(word)
    segments = []
    for (label, start_ms, end_ms), mine in zip(paragraphs, owned, strict=True):
        text, placed = text_from_words(mine)
        segments.append(Segment(label, start_ms, end_ms, text, words=placed))
    return build(segments, options)


FORMAT = Format(
    name="dpe",
    suffixes=(".json",),
    reader=_read,
    writer=None,
    sniff=_sniff,
    options=OPTIONS,
    description='Digital Paper Edit JSON: {"words": [{"start", "end", "text"}], '
    '"paragraphs": [{"start", "end", "speaker"}]}',
)
