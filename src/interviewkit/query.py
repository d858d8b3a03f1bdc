"""Questions about an interview: who spoke, what was said, where, how much.

These are pure functions over an `Interview`; the methods of the same names
on `Interview` call them. Nothing here changes an interview: `excerpt`
builds a new one.

Example:
    >>> import interviewkit as ik
    >>> iv = ik.Interview(
    ...     speakers=[
    ...         ik.Speaker(id="collider", name="Collider", role="interviewer"),
    ...         ik.Speaker(id="darren-star", name="Darren Star",
    ...                    role="interviewee", aliases=["DARREN STAR", "STAR"]),
    ...     ],
    ...     body=[
    ...         ik.Turn(speaker="collider", text="How did you film Versailles?"),
    ...         ik.Turn(speaker="darren-star", label="STAR",
    ...                 text="It was actually filmed in one day."),
    ...     ],
    ... )
    >>> [str(match) for match in search(iv, "one day")]
    ['#1 Darren Star: It was actually filmed in one day.']
    >>> word_counts(iv)
    {'collider': 5, 'darren-star': 7}

"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Literal

import attrs

from interviewkit.errors import PatternError, SpeakerLookupError
from interviewkit.model import Block, Interview, Prose, Role, Speaker, Turn

__all__ = [
    "ANSWERING_ROLES",
    "ASKING_ROLES",
    "Match",
    "QAPair",
    "SpeakerStats",
    "Stats",
    "count_words",
    "excerpt",
    "find_speaker",
    "qa_pairs",
    "search",
    "stats",
    "turns_by",
    "word_counts",
]

ASKING_ROLES = frozenset({Role.INTERVIEWER, Role.HOST, Role.MODERATOR, Role.AUDIENCE})
"""Roles whose turns are questions in `qa_pairs`."""

ANSWERING_ROLES = frozenset({Role.INTERVIEWEE, Role.GUEST, Role.PANELIST})
"""Roles whose turns are answers in `qa_pairs`."""


# --- speakers ---------------------------------------------------------------


def _fold(text: str) -> str:
    """The form of a label in which case, accents and spacing do not count."""
    # Decompose before and after casefolding: casefold can produce letters
    # with accents ("İ" -> "i̇") and compatibility forms can hide capitals.
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    decomposed = unicodedata.normalize("NFKD", bare.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.split())


def _describe(speaker: Speaker) -> str:
    return f"{' '.join(speaker.name.split())} ({speaker.id})"


def _labels(speaker: Speaker) -> tuple[str, ...]:
    return (speaker.id, speaker.name, *speaker.aliases)


def _unique(speakers: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return tuple({speaker.id: speaker for speaker in speakers}.values())


def _ambiguous(key: str, found: tuple[Speaker, ...]) -> SpeakerLookupError:
    names = ", ".join(_describe(speaker) for speaker in found)
    return SpeakerLookupError(
        f"speaker {key!r} is ambiguous: it could be {names}; use the id",
        key=key,
        candidates=tuple(speaker.id for speaker in found),
    )


def _unknown(interview: Interview, key: str) -> SpeakerLookupError:
    labels: dict[str, list[Speaker]] = {}
    for speaker in interview.speakers:
        for label in _labels(speaker):
            labels.setdefault(_fold(label), []).append(speaker)
    close = difflib.get_close_matches(_fold(key), labels, n=6, cutoff=0.6)
    closest = _unique(speaker for label in close for speaker in labels[label])[:3]
    if closest:
        hint = "closest: " + ", ".join(_describe(speaker) for speaker in closest)
    elif interview.speakers:
        cast = [_describe(speaker) for speaker in interview.speakers[:10]]
        more = ", …" if len(interview.speakers) > 10 else ""
        hint = "the speakers are " + ", ".join(cast) + more
    else:
        hint = "the interview has no speakers"
    return SpeakerLookupError(
        f"no speaker {key!r}; {hint}",
        key=key,
        candidates=tuple(speaker.id for speaker in closest),
    )


def find_speaker(interview: Interview, key: str | Speaker) -> Speaker:
    """Find a speaker of ``interview`` by id, name or alias.

    An exact id wins, then an exact name or alias, then a name, alias or id
    that is equal once case, accents and runs of white space are ignored
    (``"darren  STAR"`` and ``"Darrén Star"`` find ``Darren Star``).

    Args:
        interview: The interview whose cast to search.
        key: An id, a name or an alias; or a `Speaker`, which must be in the
            cast.

    Returns:
        The speaker.

    Raises:
        SpeakerLookupError: A `KeyError`: no speaker has this key (the
            message names the closest speakers), or several do.

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
        >>> find_speaker(iv, "star").name
        'Darren Star'
        >>> find_speaker(iv, "  darrén   star ").id
        'darren-star'
        >>> find_speaker(iv, "Daren")
        Traceback (most recent call last):
        ...
        interviewkit.errors.SpeakerLookupError: no speaker 'Daren'; closest: ...

    """
    if isinstance(key, Speaker):
        if key in interview.speakers:
            return key
        raise SpeakerLookupError(
            f"speaker {_describe(key)} is not in the cast of this interview",
            key=key.id,
        )
    if not isinstance(key, str):
        raise TypeError(
            f"a speaker key is a str or a Speaker, not {type(key).__name__}"
        )
    for speaker in interview.speakers:
        if speaker.id == key:
            return speaker
    exact = _unique(
        speaker
        for speaker in interview.speakers
        if key == speaker.name or key in speaker.aliases
    )
    if len(exact) == 1:
        return exact[0]
    if exact:
        raise _ambiguous(key, exact)
    folded = _fold(key)
    if folded:
        found = _unique(
            speaker
            for speaker in interview.speakers
            if any(_fold(label) == folded for label in _labels(speaker))
        )
        if len(found) == 1:
            return found[0]
        if found:
            raise _ambiguous(key, found)
    raise _unknown(interview, key)


def _to_role(role: Role | str) -> Role:
    if isinstance(role, Role):
        return role
    try:
        return Role(role)
    except ValueError:
        known = ", ".join(member.value for member in Role)
        raise ValueError(f"unknown role {role!r}; known roles: {known}") from None


def turns_by(
    interview: Interview, *speakers: str | Speaker, role: Role | str | None = None
) -> tuple[Turn, ...]:
    """The turns of some speakers, in the order they were spoken.

    Args:
        interview: The interview to read.
        *speakers: Speakers by key (id, name or alias, as `find_speaker`
            takes them) or as `Speaker` objects.
        role: Also take the turns of every speaker with this role.

    Returns:
        Every turn by any of the speakers or of the role; empty when none
        are given.

    Raises:
        SpeakerLookupError: A key names no speaker, or several.
        ValueError: ``role`` is not a known role.

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
        >>> [turn.text for turn in turns_by(iv, "Darren Star")]
        ['It was filmed in one day.']
        >>> len(turns_by(iv, role="interviewer"))
        1

    """
    ids = {find_speaker(interview, speaker).id for speaker in speakers}
    if role is not None:
        wanted = _to_role(role)
        ids.update(
            speaker.id for speaker in interview.speakers if speaker.role is wanted
        )
    return tuple(
        block
        for block in interview.body
        if isinstance(block, Turn) and block.speaker in ids
    )


# --- search -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Match:
    """One place where a search pattern matched.

    Args:
        index: The index of the block in `Interview.body`.
        block: The block: a `Turn`, or a `Prose` or `ImageCaption` when the
            search included them.
        speaker: The speaker of the turn; None for prose and captions.
        field: The attribute of the block that matched: ``"text"`` for turns
            and prose; ``"image"``, ``"caption"`` or ``"credit"`` for
            captions.
        start: Where the match starts in that text (a character index).
        end: Where it ends (exclusive); ``text[start:end]`` is what matched.
        context: How many characters of context `snippet` shows on each
            side, at most.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="darren-star", name="Darren Star")],
        ...     body=[ik.Turn(speaker="darren-star", text="It was filmed in one day.")],
        ... )
        >>> match = search(iv, "filmed")[0]
        >>> match.index, match.speaker.name, match.start, match.end
        (0, 'Darren Star', 7, 13)
        >>> match.matched
        'filmed'
        >>> search(iv, "one", context=11)[0].snippet
        '…filmed in one day.'

    """

    index: int
    block: Block
    speaker: Speaker | None
    field: str
    start: int
    end: int
    context: int = 30

    @property
    def text(self) -> str:
        """The whole text the pattern matched in."""
        text: str = getattr(self.block, self.field)
        return text

    @property
    def matched(self) -> str:
        """The part of the text that matched."""
        return self.text[self.start : self.end]

    @property
    def snippet(self) -> str:
        """The match with up to `context` characters around it, on one line.

        Runs of white space (line breaks too) become one space, the context
        is cut at white space rather than inside a word where it can be, and
        ``…`` marks where the text goes on.
        """
        return _snippet(self.text, self.start, self.end, self.context)

    def __str__(self) -> str:
        if self.speaker is not None:
            where = " ".join(self.speaker.name.split())
        elif isinstance(self.block, Prose):
            where = "[" + self.block.kind.value.replace("_", " ") + "]"
        else:
            where = f"[{self.field}]"
        return f"#{self.index} {where}: {self.snippet}"


# Global inline flags must stay at the start of a pattern, so they are lifted
# out before the pattern is wrapped; the compiled flags keep their effect.
_LEADING_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")
_WHITESPACE = re.compile(r"\s")


def _compile(
    pattern: str, *, regex: bool, ignore_case: bool, whole_word: bool
) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise TypeError(f"a search pattern is a str, not {type(pattern).__name__}")
    if not pattern:
        raise PatternError("the search pattern is empty", pattern=pattern)
    source = pattern if regex else re.escape(pattern)
    flags = re.IGNORECASE if ignore_case else 0
    try:
        compiled = re.compile(source, flags)
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise PatternError(
            f"invalid regular expression {pattern!r}: {error.msg}{where}",
            pattern=pattern,
            position=error.pos,
        ) from error
    if not whole_word:
        return compiled
    flags_at_start = _LEADING_FLAGS.match(source)
    inner = source[flags_at_start.end() :] if flags_at_start else source
    # A verbose pattern may end in a comment, which would swallow the ")".
    newline = "\n" if compiled.flags & re.VERBOSE else ""
    return re.compile(rf"(?<!\w)(?:{inner}{newline})(?!\w)", compiled.flags)


def _snippet(text: str, start: int, end: int, context: int) -> str:
    left_start = max(0, start - context)
    right_end = min(len(text), end + context)
    left = text[left_start:start]
    right = text[end:right_end]
    # Cut at white space rather than through a word, when there is some.
    if left_start > 0 and not text[left_start - 1].isspace():
        space = _WHITESPACE.search(left)
        if space is not None:
            left = left[space.end() :]
    if right_end < len(text) and not text[right_end].isspace():
        space = _WHITESPACE.search(right[::-1])
        if space is not None:
            right = right[: len(right) - space.end()]
    # str.split() splits on the same white space as the regex's \s.
    middle = " ".join((left + text[start:end] + right).split())
    before = "…" if left_start > 0 else ""
    after = "…" if right_end < len(text) else ""
    return f"{before}{middle}{after}"


def search(
    interview: Interview,
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
    """Find a word, a phrase or a regular expression in an interview.

    Args:
        interview: The interview to search.
        pattern: What to look for: literal text, or a regular expression
            when ``regex`` is true.
        speaker: Search only the turns of this speaker (a key or a
            `Speaker`). Prose and captions have no speaker and are then
            left out.
        regex: Read ``pattern`` as a Python regular expression. Its run time
            is the regular expression's own: keep it free of nested
            repetition on untrusted input.
        ignore_case: Match regardless of case.
        whole_word: Match only where the match is not next to a letter,
            digit or underscore on either side.
        include_prose: Search prose blocks too.
        include_captions: Search captions too: the image, the caption and
            the credit.
        context: How many characters of context the snippet shows on each
            side of a match, at most.

    Returns:
        The matches in body order, and in text order within a block. Matches
        do not overlap; a match of no characters (``x*`` where there is no
        ``x``) is not reported.

    Raises:
        PatternError: The pattern is empty, or ``regex`` is true and it is
            not a valid regular expression.
        SpeakerLookupError: ``speaker`` names no speaker, or several.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="collider", name="Collider")],
        ...     body=[
        ...         ik.Turn(speaker="collider", text="Did you film in Versailles?"),
        ...         ik.Prose(text="RELATED: Emily in Paris", kind="related"),
        ...         ik.ImageCaption(image="emily-in-paris", credit="Image via Netflix"),
        ...     ],
        ... )
        >>> [match.matched for match in search(iv, "film", whole_word=True)]
        ['film']
        >>> [str(match) for match in search(iv, r"v\\w+s", regex=True, context=6)]
        ['#0 Collider: …in Versailles?']
        >>> [str(match) for match in search(iv, "paris", include_prose=True)]
        ['#1 [related]: RELATED: Emily in Paris']
        >>> [str(match) for match in search(iv, "netflix", include_captions=True)]
        ['#2 [credit]: Image via Netflix']

    """
    compiled = _compile(
        pattern, regex=regex, ignore_case=ignore_case, whole_word=whole_word
    )
    if context < 0:
        raise ValueError(f"context must not be negative, got {context}")
    only = None if speaker is None else find_speaker(interview, speaker).id
    cast = {person.id: person for person in interview.speakers}
    matches: list[Match] = []
    for index, block in enumerate(interview.body):
        who: Speaker | None = None
        fields: tuple[tuple[str, str | None], ...]
        if isinstance(block, Turn):
            if only is not None and block.speaker != only:
                continue
            who = cast[block.speaker]
            fields = (("text", block.text),)
        elif isinstance(block, Prose):
            if not include_prose or only is not None:
                continue
            fields = (("text", block.text),)
        else:
            if not include_captions or only is not None:
                continue
            fields = (
                ("image", block.image),
                ("caption", block.caption),
                ("credit", block.credit),
            )
        for field, text in fields:
            if text is None:
                continue
            for found in compiled.finditer(text):
                start, end = found.span()
                if start == end:
                    continue
                matches.append(
                    Match(
                        index=index,
                        block=block,
                        speaker=who,
                        field=field,
                        start=start,
                        end=end,
                        context=context,
                    )
                )
    return tuple(matches)


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
    order; the title and metadata stay.

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
    kept = tuple(body[index] for index in _indices(body, blocks))
    present = {block.speaker for block in kept if isinstance(block, Turn)}
    cast = tuple(speaker for speaker in interview.speakers if speaker.id in present)
    return attrs.evolve(interview, speakers=cast, body=kept)
