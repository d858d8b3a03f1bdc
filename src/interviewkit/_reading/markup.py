"""What a reader's markup says: bold labels, bold questions, images, headings.

Markdown and HTML mark the same things with different syntax: a bold name
before the speech (``**Name:**``, ``<strong>Name:</strong>``), a paragraph
all in bold that asks, a heading, an image with its caption, a list, a
quote. A reader of such a format turns its syntax into `Piece` records, one
a paragraph, and `assemble` turns the pieces into the engine's paragraphs
by one set of rules, so that the same page reads the same in every format.
`marked_label` decides whether a bold run at the start of a line is a
label, by the engine's own label rules (`find_label`), with the markup as
the evidence that a Mixed Case name is a label.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from interviewkit._options import ReadOptions
from interviewkit._reading.blocks import (
    asks,
    caption_from_lines,
    parse_cast,
    prose_kind,
)
from interviewkit._reading.checks import speech_notes
from interviewkit._reading.labels import LabelMatch, find_label, label_shape
from interviewkit._reading.paragraphs import Assembler
from interviewkit._reading.records import CastEntry, Paragraph
from interviewkit._reading.resolve import resolve
from interviewkit._time import CLOCK, parse_clock
from interviewkit.model import Block, ImageCaption, Prose, ProseKind, Speaker

__all__ = [
    "TIMESTAMP",
    "Finished",
    "Piece",
    "assemble",
    "emphasis_style",
    "finish",
    "looks_like_a_name",
    "marked_label",
    "timestamp_ms",
]

# A clock, bracketed, in parentheses or bare.
TIMESTAMP = re.compile(rf"[ \t]*(?:\[({CLOCK})\]|\(({CLOCK})\)|({CLOCK}))[ \t]*")


def timestamp_ms(match: re.Match[str]) -> int:
    """The milliseconds of a `TIMESTAMP` match."""
    clock = next(group for group in match.groups() if group is not None)
    millis = parse_clock(clock)
    assert millis is not None, "CLOCK matches what parse_clock reads"
    return millis


@attrs.frozen(kw_only=True)
class Piece:
    """A paragraph of a marked-up document and what its markup says."""

    text: str
    """The text as plain text: markup gone, escapes undone."""
    line: int
    """The 1-based line where it starts."""
    style: str
    """``lines`` (plain text and labels, line by line); ``strong`` or ``em``
    (all bold or all italic); ``heading1`` to ``heading6``; ``image`` (an
    image line); ``link`` (a paragraph that is one link and nothing else:
    set apart from the talk); ``quote``; ``list``; ``code``; ``html``;
    ``reference`` (a link reference definition, kept as it stands)."""
    lines: tuple[str, ...] = ()
    """For ``lines``: the text of each line, markup gone."""
    found: tuple[LabelMatch | None, ...] = ()
    """For ``lines``: the label at the start of each line, if any."""
    image: str | None = None
    alt: str | None = None
    title: str | None = None
    """For ``image``: the image's title, if any."""
    keep_alt: bool = False
    """For ``image``: whether the alt text and title are words the page
    shows (Markdown's source) and so join the caption, or stand in for a
    caption only where there is none (HTML's ``alt``)."""


def looks_like_a_name(text: str) -> bool:
    """Whether bold or italic ``text`` alone could be a speaker's name."""
    shape = label_shape(text)
    return shape == 2 or (shape == 1 and len(text.split(" ")) <= 4)


def marked_label(
    inner: str, after: str, *, stamp: str = "", stamp_ms: int | None = None
) -> tuple[str, LabelMatch] | None:
    """A label that bold or italic marks at the start of a line.

    ``**Name:** text``, ``**Name**: text``, ``**Name** 00:01:23`` (a name and
    a time, the speech below) and a name alone in bold read as labels by the
    engine's own rules (`find_label`).

    Args:
        inner: The text inside the bold, stripped.
        after: The rest of the line, after the bold.
        stamp: A time stamp written before the bold, as written.
        stamp_ms: That time stamp's milliseconds.

    Returns:
        The line as plain text and the label found on it, or None.

    Example:
        >>> line, found = marked_label("Darren Star:", " Yes.")
        >>> line, found.label, line[found.text_start:]
        ('Darren Star: Yes.', 'Darren Star', 'Yes.')
        >>> marked_label("Editor's note", ": spoilers.") is None
        True

    """
    if not inner:
        return None
    line = stamp + inner + after
    if inner.endswith(":") or after.startswith(":"):
        # The label's own rules read it without the time written before it.
        match = find_label(inner + after)
        if match is None or match.label is None:
            return None
        if match.text_start < len(inner):
            return None  # the colon is inside the bold, after more than a label
        text_start = len(stamp) + match.text_start
        start_ms = match.start_ms if match.start_ms is not None else stamp_ms
        time = TIMESTAMP.match(line, text_start)
        if start_ms is None and time is not None and time.end() < len(line):
            # "**Name:** 00:01:02 text": the time after the label.
            start_ms, text_start = timestamp_ms(time), time.end()
        return line, match._replace(
            start_ms=start_ms,
            text_start=text_start,
            strength=2,
            alone=text_start == len(line),
            markup=True,
        )
    inside = find_label(inner) if not after.strip() else None
    if inside is not None and inside.label is not None and not inside.alone:
        # "**MK: What ...?**": a question in bold, its label inside the bold.
        return line, inside._replace(
            start_ms=inside.start_ms if inside.start_ms is not None else stamp_ms,
            text_start=len(stamp) + inside.text_start,
            strength=2,
            markup=True,
        )
    if not looks_like_a_name(inner):
        return None
    # A name in bold and no colon: before a time (the speech below), alone
    # on its line, or run into its speech. Only the document can tell a
    # name from a bold word, so without a time the label is weak: it needs
    # to recur.
    time = TIMESTAMP.fullmatch(after) if after.strip() else None
    if time is not None or not after.strip():
        label = LabelMatch(
            label=inner,
            start_ms=timestamp_ms(time) if time is not None else stamp_ms,
            text_start=len(line),
            strength=2 if time is not None else 1,
            alone=True,
            header=time is not None,
            markup=True,
            weak=time is None,
        )
    elif after[0] in " \t":
        label = LabelMatch(
            label=inner,
            start_ms=stamp_ms,
            text_start=len(line) - len(after.lstrip(" \t")),
            strength=1,
            alone=False,
            markup=True,
            weak=True,
        )
    else:
        return None
    return line, label


