"""The interview model: frozen, validated attrs classes with no I/O.

An `Interview` holds a cast of `Speaker` objects and a `body`: the blocks of
the interview in reading order. A block is a `Turn` (someone speaking), an
`ImageCaption` (a picture's caption and credit) or a `Prose` paragraph
(everything that is not speech: editor's notes, intros, links, closing lines).

Every class is frozen, slotted and keyword-only, and checks its invariants
when built, so an invalid interview cannot exist. Change one with
`attrs.evolve`, which validates the new object again.

Text in the model uses ``"\\n"`` for line breaks only; a carriage return is
rejected. Readers normalise ``"\\r\\n"`` and ``"\\r"`` before building.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from interviewkit.errors import ValidationError

if TYPE_CHECKING:
    # The query module imports the model; the methods below import it lazily.
    from interviewkit.query import Match, QAPair, Stats

__all__ = [
    "Block",
    "ImageCaption",
    "Interview",
    "Metadata",
    "Prose",
    "ProseKind",
    "Role",
    "Speaker",
    "Turn",
]


class Role(str, enum.Enum):
    """What part a speaker plays in an interview.

    The value of each member is its lowercase name, so ``Role("host")`` is
    `Role.HOST`.

    Example:
        >>> Role("interviewee") is Role.INTERVIEWEE
        True

    """

    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    HOST = "host"
    GUEST = "guest"
    MODERATOR = "moderator"
    PANELIST = "panelist"
    NARRATOR = "narrator"
    INTERPRETER = "interpreter"
    AUDIENCE = "audience"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class ProseKind(str, enum.Enum):
    """What a `Prose` block is, in the article around the talk.

    Example:
        >>> ProseKind("related")
        <ProseKind.RELATED: 'related'>

    """

    EDITORS_NOTE = "editors_note"
    """A note from the editor, such as a spoiler warning."""
    INTRO = "intro"
    """A standfirst or introduction before the talk."""
    RELATED = "related"
    """A link to another article: ``RELATED: ...``, ``READ MORE: ...``."""
    CLOSING = "closing"
    """A closing line after the talk: where to watch, how it was edited."""
    OTHER = "other"
    """Any other paragraph that is not speech."""

    def __str__(self) -> str:
        return self.value


def _check_text(name: str, value: str) -> None:
    if "\r" in value:
        raise ValidationError(
            f"{name} must use '\\n' line breaks only, not '\\r'", path=(name,)
        )


def _not_blank(name: str, value: str) -> None:
    if not value.strip():
        raise ValidationError(f"{name} must not be empty or blank", path=(name,))
    _check_text(name, value)


def _explain(name: str, value: object, *, blank_ok: bool) -> None:
    """Raise the ValidationError that says why ``value`` is not valid text."""
    if not isinstance(value, str):
        raise ValidationError(
            f"{name} must be a str, not {type(value).__name__}", path=(name,)
        )
    if blank_ok:
        _check_text(name, value)
    else:
        _not_blank(name, value)


# The validators below run for every block of every interview read, so the
# valid case is one inline test; only an invalid value pays for the message.


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or "\r" in value:
        _explain(attribute.name, value, blank_ok=True)


def _optional_text(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (type(value) is not str or "\r" in value):
        _explain(attribute.name, value, blank_ok=True)


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or "\r" in value or not value.strip():
        _explain(attribute.name, value, blank_ok=False)


def _optional_non_blank(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (
        type(value) is not str or "\r" in value or not value.strip()
    ):
        _explain(attribute.name, value, blank_ok=False)


def _optional_millis(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None or (type(value) is int and value >= 0):
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be an int of milliseconds, "
            f"not {type(value).__name__}",
            path=(attribute.name,),
        )
    if value < 0:
        raise ValidationError(
            f"{attribute.name} must not be negative, got {value}",
            path=(attribute.name,),
        )


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str):
        # A bare string would become a tuple of characters: refuse it.
        raise ValidationError("expected a sequence, not a str")
    return tuple(value)


def _to_role(value: Role | str | None) -> Role | None:
    if value is None or isinstance(value, Role):
        return value
    try:
        return Role(value)
    except ValueError:
        known = ", ".join(role.value for role in Role)
        raise ValidationError(
            f"unknown role {value!r}; known roles: {known}", path=("role",)
        ) from None


def _to_prose_kind(value: ProseKind | str) -> ProseKind:
    if isinstance(value, ProseKind):
        return value
    try:
        return ProseKind(value)
    except ValueError:
        known = ", ".join(kind.value for kind in ProseKind)
        raise ValidationError(
            f"unknown prose kind {value!r}; known kinds: {known}", path=("kind",)
        ) from None


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


def _to_extras(value: object) -> Mapping[str, str | tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ValidationError(
            f"extras must be a mapping, not {type(value).__name__}", path=("extras",)
        )
    extras: dict[str, str | tuple[str, ...]] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise ValidationError(
                f"extras keys must be non-empty str, got {key!r}", path=("extras",)
            )
        _check_text("extras keys", key)
        if isinstance(item, str):
            _check_text(f"extras[{key!r}]", item)
            extras[key] = item
        elif isinstance(item, (list, tuple)) and all(isinstance(v, str) for v in item):
            for value in item:
                _check_text(f"extras[{key!r}]", str(value))
            extras[key] = tuple(item)
        else:
            raise ValidationError(
                f"extras values must be str or a sequence of str, "
                f"got {type(item).__name__}",
                path=("extras", key),
            )
    return MappingProxyType(extras)


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


@attrs.frozen(kw_only=True)
class Interview:
    """An interview: its cast and its body of turns, captions and prose.

    Args:
        title: The headline, if any.
        metadata: Source, URL, date, language and free-form extras.
        speakers: The cast; every `Speaker.id` is unique.
        body: The blocks in reading order; every turn's speaker is in the
            cast.

    Raises:
        ValidationError: If a speaker id repeats, a turn names a speaker
            who is not in the cast, or a field is invalid.

    Example:
        >>> iv = Interview(
        ...     speakers=(Speaker(id="collider", name="Collider"),
        ...               Speaker(id="star", name="Darren Star")),
        ...     body=(Turn(speaker="collider", text="Congrats!"),
        ...           Turn(speaker="star", text="Thank you.")),
        ... )
        >>> [turn.speaker for turn in iv.turns]
        ['collider', 'star']

    """

    title: str | None = attrs.field(default=None, validator=_optional_non_blank)
    metadata: Metadata = attrs.field(factory=Metadata)
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_to_tuple)
    body: tuple[Block, ...] = attrs.field(default=(), converter=_to_tuple)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.metadata, Metadata):
            raise ValidationError(
                f"metadata must be a Metadata, not {type(self.metadata).__name__}",
                path=("metadata",),
            )
        ids: set[str] = set()
        for index, speaker in enumerate(self.speakers):
            if not isinstance(speaker, Speaker):
                raise ValidationError(
                    f"speakers must be Speaker objects, not {type(speaker).__name__}",
                    path=("speakers", index),
                )
            if speaker.id in ids:
                raise ValidationError(
                    f"speaker id {speaker.id!r} is used twice",
                    path=("speakers", index, "id"),
                )
            ids.add(speaker.id)
        for index, block in enumerate(self.body):
            if not isinstance(block, _BLOCK_TYPES):
                raise ValidationError(
                    "body blocks must be Turn, ImageCaption or Prose, "
                    f"not {type(block).__name__}",
                    path=("body", index),
                )
            if type(block) is Turn and block.speaker not in ids:
                raise ValidationError(
                    f"turn speaker {block.speaker!r} is not in the cast",
                    path=("body", index, "speaker"),
                )

    @property
    def turns(self) -> tuple[Turn, ...]:
        """The turns of the body, in order."""
        return tuple(block for block in self.body if type(block) is Turn)

    @property
    def captions(self) -> tuple[ImageCaption, ...]:
        """The image captions of the body, in order."""
        return tuple(block for block in self.body if type(block) is ImageCaption)

    @property
    def prose(self) -> tuple[Prose, ...]:
        """The prose blocks of the body, in order."""
        return tuple(block for block in self.body if type(block) is Prose)

    # The queries live in interviewkit.query, which imports this module: the
    # methods import it when called, so neither import needs the other first.

    def speaker(self, key: str) -> Speaker:
        """Find a speaker by id, name or alias.

        Case, accents and runs of white space do not matter; an exact id
        wins, then an exact name or alias.

        Args:
            key: An id, a name or an alias.

        Returns:
            The speaker.

        Raises:
            SpeakerLookupError: A `KeyError`: no speaker has this key (the
                message names the closest ones), or several do.

        Example:
            >>> iv = Interview(speakers=[Speaker(id="darren-star",
            ...     name="Darren Star", aliases=["DARREN STAR", "STAR"])])
            >>> iv.speaker("star").name
            'Darren Star'
            >>> iv.speaker("darrén  star").id
            'darren-star'

        """
        from interviewkit import query

        return query.find_speaker(self, key)

    def turns_by(
        self, *speakers: str | Speaker, role: Role | str | None = None
    ) -> tuple[Turn, ...]:
        """The turns of some speakers, or of every speaker with a role.

        Args:
            *speakers: Speakers by id, name or alias, or as `Speaker` objects.
            role: Also take the turns of every speaker with this role.

        Returns:
            The turns, in order; empty when no speaker or role is given.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="q", name="Collider", role="interviewer"),
            ...               Speaker(id="a", name="Darren Star")],
            ...     body=[Turn(speaker="q", text="Why Paris?"),
            ...           Turn(speaker="a", text="Why not?")],
            ... )
            >>> [turn.text for turn in iv.turns_by("darren star")]
            ['Why not?']
            >>> [turn.text for turn in iv.turns_by(role=Role.INTERVIEWER)]
            ['Why Paris?']

        """
        from interviewkit import query

        return query.turns_by(self, *speakers, role=role)

    def search(
        self,
        pattern: str,
        *,
        speaker: str | Speaker | None = None,
        regex: bool = False,
        ignore_case: bool = True,
        whole_word: bool = False,
        include_prose: bool = False,
        include_captions: bool = False,
        context: int = 30,
    ) -> tuple[Match, ...]:
        """Find text in the turns (and, on request, prose and captions).

        See `interviewkit.query.search` for every option.

        Args:
            pattern: Literal text, or a regular expression when ``regex``.
            speaker: Search only this speaker's turns.
            regex: Read ``pattern`` as a Python regular expression.
            ignore_case: Match regardless of case.
            whole_word: Match only whole words.
            include_prose: Search prose blocks too.
            include_captions: Search captions (image, caption, credit) too.
            context: Characters of context on each side in the snippet.

        Returns:
            The `Match` objects, in body order.

        Raises:
            PatternError: An empty pattern or an invalid regular expression.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="a", name="Darren Star")],
            ...     body=[Turn(speaker="a", text="It was filmed in one day.")],
            ... )
            >>> [str(match) for match in iv.search("ONE DAY")]
            ['#0 Darren Star: It was filmed in one day.']
            >>> [str(match) for match in iv.search("filmed", context=3)]
            ['#0 Darren Star: …filmed in…']

        """
        from interviewkit import query

        return query.search(
            self,
            pattern,
            speaker=speaker,
            regex=regex,
            ignore_case=ignore_case,
            whole_word=whole_word,
            include_prose=include_prose,
            include_captions=include_captions,
            context=context,
        )

    def qa_pairs(self) -> tuple[QAPair, ...]:
        """Each question with the answers that follow it.

        A turn by an interviewer, host, moderator or audience member is a
        question; the turns by interviewees, guests and panelists up to the
        next question are its answers. See `interviewkit.query.qa_pairs`
        for speakers without a role.

        Returns:
            The `QAPair` objects, in order.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="q", name="Collider", role="interviewer"),
            ...               Speaker(id="a", name="Darren Star", role="interviewee")],
            ...     body=[Turn(speaker="q", text="Why Paris?"),
            ...           Turn(speaker="a", text="Why not?"),
            ...           Turn(speaker="q", text="Thank you.")],
            ... )
            >>> [(pair.question.text, pair.answer) for pair in iv.qa_pairs()][1]
            ('Thank you.', None)

        """
        from interviewkit import query

        return query.qa_pairs(self)

    def word_counts(self) -> dict[str, int]:
        """How many words each speaker said, by speaker id, in cast order.

        Every speaker of the cast is there, with 0 if silent. Words are
        counted by `interviewkit.count_words`.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="q", name="Q"), Speaker(id="a", name="A")],
            ...     body=[Turn(speaker="q", text="It’s a 1-on-1 talk—right?")],
            ... )
            >>> iv.word_counts()
            {'q': 5, 'a': 0}

        """
        from interviewkit import query

        return query.word_counts(self)

    def stats(self) -> Stats:
        """Turns, words, share of words and mean turn length per speaker.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="q", name="Q"), Speaker(id="a", name="A")],
            ...     body=[Turn(speaker="q", text="Why?"),
            ...           Turn(speaker="a", text="Because it is."),
            ...           Turn(speaker="a", text="Really.")],
            ... )
            >>> [(s.speaker.id, s.turns, s.words, s.share, s.mean_turn_words)
            ...  for s in iv.stats().speakers]
            [('q', 1, 1, 0.2, 1.0), ('a', 2, 4, 0.8, 2.0)]

        """
        from interviewkit import query

        return query.stats(self)

    def excerpt(
        self, blocks: slice | Iterable[int] | Callable[[Block], bool]
    ) -> Interview:
        """A new interview with only some blocks, and the cast that remains.

        Args:
            blocks: Body indices, a `slice` of the body, or a predicate that
                takes a block and returns True to keep it.

        Returns:
            A valid `Interview` with the kept blocks in body order, the
            speakers who still have a turn, and the same title and metadata.

        Raises:
            IndexError: An index is outside the body.

        Example:
            >>> iv = Interview(
            ...     title="Darren Star on Emily in Paris",
            ...     speakers=[Speaker(id="q", name="Q"), Speaker(id="a", name="A")],
            ...     body=[Turn(speaker="q", text="Why?"),
            ...           Turn(speaker="a", text="Because.")],
            ... )
            >>> cut = iv.excerpt([1])
            >>> cut.title, [speaker.id for speaker in cut.speakers]
            ('Darren Star on Emily in Paris', ['a'])
            >>> iv.excerpt(lambda block: "Why" in block.text).turns[0].text
            'Why?'

        """
        from interviewkit import query

        return query.excerpt(self, blocks)
