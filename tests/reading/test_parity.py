"""Plain text, Markdown and HTML read the same words the same way.

Every reader hands its paragraphs to one reading engine, so a transcript
laid out as Markdown paragraphs (each line escaped as the Markdown writer
escapes text), or as HTML paragraphs (lines cut by ``<br>``), reads to the
same cast and turns as the plain text.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import interviewkit as ik
from interviewkit.formats.markdown.escape import encode

FIXTURES = sorted(
    (Path(__file__).parent.parent / "formats" / "text" / "fixtures").glob("*.txt")
)


def as_markdown(text: str) -> str:
    """Plain text laid out as Markdown paragraphs, every line escaped."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [encode(line.strip()) if line.strip() else "" for line in text.split("\n")]
    return "\n".join(lines)


def as_html(text: str) -> str:
    """Plain text laid out as an HTML page: a ``<p>`` a paragraph."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [
        "<br>\n".join(
            html.escape(line.strip()) for line in part.split("\n") if line.strip()
        )
        for part in text.split("\n\n")
    ]
    body = "\n".join(f"<p>{part}</p>" for part in paragraphs if part)
    return f"<!DOCTYPE html>\n<html>\n<body>\n{body}\n</body>\n</html>\n"


def summary(interview: ik.Interview) -> tuple[object, ...]:
    names = {speaker.id: speaker.name for speaker in interview.speakers}
    cast = tuple(
        (speaker.name, speaker.role, speaker.aliases) for speaker in interview.speakers
    )
    turns = tuple(
        (names[turn.speaker], turn.label, turn.text, turn.start_ms)
        for turn in interview.turns
    )
    return cast, turns


def test_there_are_fixtures_to_compare() -> None:
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_a_text_fixture_as_markdown_reads_to_the_same_cast_and_turns(
    path: Path,
) -> None:
    text = path.read_text(encoding="utf-8")
    as_text = ik.loads(text, format="text")
    as_md = ik.loads(as_markdown(text), format="markdown")
    assert summary(as_md) == summary(as_text)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_a_text_fixture_as_html_reads_to_the_same_cast_and_turns(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    as_text = ik.loads(text, format="text")
    as_page = ik.loads(as_html(text), format="html")
    assert summary(as_page) == summary(as_text)


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_q_labels_with_bare_answers_give_the_answers_to_the_interviewee(
    format: str,
) -> None:
    # The questions carry the label and the answers none, as FOSDEM's
    # interviews are laid out; the talk ends on a question that is answered.
    document = (
        "Ann Lee is a lighthouse keeper.\n\nQ: Why the sea?\n\nMy father.\n\n"
        "Q: And now?\n\nThe garden.\n\nI grow beans.\n\nQ: Thank you.\n\n"
        "Thanks for coming."
    )
    if format == "html":
        document = as_html(document)
    iv = ik.loads(document, format=format)
    assert [(s.name, s.role) for s in iv.speakers] == [
        ("Q", ik.Role.INTERVIEWER),
        ("Interviewee", ik.Role.INTERVIEWEE),
    ]
    assert [(turn.speaker, turn.text) for turn in iv.turns] == [
        ("q", "Why the sea?"),
        ("interviewee", "My father."),
        ("q", "And now?"),
        ("interviewee", "The garden.\n\nI grow beans."),
        ("q", "Thank you."),
        ("interviewee", "Thanks for coming."),
    ]
    assert [prose.kind for prose in iv.prose] == [ik.ProseKind.INTRO]


@pytest.mark.parametrize(
    ("line", "label", "text", "start_ms"),
    [
        ("山田：はい。", "山田", "はい。", None),
        ("Adam Jonas (AJ): Hi.", "Adam Jonas (AJ)", "Hi.", None),
        ("DARREN STAR (12:34): Yes.", "DARREN STAR", "Yes.", 754_000),
        ("00:01:02 DARREN STAR: Yes.", "DARREN STAR", "Yes.", 62_000),
    ],
)
@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_a_label_reads_as_a_turn_in_every_format(
    line: str, label: str, text: str, start_ms: int | None, format: str
) -> None:
    document = f"{line}\n\nQ: And then?\n\n{line}"
    if format == "html":
        document = as_html(document)
    turns = ik.loads(document, format=format).turns
    assert [(turn.label, turn.text, turn.start_ms) for turn in turns] == [
        (label, text, start_ms),
        ("Q", "And then?", None),
        (label, text, start_ms),
    ]
