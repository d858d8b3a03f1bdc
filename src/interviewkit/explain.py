"""Why an interview reads as it does: every guess of the reader, with its line.

A transcript rarely spells everything out. The reader decides which labels
are speakers and which name the same person, whose an unlabelled paragraph
is, who asks and who answers, and what stays prose. `explain` reads a
document as `read` or `loads` does and returns the interview together with
those decisions, each with the line it is about, and the `ReadWarning`
messages of the reading::

    >>> import interviewkit as ik
    >>> text = "Q: Where were you born?\\n\\nA: In Lyon.\\n\\nAnd you grew up there?"
    >>> reading = ik.explain(text=text, format="text")
    >>> for guess in reading.guesses:
    ...     print(guess)
    line 1: speaker: 'Q' is a speaker: Q
    line 3: speaker: 'A' is a speaker: A
    line 5: unlabelled: no label: more of A's turn before it

The readers of text that people write (plain text, Markdown, HTML, Word)
report their guesses; the timed and JSON formats state who speaks, and
report none. ``interviewkit info --explain FILE`` prints the same.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

import attrs

from interviewkit._reading.guesses import Guess, collecting
from interviewkit.errors import ReadWarning
from interviewkit.formats import loads, read
from interviewkit.model import Interview

__all__ = ["Explanation", "Guess", "explain"]


@attrs.frozen
class Explanation:
    """An interview and how the reader came to it.

    Attributes:
        interview: What the document reads as.
        guesses: Every decision the document did not spell out, in the
            order of its lines.
        warnings: The messages of the `ReadWarning` the reading gave (a
            document with no speech found, or mostly prose).
    """

    interview: Interview
    guesses: tuple[Guess, ...]
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "\n".join([*map(str, self.guesses), *self.warnings])


def explain(
    path: str | os.PathLike[str] | None = None,
    *,
    text: str | bytes | None = None,
    **keywords: Any,
) -> Explanation:
    """Read a file, or ``text=``, and say what the reader guessed.

    Args:
        path: The file, read as `read` reads it.
        text: A document instead of a file, read as `loads` reads it.
        **keywords: What `read` or `loads` takes: ``format=``, the
            reading options (``interviewer=``, ``names=``, ...).

    Returns:
        The interview, the guesses and the warnings.

    Raises:
        TypeError: If neither or both of ``path`` and ``text`` are given.
        ParseError: As `read` and `loads` raise it.
    """
    if (path is None) == (text is None):
        raise TypeError("explain() takes a path or text=, and not both")
    with collecting() as guesses, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        if path is not None:
            interview = read(path, **keywords)
        else:
            assert text is not None
            interview = loads(text, **keywords)
    said: list[str] = []
    for warning in caught:
        if issubclass(warning.category, ReadWarning):
            said.append(str(warning.message))
        else:  # not ours to keep: let it through as it came
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return Explanation(interview, tuple(guesses), tuple(said))
