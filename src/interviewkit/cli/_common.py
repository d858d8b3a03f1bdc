"""What every command shares: reading, writing, failing, printing tables."""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import IO

import interviewkit as ik
from interviewkit._io import read_bounded, too_large

EXIT_OK = 0
"""Success."""
EXIT_NO_MATCH = 1
"""``search`` found nothing, as ``grep`` does."""
EXIT_USAGE = 2
"""The command was used wrongly (argparse's own status for usage errors)."""
EXIT_BAD_DATA = 3
"""An input is not a valid interview."""
EXIT_IO_ERROR = 4
"""A file cannot be read or written."""
EXIT_SOME_FAILED = 5
"""Of a folder, glob or archive, some files did not read (or write); the
rest was done."""

STDIO = "-"

EPILOG = """\
exit status:
  0  success
  1  search found nothing
  2  usage error: bad option or argument, unknown format or file suffix,
     invalid pattern or unknown speaker
  3  bad data: an input is not a valid interview (file:line:column: message),
     or is larger than --max-bytes
  4  a file cannot be read or written
  5  of a folder, glob or archive, some files failed (one line each on
     standard error); the others were done

'-' as a file name means standard input or output, read and written as UTF-8.
"""


class Failure(Exception):
    """Stops a subcommand with one line for standard error and a status."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        # Messages quote paths and input: keep them to one harmless line.
        self.message = printable(message)
        self.status = status


def format_list(*, written: bool = False) -> str:
    """The formats with their suffixes; only those that write, if ``written``."""
    return ", ".join(
        f"{name} ({' '.join(fmt.suffixes)})"
        for name, fmt in ik.formats().items()
        if fmt.writer is not None or not written
    )


def resolve_format(path: str, name: str | None, *, flag: str) -> str:
    """Return the output format name for ``path``: ``name``, else its suffix."""
    if name is not None:
        return name
    if path == STDIO:
        raise Failure(
            f"{flag} is needed for standard output; one of "
            f"{format_list(written=flag == '--to')}",
            status=EXIT_USAGE,
        )
    try:
        return ik.format_for_path(path).name
    except ik.FormatError as error:
        raise format_failure(error, flag) from None


def format_failure(error: ik.FormatError, flag: str) -> Failure:
    """A usage error for a format that cannot be told, naming the candidates."""
    if error.path is None and error.name is None:
        where = "standard input"
    else:
        where = repr(error.path if error.path is not None else error.name)
    reason = error.message.partition(";")[0]
    known = ik.formats()
    candidates = ", ".join(
        f"{name} ({' '.join(known[name].suffixes)})" if name in known else name
        for name in error.candidates
        # An output format must be one that writes.
        if flag != "--to" or name not in known or known[name].writer is not None
    )
    if error.path is None and error.name is None:
        reason = f"cannot tell the format of {where} from its content"
    return Failure(f"{reason}; pass {flag}, one of: {candidates}", status=EXIT_USAGE)


def os_failure(path: str, action: str, error: OSError) -> Failure:
    reason = error.strerror or str(error)
    return Failure(f"{path}: cannot {action}: {reason}", status=EXIT_IO_ERROR)


def pairs(values: Sequence[str] | None, flag: str) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a mapping."""
    pairs: dict[str, str] = {}
    for value in values or ():
        key, equals, item = text_argument(value).partition("=")
        if not equals or not key.strip() or not item.strip():
            raise Failure(f"{flag} takes KEY=VALUE, not {value!r}", status=EXIT_USAGE)
        pairs[key.strip()] = item.strip()
    return pairs


def reading_options(args: argparse.Namespace) -> ik.ReadOptions:
    """The reading options the command line gives."""
    keywords: dict[str, object] = {}
    if args.interviewer:
        keywords["interviewer"] = [text_argument(x) for x in args.interviewer]
    if args.interviewee:
        keywords["interviewee"] = [text_argument(x) for x in args.interviewee]
    if args.name:
        keywords["names"] = pairs(args.name, "--name")
    if args.role:
        keywords["roles"] = pairs(args.role, "--role")
    if args.no_infer_questions:
        keywords["infer_questions"] = False
    if args.strict:
        keywords["strict"] = True
    try:
        return ik.ReadOptions(**keywords)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise Failure(str(error), status=EXIT_USAGE) from None


def read_interview(path: str, args: argparse.Namespace) -> ik.Interview:
    """Read an interview from ``path`` or standard input, or raise `Failure`."""
    name: str | None = args.from_format
    options = reading_options(args)
    limit: int = args.max_bytes
    try:
        if path != STDIO:
            return ik.read(
                path,
                format=name,
                encoding=args.encoding,
                max_bytes=limit,
                options=options,
            )
        if sys.stdin is None:
            raise Failure("standard input is closed", status=EXIT_IO_ERROR)
        try:
            return ik.loads(
                _read_stdin(sys.stdin, limit),
                format=name,
                encoding=args.encoding,
                options=options,
            )
        except ik.ParseError as error:
            raise error.with_source("<stdin>") from None
    except ik.ParseError as error:
        raise Failure(str(error), status=EXIT_BAD_DATA) from None
    except ik.FormatError as error:
        raise format_failure(error, "--from") from None
    except (TypeError, LookupError, ImportError) as error:
        # An option the format does not take, an unknown encoding, or a
        # format whose extra is not installed.
        raise Failure(str(error), status=EXIT_USAGE) from None
    except OSError as error:
        raise os_failure(path, "read", error) from None


