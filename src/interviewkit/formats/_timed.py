"""Timed transcripts: segments in, an interview out, and back again.

Every timed format (WebVTT, SRT, Podcasting 2.0 JSON, Whisper and the
speech-to-text JSON shapes) reads through `build` and writes through
`to_cues`, so a turn means the same in all of them:

- A reader turns its format into `Segment` objects: a speaker label (or
  None: the segment continues the speaker before it), a start and an end
  in milliseconds, the text, a cue id and settings, and the words with
  their times when the source has them.
- `build` resolves the labels to speakers through the reading options
  (``names=`` maps ``SPEAKER_00`` to a name; ``roles=``, ``interviewer=``
  and ``interviewee=`` are honoured), makes consecutive segments of one
  speaker ONE turn, and keeps every segment as a `Cue` over the turn's
  text and every word as a `Word`. The segments' texts are joined with a
  space (none before a segment of punctuation alone); a line break inside
  a segment stays in the text.
- `to_cues` is the inverse for writers: the cues of each turn as they were
  read, or one cue a turn for a turn that has none, its text wrapped at a
  width where the format wants short lines.

Labels that a source writes into the text (``Name: text`` on the first line
of a cue, as Zoom and Buzzsprout do) are found by `find_prefixes` with the
reading engine's label rules; a label that is a field of the format (a
``<v Name>`` voice, a JSON ``speaker``) is taken exactly as written.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, NoReturn

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading.cast import Cast, Person
from interviewkit._reading.classify import Item
from interviewkit._reading.records import Paragraph
from interviewkit._reading.resolve import Labels, declare
from interviewkit._reading.roles import give_roles
from interviewkit._report import report
from interviewkit.errors import ParseError
from interviewkit.formats._prefixes import find_prefixes
from interviewkit.model import (
    Block,
    Cue,
    Interview,
    Metadata,
    Speaker,
    Turn,
    Word,
)

__all__ = [
    "OPTIONS",
    "OutCue",
    "Segment",
    "TimedWord",
    "build",
    "find_prefixes",
    "join_texts",
    "report_at",
    "text_from_words",
    "to_cues",
]

OPTIONS = frozenset({"interviewer", "interviewee", "roles", "names"})
"""The reading options every timed format honours (and ``strict``)."""

UNKNOWN = "Speaker"
"""The name of the speaker of segments that no label ever names."""


class TimedWord(NamedTuple):
    """A word inside a segment's text: where it is and when it was said."""

    start: int
    end: int
    start_ms: int
    end_ms: int
    confidence: float | None = None


class Segment:
    """One timed piece of a transcript, as a reader found it.

    Args:
        speaker: The speaker's label, or None: the segment continues the
            speaker before it.
        start_ms: When it starts, in milliseconds.
        end_ms: When it ends; never before ``start_ms``.
        text: What was said, without the label.
        id: The cue's id in the source, if any.
        settings: A WebVTT cue's settings, as written.
        words: The words of ``text`` with their times.
        written: The label was written into the text (``Name: text``), so
            the reading engine's alias rules apply (``Bekah`` is ``Bekah
            Hawrot Weigel``); otherwise it is a field, taken exactly.
        tentative: A written label found by its shape alone, kept only if
            the document backs it up (see `interviewkit._reading`).
    """

    __slots__ = (
        "end_ms",
        "id",
        "original",
        "settings",
        "speaker",
        "start_ms",
        "tentative",
        "text",
        "words",
        "written",
    )

    def __init__(
        self,
        speaker: str | None,
        start_ms: int,
        end_ms: int,
        text: str,
        *,
        id: str | None = None,
        settings: str | None = None,
        words: Sequence[TimedWord] = (),
        written: bool = False,
        tentative: bool = False,
    ) -> None:
        self.speaker = speaker
        self.start_ms = start_ms
        self.end_ms = end_ms
        self.text = text
        self.id = id
        self.settings = settings
        self.words = words
        self.written = written
        self.tentative = tentative
        # The text with its written label, should the label prove not one.
        self.original = text

    def __repr__(self) -> str:
        return (
            f"Segment({self.speaker!r}, {self.start_ms}, {self.end_ms}, {self.text!r})"
        )


