"""HTML read and write throughput, next to the standard library's tokenizer.

Run by hand: ``python benchmarks/html_throughput.py [--megabytes 10]``.
It generates an interview of about the given size (the same generator as
the JSON benchmark), writes it as an HTML page, then times, in one run:

- ``interviewkit.loads`` of the page (the writer's layout, read exactly);
- ``interviewkit.loads`` of the same page without its ``data-interviewkit``
  mark, which reads it as a page from the web (the shared label, alias and
  prose rules);
- ``html.parser`` alone over the page, which both readers run inside;
- ``interviewkit.dumps`` (escaping and layout).
"""

from __future__ import annotations

import argparse
from html.parser import HTMLParser

from json_throughput import best_of, generate

import interviewkit as ik


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    interview = generate(args.megabytes)
    page = ik.dumps(interview, format="html")
    megabytes = len(page.encode()) / 1_000_000
    assert ik.loads(page, format="html") == interview
    print(
        f"page: {megabytes:.1f} MB, {len(interview.body):,} blocks, "
        f"best of {args.repeat}"
    )
    from_the_web = page.replace(" data-interviewkit=", " data-was=", 1)

    def tokenize() -> None:
        tokenizer = HTMLParser()
        tokenizer.feed(page)
        tokenizer.close()

    timings = {
        "read   interviewkit.loads": lambda: ik.loads(page, format="html"),
        "read   as a page from the web": lambda: ik.loads(from_the_web, format="html"),
        "read   html.parser alone": tokenize,
        "write  interviewkit.dumps": lambda: ik.dumps(interview, format="html"),
    }
    for name, run in timings.items():
        taken = best_of(args.repeat, run)
        print(f"{name:<34} {taken * 1000:8.1f} ms  {megabytes / taken:8.1f} MB/s")


if __name__ == "__main__":
    main()
