"""Plain text: interviews as publications and transcripts lay them out.

Reading
-------
The reader takes the text as people write it. It removes a leading
byte-order mark and turns ``\\r\\n`` and ``\\r`` into ``\\n`` (the two
normalisations it makes), then cuts the text into paragraphs at blank lines.
It recognises:

- labelled turns: ``NAME: text``, ``Name: text``, ``Q:``/``A:``,
  ``INTERVIEWER:``, ``Speaker 1:``, ``Adam Jonas (AJ):`` and later ``AJ:``,
  a label alone on its line with the speech below it, and several labelled
  lines in one paragraph (``Q: ...`` then ``A: ...`` on the next line);
- time stamps as turn starts: ``[00:12:34] NAME: text``, ``(12:34) text``,
  ``Name (12:34): text``, and ``Name  0:05`` header lines above the speech as
  transcription tools export them; they become `Turn.start_ms`;
- captions, notes, links and closing lines, cast lists, and unlabelled
  questions between answers, by the rules shared with the Markdown reader
  (see ``interviewkit._reading``).

Any text reads: what is neither a turn nor a caption becomes a `Prose`
block, and no character is dropped but white space between blocks and the
markup of explicit blocks (the ``[speaker]`` headers, quotes and ``|``).
`ParseError` is raised only for a malformed explicit block (below), with
its line and column.

It honours every reading option (`interviewkit.ReadOptions`):
``interviewer``, ``interviewee``, ``roles``, ``names`` and
``infer_questions``.

Writing
-------
An interview read from text (one whose turns carry a `Turn.marker` the
writer can read back) is written in its own layout: blocks separated by a
blank line, each turn as its marker followed by its text, unlabelled turns
bare, captions and prose as written. Reading the seed and writing it gives
the seed byte for byte. What the model does not keep is normalised: the
blank lines between blocks become one, labelled lines that shared a
paragraph are written as separate paragraphs, and the document ends
without a newline unless ``newline_at_end=True``. A document whose text
begins with U+FEFF is written with a byte-order mark in front, so that
reading it keeps the character.

Any other interview is written in a canonical layout that reads back with
the same cast, turn texts, times, captions and prose in the same order. It
starts with the cast, then writes each block plainly (``Name: text``, or
``[00:00:05] Name: text`` for a turn with a start time; captions and prose
as their text) where that reads back unchanged, and as
an explicit block where it would not:

    [speaker: interviewer]
    | Collider

    "Collider":
    | A line that looks like a label:
    | STAR: but is not one.

    [prose: closing]
    | Emily in Paris is available to stream at Netflix.

    [image]
    | emily-in-paris.jpg
    [credit]
    | Image via Netflix

An explicit block is a paragraph whose first line is ``[speaker]`` or
``[speaker: ROLE]``, ``[prose]`` or ``[prose: KIND]``, ``[image]``,
``[caption]``, ``[credit]``, or a label in JSON string quotes
(``"Name":``, optionally after a ``[00:12:34]`` time stamp), and whose
other lines start with ``|``: each ``|`` line is one line of text, taken
literally after the ``|`` and one space. If a single block could not be
written plainly, the writer writes every block explicitly, so that no
heuristic can reach across blocks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading import (
    Assembler,
    CastEntry,
    LabelMatch,
    Paragraph,
    caption_from_lines,
    find_label,
    parse_cast,
    resolve,
)
from interviewkit._reading.checks import speech_notes
from interviewkit._report import report
from interviewkit._time import CLOCK, format_clock, parse_clock
from interviewkit.errors import ParseError, ValidationError
from interviewkit.formats import Format
from interviewkit.model import (
    ImageCaption,
    Interview,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
)

__all__ = ["FORMAT", "dumps"]

_QUOTED = re.compile(rf"(?:\[({CLOCK})\][ \t])?(\"(?:[^\"\\\n]|\\.){{0,2000}}\"):")
_SECTIONS = ("image", "caption", "credit")


def _blank(line: str) -> bool:
    return not line or line.isspace()


def _error(message: str, line: int, column: int) -> ParseError:
    return ParseError(message, format="text", line=line + 1, column=column + 1)


def _literal(lines: Sequence[str], first: int) -> str:
    texts = []
    for offset, line in enumerate(lines):
        if not line.startswith("|"):
            raise _error("expected a line that starts with '|'", first + offset, 0)
        texts.append(line[2:] if line.startswith("| ") else line[1:])
    return "\n".join(texts)


def _explicit_sections(
    lines: Sequence[str], first: int
) -> list[tuple[str, str | None, str, int]]:
    """Split an explicit block into (section, argument, text, line) parts."""
    sections: list[tuple[str, str | None, str, int]] = []
    start = 0
    while start < len(lines):
        header = lines[start]
        end = start + 1
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        if end == start + 1:
            raise _error("expected '|' lines after this header", first + start, 0)
        inner = header[1:-1]
        name, _, argument = inner.partition(":")
        sections.append(
            (
                name.strip(),
                argument.strip() if _ else None,
                _literal(lines[start + 1 : end], first + start + 1),
                first + start,
            )
        )
        start = end
    return sections


def _is_section_header(line: str) -> bool:
    if not (line.startswith("[") and line.endswith("]")):
        return False
    name = line[1:-1].partition(":")[0].strip()
    return name in ("speaker", "prose", *_SECTIONS)


def _explicit(lines: list[str], first: int) -> Paragraph | None:
    """Read an explicit block, or return None if the lines are not one."""
    if len(lines) < 2 or not lines[1].startswith("|"):
        return None
    head = lines[0]
    quoted = _QUOTED.fullmatch(head) if head[:1] in '["' else None
    if quoted is not None and all(line.startswith("|") for line in lines[1:]):
        try:
            name = json.loads(quoted.group(2))
        except ValueError:
            raise _error("a quoted label must be a JSON string", first, 0) from None
        if not name.strip():
            raise _error("a quoted label must not be blank", first, 0)
        return Paragraph(
            text=_literal(lines[1:], first + 1),
            line=first + 2,
            column=1,
            label=name,
            exact_label=True,
            verbatim=True,
            start_ms=parse_clock(quoted.group(1)) if quoted.group(1) else None,
        )
    if not _is_section_header(head):
        return None
    if not all(line.startswith("|") or _is_section_header(line) for line in lines):
        return None
    sections = _explicit_sections(lines, first)
    kinds = {section for section, *_ in sections}
    if kinds == {"speaker"}:
        cast = []
        for _, argument, text, line in sections:
            role = None
            if argument:
                try:
                    role = Role(argument)
                except ValueError:
                    raise _error(f"unknown role {argument!r}", line, 1) from None
            if not text.strip():
                raise _error("a speaker's name must not be blank", line + 1, 0)
            cast.append(CastEntry(name=text, role=role, final=True))
        return Paragraph(text="", line=first + 1, cast=tuple(cast))
    if kinds == {"prose"} and len(sections) == 1:
        _, argument, text, line = sections[0]
        try:
            kind = ProseKind(argument) if argument else ProseKind.OTHER
        except ValueError:
            raise _error(f"unknown prose kind {argument!r}", line, 1) from None
        if not text.strip():
            raise _error("prose must not be blank", line + 1, 0)
        return Paragraph(
            text=text, line=first + 1, block=Prose(text=text, kind=kind), verbatim=True
        )
    if kinds <= set(_SECTIONS):
        fields: dict[str, str] = {}
        for section, argument, text, line in sections:
            if argument is not None or section in fields:
                raise _error(f"unexpected [{section}] header here", line, 0)
            if not text.strip():
                raise _error(f"the {section} must not be blank", line + 1, 0)
            fields[section] = text
        return Paragraph(
            text="", line=first + 1, block=ImageCaption(**fields), verbatim=True
        )
    raise _error("a block mixes [speaker], [prose] and caption headers", first, 0)


def _paragraphs(text: str) -> list[Paragraph]:
    lines = text.split("\n")
    # One pass over the lines finds the paragraphs (runs of lines that are
    # not blank) and the label, if any, at the start of each of their lines.
    raw: list[tuple[int, int]] = []  # (first line, end line) of each paragraph
    found: list[LabelMatch | None] = [None] * len(lines)
    first = -1
    for number, line in enumerate(lines):
        if not line or line.isspace():
            if first >= 0:
                raw.append((first, number))
                first = -1
            continue
        if first < 0:
            first = number
        found[number] = find_label(line)
    if first >= 0:
        raw.append((first, len(lines)))
    assembler = Assembler()
    previous_end = 0
    for start, end in raw:
        explicit = None
        if end - start > 1 and lines[start][:1] in '["':
            explicit = _explicit(lines[start:end], start)
        if explicit is not None:
            assembler.add(explicit)
        else:
            assembler.add_lines(
                lines[start:end],
                line=start + 1,
                found=found[start:end],
                gap="\n".join(lines[previous_end:start]),
            )
        previous_end = end
    return assembler.paragraphs()


def _read(document: Document, options: ReadOptions) -> Interview:
    """Read an interview from plain text (see the module docstring)."""
    paragraphs = _paragraphs(document.text)
    interview = _build(paragraphs, options)
    for message, line in speech_notes(paragraphs, interview.body):
        report(document, options, message, line=line, column=1)
    return interview


def _interview(text: str, options: ReadOptions) -> Interview:
    return _build(_paragraphs(text), options)


def _build(paragraphs: list[Paragraph], options: ReadOptions) -> Interview:
    speakers, body = resolve(paragraphs, options)
    try:
        return Interview(speakers=speakers, body=body)
    except ValidationError as error:  # pragma: no cover - a reader bug
        raise ParseError(error.message, format="text") from error


# --- writing ------------------------------------------------------------------


def _marker_agrees(turn: Turn) -> bool:
    """Whether writing ``marker + text`` reads back as this turn's start."""
    marker = turn.marker
    if not marker:
        return False
    first, newline, rest = marker.partition("\n")
    if newline:
        if rest.strip(" \t\n") or (rest and "\n" not in rest):
            return False
        probe = first
    else:
        probe = marker + turn.text.partition("\n")[0]
    found = find_label(probe)
    return (
        found is not None
        and found.label == turn.label
        and found.start_ms == turn.start_ms
        and found.text_start == len(first)
        and found.alone == bool(newline or not turn.text)
    )


