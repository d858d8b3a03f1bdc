"""The three tables' schemas, and one interview as a batch of each.

pyarrow is imported when a table is first made, not when interviewkit is:
it is an extra (``pip install 'interviewkit[arrow]'``).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from interviewkit.corpus import CorpusEntry
from interviewkit.model import Interview, Speaker, Turn
from interviewkit.model._counting import count_words

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "SCHEMAS",
    "Columns",
    "TableInput",
    "batch",
    "interviews_batch",
    "interviews_schema",
    "pairs",
    "pyarrow_module",
    "rows",
    "speakers_batch",
    "speakers_schema",
    "turns_batch",
    "turns_schema",
]

TableInput = Iterable["CorpusEntry | tuple[str, Interview]"]
"""What the tables are made of: corpus entries, or ``(id, interview)`` pairs."""


def pyarrow_module() -> ModuleType:
    """Import pyarrow, or say which extra brings it.

    Raises:
        ImportError: If pyarrow is not installed; the message names the
            ``arrow`` extra.
    """
    try:
        import pyarrow
    except ImportError as error:
        raise ImportError(
            "interviewkit's tables need pyarrow: pip install 'interviewkit[arrow]'"
        ) from error
    module: ModuleType = pyarrow
    return module


def turns_schema() -> pyarrow.Schema:
    """The schema of the turns table: one row a turn.

    | column | type | null | what it holds |
    |---|---|---|---|
    | `interview_id` | string | no | the interview's id (`CorpusEntry.id`) |
    | `block` | int32 | no | the turn's index in `Interview.body` |
    | `turn` | int32 | no | the turn's index among the interview's turns |
    | `speaker_id` | string | no | `Turn.speaker`, the speaker's id |
    | `speaker_name` | string | no | the speaker's name |
    | `role` | string | yes | the speaker's role, a `Role` value |
    | `start_ms` | int64 | yes | `Turn.start_ms` |
    | `end_ms` | int64 | yes | `Turn.end_ms` |
    | `text` | string | no | `Turn.text` |
    | `word_count` | int32 | no | the words of the text, by `count_words` |

    Example:
        >>> from interviewkit.tables import turns_schema
        >>> turns_schema().names[:4]
        ['interview_id', 'block', 'turn', 'speaker_id']

    """
    pyarrow_module()  # the clear error, even once the schema is made
    return _turns_schema()


@functools.cache
def _turns_schema() -> pyarrow.Schema:
    pa: Any = pyarrow_module()
    return pa.schema(
        [
            pa.field("interview_id", pa.string(), nullable=False),
            pa.field("block", pa.int32(), nullable=False),
            pa.field("turn", pa.int32(), nullable=False),
            pa.field("speaker_id", pa.string(), nullable=False),
            pa.field("speaker_name", pa.string(), nullable=False),
            pa.field("role", pa.string()),
            pa.field("start_ms", pa.int64()),
            pa.field("end_ms", pa.int64()),
            pa.field("text", pa.string(), nullable=False),
            pa.field("word_count", pa.int32(), nullable=False),
        ]
    )


def speakers_schema() -> pyarrow.Schema:
    """The schema of the speakers table: one row a speaker of an interview.

    Columns: ``interview_id`` (string), ``speaker_id`` (string), ``name``
    (string), ``role`` (string or null), ``aliases`` (list of strings),
    ``turns`` and ``words`` (int32: how many turns and words the speaker
    has in that interview).

    Example:
        >>> from interviewkit.tables import speakers_schema
        >>> speakers_schema().names
        ['interview_id', 'speaker_id', 'name', 'role', 'aliases', 'turns', 'words']

    """
    pyarrow_module()  # the clear error, even once the schema is made
    return _speakers_schema()


@functools.cache
def _speakers_schema() -> pyarrow.Schema:
    pa: Any = pyarrow_module()
    return pa.schema(
        [
            pa.field("interview_id", pa.string(), nullable=False),
            pa.field("speaker_id", pa.string(), nullable=False),
            pa.field("name", pa.string(), nullable=False),
            pa.field("role", pa.string()),
            pa.field("aliases", pa.list_(pa.string()), nullable=False),
            pa.field("turns", pa.int32(), nullable=False),
            pa.field("words", pa.int32(), nullable=False),
        ]
    )


_METADATA = ("source", "url", "date", "language")


def interviews_schema() -> pyarrow.Schema:
    """The schema of the interviews table: one row an interview.

    Columns: ``interview_id`` (string), ``path`` (string or null: the file
    it was read from), ``title``, ``source``, ``url``, ``date`` and
    ``language`` (strings or null, from `Interview.title` and
    `Interview.metadata`), ``extras`` (string: the metadata's free-form
    extras as a JSON object), ``speakers``, ``turns`` and ``words``
    (int32).

    Example:
        >>> from interviewkit.tables import interviews_schema
        >>> interviews_schema().names[:3]
        ['interview_id', 'path', 'title']

    """
    pyarrow_module()  # the clear error, even once the schema is made
    return _interviews_schema()


@functools.cache
def _interviews_schema() -> pyarrow.Schema:
    pa: Any = pyarrow_module()
    return pa.schema(
        [
            pa.field("interview_id", pa.string(), nullable=False),
            pa.field("path", pa.string()),
            pa.field("title", pa.string()),
            *(pa.field(name, pa.string()) for name in _METADATA),
            pa.field("extras", pa.string(), nullable=False),
            pa.field("speakers", pa.int32(), nullable=False),
            pa.field("turns", pa.int32(), nullable=False),
            pa.field("words", pa.int32(), nullable=False),
        ]
    )


def pairs(
    entries: TableInput,
) -> Iterator[tuple[str, str | None, Interview]]:
    """``(id, path, interview)`` for each entry or ``(id, interview)`` pair."""
    for item in entries:
        if isinstance(item, CorpusEntry):
            yield item.id, item.path, item.interview
            continue
        if not isinstance(item, tuple) or len(item) != 2:
            raise TypeError(
                "tables are made of CorpusEntry objects or (id, Interview) "
                f"pairs, not {type(item).__name__}"
            )
        identifier, interview = item
        if not isinstance(identifier, str) or not isinstance(interview, Interview):
            raise TypeError("a pair is (id: str, interview: Interview)")
        yield identifier, None, interview


Columns = dict[str, list[Any]]
"""Rows of a table as lists of Python values, one a column."""


def _turns(interview: Interview) -> list[tuple[int, Turn, int]]:
    """Each turn with its body index and its words, counted once."""
    return [
        (block, item, count_words(item.text))
        for block, item in enumerate(interview.body)
        if type(item) is Turn
    ]


def _role(speaker: Speaker) -> str | None:
    return None if speaker.role is None else speaker.role.value


def turn_rows(
    interview: Interview, interview_id: str, turns: list[tuple[int, Turn, int]]
) -> Columns:
    cast = {speaker.id: speaker for speaker in interview.speakers}
    speakers = [cast[item.speaker] for _, item, _ in turns]
    return {
        "interview_id": [interview_id] * len(turns),
        "block": [block for block, _, _ in turns],
        "turn": list(range(len(turns))),
        "speaker_id": [speaker.id for speaker in speakers],
        "speaker_name": [speaker.name for speaker in speakers],
        "role": [_role(speaker) for speaker in speakers],
        "start_ms": [item.start_ms for _, item, _ in turns],
        "end_ms": [item.end_ms for _, item, _ in turns],
        "text": [item.text for _, item, _ in turns],
        "word_count": [words for _, _, words in turns],
    }


def speaker_rows(
    interview: Interview, interview_id: str, turns: list[tuple[int, Turn, int]]
) -> Columns:
    cast = interview.speakers
    spoken = dict.fromkeys((speaker.id for speaker in cast), 0)
    said = dict(spoken)
    for _, item, words in turns:
        spoken[item.speaker] += 1
        said[item.speaker] += words
    return {
        "interview_id": [interview_id] * len(cast),
        "speaker_id": [speaker.id for speaker in cast],
        "name": [speaker.name for speaker in cast],
        "role": [_role(speaker) for speaker in cast],
        "aliases": [list(speaker.aliases) for speaker in cast],
        "turns": [spoken[speaker.id] for speaker in cast],
        "words": [said[speaker.id] for speaker in cast],
    }


def interview_rows(
    interview: Interview,
    interview_id: str,
    turns: list[tuple[int, Turn, int]],
    path: str | None,
) -> Columns:
    metadata = interview.metadata
    extras = {
        key: value if isinstance(value, str) else list(value)
        for key, value in metadata.extras.items()
    }
    return {
        "interview_id": [interview_id],
        "path": [path],
        "title": [interview.title],
        **{name: [getattr(metadata, name)] for name in _METADATA},
        "extras": [json.dumps(extras, ensure_ascii=False, sort_keys=True)],
        "speakers": [len(interview.speakers)],
        "turns": [len(turns)],
        "words": [sum(words for _, _, words in turns)],
    }


def rows(
    names: tuple[str, ...],
    interview: Interview,
    *,
    interview_id: str,
    path: str | os.PathLike[str] | None = None,
) -> tuple[Columns, ...]:
    """One interview's rows of each table in ``names`` ("turns", "speakers",
    "interviews"), its words counted once for all of them."""
    turns = _turns(interview)
    where = None if path is None else os.fspath(path)
    made = {
        "turns": lambda: turn_rows(interview, interview_id, turns),
        "speakers": lambda: speaker_rows(interview, interview_id, turns),
        "interviews": lambda: interview_rows(interview, interview_id, turns, where),
    }
    return tuple(made[name]() for name in names)


def batch(name: str, columns: Columns) -> pyarrow.RecordBatch:
    """Rows of the table ``name`` as a record batch of its schema."""
    pa: Any = pyarrow_module()
    return pa.RecordBatch.from_pydict(columns, schema=SCHEMAS[name]())


def turns_batch(interview: Interview, *, interview_id: str) -> pyarrow.RecordBatch:
    """One interview's turns as a record batch of the turns table.

    Example:
        >>> import interviewkit as ik
        >>> from interviewkit.tables import turns_batch
        >>> batch = turns_batch(ik.read("seeds/000_6a59695d095b634e.txt"),
        ...                     interview_id="seed")
        >>> batch.num_rows, batch.column("speaker_name")[0].as_py()
        (18, 'Collider')

    """
    [columns] = rows(("turns",), interview, interview_id=interview_id)
    return batch("turns", columns)


def speakers_batch(interview: Interview, *, interview_id: str) -> pyarrow.RecordBatch:
    """One interview's cast as a record batch of the speakers table."""
    [columns] = rows(("speakers",), interview, interview_id=interview_id)
    return batch("speakers", columns)


def interviews_batch(
    interview: Interview,
    *,
    interview_id: str,
    path: str | os.PathLike[str] | None = None,
) -> pyarrow.RecordBatch:
    """One interview's title, metadata and counts as a one-row record batch."""
    [columns] = rows(("interviews",), interview, interview_id=interview_id, path=path)
    return batch("interviews", columns)


SCHEMAS: dict[str, Callable[[], Any]] = {
    "turns": turns_schema,
    "speakers": speakers_schema,
    "interviews": interviews_schema,
}
"""The schema of each table, by name."""
