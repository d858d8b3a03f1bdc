"""Bytes in, text out: the one place where files are read and written, and
documents decoded.

A reader never decodes or normalises on its own. It receives a `Document`,
whose `Document.text` is the decoded text with its byte-order mark removed
and every line ending turned into ``"\\n"``; a reader of bytes (a zip-based
format such as Word) takes `Document.data` instead. Decoding follows the
byte-order mark when there is one (UTF-8, UTF-16 or UTF-32), and otherwise
is UTF-8 unless the caller names an ``encoding``.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import secrets
import stat
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

from interviewkit.errors import ParseError

__all__ = [
    "MAX_BYTES",
    "Document",
    "LongInteger",
    "decode",
    "normalise",
    "parse_json",
    "read_bounded",
    "read_file",
    "write_file",
]

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


# --------------------------------------------------------------------------
# Reading files, up to a bound

MAX_BYTES = 256 * 1024 * 1024
"""The most bytes `read` takes from a file by default: 256 MiB.

Real transcripts are far smaller: a day of speech is a megabyte of text,
and tens of megabytes as JSON with every word timed. Reading takes several
times its input in memory, so the bound keeps a wrong file, a device such as
``/dev/zero`` or a pipe that never ends from taking all of it, while leaving
an order of magnitude of room. Pass ``max_bytes=`` to `read` (``--max-bytes``
on the command line) to raise it, or None to read without a bound.
"""

_CHUNK = 1024 * 1024


def check_max_bytes(max_bytes: object) -> int | None:
    """Return ``max_bytes`` if it is a count of bytes or None, or raise.

    Raises:
        TypeError: If it is not an `int` (or None).
        ValueError: If it is not positive.
    """
    if max_bytes is None:
        return None
    if type(max_bytes) is not int:
        raise TypeError(
            f"max_bytes must be an int or None, not {type(max_bytes).__name__}"
        )
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    return max_bytes


def too_large(max_bytes: int, *, source: str | None = None) -> ParseError:
    """The error for a document larger than ``max_bytes``."""
    return ParseError(
        f"larger than {max_bytes:,} bytes, the most that is read at once; "
        "pass max_bytes= (--max-bytes on the command line) to raise the limit",
        source=source,
    )


def read_bounded(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """Read a binary stream to its end, but no more than ``max_bytes``.

    Raises:
        ParseError: If the stream holds more than ``max_bytes``.
    """
    if max_bytes is None:
        return stream.read()
    chunks: list[bytes] = []
    size = 0
    # In pieces: a pipe or a device gives what it has, and a large read
    # would reserve the whole bound at once.
    while size <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise too_large(max_bytes)
    return b"".join(chunks)


def read_file(path: str | os.PathLike[str], *, max_bytes: int | None) -> bytes:
    """Read a file, a FIFO or a device, up to ``max_bytes``.

    Raises:
        ParseError: If it holds more than ``max_bytes`` (a regular file is
            refused by its size, before it is read).
        OSError: If it cannot be read.
    """
    with open(path, "rb") as stream:
        if max_bytes is not None:
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
                raise too_large(max_bytes)
        return read_bounded(stream, max_bytes)


# --------------------------------------------------------------------------
# Writing files, whole or not at all


def _temporary(folder: str, name: str) -> tuple[int, str]:
    """Create a new, hidden file beside the target, and open it."""
    if len(os.fsencode(name)) > 200:  # leave room for the rest of the name
        name = "interviewkit"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        path = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 less the umask: the mode a new file gets from open().
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _sync_folder(folder: str) -> None:
    # The rename is durable once the folder is synced (POSIX; Windows has
    # no way to open a folder for it, and needs none).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace a file with ``data``, whole or not at all.

    The bytes go to a temporary file in the target's folder, which is
    flushed to disk and then renamed over the target: a reader sees the old
    file or the new one, never a part. On any failure, the old file is left
    as it was and the temporary removed; a process killed midway leaves the
    temporary, ``.NAME.XXXXXXXX.tmp``, beside the target. A symbolic link
    is written through, a replaced file keeps its permissions (not its
    owner, nor its other hard links), and what is not a regular file (a
    FIFO, a device) is written into as it is.

    Raises:
        OSError: If the file cannot be written; the old file is intact.
    """
    target = os.path.realpath(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    if status is not None and not os.access(target, os.W_OK):
        # Renaming would replace a file its owner made read-only.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
    folder, name = os.path.split(target)
    fd, temporary = _temporary(folder, name)
    try:
        try:
            if status is not None:
                os.chmod(temporary, stat.S_IMODE(status.st_mode))
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)
