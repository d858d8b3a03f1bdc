"""Questions across a corpus: where a word comes up, who talks how much, Q&A.

Each is answered in one pass over the corpus, one interview at a time: the
searches and the Q&A pairs are yielded as they are found, and the counts
keep one line a speaker name and a role, not the interviews.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from interviewkit.corpus._work import CorpusEntry
from interviewkit.errors import SpeakerLookupError
from interviewkit.model import Role, Speaker, Turn
from interviewkit.model._counting import QAPair, count_words, qa_pairs
from interviewkit.model._lookup import find_speaker
from interviewkit.model._search import Match, _compile, search

__all__ = [
    "CorpusMatch",
    "CorpusQAPair",
    "CorpusSpeakerStats",
    "CorpusStats",
    "RoleStats",
    "corpus_qa_pairs",
    "corpus_search",
    "corpus_stats",
]


@attrs.frozen(kw_only=True)
class CorpusMatch:
    """One place where a search pattern matched, in one interview of a corpus.

    Args:
        interview_id: The id of the interview (`CorpusEntry.id`).
        path: The file it was read from.
        match: The match in that interview, as `Interview.search` gives it.

    It prints as ``PATH:#BLOCK SPEAKER: SNIPPET``, as ``interviewkit
    search`` shows it.

    Example:
        >>> import interviewkit as ik
        >>> hit = next(ik.read_many("seeds").search("one day"))
        >>> hit.interview_id, hit.match.index, hit.match.speaker.name
        ('000_6a59695d095b634e.txt', 14, 'Darren Star')

    """

    interview_id: str
    path: str
    match: Match

    def __str__(self) -> str:
        return f"{self.path}:{self.match}"


@attrs.frozen(kw_only=True)
class CorpusQAPair:
    """A question and its answers, in one interview of a corpus.

    Args:
        interview_id: The id of the interview (`CorpusEntry.id`).
        path: The file it was read from.
        pair: The question and its answers, as `Interview.qa_pairs` gives
            them.
        asker: The speaker who asked.
        answerers: The speakers of the answers, one an answer turn.

    Example:
        >>> import interviewkit as ik
        >>> pair = list(ik.read_many("seeds").qa_pairs())[4]
        >>> pair.asker.name, pair.answerers[0].name
        ('Collider', 'Darren Star')
        >>> pair.pair.answer.text[:26]
        'The crazy thing is that it'

    """

    interview_id: str
    path: str
    pair: QAPair
    asker: Speaker
    answerers: tuple[Speaker, ...]


@attrs.frozen(kw_only=True)
class CorpusSpeakerStats:
    """How much a speaker said across a corpus.

    Speakers of different interviews are the same speaker when their names
    are the same (runs of white space count as one space): ``Collider`` in
    a hundred interviews is one speaker.

    Args:
        name: The speaker's name.
        interviews: In how many interviews the speaker is in the cast.
        turns: How many turns they took.
        words: How many words they said (`count_words`).
        share: Their words as a fraction of all words spoken in the corpus
            (0.0 when nobody said a word).

    """

    name: str
    interviews: int
    turns: int
    words: int
    share: float


@attrs.frozen(kw_only=True)
class RoleStats:
    """How much the speakers of one role said across a corpus.

    Args:
        role: The role; None for speakers whose role is not known.
        speakers: How many speakers of the casts had this role, counted
            once an interview.
        turns: How many turns they took.
        words: How many words they said.
        share: Their words as a fraction of all words spoken in the corpus.

    """

    role: Role | None
    speakers: int
    turns: int
    words: int
    share: float


@attrs.frozen(kw_only=True)
class CorpusStats:
    """How the talk of a corpus is shared between its speakers and roles.

    Args:
        interviews: How many interviews were read.
        turns: The number of turns in all of them.
        words: The number of words in all turns.
        speakers: One `CorpusSpeakerStats` a speaker name, most words first
            (then by name).
        roles: One `RoleStats` a role that occurs, in the order of `Role`,
            speakers without a role last.

    Example:
        >>> import interviewkit as ik
        >>> summary = ik.read_many("seeds").stats()
        >>> summary.interviews, summary.turns, summary.words
        (1, 18, 1321)
        >>> [(entry.name, entry.words) for entry in summary.speakers]
        [('Darren Star', 873), ('Collider', 448)]
        >>> [(str(entry.role), round(entry.share, 3)) for entry in summary.roles]
        [('interviewer', 0.339), ('interviewee', 0.661)]

    """

    interviews: int
    turns: int
    words: int
    speakers: tuple[CorpusSpeakerStats, ...]
    roles: tuple[RoleStats, ...]


def _only(entry: CorpusEntry, speaker: str) -> str | None:
    """The id of ``speaker`` in this entry's interview, or None if none."""
    try:
        return find_speaker(entry.interview, speaker).id
    except SpeakerLookupError as error:
        if error.message.startswith("no speaker"):
            return None
        raise SpeakerLookupError(
            f"{entry.path}: {error.message}",
            key=error.key,
            candidates=error.candidates,
        ) from None


