"""Rev.ai transcript JSON (``.json``), read only.

What Rev.ai's API returns::

    {"monologues": [{"speaker": 0, "speaker_name": "Ann Lee",
                     "elements": [{"type": "text", "value": "Welcome",
                                   "ts": 0.25, "end_ts": 0.65,
                                   "confidence": 0.99},
                                  {"type": "punct", "value": " "}, ...]}]}

Each monologue is a `Cue`, its text the elements' values as they are (Rev
writes the spaces as punctuation elements), and each timed ``text``
element a `Word`; times are seconds. Speakers are named by
``speaker_name`` when Rev has one, else ``Speaker 0``, ``Speaker 1``, until
``names=`` maps them (``names={"0": "Ann Lee"}``).
"""

from __future__ import annotations

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.formats import Format
from interviewkit.formats._timed import OPTIONS, Segment, TimedWord, build
from interviewkit.formats._timed_json import Walker, parse
from interviewkit.model import Interview

__all__ = ["FORMAT"]


def _sniff(document: Document) -> bool:
    value = document.json()
    return type(value) is dict and type(value.get("monologues")) is list


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    root = walker.object(parse(document), "$")
    segments: list[Segment] = []
    display: dict[str, str] = {}
    for index, item in enumerate(walker.array(root.get("monologues"), "$.monologues")):
        path = f"$.monologues[{index}]"
        item = walker.object(item, path)
        label = walker.label(item.get("speaker"), f"{path}.speaker")
        name = item.get("speaker_name")
        if label is not None:
            shown = name.strip() if type(name) is str and name.strip() else None
            display.setdefault(label, shown or f"Speaker {label}")
        parts: list[str] = []
        words: list[TimedWord] = []
        length = 0
        times: list[int] = []
        for position, element in enumerate(
            walker.array(item.get("elements", []), f"{path}.elements")
        ):
            where = f"{path}.elements[{position}]"
            element = walker.object(element, where)
            value = walker.text(element.get("value", ""), f"{where}.value")
            if "ts" in element and "end_ts" in element:
                start_ms, end_ms = walker.span(
                    element["ts"], element["end_ts"], where, names="ts/end_ts"
                )
                times += [start_ms, end_ms]
                if element.get("type") == "text" and value.strip():
                    confidence = walker.confidence(
                        element.get("confidence"), f"{where}.confidence"
                    )
                    words.append(
                        TimedWord(
                            length, length + len(value), start_ms, end_ms, confidence
                        )
                    )
            parts.append(value)
            length += len(value)
        text = "".join(parts)
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        words = [
            TimedWord(w.start - lead, w.end - lead, w.start_ms, w.end_ms, w.confidence)
            for w in words
        ]
        start_ms = min(times) if times else (segments[-1].end_ms if segments else 0)
        end_ms = max(times) if times else start_ms
        segments.append(Segment(label, start_ms, end_ms, text, words=words))
    return build(segments, options, display=display)


FORMAT = Format(
    name="rev",
    suffixes=(".json",),
    reader=_read,
    writer=None,
    sniff=_sniff,
    options=OPTIONS,
    description='Rev.ai JSON: {"monologues": [{"speaker", "elements": '
    '[{"type", "value", "ts", "end_ts"}]}]}',
)
