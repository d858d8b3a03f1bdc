"""``interviewkit convert``: an interview from one format to another."""

from __future__ import annotations

import argparse

import interviewkit as ik
from interviewkit.cli._common import (
    EXIT_OK,
    STDIO,
    Command,
    add_reading,
    os_failure,
    read_interview,
    resolve_format,
    write_stdout,
)


def run(args: argparse.Namespace) -> int:
    output: str = args.output if args.output is not None else STDIO
    to_format = resolve_format(output, args.to_format, flag="--to")
    interview = read_interview(args.input, args)
    if output == STDIO:
        write_stdout(ik.dumps(interview, format=to_format))
        return EXIT_OK
    try:
        ik.write(interview, output, format=to_format)
    except OSError as error:
        raise os_failure(output, "write", error) from None
    return EXIT_OK


def add(command: Command, names: list[str]) -> None:
    convert = command("convert", "convert an interview from one format to another", run)
    convert.add_argument("input", metavar="IN", help="the input file, or '-'")
    convert.add_argument(
        "output",
        metavar="OUT",
        nargs="?",
        help="the output file, or '-' (the default) for standard output",
    )
    add_reading(convert, names)
    convert.add_argument(
        "--to",
        "-t",
        dest="to_format",
        choices=names,
        metavar="FORMAT",
        help="the output format (default: from the suffix of OUT; needed for "
        f"standard output); one of: {', '.join(names)}",
    )
