"""The format registry and the four functions that use it.

Each module in this package is one format. It defines ``FORMAT``, a `Format`
that names the format, the file suffixes it claims, and its reader and
writer (``str`` in, ``str`` out). The registry finds the modules by itself,
so adding a format is adding a module: nothing else changes.

Only `read` and `write` touch files. Files are UTF-8; a reader receives the
text exactly as decoded, byte-order mark and line endings included, and
normalises them itself.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from interviewkit.errors import FormatError, ParseError, ValidationError
from interviewkit.model import Interview

__all__ = [
    "Format",
    "dumps",
    "format_for_path",
    "formats",
    "get_format",
    "loads",
    "read",
    "write",
]


@attrs.frozen(kw_only=True)
class Format:
    """A registered format: its name, suffixes, reader and writer.

    Args:
        name: The name users pass as ``format=`` (``"json"``).
        suffixes: The lowercase file suffixes it claims, with the dot.
        loads: The reader: ``loads(text, **options) -> Interview``. It
            raises `ParseError` for bad input and nothing else.
        dumps: The writer: ``dumps(interview, **options) -> str``.
        description: One line for listings and help texts.

    """

    name: str
    suffixes: tuple[str, ...]
    loads: Callable[..., Interview]
    dumps: Callable[..., str]
    description: str


_registry: dict[str, Format] | None = None


def _load_registry() -> dict[str, Format]:
    global _registry
    if _registry is None:
        found: dict[str, Format] = {}
        suffixes: dict[str, str] = {}
        for module_info in pkgutil.iter_modules(__path__):
            if module_info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            fmt = getattr(module, "FORMAT", None)
            if not isinstance(fmt, Format):
                continue
            for suffix in fmt.suffixes:
                if suffix in suffixes:  # pragma: no cover - a packaging bug
                    raise FormatError(
                        f"suffix {suffix!r} is claimed by both "
                        f"{suffixes[suffix]!r} and {fmt.name!r}"
                    )
                suffixes[suffix] = fmt.name
            found[fmt.name] = fmt
        _registry = dict(sorted(found.items()))
    return _registry


def formats() -> Mapping[str, Format]:
    """Return the registered formats by name.

    Example:
        >>> import interviewkit as ik
        >>> "json" in ik.formats()
        True

    """
    return dict(_load_registry())


def _known() -> str:
    return ", ".join(
        f"{fmt.name} ({' '.join(fmt.suffixes)})" for fmt in _load_registry().values()
    )


def get_format(name: str) -> Format:
    """Return the format registered under ``name``.

    Raises:
        FormatError: If no format has that name; the message lists the
            known formats.

    Example:
        >>> import interviewkit as ik
        >>> ik.get_format("json").suffixes
        ('.json',)

    """
    registry = _load_registry()
    try:
        return registry[name]
    except KeyError:
        raise FormatError(
            f"unknown format {name!r}; known formats: {_known()}"
        ) from None


def format_for_path(path: str | os.PathLike[str]) -> Format:
    """Return the format that claims the suffix of ``path``.

    Raises:
        FormatError: If no format claims the suffix; the message lists the
            known formats and their suffixes.

    Example:
        >>> import interviewkit as ik
        >>> ik.format_for_path("talk.JSON").name
        'json'

    """
    suffix = Path(path).suffix.lower()
    for fmt in _load_registry().values():
        if suffix in fmt.suffixes:
            return fmt
    shown = repr(suffix) if suffix else "no suffix"
    raise FormatError(
        f"cannot tell the format of {os.fspath(path)!r} from {shown}; "
        f"pass format= one of: {_known()}"
    )


def loads(text: str, *, format: str, **options: Any) -> Interview:
    """Read an interview from a string.

    Args:
        text: The document.
        format: The name of its format: see `formats`.
        **options: Options of that format's reader.

    Raises:
        ParseError: If ``text`` is not a valid document of the format.
        FormatError: If the format is unknown.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(title="Hello")
        >>> ik.loads(ik.dumps(iv, format="json"), format="json") == iv
        True

    """
    if not isinstance(text, str):
        raise TypeError(f"loads() takes a str, not {type(text).__name__}")
    fmt = get_format(format)
    try:
        return fmt.loads(text, **options)
    except ValidationError as error:
        # Readers check what they can with positions; this is the backstop.
        raise ParseError(error.message, format=fmt.name) from error


def dumps(interview: Interview, *, format: str, **options: Any) -> str:
    """Write an interview to a string.

    Args:
        interview: The interview.
        format: The name of the format: see `formats`.
        **options: Options of that format's writer.

    Raises:
        FormatError: If the format is unknown.

    """
    if not isinstance(interview, Interview):
        raise TypeError(f"dumps() takes an Interview, not {type(interview).__name__}")
    return get_format(format).dumps(interview, **options)


def _decode(data: bytes, *, source: str, fmt: Format) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise ParseError(
            f"not UTF-8: byte 0x{data[error.start]:02x} cannot be decoded",
            format=fmt.name,
            line=line,
            column=column,
            source=source,
        ) from None


def read(
    path: str | os.PathLike[str], *, format: str | None = None, **options: Any
) -> Interview:
    """Read an interview from a UTF-8 file.

    Args:
        path: The file.
        format: The name of its format; by default the file's suffix
            decides (``.txt``, ``.md``, ``.json``, ...).
        **options: Options of that format's reader.

    Raises:
        ParseError: If the file is not a valid document of the format; the
            error names the file, line and column.
        FormatError: If the format is unknown or the suffix claims none.
        OSError: If the file cannot be read.

    """
    fmt = get_format(format) if format is not None else format_for_path(path)
    source = os.fspath(path)
    text = _decode(Path(path).read_bytes(), source=source, fmt=fmt)
    try:
        return loads(text, format=fmt.name, **options)
    except ParseError as error:
        raise error.with_source(source) from None


def write(
    interview: Interview,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    **options: Any,
) -> None:
    """Write an interview to a UTF-8 file, replacing it if it exists.

    Args:
        interview: The interview.
        path: The file.
        format: The name of the format; by default the file's suffix decides.
        **options: Options of that format's writer.

    Raises:
        FormatError: If the format is unknown or the suffix claims none.
        OSError: If the file cannot be written.

    """
    fmt = get_format(format) if format is not None else format_for_path(path)
    text = dumps(interview, format=fmt.name, **options)
    Path(path).write_bytes(text.encode("utf-8"))
