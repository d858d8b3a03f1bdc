"""Questions and answers, words, shares, and excerpts of an interview."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from interviewkit.model._blocks import Block, Speaker, Turn
from interviewkit.model._values import Role

if TYPE_CHECKING:
    from interviewkit.model._interview import Interview

ASKING_ROLES = frozenset({Role.INTERVIEWER, Role.HOST, Role.MODERATOR, Role.AUDIENCE})
"""Roles whose turns are questions in `qa_pairs`."""

ANSWERING_ROLES = frozenset({Role.INTERVIEWEE, Role.GUEST, Role.PANELIST})
"""Roles whose turns are answers in `qa_pairs`."""


# --- questions and answers --------------------------------------------------


@attrs.frozen(kw_only=True)
class QAPair:
    """A question and the answers that follow it.

    Args:
        question_index: The index of the question turn in `Interview.body`.
        question: The question turn.
        answer_indices: The indices of the answer turns in `Interview.body`.
        answers: The answer turns, in order: empty when the question got no
            answer, several when several people answered or one answer was
            spread over turns.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
        ...         ik.Speaker(id="darren-star", name="Darren Star", aliases=["STAR"]),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
        ...         ik.Turn(speaker="darren-star", text="It was filmed in one day."),
        ...     ],
        ... )
        >>> pair = qa_pairs(iv)[0]
        >>> pair.question.text, pair.answer.text
        ('How did you film Versailles?', 'It was filmed in one day.')
        >>> pair.indices
        (0, 1)

    """

    question_index: int
    question: Turn
    answer_indices: tuple[int, ...] = ()
    answers: tuple[Turn, ...] = ()

    @property
    def answer(self) -> Turn | None:
        """The first answer turn, or None when the question got no answer."""
        return self.answers[0] if self.answers else None

    @property
    def indices(self) -> tuple[int, ...]:
        """The body indices of the question and its answers, for `excerpt`."""
        return (self.question_index, *self.answer_indices)


_Part = Literal["ask", "answer"]


def _parts(interview: Interview) -> dict[str, _Part | None]:
    parts: dict[str, _Part | None] = {}
    for speaker in interview.speakers:
        if speaker.role in ASKING_ROLES:
            parts[speaker.id] = "ask"
        elif speaker.role in ANSWERING_ROLES:
            parts[speaker.id] = "answer"
        else:
            parts[speaker.id] = None
    unknown = [speaker.id for speaker in interview.speakers if speaker.role is None]
    if not unknown:
        return parts
    if "ask" in parts.values():
        parts.update(dict.fromkeys(unknown, "answer"))
    elif "answer" in parts.values():
        parts.update(dict.fromkeys(unknown, "ask"))
    else:
        first = next(
            (turn.speaker for turn in interview.turns if turn.speaker in unknown),
            None,
        )
        for speaker_id in unknown:
            parts[speaker_id] = "ask" if speaker_id == first else "answer"
    return parts


def qa_pairs(interview: Interview) -> tuple[QAPair, ...]:
    """Each question with the answers that follow it.

    The rules:

    - A speaker whose role is in `ASKING_ROLES` (interviewer, host,
      moderator, audience) asks; one whose role is in `ANSWERING_ROLES`
      (interviewee, guest, panelist) answers. Narrators, interpreters and
      ``other`` speakers do neither: their turns are skipped.
    - A speaker with no role answers if someone in the cast asks by role,
      asks if someone answers by role; when no speaker has a role that asks
      or answers, the speaker of the first turn asks and everyone else
      answers.
    - Every turn by an asking speaker is a question. Its answers are the
      turns by answering speakers up to the next question; a question that
      runs straight into another question has no answer. Answers before
      the first question belong to no pair.

    Args:
        interview: The interview to read.

    Returns:
        The pairs in body order, one a question.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="host", name="Host", role="host"),
        ...         ik.Speaker(id="ann", name="Ann", role="guest"),
        ...         ik.Speaker(id="bob", name="Bob", role="guest"),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="host", text="Welcome. Why Paris?"),
        ...         ik.Turn(speaker="ann", text="The light."),
        ...         ik.Turn(speaker="bob", text="The food."),
        ...         ik.Turn(speaker="host", text="And Rome?"),
        ...         ik.Turn(speaker="host", text="Well, thank you both."),
        ...     ],
        ... )
        >>> [(pair.question_index, pair.answer_indices) for pair in qa_pairs(iv)]
        [(0, (1, 2)), (3, ()), (4, ())]

    """
    parts = _parts(interview)
    pairs: list[QAPair] = []
    question: tuple[int, Turn] | None = None
    answer_indices: list[int] = []
    answers: list[Turn] = []

    def close() -> None:
        if question is not None:
            pairs.append(
                QAPair(
                    question_index=question[0],
                    question=question[1],
                    answer_indices=tuple(answer_indices),
                    answers=tuple(answers),
                )
            )

    for index, block in enumerate(interview.body):
        if not isinstance(block, Turn):
            continue
        part = parts[block.speaker]
        if part == "ask":
            close()
            question = (index, block)
            answer_indices.clear()
            answers.clear()
        elif part == "answer" and question is not None:
            answer_indices.append(index)
            answers.append(block)
    close()
    return tuple(pairs)


# --- counting ---------------------------------------------------------------

# A word is a run of characters between white space and dashes that holds at
# least one letter or digit. Apostrophes and hyphens join ("it’s", "1-on-1"),
# em and en dashes, a doubled hyphen and an ellipsis separate. Both patterns
# are plain character classes: linear in the text.
_DOUBLE_HYPHEN = re.compile(r"-{2,}|\.{3,}")
_TOKEN = re.compile(r"[^\s\u2012-\u2015\u2026\u2e3a\u2e3b]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """Count the words of a text the way a reader counts them.

    A word is what lies between white space, dashes (em ``—``, en ``–``,
    figure and two- or three-em dashes, or a doubled hyphen ``--``) and
    ellipses (``…``, ``...``), if it holds at least one letter or digit.
    So ``it’s``, ``don't``, ``1-on-1``, ``Emily-Gabriel``, ``U.S.``, ``2020``
    and ``10:30`` are one word each; ``word—word`` is two; a dash, ``&`` or
    an emoji alone is none. Writing without spaces between words (Chinese,
    Japanese) counts one word a run.

    Args:
        text: Any text.

    Returns:
        The number of words.

    Example:
        >>> count_words("It’s a 1-on-1 interview—in 2020, don't forget.")
        8
        >>> count_words(" — ... & ")
        0

    """
    spaced = _DOUBLE_HYPHEN.sub(" ", text)
    return sum(1 for token in _TOKEN.findall(spaced) if _LETTER_OR_DIGIT.search(token))


def word_counts(interview: Interview) -> dict[str, int]:
    """How many words each speaker said, by speaker id.

    Only turns count, not labels, captions or prose. Words are counted by
    `count_words`.

    Args:
        interview: The interview to count.

    Returns:
        A dict from every speaker id of the cast, in cast order, to the
        number of words in that speaker's turns (0 for a silent speaker).

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="q", name="Q"), ik.Speaker(id="a", name="A")],
        ...     body=[ik.Turn(speaker="q", text="Was it filmed in one day?")],
        ... )
        >>> word_counts(iv)
        {'q': 6, 'a': 0}

    """
    counts = dict.fromkeys((speaker.id for speaker in interview.speakers), 0)
    for block in interview.body:
        if isinstance(block, Turn):
            counts[block.speaker] += count_words(block.text)
    return counts


@attrs.frozen(kw_only=True)
class SpeakerStats:
    """How much one speaker said.

    Args:
        speaker: The speaker.
        turns: How many turns they took.
        words: How many words they said, by `count_words`.
        share: Their words as a fraction of all words spoken (0.0 to 1.0;
            0.0 when nobody said a word).
        mean_turn_words: Their mean words a turn (0.0 without turns).

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
        ...         ik.Speaker(id="darren-star", name="Darren Star", aliases=["STAR"]),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
        ...         ik.Turn(speaker="darren-star", text="It was filmed in one day."),
        ...     ],
        ... )
        >>> star = stats(iv).speakers[1]
        >>> star.turns, star.words, round(star.share, 3), star.mean_turn_words
        (1, 6, 0.545, 6.0)

    """

    speaker: Speaker
    turns: int
    words: int
    share: float
    mean_turn_words: float


@attrs.frozen(kw_only=True)
class Stats:
    """How the talk of an interview is shared between its speakers.

    Args:
        turns: The number of turns.
        words: The number of words in all turns.
        speakers: One `SpeakerStats` for every speaker of the cast, in cast
            order.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
        ...         ik.Speaker(id="darren-star", name="Darren Star", aliases=["STAR"]),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
        ...         ik.Turn(speaker="darren-star", text="It was filmed in one day."),
        ...     ],
        ... )
        >>> summary = stats(iv)
        >>> summary.turns, summary.words
        (2, 11)
        >>> [(entry.speaker.id, entry.words) for entry in summary.speakers]
        [('collider', 5), ('darren-star', 6)]

    """

    turns: int
    words: int
    speakers: tuple[SpeakerStats, ...]


def stats(interview: Interview) -> Stats:
    """Turns, words, share of words and mean turn length, per speaker.

    Args:
        interview: The interview to count.

    Returns:
        The totals and one `SpeakerStats` a speaker.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
        ...         ik.Speaker(id="darren-star", name="Darren Star", aliases=["STAR"]),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
        ...         ik.Turn(speaker="darren-star", text="It was filmed in one day."),
        ...     ],
        ... )
        >>> [round(entry.share, 2) for entry in stats(iv).speakers]
        [0.45, 0.55]

    """
    words = word_counts(interview)
    turns = dict.fromkeys(words, 0)
    for block in interview.body:
        if isinstance(block, Turn):
            turns[block.speaker] += 1
    total_words = sum(words.values())
    return Stats(
        turns=sum(turns.values()),
        words=total_words,
        speakers=tuple(
            SpeakerStats(
                speaker=speaker,
                turns=turns[speaker.id],
                words=words[speaker.id],
                share=words[speaker.id] / total_words if total_words else 0.0,
                mean_turn_words=(
                    words[speaker.id] / turns[speaker.id] if turns[speaker.id] else 0.0
                ),
            )
            for speaker in interview.speakers
        ),
    )


# --- excerpts ---------------------------------------------------------------


def _indices(
    body: tuple[Block, ...], blocks: slice | Iterable[int] | Callable[[Block], bool]
) -> list[int]:
    size = len(body)
    if isinstance(blocks, slice):
        return sorted(range(size)[blocks])
    if callable(blocks):
        return [index for index, block in enumerate(body) if blocks(block)]
    if isinstance(blocks, (str, bytes)):
        raise TypeError("blocks must be indices, a slice or a predicate, not a str")
    chosen: set[int] = set()
    for index in blocks:
        if not isinstance(index, int) or isinstance(index, bool):
            raise TypeError(f"a block index is an int, not {type(index).__name__}")
        if not -size <= index < size:
            raise IndexError(f"block index {index} is out of range for {size} blocks")
        chosen.add(index % size)
    return sorted(chosen)


def excerpt(
    interview: Interview,
    blocks: slice | Iterable[int] | Callable[[Block], bool],
) -> Interview:
    """A new interview with only some of the blocks of this one.

    The blocks keep their order in the body whatever order they are given
    in. The cast keeps the speakers with at least one turn left, in their
    order; the title and metadata stay, and so do the codings of the kept
    blocks.

    Args:
        interview: The interview to cut.
        blocks: Which blocks to keep: body indices (negative ones count
            from the end, as in a list; repeats are ignored), a `slice` of
            the body, or a predicate that takes a block and returns True to
            keep it. `Match.index` and `QAPair.indices` give indices.

    Returns:
        The excerpt, a valid `Interview`.

    Raises:
        IndexError: An index is outside the body.
        TypeError: ``blocks`` is none of the above.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[
        ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
        ...         ik.Speaker(id="darren-star", name="Darren Star", aliases=["STAR"]),
        ...     ],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
        ...         ik.Turn(speaker="darren-star", text="It was filmed in one day."),
        ...     ],
        ... )
        >>> excerpt(iv, slice(1, None)).speakers[0].id
        'darren-star'
        >>> cut = excerpt(iv, lambda block: isinstance(block, ik.Turn))
        >>> len(cut.body), len(cut.speakers)
        (2, 2)
        >>> versailles = [i for pair in qa_pairs(iv)
        ...               if "Versailles" in pair.question.text for i in pair.indices]
        >>> excerpt(iv, versailles).turns == iv.turns
        True

    """
    body = interview.body
    chosen = _indices(body, blocks)
    kept = tuple(body[index] for index in chosen)
    present = {block.speaker for block in kept if isinstance(block, Turn)}
    cast = tuple(speaker for speaker in interview.speakers if speaker.id in present)
    # Codings follow their blocks to their new places.
    moved = {old: new for new, old in enumerate(chosen)}
    codes = tuple(
        attrs.evolve(coding, block=moved[coding.block])
        for coding in interview.codes
        if coding.block in moved
    )
    return attrs.evolve(interview, speakers=cast, body=kept, codes=codes)
