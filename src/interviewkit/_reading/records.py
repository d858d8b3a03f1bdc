"""The records a reader hands to the engine: paragraphs and cast entries."""

from __future__ import annotations

import attrs

from interviewkit.model import ImageCaption, Prose, Role

__all__ = ["CastEntry", "Paragraph"]


@attrs.frozen(kw_only=True)
class CastEntry:
    """A participant named before the talk starts, or by an option.

    Args:
        name: The name as written.
        role: The role, if the source or the caller gives one.
        short: A short form that labels may use (``AJ`` for ``Adam Jonas``).
        final: The role is the whole truth, even when None: no rule may
            guess another.
    """

    name: str
    role: Role | None = None
    short: str | None = None
    final: bool = False


# Not frozen: a reader builds one of these for every paragraph of a document,
# and a frozen class's __init__ costs twice as much; nothing changes one once
# it is built.
@attrs.define(kw_only=True)
class Paragraph:
    """One paragraph, or one labelled segment of a paragraph, of a source.

    Args:
        text: What the paragraph says, after its label if it has one.
        line: The 1-based line where it starts.
        column: The 1-based column where its text starts.
        label: A speaker label the reader found (``"DARREN STAR"``, or the
            text of ``**Name:**``).
        tentative: The label was found by its shape alone (a single Mixed
            Case word such as ``Collider``): `resolve` keeps it only if the
            document backs it up (the label recurs, the prose names it, or
            it matches a known speaker), and otherwise reads the paragraph
            as ``marker + text``.
        weak: The tentative label had no colon (a name in bold before its
            speech, or alone on its line): only its recurring backs it, not
            a mention in the prose.
        marker: What introduced the text in the source, exactly; it becomes
            `Turn.marker`.
        start_ms: A time stamp the reader found; it becomes `Turn.start_ms`.
        joined: The paragraph started on the line right after the previous
            one, with no blank line between.
        verbatim: ``text`` is final: no caption or prose rule applies.
        exact_label: The label is a speaker's exact name, to be matched
            without any alias heuristics.
        block: A caption or prose block the reader already recognised,
            passed through unchanged.
        cast: Participants the paragraph names (a cast list); such a
            paragraph becomes an intro `Prose` block unless ``text`` is
            empty.
        question: The reader's markup marks an unlabelled paragraph as a
            question (a bold paragraph or a heading in Markdown): unless its
            words make it a caption, a note or a closing line, it is an
            unlabelled turn by the interviewer, and the unlabelled paragraph
            right after it is the answer, by the speaker who answers the
            questions (``Interviewee`` when no one does).
        heading: The question is a heading: when a labelled turn follows it,
            it is the title of a section, not a question.
        aside: The markup sets an unlabelled paragraph apart from the talk
            (an italic paragraph in Markdown): it is prose, never part of a
            turn, and takes the kind its words or its place give it.
    """

    text: str
    line: int = 1
    column: int = 1
    label: str | None = None
    tentative: bool = False
    weak: bool = False
    marker: str | None = None
    start_ms: int | None = None
    joined: bool = False
    verbatim: bool = False
    exact_label: bool = False
    block: ImageCaption | Prose | None = None
    cast: tuple[CastEntry, ...] = ()
    question: bool = False
    heading: bool = False
    aside: bool = False
