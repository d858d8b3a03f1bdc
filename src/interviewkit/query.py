"""Questions about an interview: who spoke, what was said, where, how much.

These are pure functions over an `Interview`: the methods of the same names
on `Interview` are the same questions, asked of the interview itself.
Nothing here changes an interview: `excerpt` and `code_matches` build new ones.

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

from interviewkit.model._codes import Passage, code_matches, codes_by_speaker, passages
from interviewkit.model._counting import (
    ANSWERING_ROLES,
    ASKING_ROLES,
    QAPair,
    SpeakerStats,
    Stats,
    count_words,
    excerpt,
    qa_pairs,
    stats,
    word_counts,
)
from interviewkit.model._lookup import find_speaker, turns_by
from interviewkit.model._search import Match, search

__all__ = [
    "ANSWERING_ROLES",
    "ASKING_ROLES",
    "Match",
    "Passage",
    "QAPair",
    "SpeakerStats",
    "Stats",
    "code_matches",
    "codes_by_speaker",
    "count_words",
    "excerpt",
    "find_speaker",
    "passages",
    "qa_pairs",
    "search",
    "stats",
    "turns_by",
    "word_counts",
]
