"""Folders of generated interviews, for tests and benchmarks of many files.

`write_corpus` writes plain-text transcripts as people lay them out
(``NAME: text`` turns, a question and an answer in turn), a hundred to a
folder, with a few in Markdown and JSON among them. The same ``count`` and
``seed`` give the same files. Each interview's figures are known, so tests
can check what a corpus says against them.
"""

from __future__ import annotations

import random
from pathlib import Path

import interviewkit as ik

INTERVIEWERS = ("Collider", "Ann Lee", "Sam Okafor", "Marie Dubois")
GUESTS = (
    "Darren Star",
    "Lily Collins",
    "Ashley Park",
    "Lucas Bravo",
    "Philippine Leroy-Beaulieu",
    "Camille Razat",
    "William Abadie",
    "Kate Walsh",
)
WORDS = (
    "season",
    "Paris",
    "really",
    "about",
    "characters",
    "show",
    "think",
    "story",
    "we’re",
    "Versailles",
    "fashion",
    "writers",
    "one",
    "day",
    "2021",
    "café",
    "naïve",
    "time",
    "people",
    "always",
)


def _sentence(rng: random.Random, ending: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 14))]
    return " ".join(words).capitalize() + ending


def interview(number: int, *, seed: int = 0, turns: int = 8) -> ik.Interview:
    """The ``number``-th generated interview: a question and an answer in
    turn, between an interviewer and a guest with roles."""
    rng = random.Random(f"{seed}:{number}")
    asker = rng.choice(INTERVIEWERS)
    guest = rng.choice(GUESTS)
    cast = (
        ik.Speaker(id="q", name=asker, role=ik.Role.INTERVIEWER),
        ik.Speaker(id="a", name=guest, role=ik.Role.INTERVIEWEE),
    )
    body = []
    for index in range(turns):
        if index % 2 == 0:
            body.append(ik.Turn(speaker="q", text=_sentence(rng, "?")))
        else:
            text = " ".join(_sentence(rng, ".") for _ in range(rng.randint(1, 4)))
            body.append(ik.Turn(speaker="a", text=text))
    return ik.Interview(title=f"Interview {number}", speakers=cast, body=body)


def transcript(iv: ik.Interview) -> str:
    """The interview as a plain-text transcript, labels in capitals."""
    names = {speaker.id: speaker.name.upper() for speaker in iv.speakers}
    return (
        "\n\n".join(f"{names[turn.speaker]}: {turn.text}" for turn in iv.turns) + "\n"
    )


def write_corpus(
    folder: Path, count: int, *, seed: int = 0, mixed: bool = True
) -> list[Path]:
    """Write ``count`` interviews under ``folder``, a hundred a subfolder.

    With ``mixed``, one in ten is Markdown and one in ten JSON; the rest are
    plain text. Returns the paths, in the order `read_many` reads them.
    """
    paths = []
    for number in range(count):
        iv = interview(number, seed=seed)
        kind = number % 10 if mixed else 0
        suffix = {1: ".md", 2: ".json"}.get(kind, ".txt")
        path = folder / f"{number // 100:04d}" / f"{number:06d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".txt":
            path.write_text(transcript(iv), encoding="utf-8")
        else:
            ik.write(iv, path)
        paths.append(path)
    return paths
