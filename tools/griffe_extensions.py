"""Griffe extensions that the API reference of the docs site needs.

mkdocs loads this file through ``mkdocstrings`` (see ``mkdocs.yml``); it is
not part of the package.

- `AttrsInit`: griffe reads source code without running it, so it cannot see
  the ``__init__`` that attrs generates. Without it a class page has no
  signature and every ``Args:`` entry is reported as unknown. This builds
  the signature from the class's annotated fields, the way griffe's built-in
  dataclasses extension does for dataclasses.
- `SingularExampleSection`: Google style allows both ``Example:`` and
  ``Examples:``; griffe only knows the plural, and would render the
  singular as an admonition whose ``>>>`` lines become Markdown quotes.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ATTRS_DECORATORS = frozenset(
    {
        "attrs.define",
        "attrs.frozen",
        "attrs.mutable",
        "attr.s",
        "attr.attrs",
        "attr.define",
        "attr.frozen",
        "attr.mutable",
    }
)
_ATTRS_FIELDS = frozenset({"attrs.field", "attr.ib", "attr.attrib", "attr.field"})
_SINGULAR_EXAMPLE = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)


def _call_arguments(expr: object) -> dict[str, Any]:
    if not isinstance(expr, griffe.ExprCall):
        return {}
    return {
        argument.name: argument.value
        for argument in expr.arguments
        if isinstance(argument, griffe.ExprKeyword)
    }


def _attrs_decorator(cls: griffe.Class) -> griffe.Decorator | None:
    for decorator in cls.decorators:
        value = decorator.value
        function = value.function if isinstance(value, griffe.ExprCall) else value
        if isinstance(function, griffe.Expr) and (
            function.canonical_path in _ATTRS_DECORATORS
        ):
            return decorator
    return None


def _init_parameters(cls: griffe.Class, *, kw_only: bool) -> list[griffe.Parameter]:
    parameters = []
    for member in cls.members.values():
        if member.is_alias or not member.is_attribute:
            continue
        if member.annotation is None or "property" in member.labels:
            continue
        value = member.value
        field = (
            _call_arguments(value)
            if isinstance(value, griffe.ExprCall)
            and value.function.canonical_path in _ATTRS_FIELDS
            else None
        )
        default: str | griffe.Expr | None
        if field is None:
            default = value
        elif "factory" in field:
            default = griffe.ExprCall(function=field["factory"], arguments=[])
        else:
            default = field.get("default")
        if field is not None and field.get("init") == "False":
            continue
        parameters.append(
            griffe.Parameter(
                member.name.lstrip("_"),
                annotation=member.annotation,
                kind=griffe.ParameterKind.keyword_only
                if kw_only
                else griffe.ParameterKind.positional_or_keyword,
                default=default,
                docstring=member.docstring,
            )
        )
    return parameters


class AttrsInit(griffe.Extension):
    """Give attrs classes the ``__init__`` signature that attrs generates."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Add ``__init__`` to an attrs class that does not define one."""
        decorator = _attrs_decorator(cls)
        if decorator is None or "__init__" in cls.members:
            return
        kw_only = _call_arguments(decorator.value).get("kw_only") == "True"
        cls.set_member(
            "__init__",
            griffe.Function(
                "__init__",
                lineno=cls.lineno,
                endlineno=cls.lineno,
                parent=cls,
                parameters=griffe.Parameters(
                    griffe.Parameter(
                        "self", kind=griffe.ParameterKind.positional_or_keyword
                    ),
                    *_init_parameters(cls, kw_only=kw_only),
                ),
                returns="None",
            ),
        )


class SingularExampleSection(griffe.Extension):
    """Read a Google-style ``Example:`` section as ``Examples:``."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rename the section in the docstring before it is parsed."""
        if obj.docstring is not None:
            obj.docstring.value = _SINGULAR_EXAMPLE.sub(
                r"\1Examples:", obj.docstring.value
            )
