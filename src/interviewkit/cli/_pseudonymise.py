"""``interviewkit pseudonymise``: a folder of interviews, names replaced by codes."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import interviewkit as ik
from interviewkit.cli._common import (
    EXIT_BAD_DATA,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    Failure,
    add_reading,
    format_failure,
    os_failure,
    pairs,
    read_interview,
    text_argument,
)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _interview_files(folder: Path, skip: Path) -> list[Path]:
    """The files under ``folder`` that a format claims, in a stable order."""
    suffixes = {suffix for fmt in ik.formats().values() for suffix in fmt.suffixes}
    found = []
    for root, folders, files in os.walk(folder):
        here = Path(root)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and not _inside(here / name, skip)
        )
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and path.suffix.lower() in suffixes:
                found.append(path)
    return found


def _key(path: str, *, required: bool) -> ik.PseudonymKey | None:
    if not os.path.exists(path):
        if required:
            raise Failure(f"{path}: no such key", status=EXIT_USAGE)
        return None
    try:
        return ik.PseudonymKey.load(path)
    except ik.PseudonymKeyError as error:
        raise Failure(str(error), status=EXIT_BAD_DATA) from None
    except OSError as error:
        raise os_failure(path, "read", error) from None


def run(args: argparse.Namespace) -> int:
    source = Path(args.folder).resolve()
    target = Path(args.output).resolve()
    key_path = Path(args.key).resolve()
    if not source.is_dir():
        raise Failure(f"{args.folder}: not a folder", status=EXIT_USAGE)
    if _inside(source, target):
        raise Failure(
            f"{args.output}: the output folder must not hold the input folder",
            status=EXIT_USAGE,
        )
    if _inside(key_path, target):
        raise Failure(
            f"{args.key}: keep the key apart from the data, outside {args.output}",
            status=EXIT_USAGE,
        )
    files = _interview_files(source, target)
    # Read everything first: a bad file stops the command before it writes.
    interviews = [read_interview(str(path), args) for path in files]
    key = _key(args.key, required=args.reverse)
    if args.reverse:
        assert key is not None
        results = []
        for path, interview in zip(files, interviews, strict=True):
            try:
                results.append(key.reverse(interview))
            except ik.PseudonymKeyError as error:
                raise Failure(f"{path}: {error}", status=EXIT_BAD_DATA) from None
    else:
        names = [text_argument(name) for name in args.names or ()]
        codes = pairs(args.codes, "--code")
        try:
            done, key = ik.pseudonymise(
                interviews,
                names=names,
                codes=codes,
                participant=text_argument(args.participant_code),
                interviewer=text_argument(args.interviewer_code),
                key=key,
            )
        except ValueError as error:
            raise Failure(str(error), status=EXIT_USAGE) from None
        results = list(done)
    for path, interview in zip(files, results, strict=True):
        out = target / path.relative_to(source)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            ik.write(interview, out)
        except OSError as error:
            raise os_failure(str(out), "write", error) from None
        except ik.FormatError as error:
            raise format_failure(error, "--from") from None
        except ImportError as error:
            raise Failure(str(error), status=EXIT_USAGE) from None
    if not args.reverse:
        assert key is not None
        try:
            key.save(key_path)
        except OSError as error:
            raise os_failure(args.key, "write", error) from None
    what = "restored" if args.reverse else "pseudonymised"
    noun = "interview" if len(files) == 1 else "interviews"
    print(f"{what} {len(files)} {noun} into {args.output}")
    return EXIT_OK


def add(command: Command, names: list[str]) -> None:
    sub = command(
        "pseudonymise",
        "replace the names in a folder of interviews by codes, with a key apart",
        run,
    )
    sub.add_argument("folder", metavar="DIR", help="the folder of interviews")
    sub.add_argument(
        "output",
        metavar="OUTDIR",
        help="where to write them, in the same formats and sub-folders",
    )
    sub.add_argument(
        "--key",
        required=True,
        metavar="KEY",
        help="the key file (JSON), outside OUTDIR: written, or read and "
        "extended when it exists, so that people keep their codes",
    )
    sub.add_argument(
        "--replace",
        dest="names",
        action="append",
        metavar="NAME",
        help="another name to replace, such as someone talked about (repeatable)",
    )
    sub.add_argument(
        "--code",
        dest="codes",
        action="append",
        metavar="NAME=CODE",
        help="the code of a name, e.g. 'Maria Lopez=Teacher A' (repeatable)",
    )
    sub.add_argument(
        "--participant-code",
        dest="participant_code",
        default="P{:02d}",
        metavar="SCHEME",
        help="the participants' codes, a format of their number (default: P{:02d})",
    )
    sub.add_argument(
        "--interviewer-code",
        dest="interviewer_code",
        default="INT",
        metavar="SCHEME",
        help="the interviewers' codes (default: INT, then INT2, ...)",
    )
    sub.add_argument(
        "--reverse",
        action="store_true",
        help="turn pseudonymised interviews back into the originals with the key",
    )
    add_reading(sub, names)
