"""Many interviews at once: a folder, a glob, a list of paths or an archive.

`read_many` reads a corpus lazily, one interview at a time, so memory does
not grow with the number of files; ``jobs=`` reads in worker processes.
Every interview comes as a `CorpusEntry` with its path and a stable id.

**The id rule.** An interview's id is its file's path relative to the
corpus, with ``/`` between folders and the suffix kept
(``2021/ann-lee.txt``), so it is the same on every machine and every run,
and unique in the corpus:

- a folder: the path relative to the folder;
- a glob pattern: the path relative to the folder part of the pattern
  before its first wildcard (``talks/*/*.md`` gives ``2021/a.md``);
- a list of paths: the path relative to ``root=`` when it is given,
  otherwise the path as given, normalised (``./a.txt`` is ``a.txt``); two
  paths with one id are a `ValueError`;
- a zip or tar archive: the member's name in the archive, normalised;
- a single file: its name.

A folder, a glob and an archive yield the files whose suffix a format
reads (or the suffixes given as ``suffixes=``), leaving out hidden files
and folders (whose names start with a dot); a folder's names are sorted at
every level, a glob's paths are sorted, an archive keeps its order. A list
of paths is read as it is.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from interviewkit._options import ReadOptions
from interviewkit.corpus._questions import (
    CorpusMatch,
    CorpusQAPair,
    CorpusSpeakerStats,
    CorpusStats,
    RoleStats,
    corpus_qa_pairs,
    corpus_search,
    corpus_stats,
)
from interviewkit.corpus._sources import ARCHIVE_SUFFIXES, Listing, is_archive
from interviewkit.corpus._work import (
    CorpusEntry,
    CorpusError,
    Outcome,
    Settings,
    _entry,
    outcomes,
    warn_again,
)
from interviewkit.formats import formats, get_format

__all__ = [
    "ARCHIVE_SUFFIXES",
    "Corpus",
    "CorpusEntry",
    "CorpusError",
    "CorpusMatch",
    "CorpusQAPair",
    "CorpusSpeakerStats",
    "CorpusStats",
    "RoleStats",
    "is_archive",
    "read_many",
]

ErrorMode = Literal["raise", "skip", "collect"]

Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class Corpus:
    """A corpus of interviews, read lazily each time it is iterated.

    Made by `read_many`, which documents the arguments. Iterating yields a
    `CorpusEntry` for each file that reads; every pass reads the files
    again, so a corpus of any size takes the memory of one interview (a
    few, with ``jobs``).
    """

    def __init__(
        self,
        source: Source,
        *,
        root: str | os.PathLike[str] | None = None,
        format: str | None = None,
        encoding: str | None = None,
        suffixes: Iterable[str] | None = None,
        errors: ErrorMode = "raise",
        jobs: int = 1,
        options: ReadOptions | None = None,
        **keywords: Any,
    ) -> None:
        if errors not in ("raise", "skip", "collect"):
            raise ValueError(
                f"errors must be 'raise', 'skip' or 'collect', not {errors!r}"
            )
        if type(jobs) is not int or jobs < 1:
            raise ValueError(f"jobs must be an int of 1 or more, not {jobs!r}")
        if encoding is not None:
            codecs.lookup(encoding)  # an unknown codec fails now, not per file
        if suffixes is None:
            readable = (
                [get_format(format)]
                if format is not None
                else [fmt for fmt in formats().values() if fmt.reader is not None]
            )
            suffixes = {suffix for fmt in readable for suffix in fmt.suffixes}
        else:
            suffixes = {suffix.lower() for suffix in suffixes}
        chosen = ReadOptions.from_keywords(options, keywords)
        self._listing = Listing(source, root=root, suffixes=frozenset(suffixes))
        self._settings = Settings.of(format, encoding, chosen)
        self._errors_mode: ErrorMode = errors
        self._jobs = jobs
        self._errors: list[CorpusError] = []

    def __repr__(self) -> str:
        where = self._listing.path or f"{len(self._listing.paths)} paths"
        return f"<Corpus {self._listing.kind} {where!r}>"

    def __iter__(self) -> Iterator[CorpusEntry]:
        for outcome in self._outcomes():
            if isinstance(outcome.result, CorpusEntry):
                yield outcome.result

    def count(self) -> int:
        """How many files the corpus has, counted without reading them.

        It lists the files again (an archive is read through), so it is a
        method, not ``len()``, which ``list(corpus)`` would call first.

        Example:
            >>> import interviewkit as ik
            >>> ik.read_many("seeds").count()
            1

        """
        return self._listing.count()

    @property
    def errors(self) -> tuple[CorpusError, ...]:
        """The files that did not read in the latest pass, with
        ``errors="collect"``."""
        return tuple(self._errors)

    def files(self) -> Iterator[tuple[str, str]]:
        """The id and path of every file, in corpus order, without reading.

        For an archive the path is ``ARCHIVE/MEMBER``, which only this
        corpus can read; for the other sources it is a file's path.

        Example:
            >>> import interviewkit as ik
            >>> list(ik.read_many("seeds").files())
            [('000_6a59695d095b634e.txt', 'seeds/000_6a59695d095b634e.txt')]

        """
        for source in self._listing.sources(data=False):
            yield source.id, source.path

    def _outcomes(
        self, function: Callable[[CorpusEntry], Any] = _entry
    ) -> Iterator[Outcome]:
        """Each file's outcome in corpus order: ``function(entry)`` or the
        `CorpusError`, whatever the ``errors`` mode (which still raises or
        collects as it says).

        ``function`` runs where the file is read: in a worker process with
        ``jobs > 1``, where it must be a picklable function (one defined at
        the top of a module), and what it returns crosses back instead of
        the interview. The tables and the command line use this to do their
        work in the workers, and to show every file as it goes.
        """
        self._errors = []
        for outcome in outcomes(
            self._listing, self._settings, jobs=self._jobs, function=function
        ):
            warn_again(outcome.warnings)
            failed = outcome.result
            if isinstance(failed, CorpusError):
                if self._errors_mode == "raise":
                    raise failed.error
                if self._errors_mode == "collect":
                    self._errors.append(failed)
            yield outcome

    def search(
        self,
        pattern: str,
        *,
        speaker: str | None = None,
        regex: bool = False,
        ignore_case: bool = True,
        whole_word: bool = False,
        include_prose: bool = False,
        include_captions: bool = False,
        context: int = 30,
    ) -> Iterator[CorpusMatch]:
        """Find a word, a phrase or a regular expression in every interview.

        Takes the arguments of `Interview.search`. The matches come as they
        are found, interview by interview, each with its interview's id.
        ``speaker`` is looked up in each interview; one in which it names
        nobody has no matches.

        Raises:
            PatternError: The pattern is empty or not a valid regular
                expression, before any file is read.
            SpeakerLookupError: ``speaker`` could be several speakers of an
                interview.

        Example:
            >>> import interviewkit as ik
            >>> for hit in ik.read_many("seeds").search("one day", speaker="star"):
            ...     print(hit.interview_id, hit.match.index, hit.match.start)
            000_6a59695d095b634e.txt 14 50
            000_6a59695d095b634e.txt 14 71

        """
        return corpus_search(
            self,
            pattern,
            speaker=speaker,
            regex=regex,
            ignore_case=ignore_case,
            whole_word=whole_word,
            include_prose=include_prose,
            include_captions=include_captions,
            context=context,
        )

    def stats(self) -> CorpusStats:
        """Turns, words and share of words per speaker name and per role.

        Example:
            >>> import interviewkit as ik
            >>> ik.read_many("seeds").stats().speakers[0].name
            'Darren Star'

        """
        return corpus_stats(self)

    def qa_pairs(self) -> Iterator[CorpusQAPair]:
        """Every question with the answers that follow it, interview by
        interview, by the rules of `Interview.qa_pairs`.

        Example:
            >>> import interviewkit as ik
            >>> sum(1 for _ in ik.read_many("seeds").qa_pairs())
            9

        """
        return corpus_qa_pairs(self)


def read_many(
    source: Source,
    *,
    root: str | os.PathLike[str] | None = None,
    format: str | None = None,
    encoding: str | None = None,
    suffixes: Iterable[str] | None = None,
    errors: ErrorMode = "raise",
    jobs: int = 1,
    options: ReadOptions | None = None,
    **keywords: Any,
) -> Corpus:
    """Read many interviews: a folder, a glob, a list of paths or an archive.

    Nothing is read until the corpus is iterated; then the files are read
    one at a time (``jobs`` at a time in worker processes) and each comes as
    a `CorpusEntry` with its id (the rule is in `interviewkit.corpus`), its
    path and its interview, in the same order every time.

    Args:
        source: A folder (read recursively), a glob pattern
            (``"talks/**/*.txt"``), a zip or tar archive (``.zip``,
            ``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``), a
            single file, or a list of paths.
        root: For a list of paths: the folder the ids are relative to.
        format: The format of every file; by default each file's suffix
            decides, then its content, as `read` does.
        encoding: The codec of every file; by default each file's byte-order
            mark, else UTF-8.
        suffixes: Which files of a folder, glob or archive to read, by suffix
            (``[".txt"]``); by default those of every format that reads (of
            ``format`` when it is given).
        errors: What to do with a file that does not read (a `ParseError`,
            a `FormatError` or an `OSError`): ``"raise"`` it and stop,
            ``"skip"`` it, or ``"collect"`` it in `Corpus.errors` as a
            `CorpusError` and go on.
        jobs: How many processes read at once. With more than one, the
            files are read in worker processes (a script that uses them
            needs the usual ``if __name__ == "__main__":`` guard on
            platforms that spawn them); the order stays the same.
        options: A `ReadOptions`, or pass its fields as keywords. Each
            reader gets the options its format honours (`Format.options`)
            and not the others, so a folder that mixes transcripts with
            JSON reads.
        **keywords: The reading options (``interviewer=``, ``names=``, ...).

    Returns:
        The `Corpus`, to iterate or to ask questions of.

    Raises:
        FileNotFoundError: If ``source`` is a path that does not exist (and
            no glob pattern).
        FormatError: If ``format`` names no format.
        LookupError: If ``encoding`` names no codec.
        ValueError: For an unknown ``errors`` mode, a ``jobs`` below 1, or
            a list of paths of which two would have the same id.
        TypeError: For an unknown reading option.

    Example:
        >>> import interviewkit as ik
        >>> corpus = ik.read_many("seeds", interviewer="Collider")
        >>> [(entry.id, len(entry.interview.turns)) for entry in corpus]
        [('000_6a59695d095b634e.txt', 18)]

    """
    return Corpus(
        source,
        root=root,
        format=format,
        encoding=encoding,
        suffixes=suffixes,
        errors=errors,
        jobs=jobs,
        options=options,
        **keywords,
    )
