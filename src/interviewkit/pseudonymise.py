"""Pseudonymising interviews: names become codes, and a key turns them back.

`pseudonymise` gives every person a code (``INT`` for the interviewer,
``P01``, ``P02``, ... for everyone else, or codes of your own) and replaces
every mention of their names: in the cast, turn texts, labels, prose,
captions, the title, the metadata and the codings. What it replaced it
records in a `PseudonymKey`, which you keep apart from the data: the key
alone can turn the pseudonymised interviews back into the originals.

Which words count as a mention of a person:

- the full name and every alias, as written (``Maria Lopez``, ``LOPEZ``);
- every word of them of two or more letters (``Maria``, ``Lopez``, and
  ``Anne`` and ``Marie`` of ``Anne-Marie``), except the words that are not
  names: particles (``de``, ``van``), honorifics (``Dr``) and the words for
  a part (``Interviewer``, ``Q``, ``Speaker``), and numbers;
- the initials of a name of several words (``ML``, ``M.L.``, ``M. L.``);

in any case (``MARIA``, ``maria``) and as a whole word: a possessive keeps
its ending (``Maria's`` becomes ``P01's``), ``Mariachi`` stays. A word
shared by two people becomes both codes (``P01/P02``). A name that is also
an everyday word (Will, Rose, May) is replaced wherever the word stands:
read the output before you share it.

Offsets that point into a text (`Coding`, `Cue` and `Word` spans) move
with the text, so the codings stay on the passages they coded.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, overload

import attrs

from interviewkit._pseudonyms import ASKING, Cast, Pseudonym, Replacer, replace, restore
from interviewkit._reading.vocabulary import key
from interviewkit.errors import InterviewkitError
from interviewkit.model import ImageCaption, Interview

__all__ = ["Pseudonym", "PseudonymKey", "PseudonymKeyError", "pseudonymise"]

_VERSION = 1


class PseudonymKeyError(InterviewkitError, ValueError):
    """A pseudonym key that cannot be read, or that does not fit the data.

    Args:
        message: What is wrong.
        source: The key's file, if it came from one.

    Example:
        >>> PseudonymKey.from_json('{"people": 3}')
        Traceback (most recent call last):
        ...
        interviewkit.pseudonymise.PseudonymKeyError: not a pseudonym key: ...

    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.message = message
        self.source = source

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_key_error, (self.message, self.source))


def _rebuild_key_error(message: str, source: str | None) -> PseudonymKeyError:
    return PseudonymKeyError(message, source=source)


def _fingerprint(interview: Interview) -> str:
    """A digest of the text of an interview's body, to find its record.

    Only what every format keeps counts (the text of turns, prose and
    captions, in order), so a pseudonymised interview written as text or
    Word and read back still finds its record.
    """
    parts: list[str | None] = []
    for block in interview.body:
        if type(block) is ImageCaption:
            # Which field holds what may change on the way through a format.
            fields = (block.image, block.caption, block.credit)
            parts.append("\n".join(field for field in fields if field is not None))
        else:
            parts.append(block.text)  # type: ignore[union-attr]
    encoded = json.dumps(parts, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded, usedforsecurity=False).hexdigest()


