"""An mkdocs hook: the charts the docs show, drawn when the site is built.

mkdocs loads this file (see ``hooks`` in ``mkdocs.yml``); it is not part of
the package. The pictures are drawn from the seed, from a timed podcast
transcript among the HTML format's test fixtures, and from the real HTML
interviews of the test corpus, so they always show what the current code
draws, and no generated file is committed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "000_6a59695d095b634e.txt"
TIMED = ROOT / "tests" / "formats" / "html" / "fixtures" / "podcast-transcript.html"
CORPUS = ROOT / "tests" / "corpus" / "files"


def on_files(files: Files, config: Any) -> Files:
    import interviewkit as ik
    from interviewkit import charts

    seed = ik.read(SEED)
    timed = ik.read(TIMED)
    corpus = [ik.read(path) for path in sorted(CORPUS.glob("*.html"))]
    pictures = {
        "seed-speaking": charts.speaking_time(seed),
        "timed-speaking": charts.speaking_time(timed),
        "timed-timeline": charts.timeline(timed),
        "corpus-speaking": charts.speaking_time([seed, *corpus]),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for name, figure in pictures.items():
            path = Path(scratch) / f"{name}.svg"
            charts.save(figure, path)
            files.append(
                File.generated(
                    config, f"images/charts/{name}.svg", content=path.read_bytes()
                )
            )
    return files
