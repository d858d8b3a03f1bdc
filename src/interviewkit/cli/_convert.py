"""``interviewkit convert``: an interview from one format to another, or a
folder, glob or archive of them into a folder that keeps their tree."""

from __future__ import annotations

import argparse
import functools
import os
from pathlib import Path, PurePosixPath

import interviewkit as ik
from interviewkit.cli import _many
from interviewkit.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    STDIO,
    Command,
    Failure,
    add_reading,
    os_failure,
    read_interview,
    resolve_format,
    write_stdout,
)


def run(args: argparse.Namespace) -> int:
    if args.input != STDIO and _many.is_many(args.input):
        return _run_many(args)
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
    convert.add_argument(
        "input",
        metavar="IN",
        help="the input file, or '-'; or a folder, glob pattern or archive",
    )
    convert.add_argument(
        "output",
        metavar="OUT",
        nargs="?",
        help="the output file, or '-' (the default) for standard output; for "
        "a folder, glob or archive, the folder to write into, keeping the tree",
    )
    add_reading(convert, names)
    _many.add_jobs(convert)
    convert.add_argument(
        "--to",
        "-t",
        dest="to_format",
        choices=names,
        metavar="FORMAT",
        help="the output format (default: from the suffix of OUT; needed for "
        f"standard output); one of: {', '.join(names)}",
    )


def _converted(to_format: str, entry: ik.CorpusEntry) -> tuple[str, str, bytes]:
    """An entry's id, its output name (the id with the new suffix) and the
    output, made where it was read (in a worker process with --jobs)."""
    suffix = ik.get_format(to_format).suffixes[0]
    name = str(PurePosixPath(entry.id).with_suffix(suffix))
    written = ik.dumps(entry.interview, format=to_format)
    data = written if isinstance(written, bytes) else written.encode("utf-8")
    return entry.id, name, data


def _run_many(args: argparse.Namespace) -> int:
    if args.to_format is None:
        raise Failure(
            "--to is needed to convert a folder, glob or archive", status=EXIT_USAGE
        )
    if args.output is None or args.output == STDIO:
        raise Failure(
            "OUT must be a folder to convert a folder, glob or archive into",
            status=EXIT_USAGE,
        )
    corpus = _many.open_corpus(args.input, args)
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as error:
        raise os_failure(args.output, "write", error) from None
    root = Path(args.output)
    # Two inputs may have one output name (a.txt and a.md to a.json).
    written: dict[str, str] = {}
    run = _many.Run(corpus, args)
    for identifier, name, data in run.results(
        functools.partial(_converted, args.to_format)
    ):
        target = root.joinpath(*name.split("/"))
        if name in written:
            run.fail(f"{target}: not written for {identifier}: {written[name]} is")
            continue
        written[name] = identifier
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as error:
            run.fail(os_failure(str(target), "write", error).message)
    return run.status()
