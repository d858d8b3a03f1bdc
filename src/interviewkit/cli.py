"""The ``interviewkit`` command: convert, inspect, search and validate interviews.

Run ``interviewkit --help`` (or ``python -m interviewkit --help``) for the
subcommands, and ``interviewkit COMMAND --help`` for each one's options.
Formats come from file suffixes, or from ``--from`` and ``--to``; ``-`` reads
standard input or writes standard output, always as UTF-8 whatever the
locale.

Exit statuses:

* 0: success.
* 1: ``search`` found nothing.
* 2: the command was used wrongly: an unknown option, a missing argument, an
  unknown format, a file whose format cannot be told from its suffix, an
  invalid search pattern or an unknown speaker.
* 3: bad data: an input is not a valid interview. Standard error (standard
  output for ``validate``) gets one ``file:line:column: message`` line.
* 4: a file cannot be read or written (missing, a directory, no permission).

``validate`` checks every file it is given and exits with the highest status
among them. When standard output is closed early (``interviewkit search ... |
head``), the command stops quietly with status 141, as if killed by SIGPIPE.

Example:
    >>> import pathlib, tempfile
    >>> import interviewkit as ik
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "hello.json"
    >>> ik.write(ik.Interview(title="Hello"), path)
    >>> main(["validate", str(path)])
    0

"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from typing import IO

import interviewkit as ik

__all__ = [
    "EXIT_BAD_DATA",
    "EXIT_IO_ERROR",
    "EXIT_NO_MATCH",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

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

_STDIO = "-"
# What a shell reports for a program killed by SIGPIPE or SIGINT.
_EXIT_BROKEN_PIPE = 128 + 13
_EXIT_INTERRUPTED = 128 + 2

_EPILOG = """\
exit status:
  0  success
  1  search found nothing
  2  usage error: bad option or argument, unknown format or file suffix,
     invalid pattern or unknown speaker
  3  bad data: an input is not a valid interview (file:line:column: message)
  4  a file cannot be read or written

'-' as a file name means standard input or output, read and written as UTF-8.
"""


class _Failure(Exception):
    """Stops a subcommand with one line for standard error and a status."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        # Messages quote paths and input: keep them to one harmless line.
        self.message = _printable(message)
        self.status = status


def _format_list() -> str:
    return ", ".join(
        f"{name} ({' '.join(fmt.suffixes)})" for name, fmt in ik.formats().items()
    )


def _resolve_format(path: str, name: str | None, *, flag: str) -> str:
    """Return the output format name for ``path``: ``name``, else its suffix."""
    if name is not None:
        return name
    if path == _STDIO:
        raise _Failure(
            f"{flag} is needed for standard output; one of {_format_list()}",
            status=EXIT_USAGE,
        )
    try:
        return ik.format_for_path(path).name
    except ik.FormatError as error:
        raise _format_failure(error, flag) from None


def _format_failure(error: ik.FormatError, flag: str) -> _Failure:
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
    )
    if error.path is None and error.name is None:
        reason = f"cannot tell the format of {where} from its content"
    return _Failure(f"{reason}; pass {flag}, one of: {candidates}", status=EXIT_USAGE)


def _os_failure(path: str, action: str, error: OSError) -> _Failure:
    reason = error.strerror or str(error)
    return _Failure(f"{path}: cannot {action}: {reason}", status=EXIT_IO_ERROR)