def _punctuation(text: str) -> bool:
    """Whether ``text`` is punctuation alone, joined without a space before it."""
    return len(text) <= 3 and all(
        unicodedata.category(ch).startswith("P") and ch not in "([{¿¡“‘«\"'"
        for ch in text
    )


def separator(before: str, text: str) -> str:
    """What joins ``text`` to the turn text ``before`` it: a space or nothing."""
    if not before or not text or _punctuation(text):
        return ""
    return " "


def join_texts(texts: Iterable[str]) -> str:
    """Join segment texts into a turn's text, as `build` does.

    Example:
        >>> join_texts(["and", ",", "uh", "so", "."])
        'and, uh so.'

    """
    result = ""
    for text in texts:
        result += separator(result, text) + text
    return result


def text_from_words(
    words: Iterable[tuple[str, int, int, float | None]],
) -> tuple[str, list[TimedWord]]:
    """A segment's text made of its words, and the words placed in it.

    Each word is ``(text, start_ms, end_ms, confidence)``; they are joined
    as `join_texts` joins segments.

    Example:
        >>> words = [("Hi", 0, 200, None), (".", 200, 210, None)]
        >>> text, placed = text_from_words(words)
        >>> text, [(w.start, w.end) for w in placed]
        ('Hi.', [(0, 2), (2, 3)])

    """
    parts: list[str] = []
    placed: list[TimedWord] = []
    length = 0
    for text, start_ms, end_ms, confidence in words:
        gap = separator("x" if length else "", text)
        parts.append(gap)
        parts.append(text)
        length += len(gap)
        placed.append(
            TimedWord(length, length + len(text), start_ms, end_ms, confidence)
        )
        length += len(text)
    return "".join(parts), placed


def place_words(
    text: str, words: Iterable[tuple[str, int, int, float | None]]
) -> tuple[list[TimedWord], list[str]]:
    """Find each word in ``text``, in order; return those placed and the rest.

    A word that is not where the text goes on (a recogniser's word that
    its segment text spells otherwise) is returned for the reader to
    report: the text keeps it, only its time is lost.
    """
    placed: list[TimedWord] = []
    missing: list[str] = []
    at = 0
    for word, start_ms, end_ms, confidence in words:
        word = word.strip()
        if not word:
            continue
        found = text.find(word, at)
        if found < 0:
            missing.append(word)
            continue
        placed.append(TimedWord(found, found + len(word), start_ms, end_ms, confidence))
        at = found + len(word)
    return placed, missing


def report_at(
    document: Document, options: ReadOptions, message: str, *, path: str
) -> None:
    """`report` for JSON formats: a warning naming ``path``, a ParseError if strict."""
    if options.strict:
        raise ParseError(
            message, format=document.format, path=path, source=document.source
        )
    report(document, options, f"{message} @ {path}")


def fail_at(document: Document, message: str, *, path: str) -> NoReturn:
    """Raise the ParseError of a JSON document whose shape is wrong at ``path``."""
    raise ParseError(message, format=document.format, path=path, source=document.source)


# --- segments to an interview ----------------------------------------------------


class _Speakers:
    """Resolves labels to the people of a cast, once a label."""

    def __init__(
        self,
        options: ReadOptions,
        display: Mapping[str, str],
        segments: Sequence[Segment],
    ) -> None:
        self.options = options
        self.display = display
        written_counts: dict[str, int] = {}
        prose: list[str] = []
        for segment in segments:
            if segment.written and segment.speaker is not None:
                label = segment.speaker
                written_counts[label] = written_counts.get(label, 0) + 1
        if written_counts:
            # The engine backs a tentative label by the text that names it.
            prose = [segment.text for segment in segments]
        self.cast = Cast("\n".join(prose), written_counts)
        declare(self.cast, (), options)
        self.labels = Labels(self.cast, options, written_counts)
        self.resolved: dict[tuple[str, bool], Person | None] = {}
        self.unknown: Person | None = None

    def person(self, segment: Segment) -> Person | None:
        """The person a labelled segment names, or None if the label is not one."""
        label = segment.speaker
        assert label is not None
        cache_key = (label, segment.written)
        if cache_key in self.resolved:
            return self.resolved[cache_key]
        person: Person | None
        if segment.written and not self.options.names.get(label):
            paragraph = Paragraph(text="", label=label, tentative=segment.tentative)
            person = self.labels.person(paragraph, label)
        else:
            name = self.options.names.get(label) or self.display.get(label) or label
            name = self.options.names.get(name, name)
            person = self.cast.by_exact.get(name)
            if person is None:
                person = self.cast.add(name, exact=True)
            for alias in (label, self.display.get(label)):
                if alias and alias not in person.labels:
                    person.labels.append(alias)
        self.resolved[cache_key] = person
        return person

    def nobody(self) -> Person:
        """The speaker of segments before any label."""
        if self.unknown is None:
            self.unknown = self.cast.by_exact.get(UNKNOWN) or self.cast.add(
                UNKNOWN, exact=True
            )
        return self.unknown


