"""Podlove Web Player transcript JSON (``.json``), read only.

The transcript the Podlove Web Player shows: an array of entries, each
with the speaker's contributor id and display name::

    [{"start": "00:00:00.005", "start_ms": 5, "end": "00:00:09.458",
      "end_ms": 9458, "speaker": "3", "voice": "Eric",
      "text": "Hallo und willkommen ..."}, ...]

Each entry is a `Cue`, in the order of the file (entries of a multitrack
recording overlap; their order is kept). The speaker is the ``voice``
name, with the id as an alias; ``names=`` maps either. Times are read from
``start_ms`` and ``end_ms``, or from the ``start`` and ``end`` clocks.
"""

from __future__ import annotations

from typing import Any

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._time import parse_clock
from interviewkit.formats import Format
from interviewkit.formats._timed import OPTIONS, Segment, build
from interviewkit.formats._timed_json import Walker, parse
from interviewkit.model import Interview

__all__ = ["FORMAT"]


def _sniff(document: Document) -> bool:
    value = document.json()
    if type(value) is not list or not value or type(value[0]) is not dict:
        return False
    first = value[0]
    return "text" in first and ("voice" in first or "start_ms" in first)


def _time(walker: Walker, entry: dict[str, Any], name: str, path: str) -> Any:
    """A time in seconds, from ``name_ms`` or else from the ``name`` clock."""
    millis = entry.get(f"{name}_ms")
    if type(millis) in (int, float):
        return millis / 1000  # type: ignore[operator]
    clock = entry.get(name)
    found = parse_clock(clock) if type(clock) is str else None
    if found is None:
        walker.fail(f"expected {name}_ms, or {name} as a clock", f"{path}.{name}")
    return found / 1000


def _read(document: Document, options: ReadOptions) -> Interview:
    walker = Walker(document, options)
    segments: list[Segment] = []
    display: dict[str, str] = {}
    for index, entry in enumerate(walker.array(parse(document), "$")):
        path = f"$[{index}]"
        entry = walker.object(entry, path)
        start_ms, end_ms = walker.span(
            _time(walker, entry, "start", path), _time(walker, entry, "end", path), path
        )
        label = walker.label(entry.get("speaker"), f"{path}.speaker")
        voice = walker.label(entry.get("voice"), f"{path}.voice")
        if label is None:
            label = voice
        elif voice is not None:
            display.setdefault(label, voice)
        text = walker.text(entry.get("text", ""), f"{path}.text").strip()
        segments.append(Segment(label, start_ms, end_ms, text))
    return build(segments, options, display=display)


FORMAT = Format(
    name="podlove",
    suffixes=(".json",),
    reader=_read,
    writer=None,
    sniff=_sniff,
    options=OPTIONS,
    description='Podlove Web Player JSON: [{"start_ms", "end_ms", "speaker", '
    '"voice", "text"}]',
)