def corpus_search(
    entries: Iterable[CorpusEntry],
    pattern: str,
    *,
    speaker: str | None = None,
    regex: bool = False,
    ignore_case: bool = True,
    whole_word: bool = False,
    include_prose: bool = False,
    include_captions: bool = False,
    context: int = 30,
) -> Iterator[CorpusMatch]:
    """The matches of ``pattern`` in every interview, in corpus order.

    An interview in which ``speaker`` names nobody has no matches; one in
    which it is ambiguous raises `SpeakerLookupError`.
    """
    # A bad pattern fails before any file is read.
    _compile(pattern, regex=regex, ignore_case=ignore_case, whole_word=whole_word)
    if context < 0:
        raise ValueError(f"context must not be negative, got {context}")
    for entry in entries:
        only = None
        if speaker is not None:
            only = _only(entry, speaker)
            if only is None:
                continue
        for match in search(
            entry.interview,
            pattern,
            speaker=only,
            regex=regex,
            ignore_case=ignore_case,
            whole_word=whole_word,
            include_prose=include_prose,
            include_captions=include_captions,
            context=context,
        ):
            yield CorpusMatch(interview_id=entry.id, path=entry.path, match=match)


def corpus_qa_pairs(entries: Iterable[CorpusEntry]) -> Iterator[CorpusQAPair]:
    """Every question with its answers, interview by interview."""
    for entry in entries:
        cast = {speaker.id: speaker for speaker in entry.interview.speakers}
        for pair in qa_pairs(entry.interview):
            yield CorpusQAPair(
                interview_id=entry.id,
                path=entry.path,
                pair=pair,
                asker=cast[pair.question.speaker],
                answerers=tuple(cast[turn.speaker] for turn in pair.answers),
            )


_ROLE_ORDER = {role: index for index, role in enumerate(Role)}


def corpus_stats(entries: Iterable[CorpusEntry]) -> CorpusStats:
    """Turns, words and share of words per speaker name and per role."""
    interviews = 0
    by_name: dict[str, list[int]] = {}  # name: [interviews, turns, words]
    by_role: dict[Role | None, list[int]] = {}  # role: [speakers, turns, words]
    for entry in entries:
        interviews += 1
        interview = entry.interview
        counts = {speaker.id: [0, 0] for speaker in interview.speakers}
        for block in interview.body:
            if type(block) is Turn:
                figures = counts[block.speaker]
                figures[0] += 1
                figures[1] += count_words(block.text)
        names: set[str] = set()
        for speaker in interview.speakers:
            turns, words = counts[speaker.id]
            name = " ".join(speaker.name.split())
            named = by_name.setdefault(name, [0, 0, 0])
            named[0] += name not in names
            names.add(name)
            of_role = by_role.setdefault(speaker.role, [0, 0, 0])
            of_role[0] += 1
            for totals in (named, of_role):
                totals[1] += turns
                totals[2] += words
    total_words = sum(figures[2] for figures in by_name.values())
    total_turns = sum(figures[1] for figures in by_name.values())

    def share(words: int) -> float:
        return words / total_words if total_words else 0.0

    speakers = sorted(by_name.items(), key=lambda item: (-item[1][2], item[0]))
    roles = sorted(
        by_role.items(),
        key=lambda item: len(_ROLE_ORDER) if item[0] is None else _ROLE_ORDER[item[0]],
    )
    return CorpusStats(
        interviews=interviews,
        turns=total_turns,
        words=total_words,
        speakers=tuple(
            CorpusSpeakerStats(
                name=name,
                interviews=figures[0],
                turns=figures[1],
                words=figures[2],
                share=share(figures[2]),
            )
            for name, figures in speakers
        ),
        roles=tuple(
            RoleStats(
                role=role,
                speakers=figures[0],
                turns=figures[1],
                words=figures[2],
                share=share(figures[2]),
            )
            for role, figures in roles
        ),
    )