def _caption_lines(caption: ImageCaption) -> str:
    lines = [line for line in (caption.image, caption.caption) if line is not None]
    if caption.credit is not None:
        if caption.credit.startswith("(") and lines:
            lines[-1] += " " + caption.credit
        else:
            lines.append(caption.credit)
    return "\n".join(lines)


def _literal_lines(text: str) -> str:
    return "\n".join("| " + line if line else "|" for line in text.split("\n"))


def _explicit_turn(turn: Turn, name: str) -> str:
    time = f"[{format_clock(turn.start_ms)}] " if turn.start_ms is not None else ""
    quoted = json.dumps(name, ensure_ascii=False)
    return f"{time}{quoted}:\n{_literal_lines(turn.text)}"


def _explicit_block(block: Prose | ImageCaption) -> str:
    if isinstance(block, Prose):
        return f"[prose: {block.kind.value}]\n{_literal_lines(block.text)}"
    parts = []
    for section in _SECTIONS:
        value = getattr(block, section)
        if value is not None:
            parts.append(f"[{section}]\n{_literal_lines(value)}")
    return "\n".join(parts)


def _cast(speakers: Sequence[Speaker]) -> str:
    parts = []
    for speaker in speakers:
        role = f": {speaker.role.value}" if speaker.role is not None else ""
        parts.append(f"[speaker{role}]\n{_literal_lines(speaker.name)}")
    return "\n".join(parts)


