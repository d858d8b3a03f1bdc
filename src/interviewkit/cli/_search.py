"""``interviewkit search``: where a pattern matches, one line a match."""

from __future__ import annotations

import argparse
import sys
import warnings

import interviewkit as ik
from interviewkit.cli import _many
from interviewkit.cli._common import (
    EPILOG,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_USAGE,
    STDIO,
    Command,
    Failure,
    add_reading,
    printable,
    read_interview,
    text_argument,
    write_stdout,
)
from interviewkit.corpus._questions import corpus_search
from interviewkit.model._search import _compile


def run(args: argparse.Namespace) -> int:
    if not isinstance(args.pattern, str):
        # Older argparse drops a second "--" even as a value, leaving a list.
        raise Failure(
            "this Python cannot pass '--' as PATTERN; use --regex '[-]{2}'",
            status=EXIT_USAGE,
        )
    if args.file != STDIO and _many.is_many(args.file):
        return _run_many(args)
    interview = read_interview(args.file, args)
    # re warns about some valid patterns ("[[" may one day mean a nested
    # set): pass the advice on as one line, not as a warning with source.
    with warnings.catch_warnings(record=True) as advice:
        warnings.simplefilter("always")
        matches = _run_search(interview, args)
    for warning in {str(warning.message): None for warning in advice}:
        print(f"{args.parser.prog}: warning: {printable(warning)}", file=sys.stderr)
    source = "<stdin>" if args.file == STDIO else args.file
    write_stdout("".join(printable(f"{source}:{match}") + "\n" for match in matches))
    return EXIT_OK if matches else EXIT_NO_MATCH


def _run_many(args: argparse.Namespace) -> int:
    pattern = text_argument(args.pattern)
    # Compile once first, for the advice re gives (see run()) and so that a
    # bad pattern fails before any file is read; re keeps it compiled.
    with warnings.catch_warnings(record=True) as advice:
        warnings.simplefilter("always")
        try:
            _compile(
                pattern,
                regex=args.regex,
                ignore_case=not args.case_sensitive,
                whole_word=args.whole_word,
            )
        except ik.PatternError as error:
            raise Failure(f"{error}", status=EXIT_USAGE) from None
    for warning in {str(warning.message): None for warning in advice}:
        print(f"{args.parser.prog}: warning: {printable(warning)}", file=sys.stderr)
    run = _many.Run(_many.open_corpus(args.file, args), args)
    found = False
    hits = corpus_search(
        run.results(),
        pattern,
        speaker=None if args.speaker is None else text_argument(args.speaker),
        regex=args.regex,
        ignore_case=not args.case_sensitive,
        whole_word=args.whole_word,
        include_prose=args.prose,
        include_captions=args.captions,
    )
    try:
        for hit in hits:
            found = True
            run.progress.clear()
            write_stdout(printable(str(hit)) + "\n")
    except ik.SpeakerLookupError as error:
        raise Failure(f"{error}", status=EXIT_USAGE) from None
    return run.status(EXIT_OK if found else EXIT_NO_MATCH)


def _run_search(
    interview: ik.Interview, args: argparse.Namespace
) -> tuple[ik.Match, ...]:
    try:
        return interview.search(
            text_argument(args.pattern),
            speaker=None if args.speaker is None else text_argument(args.speaker),
            regex=args.regex,
            ignore_case=not args.case_sensitive,
            whole_word=args.whole_word,
            include_prose=args.prose,
            include_captions=args.captions,
        )
    except (ik.PatternError, ik.SpeakerLookupError) as error:
        raise Failure(f"{error}", status=EXIT_USAGE) from None


def add(command: Command, names: list[str]) -> None:
    search = command(
        "search",
        "print where a pattern matches in the turns, one line a match",
        run,
    )
    search.add_argument(
        "file",
        metavar="FILE",
        help="the file, or '-'; or a folder, glob pattern or archive to search",
    )
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
    add_reading(search, names)
    _many.add_jobs(search)
    search.epilog = (
        "Each line is FILE:#BLOCK SPEAKER: SNIPPET, where BLOCK is the index of the\n"
        "block in the interview's body, counting from 0 as Interview.search does\n"
        "(not a line number). Prose and captions show their kind instead of a\n"
        "speaker.\n\n" + EPILOG
    )
