"""Finding speakers by id, name or alias, and their turns."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from interviewkit.errors import SpeakerLookupError
from interviewkit.model._blocks import Speaker, Turn
from interviewkit.model._values import Role

if TYPE_CHECKING:
    from interviewkit.model._interview import Interview

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
