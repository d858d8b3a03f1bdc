"""`resolve`: a reader's paragraphs in, the cast and the body out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewkit._options import ReadOptions
from interviewkit._reading import guesses
from interviewkit._reading.cast import Cast, Person, lookup, mentioned, new_person
from interviewkit._reading.classify import Item, classify
from interviewkit._reading.labels import split_short
from interviewkit._reading.records import CastEntry, Paragraph
from interviewkit._reading.roles import give_roles
from interviewkit._reading.vocabulary import ROLE_WORDS, UTTERANCES, key
from interviewkit.model import Block, Role, Speaker, Turn

__all__ = ["Labels", "declare", "resolve"]


def _plain_text(paragraph: Paragraph) -> str:
    if paragraph.label is None:
        return paragraph.text
    return (paragraph.marker or "") + paragraph.text


def resolve(
    paragraphs: Sequence[Paragraph],
    options: ReadOptions | None = None,
    *,
    context: Sequence[str] = (),
) -> tuple[tuple[Speaker, ...], tuple[Block, ...]]:
    """Turn a reader's paragraphs into a cast and a body.

    Args:
        paragraphs: The paragraphs in document order.
        options: What the caller knows; defaults to `ReadOptions()`.
        context: Text about the document that is not part of it (a blog's
            front matter: its title, its author), where names may be given
            in full: ``Arvind`` is ``Arvind Parekh`` when the author is.

    Returns:
        The speakers and the body blocks, ready for `Interview`.

    Example:
        >>> speakers, body = resolve([
        ...     Paragraph(text="It is Paris.", label="STAR", marker="STAR: "),
        ...     Paragraph(text="And Rome?"),
        ...     Paragraph(text="Later.", label="STAR", marker="STAR: "),
        ... ])
        >>> [(s.name, s.role.value) for s in speakers]
        [('Star', 'interviewee'), ('Interviewer', 'interviewer')]
        >>> [(b.speaker, b.label) for b in body]
        [('star', 'STAR'), ('interviewer', None), ('star', 'STAR')]

    """
    options = options or ReadOptions()
    plain_texts: list[str] = []
    label_counts: dict[str, int] = {}
    weak: set[str] = set()
    tentative: set[str] = set()
    for paragraph in paragraphs:
        label = paragraph.label
        if label is not None:
            label_counts[label] = label_counts.get(label, 0) + 1
            if paragraph.weak and _full_name(label):
                weak.add(label)
            elif paragraph.tentative and not paragraph.weak:
                tentative.add(label)
        elif paragraph.block is None:
            plain_texts.append(paragraph.text)
    cast = Cast("\n".join([*context, *plain_texts]), label_counts)
    declare(cast, paragraphs, options)
    # Three names or more, each a label again and again: the document labels
    # its turns with names like these, and one used once is a label too.
    recurring = sum(label_counts[label] >= 2 for label in tentative)
    labels = Labels(cast, options, label_counts, len(weak) >= 2, recurring >= 3)
    items = labels.items(paragraphs)
    blocks = classify(merge_joined(items), cast, options)
    explaining = guesses.active()
    roles_before = (
        {id(person): person.role for person in cast.people} if explaining else {}
    )
    give_roles(cast, blocks, options)
    if explaining:
        guesses.record(cast, blocks, roles_before)
    speakers = tuple(person.speaker() for person in cast.people)
    return speakers, build(blocks)


def declare(cast: Cast, paragraphs: Sequence[Paragraph], options: ReadOptions) -> None:
    """Put in the cast who the options and the cast lists name, first."""
    for name in options.interviewer:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWER, exact=True)
    for name in options.interviewee:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWEE, exact=True)
    for paragraph in paragraphs:
        for entry in paragraph.cast:
            _declare_entry(cast, entry)


def _declare_entry(cast: Cast, entry: CastEntry) -> None:
    if entry.final:
        # A declared speaker is its own person, even under a name that
        # another speaker shares.
        named = cast.add(entry.name, role=entry.role, exact=True)
        named.final = True
        return
    known = cast.by_exact.get(entry.name) or cast.by_key.get(key(entry.name))
    named = known or cast.add(entry.name, role=entry.role, exact=True)
    if named.role is None and not named.final:
        named.role = entry.role
    if entry.short:
        named.shorts.append(entry.short)
        cast.alias(named, entry.short)


class Labels:
    """Resolves every label of a document to a person, once a label."""

    def __init__(
        self,
        cast: Cast,
        options: ReadOptions,
        label_counts: dict[str, int],
        names_in_bold: bool = False,
        names_as_labels: bool = False,
    ) -> None:
        self.cast = cast
        self.names_as_labels = names_as_labels
        # Two full names or more, each alone in bold before its speech: the
        # document labels its speakers that way, once each or not.
        self.names_in_bold = names_in_bold
        self.options = options
        self.resolved: dict[tuple[str, bool], Person] = {}
        self.mention_checks = 0
        self.base_counts: dict[str, int] = {}
        for label, count in label_counts.items():
            folded = key(split_short(label)[0])
            self.base_counts[folded] = self.base_counts.get(folded, 0) + count
            # "Mr. Smith" once and "Smith" once back each other up.
            surname = " " + folded.rsplit(" ", 1)[-1]
            self.base_counts[surname] = self.base_counts.get(surname, 0) + count

    def items(self, paragraphs: Sequence[Paragraph]) -> list[Item]:
        items: list[Item] = []
        for paragraph in paragraphs:
            if paragraph.block is not None:
                items.append(Item(paragraph, "block", block=paragraph.block))
            elif paragraph.cast:
                items.append(Item(paragraph, "cast", text=paragraph.text))
            elif paragraph.label is None:
                kind = "question" if paragraph.question else "plain"
                items.append(Item(paragraph, kind, text=paragraph.text))
            else:
                person = None
                if not _LINK.fullmatch(paragraph.text):
                    # "Draft: https://...": a link line, whatever its label.
                    person = self.person(paragraph, paragraph.label)
                if person is None:
                    items.append(Item(paragraph, "plain", text=_plain_text(paragraph)))
                else:
                    items.append(
                        Item(
                            paragraph,
                            "turn",
                            person=person,
                            text=paragraph.text,
                            labelled=True,
                        )
                    )
        return items

    def person(self, paragraph: Paragraph, label: str) -> Person | None:
        """Who the label names, or None for a tentative label nothing backs."""
        exact = paragraph.exact_label
        # A label resolves once: later turns under it go to the same speaker.
        person = self.resolved.get((label, exact))
        if person is not None:
            return person
        person = self._utterance(label) if not exact else None
        if person is None:
            person = lookup(self.cast, label, self.options, exact=exact)
        if (
            person is None
            and paragraph.tentative
            and not self._backed(label, weak=paragraph.weak)
        ):
            return None
        if person is None:
            person = new_person(self.cast, label, self.options, exact=exact)
        self.resolved[label, exact] = person
        if label not in person.labels:
            person.labels.append(label)
        return person

    def _utterance(self, label: str) -> Person | None:
        """``Question 3``: the speaker of that role, whatever the number."""
        head, _, number = label.rpartition(" ")
        folded = key(head)
        if not number.isdecimal() or folded not in UTTERANCES:
            return None
        role = ROLE_WORDS[folded]
        for person in self.cast.people:
            if person.role is role:
                return person
        name = "Interviewer" if role is Role.INTERVIEWER else "Interviewee"
        return self.cast.add(name, role=role, exact=True)

    def _backed(self, label: str, *, weak: bool) -> bool:
        """Whether the document backs up a label found by its shape alone.

        A label that recurs is backed; one that the prose names is backed
        too, unless it is weak (no colon said it was a label).
        """
        base = split_short(label)[0]
        folded = key(base)
        if (
            self.base_counts.get(folded, 0) >= 2
            or self.base_counts.get(" " + folded.rsplit(" ", 1)[-1], 0) >= 2
        ):
            return True
        if weak:
            if base.isupper() and 2 <= len(base) <= 3:
                return self.cast.initials(base) is not None
            return self.names_in_bold and _full_name(base)
        if self.names_as_labels:
            return True
        if self.mention_checks >= 64:
            return False
        self.mention_checks += 1
        return mentioned(self.cast.prose, base)


def merge_joined(items: list[Item]) -> list[Item]:
    """A demoted label on the line after a paragraph rejoins that paragraph."""
    merged: list[Item] = []
    for item in items:
        if (
            item.kind == "plain"
            and item.paragraph.joined
            and item.paragraph.label is not None
            and merged
            and merged[-1].kind in ("plain", "turn")
        ):
            merged[-1].text += "\n" + item.text
            continue
        merged.append(item)
    return merged


def build(items: list[Item]) -> tuple[Block, ...]:
    body: list[Block] = []
    for item in items:
        if item.kind == "block":
            assert item.block is not None
            body.append(item.block)
            continue
        paragraph = item.paragraph
        assert item.person is not None
        label: str | None = None
        start_ms: int | None = None
        marker: str | None = None
        # A demoted label (not labelled, yet with a label) is part of the text.
        if item.labelled or paragraph.label is None:
            label = paragraph.label
            start_ms = paragraph.start_ms
            marker = _suffixed(paragraph.marker, item.marker_suffix)
        body.append(
            Turn(
                speaker=item.person.id,
                text=item.text,
                label=label,
                start_ms=start_ms,
                marker=marker,
            )
        )
    return tuple(body)


def _suffixed(marker: str | None, suffix: str) -> str | None:
    return marker + suffix if marker is not None else None


_LINK = re.compile(r"[ \t]*<?(?:https?|ftp)://\S+?>?[ \t]*")


def _full_name(label: str) -> bool:
    """Two to four capitalised words: a person's name rather than a bold word."""
    words = label.split(" ")
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words)