@attrs.frozen(kw_only=True)
class PseudonymKey:
    """Who is who: the codes given, and what each interview had before.

    Keep it apart from the pseudonymised data: it holds the names. Save it
    with `save` (JSON) and read it back with `load`; `reverse` gives back
    the original interviews, and passing it to `pseudonymise` as ``key=``
    keeps the same codes for the same people in interviews added later.

    Args:
        people: The people and their codes, in the order they were met.
        records: For each pseudonymised interview (by a digest of its new
            texts), its original cast and every replacement made.
    """

    people: tuple[Pseudonym, ...] = ()
    records: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    def code(self, name: str) -> str:
        """The code of a person, by name or any form of it (any case).

        Raises:
            KeyError: Nobody of that name is in the key.

        Example:
            >>> import interviewkit as ik
            >>> iv = ik.Interview(speakers=[ik.Speaker(id="m", name="Maria Lopez")])
            >>> _, key = ik.pseudonymise(iv)
            >>> key.code("maria"), key.code("ML")
            ('P01', 'P01')

        """
        wanted = key(name)
        for person in self.people:
            if wanted in {key(form) for form in (person.name, *person.forms)}:
                return person.code
        raise KeyError(name)

    def to_json(self) -> str:
        """The key as a JSON document."""
        data = {
            "interviewkit": "pseudonym-key",
            "version": _VERSION,
            "people": [
                {"code": p.code, "name": p.name, "forms": list(p.forms)}
                for p in self.people
            ],
            "interviews": dict(self.records),
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, *, source: str | None = None) -> PseudonymKey:
        """Read a key from its JSON document.

        Raises:
            PseudonymKeyError: The text is not a pseudonym key.
        """
        try:
            data = json.loads(text)
            people = tuple(
                Pseudonym(
                    code=_string(person["code"]),
                    name=_string(person["name"]),
                    forms=tuple(_string(form) for form in person["forms"]),
                )
                for person in data["people"]
            )
            records = data["interviews"]
            if data.get("interviewkit") != "pseudonym-key" or not isinstance(
                records, dict
            ):
                raise TypeError
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            detail = f" ({error})" if isinstance(error, ValueError) else ""
            raise PseudonymKeyError(
                f"not a pseudonym key: expected the JSON that PseudonymKey.save "
                f"writes{detail}",
                source=source,
            ) from None
        return cls(people=people, records=records)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the key as JSON (UTF-8) to ``path``."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> PseudonymKey:
        """Read a key that `save` wrote.

        Raises:
            PseudonymKeyError: The file is not a pseudonym key.
            OSError: The file cannot be read.
        """
        data = Path(path).read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PseudonymKeyError(
                "not a pseudonym key: not UTF-8 text", source=os.fspath(path)
            ) from None
        return cls.from_json(text, source=os.fspath(path))

    @overload
    def reverse(self, interviews: Interview) -> Interview: ...
    @overload
    def reverse(self, interviews: Iterable[Interview]) -> tuple[Interview, ...]: ...
    def reverse(
        self, interviews: Interview | Iterable[Interview]
    ) -> Interview | tuple[Interview, ...]:
        """The original interviews of pseudonymised ones.

        Codings added after pseudonymising are kept, moved to the original
        text; the texts themselves must not have been changed.

        Raises:
            PseudonymKeyError: An interview is not one this key pseudonymised
                (its texts changed since, or it belongs to another study).

        Example:
            >>> import interviewkit as ik
            >>> iv = ik.Interview(
            ...     speakers=[ik.Speaker(id="m", name="Maria Lopez")],
            ...     body=[ik.Turn(speaker="m", text="Maria's flat.")],
            ... )
            >>> coded, key = ik.pseudonymise(iv)
            >>> coded.turns[0].text
            "P01's flat."
            >>> key.reverse(coded) == iv
            True

        """
        if isinstance(interviews, Interview):
            return self._reverse_one(interviews)
        return tuple(self._reverse_one(interview) for interview in interviews)

    def _reverse_one(self, interview: Interview) -> Interview:
        found = self.records.get(_fingerprint(interview))
        record = _choose(found, interview) if isinstance(found, list) else None
        if record is None:
            title = f" {interview.title!r}" if interview.title else ""
            raise PseudonymKeyError(
                f"the interview{title} is not one this key pseudonymised: its "
                "text changed since, or it comes from another study"
            )
        try:
            return restore(interview, record, {p.code for p in self.people})
        except (KeyError, IndexError, TypeError, ValueError) as error:
            raise PseudonymKeyError(
                f"the key's record does not fit the interview: {error}"
            ) from None


def _choose(records: list[Any], interview: Interview) -> Any:
    """The record of an interview among those of interviews with its text.

    Two interviews whose text is the same once pseudonymised (the same
    words, other names) differ in their cast: the record whose codes the
    interview's speakers carry is the one.
    """
    names = {
        key(form) for s in interview.speakers for form in (s.name, s.id, *s.aliases)
    }
    for record in records:
        if all(key(item["code"]) in names for item in record["speakers"]):
            return record
    return records[0] if records else None


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {value!r}")
    return value


# --- the public function --------------------------------------------------------


