"""From lines of text to the engine's paragraphs: labels, segments, cast lists.

Every reader of human-written text ends here. A reader gives the
`Assembler` its paragraphs in order: runs of lines of plain text
(`Assembler.add_lines`), and paragraphs it has already understood from its
own markup (`Assembler.add`: a caption, a heading, a bold question). The
assembler finds the labels at the start of the lines, cuts a paragraph into
one segment a labelled line (``Q: ...`` and ``A: ...`` on consecutive
lines are two turns), reads a cast list before the talk, and gives a label
alone at the end of a paragraph the next paragraph as its speech. So the
same words read the same in every format.

A label of the shape `label_shape` calls tentative (``Collider:``) starts
a segment at the start of a paragraph, or in its middle when the same
label starts two or more lines of the document.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from interviewkit._reading.blocks import parse_cast
from interviewkit._reading.labels import LabelMatch, find_label
from interviewkit._reading.records import Paragraph

__all__ = ["Assembler"]


@attrs.define
class _Lines:
    """A paragraph of lines as a reader gave it."""

    lines: Sequence[str]
    line: int  # 1-based line of the first
    found: list[LabelMatch | None]
    gap: str  # the blank lines before it, exactly, joined by "\n"
    heading: bool = False  # the reader's markup makes it a heading


@attrs.define
class _Segment:
    lines: list[str]
    line: int  # 1-based line of the first
    column: int  # 0-based column where the text starts on the first line
    found: LabelMatch | None
    joined: bool
    marker: str | None = None
    source: str = ""  # the whole line the segment starts on


class Assembler:
    """Collects a document's paragraphs and turns them into `Paragraph` records.

    Example:
        >>> assembler = Assembler()
        >>> assembler.add_lines(["Q: Why Paris?", "A: Why not?"], line=1)
        >>> [(p.label, p.text) for p in assembler.paragraphs()]
        [('Q', 'Why Paris?'), ('A', 'Why not?')]

    """

    def __init__(self) -> None:
        self._entries: list[_Lines | Paragraph] = []
        self._counts: dict[str, int] = {}
        self._talk: int | None = None  # labels that begin a turn, once known

    def add_lines(
        self,
        lines: Sequence[str],
        *,
        line: int,
        found: Sequence[LabelMatch | None] | None = None,
        gap: str = "",
        heading: bool = False,
    ) -> None:
        """Add a paragraph of plain-text lines.

        Args:
            lines: The lines, none of them blank.
            line: The 1-based source line of the first.
            found: The label at the start of each line, if the reader has
                looked already (it may also have found labels in its own
                markup); by default `find_label` looks.
            heading: The lines are a heading in the reader's markup.
            gap: The blank lines between this paragraph and the one before,
                exactly as written, joined by ``"\\n"``: a label alone keeps
                them in its marker.
        """
        matches = list(found) if found is not None else [find_label(x) for x in lines]
        for match in matches:
            if match is not None and match.label is not None:
                folded = match.label.casefold()
                self._counts[folded] = self._counts.get(folded, 0) + 1
        self._entries.append(_Lines(lines, line, matches, gap, heading))
        self._talk = None

    def add(self, paragraph: Paragraph) -> None:
        """Add a paragraph the reader has understood by itself."""
        self._entries.append(paragraph)
        self._talk = None

    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs, labels found and segments cut, in document order."""
        result: list[Paragraph] = []
        seen_turn = False
        pending: _Segment | None = None  # a label alone, its speech below
        last_position = len(self._entries) - 1
        for position, entry in enumerate(self._entries):
            if isinstance(entry, Paragraph):
                if pending is not None:
                    result.append(self._without_speech(pending, entry))
                    pending = None
                result.append(entry)
                seen_turn = seen_turn or entry.label is not None
                continue
            if (
                len(entry.lines) == 1
                and seen_turn
                and pending is None
                and not entry.heading
            ):
                # The common case, a paragraph of one line, without the
                # general machinery below; it must give what that gives.
                only = entry.lines[0]
                found = entry.found[0]
                if found is None or not found.alone or position == last_position:
                    result.append(_one_line(only, entry.line, found))
                    continue
            if not seen_turn and pending is None:
                cast = parse_cast(entry.lines)
                if cast is not None and self._talk_elsewhere(entry):
                    if pending is not None:
                        result.append(self._finish(pending))
                        pending = None
                    result.append(
                        Paragraph(
                            text="\n".join(entry.lines), line=entry.line, cast=cast
                        )
                    )
                    continue
            segments = self._segments(entry)
            if pending is not None:
                first = segments[0]
                if first.found is not None and first.found.strength < 2:
                    # A label alone outranks what only looks like one below
                    # it: "第一個問題：..." is the speech, not a new label.
                    first.lines[:1] = [entry.lines[0]]
                    first.found = None
                if first.found is None:
                    if pending.marker is not None:
                        pending.marker += entry.gap + "\n"
                    pending.lines = first.lines
                    segments[0] = pending
                else:
                    result.append(self._finish(pending))
                pending = None
            last = segments[-1]
            if (
                last.found is not None
                and last.found.alone
                and not last.lines
                and position < last_position
            ):
                pending = segments.pop()
            for segment in segments:
                paragraph = self._finish(segment)
                paragraph.heading = entry.heading
                seen_turn = seen_turn or paragraph.label is not None
                result.append(paragraph)
        if pending is not None:
            result.append(self._finish(pending))
        return result

    def _talk_elsewhere(self, entry: _Lines) -> bool:
        """Whether a cast list has talk to name: turns outside it.

        ``Interviewer: Jane Doe`` alone in a document is the interviewer
        saying two words, not a cast list naming nobody who speaks; nor is a
        label in the middle of prose (``Paris: the city.``) talk.
        """
        if self._talk is None:
            self._talk = sum(
                self._turns_in(other) if isinstance(other, _Lines) else 1
                for other in self._entries
                if not isinstance(other, Paragraph) or other.label is not None
            )
        return self._talk > self._turns_in(entry)

    def _turns_in(self, entry: _Lines) -> int:
        """How many of a paragraph's labels begin a turn (see `_segments`)."""
        return sum(
            1
            for offset, match in enumerate(entry.found)
            if match is not None
            and match.label is not None
            and (
                offset == 0
                or match.strength == 2
                or self._counts.get(match.label.casefold(), 0) >= 2
            )
        )

    def _segments(self, entry: _Lines) -> list[_Segment]:
        """Cut a paragraph into one segment a labelled line."""
        segments: list[_Segment] = []
        lines = entry.lines
        for offset, match in enumerate(entry.found):
            splits = match is not None and (
                offset == 0
                or match.strength == 2
                or (
                    match.label is not None
                    and self._counts.get(match.label.casefold(), 0) >= 2
                )
            )
            if splits and match is not None:
                text = lines[offset]
                segments.append(
                    _Segment(
                        lines=[] if match.alone else [text[match.text_start :]],
                        line=entry.line + offset,
                        column=match.text_start,
                        found=match,
                        joined=offset != 0,
                        source=text,
                        # A label the markup marks has its plain form for a
                        # marker ("Name: " for "**Name:** "), as plain text
                        # would write it.
                        marker=text[: match.text_start] + ("\n" if match.alone else ""),
                    )
                )
            elif segments:
                segments[-1].lines.append(lines[offset])
            else:
                segments.append(
                    _Segment(
                        lines=[lines[offset]],
                        line=entry.line + offset,
                        column=0,
                        found=None,
                        joined=False,
                    )
                )
        return segments

    def _without_speech(self, pending: _Segment, below: Paragraph) -> Paragraph:
        """A label alone that a list or a block follows, not speech.

        Used once in the document, it is a heading inside the talk
        (``**Getting started**:`` above a list), read as text; otherwise it
        is a turn whose speech is missing.
        """
        found = pending.found
        if (
            found is not None
            and found.label is not None
            and below.verbatim
            and self._counts.get(found.label.casefold(), 0) == 1
        ):
            return Paragraph(text=pending.source, line=pending.line)
        return self._finish(pending)

    @staticmethod
    def _finish(segment: _Segment) -> Paragraph:
        found = segment.found
        text = "\n".join(segment.lines)
        if found is None:
            return Paragraph(text=text, line=segment.line, column=segment.column + 1)
        marker = segment.marker
        if marker is not None and not segment.lines and marker.endswith("\n"):
            marker = marker[:-1]  # a label alone at the very end: nothing below it
        return Paragraph(
            text=text,
            line=segment.line,
            column=segment.column + 1,
            label=found.label,
            tentative=found.strength < 2,
            weak=found.weak,
            marker=marker,
            start_ms=found.start_ms,
            joined=segment.joined,
        )


def _one_line(line: str, number: int, found: LabelMatch | None) -> Paragraph:
    if found is None:
        return Paragraph(text=line, line=number)
    text_start = found.text_start
    return Paragraph(
        text=line[text_start:],
        line=number,
        column=text_start + 1,
        label=found.label,
        tentative=found.strength < 2,
        weak=found.weak,
        marker=line[:text_start],
        start_ms=found.start_ms,
    )
