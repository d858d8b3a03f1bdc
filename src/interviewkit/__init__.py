"""interviewkit: interviews as typed, frozen data.

Read an interview from plain text, Markdown, JSON or HTML, look at who said
what, and write it back in any of those formats::

    import interviewkit as ik
    iv = ik.read("seeds/000_6a59695d095b634e.txt")
    ik.write(iv, "interview.json")

Everything public is importable from this package; the submodules are the
implementation.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from interviewkit._options import ReadOptions
from interviewkit.corpus import (
    Corpus,
    CorpusEntry,
    CorpusError,
    CorpusMatch,
    CorpusQAPair,
    CorpusSpeakerStats,
    CorpusStats,
    RoleStats,
    read_many,
)
from interviewkit.errors import (
    FormatError,
    InterviewkitError,
    ParseError,
    PatternError,
    ReadWarning,
    SpeakerLookupError,
    ValidationError,
)
from interviewkit.explain import Explanation, Guess, explain
from interviewkit.formats import (
    MAX_BYTES,
    Format,
    detect,
    dumps,
    format_for_path,
    formats,
    get_format,
    loads,
    read,
    write,
)
from interviewkit.model import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    ProseKind,
    Role,
    Speaker,
    Turn,
    Word,
)
from interviewkit.pseudonymise import (
    Pseudonym,
    PseudonymKey,
    PseudonymKeyError,
    pseudonymise,
)
from interviewkit.query import (
    Match,
    Passage,
    QAPair,
    SpeakerStats,
    Stats,
    count_words,
)

try:
    __version__ = version("interviewkit")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

# In plain sorted() order, which tests/test_model.py checks.
__all__ = [  # noqa: RUF022
    "Block",
    "Coding",
    "Corpus",
    "CorpusEntry",
    "CorpusError",
    "CorpusMatch",
    "CorpusQAPair",
    "CorpusSpeakerStats",
    "CorpusStats",
    "Cue",
    "Explanation",
    "Format",
    "FormatError",
    "Guess",
    "ImageCaption",
    "Interview",
    "InterviewkitError",
    "MAX_BYTES",
    "Match",
    "Metadata",
    "ParseError",
    "Passage",
    "PatternError",
    "Prose",
    "ProseKind",
    "Pseudonym",
    "PseudonymKey",
    "PseudonymKeyError",
    "QAPair",
    "ReadOptions",
    "ReadWarning",
    "Role",
    "RoleStats",
    "Speaker",
    "SpeakerLookupError",
    "SpeakerStats",
    "Stats",
    "Turn",
    "ValidationError",
    "Word",
    "__version__",
    "count_words",
    "detect",
    "dumps",
    "explain",
    "format_for_path",
    "formats",
    "get_format",
    "loads",
    "pseudonymise",
    "read",
    "read_many",
    "write",
]
