"""``interviewkit validate``: one line for each file that is not a valid interview."""

from __future__ import annotations

import argparse

from interviewkit.cli._common import (
    EXIT_OK,
    Command,
    Failure,
    add_reading,
    read_interview,
    write_stdout,
)


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    problems: list[str] = []
    for path in args.files:
        try:
            read_interview(path, args)
        except Failure as failure:
            problems.append(failure.message)
            status = max(status, failure.status)
    if problems:
        write_stdout("".join(f"{problem}\n" for problem in problems))
    return status


def add(command: Command, names: list[str]) -> None:
    validate = command(
        "validate",
        "check that files are valid interviews, one line a problem",
        run,
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="a file, or '-'")
    add_reading(validate, names)
