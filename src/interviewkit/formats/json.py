"""JSON: the complete, versioned interchange form of an interview.

A document is an envelope around the interview:

    {"format": "interviewkit", "version": 2, "interview": {...}}

Body blocks are tagged by a ``"type"`` key (``"turn"``, ``"caption"``,
``"prose"``); fields that hold their default value are left out. The JSON
Schema of each version ships with the package as
``interviewkit/schema/interview-v2.schema.json`` (see `schema`). Version 2
added a turn's timed ``cues`` and ``words`` and the interview's ``codes``;
version 1 documents, which have none of them, read as they always did. Reading
what the writer wrote gives back an equal `Interview`.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, NoReturn

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from interviewkit._io import Document, LongInteger, parse_json
from interviewkit._options import ReadOptions
from interviewkit.errors import ParseError, ValidationError
from interviewkit.formats import Format
from interviewkit.model import (
    Block,
    Coding,
    Cue,
    ImageCaption,
    Interview,
    Metadata,
    Prose,
    Speaker,
    Turn,
    Word,
)

__all__ = ["FORMAT", "VERSION", "dumps", "schema", "to_document"]

VERSION = 2
"""The version of the JSON layout this release writes."""

READS = frozenset({1, 2})
"""The versions of the JSON layout this release reads."""

_ENVELOPE_KEYS = frozenset({"format", "version", "interview"})

_TAGS: dict[type, str] = {Turn: "turn", ImageCaption: "caption", Prose: "prose"}
_CLASSES: dict[object, type[Block]] = {tag: cls for cls, tag in _TAGS.items()}
_FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(field.name for field in attrs.fields(cls)) for cls in _TAGS
}


class _WireError(TypeError):
    """A JSON value of the wrong type; its message is shown to the user."""


_SPAN_FIELDS: dict[str, tuple[type[Cue] | type[Word], frozenset[str]]] = {
    "cues": (Cue, frozenset(field.name for field in attrs.fields(Cue))),
    "words": (Word, frozenset(field.name for field in attrs.fields(Word))),
}


def _construct_spans(value: dict[str, Any]) -> None:
    """Build a turn's cues and words in place, for the fast converter.

    Their validators check every value's type; only the shape is checked
    here. Anything else is left for the detailed converter to report.
    """
    for name, (kind, fields) in _SPAN_FIELDS.items():
        spans = value.get(name)
        if spans is None:
            continue
        if type(spans) is not list:
            raise _WireError("not a list")
        built = []
        for span in spans:
            if type(span) is not dict or not span.keys() <= fields:
                raise _WireError("not a valid span")
            built.append(kind(**span))
        value[name] = built


def _structure_confidence(value: Any, _: Any) -> float | None:
    if value is None or (type(value) in (int, float)):
        return value  # type: ignore[no-any-return]
    raise _WireError(f"expected number or null, got {_json_type(value)}")


def _strict(kind: type) -> Callable[[Any, type], Any]:
    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:
            raise _WireError(f"expected {_JSON_TYPES[kind]}, got {_json_type(value)}")
        return value

    return structure


_JSON_TYPES: dict[type, str] = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def _strict_optional(kind: type) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if value is not None and type(value) is not kind:
            raise _WireError(
                f"expected {_JSON_TYPES[kind]} or null, got {_json_type(value)}"
            )
        return value

    return structure


def _is(expected: Any) -> Callable[[Any], bool]:
    def matches(kind: Any) -> bool:
        return bool(kind == expected)

    return matches


def _expect(
    container: type, structure: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any]:
    def checked(value: Any, kind: Any) -> Any:
        if type(value) is not container:
            raise _WireError(
                f"expected {_JSON_TYPES[container]}, got {_json_type(value)}"
            )
        return structure(value, kind)

    return checked


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is LongInteger:
        return value.describe()
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _structure_extras(value: Any, _: type) -> Mapping[str, str | tuple[str, ...]]:
    if type(value) is not dict:
        raise _WireError(f"expected object, got {_json_type(value)}")
    extras: dict[str, str | tuple[str, ...]] = {}
    for key, item in value.items():
        if type(item) is str:
            extras[key] = item
        elif type(item) is list and all(type(v) is str for v in item):
            extras[key] = tuple(item)
        else:
            raise _WireError(
                f"extras[{key!r}]: expected string or array of strings, "
                f"got {_json_type(item)}"
            )
    return MappingProxyType(extras)


def _unstructure_extras(
    extras: Mapping[str, str | tuple[str, ...]],
) -> dict[str, str | list[str]]:
    return {
        key: value if isinstance(value, str) else list(value)
        for key, value in extras.items()
    }


def _make_converter(*, fast: bool) -> cattrs.Converter:
    """Build a private converter for the JSON layout.

    Strings and integers must have their JSON types (no ``"12"`` for 12),
    unknown keys are errors, and body blocks are a union tagged by
    ``"type"``, written first.

    The fast converter builds body blocks straight from their dicts: every
    field of a block is a scalar that the model's own validators check, so
    only the keys need checking here. It reports no positions; the reader
    runs the detailed converter again on a document the fast one rejects.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=not fast,
    )
    converter.register_structure_hook(str, _strict(str))
    converter.register_structure_hook(int, _strict(int))
    converter.register_structure_hook(str | None, _strict_optional(str))
    converter.register_structure_hook(int | None, _strict_optional(int))
    converter.register_structure_hook(float | None, _structure_confidence)
    # JSON arrays and objects only: a dict must not pass for a sequence, nor
    # a list for an object. Hooks of classes are generated with the hooks of
    # their fields built in, so the parts go first, what holds them after.
    for part in (Cue, Word, Coding):
        converter.register_structure_hook(
            part, _expect(dict, converter.get_structure_hook(part))
        )
    for sequence in (tuple[str, ...], tuple[Cue, ...], tuple[Word, ...]):
        converter.register_structure_hook_func(
            _is(sequence), _expect(list, converter.get_structure_hook(sequence))
        )
    converter.register_structure_hook(
        Metadata,
        make_dict_structure_fn(
            Metadata,
            converter,
            _cattrs_forbid_extra_keys=True,
            extras=override(struct_hook=_structure_extras),
        ),
    )
    converter.register_unstructure_hook(
        Metadata,
        make_dict_unstructure_fn(
            Metadata,
            converter,
            _cattrs_omit_if_default=True,
            extras=override(unstruct_hook=_unstructure_extras),
        ),
    )
    structure_fns = {
        tag: converter.get_structure_hook(cls) for cls, tag in _TAGS.items()
    }
    unstructure_fns = {
        cls: (tag, converter.get_unstructure_hook(cls)) for cls, tag in _TAGS.items()
    }
    known = ", ".join(sorted(structure_fns))

    def structure_block(value: Any, _: type) -> Block:
        if type(value) is not dict:
            raise _WireError(f"expected object, got {_json_type(value)}")
        # The parsed document belongs to the reader, so popping is safe.
        tag = value.pop("type", None)
        structure = structure_fns.get(tag) if type(tag) is str else None
        if structure is None:
            found = "no type" if tag is None else f"type {tag!r}"
            raise _WireError(f"block has {found}; expected one of {known}")
        block: Block = structure(value, Block)
        return block

    def unstructure_block(block: Block) -> dict[str, Any]:
        tag, unstructure = unstructure_fns[type(block)]
        return {"type": tag, **unstructure(block)}

    def construct_block(value: Any, _: type) -> Block:
        if type(value) is dict:
            cls = _CLASSES.get(value.pop("type", None))
            if cls is not None and value.keys() <= _FIELDS[cls]:
                if "cues" in value or "words" in value:
                    _construct_spans(value)
                block: Block = cls(**value)
                return block
        raise _WireError("not a valid block")

    converter.register_structure_hook(
        Block, construct_block if fast else structure_block
    )
    sequences: tuple[Any, ...] = (
        tuple[Speaker, ...],
        tuple[Block, ...],
        tuple[Coding, ...],
    )
    for sequence in sequences:
        converter.register_structure_hook_func(
            _is(sequence), _expect(list, converter.get_structure_hook(sequence))
        )
    for kind in (Speaker, Metadata, Interview):
        converter.register_structure_hook(
            kind, _expect(dict, converter.get_structure_hook(kind))
        )
    converter.register_unstructure_hook(Block, unstructure_block)
    return converter


