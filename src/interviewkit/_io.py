"""Bytes in, text out: the one place where documents are decoded.

A reader never decodes or normalises on its own. It receives a `Document`,
whose `Document.text` is the decoded text with its byte-order mark removed
and every line ending turned into ``"\\n"``; a reader of bytes (a zip-based
format such as Word) takes `Document.data` instead. Decoding follows the
byte-order mark when there is one (UTF-8, UTF-16 or UTF-32), and otherwise
is UTF-8 unless the caller names an ``encoding``.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Callable
from typing import Any

from interviewkit.errors import ParseError

__all__ = ["Document", "LongInteger", "decode", "normalise", "parse_json"]

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MISSING = object()


def _no_constants(name: str) -> Any:
    # NaN and Infinity are not JSON, though Python's parser takes them.
    raise ValueError(f"{name} is not valid JSON")


class LongInteger:
    """A JSON integer with more digits than Python turns into an `int`.

    Python refuses to convert text of more than
    ``sys.get_int_max_str_digits()`` digits (4,300 by default) to an integer,
    with a `ValueError`. `parse_json` gives such a number as this
    placeholder instead, so that a reader can say where it is. It is not an
    `int`: every type check a reader makes refuses it.

    Example:
        >>> value = parse_json("[1" + "0" * 5000 + "]")[0]
        >>> value
        <an integer of 5001 digits>
        >>> isinstance(value, int)
        False

    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<an integer of {self.digits} digits>"

    def describe(self) -> str:
        """Say what the number is, for error messages."""
        return (
            f"a number of {self.digits} digits, longer than the "
            f"{sys.get_int_max_str_digits()} digits Python converts"
        )


def _integer(text: str) -> int | LongInteger:
    try:
        return int(text)
    except ValueError:
        return LongInteger(len(text.lstrip("-")))


def parse_json(
    text: str, *, parse_constant: Callable[[str], Any] = _no_constants
) -> Any:
    """Parse strict JSON: no NaN or Infinity, integers of any length.

    An integer longer than Python converts is a `LongInteger`; the document
    is parsed a second time for it only when there is one, so the common
    case costs one parse.

    Raises:
        json.JSONDecodeError: For bad syntax, with its position.
        ValueError: For NaN or Infinity (or what ``parse_constant`` raises).
        RecursionError: For arrays and objects nested deeper than Python
            recurses.
    """
    try:
        return json.loads(text, parse_constant=parse_constant)
    except json.JSONDecodeError:
        raise
    except ValueError:
        # An integer past the digit limit, or a constant that the second
        # parse refuses again.
        return json.loads(text, parse_constant=parse_constant, parse_int=_integer)


def find_long_integer(value: Any) -> LongInteger | None:
    """The first `LongInteger` in parsed JSON, if there is one."""
    pending = [value]
    while pending:
        current = pending.pop()
        if type(current) is LongInteger:
            return current
        if type(current) is list:
            pending.extend(reversed(current))
        elif type(current) is dict:
            pending.extend(reversed(list(current.values())))
    return None


