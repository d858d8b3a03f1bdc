"""Tables of many interviews, in memory or written to Parquet as they come."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from interviewkit.corpus import Corpus, CorpusEntry, CorpusError
from interviewkit.model import Interview
from interviewkit.tables._arrow import (
    TableInput,
    interviews_batch,
    interviews_schema,
    pairs,
    pyarrow_module,
    speakers_batch,
    speakers_schema,
    turns_batch,
    turns_schema,
)

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "TablesWriter",
    "interviews_table",
    "speakers_table",
    "turns_table",
    "write_parquet",
]

_TABLES: dict[str, tuple[Callable[..., Any], Callable[[], Any]]] = {
    "turns": (turns_batch, turns_schema),
    "speakers": (speakers_batch, speakers_schema),
    "interviews": (interviews_batch, interviews_schema),
}


def _batch(name: str, identifier: str, path: str | None, interview: Interview) -> Any:
    make = _TABLES[name][0]
    if name == "interviews":
        return make(interview, interview_id=identifier, path=path)
    return make(interview, interview_id=identifier)


def _table(name: str, entries: TableInput) -> pyarrow.Table:
    pa: Any = pyarrow_module()
    batches = [
        _batch(name, identifier, path, interview)
        for identifier, path, interview in pairs(entries)
    ]
    return pa.Table.from_batches(batches, schema=_TABLES[name][1]())


def turns_table(entries: TableInput) -> pyarrow.Table:
    """The turns of many interviews as one Arrow table (`turns_schema`).

    Args:
        entries: A `Corpus` (or any `CorpusEntry` objects), or
            ``(id, interview)`` pairs.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import turns_table
        >>> table = turns_table(ik.read_many("seeds"))
        >>> table.num_rows, table.column("interview_id")[0].as_py()
        (18, '000_6a59695d095b634e.txt')
        >>> frame = table.to_pandas()  # or polars.from_arrow(table)
        >>> frame.groupby("speaker_name")["word_count"].sum().to_dict()
        {'Collider': 448, 'Darren Star': 873}

    """
    return _table("turns", entries)


def speakers_table(entries: TableInput) -> pyarrow.Table:
    """The casts of many interviews as one Arrow table (`speakers_schema`).

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import speakers_table
        >>> speakers_table(ik.read_many("seeds")).column("aliases")[1].as_py()
        ['DARREN STAR', 'STAR']

    """
    return _table("speakers", entries)


def interviews_table(entries: TableInput) -> pyarrow.Table:
    """Many interviews' titles, metadata and counts as one Arrow table
    (`interviews_schema`).

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import interviews_table
        >>> interviews_table(ik.read_many("seeds")).column("words")[0].as_py()
        1321

    """
    return _table("interviews", entries)


def _entry_batches(names: tuple[str, ...], entry: CorpusEntry) -> tuple[Any, ...]:
    """The batches of one entry, made where it was read (a worker process)."""
    return tuple(_batch(name, entry.id, entry.path, entry.interview) for name in names)


class TablesWriter:
    """Writes the tables of many interviews to Parquet, one interview at a time.

    Each interview becomes one record batch of each table; batches are
    gathered into row groups of ``row_group_size`` rows and written, so the
    memory it takes depends on the row group size, not on the corpus.
    Use it as a context manager, or call `close` to finish the files.

    Args:
        turns: Where to write the turns table (`turns_schema`), if at all.
        speakers: Where to write the speakers table, if at all.
        interviews: Where to write the interviews table, if at all.
        row_group_size: The most rows in a row group.
        compression: The Parquet compression codec.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import TablesWriter
        >>> with TablesWriter(turns="turns.parquet") as writer:
        ...     for entry in ik.read_many("seeds"):
        ...         writer.write(entry.interview, interview_id=entry.id)
        >>> writer.interviews, writer.rows["turns"]
        (1, 18)

    """

    def __init__(
        self,
        turns: str | os.PathLike[str] | None = None,
        *,
        speakers: str | os.PathLike[str] | None = None,
        interviews: str | os.PathLike[str] | None = None,
        row_group_size: int = 65_536,
        compression: str = "zstd",
    ) -> None:
        destinations = {
            name: path
            for name, path in (
                ("turns", turns),
                ("speakers", speakers),
                ("interviews", interviews),
            )
            if path is not None
        }
        if not destinations:
            raise TypeError("TablesWriter needs at least one table to write")
        if row_group_size < 1:
            raise ValueError(f"row_group_size must be 1 or more, not {row_group_size}")
        pyarrow_module()
        import pyarrow.parquet as pq

        self.names = tuple(destinations)
        self.row_group_size = row_group_size
        self.interviews = 0
        self.rows = dict.fromkeys(self.names, 0)
        self._pending: dict[str, list[Any]] = {name: [] for name in self.names}
        self._pending_rows = dict.fromkeys(self.names, 0)
        self._writers: dict[str, Any] = {}
        try:
            for name, path in destinations.items():
                self._writers[name] = pq.ParquetWriter(
                    os.fspath(path), _TABLES[name][1](), compression=compression
                )
        except BaseException:
            self._close_writers()
            raise

    def write(
        self,
        interview: Interview,
        *,
        interview_id: str,
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        """Add one interview to every table being written."""
        where = None if path is None else os.fspath(path)
        self.write_batches(
            tuple(_batch(name, interview_id, where, interview) for name in self.names)
        )

    def write_batches(self, batches: Iterable[Any]) -> None:
        """Add one interview's batches, one a table in the order of `names`,
        as `batches_of` makes them (in a worker process, say)."""
        batches = tuple(batches)
        if len(batches) != len(self.names):
            raise ValueError(f"expected {len(self.names)} batches, one a table")
        for name, batch in zip(self.names, batches, strict=True):
            self._pending[name].append(batch)
            self._pending_rows[name] += batch.num_rows
            self.rows[name] += batch.num_rows
            if self._pending_rows[name] >= self.row_group_size:
                self._flush(name)
        self.interviews += 1

    def batches_of(self) -> Callable[[CorpusEntry], tuple[Any, ...]]:
        """A picklable function from an entry to its batches for this
        writer: for `Corpus.outcomes`, so workers build the batches."""
        return functools.partial(_entry_batches, self.names)

    def _flush(self, name: str) -> None:
        pa: Any = pyarrow_module()
        pending = self._pending[name]
        if pending:
            table = pa.Table.from_batches(pending, schema=_TABLES[name][1]())
            self._writers[name].write_table(table, row_group_size=self.row_group_size)
        self._pending[name] = []
        self._pending_rows[name] = 0

    def close(self) -> None:
        """Write what is pending and finish the files."""
        try:
            for name in self.names:
                if name in self._writers:
                    self._flush(name)
        finally:
            self._close_writers()

    def _close_writers(self) -> None:
        writers, self._writers = self._writers, {}
        for writer in writers.values():
            writer.close()

    def __enter__(self) -> TablesWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def write_parquet(
    entries: TableInput,
    turns: str | os.PathLike[str] | None = None,
    *,
    speakers: str | os.PathLike[str] | None = None,
    interviews: str | os.PathLike[str] | None = None,
    row_group_size: int = 65_536,
) -> int:
    """Write the tables of many interviews to Parquet files, in one pass.

    Memory does not grow with the corpus: each interview is one batch, and
    batches are written a row group at a time (see `TablesWriter`). Given
    a `Corpus` read with ``jobs``, the worker processes build the batches.

    Args:
        entries: A `Corpus` (or any `CorpusEntry` objects), or
            ``(id, interview)`` pairs.
        turns: Where to write the turns table, if at all.
        speakers: Where to write the speakers table, if at all.
        interviews: Where to write the interviews table, if at all.
        row_group_size: The most rows in a row group.

    Returns:
        How many interviews were written.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import write_parquet
        >>> write_parquet(ik.read_many("seeds"), "turns.parquet",
        ...               speakers="speakers.parquet")
        1
        >>> import pyarrow.parquet as pq
        >>> pq.read_table("speakers.parquet").num_rows
        2

    """
    with TablesWriter(
        turns,
        speakers=speakers,
        interviews=interviews,
        row_group_size=row_group_size,
    ) as writer:
        if isinstance(entries, Corpus):
            for outcome in entries.outcomes(writer.batches_of()):
                if not isinstance(outcome.result, CorpusError):
                    writer.write_batches(outcome.result)
        else:
            for identifier, path, interview in pairs(entries):
                writer.write(interview, interview_id=identifier, path=path)
    return writer.interviews
