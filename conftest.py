"""Run every code example in README.md and docs/ as a test.

A fenced ``python`` block runs as a script, or as a doctest when it starts
with ``>>>``; a ``pycon`` block is a doctest, whose expected output may
hold blank lines; a ``console`` block is a session of the ``interviewkit``
command. The documents share one
namespace each, so a page reads like one session. Examples run in a fresh
directory holding a copy of ``seeds/``, so they can read the seed by its
usual relative path and write files without touching the checkout.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _pytest.doctest import DoctestItem
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser

ROOT = Path(__file__).parent
OPTIONFLAGS = doctest.ELLIPSIS


class _BlankLinesInOutput(DocTestStringParser):
    """A doctest parser whose expected output may hold blank lines.

    Plain doctest ends the expected output at the first blank line, so
    printed documents with paragraphs need ``<BLANKLINE>`` markers, which
    would then show on the site. Here a run of blank lines belongs to the
    output when more output follows it before the next ``>>>``.
    """

    _EXAMPLE_RE = re.compile(
        r"""
        (?P<source>
            (?:^(?P<indent> [ ]*) >>>    .*)
            (?:\n           [ ]*  \.\.\. .*)*)
        \n?
        (?P<want> (?:(?![ ]*$)(?![ ]*>>>).+$\n?
                  |(?:^[ ]*\n)+(?![ ]*>>>)(?=[ ]*\S)
                  )*)
        """,
        re.MULTILINE | re.VERBOSE,
    )


class PyconParser:
    """Parse ``pycon`` fenced blocks as doctests."""

    def __init__(self) -> None:
        self.blocks = CodeBlockParser(language="pycon")
        self.doctests = _BlankLinesInOutput(DocTestEvaluator(OPTIONFLAGS))

    def __call__(self, document: Document) -> Iterator[Region]:
        for region in self.blocks(document):
            source = region.parsed
            if not source.startswith(">>>"):
                raise ValueError(
                    f"{document.path}: a pycon block must start with '>>>'"
                )
            for doctest_region in self.doctests(source, document.path):
                doctest_region.adjust(region, source)
                yield doctest_region


class ConsoleParser:
    """Run ``console`` fenced blocks: shell sessions of the command.

    Each ``$ interviewkit ...`` line runs the command (as ``python -m
    interviewkit`` of this interpreter) in the example's directory, and the
    lines up to the next ``$`` are what it prints, standard output and
    standard error together; ``...`` stands for any text, as in doctests.
    ``$ echo $?`` prints the exit status of the command before it. No other
    command is allowed, so every session shown is one that runs.
    """

    def __init__(self) -> None:
        self.blocks = CodeBlockParser(language="console")

    def __call__(self, document: Document) -> Iterator[Region]:
        for region in self.blocks(document):
            region.evaluator = self.evaluate
            yield region

    @staticmethod
    def _run(args: list[str]) -> tuple[str, int]:
        environment = dict(os.environ, COLUMNS="80", NO_COLOR="1")
        environment["PYTHONIOENCODING"] = "utf-8"
        completed = subprocess.run(
            [sys.executable, "-m", "interviewkit", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=environment,
            check=False,
        )
        return completed.stdout.decode("utf-8"), completed.returncode

    def evaluate(self, example: Example) -> str | None:
        lines = str(example.parsed).rstrip("\n").split("\n")
        if not lines or not lines[0].startswith("$ "):
            return "a console block must start with a '$ ' line"
        status: int | None = None
        checker = doctest.OutputChecker()
        index = 0
        while index < len(lines):
            command = lines[index][2:]
            index += 1
            expected = []
            while index < len(lines) and not lines[index].startswith("$ "):
                expected.append(lines[index])
                index += 1
            words = shlex.split(command)
            if words == ["echo", "$?"]:
                if status is None:
                    return "'echo $?' before any command"
                output = f"{status}\n"
            elif words[:1] == ["interviewkit"]:
                output, status = self._run(words[1:])
            else:
                return f"only 'interviewkit' and 'echo $?' may run here: {command!r}"
            want = "".join(line + "\n" for line in expected)
            if not checker.check_output(want, output, OPTIONFLAGS):
                return f"$ {command}\nExpected:\n{want}Got:\n{output}"
        return None


def _enter_scratch_directory(namespace: dict[str, Any]) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="interviewkit-docs-"))
    shutil.copytree(ROOT / "seeds", scratch / "seeds")
    namespace["_docs_previous_cwd"] = Path.cwd()
    namespace["_docs_scratch"] = scratch
    os.chdir(scratch)


def _leave_scratch_directory(namespace: dict[str, Any]) -> None:
    os.chdir(namespace.pop("_docs_previous_cwd"))
    shutil.rmtree(namespace.pop("_docs_scratch"))


@pytest.fixture(autouse=True)
def _docstring_scratch_directory(request: pytest.FixtureRequest) -> None:
    """Docstring examples run in a fresh directory with a copy of ``seeds/``
    too, so they can read the seed by its relative path and write files."""
    if isinstance(request.node, DoctestItem):
        scratch: Path = request.getfixturevalue("tmp_path")
        shutil.copytree(ROOT / "seeds", scratch / "seeds")
        request.getfixturevalue("monkeypatch").chdir(scratch)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
        PyconParser(),
        ConsoleParser(),
    ],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],
    setup=_enter_scratch_directory,
    teardown=_leave_scratch_directory,
).pytest()
