"""How fast a corpus is pseudonymised, restored and exported to REFI-QDA.

Run by hand: ``python benchmarks/pseudonymise_throughput.py``. It prints
figures and asserts nothing: a hundred copies of the seed, each with its
own interviewee, so the names to find grow with the corpus.
"""

from __future__ import annotations

import time
from pathlib import Path

import attrs

import interviewkit as ik
from interviewkit import refiqda

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_6a59695d095b634e.txt"


def main() -> None:
    seed = ik.read(SEED)
    for size in (10, 100):
        corpus = [
            attrs.evolve(
                seed,
                speakers=tuple(
                    attrs.evolve(s, name=f"{s.name} {chr(65 + i % 26)}{i}")
                    if s.id != "collider"
                    else s
                    for s in seed.speakers
                ),
            )
            for i in range(size)
        ]
        words = sum(sum(iv.word_counts().values()) for iv in corpus)
        start = time.perf_counter()
        done, key = ik.pseudonymise(corpus, names=["Lily Collins", "Ashley Park"])
        pseudonymised = time.perf_counter() - start
        start = time.perf_counter()
        key.reverse(done)
        reversed_ = time.perf_counter() - start
        start = time.perf_counter()
        data = refiqda.dumps(done)
        exported = time.perf_counter() - start
        print(
            f"{size:4d} interviews, {words:,} words, {len(key.people)} people: "
            f"pseudonymise {pseudonymised:.2f} s ({words / pseudonymised:,.0f} words/s), "
            f"reverse {reversed_:.2f} s, .qdpx {exported:.2f} s ({len(data) / 1024:,.0f} KiB)"
        )


if __name__ == "__main__":
    main()
