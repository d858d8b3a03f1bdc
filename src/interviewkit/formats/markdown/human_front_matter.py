"""A blog's front matter: title, metadata and the cast it names."""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from interviewkit._reading import CastEntry
from interviewkit.errors import ValidationError
from interviewkit.formats.markdown.front_matter import FrontMatter
from interviewkit.formats.markdown.layout import SPEAKER_KEYS, fail
from interviewkit.model import (
    Metadata,
    Role,
)

_METADATA_KEYS = {
    "source": "source",
    "url": "url",
    "date": "date",
    "language": "language",
    "lang": "language",
    "link": "url",
    "permalink": "url",
}


def _extra_value(value: Any) -> str | tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        if all(not isinstance(item, (list, tuple, dict)) for item in value):
            return tuple(scalar_text(item) for item in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    return scalar_text(value)


def scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


_CAST_ROLES = {"interviewer": Role.INTERVIEWER, "interviewee": Role.INTERVIEWEE}


@attrs.frozen
class FrontMatterCast:
    """Who the front matter says takes part."""

    entries: tuple[CastEntry, ...] = ()
    names: Mapping[str, str] = attrs.field(factory=dict)
    """Speaker names by the other labels they go by (their aliases)."""


def _front_matter_cast(
    matter: FrontMatter, key: str, node: yaml.Node
) -> FrontMatterCast:
    """``interviewer``/``interviewee`` names, or a ``speakers`` list."""
    if key in _CAST_ROLES:
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        names = tuple(matter.string(name_node, key) for name_node in nodes)
        for name, name_node in zip(names, nodes, strict=True):
            if not name.strip():
                matter.fail(f"{key} names must not be blank", name_node)
        return FrontMatterCast(
            tuple(CastEntry(name=name, role=_CAST_ROLES[key]) for name in names)
        )
    if not isinstance(node, yaml.SequenceNode):
        matter.fail(
            "speakers must be a list of names or of {name, role, aliases}", node
        )
    entries: list[CastEntry] = []
    aliases: dict[str, str] = {}
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            name = matter.string(item, "a speaker's name")
            if not name.strip():
                matter.fail("a speaker's name must not be blank", item)
            entries.append(CastEntry(name=name))
            continue
        fields: dict[str, Any] = {}
        for field, key_node, value_node in matter.mapping(item, "a speaker"):
            if field not in SPEAKER_KEYS:
                known = ", ".join(sorted(SPEAKER_KEYS))
                matter.fail(
                    f"unknown speaker key {field!r}; known keys: {known}", key_node
                )
            if field == "aliases":
                fields[field] = matter.strings(value_node, "aliases")
            else:
                fields[field] = (matter.string(value_node, field), value_node)
        if "name" not in fields:
            matter.fail("a speaker needs a name", item)
        name, name_node = fields["name"]
        if not name.strip():
            matter.fail("a speaker's name must not be blank", name_node)
        role: Role | None = None
        if "role" in fields:
            role_name, role_node = fields["role"]
            try:
                role = Role(role_name)
            except ValueError:
                known = ", ".join(member.value for member in Role)
                matter.fail(
                    f"unknown role {role_name!r}; known roles: {known}", role_node
                )
        entries.append(CastEntry(name=name, role=role, final=role is not None))
        for alias in fields.get("aliases", ()):
            aliases.setdefault(alias, name)
    return FrontMatterCast(tuple(entries), aliases)


def human_front_matter(
    matter: FrontMatter | None,
) -> tuple[str | None, Metadata, FrontMatterCast]:
    """Title, metadata and cast from a blog's front matter.

    Keys other than the title, the metadata fields and the cast go to extras.
    """
    if matter is None:
        return None, Metadata(), FrontMatterCast()
    title: str | None = None
    fields: dict[str, str] = {}
    extras: dict[str, str | tuple[str, ...]] = {}
    cast = FrontMatterCast()
    for key, _, node in matter.pairs():
        value = matter.value(node)
        if value is None or value == "" or value == []:
            continue
        if key in ("speakers", *_CAST_ROLES):
            found = _front_matter_cast(matter, key, node)
            cast = FrontMatterCast(
                (*cast.entries, *found.entries), {**found.names, **cast.names}
            )
        elif key == "title" and not isinstance(value, (list, dict)):
            title = scalar_text(value)
        elif key in _METADATA_KEYS and not isinstance(value, (list, dict)):
            fields[_METADATA_KEYS[key]] = scalar_text(value)
        elif isinstance(value, dict):
            # Nested keys, as in "author: {name: ..., url: ...}", are flattened.
            for inner, item in value.items():
                extras[f"{key}.{inner}"] = _extra_value(item)
        else:
            extras[key] = _extra_value(value)
    try:
        metadata = Metadata(**fields, extras=extras)
        if title is not None and not title.strip():
            title = None
    except ValidationError as error:
        fail(f"front matter: {error.message}", line=matter.first_line, column=1)
    return title, metadata, cast
