"""The format registry and the four functions that use it.

Each public module in this package is one format. It defines ``FORMAT``, a
`Format` that names the format, the file suffixes it claims, its reader and
writer, the reading options it honours, and optionally a sniffer that
recognises its content. The registry finds the modules by itself, so adding
a format is adding a module: nothing else changes. The contributor guide
(``docs/contributing.md``) shows a whole one.

Only `read` and `write` touch files, through `interviewkit._io`, which also
decodes bytes: a reader receives a `Document` whose text has no byte-order
mark and only ``"\\n"`` line endings, whatever the file had. `read` takes at
most `MAX_BYTES` (256 MiB) unless told otherwise, and `write` replaces a
file whole or not at all.

Choosing the format: ``format=`` if given; otherwise the formats that claim
the file's suffix, and when several do (or none does, or there is no file
name), the one whose sniffer recognises the content. When several formats
claim the suffix and no sniffer recognises the content, the suffix's
preferred format reads it and says what is wrong (a ``.json`` file with a
syntax error, or of a shape no format knows). No match, or more than one,
is a `FormatError` that names the candidates.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from interviewkit._io import (
    MAX_BYTES,
    Document,
    check_max_bytes,
    read_file,
    write_file,
)
from interviewkit._options import ReadOptions
from interviewkit.errors import FormatError, ParseError, ValidationError
from interviewkit.model import Interview

__all__ = [
    "MAX_BYTES",
    "Document",
    "Format",
    "detect",
    "dumps",
    "format_for_path",
    "formats",
    "get_format",
    "loads",
    "read",
    "write",
]

Reader = Callable[[Document, ReadOptions], Interview]
"""A reader: the document and the options, to an `Interview`."""


@attrs.frozen(kw_only=True)
class Format:
    """A registered format: its name, suffixes, reader, writer and sniffer.

    Args:
        name: The name users pass as ``format=`` (``"json"``).
        suffixes: The lowercase file suffixes it claims, with the dot.
            Several formats may claim one suffix; their sniffers tell them
            apart.
        reader: ``reader(document, options) -> Interview``. It raises
            `ParseError` for bad input and nothing else. None for a format
            that is only written.
        writer: ``writer(interview, **options) -> str`` (``bytes`` for a
            binary format). None for a format that is only read.
        description: One line for listings and help texts.
        sniff: ``sniff(document) -> bool``: whether the content is of this
            format. Sniffers of formats that share a suffix must not both
            say yes to one document. None for a format that cannot be told
            by content (plain text takes anything).
        binary: Whether the reader takes `Document.data` (bytes) rather than
            `Document.text`, and the writer returns bytes.
        options: The names of the `ReadOptions` the reader honours; any
            other option given for this format is a `TypeError`.
        preferred: Whether this format is the one to write for its suffixes
            when other formats claim them too (JSON for ``.json``), and the
            one that reads a file of the suffix that no sniffer recognises.

    """

    name: str
    suffixes: tuple[str, ...]
    reader: Reader | None
    writer: Callable[..., str | bytes] | None
    description: str
    sniff: Callable[[Document], bool] | None = None
    binary: bool = False
    options: frozenset[str] = frozenset()
    preferred: bool = False

    def accepts(self, document: Document) -> bool:
        """Whether this format's sniffer recognises ``document``."""
        if self.sniff is None:
            return False
        if not self.binary and not document.decodes():
            return False
        return self.sniff(document)


_registry: dict[str, Format] | None = None


def _load_registry() -> dict[str, Format]:
    global _registry
    if _registry is None:
        found: dict[str, Format] = {}
        for module_info in pkgutil.iter_modules(__path__):
            if module_info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            fmt = getattr(module, "FORMAT", None)
            if isinstance(fmt, Format):
                found[fmt.name] = fmt
        _registry = dict(sorted(found.items()))
    return _registry


def register(fmt: Format) -> None:
    """Add a format to the registry, or replace the one of the same name.

    The modules of this package register themselves; this is for formats
    that live elsewhere (a plugin, a test).
    """
    if not isinstance(fmt, Format):
        raise TypeError(f"register() takes a Format, not {type(fmt).__name__}")
    registry = _load_registry()
    registry[fmt.name] = fmt
    global _registry
    _registry = dict(sorted(registry.items()))


def unregister(name: str) -> None:
    """Remove a format from the registry (for tests and plugins)."""
    _load_registry().pop(name, None)


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
    except (KeyError, TypeError):
        raise FormatError(
            f"unknown format {name!r}; known formats: {_known()}",
            name=name,
            candidates=tuple(registry),
        ) from None


def _suffix(path: str | os.PathLike[str]) -> str:
    return Path(path).suffix.lower()


def _claiming(suffix: str) -> list[Format]:
    return [fmt for fmt in _load_registry().values() if suffix in fmt.suffixes]


