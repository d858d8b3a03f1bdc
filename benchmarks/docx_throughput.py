"""How fast Word transcripts read and write: paragraphs a second.

Run by hand: ``python benchmarks/docx_throughput.py``. It prints figures and
asserts nothing. It also prints what looking up a paragraph's style by
name would cost, which the reader avoids by mapping style ids once.
"""

from __future__ import annotations

import io
import time

import docx

import interviewkit as ik


def build(turns: int) -> bytes:
    word = docx.Document()
    word.add_paragraph("A long interview", style="Title")
    for number in range(turns):
        paragraph = word.add_paragraph()
        speaker = "Interviewer" if number % 2 == 0 else "Maria Lopez"
        paragraph.add_run(f"{speaker}:").bold = True
        paragraph.add_run(f" This is turn {number}, with a few words in it.")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def main() -> None:
    for turns in (500, 2000):
        data = build(turns)
        start = time.perf_counter()
        iv = ik.loads(data, format="docx")
        read = time.perf_counter() - start
        start = time.perf_counter()
        ik.dumps(iv, format="docx")
        write = time.perf_counter() - start
        print(
            f"{turns:5d} turns ({len(data) / 1024:.0f} KiB): read {read:.2f} s "
            f"({turns / read:,.0f} paragraphs/s), write {write:.2f} s"
        )
    word = docx.Document(io.BytesIO(build(2000)))
    paragraphs = word.paragraphs
    start = time.perf_counter()
    by_id = [p._p.style for p in paragraphs]
    ids = time.perf_counter() - start
    start = time.perf_counter()
    by_name = [p.style.name for p in paragraphs]
    names = time.perf_counter() - start
    assert len(by_id) == len(by_name)
    print(
        f"style of 2,001 paragraphs: by id {ids * 1000:.1f} ms, by name {names * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
