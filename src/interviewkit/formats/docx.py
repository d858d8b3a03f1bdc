"""Word (``.docx``): transcripts as transcription services and researchers lay them out.

Reading and writing need the ``docx`` extra (``pip install
'interviewkit[docx]'``, which brings python-docx).

Reading
-------
A Word document is read through the same reading engine as plain text and
Markdown, so the same rules and reading options apply; what Word's own
structure says comes first:

- a speaker label in bold, followed by a colon or a tab
  (**Maria Lopez:** text, **Interviewer**<tab>text), with or without a
  time stamp (**[00:01:02] Maria:**, **Maria Lopez 00:01:02**<tab>text);
- a label in a paragraph of its own, in bold or in a heading style, the
  speech in the paragraphs below it;
- a table of two columns, the speaker and the text (a third column of
  time stamps is read too; a header row is skipped);
- plain ``NAME: text`` lines, as in a text file;
- the title from the document's properties, a ``Title`` paragraph or the
  first ``Heading 1``; other headings are prose, or questions when they
  ask; an all-italic paragraph is prose, never speech; a paragraph in the
  ``Caption`` style is an image caption.

Line breaks inside a paragraph are line breaks of the text; empty
paragraphs separate nothing. A position in an error or a warning is the
paragraph's number in the body (tables count one per cell paragraph), as
the line. A corrupt file, a password-protected (encrypted) one and a zip
archive that is not a Word document are each a `ParseError` that says so.

Writing
-------
The title as the ``Title`` paragraph (and the document's title property),
then one paragraph a turn, its label in bold (``Name:``, with the start
time as ``[00:01:02] Name:``), a line break where the text has one;
prose in italics, and captions in the ``Caption`` style. What Word cannot
hold is left out: the cast's roles and aliases, the metadata other than
the title, cue and word times, and codes (export codes with
`interviewkit.refiqda`); a control character that XML cannot hold is
written as U+FFFD. Reading what the writer wrote gives back the same
speakers' names and turn texts in order.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading import (
    Assembler,
    LabelMatch,
    Paragraph,
    asks,
    caption_from_lines,
    find_label,
    label_shape,
    prose_kind,
    resolve,
)
from interviewkit._reading.checks import speech_notes
from interviewkit._reading.vocabulary import key
from interviewkit._report import report
from interviewkit._time import CLOCK, format_clock, parse_clock
from interviewkit.errors import ParseError
from interviewkit.formats import Format
from interviewkit.model import ImageCaption, Interview, Prose, ProseKind, Turn

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

__all__ = ["FORMAT", "dumps"]

NAME = "docx"

# An encrypted Office document is an OLE compound file, not a zip.
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TIME = re.compile(rf"[ \t]*(?:\[({CLOCK})\]|\(({CLOCK})\)|({CLOCK}))[ \t]*")
_HEADER_WORDS = {"speaker", "name", "who", "participant", "person", "time", "timestamp"}


# The longest text Word keeps in a document property such as the title.
_CORE_PROPERTY_LIMIT = 255


def _python_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise ImportError(
            "reading and writing Word documents needs python-docx: "
            "pip install 'interviewkit[docx]'"
        ) from None
    return docx


def _fail(document: Document, message: str, line: int | None = None) -> ParseError:
    return ParseError(
        message,
        format=NAME,
        line=line,
        column=1 if line else None,
        source=document.source,
    )


def _open(document: Document) -> WordDocument:
    data = document.data
    if data.startswith(_COMPOUND_FILE):
        raise _fail(
            document,
            "a password-protected (encrypted) Word document, or an old binary "
            ".doc: remove the password, or save it as .docx, and read it again",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _fail(
            document,
            "not a Word document: the file is not a zip archive "
            "(it is damaged, cut short, or of another kind)",
        ) from None
    if "word/document.xml" not in names:
        raise _fail(
            document,
            "a zip archive, but not a Word document: it has no word/document.xml",
        )
    docx = _python_docx()
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))  # type: ignore[no-any-return]
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        SyntaxError,
        OSError,
        EOFError,
        zipfile.BadZipFile,
        zlib.error,
        AttributeError,
    ) as error:
        raise _fail(document, f"a damaged Word document: {error}") from None


def _sniff(document: Document) -> bool:
    data = document.data
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False


# --- reading ------------------------------------------------------------------


@attrs.define
class _Styles:
    """What each paragraph style is, found once per style id (not per paragraph)."""

    names: dict[str, str]
    kinds: dict[str | None, str] = attrs.field(factory=dict)

    def kind(self, style_id: str | None) -> str:
        found = self.kinds.get(style_id)
        if found is None:
            name = key(self.names.get(style_id or "", style_id or ""))
            if name == "title":
                found = "title"
            elif name.startswith("heading"):
                level = name.removeprefix("heading").strip()
                found = f"heading{level}" if level.isdigit() else "heading9"
            elif name == "caption":
                found = "caption"
            else:
                found = "text"
            self.kinds[style_id] = found
        return found


def _time_ms(match: re.Match[str]) -> int | None:
    clock = next((group for group in match.groups() if group is not None), None)
    return None if clock is None else parse_clock(clock)


def _looks_like_a_name(text: str) -> bool:
    shape = label_shape(text)
    return shape == 2 or (shape == 1 and len(text.split(" ")) <= 4)


def _label_with_time(inner: str) -> tuple[str, int | None] | None:
    """``Maria Lopez``, ``Maria Lopez 00:01:02`` or ``[00:01:02] Maria``."""
    start_ms = None
    for match in _TIME.finditer(inner):
        if match.start() == 0 or match.end() == len(inner):
            start_ms = _time_ms(match)
            inner = (inner[: match.start()] + inner[match.end() :]).strip()
            break
    inner = inner.strip().rstrip(":：").strip()
    if inner and _looks_like_a_name(inner):
        return inner, start_ms
    return None


def _runs(paragraph: WordParagraph) -> Iterator[Any]:
    for item in paragraph.iter_inner_content():
        if hasattr(item, "runs") and not hasattr(item, "bold"):
            yield from item.runs  # a hyperlink
        else:
            yield item


def _emphasis(paragraph: WordParagraph) -> tuple[str, str, bool]:
    """The leading bold text, the rest, and whether all the text is italic."""
    bold: list[str] = []
    rest: list[str] = []
    italic = True
    for run in _runs(paragraph):
        text = run.text
        if not text:
            continue
        strong = bool(run.bold) or run._r.style in ("Strong", "Bold")
        if text.strip():
            italic = italic and bool(run.italic)
        if not rest and (strong or not text.strip()):
            bold.append(text)
        else:
            rest.append(text)
    return "".join(bold), "".join(rest), italic and bool(bold or rest)


def _marked(paragraph: WordParagraph, text: str) -> LabelMatch | None:
    """A label that bold marks at the start of a paragraph."""
    inner, after, _ = _emphasis(paragraph)
    stripped = inner.strip()
    if not stripped:
        return None
    lead = len(inner) - len(inner.lstrip())
    if not after.strip():
        found = _label_with_time(stripped)
        if found is None:
            return None
        return LabelMatch(found[0], found[1], len(text), 2, True, True, True)
    if stripped.endswith((":", "：")) or after.lstrip(" ").startswith((":", "：")):
        match = find_label(text)
        if (
            match is None
            or match.label is None
            or match.text_start < lead + len(stripped)
        ):
            return None
        return match._replace(strength=2, markup=True)
    if after.startswith("\t") or inner.endswith("\t"):
        found = _label_with_time(stripped)
        if found is None:
            return None
        start = len(inner) + len(after) - len(after.lstrip("\t "))
        return LabelMatch(found[0], found[1], start, 2, False, False, True)
    return None


def _cells(table: Table) -> Iterator[tuple[int, list[str]]]:
    """Each row of a table as the text of its distinct cells."""
    for number, row in enumerate(table.rows):
        texts: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell shows once
            seen.add(id(cell._tc))
            texts.append("\n".join(p.text for p in cell.paragraphs).strip())
        yield number, texts


class _Reader:
    def __init__(self, word: WordDocument, document: Document) -> None:
        self.word = word
        self.document = document
        names = {
            style.style_id: style.name or style.style_id
            for style in word.styles
            if style.type == 1  # paragraph styles
        }
        self.styles = _Styles(names)
        self.assembler = Assembler()
        self.title: str | None = word.core_properties.title or None
        self.started = False
        self.number = 0

    def read(self) -> None:
        from docx.table import Table

        for item in self.word.iter_inner_content():
            if isinstance(item, Table):
                self.table(item)
            else:
                self.paragraph(item)

    def paragraph(self, paragraph: WordParagraph) -> None:
        self.number += 1
        text = paragraph.text
        if not text.strip():
            return
        line = self.number
        kind = self.styles.kind(paragraph._p.style)
        stripped = text.strip()
        if kind in ("title", "heading1") and not self.started:
            shown = " ".join(stripped.split())
            if self.title is None or (kind == "title" and shown == self.title):
                self.title = shown
                return
        self.started = True
        if kind.startswith("heading") or kind == "title":
            found = _label_with_time(stripped)
            if found is not None and "\n" not in stripped:
                match = LabelMatch(found[0], found[1], len(text), 2, True, True, True)
                self.assembler.add_lines([text], line=line, found=[match])
            elif asks(stripped):
                self.assembler.add(Paragraph(text=stripped, line=line, question=True))
            else:
                kind_of = prose_kind(stripped) or ProseKind.OTHER
                block = Prose(text=stripped, kind=kind_of)
                self.assembler.add(Paragraph(text=stripped, line=line, block=block))
            return
        lines = [part for part in text.split("\n") if part.strip()]
        if kind == "caption":
            caption = caption_from_lines([x.strip() for x in lines])
            if caption is None:
                caption = ImageCaption(caption=stripped)
            self.assembler.add(Paragraph(text="", line=line, block=caption))
            return
        marked = _marked(paragraph, text)
        if marked is not None:
            first, *others = text.split("\n")
            rest = [part for part in others if part.strip()]
            if marked.text_start >= len(first):
                marked = marked._replace(text_start=len(first), alone=True)
            self.assembler.add_lines(
                [first, *rest],
                line=line,
                found=[marked, *(find_label(x) for x in rest)],
            )
            return
        if _emphasis(paragraph)[2] and find_label(lines[0]) is None:
            self.assembler.add(Paragraph(text=stripped, line=line, aside=True))
            return
        self.assembler.add_lines(lines, line=line)

    def table(self, table: Table) -> None:
        for number, cells in _cells(table):
            self.number += 1
            if len(cells) < 2:
                for cell in cells:
                    if cell:
                        self.assembler.add_lines(cell.split("\n"), line=self.number)
                continue
            start_ms = None
            timed = [i for i, c in enumerate(cells) if _TIME.fullmatch(c) and c]
            if timed and len(cells) >= 3:
                start_ms = _time_ms(_TIME.fullmatch(cells[timed[0]]))  # type: ignore[arg-type]
                cells = [c for i, c in enumerate(cells) if i != timed[0]]
            speaker, said = cells[0], "\n".join(c for c in cells[1:] if c)
            if number == 0 and key(speaker) in _HEADER_WORDS:
                continue  # a header row
            lines = [part for part in said.split("\n") if part.strip()]
            found = _label_with_time(" ".join(speaker.split())) if speaker else None
            if found is not None and found[1] is not None and start_ms is None:
                start_ms = found[1]
            if not lines:
                continue
            self.started = True
            if found is None:
                self.assembler.add_lines(lines, line=self.number)
                continue
            match = LabelMatch(found[0], start_ms, 0, 2, False, False, True)
            self.assembler.add_lines(
                lines, line=self.number, found=[match, *([None] * (len(lines) - 1))]
            )


def _read(document: Document, options: ReadOptions) -> Interview:
    reader = _Reader(_open(document), document)
    reader.read()
    paragraphs = reader.assembler.paragraphs()
    speakers, blocks = resolve(paragraphs, options)
    for message, line in speech_notes(paragraphs, blocks):
        report(document, options, message, line=line, column=1)
    return Interview(title=reader.title, speakers=speakers, body=blocks)


# --- writing ------------------------------------------------------------------


# XML 1.0, and so Word, cannot hold these characters at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _lines(paragraph: WordParagraph, text: str, **style: bool) -> None:
    """Add ``text`` to a paragraph, a line break where it has one."""
    run = None
    for line in _xml(text).split("\n"):
        if run is not None:
            run.add_break()
        run = paragraph.add_run(line)
        for name, value in style.items():
            setattr(run, name, value)


def dumps(interview: Interview) -> bytes:
    """Write an interview as a Word document (the bytes of a ``.docx``).

    Example:
        >>> import interviewkit as ik
        >>> iv = ik.Interview(
        ...     speakers=[ik.Speaker(id="int", name="INT"),
        ...               ik.Speaker(id="p01", name="P01")],
        ...     body=[ik.Turn(speaker="int", text="Where did you grow up?"),
        ...           ik.Turn(speaker="p01", text="By the sea.")],
        ... )
        >>> data = ik.dumps(iv, format="docx")
        >>> data[:2]
        b'PK'
        >>> [(t.speaker, t.text) for t in ik.loads(data, format="docx").turns]
        [('int', 'Where did you grow up?'), ('p01', 'By the sea.')]

    """
    docx = _python_docx()
    word = docx.Document()
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    if interview.title is not None:
        title = _xml(" ".join(interview.title.split()))
        if len(title) <= _CORE_PROPERTY_LIMIT:
            # Longer, the Title paragraph alone carries it.
            word.core_properties.title = title
        _lines(word.add_paragraph(style="Title"), interview.title)
    for block in interview.body:
        if type(block) is Turn:
            label = block.label or names[block.speaker]
            label = " ".join(label.split())
            if block.start_ms is not None:
                label = f"[{format_clock(block.start_ms)}] {label}"
            paragraph = word.add_paragraph()
            paragraph.add_run(_xml(f"{label}:")).bold = True
            if block.text:
                paragraph.add_run(" ")
                _lines(paragraph, block.text)
        elif type(block) is Prose:
            _lines(word.add_paragraph(), block.text, italic=True)
        elif type(block) is ImageCaption:
            parts = [p for p in (block.image, block.caption, block.credit) if p]
            _lines(word.add_paragraph(style="Caption"), "\n".join(parts))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


FORMAT = Format(
    name=NAME,
    suffixes=(".docx",),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    binary=True,
    options=frozenset(attrs.fields_dict(ReadOptions)),
    description="Word documents (needs the docx extra)",
)