def _read_stdin(stream: IO[str], limit: int) -> str | bytes:
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        return read_bounded(binary, limit)
    # A text stream such as io.StringIO has no bytes to give.
    text = stream.read(limit + 1)
    if len(text) > limit:
        raise too_large(limit)
    return text


_SIZE = re.compile(r"([0-9]+)\s*(?:([kmg])(?:i?b)?)?", re.IGNORECASE)


def byte_count(argument: str) -> int:
    """A ``--max-bytes`` argument: bytes, or with K, M or G (powers of 1024)."""
    found = _SIZE.fullmatch(argument.strip())
    count = 0 if found is None else int(found.group(1))
    if found is None or count < 1:
        raise argparse.ArgumentTypeError(
            f"expected a positive number of bytes such as 1000, 64M or 1G, "
            f"not {argument!r}"
        )
    unit = (found.group(2) or "").lower()
    return count * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


def write_stdout(text: str) -> None:
    # Bytes, not the text layer: UTF-8 whatever the locale, and the document's
    # own line endings, not the platform's.
    stream = sys.stdout
    if stream is None:
        raise Failure("standard output is closed", status=EXIT_IO_ERROR)
    binary = getattr(stream, "buffer", None)
    if binary is None:  # replaced by a text stream such as io.StringIO
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


# C0 and C1 controls (an ESC starts a terminal escape sequence) and the
# line and paragraph separators: shown escaped, never sent to the terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return ascii(match.group())[1:-1]


def printable(text: str) -> str:
    """Return ``text`` safe for one terminal line: controls shown escaped."""
    return _UNPRINTABLE.sub(_escape, text)


def one_line(text: str) -> str:
    """Return ``text`` on one line: runs of white space become one space."""
    return printable(" ".join(text.split()))


def width(text: str) -> int:
    """Return how many terminal columns ``text`` takes."""
    width = 0
    for character in text:
        if unicodedata.combining(character):
            continue
        width += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return width


def table(
    rows: Sequence[Sequence[str]], *, right: frozenset[int] = frozenset()
) -> list[str]:
    """Return ``rows`` as aligned lines; columns in ``right`` align right."""
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def text_argument(argument: str) -> str:
    """Return a text argument as the UTF-8 it was typed in, whatever the locale.

    Under a locale that cannot decode it (``LC_ALL=C`` without Python's UTF-8
    mode) Python keeps the bytes of an argument as lone surrogates; they are
    UTF-8 in practice. File names are left alone: the file system wants them
    back exactly as they came.
    """
    if not any("\udc80" <= character <= "\udcff" for character in argument):
        return argument  # decoded by the locale already: leave it be
    try:
        return os.fsencode(argument).decode("utf-8")
    except UnicodeError:
        return argument


def add_reading(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """The options of every command that reads: the format and what to assume."""
    parser.add_argument(
        "--from",
        "-f",
        dest="from_format",
        choices=names,
        metavar="FORMAT",
        help="the input format (default: from the file suffix, then the "
        f"content); one of: {', '.join(names)}",
    )
    parser.add_argument(
        "--encoding",
        metavar="CODEC",
        help="the input's encoding (default: its byte-order mark, else UTF-8)",
    )
    parser.add_argument(
        "--max-bytes",
        type=byte_count,
        default=ik.MAX_BYTES,
        metavar="SIZE",
        help="read at most SIZE bytes of input, such as 1000, 64M or 1G "
        "(default: 256M); a larger input is bad data",
    )
    parser.add_argument(
        "--interviewer",
        action="append",
        metavar="NAME",
        help="the interviewer, who asks the unlabelled questions (repeatable)",
    )
    parser.add_argument(
        "--interviewee",
        action="append",
        metavar="NAME",
        help="an interviewee (repeatable)",
    )
    parser.add_argument(
        "--name",
        action="append",
        metavar="LABEL=NAME",
        help="the name of the speaker a label stands for, e.g. SPEAKER_00='Ann "
        "Lee' (repeatable)",
    )
    parser.add_argument(
        "--role",
        action="append",
        metavar="NAME=ROLE",
        help="the role of a speaker, e.g. Collider=interviewer (repeatable)",
    )
    parser.add_argument(
        "--no-infer-questions",
        action="store_true",
        help="read an unlabelled paragraph between two answers as part of "
        "the answer, not as a question",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (status 3) where a reader would warn: no speech found, "
        "a broken cue repaired",
    )


Command = Callable[
    [str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser
]
