"""``interviewkit info``: an interview's title, speakers, and who says how much."""

from __future__ import annotations

import argparse

from interviewkit.cli._common import (
    EXIT_OK,
    Command,
    add_reading,
    one_line,
    read_interview,
    table,
    write_stdout,
)


def run(args: argparse.Namespace) -> int:
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
    write_stdout("".join(f"{line}\n" for line in lines))
    return EXIT_OK


def add(command: Command, names: list[str]) -> None:
    info = command(
        "info",
        "show an interview's title, speakers and how much each one says",
        run,
    )
    info.add_argument("file", metavar="FILE", help="the file, or '-'")
    add_reading(info, names)
