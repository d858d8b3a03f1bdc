"""The people and the blocks of an interview: speakers, turns, captions, prose."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

import attrs

from interviewkit.errors import ValidationError
from interviewkit.model._values import (
    ProseKind,
    Role,
    _non_blank,
    _not_blank,
    _optional_millis,
    _optional_non_blank,
    _optional_text,
    _text,
    _to_extras,
    _to_prose_kind,
    _to_role,
    _to_tuple,
)


@attrs.frozen(kw_only=True)
class Speaker:
    """Someone who takes part in an interview.

    Args:
        id: A stable key, unique within the interview, that turns refer to.
        name: The speaker's name as a reader would write it: ``Darren Star``.
        role: What part the speaker plays, if known.
        aliases: Other labels the speaker appears under in the source, such
            as ``DARREN STAR`` and ``STAR``.

    Example:
        >>> star = Speaker(
        ...     id="darren-star",
        ...     name="Darren Star",
        ...     role=Role.INTERVIEWEE,
        ...     aliases=("DARREN STAR", "STAR"),
        ... )
        >>> star.role
        <Role.INTERVIEWEE: 'interviewee'>

    """

    id: str = attrs.field(validator=_non_blank)
    name: str = attrs.field(validator=_non_blank)
    role: Role | None = attrs.field(default=None, converter=_to_role)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)

    @aliases.validator
    def _check_aliases(
        self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
    ) -> None:
        for index, alias in enumerate(value):
            if not isinstance(alias, str):
                raise ValidationError(
                    f"aliases must be str, not {type(alias).__name__}",
                    path=("aliases", index),
                )
            try:
                _not_blank("alias", alias)
            except ValidationError as error:
                raise ValidationError(error.message, path=("aliases", index)) from None
        if len(set(value)) != len(value):
            raise ValidationError("aliases must not repeat", path=("aliases",))


def _index(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:
        raise ValidationError(
            f"{attribute.name} must be an int of 0 or more, got {value!r}",
            path=(attribute.name,),
        )


def _millis(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:
        raise ValidationError(
            f"{attribute.name} must be an int of milliseconds, 0 or more, "
            f"got {value!r}",
            path=(attribute.name,),
        )


def _check_span(span: Cue | Word) -> None:
    if span.end < span.start:
        raise ValidationError(
            f"end ({span.end}) is before start ({span.start})", path=("end",)
        )
    if span.end_ms < span.start_ms:
        raise ValidationError(
            f"end_ms ({span.end_ms}) is before start_ms ({span.start_ms})",
            path=("end_ms",),
        )


@attrs.frozen(kw_only=True)
class Cue:
    """A timed stretch of a turn's text: a caption cue, a transcript segment.

    A turn read from a timed transcript is the run of cues one speaker
    speaks; each cue keeps where its text lies in `Turn.text` and when it was
    said, so the text stays the one source of truth and the cues can be
    written back as they were.

    Args:
        start: Where the cue's text starts in `Turn.text` (a character index).
        end: Where it ends: the index after its last character.
        start_ms: When the cue starts, in whole milliseconds.
        end_ms: When it ends; never before `start_ms`.
        id: The cue's identifier in its source, if it has one (a WebVTT cue
            id such as ``intro`` or a Teams ``uuid/12-0``).
        settings: A WebVTT cue's settings as written (``align:start``).

    Example:
        >>> turn = Turn(speaker="ann", text="Hello there. How are you?",
        ...             cues=[Cue(start=0, end=12, start_ms=0, end_ms=1500),
        ...                   Cue(start=13, end=25, start_ms=1500, end_ms=3000)])
        >>> [turn.text[cue.start:cue.end] for cue in turn.cues]
        ['Hello there.', 'How are you?']

    """

    start: int = attrs.field(validator=_index)
    end: int = attrs.field(validator=_index)
    start_ms: int = attrs.field(validator=_millis)
    end_ms: int = attrs.field(validator=_millis)
    id: str | None = attrs.field(default=None, validator=_optional_non_blank)
    settings: str | None = attrs.field(default=None, validator=_optional_non_blank)

    def __attrs_post_init__(self) -> None:
        _check_span(self)


def _confidence(
    instance: object, attribute: attrs.Attribute[float | None], value: float | None
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(
            f"confidence must be a number, not {type(value).__name__}",
            path=("confidence",),
        )
    if not 0 <= value <= 1:
        raise ValidationError(
            f"confidence must be between 0 and 1, got {value!r}", path=("confidence",)
        )


@attrs.frozen(kw_only=True)
class Word:
    """One word of a turn with its time, as speech-to-text gives them.

    Args:
        start: Where the word starts in `Turn.text` (a character index).
        end: Where it ends: the index after its last character.
        start_ms: When it was said, in whole milliseconds.
        end_ms: When it ended; never before `start_ms`.
        confidence: How sure the recogniser was, from 0 to 1, if it said.

    Example:
        >>> Word(start=0, end=5, start_ms=0, end_ms=400, confidence=0.98).end
        5

    """

    start: int = attrs.field(validator=_index)
    end: int = attrs.field(validator=_index)
    start_ms: int = attrs.field(validator=_millis)
    end_ms: int = attrs.field(validator=_millis)
    confidence: float | None = attrs.field(default=None, validator=_confidence)

    def __attrs_post_init__(self) -> None:
        _check_span(self)


def _spans(name: str, spans: tuple[Cue | Word, ...], kind: type, text: str) -> None:
    """Every span is a `kind`, inside the text, in order, not overlapping."""
    previous_end = 0
    for index, span in enumerate(spans):
        if type(span) is not kind:
            raise ValidationError(
                f"{name} must be {kind.__name__} objects, not {type(span).__name__}",
                path=(name, index),
            )
        if span.end > len(text):
            raise ValidationError(
                f"{name}[{index}] ends at {span.end}, past the end of the text "
                f"({len(text)} characters)",
                path=(name, index, "end"),
            )
        if span.start < previous_end:
            raise ValidationError(
                f"{name}[{index}] starts at {span.start}, inside the one before it "
                f"(which ends at {previous_end})",
                path=(name, index, "start"),
            )
        previous_end = span.end


@attrs.frozen(kw_only=True)
class Turn:
    """One speaker's uninterrupted contribution: a question, an answer.

    Args:
        speaker: The `Speaker.id` of the speaker, who must be in the cast of
            the interview that holds the turn.
        text: What was said. Paragraphs inside a turn are separated by
            ``"\\n\\n"``.
        label: The label exactly as the source wrote it (``"DARREN STAR"``),
            or None when the source left the turn unlabelled.
        start_ms: When the turn starts, in whole milliseconds from the start
            of the recording, if known.
        end_ms: When the turn ends, in whole milliseconds, if known; never
            before `start_ms`.
        marker: Everything the source wrote to introduce the turn, exactly:
            label, punctuation, time stamp and the white space before the
            text (``"STAR: "``, ``"[00:12:34] Q: "``, ``"Speaker 1  0:05\n"``).
            None when the source wrote nothing before the text or the turn
            was not read from a source. A writer may reuse it to give a
            document back in its own layout; it is only a hint, and a writer
            ignores a marker that no longer agrees with `label` and
            `start_ms`.
        cues: The timed stretches of the text, in order, when the turn was
            read from a timed transcript (see `Cue`).
        words: The words with their times, in order, when the source gives
            them (see `Word`).

    Example:
        >>> Turn(speaker="star", text="Yeah, it was amazing to hear that.",
        ...      label="DARREN STAR").label
        'DARREN STAR'

    """

    speaker: str = attrs.field(validator=_non_blank)
    text: str = attrs.field(validator=_text)
    label: str | None = attrs.field(default=None, validator=_optional_non_blank)
    start_ms: int | None = attrs.field(default=None, validator=_optional_millis)
    end_ms: int | None = attrs.field(default=None, validator=_optional_millis)
    marker: str | None = attrs.field(default=None, validator=_optional_text)
    cues: tuple[Cue, ...] = attrs.field(default=(), converter=_to_tuple)
    words: tuple[Word, ...] = attrs.field(default=(), converter=_to_tuple)

    def __attrs_post_init__(self) -> None:
        if (
            self.start_ms is not None
            and self.end_ms is not None
            and self.end_ms < self.start_ms
        ):
            raise ValidationError(
                f"end_ms ({self.end_ms}) is before start_ms ({self.start_ms})",
                path=("end_ms",),
            )
        if self.cues:
            _spans("cues", self.cues, Cue, self.text)
        if self.words:
            _spans("words", self.words, Word, self.text)


@attrs.frozen(kw_only=True)
class ImageCaption:
    """A picture in the article, with what is written under it.

    At least one of the three fields is set.

    Args:
        image: What identifies the image: a file name, a URL, or a slug such
            as ``emily-in-paris-season-2-lily-collins-ashley-park``.
        caption: The caption text, if any.
        credit: The credit line as written: ``Image via Netflix``.

    Example:
        >>> ImageCaption(image="emily-in-paris-darren-star-lily-collins",
        ...              credit="Image via Netflix").credit
        'Image via Netflix'

    """

    image: str | None = attrs.field(default=None, validator=_optional_non_blank)
    caption: str | None = attrs.field(default=None, validator=_optional_non_blank)
    credit: str | None = attrs.field(default=None, validator=_optional_non_blank)

    def __attrs_post_init__(self) -> None:
        if self.image is None and self.caption is None and self.credit is None:
            raise ValidationError(
                "an image caption needs at least an image, a caption or a credit"
            )


@attrs.frozen(kw_only=True)
class Prose:
    """A paragraph that is not speech: a note, an intro, a link, a closing line.

    Args:
        text: The paragraph as written.
        kind: What the paragraph is.

    Example:
        >>> Prose(text="Emily in Paris is available to stream at Netflix.",
        ...       kind=ProseKind.CLOSING).kind
        <ProseKind.CLOSING: 'closing'>

    """

    text: str = attrs.field(validator=_non_blank)
    kind: ProseKind = attrs.field(default=ProseKind.OTHER, converter=_to_prose_kind)


@attrs.frozen(kw_only=True)
class Coding:
    """A code applied to a passage of a block's text, as qualitative analysis does.

    The passage is ``text[start:end]`` of the block at `block` in
    `Interview.body`: a turn's text, a prose block's text, or a caption's
    caption.

    Args:
        block: The index of the block in `Interview.body`.
        start: Where the passage starts in the block's text.
        end: Where it ends: the index after its last character; after start.
        code: The code's name (``"housing"``, ``"Speaker: Ann Lee"``).
        memo: A note on this coding, if any.

    Example:
        >>> Coding(block=3, start=0, end=12, code="housing").code
        'housing'

    """

    block: int = attrs.field(validator=_index)
    start: int = attrs.field(validator=_index)
    end: int = attrs.field(validator=_index)
    code: str = attrs.field(validator=_non_blank)
    memo: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError(
                f"a coded passage ends after it starts, got {self.start} to {self.end}",
                path=("end",),
            )


Block: TypeAlias = Turn | ImageCaption | Prose
"""One element of `Interview.body`."""

_BLOCK_TYPES = (Turn, ImageCaption, Prose)


def coded_text(block: Block) -> str:
    """The text a `Coding` of ``block`` points into.

    A turn's text, a prose block's text, or a caption's caption (empty when
    it has none).
    """
    if type(block) is ImageCaption:
        return block.caption or ""
    return block.text  # type: ignore[union-attr]


@attrs.frozen(kw_only=True)
class Metadata:
    """Facts about an interview that are not part of its body.

    Args:
        source: Who published or recorded it: ``Collider``.
        url: Where it was published.
        date: When, preferably as an ISO 8601 date (``2021-12-22``); kept
            as written.
        language: The language of the text, as a BCP 47 tag (``en``).
        extras: Anything else, as a read-only mapping from names to a str or
            a tuple of str (tags, authors, ...).

    Example:
        >>> Metadata(source="Collider", extras={"tags": ["tv", "netflix"]}).extras
        mappingproxy({'tags': ('tv', 'netflix')})

    """

    source: str | None = attrs.field(default=None, validator=_optional_non_blank)
    url: str | None = attrs.field(default=None, validator=_optional_non_blank)
    date: str | None = attrs.field(default=None, validator=_optional_non_blank)
    language: str | None = attrs.field(default=None, validator=_optional_non_blank)
    # Excluded from the hash (a mapping cannot be hashed) but part of equality.
    extras: Mapping[str, str | tuple[str, ...]] = attrs.field(
        factory=dict, converter=_to_extras, hash=False
    )

    def __reduce__(self) -> tuple[object, ...]:
        # A mappingproxy cannot be pickled; rebuild from a plain dict.
        return (
            _rebuild_metadata,
            (self.source, self.url, self.date, self.language, dict(self.extras)),
        )


def _rebuild_metadata(
    source: str | None,
    url: str | None,
    date: str | None,
    language: str | None,
    extras: dict[str, str | tuple[str, ...]],
) -> Metadata:
    return Metadata(source=source, url=url, date=date, language=language, extras=extras)
