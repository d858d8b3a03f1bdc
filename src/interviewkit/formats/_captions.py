"""What WebVTT and SRT share: cue blocks, timing lines, and their repair.

Both formats are blocks of lines separated by blank lines; a cue block is
an optional identifier line, a timing line (``START --> END`` and, in
WebVTT, settings after it) and the lines of its text. `scan` cuts a
document into such blocks and repairs what real files break, reporting
each repair with its line (`interviewkit._report.report`): a ParseError
instead under ``strict=True``.

- A timing line that does not read (``00:01 -> 00:02``, a negative time):
  the cue keeps its text and takes the times of the cue before it.
- A cue that ends before it starts: its end becomes its start.
- A missing blank line before a cue: the cue is found all the same.
- Text with no timing line (after a stray blank line inside a cue): it
  joins the cue before it.

No cue and no line of text is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._report import report
from interviewkit._time import format_clock, parse_clock

__all__ = ["Block", "RawCue", "format_timing", "scan"]

_TIMING = re.compile(r"[ \t]*(\S+)[ \t]*(-+>)[ \t]*(\S+)(?:[ \t]+(.*?))?[ \t]*")
# The strict forms, read without parse_clock: by far the most common.
_FAST = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)[.,](\d{3})")


class RawCue:
    """A cue block as found: where, its id, times, settings and text lines."""

    __slots__ = ("end_ms", "id", "line", "lines", "settings", "start_ms")

    def __init__(
        self,
        line: int,
        id: str | None,
        start_ms: int,
        end_ms: int,
        settings: str | None,
    ) -> None:
        self.line = line
        self.id = id
        self.start_ms = start_ms
        self.end_ms = end_ms
        self.settings = settings
        self.lines: list[str] = []


class Block:
    """A block that is not a cue: a WebVTT ``NOTE``, ``STYLE`` or ``REGION``."""

    __slots__ = ("kind", "line", "text")

    def __init__(self, kind: str, text: str, line: int) -> None:
        self.kind = kind
        self.text = text
        self.line = line


_TIMING_LIKE = re.compile(r"[ \t]*-?\d[\d:.,]*[ \t]*-+>")


def _timing_like(text: str) -> bool:
    """Whether a line is meant as a timing line, even a broken one."""
    return "-->" in text or _TIMING_LIKE.match(text) is not None


def _time(text: str) -> int | None:
    match = _FAST.fullmatch(text)
    if match is None:
        return parse_clock(text)
    hours, minutes, seconds, millis = match.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(
        millis
    )


def format_timing(start_ms: int, end_ms: int, separator: str) -> str:
    """``00:00:01.000 --> 00:00:02.500`` (``,`` for SRT)."""
    return (
        f"{format_clock(start_ms, fraction='always', separator=separator)} --> "
        f"{format_clock(end_ms, fraction='always', separator=separator)}"
    )


class _Scanner:
    def __init__(self, document: Document, options: ReadOptions, srt: bool) -> None:
        self.document = document
        self.options = options
        self.srt = srt
        self.items: list[RawCue | Block] = []
        self.last: RawCue | None = None

    def warn(self, message: str, line: int, column: int = 1) -> None:
        report(self.document, self.options, message, line=line, column=column)

    def timing(self, text: str, line: int) -> tuple[int, int, str | None] | None:
        """The times and settings of a timing line; None if it is not one."""
        match = _TIMING.fullmatch(text)
        if match is None:
            return None
        start = _time(match.group(1))
        end = _time(match.group(3))
        if start is None or end is None:
            return None
        if match.group(2) != "-->" or " " not in (
            text[match.end(1)],
            text[match.start(3) - 1],
        ):
            self.warn(
                f"malformed timing line {text.strip()[:60]!r}: read as "
                f"'{match.group(1)} --> {match.group(3)}'",
                line,
                match.start(2) + 1,
            )
        if end < start:
            self.warn(
                f"the cue ends ({match.group(3)}) before it starts "
                f"({match.group(1)}); its end is taken as its start",
                line,
                match.start(3) + 1,
            )
            end = start
        return start, end, match.group(4) or None

    def new_cue(self, text: str, line: int, id: str | None) -> RawCue:
        found = self.timing(text, line)
        if found is None:
            previous = self.last.end_ms if self.last is not None else 0
            self.warn(
                f"malformed timing line {text.strip()[:60]!r}: expected "
                "'START --> END'; the cue is kept with the times of the cue before it",
                line,
            )
            found = (previous, previous, None)
        cue = RawCue(line, id, *found)
        self.items.append(cue)
        self.last = cue
        return cue

    def orphan(self, lines: list[tuple[int, str]]) -> None:
        """Text with no timing line: it joins the cue before it."""
        number = lines[0][0]
        if self.last is None:
            self.warn(
                "text before the first cue, with no timing line; "
                "kept as a cue at 00:00:00.000",
                number,
            )
            cue = RawCue(number, None, 0, 0, None)
            self.items.append(cue)
            self.last = cue
        else:
            self.warn(
                "text with no timing line (a blank line inside a cue?); "
                f"joined to the cue at line {self.last.line}",
                number,
            )
        self.last.lines.extend(text for _, text in lines)

    def looks_like_id(self, text: str) -> bool:
        stripped = text.strip()
        if self.srt:
            return stripped.isdigit()
        return (
            bool(stripped)
            and " " not in stripped
            and any(ch.isdigit() for ch in stripped)
        )

    def block(self, lines: list[tuple[int, str]]) -> None:
        """One block of lines between blank lines."""
        timed = [i for i, (_, text) in enumerate(lines) if _timing_like(text)]
        if not timed:
            first_line, first = lines[0]
            if self.srt and first.strip().isdigit() and len(lines) > 1:
                # A numbered block with no timing line: a cue all the same.
                previous = self.last.end_ms if self.last is not None else 0
                self.warn(
                    f"cue {first.strip()} has no timing line; it is kept with "
                    "the times of the cue before it",
                    lines[1][0],
                )
                cue = RawCue(first_line, first.strip(), previous, previous, None)
                cue.lines.extend(text for _, text in lines[1:])
                self.items.append(cue)
                self.last = cue
                return
            self.orphan(lines)
            return
        start = timed[0]
        before = lines[:start]
        ident: str | None = None
        if before and (not self.srt or self.looks_like_id(before[-1][1])):
            ident = before.pop()[1].strip()
        if before:
            self.orphan(before)
        for position, index in enumerate(timed):
            number, text = lines[index]
            cue = self.new_cue(text, number, ident or None)
            end = timed[position + 1] if position + 1 < len(timed) else len(lines)
            body = lines[index + 1 : end]
            ident = None
            if position + 1 < len(timed):
                next_number = lines[end][0]
                if body and self.looks_like_id(body[-1][1]):
                    next_number = body[-1][0]
                    ident = body[-1][1].strip()
                    body = body[:-1]
                self.warn(
                    "no blank line before the cue at line "
                    f"{next_number}; the cue is read all the same",
                    next_number,
                )
            cue.lines.extend(text for _, text in body)


# A well-formed cue block: an optional id line, a timing line in the strict
# form, lines of text, blank lines. A document made only of these is read
# by this one expression; anything else goes to the repairing scanner.
_FAST_CUE = re.compile(
    r"(?:([^\n]*\S[^\n]*)\n)??"
    r"(?:(\d{1,9}):)?([0-5]\d):([0-5]\d)[.,](\d{3})[ \t]+-->[ \t]+"
    r"(?:(\d{1,9}):)?([0-5]\d):([0-5]\d)[.,](\d{3})(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|\Z)"
    r"((?:[^\n]*\S[^\n]*(?:\n|\Z))*)"
    r"(?:\n+|\Z)"
)


def _fast(text: str, position: int, srt: bool) -> list[RawCue | Block] | None:
    """The cues of a well-formed document, or None if it needs repairs."""
    items: list[RawCue | Block] = []
    end = len(text)
    while position < end:
        # One attempt at each cue's start, never a search: linear in the text.
        match = _FAST_CUE.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        ident, h1, m1, s1, f1, h2, m2, s2, f2, settings, body = match.groups()
        start_ms = ((int(h1 or 0) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(f1)
        end_ms = ((int(h2 or 0) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(f2)
        if end_ms < start_ms or "->" in body:
            return None
        if ident is not None:
            if _timing_like(ident) or (srt and not ident.strip().isdigit()):
                return None
            ident = ident.strip()
        cue = RawCue(0, ident, start_ms, end_ms, settings or None)
        cue.lines.append(body.rstrip("\n"))
        items.append(cue)
    if position < end and text[position:].strip():
        return None
    return items


def scan(
    document: Document,
    options: ReadOptions,
    *,
    srt: bool,
    special: Callable[[str], str | None] | None = None,
    start: int = 0,
) -> list[RawCue | Block]:
    """Cut a document into cue blocks (and other blocks), repairing as it goes.

    Args:
        document: The document.
        options: The reading options (``strict`` makes repairs errors).
        srt: SRT's rules (identifiers are numbers) rather than WebVTT's.
        special: For WebVTT: the kind of a block that is not a cue
            (``"NOTE"``), given its first line, or None.
        start: The index of the first line to read (after a header).

    """
    text = document.text
    offset = 0
    for _ in range(start):
        offset = text.find("\n", offset) + 1
    while text.startswith("\n", offset):
        offset += 1
    if offset or start == 0:
        fast = _fast(text, offset, srt)
        if fast is not None:
            return fast
    scanner = _Scanner(document, options, srt)
    lines = text.split("\n")
    current: list[tuple[int, str]] = []
    for number in range(start + 1, len(lines) + 2):
        text = lines[number - 1] if number <= len(lines) else ""
        if text and not text.isspace():
            current.append((number, text))
            continue
        if not current:
            continue
        kind = special(current[0][1]) if special is not None else None
        if kind is not None and not any(_timing_like(line) for _, line in current):
            scanner.items.append(
                Block(kind, "\n".join(line for _, line in current), current[0][0])
            )
        else:
            scanner.block(current)
        current = []
    return scanner.items
