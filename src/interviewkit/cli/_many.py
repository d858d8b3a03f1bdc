"""What the commands share for a folder, a glob or an archive of interviews.

Every file is read once, in order (``--jobs N`` reads in N processes); a
file that does not read gets one line on standard error and the command
goes on, to exit with status 5 at the end. On a terminal, standard error
also shows a progress bar, which never reaches a pipe or a file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import interviewkit as ik
from interviewkit.cli._common import (
    EXIT_IO_ERROR,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    Failure,
    format_failure,
    printable,
    reading_options,
)
from interviewkit.corpus import CorpusError
from interviewkit.corpus._sources import has_magic, is_archive


def is_many(path: str) -> bool:
    """Whether a command's input names many interviews: a folder, an
    archive, or a glob pattern that is not the name of a file."""
    if os.path.isdir(path):
        return True
    if os.path.exists(path):
        return is_archive(path)
    return has_magic(path)


def add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="for a folder, glob or archive: read in N processes (default: 1)",
    )


def open_corpus(source: str, args: argparse.Namespace) -> ik.Corpus:
    """The corpus a command reads, or a usage `Failure`."""
    if args.jobs < 1:
        raise Failure(f"--jobs takes 1 or more, not {args.jobs}", status=EXIT_USAGE)
    try:
        return ik.read_many(
            source,
            format=args.from_format,
            encoding=args.encoding,
            errors="skip",
            jobs=args.jobs,
            options=reading_options(args),
        )
    except FileNotFoundError as error:
        raise Failure(
            f"{source}: no such file, folder or matching pattern",
            status=EXIT_IO_ERROR,
        ) from error
    except ik.FormatError as error:
        raise format_failure(error, "--from") from None
    except LookupError as error:
        raise Failure(str(error), status=EXIT_USAGE) from None


class Progress:
    """A progress bar on one line of a terminal; nothing anywhere else."""

    def __init__(self, stream: TextIO | None, label: str) -> None:
        self.stream = stream
        self.enabled = stream is not None and _is_terminal(stream)
        self.label = label
        self.total: int | None = None
        self.done = 0
        self.failed = 0
        self._shown = 0.0

    def start(self, count: Callable[[], int]) -> None:
        if self.enabled:
            self.total = count()
            self._draw(force=True)

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self._draw(force=self.done == self.total)

    def say(self, line: str) -> None:
        """Print one line on standard error, above the bar."""
        self.clear()
        print(line, file=self.stream or sys.stderr)

    def clear(self) -> None:
        if self.enabled and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = 0.0

    def _draw(self, *, force: bool) -> None:
        if not self.enabled or self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._shown < 0.1:
            return
        self._shown = now
        total = self.total or 0
        failed = f", {self.failed:,} failed" if self.failed else ""
        figures = f" {self.done:,}/{total:,} files{failed}"
        columns = shutil.get_terminal_size().columns
        room = max(10, min(40, columns - len(self.label) - len(figures) - 4))
        filled = room * self.done // total if total else room
        bar = "#" * filled + "-" * (room - filled)
        self.stream.write(f"\r{self.label} [{bar}]{figures}"[: columns - 1])
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Run:
    """One pass over a corpus for a command: the results, a line for each
    file that fails, the progress on a terminal, and the exit status."""

    def __init__(self, corpus: ik.Corpus, args: argparse.Namespace) -> None:
        self.corpus = corpus
        self.progress = Progress(sys.stderr, args.command)
        self.failed = 0

    def results(
        self, function: Callable[[ik.CorpusEntry], Any] | None = None
    ) -> Iterator[Any]:
        """Each file's result: ``function(entry)``, made where the file was
        read (in a worker with --jobs), or the entry itself."""
        shown = warnings.showwarning

        def show(*arguments: Any, **keywords: Any) -> None:
            self.progress.clear()
            shown(*arguments, **keywords)

        warnings.showwarning = show
        try:
            self.progress.start(self.corpus.count)
            outcomes = (
                self.corpus._outcomes()
                if function is None
                else self.corpus._outcomes(function)
            )
            for outcome in outcomes:
                failed = isinstance(outcome.result, CorpusError)
                if failed:
                    self.fail(str(outcome.result))
                self.progress.advance(failed=failed)
                if not failed:
                    yield outcome.result
        finally:
            warnings.showwarning = shown
            self.progress.clear()

    def fail(self, line: str) -> None:
        """Count a file as failed and say why, on one line."""
        self.failed += 1
        self.progress.say(printable(line))

    def status(self, success: int = EXIT_OK) -> int:
        """``success``, or 5 when some files failed."""
        return EXIT_SOME_FAILED if self.failed else success
