"""The tables: their fixed schemas, the round trip through them (Arrow,
Parquet, pandas, Polars), the column contract, and Parquet written in
bounded row groups."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import interviewkit as ik
from interviewkit.tables import (
    TablesWriter,
    interviews_from_tables,
    interviews_schema,
    interviews_table,
    speakers_schema,
    speakers_table,
    turns_schema,
    turns_table,
    write_parquet,
)
from tests.generated import write_corpus
from tests.samples import SAMPLE, SEED
from tests.strategies import tabular_interviews

TURN_COLUMNS = [
    ("interview_id", pa.string(), False),
    ("block", pa.int32(), False),
    ("turn", pa.int32(), False),
    ("speaker_id", pa.string(), False),
    ("speaker_name", pa.string(), False),
    ("role", pa.string(), True),
    ("start_ms", pa.int64(), True),
    ("end_ms", pa.int64(), True),
    ("text", pa.string(), False),
    ("word_count", pa.int32(), False),
]


def test_the_turns_schema_is_the_documented_one() -> None:
    assert [
        (field.name, field.type, field.nullable) for field in turns_schema()
    ] == TURN_COLUMNS
    assert speakers_schema().names == [
        "interview_id",
        "speaker_id",
        "name",
        "role",
        "aliases",
        "turns",
        "words",
    ]
    assert interviews_schema().names == [
        "interview_id",
        "path",
        "title",
        "source",
        "url",
        "date",
        "language",
        "extras",
        "speakers",
        "turns",
        "words",
    ]


def test_a_turn_row_says_what_the_turn_says() -> None:
    table = turns_table([("sample", SAMPLE)])
    assert table.schema == turns_schema()
    assert table.to_pylist()[2] == {
        "interview_id": "sample",
        "block": 4,
        "turn": 2,
        "speaker_id": "darren-star",
        "speaker_name": "Darren Star",
        "role": "interviewee",
        "start_ms": 1000,
        "end_ms": 2500,
        "text": "More.",
        "word_count": 1,
    }
    assert interviews_table([("sample", SAMPLE)]).to_pylist() == [
        {
            "interview_id": "sample",
            "path": None,
            "title": "Darren Star on Emily in Paris",
            "source": "Collider",
            "url": None,
            "date": None,
            "language": "en",
            "extras": '{"tags": ["tv"]}',
            "speakers": 2,
            "turns": 4,
            "words": 5,
        }
    ]


def test_the_counts_agree_with_the_queries() -> None:
    seed = ik.read(SEED)
    turns = turns_table([("seed", seed)]).to_pandas()
    assert turns.groupby("speaker_id")["word_count"].sum().to_dict() == (
        seed.word_counts()
    )
    speakers = speakers_table([("seed", seed)]).to_pylist()
    assert [(row["speaker_id"], row["turns"], row["words"]) for row in speakers] == [
        (figures.speaker.id, figures.turns, figures.words)
        for figures in seed.stats().speakers
    ]


def _tabular(interview: ik.Interview) -> ik.Interview:
    """What the tables keep of an interview: turns without labels, markers,
    cues or words; no prose, captions or codes."""
    turns = tuple(
        attrs.evolve(turn, label=None, marker=None, cues=(), words=())
        for turn in interview.turns
    )
    return attrs.evolve(interview, body=turns, codes=())


corpora = st.lists(tabular_interviews(max_turns=4), max_size=2).map(
    lambda found: [(f"talk-{index}", iv) for index, iv in enumerate(found)]
)


@given(corpora)
def test_the_tables_give_the_interviews_back(
    pairs: list[tuple[str, ik.Interview]],
) -> None:
    tables = {
        "speakers": speakers_table(pairs),
        "interviews": interviews_table(pairs),
    }
    back = list(interviews_from_tables(turns_table(pairs), **tables))
    assert back == pairs
    # pandas and Polars carry the same tables.
    as_pandas = {name: table.to_pandas() for name, table in tables.items()}
    assert (
        list(interviews_from_tables(turns_table(pairs).to_pandas(), **as_pandas))
        == pairs
    )
    as_polars = {name: pl.from_arrow(table) for name, table in tables.items()}
    polars_turns = pl.from_arrow(turns_table(pairs))
    assert list(interviews_from_tables(polars_turns, **as_polars)) == pairs


def test_the_turns_alone_give_the_turns_and_speakers_back() -> None:
    seed = ik.read(SEED)
    [(name, back)] = interviews_from_tables(turns_table([("seed", seed)]))
    assert name == "seed"
    assert back.turns == _tabular(seed).turns
    assert [(s.id, s.name, s.role) for s in back.speakers] == [
        (s.id, s.name, s.role) for s in seed.speakers
    ]


def test_parquet_keeps_the_tables(tmp_path: Path) -> None:
    write_corpus(tmp_path / "talks", 30)
    corpus = ik.read_many(tmp_path / "talks")
    written = write_parquet(
        corpus,
        tmp_path / "turns.parquet",
        speakers=tmp_path / "speakers.parquet",
        interviews=tmp_path / "interviews.parquet",
        row_group_size=50,
    )
    assert written == 30
    turns = pq.read_table(tmp_path / "turns.parquet")
    assert turns.schema.remove_metadata() == turns_schema()
    assert turns.num_rows == 240
    # Row groups of at most 50 rows: what the writer held at once.
    metadata = pq.ParquetFile(tmp_path / "turns.parquet").metadata
    assert metadata.num_row_groups >= 240 // 50
    assert (
        max(
            metadata.row_group(index).num_rows
            for index in range(metadata.num_row_groups)
        )
        <= 50 + 8
    )
    back = dict(
        interviews_from_tables(
            tmp_path / "turns.parquet",
            speakers=tmp_path / "speakers.parquet",
            interviews=tmp_path / "interviews.parquet",
        )
    )
    assert back == {entry.id: _tabular(entry.interview) for entry in corpus}
    paths = pq.read_table(tmp_path / "interviews.parquet").column("path").to_pylist()
    assert paths == [path for _, path in corpus.files()]


def test_worker_processes_write_the_same_parquet(tmp_path: Path) -> None:
    write_corpus(tmp_path / "talks", 40)
    write_parquet(ik.read_many(tmp_path / "talks"), tmp_path / "one.parquet")
    write_parquet(ik.read_many(tmp_path / "talks", jobs=2), tmp_path / "two.parquet")
    assert pq.read_table(tmp_path / "two.parquet").equals(
        pq.read_table(tmp_path / "one.parquet")
    )


def test_an_empty_corpus_is_an_empty_table(tmp_path: Path) -> None:
    assert write_parquet([], tmp_path / "turns.parquet") == 0
    table = pq.read_table(tmp_path / "turns.parquet")
    assert table.num_rows == 0
    assert table.schema.remove_metadata() == turns_schema()
    assert list(interviews_from_tables(table)) == []


def test_the_writer_wants_a_table_and_rows() -> None:
    with pytest.raises(TypeError, match="at least one table"):
        TablesWriter()
    with pytest.raises(ValueError, match="row_group_size"):
        TablesWriter("turns.parquet", row_group_size=0)


def test_tables_are_made_of_entries_or_pairs() -> None:
    with pytest.raises(TypeError, match="CorpusEntry objects or"):
        turns_table([SAMPLE])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="a pair is"):
        turns_table([(1, SAMPLE)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="a table is an Arrow table"):
        list(interviews_from_tables([{"text": "hi"}]))


def _turns(**columns: list[object]) -> pa.Table:
    base: dict[str, list[object]] = {
        "interview_id": ["a", "a"],
        "speaker_id": ["q", "r"],
        "text": ["Why?", "Because."],
    }
    base.update(columns)
    return pa.table({name: values for name, values in base.items() if values != []})


def test_the_contract_needs_only_three_columns() -> None:
    [(name, back)] = interviews_from_tables(_turns())
    assert name == "a"
    assert [(s.id, s.name, s.role) for s in back.speakers] == [
        ("q", "q", None),
        ("r", "r", None),
    ]
    assert [turn.text for turn in back.turns] == ["Why?", "Because."]
    # block orders the turns; other columns are ignored.
    [(_, ordered)] = interviews_from_tables(_turns(block=[7, 3], extra=["x", "y"]))
    assert [turn.text for turn in ordered.turns] == ["Because.", "Why?"]
    # pandas' missing numbers are missing times.
    frame = _turns(start_ms=[1000, None]).to_pandas()
    assert frame["start_ms"].dtype == "float64"
    [(_, timed)] = interviews_from_tables(frame)
    assert [turn.start_ms for turn in timed.turns] == [1000, None]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (_turns(text=[]), r"the turns table has no column 'text' @ \$\.text$"),
        (_turns(text=["Why?", None]), r"text is missing @ \$\.text\[1\]"),
        (_turns(role=["host", "boss"]), r"unknown role 'boss'.* @ \$\.role\[1\]"),
        (_turns(block=[1.5, 2.0]), r"block must be a whole number.* @ \$\.block\[0\]"),
        (_turns(text=[1, 2]), r"text must be a string, not int @ \$\.text\[0\]"),
        (
            _turns(speaker_id=["q", "q"], speaker_name=["Ann", "Bob"]),
            r"speaker 'q' of 'a' has another name.* @ \$\.speaker_name\[1\]",
        ),
        (
            _turns(start_ms=[-5, 0]),
            r"start_ms must not be negative, got -5 @ \$\.start_ms\[0\]",
        ),
    ],
)
def test_a_table_that_breaks_the_contract_says_where(
    table: pa.Table, message: str
) -> None:
    with pytest.raises(ik.ParseError, match=message) as caught:
        list(interviews_from_tables(table))
    assert str(caught.value).startswith("<string>: table: ")


def test_the_other_tables_are_checked_too(tmp_path: Path) -> None:
    speakers = pa.table(
        {"interview_id": ["a", "a"], "speaker_id": ["q", "q"], "name": ["Q", "Q"]}
    )
    with pytest.raises(ik.ParseError, match=r"listed twice @ \$\.speaker_id\[1\]"):
        list(interviews_from_tables(_turns(), speakers=speakers))
    interviews = pa.table({"interview_id": ["a"], "extras": ["[1, 2]"]})
    pq.write_table(interviews, tmp_path / "interviews.parquet")
    with pytest.raises(ik.ParseError, match=r"bad metadata") as caught:
        list(
            interviews_from_tables(_turns(), interviews=tmp_path / "interviews.parquet")
        )
    assert str(caught.value).startswith(f"{tmp_path / 'interviews.parquet'}: table:")
    blank = pa.table({"interview_id": ["a"], "title": [" "]})
    with pytest.raises(ik.ParseError, match="interview 'a': title must not be"):
        list(interviews_from_tables(_turns(), interviews=blank))


def test_silent_speakers_and_interviews_without_turns_come_back() -> None:
    speakers = pa.table(
        {
            "interview_id": ["a", "a", "a", "b"],
            "speaker_id": ["s", "q", "r", "x"],
            "name": ["Silent", "Q", "R", "X"],
            "role": ["other", "interviewer", None, None],
            "aliases": [["S"], [], [], []],
        }
    )
    back = dict(interviews_from_tables(_turns(), speakers=speakers))
    assert [s.id for s in back["a"].speakers] == ["s", "q", "r"]
    assert back["a"].speakers[0].aliases == ("S",)
    assert back["b"].turns == ()


def test_without_pyarrow_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'interviewkit\[arrow\]'"):
        turns_schema()
    with pytest.raises(ImportError, match=r"interviewkit\[arrow\]"):
        turns_table([("sample", SAMPLE)])


def test_pandas_answers_a_question_of_the_turns_table(tmp_path: Path) -> None:
    write_corpus(tmp_path, 20)
    turns = turns_table(ik.read_many(tmp_path)).to_pandas(types_mapper=pd.ArrowDtype)
    by_role = turns.groupby("role")["word_count"].sum()
    summary = ik.read_many(tmp_path).stats()
    assert by_role.to_dict() == {str(r.role): r.words for r in summary.roles}