def _pairs(values: Sequence[str] | None, flag: str) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a mapping."""
    pairs: dict[str, str] = {}
    for value in values or ():
        key, equals, item = _text_argument(value).partition("=")
        if not equals or not key.strip() or not item.strip():
            raise _Failure(f"{flag} takes KEY=VALUE, not {value!r}", status=EXIT_USAGE)
        pairs[key.strip()] = item.strip()
    return pairs


def _reading_options(args: argparse.Namespace) -> ik.ReadOptions:
    """The reading options the command line gives."""
    keywords: dict[str, object] = {}
    if args.interviewer:
        keywords["interviewer"] = [_text_argument(x) for x in args.interviewer]
    if args.interviewee:
        keywords["interviewee"] = [_text_argument(x) for x in args.interviewee]
    if args.name:
        keywords["names"] = _pairs(args.name, "--name")
    if args.role:
        keywords["roles"] = _pairs(args.role, "--role")
    if args.no_infer_questions:
        keywords["infer_questions"] = False
    try:
        return ik.ReadOptions(**keywords)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise _Failure(str(error), status=EXIT_USAGE) from None


def _read(path: str, args: argparse.Namespace) -> ik.Interview:
    """Read an interview from ``path`` or standard input, or raise `_Failure`."""
    name: str | None = args.from_format
    options = _reading_options(args)
    try:
        if path != _STDIO:
            return ik.read(path, format=name, encoding=args.encoding, options=options)
        if sys.stdin is None:
            raise _Failure("standard input is closed", status=EXIT_IO_ERROR)
        binary = getattr(sys.stdin, "buffer", None)
        # A text stream such as io.StringIO has no bytes to give.
        data = sys.stdin.read() if binary is None else binary.read()
        try:
            return ik.loads(data, format=name, encoding=args.encoding, options=options)
        except ik.ParseError as error:
            raise error.with_source("<stdin>") from None
    except ik.ParseError as error:
        raise _Failure(str(error), status=EXIT_BAD_DATA) from None
    except ik.FormatError as error:
        raise _format_failure(error, "--from") from None
    except (TypeError, LookupError) as error:
        # An option the format does not take, or an unknown encoding.
        raise _Failure(str(error), status=EXIT_USAGE) from None
    except OSError as error:
        raise _os_failure(path, "read", error) from None


def _write_stdout(text: str) -> None:
    # Bytes, not the text layer: UTF-8 whatever the locale, and the document's
    # own line endings, not the platform's.
    stream = sys.stdout
    if stream is None:
        raise _Failure("standard output is closed", status=EXIT_IO_ERROR)
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


def _printable(text: str) -> str:
    """Return ``text`` safe for one terminal line: controls shown escaped."""
    return _UNPRINTABLE.sub(_escape, text)


def _one_line(text: str) -> str:
    """Return ``text`` on one line: runs of white space become one space."""
    return _printable(" ".join(text.split()))


def _width(text: str) -> int:
    """Return how many terminal columns ``text`` takes."""
    width = 0
    for character in text:
        if unicodedata.combining(character):
            continue
        width += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return width


def _table(
    rows: Sequence[Sequence[str]], *, right: frozenset[int] = frozenset()
) -> list[str]:
    """Return ``rows`` as aligned lines; columns in ``right`` align right."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def _convert(args: argparse.Namespace) -> int:
    output: str = args.output if args.output is not None else _STDIO
    to_format = _resolve_format(output, args.to_format, flag="--to")
    interview = _read(args.input, args)
    if output == _STDIO:
        _write_stdout(ik.dumps(interview, format=to_format))
        return EXIT_OK
    try:
        ik.write(interview, output, format=to_format)
    except OSError as error:
        raise _os_failure(output, "write", error) from None
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    problems: list[str] = []
    for path in args.files:
        try:
            _read(path, args)
        except _Failure as failure:
            problems.append(failure.message)
            status = max(status, failure.status)
    if problems:
        _write_stdout("".join(f"{problem}\n" for problem in problems))
    return status


