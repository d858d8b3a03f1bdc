"""What a careful reader would question: no speech, or mostly prose.

A reader of human-written text must not come back from a real document with
an empty cast and say nothing. These checks look at what the engine made
of a document and return what deserves a warning, with the lines to look
at; the reader reports them (`interviewkit._report.report`).
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewkit._reading.records import Paragraph
from interviewkit.model import Block, Prose, Turn

__all__ = ["speech_notes"]

# Below this many characters of prose, a document with little speech is
# still too short to judge (a title and two lines).
_SMALL = 200


def _lines(paragraphs: Sequence[Paragraph], limit: int = 5) -> str:
    lines = sorted({paragraph.line for paragraph in paragraphs})
    shown = ", ".join(str(line) for line in lines[:limit])
    return shown + (f" and {len(lines) - limit} more" if len(lines) > limit else "")


def speech_notes(
    paragraphs: Sequence[Paragraph], body: Sequence[Block]
) -> list[tuple[str, int]]:
    """What to warn about a document's reading, each with its first line.

    Example:
        >>> notes = speech_notes([Paragraph(text="Hi.", line=3)], [Prose(text="Hi.")])
        >>> notes[0][0][:58], notes[0][1]
        ('no speech found: 1 paragraph, all read as prose (line 3); ', 3)

    """
    if not paragraphs:
        return [("the document is empty: no text to read", 1)]
    turns = [block for block in body if type(block) is Turn]
    prose = [block for block in body if type(block) is Prose]
    if not turns:
        count = len(paragraphs)
        noun = "paragraph" if count == 1 else "paragraphs"
        where = "line" if len({p.line for p in paragraphs}) == 1 else "lines"
        return [
            (
                f"no speech found: {count} {noun}, all read as prose "
                f"({where} {_lines(paragraphs)}); label the turns (NAME: text), "
                "or pass interviewer= and interviewee=",
                paragraphs[0].line,
            )
        ]
    spoken = sum(len(turn.text) for turn in turns)
    written = sum(len(block.text) for block in prose)
    if written > _SMALL and written > spoken:
        # Name the longest prose paragraphs: where speech is most likely hidden.
        texts = {block.text for block in prose}
        longest = sorted(
            (p for p in paragraphs if p.label is None and p.text in texts),
            key=lambda p: -len(p.text),
        )
        share = round(100 * written / (written + spoken))
        first = longest[0].line if longest else paragraphs[0].line
        return [
            (
                f"most of the text ({share}%) read as prose, not speech; "
                f"see lines {_lines(longest)}",
                first,
            )
        ]
    return []
