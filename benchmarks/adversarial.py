"""Reading time and memory on adversarial and huge input, for every format.

Run by hand: ``python benchmarks/adversarial.py [--megabytes 10]``. For each
format and each adversarial document (see ``tests/adversarial.py``) it reads
the document at a tenth of the size and at the full size and prints both
times and their ratio: about 10 means linear. Then it writes a generated
interview of ``--huge`` megabytes (100 by default) in each format and reads
it back in a fresh process, printing the time and the peak memory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from json_throughput import generate  # noqa: E402

import interviewkit as ik  # noqa: E402
from tests.adversarial import MAKERS  # noqa: E402

# The peak resident set of the reading process alone: VmHWM starts afresh at
# exec, unlike ru_maxrss, which Linux carries over from the parent.
PEAK = """
import sys, time
import interviewkit as ik
start = time.perf_counter()
iv = ik.read(sys.argv[1], format=sys.argv[2])
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(f"{seconds:.2f} {peak / 1024:.0f} {len(iv.body)}")
"""


def read_seconds(text: str, name: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        ik.loads(text, format=name)
        outcome = "read"
    except ik.ParseError:
        outcome = "ParseError"
    return time.perf_counter() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--huge", type=float, default=100.0)
    parser.add_argument(
        "--only", choices=("adversarial", "huge"), help="run one half only"
    )
    args = parser.parse_args()
    if args.only != "huge":
        adversarial(int(args.megabytes * 1_000_000))
    if args.only != "adversarial":
        huge(args.huge)


def adversarial(size: int) -> None:

    print(f"adversarial input: {size / 10 / 1e6:.1f} MB then {size / 1e6:.1f} MB")
    print(
        f"{'format':<10} {'case':<24} {'small s':>8} {'large s':>8} {'ratio':>6}  outcome"
    )
    for name in sorted(ik.formats()):
        for case, make in sorted(MAKERS.items()):
            small, _ = read_seconds(make(size // 10), name)
            large, outcome = read_seconds(make(size), name)
            print(
                f"{name:<10} {case:<24} {small:8.3f} {large:8.3f} "
                f"{large / small:6.1f}  {outcome}"
            )


def huge(megabytes: float) -> None:
    interview = generate(megabytes)
    print(f"\nhuge interview: {len(interview.body):,} blocks")
    print(f"{'format':<10} {'file MB':>8} {'read s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for name in sorted(ik.formats()):
            path = Path(folder) / f"huge.{name}"
            path.write_text(ik.dumps(interview, format=name), encoding="utf-8")
            result = subprocess.run(
                [sys.executable, "-c", PEAK, str(path), name],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds, peak, _blocks = result.stdout.split()
            size = path.stat().st_size / 1e6
            print(f"{name:<10} {size:8.1f} {float(seconds):7.2f} {float(peak):8.0f}")
            path.unlink()


if __name__ == "__main__":
    main()