def _info(args: argparse.Namespace) -> int:
    interview = _read(args.file, args)
    stats = interview.stats()
    facts = [("Title", interview.title if interview.title is not None else "-")]
    metadata = interview.metadata
    for label, value in (
        ("Source", metadata.source),
        ("URL", metadata.url),
        ("Date", metadata.date),
        ("Language", metadata.language),
    ):
        if value is not None:
            facts.append((label, value))
    facts += [
        ("Speakers", f"{len(interview.speakers):,}"),
        ("Turns", f"{stats.turns:,}"),
        ("Words", f"{stats.words:,}"),
    ]
    lines = _table([(f"{label}:", _one_line(value)) for label, value in facts])
    if stats.speakers:
        rows = [("Speaker", "Id", "Role", "Aliases", "Turns", "Words", "Share")]
        for figures in stats.speakers:
            speaker = figures.speaker
            rows.append(
                (
                    _one_line(speaker.name),
                    _one_line(speaker.id),
                    str(speaker.role) if speaker.role is not None else "-",
                    _one_line(", ".join(speaker.aliases)) or "-",
                    f"{figures.turns:,}",
                    f"{figures.words:,}",
                    f"{100 * figures.share:.1f}%" if stats.words else "-",
                )
            )
        lines += ["", *_table(rows, right=frozenset({4, 5, 6}))]
    _write_stdout("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def _text_argument(argument: str) -> str:
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


def _search(args: argparse.Namespace) -> int:
    if not isinstance(args.pattern, str):
        # Older argparse drops a second "--" even as a value, leaving a list.
        raise _Failure(
            "this Python cannot pass '--' as PATTERN; use --regex '[-]{2}'",
            status=EXIT_USAGE,
        )
    interview = _read(args.file, args)
    # re warns about some valid patterns ("[[" may one day mean a nested
    # set): pass the advice on as one line, not as a warning with source.
    with warnings.catch_warnings(record=True) as advice:
        warnings.simplefilter("always")
        matches = _run_search(interview, args)
    for warning in {str(warning.message): None for warning in advice}:
        print(f"{args.parser.prog}: warning: {_printable(warning)}", file=sys.stderr)
    source = "<stdin>" if args.file == _STDIO else args.file
    _write_stdout("".join(_printable(f"{source}:{match}") + "\n" for match in matches))
    return EXIT_OK if matches else EXIT_NO_MATCH


def _run_search(
    interview: ik.Interview, args: argparse.Namespace
) -> tuple[ik.Match, ...]:
    try:
        return interview.search(
            _text_argument(args.pattern),
            speaker=None if args.speaker is None else _text_argument(args.speaker),
            regex=args.regex,
            ignore_case=not args.case_sensitive,
            whole_word=args.whole_word,
            include_prose=args.prose,
            include_captions=args.captions,
        )
    except (ik.PatternError, ik.SpeakerLookupError) as error:
        raise _Failure(f"{error}", status=EXIT_USAGE) from None


def _add_reading(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
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


_Command = Callable[
    [str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser
]


def _parser() -> argparse.ArgumentParser:
    names = list(ik.formats())
    parser = argparse.ArgumentParser(
        prog="interviewkit",
        description="Convert, inspect, search and validate interviews. "
        f"Formats: {_format_list()}.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {ik.__version__}"
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )

    def command(
        name: str, summary: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run, parser=sub)
        return sub

    for add in (_add_convert, _add_info, _add_search, _add_validate):
        add(command, names)
    return parser


def _add_convert(command: _Command, names: list[str]) -> None:
    convert = command(
        "convert", "convert an interview from one format to another", _convert
    )
    convert.add_argument("input", metavar="IN", help="the input file, or '-'")
    convert.add_argument(
        "output",
        metavar="OUT",
        nargs="?",
        help="the output file, or '-' (the default) for standard output",
    )
    _add_reading(convert, names)
    convert.add_argument(
        "--to",
        "-t",
        dest="to_format",
        choices=names,
        metavar="FORMAT",
        help="the output format (default: from the suffix of OUT; needed for "
        f"standard output); one of: {', '.join(names)}",
    )


def _add_info(command: _Command, names: list[str]) -> None:
    info = command(
        "info",
        "show an interview's title, speakers and how much each one says",
        _info,
    )
    info.add_argument("file", metavar="FILE", help="the file, or '-'")
    _add_reading(info, names)


def _add_search(command: _Command, names: list[str]) -> None:
    search = command(
        "search",
        "print where a pattern matches in the turns, one line a match",
        _search,
    )
    search.add_argument("file", metavar="FILE", help="the file, or '-'")
    search.add_argument(
        "pattern",
        metavar="PATTERN",
        help="the text to look for; case does not matter unless --case-sensitive",
    )
    search.add_argument(
        "--speaker",
        "-s",
        metavar="SPEAKER",
        help="only the turns of this speaker, by id, name or alias",
    )
    for flags, helped in (
        (("--regex", "-e"), "read PATTERN as a Python regular expression"),
        (("--whole-word", "-w"), "match only whole words"),
        (("--case-sensitive",), "match case exactly"),
        (("--prose",), "search prose too: notes, intros, links, closing lines"),
        (("--captions",), "search image captions and credits too"),
    ):
        search.add_argument(*flags, action="store_true", help=helped)
    _add_reading(search, names)
    search.epilog = (
        "Each line is FILE:#BLOCK SPEAKER: SNIPPET, where BLOCK is the index of the\n"
        "block in the interview's body, counting from 0 as Interview.search does\n"
        "(not a line number). Prose and captions show their kind instead of a\n"
        "speaker.\n\n" + _EPILOG
    )


def _add_validate(command: _Command, names: list[str]) -> None:
    validate = command(
        "validate",
        "check that files are valid interviews, one line a problem",
        _validate,
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="a file, or '-'")
    _add_reading(validate, names)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``interviewkit`` command and return its exit status.

    Args:
        argv: The arguments after the program name; by default
            ``sys.argv[1:]``.

    Returns:
        The exit status: see the module's documentation.

    Example:
        >>> main(["convert", "--to", "yaml", "talk.json"])
        2

    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        # --help, --version and usage errors: argparse has said its piece.
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    try:
        status: int = args.run(args)
        if sys.stdout is not None:
            sys.stdout.flush()
    except _Failure as failure:
        if failure.status == EXIT_USAGE:
            # argparse's shape for usage errors, on one line: the usage
            # summary says nothing about formats, speakers or patterns.
            print(f"{args.parser.prog}: error: {failure.message}", file=sys.stderr)
        else:
            print(failure.message, file=sys.stderr)
        return failure.status
    except BrokenPipeError:
        _silence_stdout(sys.stdout)
        return _EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
    return status


def _silence_stdout(stream: IO[str]) -> None:
    # The reader went away (`interviewkit search ... | head`): point standard
    # output at nothing so that Python's final flush does not fail too.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
