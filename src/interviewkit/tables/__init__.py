"""Interviews as tables, for pandas, Polars, DuckDB, Spark and Parquet.

Three tables with fixed, documented schemas: the turns table (one row a
turn: `turns_schema`), the speakers table (one row a speaker of an
interview: `speakers_schema`) and the interviews table (one row an
interview, with its title and metadata: `interviews_schema`). They are
Arrow tables; pandas and Polars take them as they are
(``table.to_pandas()``, ``polars.from_arrow(table)``).

`write_parquet` writes them one interview at a time, so a corpus of any
size fits; `interviews_from_tables` reads interviews back from them.

This module needs pyarrow: ``pip install 'interviewkit[arrow]'``. It is
imported when a table is first made, and its absence is an `ImportError`
that names the extra.
"""

from __future__ import annotations

from interviewkit.tables._arrow import (
    interviews_batch,
    interviews_schema,
    speakers_batch,
    speakers_schema,
    turns_batch,
    turns_schema,
)
from interviewkit.tables._back import interviews_from_tables
from interviewkit.tables._write import (
    TablesWriter,
    interviews_table,
    speakers_table,
    turns_table,
    write_parquet,
)

__all__ = [
    "TablesWriter",
    "interviews_batch",
    "interviews_from_tables",
    "interviews_schema",
    "interviews_table",
    "speakers_batch",
    "speakers_schema",
    "speakers_table",
    "turns_batch",
    "turns_schema",
    "turns_table",
    "write_parquet",
]