def format_for_path(path: str | os.PathLike[str]) -> Format:
    """Return the format that claims the suffix of ``path``.

    When several formats claim the suffix, this is the one marked
    `Format.preferred`: the format `write` uses for the suffix. `read`
    looks at the content to choose (see `detect`).

    Raises:
        FormatError: If no format claims the suffix, or several do and none
            is preferred; the message lists the candidates.

    Example:
        >>> import interviewkit as ik
        >>> ik.format_for_path("talk.MD").name
        'markdown'

    """
    suffix = _suffix(path)
    claiming = _claiming(suffix)
    if len(claiming) > 1:
        claiming = [fmt for fmt in claiming if fmt.preferred] or claiming
    if len(claiming) == 1:
        return claiming[0]
    if claiming:
        names = tuple(fmt.name for fmt in claiming)
        raise FormatError(
            f"several formats write {suffix!r}: {', '.join(names)}; "
            "pass format= to choose",
            path=os.fspath(path),
            candidates=names,
        )
    shown = repr(suffix) if suffix else "no suffix"
    raise FormatError(
        f"cannot tell the format of {os.fspath(path)!r} from {shown}; "
        f"pass format= one of: {_known()}",
        path=os.fspath(path),
        candidates=tuple(_load_registry()),
    )


def _sniffed(document: Document, candidates: Iterable[Format]) -> list[Format]:
    return [fmt for fmt in candidates if fmt.accepts(document)]


def detect(document: Document, *, path: str | os.PathLike[str] | None = None) -> Format:
    """Choose the format of a document: by the path's suffix, then by content.

    Args:
        document: The document.
        path: Its file name, if it has one.

    Raises:
        FormatError: If no format fits, or several do; its ``candidates``
            are the formats that were considered.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.formats import Document, detect
        >>> detect(Document(text="Q: Hi"), path="talk.txt").name
        'text'

    """
    where = repr(os.fspath(path)) if path is not None else "the document"
    suffix = _suffix(path) if path is not None else ""
    claiming = _claiming(suffix) if suffix else []
    if len(claiming) == 1:
        return claiming[0]
    if len(claiming) > 1:
        found = _sniffed(document, claiming)
        if len(found) == 1:
            return found[0]
        preferred = [fmt for fmt in claiming if fmt.preferred]
        if not found and len(preferred) == 1:
            # The suffix's own format reads what no sniffer recognises, and
            # its reader says what is wrong, where, and what else it could be.
            return preferred[0]
        names = tuple(fmt.name for fmt in claiming)
        expected = ""
        if not found:
            what = f"{where} is none of the formats that read {suffix!r}"
            # Say what each format looks for, so the user can tell which
            # one the document was meant to be.
            expected = (
                " (expected: "
                + "; ".join(f"{fmt.name}: {fmt.description}" for fmt in claiming)
                + ")"
            )
        else:
            names = tuple(fmt.name for fmt in found)
            what = f"{where} could be any of several formats"
        raise FormatError(
            f"{what}: {', '.join(names)}; pass format= to choose{expected}",
            path=None if path is None else os.fspath(path),
            candidates=names,
        )
    found = _sniffed(document, _load_registry().values())
    if len(found) == 1:
        return found[0]
    names = tuple(fmt.name for fmt in found)
    shown = f"suffix {suffix!r}" if suffix else "no suffix"
    if not found:
        message = (
            f"cannot tell the format of {where} from {shown} or its content; "
            f"pass format= one of: {_known()}"
        )
        names = tuple(_load_registry())
    else:
        message = (
            f"the content of {where} fits several formats: {', '.join(names)}; "
            "pass format= to choose"
        )
    raise FormatError(
        message,
        path=None if path is None else os.fspath(path),
        candidates=names,
    )


def _run_reader(
    fmt: Format,
    document: Document,
    options: ReadOptions | None,
    keywords: Mapping[str, Any],
) -> Interview:
    chosen = ReadOptions.from_keywords(options, keywords)
    # Every reader honours strict: it raises where it would warn.
    unused = sorted(chosen.given() - fmt.options - {"strict"})
    if unused:
        honoured = ", ".join(sorted(fmt.options)) or "none"
        raise TypeError(
            f"the {fmt.name} reader takes no option {unused[0]!r}; "
            f"its options: {honoured}"
        )
    if fmt.reader is None:
        raise FormatError(f"the {fmt.name} format can only be written", name=fmt.name)
    document.format = fmt.name
    try:
        return fmt.reader(document, chosen)
    except ValidationError as error:
        # Readers check what they can with positions; this is the backstop.
        raise ParseError(error.message, format=fmt.name) from error


