"""The words the reading engine knows, loaded from ``vocabulary.json``.

The words are data, not code: a language or a convention that the engine
should know is a line in the JSON file. Every word is compared after `key`,
so case, runs of white space and typographic apostrophes do not matter.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources

from interviewkit.model import ProseKind, Role

__all__ = [
    "CAST_HEADERS",
    "CLOSING_PHRASES",
    "CREDIT_PREFIXES",
    "EDITED_PHRASES",
    "HONORIFICS",
    "IMAGE_SUFFIXES",
    "NOT_FIRST",
    "PARTICLES",
    "PROSE_WORDS",
    "ROLE_WORDS",
    "UTTERANCES",
    "key",
]


@functools.lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The form in which words are compared: folded case, single spaces.

    Example:
        >>> key("  Editor’s   NOTE ")
        "editor's note"

    """
    if not text.isascii():
        # Full-width letters and colons (Ｑ：) compare as their plain forms.
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.replace("’", "'").casefold().split())


_DATA = json.loads(
    resources.files("interviewkit._reading")
    .joinpath("vocabulary.json")
    .read_text(encoding="utf-8")
)

ROLE_WORDS: dict[str, Role] = {
    key(word): Role(role) for role, words in _DATA["roles"].items() for word in words
}
"""Labels that name a part rather than a person, and the role they give."""

PROSE_WORDS: dict[str, ProseKind] = {
    key(word): ProseKind(kind)
    for kind, words in _DATA["prose"].items()
    for word in words
}
"""Words before a colon that introduce prose, never a speaker."""

NOT_FIRST: frozenset[str] = frozenset(map(key, _DATA["not_first"]))
"""Words that start sentences, not names: ``The answer:`` is no label."""

UTTERANCES: frozenset[str] = frozenset(map(key, _DATA["utterances"]))
"""Role words that name what is said, not who says it: ``Question 3:`` is
the interviewer's, whatever its number."""

PARTICLES: frozenset[str] = frozenset(map(key, _DATA["particles"]))
"""Lowercase words inside names: ``van``, ``de``, ``bin``."""

HONORIFICS: frozenset[str] = frozenset(map(key, _DATA["honorifics"]))
"""Titles before names: ``Mr.``, ``Dr.``, ``Senator``."""

CAST_HEADERS: frozenset[str] = frozenset(map(key, _DATA["cast_headers"]))
"""Lines that open a cast list: ``Participants:``."""

CREDIT_PREFIXES: tuple[str, ...] = tuple(
    prefix.casefold() for prefix in _DATA["credit_prefixes"]
)
"""How credit lines start, casefolded: ``image via ``, ``photo: ``."""

IMAGE_SUFFIXES: tuple[str, ...] = tuple(_DATA["image_suffixes"])
"""File suffixes of images."""

EDITED_PHRASES: tuple[str, ...] = tuple(_DATA["edited_phrases"])
"""Phrases of an editor's note on how the talk was edited."""

CLOSING_PHRASES: tuple[str, ...] = EDITED_PHRASES + tuple(_DATA["closing_phrases"])
"""Phrases of the lines that close an article: where to watch, how it was edited."""
