"""Markdown read and write throughput, next to markdown-it-py's own parse.

Run by hand: ``python benchmarks/markdown_throughput.py [--megabytes 10]``.
It generates an interview of about the given size (the same generator as
the JSON benchmark), writes it as Markdown, then times, in one run:

- ``interviewkit.loads`` of the document (front matter, block structure,
  unescaping and validated models);
- ``interviewkit.loads`` of the same document without its ``interviewkit``
  key, which reads it as Markdown people write (inline markup, the shared
  label, alias and prose rules);
- markdown-it-py's block parse of the same text, which the reader runs
  inside, and its full parse with inline markup, for comparison;
- ``interviewkit.dumps`` (escaping and layout).
"""

from __future__ import annotations

import argparse

from json_throughput import best_of, generate
from markdown_it import MarkdownIt

import interviewkit as ik


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    interview = generate(args.megabytes)
    text = ik.dumps(interview, format="markdown")
    megabytes = len(text.encode()) / 1_000_000
    assert ik.loads(text, format="markdown") == interview
    print(
        f"document: {megabytes:.1f} MB, {len(interview.body):,} blocks, "
        f"best of {args.repeat}"
    )
    blocks_only = MarkdownIt("commonmark").disable(
        ["inline", "text_join"], ignoreInvalid=True
    )
    full = MarkdownIt("commonmark")
    as_people_write = text.replace("interviewkit: 1\n", "", 1)
    timings = {
        "read   interviewkit.loads": lambda: ik.loads(text, format="markdown"),
        "read   as people write it": lambda: ik.loads(
            as_people_write, format="markdown"
        ),
        "read   markdown-it blocks only": lambda: blocks_only.parse(text),
        "read   markdown-it full parse": lambda: full.parse(text),
        "write  interviewkit.dumps": lambda: ik.dumps(interview, format="markdown"),
    }
    seconds = {name: best_of(args.repeat, run) for name, run in timings.items()}
    for name, taken in seconds.items():
        print(f"{name:<34} {taken * 1000:8.1f} ms  {megabytes / taken:8.1f} MB/s")
    ratio = (
        seconds["read   interviewkit.loads"] / seconds["read   markdown-it blocks only"]
    )
    print(f"reading the layout takes {ratio:.2f}x markdown-it's block parse")
    people = (
        seconds["read   as people write it"] / seconds["read   markdown-it full parse"]
    )
    print(f"reading as people write it takes {people:.2f}x markdown-it's full parse")


if __name__ == "__main__":
    main()