def emphasis_style(inner: str, *, strong: bool) -> str | None:
    """The style of a paragraph all in bold (or italic), or None for ``lines``.

    A paragraph all in bold is a ``strong`` piece (a question, most often)
    unless it is a name or starts with a label, which the lines rules read.
    """
    first = inner.partition("\n")[0]
    match = find_label(first) if first else None
    if looks_like_a_name(inner) or (match is not None and match.label):
        return None
    return "strong" if strong else "em"


def caption_with(caption: str | None, alt: str | None, title: str | None) -> str | None:
    """An image's caption with its alt text and title first, unless it has them.

    Example:
        >>> caption_with(None, "Lily Collins in Paris", None)
        'Lily Collins in Paris'
        >>> caption_with("Lily Collins", "Lily Collins", "On set")
        'On set\\nLily Collins'

    """
    parts: list[str] = []
    for extra in (alt, title):
        if extra is None or not extra.strip():
            continue
        if caption is not None and extra in caption:
            continue
        if any(extra in part for part in parts):
            continue
        parts.append(extra)
    if caption is not None:
        parts.append(caption)
    return "\n".join(parts) or None


def _image_caption(
    piece: Piece, following: Piece | None
) -> tuple[ImageCaption | None, bool]:
    """The caption of an image piece, and whether it took the next piece."""
    lines = [line.strip() for line in piece.text.split("\n") if line.strip()]
    took_next = False
    if not lines and following is not None and following.style in ("em", "lines"):
        candidate = [line.strip() for line in following.text.split("\n")]
        if following.style == "em" or caption_from_lines(candidate) is not None:
            lines, took_next = candidate, True
    found = caption_from_lines(lines) if lines else None
    if found is not None and found.image is None:
        caption, credit = found.caption, found.credit
    else:
        caption, credit = ("\n".join(lines) or None), None
    if piece.keep_alt:
        caption = caption_with(caption, piece.alt, piece.title)
    elif caption is None and credit is None and piece.alt and piece.alt.strip():
        caption = piece.alt
    image = piece.image if piece.image and piece.image.strip() else None
    if image is None and caption is None and credit is None:
        return None, took_next  # an image that says nothing
    return ImageCaption(image=image, caption=caption, credit=credit), took_next


def _heading_label(text: str, count: int) -> LabelMatch | None:
    """The label a heading is or starts with, if any.

    ``### Name:`` and a ``#### Name`` that recurs are labels alone, their
    speech below; ``### Q. Why?`` is a labelled question.
    """
    found = find_label(text)
    if found is not None and found.label is not None:
        if found.alone:
            return found._replace(strength=2, markup=True)
        if found.strength == 2 or found.weak:
            # "### Q. Why?", "### 问：为什么？": a labelled question.
            return found._replace(markup=True)
    if count >= 2 and looks_like_a_name(text) and not asks(text):
        return LabelMatch(text, None, len(text), 2, True, markup=True)
    return None


_ANSWERS = frozenset({"lines", "em", "quote"})


def _answered(heading: Piece, following: Piece | None) -> bool:
    """Whether a heading below the title has a paragraph right under it."""
    return (
        heading.style != "heading1"
        and following is not None
        and following.style in _ANSWERS
    )


def _headings_ask(pieces: Sequence[Piece], headings: Counter[str]) -> int:
    """Up to which piece headings over paragraphs are questions, as a rule.

    In a written interview whose questions are headings, a heading that is a
    sentence but no question ("Tell me more.") is a question too, up to the
    last one that asks; after it, headings close the article. A heading
    that is no sentence ("The last night") stays a section's title. Returns
    the index after that piece, or -1 where the headings are not questions.
    """
    over = [
        piece
        for piece, following in itertools.pairwise(pieces)
        if piece.style.startswith("heading")
        and _answered(piece, following)
        and _heading_label(piece.text, headings[piece.text]) is None
    ]
    asking = [piece for piece in over if asks(piece.text)]
    if len(over) < 3 or len(asking) < 0.6 * len(over):
        return -1
    return next(i for i, piece in enumerate(pieces) if piece is asking[-1]) + 1


