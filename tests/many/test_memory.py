"""Memory does not grow with the corpus: converting 10,000 interviews to
Parquet peaks within 1.2 times the memory of converting 1,000.

Each conversion runs in a fresh process, as ``benchmarks/many_to_parquet.py``
runs it, which reports the process's peak resident memory (``VmHWM``). It
reads 11,000 files, so it is marked ``slow``: ``.ci/run`` runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.many_to_parquet import measure
from tests.generated import write_corpus

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmHWM is Linux's"),
]


def test_peak_memory_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    peaks = {}
    for count in (1_000, 10_000):
        folder = tmp_path / str(count)
        write_corpus(folder, count)
        figures = measure(folder, jobs=1)
        assert figures["files"] == count
        peaks[count] = figures["peak_kib"]
    assert peaks[10_000] <= 1.2 * peaks[1_000], peaks