_fast = _make_converter(fast=True)
_detailed = _make_converter(fast=False)


def _fail(
    message: str,
    *,
    path: str | None = None,
    line: int | None = None,
    column: int | None = None,
) -> NoReturn:
    raise ParseError(message, format="json", path=path, line=line, column=column)


# What JSON text is outside strings: a constant is found after the strings
# before it, which the parser has read by then.
_STRING_OR_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|-?Infinity|NaN')


def _constant_rejecter(text: str) -> Callable[[str], NoReturn]:
    """A ``parse_constant`` that refuses NaN and Infinity at their place:
    the first one outside a string, where the parser stops."""

    def reject(name: str) -> NoReturn:
        match = next(
            (
                found
                for found in _STRING_OR_CONSTANT.finditer(text)
                if not found.group().startswith('"')
            ),
            None,
        )
        line = column = None
        if match is not None:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        _fail(
            f"{name} is not valid JSON; numbers must be finite",
            line=line,
            column=column,
        )

    return reject


def _suffix(parts: tuple[str | int, ...]) -> str:
    return "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts
    )


def _format_exception(error: BaseException, kind: type | None) -> str:
    if isinstance(error, ValidationError):
        # A model invariant: keep its words and point inside the object.
        return f"{error.message}\0{_suffix(error.path)}"
    if isinstance(error, _WireError):
        return str(error)
    return cattrs.v.format_exception(error, kind)


