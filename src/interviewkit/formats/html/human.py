"""Reading interviews as publishers put them on the web.

The page's elements become the engine's pieces (`interviewkit._reading.markup`)
the way Markdown's do: a ``<p>`` is a paragraph of lines cut at ``<br>``, a
bold, italic or ``<cite>`` name at the start of a line is a label by the
engine's own rules, a ``<time>`` beside it is its start, a paragraph all in
bold is a question, headings, ``<figure>``, lists, quotes and ``<pre>`` are
what they are in Markdown. White space collapses as a browser shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from interviewkit._reading import LabelMatch, find_label
from interviewkit._reading.markup import (
    TIMESTAMP,
    Piece,
    emphasis_style,
    marked_label,
    timestamp_ms,
)
from interviewkit._time import parse_clock
from interviewkit.formats.html.tree import Element, Text

__all__ = ["content_root", "head_facts", "pieces"]

# What is not the article's text: code, forms, navigation, embedded media.
_SKIPPED = frozenset(
    [
        "audio",
        "button",
        "canvas",
        "datalist",
        "form",
        "head",
        "iframe",
        "input",
        "map",
        "meter",
        "nav",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
        "video",
    ]
)
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    ]
)
_MARKS = {"b": "strong", "strong": "strong", "em": "em", "i": "em", "cite": "strong"}
_HEADINGS = {f"h{level}": f"heading{level}" for level in range(1, 7)}
_SPACES = re.compile(r"[ \t\n\f\r]+")
_DURATION = re.compile(
    r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d{1,3}))?S)?", re.IGNORECASE
)

Node = Element | Text


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _is_space(node: Node) -> bool:
    return isinstance(node, Text) and not _collapse(node).strip(" ")


def _inline_text(node: Node) -> str:
    """An inline node's text as shown: white space collapsed, links kept."""
    if isinstance(node, Text):
        return _collapse(node)
    if node.tag in _SKIPPED:
        return ""
    if node.tag == "br":
        return "\n"
    if node.tag == "img":
        return node.attributes.get("alt", "")
    shown = "".join(_inline_text(child) for child in node.children)
    href = node.attributes.get("href", "") if node.tag == "a" else ""
    plain = shown.strip(" ")
    if href and href not in (plain, "mailto:" + plain) and not href.startswith("#"):
        shown += f" ({href})"
    return shown


def _plain(nodes: Sequence[Node]) -> str:
    lines = "".join(_inline_text(node) for node in nodes).split("\n")
    return "\n".join(_collapse(line).strip(" ") for line in lines).strip("\n")


def time_ms(element: Element) -> int | None:
    """The time a ``<time>`` element gives: its ``datetime`` or its text."""
    value = element.attributes.get("datetime", "").strip()
    duration = _DURATION.fullmatch(value) if value else None
    if duration is not None and any(duration.groups()):
        hours, minutes, seconds, fraction = duration.groups()
        whole = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
        return whole * 1000 + int((fraction or "0").ljust(3, "0"))
    return parse_clock(value) if value else parse_clock(element.text().strip())


def _line_label(nodes: list[Node]) -> tuple[str, LabelMatch | None]:
    """One line of inline nodes: its text, and the label it starts with."""
    stamp, stamp_ms, rest = "", None, nodes
    head, tail = nodes[0], _strip(nodes[1:])
    if tail and isinstance(tail[0], Element) and tail[0].tag in _MARKS:
        # A time before the label: "<time>0:05</time> <b>HOST:</b> ...".
        if isinstance(head, Element) and head.tag == "time":
            # The element gives the time: no stamp in the line's text.
            stamp_ms = time_ms(head)
        elif isinstance(head, Text) and (clock := TIMESTAMP.fullmatch(_collapse(head))):
            stamp_ms, stamp = timestamp_ms(clock), _plain([head]) + " "
        if stamp_ms is not None:
            rest = tail
    first = rest[0] if rest else None
    if isinstance(first, Element) and first.tag in _MARKS:
        inner = _plain([first])
        after_nodes = [node for node in rest[1:] if not _is_space(node)]
        if (
            len(after_nodes) == 1
            and isinstance(after_nodes[0], Element)
            and after_nodes[0].tag == "time"
            and (found_ms := time_ms(after_nodes[0])) is not None
        ):
            # "<cite>Name:</cite> <time>0:05</time>", the speech below.
            marked = marked_label(inner, "", stamp=stamp, stamp_ms=found_ms)
        else:
            after = _collapse("".join(_inline_text(node) for node in rest[1:]))
            marked = marked_label(
                inner, after.rstrip(" "), stamp=stamp, stamp_ms=stamp_ms
            )
        if marked is not None:
            return marked
    text = _plain(nodes)
    return text, find_label(text) if text else None


def _split_lines(nodes: Sequence[Node]) -> list[list[Node]]:
    lines: list[list[Node]] = [[]]
    for node in nodes:
        if isinstance(node, Element) and node.tag == "br":
            lines.append([])
        else:
            lines[-1].append(node)
    return lines


def _strip(nodes: Sequence[Node]) -> list[Node]:
    start, end = 0, len(nodes)
    while start < end and _is_space(nodes[start]):
        start += 1
    while end > start and _is_space(nodes[end - 1]):
        end -= 1
    return list(nodes[start:end])


def _line_of(nodes: Sequence[Node], default: int) -> int:
    for node in nodes:
        if not _is_space(node):
            return node.line
    return default


