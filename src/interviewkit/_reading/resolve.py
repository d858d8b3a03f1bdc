"""`resolve`: a reader's paragraphs in, the cast and the body out."""

from __future__ import annotations

from collections.abc import Sequence

from interviewkit._options import ReadOptions
from interviewkit._reading.cast import Cast, Person, lookup, mentioned, new_person
from interviewkit._reading.classify import Item, classify
from interviewkit._reading.labels import split_short
from interviewkit._reading.records import CastEntry, Paragraph
from interviewkit._reading.roles import give_roles
from interviewkit._reading.vocabulary import key
from interviewkit.model import Block, Role, Speaker, Turn

__all__ = ["resolve"]


def _plain_text(paragraph: Paragraph) -> str:
    if paragraph.label is None:
        return paragraph.text
    return (paragraph.marker or "") + paragraph.text


def resolve(
    paragraphs: Sequence[Paragraph], options: ReadOptions | None = None
) -> tuple[tuple[Speaker, ...], tuple[Block, ...]]:
    """Turn a reader's paragraphs into a cast and a body.

    Args:
        paragraphs: The paragraphs in document order.
        options: What the caller knows; defaults to `ReadOptions()`.

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
    cast_lists: list[tuple[CastEntry, ...]] = []
    for paragraph in paragraphs:
        label = paragraph.label
        if label is not None:
            label_counts[label] = label_counts.get(label, 0) + 1
        elif paragraph.block is None:
            plain_texts.append(paragraph.text)
        if paragraph.cast:
            cast_lists.append(paragraph.cast)
    prose = "\n".join(plain_texts)
    cast = Cast(prose)
    base_counts: dict[str, int] = {}
    for label, count in label_counts.items():
        folded = key(split_short(label)[0])
        base_counts[folded] = base_counts.get(folded, 0) + count
        # "Mr. Smith" once and "Smith" once back each other up.
        surname = " " + folded.rsplit(" ", 1)[-1]
        base_counts[surname] = base_counts.get(surname, 0) + count

    for name in options.interviewer:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWER, exact=True)
    for name in options.interviewee:
        cast.add(options.names.get(name, name), role=Role.INTERVIEWEE, exact=True)
    for entries in cast_lists:
        for entry in entries:
            if entry.final:
                # A declared speaker is its own person, even under a name
                # that another speaker shares.
                named = cast.add(entry.name, role=entry.role, exact=True)
                named.final = True
                continue
            known = cast.by_exact.get(entry.name) or cast.by_key.get(key(entry.name))
            named = known or cast.add(entry.name, role=entry.role, exact=True)
            if named.role is None and not named.final:
                named.role = entry.role
            named.final = named.final or entry.final
            if entry.short:
                named.shorts.append(entry.short)
                cast.alias(named, entry.short)

    items: list[Item] = []
    resolved: dict[tuple[str, bool], Person] = {}
    mention_checks = 0
    for paragraph in paragraphs:
        if paragraph.block is not None:
            items.append(Item(paragraph, "block", block=paragraph.block))
            continue
        if paragraph.cast:
            items.append(Item(paragraph, "cast", text=paragraph.text))
            continue
        if paragraph.label is None:
            kind = "question" if paragraph.question else "plain"
            items.append(Item(paragraph, kind, text=paragraph.text))
            continue
        label = paragraph.label
        exact = paragraph.exact_label
        # A label resolves once: later turns under it go to the same speaker.
        person = resolved.get((label, exact))
        if person is None:
            person = lookup(cast, label, options, exact=exact)
            if person is None and paragraph.tentative:
                base_key = key(split_short(label)[0])
                confirmed = (
                    base_counts.get(base_key, 0) >= 2
                    or base_counts.get(" " + base_key.rsplit(" ", 1)[-1], 0) >= 2
                )
                if not confirmed and mention_checks < 64:
                    mention_checks += 1
                    confirmed = mentioned(prose, split_short(label)[0])
                if not confirmed:
                    items.append(Item(paragraph, "plain", text=_plain_text(paragraph)))
                    continue
            if person is None:
                person = new_person(cast, label, options, exact=exact)
            resolved[label, exact] = person
            if label not in person.labels:
                person.labels.append(label)
        items.append(
            Item(paragraph, "turn", person=person, text=paragraph.text, labelled=True)
        )

    items = merge_joined(items)
    blocks = classify(items, cast, options)
    give_roles(cast, blocks, options)
    speakers = tuple(person.speaker() for person in cast.people)
    body = build(blocks)
    return speakers, body


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