def _structure_error(error: Exception) -> NoReturn:
    """Turn a structuring failure into a ParseError with a ``$.path``."""
    if isinstance(error, ValidationError):
        _fail(error.message, path="$.interview" + _suffix(error.path))
    if isinstance(error, _WireError):
        _fail(str(error), path="$.interview")
    if isinstance(error, cattrs.BaseValidationError):
        first = cattrs.transform_error(
            error, path="$.interview", format_exception=_format_exception
        )[0]
        message, _, path = first.rpartition(" @ ")
        message, _, suffix = message.partition("\0")
        _fail(message, path=path + suffix)
    raise error


def _not_ours(source: Document | None) -> NoReturn:
    """Fail for JSON that is not an interviewkit document, naming the others."""
    from interviewkit.formats import formats

    others = [
        fmt
        for fmt in formats().values()
        if ".json" in fmt.suffixes and fmt.name != "json" and fmt.reader is not None
    ]
    fits = [fmt.name for fmt in others if source is not None and fmt.accepts(source)]
    if fits:
        hint = f"it looks like {fits[0]} JSON: pass format={fits[0]!r}"
    else:
        hint = "the JSON formats read: " + "; ".join(
            f"{fmt.name}: {fmt.description}" for fmt in others
        )
    _fail(
        f'not an interviewkit JSON document (no "format": "interviewkit"); {hint}',
        path="$",
    )


def _check_envelope(document: Any, source: Document | None = None) -> dict[str, Any]:
    if type(document) is not dict:
        _fail(
            f"expected an object with format, version and interview, "
            f"got {_json_type(document)}",
            path="$",
        )
    if "format" not in document:
        _not_ours(source)
    extra = sorted(set(document) - _ENVELOPE_KEYS)
    if extra:
        _fail(f"unknown key {extra[0]!r}", path=f"$.{extra[0]}")
    if document.get("format") != "interviewkit":
        _fail(
            f'expected "format": "interviewkit", got {document.get("format")!r}',
            path="$.format",
        )
    version = document.get("version")
    if type(version) is not int:
        _fail(
            f"expected an integer version, got {_json_type(version)}",
            path="$.version",
        )
    if version not in READS:
        readable = " and ".join(str(number) for number in sorted(READS))
        _fail(
            f"unsupported version {version}; this release reads versions {readable}",
            path="$.version",
        )
    if "interview" not in document:
        _fail("missing key 'interview'", path="$.interview")
    return document


