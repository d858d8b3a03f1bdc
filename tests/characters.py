"""What a reader must never lose: the visible characters of a document."""

from __future__ import annotations

import interviewkit as ik


def visible(text: str) -> str:
    """``text`` without its white space."""
    return "".join(character for character in text if not character.isspace())


def body_characters(interview: ik.Interview) -> str:
    """Every character of the body, in order, with what introduced each turn."""
    parts: list[str] = []
    for block in interview.body:
        if isinstance(block, ik.Turn):
            parts += [block.marker or "", block.text]
        elif isinstance(block, ik.Prose):
            parts.append(block.text)
        else:
            parts += [block.image or "", block.caption or "", block.credit or ""]
    return "".join(parts)
