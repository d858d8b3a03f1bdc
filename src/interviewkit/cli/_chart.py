"""``interviewkit chart``: a picture of who talks how much, or who talks when."""

from __future__ import annotations

import argparse

from interviewkit.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    STDIO,
    Command,
    Failure,
    add_reading,
    os_failure,
    read_interview,
)


def run(args: argparse.Namespace) -> int:
    output: str = args.output
    if not output.lower().endswith((".svg", ".png")):
        raise Failure(f"OUT must end in .svg or .png: {output!r}", status=EXIT_USAGE)
    try:
        from interviewkit import charts
    except ImportError as error:
        raise Failure(str(error), status=EXIT_USAGE) from None
    if args.files.count(STDIO) > 1:
        raise Failure("standard input can be read only once", status=EXIT_USAGE)
    interviews = [read_interview(path, args) for path in args.files]
    subject = interviews[0] if len(interviews) == 1 else interviews
    if args.kind == "timeline":
        try:
            figure = charts.timeline(subject)
        except ValueError as error:
            raise Failure(f"timeline: {error}", status=EXIT_USAGE) from None
    else:
        figure = charts.speaking_time(subject, measure=args.measure)
    try:
        charts.save(figure, output)
    except OSError as error:
        raise os_failure(output, "write", error) from None
    return EXIT_OK


def add(command: Command, names: list[str]) -> None:
    chart = command(
        "chart",
        "draw who talks how much, or who talks when, as SVG or PNG "
        "(needs the plot extra)",
        run,
    )
    chart.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="the interview, or several for a corpus ('-' for standard input)",
    )
    chart.add_argument(
        "output", metavar="OUT", help="the picture: a file ending in .svg or .png"
    )
    chart.add_argument(
        "--kind",
        choices=("speaking", "timeline"),
        default="speaking",
        help="speaking: bars of speaking time, or words when the interview is "
        "not timed (the default); timeline: who speaks when (timed interviews)",
    )
    chart.add_argument(
        "--measure",
        choices=("auto", "time", "words"),
        default="auto",
        help="what the bars count (default: time when every turn is timed, else words)",
    )
    add_reading(chart, names)
