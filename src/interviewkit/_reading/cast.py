"""The people of an interview as the reader meets them, label by label.

A `Cast` resolves every label to a `Person`: the full name first, then
the surname, the first name, the initials or a declared short form
(``Adam Jonas (AJ)`` then ``AJ``). It cases names as the prose writes
them (``DARREN STAR`` is ``Darren Star`` when the intro says so), and keeps
its indexes in dictionaries, so resolving is linear in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

from interviewkit._options import ReadOptions
from interviewkit._reading.labels import split_short
from interviewkit._reading.vocabulary import (
    HONORIFICS,
    NOT_FIRST,
    PARTICLES,
    ROLE_WORDS,
    key,
)
from interviewkit.model import Role, Speaker

__all__ = ["Cast", "Person", "lookup", "mentioned", "new_person", "speaker_id"]


def speaker_id(name: str, taken: Iterable[str] = ()) -> str:
    """A stable id for a speaker: the name in lowercase ASCII, hyphenated.

    Example:
        >>> speaker_id("Darren Star"), speaker_id("Zoë O’Brien"), speaker_id("日本")
        ('darren-star', 'zoe-obrien', 'speaker')

    """
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    )
    parts: list[str] = []
    current: list[str] = []
    for ch in ascii_name.lower():
        if ch.isalnum():
            current.append(ch)
        elif current:
            parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    base = "-".join(parts)[:40].strip("-") or "speaker"
    used = taken if isinstance(taken, (set, frozenset)) else set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


# --- resolution ---------------------------------------------------------------


@attrs.define
class Person:
    id: str
    name: str
    role: Role | None = None
    labels: list[str] = attrs.field(factory=list)
    shorts: list[str] = attrs.field(factory=list)
    exact: bool = False  # the name is known exactly: no re-casing
    final: bool = False  # the role is known: no guessing

    def speaker(self) -> Speaker:
        aliases: list[str] = []
        for alias in [*self.labels, *self.shorts]:
            if alias != self.name and alias not in aliases and alias.strip():
                aliases.append(alias)
        return Speaker(id=self.id, name=self.name, role=self.role, aliases=aliases)


# How much of the prose to lowercase first when looking for how it writes a
# name: names are usually written in the introduction, at the start.
_LOWERED_HEAD = 1 << 16


class Cast:
    def __init__(self, prose: str, labels: Iterable[str] = ()) -> None:
        self.people: list[Person] = []
        # The document's labels: a word that is one is nobody's surname.
        self.label_keys = {key(label) for label in labels}
        self.by_key: dict[str, Person] = {}
        self.by_exact: dict[str, Person] = {}
        # Surnames, first names and initials of multi-word names.
        self.by_part: dict[str, list[Person]] = {}
        self.ids: set[str] = set()
        self.prose = prose
        # The prose in lowercase, computed as far as the lookups need it.
        self.lowered_head: str | None = None
        self.lowered_prose: str | None = None
        self.casing_lookups = 0
        self.expansions = 0
        self.questioners: dict[int, Person] = {}
        # Who answers the questions the markup marks, and so never asks them.
        self.answerers: set[int] = set()
        # Who may ask questions, best first (see _find_questioner).
        self.ranked: list[list[Person]] | None = None

    def add(
        self, name: str, *, role: Role | None = None, exact: bool = False
    ) -> Person:
        full = name if exact else self._expanded(self._cased(name))
        person = Person(
            id=speaker_id(full, self.ids),
            name=full,
            role=role,
            exact=exact,
        )
        self.ids.add(person.id)
        self.people.append(person)
        self.ranked = None
        self.by_exact.setdefault(name, person)
        self.by_key.setdefault(key(name), person)
        self.by_key.setdefault(key(person.name), person)
        words = key(person.name).split(" ")
        parts = [w for w in words if w not in HONORIFICS]
        if len(parts) >= 2:
            initials = "".join(part[0] for part in parts)
            for part in {parts[0], parts[-1], initials}:
                self.by_part.setdefault(part, []).append(person)
        elif parts and len(words) >= 2:
            # "Mr. Smith": the surname alone names him too.
            self.by_part.setdefault(parts[0], []).append(person)
        return person

    def _expanded(self, name: str) -> str:
        """A first name as the full name the prose gives it, if just one.

        ``Fyka`` is ``Fyka Ansari`` when the introduction names her so and no
        one else; a role word, initials or a name of several words stay, and
        a word that is another label is no surname.
        """
        if 2 <= len(name) <= 3 and name.isalpha() and name.isupper():
            return self.initials(name) or name
        if (
            " " in name
            or len(name) < 3
            or key(name) in ROLE_WORDS
            or not name[:1].isupper()
            or name.isupper()
            or self.expansions >= 64
            or not self.prose
        ):
            return name
        self.expansions += 1
        found = {
            match.group(1)
            for match in re.finditer(
                rf"(?<![\w'’-]){re.escape(name)}[ \t\n]+([A-Z]{_LATIN}*)", self.prose
            )
            if key(match.group(1)) not in NOT_FIRST
            and not match.group(1).isupper()
            # "Kevin Tom" when Tom labels turns too is two people.
            and key(match.group(1)) not in self.label_keys
        }
        return f"{name} {found.pop()}" if len(found) == 1 else name

    def initials(self, letters: str) -> str | None:
        """The one full name in the prose whose initials are ``letters``."""
        if self.expansions >= 64 or not self.prose or key(letters) in ROLE_WORDS:
            return None
        self.expansions += 1
        words = r"[ \t\n]+".join(rf"{re.escape(letter)}[\w'’-]*" for letter in letters)
        found = {
            " ".join(match.group().split())
            for match in re.finditer(rf"(?<![\w'’-]){words}(?![\w'’-])", self.prose)
        }
        return found.pop() if len(found) == 1 else None

    def alias(self, person: Person, label: str) -> None:
        self.by_key.setdefault(key(label), person)

    def _cased(self, name: str) -> str:
        if not (
            any(ch.isupper() for ch in name) and not any(ch.islower() for ch in name)
        ):
            return name
        if "/" in name:
            return name  # the initials of a joint answer: "M/G/S"
        if len(name) <= 2 or (len(name) == 3 and not set(name) & set("AEIOUY")):
            return name  # initials and letters ("AJ", "SPJ", "Q"): no word to case
        # Bounded: each lookup scans the prose once.
        if self.casing_lookups < 64 and self.prose:
            self.casing_lookups += 1
            found = self._find_cased(name)
            if found is not None:
                return found
        return title_case(name)

    def _lowered(self, *, whole: bool) -> str:
        """The prose in lowercase: all of it, or a first part of it.

        Lowercasing one character depends on its neighbours only for a
        capital sigma, and never across a line break; so the first part,
        cut at a line break, lowers as it does within the whole.
        """
        if whole or len(self.prose) <= _LOWERED_HEAD:
            if self.lowered_prose is None:
                self.lowered_prose = self.prose.lower()
            return self.lowered_prose
        if self.lowered_head is None:
            cut = self.prose.rfind("\n", 0, _LOWERED_HEAD)
            self.lowered_head = self.prose[: max(cut, 0)].lower()
        return self.lowered_head

    def _find_cased(self, name: str) -> str | None:
        """How the prose writes ``name`` (found case-insensitively), if it does."""
        prose = self.prose
        target = name.lower()
        # U+0130 is the one character whose lowercase is longer than itself:
        # with it, positions in the lowered prose are not positions in the
        # prose.
        if "\u0130" in prose or len(target) != len(name):
            return None
        lowered = self._lowered(whole=False)
        start = 0
        for _ in range(20):
            at = lowered.find(target, start)
            if at < 0 and len(lowered) < len(prose):
                # Not in the first part: look on in the whole, from here.
                lowered = self._lowered(whole=True)
                at = lowered.find(target, start)
            if at < 0:
                return None
            found = prose[at : at + len(name)]
            before = prose[at - 1] if at else " "
            after = prose[at + len(name)] if at + len(name) < len(prose) else " "
            if (
                not before.isalnum()
                and not after.isalnum()
                and any(ch.islower() for ch in found)
            ):
                return found
            start = at + 1
        return None

    def partial(self, folded: str) -> Person | None:
        """The one speaker whose surname, first name or initials is ``folded``."""
        words = folded.split(" ")
        if words and words[0] in HONORIFICS and len(words) > 1:
            words = words[1:]
            folded = " ".join(words)
            if folded in self.by_key:
                return self.by_key[folded]
        if len(words) != 1:
            return None
        matches = self.by_part.get(folded) or self.by_part.get(folded.replace(".", ""))
        if matches:
            return matches[0] if len(matches) == 1 else None
        return self._shortened(folded)

    def _shortened(self, folded: str) -> Person | None:
        """The one speaker whose first name ``folded`` shortens or misspells.

        ``Oli`` for ``Oliver`` (three letters or more, the start of exactly
        one first name), ``Mathias`` for ``Matthias`` (five letters or more,
        one letter apart from exactly one first name, and not written in the
        prose as a name of its own: ``Federico`` beside ``Frederico``).
        """
        if len(folded) < 3 or not folded.isalpha():
            return None
        # A name the document writes out itself is not a misspelling.
        written = len(folded) >= 5 and mentioned(self._lowered(whole=True), folded)
        found: list[Person] = []
        for person in self.people:
            if person.exact:
                continue
            for label in (person.name, *person.labels):
                first = key(label).split(" ")[0]
                if first != folded and (
                    first.startswith(folded)
                    or (len(folded) >= 5 and not written and _one_apart(first, folded))
                ):
                    found.append(person)
                    break
        return found[0] if len(found) == 1 else None


# The letters of a surname in Latin script: a surname ends where the script
# changes ("Mochizukiさん" is "Mochizuki").
_LATIN = "[A-Za-zÀ-ÖØ-öø-ɏ'’-]"


def _one_apart(one: str, two: str) -> bool:
    """Whether two words differ by one letter added, dropped or changed."""
    if abs(len(one) - len(two)) > 1:
        return False
    if len(one) < len(two):
        one, two = two, one
    for index, (a, b) in enumerate(zip(one, two, strict=False)):
        if a != b:
            rest = one[index + 1 :]
            return rest == two[index + 1 :] or rest == two[index:]
    return True


def title_case(name: str) -> str:
    words = []
    for word in name.split(" "):
        if key(word) in PARTICLES:
            words.append(word.lower())
        else:
            words.append(word[:1] + word[1:].lower() if word else word)
    return " ".join(words)


def mentioned(prose: str, name: str) -> bool:
    at = prose.find(name)
    while at >= 0:
        before = prose[at - 1] if at else " "
        end = at + len(name)
        after = prose[end] if end < len(prose) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = prose.find(name, at + 1)
    return False


def lookup(
    cast: Cast, label: str, options: ReadOptions, *, exact: bool
) -> Person | None:
    if exact:
        return cast.by_exact.get(label)
    mapped = options.names.get(label)
    if mapped is not None:
        return cast.by_exact.get(mapped) or cast.by_key.get(key(mapped))
    base, _short = split_short(label)
    folded = key(base)
    person = cast.by_key.get(folded)
    if person is not None:
        return person
    role = ROLE_WORDS.get(folded)
    if role is not None and role is not Role.OTHER:
        # "MODERATOR:" is the one moderator a cast list named.
        holders = [p for p in cast.people if p.role is role and p.exact]
        if len(holders) == 1:
            return holders[0]
    return cast.partial(folded)


def new_person(cast: Cast, label: str, options: ReadOptions, *, exact: bool) -> Person:
    if exact:
        return cast.add(label, exact=True)
    mapped = options.names.get(label)
    if mapped is not None:
        person = cast.add(mapped, exact=True)
    else:
        base, short = split_short(label)
        person = cast.add(base)
        if short:
            person.shorts.append(short)
            cast.alias(person, short)
    cast.alias(person, label)
    role = ROLE_WORDS.get(
        key(label.rsplit(" ", 1)[0] if label[-1:].isdigit() else label)
    )
    if role is not None and role is not Role.OTHER:
        person.role = role
    return person
