"""The three tables' schemas, and one interview as a batch of each.

pyarrow is imported when a table is first made, not when interviewkit is:
it is an extra (``pip install 'interviewkit[arrow]'``).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from interviewkit.corpus import CorpusEntry
from interviewkit.model import Interview, Turn
from interviewkit.model._counting import count_words

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "TableInput",
    "interviews_batch",
    "interviews_schema",
    "pairs",
    "pyarrow_module",
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
    pa: Any = pyarrow_module()
    cast = {speaker.id: speaker for speaker in interview.speakers}
    columns: dict[str, list[Any]] = {name: [] for name in turns_schema().names}
    turn = 0
    for block, item in enumerate(interview.body):
        if type(item) is not Turn:
            continue
        speaker = cast[item.speaker]
        columns["block"].append(block)
        columns["turn"].append(turn)
        columns["speaker_id"].append(speaker.id)
        columns["speaker_name"].append(speaker.name)
        columns["role"].append(None if speaker.role is None else speaker.role.value)
        columns["start_ms"].append(item.start_ms)
        columns["end_ms"].append(item.end_ms)
        columns["text"].append(item.text)
        columns["word_count"].append(count_words(item.text))
        turn += 1
    columns["interview_id"] = [interview_id] * turn
    return pa.RecordBatch.from_pydict(columns, schema=turns_schema())


def speakers_batch(interview: Interview, *, interview_id: str) -> pyarrow.RecordBatch:
    """One interview's cast as a record batch of the speakers table."""
    pa: Any = pyarrow_module()
    turns = dict.fromkeys((speaker.id for speaker in interview.speakers), 0)
    words = dict(turns)
    for item in interview.body:
        if type(item) is Turn:
            turns[item.speaker] += 1
            words[item.speaker] += count_words(item.text)
    cast = interview.speakers
    return pa.RecordBatch.from_pydict(
        {
            "interview_id": [interview_id] * len(cast),
            "speaker_id": [speaker.id for speaker in cast],
            "name": [speaker.name for speaker in cast],
            "role": [None if s.role is None else s.role.value for s in cast],
            "aliases": [list(speaker.aliases) for speaker in cast],
            "turns": [turns[speaker.id] for speaker in cast],
            "words": [words[speaker.id] for speaker in cast],
        },
        schema=speakers_schema(),
    )


def interviews_batch(
    interview: Interview,
    *,
    interview_id: str,
    path: str | os.PathLike[str] | None = None,
) -> pyarrow.RecordBatch:
    """One interview's title, metadata and counts as a one-row record batch."""
    pa: Any = pyarrow_module()
    metadata = interview.metadata
    extras = {
        key: value if isinstance(value, str) else list(value)
        for key, value in metadata.extras.items()
    }
    turns = [item for item in interview.body if type(item) is Turn]
    row: dict[str, list[Any]] = {
        "interview_id": [interview_id],
        "path": [None if path is None else os.fspath(path)],
        "title": [interview.title],
        **{name: [getattr(metadata, name)] for name in _METADATA},
        "extras": [json.dumps(extras, ensure_ascii=False, sort_keys=True)],
        "speakers": [len(interview.speakers)],
        "turns": [len(turns)],
        "words": [sum(count_words(turn.text) for turn in turns)],
    }
    return pa.RecordBatch.from_pydict(row, schema=interviews_schema())
