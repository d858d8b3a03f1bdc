"""HTML to a tree of elements with their source positions.

The tokenizer is the standard library's `html.parser`: it follows HTML5's
rules for character references, comments and raw text (``<script>``,
``<style>``), and tells the line and column of every tag, which a reader
needs to report where it doubts. The tree is built by the few rules of
HTML5's tree construction that decide where an article's text belongs:
void elements never open, a block closes an open ``<p>``, a list item
closes the one before it, an end tag closes what is open inside it, a
stray end tag is ignored, as a browser ignores it, and elements nest no
deeper than `MAX_DEPTH`.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import attrs

__all__ = ["Element", "Text", "parse"]


class Text(str):
    """A run of text, with the 1-based line where it starts."""

    __slots__ = ("line",)
    line: int


VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Elements whose start closes an open <p> (HTML5 "close a p element").
CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
# What an open <p> is not closed across (HTML5's "button scope").
_P_SCOPE = frozenset(
    ["html", "body", "table", "td", "th", "caption", "template", "button", "object"]
)
# What a list item or a definition is not closed across (HTML5's "special"
# elements less address, div and p).
_ITEM_SCOPE = _P_SCOPE | frozenset(
    [
        "article",
        "aside",
        "blockquote",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "header",
        "main",
        "nav",
        "ol",
        "section",
        "ul",
    ]
)
# Elements open at once, at most: deeper ones are laid beside each other, as
# browsers lay them (Chromium's limit is 512), so that unclosed tags
# (``<b><b><b>...``) cannot nest without end.
MAX_DEPTH = 128
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


@attrs.define(eq=False)
class Element:
    """An element: its tag, attributes, position and children.

    A child is an `Element` or a `Text`, with character references already
    replaced.
    """

    tag: str
    attributes: dict[str, str]
    line: int
    """The 1-based line of its start tag."""
    column: int
    """The 1-based column of its start tag."""
    children: list[Element | Text] = attrs.Factory(list)
    parent: Element | None = None

    def classes(self) -> set[str]:
        """The names in its ``class`` attribute."""
        return set(self.attributes.get("class", "").split())

    def elements(self) -> Iterator[Element]:
        """Its child elements, in order."""
        return (child for child in self.children if isinstance(child, Element))

    def walk(self) -> Iterator[Element]:
        """It and every element inside it, in document order."""
        # A stack, not recursion: a step an element, however deep it is.
        pending: list[Element] = [self]
        while pending:
            element = pending.pop()
            yield element
            pending.extend(reversed(list(element.elements())))

    def text(self) -> str:
        """All the text inside it, exactly as written (references replaced)."""
        return "".join(
            child if isinstance(child, str) else child.text() for child in self.children
        )


class _Builder(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.root = Element("#document", {}, first_line, 1)
        self.stack: list[Element] = [self.root]

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line + self.first_line - 1, offset + 1

    def _close_in_scope(self, tags: frozenset[str], scope: frozenset[str]) -> None:
        """Close the innermost open element named in ``tags``, if in scope."""
        for index in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[index].tag
            if tag in tags:
                del self.stack[index:]
                return
            if tag in scope:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P:
            self._close_in_scope(frozenset({"p"}), _P_SCOPE)
        if tag == "li":
            self._close_in_scope(frozenset({"li"}), _ITEM_SCOPE)
        elif tag in ("dt", "dd"):
            self._close_in_scope(frozenset({"dt", "dd"}), _ITEM_SCOPE)
        elif tag in _HEADINGS and self.stack[-1].tag in _HEADINGS:
            self.stack.pop()
        line, column = self._position()
        attributes: dict[str, str] = {}
        for name, value in attrs:
            attributes.setdefault(name, "" if value is None else value)
        parent = self.stack[-1]
        element = Element(tag, attributes, line, column, parent=parent)
        parent.children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()  # <div/>: XHTML's empty element

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self.handle_starttag("br", [])  # HTML5 reads </br> as <br>
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # Older versions of `html.parser` raise AssertionError on a marked
        # section they do not know (``<![0``); HTML5 reads it as a bogus
        # comment up to the next ``>``, or as text if none follows.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        # Runs of text stay apart where comments split them: joining them
        # here would copy the text again for every run.
        text = Text(data)
        text.line = self._position()[0]
        self.stack[-1].children.append(text)


def parse(text: str, *, first_line: int = 1) -> Element:
    """Parse ``text`` into a tree under a ``#document`` element.

    Args:
        text: The HTML.
        first_line: The document line ``text`` starts on (after front matter).

    Example:
        >>> root = parse("<p>Q: <b>Why?</b><p>A: Because.")
        >>> [(p.tag, p.text(), p.line, p.column) for p in root.elements()]
        [('p', 'Q: Why?', 1, 1), ('p', 'A: Because.', 1, 18)]

    """
    builder = _Builder(first_line)
    builder.feed(text)
    builder.close()
    return builder.root
