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
    SCHEMAS,
    Columns,
    TableInput,
    batch,
    pairs,
    pyarrow_module,
    rows,
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

# Interviews are gathered this many at a time into one record batch: a batch
# an interview would cost far more than its rows, in time and in memory.
_GATHER = 256


def _table(name: str, entries: TableInput) -> pyarrow.Table:
    pa: Any = pyarrow_module()
    with _Gatherer(name) as gathered:
        for identifier, path, interview in pairs(entries):
            [columns] = rows((name,), interview, interview_id=identifier, path=path)
            gathered.add(columns)
    return pa.Table.from_batches(gathered.batches, schema=SCHEMAS[name]())


class _Gatherer:
    """Rows of one table, gathered into record batches of many interviews."""

    def __init__(self, name: str, size: int = _GATHER) -> None:
        self.name = name
        self.size = size
        self.batches: list[Any] = []
        self.rows = 0  # gathered or not
        self._columns: Columns = {}
        self._interviews = 0

    def add(self, columns: Columns) -> None:
        if not self._columns:
            self._columns = {key: list(values) for key, values in columns.items()}
        else:
            for key, values in columns.items():
                self._columns[key].extend(values)
        self.rows += len(columns["interview_id"])
        self._interviews += 1
        if self._interviews >= self.size:
            self.gather()

    def gather(self) -> None:
        if self._columns:
            self.batches.append(batch(self.name, self._columns))
        self._columns = {}
        self._interviews = 0

    def __enter__(self) -> _Gatherer:
        return self

    def __exit__(self, *exception: object) -> None:
        self.gather()


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


def _entry_rows(names: tuple[str, ...], entry: CorpusEntry) -> tuple[Columns, ...]:
    """The rows of one entry, made where it was read (a worker process)."""
    return rows(names, entry.interview, interview_id=entry.id, path=entry.path)


class TablesWriter:
    """Writes the tables of many interviews to Parquet, as they come.

    The rows of a few hundred interviews are gathered into one record
    batch, and batches into row groups of about ``row_group_size`` rows,
    written as soon as they are full: the memory it takes depends on the
    row group size, not on the corpus. Use it as a context manager, or call
    `close` to finish the files.

    Args:
        turns: Where to write the turns table (`turns_schema`), if at all.
        speakers: Where to write the speakers table, if at all.
        interviews: Where to write the interviews table, if at all.
        row_group_size: The rows of a row group, about: a group is written
            once it has at least this many.
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
        row_group_size: int = 32_768,
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
        """The tables being written, in this order."""
        self.row_group_size = row_group_size
        self.interviews = 0
        """How many interviews were written."""
        self.rows = dict.fromkeys(self.names, 0)
        """How many rows each table has."""
        self._gatherers = {name: _Gatherer(name) for name in self.names}
        self._writers: dict[str, Any] = {}
        try:
            for name, path in destinations.items():
                self._writers[name] = pq.ParquetWriter(
                    os.fspath(path), SCHEMAS[name](), compression=compression
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
        self._write_rows(
            rows(self.names, interview, interview_id=interview_id, path=path)
        )

    def _write_rows(self, columns: Iterable[Columns]) -> None:
        """Add one interview's rows, one a table in the order of `names`, as
        the function `_rows_of` returns makes them (in a worker, say)."""
        columns = tuple(columns)
        if len(columns) != len(self.names):
            raise ValueError(f"expected {len(self.names)} tables of rows")
        for name, rows_of_table in zip(self.names, columns, strict=True):
            gatherer = self._gatherers[name]
            gatherer.add(rows_of_table)
            self.rows[name] += len(rows_of_table["interview_id"])
            if gatherer.rows >= self.row_group_size:
                self._flush(name)
        self.interviews += 1

    def _rows_of(self) -> Callable[[CorpusEntry], tuple[Columns, ...]]:
        """A picklable function from an entry to its rows for this writer,
        for `Corpus._outcomes`: with ``jobs``, the workers make the rows."""
        return functools.partial(_entry_rows, self.names)

    def _flush(self, name: str) -> None:
        pa: Any = pyarrow_module()
        gatherer = self._gatherers[name]
        gatherer.gather()
        if gatherer.batches:
            table = pa.Table.from_batches(gatherer.batches, schema=SCHEMAS[name]())
            self._writers[name].write_table(table, row_group_size=table.num_rows)
        gatherer.batches = []
        gatherer.rows = 0

    def close(self) -> None:
        """Write what is gathered and finish the files."""
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
    row_group_size: int = 32_768,
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
            for outcome in entries._outcomes(writer._rows_of()):
                if not isinstance(outcome.result, CorpusError):
                    writer._write_rows(outcome.result)
        else:
            for identifier, path, interview in pairs(entries):
                writer.write(interview, interview_id=identifier, path=path)
    return writer.interviews