class _TurnBuilder:
    """Collects the segments of one turn and builds it."""

    __slots__ = ("cues", "label", "length", "parts", "person", "words")

    def __init__(self, person: Person, label: str | None) -> None:
        self.person = person
        self.label = label
        self.parts: list[str] = []
        self.cues: list[Cue] = []
        self.words: list[Word] = []
        self.length = 0

    def add(self, segment: Segment) -> None:
        text = segment.text
        gap = " " if self.length and text and not _punctuation(text) else ""
        if gap:
            self.parts.append(gap)
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.cues.append(
            Cue(
                start=start,
                end=self.length,
                start_ms=segment.start_ms,
                end_ms=segment.end_ms,
                id=segment.id,
                settings=segment.settings,
            )
        )
        for word in segment.words:
            self.words.append(
                Word(
                    start=start + word.start,
                    end=start + word.end,
                    start_ms=word.start_ms,
                    end_ms=word.end_ms,
                    confidence=word.confidence,
                )
            )

    def turn(self) -> Turn:
        cues = self.cues
        start_ms = cues[0].start_ms
        end_ms = max(start_ms, max(cue.end_ms for cue in cues))
        return Turn(
            speaker=self.person.id,
            text="".join(self.parts),
            label=self.label,
            start_ms=start_ms,
            end_ms=end_ms,
            cues=cues,
            words=self.words,
        )


def build(
    segments: Sequence[Segment],
    options: ReadOptions,
    *,
    display: Mapping[str, str] | None = None,
    blocks: Mapping[int, Sequence[Block]] | None = None,
    title: str | None = None,
    metadata: Metadata | None = None,
) -> Interview:
    """Make an interview of timed segments.

    Args:
        segments: The segments in document order.
        options: The reading options.
        display: Names the source gives to labels (a Podlove ``voice`` for
            the speaker id ``"3"``); ``names=`` wins over them.
        blocks: Blocks that are not speech (a WebVTT ``NOTE`` as `Prose`),
            by the index of the segment they come before; ``len(segments)``
            for blocks after the last.
        title: The interview's title.
        metadata: Its metadata.

    Example:
        >>> iv = build([Segment("SPEAKER_00", 0, 900, "Hello"),
        ...             Segment(None, 900, 1500, "there."),
        ...             Segment("SPEAKER_01", 1500, 2000, "Hi!")],
        ...            ReadOptions(names={"SPEAKER_00": "Ann Lee"}))
        >>> [(turn.speaker, turn.text, len(turn.cues)) for turn in iv.turns]
        [('ann-lee', 'Hello there.', 2), ('speaker-01', 'Hi!', 1)]
        >>> iv.speakers[0].aliases
        ('SPEAKER_00',)

    """
    speakers = _Speakers(options, display or {}, segments)
    body: list[Block] = []
    items: list[Item] = []
    current: _TurnBuilder | None = None
    person: Person | None = None
    extra = blocks or {}

    def flush() -> None:
        nonlocal current
        if current is not None:
            turn = current.turn()
            body.append(turn)
            items.append(
                Item(
                    Paragraph(text=turn.text),
                    "turn",
                    person=current.person,
                    text=turn.text,
                    labelled=True,
                )
            )
            current = None

    for index, segment in enumerate(segments):
        if index in extra:
            flush()
            body.extend(extra[index])
        label = segment.speaker
        named = speakers.person(segment) if label is not None else None
        if named is None and label is not None:
            # A tentative label the document does not back: it is speech.
            segment.text = _unlabelled(segment)
            label = None
        if named is None:
            named = person if person is not None else speakers.nobody()
        if current is None or named is not current.person:
            flush()
            current = _TurnBuilder(named, label)
        person = named
        current.add(segment)
    flush()
    if len(segments) in extra:
        body.extend(extra[len(segments)])
    give_roles(speakers.cast, items, options)
    cast = tuple(person.speaker() for person in speakers.cast.people)
    return Interview(
        title=title,
        metadata=metadata or Metadata(),
        speakers=cast,
        body=body,
    )


