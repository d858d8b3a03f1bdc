"""`Interview`: the cast and the body, and the questions it answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from interviewkit.errors import ValidationError
from interviewkit.model import _codes, _counting, _lookup, _search
from interviewkit.model._blocks import (
    _BLOCK_TYPES,
    Block,
    Coding,
    ImageCaption,
    Metadata,
    Prose,
    Speaker,
    Turn,
    coded_text,
)
from interviewkit.model._codes import Passage
from interviewkit.model._counting import QAPair, Stats
from interviewkit.model._search import Match
from interviewkit.model._values import Role, _optional_non_blank, _to_tuple


@attrs.frozen(kw_only=True)
class Interview:
    """An interview: its cast and its body of turns, captions and prose.

    Args:
        title: The headline, if any.
        metadata: Source, URL, date, language and free-form extras.
        speakers: The cast; every `Speaker.id` is unique.
        body: The blocks in reading order; every turn's speaker is in the
            cast.
        codes: Codes applied to passages of the body's text, as qualitative
            analysis does (see `Coding`); each names a block of the body and
            a passage inside its text.

    Raises:
        ValidationError: If a speaker id repeats, a turn names a speaker
            who is not in the cast, a coding's passage is not in the body,
            or a field is invalid.

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
    codes: tuple[Coding, ...] = attrs.field(default=(), converter=_to_tuple)

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
        for index, coding in enumerate(self.codes):
            _check_coding(index, coding, self.body)

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

    # The queries are written as functions of the interview, in the modules
    # beside this one; interviewkit.query offers them under their own names.

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
        return _lookup.find_speaker(self, key)

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
        return _lookup.turns_by(self, *speakers, role=role)

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
        return _search.search(
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
        return _counting.qa_pairs(self)

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
        return _counting.word_counts(self)

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
        return _counting.stats(self)

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
        return _counting.excerpt(self, blocks)

    def passages(
        self, code: str | None = None, *, speaker: str | Speaker | None = None
    ) -> tuple[Passage, ...]:
        """The coded passages, of one code or of all, in body order.

        See `interviewkit.query.passages`.

        Args:
            code: Only the passages with this code; by default all.
            speaker: Only the passages in this speaker's turns.

        Returns:
            The `Passage` objects.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="p01", name="P01")],
            ...     body=[Turn(speaker="p01", text="The rent was high.")],
            ...     codes=[Coding(block=0, start=4, end=8, code="housing")],
            ... )
            >>> [(p.speaker.id, p.text) for p in iv.passages("housing")]
            [('p01', 'rent')]

        """
        return _codes.passages(self, code, speaker=speaker)

    def codes_by_speaker(self) -> dict[str, dict[str, int]]:
        """How many passages of each code every speaker's turns hold.

        See `interviewkit.query.codes_by_speaker`.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="p01", name="P01")],
            ...     body=[Turn(speaker="p01", text="The rent was high.")],
            ...     codes=[Coding(block=0, start=4, end=8, code="housing")],
            ... )
            >>> iv.codes_by_speaker()
            {'p01': {'housing': 1}}

        """
        return _codes.codes_by_speaker(self)

    def code_matches(
        self,
        matches: Iterable[Match],
        code: str,
        *,
        memo: str | None = None,
        whole_block: bool = False,
    ) -> Interview:
        """A new interview with a code on every passage a search found.

        See `interviewkit.query.code_matches`.

        Args:
            matches: What `search` returned.
            code: The code's name.
            memo: A note on each new coding.
            whole_block: Code the whole text of each matching block.

        Example:
            >>> iv = Interview(
            ...     speakers=[Speaker(id="p01", name="P01")],
            ...     body=[Turn(speaker="p01", text="The rent was high.")],
            ... )
            >>> iv.code_matches(iv.search("rent"), "housing").passages()[0].text
            'rent'

        """
        return _codes.code_matches(
            self, matches, code, memo=memo, whole_block=whole_block
        )


def _check_coding(index: int, coding: Coding, body: tuple[Block, ...]) -> None:
    if type(coding) is not Coding:
        raise ValidationError(
            f"codes must be Coding objects, not {type(coding).__name__}",
            path=("codes", index),
        )
    if coding.block >= len(body):
        raise ValidationError(
            f"coding {index} names block {coding.block}, past the end of the body "
            f"({len(body)} blocks)",
            path=("codes", index, "block"),
        )
    text = coded_text(body[coding.block])
    if coding.end > len(text):
        raise ValidationError(
            f"coding {index} ends at {coding.end}, past the end of the text of "
            f"block {coding.block} ({len(text)} characters)",
            path=("codes", index, "end"),
        )
