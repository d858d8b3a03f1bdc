"""What the writer and the reader of the writer's layout share: the layout
version, the interview-wide defaults, turn comments and time spans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

import attrs

from interviewkit._time import clock_shape, format_clock, format_shape, parse_clock
from interviewkit.errors import ParseError
from interviewkit.formats.markdown.escape import encode
from interviewkit.model import (
    Cue,
    Speaker,
    Turn,
    Word,
)

VERSION = 2
"""The version of the Markdown layout, written as ``interviewkit: 2``."""

READS = frozenset({1, 2})
"""The layout versions this release reads: 2 added cues, words and codes."""

NAME = "markdown"


# --------------------------------------------------------------------------
# Times


def format_span(start_ms: int | None, end_ms: int | None) -> str:
    """A turn's times as the writer shows them: ``[00:01:02.500–00:01:09]``."""
    start = "" if start_ms is None else format_clock(start_ms)
    if end_ms is None:
        return f"[{start}]"
    return f"[{start}–{format_clock(end_ms)}]"


# Exactly what format_span writes: hours of any length, three-digit fractions.
_TIME = r"([0-9]{1,9}:[0-5][0-9]:[0-5][0-9](?:\.[0-9]{3})?)"
SPAN = re.compile(rf" \[{_TIME}?(?:[–-]{_TIME})?\]")
"""A time span after a label, as `format_span` writes it; groups start and end."""


SPEAKER_KEYS = frozenset({"id", "name", "role", "aliases"})
"""The keys of a speaker in front matter."""


@attrs.frozen(kw_only=True)
class Layout:
    """Interview-wide defaults that spare the turns their comments."""

    unlabelled_speaker: str | None = None
    """Who speaks the turns written as bold paragraphs."""
    markers: str | None = None
    """The template of a labelled turn's marker unless its comment says
    otherwise (``markers: "{label}: "``, see `render_marker`); without it,
    markers are None."""
    timed_markers: str | None = None
    """The same for turns with a start time, when they differ
    (``timed_markers: "{label}: [{time:00:00}] "``)."""

    def marker(self, label: str | None, start_ms: int | None) -> str | None:
        """The marker a turn has unless its comment says."""
        template = self.markers
        if start_ms is not None and self.timed_markers is not None:
            template = self.timed_markers
        if template is None or label is None:
            return None
        return render_marker(template, label, start_ms)


TEXT_MARKERS = "{label}: "
"""The template ``markers: text`` stands for, as version 1 wrote it."""

_FIELD = re.compile(r"\{\{|\}\}|\{label\}|\{time:([0-9:.,]+)\}|[{}]")
_CLOCK_IN = re.compile(r"\d{1,3}(?::\d{2}){1,2}(?:[.,]\d{1,3})?")


def render_marker(template: str, label: str, start_ms: int | None) -> str | None:
    """A marker from its template: ``{label}``, ``{time:SHAPE}``, ``{{``, ``}}``.

    ``SHAPE`` is a clock's shape (``0:00:00.0``, see `format_shape`). None
    when the template needs a time the turn does not have or cannot show.

    Example:
        >>> render_marker("[{time:00:00:00}] {label}: ", "CC", 53000)
        '[00:00:53] CC: '

    """
    out: list[str] = []
    position = 0
    for match in _FIELD.finditer(template):
        out.append(template[position : match.start()])
        position = match.end()
        found = match.group()
        if found in ("{{", "}}"):
            out.append(found[0])
        elif found == "{label}":
            out.append(label)
        elif match.group(1) is not None:
            if start_ms is None:
                return None
            shown = format_shape(start_ms, match.group(1))
            if shown is None:
                return None
            out.append(shown)
        else:
            return None  # a lone brace: not a template this release writes
    out.append(template[position:])
    return "".join(out)


def marker_template(marker: str, label: str, start_ms: int | None) -> str | None:
    """The template that renders ``marker`` back from the turn, if one does.

    Example:
        >>> marker_template("Bekah  0:13  \\n", "Bekah", 13000)
        '{label}  {time:0:00}  \\n'

    """
    at = marker.find(label)
    if at < 0:
        return None
    pieces = [
        (marker[:at], True),
        ("{label}", False),
        (marker[at + len(label) :], True),
    ]
    template = ""
    timed = start_ms is None
    for text, literal in pieces:
        if not literal:
            template += text
            continue
        escaped = text.replace("{", "{{").replace("}", "}}")
        clock = None if timed else _CLOCK_IN.search(escaped)
        if clock is not None and parse_clock(clock.group()) == start_ms:
            field = f"{{time:{clock_shape(clock.group())}}}"
            escaped = escaped[: clock.start()] + field + escaped[clock.end() :]
            timed = True
        template += escaped
    return template if render_marker(template, label, start_ms) == marker else None


def speakers_by_label(speakers: Sequence[Speaker]) -> dict[str, list[str]]:
    """Which speaker ids each name or alias names."""
    named: dict[str, list[str]] = {}
    for speaker in speakers:
        for label in (speaker.name, *speaker.aliases):
            ids = named.setdefault(label, [])
            if speaker.id not in ids:
                ids.append(speaker.id)
    return named


def can_be_bold(turn: Turn) -> bool:
    return (
        turn.label is None
        and turn.marker is None
        and turn.start_ms is None
        and turn.end_ms is None
        and not turn.cues
        and not turn.words
        and turn.text != ""
        and all(turn.text.split("\n"))
    )


def write_comment(kind: str, fields: Mapping[str, Any] | None = None) -> str:
    if fields is None:
        return f"<!-- {kind} -->"
    data = json.dumps(fields, ensure_ascii=True, separators=(", ", ": "))
    # Inside a comment, "<", ">" and "&" could end it or read as markup.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<!-- {kind} {data} -->"


def heading_line(title: str) -> str:
    return "# " + encode(title, always="#")


def fail(
    message: str, *, line: int | None = None, column: int | None = None
) -> NoReturn:
    raise ParseError(message, format=NAME, line=line, column=column)


def span_fields(span: Cue | Word) -> list[Any]:
    """A cue or a word as the compact list a turn comment holds.

    ``[start, end, start_ms, end_ms]``, then a cue's id and settings or a
    word's confidence when it has them.
    """
    if type(span) is Cue:
        extra: list[Any] = [span.id, span.settings]
    else:
        extra = [span.confidence]  # type: ignore[union-attr]
    while extra and extra[-1] is None:
        extra.pop()
    return [span.start, span.end, span.start_ms, span.end_ms, *extra]


def spans_from(value: Any, kind: type[Cue] | type[Word]) -> tuple[Any, ...]:
    """Cues or words from a turn comment's lists.

    Raises:
        ValueError: If a list has the wrong shape.
        ValidationError: If a span is not valid.
    """
    names = ["start", "end", "start_ms", "end_ms"]
    names += ["id", "settings"] if kind is Cue else ["confidence"]
    if type(value) is not list:
        raise ValueError("expected a list")
    spans = []
    for item in value:
        if type(item) is not list or not 4 <= len(item) <= len(names):
            raise ValueError(f"expected lists of 4 to {len(names)} values")
        spans.append(kind(**dict(zip(names, item, strict=False))))
    return tuple(spans)
