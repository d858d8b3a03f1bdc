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


Block: TypeAlias = Turn | ImageCaption | Prose
"""One element of `Interview.body`."""

_BLOCK_TYPES = (Turn, ImageCaption, Prose)


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