def _parse(document: Document) -> Any:
    """The parsed document, or the ParseError that says where its syntax fails."""
    value = document.json()
    if value is not None:
        return value
    text = document.text
    try:
        return parse_json(text, parse_constant=_constant_rejecter(text))
    except json.JSONDecodeError as error:
        # json's messages end in " at" when it means the position we report.
        message = error.msg.lower().removesuffix(" at")
        _fail(message, line=error.lineno, column=error.colno)
    except RecursionError:
        _fail("document is nested too deeply", line=1, column=1)


def _read(document: Document, options: ReadOptions) -> Interview:
    """Read an interview from a JSON document.

    Raises:
        ParseError: With a line and column for bad syntax, and a ``$.path``
            for a document whose structure or content is wrong.
    """
    interview = _check_envelope(_parse(document), document)["interview"]
    try:
        return _fast.structure(interview, Interview)
    except Exception:  # noqa: BLE001 - any failure is re-run for its path
        pass
    # The fast pass consumed the document; parse it again for the slow pass,
    # which collects where each problem is.
    interview = parse_json(document.text)["interview"]
    try:
        return _detailed.structure(interview, Interview)
    except Exception as error:  # noqa: BLE001 - translated at the boundary
        _structure_error(error)


def _sniff(document: Document) -> bool:
    value = document.json()
    return type(value) is dict and value.get("format") == "interviewkit"


def to_document(interview: Interview) -> dict[str, Any]:
    """Return the JSON envelope of ``interview`` as plain Python data."""
    return {
        "format": "interviewkit",
        "version": VERSION,
        "interview": _fast.unstructure(interview),
    }


def dumps(interview: Interview, *, indent: int | None = 2) -> str:
    """Write an interview as a JSON document.

    Args:
        interview: The interview.
        indent: Spaces per level, or None for the most compact output.

    Example:
        >>> print(dumps(Interview(title="Hello")))
        {
          "format": "interviewkit",
          "version": 2,
          "interview": {
            "title": "Hello"
          }
        }

    """
    document = to_document(interview)
    if _orjson is not None and indent in (None, 2) and not _tiny_confidence(interview):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            written: bytes = _orjson.dumps(document, option=option)
            return written.decode("utf-8")
        except TypeError:
            pass  # a lone surrogate or an integer beyond 64 bits: json writes it
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        document,
        ensure_ascii=False,
        indent=indent,
        separators=separators,
    )


# orjson writes the same text several times sooner, when it is installed
# (the ``fast`` extra); `dumps` falls back to `json` where the two differ.
_orjson: Any
try:
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on what is installed
    _orjson = None


def _tiny_confidence(interview: Interview) -> bool:
    """Whether a word's confidence is below 1e-4, which `json` writes with
    an exponent (``1e-05``) and orjson without one."""
    return any(
        word.confidence is not None and 0 < word.confidence < 1e-4
        for turn in interview.turns
        if turn.words
        for word in turn.words
    )


def schema(version: int = VERSION) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a version of the layout.

    Args:
        version: The layout version: the one this release writes, or 1.

    Raises:
        ValueError: For a version this release does not know.
    """
    if version not in READS:
        raise ValueError(f"no schema for version {version!r}; known: 1, 2")
    text = (
        resources.files("interviewkit")
        .joinpath("schema")
        .joinpath(f"interview-v{version}.schema.json")
        .read_text(encoding="utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


FORMAT = Format(
    name="json",
    suffixes=(".json",),
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    preferred=True,
    description="JSON, the complete and versioned interchange form",
)
