"""The ``interviewkit`` command: convert, inspect, search, validate, pseudonymise.

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
* 3: bad data: an input is not a valid interview, or is larger than
  ``--max-bytes`` (256 MiB by default). Standard error (standard output for
  ``validate``) gets one ``file:line:column: message`` line.
* 4: a file cannot be read or written (missing, a directory, no permission).
* 5: given a folder, a glob pattern or an archive, some of its files are not
  valid interviews or cannot be read (or written); each has one
  ``file:line:column: message`` line on standard error, and the others were
  done.

``convert`` replaces its output file whole or not at all (see
`interviewkit.write`). ``validate`` checks every file it is given and exits
with the highest status among them. When standard output is closed early
(``interviewkit search ... | head``), the command stops quietly with status
141, as if killed by SIGPIPE.

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
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import IO, TextIO

import interviewkit as ik
from interviewkit.cli import (
    _chart,
    _convert,
    _info,
    _pseudonymise,
    _search,
    _table,
    _validate,
)
from interviewkit.cli._common import (
    EPILOG,
    EXIT_BAD_DATA,
    EXIT_IO_ERROR,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    Failure,
    format_list,
    printable,
)

__all__ = [
    "EXIT_BAD_DATA",
    "EXIT_IO_ERROR",
    "EXIT_NO_MATCH",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "main",
]

# What a shell reports for a program killed by SIGPIPE or SIGINT.
_EXIT_BROKEN_PIPE = 128 + 13
_EXIT_INTERRUPTED = 128 + 2

# The commands, in the order --help lists them: each module has add() and run().
_COMMANDS = (_convert, _info, _pseudonymise, _search, _table, _validate, _chart)


def _parser() -> argparse.ArgumentParser:
    names = list(ik.formats())
    parser = argparse.ArgumentParser(
        prog="interviewkit",
        description="Convert, inspect, search, validate and pseudonymise "
        "interviews. "
        f"Formats: {format_list()}.",
        epilog=EPILOG,
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
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run, parser=sub)
        return sub

    for module in _COMMANDS:
        module.add(command, names)
    return parser


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
        with warnings.catch_warnings():
            warnings.simplefilter("always", ik.ReadWarning)
            warnings.showwarning = _warning_printer(args.parser.prog)
            status: int = args.run(args)
        if sys.stdout is not None:
            sys.stdout.flush()
    except Failure as failure:
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


def _warning_printer(prog: str) -> Callable[..., None]:
    """Print what readers report on one line each, as it is reported."""
    shown = warnings.showwarning

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if isinstance(message, ik.ReadWarning):
            print(f"{prog}: warning: {printable(str(message))}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    return show


def _silence_stdout(stream: IO[str]) -> None:
    # The reader went away (`interviewkit search ... | head`): point standard
    # output at nothing so that Python's final flush does not fail too.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
