"""The Dask recipe of ``docs/scaling.md``, run as the page shows it, on
Dask's local scheduler over a thousand generated files."""

from __future__ import annotations

from pathlib import Path

import dask
import pyarrow.parquet as pq
import pytest

import interviewkit as ik
from interviewkit.tables import turns_schema, turns_table
from tests.generated import write_corpus
from tests.many.recipes import recipe

pytestmark = pytest.mark.slow


def test_the_dask_recipe_writes_the_turns_of_a_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "talks"
    write_corpus(folder, 1_000)
    (folder / "0004" / "broken.json").write_text("{", encoding="utf-8")
    corpus_to_parquet = recipe("dask")["corpus_to_parquet"]
    with dask.config.set(scheduler="threads"):
        batches = corpus_to_parquet(
            str(folder), str(tmp_path / "turns"), batch_size=100
        )
    assert batches == 11
    # The dataset's files (part.0 ... part.10) come back in name order.
    order = [("interview_id", "ascending"), ("block", "ascending")]
    written = pq.read_table(tmp_path / "turns").cast(turns_schema()).sort_by(order)
    assert written.num_rows == 8_000
    expected = turns_table(ik.read_many(folder, errors="skip")).sort_by(order)
    assert written.equals(expected)