def _list_items(text: str) -> list[str]:
    """The items of a list piece, their bullets and numbers gone."""
    return [line.lstrip(" ").partition(" ")[2] for line in text.split("\n")]


def assemble(pieces: Sequence[Piece]) -> tuple[str | None, Assembler]:
    """The title the body gives, and the body's paragraphs in an `Assembler`.

    The first ``heading1`` before anything else is the title. Lines go to
    the engine line by line with the labels the markup found; a heading or
    a bold paragraph that asks is a question; other headings and quotes are
    prose; an image is a caption; a list is a cast list when it reads as
    one, and otherwise a paragraph as it stands.
    """
    title: str | None = None
    assembler = Assembler()
    started = False
    headings = Counter(piece.text for piece in pieces if piece.style.startswith("h"))
    questions = _headings_ask(pieces, headings)
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        index += 1
        style = piece.style
        text = piece.text
        if not text.strip() and style != "image":
            continue  # white space only: nothing to keep
        if style == "heading1" and title is None and not started:
            title = text
            continue
        started = True
        if style == "lines":
            if following is not None and following.style == "list":
                items = _list_items(following.text)
                cast = parse_cast([text, *items])
                if cast is not None:
                    # "Participants:" and the list under it: one cast list.
                    combined = f"{text}\n{following.text}"
                    assembler.add(Paragraph(text=combined, line=piece.line, cast=cast))
                    index += 1
                    continue
            assembler.add_lines(piece.lines, line=piece.line, found=piece.found)
            continue
        if style.startswith("heading"):
            label = _heading_label(text, headings[text])
            if label is not None:
                assembler.add_lines(
                    [text], line=piece.line, found=[label], heading=True
                )
            elif asks(text) or (
                index <= questions
                and text.rstrip().endswith((".", "!", "…", "。", "！"))
                and _answered(piece, following)
            ):
                assembler.add(
                    Paragraph(text=text, line=piece.line, question=True, heading=True)
                )
            else:
                block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
                assembler.add(Paragraph(text=text, line=piece.line, block=block))
            continue
        if style == "image":
            caption, took_next = _image_caption(piece, following)
            index += took_next
            if caption is not None:
                assembler.add(Paragraph(text="", line=piece.line, block=caption))
            continue
        if style == "strong" or (style == "em" and asks(text)):
            assembler.add(Paragraph(text=text, line=piece.line, question=True))
            continue
        if style in ("em", "link"):
            assembler.add(Paragraph(text=text, line=piece.line, aside=True))
            continue
        if style == "quote":
            block = Prose(text=text, kind=prose_kind(text) or ProseKind.OTHER)
            assembler.add(Paragraph(text=text, line=piece.line, block=block))
            continue
        if style == "list":
            items = _list_items(text)
            cast = parse_cast(items)
            if cast is not None:
                assembler.add(Paragraph(text=text, line=piece.line, cast=cast))
                continue
        assembler.add(Paragraph(text=text, line=piece.line, verbatim=True))
    return title, assembler


@attrs.frozen(kw_only=True)
class Finished:
    """What `finish` gives a reader: all an `Interview` needs but metadata."""

    title: str | None
    speakers: tuple[Speaker, ...]
    body: tuple[Block, ...]
    notes: tuple[tuple[str, int], ...]
    """What the reader should report: a message and its line."""


def finish(
    assembler: Assembler,
    *,
    title: str | None,
    body_title: str | None,
    cast: Sequence[CastEntry] = (),
    names: Mapping[str, str] | None = None,
    options: ReadOptions,
    context: Sequence[str] = (),
) -> Finished:
    """Resolve the pieces' paragraphs with what the document's head says.

    Args:
        assembler: The body's paragraphs, from `assemble`.
        title: The title the document's head gives (front matter, ``<title>``).
        body_title: The title the body gives (its first top heading).
        cast: The people the head names.
        names: Speaker names by the other labels they go by.
        options: The caller's reading options; they win over the head.
        context: Text of the head where names may be written in full (a
            blog's front matter): see `resolve`.
    """
    paragraphs = assembler.paragraphs()
    if cast:
        paragraphs.insert(0, Paragraph(text="", cast=tuple(cast)))
    if names:
        options = attrs.evolve(options, names={**names, **options.names})
    if title is None:
        title = body_title
    elif body_title is not None and body_title != title:
        # Both a head title and a different heading: keep the heading.
        paragraphs.insert(0, Paragraph(text=body_title, block=Prose(text=body_title)))
    speakers, blocks = resolve(paragraphs, options, context=context)
    notes = tuple(speech_notes(paragraphs, blocks))
    return Finished(title=title, speakers=speakers, body=blocks, notes=notes)
