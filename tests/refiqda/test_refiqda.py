"""REFI-QDA export: valid against the standard's schema, and read back by an
independent reader (pyrefiqda, whose models are generated from the schema)."""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree
from pyrefiqda.refiproject import RefiProject

import interviewkit as ik
from interviewkit import refiqda
from interviewkit.model._blocks import coded_text
from tests.samples import SEED
from tests.strategies import interviews

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "Project.xsd")))


def project(data: bytes) -> tuple[etree._Element, dict[str, str]]:
    """The project.qde of a .qdpx, validated, and its sources by file name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        qde = etree.fromstring(archive.read("project.qde"))
        sources = {
            name.removeprefix("sources/"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    SCHEMA.assertValid(qde)
    return qde, sources


def selections(path: Path, tmp_path: Path) -> list[list[tuple[str, str, str | None]]]:
    """Every source's selections as (code name, selected text, description),
    read by pyrefiqda, the text cut at the positions as code points."""
    extracted = tmp_path / "extracted"
    loaded = RefiProject.load(path, extract_dir=str(extracted))
    codes = {code.guid: code.name for code in loaded.code_book.codes.code}
    result = []
    for source in loaded.sources.text_source:
        file = RefiProject.resolve_source_path(source.plain_text_path, extracted)
        text = file.read_text(encoding="utf-8")
        result.append(
            [
                (
                    codes[selection.coding[0].code_ref.target_guid],
                    text[selection.start_position : selection.end_position],
                    selection.description,
                )
                for selection in source.plain_text_selection
            ]
        )
    return result


STUDY = ik.Interview(
    title="Housing study: interview 3",
    speakers=[
        ik.Speaker(id="int", name="INT", role="interviewer"),
        ik.Speaker(id="p01", name="P01"),
    ],
    body=[
        ik.Turn(speaker="int", text="Where did you live?", start_ms=5000),
        ik.Turn(speaker="p01", text="In a flat 🏠 by the station. The rent doubled."),
        ik.Prose(text="[Recording paused]"),
        ik.ImageCaption(image="flat.jpg", caption="The flat 🏠", credit="Photo: P01"),
    ],
    codes=[
        ik.Coding(block=1, start=28, end=45, code="housing", memo="cost"),
        ik.Coding(block=1, start=5, end=11, code="home 🏠"),
        ik.Coding(block=3, start=4, end=10, code="home 🏠"),
        ik.Coding(block=2, start=1, end=10, code="field notes"),
    ],
)


def test_a_project_of_one_interview(tmp_path: Path) -> None:
    path = tmp_path / "study.qdpx"
    refiqda.write(STUDY, path, created=datetime(2024, 5, 1, 12, tzinfo=timezone.utc))
    qde, sources = project(path.read_bytes())
    ns = {"q": refiqda.NAMESPACE}
    assert qde.get("name") == "study"
    assert qde.get("creationDateTime") == "2024-05-01T12:00:00Z"
    assert [c.get("name") for c in qde.findall(".//q:Code", ns)] == [
        "Speaker: INT",
        "Speaker: P01",
        "housing",
        "home 🏠",
        "field notes",
    ]
    guids = [e.get("guid") for e in qde.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    assert all(uuid.UUID(guid).version == 4 for guid in guids)
    (text,) = sources.values()
    assert text == (
        "Housing study: interview 3\n\n"
        "[00:00:05] INT: Where did you live?\n\n"
        "P01: In a flat 🏠 by the station. The rent doubled.\n\n"
        "[Recording paused]\n\n"
        "flat.jpg\nThe flat 🏠\nPhoto: P01\n"
    )
    assert selections(path, tmp_path) == [
        [
            ("Speaker: INT", "Where did you live?", None),
            ("Speaker: P01", "In a flat 🏠 by the station. The rent doubled.", None),
            ("housing", "The rent doubled.", "cost"),
            ("home 🏠", "flat 🏠", None),
            ("home 🏠", "flat 🏠", None),
            ("field notes", "Recording", None),
        ]
    ]


def test_positions_count_code_points_or_utf16_units() -> None:
    ns = {"q": refiqda.NAMESPACE}
    points, _ = project(refiqda.dumps(STUDY))
    units, _ = project(refiqda.dumps(STUDY, offsets="utf-16"))

    def spans(qde: etree._Element) -> list[tuple[int, int]]:
        return [
            (int(s.get("startPosition")), int(s.get("endPosition")))
            for s in qde.iterfind(".//q:PlainTextSelection", ns)
        ]

    text, _ = refiqda.source_text(STUDY)
    as_utf16 = text.encode("utf-16-le")
    for (start, end), (u_start, u_end) in zip(spans(points), spans(units), strict=True):
        # The same passage, however it is counted.
        assert text[start:end] == as_utf16[2 * u_start : 2 * u_end].decode("utf-16-le")
    # Before the first 🏠 they agree; after it UTF-16 counts one more.
    assert spans(points)[0] == spans(units)[0]
    assert spans(points)[2][0] + 1 == spans(units)[2][0]
    with pytest.raises(ValueError, match="offsets"):
        refiqda.dumps(STUDY, offsets="bytes")  # type: ignore[arg-type]


def test_a_corpus_shares_its_codes(tmp_path: Path) -> None:
    seed = ik.read(SEED)
    seed = seed.code_matches(seed.search("Versailles"), "Versailles")
    part = STUDY.code_matches(STUDY.search("station"), "Versailles")
    path = tmp_path / "corpus.qdpx"
    refiqda.write([seed, part], path, names=["seed", "study"], project="Two")
    qde, sources = project(path.read_bytes())
    assert qde.get("name") == "Two"
    names = [c.get("name") for c in qde.iterfind(".//{*}Code")]
    assert names.count("Versailles") == 1
    assert len(sources) == 2
    found = selections(path, tmp_path)
    turns = [text for code, text, _ in found[0] if code.startswith("Speaker: ")]
    assert turns == [turn.text for turn in seed.turns]
    assert [text for code, text, _ in found[0] if code == "Versailles"] == [
        "Versailles"
    ] * len(seed.search("Versailles"))
    assert ("Versailles", "station", None) in found[1]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="at least one interview"):
        refiqda.dumps([])
    with pytest.raises(ValueError, match="2 names for 1 interviews"):
        refiqda.dumps(STUDY, names=["a", "b"])
    with pytest.raises(TypeError, match="interviews"):
        refiqda.dumps(["not an interview"])  # type: ignore[list-item]


def test_the_schema_check_can_fail() -> None:
    qde, _ = project(refiqda.dumps(STUDY))
    selection = qde.find(".//{*}PlainTextSelection")
    assert selection is not None
    del selection.attrib["startPosition"]
    assert not SCHEMA.validate(qde)


# Each example writes and validates a whole project: a fifth of the examples.
@settings(max_examples=max(10, settings().max_examples // 5))
@given(interviews(max_blocks=8))
def test_any_interview_makes_a_valid_project(iv: ik.Interview) -> None:
    qde, sources = project(refiqda.dumps(iv))
    (text,) = sources.values()
    source, _ = refiqda.source_text(iv)
    assert text == source
    chosen = qde.findall(".//{*}PlainTextSelection")
    turns = [turn for turn in iv.turns if turn.text]
    assert len(chosen) == len(turns) + len(iv.codes)
    spans = [(int(s.get("startPosition")), int(s.get("endPosition"))) for s in chosen]
    assert [text[a:b] for a, b in spans[: len(turns)]] == [t.text for t in turns]
    for coding, (a, b) in zip(iv.codes, spans[len(turns) :], strict=True):
        block = iv.body[coding.block]
        assert text[a:b] == coded_text(block)[coding.start : coding.end]