def _unlabelled(segment: Segment) -> str:
    """The text of a segment whose written label was not one, label and all."""
    return segment.original


# --- an interview to cues, for writers ---------------------------------------------


class OutCue(NamedTuple):
    """One cue to write: whose, when, what, and where it stands in its turn."""

    speaker: Speaker
    start_ms: int
    end_ms: int
    text: str
    id: str | None = None
    settings: str | None = None
    words: tuple[tuple[str, int, int, float | None], ...] = ()
    first: bool = True  # the first cue of its turn
    turn: int = 0  # the index of its turn among the interview's turns


def _pieces(turn: Turn) -> list[tuple[Cue, str]]:
    """Each cue with its text: every character of the turn in some cue.

    Text between cues (or before the first, after the last) that is more
    than the space `build` puts between segments goes to the cue before it
    (the first cue for text before), so a writer drops nothing.
    """
    text = turn.text
    cues = turn.cues
    result: list[tuple[Cue, str]] = []
    for index, cue in enumerate(cues):
        start = 0 if index == 0 else cue.start
        end = cues[index + 1].start if index + 1 < len(cues) else len(text)
        piece = text[start:end]
        if piece != text[cue.start : cue.end]:
            piece = piece.strip()
        result.append((cue, piece))
    return result


def _words_of(
    turn: Turn, cue: Cue | None
) -> tuple[tuple[str, int, int, float | None], ...]:
    text = turn.text
    low, high = (0, len(text)) if cue is None else (cue.start, cue.end)
    return tuple(
        (text[word.start : word.end], word.start_ms, word.end_ms, word.confidence)
        for word in turn.words
        if low <= word.start and word.end <= high and word.end > word.start
    )


def to_cues(interview: Interview, *, width: int | None = None) -> list[OutCue]:
    """The cues to write for an interview, with their speakers.

    A turn's cues are written as they were read; a turn without cues is one
    cue, from its start to its end (the end of the cue before when it has
    no time), its text wrapped at ``width`` characters if given. Captions
    and prose are not in the result: each format says what it makes of
    them.

    Example:
        >>> from interviewkit import Speaker
        >>> iv = Interview(speakers=[Speaker(id="a", name="Ann")],
        ...                body=[Turn(speaker="a", text="Hello there, you.",
        ...                           start_ms=0, end_ms=900)])
        >>> [(c.speaker.name, c.text) for c in to_cues(iv, width=12)]
        [('Ann', 'Hello there,\\nyou.')]

    """
    names = {speaker.id: speaker for speaker in interview.speakers}
    result: list[OutCue] = []
    clock = 0
    turn_index = 0
    for block in interview.body:
        if type(block) is not Turn:
            continue
        speaker = names[block.speaker]
        if block.cues:
            first = True
            for cue, piece in _pieces(block):
                result.append(
                    OutCue(
                        speaker,
                        cue.start_ms,
                        cue.end_ms,
                        piece,
                        cue.id,
                        cue.settings,
                        _words_of(block, cue),
                        first,
                        turn_index,
                    )
                )
                first = False
                clock = max(clock, cue.end_ms)
        else:
            start = block.start_ms if block.start_ms is not None else clock
            end = block.end_ms if block.end_ms is not None else start
            end = max(start, end)
            text = block.text
            if width:
                text = wrap(text, width)
            result.append(
                OutCue(
                    speaker,
                    start,
                    end,
                    text,
                    words=_words_of(block, None),
                    turn=turn_index,
                )
            )
            clock = max(clock, end)
        turn_index += 1
    return result


def wrap(text: str, width: int) -> str:
    """Wrap each line of ``text`` at ``width`` characters, breaking at spaces."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
        else:
            lines.extend(
                textwrap.wrap(
                    line, width, break_long_words=False, break_on_hyphens=False
                )
                or [""]
            )
    return "\n".join(lines)
