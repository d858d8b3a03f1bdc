"""Clock times, read and written in one place.

Every format that meets a time goes through here: transcripts write
``00:12:34``, ``12:34`` or ``0:05``; captions write ``00:00:05.320`` (WebVTT)
or ``00:00:05,320`` (SRT), sometimes in short forms such as ``0:0:5.32``;
speech-to-text JSON writes float seconds (``5.32``). Inside interviewkit a
time is always a whole number of milliseconds.

`CLOCK` is the regular expression of a clock as transcripts write it, for
readers to embed in their own patterns; `parse_clock` reads any clock,
strict or short; `seconds_to_ms` reads float seconds; `format_clock` writes.
"""

from __future__ import annotations

import math
import re
from typing import Literal

__all__ = ["CLOCK", "format_clock", "parse_clock", "seconds_to_ms"]

CLOCK = r"\d{1,3}(?::[0-5]\d){1,2}(?:[.,]\d{1,3})?"
"""``H:MM:SS``, ``MM:SS`` or ``M:SS``, with an optional ``.mmm`` or ``,mmm``
fraction: the clock of transcripts. Every quantifier is bounded, so a
pattern that embeds it stays linear. It has no groups."""

# Minutes and seconds may have one digit in the short forms ("0:0:5.320");
# hours may run long in captions of long recordings.
_ANY_CLOCK = re.compile(r"(\d{1,9}):(\d{1,2})(?::(\d{1,2}))?(?:[.,](\d{1,9}))?")


def parse_clock(text: str) -> int | None:
    """Read a clock time as whole milliseconds, or None if it is not one.

    Accepts ``H:MM:SS``, ``MM:SS`` and their short forms (``0:0:5``), with a
    fraction after ``.`` or ``,`` of any number of digits (rounded to the
    millisecond). Minutes and seconds must be below 60 when a larger unit
    stands before them.

    Example:
        >>> parse_clock("00:12:34"), parse_clock("0:05"), parse_clock("1:02.5")
        (754000, 5000, 62500)
        >>> parse_clock("0:0:5.32"), parse_clock("00:00:05,320"), parse_clock("5")
        (5320, 5320, None)

    """
    match = _ANY_CLOCK.fullmatch(text)
    if match is None:
        return None
    first, second, third, fraction = match.groups()
    if third is None:
        hours, minutes, seconds = 0, int(first), int(second)
        if seconds > 59:
            return None
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
        if minutes > 59 or seconds > 59:
            return None
    millis = 0
    if fraction:
        millis = round(int(fraction) * 10 ** (3 - len(fraction)))
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def seconds_to_ms(value: float | int) -> int:
    """Float seconds, as speech-to-text JSON writes them, in whole milliseconds.

    Raises:
        ValueError: If ``value`` is negative, not finite, or not a number.

    Example:
        >>> seconds_to_ms(5.32), seconds_to_ms(0), seconds_to_ms(1.0005)
        (5320, 0, 1000)

    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"expected a number of seconds of 0 or more, got {value!r}")
    # round() is exact for the decimal floats these formats write (5.32 is
    # 5.3199999... in binary, and rounds to 5320).
    return round(value * 1000)


def format_clock(
    ms: int,
    *,
    fraction: Literal["auto", "always", "never"] = "auto",
    separator: str = ".",
    hours: Literal["always", "auto"] = "always",
) -> str:
    """Write whole milliseconds as a clock time.

    Args:
        ms: The time; not negative.
        fraction: ``"auto"`` writes ``.mmm`` only when the milliseconds are
            not zero; ``"always"`` writes them always (captions);
            ``"never"`` drops them.
        separator: What comes before the milliseconds: ``"."`` (WebVTT) or
            ``","`` (SRT).
        hours: ``"always"`` writes ``HH:MM:SS``; ``"auto"`` writes ``MM:SS``
            under an hour.

    Example:
        >>> format_clock(754000), format_clock(5320, fraction="always")
        ('00:12:34', '00:00:05.320')
        >>> format_clock(5320, separator=",", fraction="always")
        '00:00:05,320'
        >>> format_clock(65000, hours="auto")
        '01:05'

    """
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    whole_hours, minutes = divmod(minutes, 60)
    if hours == "auto" and not whole_hours:
        shown = f"{minutes:02d}:{seconds:02d}"
    else:
        shown = f"{whole_hours:02d}:{minutes:02d}:{seconds:02d}"
    if fraction == "always" or (fraction == "auto" and millis):
        return f"{shown}{separator}{millis:03d}"
    return shown


def clock_shape(text: str) -> str:
    """The shape of a clock as written: its digits as zeros.

    Example:
        >>> clock_shape("0:00:14.2"), clock_shape("[01:05]")
        ('0:00:00.0', '[00:00]')

    """
    return "".join("0" if character.isdigit() else character for character in text)


def format_shape(ms: int, shape: str) -> str | None:
    """Write ``ms`` in the shape another clock was written in, if it can be.

    ``shape`` is what `clock_shape` gives: ``0:00`` (minutes and seconds,
    with the hours in front past the hour), ``00:00:00.0`` (hours, and
    tenths of a second). Leading fields grow as the numbers do. None when
    the time does not fit the shape: milliseconds that tenths cannot hold.

    Example:
        >>> format_shape(14200, "0:00:00.0"), format_shape(65000, "0:00")
        ('0:00:14.2', '1:05')
        >>> format_shape(3723000, "0:00")
        '1:02:03'
        >>> format_shape(14250, "0:00:00.0") is None
        True

    """
    clock, dot, fraction = shape.replace(",", ".").rpartition(".")
    if not dot:
        clock, fraction = shape, ""
    separator = shape[len(clock)] if dot else ""
    parts = clock.split(":")
    if len(parts) not in (2, 3) or not all(
        part and set(part) == {"0"} for part in parts
    ):
        return None
    digits = len(fraction)
    if digits > 3 or not set(fraction) <= {"0"}:
        return None
    millis = ms % 1000
    if digits < 3 and millis % 10 ** (3 - digits):
        return None
    seconds = ms // 1000
    if len(parts) == 2 and seconds >= 3600:
        # Minutes and seconds grow an hour in front past the hour: "1:02:03".
        parts = ["0", "00", parts[1]]
    if len(parts) == 2:
        values = [seconds // 60, seconds % 60]
    else:
        values = [seconds // 3600, seconds // 60 % 60, seconds % 60]
    written = ":".join(
        str(value).zfill(len(part)) for value, part in zip(values, parts, strict=True)
    )
    if digits:
        written += separator + str(millis // 10 ** (3 - digits)).zfill(digits)
    return written