def _plain_turn(turn: Turn, name: str) -> str | None:
    time = f"[{format_clock(turn.start_ms)}] " if turn.start_ms is not None else ""
    written = f"{time}{name}: {turn.text}"
    lines = written.split("\n")
    if not turn.text or turn.text != turn.text.strip() or any(map(_blank, lines)):
        return None
    found = find_label(lines[0])
    if found is None or found.label != name or found.start_ms != turn.start_ms:
        return None
    if written[found.text_start :] != turn.text and not found.alone:
        return None
    if any(find_label(line) is not None for line in lines[1:]):
        return None
    return written


def _plain_block(block: Prose | ImageCaption) -> str | None:
    text = block.text if isinstance(block, Prose) else _caption_lines(block)
    lines = text.split("\n")
    if text != text.strip() or any(map(_blank, lines)):
        return None
    if lines[0][:1] in '["|' or any(find_label(line) is not None for line in lines):
        return None
    if isinstance(block, ImageCaption):
        return text if caption_from_lines(lines) == block else None
    return text


def _canonical(interview: Interview, *, explicit: bool) -> list[str]:
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    parts = [_cast(interview.speakers)] if interview.speakers else []
    for block in interview.body:
        if isinstance(block, Turn):
            name = names[block.speaker]
            plain = None if explicit else _plain_turn(block, name)
            parts.append(plain if plain is not None else _explicit_turn(block, name))
        else:
            plain = None if explicit else _plain_block(block)
            parts.append(plain if plain is not None else _explicit_block(block))
    return parts


