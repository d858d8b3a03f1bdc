"""REFI-QDA projects (``.qdpx``): interviews and codes for NVivo, ATLAS.ti, MAXQDA.

The REFI-QDA Project Exchange standard is how qualitative data analysis
programs (NVivo, ATLAS.ti, MAXQDA, QualCoder, and others) exchange
projects. `dumps` and `write` make one project of one interview or many:

- a zip with ``project.qde``, an XML document in the namespace
  ``urn:QDA-XML:project:1.0`` that validates against the standard's
  ``Project.xsd``, and one plain-text source a interview, UTF-8, in
  ``sources/``;
- a source's text is the interview as a transcript: the title, then each
  block in its own paragraph, a turn as ``Speaker: text`` (with its start
  time, ``[00:01:02] Speaker: text``);
- every turn is a selection coded ``Speaker: Name``, so the program can
  gather what each person said; every `Coding` of the interview is a
  selection coded with its code (its memo as the selection's
  description); the same code name is one code across the project;
- every project, user, code, source, selection and coding has a random
  UUID of its own.

Positions. A selection's ``startPosition`` and ``endPosition`` count the
characters of the source's plain text from 0, the end exclusive: Unicode
characters (code points), as Python counts them, so a character outside
the Basic Multilingual Plane (an emoji, a rare CJK character) counts one.
Some programs count UTF-16 code units instead, in which such a character
counts two: ``offsets="utf-16"`` writes positions that way for them.
Text without such characters is the same either way.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import uuid
import zipfile
from collections.abc import Iterable
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree as ET

from interviewkit._time import format_clock
from interviewkit.model import ImageCaption, Interview, Prose, Turn

__all__ = ["NAMESPACE", "dumps", "source_text", "write"]

NAMESPACE = "urn:QDA-XML:project:1.0"
"""The XML namespace of a REFI-QDA project (``project.qde``)."""

Offsets = Literal["code points", "utf-16"]

# XML 1.0 cannot hold these characters, not even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _name(text: str) -> str:
    """A name for an attribute: one line, as XML keeps attributes."""
    return _xml_text(" ".join(text.split())) or "-"


def _guid() -> str:
    return str(uuid.uuid4())


def source_text(interview: Interview) -> tuple[str, list[int | None]]:
    """The plain text of an interview as a source, and where each block's text starts.

    Returns:
        The text, and for each block of the body the index in the text
        where its coded text (`Coding` offsets count from there) starts;
        None for a caption without caption text.

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     title="Interview 1",
        ...     speakers=[ik.Speaker(id="p", name="P01")],
        ...     body=[ik.Turn(speaker="p", text="Hello.", start_ms=5000)],
        ... )
        >>> text, starts = source_text(iv)
        >>> text
        'Interview 1\\n\\n[00:00:05] P01: Hello.\\n'
        >>> text[starts[0] :]
        'Hello.\\n'

    """
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    parts: list[str] = []
    length = 0
    starts: list[int | None] = []

    def add(text: str) -> None:
        nonlocal length
        if parts:
            parts.append("\n\n")
            length += 2
        parts.append(text)
        length += len(text)

    if interview.title is not None:
        add(interview.title)
    for block in interview.body:
        if type(block) is Turn:
            head = f"{names[block.speaker]}: "
            if block.start_ms is not None:
                head = f"[{format_clock(block.start_ms)}] {head}"
            add(head + block.text)
            starts.append(length - len(block.text))
        elif type(block) is Prose:
            add(block.text)
            starts.append(length - len(block.text))
        else:
            assert type(block) is ImageCaption
            lines = [x for x in (block.image, block.caption, block.credit) if x]
            add("\n".join(lines))
            if block.caption is None:
                starts.append(None)
            else:
                before = [x for x in (block.image,) if x]
                starts.append(
                    length - len("\n".join(lines)) + sum(len(x) + 1 for x in before)
                )
    return "".join(parts) + "\n", starts


class _Positions:
    """Character positions, as code points or as UTF-16 code units."""

    def __init__(self, text: str, offsets: Offsets) -> None:
        self.astral = (
            [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
            if offsets == "utf-16"
            else []
        )

    def __call__(self, index: int) -> int:
        return index + bisect.bisect_left(self.astral, index)


class _Project:
    def __init__(self, name: str, created: datetime, offsets: Offsets) -> None:
        self.when = created.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.user = _guid()
        self.offsets = offsets
        self.codes: dict[str, str] = {}
        try:
            origin = f"interviewkit {version('interviewkit')}"
        except PackageNotFoundError:  # pragma: no cover - a bare checkout
            origin = "interviewkit"
        self.root = ET.Element(
            _q("Project"),
            {
                "name": _name(name),
                "origin": origin,
                "creatingUserGUID": self.user,
                "creationDateTime": self.when,
            },
        )
        users = ET.SubElement(self.root, _q("Users"))
        ET.SubElement(users, _q("User"), {"guid": self.user, "name": "interviewkit"})
        self.sources: list[tuple[str, str]] = []
        self.elements: list[ET.Element] = []

    def code(self, name: str) -> str:
        shown = _name(name)
        if shown not in self.codes:
            self.codes[shown] = _guid()
        return self.codes[shown]

    def stamp(self) -> dict[str, str]:
        return {"creatingUser": self.user, "creationDateTime": self.when}

    def select(
        self,
        source: ET.Element,
        span: tuple[int, int],
        code: str,
        memo: str | None = None,
    ) -> None:
        start, end = span
        selection = ET.SubElement(
            source,
            _q("PlainTextSelection"),
            {
                "guid": _guid(),
                "name": _name(code),
                "startPosition": str(start),
                "endPosition": str(end),
                **self.stamp(),
            },
        )
        if memo:
            ET.SubElement(selection, _q("Description")).text = _xml_text(memo)
        coding = ET.SubElement(
            selection, _q("Coding"), {"guid": _guid(), **self.stamp()}
        )
        ET.SubElement(coding, _q("CodeRef"), {"targetGUID": self.code(code)})

    def add(self, interview: Interview, name: str) -> None:
        text, starts = source_text(interview)
        guid = _guid()
        self.sources.append((f"sources/{guid}.txt", text))
        source = ET.Element(
            _q("TextSource"),
            {
                "guid": guid,
                "name": _name(name),
                "plainTextPath": f"internal://{guid}.txt",
                **self.stamp(),
            },
        )
        position = _Positions(text, self.offsets)
        names = {speaker.id: speaker.name for speaker in interview.speakers}
        for index, block in enumerate(interview.body):
            start = starts[index]
            if type(block) is Turn and block.text and start is not None:
                span = (position(start), position(start + len(block.text)))
                self.select(source, span, f"Speaker: {names[block.speaker]}")
        for coding in interview.codes:
            start = starts[coding.block]
            assert start is not None, "a coding points into text"
            span = (position(start + coding.start), position(start + coding.end))
            self.select(source, span, coding.code, coding.memo)
        self.elements.append(source)

    def xml(self) -> bytes:
        if self.codes:
            book = ET.SubElement(self.root, _q("CodeBook"))
            codes = ET.SubElement(book, _q("Codes"))
            for name, guid in self.codes.items():
                attributes = {"guid": guid, "name": name, "isCodable": "true"}
                ET.SubElement(codes, _q("Code"), attributes)
        sources = ET.SubElement(self.root, _q("Sources"))
        sources.extend(self.elements)
        ET.register_namespace("", NAMESPACE)
        tree = ET.ElementTree(self.root)
        ET.indent(tree, space=" ")
        out = io.BytesIO()
        tree.write(out, encoding="utf-8", xml_declaration=True)
        return out.getvalue()


def dumps(
    interviews: Interview | Iterable[Interview],
    *,
    names: Iterable[str] | None = None,
    project: str = "interviewkit",
    offsets: Offsets = "code points",
    created: datetime | None = None,
) -> bytes:
    """A REFI-QDA project (the bytes of a ``.qdpx`` file) of interviews.

    Args:
        interviews: One interview, or several.
        names: The name of each interview's source, in order (file names,
            say); by default its title, or ``Interview 1``, ``Interview 2``...
        project: The project's name.
        offsets: How selections count characters: ``"code points"`` (the
            standard's characters) or ``"utf-16"`` (see the module).
        created: When the project was made; by default now.

    Returns:
        The zip archive.

    Raises:
        ValueError: No interview is given, the names do not match the
            interviews, or ``offsets`` is neither choice.

    Example:
        >>> import io, zipfile
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="p01", text="The rent doubled.")],
        ...     codes=[ik.Coding(block=0, start=4, end=8, code="housing")],
        ... )
        >>> archive = zipfile.ZipFile(io.BytesIO(dumps(iv)))
        >>> [name.split("/")[0] for name in archive.namelist()]
        ['project.qde', 'sources']
        >>> b'name="Speaker: P01"' in archive.read("project.qde")
        True

    """
    if offsets not in ("code points", "utf-16"):
        raise ValueError(f"offsets is 'code points' or 'utf-16', not {offsets!r}")
    items = [interviews] if isinstance(interviews, Interview) else list(interviews)
    if not items:
        raise ValueError("a project needs at least one interview")
    for item in items:
        if not isinstance(item, Interview):
            raise TypeError(f"dumps() takes interviews, not {type(item).__name__}")
    labels = list(names) if names is not None else None
    if labels is not None and len(labels) != len(items):
        raise ValueError(f"{len(labels)} names for {len(items)} interviews")
    built = _Project(project, created or datetime.now(timezone.utc), offsets)
    for number, item in enumerate(items, start=1):
        shown = labels[number - 1] if labels else item.title or f"Interview {number}"
        built.add(item, shown)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", built.xml())
        for path, text in built.sources:
            archive.writestr(path, text.encode("utf-8"))
    return out.getvalue()


def write(
    interviews: Interview | Iterable[Interview],
    path: str | os.PathLike[str],
    *,
    names: Iterable[str] | None = None,
    project: str | None = None,
    offsets: Offsets = "code points",
    created: datetime | None = None,
) -> None:
    """Write a REFI-QDA project (``.qdpx``) of interviews to ``path``.

    The project is named after the file unless ``project`` names it; the
    other arguments are those of `dumps`.
    """
    data = dumps(
        interviews,
        names=names,
        project=project or Path(path).stem,
        offsets=offsets,
        created=created,
    )
    Path(path).write_bytes(data)
