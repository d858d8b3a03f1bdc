"""``interviewkit info``: an interview's title, speakers, and who says how
much; or the same of a whole folder, glob or archive."""

from __future__ import annotations

import argparse

from interviewkit._reading.guesses import collecting
from interviewkit.cli import _many
from interviewkit.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    STDIO,
    Command,
    Failure,
    add_reading,
    one_line,
    printable,
    read_interview,
    table,
    write_stdout,
)
from interviewkit.corpus._questions import corpus_stats

# The speakers a corpus summary lists, most words first.
TOP_SPEAKERS = 10


def run(args: argparse.Namespace) -> int:
    if args.file != STDIO and _many.is_many(args.file):
        if args.explain:
            raise Failure(
                "--explain explains one file, not a folder, glob or archive",
                status=EXIT_USAGE,
            )
        return _run_many(args)
    with collecting() as guesses:
        interview = read_interview(args.file, args)
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
    lines = table([(f"{label}:", one_line(value)) for label, value in facts])
    if stats.speakers:
        rows = [("Speaker", "Id", "Role", "Aliases", "Turns", "Words", "Share")]
        for figures in stats.speakers:
            speaker = figures.speaker
            rows.append(
                (
                    one_line(speaker.name),
                    one_line(speaker.id),
                    str(speaker.role) if speaker.role is not None else "-",
                    one_line(", ".join(speaker.aliases)) or "-",
                    f"{figures.turns:,}",
                    f"{figures.words:,}",
                    f"{100 * figures.share:.1f}%" if stats.words else "-",
                )
            )
        lines += ["", *table(rows, right=frozenset({4, 5, 6}))]
    if args.explain:
        lines += ["", "Guesses:"]
        lines += [printable(str(guess)) for guess in guesses] or ["none"]
    write_stdout("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def add(command: Command, names: list[str]) -> None:
    info = command(
        "info",
        "show an interview's title, speakers and how much each one says",
        run,
    )
    info.add_argument(
        "file",
        metavar="FILE",
        help="the file, or '-'; or a folder, glob pattern or archive to summarise",
    )
    info.add_argument(
        "--explain",
        action="store_true",
        help="also list every guess the reader made, with its line",
    )
    add_reading(info, names)
    _many.add_jobs(info)


def _share(words: int, total: int) -> str:
    return f"{100 * words / total:.1f}%" if total else "-"


def _run_many(args: argparse.Namespace) -> int:
    run = _many.Run(_many.open_corpus(args.file, args), args)
    stats = corpus_stats(run.results())
    facts = [
        ("Interviews", f"{stats.interviews:,}"),
        ("Failed", f"{run.failed:,}"),
        ("Speakers", f"{len(stats.speakers):,}"),
        ("Turns", f"{stats.turns:,}"),
        ("Words", f"{stats.words:,}"),
    ]
    lines = table([(f"{label}:", value) for label, value in facts])
    if stats.roles:
        rows = [("Role", "Speakers", "Turns", "Words", "Share")]
        rows += [
            (
                "-" if entry.role is None else str(entry.role),
                f"{entry.speakers:,}",
                f"{entry.turns:,}",
                f"{entry.words:,}",
                _share(entry.words, stats.words),
            )
            for entry in stats.roles
        ]
        lines += ["", *table(rows, right=frozenset({1, 2, 3, 4}))]
    if stats.speakers:
        rows = [("Speaker", "Interviews", "Turns", "Words", "Share")]
        rows += [
            (
                one_line(entry.name),
                f"{entry.interviews:,}",
                f"{entry.turns:,}",
                f"{entry.words:,}",
                _share(entry.words, stats.words),
            )
            for entry in stats.speakers[:TOP_SPEAKERS]
        ]
        lines += ["", *table(rows, right=frozenset({1, 2, 3, 4}))]
        more = len(stats.speakers) - TOP_SPEAKERS
        if more > 0:
            lines.append(f"… and {more:,} more speakers")
    write_stdout("".join(f"{line}\n" for line in lines))
    return run.status()
