"""Reading Markdown as people write it: the markup's own evidence, then the
reading engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from interviewkit._io import Document
from interviewkit._options import ReadOptions
from interviewkit._reading import LabelMatch, find_label
from interviewkit._reading.markup import (
    TIMESTAMP,
    Piece,
    assemble,
    emphasis_style,
    finish,
    marked_label,
    timestamp_ms,
)
from interviewkit._report import report
from interviewkit.errors import ValidationError
from interviewkit.formats.markdown.front_matter import FrontMatter
from interviewkit.formats.markdown.human_front_matter import human_front_matter
from interviewkit.formats.markdown.human_kept import (
    code_text,
    link_suffix,
    reading_parser,
    reference_definitions,
)
from interviewkit.formats.markdown.layout import fail
from interviewkit.model import Interview, Metadata

__all__ = ["human_document"]

# --------------------------------------------------------------------------
# Reading Markdown as people write it: the paragraphs and what marks them

_inline_parser = reading_parser()


def _plain(children: Sequence[Any]) -> str:
    """The text of inline tokens, without their markup."""
    out: list[str] = []
    links: list[tuple[int, Any]] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append("\n")
        elif kind == "image":
            src, title = child.attrs.get("src", ""), child.attrs.get("title")
            out.append(child.content + link_suffix(str(src), title, child.content))
        elif kind == "link_open":
            links.append((len(out), child))
        elif kind == "link_close" and links:
            start, link = links.pop()
            href, title = link.attrs.get("href", ""), link.attrs.get("title")
            out.append(link_suffix(str(href), title, "".join(out[start:])))
    return "".join(out)


def _closing(children: Sequence[Any], start: int) -> int:
    """The index of the token that closes the one at ``start``."""
    depth = 0
    for index in range(start, len(children)):
        depth += children[index].nesting
        if depth == 0:
            return index
    return -1


def _strip_empty(children: Sequence[Any]) -> list[Any]:
    out = list(children)
    while out and out[0].type == "text" and not out[0].content.strip():
        out.pop(0)
    while out and out[-1].type == "text" and not out[-1].content.strip():
        out.pop()
    return out


def _split_lines(tokens: Sequence[Any]) -> list[list[Any]]:
    """The inline tokens of a paragraph, cut at its line breaks."""
    lines: list[list[Any]] = [[]]
    depth = 0
    for token in tokens:
        if token.type in ("softbreak", "hardbreak") and depth == 0:
            lines.append([])
            continue
        depth += token.nesting
        lines[-1].append(token)
    return lines


def _marked_label(tokens: Sequence[Any]) -> tuple[str, LabelMatch] | None:
    """A label that bold or italic marks at the start of a line.

    ``**Name:** text``, ``**Name**: text``, ``_Name_:``, ``**Name** 00:01:23``
    (a name and a time, the speech below) and a name alone in bold read as
    labels by the engine's own rules (`find_label`), with the markup as the
    evidence that a Mixed Case name is a label. Returns the line as plain
    text and the label found on it.
    """
    stamp = ""
    stamp_ms: int | None = None
    if tokens and tokens[0].type == "text":
        # A timestamp before the label: "\[00:04:08\] **HOST:** ..."
        found = TIMESTAMP.fullmatch(tokens[0].content)
        if found is None or len(tokens) < 2:
            return None
        stamp, stamp_ms, tokens = tokens[0].content, timestamp_ms(found), tokens[1:]
    if not tokens or tokens[0].type not in ("strong_open", "em_open"):
        return None
    close = _closing(tokens, 0)
    inner = _plain(tokens[1:close]).strip()
    after = _plain(tokens[close + 1 :])
    return marked_label(inner, after, stamp=stamp, stamp_ms=stamp_ms)


def _lines_piece(children: Sequence[Any], line: int) -> Piece:
    """A paragraph of text, line by line, with the label each line starts with."""
    texts: list[str] = []
    found: list[LabelMatch | None] = []
    for tokens in _split_lines(_strip_empty(children)):
        tokens = _strip_empty(tokens)
        marked = _marked_label(tokens)
        if marked is not None:
            texts.append(marked[0])
            found.append(marked[1])
            continue
        text = _plain(tokens).strip()
        if text:
            texts.append(text)
            found.append(find_label(text))
    return Piece(
        text="\n".join(texts),
        line=line,
        style="lines",
        lines=tuple(texts),
        found=tuple(found),
    )


def _paragraph_piece(children: Sequence[Any], line: int) -> Piece:
    tokens = _strip_empty(children)
    if tokens and tokens[0].type == "image":
        image = tokens[0]
        return Piece(
            text=_plain(tokens[1:]).strip(),
            line=line,
            style="image",
            image=str(image.attrs.get("src", "")),
            alt=image.content,
            title=image.attrs.get("title"),
            keep_alt=True,
        )
    if (
        tokens
        and tokens[0].type in ("strong_open", "em_open")
        and _closing(tokens, 0) == len(tokens) - 1
    ):
        inner = _plain(tokens[1:-1]).strip()
        style = emphasis_style(inner, strong=tokens[0].type == "strong_open")
        if style is not None:
            return Piece(text=inner, line=line, style=style)
    return _lines_piece(children, line)


def human_pieces(lines: Sequence[str], body: int) -> list[Piece]:
    """The paragraphs of a human-written Markdown body, top to bottom."""
    env: dict[str, Any] = {}
    tokens = _inline_parser.parse("\n".join(lines[body:]), env)
    pieces = _pieces(tokens, 0, len(tokens), 0, body)
    return _with_references(pieces, env, lines, body)


def _with_references(
    pieces: list[Piece], env: dict[str, Any], lines: Sequence[str], body: int
) -> list[Piece]:
    """The pieces, and each link reference definition among them as text."""
    found = reference_definitions(env, lines[body:])
    if not found:
        return pieces
    references = [
        Piece(text=text, line=start + body + 1, style="reference")
        for start, text in found
    ]
    return sorted([*pieces, *references], key=lambda piece: piece.line)


def _pieces(
    tokens: Sequence[Any], start: int, stop: int, level: int, body: int
) -> list[Piece]:
    """The pieces of the blocks between ``start`` and ``stop`` at ``level``."""
    pieces: list[Piece] = []
    index = start
    while index < stop:
        token = tokens[index]
        if token.level != level or token.nesting == -1 or token.map is None:
            index += 1
            continue
        line = token.map[0] + body + 1
        end = _closing(tokens, index) if token.nesting == 1 else index
        if token.type == "paragraph_open":
            pieces.append(_paragraph_piece(tokens[index + 1].children or [], line))
        elif token.type == "heading_open":
            text = _plain(tokens[index + 1].children or []).strip()
            level_name = f"heading{int(token.tag[1:])}"
            pieces.append(Piece(text=text, line=line, style=level_name))
        elif token.type in ("fence", "code_block", "html_block"):
            text = code_text(token)
            comment = (
                token.type == "html_block"
                and text.startswith("<!--")
                and text.endswith("-->")
                and text.count("-->") == 1
            )
            if text.strip() and not comment:
                style = "html" if token.type == "html_block" else "code"
                pieces.append(Piece(text=text, line=line, style=style))
        elif token.type.endswith("list_open") and _asks_in_items(tokens, index, end):
            # A list of questions in bold, each with its answer indented
            # below it: the items are the paragraphs of the talk.
            for item, item_end in _items(tokens, index, end):
                pieces += _pieces(tokens, item + 1, item_end, level + 2, body)
        elif token.type != "hr":
            text = _nested_text(tokens[index : end + 1])
            if text:
                style = "quote" if token.type == "blockquote_open" else "list"
                pieces.append(Piece(text=text, line=line, style=style))
        index = end + 1
    return pieces


def _items(tokens: Sequence[Any], start: int, end: int) -> list[tuple[int, int]]:
    """The (open, close) indices of the items of the list at ``start``."""
    level = tokens[start].level + 1
    found = []
    for index in range(start + 1, end):
        token = tokens[index]
        if token.type == "list_item_open" and token.level == level:
            found.append((index, _closing(tokens, index)))
    return found


def _asks_in_items(tokens: Sequence[Any], start: int, end: int) -> bool:
    """Whether every item of a list starts with a paragraph all in bold.

    Such a list is a written interview's questions (``1. **Why?**``) with
    the answers inside the items, at least one of them.
    """
    items = _items(tokens, start, end)
    answered = False
    for item, item_end in items:
        first = tokens[item + 1]
        if first.type != "paragraph_open":
            return False
        inline = _strip_empty(tokens[item + 2].children or [])
        if not (
            inline
            and inline[0].type in ("strong_open", "em_open")
            and _closing(inline, 0) == len(inline) - 1
        ):
            return False
        answered = answered or _closing(tokens, item + 1) + 1 < item_end
    return bool(items) and answered


def _nested_text(block: Sequence[Any]) -> str:
    """The text of a quote or a list: a line an item or paragraph."""
    parts = []
    bullets: list[str] = []
    for inline in block:
        if inline.type == "bullet_list_open":
            bullets.append("-")
        elif inline.type == "ordered_list_open":
            bullets.append("1.")
        elif inline.type in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
        elif inline.type == "list_item_open" and bullets:
            number = inline.info or "1"
            mark = "-" if bullets[-1] == "-" else f"{number}."
            parts.append(" " * 2 * (len(bullets) - 1) + mark + " ")
        elif inline.type == "inline":
            parts.append(_plain(inline.children or []).strip())
            if len(parts) > 1 and parts[-2].endswith(" "):
                parts[-2:] = [parts[-2] + parts[-1]]
        elif inline.type in ("fence", "code_block"):
            parts.append(code_text(inline))
    return "\n".join(part for part in parts if part)


def human_document(
    lines: list[str],
    matter: FrontMatter | None,
    body: int,
    options: ReadOptions,
    document: Document,
) -> Interview:
    """Read Markdown as people write it (see the package docstring)."""
    title, metadata, cast = human_front_matter(matter)
    body_title, assembler = assemble(human_pieces(lines, body))
    done = finish(
        assembler,
        title=title,
        body_title=body_title,
        cast=cast.entries,
        names=cast.names,
        options=options,
        context=[value for value in (title, *_strings(metadata)) if value],
    )
    for message, line in done.notes:
        report(document, options, message, line=line, column=1)
    try:
        return Interview(
            title=done.title, metadata=metadata, speakers=done.speakers, body=done.body
        )
    except ValidationError as error:  # pragma: no cover - a reader bug
        fail(error.message)


def _strings(metadata: Metadata) -> list[str]:
    """The front matter's text, where names may be written in full."""
    values: list[str] = []
    for value in (
        metadata.source,
        metadata.url,
        metadata.date,
        *metadata.extras.values(),
    ):
        if isinstance(value, str):
            values.append(value)
        elif value is not None:
            values.extend(value)
    return values
