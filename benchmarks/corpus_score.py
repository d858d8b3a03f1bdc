"""Score the readers on the corpus of real transcripts in ``tests/corpus``.

Prints a row a file (read, cast, turns) and a summary line:
``corpus: read R/N, cast right C/N, turns exact T/N``. Run it from the
repository's root: ``python benchmarks/corpus_score.py``; ``-v`` adds the
warnings each reading raised.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus.scoring import expectations, score


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    results = [score(expected) for expected in expectations()]
    width = max(len(result.file) for result in results)
    for result in results:
        if not result.read:
            print(f"{result.file:<{width}}  ERROR {result.error}")
            continue
        mark = "ok " if result.right else "   "
        print(
            f"{result.file:<{width}}  {mark} cast {result.speakers_matched}/"
            f"{result.speakers_expected} (read {result.speakers_read})  "
            f"turns {result.turns}/{result.turns_expected}"
        )
        if verbose:
            for warning in result.warnings:
                print(f"{'':<{width}}    warning: {warning}")
    count = len(results)
    read = sum(result.read for result in results)
    cast = sum(result.cast_right for result in results)
    turns = sum(result.turns_exact for result in results)
    print(
        f"corpus: read {read}/{count}, cast right {cast}/{count}, "
        f"turns exact {turns}/{count}"
    )
    return 0 if cast == turns == count else 1


if __name__ == "__main__":
    raise SystemExit(main())