def _inline_piece(nodes: Sequence[Node], line: int) -> Piece | None:
    """A paragraph of inline content: lines, a bold question, or an image."""
    nodes = _strip(nodes)
    if not nodes:
        return None
    line = _line_of(nodes, line)
    first = nodes[0]
    if isinstance(first, Element) and first.tag == "img":
        return Piece(
            text=_plain(nodes[1:]),
            line=line,
            style="image",
            image=first.attributes.get("src"),
            alt=first.attributes.get("alt"),
        )
    if (
        len(nodes) == 1
        and isinstance(first, Element)
        and first.tag == "a"
        and first.attributes.get("href", "").strip()
    ):
        return Piece(text=_plain(nodes), line=line, style="link")
    if len(nodes) == 1 and isinstance(first, Element) and first.tag in _MARKS:
        inner = _plain([first])
        style = emphasis_style(inner, strong=_MARKS[first.tag] == "strong")
        if style is not None:
            return Piece(text=inner, line=line, style=style)
    texts: list[str] = []
    found: list[LabelMatch | None] = []
    for line_nodes in _split_lines(nodes):
        line_nodes = _strip(line_nodes)
        if not line_nodes:
            continue
        text, label = _line_label(line_nodes)
        if text:
            texts.append(text)
            found.append(label)
    if not texts:
        return None
    return Piece(
        text="\n".join(texts),
        line=line,
        style="lines",
        lines=tuple(texts),
        found=tuple(found),
    )


def _list_lines(element: Element, depth: int) -> Iterator[str]:
    number = 0
    for item in element.elements():
        if item.tag != "li":
            continue
        number += 1
        inline = [
            child
            for child in item.children
            if not (isinstance(child, Element) and child.tag in ("ul", "ol"))
        ]
        text = _collapse(_block_text(inline)).strip(" ")
        mark = "-" if element.tag == "ul" else f"{number}."
        yield " " * 2 * depth + f"{mark} {text}"
        for child in item.elements():
            if child.tag in ("ul", "ol"):
                yield from _list_lines(child, depth + 1)


def _block_text(nodes: Sequence[Node]) -> str:
    """The text of mixed content: blocks on their own lines."""
    parts: list[str] = []
    run: list[Node] = []
    for node in nodes:
        if isinstance(node, Element) and node.tag not in _INLINE:
            parts.append(_plain(run))
            run = []
            if node.tag not in _SKIPPED:
                parts.append(_block_text(node.children))
        else:
            run.append(node)
    parts.append(_plain(run))
    return "\n".join(part for part in parts if part)


def _figure(element: Element) -> Piece | None:
    image = next((e for e in element.walk() if e.tag == "img"), None)
    if image is None:
        return None
    caption = next((e for e in element.walk() if e.tag == "figcaption"), None)
    return Piece(
        text=_block_text(caption.children) if caption is not None else "",
        line=element.line,
        style="image",
        image=image.attributes.get("src"),
        alt=image.attributes.get("alt"),
    )


def _block_piece(element: Element) -> Iterator[Piece]:
    tag = element.tag
    if tag in _HEADINGS:
        yield Piece(
            text=_plain(element.children), line=element.line, style=_HEADINGS[tag]
        )
    elif tag in ("ul", "ol"):
        text = "\n".join(_list_lines(element, 0))
        yield Piece(text=text, line=element.line, style="list")
    elif tag == "blockquote":
        yield Piece(
            text=_block_text(element.children), line=element.line, style="quote"
        )
    elif tag == "pre":
        text = element.text().removeprefix("\n").rstrip("\n")
        yield Piece(text=text, line=element.line, style="code")
    elif tag == "figure" and (figure := _figure(element)) is not None:
        yield figure
    else:
        yield from pieces(element)


def pieces(container: Element) -> Iterator[Piece]:
    """The pieces of a container's content, top to bottom.

    Inline content between blocks is a paragraph of its own, as a browser
    lays it out.
    """
    run: list[Node] = []
    for child in container.children:
        if isinstance(child, Text) or child.tag in _INLINE:
            run.append(child)
            continue
        if run:
            piece = _inline_piece(run, container.line)
            if piece is not None:
                yield piece
            run = []
        if child.tag in _SKIPPED or child.tag == "hr":
            continue
        if child.tag in ("p", "dt", "dd", "figcaption", "address", "summary"):
            if any(
                isinstance(c, Element) and c.tag not in _INLINE for c in child.children
            ):
                yield from pieces(child)
            else:
                piece = _inline_piece(child.children, child.line)
                if piece is not None:
                    yield piece
            continue
        yield from _block_piece(child)
    if run:
        piece = _inline_piece(run, container.line)
        if piece is not None:
            yield piece


def content_root(root: Element) -> Element:
    """Where the article is: ``<main>``, else the first ``<article>``, else
    the ``<body>``, else the whole document."""
    for tag in ("main", "article", "body"):
        found = next((e for e in root.walk() if e.tag == tag), None)
        if found is not None:
            return found
    return root


def head_facts(root: Element) -> dict[str, str]:
    """What the page says of itself: title, language, address, date."""
    facts: dict[str, str] = {}
    for element in root.walk():
        tag, attributes = element.tag, element.attributes
        if tag == "html" and attributes.get("lang", "").strip():
            facts.setdefault("language", attributes["lang"].strip())
        elif tag == "title" and _collapse(element.text()).strip(" "):
            facts.setdefault("title", _collapse(element.text()).strip(" "))
        elif tag == "link" and "canonical" in attributes.get("rel", "").split():
            if attributes.get("href", "").strip():
                facts.setdefault("url", attributes["href"].strip())
        elif tag == "meta":
            name = attributes.get("name") or attributes.get("property") or ""
            content = attributes.get("content", "").strip()
            if content and name in ("og:url",):
                facts.setdefault("url", content)
            elif content and name in ("date", "article:published_time"):
                facts.setdefault("date", content)
    return facts
