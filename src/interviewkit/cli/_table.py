"""``interviewkit table``: interviews as Parquet tables, one row a turn."""

from __future__ import annotations

import argparse

from interviewkit.cli import _many
from interviewkit.cli._common import (
    EXIT_USAGE,
    Command,
    Failure,
    add_reading,
    os_failure,
)


def run(args: argparse.Namespace) -> int:
    try:
        from interviewkit.tables import TablesWriter
        from interviewkit.tables._arrow import pyarrow_module

        pyarrow_module()
    except ImportError as error:
        raise Failure(str(error), status=EXIT_USAGE) from None
    corpus = _many.open_corpus(args.source, args)
    try:
        writer = TablesWriter(
            args.output, speakers=args.speakers, interviews=args.interviews
        )
    except OSError as error:
        raise os_failure(error.filename or args.output, "write", error) from None
    run = _many.Run(corpus, args)
    with writer:
        for rows in run.results(writer._rows_of()):
            writer._write_rows(rows)
    return run.status()


def add(command: Command, names: list[str]) -> None:
    table = command(
        "table",
        "write interviews as Parquet tables: one row a turn, a speaker or an interview",
        run,
    )
    table.add_argument(
        "source",
        metavar="SOURCE",
        help="a folder (read recursively), glob pattern, archive or file",
    )
    table.add_argument(
        "output",
        metavar="TURNS",
        help="the Parquet file to write the turns table to",
    )
    table.add_argument(
        "--speakers",
        metavar="FILE",
        help="also write the speakers table to this Parquet file",
    )
    table.add_argument(
        "--interviews",
        metavar="FILE",
        help="also write the interviews table (titles, metadata) to this file",
    )
    add_reading(table, names)
    _many.add_jobs(table)
    table.epilog = (
        "The tables' columns are documented in the interviewkit.tables module.\n"
        "Needs pyarrow: pip install 'interviewkit[arrow]'.\n\n" + (table.epilog or "")
    )
