"""What the timed JSON formats share: checked values with ``$.paths``.

A timed JSON reader walks a parsed document; `Walker` reads each value
with its type checked and its path known, so a document of the wrong shape
is a `ParseError` at ``$.segments[3].startTime``, and a time that is
negative or runs backwards is repaired and reported there (a `ReadWarning`,
or a `ParseError` under ``strict=True``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any, NoReturn

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.errors import ParseError
from interviewkit.formats._timed import Segment, fail_at, report_at

__all__ = ["Walker", "dump", "numbered", "parse", "seconds"]


def numbered(segments: Sequence[Segment]) -> dict[str, str]:
    """``Speaker A``, ``Speaker 0``: the display names of the bare speaker
    ids a speech-to-text service gives, for `build`'s ``display``."""
    return {
        segment.speaker: f"Speaker {segment.speaker}"
        for segment in segments
        if segment.speaker is not None
    }


def parse(document: Document) -> Any:
    """The parsed document, or the ParseError that says where its syntax fails."""
    value = document.json()
    if value is not None:
        return value
    try:
        return json.loads(document.text)
    except json.JSONDecodeError as error:
        raise ParseError(
            error.msg.lower().removesuffix(" at"),
            format=document.format,
            line=error.lineno,
            column=error.colno,
            source=document.source,
        ) from None
    except (ValueError, RecursionError):
        raise ParseError(
            "not a JSON document", format=document.format, line=1, column=1
        ) from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "boolean", int: "integer", float: "number", str: "string"}
    names.update({list: "array", dict: "object"})
    return names.get(type(value), type(value).__name__)


class Walker:
    """Reads the values of one JSON document, checked, with their paths."""

    def __init__(self, document: Document, options: ReadOptions) -> None:
        self.document = document
        self.options = options

    def fail(self, message: str, path: str) -> NoReturn:
        fail_at(self.document, message, path=path)

    def warn(self, message: str, path: str) -> None:
        report_at(self.document, self.options, message, path=path)

    def object(
        self, value: Any, path: str, *, required: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """``value`` as an object, with every key of ``required`` in it."""
        if type(value) is not dict:
            self.fail(f"expected an object, got {_kind(value)}", path)
        for key in required:
            if key not in value:
                self.fail(f"missing key {key!r}", path)
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if type(value) is not list:
            self.fail(f"expected an array, got {_kind(value)}", path)
        return value

    def text(self, value: Any, path: str) -> str:
        if type(value) is not str:
            self.fail(f"expected a string, got {_kind(value)}", path)
        return value

    def label(self, value: Any, path: str) -> str | None:
        """A speaker label: a string or an integer (``0``), or None."""
        if value is None:
            return None
        if type(value) is int:
            return str(value)
        if type(value) is not str:
            self.fail(
                f"expected a speaker as a string or integer, got {_kind(value)}", path
            )
        return value.strip() or None

    def confidence(self, value: Any, path: str) -> float | None:
        if value is None:
            return None
        if type(value) not in (int, float):
            self.fail(f"expected a number, got {_kind(value)}", path)
        if not 0 <= value <= 1:
            self.warn(f"confidence {value!r} is not between 0 and 1; left out", path)
            return None
        return float(value)

    def time(self, value: Any, path: str, *, unit: int = 1000) -> int:
        """A time in seconds (``unit=1000``) or milliseconds (``unit=1``), in ms."""
        if type(value) not in (int, float) or not math.isfinite(value):
            self.fail(f"expected a number of seconds, got {_kind(value)}", path)
        ms: int = round(value * unit)
        if ms < 0:
            self.warn(f"negative time {value!r}; read as 0", path)
            return 0
        return ms

    def span(
        self, start: Any, end: Any, path: str, *, unit: int = 1000, names: str = ""
    ) -> tuple[int, int]:
        """A start and an end, the end never before the start."""
        first, second = names.split("/") if names else ("start", "end")
        start_ms = self.time(start, f"{path}.{first}", unit=unit)
        end_ms = self.time(end, f"{path}.{second}", unit=unit)
        if end_ms < start_ms:
            self.warn(
                f"ends ({end!r}) before it starts ({start!r}); its end is taken "
                "as its start",
                f"{path}.{second}",
            )
            end_ms = start_ms
        return start_ms, end_ms


def seconds(ms: int) -> float:
    """Milliseconds as JSON seconds: ``1500`` is ``1.5``."""
    return ms / 1000


def dump(value: Any, indent: int | None) -> str:
    """A JSON document as the writers write it: UTF-8 text, not escaped."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
