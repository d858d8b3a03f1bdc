"""Roles, prose kinds, and the checks every model class runs on its fields."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from interviewkit.errors import ValidationError


class Role(str, enum.Enum):
    """What part a speaker plays in an interview.

    The value of each member is its lowercase name, so ``Role("host")`` is
    `Role.HOST`.

    Example:
        >>> Role("interviewee") is Role.INTERVIEWEE
        True

    """

    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    HOST = "host"
    GUEST = "guest"
    MODERATOR = "moderator"
    PANELIST = "panelist"
    NARRATOR = "narrator"
    INTERPRETER = "interpreter"
    AUDIENCE = "audience"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class ProseKind(str, enum.Enum):
    """What a `Prose` block is, in the article around the talk.

    Example:
        >>> ProseKind("related")
        <ProseKind.RELATED: 'related'>

    """

    EDITORS_NOTE = "editors_note"
    """A note from the editor, such as a spoiler warning."""
    INTRO = "intro"
    """A standfirst or introduction before the talk."""
    RELATED = "related"
    """A link to another article: ``RELATED: ...``, ``READ MORE: ...``."""
    CLOSING = "closing"
    """A closing line after the talk: where to watch, how it was edited."""
    OTHER = "other"
    """Any other paragraph that is not speech."""

    def __str__(self) -> str:
        return self.value


def _check_text(name: str, value: str) -> None:
    if "\r" in value:
        raise ValidationError(
            f"{name} must use '\\n' line breaks only, not '\\r'", path=(name,)
        )


def _not_blank(name: str, value: str) -> None:
    if not value.strip():
        raise ValidationError(f"{name} must not be empty or blank", path=(name,))
    _check_text(name, value)


def _explain(name: str, value: object, *, blank_ok: bool) -> None:
    """Raise the ValidationError that says why ``value`` is not valid text."""
    if not isinstance(value, str):
        raise ValidationError(
            f"{name} must be a str, not {type(value).__name__}", path=(name,)
        )
    if blank_ok:
        _check_text(name, value)
    else:
        _not_blank(name, value)


# The validators below run for every block of every interview read, so the
# valid case is one inline test; only an invalid value pays for the message.


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or "\r" in value:
        _explain(attribute.name, value, blank_ok=True)


def _optional_text(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (type(value) is not str or "\r" in value):
        _explain(attribute.name, value, blank_ok=True)


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str or "\r" in value or not value.strip():
        _explain(attribute.name, value, blank_ok=False)


def _optional_non_blank(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (
        type(value) is not str or "\r" in value or not value.strip()
    ):
        _explain(attribute.name, value, blank_ok=False)


def _optional_millis(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None or (type(value) is int and value >= 0):
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be an int of milliseconds, "
            f"not {type(value).__name__}",
            path=(attribute.name,),
        )
    if value < 0:
        raise ValidationError(
            f"{attribute.name} must not be negative, got {value}",
            path=(attribute.name,),
        )


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str):
        # A bare string would become a tuple of characters: refuse it.
        raise ValidationError("expected a sequence, not a str")
    return tuple(value)


def _to_role(value: Role | str | None) -> Role | None:
    if value is None or isinstance(value, Role):
        return value
    try:
        return Role(value)
    except ValueError:
        known = ", ".join(role.value for role in Role)
        raise ValidationError(
            f"unknown role {value!r}; known roles: {known}", path=("role",)
        ) from None


def _to_prose_kind(value: ProseKind | str) -> ProseKind:
    if isinstance(value, ProseKind):
        return value
    try:
        return ProseKind(value)
    except ValueError:
        known = ", ".join(kind.value for kind in ProseKind)
        raise ValidationError(
            f"unknown prose kind {value!r}; known kinds: {known}", path=("kind",)
        ) from None


def _to_extras(value: object) -> Mapping[str, str | tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ValidationError(
            f"extras must be a mapping, not {type(value).__name__}", path=("extras",)
        )
    extras: dict[str, str | tuple[str, ...]] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise ValidationError(
                f"extras keys must be non-empty str, got {key!r}", path=("extras",)
            )
        _check_text("extras keys", key)
        if isinstance(item, str):
            _check_text(f"extras[{key!r}]", item)
            extras[key] = item
        elif isinstance(item, (list, tuple)) and all(isinstance(v, str) for v in item):
            for value in item:
                _check_text(f"extras[{key!r}]", str(value))
            extras[key] = tuple(item)
        else:
            raise ValidationError(
                f"extras values must be str or a sequence of str, "
                f"got {type(item).__name__}",
                path=("extras", key),
            )
    return MappingProxyType(extras)