def normalise(text: str) -> str:
    """Remove a leading byte-order mark and turn ``\\r\\n`` and ``\\r`` into ``\\n``.

    Example:
        >>> normalise("\\ufeffQ: Hi\\r\\nA: Hello\\r")
        'Q: Hi\\nA: Hello\\n'

    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _position(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """The 1-based line and column of byte ``offset``, as far as it decodes."""
    before = data[:offset].decode(encoding, "replace")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _looks_like_utf16(data: bytes) -> str | None:
    """The UTF-16 byte order of BOM-less text that is mostly ASCII, if any."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(
    data: bytes, *, encoding: str | None = None, format: str | None = None
) -> str:
    """Decode a document's bytes to normalised text.

    Args:
        data: The bytes.
        encoding: A Python codec name; by default the byte-order mark
            decides, and UTF-8 without one.
        format: The name of the format being read, for error messages.

    Raises:
        ParseError: If the bytes do not decode, at the line and column of
            the first bad byte, with a hint about ``encoding=``.
        LookupError: If ``encoding`` names no codec.

    Example:
        >>> decode("Q: Hi\\r\\n".encode("utf-16"))
        'Q: Hi\\n'

    """
    chosen = encoding
    if chosen is None:
        chosen = "utf-8"
        for mark, name in _BYTE_ORDER_MARKS:
            if data.startswith(mark):
                chosen = name
                data = data[len(mark) :]
                break
    else:
        codecs.lookup(chosen)  # an unknown codec is the caller's mistake
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start, chosen)
        bad = data[error.start : error.start + 1].hex()
        if encoding is not None:
            hint = ""
        elif _looks_like_utf16(data):
            hint = (
                f"; this looks like UTF-16 without a byte-order mark: "
                f"pass encoding={_looks_like_utf16(data)!r}"
            )
        else:
            hint = "; pass encoding= (for example encoding='cp1252')"
        name = chosen if encoding is not None else chosen.upper().replace("-LE", "")
        raise ParseError(
            f"not {name}: byte 0x{bad} cannot be decoded{hint}",
            format=format,
            line=line,
            column=column,
        ) from None
    if encoding is None and "\x00" in text[:4096]:
        # UTF-16 without a mark decodes as UTF-8 full of NULs: say so.
        order = _looks_like_utf16(data)
        if order is not None:
            raise ParseError(
                "this looks like UTF-16 without a byte-order mark: "
                f"pass encoding={order!r}",
                format=format,
                line=1,
                column=1,
            )
    return normalise(text)


class Document:
    """What a reader reads: one document's text or bytes, decoded on demand.

    Args:
        data: The document's bytes, as read from a file.
        text: The document as text, when the caller has it as a `str`.
        encoding: The codec of ``data``; see `decode`.
        format: The name of the format being read, for error messages.
        source: Where the document came from (a path), for messages.

    Exactly one of ``data`` and ``text`` is given.
    """

    __slots__ = ("_data", "_json", "_text", "encoding", "format", "source")

    def __init__(
        self,
        *,
        data: bytes | None = None,
        text: str | None = None,
        encoding: str | None = None,
        format: str | None = None,
        source: str | None = None,
    ) -> None:
        if (data is None) == (text is None):
            raise TypeError("a Document holds either data or text")
        self._data = data
        self._text = None if text is None else normalise(text)
        self._json: Any = _MISSING
        self.encoding = encoding
        self.format = format
        self.source = source

    @property
    def text(self) -> str:
        """The decoded text, byte-order mark removed, line endings ``"\\n"``.

        Raises:
            ParseError: If the bytes do not decode.
        """
        if self._text is None:
            assert self._data is not None
            self._text = decode(self._data, encoding=self.encoding, format=self.format)
        return self._text

    @property
    def data(self) -> bytes:
        """The bytes of the document (a `str` given as text is UTF-8)."""
        if self._data is None:
            assert self._text is not None
            return self._text.encode("utf-8", "surrogatepass")
        return self._data

    def decodes(self) -> bool:
        """Whether the document is text: it decodes, or was given as text."""
        try:
            _ = self.text
        except ParseError:
            return False
        return True

    def json(self) -> Any:
        """The document parsed as strict JSON, once, or None if it is not JSON.

        Readers of JSON formats and their sniffers share this parse; a
        reader that gets None parses the text itself to say where it fails.
        An integer longer than Python converts is a `LongInteger` (see
        `parse_json`), which a reader's type checks refuse.
        A reader may take the value apart: detection is over by then.
        """
        if self._json is _MISSING:
            value: Any = None
            if self.decodes():
                try:
                    value = parse_json(self.text)
                except (ValueError, RecursionError):
                    value = None
            self._json = value
        return self._json
