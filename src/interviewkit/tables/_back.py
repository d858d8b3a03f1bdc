"""Interviews from tables: the turns table, with the speakers and interviews
tables when there are any.

The contract (documented in ``docs/corpus.md``): the turns table needs
``interview_id``, ``speaker_id`` and ``text``; ``block``, ``speaker_name``,
``role``, ``start_ms`` and ``end_ms`` are used when present; ``turn``,
``word_count`` and any other column are ignored, since they are derived or
unknown. Prose, captions, labels, cues, words and codes have no column, so
the interviews that come back hold turns only.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from typing import Any

from interviewkit.errors import ParseError, ValidationError
from interviewkit.model import Interview, Metadata, Role, Speaker, Turn
from interviewkit.tables._arrow import pyarrow_module

__all__ = ["interviews_from_tables"]

_FORMAT = "table"


class _Table:
    """The rows of one table as columns of Python values."""

    def __init__(self, data: Any, name: str, required: tuple[str, ...]) -> None:
        self.name = name
        self.source = os.fspath(data) if isinstance(data, (str, os.PathLike)) else None
        table = _arrow_table(data)
        self.columns = {
            column: table.column(column).to_pylist() for column in table.column_names
        }
        self.rows = table.num_rows
        for column in required:
            if column not in self.columns:
                raise self.error(f"the {name} table has no column {column!r}", column)

    def error(self, message: str, column: str, row: int | None = None) -> ParseError:
        where = f"$.{column}" if row is None else f"$.{column}[{row}]"
        return ParseError(message, format=_FORMAT, source=self.source, path=where)

    def get(self, column: str, row: int) -> Any:
        values = self.columns.get(column)
        if values is None:
            return None
        value = values[row]
        if isinstance(value, float) and math.isnan(value):
            return None  # pandas' missing value in a column of numbers
        return value

    def text(self, column: str, row: int, *, required: bool = False) -> str | None:
        value = self.get(column, row)
        if value is None:
            if required:
                raise self.error(f"{column} is missing", column, row)
            return None
        if not isinstance(value, str):
            raise self.error(
                f"{column} must be a string, not {type(value).__name__}", column, row
            )
        return value

    def integer(self, column: str, row: int) -> int | None:
        value = self.get(column, row)
        if value is None or (type(value) is int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise self.error(f"{column} must be a whole number, not {value!r}", column, row)

    def role(self, column: str, row: int) -> Role | None:
        value = self.text(column, row)
        if value is None:
            return None
        try:
            return Role(value)
        except ValueError:
            known = ", ".join(role.value for role in Role)
            raise self.error(
                f"unknown role {value!r}; known roles: {known}", column, row
            ) from None


def _arrow_table(data: Any) -> Any:
    """Any table as an Arrow table: Arrow, pandas, Polars, or a Parquet file."""
    pa: Any = pyarrow_module()
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if isinstance(data, (str, os.PathLike)):
        import pyarrow.parquet as pq

        return pq.read_table(os.fspath(data))
    module = type(data).__module__.partition(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(data, preserve_index=False)
    if hasattr(data, "to_arrow"):  # a Polars data frame
        return data.to_arrow()
    if hasattr(data, "__arrow_c_stream__"):
        return pa.table(data)
    raise TypeError(
        "a table is an Arrow table or record batch, a pandas or Polars data "
        f"frame, or the path of a Parquet file, not {type(data).__name__}"
    )


class _Interview:
    """What the tables say about one interview, gathered row by row."""

    def __init__(self) -> None:
        self.header: tuple[_Table, int] | None = None
        self.cast: dict[str, Speaker] = {}
        self.turns: list[tuple[int, int, Turn]] = []


def _cast(table: _Table, found: dict[str, _Interview]) -> None:
    for row in range(table.rows):
        identifier = table.text("interview_id", row, required=True)
        assert identifier is not None
        speaker_id = table.text("speaker_id", row, required=True)
        assert speaker_id is not None
        aliases = table.get("aliases", row)
        try:
            speaker = Speaker(
                id=speaker_id,
                name=table.text("name", row) or speaker_id,
                role=table.role("role", row),
                aliases=() if aliases is None else tuple(aliases),
            )
        except ValidationError as error:
            raise table.error(error.message, "speaker_id", row) from None
        cast = found.setdefault(identifier, _Interview()).cast
        if speaker_id in cast:
            raise table.error(
                f"speaker {speaker_id!r} of {identifier!r} is listed twice",
                "speaker_id",
                row,
            )
        cast[speaker_id] = speaker


def _turns(table: _Table, found: dict[str, _Interview], *, cast_given: bool) -> None:
    for row in range(table.rows):
        identifier = table.text("interview_id", row, required=True)
        assert identifier is not None
        speaker_id = table.text("speaker_id", row, required=True)
        assert speaker_id is not None
        text = table.text("text", row, required=True)
        assert text is not None
        gathered = found.setdefault(identifier, _Interview())
        known = gathered.cast.get(speaker_id)
        if known is None or not cast_given:
            speaker = Speaker(
                id=speaker_id,
                name=table.text("speaker_name", row) or speaker_id,
                role=table.role("role", row),
            )
            if known is None:
                gathered.cast[speaker_id] = speaker
            elif known != speaker:
                raise table.error(
                    f"speaker {speaker_id!r} of {identifier!r} has another name "
                    "or role in an earlier row",
                    "speaker_name",
                    row,
                )
        block = table.integer("block", row)
        try:
            turn = Turn(
                speaker=speaker_id,
                text=text,
                start_ms=table.integer("start_ms", row),
                end_ms=table.integer("end_ms", row),
            )
        except ValidationError as error:
            column = str(error.path[0]) if error.path else "text"
            raise table.error(error.message, column, row) from None
        gathered.turns.append((row if block is None else block, row, turn))


def _header(table: _Table, found: dict[str, _Interview]) -> None:
    for row in range(table.rows):
        identifier = table.text("interview_id", row, required=True)
        assert identifier is not None
        gathered = found.setdefault(identifier, _Interview())
        if gathered.header is not None:
            raise table.error(
                f"interview {identifier!r} is listed twice", "interview_id", row
            )
        gathered.header = (table, row)


def _metadata(table: _Table, row: int) -> tuple[str | None, Metadata]:
    extras_text = table.text("extras", row)
    try:
        extras = json.loads(extras_text) if extras_text else {}
        if not isinstance(extras, dict):
            raise TypeError("a JSON object is expected")
        metadata = Metadata(
            source=table.text("source", row),
            url=table.text("url", row),
            date=table.text("date", row),
            language=table.text("language", row),
            extras={
                key: value if isinstance(value, str) else tuple(value)
                for key, value in extras.items()
            },
        )
    except (ValueError, TypeError) as error:
        message = error.message if isinstance(error, ValidationError) else str(error)
        raise table.error(f"bad metadata: {message}", "extras", row) from None
    return table.text("title", row), metadata


def interviews_from_tables(
    turns: Any,
    *,
    speakers: Any = None,
    interviews: Any = None,
) -> Iterator[tuple[str, Interview]]:
    """Interviews from their tables: ``(interview_id, interview)`` pairs.

    The tables are those `write_parquet` writes (`turns_schema`,
    `speakers_schema`, `interviews_schema`), or any tables that keep the
    column contract: the turns table needs ``interview_id``, ``speaker_id``
    and ``text``; ``block`` orders the turns of an interview (row order
    without it), ``speaker_name`` names the speaker (the id without it),
    and ``role``, ``start_ms`` and ``end_ms`` are read when present;
    ``turn``, ``word_count`` and other columns are ignored. The rows of an
    interview need not be together.

    With the speakers table, the cast is its rows (``interview_id``,
    ``speaker_id``, ``name``, ``role``, ``aliases``), in order, silent
    speakers too; without it, the speakers of the turns in the order they
    first speak. With the interviews table, each interview gets its
    ``title`` and metadata (``source``, ``url``, ``date``, ``language``,
    ``extras`` as a JSON object), and interviews come in its order.

    Prose, captions, labels, cues, words and codes have no column: the
    interviews that come back hold their turns only.

    Args:
        turns: An Arrow table, a pandas or Polars data frame, or the path of
            a Parquet file.
        speakers: The speakers table, likewise, if there is one.
        interviews: The interviews table, likewise, if there is one.

    Raises:
        ParseError: A required column is missing, or a value is missing or
            wrong; the error names the column and row as ``$.column[row]``.
        ImportError: If pyarrow is not installed.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import interviews_from_tables, turns_table
        >>> table = turns_table(ik.read_many("seeds"))
        >>> [(name, len(iv.turns)) for name, iv in interviews_from_tables(table)]
        [('000_6a59695d095b634e.txt', 18)]

    """
    found: dict[str, _Interview] = {}
    if interviews is not None:
        _header(_Table(interviews, "interviews", ("interview_id",)), found)
    if speakers is not None:
        _cast(_Table(speakers, "speakers", ("interview_id", "speaker_id")), found)
    required = ("interview_id", "speaker_id", "text")
    _turns(_Table(turns, "turns", required), found, cast_given=speakers is not None)
    for identifier, gathered in found.items():
        title: str | None = None
        metadata = Metadata()
        if gathered.header is not None:
            title, metadata = _metadata(*gathered.header)
        gathered.turns.sort(key=lambda item: (item[0], item[1]))
        try:
            interview = Interview(
                title=title,
                metadata=metadata,
                speakers=tuple(gathered.cast.values()),
                body=tuple(turn for _, _, turn in gathered.turns),
            )
        except ValidationError as error:
            raise ParseError(
                f"interview {identifier!r}: {error.message}", format=_FORMAT
            ) from None
        yield identifier, interview
