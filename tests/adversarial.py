"""Adversarial documents of a chosen size, shared by the scaling test and
the benchmark in ``benchmarks/adversarial.py``.

Each maker takes a size in characters (roughly) and returns a document that
stresses one place where a careless reader goes quadratic or deep: one huge
line of colons, a sea of blank lines, nested emphasis, a huge label-like
prefix, many turns, links by reference.
"""

from __future__ import annotations

import json
from collections.abc import Callable


def colon_line(size: int) -> str:
    """One line of ``a:a:a:…``: every colon could end a label."""
    return "a:" * (size // 2)


def blank_lines(size: int) -> str:
    """Blank lines around a few words: paragraphs of nothing."""
    return "Q: hi" + "\n" * size + "A: there"


def nested_emphasis(size: int) -> str:
    """Unbalanced emphasis and bracket openers, nested as deep as it goes."""
    quarter = size // 4
    return "**" * quarter + "_[" * (quarter // 2) + "text" + "**" * (quarter // 2)


def label_prefix(size: int) -> str:
    """A huge run of label-like capitals that never becomes a label."""
    return "DARREN " * (size // 7) + "STAR said so."


def many_turns(size: int) -> str:
    """Plain, valid turns: ``NAME: text`` paragraphs, many of them."""
    turn = "STAR: Yes, it was amazing.\n\nWhat next?\n\n"
    return turn * (size // len(turn))


def json_many_turns(size: int) -> str:
    """A valid JSON document with one turn per 60 characters or so."""
    count = size // 60
    turn = {"type": "turn", "speaker": "s", "text": "Yes, it was amazing."}
    return json.dumps(
        {
            "format": "interviewkit",
            "version": 1,
            "interview": {
                "speakers": [{"id": "s", "name": "Star"}],
                "body": [turn] * count,
            },
        }
    )


def markdown_layout(size: int) -> str:
    """The Markdown writer's layout: front matter, then many escaped turns."""
    head = (
        "---\ninterviewkit: 1\nspeakers:\n- id: s\n  name: STAR\n"
        "- id: q\n  name: Q\nunlabelled_speaker: q\n---\n\n"
    )
    turn = "**What \\*next\\*?**\n\n**STAR:** Yes, \\<b> it &amp; was\n&#10;\n\n"
    return head + turn * (size // len(turn))


def reference_definitions(size: int) -> str:
    """Links by reference with titles, and the definitions they use."""
    uses = "".join(f"Q: See [it][r{n}].\n\n" for n in range(size // 60))
    definitions = "".join(
        f'[r{n}]: https://example.com/{n} "Title {n}"\n' for n in range(size // 60)
    )
    return uses + definitions


MAKERS: dict[str, Callable[[int], str]] = {
    "one line of a:a:a:…": colon_line,
    "blank lines": blank_lines,
    "nested emphasis": nested_emphasis,
    "huge label-like prefix": label_prefix,
    "many plain turns": many_turns,
    "JSON array of turns": json_many_turns,
    "Markdown layout": markdown_layout,
    "reference definitions": reference_definitions,
}
