"""How readers report what they repaired or doubt: a warning, or an error.

A reader that repairs its input (a broken subtitle cue) or cannot make
sense of it (no speech anywhere) says so through `report`: a `ReadWarning`
with the line and column, or under ``strict=True`` a `ParseError` at the
same place. Nothing is dropped or guessed in silence.
"""

from __future__ import annotations

import os
import sys
import warnings

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit.errors import ParseError, ReadWarning

__all__ = ["report"]


def report(
    document: Document,
    options: ReadOptions,
    message: str,
    *,
    line: int | None = None,
    column: int | None = None,
) -> None:
    """Warn about ``message`` at a place in ``document``; raise if strict.

    Raises:
        ParseError: Under ``strict=True``.
    """
    if options.strict:
        raise ParseError(
            message,
            format=document.format,
            line=line,
            column=column,
            source=document.source,
        )
    warnings.warn(
        ReadWarning(
            message,
            format=document.format,
            line=line,
            column=column,
            source=document.source,
        ),
        stacklevel=_caller_level(),
    )


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _caller_level() -> int:
    """The stack level of the first caller outside interviewkit.

    A warning then points at the user's ``read`` or ``loads``, whatever path
    the reader took to report it.
    """
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level
