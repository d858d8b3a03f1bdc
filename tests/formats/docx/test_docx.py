"""Word documents: the layouts transcription services deliver, and bad files.

The documents are built here with python-docx, in the layouts researchers
and services use; no real Word transcript with a licence that allows
redistribution has been found yet.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from hypothesis import given, settings

import interviewkit as ik
from interviewkit.formats import Document, detect
from tests.strategies import plain_interviews

FIXTURES = Path(__file__).parent / "fixtures"


def build(fill: Callable[[WordDocument], None]) -> bytes:
    word = docx.Document()
    fill(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def said(iv: ik.Interview) -> list[tuple[str, str]]:
    names = {speaker.id: speaker.name for speaker in iv.speakers}
    return [(names[turn.speaker], turn.text) for turn in iv.turns]


def bold_label(word: WordDocument, label: str, text: str, separator: str = " ") -> None:
    paragraph = word.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(separator + text)


def test_bold_labels_with_a_colon() -> None:
    def fill(word: WordDocument) -> None:
        word.add_paragraph("Housing study, interview 3", style="Title")
        bold_label(word, "Interviewer:", "Where did you live in 2019?")
        bold_label(word, "Maria Lopez:", "In a flat by the station.")
        word.add_paragraph("It was small.")  # more of her answer
        bold_label(word, "Interviewer", ": And the rent?")  # colon outside the bold
        bold_label(word, "Maria Lopez:", "It doubled.")

    iv = ik.loads(build(fill), format="docx")
    assert iv.title == "Housing study, interview 3"
    assert said(iv) == [
        ("Interviewer", "Where did you live in 2019?"),
        ("Maria Lopez", "In a flat by the station.\n\nIt was small."),
        ("Interviewer", "And the rent?"),
        ("Maria Lopez", "It doubled."),
    ]
    assert [s.role for s in iv.speakers] == [ik.Role.INTERVIEWER, ik.Role.INTERVIEWEE]
    # A bold label's marker is its plain text, as plain text would write it.
    assert [turn.marker for turn in iv.turns] == [
        "Interviewer: ",
        "Maria Lopez: ",
        "Interviewer : ",
        "Maria Lopez: ",
    ]


def test_bold_labels_with_a_tab_and_time_stamps() -> None:
    def fill(word: WordDocument) -> None:
        bold_label(word, "Interviewer 00:00:05", "Shall we start?", "\t")
        bold_label(word, "Respondent 1 00:00:09", "Yes, go ahead.", "\t")
        bold_label(word, "[00:01:30] Interviewer:", "Thank you.")
        # The label, then a line break, then the speech.
        paragraph = word.add_paragraph()
        paragraph.add_run("Respondent 1:").bold = True
        paragraph.add_run().add_break()
        paragraph.add_run("You are welcome.")

    iv = ik.loads(build(fill), format="docx")
    assert said(iv) == [
        ("Interviewer", "Shall we start?"),
        ("Respondent 1", "Yes, go ahead."),
        ("Interviewer", "Thank you."),
        ("Respondent 1", "You are welcome."),
    ]
    assert [turn.start_ms for turn in iv.turns] == [5000, 9000, 90000, None]


def test_a_label_in_a_paragraph_of_its_own() -> None:
    def fill(word: WordDocument) -> None:
        word.add_heading("Focus group, site B", level=1)
        word.add_heading("Moderator", level=2)
        word.add_paragraph("Let us begin with introductions.")
        word.add_paragraph().add_run("Sam Okafor").bold = True
        word.add_paragraph("I teach year five.")
        word.add_paragraph("And I coach football.")
        word.add_heading("Dana Fox 00:02:10", level=2)
        word.add_paragraph("I am a parent.")

    iv = ik.loads(build(fill), format="docx")
    assert iv.title == "Focus group, site B"
    assert said(iv) == [
        ("Moderator", "Let us begin with introductions."),
        ("Sam Okafor", "I teach year five.\n\nAnd I coach football."),
        ("Dana Fox", "I am a parent."),
    ]
    assert iv.turns[2].start_ms == 130000


def test_a_table_of_speakers_and_text() -> None:
    def fill(word: WordDocument) -> None:
        table = word.add_table(rows=0, cols=2)
        for speaker, text in [
            ("Speaker", "Text"),
            ("Interviewer", "How long have you lived here?"),
            ("P01", "Twelve years.\nSince my son was born."),
            ("Interviewer", "Thank you."),
        ]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = speaker, text

    iv = ik.loads(build(fill), format="docx")
    assert said(iv) == [
        ("Interviewer", "How long have you lived here?"),
        ("P01", "Twelve years.\nSince my son was born."),
        ("Interviewer", "Thank you."),
    ]


def test_a_table_with_a_column_of_times() -> None:
    def fill(word: WordDocument) -> None:
        table = word.add_table(rows=0, cols=3)
        for row in [
            ("00:00:01", "Interviewer", "Ready?"),
            ("00:00:04", "Ana", "Ready."),
        ]:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value

    iv = ik.loads(build(fill), format="docx")
    assert said(iv) == [("Interviewer", "Ready?"), ("Ana", "Ready.")]
    assert [turn.start_ms for turn in iv.turns] == [1000, 4000]


def test_plain_labels_prose_and_captions() -> None:
    def fill(word: WordDocument) -> None:
        word.add_paragraph("Interview notes, not speech.").runs[0].italic = True
        word.add_paragraph("INTERVIEWER: What changed?")
        word.add_paragraph("RESPONDENT: Everything.\nReally everything.")
        word.add_paragraph("Photo: the estate in 1990", style="Caption")
        word.add_heading("Part two", level=2)
        word.add_paragraph("INTERVIEWER: Go on.")

    iv = ik.loads(build(fill), format="docx")
    assert said(iv) == [
        ("Interviewer", "What changed?"),
        ("Respondent", "Everything.\nReally everything."),
        ("Interviewer", "Go on."),
    ]
    assert [block.text for block in iv.prose] == [
        "Interview notes, not speech.",
        "Part two",
    ]
    assert (
        iv.captions[0].caption == "Photo: the estate in 1990" or iv.captions[0].credit
    )


def test_the_reading_options_apply() -> None:
    def fill(word: WordDocument) -> None:
        bold_label(word, "Speaker 1:", "Why?")
        bold_label(word, "Speaker 2:", "Because.")

    iv = ik.loads(
        build(fill),
        format="docx",
        names={"Speaker 2": "Ann Lee"},
        interviewee="Ann Lee",
    )
    assert said(iv) == [("Speaker 1", "Why?"), ("Ann Lee", "Because.")]
    # The same rules as plain text: the same cast, roles and aliases.
    text = ik.loads(
        "Speaker 1: Why?\n\nSpeaker 2: Because.",
        format="text",
        names={"Speaker 2": "Ann Lee"},
        interviewee="Ann Lee",
    )
    assert iv.speakers == text.speakers
    assert said(iv) == said(text)


def test_read_and_write_files_and_detect_by_content(tmp_path: Path) -> None:
    iv = ik.Interview(
        title="A title",
        speakers=[
            ik.Speaker(id="int", name="Ann Lee"),
            ik.Speaker(id="p01", name="P01"),
        ],
        body=[
            ik.Turn(speaker="int", text="First line.\nSecond line.", start_ms=61000),
            ik.Prose(text="[Pause in the recording]"),
            ik.Turn(speaker="p01", text="An answer."),
            ik.ImageCaption(caption="The estate", credit="Photo: P01"),
        ],
    )
    path = tmp_path / "study.docx"
    ik.write(iv, path)
    back = ik.read(path)
    assert back.title == "A title"
    assert said(back) == said(iv)
    assert back.turns[0].start_ms == 61000
    assert [p.text for p in back.prose] == ["[Pause in the recording]"]
    assert back.captions[0].caption == "The estate"
    assert detect(Document(data=path.read_bytes())).name == "docx"


# Each example opens python-docx's template twice (about 0.1 s): a fifth of
# the profile's examples, which every profile still scales.
@settings(max_examples=max(10, settings().max_examples // 5))
@given(plain_interviews())
def test_what_the_writer_writes_reads_back(iv: ik.Interview) -> None:
    back = ik.loads(ik.dumps(iv, format="docx"), format="docx")
    assert said(back) == said(iv)
    assert back.title == iv.title


def test_a_title_longer_than_a_document_property_holds_is_kept() -> None:
    # Word's title property holds 255 characters; the Title paragraph any.
    iv = ik.Interview(
        title="A long title " * 30,
        speakers=(ik.Speaker(id="q", name="Q"),),
        body=(ik.Turn(speaker="q", text="Why?"),),
    )
    back = ik.loads(ik.dumps(iv, format="docx"), format="docx")
    assert back.title == " ".join(iv.title.split())
    assert said(back) == said(iv)


# --- bad files ---------------------------------------------------------------------


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


GOOD = build(lambda word: bold_label(word, "Q:", "Why?"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ((FIXTURES / "password-protected.docx").read_bytes(), "password-protected"),
        (GOOD[: len(GOOD) // 2], "not a zip archive"),
        (b"", "not a zip archive"),
        (b"Q: Why?\n", "not a zip archive"),
        (_zip({"hello.txt": "hi"}), "not a Word document: it has no word/document.xml"),
        (_zip({"word/document.xml": "<not xml"}), "a damaged Word document"),
        (
            GOOD.replace(b"word/document.xml", b"word/documenX.xml"),
            "no word/document.xml",
        ),
    ],
    ids=["encrypted", "truncated", "empty", "text", "other-zip", "bad-xml", "renamed"],
)
def test_bad_files_are_parse_errors_naming_the_file(
    data: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "transcript.docx"
    path.write_bytes(data)
    with pytest.raises(ik.ParseError, match=message) as caught:
        ik.read(path)
    assert str(caught.value).startswith(f"{path}")
    assert caught.value.format == "docx"


def test_a_document_without_speech_is_reported() -> None:
    data = build(
        lambda word: word.add_paragraph("Just a note about the weather today.")
    )
    with pytest.warns(ik.ReadWarning, match="no speech found"):
        ik.loads(data, format="docx")
    with pytest.raises(ik.ParseError, match="no speech found"):
        ik.loads(data, format="docx", strict=True)
