"""What the engine guessed while it read a document, with the lines.

Nothing is collected unless a caller asks: `collecting` sets a list for
the current context, and `resolve` adds its guesses to it after it has
read a document. A guess is worth a look when the reading surprises:
which label was taken for which person, whose an unlabelled paragraph was,
which role was inferred, which paragraph stayed prose.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from contextvars import ContextVar

import attrs

from interviewkit._reading.cast import Cast, Person
from interviewkit._reading.classify import Item
from interviewkit._reading.vocabulary import key
from interviewkit.model import ImageCaption, Prose, Role

__all__ = ["Guess", "active", "collecting", "record"]


@attrs.frozen
class Guess:
    """One decision of the reader that the document did not spell out.

    Attributes:
        line: The 1-based line of the document it is about.
        kind: What was decided: ``"speaker"`` (a label read as a new
            speaker), ``"alias"`` (a label taken for a speaker of another
            name), ``"role"`` (a role inferred from who asks and who
            answers), ``"unlabelled"`` (a paragraph without a label given
            to a speaker), ``"not a label"`` (what looked like a label kept
            as text), ``"prose"`` (a paragraph kept out of the talk) or
            ``"caption"`` (a paragraph read as an image's caption).
        message: The decision in words.
    """

    line: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.kind}: {self.message}"


_GUESSES: ContextVar[list[Guess] | None] = ContextVar(
    "interviewkit_guesses", default=None
)


@contextlib.contextmanager
def collecting() -> Iterator[list[Guess]]:
    """Collect the guesses of every document read inside the block."""
    guesses: list[Guess] = []
    token = _GUESSES.set(guesses)
    try:
        yield guesses
    finally:
        _GUESSES.reset(token)


def active() -> bool:
    """Whether a caller collects guesses, so the engine should note them."""
    return _GUESSES.get() is not None


def record(
    cast: Cast, items: Sequence[Item], roles_before: dict[int, Role | None]
) -> None:
    """Add the guesses behind ``items`` (what `classify` returned) to the
    collection; ``roles_before`` is every person's role before roles were
    inferred, by ``id``."""
    guesses = _GUESSES.get()
    if guesses is None:
        return
    found: list[Guess] = []
    first_line: dict[int, int] = {}
    seen_labels: set[tuple[int, str]] = set()
    for item in items:
        line = item.paragraph.line
        person = item.person
        if item.kind == "turn" and person is not None:
            first_line.setdefault(id(person), line)
            label = item.paragraph.label
            if item.labelled and label is not None:
                if (id(person), label) not in seen_labels:
                    seen_labels.add((id(person), label))
                    found.append(_label_guess(line, label, person))
            else:
                found.append(_unlabelled(line, person, item))
            found.extend(
                Guess(
                    joined,
                    "unlabelled",
                    f"no label: more of {person.name}'s turn before it",
                )
                for joined in item.joined
            )
        elif item.kind == "block" and isinstance(item.block, Prose):
            label = item.paragraph.label
            if label is not None and item.paragraph.block is None:
                found.append(
                    Guess(
                        line, "not a label", f"{label!r} is not a speaker: kept as text"
                    )
                )
            elif item.paragraph.block is None and not item.paragraph.cast:
                kind = item.block.kind
                what = "prose" if kind is None else f"prose ({kind.value})"
                found.append(Guess(line, "prose", f"kept out of the talk as {what}"))
        elif (
            item.kind == "block"
            and isinstance(item.block, ImageCaption)
            and item.paragraph.block is None
        ):
            found.append(Guess(line, "caption", "read as an image's caption or credit"))
    for person in cast.people:
        before = roles_before.get(id(person))
        if person.role is not None and before is None and id(person) in first_line:
            found.append(
                Guess(
                    first_line[id(person)],
                    "role",
                    f"{person.name} is the {person.role.value}: inferred from who "
                    "asks and who answers",
                )
            )
    found.sort(key=lambda guess: guess.line)
    guesses.extend(found)


def _label_guess(line: int, label: str, person: Person) -> Guess:
    if key(label) == key(person.name):
        return Guess(line, "speaker", f"{label!r} is a speaker: {person.name}")
    return Guess(line, "alias", f"{label!r} is {person.name}")


def _unlabelled(line: int, person: Person, item: Item) -> Guess:
    if item.answer:
        why = "the answer to the question before it"
    elif item.continued:
        why = "more of the talk before it"
    else:
        why = "by its place in the talk"
    return Guess(line, "unlabelled", f"no label: given to {person.name}, {why}")
