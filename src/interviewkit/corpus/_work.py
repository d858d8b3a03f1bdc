"""Reading the files of a corpus, here or in worker processes.

Each file is read as `interviewkit.read` reads one, with two differences:
each reader is given only the reading options its format honours (so one
option cannot make a whole corpus fail), and what goes wrong with a file is
returned as a `CorpusError` rather than raised, for the corpus to raise,
skip or collect. What a reader reports (`ReadWarning`) is recorded, kept on
the entry, and warned again in the process that iterates, where the
caller's warning filters apply.
"""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._report import _caller_level
from interviewkit.corpus._sources import Source
from interviewkit.errors import FormatError, ParseError, ReadWarning
from interviewkit.formats import Format, _run_reader, detect, get_format
from interviewkit.model import Interview

__all__ = ["CorpusEntry", "CorpusError", "Outcome", "Settings", "outcomes"]

_DEFAULT = ReadOptions()


@attrs.frozen(kw_only=True)
class CorpusEntry:
    """One interview of a corpus, with where it came from.

    Args:
        id: The interview's id in the corpus, stable from run to run: its
            path relative to the corpus (see `read_many`).
        path: The file it was read from; for an archive member,
            ``ARCHIVE/MEMBER``.
        interview: The interview.
        warnings: What the reader reported about the file (`ReadWarning`),
            in order; they were also warned.

    Example:
        >>> import interviewkit as ik
        >>> entry = next(iter(ik.read_many("seeds")))
        >>> entry.id, entry.path, len(entry.interview.turns)
        ('000_6a59695d095b634e.txt', 'seeds/000_6a59695d095b634e.txt', 18)

    """

    id: str
    path: str
    interview: Interview
    warnings: tuple[ReadWarning, ...] = ()


@attrs.frozen(kw_only=True)
class CorpusError:
    """A file of a corpus that could not be read, and why.

    Args:
        id: The file's id in the corpus.
        path: The file; for an archive member, ``ARCHIVE/MEMBER``.
        error: What went wrong: a `ParseError` (with the file, line and
            column), a `FormatError` (the format cannot be told) or an
            `OSError` (the file cannot be read).

    It prints as one ``file:line:column: message`` line.

    Example:
        >>> import interviewkit as ik
        >>> error = ik.ParseError("expecting value", format="json", line=1,
        ...                       column=2, source="talks/bad.json")
        >>> print(CorpusError(id="bad.json", path="talks/bad.json", error=error))
        talks/bad.json:1:2: json: expecting value

    """

    id: str
    path: str
    error: Exception

    def __str__(self) -> str:
        if isinstance(self.error, ParseError):
            return str(self.error)
        if isinstance(self.error, OSError):
            reason = self.error.strerror or str(self.error)
            return f"{self.path}: cannot read: {reason}"
        return f"{self.path}: {self.error}"


class Settings(NamedTuple):
    """How every file of a corpus is read; sent to the worker processes."""

    format: str | None
    encoding: str | None
    options: dict[str, Any]
    """The reading options given, as plain values (a `ReadOptions` holds
    read-only mappings, which do not pickle)."""

    @classmethod
    def of(
        cls, format: str | None, encoding: str | None, options: ReadOptions
    ) -> Settings:
        given = {}
        for name in options.given():
            value = getattr(options, name)
            given[name] = dict(value) if isinstance(value, Mapping) else value
        return cls(format, encoding, given)


class Outcome(NamedTuple):
    """What became of one file: a result or an error, and the warnings."""

    result: Any
    """What the function made of the entry, or a `CorpusError`."""
    warnings: tuple[Warning, ...]


def options_for(fmt: Format, options: ReadOptions) -> ReadOptions:
    """The reading options ``fmt`` honours; the others at their defaults.

    Example:
        >>> import interviewkit as ik
        >>> given = ik.ReadOptions(interviewer="Collider", strict=True)
        >>> options_for(ik.get_format("json"), given) == ik.ReadOptions(strict=True)
        True

    """
    honoured = fmt.options | {"strict"}
    kept = {
        name: getattr(options, name) for name in options.given() if name in honoured
    }
    return ReadOptions(**kept) if kept else _DEFAULT


def read_source(
    source: Source, settings: Settings, options: ReadOptions
) -> CorpusEntry | CorpusError:
    """Read one file of a corpus: an entry, or the error that stopped it."""
    if source.problem is not None:
        return CorpusError(
            id=source.id, path=source.path, error=ValueError(source.problem)
        )
    try:
        data = source.data
        if data is None:
            data = Path(source.path).read_bytes()
        document = Document(data=data, encoding=settings.encoding, source=source.path)
        fmt = (
            get_format(settings.format)
            if settings.format is not None
            else detect(document, path=source.path)
        )
        interview = _run_reader(fmt, document, options_for(fmt, options), {})
    except ParseError as error:
        return CorpusError(
            id=source.id, path=source.path, error=error.with_source(source.path)
        )
    except (FormatError, OSError) as error:
        return CorpusError(id=source.id, path=source.path, error=error)
    return CorpusEntry(id=source.id, path=source.path, interview=interview)


def _entry(entry: CorpusEntry) -> CorpusEntry:
    return entry


def _work(
    sources: list[Source],
    settings: Settings,
    function: Callable[[CorpusEntry], Any],
) -> list[Outcome]:
    """Read some files and apply ``function`` to each entry (in a worker)."""
    results: list[Outcome] = []
    options = ReadOptions(**settings.options)
    for source in sources:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            read = read_source(source, settings, options)
            if isinstance(read, CorpusEntry):
                said = tuple(
                    w.message for w in caught if isinstance(w.message, ReadWarning)
                )
                read = attrs.evolve(read, warnings=said)
                result = function(read)
            else:
                result = read
        results.append(
            Outcome(result, tuple(_as_warning(w.message, w.category) for w in caught))
        )
    return results


def _as_warning(message: Warning | str, category: type[Warning]) -> Warning:
    return message if isinstance(message, Warning) else category(message)


def warn_again(said: Iterable[Warning]) -> None:
    """Warn what a reader reported, where the caller's filters decide."""
    for warning in said:
        warnings.warn(warning, stacklevel=_caller_level())


# Files a task: enough to make the cost of sending a task small, few enough
# that the workers share the corpus evenly and the results come steadily.
CHUNK = 8


def outcomes(
    sources: Iterable[Source],
    settings: Settings,
    *,
    jobs: int,
    function: Callable[[CorpusEntry], Any] = _entry,
) -> Iterator[Outcome]:
    """Read the sources in order, ``jobs`` processes at once, lazily.

    ``function`` runs where the file is read (in the worker, with
    ``jobs > 1``), so what crosses between processes is its result; it must
    be picklable then (a function of a module). At most a few tasks a
    worker are under way at once, so memory does not grow with the corpus.
    """
    chunks = _chunks(sources, CHUNK if jobs > 1 else 1)
    if jobs == 1:
        for chunk in chunks:
            yield from _work(chunk, settings, function)
        return
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs)
    try:
        pending: collections.deque[concurrent.futures.Future[list[Outcome]]]
        pending = collections.deque()
        for chunk in chunks:
            pending.append(pool.submit(_work, chunk, settings, function))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    iterator = iter(sources)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