@overload
def pseudonymise(
    interviews: Interview,
    *,
    names: Iterable[str] | Mapping[str, str] = (),
    codes: Mapping[str, str] | None = None,
    participant: str = "P{:02d}",
    interviewer: str = "INT",
    other: str = "N{:02d}",
    key: PseudonymKey | None = None,
) -> tuple[Interview, PseudonymKey]: ...
@overload
def pseudonymise(
    interviews: Iterable[Interview],
    *,
    names: Iterable[str] | Mapping[str, str] = (),
    codes: Mapping[str, str] | None = None,
    participant: str = "P{:02d}",
    interviewer: str = "INT",
    other: str = "N{:02d}",
    key: PseudonymKey | None = None,
) -> tuple[tuple[Interview, ...], PseudonymKey]: ...
def pseudonymise(
    interviews: Interview | Iterable[Interview],
    *,
    names: Iterable[str] | Mapping[str, str] = (),
    codes: Mapping[str, str] | None = None,
    participant: str = "P{:02d}",
    interviewer: str = "INT",
    other: str = "N{:02d}",
    key: PseudonymKey | None = None,
) -> tuple[Interview | tuple[Interview, ...], PseudonymKey]:
    """Replace the names of the people in interviews by codes.

    Every speaker gets a code: the interviewer (a speaker whose role is
    interviewer, host or moderator) ``INT``, then ``INT2``; everyone else
    ``P01``, ``P02``, ... in the order they are met. The same name gets the
    same code in every interview given, and in later calls that pass the
    key back as ``key=``. See the module for what counts as a mention.

    Args:
        interviews: One interview, or several (a corpus).
        names: Other names to replace, such as people who are talked about
            but do not speak, places or employers: a list (their codes are
            ``N01``, ``N02``, ...) or a mapping from a name to its code.
        codes: Codes of your choosing, by name: ``{"Maria Lopez": "Teacher
            A"}``. A name here that no speaker has is replaced too, as
            ``names`` are; give a second form of a speaker's name the
            speaker's code to make them one person.
        participant: The scheme of the participants' codes: a format with
            the number (``"P{:02d}"``), or a word that gets a number from
            the second person on.
        interviewer: The scheme of the interviewers' codes.
        other: The scheme of the codes of ``names`` given as a list.
        key: A key from an earlier call: the people in it keep their codes.

    Returns:
        The pseudonymised interview (or a tuple of them, in order) and the
        `PseudonymKey` that reverses them. Keep the key apart from the data.

    Raises:
        ValueError: A code is blank.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="ann", name="Ann Lee", role="interviewer"),
        ...               ik.Speaker(id="maria", name="Maria Lopez",
        ...                          aliases=["MARIA"])],
        ...     body=[ik.Turn(speaker="ann", text="Maria, did Mr Okafor help?",
        ...                   label="Ann Lee"),
        ...           ik.Turn(speaker="maria", text="LOPEZ is my name; ML too.",
        ...                   label="MARIA")],
        ... )
        >>> new, key = ik.pseudonymise(iv, names=["Okafor"])
        >>> [(s.id, s.name) for s in new.speakers]
        [('int', 'INT'), ('p01', 'P01')]
        >>> [(t.label, t.text) for t in new.turns]
        [('INT', 'P01, did Mr N01 help?'), ('P01', 'P01 is my name; P01 too.')]
        >>> key.reverse(new) == iv
        True

    """
    single = isinstance(interviews, Interview)
    items: list[Interview] = (
        [interviews] if isinstance(interviews, Interview) else list(interviews)
    )
    for item in items:
        if not isinstance(item, Interview):
            raise TypeError(
                f"pseudonymise() takes interviews, not {type(item).__name__}"
            )
    chosen = dict(codes or {})
    if isinstance(names, Mapping):
        chosen.update(names)
    cast = Cast(
        key.people if key is not None else (), chosen, participant, interviewer, other
    )
    for item in items:
        for speaker in item.speakers:
            kind = "interviewer" if speaker.role in ASKING else "participant"
            cast.person(speaker.name, speaker.aliases, kind)
    for name in [*names, *chosen]:
        if not isinstance(name, str) or not name.strip():
            raise TypeError(f"names are non-blank str, not {name!r}")
        cast.person(name, (), "other")
    matcher = cast.matcher()
    records: dict[str, Any] = dict(key.records) if key is not None else {}
    results = []
    for item in items:
        replacer = Replacer(matcher)
        new = replace(item, cast, replacer)
        records.setdefault(_fingerprint(new), []).append(
            {
                "speakers": [
                    {
                        "code": code.name,
                        "id": s.id,
                        "name": s.name,
                        "role": s.role.value if s.role else None,
                        "aliases": list(s.aliases),
                    }
                    for s, code in zip(item.speakers, new.speakers, strict=True)
                ],
                "fields": {
                    path: [list(record) for record in found]
                    for path, found in replacer.records.items()
                },
            }
        )
        results.append(new)
    new_key = PseudonymKey(people=tuple(cast.people), records=records)
    return (results[0] if single else tuple(results)), new_key
