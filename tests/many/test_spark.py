"""The Spark recipe of ``docs/scaling.md``, run as the page shows it, on a
local Spark session.

Marked ``spark``: it needs pyspark (``pip install -e '.[test,spark]'``) and
Java 17 or newer, and takes a minute, so neither the default run nor
``.ci/run`` runs it. Run it by hand with ``python -m pytest -m spark``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import interviewkit as ik
from interviewkit.tables import turns_schema, turns_table
from tests.generated import write_corpus
from tests.many.recipes import recipe

pytestmark = [
    pytest.mark.spark,
    # PySpark's own advice about pandas 3; the recipe copes with both.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
]


def test_the_spark_recipe_writes_the_turns_of_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyspark.sql import SparkSession

    folder = tmp_path / "talks"
    write_corpus(folder, 300)
    (folder / "0001" / "broken.json").write_text("{", encoding="utf-8")
    # Spark's Python workers must import interviewkit: this Python has it.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("interviewkit-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    try:
        corpus_to_parquet_spark = recipe("spark")["corpus_to_parquet_spark"]
        output = tmp_path / "turns"
        batches = corpus_to_parquet_spark(
            spark, str(folder), str(output), batch_size=50
        )
    finally:
        spark.stop()
    assert batches == 7
    order = [("interview_id", "ascending"), ("block", "ascending")]
    written = pq.read_table(output).cast(turns_schema()).sort_by(order)
    expected = turns_table(ik.read_many(folder, errors="skip")).sort_by(order)
    assert written.num_rows == 2_400
    assert written.equals(expected)
