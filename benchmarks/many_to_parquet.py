"""Many interviews to one Parquet file: files a second and peak memory.

Run by hand from the repository: ``python benchmarks/many_to_parquet.py``
(``--counts 1000 10000``, ``--jobs 1 2``). It generates folders of 1,000
and 10,000 interviews (plain-text transcripts, with a tenth Markdown and a
tenth JSON: ``tests/generated.py``), then converts each to a turns table
with ``write_parquet(read_many(folder, jobs=N), ...)``, once with each
``--jobs``, every run in a fresh process, and prints for each run the files
a second, the CPU time it took (the process and its workers), and the
process's peak resident memory (``VmHWM`` from ``/proc/self/status``, Linux
only; the workers' own memory is not counted).

Memory must not grow with the corpus: the peak for 10,000 files stays
within 1.2 times the peak for 1,000 (``tests/many/test_memory.py`` checks
it). Workers help as far as the machine has free cores: it prints the load
average, since on a busy machine two processes cannot beat one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_memory_kib() -> int:
    """This process's peak resident memory in KiB (``VmHWM``)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def convert(folder: str, output: str, jobs: int) -> dict[str, float]:
    """Convert ``folder`` to ``output`` here, and measure it (the child)."""
    import resource

    import pyarrow.parquet  # noqa: F401  (imported before the clock starts)

    import interviewkit as ik
    from interviewkit.tables import write_parquet

    def cpu() -> float:
        used = [
            resource.getrusage(who)
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        ]
        return sum(usage.ru_utime + usage.ru_stime for usage in used)

    cpu_before = cpu()
    start = time.perf_counter()
    count = write_parquet(ik.read_many(folder, jobs=jobs), output)
    seconds = time.perf_counter() - start
    return {
        "files": count,
        "seconds": seconds,
        "files_per_second": count / seconds,
        # This process and its workers: what the work cost, however busy
        # the machine was.
        "cpu_seconds": cpu() - cpu_before,
        "peak_kib": peak_memory_kib(),
    }


def measure(folder: Path, jobs: int) -> dict[str, float]:
    """Convert ``folder`` in a fresh process and return its figures."""
    with tempfile.TemporaryDirectory() as scratch:
        output = os.path.join(scratch, "turns.parquet")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(folder), output, str(jobs)],
            capture_output=True,
            check=True,
            text=True,
        )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def generate(folder: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.generated import write_corpus

    write_corpus(folder, count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, output, jobs = args.child
        print(json.dumps(convert(folder, output, int(jobs))))
        return
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load average {load:.2f} at the start")
    print(
        f"{'files':>7} {'jobs':>4} {'seconds':>8} {'files/s':>8} "
        f"{'CPU s':>7} {'peak MiB':>9}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        for count in args.counts:
            folder = Path(scratch) / str(count)
            generate(folder, count)
            for jobs in args.jobs:
                figures = measure(folder, jobs)
                print(
                    f"{count:>7,} {jobs:>4} {figures['seconds']:>8.2f} "
                    f"{figures['files_per_second']:>8.0f} "
                    f"{figures['cpu_seconds']:>7.2f} "
                    f"{figures['peak_kib'] / 1024:>9.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
