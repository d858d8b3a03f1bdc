"""Codes on passages: what is coded where, by whom, and coding by search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from interviewkit.model._blocks import (
    Block,
    Coding,
    ImageCaption,
    Speaker,
    Turn,
    coded_text,
)
from interviewkit.model._lookup import find_speaker
from interviewkit.model._search import Match

if TYPE_CHECKING:
    from interviewkit.model._interview import Interview


@attrs.frozen(kw_only=True)
class Passage:
    """A coded passage: a `Coding` with the block and speaker it belongs to.

    Args:
        index: The index of the block in `Interview.body`.
        block: The block: a `Turn`, a `Prose` block or an `ImageCaption`.
        speaker: The speaker of the turn; None for prose and captions.
        coding: The coding.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="p01", text="The rent doubled in a year.")],
        ...     codes=[ik.Coding(block=0, start=4, end=19, code="housing")],
        ... )
        >>> passage = passages(iv)[0]
        >>> passage.text, passage.code, passage.speaker.id
        ('rent doubled in', 'housing', 'p01')

    """

    index: int
    block: Block
    speaker: Speaker | None
    coding: Coding

    @property
    def code(self) -> str:
        """The code's name."""
        return self.coding.code

    @property
    def text(self) -> str:
        """The coded text: ``text[start:end]`` of the block."""
        return coded_text(self.block)[self.coding.start : self.coding.end]

    def __str__(self) -> str:
        who = " ".join(self.speaker.name.split()) if self.speaker else "-"
        return f"#{self.index} {who} [{self.code}]: {' '.join(self.text.split())}"


def passages(
    interview: Interview,
    code: str | None = None,
    *,
    speaker: str | Speaker | None = None,
) -> tuple[Passage, ...]:
    """The coded passages, in body order, of one code or of all.

    Args:
        interview: The interview.
        code: Only the passages with this code (its exact name); by default
            every coded passage.
        speaker: Only the passages in this speaker's turns (by id, name or
            alias, or a `Speaker`).

    Returns:
        The `Passage` objects, ordered by block, then by where they start.

    Raises:
        SpeakerLookupError: ``speaker`` names no one in the cast.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="int", name="INT"),
        ...               ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="int", text="Where did you live?"),
        ...           ik.Turn(speaker="p01", text="In a flat. The rent was high.")],
        ...     codes=[ik.Coding(block=1, start=11, end=29, code="housing"),
        ...            ik.Coding(block=0, start=0, end=19, code="question")],
        ... )
        >>> for passage in passages(iv):
        ...     print(passage)
        #0 INT [question]: Where did you live?
        #1 P01 [housing]: The rent was high.
        >>> [passage.text for passage in passages(iv, "housing", speaker="P01")]
        ['The rent was high.']

    """
    wanted: str | None = None
    if speaker is not None:
        wanted = speaker.id if isinstance(speaker, Speaker) else None
        if wanted is None:
            wanted = find_speaker(interview, speaker).id
    cast = {person.id: person for person in interview.speakers}
    found: list[Passage] = []
    for coding in interview.codes:
        if code is not None and coding.code != code:
            continue
        block = interview.body[coding.block]
        person = cast[block.speaker] if type(block) is Turn else None
        if wanted is not None and (person is None or person.id != wanted):
            continue
        found.append(
            Passage(index=coding.block, block=block, speaker=person, coding=coding)
        )
    found.sort(key=lambda passage: (passage.index, passage.coding.start))
    return tuple(found)


def codes_by_speaker(interview: Interview) -> dict[str, dict[str, int]]:
    """How many passages of each code every speaker's turns hold.

    Only codings of turns count; prose and captions have no speaker.

    Args:
        interview: The interview.

    Returns:
        A dict from every speaker id of the cast, in cast order, to a dict
        from code names (in the order they are first used) to the number of
        passages with that code; empty for a speaker with no coded turn.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="int", name="INT"),
        ...               ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="int", text="Where did you live?"),
        ...           ik.Turn(speaker="p01", text="In a flat. The rent was high.")],
        ...     codes=[ik.Coding(block=1, start=0, end=10, code="housing"),
        ...            ik.Coding(block=1, start=11, end=29, code="housing"),
        ...            ik.Coding(block=1, start=11, end=29, code="money")],
        ... )
        >>> codes_by_speaker(iv)
        {'int': {}, 'p01': {'housing': 2, 'money': 1}}

    """
    counts: dict[str, dict[str, int]] = {person.id: {} for person in interview.speakers}
    for coding in interview.codes:
        block = interview.body[coding.block]
        if type(block) is Turn:
            mine = counts[block.speaker]
            mine[coding.code] = mine.get(coding.code, 0) + 1
    return counts


def code_matches(
    interview: Interview,
    matches: Iterable[Match],
    code: str,
    *,
    memo: str | None = None,
    whole_block: bool = False,
) -> Interview:
    """A new interview with a code on every passage a search found.

    This is how qualitative analysis tools auto-code: search, then code what
    was found. Codings already there stay; one the interview has already
    (same block, span and code) is not added twice.

    Args:
        interview: The interview the matches were found in.
        matches: What `search` returned (turns, prose, or the caption text
            of captions).
        code: The code's name.
        memo: A note on each new coding.
        whole_block: Code the whole text of each matching block rather than
            the matched words.

    Returns:
        The interview with the new codings after the old ones.

    Raises:
        ValueError: A match lies in a caption's image or credit, which
            cannot be coded, or does not fit the interview.
        ValidationError: ``code`` is blank.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="p01", text="The rent was high. Rent!")],
        ... )
        >>> coded = code_matches(iv, iv.search("rent"), "housing")
        >>> [(c.start, c.end, c.code) for c in coded.codes]
        [(4, 8, 'housing'), (19, 23, 'housing')]
        >>> code_matches(iv, iv.search("rent"), "housing", whole_block=True).codes
        (Coding(block=0, start=0, end=24, code='housing', memo=None),)

    """
    codes = list(interview.codes)
    seen = {(c.block, c.start, c.end, c.code) for c in codes}
    for match in matches:
        block = (
            interview.body[match.index] if match.index < len(interview.body) else None
        )
        if block is None or block != match.block:
            raise ValueError(f"match #{match.index} is not from this interview")
        if type(block) is ImageCaption and match.field != "caption":
            raise ValueError(
                f"match #{match.index} is in a caption's {match.field}, "
                "which cannot be coded; only the caption text can"
            )
        start, end = (
            (0, len(coded_text(block))) if whole_block else (match.start, match.end)
        )
        if end <= start or (match.index, start, end, code) in seen:
            continue
        seen.add((match.index, start, end, code))
        codes.append(
            Coding(block=match.index, start=start, end=end, code=code, memo=memo)
        )
    return attrs.evolve(interview, codes=tuple(codes))
