"""What a caller tells the readers instead of letting them guess."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from interviewkit.model import Role

__all__ = ["ReadOptions"]


def _names(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, Iterable) or isinstance(items, Mapping):
        raise TypeError(f"expected a name or a sequence of names, not {value!r}")
    result = tuple(items)
    for item in result:
        if not isinstance(item, str) or not item.strip():
            raise TypeError(f"speakers are named by non-blank str, not {item!r}")
    return result


def _roles(value: object) -> Mapping[str, Role]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise TypeError("roles must map names to roles")
    roles: dict[str, Role] = {}
    for key, role in value.items():
        if not isinstance(key, str):
            raise TypeError("roles must map names (str) to roles")
        try:
            roles[key] = Role(role)
        except ValueError:
            known = ", ".join(member.value for member in Role)
            raise ValueError(f"unknown role {role!r}; known roles: {known}") from None
    return MappingProxyType(roles)


def _labels(value: object) -> Mapping[str, str]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise TypeError("names must map labels to names")
    names: dict[str, str] = {}
    for key, name in value.items():
        if not isinstance(key, str) or not isinstance(name, str) or not name.strip():
            raise TypeError("names must map labels (str) to non-blank names (str)")
        names[key] = name
    return MappingProxyType(names)


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a bool, not {value!r}")


@attrs.frozen(kw_only=True)
class ReadOptions:
    """What the caller knows better than a reader's guesses.

    `interviewkit.read` and `interviewkit.loads` take these as keyword
    arguments (``ik.read(path, interviewer="Collider")``) or as one object
    (``options=ReadOptions(...)``); the command line offers them as
    ``--interviewer``, ``--interviewee``, ``--name LABEL=NAME``, ``--role
    NAME=ROLE`` and ``--no-infer-questions``. Each format says which it
    honours (`Format.options`); JSON, which stores the whole model,
    honours none.

    Args:
        interviewer: The name (or label) of the interviewer, or several; they
            ask the unlabelled questions.
        interviewee: The name (or label) of the interviewee, or several.
        roles: Roles by speaker name or label: ``{"Collider": "interviewer"}``.
        names: Speaker names by label: ``{"DS": "Darren Star"}``,
            ``{"SPEAKER_00": "Ann Lee"}``.
        infer_questions: Read an unlabelled paragraph between two answers by
            the same speaker as a question (True), or as part of the answer
            before it (False).
        strict: Raise `ParseError` for what a reader would otherwise repair
            or report with a `ReadWarning`: a document with no speech, a
            broken cue. Every format honours it.

    Raises:
        TypeError: If an option has the wrong type.
        ValueError: If a role is unknown.

    Example:
        >>> options = ReadOptions(interviewer="Collider", roles={"STAR": "guest"})
        >>> options.interviewer, options.roles["STAR"]
        (('Collider',), <Role.GUEST: 'guest'>)

    """

    interviewer: tuple[str, ...] = attrs.field(default=(), converter=_names)
    interviewee: tuple[str, ...] = attrs.field(default=(), converter=_names)
    roles: Mapping[str, Role] = attrs.field(factory=dict, converter=_roles, hash=False)
    names: Mapping[str, str] = attrs.field(factory=dict, converter=_labels, hash=False)
    infer_questions: bool = attrs.field(default=True, validator=_flag)
    strict: bool = attrs.field(default=False, validator=_flag)

    def given(self) -> frozenset[str]:
        """The names of the options that differ from their defaults."""
        return frozenset(
            field.name
            for field in attrs.fields(ReadOptions)
            if getattr(self, field.name) != getattr(_DEFAULT, field.name)
        )

    @classmethod
    def from_keywords(
        cls, options: ReadOptions | None, keywords: Mapping[str, Any]
    ) -> ReadOptions:
        """Combine an options object and keyword options, as `read` takes them.

        Raises:
            TypeError: For an unknown keyword, or both forms at once.
        """
        fields = {field.name for field in attrs.fields(cls)}
        unknown = sorted(set(keywords) - fields)
        if unknown:
            known = ", ".join(sorted(fields))
            raise TypeError(
                f"unknown reading option {unknown[0]!r}; reading options: {known}"
            )
        if options is not None:
            if keywords:
                raise TypeError("pass options= or keyword options, not both")
            if not isinstance(options, ReadOptions):
                raise TypeError(
                    f"options must be a ReadOptions, not {type(options).__name__}"
                )
            return options
        return cls(**keywords)


_DEFAULT = ReadOptions()
