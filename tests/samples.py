"""Samples that several test modules share: the seed and a small interview.

The seed (``seeds/000_6a59695d095b634e.txt``) is a published interview of
Darren Star by Collider, kept byte for byte; `SAMPLE` is a short interview
with the same cast that holds every kind of block.
"""

from __future__ import annotations

from pathlib import Path

import interviewkit as ik

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "000_6a59695d095b634e.txt"

COLLIDER = ik.Speaker(id="collider", name="Collider", role=ik.Role.INTERVIEWER)
DARREN_STAR = ik.Speaker(
    id="darren-star",
    name="Darren Star",
    role=ik.Role.INTERVIEWEE,
    aliases=("DARREN STAR", "STAR"),
)
CAST = (COLLIDER, DARREN_STAR)

SAMPLE = ik.Interview(
    title="Darren Star on Emily in Paris",
    metadata=ik.Metadata(source="Collider", language="en", extras={"tags": ("tv",)}),
    speakers=CAST,
    body=(
        ik.Prose(text="[Editor’s note: spoilers.]", kind=ik.ProseKind.EDITORS_NOTE),
        ik.Turn(speaker="collider", text="Congrats!", label="Collider"),
        ik.Turn(speaker="darren-star", text="Thanks.", label="DARREN STAR"),
        ik.ImageCaption(image="emily-in-paris", credit="Image via Netflix"),
        ik.Turn(speaker="darren-star", text="More.", start_ms=1000, end_ms=2500),
        ik.Turn(speaker="collider", text="What next?"),
    ),
)
