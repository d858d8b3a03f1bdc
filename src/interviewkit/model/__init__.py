"""The interview model: frozen, validated attrs classes with no I/O.

An `Interview` holds a cast of `Speaker` objects and a `body`: the blocks of
the interview in reading order. A block is a `Turn` (someone speaking), an
`ImageCaption` (a picture's caption and credit) or a `Prose` paragraph
(everything that is not speech: editor's notes, intros, links, closing lines).

Every class is frozen, slotted and keyword-only, and checks its invariants
when built, so an invalid interview cannot exist. Change one with
`attrs.evolve`, which validates the new object again.

Text in the model uses ``"\\n"`` for line breaks only; a carriage return is
rejected. Readers normalise ``"\\r\\n"`` and ``"\\r"`` before building.
"""

from interviewkit.model._blocks import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Metadata,
    Prose,
    Speaker,
    Turn,
    Word,
)
from interviewkit.model._interview import Interview
from interviewkit.model._values import ProseKind, Role

__all__ = [
    "Block",
    "Coding",
    "Cue",
    "ImageCaption",
    "Interview",
    "Metadata",
    "Prose",
    "ProseKind",
    "Role",
    "Speaker",
    "Turn",
    "Word",
]
