"""YAML front matter: split from the body, parsed safely, with positions."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any, NoReturn

import attrs
import yaml

from interviewkit.formats.markdown.layout import fail

MAX_DEPTH = 32
"""How deep the collections of front matter may nest, the mapping itself
being the first level.

Front matter holds a title, metadata and a cast, three levels deep at most;
the limit leaves room for more and keeps reading linear. Without it, PyYAML
recurses once a level, and does work for every open level at each token.
"""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with a depth limit and integers Python can print."""

    _depth = 0

    def _too_deep(self) -> NoReturn:
        raise yaml.scanner.ScannerError(
            None,
            None,
            f"collections nested more than {MAX_DEPTH} levels deep",
            self.get_mark(),
        )

    # The scanner's limits stop the work where the input passes the limit.
    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        if len(self.indents) + self.flow_level >= MAX_DEPTH:
            self._too_deep()
        super().fetch_flow_collection_start(TokenClass)

    def add_indent(self, column: int) -> bool:
        if self.indent < column and len(self.indents) + self.flow_level >= MAX_DEPTH:
            self._too_deep()
        return super().add_indent(column)

    # The composer's limit bounds its recursion, whatever mix of styles.
    def compose_node(self, parent: Any, index: Any) -> Any:
        nested = self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent)
        if nested:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"collections nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,  # type: ignore[no-untyped-call]
                )
        try:
            return super().compose_node(parent, index)
        finally:
            if nested:
                self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        # Python converts at most sys.get_int_max_str_digits() digits between
        # integers and text, in either direction.
        try:
            value: int = super().construct_yaml_int(node)
            str(value)
        except ValueError:
            digits = len(node.value.lstrip("+-"))
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"an integer of {digits} digits is longer than Python converts "
                f"({sys.get_int_max_str_digits()} digits)",
                node.start_mark,
            ) from None
        return value


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


@attrs.frozen
class FrontMatter:
    """The front matter's YAML, parsed with the position of every node."""

    loader: yaml.SafeLoader
    """The loader that read it, which constructs the values of its nodes."""
    node: yaml.MappingNode | None
    first_line: int
    """The 1-based document line of the YAML's first line."""

    def position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def fail(self, message: str, node: yaml.Node) -> NoReturn:
        line, column = self.position(node)
        fail(message, line=line, column=column)

    def value(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.fail(f"front matter: {getattr(error, 'problem', None) or error}", node)

    def pairs(self) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        if self.node is None:
            return
        seen: set[str] = set()
        for key_node, value_node in self.node.value:
            key = self.value(key_node)
            if not isinstance(key, str):
                self.fail(f"front matter keys must be strings, not {key!r}", key_node)
            if key in seen:
                self.fail(f"front matter key {key!r} is given twice", key_node)
            seen.add(key)
            yield key, key_node, value_node

    def names(self) -> set[str]:
        return {key for key, _, _ in self.pairs()}

    def string(self, node: yaml.Node, what: str) -> str:
        value = self.value(node)
        if not isinstance(value, str):
            self.fail(f"{what} must be a string, not {yaml_type(value)}", node)
        return value

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(f"{what} must be a list of strings", node)
        return tuple(self.string(item, what) for item in node.value)

    def mapping(
        self, node: yaml.Node, what: str
    ) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(f"{what} must be a mapping", node)
        inner = FrontMatter(self.loader, node, self.first_line)
        return list(inner.pairs())


def yaml_type(value: object) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def _mark_position(mark: Any, first_line: int) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + first_line, mark.column + 1


def parse_yaml(text: str, *, first_line: int) -> FrontMatter:
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        line, column = _mark_position(
            error.problem_mark or error.context_mark, first_line
        )
        problem = error.problem or error.context or "invalid YAML"
        fail(f"front matter is not valid YAML: {problem}", line=line, column=column)
    except yaml.reader.ReaderError as error:
        character = error.character
        if isinstance(character, int):
            character = chr(character)
        before = text[: error.position]
        line = before.count("\n") + first_line
        column = error.position - (before.rfind("\n") + 1) + 1
        fail(
            f"front matter is not valid YAML: character {character!r} is not allowed",
            line=line,
            column=column,
        )
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks its errors
        fail(f"front matter is not valid YAML: {error}", line=first_line, column=1)
    matter = FrontMatter(loader, None, first_line)
    if node is not None and not isinstance(node, yaml.MappingNode):
        matter.fail("front matter must be a mapping of keys to values", node)
    # An alias repeats a node; a few of them nested make the data exponential.
    seen: set[int] = set()
    pending: list[yaml.Node] = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if id(current) in seen:
            matter.fail(
                "front matter anchors and aliases (&name, *name) are not supported",
                current,
            )
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                pending.extend((key_node, value_node))
    return FrontMatter(loader, node, first_line)


def split_front_matter(text: str) -> tuple[list[str], FrontMatter | None, int]:
    """The document's lines, its front matter, and the index of the body."""
    lines = text.split("\n")
    if lines[0].rstrip(" \t") != "---":
        return lines, None, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in ("---", "..."):
            matter = parse_yaml("\n".join(lines[1:index]), first_line=2)
            return lines, matter, index + 1
    return fail(
        "the front matter opened on line 1 is never closed by ---", line=1, column=1
    )