def _summary(interview: Interview) -> tuple[object, ...]:
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    cast = tuple((speaker.name, speaker.role) for speaker in interview.speakers)
    blocks: list[object] = []
    for block in interview.body:
        if isinstance(block, Turn):
            blocks.append((names[block.speaker], block.text, block.start_ms))
        else:
            blocks.append(block)
    return cast, tuple(blocks)


def dumps(interview: Interview, *, newline_at_end: bool = False) -> str:
    """Write an interview as plain text.

    An interview read from text comes back in its own layout; any other in
    the canonical layout (see the module docstring).

    Args:
        interview: The interview.
        newline_at_end: End the document with a newline.

    Example:
        >>> import interviewkit as ik
        >>> text = "Why Paris?\\n\\nSTAR: Why not?\\n\\nAnd Rome?\\n\\nSTAR: Later."
        >>> iv = ik.loads(text, format="text")
        >>> print(dumps(iv))
        Why Paris?
        <BLANKLINE>
        STAR: Why not?
        <BLANKLINE>
        And Rome?
        <BLANKLINE>
        STAR: Later.

    """
    turns = interview.turns
    if any(_marker_agrees(turn) for turn in turns):
        text = _source_text(interview)
    else:
        text = "\n\n".join(_canonical(interview, explicit=False))
        if _summary(_interview(text, ReadOptions())) != _summary(interview):
            text = "\n\n".join(_canonical(interview, explicit=True))
    if text.startswith("\ufeff"):
        # The reader takes a leading U+FEFF for a byte-order mark; a text that
        # starts with one keeps it behind a mark of its own.
        text = "\ufeff" + text
    return text + "\n" if newline_at_end else text


def _source_text(interview: Interview) -> str:
    """An interview read from text, in its own layout: a paragraph a block.

    Before the talk, a paragraph that would read as a cast list on its own
    (``Interviewer: Jane Doe``, a turn or prose) shares its paragraph with
    its neighbour, as it was read, so that it stays what it was; so does
    a turn after one with no speech.
    """
    body = interview.body
    names = {speaker.name for speaker in interview.speakers}
    paragraphs: list[list[str]] = []
    talk = False  # a turn in the paragraphs before the last
    for index, block in enumerate(body):
        part = _source_block(block, interview)
        previous = body[index - 1] if index else None
        if isinstance(block, Turn) and isinstance(previous, Turn) and not previous.text:
            # A label alone with no speech was read with the next label on
            # the line below it; a blank line between would make it prose.
            paragraphs[-1].append(part)
            continue
        if paragraphs and not talk and isinstance(block, Turn):
            if (
                len(interview.turns) > 1
                and parse_cast(part.split("\n\n", 1)[0].split("\n")) is not None
            ):
                # A turn that reads as a cast list when other talk follows
                # was read on the line after what comes before it.
                paragraphs[-1].append(part)
                continue
            cast = parse_cast("\n".join(paragraphs[-1]).split("\n"))
            # A cast list the reader took named the speakers; one it left
            # as it was (a turn, or prose) must stay so.
            if cast is not None and (
                len(paragraphs[-1]) > 1
                or isinstance(body[index - 1], Turn)
                or any(entry.name not in names for entry in cast)
            ):
                paragraphs[-1].append(part)
                continue
        if paragraphs:
            # A paragraph of several blocks ends with a turn.
            talk = talk or isinstance(body[index - 1], Turn)
        paragraphs.append([part])
    return "\n\n".join("\n".join(lines) for lines in paragraphs)


def _source_block(block: Turn | Prose | ImageCaption, interview: Interview) -> str:
    if isinstance(block, Prose):
        return block.text
    if isinstance(block, ImageCaption):
        return _caption_lines(block)
    if _marker_agrees(block):
        return (block.marker or "") + block.text
    if block.label is None and block.start_ms is None:
        return block.text
    label = block.label
    if label is None:
        label = next(s.name for s in interview.speakers if s.id == block.speaker)
    time = f"[{format_clock(block.start_ms)}] " if block.start_ms is not None else ""
    return f"{time}{label}: {block.text}"


FORMAT = Format(
    name="text",
    suffixes=(".txt",),
    reader=_read,
    writer=dumps,
    options=frozenset(attrs.fields_dict(ReadOptions)),
    description="Plain text as publications and transcripts lay interviews out",
)