def loads(
    text: str | bytes,
    *,
    format: str | None = None,
    encoding: str | None = None,
    options: ReadOptions | None = None,
    **keywords: Any,
) -> Interview:
    """Read an interview from a string (or the bytes of a document).

    Args:
        text: The document: a `str`, or `bytes` to decode (see ``encoding``).
        format: The name of its format: see `formats`. By default the
            content decides, among the formats that can tell theirs.
        encoding: The codec of ``bytes``; by default the byte-order mark
            decides, and UTF-8 without one.
        options: A `ReadOptions`, or pass its fields as keywords.
        **keywords: The reading options (``interviewer=``, ``names=``, ...):
            see `ReadOptions`.

    Raises:
        ParseError: If the document is not a valid document of the format.
        FormatError: If the format is unknown, or cannot be told.
        TypeError: For an option the format does not take.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(title="Hello")
        >>> ik.loads(ik.dumps(iv, format="json"), format="json") == iv
        True
        >>> ik.loads(ik.dumps(iv, format="json")).title  # JSON tells itself
        'Hello'

    """
    if isinstance(text, str):
        document = Document(text=text)
    elif isinstance(text, (bytes, bytearray, memoryview)):
        document = Document(data=bytes(text), encoding=encoding)
    else:
        raise TypeError(f"loads() takes a str or bytes, not {type(text).__name__}")
    fmt = get_format(format) if format is not None else detect(document)
    return _run_reader(fmt, document, options, keywords)


def dumps(interview: Interview, *, format: str, **options: Any) -> Any:
    """Write an interview to a string (bytes for a binary format).

    Args:
        interview: The interview.
        format: The name of the format: see `formats`.
        **options: Options of that format's writer.

    Raises:
        FormatError: If the format is unknown or cannot be written.

    """
    if not isinstance(interview, Interview):
        raise TypeError(f"dumps() takes an Interview, not {type(interview).__name__}")
    fmt = get_format(format)
    if fmt.writer is None:
        raise FormatError(f"the {fmt.name} format can only be read", name=fmt.name)
    return fmt.writer(interview, **options)


def read(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    options: ReadOptions | None = None,
    **keywords: Any,
) -> Interview:
    """Read an interview from a file.

    A file, a FIFO or a device is read up to ``max_bytes``, 256 MiB by
    default (see `MAX_BYTES`): ``/dev/zero`` or a pipe that never ends
    gives a `ParseError`, not a machine out of memory.

    Args:
        path: The file.
        format: The name of its format; by default the file's suffix
            decides (``.txt``, ``.md``, ``.json``, ...), and the content
            when several formats share the suffix.
        encoding: The file's codec; by default its byte-order mark decides
            (UTF-8, UTF-16 or UTF-32), and UTF-8 without one.
        max_bytes: The most bytes to read; a larger input is a
            `ParseError`. None reads without a bound.
        options: A `ReadOptions`, or pass its fields as keywords.
        **keywords: The reading options (``interviewer=``, ``names=``, ...):
            see `ReadOptions`.

    Raises:
        ParseError: If the file is not a valid document of the format, or
            is larger than ``max_bytes``; the error names the file, line
            and column.
        FormatError: If the format is unknown or cannot be told.
        OSError: If the file cannot be read.
        TypeError: For an option the format does not take, or a
            ``max_bytes`` that is not an `int`.
        ValueError: For a ``max_bytes`` that is not positive.

    """
    source = os.fspath(path)
    limit = check_max_bytes(max_bytes)
    try:
        data = read_file(path, max_bytes=limit)
    except ParseError as error:
        raise error.with_source(source) from None
    document = Document(data=data, encoding=encoding, source=source)
    try:
        fmt = get_format(format) if format is not None else detect(document, path=path)
        return _run_reader(fmt, document, options, keywords)
    except ParseError as error:
        raise error.with_source(source) from None


def write(
    interview: Interview,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    **options: Any,
) -> None:
    """Write an interview to a file (UTF-8 for text), replacing it if it exists.

    The file is replaced whole or not at all: the document goes to a
    temporary file in the same folder, is flushed to disk, and is then
    renamed over the file. If anything fails, the old file is left intact
    and the temporary removed (a process killed midway leaves the temporary,
    ``.NAME.XXXXXXXX.tmp``). A symbolic link is written through; a FIFO or
    a device is written into.

    Args:
        interview: The interview.
        path: The file.
        format: The name of the format; by default the file's suffix decides.
        **options: Options of that format's writer.

    Raises:
        FormatError: If the format is unknown or the suffix claims none.
        OSError: If the file cannot be written; the old file is intact.
        UnicodeEncodeError: If the interview holds a lone surrogate, which
            UTF-8 cannot encode (only a `str` given to `loads` can bring
            one); nothing is written.

    """
    fmt = get_format(format) if format is not None else format_for_path(path)
    written = dumps(interview, format=fmt.name, **options)
    data = written if isinstance(written, bytes) else written.encode("utf-8")
    write_file(path, data)
